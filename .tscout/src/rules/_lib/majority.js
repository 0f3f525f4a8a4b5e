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
exports.majority = majority;
exports.nameInDeployment = nameInDeployment;
const path = __importStar(require("node:path"));
const paths_1 = require("../../model/paths");
/**
 * The value most items agree on, and the first item that holds it. Ties go to the value seen
 * first, so callers list their reference files first. Used by every same-value check
 * (built-in ClearTrust rules and declarative `same-value` rules).
 */
function majority(items, valueOf) {
    const counts = new Map();
    for (const item of items) {
        const value = valueOf(item);
        const count = counts.get(value);
        if (count)
            count.n++;
        else
            counts.set(value, { n: 1, witness: item });
    }
    let best;
    for (const [value, { n, witness }] of counts)
        if (!best || n > best.n)
            best = { value, n, witness };
    return best && { value: best.value, witness: best.witness };
}
/** `aserver.conf` or `host2/aserver.conf`: a file's name inside its deployment, short and unambiguous. */
function nameInDeployment(deployment, file) {
    return (0, paths_1.relativePosix)(deployment.root, file) || path.basename(file);
}
