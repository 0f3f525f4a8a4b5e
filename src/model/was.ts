import * as path from 'node:path';
import type { Location } from '../core/types';
import type { LibertyData } from '../parse/liberty';
import type { Located } from '../parse/mq/xml-values';
import type { ParsedDocument } from '../parse/types';
import type { WasResourcesData, WasSecurityData, WasSslConfig } from '../parse/websphere';
import type { ModelContributor } from './contributor';
import type { MqValue } from './mq';
import type { TreeCertificate } from './mq-certs';
import { certificateRef, ownCertificate } from './mq-certs';
import type { Component, JavaRuntime, Traced } from './types';
import { securityLevelCiphers, type LevelCiphers } from './was-ciphers';

/** The WAS/Liberty SSL configuration a JMS connection factory uses. */
export interface JmsSslConfig {
  alias: MqValue;
  enabledCiphers?: MqValue;
  securityLevel?: MqValue;
  sslProtocol?: MqValue;
  jsseProvider?: MqValue;
  /** Without `enabledCiphers`: the runtime's default suites for `securityLevel` (HIGH when unset), inferred. */
  levelCiphers?: LevelCiphers;
}

/** `attributes` of a `jms.connection-factory` component (IBM MQ messaging provider / resource adapter). */
export interface JmsConnectionFactoryAttributes {
  product: 'websphere' | 'liberty';
  factoryName: string;
  channelName?: string;
  channel?: MqValue;
  queueManager?: MqValue;
  host?: MqValue;
  sslCipherSuite?: MqValue;
  sslPeerName?: MqValue;
  sslConfig?: JmsSslConfig;
  /** `com.ibm.mq.cfg.useIBMCipherMappings` as the JVM sees it (default true). */
  useIBMCipherMappings: Traced<boolean>;
  certificate?: TreeCertificate;
}

