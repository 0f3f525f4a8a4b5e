import type { RunMemo } from '../core/run-memo';
import { isIpAddress } from '../core/ip';
import type { Located } from '../parse/mq/xml-values';
import type { Location } from '../core/types';
import type { LibertyData, LibertySsl } from '../parse/liberty';
import type { XmlAttribute, XmlElement } from '../parse/xml';
import { attr, elementsNamed } from '../parse/xml';
import type { ModelContributor } from './contributor';
import { libertyServersOf, type LibertyServerConfig } from './liberty-config';
import { libertyStoreOf } from './liberty-stores';
import { treeStoresOf, type TreeStores } from './store-files';
import { libertyTlsOf } from './liberty-tls';
import { appGroupOf, traced } from './java-shared';
import { runtimeWithProperties, startJvmPropertiesByGroup } from './jvm-runtime';
import { certificateRef, ownCertificate, type TreeCertificate } from './mq-certs';
import type { CertificateRef, ClientAuthMode, Component, TlsSettings } from './types';
import { securityLevelCiphers } from './was-ciphers';
import type { LibertyHttpsAttributes } from './attributes';
import { relativePosix } from '../core/posix-path';
import { resolveLibertyValue, type LibertyVariable } from '../parse/liberty-variable-values';

const TLS_NAMES = /^(TLSv1(\.[0-3])?|SSLv3)$/;

/**
 * An `<httpEndpoint>`'s HTTPS port (with its attribute), the host it listens on, and the host names it declares
 * (`host="api.example"`; none for `*`, `localhost` or an address), or undefined when it sets no usable `httpsPort`
 * (none written, `-1`, or a value that is no port). Variables resolve as Liberty resolves them (liberty-config.ts:
 * `<variable value>`, bootstrap.properties, server.env with `${env.X}` and the 19.0.0.3 spellings, `<variable
 * defaultValue>` when nothing else sets it). A port written as a variable nothing sets is `undefined`: the endpoint
 * exists, on a port the tree does not give (it may be set at start, or be -1 and close HTTPS: nothing states it).
 */
export function httpsPortOf(
  endpoint: XmlElement,
  variables: ReadonlyMap<string, LibertyVariable>,
): { port: number | undefined; written: XmlAttribute; listenHost: string; hostnames: string[] } | undefined {
  const written = attr(endpoint, 'httpsPort');
  if (!written) return undefined;
  const resolved = resolve(written.value, variables);
  const port = resolved === undefined ? undefined : Number(resolved);
  if (port !== undefined && (!Number.isInteger(port) || port <= 0)) return undefined;
  const listenHost = resolve(attr(endpoint, 'host')?.value, variables) ?? 'localhost';
  const name = listenHost.toLowerCase();
  const hostnames = name && name !== '*' && name !== 'localhost' && !isIpAddress(name) ? [name] : [];
  return { port, written, listenHost, hostnames };
}

/** `${var}` resolved as Liberty resolves the configuration's variables; undefined when something stays unknown. */
function resolve(value: string | undefined, variables: ReadonlyMap<string, LibertyVariable>): string | undefined {
  return value === undefined ? undefined : resolveLibertyValue(variables, value).value?.trim();
}

/** Liberty `sslProtocol`: a comma list of TLSv1…TLSv1.3 is explicit; `SSL_TLSv2`, `TLS`, `SSL` mean the JRE's default set. */
export function libertyProtocols(value: string): string[] | undefined {
  const parts = value.split(/[\s,]+/).filter(Boolean);
  return parts.length > 0 && parts.every((p) => TLS_NAMES.test(p)) ? parts : undefined;
}

function sslConfigIdFor(endpoint: XmlElement, data: LibertyData): string {
  const inline = endpoint.children.find((c) => c.localName === 'sslOptions');
  const optionsRef = attr(endpoint, 'sslOptionsRef')?.value;
  const options =
    inline ??
    (optionsRef ? elementsNamed(data.xml, 'sslOptions').find((o) => attr(o, 'id')?.value === optionsRef) : undefined);
  return (options && attr(options, 'sslRef')?.value) || data.sslDefault?.sslRef?.value || 'defaultSSLConfig';
}

