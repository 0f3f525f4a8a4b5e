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
exports.verifierStack = void 0;
exports.ownChain = ownChain;
exports.storeUnknown = storeUnknown;
exports.placeOfStore = placeOfStore;
exports.treeCacerts = treeCacerts;
exports.anchorsOf = anchorsOf;
exports.listedIssuers = listedIssuers;
/**
 * What each end of a trust check brings (split from trust.ts, which judges the checks): the certificates a component
 * sends as its own, and the anchors its verifier trusts — its trust store, the JDK's cacerts, the system's store —
 * with why either is unknown when the tree does not hold it.
 */
const path = __importStar(require("node:path"));
const types_1 = require("../model/types");
const stores_1 = require("./stores");
const mq_default_label_1 = require("./mq-default-label");
const ihs_default_certificate_1 = require("./ihs-default-certificate");
const verifierStack = (c) => {
    const impl = c.tls?.implementation;
    return impl === 'jsse' || impl === 'ibmjsse2' ? 'jsse' : impl === 'openssl' ? 'openssl' : undefined;
};
exports.verifierStack = verifierStack;
/** The certificates a component sends as its own: the key store's entry (by alias), else its PEM file in file order. */
function ownChain(all, presented, component, unreadable) {
    const own = keyStoreChains(all, presented, component, unreadable);
    const extra = component.tls?.trust?.chainStores;
    if (!extra?.length || own.missing || own.chains.length === 0)
        return own;
    // The chain file's certificates follow the key store's (httpd SSLCertificateChainFile, Tomcat certificateChainFile).
    const added = [];
    for (const store of extra) {
        if (!store.file || unreadable.has(store.file))
            return {
                ...own,
                chains: [],
                missing: storeUnknown(component.name, store, 'certificate chain file', store.file ? 'unreadable' : 'missing'),
            };
        added.push(...inFileOrder(all, store.file));
    }
    return {
        ...own,
        chains: own.chains.map((chain) => {
            const sent = new Set(chain.map((c) => c.cert.fingerprintSha256));
            return [...chain, ...added.filter((c) => !sent.has(c.cert.fingerprintSha256))];
        }),
    };
}
/** The chains of the key store or certificate file alone. */
function keyStoreChains(all, presented, component, unreadable) {
    const tls = component.tls;
    const trust = tls?.trust;
    if (trust?.keyStore) {
        const from = placeOfStore(trust.keyStore);
        if (!trust.keyStore.file)
            return {
                chains: [],
                from,
                missing: storeUnknown(component.name, trust.keyStore, 'key store', 'missing'),
            };
        if (unreadable.has(trust.keyStore.file))
            return {
                chains: [],
                from,
                missing: storeUnknown(component.name, trust.keyStore, 'key store', 'unreadable'),
            };
        const entries = (0, stores_1.keyEntries)(all, trust.keyStore.file);
        // An MQ key repository with no CERTLABL: the default label, or unknown (never "its only certificate").
        const byDefault = !trust.keyAlias?.value && trust.keyStore.type?.value === 'CMS'
            ? ((0, mq_default_label_1.mqDefaultLabel)(component) ?? (0, ihs_default_certificate_1.ihsDefaultCertificate)(component))
            : undefined;
        if (byDefault && 'unknown' in byDefault)
            return { chains: [], from, missing: byDefault.unknown };
        const alias = trust.keyAlias?.value || byDefault?.label;
        const chosen = alias ? entries.filter((e) => e.alias.toLowerCase() === alias.toLowerCase()) : entries;
        // The name the default label comes from is a script's (crtmqm, a release name): a miss is not proof of none.
        if (byDefault && chosen.length === 0)
            return {
                chains: [],
                from,
                missing: `${component.name} sets no CERTLABL and ${trust.keyStore.path.value} holds no certificate labelled ${byDefault.label}, MQ's default label for the queue manager name the tree gives`,
            };
        if (entries.length === 0 && (0, stores_1.certificatesInStore)(all, trust.keyStore.file).length === 0) {
            return {
                chains: [],
                from,
                missing: `${component.name}'s key store ${trust.keyStore.path.value} could not be read`,
            };
        }
        return { chains: chosen.map((e) => e.chain), from, store: (0, stores_1.storeLabel)(trust.keyStore, alias) };
    }
    const file = tls?.certificate?.file;
    if (!file)
        return { chains: [] };
    const [firstNamed] = presented.get(component.id)?.[0]?.certificates ?? [];
    if (!firstNamed)
        return {
            chains: [],
            from: tls?.certificate?.reference,
            missing: `${component.name}'s certificate ${file} is not in the tree`,
        };
    // nginx and Tomcat send the file's certificates in file order: the first is the leaf.
    return { chains: [inFileOrder(all, firstNamed.doc.file.path)], from: tls?.certificate?.reference };
}
/** A PEM file's certificates in the order the file holds them (the order a server sends them in). */
function inFileOrder(all, file) {
    return (0, stores_1.certificatesInStore)(all, file).sort((a, b) => a.cert.range.start.line - b.cert.range.start.line);
}
/**
 * Why a named store's certificates are unknown, saying what names it: `…'s key repository
 * ${DIR}/../app.kdb (MQSSLKEYR) is not in the tree`, `… is an IBM CMS key database (.kdb), a format lint-deploy does
 * not read`. An MQ key repository (CMS) is both the key and the trust store: it is called what MQ calls it.
 */
