"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_ALIAS_ENTRIES = exports.yamlTextErrors = exports.yaml = void 0;
exports.flattenYamlDocument = flattenYamlDocument;
exports.yamlEntry = yamlEntry;
const types_1 = require("./types");
const yaml_snake_1 = require("./yaml-snake");
/**
 * A YAML document flattened to Spring's relaxed keys (`server.ssl.enabled-protocols[0]`) with the ranges of each key
 * and scalar, aliases and merge keys expanded (src/parse/spring.ts reads Spring Boot, Compose and Kubernetes YAML).
 */
/** The yaml package (250 KB) is loaded by the first YAML file, not at start-up: the one loader of the tool. */
let yamlLib;
const yaml = () => (yamlLib ??= require('yaml'));
exports.yaml = yaml;
/**
 * A document's errors that are the text's. `IMPOSSIBLE` is the library's own consistency check, no verdict on the text:
 * a block map whose keys are flow sequences (`attributes:\n  [urn:a]: x\n  [urn:b]: y`, which SnakeYAML 2.2 and PyYAML
 * load) trips it as "Map comment with trailing content" in yaml 2.9.1 (eemeli/yaml#646, #647), every pair composed.
 */
const yamlTextErrors = (doc) => doc.errors.filter((e) => e.code !== 'IMPOSSIBLE');
exports.yamlTextErrors = yamlTextErrors;
const isMap = (node) => (0, exports.yaml)().isMap(node);
const isPair = (node) => (0, exports.yaml)().isPair(node);
const isScalar = (node) => (0, exports.yaml)().isScalar(node);
const isSeq = (node) => (0, exports.yaml)().isSeq(node);
/**
 * The entries of one parsed document, and whether its aliases expand past the budget (the rest is not read).
 */
function flattenYamlDocument(doc, text, index, scalars) {
    const entries = [];
    const ctx = {
        out: entries,
        index,
        text,
        scalars,
        resolve: (alias) => alias.resolve(doc),
        expanding: new Set(),
        throughAlias: false,
        aliasEntriesLeft: exports.MAX_ALIAS_ENTRIES,
    };
    flatten(doc.contents, '', undefined, ctx);
    return { entries, aliasBudgetExceeded: ctx.aliasEntriesLeft <= 0 };
}
/** Entries a document's aliases and merge keys may add, far beyond any configuration file's. */
exports.MAX_ALIAS_ENTRIES = 20_000;
/**
 * A map's pairs as YAML 1.1 merge keys make them (SnakeYAML for Spring Boot, go-yaml for Compose and Kubernetes):
 * `<<: *defaults` (or `<<: [*a, *b]`) adds the pairs of the maps it names that the map does not set itself, the first
 * named winning (https://yaml.org/type/merge.html). The added pairs keep their own positions, in the anchored map.
 */
