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
exports.namedByComponent = namedByComponent;
exports.presentedPlaces = presentedPlaces;
exports.presentedKeys = presentedKeys;
/** Which certificate of the tree a server presents: what its TLS settings name, found in the tree. */
const path = __importStar(require("node:path"));
const work_1 = require("../core/work");
const PLACEHOLDER = /\$\{|\{\{/;
const segments = (p) => p.split(/[\\/]+/).filter((s) => s && s !== '.' && !PLACEHOLDER.test(s));
/** How many trailing path segments two paths share (case-sensitive, as on the servers that read them). */
function commonTail(a, b) {
    let n = 0;
    while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n])
        n++;
    return n;
}
function commonHead(a, b) {
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n])
        n++;
    return n;
}
/**
 * The certificates of the PEM file `wanted` names, when the tree holds it: the same absolute path, else the
 * tree file sharing the longest path tail with the reference (`/etc/nginx/ssl/api.crt` → `api/ssl/api.crt`),
 * ties broken by nearness to the component's config file. Leaf first, then the rest of the file; for a key
 * store, the chain of the key entry the component's key alias names (`storeChain`).
 */
function certificatesNamed(index, wanted, component) {
    // `${server.config.dir}/resources/security/key.pem`: a placeholder in a leading directory still leaves a tail to match.
    if (!wanted || PLACEHOLDER.test(path.basename(wanted)))
        return { certificates: [] };
    let file;
    if (index.byFile.has(wanted))
        file = wanted;
    else {
        const want = segments(wanted);
        const near = segments(component.location.file);
        let best;
        // Only files whose last segment is the wanted one share a tail (in tree order, so ties break as before).
        const candidates = index.byLastSegment.get(want.at(-1) ?? '') ?? [];
        (0, work_1.countWork)('certificates named', candidates.length);
        for (const { file: candidate, have } of candidates) {
            const tail = commonTail(want, have);
            const head = commonHead(near, have);
            if (!best || tail > best.tail || (tail === best.tail && head > best.head))
                best = { file: candidate, tail, head };
        }
        // A bare relative name (`crt common.pem`) is read from the server's working or base directory: a file of that
        // name elsewhere in the tree (another example's, test data) is not it. An absolute container path keeps the
        // one-segment match (a mount of ./certs at /etc/ssl).
        const home = path.dirname(component.location.file) + path.sep;
        file = best && (best.tail > 1 || path.isAbsolute(wanted) || best.file.startsWith(home)) ? best.file : undefined;
    }
    const inFile = (file !== undefined && index.byFile.get(file)) || [];
    if (file === undefined || inFile.length === 0)
        return { certificates: [] };
    if (inFile.some((c) => c.store))
        return { file, certificates: storeChain(inFile, component.tls?.trust?.keyAlias?.value) };
    return { file, certificates: [...inFile.filter((c) => !c.cert.isCa), ...inFile.filter((c) => c.cert.isCa)] };
}
/**
 * The chain a key store presents: the key entry the alias names, else its only key entry. Several key
 * entries and no alias: which one the JDK's key manager picks is not decided here (none: unknown).
 */
function storeChain(inStore, alias) {
    const keyEntries = inStore.filter((c) => c.store?.entry === 'private-key');
    const aliases = [...new Set(keyEntries.map((c) => c.store?.alias))];
    // Java's PKCS12 and JKS stores match aliases case-insensitively (JKS lower-cases them).
    const chosen = alias
        ? aliases.find((a) => a?.toLowerCase() === alias.toLowerCase())
        : aliases.length === 1
            ? aliases[0]
            : undefined;
    if (chosen === undefined)
        return [];
    return keyEntries
        .filter((c) => c.store?.alias === chosen)
        .sort((a, b) => (a.store?.chainIndex ?? 0) - (b.store?.chainIndex ?? 0));
}
/**
 * The tree's certificates indexed by file and by file name, built once per deployment (by `namedByComponent`):
 * every server's every certificate reference scanned all certificates and split all their paths
 * (O(servers × certificates) in one big deployment).
 */
function indexOf(all) {
    const byFile = new Map();
    const byLastSegment = new Map();
    for (const c of all) {
        const file = c.doc.file.path;
        const inFile = byFile.get(file);
        if (inFile)
            inFile.push(c);
        else
            byFile.set(file, [c]);
        const have = segments(file);
        const last = have.at(-1);
        if (last === undefined)
            continue;
        const rows = byLastSegment.get(last);
        if (rows)
            rows.push({ file, have });
        else
            byLastSegment.set(last, [{ file, have }]);
    }
    return { byFile, byLastSegment };
}
/**
 * For each component whose TLS settings name certificates (`certificate`, then `moreCertificates`), what each
 * reference names in the tree, by component id. Computed once per deployment by the derive stage.
 */
function namedByComponent(all, components) {
    const index = indexOf(all);
    const named = new Map();
    for (const component of components) {
        const tls = component.tls;
        if (!tls?.certificate)
            continue;
        const refs = [tls.certificate, ...(tls.moreCertificates ?? [])];
        named.set(component.id, 
        // A file Compose mounts from outside the tree is not a tree file of the same name.
        refs.map((ref) => ({
            ref,
            ...(ref.mountedFromOutside ? { certificates: [] } : certificatesNamed(index, ref.file, component)),
        })));
    }
    return named;
}
/** Where the certificates a server presents are in the tree (the leaf of each named PEM file found). */
function presentedPlaces(named) {
    return (named ?? []).flatMap(({ certificates: [leaf] }) => leaf ? [{ file: leaf.doc.file.path, range: leaf.cert.range }] : []);
}
/**
 * The keys a server presents, one per certificate it is configured with (nginx and Tomcat may hold an RSA
 * and an ECDSA certificate): the leaf of each named PEM file found in the tree, else the key type the
 * configuration declares (Tomcat `type="EC"`). Undefined when any certificate's key type is unknown
 * (an Ed25519 key is not modelled: unknown too).
 */
function presentedKeys(named) {
    if (!named || named.length === 0)
        return undefined;
    const keys = [];
    for (const { ref, certificates } of named) {
        // The certificate in the tree wins over a declared type (Tomcat `type="RSA"` on an EC key is a mistake).
        const found = certificates[0]?.cert;
        const leaf = found && found.keyType !== 'unknown' && found.keyType !== 'Ed25519' ? found : undefined;
        const keyType = leaf ? leaf.keyType : ref.keyType;
        if (keyType !== 'RSA' && keyType !== 'EC' && keyType !== 'DSA')
            return undefined;
        keys.push({ keyType, bits: leaf ? leaf.keyBits : ref.keyBits, ...(leaf?.curve ? { curve: leaf.curve } : {}) });
    }
    return keys;
}
