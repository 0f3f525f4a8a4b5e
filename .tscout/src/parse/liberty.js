"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.libertyBootstrapFormat = exports.libertyFormat = exports.LIBERTY_DEFAULT_KEY_STORE = void 0;
exports.parseLiberty = parseLiberty;
const properties_1 = require("./properties");
const xml_1 = require("./xml");
const xml_values_1 = require("./mq/xml-values");
const path_name_1 = require("../core/path-name");
const jboss_1 = require("./jboss");
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
];
const KEYSTORE_ATTRS = ['id', 'location', 'type'];
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
];
/**
 * Liberty's default key store, where `<keyStore id="defaultKeyStore">` gives no location: key.p12 in the server's
 * resources/security directory, key.jks through 19.0.0.2 (https://www.ibm.com/support/knowledgecenter/en/SSAW57_liberty/com.ibm.websphere.wlp.nd.multiplatform.doc/ae/rwlp_liberty_ssl_defaults.html).
 */
exports.LIBERTY_DEFAULT_KEY_STORE = { id: 'defaultKeyStore', files: ['key.p12', 'key.jks'] };
exports.libertyFormat = {
    id: 'liberty',
    classify(path, head) {
        const base = (0, path_name_1.lastPathSegment)(path).toLowerCase();
        if (!/\.xml(\.tpl|\.default|\.template)?$/.test(base))
            return undefined;
        // Liberty's root is lowercase `<server>`; Tomcat's is `<Server port=…>` (not ours); WAS traditional is `process:Server`.
        // WildFly's standalone.xml has a `<server xmlns="urn:jboss:domain:…">` root: not Liberty's (./jboss.ts).
        return (0, xml_values_1.rootElementName)(head) === 'server' && !(0, jboss_1.isJbossConfiguration)(head) ? 'liberty.server-xml' : undefined;
    },
    parse(file, kind) {
        return parseLiberty(file, kind);
    },
};
function parseLiberty(file, kind = 'liberty.server-xml') {
    const { entries, comments, problems, data: xml } = (0, xml_1.parseXml)(file.text);
    const variables = {};
    for (const v of (0, xml_1.elementsNamed)(xml, 'variable')) {
        const name = (0, xml_1.attr)(v, 'name')?.value;
        const value = (0, xml_1.attr)(v, 'value')?.value ?? (0, xml_1.attr)(v, 'defaultValue')?.value;
        if (name && value !== undefined)
            variables[name] = value;
    }
    const sslDefaultElement = (0, xml_1.elementsNamed)(xml, 'sslDefault')[0];
    const connectionFactories = [];
    // The IBM MQ resource adapter installed under another id (`<resourceAdapter id="mqJms" location="…/wmq.jakarta.jmsra.rar">`)
    // configures its factories with `properties.<id>` (Liberty names the element after the resource adapter's id).
    const mqAdapterIds = (0, xml_1.elementsNamed)(xml, 'resourceAdapter')
        .filter((ra) => /wmq(\.jakarta)?\.jmsra\.rar$/i.test((0, xml_1.attr)(ra, 'location')?.value ?? ''))
        .flatMap((ra) => (0, xml_1.attr)(ra, 'id')?.value.toLowerCase() ?? []);
    for (const el of xml.elements) {
        if (!/^jms(Queue|Topic)?ConnectionFactory$/.test(el.localName) && el.localName !== 'jmsActivationSpec')
            continue;
        const props = el.children.find((c) => /^properties\.wmqjms(ra)?$/i.test(c.localName) ||
            mqAdapterIds.some((id) => c.localName.toLowerCase() === `properties.${id}`));
        if (!props)
            continue;
        connectionFactories.push({
            element: el,
            jndiName: (0, xml_values_1.locatedAttr)(el, 'jndiName'),
            id: (0, xml_values_1.locatedAttr)(el, 'id'),
            properties: (0, xml_values_1.locatedAttrs)(props, WMQ_ATTRS),
        });
    }
    const data = {
        xml,
        ssl: (0, xml_1.elementsNamed)(xml, 'ssl').map((element) => ({ element, attrs: (0, xml_values_1.locatedAttrs)(element, SSL_ATTRS) })),
        keyStores: (0, xml_1.elementsNamed)(xml, 'keyStore').map((element) => ({
            element,
            attrs: (0, xml_values_1.locatedAttrs)(element, KEYSTORE_ATTRS),
        })),
        sslDefault: sslDefaultElement
            ? {
                element: sslDefaultElement,
                sslRef: (0, xml_values_1.locatedAttr)(sslDefaultElement, 'sslRef'),
                outboundSSLRef: (0, xml_values_1.locatedAttr)(sslDefaultElement, 'outboundSSLRef'),
            }
            : undefined,
        connectionFactories,
        variables,
        features: (0, xml_1.elementsNamed)(xml, 'feature').map((f) => f.text),
    };
    return { file, kind, entries, comments, problems, data };
}
/**
 * Liberty `bootstrap.properties` beside server.xml: bootstrap properties and server variables
 * (`default.https.port=9443`). Spring Cloud's `bootstrap.properties` (with `spring.*` keys) is Spring's.
 */
exports.libertyBootstrapFormat = {
    id: 'liberty-bootstrap',
    classify(filePath, head) {
        const base = (0, path_name_1.lastPathSegment)(filePath);
        return base === 'bootstrap.properties' && !/^\s*spring\./m.test(head) ? 'liberty.bootstrap' : undefined;
    },
    parse(file, kind) {
        const { entries, comments, problems } = (0, properties_1.parseProperties)(file.text);
        return { file, kind, entries, comments, problems, data: undefined };
    },
};
