/**
 * Eclipse Jetty distribution files (jetty-home/jetty-base): the start files (`start.ini`, `start.d/*.ini`, an `.ini`
 * enabling modules) and Jetty XML (`etc/jetty-ssl-context.xml`, `jetty-https.xml`, a `jetty.xml`) that configures an
 * `SslContextFactory`. A start file is read as start.jar reads it: one argument a line, `#` comments, `--module=a,b`,
 * `name=value` properties (`?=` and `+=` too), an `.xml` path to apply; JVM arguments (`-D`, `-X`) are set aside.
 * https://jetty.org/docs/jetty/12/operations-guide/start/index.html, jetty-start StartArgs at jetty-9.4.56 (ec6782f).
 */
import type { Range } from '../core/types';
import { lastPathSegment } from '../core/path-name';
import { LineIndex } from './text';
import { lineOffsets } from './java/jvm-args';
import { attr, parseXml, type XmlData, type XmlElement } from './xml';
import type { Comment, Entry, FormatHandler, ParsedDocument } from './types';
import { isSecretKey } from './types';

export const JETTY_START_KIND = 'jetty.start-ini';
export const JETTY_XML_KIND = 'jetty.xml';
export const JETTY_MODULE_KIND = 'jetty.module';

export interface JettyStartData {
  /** `--module=ssl,https` (also `--modules=`, `--add-module=`, `--add-modules=`): each module named. */
  modules: { name: string; range: Range }[];
  /**
   * `name=value` lines, in order; `op` is `=`, `?=` (only when unset) or `+=` (appended). `spaced`: blanks before the
   * operator, which start.jar keeps in the name (StartArgs.parse at 9.4.56 does not trim it): no property of that name.
   */
  properties: (Entry & { op: '=' | '?=' | '+='; spaced?: true })[];
  /** XML files the start file applies (`etc/tweak-ssl.xml`). */
  xmls: { path: string; range: Range }[];
}

/** A start file's property line: a dotted lower-camel name (`jetty.sslContext.keyStorePath`, `ssl.port`). */
const PROPERTY = /^([A-Za-z_][\w.-]*?)([ \t]*)(\?=|\+=|=)(.*)$/;
const MODULE = /^--(?:add-)?modules?=(.*)$/;
/** What marks an `.ini` as Jetty's: a module line, or a Jetty property (`jetty.ssl.port=`, `jetty.sslContext.…=`). */
const JETTY_INI_MARK = /^[ \t]*(--(?:add-)?modules?=|jetty\.[\w.]+[?+]?=)/m;

export const jettyStartFormat: FormatHandler<JettyStartData> = {
  id: 'jetty-start',
  classify(filePath, head) {
    const name = lastPathSegment(filePath);
    if (!name.endsWith('.ini')) return undefined;
    return JETTY_INI_MARK.test(head) ? JETTY_START_KIND : undefined;
  },
  parse(file, kind): ParsedDocument<JettyStartData> {
    const index = new LineIndex(file.text);
    const comments: Comment[] = [];
    const data: JettyStartData = { modules: [], properties: [], xmls: [] };
    for (const line of lineOffsets(file.text)) {
      const lead = line.text.length - line.text.trimStart().length;
      const text = line.text.trim();
      const start = line.start + lead;
      if (text === '') continue;
      if (text.startsWith('#')) {
        comments.push({ text: text.slice(1), range: index.rangeAt(start, line.start + line.text.trimEnd().length) });
        continue;
      }
      const module = MODULE.exec(text);
      if (module) {
        let at = start + text.indexOf('=') + 1;
        for (const part of (module[1] ?? '').split(',')) {
          const name = part.trim();
          const offset = at + part.indexOf(name);
          if (name) data.modules.push({ name, range: index.rangeAt(offset, offset + name.length) });
          at += part.length + 1;
        }
        continue;
      }
      if (text.startsWith('-')) continue;
      const property = PROPERTY.exec(text);
      if (property) {
        const key = property[1]!;
        const blanks = property[2]!;
        const op = property[3] as '=' | '?=' | '+=';
        const raw = property[4]!;
        const valueStart = start + key.length + blanks.length + op.length + (raw.length - raw.trimStart().length);
        data.properties.push({
          key,
          value: raw.trim(),
          op,
          ...(blanks ? { spaced: true as const } : {}),
          keyRange: index.rangeAt(start, start + key.length),
          valueRange: index.rangeAt(valueStart, Math.max(valueStart, start + text.length)),
          secret: isSecretKey(key),
        });
        continue;
      }
      if (/\.xml$/i.test(text)) data.xmls.push({ path: text, range: index.rangeAt(start, start + text.length) });
    }
    return { file, kind, entries: data.properties, comments, problems: [], data };
  },
};

/** A Jetty module file (`<base>/modules/backchannel.mod`): the modules it depends on and the XML files it applies. */
export interface JettyModuleData {
  depend: string[];
  xml: string[];
}

/** A section header of a module file: `[depend]`, `[xml]`, `[ini-template]`. */
const MODULE_SECTION = /^\[([\w-]+)\]\s*$/;

