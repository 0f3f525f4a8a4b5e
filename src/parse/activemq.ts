/**
 * ActiveMQ brokers' configuration files, read for their network listeners:
 * - ActiveMQ Artemis `broker.xml` (root `<configuration xmlns="urn:activemq">`): each `<acceptor name="…">` holds a URI
 *   `tcp://0.0.0.0:61617?sslEnabled=true;keyStorePath=…`, whose query (after its last `?`) is split at `&` and `;` and
 *   URL-decoded (apache/activemq-artemis@2.44.0 artemis-commons/…/utils/uri/URISupport.java parseQuery).
 * - ActiveMQ Classic `activemq.xml` (a Spring `<beans>` file with `<broker xmlns="http://activemq.apache.org/schema/core">`):
 *   each `<transportConnector uri="ssl://0.0.0.0:61617?transport.enabledProtocols=…&amp;needClientAuth=true"/>`, whose
 *   query is split at `&` only (apache/activemq@activemq-6.1.6 activemq-client/…/util/URISupport.java parseQuery), and
 *   the broker's `<sslContext><sslContext keyStore=… trustStore=…/></sslContext>`.
 * Each listener's URI parameters keep their places in the file; the model decides what they mean (src/model/activemq-brokers.ts).
 * The URI text is also an entry, so the secret masker and security/plaintext-secret see its `keyStorePassword=`.
 */
import type { Range } from '../core/types';
import { basenameOf } from './java/jvm-args';
import { LineIndex } from './text';
import { firstElementName } from './tomcat';
import type { Entry, FormatHandler, ParsedDocument } from './types';
import { attr, elementsNamed, parseXml, type XmlAttribute, type XmlData, type XmlElement } from './xml';

export const ARTEMIS_BROKER_KIND = 'activemq.artemis-broker';
export const CLASSIC_BROKER_KIND = 'activemq.classic-broker';

/** One `name=value` of a URI's query, as the broker reads it (decoded), with the places of both as written. */
export interface BrokerUriParameter {
  name: string;
  value: string;
  nameRange: Range;
  valueRange: Range;
}

/** A broker or client URI: `scheme://host:port?query`, the query's parameters in the order written. */
export interface BrokerUri {
  text: string;
  range: Range;
  scheme: string;
  host: string;
  /** Undefined when the port is not a number as written (a placeholder). */
  port?: number;
  parameters: BrokerUriParameter[];
}

/** A network listener of a broker: an Artemis `<acceptor>` or a Classic `<transportConnector>`. */
export interface BrokerListener {
  /** Its `name` attribute, when it has one. */
  name?: string;
  uri: BrokerUri;
  /** The element's start tag. */
  range: Range;
}

export interface ActivemqBrokerData extends XmlData {
  product: 'artemis' | 'classic';
  listeners: BrokerListener[];
  /** Classic: the attributes of the broker's `<sslContext><sslContext …/>`, and where it is. */
  sslContext?: { attributes: XmlAttribute[]; range: Range };
}

/** Classic's transport schemes that speak TLS from the first byte (Jetty's https/wss aside): brokers and clients alike. */
export const CLASSIC_TLS_SCHEMES = /^(?:(?:auto|stomp|amqp|mqtt)\+)?(?:nio\+)?ssl$/;

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A query part as Java's URLDecoder reads it (`+` is a space); a malformed escape is left as written. */
export function urlDecoded(raw: string): string {
  const xml = raw.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name]!);
  try {
    return decodeURIComponent(xml.replace(/\+/g, ' '));
  } catch {
    return xml;
  }
}

/**
 * The `name=value` parts of a URI query split at `separators` (the brokers' URISupport.parseQuery), decoded, each with
 * where it starts in `query`, where its `=` is and its length as written; parts without `=` are left out.
 */
export function queryParts(
  query: string,
  separators: RegExp,
): { name: string; value: string; start: number; eq: number; length: number }[] {
  const parts: { name: string; value: string; start: number; eq: number; length: number }[] = [];
  let at = 0;
  for (const part of query.split(separators)) {
    const start = query.indexOf(part, at);
    at = start + part.length;
    const eq = part.indexOf('=');
    if (!part.trim() || eq < 0) continue;
    parts.push({
      name: urlDecoded(part.slice(0, eq)).trim(),
      value: urlDecoded(part.slice(eq + 1)),
      start,
      eq,
      length: part.length,
    });
  }
  return parts;
}

/**
 * A URI as written at `offset` of a file's text (`raw` is the file's slice, XML-escaped when it is an attribute or
 * element text): its scheme, first host and port, and the parameters of its query, split at `separators`.
 */
