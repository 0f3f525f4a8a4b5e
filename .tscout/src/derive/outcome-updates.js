"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.verdictOf = verdictOf;
exports.updatesDeciding = updatesDeciding;
exports.negotiatedByUpdate = negotiatedByUpdate;
exports.updatesText = updatesText;
exports.byUpdateText = byUpdateText;
/**
 * A prediction's verdict in words, without the ends' names: what the lists decide, the protocol and suite included (rules
 * and the graph read them), and for a failure its reason and who aborts.
 */
function verdictOf(p) {
    if (p.ok)
        return `negotiates ${p.protocol} ${p.cipherSuite}`;
    const alert = p.alert === 'none' ? '' : ` with ${p.alert}`;
    return `fails: ${p.reason.replace(/-/g, ' ')} (the ${p.failingSide} aborts${alert})`;
}
/** What a verdict says of success: every negotiation is one answer (its protocol and suite are `byUpdate`'s). */
const successOrFailure = (verdict) => (verdict.startsWith('negotiates ') ? 'negotiates' : verdict);
/** The end's spans other than the drawn one (the last), as changes to its side. */
const otherSpans = (end, role) => (end.updates?.candidates.slice(0, -1) ?? []).map((c) => ({ role, patch: c.patch }));
/**
 * What to declare for each end whose update decides the verdict in one of `worlds` (the combinations of the other
 * candidates the outcome checks, the drawn one first): one end's spans first, then both ends' together.
 */
function updatesDeciding(client, server, worlds, verdict) {
    const drawn = { patch: {} };
    const clientSpans = otherSpans(client, 'client');
    const serverSpans = otherSpans(server, 'server');
    const pairs = [
        ...clientSpans.map((c) => [c, drawn]),
        ...serverSpans.map((s) => [drawn, s]),
        ...clientSpans.flatMap((c) => serverSpans.map((s) => [c, s])),
    ];
    const deciding = new Set();
    for (const [c = drawn, s = drawn] of pairs) {
        const roles = [c.role, s.role].filter((r) => r !== undefined);
        if (roles.some((r) => deciding.has(r)))
            continue;
        const differs = worlds.some((w) => successOrFailure(verdict({ ...w.client, ...c.patch }, { ...w.server, ...s.patch })) !==
            successOrFailure(verdict(w.client, w.server)));
        if (differs)
            for (const r of roles)
                deciding.add(r);
    }
    return [...deciding].map((role) => role === 'client'
        ? updateMissing(client, (patch) => verdict({ ...client.side, ...patch }, server.side))
        : updateMissing(server, (patch) => verdict(client.side, { ...server.side, ...patch })));
}
/** `8 GA to 8u271`, `8u291 and later`, `17.0.18`. */
const spanText = (first, last) => last.last === undefined
    ? `${first.first} and later`
    : first.first === last.last
        ? first.first
        : `${first.first} to ${last.last}`;
/** The end's update, unknown: the spans grouped by the verdict each gives against the other end as drawn. */
function updateMissing(end, verdictWith) {
    const { jdk, feature, since, candidates } = end.updates ?? { jdk: 'JDK', feature: 0, candidates: [] };
    const groups = [];
    for (const candidate of candidates) {
        const verdict = verdictWith(candidate.patch);
        const group = groups.at(-1);
        if (group?.verdict === verdict)
            group.last = candidate;
        else
            groups.push({ first: candidate, last: candidate, verdict });
    }
    const spans = groups.map((g, i) => {
        const before = groups[i - 1]?.last;
        const change = before ? listChange(before.patch, g.first.patch, end.role) : '';
        return `${spanText(g.first, g.last)}${change ? ` (${change})` : ''}: ${g.verdict}`;
    });
    const how = groups.length > 1
        ? `the handshake differs between its updates: ${spans.join('; ')}`
        : "the handshake differs between its updates together with the other end's";
    const first = since ? `, its images starting at ${since},` : '';
    return `the ${jdk} update that runs ${end.component.name} (the name gives Java ${feature} without its update${first}, and ${how}; declare the update, e.g. a tag or path that names it)`;
}
/** What a span changes in an end's lists, in words: `they offer TLSv1.3, TLSv1.2`, `they drop TLS_RSA_… and 9 more`. */
function listChange(before, after, role) {
    const parts = [];
    const protocols = after.protocols ?? [];
    if ((before.protocols ?? []).join() !== protocols.join())
        parts.push(`${role === 'client' ? 'offer' : 'accept'} ${protocols.join(', ') || 'no protocol'} by default`);
    const had = new Set(before.cipherSuites);
    const has = new Set(after.cipherSuites);
    const dropped = (before.cipherSuites ?? []).filter((s) => !has.has(s));
    const added = (after.cipherSuites ?? []).filter((s) => !had.has(s));
    if (dropped.length)
        parts.push(`drop ${few(dropped)}`);
    if (added.length)
        parts.push(`add ${few(added)}`);
    if (before.serverOrderWins !== after.serverOrderWins)
        parts.push(after.serverOrderWins ? 'pick the suite by their own order' : "pick the suite by the client's order");
    return parts.length ? `they ${parts.join(', ')}` : '';
}
const few = (suites) => suites.length <= 2 ? suites.join(' and ') : `${suites[0] ?? ''} and ${suites.length - 1} more suites`;
/**
 * What each combination of the ends' update spans negotiates, when every one negotiates and they differ in protocol or
 * suite; undefined when they all agree (or one fails: then the outcome is not `negotiates`).
 */
