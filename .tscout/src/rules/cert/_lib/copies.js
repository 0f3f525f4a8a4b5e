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
exports.groupCopies = groupCopies;
exports.copiesRelated = copiesRelated;
exports.copiesText = copiesText;
/**
 * One finding per certificate, not per copy: a CA a cluster's every key and trust store holds (serhiibudyak/
 * confluent-kafka-vagrant-ansible@b12cdd1: one 1024-bit CA in 17 store entries) is one key to re-issue. The copy said is
 * the most used one; the others are its related places, each with the settings that name its file, so no store a user
 * must replace the certificate in, and no server or client that uses one, goes unsaid.
 */
const path = __importStar(require("node:path"));
const phrase_1 = require("../../../core/phrase");
const shared_1 = require("./shared");
/**
 * The copies grouped by certificate (SHA-256 fingerprint), in the order their first copies come; in each group first
 * the copy whose message `rank` puts first (the earliest of those), then the rest in their order.
 */
function groupCopies(copies, rank) {
    const groups = new Map();
    for (const copy of copies) {
        const key = copy.c.cert.fingerprintSha256;
        groups.set(key, [...(groups.get(key) ?? []), copy]);
    }
    const order = (copy) => rank.indexOf(copy.messageId);
    return [...groups.values()].map((group) => {
        const first = group.reduce((best, copy) => (order(copy) < order(best) ? copy : best));
        return [first, ...group.filter((copy) => copy !== first)];
    });
}
const placeKey = (r) => `${r.file}:${r.range?.start.line ?? -1}:${r.range?.start.character ?? -1}`;
/**
 * The related places of the copy said first, then each other copy's place and the places that name its file (each
 * once: one setting names both copies a store holds).
 */
function copiesRelated(first, others) {
    const related = [...first.related];
    const seen = new Set(related.map(placeKey));
    for (const copy of others) {
        related.push({ ...(0, shared_1.certLocation)(copy.c), message: (0, phrase_1.said) `the same certificate, also ${(0, shared_1.storePlace)(copy.c)}` });
        for (const r of copy.related) {
            if (seen.has(placeKey(r)))
                continue;
            seen.add(placeKey(r));
            related.push(r);
        }
    }
    return related;
}
const NAMES_SAID = 3;
/** `, and 16 more copies in a.jks, b.jks, c.jks and 5 more files,` after the certificate's name; nothing for one copy. */
function copiesText(others) {
    if (others.length === 0)
        return '';
    const files = [...new Set(others.map((o) => path.basename(o.c.doc.file.path)))];
    const named = files.slice(0, NAMES_SAID);
    const rest = files.length - named.length;
    const words = ['', ...named.slice(1).map((_, i) => (i === named.length - 2 && rest === 0 ? ' and ' : ', ')), ''];
    const list = new phrase_1.Phrase(words, named);
    const copies = (0, phrase_1.ours)(others.length === 1 ? 'copy' : 'copies');
    return rest > 0
        ? (0, phrase_1.said) `, and ${others.length} more ${copies} in ${list} and ${rest} more files,`
        : (0, phrase_1.said) `, and ${others.length} more ${copies} in ${list},`;
}
