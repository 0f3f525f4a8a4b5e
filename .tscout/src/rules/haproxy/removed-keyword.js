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
const path = __importStar(require("node:path"));
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/**
 * A keyword HAProxy removed (knowledge openssl-servers.json haproxy.removedKeywords: the req and rsp header rewriting
 * family, block, redispatch and the old timeouts from 2.1, global debug from 2.3). From that release on the line is a
 * fatal configuration error: HAProxy does not start, so every frontend of the file is down, TLS or not. An error when
 * the image that runs the file names such a release; a warning when it names an earlier one (it starts today, and the
 * next upgrade stops it) or none (`image: haproxy` pulls a current release), or when the file is a template or the line
 * conditional. Real case: otgrkiss/vagrant-docker-haproxy-tls@0525c5c haproxy-tls1_2.cfg (`debug` with `image: haproxy`).
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'haproxy/removed-keyword',
        description: 'Report HAProxy configuration keywords a release removed (reqadd, rspdel, block, clitimeout, global debug…): from that release on HAProxy refuses the file and does not start',
        severity: 'error',
        appliesTo: { documents: ['haproxy.'] },
        messages: {
            refused: "'{{keyword}}' is not supported anymore since HAProxy {{since}}, and the image runs HAProxy {{release}}: the line is a fatal configuration error (haproxy -c fails), so HAProxy does not start and none of this file's frontends runs. {{replacement}}",
            older: "'{{keyword}}' was removed in HAProxy {{since}}: HAProxy {{release}}, which the image runs, still takes it, but {{since}} and later refuse the file and do not start, so the next upgrade of the image takes every frontend of this file down. {{replacement}}",
            releaseUnknown: "'{{keyword}}' was removed in HAProxy {{since}}: {{since}} and later refuse the file with a fatal error and do not start. {{which}} {{replacement}}",
        },
        options: {},
        symptoms: [
            'is not supported anymore since HAProxy',
            "unknown keyword 'debug' in 'global' section",
            'Fatal errors found in configuration',
        ],
    },
    check(ctx) {
        for (const removed of ctx.deployment.haproxyRemovedKeywords ?? []) {
            const { keyword, since, release, refuses } = removed;
            const messageId = refuses === true ? 'refused' : refuses === false ? 'older' : 'releaseUnknown';
            ctx.report({
                messageId,
                // A template may render otherwise, a .if block may be skipped: what it says stays a warning.
                severity: refuses === true && !removed.uncertain ? 'error' : 'warning',
                data: {
                    keyword,
                    since,
                    release: release?.value ?? '',
                    replacement: removed.replacement,
                    which: release
                        ? (0, phrase_1.said) `The image's tag ${release.value} spans releases on both sides.`
                        : (0, phrase_1.ours)('The tree names no HAProxy release for this file (an image tag without one, such as haproxy or haproxy:lts, pulls a current release).'),
                },
                location: removed.at,
                ...(release ? { related: [{ ...release.at, message: (0, phrase_1.said) `the image runs HAProxy ${release.value}` }] } : {}),
                fingerprint: [path.basename(removed.at.file), removed.section, keyword, release?.value ?? ''],
            });
        }
    },
});
