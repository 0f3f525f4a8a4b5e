/**
 * Key and trust stores of every TLS end (issue 16): which store holds the key and chain an endpoint
 * presents, which alias it uses, whose anchors it trusts, and the JDK's cacerts when a Java end names
 * no trust store. Fills `component.tls.trust` after the area contributors built the components; the
 * derive stage turns it into presented chains and trust anchors. Passwords are never read here: only
 * where they are set (`passwordAt`).
 */
import * as path from 'node:path';
import { containerPkiOf } from './mq-container-pki';
import type { Location } from '../core/types';
import type { LibertyData } from '../parse/liberty';
import type { MqIniData } from '../parse/mq-ini';
import type { MqEnvData } from '../parse/mq-env';
import type { ParsedDocument } from '../parse/types';
import { attr, type XmlAttribute, type XmlData, type XmlElement } from '../parse/xml';
import type { ModelContext, ModelContributor } from './contributor';
import { readWritten, TOMCAT_DIRECTORY_PROPERTIES, tomcatPropertyScope, type ReadAttribute } from './tomcat-properties';
import { libertyServersOf, type LibertyServerConfig } from './liberty-config';
import type { WasSecurityData } from '../parse/websphere';
import { traced } from './java-shared';
import type { DockerfileData } from '../parse/dockerfile';
import { imagesCacerts, imageTrustInputs, type ImageTrustInputs } from './image-cacerts';
import { imageTreeFilesOf } from './image-security-copy';
import { catalinaBase } from '../parse/image-files';
import { TOMCAT_LEGACY_CONNECTOR_CERTIFICATE } from '../knowledge/tomcat';
import { libertyStoreOf } from './liberty-stores';
import { setterAttribute } from './tomcat-legacy';
import { nginxProxyTrust, nginxTrust } from './nginx-stores';
import { deploymentMounts } from './compose-mounts';
import { httpdProxyTrust, httpdServerTrust } from './httpd-stores';
import { wasPluginTrust } from './was-plugin-stores';
import { ihsServerTrust } from './ihs-stores';
import { haproxyBindTrust, haproxyServerTrust } from './haproxy-stores';
import { mqTrust } from './mq-stores';
import {
  javaSystemStores,
  storeRef,
  treeStoresOf,
  withJavaTrustDefault,
  withTrust,
  type TreeStores,
} from './store-files';
import {
  isMqChannel,
  type Component,
  type JmsConnectionFactoryComponent,
  type StoreRef,
  type TlsTrustSettings,
  type Traced,
} from './types';

function componentDir(component: Component): string {
  return path.dirname(component.location.file);
}

function javaAppTrust(
  component: Component,
  stores: TreeStores,
  treeFiles: ReadonlySet<string>,
  image: ImageTrustInputs,
): TlsTrustSettings {
  const system = javaSystemStores(component.runtime, stores, [componentDir(component)]);
  const trust = withJavaTrustDefault(system.keyStore ? { keyStore: system.keyStore } : {}, system);
  if (trust.defaultTrust !== 'jdk-cacerts') return trust;
  // What the app's image does to its JDK's cacerts: replaces them, imports into them.
  const dockerfiles = component.documents.filter((d): d is ParsedDocument<DockerfileData> => d.kind === 'dockerfile');
  return { ...trust, ...imagesCacerts(dockerfiles, treeFiles, image) };
}