export const jettyModuleFormat: FormatHandler<JettyModuleData> = {
  id: 'jetty-module',
  classify(filePath, head) {
    const parts = filePath.split(/[\\/]/);
    if (!lastPathSegment(filePath).endsWith('.mod') || parts.at(-2) !== 'modules') return undefined;
    return /^\[(depend|xml|ini-template|files|lib)\]\s*$/m.test(head) ? JETTY_MODULE_KIND : undefined;
  },
  parse(file, kind): ParsedDocument<JettyModuleData> {
    const index = new LineIndex(file.text);
    const comments: Comment[] = [];
    const data: JettyModuleData = { depend: [], xml: [] };
    let section = '';
    for (const line of lineOffsets(file.text)) {
      const text = line.text.trim();
      const lead = line.text.length - line.text.trimStart().length;
      if (text.startsWith('#')) {
        comments.push({
          text: text.slice(1),
          range: index.rangeAt(line.start + lead, line.start + lead + text.length),
        });
        continue;
      }
      const header = MODULE_SECTION.exec(text);
      if (header) section = header[1]!.toLowerCase();
      else if (text && section === 'depend') data.depend.push(text.replace(/^\?/, ''));
      else if (text && section === 'xml') data.xml.push(text);
    }
    return { file, kind, entries: [], comments, problems: [], data };
  },
};

/** Jetty XML (`<Configure>`, Jetty's configure DTD) that makes or configures an SslContextFactory. */
const JETTY_CONFIGURE = /<Configure\b[^>]*\bclass\s*=\s*["']org\.eclipse\.jetty\.|<!DOCTYPE\s+Configure\b/;
const SSL_CONTEXT_FACTORY = /SslContextFactory/;

export const jettyXmlFormat: FormatHandler<XmlData> = {
  id: 'jetty-xml',
  classify(filePath, head) {
    const name = lastPathSegment(filePath);
    if (!/\.xml$/i.test(name)) return undefined;
    return JETTY_CONFIGURE.test(head) && SSL_CONTEXT_FACTORY.test(head) ? JETTY_XML_KIND : undefined;
  },
  parse(file, kind): ParsedDocument<XmlData> {
    const { entries, comments, problems, data } = parseXml(file.text);
    return { file, kind, entries: [...entries, ...setterEntries(file.text, data)], comments, problems, data };
  },
};

/** Secrets, and the stores' paths that say whether a trust store password opens the key store. */
const isEntrySetter = (name: string) => isSecretKey(name) || /^(?:key|trust)StorePath$/i.test(name);

/**
 * The `<Set name="KeyStorePassword">…</Set>` calls whose argument is text written in the file (no `<Property>` or
 * other element inside): an entry named by the setter, in the section of the object it configures, so that a store
 * password written there is judged as a start property's is, and never printed (RumeTiller/geoserver_ssl_config@a463003
 * jetty-ssl-context.xml, dskyberg-Ping/pingone-app@3ad0d8d etc/jetty-ssl.xml). Jetty's XmlConfiguration passes the
 * trimmed text to the setter (https://jetty.org/docs/jetty/12/operations-guide/xml/index.html, `<Set>`). A store
 * path of text and `<Property>` elements is an entry too, its value the expression as written (mixedPath).
 */
function setterEntries(text: string, data: XmlData): Entry[] {
  const index = new LineIndex(text);
  const entries: Entry[] = [];
  for (const element of data.elements) {
    const name = attr(element, 'name');
    if (element.localName !== 'Set' || !name || !isEntrySetter(name.value)) continue;
    const start = index.offsetAt(element.range.end);
    const end = text.indexOf('</', start);
    const inner = end < 0 ? '' : text.slice(start, end);
    // A comment or CDATA inside leaves the text's place unclear: left to the attribute entries.
    const value =
      element.children.length === 0
        ? !inner.includes('<') && element.text
        : !isSecretKey(name.value) && mixedPath(inner, element.children);
    if (!value || !inner.trim()) continue;
    const lead = inner.length - inner.trimStart().length;
    const trail = inner.length - inner.trimEnd().length;
    entries.push({
      key: name.value,
      value,
      keyRange: name.valueRange,
      valueRange: index.rangeAt(start + lead, end - trail),
      section: element.parent?.path ?? '',
      secret: isSecretKey(name.value),
    });
  }
  return entries;
}

/** A `<Property name="…"/>` written in a setter's text (self-closing: a `<Default>` inside is not read here). */
const PROPERTY_TAG = /<Property\b[^>]*?\/>/g;

/**
 * A store path written as text and `<Property/>` elements (`<Property name="jetty.base" default="."/>/etc/store.jks`,
 * lachlan-roberts/jetty-maven-plugin-https-example@54e3d06 etc/jetty-ssl-context.xml): XmlConfiguration.value()
 * appends the text and each Property's value in their order, then trims (jetty/jetty.project@ec6782f jetty-9.4.56
 * jetty-xml and @e775165 jetty-12.0.14 jetty-core/jetty-xml XmlConfiguration.java, "the multiple items as a single
 * string"). The start properties are other documents, so a Property stays an expression here: `${jetty.base}` (the
 * base, as src/model/jetty-values.ts renders it) or `${name}` for one written with its name only; the same expression
 * in one file gives the same path, which is what the entry tells (a TrustStorePath naming the KeyStorePath file).
 * A Property with a default or deprecated name, another element, or a comment inside: undefined, no entry.
 */
function mixedPath(inner: string, children: readonly XmlElement[]): string | undefined {
  const tags = inner.match(PROPERTY_TAG) ?? [];
  if (tags.length !== children.length || inner.replace(PROPERTY_TAG, '').includes('<')) return undefined;
  const rendered: string[] = [];
  for (const child of children) {
    const name = attr(child, 'name')?.value.trim();
    if (child.localName !== 'Property' || child.children.length > 0 || !name) return undefined;
    if (name !== 'jetty.base' && child.attributes.length > 1) return undefined;
    rendered.push(`\${${name}}`);
  }
  let at = 0;
  return inner.replace(PROPERTY_TAG, () => rendered[at++]!).trim() || undefined;
}
