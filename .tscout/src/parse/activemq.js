"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.activemqBrokerFormat = exports.commaSeparated = exports.CLASSIC_TLS_SCHEMES = exports.CLASSIC_BROKER_KIND = exports.ARTEMIS_BROKER_KIND = void 0;
exports.urlDecoded = urlDecoded;
exports.queryParts = queryParts;
exports.parseBrokerUri = parseBrokerUri;
exports.uriParameter = uriParameter;
const jvm_args_1 = require("./java/jvm-args");
const text_1 = require("./text");
const tomcat_1 = require("./tomcat");
const xml_1 = require("./xml");
exports.ARTEMIS_BROKER_KIND = 'activemq.artemis-broker';
exports.CLASSIC_BROKER_KIND = 'activemq.classic-broker';
/** Classic's transport schemes that speak TLS from the first byte (Jetty's https/wss aside): brokers and clients alike. */
exports.CLASSIC_TLS_SCHEMES = /^(?:(?:auto|stomp|amqp|mqtt)\+)?(?:nio\+)?ssl$/;
const XML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** A query part as Java's URLDecoder reads it (`+` is a space); a malformed escape is left as written. */
function urlDecoded(raw) {
    const xml = raw.replace(/&(amp|lt|gt|quot|apos);/g, (_, name) => XML_ENTITIES[name]);
    try {
        return decodeURIComponent(xml.replace(/\+/g, ' '));
    }
    catch {
        return xml;
    }
}
/**
 * The `name=value` parts of a URI query split at `separators` (the brokers' URISupport.parseQuery), decoded, each with
 * where it starts in `query`, where its `=` is and its length as written; parts without `=` are left out.
 */
function queryParts(query, separators) {
    const parts = [];
    let at = 0;
    for (const part of query.split(separators)) {
        const start = query.indexOf(part, at);
        at = start + part.length;
        const eq = part.indexOf('=');
        if (!part.trim() || eq < 0)
            continue;
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
function parseBrokerUri(raw, offset, index, separators) {
    const head = /^\s*\(?\s*([A-Za-z][A-Za-z0-9+.-]*):\/\/([^:/?#,;&()\s]*)(?::([^/?#,;&()\s]*))?/.exec(raw);
    if (!head)
        return undefined;
    const start = offset + (/^\s*/.exec(raw)?.[0].length ?? 0);
    const trimmed = raw.trimEnd();
    const parameters = [];
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
        scheme: head[1].toLowerCase(),
        host: head[2].toLowerCase(),
        ...(port !== undefined ? { port } : {}),
        parameters,
    };
}
/** A comma list as both brokers split it (String.split(","), each name trimmed), empty names left out. */
const commaSeparated = (value) => value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
exports.commaSeparated = commaSeparated;
/** The value a URI gives a parameter: the last one written of that name (a HashMap put), compared exactly. */
function uriParameter(uri, name) {
    return [...uri.parameters].reverse().find((p) => p.name === name);
}
/** Artemis's acceptor URIs are split at `&` and `;` (XML writes `&` as `&amp;`). */
const ARTEMIS_SEPARATORS = /&amp;|[&;]/;
/** Classic's at `&` only. */
const CLASSIC_SEPARATORS = /&amp;|&/;
/** An Artemis acceptor's URI: its element text, found in the file after its start tag. */
function acceptorOf(element, text, index) {
    const from = index.offsetAt(element.range.end);
    const end = text.indexOf('<', from);
    const raw = text.slice(from, end < 0 ? text.length : end);
    const uri = parseBrokerUri(raw, from, index, ARTEMIS_SEPARATORS);
    const name = (0, xml_1.attr)(element, 'name')?.value;
    return uri && { ...(name !== undefined ? { name } : {}), uri, range: element.range };
}
/** A Classic transport connector's URI: its `uri` attribute. */
function connectorOf(element, text, index) {
    const uriAttribute = (0, xml_1.attr)(element, 'uri');
    if (!uriAttribute)
        return undefined;
    const from = index.offsetAt(uriAttribute.valueRange.start);
    const raw = text.slice(from, index.offsetAt(uriAttribute.valueRange.end));
    const uri = parseBrokerUri(raw, from, index, CLASSIC_SEPARATORS);
    const name = (0, xml_1.attr)(element, 'name')?.value;
    return uri && { ...(name !== undefined ? { name } : {}), uri, range: element.range };
}
exports.activemqBrokerFormat = {
    id: 'activemq',
    classify(filePath, head) {
        if (!/\.xml$/i.test((0, jvm_args_1.basenameOf)(filePath)))
            return undefined;
        const root = (0, tomcat_1.firstElementName)(head);
        if (root === 'configuration' && /["']urn:activemq["']/.test(head))
            return exports.ARTEMIS_BROKER_KIND;
        if (root !== undefined && /(^|:)beans$/.test(root) && /http:\/\/activemq\.apache\.org\/schema\/core/.test(head))
            return exports.CLASSIC_BROKER_KIND;
        return undefined;
    },
    parse(file, kind) {
        const { entries, comments, problems, data } = (0, xml_1.parseXml)(file.text);
        const index = new text_1.LineIndex(file.text);
        const product = kind === exports.ARTEMIS_BROKER_KIND ? 'artemis' : 'classic';
        const listeners = (product === 'artemis'
            ? (0, xml_1.elementsNamed)(data, 'acceptor').map((e) => acceptorOf(e, file.text, index))
            : (0, xml_1.elementsNamed)(data, 'transportConnector').map((e) => connectorOf(e, file.text, index))).filter((l) => l !== undefined);
        // The acceptor's text is no attribute: an entry of its own, for the masker and the secret rules.
        const uriEntries = product === 'artemis'
            ? listeners.map((l) => ({
                key: `acceptor${l.name !== undefined ? `[${l.name}]` : ''}`,
                value: l.uri.text,
                keyRange: l.range,
                valueRange: l.uri.range,
                section: 'acceptors',
                secret: false,
            }))
            : [];
        const inner = (0, xml_1.elementsNamed)(data, 'sslContext').find((e) => e.parent?.localName === 'sslContext');
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