function mv(file: string, l: Located | undefined): MqValue | undefined {
  return l ? { value: l.value, location: { file, range: l.range }, templated: /\$\{|\{\{/.test(l.value) } : undefined;
}

function cipherMappings(runtime: JavaRuntime | undefined): Traced<boolean> {
  const prop = runtime?.systemProperties['com.ibm.mq.cfg.useIBMCipherMappings'];
  if (prop) return { value: prop.value.trim().toLowerCase() !== 'false', from: prop.from };
  return { value: true, from: { kind: 'default', origin: 'IBM MQ classes for JMS: com.ibm.mq.cfg.useIBMCipherMappings defaults to true' } };
}

/** JMS connection factories of WebSphere traditional (resources.xml) and Liberty (server.xml) that connect to IBM MQ in client mode. */
export const wasContributor: ModelContributor = {
  id: 'was',
  contribute(ctx) {
    const root = ctx.deployment.root;
    const certs = ctx.certificates();
    const repertoires = (ctx.documentsOf('was.security-xml') as ParsedDocument<WasSecurityData>[]).flatMap((d) =>
      d.data.repertoires.map((r) => ({ doc: d, r })),
    );
    const sslOf = (file: string, r: WasSslConfig, runtime: JavaRuntime | undefined): JmsSslConfig => withLevelCiphers({
      alias: mv(file, r.alias)!,
      enabledCiphers: mv(file, r.setting.enabledCiphers),
      securityLevel: mv(file, r.setting.securityLevel),
      sslProtocol: mv(file, r.setting.sslProtocol),
      jsseProvider: mv(file, r.setting.jsseProvider),
    }, runtime);
    for (const doc of ctx.documentsOf('was.resources-xml') as ParsedDocument<WasResourcesData>[]) {
      for (const cf of doc.data.connectionFactories) {
        const a = cf.attrs;
        const file = doc.file.path;
        const sslType = (a.sslType?.value ?? '').toUpperCase();
        const wanted = sslType === 'SPECIFIC' ? a.sslConfiguration?.value : undefined;
        const rep =
          (wanted && repertoires.find((x) => x.r.alias.value === wanted)) ||
          (sslType !== 'NONE' && !wanted
            ? repertoires.find((x) => x.r.alias.value === 'NodeDefaultSSLSettings') ?? repertoires.find((x) => x.r.alias.value === 'CellDefaultSSLSettings') ?? (repertoires.length === 1 ? repertoires[0] : undefined)
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
        ctx.addComponent(cfComponent(ctx.hostOf(file), doc, { file, range: cf.element.range }, attrs, runtime, root, rep?.doc));
      }
    }
    for (const doc of ctx.documentsOf('liberty.server-xml') as ParsedDocument<LibertyData>[]) {
      const file = doc.file.path;
      const d = doc.data;
      const sslId = d.sslDefault?.outboundSSLRef?.value ?? d.sslDefault?.sslRef?.value ?? 'defaultSSLConfig';
      const ssl = d.ssl.find((s) => s.attrs.id?.value === sslId);
      for (const cf of d.connectionFactories) {
        const p = cf.properties;
        const runtime = ctx.runtimeFor(file);
        const attrs: JmsConnectionFactoryAttributes = {
          product: 'liberty',
          factoryName: cf.jndiName?.value ?? cf.id?.value ?? cf.element.localName,
          channelName: p.channel?.value?.toUpperCase(),
          channel: mv(file, p.channel),
          queueManager: mv(file, p.queueManager),
          host: mv(file, p.hostName ?? p.connectionNameList),
          sslCipherSuite: mv(file, p.sslCipherSuite),
          sslPeerName: mv(file, p.sslPeerName),
          sslConfig: ssl && ssl.attrs.id
            ? withLevelCiphers(
                {
                  alias: mv(file, ssl.attrs.id)!,
                  enabledCiphers: mv(file, ssl.attrs.enabledCiphers),
                  securityLevel: mv(file, ssl.attrs.securityLevel),
                  sslProtocol: mv(file, ssl.attrs.sslProtocol),
                },
                runtime,
              )
            : undefined,
          useIBMCipherMappings: cipherMappings(runtime),
          certificate: ownCertificate(certs, path.dirname(file)),
        };
        ctx.addComponent(cfComponent(ctx.hostOf(file), doc, { file, range: cf.element.range }, attrs, runtime, root));
      }
    }
  },
};

/** Adds the securityLevel expansion when the SSL configuration names no ciphers (enabledCiphers overrides securityLevel). */
function withLevelCiphers(config: JmsSslConfig, runtime: JavaRuntime | undefined): JmsSslConfig {
  if (config.enabledCiphers?.value.trim() || config.securityLevel?.templated) return config;
  const levelCiphers = securityLevelCiphers(config.securityLevel, config.alias.location, runtime, 'client');
  return levelCiphers ? { ...config, levelCiphers } : config;
}

function cfComponent(host: string, doc: ParsedDocument, location: Location, attrs: JmsConnectionFactoryAttributes, runtime: JavaRuntime | undefined, root: string, sslDoc?: ParsedDocument): Component {
  const specific = attrs.sslCipherSuite && attrs.sslCipherSuite.value.trim() && !attrs.sslCipherSuite.value.startsWith('*') ? attrs.sslCipherSuite : undefined;
  const enabled = attrs.sslConfig?.enabledCiphers && attrs.sslConfig.enabledCiphers.value.trim() ? attrs.sslConfig.enabledCiphers : undefined;
  const cipherSuites: Traced<string[]> | undefined = specific
    ? { value: [specific.value.trim()], from: { kind: 'file', location: specific.location } }
    : !attrs.sslCipherSuite && enabled
      ? { value: enabled.value.split(/[\s,]+/).filter(Boolean), from: { kind: 'file', location: enabled.location } }
      : !attrs.sslCipherSuite
        ? attrs.sslConfig?.levelCiphers?.suites
        : undefined;
  const tlsOn = Boolean(attrs.sslCipherSuite?.value.trim());
  const rel = path.relative(root, doc.file.path).split(path.sep).join('/');
  return {
    id: `jms.connection-factory:${rel}#${attrs.factoryName}`,
    type: 'jms.connection-factory',
    name: `JMS connection factory ${attrs.factoryName} (${attrs.product === 'liberty' ? 'Liberty' : 'WebSphere'})`,
    role: 'client',
    location,
    host,
    runtime,
    documents: sslDoc ? [doc, sslDoc] : [doc],
    attributes: attrs as unknown as Record<string, unknown>,
    tls: {
      enabled: attrs.sslCipherSuite ? { value: tlsOn, from: { kind: 'file', location: attrs.sslCipherSuite.location } } : undefined,
      cipherSuites,
      protocols: attrs.sslConfig?.sslProtocol ? { value: [attrs.sslConfig.sslProtocol.value], from: { kind: 'file', location: attrs.sslConfig.sslProtocol.location } } : undefined,
      certificate: certificateRef(attrs.certificate),
      // WebSphere traditional runs its own IBM SDK, whose provider is IBMJSSE2.
      implementation: attrs.product === 'websphere' || (attrs.sslConfig?.jsseProvider?.value ?? '').toUpperCase() === 'IBMJSSE2' || runtime?.vendor.value === 'ibm' ? 'ibmjsse2' : 'jsse',
    },
  };
}
