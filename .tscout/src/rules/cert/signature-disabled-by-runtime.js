"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.violation = violation;
const knowledge_1 = require("../../knowledge");
const sources_1 = require("../_lib/sources");
const types_1 = require("../types");
const presented_1 = require("./_lib/presented");
const shared_1 = require("./_lib/shared");
const phrase_1 = require("../../core/phrase");
/**
 * The JDK's certpath constraints for a runtime: a java.security in the tree, else the version default.
 * The lists are pure in the JDK and the override's value, the same in every environment of a fleet: asked
 * once per run (`memo`); only where the override is set differs.
 */
function certpathConstraints(runtime, memo) {
    const override = runtime.securityProperties['jdk.certpath.disabledAlgorithms'];
    const constraints = memo.get('cert/signature-disabled-by-runtime', `${runtime.vendor.value}\u0000${runtime.version.value}\u0000${override ? `=${override.value}` : ''}`, () => constraintsOf(runtime.vendor.value, runtime.version.value, override?.value));
    if (!constraints || !override)
        return constraints;
    const where = override.from.kind === 'file' ? `set in ${override.from.location.file}` : 'set by configuration';
    return { ...constraints, from: where };
}
function constraintsOf(vendor, versionText, override) {
    const version = (0, knowledge_1.parseJavaVersion)(versionText);
    const jdk = version ? (0, knowledge_1.formatJdk)(vendor, version) : `${vendor} ${versionText}`.trim();
    if (override !== undefined)
        return { entries: (0, knowledge_1.splitAlgorithmList)(override), jdk, from: '' };
    const profile = version ? (0, knowledge_1.jdkProfile)(vendor, version) : undefined;
    if (!profile)
        return undefined;
    const fact = profile.certpathDisabledAlgorithms;
    return { entries: fact.value, jdk, from: `the ${jdk} default${fact.confidence === 'inferred' ? ' (inferred)' : ''}` };
}
/** SunJSSE's AlgorithmDecomposer for a signature algorithm: `SHA1withRSA` → SHA1withRSA, SHA1, SHA-1, RSA. */
function signatureParts(algorithm) {
    const parts = [algorithm];
    const m = /^(\w+?)with(\w+?)(?:and\w+)?$/i.exec(algorithm);
    if (m) {
        const digest = m[1].toUpperCase();
        parts.push(digest, m[2]);
        const sha = /^SHA-?(\d+)$/.exec(digest);
        if (sha)
            parts.push(sha[1] === '1' ? 'SHA-1' : `SHA-${sha[1]}`, `SHA${sha[1]}`);
        if (/^ECDSA$/i.test(m[2]))
            parts.push('EC');
    }
    return parts.map((p) => p.toUpperCase());
}
const KEY_SIZE = /^keySize\s*(<=|<|==|!=|>=|>)\s*(\d+)$/i;
function compare(op, actual, limit) {
    return op === '<'
        ? actual < limit
        : op === '<='
            ? actual <= limit
            : op === '=='
                ? actual === limit
                : op === '!='
                    ? actual !== limit
                    : op === '>='
                        ? actual >= limit
                        : actual > limit;
}
/**
 * The first disabledAlgorithms entry that rejects this certificate when validated as `usage`
 * (`TLSServer` when a client checks a server, `TLSClient` for client certificates). `jdkCA` entries
 * only bite on chains anchored in the JDK's cacerts: the tree cannot show that, so they are not applied.
 * The signature of a self-signed certificate is not checked (it is the trust anchor).
 */
