import type { FormatHandler, ParsedDocument, SourceFile } from './types';
import { parseProperties } from './properties';
import type { XmlData, XmlElement } from './xml';
import { attr, elementsNamed, parseXml } from './xml';
import type { Located } from './mq/xml-values';
import { locatedAttr, locatedAttrs, rootElementName } from './mq/xml-values';
import { lastPathSegment } from '../core/path-name';
import { isJbossConfiguration } from './jboss';

const SSL_ATTRS = [
  'id',
  'keyStoreRef',
  'trustStoreRef',
  'sslProtocol',
  'securityLevel',
  'enabledCiphers',
  'clientAuthentication',
  'clientAuthenticationSupported',
  'serverKeyAlias',
  'clientKeyAlias',
  'verifyHostname',
  'enforceCipherOrder',
] as const;
const KEYSTORE_ATTRS = ['id', 'location', 'type'] as const;
const WMQ_ATTRS = [
  'channel',
  'queueManager',
  'hostName',
  'port',
  'connectionNameList',
  'transportType',
  'sslCipherSuite',
  'sslPeerName',
  'ccdtURL',
  'sslFipsRequired',
] as const;

/**
 * Liberty's default key store, where `<keyStore id="defaultKeyStore">` gives no location: key.p12 in the server's
 * resources/security directory, key.jks through 19.0.0.2 (https://www.ibm.com/support/knowledgecenter/en/SSAW57_liberty/com.ibm.websphere.wlp.nd.multiplatform.doc/ae/rwlp_liberty_ssl_defaults.html).
 */
export const LIBERTY_DEFAULT_KEY_STORE = { id: 'defaultKeyStore', files: ['key.p12', 'key.jks'] } as const;

export interface LibertySsl {
  element: XmlElement;
  attrs: Partial<Record<(typeof SSL_ATTRS)[number], Located>>;
}
export interface LibertyKeyStore {
  element: XmlElement;
  attrs: Partial<Record<(typeof KEYSTORE_ATTRS)[number], Located>>;
}
/** A JMS connection factory backed by the IBM MQ resource adapter (`properties.wmqJms` / `properties.wmqjmsra`). */
export interface LibertyMqConnectionFactory {
  element: XmlElement;
  jndiName?: Located;
  id?: Located;
  properties: Partial<Record<(typeof WMQ_ATTRS)[number], Located>>;
}

export interface LibertyData {
  xml: XmlData;
  ssl: LibertySsl[];
  keyStores: LibertyKeyStore[];
  sslDefault?: { sslRef?: Located; outboundSSLRef?: Located; element: XmlElement };
  connectionFactories: LibertyMqConnectionFactory[];
  /** `<variable name= value|defaultValue=>` definitions (used to resolve `${…}` when possible). */
  variables: Record<string, string>;
  /** Feature names from `<featureManager>`. */
  features: string[];
  /** JVM options lines when the file is a jvm.options file next to server.xml (not read here). */
}

export const libertyFormat: FormatHandler<LibertyData> = {
  id: 'liberty',
  classify(path, head) {
    const base = lastPathSegment(path).toLowerCase();
    if (!/\.xml(\.tpl|\.default|\.template)?$/.test(base)) return undefined;
    // Liberty's root is lowercase `<server>`; Tomcat's is `<Server port=…>` (not ours); WAS traditional is `process:Server`.
    // WildFly's standalone.xml has a `<server xmlns="urn:jboss:domain:…">` root: not Liberty's (./jboss.ts).
    return rootElementName(head) === 'server' && !isJbossConfiguration(head) ? 'liberty.server-xml' : undefined;
  },
  parse(file, kind) {
    return parseLiberty(file, kind);
  },
};

export function parseLiberty(file: SourceFile, kind = 'liberty.server-xml'): ParsedDocument<LibertyData> {
  const { entries, comments, problems, data: xml } = parseXml(file.text);
  const variables: Record<string, string> = {};
  for (const v of elementsNamed(xml, 'variable')) {
    const name = attr(v, 'name')?.value;
    const value = attr(v, 'value')?.value ?? attr(v, 'defaultValue')?.value;
    if (name && value !== undefined) variables[name] = value;
  }
  const sslDefaultElement = elementsNamed(xml, 'sslDefault')[0];
  const connectionFactories: LibertyMqConnectionFactory[] = [];
  // The IBM MQ resource adapter installed under another id (`<resourceAdapter id="mqJms" location="…/wmq.jakarta.jmsra.rar">`)
  // configures its factories with `properties.<id>` (Liberty names the element after the resource adapter's id).
  const mqAdapterIds = elementsNamed(xml, 'resourceAdapter')
    .filter((ra) => /wmq(\.jakarta)?\.jmsra\.rar$/i.test(attr(ra, 'location')?.value ?? ''))
    .flatMap((ra) => attr(ra, 'id')?.value.toLowerCase() ?? []);
  for (const el of xml.elements) {
    if (!/^jms(Queue|Topic)?ConnectionFactory$/.test(el.localName) && el.localName !== 'jmsActivationSpec') continue;
    const props = el.children.find(
      (c) =>
        /^properties\.wmqjms(ra)?$/i.test(c.localName) ||
        mqAdapterIds.some((id) => c.localName.toLowerCase() === `properties.${id}`),
    );
    if (!props) continue;
    connectionFactories.push({
      element: el,
      jndiName: locatedAttr(el, 'jndiName'),
      id: locatedAttr(el, 'id'),
      properties: locatedAttrs(props, WMQ_ATTRS),
    });
  }
  const data: LibertyData = {
    xml,
    ssl: elementsNamed(xml, 'ssl').map((element) => ({ element, attrs: locatedAttrs(element, SSL_ATTRS) })),
    keyStores: elementsNamed(xml, 'keyStore').map((element) => ({
      element,
      attrs: locatedAttrs(element, KEYSTORE_ATTRS),
    })),
    sslDefault: sslDefaultElement
      ? {
          element: sslDefaultElement,
          sslRef: locatedAttr(sslDefaultElement, 'sslRef'),
          outboundSSLRef: locatedAttr(sslDefaultElement, 'outboundSSLRef'),
        }
      : undefined,
    connectionFactories,
    variables,
    features: elementsNamed(xml, 'feature').map((f) => f.text),
  };
  return { file, kind, entries, comments, problems, data };
}

/**
 * Liberty `bootstrap.properties` beside server.xml: bootstrap properties and server variables
 * (`default.https.port=9443`). Spring Cloud's `bootstrap.properties` (with `spring.*` keys) is Spring's.
 */
export const libertyBootstrapFormat: FormatHandler<undefined> = {
  id: 'liberty-bootstrap',
  classify(filePath, head) {
    const base = lastPathSegment(filePath);
    return base === 'bootstrap.properties' && !/^\s*spring\./m.test(head) ? 'liberty.bootstrap' : undefined;
  },
  parse(file, kind) {
    const { entries, comments, problems } = parseProperties(file.text);
    return { file, kind, entries, comments, problems, data: undefined };
  },
};