export function parseBrokerUri(
  raw: string,
  offset: number,
  index: LineIndex,
  separators: RegExp,
): BrokerUri | undefined {
  const head = /^\s*\(?\s*([A-Za-z][A-Za-z0-9+.-]*):\/\/([^:/?#,;&()\s]*)(?::([^/?#,;&()\s]*))?/.exec(raw);
  if (!head) return undefined;
  const start = offset + (/^\s*/.exec(raw)?.[0].length ?? 0);
  const trimmed = raw.trimEnd();
  const parameters: BrokerUriParameter[] = [];
  const queryAt = trimmed.lastIndexOf('?');
  if (queryAt >= 0)
    for (const { name, value, start, eq, length } of queryParts(trimmed.slice(queryAt + 1), separators)) {
      const nameStart = offset + queryAt + 1 + start;
      parameters.push({
        name,
        value,
        nameRange: index.rangeAt(nameStart, nameStart + eq),
        valueRange: index.rangeAt(nameStart + eq + 1, nameStart + length),
      });
    }
  const port = head[3] !== undefined && /^\d+$/.test(head[3]) ? Number(head[3]) : undefined;
  return {
    text: urlDecoded(trimmed.trim()),
    range: index.rangeAt(start, offset + trimmed.length),
    scheme: head[1]!.toLowerCase(),
    host: head[2]!.toLowerCase(),
    ...(port !== undefined ? { port } : {}),
    parameters,
  };
}

/** A comma list as both brokers split it (String.split(","), each name trimmed), empty names left out. */
export const commaSeparated = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The value a URI gives a parameter: the last one written of that name (a HashMap put), compared exactly. */
export function uriParameter(uri: BrokerUri, name: string): BrokerUriParameter | undefined {
  return [...uri.parameters].reverse().find((p) => p.name === name);
}

/** Artemis's acceptor URIs are split at `&` and `;` (XML writes `&` as `&amp;`). */
const ARTEMIS_SEPARATORS = /&amp;|[&;]/;
/** Classic's at `&` only. */
const CLASSIC_SEPARATORS = /&amp;|&/;

/** An Artemis acceptor's URI: its element text, found in the file after its start tag. */
function acceptorOf(element: XmlElement, text: string, index: LineIndex): BrokerListener | undefined {
  const from = index.offsetAt(element.range.end);
  const end = text.indexOf('<', from);
  const raw = text.slice(from, end < 0 ? text.length : end);
  const uri = parseBrokerUri(raw, from, index, ARTEMIS_SEPARATORS);
  const name = attr(element, 'name')?.value;
  return uri && { ...(name !== undefined ? { name } : {}), uri, range: element.range };
}

/** A Classic transport connector's URI: its `uri` attribute. */
function connectorOf(element: XmlElement, text: string, index: LineIndex): BrokerListener | undefined {
  const uriAttribute = attr(element, 'uri');
  if (!uriAttribute) return undefined;
  const from = index.offsetAt(uriAttribute.valueRange.start);
  const raw = text.slice(from, index.offsetAt(uriAttribute.valueRange.end));
  const uri = parseBrokerUri(raw, from, index, CLASSIC_SEPARATORS);
  const name = attr(element, 'name')?.value;
  return uri && { ...(name !== undefined ? { name } : {}), uri, range: element.range };
}

export const activemqBrokerFormat: FormatHandler<ActivemqBrokerData> = {
  id: 'activemq',
  classify(filePath, head) {
    if (!/\.xml$/i.test(basenameOf(filePath))) return undefined;
    const root = firstElementName(head);
    if (root === 'configuration' && /["']urn:activemq["']/.test(head)) return ARTEMIS_BROKER_KIND;
    if (root !== undefined && /(^|:)beans$/.test(root) && /http:\/\/activemq\.apache\.org\/schema\/core/.test(head))
      return CLASSIC_BROKER_KIND;
    return undefined;
  },
  parse(file, kind): ParsedDocument<ActivemqBrokerData> {
    const { entries, comments, problems, data } = parseXml(file.text);
    const index = new LineIndex(file.text);
    const product = kind === ARTEMIS_BROKER_KIND ? 'artemis' : 'classic';
    const listeners = (
      product === 'artemis'
        ? elementsNamed(data, 'acceptor').map((e) => acceptorOf(e, file.text, index))
        : elementsNamed(data, 'transportConnector').map((e) => connectorOf(e, file.text, index))
    ).filter((l): l is BrokerListener => l !== undefined);
    // The acceptor's text is no attribute: an entry of its own, for the masker and the secret rules.
    const uriEntries: Entry[] =
      product === 'artemis'
        ? listeners.map((l) => ({
            key: `acceptor${l.name !== undefined ? `[${l.name}]` : ''}`,
            value: l.uri.text,
            keyRange: l.range,
            valueRange: l.uri.range,
            section: 'acceptors',
            secret: false,
          }))
        : [];
    const inner = elementsNamed(data, 'sslContext').find((e) => e.parent?.localName === 'sslContext');
    return {
      file,
      kind,
      entries: [...entries, ...uriEntries],
      comments,
      problems,
      data: {
        ...data,
        product,
        listeners,
        ...(inner ? { sslContext: { attributes: inner.attributes, range: inner.range } } : {}),
      },
    };
  },
};
