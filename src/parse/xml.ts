/** saxes (a chunk of its own in dist/) is loaded by the first XML file, not at start-up. */
let saxesLib: typeof import('saxes') | undefined;
const saxes = () => (saxesLib ??= require('saxes') as typeof import('saxes'));
import type { Range } from '../core/types';
import { LineIndex } from './text';
import { firstBareAmpersand } from './xml-ampersand';
import { MARKDOWN_SNIPPET, strayText } from './xml-stray-text';
import type { Comment, Entry, ParseProblem } from './types';
import { isSecretKey } from './types';

/** An attribute with the ranges of its name and of its value (inside the quotes). */
export interface XmlAttribute {
  name: string;
  value: string;
  nameRange: Range;
  valueRange: Range;
}

export interface XmlElement {
  /** Qualified name as written (`process:Server`, `Connector`). */
  name: string;
  /** Local name without prefix, for matching (`Server`). */
  localName: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  parent?: XmlElement;
  /** Range of the start tag. */
  range: Range;
  /** `Server/Service/Connector[2]`-style path, for messages and entry sections. */
  path: string;
  /** Concatenated text content directly inside the element (trimmed). */
  text: string;
  /**
   * A template writes (some of) its attributes itself (`<Connector {{ props }} />`): the template value as written.
   * What it writes is unknown: an attribute absent here may be set (./template-xml-attributes.ts).
   */
  generatedAttributes?: string;
}

export interface XmlData {
  root?: XmlElement;
  /** Every element in document order. */
  elements: XmlElement[];
}

export interface XmlParseResult {
  entries: Entry[];
  comments: Comment[];
  problems: ParseProblem[];
  data: XmlData;
}

export function attr(element: XmlElement, name: string): XmlAttribute | undefined {
  const lower = name.toLowerCase();
  return element.attributes.find((a) => a.name.toLowerCase() === lower);
}

