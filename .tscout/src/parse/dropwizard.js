"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dropwizardFormat = exports.DROPWIZARD_KIND = void 0;
exports.connectorSetting = connectorSetting;
exports.connectorList = connectorList;
const spring_1 = require("./spring");
const jvm_args_1 = require("./java/jvm-args");
exports.DROPWIZARD_KIND = 'dropwizard.yaml';
/** A top-level `server:` with a connector list or a simple server's `connector:` below it. */
const SERVER_MAP = /^server:[ \t]*(#.*)?$/m;
const CONNECTORS = /^[ \t]+(applicationConnectors|adminConnectors|connector):/m;
/** A connector's `type:` as Dropwizard names its connector factories (http, https, h2, h2c). */
const CONNECTOR_TYPE = /^[ \t]+(?:-[ \t]+)?type:[ \t]*["']?(?:https?|h2c?)["']?[ \t]*(?:#.*)?$/m;
/**
 * The text of the top-level `server:` block (to the next top-level key), or undefined without one: a Helm values file
 * or another tool's YAML with a `connector:` elsewhere is not a Dropwizard configuration.
 */
function serverBlock(head) {
    const start = SERVER_MAP.exec(head);
    if (!start)
        return undefined;
    const rest = head.slice(start.index + start[0].length);
    const end = /^[^\s#-]/m.exec(rest);
    return end ? rest.slice(0, end.index) : rest;
}
const CONNECTOR_KEY = /^server\.(applicationConnectors\[\d+\]|adminConnectors\[\d+\]|connector)\.(.+)$/;
exports.dropwizardFormat = {
    id: 'dropwizard',
    classify(filePath, head) {
        const base = (0, jvm_args_1.basenameOf)(filePath);
        // A YAML file, or a template's inner name without an extension (square/keywhiz docker/keywhiz-config.tpl).
        if (!/\.ya?ml$/i.test(base) && base.includes('.'))
            return undefined;
        const block = serverBlock(head);
        return block !== undefined && CONNECTORS.test(block) && CONNECTOR_TYPE.test(block) ? exports.DROPWIZARD_KIND : undefined;
    },
    parse(file, kind) {
        const parsed = (0, spring_1.parseSpringYaml)(file.text, false, 'snakeyaml');
        // Dropwizard reads the first YAML document only (YAMLParser via ObjectMapper.readTree).
        const entries = parsed.parts[0]?.entries ?? [];
        const byPath = new Map();
        for (const entry of entries) {
            const m = CONNECTOR_KEY.exec(entry.key);
            if (!m)
                continue;
            const list = byPath.get(m[1]) ?? [];
            list.push({ ...entry, key: m[2] });
            byPath.set(m[1], list);
        }
        const connectors = [...byPath].map(([path, list]) => ({ path, entries: list }));
        withEmptyLists(file.text, connectors);
        return {
            file,
            kind,
            entries: parsed.parts.flatMap((p) => p.entries),
            comments: parsed.comments,
            problems: parsed.problems,
            data: { connectors },
        };
    },
};
/** A connector's setting (the last written when repeated), or undefined. */
function connectorSetting(connector, name) {
    return connector.entries.filter((e) => e.key === name).at(-1);
}
/** A connector's list setting (`supportedProtocols: [TLSv1.2]` or a block list), or undefined when unset. */
function connectorList(connector, name) {
    const items = connector.entries.filter((e) => e.key.startsWith(`${name}[`) && /^\[\d+\]$/.test(e.key.slice(name.length)));
    if (items.length > 0)
        return items;
    const single = connectorSetting(connector, name);
    return single ? [single] : undefined;
}
/** A list setting written empty (`excludedCipherSuites: []`): it replaces Jetty's list with none, so it is a value. */
const EMPTY_LIST = /^([ \t]*(?:-[ \t]+)?)(\w+):[ \t]*\[[ \t]*\][ \t]*(?:#.*)?$/gm;
/**
 * The YAML reader leaves no entry for an empty flow list: each becomes an entry with an empty value, given to the
 * connector written last before it (the one whose block holds it).
 */
function withEmptyLists(text, connectors) {
    const lines = text.split('\n');
    const server = lines.findIndex((l) => /^server:/.test(l));
    // The `server:` block ends at the next top-level key: an empty list after it is another section's.
    const after = lines.findIndex((l, i) => i > server && /^[^\s#-]/.test(l));
    const serverEnd = after < 0 ? lines.length : after;
    for (const m of text.matchAll(EMPTY_LIST)) {
        const line = text.slice(0, m.index).split('\n').length - 1;
        if (server < 0 || line <= server || line >= serverEnd)
            continue;
        const start = (m[1] ?? '').length;
        const owner = connectors
            .filter((c) => (c.entries[0]?.keyRange.start.line ?? Infinity) <= line)
            .sort((a, b) => (b.entries[0]?.keyRange.start.line ?? 0) - (a.entries[0]?.keyRange.start.line ?? 0))[0];
        if (!owner)
            continue;
        const key = m[2];
        const keyRange = { start: { line, character: start }, end: { line, character: start + key.length } };
        const valueStart = m[0].indexOf('[');
        owner.entries.push({
            key,
            value: '',
            keyRange,
            valueRange: { start: { line, character: valueStart }, end: { line, character: m[0].indexOf(']') + 1 } },
            secret: false,
        });
    }
}
