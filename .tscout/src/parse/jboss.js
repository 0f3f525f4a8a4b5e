"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.jbossServerFormat = exports.JBOSS_SERVER_KIND = void 0;
exports.isJbossConfiguration = isJbossConfiguration;
const xml_1 = require("./xml");
const xml_values_1 = require("./mq/xml-values");
const path_name_1 = require("../core/path-name");
/** The kind of WildFly / JBoss server configuration documents. */
exports.JBOSS_SERVER_KIND = 'jboss.server-xml';
/** Whether a file's head opens a WildFly / JBoss configuration: its root element in an `urn:jboss:domain:` namespace. */
function isJbossConfiguration(head) {
    const root = (0, xml_values_1.rootElementName)(head);
    if (root !== 'server' && root !== 'domain' && root !== 'host')
        return false;
    const start = new RegExp(`<${root}\\b[^>]*>`).exec(head)?.[0] ?? '';
    return /xmlns\s*=\s*["']urn:jboss:domain:/.test(start);
}
exports.jbossServerFormat = {
    id: 'jboss',
    classify(filePath, head) {
        return /\.xml$/i.test((0, path_name_1.lastPathSegment)(filePath)) && isJbossConfiguration(head) ? exports.JBOSS_SERVER_KIND : undefined;
    },
    parse(file, kind) {
        const { entries, comments, problems, data } = (0, xml_1.parseXml)(file.text);
        // Elytron's `<credential-reference clear-text=…>` holds a password in clear text (a key store's, a key's, a
        // credential store's: https://docs.wildfly.org/wildfly-proposals/elytron/WFCORE-4150-credential-store-automatic-updates.html),
        // though its attribute's name does not say so: masked in every output and judged as a secret.
        for (const entry of entries)
            if (entry.key === 'credential-reference@clear-text')
                entry.secret = true;
        return { file, kind, entries, comments, problems, data };
    },
};
