"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.libertyServersOf = libertyServersOf;
exports.libertyIncludesMissing = libertyIncludesMissing;
exports.includesMissingOf = includesMissingOf;
exports.libertyServers = libertyServers;
const path = __importStar(require("node:path"));
const picomatch_1 = __importDefault(require("picomatch"));
const xml_1 = require("../parse/xml");
const liberty_variable_values_1 = require("../parse/liberty-variable-values");
/** A `${…}` part (VARIABLE is global, so its test() would keep state). */
const HOLDS_VARIABLE = /\$\{[^}]+\}/;
/** The deployment's Liberty servers, assembled once per model build (three contributors read them). */
function libertyServersOf(ctx) {
    return ctx.once('libertyServers', () => libertyServers(ctx.deployment.documents));
}
/**
 * Each Liberty server's includes of files the tree does not hold: kept by the model on the deployment (one assembly
 * of the servers per deployment, shared with the contributors), assembled here for a deployment built without it.
 */
function libertyIncludesMissing(deployment) {
    return deployment.libertyIncludesMissing ?? includesMissingOf(libertyServers(deployment.documents));
}
function includesMissingOf(servers) {
    return servers.map((server) => ({ serverXml: server.root.file.path, includes: server.missingIncludes }));
}
function libertyServers(documents) {
    const libertyDocs = documents.filter((d) => d.kind === 'liberty.server-xml');
    const byPath = new Map(libertyDocs.map((d) => [d.file.path, d]));
    const included = new Set();
    // ConfigMap keys are files where the pod mounts them: a ConfigMap's server.xml includes its siblings by key.
    const includedKeys = new Set();
    const keysNamed = (name) => libertyDocs.filter((d) => d.embedded?.name === name);
    const assemble = (root) => {
        const configDir = path.dirname(root.file.path);
        const variables = (0, liberty_variable_values_1.baseVariables)(documents, configDir);
        const symbols = (0, liberty_variable_values_1.libertyLocationSymbols)(configDir);
        const inDir = (sub) => {
            const dir = path.join(configDir, 'configDropins', sub);
            return libertyDocs.filter((d) => path.dirname(d.file.path) === dir).sort(byLowerCaseName);
        };
        const ordered = [];
        const unresolvedIncludes = [];
        const includesOf = new Map();
        const missingIncludes = [];
        const visit = (doc, depth) => {
            if (ordered.includes(doc) || depth > 20)
                return;
            ordered.push(doc);
            (0, liberty_variable_values_1.setVariables)(doc, variables);
            for (const include of (0, xml_1.elementsNamed)(doc.data.xml, 'include')) {
                const written = (0, xml_1.attr)(include, 'location')?.value;
                if (!written)
                    continue;
                // Liberty's own directories in place (a variable of the configuration named like one wins); what is left
                // are the configuration's variables. Every file a variable part could name is an alternative, never a server
                // of its own (`includes/${AUTH_TYPE}.xml`: basic.xml, ldap.xml, oidc.xml…), even when a default picks one.
                // The files of this server already read (the including file itself: `${ENV}.xml` beside server.xml) are no
                // alternatives.
                const located = written.replace(liberty_variable_values_1.VARIABLE, (all, name) => variables.has(name) ? all : (symbols.get(name)?.value ?? all));
                const candidates = HOLDS_VARIABLE.test(located)
                    ? alternatives(located, doc.file.path, libertyDocs).filter((c) => !ordered.some((o) => o.file.path === c))
                    : [];
                for (const c of candidates)
                    included.add(c);
                // A variable's value may name another (`${tls.dir}` set to `${server.config.dir}/tls`): resolved to the end.
                const resolved = (0, liberty_variable_values_1.resolveLibertyValue)(variables, written, symbols).value;
                if (resolved === undefined) {
                    unresolvedIncludes.push({ location: { file: doc.file.path, range: include.range }, written, candidates });
                    continue;
                }
                // path.resolve also folds the double separator of `${server.config.dir}/x` (the symbol ends in one).
                const absolute = path.resolve(path.dirname(doc.file.path), resolved);
                const keys = doc.embedded && !byPath.has(absolute) ? keysNamed(path.basename(absolute)) : [];
                const target = byPath.get(absolute) ?? (keys.length === 1 ? keys[0] : undefined);
                const onConflict = mergeMode((0, xml_1.attr)(include, 'onConflict')?.value);
                const edge = (to) => {
                    includesOf.set(doc, [...(includesOf.get(doc) ?? []), { at: include.range, target: to, onConflict }]);
                    visit(to, depth + 1);
                };
                if (!target) {
                    // An include of a URL or of a file the tree does not hold (or holds but does not read as Liberty's).
                    if (!/^[a-z]+:\/\//i.test(resolved) && !documents.some((d) => d.file.path === absolute)) {
                        const directoryDocs = libertyDocs.filter((d) => path.dirname(d.file.path) === absolute);
                        for (const d of directoryDocs)
                            included.add(d.file.path);
                        // A location ending in '/' names a directory: Liberty 23.0.0.10 and later include its `.xml` files (not
                        // its subdirectories) in place, in the order of their lower-cased names, each with the include's
                        // onConflict (XMLConfigParser.parseInclude/getChildXMLFiles/AlphaComparator). Without the '/', Liberty
                        // resolves the location as a file, and a directory there is not read (the rule says so).
                        if (directoryDocs.length > 0 && /[\\/]$/.test(resolved)) {
                            const xmlFiles = directoryDocs.filter((d) => /\.xml$/i.test(d.file.path));
                            for (const d of xmlFiles.sort(byLowerCaseName))
                                edge(d);
                            continue;
                        }
                        const directoryFiles = directoryDocs.map((d) => d.file.path);
                        missingIncludes.push({
                            ...(directoryFiles.length > 0 && { directoryFiles }),
                            location: { file: doc.file.path, range: include.range },
                            written,
                            resolved: absolute,
                            optional: (0, xml_1.attr)(include, 'optional')?.value.trim().toLowerCase() === 'true',
                            keys: keys.length > 1 ? keys.map((k) => ({ file: k.file.path, key: k.embedded?.name ?? '' })) : undefined,
                        });
                    }
                    continue;
                }
                if (target.embedded)
                    includedKeys.add(target);
                else
                    included.add(target.file.path);
                edge(target);
            }
        };
        for (const d of inDir('defaults'))
            visit(d, 0);
        visit(root, 0);
        for (const d of inDir('overrides'))
            visit(d, 0);
        for (const d of [...inDir('defaults'), ...inDir('overrides')])
            included.add(d.file.path);
        const tops = [...inDir('defaults'), root, ...inDir('overrides')];
        return {
            ...merge(root, ordered, variables, unresolvedIncludes, (pick) => mergedById(tops, includesOf, pick)),
            missingIncludes,
        };
    };
    const roots = libertyDocs.filter((d) => !/[\\/]configDropins[\\/](defaults|overrides)$/.test(path.dirname(d.file.path)));
    const configs = roots.map(assemble);
    return configs.filter((c) => !included.has(c.root.file.path) && !includedKeys.has(c.root));
}
/** An include's `onConflict` as Liberty reads it (any other value: MERGE, with a warning). */
function mergeMode(written) {
    const mode = (written ?? 'MERGE').toUpperCase();
    return mode === 'REPLACE' || mode === 'IGNORE' ? mode : 'MERGE';
}
/**
 * Liberty's order of a directory's configuration files (configDropins, a directory include): by name, lower-cased, then
 * compared as Java's String.compareTo does, UTF-16 unit by unit (Open Liberty's AlphaComparator; the docs' "file names
 * are converted to lowercase before sorting alphabetically"). A locale's collation orders `a_tls.xml` before
 * `a-tls.xml`; Liberty the other way round.
 */
