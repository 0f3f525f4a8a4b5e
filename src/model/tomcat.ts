import type { XmlAttribute, XmlData, XmlElement } from '../parse/xml';
import type { ParsedDocument } from '../parse/types';
import type { ModelContributor } from './contributor';
import { appGroupOf, traced } from './java-shared';
import { runtimeWithProperties, startJvmPropertiesByGroup } from './jvm-runtime';
import type { CertificateRef, Component, TlsSettings, Traced } from './types';
import type { TomcatConnectorAttributes } from './attributes';
import { TOMCAT_LEGACY_CONNECTOR_ATTRIBUTES as LEGACY } from '../knowledge/tomcat';
import {
  CLIENT_AUTH,
  connectorTlsAttributes,
  defaultHostConfigAttributes,
  defaultHostConfigClash,
  notStarted,
  READ_BY_8_5_AND_9_ONLY,
  setterAttribute,
} from './tomcat-legacy';
import { ignoredTomcatAttributes } from './tomcat-ignored';
import { engineHostNames, plainHttpConnector } from './tomcat-plain';
import { missingDefaultHostConfig, noDefaultHostConfig } from './tomcat-default-host';
import { tomcatImagesOf, tomcatReleaseOf } from './tomcat-release';
import { nativeCiphersRefused, nativeCiphersUnserved, nativeOpensslOf, tomcatNativeRunBy } from './tomcat-native';
import { releaseFacts, setConnectorLists } from './tomcat-end-lists';
import { ajpConnectorsWithoutSecret, ajpRelease } from './tomcat-ajp';
import { unpublishedComposeServices } from './tomcat-ajp-network';
import { ajpConnectorsOf } from './tomcat-ajp-connectors';
import { readWritten, TOMCAT_DIRECTORY_PROPERTIES, tomcatPropertyScope, type ReadAttribute } from './tomcat-properties';
import { relativePosix } from '../core/posix-path';

export { PROTOCOL_NAME, tomcatCiphers, tomcatProtocols } from './tomcat-lists';

/**
 * One `tomcat.connector` server component per TLS `<Connector>` and SSLHostConfig
 * in a Tomcat `server.xml` (SSLEnabled="true" or an `<SSLHostConfig>` child). Legacy
 * Connector attributes (`sslEnabledProtocols`, `ciphers`, `clientAuth`, `keystoreFile`)
 * are the implicit default host config, as Tomcat 8.5+ reads them. `${…}` values as Tomcat fills them in
 * (./tomcat-properties.ts): a `-D` property, a `${name:-default}`'s default; unknown when the tree cannot tell.
 */