function storeUnknown(owner, store, role, why) {
    if (store.type?.value === 'KEYRING')
        return `${owner}'s key ring ${store.path.value}${store.setting ? ` (${store.setting})` : ''} is a z/OS RACF key ring, not a file of the tree`;
    // Said as what it is (`… is the X.509-SVID of the SPIFFE Workload API (proxy_ssl_spiffe)`), not as a file name.
    if (store.fetchedAtRunTime)
        return `${owner}'s ${role} is ${store.path.value}${store.setting ? ` (${store.setting})` : ''}, fetched when it runs: not a file of the tree`;
    const cms = store.type?.value === 'CMS';
    const named = `${owner}'s ${cms ? 'key repository' : role} ${store.path.value}${store.setting ? ` (${store.setting})` : ''}`;
    // A placeholder only (`${KEYSTORE_PATH}`): the value is set where the component runs.
    if (why === 'missing' && /^\$\{[^}]+\}$/.test(store.path.value.trim()))
        return `${named} is a placeholder the tree does not resolve (set at run time): its file is unknown`;
    if (why === 'missing')
        return `${named} is not in the tree`;
    return cms
        ? `${named} is an IBM CMS key database (.kdb) of a layout lint-deploy does not read (export its certificates as PEM beside it: runmqakm -cert -extract)`
        : `${named} could not be read (no password tried opens it)`;
}
function placeOfStore(store) {
    return store.path.from.kind === 'file' ? store.path.from.location : undefined;
}
/** The JDK's cacerts when the tree holds the JDK the component runs (its `release` file's directory). */
function treeCacerts(all, component) {
    const from = component.runtime?.version.from;
    if (from?.kind !== 'file' || path.basename(from.location.file) !== 'release')
        return undefined;
    const home = path.dirname(from.location.file);
    const candidates = [
        path.join(home, 'lib', 'security', 'cacerts'),
        path.join(home, 'jre', 'lib', 'security', 'cacerts'),
    ];
    return candidates.find((file) => all.some((c) => c.doc.file.path === file));
}
/**
 * The anchors a verifier trusts: its trust store, else its default — the JDK's cacerts (known when the tree
 * holds that JDK's cacerts), the system's CA store (never known). `alsoDefault`: the JDK's cacerts are
 * trusted besides the trust store (Liberty trustDefaultCerts="true"), so a missing anchor is not decisive.
 */
