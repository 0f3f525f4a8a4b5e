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
exports.jettyBases = jettyBases;
exports.baseModules = baseModules;
/**
 * Jetty bases in the tree: the start files (`start.ini`, `start.d/*.ini`), module files (`modules/*.mod`) and Jetty XML
 * that belong to one `${jetty.base}`, and what start.jar does with them: the modules enabled (`--module=` lines and, in
 * turn, the `[depend]` of the tree's module files) and the XML files applied (start-file lines and the `[xml]` of
 * enabled modules). An XML nothing applies configures nothing; a base without start files (a jetty-maven-plugin
 * `jettyXml`, an embedded server) applies what its program names, which the tree does not say: every XML counts.
 */
const path = __importStar(require("node:path"));
/** The modules that enable the ssl module (https and http2 depend on it). */
const SSL_MODULES = new Set(['ssl', 'https', 'http2']);
/** A start file's base: above `start.d`, else its own directory; a module file's: above `modules`; an XML's: the base above it, else above `etc`. */
function jettyBases(inis, xmls, mods) {
    const bases = new Map();
    const baseAt = (dir) => {
        const found = bases.get(dir) ?? { dir, inis: [], xmls: [], mods: [] };
        bases.set(dir, found);
        return found;
    };
    for (const doc of inis) {
        const dir = path.dirname(doc.file.path);
        baseAt(path.basename(dir) === 'start.d' ? path.dirname(dir) : dir).inis.push(doc);
    }
    const iniBases = [...bases.keys()].sort((a, b) => b.length - a.length);
    // start.jar reads ${jetty.base}/modules/*.mod only: a module file elsewhere (jetty/modules) is not a module.
    for (const doc of mods)
        bases.get(path.dirname(path.dirname(doc.file.path)))?.mods.push(doc);
    for (const doc of xmls) {
        const owner = iniBases.find((dir) => doc.file.path.startsWith(dir + path.sep));
        const dir = path.dirname(doc.file.path);
        baseAt(owner ?? (path.basename(dir) === 'etc' ? path.dirname(dir) : dir)).xmls.push(doc);
    }
    return [...bases.values()];
}
function baseModules(base) {
    const modules = new Map(base.mods.map((doc) => [path.basename(doc.file.path).replace(/\.mod$/, ''), doc.data]));
    const applied = new Set();
    const sslAt = [];
    for (const doc of base.inis) {
        for (const x of doc.data.xmls)
            applied.add(path.resolve(base.dir, x.path));
        for (const m of doc.data.modules) {
            // The module and what it depends on, as far as the tree's module files say.
            const seen = new Set();
            const queue = [m.name];
            for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
                if (seen.has(name))
                    continue;
                seen.add(name);
                const mod = modules.get(name);
                for (const x of mod?.xml ?? [])
                    applied.add(path.resolve(base.dir, x));
                queue.push(...(mod?.depend ?? []));
            }
            if ([...seen].some((name) => SSL_MODULES.has(name)))
                sslAt.push({ file: doc.file.path, range: m.range });
        }
    }
    // The ssl module applies etc/jetty-ssl-context.xml: the base's own file of that name replaces Jetty's.
    if (sslAt.length > 0)
        applied.add(path.resolve(base.dir, 'etc', 'jetty-ssl-context.xml'));
    const started = base.inis.length > 0;
    return { started, sslAt, applies: (file) => !started || applied.has(file) };
}
