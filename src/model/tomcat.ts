import { relativePosix } from './paths';
import type { XmlAttribute, XmlData, XmlElement } from '../parse/xml';
import { attr } from '../parse/xml';
import type { ParsedDocument } from '../parse/types';
import { expandCipherString } from '../knowledge/openssl-cipher-string';
import {
  TOMCAT_FACTS,
  tomcatReadsConnectorTls,
  tomcatSuites,
  tomcatTlsFacts,
  type TomcatTlsFacts,
} from '../knowledge/tomcat';
import { effectiveJdkTls } from '../knowledge';
import type { ModelContributor } from './contributor';
import { appGroupOf, traced } from './java-shared';
import { runtimeWithProperties, startJvmPropertiesByGroup } from './jvm-runtime';
import type { CertificateRef, ClientAuthMode, Component, TlsSettings, Traced } from './types';
import type { TomcatConnectorAttributes } from './attributes';
import { TOMCAT_LEGACY_CONNECTOR_ATTRIBUTES as LEGACY } from '../knowledge/tomcat';
import { connectorTlsAttributes, notStarted, READ_BY_8_5_AND_9_ONLY, setterAttribute } from './tomcat-legacy';
import { tomcatReleaseOf, type TomcatReleaseAnswer, type TomcatReleaseRead } from './tomcat-release';
import {
  readAttribute,
  readWritten,
  TOMCAT_DIRECTORY_PROPERTIES,
  tomcatPropertyScope,
  type ReadAttribute,
} from './tomcat-properties';

const PLACEHOLDER = /\$\{[^}]*\}/;

/**
 * Tomcat's `protocols` / `sslEnabledProtocols` syntax (Tomcat SSLHostConfig docs):
 * comma- or `+`-separated names, `+name` adds, `-name` removes, `all` = every protocol.
 */
export function tomcatProtocols(value: string, all: readonly string[] = tomcatTlsFacts().protocolsAll): string[] {
  const set: string[] = [];
  for (const [, sign, word = ''] of value.matchAll(/([+-]?)\s*([A-Za-z][\w.]*)/g)) {
    const names = word.toLowerCase() === 'all' ? all : [word];
    for (const name of names) {
      const at = set.indexOf(name);
      if (sign === '-') {
        if (at !== -1) set.splice(at, 1);
      } else if (at === -1) set.push(name);
    }
  }
  return set;
}

/** An APR/OpenSSL connector's `ciphers`: a comma list of JSSE/IANA names, or an OpenSSL cipher string (expanded to IANA names). */
export function tomcatCiphers(value: string): string[] {
  const parts = value.split(/[,\s]+/).filter(Boolean);
  // JSSE names have lower-case parts too (TLS_ECDH_anon_WITH_…, TLS_DH_anon_…).
  if (parts.every((p) => /^(TLS|SSL)_[A-Za-z0-9_]+$/.test(p))) return parts;
  return expandCipherString(value).ciphers.map((c) => c.iana);
}

/** The facts of the release the tree names for a server.xml (./tomcat-release.ts), and how the tree names it, in words. */
export interface TomcatReleaseFacts {
  facts: TomcatTlsFacts;
  /** `9.0.85 (Dockerfile:1 FROM tomcat:9.0.85-jdk17)`, `11.0.18 (assumed: the tree names no Tomcat version)`. */
  named: string;
  read?: TomcatReleaseRead;
  /** Whether the release reads the Connector's TLS attributes: 8.5 and 9 (true), 10.0+ (false), unknown (undefined). */
  reads?: boolean;
}

function releaseFacts(answer: TomcatReleaseAnswer): TomcatReleaseFacts {
  const read = answer && 'read' in answer ? answer.read : undefined;
  const facts = tomcatTlsFacts(read?.release);
  if (read && !facts.assumed) {
    const inferred = read.majorOnly
      ? `; the tag names the major only: its newest branch, ${read.release}, inferred`
      : '';
    const reads = tomcatReadsConnectorTls(read.release);
    return {
      facts,
      named: `${facts.release} (${read.text}${inferred})`,
      read,
      ...(reads === undefined ? {} : { reads }),
    };
  }
  const why = read
    ? `${read.text} names Tomcat ${read.release}, for which lint-deploy has no facts`
    : answer && 'conflicting' in answer
      ? `the images that run this server.xml name different Tomcat releases: ${answer.conflicting.map((c) => c.text).join(', ')}`
      : 'the tree names no Tomcat version';
  return { facts, named: `${facts.release} (assumed: ${why})`, ...(read ? { read } : {}) };
}

