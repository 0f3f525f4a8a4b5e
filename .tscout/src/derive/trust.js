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
exports.storeUnknown = void 0;
exports.deriveTrust = deriveTrust;
const path = __importStar(require("node:path"));
const chain_1 = require("./chain");
const trust_ends_1 = require("./trust-ends");
Object.defineProperty(exports, "storeUnknown", { enumerable: true, get: function () { return trust_ends_1.storeUnknown; } });
/**
 * The path failures httpd's optional_no_ca forgives: its verify callback accepts X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT,
 * SELF_SIGNED_CERT_IN_CHAIN, UNABLE_TO_GET_ISSUER_CERT_LOCALLY, CERT_UNTRUSTED and UNABLE_TO_VERIFY_LEAF_SIGNATURE
 * (mod_ssl's ssl_verify_error_is_optional), that is an issuer nobody trusts or nobody sends.
 */
const UNKNOWN_ISSUER = new Set(['no-anchor', 'missing-intermediate']);
/**
 * The key usage bit the negotiated key exchange needs of the server's leaf (JSSE EndEntityChecker). An EC
 * key signs in every suite JDK 17 enables (ECDHE_ECDSA, TLS 1.3): digitalSignature, whatever the suite.
 */
function serverKeyUsageFor(prediction, leaf) {
    const p = prediction?.prediction;
    if (leaf?.cert.keyType === 'EC' && !(p?.ok && /^TLS_ECDH_/.test(p.cipherSuite)))
        return 'digitalSignature';
    if (!p?.ok)
        return undefined;
    if (p.protocol === 'TLSv1.3' || /^(TLS|SSL)_(EC)?DHE_/.test(p.cipherSuite))
        return 'digitalSignature';
    if (/^(TLS|SSL)_RSA_/.test(p.cipherSuite))
        return 'keyEncipherment';
    if (/^TLS_ECDH_/.test(p.cipherSuite))
        return 'keyAgreement';
    return undefined;
}
/** OpenSSL's verify depth for the component: nginx's ssl_verify_depth (default 1), else no limit modelled. */
function verifyDepthOf(component) {
    const depth = component.tls?.trust?.verifyDepth?.value;
    if (depth !== undefined)
        return depth;
    return component.type.startsWith('nginx') ? 1 : undefined;
}
function judge(signed, all, chain, anchors, verifier, purpose, serverKeyUsage) {
    const stack = (0, trust_ends_1.verifierStack)(verifier);
    if (!stack)
        return {
            kind: 'unknown',
            missing: `how ${verifier.name} (${verifier.tls?.implementation ?? 'unknown stack'}) validates certificates is not modelled`,
        };
    const result = (0, chain_1.validatePath)({
        presented: chain.map((c) => c.cert),
        anchors: anchors.map((c) => c.cert),
        elsewhere: uniqueCerts(all),
        stack,
        purpose,
        verifyDepth: stack === 'openssl' ? verifyDepthOf(verifier) : undefined,
        serverKeyUsage,
        signed,
        // Only a server checking its clients: revocation of a server's certificate is the client's own setting.
        ...(purpose === 'clientAuth' && verifier.tls?.trust?.revocationWithoutSource
            ? { revocationWithoutSource: verifier.tls.trust.revocationWithoutSource.why }
            : {}),
    });
    return result.ok ? { kind: 'trusted', result } : { kind: 'untrusted', result };
}
function uniqueCerts(all) {
    const seen = new Map();
    for (const c of all)
        if (!seen.has(c.cert.fingerprintSha256))
            seen.set(c.cert.fingerprintSha256, c.cert);
    return [...seen.values()];
}
/** Checks one direction once the presented chain(s) and anchors are known. */
function check(signed, tree, direction, verifier, peer, prediction) {
    const { all, unreadable } = tree;
    const own = (0, trust_ends_1.ownChain)(all, tree.presented, peer, unreadable);
    const { anchors, source, from: anchorsFrom, alsoDefault } = (0, trust_ends_1.anchorsOf)(all, verifier, unreadable);
    const base = {
        direction,
        verifier,
        peer,
        stack: (0, trust_ends_1.verifierStack)(verifier),
        presentedFrom: own.from,
        presentedStore: own.store,
        anchors,
        anchorSource: source,
        anchorsFrom,
    };
    const purpose = direction === 'server' ? 'serverAuth' : 'clientAuth';
    let chains = own.chains;
    if (direction === 'client' && own.chains.length > 0 && !own.missing) {
        // JSSE's key manager offers only a key whose chain has an issuer the server lists (CertificateRequest
        // certificate_authorities: the subjects of the server's anchors); with none, it sends no certificate.
        const listed = (0, trust_ends_1.listedIssuers)(verifier, anchors);
        if (source?.kind === 'store' && !alsoDefault && listed.size > 0 && (0, trust_ends_1.verifierStack)(peer) === 'jsse') {
            chains = own.chains.filter((chain) => chain.some((c) => listed.has(c.cert.issuerText)));
            if (chains.length === 0)
                return {
                    ...base,
                    presented: [],
                    verdict: {
                        kind: 'no-certificate',
                        why: 'no-issuer-match',
                        candidates: own.chains.flatMap((c) => c.slice(0, 1)),
                    },
                };
        }
    }
    if (own.missing)
        return { ...base, presented: [], verdict: { kind: 'unknown', missing: own.missing } };
    const [presented, ...otherChains] = chains;
    if (!presented) {
        // A client whose key store holds no key entry sends none. Without any key store configured, only a Java
        // application (JSSE's default key manager is empty without javax.net.ssl.keyStore) and an nginx proxy
        // (no proxy_ssl_certificate) are known to have none; a WAS/Liberty JMS factory or an MQ client may take it
        // from configuration the tree does not hold.
        const ownClientKey = peer.type === 'java.app' ? peer.attributes.ownClientKey : undefined;
        const unsettled = peer.tls?.trust?.unknown;
        if (direction === 'client' && unsettled && !peer.tls?.trust?.keyStore)
            return { ...base, presented: [], verdict: { kind: 'unknown', missing: unsettled.why } };
        if (direction === 'client' && !peer.tls?.trust?.keyStore && ownClientKey)
            return {
                ...base,
                presented: [],
                verdict: { kind: 'unknown', missing: `which key ${peer.name} presents: ${ownClientKey}` },
            };
        if (direction === 'client' &&
            (peer.tls?.trust?.keyStore || peer.type === 'java.app' || peer.type === 'nginx.proxy'))
            return { ...base, presented: [], verdict: { kind: 'no-certificate', why: 'none-configured', candidates: [] } };
        if (direction === 'client')
            return {
                ...base,
                presented: [],
                verdict: { kind: 'unknown', missing: `where ${peer.name}'s key store is configured (the tree names none)` },
            };
        return {
            ...base,
            presented: [],
            verdict: { kind: 'unknown', missing: `the certificate ${peer.name} presents is not in the tree` },
        };
    }
    if (source?.kind === 'unsettled')
        return { ...base, presented, verdict: { kind: 'unknown', missing: source.why } };
    if (source?.kind === 'outside-tree')
        return {
            ...base,
            presented,
            verdict: {
                kind: 'unknown',
                missing: (0, trust_ends_1.storeUnknown)(verifier.name, source.store, 'trust store', 'missing'),
            },
        };
    if (source?.kind === 'unreadable')
        return {
            ...base,
            presented,
            verdict: {
                kind: 'unknown',
                missing: (0, trust_ends_1.storeUnknown)(verifier.name, source.store, 'trust store', 'unreadable'),
            },
        };
    if (source?.kind === 'jdk-cacerts' && anchors.length === 0) {
        return {
            ...base,
            presented,
            verdict: {
                kind: 'unknown',
                missing: `${verifier.name} names no trust store: it trusts its JDK's cacerts, which the tree does not hold (declare -Djavax.net.ssl.trustStore or add the store)`,
            },
        };
    }
    if (source?.kind === 'system')
        return {
            ...base,
            presented,
            verdict: {
                kind: 'unknown',
                missing: `${verifier.name} trusts the system's CA store, which the tree does not hold`,
            },
        };
    if (!source)
        return {
            ...base,
            presented,
            verdict: { kind: 'unknown', missing: `${verifier.name} has no trust store configured` },
        };
    const judgeChain = (chain) => judge(signed, all, chain, anchors, verifier, purpose, direction === 'server' ? serverKeyUsageFor(prediction, chain[0]) : undefined);
    const verdict = judgeChain(presented);
    // Several key entries and no alias: the stack picks one; the verdict stands only when all agree.
    if (otherChains.map(judgeChain).some((v) => v.kind !== verdict.kind)) {
        return {
            ...base,
            presented,
            verdict: {
                kind: 'unknown',
                missing: `${peer.name}'s key store holds several key entries and its configuration names no alias: which one it presents decides`,
            },
        };
    }
    // The JDK's cacerts are trusted too (not in the tree): a path that found no anchor may still find one there.
    if (alsoDefault &&
        verdict.kind === 'untrusted' &&
        (verdict.result.reason === 'no-anchor' || verdict.result.reason === 'missing-intermediate')) {
        return {
            ...base,
            presented,
            verdict: {
                kind: 'unknown',
                missing: source?.kind === 'jdk-cacerts'
                    ? `${verifier.name} trusts its JDK's cacerts, which the tree does not hold; the certificates its image adds to them (${anchors.map((a) => path.basename(a.doc.file.path)).join(', ')}) do not issue this chain`
                    : `${verifier.name} trusts the JDK's cacerts besides its trust store, and the tree does not hold them`,
            },
        };
    }
    return { ...base, presented, verdict };
}
/**
 * Trust per resolved link whose two ends have TLS settings. `unreadable`: store files in the tree whose
 * certificates could not be read; a verdict resting on one is unknown. `memo`: the run's, so a signature
 * is verified once per run.
 */