function negotiatedByUpdate(client, server, negotiated) {
    const spans = (end) => end.updates?.candidates.map((c, i) => ({ i, patch: c.patch })) ?? [undefined];
    const out = [];
    for (const c of spans(client))
        for (const s of spans(server)) {
            const p = negotiated({ ...client.side, ...c?.patch }, { ...server.side, ...s?.patch });
            if (!p)
                return undefined;
            const { protocol, cipherSuite, decidedBy } = p;
            out.push({ ...(c ? { client: c.i } : {}), ...(s ? { server: s.i } : {}), protocol, cipherSuite, decidedBy });
        }
    const first = out[0];
    const same = out.every((r) => r.protocol === first?.protocol && r.cipherSuite === first.cipherSuite);
    return same ? undefined : out;
}
/** An end's spans (indexes into its candidates) in words: `11.0.12 to 11.0.20, 11.0.25 and later`. */
function spansText(end, indexes) {
    const candidates = end.updates?.candidates ?? [];
    const runs = [];
    for (const i of [...new Set(indexes)].sort((a, b) => a - b)) {
        const run = runs.at(-1);
        if (run?.last === i - 1)
            run.last = i;
        else
            runs.push({ first: i, last: i });
    }
    return runs
        .flatMap(({ first, last }) => {
        const [from, to] = [candidates[first], candidates[last]];
        return from && to ? [spanText(from, to)] : [];
    })
        .join(', ');
}
/**
 * The updates some combinations of spans stand for, in words: `Java application (client) on 11.0.12 with Spring Boot
 * HTTPS server (…) on 11.0.21 and later`; an end all of whose spans are in a group is left out of it.
 */
function updatesText(client, server, results) {
    const all = (end) => (end.updates?.candidates ?? []).map((_, i) => i);
    const onServer = new Map();
    for (const r of results)
        onServer.set(r.client, [...(onServer.get(r.client) ?? []), ...(r.server === undefined ? [] : [r.server])]);
    // Client spans with the same server spans, together.
    const groups = new Map();
    for (const [c, servers] of onServer) {
        const key = [...new Set(servers)].sort((a, b) => a - b).join();
        const group = groups.get(key) ?? { clients: [], servers: [...new Set(servers)] };
        if (c !== undefined)
            group.clients.push(c);
        groups.set(key, group);
    }
    const side = (end, indexes) => end.updates && indexes.length > 0 && indexes.length < all(end).length
        ? `${end.component.name} on ${spansText(end, indexes)}`
        : undefined;
    return [...groups.values()]
        .map((g) => [side(client, g.clients), side(server, g.servers)].filter(Boolean).join(' with '))
        .filter(Boolean)
        .join('; or ');
}
/**
 * What a link that negotiates on every update negotiates on which, in words: `by update: TLSv1.3 TLS_AES_128_GCM_SHA256
 * with …; TLSv1.3 TLS_AES_256_GCM_SHA384 otherwise`.
 */
function byUpdateText(client, server, results) {
    const answers = new Map();
    for (const r of results) {
        const key = `${r.protocol} ${r.cipherSuite}`;
        answers.set(key, [...(answers.get(key) ?? []), r]);
    }
    const last = results.at(-1);
    const drawn = last ? `${last.protocol} ${last.cipherSuite}` : '';
    const others = [...answers]
        .filter(([key]) => key !== drawn)
        .map(([key, rs]) => `${key} with ${updatesText(client, server, rs)}`);
    return `by update: ${[...others, `${drawn} otherwise`].join('; ')}`;
}
