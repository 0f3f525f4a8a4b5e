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
exports.reportRemovedSyntax = reportRemovedSyntax;
/**
 * How the nginx rules on removed syntax (the `ssl` directive, `listen … spdy`) report one use: an error when the image
 * names a release that refuses it and the file is no template (it may render otherwise), else a warning whose message
 * says what the named release does with it, or which releases refuse it when none is named.
 */
const path = __importStar(require("node:path"));
const phrase_1 = require("../../../core/phrase");
function reportRemovedSyntax(ctx, use, 
/** Whether the named release refuses it (undefined: none named, or a tag on both sides). */
refuses, 
/** The message for a named release that still takes it. */
taken, data) {
    const { nginx } = use;
    const related = [
        ...(use.via ?? []),
        ...(nginx ? [{ ...nginx.at, message: (0, phrase_1.said) `the image runs nginx ${nginx.release}` }] : []),
    ];
    ctx.report({
        messageId: refuses === true ? 'refused' : refuses === false ? taken : 'releaseUnknown',
        severity: refuses === true && !use.template ? 'error' : 'warning',
        data: {
            ...data,
            value: use.value,
            release: nginx?.release ?? '',
            which: nginx
                ? (0, phrase_1.said) `The image's tag ${nginx.release} spans releases on both sides.`
                : (0, phrase_1.ours)('The tree names no nginx release for this file (an image tag without one, such as nginx or nginx:alpine, pulls the current release).'),
        },
        location: use.at,
        related: related.length ? related : undefined,
        fingerprint: [path.basename(use.at.file), use.value, nginx?.release ?? ''],
    });
}
