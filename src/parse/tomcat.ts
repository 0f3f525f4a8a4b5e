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
 * Tomcat `conf/server.xml`: an XML file whose root element is `<Server>` (case
 * matters: Liberty's is `<server>`, WebSphere's are `xmi:XMI`/`process:Server`).
 */
export const tomcatServerXmlFormat: FormatHandler<XmlData> = {
  id: 'tomcat',
  classify(filePath, head) {
    if (!/\.xml$/.test(basenameOf(filePath))) return undefined;
    return firstElementName(head) === 'Server' ? 'tomcat.server-xml' : undefined;
  },
  parse(file, kind): ParsedDocument<XmlData> {
    const { entries, comments, problems, data } = parseXml(file.text);
    return { file, kind, entries, comments, problems, data };
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
    const { entries, comments, problems } = parseProperties(file.text, { reportDuplicate: () => false });
    return { file, kind, entries, comments, problems, data: undefined };
  },
};
