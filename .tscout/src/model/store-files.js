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
exports.PLACEHOLDER = void 0;
exports.withRefusedPassword = withRefusedPassword;
exports.keyAliasOf = keyAliasOf;
exports.resolveStoreFile = resolveStoreFile;
exports.treeStoresOf = treeStoresOf;
exports.storeRef = storeRef;
exports.javaSystemStores = javaSystemStores;
exports.withJavaTrustDefault = withJavaTrustDefault;
exports.withTrust = withTrust;
/**
 * Resolving the store paths a configuration writes to the tree's store files, shared by the per-area trust
 * readers (./stores.ts, ./spring-stores.ts).
 */
const path = __importStar(require("node:path"));
const placeholder_1 = require("../core/placeholder");
const format_1 = require("../parse/keystore/format");
const own_password_1 = require("../parse/keystore/own-password");
const image_files_1 = require("../parse/image-files");
const java_shared_1 = require("./java-shared");
/**
 * The ref with `passwordRefused` when the password its own setting gives as written fails the store's password check
 * (cert/store-password-wrong), `passwordOpens` when it passes: only for the very file the path names from `bases` (or a
 * Dockerfile copies there), never for a store matched by its last path segments, which may be another component's with
 * its own password.
 */
function withRefusedPassword(ref, own, stores, written, bases) {
    // Whitespace around a value: whether the runtime keeps it depends on the reader; not judged.
    if (!own || !ref.file || !(0, own_password_1.writtenAsLiteral)(own.value) || own.value.trim() !== own.value)
        return ref;
    const cleaned = written.trim().replace(/^(classpath\*?|file):/, '');
    const exact = ref.copiedBy !== undefined ||
        (!exports.PLACEHOLDER.test(cleaned) &&
            (path.normalize(cleaned) === ref.file || bases.some((b) => path.resolve(b, cleaned) === ref.file)));
    const doc = exact ? stores.documentOf?.(ref.file) : undefined;
    const passes = doc && (0, own_password_1.passwordPasses)(doc, own.value);
    if (passes)
        return { ...ref, passwordOpens: true };
    return doc && passes === false
        ? { ...ref, passwordRefused: { ...own.at, key: own.key, ...(0, own_password_1.macOnly)((0, own_password_1.refusalOf)(doc)) } }
        : ref;
}
exports.PLACEHOLDER = /\$\{[^}]*\}|\{\{[^}]*\}\}/;
/**
 * The key alias a Spring setting selects: its value, or a placeholder's default (`${KEYSTORE_ALIAS:localhost}`
 * selects `localhost` while the variable is unset, as a placeholder's default password opens a store); undefined
 * when a placeholder leaves it unknown.
 */
function keyAliasOf(value, file, range) {
    if (!exports.PLACEHOLDER.test(value))
        return (0, java_shared_1.traced)(value, file, range);
    const fallback = (0, placeholder_1.placeholderDefault)(value);
    return fallback === undefined
        ? undefined
        : (0, java_shared_1.traced)(fallback, file, range, `the default of ${value.trim()}, used while the variable is unset`);
}
const segments = (p) => p.split(/[\\/]+/).filter((s) => s && s !== '.');
/**
 * The tree file a configured store path names: the path itself, else resolved against each base
 * directory, else the tree store sharing its last two path segments (a path written for the server,
 * `/opt/app/ssl/trust.p12`, and the copy in the tree, `app/ssl/trust.p12`). A placeholder leaves only the
 * part after it to match. Undefined: the store is outside the tree (unknown, never an error).
 */