export const tomcatContributor: ModelContributor = {
  id: 'tomcat',
  reads: ['tomcat.server-xml'],
  contribute(ctx) {
    const properties = startJvmPropertiesByGroup(ctx);
    for (const doc of ctx.documentsOf('tomcat.server-xml') as ParsedDocument<XmlData>[]) {
      const file = doc.file.path;
      const images = tomcatImagesOf(ctx, file);
      const releaseAnswer = tomcatReleaseOf(images);
      const release = releaseFacts(releaseAnswer);
      const facts = release.facts;
      const relative = relativePosix(ctx.deployment.root, file);
      // Tomcat Native in the image and the AprLifecycleListener here: OpenSSL, not JSSE (./tomcat-native.ts).
      const native = nativeOpensslOf(doc, images, release.read?.release, (f) => relativePosix(ctx.deployment.root, f));
      const runtime = runtimeWithProperties(
        ctx,
        ctx.runtimeFor(file),
        properties.get(appGroupOf(ctx, file)) ?? [],
        appGroupOf(ctx, file),
      );
      const scope = tomcatPropertyScope(ctx, file, runtime, facts);
      // Connectors whose attributes (or their SSLHostConfig's, Certificate's) a template writes: unknown, not modelled
      // with defaults (../parse/template-xml-attributes.ts). A generated Listener may be Tomcat Native's: the TLS
      // connectors' stack is then unknown too.
      const known = doc.data.elements.filter((e) => e.localName === 'Connector' && !generatedWithin(e));
      const ajp = ajpConnectorsWithoutSecret(known, file, relative, scope, releaseAnswer, images);
      const listenerGenerated = doc.data.elements.some((e) => e.localName === 'Listener' && e.generatedAttributes);
      const connectors = listenerGenerated ? known.filter((c) => !writtenForTls(c)) : known;
      if (ajp.length > 0) {
        // Opted out on every address, but in Compose services that publish nothing: only their networks reach it.
        const unpublished = ajp.some((a) => a.optedOut) ? unpublishedComposeServices(ctx, file) : undefined;
        (ctx.deployment.tomcatAjpWithoutSecret ??= []).push(
          ...ajp.map((a) => (a.optedOut && unpublished ? { ...a, unpublishedIn: unpublished } : a)),
        );
      }
      const ajpConnectors = ajpConnectorsOf(known, { file, relative, scope }, ajpRelease(releaseAnswer, images));
      if (ajpConnectors.length > 0) (ctx.deployment.tomcatAjpConnectors ??= []).push(...ajpConnectors);
      const hostConfigsOf = (c: XmlElement) => c.children.filter((h) => h.localName === 'SSLHostConfig');
      // 8.5 and 9 refuse the whole server.xml when a Connector's TLS attributes and a written <SSLHostConfig> both make
      // its default SSLHostConfig (./tomcat-legacy.ts): no connector of it starts.
      const refused =
        release.reads === true
          ? connectors
              .map((connector) => ({ connector, clash: defaultHostConfigClash(connector, hostConfigsOf(connector)) }))
              .find((c) => c.clash)
          : undefined;
      for (const connector of connectors) {
        const hostConfigs = hostConfigsOf(connector);
        const portFound = setterAttribute(connector, 'port');
        const portAttr = portFound ? readWritten(portFound, file, scope) : undefined;
        const port = portAttr && /^\d+$/.test(portAttr.value) ? Number(portAttr.value) : undefined;
        // By Tomcat's setter rule: `sslEnabled="true"` reaches no setter (Tomcat logs "failed to set property").
        const enabledAttribute = setterAttribute(connector, 'SSLEnabled');
        const enabledRead = enabledAttribute ? readWritten(enabledAttribute, file, scope)?.value : undefined;
        if (enabledRead?.toLowerCase() !== 'true') {
          // Written for TLS, yet SSLEnabled is not true: Tomcat serves plain HTTP on the port (./tomcat-plain.ts).
          const enabled = { ...(enabledAttribute ? { attribute: enabledAttribute } : {}), read: enabledRead };
          const at = { value: portAttr?.value, number: port, at: portFound };
          const plain = plainHttpConnector(ctx, connector, file, enabled, at);
          if (plain) (ctx.deployment.unservedTls ??= []).push(plain);
          if (plain || hostConfigs.length === 0) continue;
        }
        const hostNames = engineHostNames(connector);
        // ConnectorCreateRule reads `protocol` by its exact name; sslImplementationName goes through its setter.
        const apr = /Apr/i.test(connector.attributes.find((a) => a.name === 'protocol')?.value ?? '');
        const implementationName = setterAttribute(connector, 'sslImplementationName');
        const switched = !apr && !implementationName ? native : undefined;
        const openssl = apr || /openssl/i.test(implementationName?.value ?? '') || switched !== undefined;
        const nativeRun = openssl ? tomcatNativeRunBy(connector, file, switched) : undefined;
        const written = connectorTlsAttributes(connector, file);
        if (refused?.clash) {
          const { hostConfig, attributes, hostName } = refused.clash;
          const clash = {
            hostName,
            hostConfigAt: { file, range: hostConfig.range },
            attributes: attributes.map((a) => ({ name: a.name, at: { file, range: a.valueRange } })),
            server: `Tomcat connector ${setterAttribute(refused.connector, 'port')?.value ?? '(no port)'} (${relative})`,
          };
          const unserved = notStarted(ctx, connector, file, release, written, portAttr?.value, clash);
          (ctx.deployment.unservedTls ??= []).push(unserved);
          continue;
        }
        // Release unknown: 8.5 and 9 would refuse this server.xml, 10.0+ ignores the Connector's attributes.
        const clash = release.reads === undefined ? defaultHostConfigClash(connector, hostConfigs) : undefined;
        // 8.5 and 9 serve the Connector's own default SSLHostConfig beside written ones for other host names.
        const own =
          release.reads === true && hostConfigs.length > 0 && defaultHostConfigAttributes(connector).length > 0;
        // Tomcat 10.0+ ignores the Connector's TLS attributes: without an <SSLHostConfig> the connector does not start.
        if (release.reads === false && hostConfigs.length === 0) {
          (ctx.deployment.unservedTls ??= []).push(notStarted(ctx, connector, file, release, written, portAttr?.value));
          continue;
        }
        // No SSLHostConfig for the connector's default host name: Tomcat does not start it (./tomcat-default-host.ts).
        const missing = missingDefaultHostConfig(connector, hostConfigs, release.reads, (found) =>
          readWritten(found, file, scope),
        );
        if (missing) {
          const unserved = noDefaultHostConfig(ctx, connector, file, missing, portAttr?.value, release);
          (ctx.deployment.unservedTls ??= []).push(unserved);
          continue;
        }
        const served = hostConfigs.length ? [...(own ? [undefined] : []), ...hostConfigs] : [undefined];
        for (const hostConfig of served) {
          const placeholders: string[] = [];
          // An attribute as written, its `${…}` filled in; one nothing in the tree fills is a placeholder.
          const readFound = (found: XmlAttribute): ReadAttribute | undefined => {
            const read = readWritten(found, file, { ...scope, keep: TOMCAT_DIRECTORY_PROPERTIES });
            if (!read) placeholders.push(found.name);
            return read;
          };
          // By Tomcat's setter rule (tomcat-legacy.ts sameSetter): `Protocols` is read, `PROTOCOLS` and an
          // SSLHostConfig's `sslEnabledProtocols` (a Connector name) are not ("failed to set property").
          const pick = (element: XmlElement | undefined, ...names: string[]): ReadAttribute | undefined => {
            for (const name of names) {
              const found = setterAttribute(element, name);
              if (found) return readFound(found);
            }
            return undefined;
          };
          const at = <T>(a: ReadAttribute, value: T): Traced<T> =>
            a.via?.length
              ? { value, from: { kind: 'file', location: { file, range: a.valueRange }, via: a.via } }
              : traced(value, file, a.valueRange);
          // The Connector's TLS attributes make a default SSLHostConfig of their own in 8.5 and 9, never merged into
          // a written one (AbstractHttp11Protocol.registerDefaultSSLHostConfig); 10.0+ ignores them. The APR-style
          // names only when the tree names 8.5 or 9 (./tomcat-legacy.ts).
          const legacy = hostConfig || release.reads === false ? undefined : connector;
          const apr = (name: string) => (release.reads === true ? pick(legacy, name) : undefined);
          // 8.5 and 9 also read a certificate's attributes on the SSLHostConfig itself (setCertificateKeystoreFile,
          // removed in 10.0: Tomcat 10.1.60 logs "failed to set property").
          const hostCertificate = release.reads === false ? undefined : hostConfig;
          const tls: TlsSettings = {
            implementation: openssl ? 'openssl' : runtime?.vendor.value === 'ibm' ? 'ibmjsse2' : 'jsse',
          };
          const protocols = pick(hostConfig, 'protocols') ?? pick(legacy, 'sslEnabledProtocols') ?? apr('SSLProtocol');
          const ciphers = pick(hostConfig, 'ciphers') ?? pick(legacy, 'ciphers') ?? apr('SSLCipherSuite');
          const cipherSuites = pick(hostConfig, 'cipherSuites');
          const honor =
            pick(hostConfig, 'honorCipherOrder') ??
            pick(legacy, 'useServerCipherSuitesOrder') ??
            apr('SSLHonorCipherOrder');
          if (honor) tls.serverOrderWins = at(honor, honor.value.toLowerCase() === 'true');
          setConnectorLists(
            tls,
            { protocols, ciphers, cipherSuites, honor },
            {
              openssl,
              native,
              release,
              runtime,
              memo: ctx.memo,
              unread: placeholders,
              file,
              at,
            },
          );
          const verify =
            pick(hostConfig, 'certificateVerification') ?? pick(legacy, 'clientAuth') ?? apr('SSLVerifyClient');
          const verifyMode = verify && CLIENT_AUTH[verify.value.toLowerCase()];
          if (verify && verifyMode) tls.clientAuth = at(verify, verifyMode);
          // An SSLHostConfig may hold several <Certificate>s (RSA, EC); `type` declares each one's key.
          const certificates = (hostConfig?.children ?? []).filter((c) => c.localName === 'Certificate');
          const refs: CertificateRef[] = [];
          for (const certificate of certificates.length ? certificates : [undefined]) {
            const store =
              pick(certificate, 'certificateKeystoreFile', 'certificateFile') ??
              (refs.length === 0
                ? (pick(hostCertificate, 'certificateKeystoreFile', 'certificateFile') ??
                  pick(legacy, 'keystoreFile') ??
                  apr('SSLCertificateFile'))
                : undefined);
            if (!store) continue;
            // CertificateCreateRule reads `type` by its exact name (Tomcat 10.1.60: `Type="EC"` leaves it UNDEFINED).
            const declared = certificate?.attributes.find((a) => a.name === 'type')?.value.toUpperCase();
            const keyType = declared === 'RSA' || declared === 'EC' || declared === 'DSA' ? declared : undefined;
            refs.push({
              file: store.value,
              reference: { file, range: store.valueRange },
              ...(keyType ? { keyType } : {}),
            });
          }
          // Written but reaching no setter (./tomcat-ignored.ts); the Connector's said once, with its first component.
          const ignoredAttributes = [
            ...(hostConfig === served[0] ? ignoredTomcatAttributes(connector, 'Connector', release.reads, file) : []),
            ...[hostConfig, ...certificates].flatMap((e, i) =>
              e ? ignoredTomcatAttributes(e, i === 0 ? 'SSLHostConfig' : 'Certificate', release.reads, file) : [],
            ),
          ];
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
          if (clash && hostConfig === clash.hostConfig) {
            const names = clash.attributes.map((a) => a.name).join(', ');
            tls.unknownValues = [
              ...(tls.unknownValues ?? []),
              `${names} on the Connector beside this <SSLHostConfig> for ${clash.hostName}: ${LEGACY.readBy} refuse the server.xml (two SSLHostConfigs for ${clash.hostName}), ${LEGACY.ignoredFrom} and later ignore the attribute, and the tree names no Tomcat release`,
            ];
            tls.unknownAt = [
              ...(tls.unknownAt ?? []),
              ...clash.attributes.map((a) => ({ file, range: a.valueRange, message: `${a.name} is set here` })),
            ];
          }
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
          const hostName = setterAttribute(hostConfig, 'hostName')?.value;
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
              // SSLEnabled settled true: the endpoint answers a plain request with a fixed 400 (data/tomcat.json).
              ...(port && enabledAttribute && enabledRead?.toLowerCase() === 'true'
                ? {
                    tlsOnlyPorts: [
                      {
                        port,
                        setting: `${enabledAttribute.name}="${enabledAttribute.value}"`,
                        at: {
                          file,
                          range: { start: enabledAttribute.nameRange.start, end: enabledAttribute.valueRange.end },
                        },
                      },
                    ],
                  }
                : {}),
              hostnames: [...(hostName && hostName !== '_default_' ? [hostName] : []), ...hostNames].map((h) =>
                h.toLowerCase(),
              ),
              placeholders,
              ciphersAsWritten: ciphers?.value,
              ...(switched
                ? { nativeOpenssl: { because: switched.because, at: switched.at, openssl: switched.openssl.label } }
                : {}),
              tomcat: {
                release: facts.release,
                assumed: facts.assumed,
                named: release.named,
                ...(release.read ? { at: release.read.at } : {}),
                ...(release.reads === undefined ? {} : { readsConnectorTls: release.reads }),
                // A release the tree names that lint-deploy has no facts for (tomcat:7-jre7): said as such, never as unnamed.
                ...(release.read && facts.assumed ? { unprofiled: release.read.release } : {}),
              },
              ...(connectorTls?.attributes.length ? { connectorTls } : {}),
              ...(ignoredAttributes.length ? { ignoredAttributes } : {}),
            } satisfies TomcatConnectorAttributes,
          };
          // Ciphers that give OpenSSL nothing behind Tomcat Native's prefix: no TLS on this connector (./tomcat-native.ts).
          const refused = nativeRun && ciphers ? nativeCiphersRefused(ciphers.value) : undefined;
          if (nativeRun && ciphers && refused) {
            const written = { value: ciphers.value, at: { file, range: ciphers.valueRange } };
            const unserved = nativeCiphersUnserved(
              component.name,
              written,
              refused,
              nativeRun,
              release,
              portAttr?.value,
            );
            (ctx.deployment.unservedTls ??= []).push(unserved);
            continue;
          }
          ctx.addComponent(component);
        }
      }
    }
  },
};

/** An element whose attributes, or a descendant's, a template writes (XmlElement.generatedAttributes). */
function generatedWithin(element: XmlElement): boolean {
  return element.generatedAttributes !== undefined || element.children.some(generatedWithin);
}

/** A Connector written for TLS: an SSLEnabled attribute (any case, any value) or an <SSLHostConfig>. */
function writtenForTls(connector: XmlElement): boolean {
  return (
    connector.attributes.some((a) => a.name.toLowerCase() === 'sslenabled') ||
    connector.children.some((c) => c.localName === 'SSLHostConfig')
  );
}