function anchorsOf(all, component, unreadable) {
    const trust = component.tls?.trust;
    const store = trust?.trustStore;
    const jsse = (0, exports.verifierStack)(component) === 'jsse';
    if (trust?.unknown)
        return {
            anchors: [],
            source: { kind: 'unsettled', why: trust.unknown.why, related: trust.unknown.related },
            from: trust.unknown.at,
        };
    if (store) {
        const from = placeOfStore(store);
        if (!store.file)
            return { anchors: [], source: { kind: 'outside-tree', store }, from };
        if (unreadable.has(store.file))
            return { anchors: [], source: { kind: 'unreadable', store }, from };
        return {
            anchors: (0, stores_1.trustedInStore)(all, store.file, jsse),
            source: { kind: 'store', store, file: store.file },
            from,
            alsoDefault: trust?.defaultTrust === 'jdk-cacerts',
        };
    }
    if (trust?.trustsNothing)
        return { anchors: [], source: { kind: 'nothing', why: trust.trustsNothing.why }, from: trust.trustsNothing.at };
    if (trust?.defaultTrust === 'jdk-cacerts' || (jsse && trust?.defaultTrust !== 'none')) {
        const cacerts = treeCacerts(all, component);
        if (cacerts)
            return {
                anchors: (0, stores_1.trustedInStore)(all, cacerts, true),
                source: {
                    kind: 'store',
                    store: { path: { value: cacerts, from: { kind: 'default', origin: "the JDK's cacerts" } }, file: cacerts },
                    file: cacerts,
                },
            };
        // The image's keytool adds certificates of the tree (the first of each file): known anchors among unknown ones.
        const added = (trust?.cacertsAdded ?? []).flatMap((a) => all.filter((c) => c.doc.file.path === a.file && !c.store).slice(0, 1));
        // The image copies a key store of the tree over the JDK's cacerts: its certificates are the anchors.
        const replaced = trust?.cacertsReplaced;
        if (replaced) {
            const store = {
                path: { value: replaced.path, from: { kind: 'file', location: replaced.at } },
                file: replaced.file,
                copiedBy: replaced.at,
            };
            if (unreadable.has(replaced.file))
                return { anchors: [], source: { kind: 'unreadable', store }, from: replaced.at };
            // JDK 17.0.15 here: the JDK opens cacerts with javax.net.ssl.trustStorePassword, else with no password, and a
            // PKCS#12 whose certificates a password encrypts then yields none ("the trustAnchors parameter must be non-empty").
            if (replaced.encrypted && !component.runtime?.systemProperties['javax.net.ssl.trustStorePassword'])
                return {
                    anchors: [],
                    source: {
                        kind: 'unsettled',
                        why: `${component.name}'s image replaces its JDK's cacerts with ${path.join(path.basename(path.dirname(replaced.file)), path.basename(replaced.file))}, a PKCS#12 store whose certificates a password encrypts; the JDK opens cacerts without a password unless -Djavax.net.ssl.trustStorePassword gives one, then reads none of them and its TLS connections fail with "the trustAnchors parameter must be non-empty" (JDK 17). Give the password, or copy a JKS or password-less PKCS#12 store`,
                        related: [
                            { file: replaced.file, message: `${component.name}'s image copies this store over its JDK's cacerts` },
                        ],
                    },
                    from: replaced.at,
                };
            const anchors = [...(0, stores_1.trustedInStore)(all, replaced.file, true), ...added];
            return replaced.merged
                ? { anchors, source: { kind: 'jdk-cacerts' }, from: replaced.at, alsoDefault: true }
                : { anchors, source: { kind: 'store', store, file: replaced.file }, from: replaced.at };
        }
        if (added.length)
            return { anchors: added, source: { kind: 'jdk-cacerts' }, from: trust?.cacertsAdded?.[0]?.at, alsoDefault: true };
        return { anchors: [], source: { kind: 'jdk-cacerts' } };
    }
    if (trust?.defaultTrust === 'system')
        return { anchors: [], source: { kind: 'system' } };
    return { anchors: [] };
}
/**
 * The CA names a server lists in its CertificateRequest: a JSSE server its anchors' subjects; nginx the
 * certificates of ssl_client_certificate, none with ssl_trusted_certificate alone (then any client key goes).
 */
function listedIssuers(server, anchors) {
    if ((0, types_1.isNginx)(server) && server.attributes.storeDirectives && !server.attributes.storeDirectives.ssl_client_certificate)
        return new Set();
    return new Set(anchors.map((a) => a.cert.subjectText));
}
