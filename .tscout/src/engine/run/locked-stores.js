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
exports.groupUnnamedLockedStores = groupUnnamedLockedStores;
exports.withoutLockedBesideWrongPassword = withoutLockedBesideWrongPassword;
/**
 * Key stores no password opens, as the report shows them. A locked store some component names (or may name, through
 * a placeholder) keeps its own finding: its certificates decide a handshake and what to declare is the store's.
 * Locked stores no component names (test keys, a PKI tool's output: xipki/xipki holds 1,238 in 57 directories) are
 * told once per directory, so that a report lists what matters rather than every file of a test tree.
 */
const path = __importStar(require("node:path"));
const paths_1 = require("../../model/paths");
const LOCKED = 'parse/keystore-locked';
const WRONG_PASSWORD = 'cert/store-password-wrong';
/** How many of a directory's other stores a grouped finding lists as related places. */
const LISTED = 10;
function groupUnnamedLockedStores(findings, deployment, unnamed) {
    if (!findings.some((f) => f.ruleId === LOCKED))
        return findings;
    const unnamedByDir = new Map();
    const kept = [];
    for (const finding of findings) {
        const file = finding.location.file;
        if (finding.ruleId !== LOCKED || !unnamed(file)) {
            kept.push(finding);
            continue;
        }
        const dir = path.dirname(file);
        const inDir = unnamedByDir.get(dir);
        if (inDir)
            inDir.push(finding);
        else
            unnamedByDir.set(dir, [finding]);
    }
    for (const [dir, locked] of unnamedByDir) {
        if (locked.length === 1) {
            kept.push(...locked);
            continue;
        }
        const files = locked.map((f) => f.location.file).sort();
        const [first, ...others] = files;
        const shown = others.slice(0, LISTED);
        const directory = (0, paths_1.relativePosix)(deployment.root, dir) || '.';
        const related = shown.map((file) => ({ file, message: `${path.basename(file)} is locked too` }));
        kept.push({
            ruleId: LOCKED,
            severity: locked[0].severity,
            message: `${files.length} key stores in ${directory} (${path.basename(first)}, ${shown.map((f) => path.basename(f)).join(', ')}` +
                `${others.length > shown.length ? ` and ${others.length - shown.length} more` : ''}) are encrypted and no password ` +
                'tried opens them, and no component lint-deploy read names them: their certificates are not checked. If a ' +
                'component uses one, name the store and its password in its configuration',
            location: { file: first, range: locked.find((f) => f.location.file === first)?.location.range },
            related,
            fingerprint: `${LOCKED}|${directory}|unnamed stores`,
        });
    }
    return kept;
}
/**
 * The locked-store finding of a store whose own configured password cert/store-password-wrong reports: that warning
 * already says the store stays unread until the password is right (a Jetty or WildFly pair the model makes; a setting
 * the parse pairs by name never gave one). Kept when the rule is off: then it is all the user learns.
 */
function withoutLockedBesideWrongPassword(findings, ruleFindings) {
    const refused = new Set(ruleFindings
        .filter((f) => f.ruleId === WRONG_PASSWORD)
        .flatMap((f) => f.related?.slice(0, 1).map((r) => r.file) ?? []));
    return refused.size === 0 ? findings : findings.filter((f) => f.ruleId !== LOCKED || !refused.has(f.location.file));
}