/** Elements whose local name matches, case-insensitively. */
export function elementsNamed(data: XmlData, localName: string): XmlElement[] {
  const lower = localName.toLowerCase();
  return data.elements.filter((e) => e.localName.toLowerCase() === lower);
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/**
 * A general entity the DTD's internal subset declares: `<!ENTITY name SYSTEM "file.xml">` (external: groups 2–4) or
 * `<!ENTITY name "text">` (internal: groups 5–6). Parameter entities (`<!ENTITY % name …>`) do not match.
 */
const ENTITY_DECLARATION =
  /<!ENTITY\s+([\w.:-]+)\s+(?:(SYSTEM|PUBLIC\s+(?:"[^"]*"|'[^']*'))\s+(?:"([^"]*)"|'([^']*)')|"([^"]*)"|'([^']*)')[^>]*>/g;

/**
 * Attributes that name the element or let the document refer to it: never the value of the secret it names. Jetty's
 * `<Property name="jetty.sslContext.keyStorePassword" deprecated="jetty.keystore.password" default="…">` lists in
 * `deprecated` the older property names read when `name` is unset (jetty/jetty.project jetty-xml XmlConfiguration,
 * "deprecated" of `<Property>`): names too (ideasiii/fintechBankingAPI@4e678e7 jetty/etc/jetty-ssl-context.xml).
 */
const NAMES_NOT_VALUES = /^(?:name|id|refid|deprecated)$/;

/**
 * A position-keeping XML reader over saxes. Every element, attribute and
 * comment keeps its range; a well-formedness error becomes one problem (the
 * first: later ones are usually consequences) and the elements read so far are kept.
 * Each attribute is also an `Entry` (`Connector@sslProtocol`) so generic rules see it.
 */
export function parseXml(text: string): XmlParseResult {
  const index = new LineIndex(text);
  const entries: Entry[] = [];
  const comments: Comment[] = [];
  const problems: ParseProblem[] = [];
  const elements: XmlElement[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let tagStart = 0;
  let failed = false;

  const parser = new (saxes().SaxesParser)({ position: true });
  // Tomcat's start digester inserts the file an external entity names where `&name;` stands (a documented way to split
  // server.xml: https://cwiki.apache.org/confluence/display/TOMCAT/Password); saxes reads no DTD, so the declarations
  // are given to it: an internal entity expands to its text, an external one to nothing, and is said to be unread.
  const externalEntities = new Map<string, string>();
  parser.on('doctype', (doctype) => {
    for (const m of doctype.matchAll(ENTITY_DECLARATION)) {
      const name = m[1]!;
      if (m[2] === undefined) parser.ENTITIES[name] ??= m[5] ?? m[6] ?? '';
      else if (!(name in parser.ENTITIES)) {
        parser.ENTITIES[name] = '';
        externalEntities.set(name, m[3] ?? m[4] ?? '');
      }
    }
  });
  parser.on('opentagstart', () => {
    // saxes has consumed `<name`; find the `<` that started it.
    tagStart = text.lastIndexOf('<', parser.position - 1);
  });
  parser.on('opentag', (tag) => {
    const tagEnd = parser.position;
    const raw = text.slice(tagStart, tagEnd);
    const parent = stack[stack.length - 1];
    const localName = tag.name.includes(':') ? tag.name.slice(tag.name.indexOf(':') + 1) : tag.name;
    const siblings = parent ? parent.children.filter((c) => c.name === tag.name).length : 0;
    const secretName = (tag.attributes as Record<string, string>)['name'] ?? '';
    const element: XmlElement = {
      name: tag.name,
      localName,
      attributes: [],
      children: [],
      parent,
      range: index.rangeAt(tagStart, tagEnd),
      path: `${parent ? `${parent.path}/` : ''}${tag.name}${siblings ? `[${siblings + 1}]` : ''}`,
      text: '',
    };
    for (const match of raw.matchAll(ATTRIBUTE)) {
      const nameStart = tagStart + (match.index ?? 0);
      const quoted = match[2]!;
      const valueStart = nameStart + match[0].length - quoted.length + 1;
      // A value holding `<` is not well-formed (saxes reports it and drops the `<`): keep it as written, a placeholder a
      // script fills in (`keystorePass="<changeit>"`) is then still that placeholder.
      const written = match[3] ?? match[4];
      const value = written?.includes('<')
        ? written
        : ((tag.attributes as Record<string, string>)[match[1]!] ?? written ?? '');
      const attribute: XmlAttribute = {
        name: match[1]!,
        value,
        nameRange: index.rangeAt(nameStart, nameStart + match[1]!.length),
        valueRange: index.rangeAt(valueStart, valueStart + quoted.length - 2),
      };
      element.attributes.push(attribute);
      // `<variable name="KEYSTORE_PASSWORD" value="…">`, `<property name="password" value="…">`: the element's name
      // makes its other attributes secret, not the name itself (which is only the secret's name), nor an identifier
      // the document refers to it by (Solr's stock jetty-ssl.xml, apache/solr@9f5b2c7: `<Get name="keyStorePassword"
      // id="keyStorePassword"/>`, read by a later `<Ref refid="keyStorePassword"/>`).
      const namedSecret =
        !isSecretKey(attribute.name) && !NAMES_NOT_VALUES.test(attribute.name) && isSecretKey(secretName);
      entries.push({
        key: `${localName}@${attribute.name}`,
        value,
        keyRange: attribute.nameRange,
        valueRange: attribute.valueRange,
        section: element.path,
        secret: isSecretKey(attribute.name) || namedSecret,
        ...(namedSecret ? { secretName } : {}),
      });
    }
    if (parent) parent.children.push(element);
    else root ??= element;
    elements.push(element);
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on('text', (chunk) => {
    const top = stack[stack.length - 1];
    if (top && chunk.trim()) top.text = (top.text + chunk).trim();
  });
  parser.on('cdata', (chunk) => {
    const top = stack[stack.length - 1];
    if (top) top.text = (top.text + chunk).trim();
  });
  parser.on('comment', (body) => {
    const end = parser.position;
    const start = text.lastIndexOf('<!--', end - 3);
    comments.push({ text: body, range: index.rangeAt(start < 0 ? end : start, end) });
  });
  parser.on('error', (error) => {
    if (failed) return;
    failed = true;
    // saxes reads past an ampersand that starts no reference to the end of the file: the ampersand is the error. What
    // follows it is not quoted (it may be part of a password).
    const ampersand = firstBareAmpersand(text, parser.position);
    const stray = ampersand === undefined ? strayText(text, parser.position - 1, error.message, !!root) : undefined;
    const at = index.positionAt(
      ampersand ??
        stray?.at ??
        repeatedAttribute(text, tagStart, parser.position, error.message) ??
        Math.max(0, parser.position - 1),
    );
    problems.push({
      code: 'invalid-xml',
      ...(stray?.markdown ? { messageId: MARKDOWN_SNIPPET } : {}),
      severity: 'error',
      message: stray
        ? stray.message
        : ampersand === undefined
          ? `Not well-formed XML: ${error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')}${javaWordsForRepeated(text, tagStart, error.message)}`
          : "Not well-formed XML: this '&' starts no entity reference, so an XML parser stops here (Java's: " +
            (/[A-Za-z_:]/.test(text[ampersand + 1] ?? '')
              ? '"The reference to entity … must end with the \';\' delimiter"'
              : '"The entity name must immediately follow the \'&\' in the entity reference"') +
            ') and nothing after it is read; a literal ampersand is written &amp;',
      range: { start: at, end: at },
    });
  });
  try {
    parser.write(text).close();
  } catch {
    // saxes reports through the error handler; anything thrown after that is a consequence.
  }
  const unread = externalEntities.size > 0 ? unreadEntities(text, externalEntities, index) : undefined;
  if (unread) problems.push(unread);
  return { entries, comments, problems, data: { root, elements } };
}

/**
 * Where a tag repeats an attribute, the saxes error `duplicate attribute: NAME.` comes at the tag's end: the second
 * NAME is the place to name. In a template, that place's own branch is the one that writes it twice
 * (zmoore-usgs/cookbook-tomcat@d24e052 server.xml.erb: two `<% if ssl_connector.key?('ssl_ca_certificate_path') %>`
 * each write SSLCACertificatePath on one Connector, not every rendering of the enclosing branch).
 */
/** The JDK's SAX parser's words for a repeated attribute (measured with OpenJDK 17.0.15), which Tomcat logs. */
function javaWordsForRepeated(text: string, tagStart: number, message: string): string {
  const name = /duplicate attribute: (.+)\.$/.exec(message)?.[1];
  const element = /^<([^\s/>]+)/.exec(text.slice(tagStart))?.[1];
  return name && element ? ` (Java's: 'Attribute "${name}" was already specified for element "${element}".')` : '';
}

function repeatedAttribute(text: string, tagStart: number, at: number, message: string): number | undefined {
  const name = /duplicate attribute: (.+)\.$/.exec(message)?.[1];
  if (name === undefined) return undefined;
  const tag = text.slice(tagStart, at);
  const same = [...tag.matchAll(ATTRIBUTE)].filter((m) => m[1] === name);
  return same.length > 1 ? tagStart + (same[1]!.index ?? 0) : undefined;
}

/** The external entities a document uses: one info at the first use, naming the files it does not read. */
function unreadEntities(text: string, declared: Map<string, string>, index: LineIndex): ParseProblem | undefined {
  const subsetEnd = text.indexOf(']>');
  const used: { name: string; file: string; at: number }[] = [];
  for (const [name, file] of declared) {
    const at = text.indexOf(`&${name};`, subsetEnd < 0 ? 0 : subsetEnd);
    if (at >= 0) used.push({ name, file, at });
  }
  if (used.length === 0) return undefined;
  used.sort((a, b) => a.at - b.at);
  const first = used[0]!;
  const named = used.map((u) => `${u.file} (&${u.name};)`);
  const files = named.length > 3 ? `${named.slice(0, 3).join(', ')} and ${named.length - 3} more` : named.join(', ');
  const many = used.length > 1;
  return {
    code: 'xml-external-entity',
    severity: 'info',
    message: `The XML parser inserts ${files} where ${many ? 'they are' : 'it is'} referenced (XML external ${many ? 'entities' : 'entity'}); lint-deploy does not read ${many ? 'those files' : 'that file'}, so what ${many ? 'they configure' : 'it configures'} here is unknown`,
    range: index.rangeAt(first.at, first.at + first.name.length + 2),
  };
}
