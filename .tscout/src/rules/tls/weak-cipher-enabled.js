"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.categorise = categorise;
const derive_1 = require("../../derive/derive");
const links_1 = require("../../handshake/links");
const suites_1 = require("../../handshake/suites");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/** In order: a suite counts in the first category it matches (TLS_RSA_WITH_3DES_EDE_CBC_SHA is 3DES, not static RSA). */
const WEAKNESSES = [
    {
        category: 'NULL-cipher',
        level: 'warning',
        why: 'no encryption: data crosses the network in clear text',
        test: (f) => f.flags.null,
    },
    {
        category: 'anonymous (anon)',
        level: 'warning',
        why: 'no server authentication: anyone in the path can intercept',
        test: (f) => f.flags.anon,
    },
    {
        category: 'export-grade',
        level: 'warning',
        why: '40/56-bit keys are broken (FREAK, Logjam)',
        test: (f) => f.flags.export,
    },
    { category: 'RC4', level: 'warning', why: 'RFC 7465 prohibits RC4', test: (f) => f.flags.rc4 },
    { category: 'single-DES', level: 'warning', why: '56-bit DES is broken', test: (f) => f.flags.des },
    {
        category: '3DES',
        level: 'warning',
        why: '64-bit blocks make long sessions recoverable (Sweet32)',
        test: (f) => f.flags.tripleDes,
    },
    {
        category: 'static-RSA',
        level: 'info',
        why: 'RSA key exchange has no forward secrecy',
        test: (f) => f.flags.staticRsa,
    },
    {
        category: 'CBC-with-SHA1',
        level: 'info',
        why: 'MAC-then-encrypt CBC invites padding oracles (Lucky13) and SHA-1 is being retired',
        test: (f) => f.flags.cbc && f.flags.sha1Mac,
    },
];
/** Names shown in a message before "(+N more)". */
const SHOWN = 3;
function categorise(names) {
    const groups = new Map();
    for (const name of names) {
        const facts = (0, suites_1.suiteFacts)(name);
        const weakness = facts && WEAKNESSES.find((w) => w.test(facts));
        if (!facts || !weakness)
            continue;
        const list = groups.get(weakness) ?? [];
        if (!list.includes(facts.name))
            list.push(facts.name);
        groups.set(weakness, list);
    }
    return WEAKNESSES.filter((w) => groups.has(w)).map((weakness) => ({ weakness, suites: groups.get(weakness) }));
}
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'tls/weak-cipher-enabled',
        description: 'Warn about NULL, anon, export, RC4, DES and 3DES suites in a configured cipher list; static RSA and CBC-SHA1 as info (one finding per component and category)',
        severity: 'warning',
        messages: {
            weak: '{{component}} enables {{count}} {{category}} {{suites}}: {{list}}. {{why}}. Fix: remove {{them}} and prefer ECDHE suites with AES-GCM or ChaCha20',
        },
        defaultOptions: {},
        symptoms: [],
    },
    check(ctx) {
        for (const component of ctx.deployment.components) {
            const suites = component.tls?.cipherSuites;
            if (!suites || suites.from.kind !== 'file' || component.tls?.enabled?.value === false)
                continue;
            // Every weak suite is one of TLS 1.2 or older: an end that speaks TLS 1.3 alone never negotiates them.
            const protocols = component.tls?.protocols?.value;
            if (protocols && protocols.length > 0 && protocols.every((p) => p === 'TLSv1.3'))
                continue;
            // A suite the runtime removes is never enabled: tls/cipher-disabled-by-runtime reports it ("listed, but dropped").
            const dropped = new Set(((0, derive_1.ownEndpoint)(ctx.deployment, component)?.disabledSuites ?? []).map((d) => (0, suites_1.canonicalSuiteName)(d.name)));
            const enabled = suites.value.filter((name) => !dropped.has((0, suites_1.canonicalSuiteName)(name)));
            for (const { weakness, suites: names } of categorise(enabled)) {
                const more = names.length > SHOWN ? `, … (+${names.length - SHOWN} more)` : '';
                ctx.report({
                    messageId: 'weak',
                    data: {
                        component: component.name,
                        count: names.length,
                        category: weakness.category,
                        suites: names.length === 1 ? (0, phrase_1.ours)('suite') : (0, phrase_1.ours)('suites'),
                        list: names.slice(0, SHOWN).join(', ') + more,
                        why: (0, phrase_1.ours)(weakness.why.charAt(0).toUpperCase() + weakness.why.slice(1)),
                        them: names.length === 1 ? (0, phrase_1.ours)('it') : (0, phrase_1.ours)('them'),
                    },
                    location: (0, links_1.placeOf)(component, suites.from),
                    severity: weakness.level === 'info' ? 'info' : undefined,
                    fingerprint: [component.id, weakness.category],
                });
            }
        }
    },
});
