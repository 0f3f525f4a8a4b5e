/**
 * WildFly / JBoss EAP server configuration (`standalone.xml`, `domain.xml`, `host.xml`): a root `<server>`, `<domain>`
 * or `<host>` in an `urn:jboss:domain:<version>` namespace (https://docs.wildfly.org/, "Configuration files"). Its
 * Elytron key stores and Undertow listeners are not modelled yet; it is read as XML so that its settings are checked
 * as settings (plaintext passwords), and so that Liberty — whose root is also `<server>` — does not take it for its own.
 */
import type { FormatHandler, ParsedDocument } from './types';
import { parseXml, type XmlData } from './xml';
import { rootElementName } from './mq/xml-values';
import { lastPathSegment } from '../core/path-name';

/** The kind of WildFly / JBoss server configuration documents. */
export const JBOSS_SERVER_KIND = 'jboss.server-xml';

/** Whether a file's head opens a WildFly / JBoss configuration: its root element in an `urn:jboss:domain:` namespace. */
export function isJbossConfiguration(head: string): boolean {
  const root = rootElementName(head);
  if (root !== 'server' && root !== 'domain' && root !== 'host') return false;
  const start = new RegExp(`<${root}\\b[^>]*>`).exec(head)?.[0] ?? '';
  return /xmlns\s*=\s*["']urn:jboss:domain:/.test(start);
}

export const jbossServerFormat: FormatHandler<XmlData> = {
  id: 'jboss',
  classify(filePath, head) {
    return /\.xml$/i.test(lastPathSegment(filePath)) && isJbossConfiguration(head) ? JBOSS_SERVER_KIND : undefined;
  },
  parse(file, kind): ParsedDocument<XmlData> {
    const { entries, comments, problems, data } = parseXml(file.text);
    // Elytron's `<credential-reference clear-text=…>` holds a password in clear text (a key store's, a key's, a
    // credential store's: https://docs.wildfly.org/wildfly-proposals/elytron/WFCORE-4150-credential-store-automatic-updates.html),
    // though its attribute's name does not say so: masked in every output and judged as a secret.
    for (const entry of entries) if (entry.key === 'credential-reference@clear-text') entry.secret = true;
    return { file, kind, entries, comments, problems, data };
  },
};
