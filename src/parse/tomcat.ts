import type { FormatHandler, ParsedDocument } from './types';
import { parseXml, type XmlData } from './xml';
import { basenameOf } from './java/jvm-args';
import { parseProperties } from './properties';

/** First element name in an XML head, after the prolog, comments and DOCTYPE. */
export function firstElementName(head: string): string | undefined {
  const stripped = head
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '');
  return /<([A-Za-z_][\w:.-]*)/.exec(stripped)?.[1];
}

/**
 * Whether a file may be an XML file of Tomcat's by its name: `.xml`, or the file's bare name, which configuration
 * management writes its templates under (sprylab/ansible-role-tomcat-ubuntu@5c042bb templates/server.j2 →
 * conf/server.xml; arnisoph/saltstack-tomcat-formula@7ed5217 contrib/states/files/server, tomcat_users), or either
 * with the Tomcat release it is written for after it (`release`: camptocamp/puppet-tomcat@c0eba0a
 * server.xml.tomcat55.erb, oscerd/puppet-tomcat-module@825d936 serverxml-6.erb and users-6.erb,
 * hhlee0548/x1-svc-deploy-repo@30cac6c tomcat-users.xml_8.j2). The root element decides, never the name alone.
 */
function xmlNamed(filePath: string, bare: RegExp, release: RegExp): boolean {
  const base = basenameOf(filePath);
  return /\.xml$/.test(base) || bare.test(base) || release.test(base);
}

/** After the name, with or without `.xml`: a Tomcat release (`tomcat55`, `-6`, `_8`, `8.5`), not a date or a backup's count. */
const RELEASE_TAG = String.raw`(?:\.?xml)?[._-]?(?:tomcat)?\d{1,2}(?:\.\d)?$`;
const SERVER_FOR_RELEASE = new RegExp(`^server${RELEASE_TAG}`);
const USERS_FOR_RELEASE = new RegExp(`^(?:tomcat[-_])?users${RELEASE_TAG}`);

/**
 * Tomcat `conf/server.xml`: an XML file whose root element is `<Server>` (case
 * matters: Liberty's is `<server>`, WebSphere's are `xmi:XMI`/`process:Server`).
 */
export const tomcatServerXmlFormat: FormatHandler<XmlData> = {
  id: 'tomcat',
  classify(filePath, head) {
    if (!xmlNamed(filePath, /^server$/, SERVER_FOR_RELEASE)) return undefined;
    return firstElementName(head) === 'Server' ? 'tomcat.server-xml' : undefined;
  },
  parse(file, kind): ParsedDocument<XmlData> {
    const { entries, comments, problems, data } = parseXml(file.text);
    return { file, kind, entries, comments, problems, data };
  },
};

/**
 * A credential a Tomcat CredentialHandler stored rather than the password: `salt$iterations$digest` or a bare digest
 * in hex, or the `{MD5}`/`{SHA}`/`{SSHA}` base64 forms (https://tomcat.apache.org/tomcat-10.1-doc/config/credentialhandler.html).
 */
const STORED_CREDENTIAL =
  /^([0-9a-f]*\$\d+\$[0-9a-f]+|[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128}|\{(MD5|SHA|SSHA)\}\S+)$/i;

/**
 * Tomcat `conf/tomcat-users.xml`, the users of the MemoryUserDatabase realm: a `<user password="…">` is a secret (Tomcat
 * replaces `${name}` in it from the system properties: checked with MemoryUserDatabase of Tomcat 10.1.60), unless it
 * is a credential its CredentialHandler stored.
 */
export const tomcatUsersFormat: FormatHandler<XmlData> = {
  id: 'tomcat-users',
  classify(filePath, head) {
    if (!xmlNamed(filePath, /^tomcat[-_]users$/, USERS_FOR_RELEASE)) return undefined;
    return firstElementName(head) === 'tomcat-users' ? 'tomcat.users' : undefined;
  },
  parse(file, kind): ParsedDocument<XmlData> {
    const { entries, comments, problems, data } = parseXml(file.text);
    const read = entries.map((e) => (e.secret && STORED_CREDENTIAL.test(e.value) ? { ...e, secret: false } : e));
    return { file, kind, entries: read, comments, problems, data };
  },
};

/**
 * Tomcat `conf/catalina.properties`: Catalina sets each of its properties as a system property when it starts
 * (CatalinaProperties.loadProperties, after the JVM's `-D` options), so server.xml's `${name}` reads them.
 */
export const tomcatCatalinaPropertiesFormat: FormatHandler<undefined> = {
  id: 'tomcat-catalina-properties',
  classify(filePath) {
    return basenameOf(filePath) === 'catalina.properties' ? 'tomcat.catalina-properties' : undefined;
  },
  parse(file, kind) {
    // java.util.Properties.load reads it (CatalinaProperties): a `#` after a value is part of the value.
    const { entries, comments, problems } = parseProperties(file.text, {
      reportDuplicate: () => false,
      commentsInValues: true,
      byteOrderMark: file.hadBom,
    });
    return { file, kind, entries, comments, problems, data: undefined };
  },
};