function violation(c, entries, usage, now = new Date()) {
    const sigParts = signatureParts(c.cert.signatureAlgorithm);
    for (const raw of entries) {
        const [head = '', ...constraints] = raw.split('&').map((s) => s.trim()); // split gives at least one part
        if (/^include\s/i.test(head))
            continue;
        const [algorithm = '', ...rest] = head.split(/\s+/);
        const all = [rest.join(' '), ...constraints].filter(Boolean);
        let keySize;
        let applies = true;
        for (const constraint of all) {
            const size = KEY_SIZE.exec(constraint);
            if (size)
                keySize = size;
            else if (/^jdkCA$/i.test(constraint))
                applies = false;
            else if (/^usage\s/i.test(constraint))
                applies &&= constraint
                    .split(/\s+/)
                    .slice(1)
                    .some((u) => u.toLowerCase() === usage.toLowerCase());
            else if (/^denyAfter\s/i.test(constraint))
                applies &&= now > new Date(constraint.split(/\s+/)[1] ?? '');
            else
                applies = false; // unknown constraint: do not guess
        }
        if (!applies)
            continue;
        const name = algorithm.toUpperCase();
        if (keySize) {
            const type = c.cert.keyType === 'EC' ? ['EC', 'ECDSA'] : [c.cert.keyType];
            if (c.cert.keyBits && type.includes(name) && compare(keySize[1], c.cert.keyBits, Number(keySize[2])))
                return { kind: 'key', entry: raw, algorithm: c.cert.keyType, bits: c.cert.keyBits };
            continue;
        }
        if (!c.cert.selfSigned && sigParts.includes(name))
            return { kind: 'signature', entry: raw, algorithm: c.cert.signatureAlgorithm };
    }
    return undefined;
}
function checksFor(deployment) {
    const checks = [];
    for (const { client, server } of (0, presented_1.resolvedLinks)(deployment)) {
        checks.push({ presenter: server, validator: client, usage: 'TLSServer' });
        const auth = server.tls?.clientAuth?.value;
        if (auth === 'required' || auth === 'optional')
            checks.push({ presenter: client, validator: server, usage: 'TLSClient' });
    }
    return checks;
}
const SYMPTOMS = "'java.security.cert.CertPathValidatorException: Algorithm constraints check failed on {{what}}' (javax.net.ssl.SSLHandshakeException: PKIX path validation failed; older JDKs: 'Certificates do not conform to algorithm constraints')";
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'cert/signature-disabled-by-runtime',
        description: "Report certificates whose signature algorithm or key size the validating peer's JDK disables in jdk.certpath.disabledAlgorithms",
        severity: 'error',
        messages: {
            signature: `{{dn}} presented by {{presenter}} is signed with {{algorithm}}, which {{jdk}} on {{validator}} disables for certificate paths (jdk.certpath.disabledAlgorithms entry '{{entry}}', {{from}}): the handshake fails with ${SYMPTOMS}. Re-issue the certificate signed with SHA256withRSA (or stronger)`,
            key: `{{dn}} presented by {{presenter}} has a {{bits}}-bit {{algorithm}} key, which {{jdk}} on {{validator}} disables for certificate paths (jdk.certpath.disabledAlgorithms entry '{{entry}}', {{from}}): the handshake fails with ${SYMPTOMS}. Re-issue the certificate with a 2048-bit (or larger) key`,
        },
        defaultOptions: {},
        symptoms: [
            'Algorithm constraints check failed on signature algorithm',
            'Algorithm constraints check failed on keysize limits',
            'Certificates do not conform to algorithm constraints',
            'CertPathValidatorException',
        ],
    },
    check(ctx) {
        const seen = new Set();
        for (const { presenter, validator, usage } of checksFor(ctx.deployment)) {
            const runtime = (0, presented_1.javaRuntimeOf)(ctx.deployment, validator);
            if (!runtime)
                continue;
            const constraints = certpathConstraints(runtime, ctx.memo);
            if (!constraints)
                continue;
            for (const c of (0, presented_1.presentedCertificates)(ctx.deployment, presenter)) {
                const found = violation(c, constraints.entries, usage);
                if (!found)
                    continue;
                const key = `${c.cert.fingerprintSha256}|${validator.id}`;
                if (seen.has(key))
                    continue;
                seen.add(key);
                const from = constraints.from.startsWith('set in ')
                    ? `set in ${(0, presented_1.displayPath)(ctx.cwd, constraints.from.slice(7))}`
                    : constraints.from;
                ctx.report({
                    messageId: found.kind,
                    data: {
                        dn: (0, shared_1.certName)(c),
                        presenter: presenter.name,
                        validator: validator.name,
                        jdk: constraints.jdk,
                        entry: found.entry,
                        from,
                        algorithm: found.algorithm,
                        what: found.kind === 'signature'
                            ? (0, phrase_1.said) `signature algorithm: ${found.algorithm}`
                            : (0, phrase_1.said) `keysize limits: ${found.algorithm} ${found.kind === 'key' ? found.bits : ''} bit key`,
                        ...(found.kind === 'key' ? { bits: found.bits } : {}),
                    },
                    location: { file: c.doc.file.path, range: c.cert.range },
                    related: (0, sources_1.withSources)({ file: c.doc.file.path }, [
                        { ...(0, presented_1.certificateReference)(presenter), message: (0, phrase_1.said) `${presenter.name} presents this certificate` },
                        { ...validator.location, message: (0, phrase_1.said) `${validator.name} validates it with ${constraints.jdk}` },
                    ], (0, sources_1.runtimeSources)(runtime, validator.name, ['jdk.certpath.disabledAlgorithms'])),
                    fingerprint: [c.cert.fingerprintSha256, validator.id, found.entry],
                });
            }
        }
    },
});