const defaultFrom = ({ facts, named }: TomcatReleaseFacts, what: string) => ({
  kind: 'default' as const,
  origin: `Tomcat ${named} ${what} (${facts.source.split(' ')[0]})`,
  confidence: facts.assumed ? ('inferred' as const) : facts.confidence,
});

/**
 * Tomcat keeps the configured protocols the JDK implements; TLSv1.3 and SSLv2Hello, which `all` names, only
 * when the JDK has them or they were asked for by name (SSLUtilBase). Unknown JDK: the list as configured,
 * without SSLv2Hello unless named (a hello format, which only JDK 6 clients send).
 */
function implementedProtocols(
  configured: string[],
  written: string | undefined,
  supported: string[] | undefined,
): string[] {
  const named = (p: string) => new RegExp(`(^|[^.\\w])${p.replace('.', '\\.')}($|[^.\\w])`, 'i').test(written ?? '');
  if (!supported) return configured.filter((p) => p !== 'SSLv2Hello' || named(p));
  return configured.filter((p) => supported.includes(p) || (p !== 'SSLv2Hello' && p !== 'TLSv1.3' && named(p)));
}

const CLIENT_AUTH: Record<string, ClientAuthMode> = {
  true: 'required',
  required: 'required',
  want: 'optional',
  optional: 'optional',
  optional_no_ca: 'optional',
  false: 'none',
  none: 'none',
  // SSLHostConfig.CertificateVerification.fromString (apache/tomcat 9.0.121) also reads these, SSLVerifyClient's among them.
  yes: 'required',
  require: 'required',
  optionalnoca: 'optional',
  no: 'none',
};

/**
 * One `tomcat.connector` server component per TLS `<Connector>` and SSLHostConfig
 * in a Tomcat `server.xml` (SSLEnabled="true" or an `<SSLHostConfig>` child). Legacy
 * Connector attributes (`sslEnabledProtocols`, `ciphers`, `clientAuth`, `keystoreFile`)
 * are the implicit default host config, as Tomcat 8.5+ reads them. `${…}` values as Tomcat fills them in
 * (./tomcat-properties.ts): a `-D` property, a `${name:-default}`'s default; unknown when the tree cannot tell.
 */
