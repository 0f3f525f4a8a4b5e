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
exports.globalsOf = globalsOf;
exports.pathOf = pathOf;
/**
 * HAProxy's global TLS defaults (`ssl-default-bind-*`, `ssl-default-server-*`, `ssl-server-verify`, `crt-base`,
 * `ca-base`, `ssl-load-extra-*`) as the bind and server components of ./haproxy.ts merge them, and the paths options
 * name joined to their base directory.
 */
const path = __importStar(require("node:path"));
const haproxy_tls_1 = require("./haproxy-tls");
function globalsOf(doc) {
    const out = {
        bindOptions: [],
        serverOptions: [],
        keyFile: { name: 'appended' },
        keyFileSettings: false,
    };
    const file = doc.file.path;
    const single = (line) => ({
        keyword: line.keyword,
        file,
        ...(line.args[0]
            ? { value: { value: line.args.map((a) => a.value).join(' '), range: (0, haproxy_tls_1.wordsRange)(line.args, line.keyword.range) } }
            : {}),
    });
    for (const section of doc.data.sections.filter((s) => s.kind === 'global'))
        for (const line of section.lines) {
            switch (line.keyword.value) {
                case 'ssl-default-bind-options':
                    out.bindOptions.push(...(0, haproxy_tls_1.optionsOf)(line.args, file));
                    break;
                case 'ssl-default-server-options':
                    out.serverOptions.push(...(0, haproxy_tls_1.optionsOf)(line.args, file));
                    break;
                case 'ssl-default-bind-ciphers':
                    out.bindCiphers = single(line);
                    break;
                case 'ssl-default-server-ciphers':
                    out.serverCiphers = single(line);
                    break;
                case 'ssl-default-bind-ciphersuites':
                    out.bindCiphersuites = single(line);
                    break;
                case 'ssl-default-bind-curves':
                    out.bindCurves = single(line);
                    break;
                case 'ssl-default-server-ciphersuites':
                    out.serverCiphersuites = single(line);
                    break;
                case 'ssl-server-verify':
                    out.serverVerify = single(line);
                    break;
                case 'crt-base':
                    if (line.args[0])
                        out.crtBase = line.args[0].value;
                    break;
                case 'ca-base':
                    if (line.args[0])
                        out.caBase = line.args[0].value;
                    break;
                // `foobar.crt` → `foobar.key` instead of `foobar.crt.key` (only a .crt extension is removed).
                case 'ssl-load-extra-del-ext':
                    out.keyFileSettings = true;
                    if (out.keyFile.name !== 'none')
                        out.keyFile = { name: 'extension-replaced', at: { file, range: line.keyword.range } };
                    break;
                // Without `key` (or `all`) among its words, no separate key file is read.
                case 'ssl-load-extra-files': {
                    out.keyFileSettings = true;
                    const words = line.args.map((a) => a.value);
                    if (words.some((w) => /\$|\{/.test(w)))
                        out.keyFile = { name: 'unknown' };
                    else if (!words.includes('all') && !words.includes('key'))
                        out.keyFile = { name: 'none', at: { file, range: (0, haproxy_tls_1.wordsRange)(line.args, line.keyword.range) } };
                    break;
                }
                default:
                    break;
            }
        }
    return out;
}
/** A path an option names, joined to its base directory when relative (`crt-base`, `ca-base`). */
function pathOf(option, base) {
    const value = option?.value?.value;
    if (!option || value === undefined)
        return undefined;
    const joined = base && !value.startsWith('/') && !(0, haproxy_tls_1.isPlaceholder)(value) ? path.posix.join(base, value) : value;
    return { value: joined, location: (0, haproxy_tls_1.optionLocation)(option) };
}