/**
 * One `liberty.https-endpoint` server component per Liberty `<httpEndpoint>` with an `httpsPort`
 * (not -1): its `<ssl>` configuration (sslProtocol, enabledCiphers or the securityLevel expansion,
 * clientAuthentication, enforceCipherOrder) as `tls`, and `tlsPorts`/`hostnames` so java-links links
 * Java clients calling `https://host:port` to it (an httpsPort written as a variable nothing sets: no `tlsPorts`, so
 * no client is linked by port, and the name says the port is unresolved). The certificate is the keystore's when it is a PEM
 * file in the tree, else the leaf certificate with its private key beside server.xml. A server none of whose
 * features includes ssl-1.0 (liberty-tls.ts: the feature list settled, none enabling SSL) opens no HTTPS listener:
 * no component; when the list is not settled, the endpoint is kept.
 */
export const libertyHttpsContributor: ModelContributor = {
  id: 'liberty-https',
  reads: ['liberty.server-xml'],
  contribute(ctx) {
    const properties = startJvmPropertiesByGroup(ctx);
    const certs = ctx.certificates();
    const stores = treeStoresOf(ctx);
    const tls = libertyTlsOf(ctx);
    // One configuration per server: includes and configDropins merged, variables resolved (liberty-config.ts).
    for (const config of libertyServersOf(ctx)) {
      if (tls.get(config.root.file.path)?.state === 'absent') continue;
      const doc = config.root;
      const file = doc.file.path;
      const data = config.data;
      const relative = relativePosix(ctx.deployment.root, file);
      const runtime = runtimeWithProperties(
        ctx,
        ctx.runtimeFor(file),
        properties.get(appGroupOf(ctx, file)) ?? [],
        appGroupOf(ctx, file),
      );
      for (const endpoint of elementsNamed(data.xml, 'httpEndpoint')) {
        const https = httpsPortOf(endpoint, config.variables);
        if (!https) continue;
        const { port, listenHost, hostnames } = https;
        // A port the tree does not give: the end exists (its ssl and key store are judged), no client finds it by port.
        const portText = port === undefined ? `, port ${https.written.value} unresolved` : ` :${port}`;
        const sslFeature = tls.get(file)?.state;
        const endpointId = attr(endpoint, 'id')?.value ?? 'defaultHttpEndpoint';
        const sslConfigId = sslConfigIdFor(endpoint, data);
        // Elements with the same id merge; the later file (an include, an override) wins.
        const ssl = [...data.ssl].reverse().find((s) => s.attrs.id?.value === sslConfigId);
        ctx.addComponent({
          id: `liberty.https-endpoint:${relative}#${endpointId}`,
          type: 'liberty.https-endpoint',
          name: `Liberty HTTPS endpoint ${endpointId}${portText} (${relative})`,
          role: 'server',
          location: { file: config.fileOf(endpoint), range: endpoint.range },
          host: ctx.hostOf(file),
          runtime,
          tls: tlsOf(ssl ? config.fileOf(ssl.element) : file, ssl, config, runtime, certs, stores, ctx.memo),
          documents: config.documents,
          attributes: {
            tlsPorts: port === undefined ? [] : [port],
            // A settled SSL feature opens the httpsPort as a TLS listener; an unsettled feature list leaves it open.
            ...(sslFeature === 'enabled' && port !== undefined
              ? {
                  tlsOnlyPorts: [
                    {
                      port,
                      setting: `httpsPort="${https.written.value}"`,
                      at: { file: config.fileOf(endpoint), range: https.written.valueRange },
                    },
                  ],
                }
              : {}),
            hostnames,
            endpointId,
            sslConfigId,
            sslConfigInTree: !!ssl,
            listenHost,
          } satisfies LibertyHttpsAttributes,
        } satisfies Component);
      }
    }
  },
};

const CLIENT_AUTH = (ssl: LibertySsl | undefined): ClientAuthMode | undefined =>
  ssl?.attrs.clientAuthentication?.value === 'true'
    ? 'required'
    : ssl?.attrs.clientAuthenticationSupported?.value === 'true'
      ? 'optional'
      : undefined;

