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
exports.crtDirectoryStrays = crtDirectoryStrays;
/**
 * Files of a `crt <directory>` that HAProxy cannot load as a certificate. HAProxy loads every regular file of the
 * directory, in alphabetical order, except names ending in .issuer, .ocsp or .sctl, and from 2.2 .key, from 2.6 hidden
 * files (the companions it reads beside a certificate; knowledge haproxy.crtDirectorySkips): "If a directory name is used instead of a PEM file, then all files found
 * in that directory will be loaded" (https://docs.haproxy.org/2.6/configuration.html#5.1-crt; src/ssl_crtlist.c
 * crtlist_load_cert_dir). A README, a DER certificate, a CSR or a serial file there stops it: measured with Debian 12's
 * HAProxy 2.6.12, `haproxy -c`: "unable to load certificate from file '<dir>/README.md'", then "Fatal errors found in
 * configuration"; subdirectories are skipped. Judged only where the tree shows the whole directory reaching that path:
 * a Compose bind mount of a tree directory by the service that also mounts this configuration (or runs an haproxy
 * image), or a Dockerfile COPY of a directory whose image also holds the configuration; a directory found by its name
 * alone may not be what is deployed, so its other files are not judged.
 */
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const safe_fs_1 = require("../core/safe-fs");
const haproxy_tls_1 = require("./haproxy-tls");
const server_releases_1 = require("../knowledge/server-releases");
/** Names every release skips in a certificate directory: the files it loads beside a certificate. */
const SKIPPED = /\.(issuer|ocsp|sctl)$/;
/** Names the releases skip from 2.2 (`.key`) and 2.6 (dotfiles) on: haproxyCrtDirectorySkips. */
const KEY_FILE = /\.key$/;
const HIDDEN = /^\./;
const CERTIFICATE_FILE = /\.(pem|crt|cer)$/i;
/** PEM blocks OpenSSL's PEM_read_bio_X509_AUX reads as a certificate. */
const PEM_CERTIFICATE = /-----BEGIN (?:TRUSTED |X509 )?CERTIFICATE-----/;
/** A certificate file larger than this is not read: its content is not judged. */
const MAX_BYTES = 4 * 1024 * 1024;
function crtDirectoryStrays(own, crtBase, configFile, stores, mounts, release) {
    const out = [];
    const skips = (0, server_releases_1.haproxyCrtDirectorySkips)(release?.value);
    // Skipped by a later release than the one the tree names: loaded only because of that release.
    const byRelease = (name) => KEY_FILE.test(name) || HIDDEN.test(name);
    for (const option of own) {
        if (option.keyword.value !== 'crt' && option.keyword.value !== 'default-crt')
            continue;
        const value = option.value?.value;
        if (value === undefined || (0, haproxy_tls_1.isPlaceholder)(value) || value.startsWith('@'))
            continue;
        const written = crtBase && !value.startsWith('/') ? path.posix.join(crtBase, value) : value;
        const directory = path.posix.normalize(written).replace(/\/+$/, '');
        if (!directory.startsWith('/') || CERTIFICATE_FILE.test(directory))
            continue;
        for (const { treeDir, via, inContext } of directorySources(directory, configFile, stores, mounts))
            for (const file of loadedFiles(treeDir, skips))
                if (inContext(file) && holdsNoCertificate(file))
                    out.push({
                        file,
                        crt: (0, haproxy_tls_1.optionLocation)(option),
                        directory,
                        via,
                        ...(release && byRelease(path.basename(file)) ? { release } : {}),
                    });
    }
    return out;
}
/** The tree directories the tree puts at `directory` where this configuration runs: mounts first (they hide a copy). */
function directorySources(directory, configFile, stores, mounts) {
    const runsConfig = (m) => /(^|\/)haproxy(:|@|$)/.test(m.image ?? '') ||
        mounts.some((o) => o.file === m.file &&
            o.mount.service === m.mount.service &&
            (o.hostPath === configFile || configFile.startsWith(o.hostPath + path.sep)));
    const mounted = mounts.flatMap((m) => {
        const target = path.posix.normalize(m.mount.target).replace(/\/+$/, '') || '/';
        const below = directory === target ? '' : directory.startsWith(target + '/') ? directory.slice(target.length + 1) : undefined;
        if (below === undefined || !m.mount.service || !runsConfig(m))
            return [];
        const treeDir = path.join(m.hostPath, ...below.split('/'));
        return isDirectory(treeDir)
            ? [
                {
                    treeDir,
                    via: {
                        file: m.file,
                        range: m.mount.range,
                        message: `Compose service ${m.mount.service} mounts this directory at ${directory}`,
                    },
                    inContext: () => true,
                },
            ]
            : [];
    });
    if (mounted.length > 0)
        return mounted;
    const holders = new Set(stores.images?.holding(configFile).map((h) => h.dockerfile) ?? []);
    return (stores.images?.directoryCopies(directory) ?? [])
        .filter((c) => holders.has(c.by.file) && isDirectory(c.treeDir))
        .map((c) => ({
        treeDir: c.treeDir,
        via: { ...c.by, message: `this COPY puts ${path.basename(c.treeDir)}/ at ${directory}` },
        inContext: c.inContext,
    }));
}
/** The regular files HAProxy loads from a directory (symbolic links followed, as its stat does). */
function loadedFiles(dir, skips) {
    let names;
    try {
        names = fs.readdirSync(dir);
    }
    catch {
        return [];
    }
    return names
        .filter((name) => !SKIPPED.test(name) && !(skips.keyFiles && KEY_FILE.test(name)) && !(skips.hiddenFiles && HIDDEN.test(name)))
        .map((name) => path.join(dir, name))
        .filter((file) => {
        try {
            return fs.statSync(file).isFile();
        }
        catch {
            return false;
        }
    })
        .sort();
}
/** The file reads, and holds no PEM certificate (a README, a DER file, a CSR, a key alone). Unreadable: not judged. */
function holdsNoCertificate(file) {
    const read = (0, safe_fs_1.readRegularFile)(file, MAX_BYTES);
    return read.ok && !PEM_CERTIFICATE.test(read.bytes.toString('latin1'));
}
function isDirectory(dir) {
    try {
        return fs.statSync(dir).isDirectory();
    }
    catch {
        return false;
    }
}
