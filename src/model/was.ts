import type { RunMemo } from '../core/run-memo';
import * as path from 'node:path';
import type { Location } from '../core/types';
import type { Located } from '../parse/mq/xml-values';
import type { ParsedDocument } from '../parse/types';
import type { WasResourcesData, WasSecurityData, WasSslConfig } from '../parse/websphere';
import type { ModelContributor } from './contributor';
import { certificateRef, ownCertificate } from './mq-certs';
import type { JavaRuntime, JmsConnectionFactoryComponent, Traced } from './types';
import { libertyServersOf, type LibertyServerConfig } from './liberty-config';
import { resolveLibertyValue } from '../parse/liberty-variable-values';
import { securityLevelCiphers } from './was-ciphers';
import { jmsAliasProtocols } from '../knowledge';
import type { JmsConnectionFactoryAttributes, JmsSslConfig, MqValue } from './attributes';
import { relativePosix } from '../core/posix-path';

function mv(file: string, l: Located | undefined): MqValue | undefined {
  return l ? { value: l.value, location: { file, range: l.range }, templated: /\$\{|\{\{/.test(l.value) } : undefined;
}

export function cipherMappings(runtime: JavaRuntime | undefined): Traced<boolean> {
  const prop = runtime?.systemProperties['com.ibm.mq.cfg.useIBMCipherMappings'];
  if (prop) return { value: prop.value.trim().toLowerCase() !== 'false', from: prop.from };
  return {
    value: true,
    from: { kind: 'default', origin: 'IBM MQ classes for JMS: com.ibm.mq.cfg.useIBMCipherMappings defaults to true' },
  };
}

/** JMS connection factories of WebSphere traditional (resources.xml) and Liberty (server.xml) that connect to IBM MQ in client mode. */
export const wasContributor: ModelContributor = {
  id: 'was',
  reads: ['was.', 'liberty.server-xml'],
  contribute(ctx) {
    const root = ctx.deployment.root;
    const certs = ctx.certificates();
    const repertoires = (ctx.documentsOf('was.security-xml') as ParsedDocument<WasSecurityData>[]).flatMap((d) =>
      d.data.repertoires.map((r) => ({ doc: d, r })),
    );
    const sslOf = (file: string, r: WasSslConfig, runtime: JavaRuntime | undefined): JmsSslConfig =>
      withLevelCiphers(
        {
          alias: mv(file, r.alias)!,
          enabledCiphers: mv(file, r.setting.enabledCiphers),
          securityLevel: mv(file, r.setting.securityLevel),
          sslProtocol: mv(file, r.setting.sslProtocol),
          jsseProvider: mv(file, r.setting.jsseProvider),
        },
        runtime,
        ctx.memo,
      );
    for (const doc of ctx.documentsOf('was.resources-xml') as ParsedDocument<WasResourcesData>[]) {
      for (const cf of doc.data.connectionFactories) {
        const a = cf.attrs;
        const file = doc.file.path;
        const sslType = (a.sslType?.value ?? '').toUpperCase();
        const wanted = sslType === 'SPECIFIC' ? a.sslConfiguration?.value : undefined;
        const rep =
          (wanted && repertoires.find((x) => x.r.alias.value === wanted)) ||
          (sslType !== 'NONE' && !wanted
            ? (repertoires.find((x) => x.r.alias.value === 'NodeDefaultSSLSettings') ??
              repertoires.find((x) => x.r.alias.value === 'CellDefaultSSLSettings') ??
              (repertoires.length === 1 ? repertoires[0] : undefined))
            : undefined);
        const cipherProp = cf.properties['SSLCIPHERSUITE'] ?? cf.properties['SCPHS'];
        const runtime = ctx.runtimeFor(file, { product: 'was-traditional' });
        const attrs: JmsConnectionFactoryAttributes = {
          product: 'websphere',
          factoryName: a.jndiName?.value ?? a.name?.value ?? 'connection factory',
          channelName: a.channel?.value?.toUpperCase(),
          channel: mv(file, a.channel),
          queueManager: mv(file, a.queueManager),
          host: mv(file, a.host ?? a.connectionNameList),
          sslCipherSuite: mv(file, a.sslCipherSuite ?? cipherProp),
          sslPeerName: mv(file, a.sslPeerName ?? cf.properties['SSLPEERNAME']),
          sslConfig: rep ? sslOf(rep.doc.file.path, rep.r, runtime) : undefined,
          useIBMCipherMappings: cipherMappings(runtime),
          certificate: ownCertificate(certs, path.dirname(rep?.doc.file.path ?? file)),
        };
        ctx.addComponent(
          cfComponent(ctx.hostOf(file), doc, { file, range: cf.element.range }, attrs, runtime, root, rep?.doc),
        );
      }
    }
    // One configuration per Liberty server: includes merged and `${…}` resolved from its variables.
    for (const server of libertyServersOf(ctx)) {
      const d = server.data;
      const sslId = d.sslDefault?.outboundSSLRef?.value ?? d.sslDefault?.sslRef?.value ?? 'defaultSSLConfig';
      const ssl = d.ssl.find((s) => s.attrs.id?.value === sslId);
      const sslFile = ssl ? server.fileOf(ssl.element) : server.root.file.path;
      for (const cf of d.connectionFactories) {
        const file = server.fileOf(cf.element);
        const doc = server.documents.find((x) => x.file.path === file) ?? server.root;
        const p = cf.properties;
        const runtime = ctx.runtimeFor(file);
        const value = (f: string, l: Located | undefined) => libertyMqValue(f, l, server);
        const attrs: JmsConnectionFactoryAttributes = {
          product: 'liberty',
          factoryName: cf.jndiName?.value ?? cf.id?.value ?? cf.element.localName,
          channel: value(file, p.channel),
          queueManager: value(file, p.queueManager),
          host: value(file, p.hostName ?? p.connectionNameList),
          sslCipherSuite: value(file, p.sslCipherSuite),
          sslPeerName: value(file, p.sslPeerName),
          sslConfig:
            ssl && ssl.attrs.id
              ? withLevelCiphers(
                  {
                    alias: mv(sslFile, ssl.attrs.id)!,
                    enabledCiphers: value(
                      server.fileOfAttribute(ssl.attrs.enabledCiphers as Located) ?? sslFile,
                      ssl.attrs.enabledCiphers,
                    ),
                    securityLevel: value(
                      server.fileOfAttribute(ssl.attrs.securityLevel as Located) ?? sslFile,
                      ssl.attrs.securityLevel,
                    ),
                    sslProtocol: value(
                      server.fileOfAttribute(ssl.attrs.sslProtocol as Located) ?? sslFile,
                      ssl.attrs.sslProtocol,
                    ),
                  },
                  runtime,
                  ctx.memo,
                )
              : undefined,
          useIBMCipherMappings: cipherMappings(runtime),
          certificate: ownCertificate(certs, path.dirname(file)),
        };
        attrs.channelName = attrs.channel && !attrs.channel.templated ? attrs.channel.value.toUpperCase() : undefined;
        ctx.addComponent(
          cfComponent(
            ctx.hostOf(file),
            doc,
            { file, range: cf.element.range },
            attrs,
            runtime,
            root,
            ssl && sslFile !== file ? server.documents.find((x) => x.file.path === sslFile) : undefined,
          ),
        );
      }
    }
  },
};

/**
 * A Liberty attribute with its `${…}` parts resolved from the server's variables; a part nothing sets
 * leaves the value templated (unknown: never judged by its text). `via` names the variables used.
 */
function libertyMqValue(file: string, l: Located | undefined, server: LibertyServerConfig): MqValue | undefined {
  const written = mv(file, l);
  if (!written || !/\$\{/.test(written.value)) return written;
  const resolved = resolveLibertyValue(server.variables, written.value);
  const via = resolved.used.flatMap(({ name, variable }) =>
    variable.location ? [{ ...variable.location, message: `\${${name}} = '${variable.value}' set here` }] : [],
  );
  return resolved.value === undefined
    ? { ...written, templated: true, via }
    : { value: resolved.value, location: written.location, templated: /\{\{/.test(resolved.value), via };
}

/** Adds the securityLevel expansion when the SSL configuration names no ciphers (enabledCiphers overrides securityLevel). */
function withLevelCiphers(config: JmsSslConfig, runtime: JavaRuntime | undefined, memo: RunMemo): JmsSslConfig {
  if (config.enabledCiphers?.value.trim() || config.securityLevel?.templated) return config;
  const levelCiphers = securityLevelCiphers(config.securityLevel, config.alias.location, runtime, 'client', memo);
  return levelCiphers ? { ...config, levelCiphers } : config;
}

/**
 * An alias SSLCIPHERSUITE (`*ANY`, `*TLS12ORHIGHER`…): the MQ classes for JMS enable the alias's protocols themselves
 * (`*ANY`: TLS 1.2 or higher), so the JRE's default protocols do not apply. `jmsAlias(component)` tells the endpoint.
 */
function aliasProtocols(attrs: JmsConnectionFactoryAttributes): Traced<string[]> | undefined {
  const suite = attrs.sslCipherSuite;
  const alias = suite && !suite.templated ? jmsAliasProtocols(suite.value) : undefined;
  if (!suite || !alias) return undefined;
  return {
    value: alias.protocols,
    from: {
      kind: 'file',
      location: suite.location,
      note: `MQ classes for JMS: SSLCIPHERSUITE ${suite.value.trim()} enables ${alias.protocols.join(', ')} (${alias.source.split(' ')[0]})`,
    },
  };
}

/** The alias CipherSuite whose protocols a JMS connection factory's tls.protocols holds (see aliasProtocols). */
export function jmsAlias(component: JmsConnectionFactoryComponent): string | undefined {
  const attrs = component.attributes;
  if (attrs.sslConfig?.sslProtocol && !attrs.sslConfig.sslProtocol.templated) return undefined;
  const suite = attrs.sslCipherSuite;
  return suite && !suite.templated ? jmsAliasProtocols(suite.value)?.alias : undefined;
}

const PRODUCT_NAMES: Record<JmsConnectionFactoryAttributes['product'], string> = {
  websphere: 'WebSphere',
  liberty: 'Liberty',
  spring: 'Spring Boot',
  'jndi-bindings': 'JNDI .bindings',
};

export function cfComponent(
  host: string,
  doc: ParsedDocument,
  location: Location,
  attrs: JmsConnectionFactoryAttributes,
  runtime: JavaRuntime | undefined,
  root: string,
  sslDoc?: ParsedDocument,
): JmsConnectionFactoryComponent {
  // An alias (`*ANY`, `*TLS12ORHIGHER`, or its CipherSpec name `ANY_TLS12_OR_HIGHER`) names no suite: see aliasProtocols.
  const specific =
    attrs.sslCipherSuite &&
    attrs.sslCipherSuite.value.trim() &&
    !attrs.sslCipherSuite.value.startsWith('*') &&
    !jmsAliasProtocols(attrs.sslCipherSuite.value) &&
    !attrs.sslCipherSuite.templated
      ? attrs.sslCipherSuite
      : undefined;
  const enabled =
    attrs.sslConfig?.enabledCiphers &&
    attrs.sslConfig.enabledCiphers.value.trim() &&
    !attrs.sslConfig.enabledCiphers.templated
      ? attrs.sslConfig.enabledCiphers
      : undefined;
  // A value nothing in the tree resolves decides what the client offers: its links' outcome is unknown.
  const templated = [attrs.sslCipherSuite, attrs.sslConfig?.enabledCiphers, attrs.sslConfig?.sslProtocol].filter(
    (v): v is MqValue => !!v?.templated,
  );
  const unknownValues = templated.map(
    (v) => `'${v.value}' (${relativePosix(root, v.location.file)}:${(v.location.range?.start.line ?? 0) + 1})`,
  );
  const cipherSuites: Traced<string[]> | undefined = specific
    ? {
        value: [specific.value.trim()],
        from: { kind: 'file', location: specific.location, ...(specific.via?.length ? { via: specific.via } : {}) },
      }
    : !attrs.sslCipherSuite && enabled
      ? {
          value: enabled.value.split(/[\s,]+/).filter(Boolean),
          from: { kind: 'file', location: enabled.location, ...(enabled.via?.length ? { via: enabled.via } : {}) },
        }
      : !attrs.sslCipherSuite
        ? attrs.sslConfig?.levelCiphers?.suites
        : undefined;
  const tlsOn = Boolean(attrs.sslCipherSuite?.value.trim());
  const rel = relativePosix(root, doc.file.path);
  return {
    id: `jms.connection-factory:${rel}#${attrs.factoryName}`,
    type: 'jms.connection-factory',
    name: `JMS connection factory ${attrs.factoryName} (${PRODUCT_NAMES[attrs.product]})`,
    role: 'client',
    location,
    host,
    runtime,
    documents: sslDoc ? [doc, sslDoc] : [doc],
    attributes: attrs,
    tls: {
      enabled: attrs.sslCipherSuite
        ? { value: tlsOn, from: { kind: 'file', location: attrs.sslCipherSuite.location } }
        : undefined,
      cipherSuites,
      protocols:
        attrs.sslConfig?.sslProtocol && !attrs.sslConfig.sslProtocol.templated
          ? {
              value: [attrs.sslConfig.sslProtocol.value],
              from: { kind: 'file', location: attrs.sslConfig.sslProtocol.location },
            }
          : aliasProtocols(attrs),
      ...(unknownValues.length
        ? {
            unknownValues,
            unknownAt: templated.map((v) => ({
              ...v.location,
              message: `'${v.value}' is not resolved by anything in the tree`,
            })),
          }
        : {}),
      certificate: certificateRef(attrs.certificate),
      // WebSphere traditional runs its own IBM SDK, whose provider is IBMJSSE2.
      implementation:
        attrs.product === 'websphere' ||
        (attrs.sslConfig?.jsseProvider?.value ?? '').toUpperCase() === 'IBMJSSE2' ||
        runtime?.vendor.value === 'ibm'
          ? 'ibmjsse2'
          : 'jsse',
    },
  };
}
