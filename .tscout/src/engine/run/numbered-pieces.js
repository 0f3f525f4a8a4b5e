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
exports.markNumberedPieces = markNumberedPieces;
const path = __importStar(require("node:path"));
/** `tomcat-users_1.xml`, `server-2.xml`: a name, a number, an XML extension. */
const NUMBER_AFTER = /^(.+?)[_-](\d+)(\.xml)$/i;
/** `10_server.xml`: a number, a name, an XML extension (Puppet concat fragments, ordered by the number). */
const NUMBER_BEFORE = /^(\d+)[_-](.+?)(\.xml)$/i;
function pieceName(file) {
    const base = path.basename(file);
    const after = NUMBER_AFTER.exec(base);
    if (after)
        return { stem: after[1], number: Number(after[2]), extension: after[3], before: false };
    const before = NUMBER_BEFORE.exec(base);
    if (before)
        return { stem: before[2], number: Number(before[1]), extension: before[3], before: true };
    return undefined;
}
/**
 * XML documents that are numbered pieces of one file an installer or script assembles by concatenation: Apache
 * Tomcat's Windows installer writes tomcat-users_1.xml (the root's start tag and the comments), the users it asks for,
 * then tomcat-users_2.xml (`</tomcat-users>`) into conf/tomcat-users.xml (apache/tomcat@84ac9af res/install-win/
 * tomcat.nsi); a Puppet module's concat fragments 10_server.xml, 15_server.xml, 30_server.xml make server.xml in the
 * order of their numbers (jlyheden/puppet-tomcat@8d3396e manifests/init.pp). A piece left open at its end, with a
 * piece of the same name and a higher number after it, is expected to be unclosed: that parse problem becomes an info
 * naming the last piece, which closes it. Any other problem of the piece stays as it is.
 */
function markNumberedPieces(documents, files) {
    return documents.map((doc) => {
        const piece = pieceName(doc.file.path);
        if (!piece || !doc.problems.some(unclosedAtEnd))
            return doc;
        const dir = path.dirname(doc.file.path);
        const last = files
            .filter((file) => path.dirname(file) === dir)
            .map((file) => ({ file, other: pieceName(file) }))
            .filter(({ other }) => other !== undefined &&
            other.before === piece.before &&
            other.stem === piece.stem &&
            other.extension === piece.extension &&
            other.number > piece.number)
            .sort((a, b) => (b.other?.number ?? 0) - (a.other?.number ?? 0))[0];
        if (!last)
            return doc;
        const note = ` (expected in ${path.basename(doc.file.path)}, a numbered piece of a file assembled from parts with ${path.basename(last.file)}, which closes it)`;
        return {
            ...doc,
            problems: doc.problems.map((p) => unclosedAtEnd(p) ? { ...p, severity: 'info', message: p.message + note } : p),
        };
    });
}
function unclosedAtEnd(problem) {
    return problem.code === 'invalid-xml' && /unclosed tag/.test(problem.message);
}