function effectivePairs(map, ctx) {
    const mergeKey = (pair) => isScalar(pair.key) && pair.key.value === '<<';
    const own = map.items.filter((pair) => isPair(pair) && !mergeKey(pair));
    const seen = new Set(own.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '')));
    const merged = [];
    for (const pair of map.items.filter(mergeKey)) {
        const value = pair.value;
        const sources = isSeq(value) ? value.items : [value];
        for (const source of sources) {
            // Usually an alias; a map written in place (`<<: {a: 1}`) merges alike.
            const target = !(0, exports.yaml)().isAlias(source) ? source : ctx.aliasEntriesLeft > 0 ? ctx.resolve(source) : undefined;
            if (!isMap(target) || ctx.expanding.has(target))
                continue;
            ctx.expanding.add(target);
            for (const added of effectivePairs(target, ctx)) {
                const key = isScalar(added.pair.key) ? String(added.pair.key.value) : '';
                if (seen.has(key))
                    continue;
                seen.add(key);
                // Read through an alias when the map is named by one; a map written in place is read where it is.
                merged.push({ pair: added.pair, inherited: added.inherited || (0, exports.yaml)().isAlias(source) });
            }
            ctx.expanding.delete(target);
        }
    }
    return [...own.map((pair) => ({ pair, inherited: false })), ...merged];
}
/** Runs `read` with the node marked as reached through an alias or a merge key when `through` holds. */
function throughAlias(ctx, through, read) {
    const before = ctx.throughAlias;
    ctx.throughAlias ||= through;
    read();
    ctx.throughAlias = before;
}
function flatten(node, prefix, keyRange, ctx) {
    if (!node)
        return;
    const { index, text } = ctx;
    const push = (e) => {
        if (!ctx.throughAlias)
            ctx.out.push(e);
        else if (ctx.aliasEntriesLeft-- > 0)
            ctx.out.push({ ...e, throughAlias: true });
    };
    if ((0, exports.yaml)().isAlias(node)) {
        // `password: *secret`: the value is the anchored node's, read where it is written.
        const target = ctx.aliasEntriesLeft > 0 ? ctx.resolve(node) : undefined;
        if (!target || ctx.expanding.has(target))
            return;
        ctx.expanding.add(target);
        throughAlias(ctx, true, () => flatten(target, prefix, keyRange, ctx));
        ctx.expanding.delete(target);
    }
    else if (isMap(node)) {
        for (const { pair, inherited } of effectivePairs(node, ctx)) {
            if (!isScalar(pair.key))
                continue;
            const key = String(pair.key.value);
            const range = pair.key.range ?? [0, 0];
            const full = prefix ? `${prefix}.${key}` : key;
            throughAlias(ctx, inherited, () => {
                const inline = inlineBlockMap(pair.value, range[0], text);
                if (inline) {
                    // `key: Tr0ub4dor: 3` is invalid YAML (reported above); the rest of the line is this key's
                    // value, never a key of its own (a secret would end up in a key path).
                    push(yamlEntry(full, text.slice(inline[0], inline[1]), [range[0], range[1]], inline, index));
                    return;
                }
                flatten(pair.value, full, [range[0], range[1]], ctx);
                if (pair.value === null || (isScalar(pair.value) && pair.value.value === null && !pair.value.range))
                    push(yamlEntry(full, '', [range[0], range[1]], [range[1], range[1]], index));
            });
        }
    }
    else if (isSeq(node)) {
        node.items.forEach((item, i) => flatten(item, `${prefix}[${i}]`, keyRange ?? node.range?.slice(0, 2), ctx));
    }
    else if (isScalar(node)) {
        const range = node.range ?? [0, 0];
        const valueRange = [range[0], range[1]];
        push(yamlEntry(prefix, scalarText(node, text, ctx.scalars), keyRange ?? valueRange, valueRange, index));
    }
}
/** A scalar's value as text ('' for null): a plain one typed as the reader types it. */
function scalarText(node, text, scalars) {
    if (scalars === 'snakeyaml' && node.type === 'PLAIN' && node.range) {
        // A string may be folded from several lines; anything the core schema typed is one token as written.
        return (0, yaml_snake_1.snakeYamlPlain)(typeof node.value === 'string' ? node.value : text.slice(node.range[0], node.range[1]));
    }
    // A YAML scalar's value: a string, number, boolean or null (never an object).
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    return node.value === null ? '' : String(node.value);
}
/**
 * A block mapping that starts on its key's line (`a: b: c`, which YAML rejects and the parser
 * recovers as a nested map): the offsets of the rest of that line, else undefined.
 */
function inlineBlockMap(value, keyStart, text) {
    if (!value || !isMap(value) || value.flow || !value.range)
        return undefined;
    const start = value.range[0];
    const lineEnd = text.slice(keyStart, start).search(/[\r\n]/);
    if (lineEnd !== -1)
        return undefined;
    const eol = text.slice(start).search(/[\r\n]/);
    const end = eol === -1 ? text.length : start + eol;
    const trimmed = text
        .slice(start, end)
        .replace(/\s+#.*$/, '')
        .trimEnd();
    return [start, start + trimmed.length];
}
function yamlEntry(key, value, keyRange, valueRange, index) {
    return {
        key,
        value,
        keyRange: index.rangeAt(keyRange[0], keyRange[1]),
        valueRange: index.rangeAt(valueRange[0], valueRange[1]),
        secret: (0, types_1.isSecretKey)(key),
    };
}