function tlsOf(
  sslFile: string,
  ssl: LibertySsl | undefined,
  config: LibertyServerConfig,
  runtime: Component['runtime'],
  certs: TreeCertificate[],
  stores: TreeStores,
  memo: RunMemo,
): TlsSettings {
  const tls: TlsSettings = { implementation: runtime?.vendor.value === 'ibm' ? 'ibmjsse2' : 'jsse' };
  const a = ssl?.attrs ?? {};
  // Several files' <ssl id=…> merge: each attribute keeps the file it is written in.
  const fileOfAttr = (l: Located | undefined) => (l && config.fileOfAttribute(l)) ?? sslFile;
  const file = sslFile;
  const at = (range: Location['range']): Location => ({ file, range });
  const protocols = a.sslProtocol && libertyProtocols(a.sslProtocol.value);
  if (a.sslProtocol && protocols) tls.protocols = traced(protocols, fileOfAttr(a.sslProtocol), a.sslProtocol.range);
  const enabled = a.enabledCiphers?.value.trim();
  if (a.enabledCiphers && enabled && !/\$\{/.test(enabled))
    tls.cipherSuites = traced(enabled.split(/[\s,]+/), fileOfAttr(a.enabledCiphers), a.enabledCiphers.range);
  else if (!a.securityLevel || !/\$\{/.test(a.securityLevel.value)) {
    const level = a.securityLevel
      ? { value: a.securityLevel.value, location: { file: fileOfAttr(a.securityLevel), range: a.securityLevel.range } }
      : undefined;
    const expanded = securityLevelCiphers(level, ssl ? at(ssl.element.range) : { file }, runtime, 'server', memo);
    if (expanded) tls.cipherSuites = expanded.suites;
  }
  if (a.enforceCipherOrder)
    tls.serverOrderWins = traced(
      a.enforceCipherOrder.value.toLowerCase() === 'true',
      fileOfAttr(a.enforceCipherOrder),
      a.enforceCipherOrder.range,
    );
  const auth = CLIENT_AUTH(ssl);
  const authAttr = a.clientAuthentication?.value === 'true' ? a.clientAuthentication : a.clientAuthenticationSupported;
  if (auth && authAttr) tls.clientAuth = traced(auth, fileOfAttr(authAttr), authAttr.range);
  tls.certificate = certificateOf(file, ssl, config, certs, stores);
  return tls;
}

/**
 * The keystore's PEM file when it is one (resolved by the cert rules' path-tail match), else the key entry (the
 * serverKeyAlias one, or the only one) of the store its `<keyStore>` names, or of Liberty's default key store, when the
 * tree holds that store. A store outside the tree, or named by a variable nothing sets, presents a certificate the tree
 * does not show: another key store lying in the server's directory is not it (Liberty opens only the location named).
 */
function certificateOf(
  sslFile: string,
  ssl: LibertySsl | undefined,
  config: LibertyServerConfig,
  certs: TreeCertificate[],
  stores: TreeStores,
): CertificateRef | undefined {
  const keyStoreId = ssl?.attrs.keyStoreRef?.value ?? 'defaultKeyStore';
  const keyStore = [...config.data.keyStores].reverse().find((k) => k.attrs.id?.value === keyStoreId);
  const location = keyStore?.attrs.location;
  const file = keyStore ? config.fileOf(keyStore.element) : sslFile;
  if (location && /\.(pem|crt|cer)$/i.test(location.value))
    return { file: location.value, reference: { file, range: location.range } };
  const storeFile = libertyStoreOf(config, keyStoreId, stores)?.file;
  const inStore = storeFile ? certs.filter((c) => c.doc.file.path === storeFile) : [];
  const own = inStore[0] && ownCertificate(inStore, inStore[0].ownerDir, ssl?.attrs.serverKeyAlias?.value);
  if (!own?.hasPrivateKey) return undefined;
  const ref = certificateRef(own);
  return ref && { ...ref, reference: location ? { file, range: location.range } : undefined };
}