function deriveTrust(all, presented, links, unreadable = new Set(), memo) {
    const out = [];
    const signed = (0, chain_1.signatureCheck)(memo);
    const tree = { all, presented, unreadable };
    for (const { link, server, predicted, ...ends } of links) {
        // A client that calls this server with stores of its own (a MicroProfile Rest Client's trust store).
        const client = link.clientTrust && ends.client.tls
            ? { ...ends.client, tls: { ...ends.client.tls, trust: link.clientTrust } }
            : ends.client;
        if (!client.tls || !server.tls || client.tls.enabled?.value === false || server.tls.enabled?.value === false)
            continue;
        // An anonymous suite sends no certificate at all: nothing to check.
        if (predicted?.prediction.ok && /_anon_/i.test(predicted.prediction.cipherSuite))
            continue;
        const clientAuth = server.tls.clientAuth?.value ?? 'none';
        // A client that does not verify its peer (nginx proxy_ssl_verify off) accepts any certificate: nothing to judge.
        const checked = client.tls.trust?.verifiesPeer?.value === false
            ? undefined
            : check(signed, tree, 'server', client, server, predicted);
        // httpd's optional_no_ca accepts a chain it cannot take to an anchor: only a path it trusts is judged further.
        const serverCertificate = client.tls.trust?.acceptsUnknownIssuer && checked?.verdict.kind !== 'trusted' ? undefined : checked;
        const unanchoredServerCertificate = client.tls.trust?.acceptsUnknownIssuer &&
            checked?.verdict.kind === 'untrusted' &&
            UNKNOWN_ISSUER.has(checked.verdict.result.reason)
            ? checked
            : undefined;
        const clientCertificate = clientAuth === 'none' ? undefined : check(signed, tree, 'client', server, client, predicted);
        out.push({
            link,
            client,
            server,
            clientAuth,
            ...(serverCertificate ? { serverCertificate } : {}),
            ...(clientCertificate ? { clientCertificate } : {}),
            ...(unanchoredServerCertificate ? { unanchoredServerCertificate } : {}),
        });
    }
    return out;
}