function resolveStoreFile(written, bases, stores) {
    const cleaned = written.trim().replace(/^(classpath\*?|file):/, '');
    if (!cleaned)
        return undefined;
    const afterPlaceholder = exports.PLACEHOLDER.test(cleaned)
        ? cleaned.replace(/^.*(\$\{[^}]*\}|\{\{[^}]*\}\})/, '')
        : undefined;
    const known = new Set(stores.files);
    if (afterPlaceholder === undefined) {
        if (path.isAbsolute(cleaned) && known.has(path.normalize(cleaned)))
            return path.normalize(cleaned);
        for (const base of bases) {
            const candidate = path.resolve(base, cleaned);
            if (known.has(candidate))
                return candidate;
        }
    }
    const want = segments(afterPlaceholder ?? cleaned);
    if (want.length === 0)
        return undefined;
    let best;
    for (const file of stores.files) {
        const have = segments(file);
        let tail = 0;
        while (tail < want.length && tail < have.length && want[want.length - 1 - tail] === have[have.length - 1 - tail])
            tail++;
        // One segment (a bare file name) only counts below a base directory: elsewhere it is another component's store.
        const near = bases.some((b) => file.startsWith(b + path.sep));
        if (tail >= Math.min(2, want.length) && (tail >= 2 || near) && (!best || tail > best.tail))
            best = { file, tail };
    }
    return best?.file;
}
/** The deployment's store files, found once per build (the stores contributor and the Spring one both resolve paths). */
function treeStoresOf(ctx) {
    return ctx.once('treeStores', () => treeStores(ctx.deployment.documents));
}
function treeStores(documents) {
    const types = new Map();
    const keystores = new Map();
    for (const doc of documents) {
        if ((0, format_1.isKeystoreDocument)(doc)) {
            types.set(doc.file.path, doc.data.storeType);
            keystores.set(doc.file.path, doc);
        }
        else if (doc.kind.startsWith('pem.'))
            types.set(doc.file.path, 'PEM');
    }
    return {
        files: [...types.keys()],
        typeOf: (file) => types.get(file),
        images: new image_files_1.ImageFiles(documents),
        documentOf: (file) => keystores.get(file),
    };
}
/** A StoreRef from a traced path; the type as configured, else as the file is. */
function storeRef(pathValue, bases, stores, type, passwordAt, resolvedPath = pathValue.value, containerBase) {
    // A configuration a Dockerfile copies into its image reads the path there: the tree file copied to it.
    const configFile = pathValue.from.kind === 'file' ? pathValue.from.location.file : undefined;
    const inImage = configFile ? stores.images?.resolve(configFile, resolvedPath, containerBase) : undefined;
    const copied = inImage && stores.typeOf(inImage.file) !== undefined ? inImage : undefined;
    const file = copied?.file ?? resolveStoreFile(resolvedPath, bases, stores);
    const detected = file ? stores.typeOf(file) : undefined;
    const ref = { path: pathValue };
    if (file)
        ref.file = file;
    if (copied)
        ref.copiedBy = copied.by;
    if (type)
        ref.type = { value: type.value.toUpperCase(), from: type.from };
    else if (detected && file)
        ref.type = { value: detected, from: { kind: 'file', location: { file }, note: 'detected from the file' } };
    if (passwordAt)
        ref.passwordAt = passwordAt;
    return ref;
}
/** `-Djavax.net.ssl.keyStore/trustStore` (with their type and password settings) of a JVM. */
function javaSystemStores(runtime, stores, bases) {
    const props = runtime?.systemProperties ?? {};
    const one = (kind) => {
        const unknown = runtime?.unknownSystemProperties?.[`javax.net.ssl.${kind}`];
        // Set in a way only the run decides: a store the tree cannot name (unknown, as one outside the tree).
        if (unknown) {
            const place = unknown.at[0];
            return {
                path: {
                    value: unknown.written ?? `-Djavax.net.ssl.${kind} (${unknown.why})`,
                    from: place
                        ? { kind: 'file', location: { file: place.file, range: place.range } }
                        : { kind: 'config', origin: unknown.why },
                },
            };
        }
        const value = props[`javax.net.ssl.${kind}`];
        // NONE: a PKCS#11 token, not a file.
        if (!value || value.value.trim() === '' || value.value.trim().toUpperCase() === 'NONE')
            return undefined;
        const password = props[`javax.net.ssl.${kind}Password`];
        const at = value.from.kind === 'file' ? [path.dirname(value.from.location.file)] : [];
        return storeRef(value, [...at, ...bases], stores, props[`javax.net.ssl.${kind}Type`], password?.from.kind === 'file' ? password.from.location : undefined);
    };
    const keyStore = one('keyStore');
    const trustStore = one('trustStore');
    return { ...(keyStore ? { keyStore } : {}), ...(trustStore ? { trustStore } : {}) };
}
/** A Java end's trust: the trust store it names, else the system property, else the JDK's cacerts. */
function withJavaTrustDefault(trust, system) {
    if (trust.trustStore)
        return trust;
    if (system.trustStore)
        return { ...trust, trustStore: system.trustStore };
    return { ...trust, defaultTrust: 'jdk-cacerts' };
}
/** The component with the stores it uses, when the tree says which. */
function withTrust(component, trust) {
    if (trust && component.tls)
        component.tls = { ...component.tls, trust };
    return component;
}