/** Tomcat: the `<Certificate>` (or legacy Connector) key store and alias, the SSLHostConfig's trust store. */
function tomcatTrust(ctx: ModelContext, component: Component, stores: TreeStores): TlsTrustSettings | undefined {
  const doc = component.documents[0] as ParsedDocument<XmlData> | undefined;
  const range = component.location.range;
  if (!doc || !range) return undefined;
  const element = doc.data.elements.find(
    (e) => e.range.start.line === range.start.line && e.range.start.character === range.start.character,
  );
  if (!element) return undefined;
  const connector = element.localName === 'Connector' ? element : element.parent;
  const hostConfig = element.localName === 'SSLHostConfig' ? element : undefined;
  const certificate = hostConfig?.children.find((c) => c.localName === 'Certificate');
  const file = doc.file.path;
  // Relative paths are relative to $CATALINA_BASE: the directory above conf/.
  const base = path.basename(path.dirname(file)) === 'conf' ? path.dirname(path.dirname(file)) : path.dirname(file);
  const facts = component.type === 'tomcat.connector' ? component.attributes.tomcat : undefined;
  // The Connector's own TLS attributes: ignored by Tomcat 10.0 and later (./tomcat-legacy.ts); in 8.5 and 9 they make a
  // default SSLHostConfig of their own, never merged into a written <SSLHostConfig> (./tomcat.ts).
  const own = facts?.readsConnectorTls === false || hostConfig ? undefined : connector;
  // A certificate's attributes on the SSLHostConfig itself: read by 8.5 and 9, removed in 10.0.
  const hostCertificate = facts?.readsConnectorTls === false ? undefined : hostConfig;
  const scope = {
    ...tomcatPropertyScope(ctx, file, component.runtime, facts ?? { release: '', assumed: true }),
    keep: TOMCAT_DIRECTORY_PROPERTIES,
  };
  // `${…}` as Tomcat fills them in; an attribute whose placeholder the tree does not settle keeps its raw text
  // (`unsettled` below then leaves the path or alias unknown).
  // By Tomcat's setter rule (./tomcat-legacy.ts sameSetter): only the first letter's case is free.
  const pick = (elements: (XmlElement | undefined)[], names: string[]): ReadAttribute | undefined => {
    for (const el of elements)
      for (const name of names) {
        const found = setterAttribute(el, name);
        if (found) return readWritten(found, file, scope) ?? found;
      }
    return undefined;
  };
  // Where a password is set: its text is never read here (a default would be the secret).
  const passwordAt = (elements: (XmlElement | undefined)[], names: string[]): Location | undefined => {
    for (const el of elements)
      for (const name of names) if (setterAttribute(el, name)) return where(setterAttribute(el, name));
    return undefined;
  };
  // A placeholder other than a run-time directory (`${catalina.base}/conf/…` matches a tree file by its tail).
  const unsettled = (value: string) =>
    [...value.matchAll(/\$\{([^}]*)\}/g)].some((m) => !TOMCAT_DIRECTORY_PROPERTIES.includes(m[1]!));
  const at = (a: ReadAttribute): Traced<string> =>
    a.via?.length
      ? { value: a.value, from: { kind: 'file', location: { file, range: a.valueRange }, via: a.via } }
      : traced(a.value, file, a.valueRange);
  const where = (a: XmlAttribute | undefined): Location | undefined => (a ? { file, range: a.valueRange } : undefined);
  const trust: TlsTrustSettings = {};
  // Relative to CATALINA_BASE in the image too, when a Dockerfile copies the server.xml into one.
  const store = (file: ReadAttribute, type: Traced<string> | undefined, password?: Location): StoreRef =>
    storeRef(at(file), [base], stores, type, password, undefined, catalinaBase);
  const pem = (file: ReadAttribute): StoreRef => store(file, { value: 'PEM', from: at(file).from });
  const keyFile =
    pick([certificate], ['certificateKeystoreFile']) ??
    pick([hostCertificate], ['certificateKeystoreFile']) ??
    pick([own], ['keystoreFile']);
  const pemFile = pick([certificate], ['certificateFile']) ?? pick([hostCertificate], ['certificateFile']);
  // A Connector's APR-style SSLCertificateFile (and SSLCACertificateFile), without an SSLHostConfig: read by 8.5 and 9 only.
  const readsConnector = facts?.readsConnectorTls === true;
  const legacyAttribute =
    !keyFile && !pemFile && !hostConfig ? setterAttribute(connector, 'SSLCertificateFile') : undefined;
  const legacyPem = legacyAttribute ? (readWritten(legacyAttribute, file, scope) ?? legacyAttribute) : undefined;
  if (keyFile && !unsettled(keyFile.value)) {
    const type = pick([certificate], ['certificateKeystoreType']) ?? pick([own], ['keystoreType']);
    trust.keyStore = store(
      keyFile,
      type ? at(type) : undefined,
      passwordAt([certificate], ['certificateKeystorePassword']) ?? passwordAt([own], ['keystorePass']),
    );
  } else if (pemFile && !unsettled(pemFile.value)) {
    trust.keyStore = pem(pemFile);
    // certificateChainFile: the certificates Tomcat sends after certificateFile's.
    const chainFile =
      pick([certificate], ['certificateChainFile']) ?? pick([hostCertificate], ['certificateChainFile']);
    if (chainFile && !unsettled(chainFile.value)) trust.chainStores = [pem(chainFile)];
    const keyPem = pick([certificate], ['certificateKeyFile']) ?? pick([hostCertificate], ['certificateKeyFile']);
    if (keyPem && !unsettled(keyPem.value)) trust.keyFile = pem(keyPem);
  } else if (legacyPem && readsConnector) {
    // Tomcat 8.5 and 9 map a Connector's APR-style SSLCertificateFile to its default SSLHostConfig's certificateFile
    // (AbstractHttp11Protocol.setSSLCertificateFile), and the tree names such a release (./tomcat-release.ts).
    if (!unsettled(legacyPem.value)) trust.keyStore = pem(legacyPem);
    const legacyChain = pick([connector], ['SSLCertificateChainFile']);
    if (trust.keyStore && legacyChain && !unsettled(legacyChain.value)) trust.chainStores = [pem(legacyChain)];
    const legacyKey = pick([connector], ['SSLCertificateKeyFile']);
    if (trust.keyStore && legacyKey && !unsettled(legacyKey.value)) trust.keyFile = pem(legacyKey);
  } else if (legacyPem && legacyAttribute) {
    // 10.0.0-M1 removed those setters (apache/tomcat 973b0a3), and 10+ does not start such a connector (no SSLHostConfig;
    // the model leaves it out when the tree names such a release). The release is unknown: which file it serves is too.
    const legacy = TOMCAT_LEGACY_CONNECTOR_CERTIFICATE.attributes.flatMap((name) => {
      const read = pick([connector], [name]);
      return read && !unsettled(read.value) ? [{ ...pem(read), setting: name }] : [];
    });
    const written = legacyAttribute;
    (ctx.deployment.unservedTls ??= []).push({
      server: component.name,
      why: {
        kind: 'tomcat-version',
        written: `${written.name}="${written.value}"`,
        at: { file, range: written.valueRange },
      },
      stores: legacy,
    });
  } else if (!keyFile && !pemFile) {
    // Tomcat's documented default: .keystore in the home directory of the user running it (outside the tree).
    trust.keyStore = {
      path: {
        value: '${user.home}/.keystore',
        from: {
          kind: 'default',
          origin: "Tomcat's default certificateKeystoreFile (no keystore or certificate file configured)",
          confidence: 'verified',
        },
      },
    };
  }
  const alias = pick([certificate], ['certificateKeyAlias']) ?? pick([own], ['keyAlias']);
  if (alias && !unsettled(alias.value)) trust.keyAlias = at(alias);
  const trustFile = pick([hostConfig, own], ['truststoreFile']);
  const legacyCa = readsConnector && !hostConfig ? setterAttribute(connector, 'SSLCACertificateFile') : undefined;
  const caFile =
    pick([hostConfig], ['caCertificateFile']) ??
    (legacyCa ? (readWritten(legacyCa, file, scope) ?? legacyCa) : undefined);
  if (trustFile && !unsettled(trustFile.value)) {
    const type = pick([hostConfig, own], ['truststoreType']);
    trust.trustStore = store(
      trustFile,
      type ? at(type) : undefined,
      passwordAt([hostConfig], ['truststorePassword']) ?? passwordAt([own], ['truststorePass']),
    );
  } else if (caFile && !unsettled(caFile.value)) {
    trust.trustStore = pem(caFile);
  }
  return withJavaTrustDefault(trust, javaSystemStores(component.runtime, stores, [base]));
}

