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
Object.defineProperty(exports, "__esModule", { value: true });
exports.VARIABLE = void 0;
exports.libertyVariable = libertyVariable;
exports.libertyLocationSymbols = libertyLocationSymbols;
exports.resolveLibertyValue = resolveLibertyValue;
exports.baseVariables = baseVariables;
exports.setVariables = setVariables;
/**
 * Liberty's configuration variables as the server resolves `${name}` in server.xml: from server.env, bootstrap.properties
 * and the `variables/` directory beside it, and `<variable>` elements (IBM docs "Using variables in configuration files",
 * Open Liberty "Variable substitution"). Read by the model (./../model/liberty-config.ts assembles a server with its
 * includes) and by the parse stage (a key store's password written as a variable, src/parse/keystore/unlock.ts).
 */
const path = __importStar(require("node:path"));
const types_1 = require("./types");
const text_1 = require("./text");
const xml_1 = require("./xml");
exports.VARIABLE = /\$\{([^}]+)\}/g;
/**
 * A variable by name as Liberty looks it up: the name itself, then (19.0.0.3+) the environment variable
 * spellings `my_env_var` and `MY_ENV_VAR` of `${my.env.var}`, and `${env.X}` as the environment variable X.
 */
function libertyVariable(variables, name, symbols) {
    const underscored = name.replace(/[^A-Za-z0-9_]/g, '_');
    return (variables.get(name) ??
        variables.get(underscored) ??
        variables.get(underscored.toUpperCase()) ??
        (name.startsWith('env.') ? variables.get(name.slice(4)) : undefined) ??
        symbols?.get(name));
}
/**
 * Liberty's location symbols for the server whose server.xml is in `configDir` (Open Liberty "Directory locations and
 * properties", https://openliberty.io/docs/latest/reference/directory-locations-properties.html): `server.config.dir`,
 * and `server.output.dir`, which is the same directory unless WLP_OUTPUT_DIR moves it; in the layout
 * `<install>/usr/servers/<name>` also `wlp.user.dir` (`<install>/usr`), `wlp.install.dir` and the shared directories
 * below `usr/shared`. Each ends in a separator, as Liberty's symbols do (SymbolicRootResource), so both
 * `${server.config.dir}tls.xml` and `${server.config.dir}/tls.xml` name a file below it. A variable the configuration
 * sets under the same name wins (the docs: wlp.install.dir "can be set in the server.xml or bootstrap.properties").
 */
function libertyLocationSymbols(configDir) {
    const symbols = new Map();
    const set = (name, dir) => symbols.set(name, { value: dir + path.sep, from: configDir });
    set('server.config.dir', configDir);
    set('server.output.dir', configDir);
    const servers = path.dirname(configDir);
    const user = path.dirname(servers);
    if (path.basename(servers) === 'servers' && path.basename(user) === 'usr') {
        set('wlp.user.dir', user);
        set('wlp.install.dir', path.dirname(user));
        set('shared.config.dir', path.join(user, 'shared', 'config'));
        set('shared.resource.dir', path.join(user, 'shared', 'resources'));
        set('shared.app.dir', path.join(user, 'shared', 'apps'));
    }
    return symbols;
}
/**
 * Resolves `${var}` parts (nested variables too, a few levels deep: a variable's value may name another, Open Liberty
 * "Variable substitution"), then `symbols` (libertyLocationSymbols); `value` is undefined when a part stays unknown.
 */
function resolveLibertyValue(variables, text, symbols) {
    const used = [];
    const unknown = [];
    let value = text;
    for (let depth = 0; depth < 5 && /\$\{[^}]+\}/.test(value); depth++) {
        value = value.replace(exports.VARIABLE, (all, name) => {
            const variable = libertyVariable(variables, name, symbols);
            if (!variable) {
                if (!unknown.includes(name))
                    unknown.push(name);
                return all;
            }
            used.push({ name, variable });
            return variable.value;
        });
        if (unknown.length)
            break;
    }
    return { value: unknown.length || /\$\{[^}]+\}/.test(value) ? undefined : value, used, unknown };
}
/**
 * The variables set outside the XML, lowest precedence first (Open Liberty "Variable substitution"):
 * the environment (server.env), bootstrap.properties, then files of the `variables/` directory beside
 * server.xml (the default VARIABLE_SOURCE_DIRS: each file's name is a variable, its content the value).
 */
function baseVariables(documents, configDir) {
    const variables = new Map();
    const beside = (name) => {
        const file = path.join(configDir, name);
        return documents.filter((d) => d.file.path === file);
    };
    for (const doc of beside('server.env')) {
        const index = new text_1.LineIndex(doc.file.text);
        for (const m of doc.file.text.matchAll(/^[ \t]*(?:export[ \t]+)?([\w.]+)=["']?([^"'\r\n]*)["']?[ \t]*$/gm)) {
            variables.set(m[1], {
                value: m[2],
                from: doc.file.path,
                location: { file: doc.file.path, range: index.rangeAt(m.index, m.index + m[0].length) },
            });
        }
    }
    for (const doc of beside('bootstrap.properties'))
        for (const entry of doc.entries)
            variables.set(entry.key, { value: entry.value, from: doc.file.path, location: (0, types_1.entryLocation)(doc, entry) });
    const variablesDir = path.join(configDir, 'variables') + path.sep;
    for (const doc of documents.filter((d) => d.kind === 'liberty.variable-file' && d.file.path.startsWith(variablesDir))) {
        for (const entry of doc.entries)
            variables.set(entry.key, { value: entry.value, from: doc.file.path, location: (0, types_1.entryLocation)(doc, entry) });
    }
    return variables;
}
/** `<variable value>` wins over everything; `defaultValue` only fills a gap. */
function setVariables(doc, variables) {
    for (const v of (0, xml_1.elementsNamed)(doc.data.xml, 'variable')) {
        const name = (0, xml_1.attr)(v, 'name')?.value;
        if (!name)
            continue;
        const value = (0, xml_1.attr)(v, 'value')?.value;
        const fallback = (0, xml_1.attr)(v, 'defaultValue')?.value;
        const location = { file: doc.file.path, range: v.range };
        if (value !== undefined)
            variables.set(name, { value, from: doc.file.path, location });
        else if (fallback !== undefined && !variables.has(name))
            variables.set(name, { value: fallback, from: doc.file.path, location });
    }
}
