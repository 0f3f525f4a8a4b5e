"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tomcatCatalinaPropertiesFormat = exports.tomcatUsersFormat = exports.tomcatServerXmlFormat = void 0;
exports.firstElementName = firstElementName;
const xml_1 = require("./xml");
const jvm_args_1 = require("./java/jvm-args");
const properties_1 = require("./properties");
/** First element name in an XML head, after the prolog, comments and DOCTYPE. */
function firstElementName(head) {
    const stripped = head
        .replace(/<\?[\s\S]*?\?>/g, '')
        .replace(/<!--[\s\S]*?(-->|$)/g, '')
        .replace(/<!DOCTYPE[^>]*>/gi, '');
    return /<([A-Za-z_][\w:.-]*)/.exec(stripped)?.[1];
}
/**
 * Whether a file may be an XML file of Tomcat's by its name: `.xml`, or the file's bare name, which configuration
 * management writes its templates under (sprylab/ansible-role-tomcat-ubuntu@5c042bb templates/server.j2 →
 * conf/server.xml; arnisoph/saltstack-tomcat-formula@7ed5217 contrib/states/files/server, tomcat_users).
 */
function xmlNamed(filePath, bare) {
    const base = (0, jvm_args_1.basenameOf)(filePath);
    return /\.xml$/.test(base) || bare.test(base);
}
/**
 * Tomcat `conf/server.xml`: an XML file whose root element is `<Server>` (case
 * matters: Liberty's is `<server>`, WebSphere's are `xmi:XMI`/`process:Server`).
 */
exports.tomcatServerXmlFormat = {
    id: 'tomcat',
    classify(filePath, head) {
        if (!xmlNamed(filePath, /^server$/))
            return undefined;
        return firstElementName(head) === 'Server' ? 'tomcat.server-xml' : undefined;
    },
    parse(file, kind) {
        const { entries, comments, problems, data } = (0, xml_1.parseXml)(file.text);
        return { file, kind, entries, comments, problems, data };
    },
};
/**
 * A credential a Tomcat CredentialHandler stored rather than the password: `salt$iterations$digest` or a bare digest
 * in hex, or the `{MD5}`/`{SHA}`/`{SSHA}` base64 forms (https://tomcat.apache.org/tomcat-10.1-doc/config/credentialhandler.html).
 */
const STORED_CREDENTIAL = /^([0-9a-f]*\$\d+\$[0-9a-f]+|[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128}|\{(MD5|SHA|SSHA)\}\S+)$/i;
/**
 * Tomcat `conf/tomcat-users.xml`, the users of the MemoryUserDatabase realm: a `<user password="…">` is a secret (Tomcat
 * replaces `${name}` in it from the system properties: checked with MemoryUserDatabase of Tomcat 10.1.60), unless it
 * is a credential its CredentialHandler stored.
 */
exports.tomcatUsersFormat = {
    id: 'tomcat-users',
    classify(filePath, head) {
        if (!xmlNamed(filePath, /^tomcat[-_]users$/))
            return undefined;
        return firstElementName(head) === 'tomcat-users' ? 'tomcat.users' : undefined;
    },
    parse(file, kind) {
        const { entries, comments, problems, data } = (0, xml_1.parseXml)(file.text);
        const read = entries.map((e) => (e.secret && STORED_CREDENTIAL.test(e.value) ? { ...e, secret: false } : e));
        return { file, kind, entries: read, comments, problems, data };
    },
};
/**
 * Tomcat `conf/catalina.properties`: Catalina sets each of its properties as a system property when it starts
 * (CatalinaProperties.loadProperties, after the JVM's `-D` options), so server.xml's `${name}` reads them.
 */
exports.tomcatCatalinaPropertiesFormat = {
    id: 'tomcat-catalina-properties',
    classify(filePath) {
        return (0, jvm_args_1.basenameOf)(filePath) === 'catalina.properties' ? 'tomcat.catalina-properties' : undefined;
    },
    parse(file, kind) {
        // java.util.Properties.load reads it (CatalinaProperties): a `#` after a value is part of the value.
        const { entries, comments, problems } = (0, properties_1.parseProperties)(file.text, {
            reportDuplicate: () => false,
            commentsInValues: true,
        });
        return { file, kind, entries, comments, problems, data: undefined };
    },
};