/** Liberty: the `<ssl>` element's keyStoreRef/trustStoreRef (a missing trustStoreRef means the key store), serverKeyAlias, trustDefaultCerts. */
function libertyTrust(
  component: Component,
  stores: TreeStores,
  configs: LibertyServerConfig[],
  sslId: string,
  aliasAttribute: 'serverKeyAlias' | 'clientKeyAlias',
): TlsTrustSettings | undefined {
  const config =
    configs.find((c) => component.documents[0] === c.root) ?? configs.find((c) => component.documents.includes(c.root));
  return config ? libertySslTrust(config, stores, sslId, aliasAttribute) : undefined;
}

/** The stores of a Liberty server's `<ssl id>`: its key store, its trust store (the key store without trustStoreRef). */
export function libertySslTrust(
  config: LibertyServerConfig,
  stores: TreeStores,
  sslId: string,
  aliasAttribute: 'serverKeyAlias' | 'clientKeyAlias',
): TlsTrustSettings {
  const data: LibertyData = config.data;
  const ssl = [...data.ssl].reverse().find((s) => s.attrs.id?.value === sslId);
  const storeOf = (id: string) => libertyStoreOf(config, id, stores);
  const sslFile = ssl ? config.fileOf(ssl.element) : config.root.file.path;
  const keyStoreId = ssl?.attrs.keyStoreRef?.value ?? 'defaultKeyStore';
  const trust: TlsTrustSettings = {};
  const keyStore = storeOf(keyStoreId);
  if (keyStore) trust.keyStore = keyStore;
  const alias = ssl?.attrs[aliasAttribute];
  if (alias) trust.keyAlias = traced(alias.value, sslFile, alias.range);
  // Without trustStoreRef Liberty trusts the key store's certificates.
  const trustStore = ssl?.attrs.trustStoreRef ? storeOf(ssl.attrs.trustStoreRef.value) : keyStore;
  if (trustStore) trust.trustStore = trustStore;
  const trustDefault = ssl ? attr(ssl.element, 'trustDefaultCerts') : undefined;
  trust.defaultTrust = trustDefault?.value.trim().toLowerCase() === 'true' ? 'jdk-cacerts' : 'none';
  return trust;
}

