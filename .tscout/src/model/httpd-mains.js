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
exports.INCLUDE = void 0;
exports.isMain = isMain;
exports.leftOutFiles = leftOutFiles;
exports.serverRootOf = serverRootOf;
/**
 * The main configurations httpd starts from, and the files a stock-layout main leaves out (./httpd.ts skips them).
 */
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
exports.INCLUDE = new Set(['include', 'includeoptional']);
const MAIN_NAMES = new Set(['httpd.conf', 'apache2.conf', 'apache.conf']);
/** The file httpd starts from: named so, or one that sets the ServerRoot. */
function isMain(doc) {
    return (MAIN_NAMES.has(path.basename(doc.file.path).toLowerCase()) ||
        doc.data.directives.some((d) => d.key === 'serverroot'));
}
/**
 * Whether a main configuration's directives, its includes read, leave nothing to the start: every Include found its
 * files among the configurations read, or names a file the tree holds beside them that lint-deploy reads as no httpd
 * configuration (Ermax81's `Include conf/extra/proxy-html.conf`, mod_proxy_html's link table), and no `<IfDefine>` body
 * waits for a `-D` flag.
 */
function leavesNothingOpen(placed, held) {
    return placed.every((p) => !(exports.INCLUDE.has(p.directive.key) && !held(p.directive.args[0]?.value ?? '')) &&
        !(p.directive.key === 'ifdefine' && !p.block) &&
        leavesNothingOpen(p.block ?? [], held));
}
/** Whether a main's Include target is one file the tree holds under its ServerRoot (written relative, or under ServerRoot). */
function heldUnder(doc) {
    const root = serverRootOf(doc);
    const written = doc.data.directives.find((d) => d.key === 'serverroot')?.args[0]?.value.replace(/\/+$/, '');
    return (target) => {
        if (!target || /[*?[]/.test(target))
            return false;
        const relative = path.isAbsolute(target)
            ? written && target.startsWith(written + '/')
                ? target.slice(written.length + 1)
                : undefined
            : target;
        if (relative === undefined)
            return false;
        try {
            return fs.statSync(path.join(root, relative)).isFile();
        }
        catch {
            return false;
        }
    };
}
/**
 * Files in the `conf` directory of a stock-layout main configuration (`<ServerRoot>/conf/httpd.conf`) that it, leaving
 * nothing open, does not include: httpd never reads them (`conf/extra/httpd-ssl.conf` behind the stock commented
 * `#Include`, the pristine copies in `conf/original/`). Ermax81/docker-apache-tomcat@cbf48bd0 mounts apache/conf over
 * the httpd image's conf: its httpd.conf loads no mod_ssl and includes no httpd-ssl.conf, so no TLS end listens. A
 * Dockerfile that copies the file alone, or a RUN naming it or the main (`sed -i … httpd.conf`, `a2ensite`), may put it
 * where it is read: then it still is.
 */
function leftOutFiles(expanded, included, dockerfiles) {
    const runs = dockerfiles.flatMap((d) => d.data.commands.filter((c) => c.instruction === 'RUN').map((c) => c.text));
    const copied = new Set(dockerfiles.flatMap((d) => d.data.copies.flatMap((c) => c.sources.map((s) => path.join(path.dirname(d.file.path), s)))));
    const named = (word) => runs.some((run) => run.includes(word));
    const confDirs = expanded
        .filter(({ doc }) => isMain(doc) && !doc.template && !included.has(doc.file.path))
        .filter(({ doc, top }) => leavesNothingOpen(top, heldUnder(doc)))
        .filter(({ doc }) => path.basename(path.dirname(doc.file.path)) === 'conf' && !named(path.basename(doc.file.path)))
        .map(({ doc }) => path.dirname(doc.file.path) + path.sep);
    const leftOut = new Set();
    for (const { doc } of expanded) {
        const file = doc.file.path;
        if (isMain(doc) || included.has(file) || copied.has(file))
            continue;
        if (named(path.basename(file).replace(/\.[^.]*$/, '')))
            continue;
        if (confDirs.some((dir) => file.startsWith(dir)))
            leftOut.add(file);
    }
    return leftOut;
}
/** The ServerRoot a main file's place implies: its directory, or the one above a `conf` directory (`conf/httpd.conf`). */
function serverRootOf(doc) {
    const dir = path.dirname(doc.file.path);
    return path.basename(dir) === 'conf' ? path.dirname(dir) : dir;
}
