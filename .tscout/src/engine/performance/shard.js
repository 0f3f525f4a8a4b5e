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
exports.parseShard = parseShard;
exports.fnv1a = fnv1a;
exports.shardKey = shardKey;
exports.shardOf = shardOf;
exports.inShard = inShard;
const path = __importStar(require("node:path"));
const types_1 = require("../../core/types");
function parseShard(text) {
    const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
    const index = match ? Number(match[1]) : NaN;
    const count = match ? Number(match[2]) : NaN;
    if (!match ||
        !Number.isSafeInteger(index) ||
        !Number.isSafeInteger(count) ||
        count < 1 ||
        index < 1 ||
        index > count) {
        throw new types_1.UsageError(`--shard expects k/n with 1 ≤ k ≤ n (e.g. --shard 2/4), got '${text}'`);
    }
    return { index, count };
}
/** FNV-1a (32 bit) of a string's UTF-16 code units: tiny, stable across platforms and Node versions. */
function fnv1a(text) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash >>> 0;
}
/**
 * The key a deployment is sharded by: its root relative to the config's directory, with `/`
 * separators, so every CI runner (whatever the checkout path or OS) puts it in the same shard.
 */
function shardKey(root, baseDir) {
    const relative = path.relative(baseDir, root);
    return (relative === '' ? '.' : relative).split(path.sep).join('/');
}
/** 1-based shard a deployment belongs to. Whole deployments only: cross-file rules stay whole. */
function shardOf(root, baseDir, count) {
    return (fnv1a(shardKey(root, baseDir)) % count) + 1;
}
function inShard(root, baseDir, shard) {
    return !shard || shardOf(root, baseDir, shard.count) === shard.index;
}
