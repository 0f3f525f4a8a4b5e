import type { FormatHandler, ParsedDocument, SourceFile } from './types';
import { parseProperties } from './properties';
import type { XmlData, XmlElement } from './xml';
import { parseXml } from './xml';
import type { Located } from './mq/xml-values';
import { locatedAttr, locatedAttrs, rootElementName } from './mq/xml-values';
import { lastPathSegment } from '../core/path-name';

const SETTING_ATTRS = [
  'sslProtocol',
  'securityLevel',
  'enabledCiphers',
  'jsseProvider',
  'clientAuthentication',
  'clientAuthenticationSupported',
  'clientKeyAlias',
  'serverKeyAlias',
] as const;
const CF_ATTRS = [
  'name',
  'jndiName',
  'host',
  'port',
  'channel',
  'queueManager',
  'transportType',
  'connectionNameList',
  'sslType',
  'sslConfiguration',
  'sslCipherSuite',
  'sslPeerName',
  'ccdtUrl',
  'ccdtQmgrName',
] as const;

/** A WebSphere traditional SSL configuration (`<repertoire>` in security.xml, or an alias block in ssl.client.props). */
export interface WasSslConfig {
  alias: Located;
  managementScope?: Located;
  setting: Partial<Record<(typeof SETTING_ATTRS)[number], Located>>;
  element?: XmlElement;
}

export interface WasMqConnectionFactory {
  element: XmlElement;
  attrs: Partial<Record<(typeof CF_ATTRS)[number], Located>>;
  /** Custom properties (`<propertySet><resourceProperties name= value=>`), e.g. SSLCIPHERSUITE. */
  properties: Record<string, Located>;
}

export interface WasSecurityData {
  xml: XmlData;
  repertoires: WasSslConfig[];
}
export interface WasResourcesData {
  xml: XmlData;
  connectionFactories: WasMqConnectionFactory[];
}
export interface WasClientPropsData {
  configs: WasSslConfig[];
  defaultAlias?: Located;
}

export const websphereFormat: FormatHandler<WasSecurityData | WasResourcesData | WasClientPropsData> = {
  id: 'websphere',
  classify(path, head) {
    const base = lastPathSegment(path).toLowerCase();
    if (/ssl\.client\.props$/.test(base)) return 'was.ssl-client-props';
    if (!/\.xml$/.test(base)) return undefined;
    const root = rootElementName(head);
    if (root === 'security:Security' || (/security\.xml$/.test(base) && /<repertoire\b/.test(head)))
      return 'was.security-xml';
    if (/resources\.jms\.mqseries|resources\.j2c/.test(head) || (/resources\.xml$/.test(base) && root === 'xmi:XMI'))
      return 'was.resources-xml';
    return undefined;
  },
  parse(file, kind) {
    if (kind === 'was.ssl-client-props') return parseSslClientProps(file, kind);
    if (kind === 'was.resources-xml') return parseResources(file, kind);
    return parseSecurity(file, kind);
  },
};

export function parseSecurity(file: SourceFile, kind = 'was.security-xml'): ParsedDocument<WasSecurityData> {
  const { entries, comments, problems, data: xml } = parseXml(file.text);
  const repertoires: WasSslConfig[] = [];
  for (const el of xml.elements) {
    if (el.localName !== 'repertoire') continue;
    const alias = locatedAttr(el, 'alias');
    const setting = el.children.find((c) => c.localName === 'setting');
    if (!alias) continue;
    repertoires.push({
      alias,
      managementScope: locatedAttr(el, 'managementScope'),
      setting: setting ? locatedAttrs(setting, SETTING_ATTRS) : {},
      element: el,
    });
  }
  return { file, kind, entries, comments, problems, data: { xml, repertoires } };
}

export function parseResources(file: SourceFile, kind = 'was.resources-xml'): ParsedDocument<WasResourcesData> {
  const { entries, comments, problems, data: xml } = parseXml(file.text);
  const connectionFactories: WasMqConnectionFactory[] = [];
  for (const el of xml.elements) {
    const type = el.attributes.find((a) => a.name === 'xmi:type')?.value ?? el.name;
    if (!/resources\.jms\.mqseries:MQ(Queue|Topic)?ConnectionFactory/.test(type)) continue;
    const properties: Record<string, Located> = {};
    for (const rp of el.children.flatMap((c) => (c.localName === 'propertySet' ? c.children : [c]))) {
      if (rp.localName !== 'resourceProperties') continue;
      const name = locatedAttr(rp, 'name');
      const value = locatedAttr(rp, 'value');
      if (name && value) properties[name.value.toUpperCase()] = value;
    }
    connectionFactories.push({ element: el, attrs: locatedAttrs(el, CF_ATTRS), properties });
  }
  return { file, kind, entries, comments, problems, data: { xml, connectionFactories } };
}

const PROP_TO_SETTING: Record<string, (typeof SETTING_ATTRS)[number]> = {
  'com.ibm.ssl.protocol': 'sslProtocol',
  'com.ibm.ssl.securityLevel': 'securityLevel',
  'com.ibm.ssl.enabledCipherSuites': 'enabledCiphers',
  'com.ibm.ssl.contextProvider': 'jsseProvider',
  'com.ibm.ssl.clientAuthentication': 'clientAuthentication',
  'com.ibm.ssl.keyStoreClientAlias': 'clientKeyAlias',
};

export function parseSslClientProps(
  file: SourceFile,
  kind = 'was.ssl-client-props',
): ParsedDocument<WasClientPropsData> {
  const { entries, comments, problems } = parseProperties(file.text);
  const configs: WasSslConfig[] = [];
  let defaultAlias: Located | undefined;
  let current: WasSslConfig | undefined;
  for (const e of entries) {
    // `{xor}` encoded passwords are trivially reversible: always secret.
    if (/\{xor\}/i.test(e.value) || /password/i.test(e.key)) e.secret = true;
    if (e.key === 'com.ibm.ssl.defaultAlias') defaultAlias = { value: e.value, range: e.valueRange };
    if (e.key === 'com.ibm.ssl.alias') {
      current = { alias: { value: e.value, range: e.valueRange }, setting: {} };
      configs.push(current);
      continue;
    }
    const setting = PROP_TO_SETTING[e.key];
    if (current && setting) current.setting[setting] = { value: e.value, range: e.valueRange };
  }
  return { file, kind, entries, comments, problems, data: { configs, defaultAlias } };
}