export const tomcatContributor: ModelContributor = {
  id: 'tomcat',
  contribute(ctx) {
    const properties = startJvmPropertiesByGroup(ctx);
    for (const doc of ctx.documentsOf('tomcat.server-xml') as ParsedDocument<XmlData>[]) {
      const file = doc.file.path;
      const release = releaseFacts(tomcatReleaseOf(ctx, file));
      const facts = release.facts;
      const relative = relativePosix(ctx.deployment.root, file);
      const runtime = runtimeWithProperties(
        ctx,
        ctx.runtimeFor(file),
        properties.get(appGroupOf(ctx, file)) ?? [],
        appGroupOf(ctx, file),
      );
      const scope = tomcatPropertyScope(ctx, file, runtime, facts);
      for (const connector of doc.data.elements.filter((e) => e.localName === 'Connector')) {
        const hostConfigs = connector.children.filter((c) => c.localName === 'SSLHostConfig');
        // By Tomcat's setter rule: `sslEnabled="true"` reaches no setter (Tomcat logs "failed to set property").
        const enabledAttribute = setterAttribute(connector, 'SSLEnabled');
        const sslEnabled =
          !!enabledAttribute && readWritten(enabledAttribute, file, scope)?.value.toLowerCase() === 'true';
        if (!sslEnabled && hostConfigs.length === 0) continue;
        const service = connector.parent;
        const hostNames = (service?.children ?? [])
          .filter((c) => c.localName === 'Engine')
          .flatMap((engine) => engine.children.filter((c) => c.localName === 'Host'))
          .flatMap((host) => [
            attr(host, 'name')?.value,
            ...host.children.filter((c) => c.localName === 'Alias').map((a) => a.text),
          ])
          .filter((n): n is string => !!n && !PLACEHOLDER.test(n));
        const portAttr = readAttribute(connector, 'port', file, scope);
        const port = portAttr && /^\d+$/.test(portAttr.value) ? Number(portAttr.value) : undefined;
        const openssl =
          /Apr/i.test(attr(connector, 'protocol')?.value ?? '') ||
          /openssl/i.test(attr(connector, 'sslImplementationName')?.value ?? '');
        const written = connectorTlsAttributes(connector, file);
        // Tomcat 10.0+ ignores the Connector's TLS attributes: without an <SSLHostConfig> the connector does not start.
        if (release.reads === false && hostConfigs.length === 0) {
          (ctx.deployment.unservedTls ??= []).push(notStarted(ctx, connector, file, release, written, portAttr?.value));
          continue;
        }
        for (const hostConfig of hostConfigs.length ? hostConfigs : [undefined]) {
          const placeholders: string[] = [];
          // An attribute as written, its `${…}` filled in; one nothing in the tree fills is a placeholder.
          const readFound = (found: XmlAttribute): ReadAttribute | undefined => {
            const read = readWritten(found, file, { ...scope, keep: TOMCAT_DIRECTORY_PROPERTIES });
            if (!read) placeholders.push(found.name);
            return read;
          };
          const pick = (names: string[], elements: (XmlElement | undefined)[]): ReadAttribute | undefined => {
            for (const element of elements) {
              if (!element) continue;
              for (const name of names) {
                const found = attr(element, name);
                if (found) return readFound(found);
              }
            }
            return undefined;
          };
          const at = <T>(a: ReadAttribute, value: T): Traced<T> =>
            a.via?.length
              ? { value, from: { kind: 'file', location: { file, range: a.valueRange }, via: a.via } }
              : traced(value, file, a.valueRange);
          // 10.0+ reads the SSLHostConfig alone; the APR-style names only 8.5 and 9 (./tomcat-legacy.ts).
          const own = release.reads === false ? [hostConfig] : [hostConfig, connector];
          const apr = (name: string): ReadAttribute | undefined => {
            const found = release.reads === true ? setterAttribute(connector, name) : undefined;
            return found ? readFound(found) : undefined;
          };
          const tls: TlsSettings = {
            implementation: openssl ? 'openssl' : runtime?.vendor.value === 'ibm' ? 'ibmjsse2' : 'jsse',
          };
          const protocols = pick(['protocols', 'sslEnabledProtocols'], own) ?? apr('SSLProtocol');
          const ciphers = pick(['ciphers'], own) ?? apr('SSLCipherSuite');
          const cipherSuites = pick(['cipherSuites'], own);
          const honor = pick(['honorCipherOrder', 'useServerCipherSuitesOrder'], own) ?? apr('SSLHonorCipherOrder');
          if (honor) tls.serverOrderWins = at(honor, honor.value.toLowerCase() === 'true');
          if (openssl) {
            if (protocols) tls.protocols = at(protocols, tomcatProtocols(protocols.value, facts.protocolsAll));
            if (ciphers) tls.cipherSuites = at(ciphers, tomcatCiphers(ciphers.value));
          } else if (!placeholders.some((p) => /^(protocols|sslEnabledProtocols|ciphers|cipherSuites)$/.test(p))) {
            // A JSSE connector sets its protocols and suites on every SSLEngine itself (Tomcat's defaults when
            // not configured), so the JDK's default lists and jdk.tls.server.* do not apply.
            const supported = runtime
              ? effectiveJdkTls(runtime, ctx.memo).profile?.supportedProtocols.value
              : undefined;
            const configured = protocols ? tomcatProtocols(protocols.value, facts.protocolsAll) : facts.protocolsAll;
            const enabled = implementedProtocols(configured, protocols?.value, supported);
            // Named in the list, implemented by the JDK, yet dropped: Tomcat skips it (and fails when none is left).
            const byName = protocols ? tomcatProtocols(protocols.value, []) : [];
            const unimplemented = supported ? byName.filter((p) => !enabled.includes(p) && p !== 'SSLv2Hello') : [];
            if (unimplemented.length > 0) tls.unimplementedProtocols = unimplemented;
            tls.protocols = protocols
              ? at(protocols, enabled)
              : { value: enabled, from: defaultFrom(release, `protocols="${TOMCAT_FACTS.protocolsDefault.value}"`) };
            // The same question in every environment of a fleet (Tomcat's default string): answered once a run.
            const suites = ctx.memo
              .get(
                'tomcatSuites',
                JSON.stringify([ciphers?.value, cipherSuites?.value, facts.ciphersDefault, facts.tls13Suites]),
                () => tomcatSuites(ciphers?.value, cipherSuites?.value, facts).suites,
              )
              .slice();
            const where = ciphers ?? cipherSuites;
            tls.cipherSuites = where
              ? at(where, suites)
              : {
                  value: suites,
                  from: defaultFrom(
                    release,
                    `ciphers="${facts.ciphersDefault}"${facts.tls13Suites === 'cipherSuites' ? ' and TLS 1.3 cipherSuites' : ''}`,
                  ),
                };
            if (!honor && facts.honorCipherOrderDefault !== 'jdk')
              tls.serverOrderWins = {
                value: facts.honorCipherOrderDefault,
                from: defaultFrom(release, 'honorCipherOrder="false" (client order)'),
              };
          }
          const verify = pick(['certificateVerification', 'clientAuth'], own) ?? apr('SSLVerifyClient');
          const verifyMode = verify && CLIENT_AUTH[verify.value.toLowerCase()];
          if (verify && verifyMode) tls.clientAuth = at(verify, verifyMode);
          // An SSLHostConfig may hold several <Certificate>s (RSA, EC); `type` declares each one's key.
          const certificates = (hostConfig?.children ?? []).filter((c) => c.localName === 'Certificate');
          const refs: CertificateRef[] = [];
          for (const certificate of certificates.length ? certificates : [undefined]) {
            const store =
              pick(['certificateKeystoreFile', 'certificateFile'], [certificate]) ??
              (refs.length === 0
                ? (pick(['keystoreFile', 'certificateKeystoreFile'], own) ?? apr('SSLCertificateFile'))
                : undefined);
            if (!store) continue;
            const declared = certificate ? attr(certificate, 'type')?.value.toUpperCase() : undefined;
            const keyType = declared === 'RSA' || declared === 'EC' || declared === 'DSA' ? declared : undefined;
            refs.push({
              file: store.value,
              reference: { file, range: store.valueRange },
              ...(keyType ? { keyType } : {}),
            });
          }
          if (refs[0]) tls.certificate = refs[0];
          if (refs.length > 1) tls.moreCertificates = refs.slice(1);
          // 10.0+: the Connector's TLS attributes are ignored. Release unknown: the APR-style ones only 8.5/9 read
          // decide what this end does, so the handshake's outcome is unknown (endpoint.ts reads unknownValues).
          const connectorTls =
            release.reads === false
              ? { ignored: true, attributes: written }
              : release.reads === undefined
                ? { ignored: false, attributes: written.filter((a) => READ_BY_8_5_AND_9_ONLY.includes(a.name)) }
                : undefined;
          if (connectorTls && !connectorTls.ignored && connectorTls.attributes.length > 0) {
            tls.unknownValues = [
              ...(tls.unknownValues ?? []),
              ...connectorTls.attributes.map(
                (a) => `${a.name} on the Connector (read by ${LEGACY.readBy} only; the tree names no Tomcat release)`,
              ),
            ];
            tls.unknownAt = [
              ...(tls.unknownAt ?? []),
              ...connectorTls.attributes.map((a) => ({ ...a.at, message: `${a.name} is set here` })),
            ];
          }
          const hostName = hostConfig ? attr(hostConfig, 'hostName')?.value : undefined;
          const component: Component = {
            id: `tomcat.connector:${relative}:${portAttr?.value ?? '?'}${hostName && hostName !== '_default_' ? `:${hostName}` : ''}`,
            type: 'tomcat.connector',
            name: `Tomcat connector ${portAttr?.value ?? '(no port)'}${hostName && hostName !== '_default_' ? ` ${hostName}` : ''} (${relative})`,
            role: 'server',
            location: { file, range: (hostConfig ?? connector).range },
            host: ctx.hostOf(file),
            runtime,
            tls,
            documents: [doc],
            attributes: {
              tlsPorts: port ? [port] : [],
              hostnames: [...(hostName && hostName !== '_default_' ? [hostName] : []), ...hostNames].map((h) =>
                h.toLowerCase(),
              ),
              placeholders,
              ciphersAsWritten: ciphers?.value,
              tomcat: {
                release: facts.release,
                assumed: facts.assumed,
                named: release.named,
                ...(release.read ? { at: release.read.at } : {}),
                ...(release.reads === undefined ? {} : { readsConnectorTls: release.reads }),
              },
              ...(connectorTls?.attributes.length ? { connectorTls } : {}),
            } satisfies TomcatConnectorAttributes,
          };
          ctx.addComponent(component);
        }
      }
    }
  },
};