const byLowerCaseName = (a, b) => {
    const [x, y] = [path.basename(a.file.path).toLowerCase(), path.basename(b.file.path).toLowerCase()];
    return x < y ? -1 : x > y ? 1 : 0;
};
/** The Liberty files a location with `${…}` parts could name (each part as `*`). */
function alternatives(location, from, libertyDocs) {
    const absolute = path.resolve(path.dirname(from), location);
    const match = (0, picomatch_1.default)(absolute.replace(liberty_variable_values_1.VARIABLE, '*').split(path.sep).join('/'));
    return libertyDocs.filter((d) => match(d.file.path.split(path.sep).join('/'))).map((d) => d.file.path);
}
const before = (a, b) => a.start.line < b.start.line || (a.start.line === b.start.line && a.start.character < b.start.character);
/**
 * Elements with an `id` (`<ssl id=…>`, `<keyStore id=…>`) as Liberty resolves several definitions of one id:
 * in processing order (an included file's elements at the place of its `<include>`; configDropins/defaults
 * first, overrides last), a later definition merges over the earlier one (its attributes win), or replaces it
 * (`onConflict="REPLACE"`), or is ignored (`onConflict="IGNORE"`). Elements without an id are all kept.
 */
function mergedById(tops, includesOf, pick) {
    const sequence = [];
    const seen = new Set();
    const walk = (doc, mode) => {
        if (seen.has(doc))
            return;
        seen.add(doc);
        const includes = [...(includesOf.get(doc) ?? [])];
        for (const item of pick(doc.data)) {
            while (includes.length && before(includes[0].at, item.element.range)) {
                const edge = includes.shift();
                walk(edge.target, edge.onConflict);
            }
            sequence.push({ item, mode });
        }
        for (const edge of includes)
            walk(edge.target, edge.onConflict);
    };
    for (const doc of tops)
        walk(doc, 'MERGE');
    const out = [];
    const modes = [];
    const byId = new Map();
    for (const { item, mode } of sequence) {
        const id = item.attrs.id?.value;
        const at = id === undefined ? undefined : byId.get(id);
        if (id === undefined || at === undefined) {
            if (id !== undefined)
                byId.set(id, out.length);
            out.push(item);
            modes.push(mode);
            continue;
        }
        // REPLACE: the included file's element wins whole; IGNORE: it is dropped; MERGE: the later attribute wins.
        const earlier = modes[at];
        if (mode === 'IGNORE' || (mode === 'MERGE' && earlier === 'REPLACE'))
            continue;
        if (mode === 'REPLACE' || earlier === 'IGNORE')
            out[at] = item;
        else
            out[at] = { ...item, attrs: { ...out[at].attrs, ...item.attrs } };
        modes[at] = mode;
    }
    return out;
}
function merge(root, ordered, variables, unresolvedIncludes, byId) {
    const files = new Map();
    for (const doc of ordered)
        for (const e of doc.data.xml.elements)
            files.set(e, doc.file.path);
    const all = (pick) => ordered.flatMap((d) => pick(d.data));
    const data = {
        ...root.data,
        xml: { root: root.data.xml.root, elements: all((d) => d.xml.elements) },
        ssl: byId((d) => d.ssl),
        keyStores: byId((d) => d.keyStores),
        connectionFactories: all((d) => d.connectionFactories),
        sslDefault: [...ordered].reverse().find((d) => d.data.sslDefault)?.data.sslDefault,
        variables: Object.fromEntries([...variables].map(([k, v]) => [k, v.value])),
        features: all((d) => d.features),
    };
    const attributeFiles = new Map();
    for (const doc of ordered)
        for (const item of [...doc.data.ssl, ...doc.data.keyStores])
            for (const l of Object.values(item.attrs))
                if (l)
                    attributeFiles.set(l, doc.file.path);
    return {
        root,
        documents: ordered,
        data,
        fileOf: (e) => files.get(e) ?? root.file.path,
        fileOfAttribute: (l) => attributeFiles.get(l),
        variables,
        unresolvedIncludes,
    };
}