/**
 * A JMS connection factory to MQ: Liberty's outbound `<ssl>` (clientKeyAlias), or WebSphere's SSL
 * configuration (security.xml `<repertoire alias>`: its `<setting keyStore trustStore clientKeyAlias>`
 * refer to `<keyStores xmi:id location password type>`, `${CONFIG_ROOT}` being the profile's config directory).
 */
function jmsTrust(
  component: JmsConnectionFactoryComponent,
  stores: TreeStores,
  liberty: () => LibertyServerConfig[],
  securityDocs: ParsedDocument<WasSecurityData>[],
): TlsTrustSettings | undefined {
  const attrs = component.attributes;
  const alias = attrs.sslConfig?.alias;
  // A Spring factory's stores are set where it is built, from the settings it was built from (model/java.ts).
  if (attrs.product === 'spring') return undefined;
  if (attrs.product === 'liberty')
    return libertyTrust(component, stores, liberty(), alias?.value ?? 'defaultSSLConfig', 'clientKeyAlias');
  if (!alias) return undefined;
  const doc = securityDocs.find((d) => d.file.path === alias.location.file);
  const repertoire = doc?.data.repertoires.find((r) => r.alias.value === alias.value);
  const setting = repertoire?.element?.children.find((c) => c.localName === 'setting');
  if (!doc || !setting) return undefined;
  const file = doc.file.path;
  const dirs = path.dirname(file).split(path.sep);
  const configAt = dirs.lastIndexOf('config');
  const configRoot = configAt > 0 ? dirs.slice(0, configAt + 1).join(path.sep) : path.dirname(file);
  const keyStores = doc.data.xml.elements.filter((e) => e.localName === 'keyStores');
  const storeOf = (reference: XmlAttribute | undefined): StoreRef | undefined => {
    const id = reference?.value.replace(/^#/, '');
    const element = id ? keyStores.find((k) => attr(k, 'xmi:id')?.value === id) : undefined;
    const location = element && attr(element, 'location');
    if (!element || !location) return undefined;
    const password = attr(element, 'password');
    const type = attr(element, 'type');
    const written = location.value.replace(/\$\{CONFIG_ROOT\}/g, configRoot);
    return storeRef(
      traced(location.value, file, location.valueRange),
      [configRoot],
      stores,
      type ? traced(type.value, file, type.valueRange) : undefined,
      password ? { file, range: password.valueRange } : undefined,
      written,
    );
  };
  const trust: TlsTrustSettings = {};
  const keyStore = storeOf(attr(setting, 'keyStore'));
  if (keyStore) trust.keyStore = keyStore;
  const keyAlias = attr(setting, 'clientKeyAlias');
  if (keyAlias) trust.keyAlias = traced(keyAlias.value, file, keyAlias.valueRange);
  const trustStore = storeOf(attr(setting, 'trustStore'));
  if (trustStore) trust.trustStore = trustStore;
  return trust.keyStore || trust.trustStore ? trust : undefined;
}

export const storesContributor: ModelContributor = {
  id: 'stores',
  contribute(ctx) {
    const stores = treeStoresOf(ctx);
    const clientInis = ctx.documentsOf('mq.client-ini') as ParsedDocument<MqIniData>[];
    const clientEnvs = ctx.documentsOf('mq.client-env') as ParsedDocument<MqEnvData>[];
    const treeFiles = imageTreeFilesOf(ctx).paths;
    const imageInputs = ctx.once('imageTrustInputs', () => imageTrustInputs(ctx, treeStoresOf(ctx).images));
    for (const component of ctx.deployment.components) {
      if (!component.tls || component.tls.trust) continue;
      let trust: TlsTrustSettings | undefined;
      if (component.type === 'java.app') trust = javaAppTrust(component, stores, treeFiles, imageInputs);
      else if (component.type === 'tomcat.connector') trust = tomcatTrust(ctx, component, stores);
      else if (component.type === 'liberty.https-endpoint')
        trust = libertyTrust(
          component,
          stores,
          libertyServersOf(ctx),
          component.attributes.sslConfigId,
          'serverKeyAlias',
        );
      else if (component.type === 'jms.connection-factory')
        trust = jmsTrust(
          component,
          stores,
          () => libertyServersOf(ctx),
          ctx.documentsOf('was.security-xml') as ParsedDocument<WasSecurityData>[],
        );
      else if (isMqChannel(component))
        trust = mqTrust(component, stores, clientInis, clientEnvs, (mqsc) => containerPkiOf(ctx, mqsc));
      else if (component.type === 'nginx.server') trust = nginxTrust(component, stores, deploymentMounts(ctx));
      else if (component.type === 'nginx.proxy') trust = nginxProxyTrust(component, stores, deploymentMounts(ctx));
      else if (component.type === 'haproxy.bind') trust = haproxyBindTrust(component, stores);
      else if (component.type === 'haproxy.server') trust = haproxyServerTrust(component, stores);
      else if (component.type === 'httpd.server') trust = httpdServerTrust(component, stores, deploymentMounts(ctx));
      else if (component.type === 'httpd.proxy') trust = httpdProxyTrust(component, stores, deploymentMounts(ctx));
      else if (component.type === 'was.plugin') trust = wasPluginTrust(component, stores);
      else if (component.type === 'ihs.server') trust = ihsServerTrust(component, stores, deploymentMounts(ctx));
      withTrust(component, trust);
    }
  },
};
