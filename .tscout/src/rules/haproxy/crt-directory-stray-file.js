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
const openssl_1 = require("../../knowledge/openssl");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
const { keyFilesSince: keySince, hiddenFilesSince: hiddenSince } = openssl_1.HAPROXY_FACTS.crtDirectorySkips;
/**
 * A file of a `crt <directory>` that holds no certificate: HAProxy loads every regular file of the directory except
 * hidden ones and its .key/.issuer/.ocsp/.sctl companions, so a README, a DER certificate, a CSR or a serial file
 * there makes it refuse the configuration ("unable to load certificate from file '<file>'", then "Fatal errors found
 * in configuration"; measured with Debian 12's HAProxy 2.6.12, `haproxy -c`). A release the tree names before the
 * ones that skip .key files (2.2) or dotfiles (2.6) loads those too (knowledge haproxy.crtDirectorySkips). The model judges a directory only where
 * the tree puts it whole at that path (src/model/haproxy-crt-directory.ts).
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'haproxy/crt-directory-stray-file',
        description: 'Check that every file HAProxy loads from a crt directory holds a certificate: a README, a DER file or a CSR there stops HAProxy from starting',
        severity: 'error',
        appliesTo: { components: ['haproxy.bind'] },
        messages: {
            stray: "{{bind}} loads every file of its crt directory {{directory}}, and {{file}} holds no PEM certificate: HAProxy refuses to start (\"unable to load certificate from file '{{directory}}/{{file}}'\", then 'Fatal errors found in configuration'). Move {{file}} out of the directory (HAProxy skips only names ending in .issuer, .ocsp or .sctl, and from {{keySince}} on .key, from {{hiddenSince}} on hidden files), or name the certificate files with crt or a crt-list instead of the directory",
            strayByRelease: "{{bind}} loads every file of its crt directory {{directory}}, and HAProxy {{release}}, which the tree runs it with, loads {{file}} too ({{why}}); it holds no PEM certificate, so HAProxy refuses to start (\"unable to load certificate from file '{{directory}}/{{file}}'\" or 'unable to load SSL certificate from PEM file', then 'Fatal errors found in configuration'). Move {{file}} out of the directory, or run HAProxy {{since}} or later",
        },
        options: {},
        symptoms: ['unable to load certificate from file'],
    },
    check(ctx) {
        for (const component of ctx.deployment.components) {
            if (component.type !== 'haproxy.bind' || component.attributes.conditional)
                continue;
            for (const stray of component.attributes.crtDirectoryStrays ?? []) {
                const name = path.basename(stray.file);
                const data = { bind: component.name, directory: stray.directory, file: name };
                const related = [{ ...stray.crt, message: (0, phrase_1.said) `${component.name} loads the directory here` }, stray.via];
                const fingerprint = [component.id, name];
                const { release } = stray;
                if (!release) {
                    ctx.report({
                        messageId: 'stray',
                        data: { ...data, keySince, hiddenSince },
                        location: { file: stray.file },
                        related,
                        fingerprint,
                    });
                    continue;
                }
                // A .key file before keySince, a dotfile before hiddenSince: later releases leave it out.
                const key = name.endsWith('.key') && !name.startsWith('.');
                ctx.report({
                    messageId: 'strayByRelease',
                    data: {
                        ...data,
                        release: release.value,
                        since: key ? keySince : hiddenSince,
                        why: key
                            ? (0, phrase_1.said) `a release before ${keySince} reads a certificate's key from the certificate file only and takes a .key file for a certificate`
                            : (0, phrase_1.said) `a release before ${hiddenSince} loads hidden files as well`,
                    },
                    location: { file: stray.file },
                    related: [...related, { ...release.at, message: (0, phrase_1.said) `HAProxy ${release.value} runs the configuration` }],
                    fingerprint,
                });
            }
        }
    },
});
