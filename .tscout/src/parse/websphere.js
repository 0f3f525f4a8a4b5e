"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.websphereFormat = void 0;
exports.parseSecurity = parseSecurity;
exports.parseResources = parseResources;
exports.parseSslClientProps = parseSslClientProps;
const properties_1 = require("./properties");
const xml_1 = require("./xml");
const xml_values_1 = require("./mq/xml-values");
const path_name_1 = require("../core/path-name");
const SETTING_ATTRS = [
    'sslProtocol',
    'securityLevel',
    'enabledCiphers',
    'jsseProvider',
    'clientAuthentication',
    'clientAuthenticationSupported',
    'clientKeyAlias',
    'serverKeyAlias',
];
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
];
exports.websphereFormat = {
    id: 'websphere',
    classify(path, head) {
        const base = (0, path_name_1.lastPathSegment)(path).toLowerCase();
        if (/ssl\.client\.props$/.test(base))
            return 'was.ssl-client-props';
        if (!/\.xml$/.test(base))
            return undefined;
        const root = (0, xml_values_1.rootElementName)(head);
        if (root === 'security:Security' || (/security\.xml$/.test(base) && /<repertoire\b/.test(head)))
            return 'was.security-xml';
        if (/resources\.jms\.mqseries|resources\.j2c/.test(head) || (/resources\.xml$/.test(base) && root === 'xmi:XMI'))
            return 'was.resources-xml';
        return undefined;
    },
    parse(file, kind) {
        if (kind === 'was.ssl-client-props')
            return parseSslClientProps(file, kind);
        if (kind === 'was.resources-xml')
            return parseResources(file, kind);
        return parseSecurity(file, kind);
    },
};
function parseSecurity(file, kind = 'was.security-xml') {
    const { entries, comments, problems, data: xml } = (0, xml_1.parseXml)(file.text);
    const repertoires = [];
    for (const el of xml.elements) {
        if (el.localName !== 'repertoire')
            continue;
        const alias = (0, xml_values_1.locatedAttr)(el, 'alias');
        const setting = el.children.find((c) => c.localName === 'setting');
        if (!alias)
            continue;
        repertoires.push({
            alias,
            managementScope: (0, xml_values_1.locatedAttr)(el, 'managementScope'),
            setting: setting ? (0, xml_values_1.locatedAttrs)(setting, SETTING_ATTRS) : {},
            element: el,
        });
    }
    return { file, kind, entries, comments, problems, data: { xml, repertoires } };
}
function parseResources(file, kind = 'was.resources-xml') {
    const { entries, comments, problems, data: xml } = (0, xml_1.parseXml)(file.text);
    const connectionFactories = [];
    for (const el of xml.elements) {
        const type = el.attributes.find((a) => a.name === 'xmi:type')?.value ?? el.name;
        if (!/resources\.jms\.mqseries:MQ(Queue|Topic)?ConnectionFactory/.test(type))
            continue;
        const properties = {};
        for (const rp of el.children.flatMap((c) => (c.localName === 'propertySet' ? c.children : [c]))) {
            if (rp.localName !== 'resourceProperties')
                continue;
            const name = (0, xml_values_1.locatedAttr)(rp, 'name');
            const value = (0, xml_values_1.locatedAttr)(rp, 'value');
            if (name && value)
                properties[name.value.toUpperCase()] = value;
        }
        connectionFactories.push({ element: el, attrs: (0, xml_values_1.locatedAttrs)(el, CF_ATTRS), properties });
    }
    return { file, kind, entries, comments, problems, data: { xml, connectionFactories } };
}
const PROP_TO_SETTING = {
    'com.ibm.ssl.protocol': 'sslProtocol',
    'com.ibm.ssl.securityLevel': 'securityLevel',
    'com.ibm.ssl.enabledCipherSuites': 'enabledCiphers',
    'com.ibm.ssl.contextProvider': 'jsseProvider',
    'com.ibm.ssl.clientAuthentication': 'clientAuthentication',
    'com.ibm.ssl.keyStoreClientAlias': 'clientKeyAlias',
};
function parseSslClientProps(file, kind = 'was.ssl-client-props') {
    const { entries, comments, problems } = (0, properties_1.parseProperties)(file.text);
    const configs = [];
    let defaultAlias;
    let current;
    for (const e of entries) {
        // `{xor}` encoded passwords are trivially reversible: always secret.
        if (/\{xor\}/i.test(e.value) || /password/i.test(e.key))
            e.secret = true;
        if (e.key === 'com.ibm.ssl.defaultAlias')
            defaultAlias = { value: e.value, range: e.valueRange };
        if (e.key === 'com.ibm.ssl.alias') {
            current = { alias: { value: e.value, range: e.valueRange }, setting: {} };
            configs.push(current);
            continue;
        }
        const setting = PROP_TO_SETTING[e.key];
        if (current && setting)
            current.setting[setting] = { value: e.value, range: e.valueRange };
    }
    return { file, kind, entries, comments, problems, data: { configs, defaultAlias } };
}
