/**
 * A Connector's TLS attributes in the Tomcat 8.5/9 style (`keystoreFile`, `sslEnabledProtocols`, `SSLProtocol`,
 * `SSLCipherSuite`, `SSLVerifyClient`, `SSLCertificateFile`, …: data/tomcat.json legacyConnectorAttributes): 8.5 and 9
 * read them as the default SSLHostConfig's, 10.0 and later ignore them (docs/rules/tomcat/legacy-connector-attributes.md).
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import {
  TOMCAT_DEFAULT_HOST_CONFIG_CLASH as CLASH,
  TOMCAT_LEGACY_CONNECTOR_ATTRIBUTES as LEGACY,
} from '../knowledge/tomcat';
import { catalinaBase } from '../parse/image-files';
import type { XmlAttribute, XmlElement } from '../parse/xml';
import type { ModelContext } from './contributor';
import { traced } from './java-shared';
import { storeRef, treeStoresOf } from './store-files';
import type { TomcatReleaseRead } from './tomcat-release';
import type { ClientAuthMode, StoreRef, UnservedTls } from './types';
import { relativePosix } from '../core/posix-path';

/** A TLS attribute written on a Connector, and the SSLHostConfig (or Certificate) attribute it stands for. */
export interface ConnectorTlsAttribute {
  name: string;
  hostConfigAttribute: string;
  at: Location;
}

const NAMES = Object.keys(LEGACY.attributes);
const HOST_CONFIG_ATTRIBUTE: Record<string, string | undefined> = LEGACY.attributes;

/**
 * Whether an attribute as written reaches a setter: Tomcat upper-cases its first letter and looks for `set<Name>`
 * (IntrospectionUtils.setProperty), so only that letter's case is free: `sslProtocol` (the SSLContext protocol) is
 * not `SSLProtocol` (the enabled protocols), and `sslEnabled` is not `SSLEnabled`.
 */
export const sameSetter = (written: string, name: string): boolean =>
  written.charAt(0).toUpperCase() === name.charAt(0).toUpperCase() && written.slice(1) === name.slice(1);

/** The attribute of an element that sets `name`, by Tomcat's rule (sameSetter). */
export function setterAttribute(element: XmlElement | undefined, name: string): XmlAttribute | undefined {
  return element?.attributes.find((a) => sameSetter(a.name, name));
}

/** The TLS attributes written on a Connector, in document order. */
export function connectorTlsAttributes(connector: XmlElement, file: string): ConnectorTlsAttribute[] {
  return connector.attributes.flatMap((a) => {
    const name = NAMES.find((n) => sameSetter(a.name, n));
    const hostConfigAttribute = name ? HOST_CONFIG_ATTRIBUTE[name] : undefined;
    return hostConfigAttribute ? [{ name: a.name, hostConfigAttribute, at: { file, range: a.valueRange } }] : [];
  });
}

/** The Connector attributes whose setter makes its own default SSLHostConfig in Tomcat 8.5 and 9. */
export const defaultHostConfigAttributes = (connector: XmlElement): XmlAttribute[] =>
  connector.attributes.filter((a) => CLASH.connectorAttributes.some((n) => sameSetter(a.name, n)));

/**
 * Tomcat 8.5 and 9: the Connector's TLS attributes make a `_default_` SSLHostConfig of its own when the digester sets
 * them (at the Connector's start tag, AbstractHttp11Protocol.registerDefaultSSLHostConfig); a written `<SSLHostConfig>`
 * for the same host name (the connector's defaultSSLHostConfigName, both lower-cased) is then a second one, which
 * AbstractEndpoint.addSslHostConfig refuses: the whole server.xml fails to load (measured with 9.0.70). Values do
 * not matter, a `${…}` included. The written `<SSLHostConfig>` and the Connector attributes, or undefined.
 */
export function defaultHostConfigClash(
  connector: XmlElement,
  hostConfigs: XmlElement[],
): { hostConfig: XmlElement; attributes: XmlAttribute[]; hostName: string } | undefined {
  const attributes = defaultHostConfigAttributes(connector);
  if (attributes.length === 0) return undefined;
  const hostName = (setterAttribute(connector, 'defaultSSLHostConfigName')?.value ?? '_default_').toLowerCase();
  const hostConfig = hostConfigs.find(
    (h) => (setterAttribute(h, 'hostName')?.value ?? '_default_').toLowerCase() === hostName,
  );
  return hostConfig ? { hostConfig, attributes, hostName } : undefined;
}

/** The APR-style Connector attributes that decide a handshake, which Tomcat 8.5 and 9 read and 10.0+ ignore. */
export const READ_BY_8_5_AND_9_ONLY = ['SSLProtocol', 'SSLCipherSuite', 'SSLVerifyClient', 'SSLHonorCipherOrder'];

/**
 * A TLS Connector without `<SSLHostConfig>` in a release that ignores its TLS attributes: Tomcat does not start it
 * (AbstractJsseEndpoint.initialiseSsl: no SSLHostConfig for `_default_`), so the key stores it names are not served.
 */
export function notStarted(
  ctx: ModelContext,
  connector: XmlElement,
  file: string,
  release: { named: string; read?: TomcatReleaseRead },
  written: ConnectorTlsAttribute[],
  port: string | undefined,
  clash?: NonNullable<Extract<UnservedTls['why'], { kind: 'tomcat-connector-not-started' }>['clash']>,
): UnservedTls {
  const relative = relativePosix(ctx.deployment.root, file);
  return {
    server: `Tomcat connector ${port ?? '(no port)'} (${relative})`,
    why: {
      kind: 'tomcat-connector-not-started',
      release: release.named,
      releaseAt: release.read?.at ?? { file },
      attributes: written,
      ...(port ? { port } : {}),
      at: { file, range: connector.range },
      ...(clash ? { clash } : {}),
    },
    stores: connectorStores(ctx, connector, file, written),
  };
}

/** The key and trust stores a Connector's own TLS attributes name (`keystoreFile`, `SSLCertificateFile`, …). */
export function connectorStores(
  ctx: ModelContext,
  connector: XmlElement,
  file: string,
  written: ConnectorTlsAttribute[],
): StoreRef[] {
  const base = path.basename(path.dirname(file)) === 'conf' ? path.dirname(path.dirname(file)) : path.dirname(file);
  return written.flatMap((a): StoreRef[] => {
    const value = connector.attributes.find((written) => written.name === a.name)?.value;
    if (!value || !STORE_SETTINGS.includes(a.hostConfigAttribute) || value.includes('${')) return [];
    const named = traced(value, a.at.file, a.at.range);
    const pem = /^(certificateFile|caCertificateFile)$/.test(a.hostConfigAttribute);
    return [
      {
        ...storeRef(
          named,
          [base],
          treeStoresOf(ctx),
          pem ? { value: 'PEM', from: named.from } : undefined,
          undefined,
          undefined,
          catalinaBase,
        ),
        setting: a.name,
      },
    ];
  });
}

/** The SSLHostConfig and Certificate attributes that name a key or trust store. */
const STORE_SETTINGS = ['certificateKeystoreFile', 'certificateFile', 'truststoreFile', 'caCertificateFile'];

/** How Tomcat reads certificateVerification, clientAuth and SSLVerifyClient values. */
export const CLIENT_AUTH: Record<string, ClientAuthMode> = {
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
