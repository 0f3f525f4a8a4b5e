/**
 * A Java end whose JDK is named by its feature only (`FROM eclipse-temurin:17`) holds the lists of every span of
 * updates with other defaults (src/handshake/jsse-end.ts): a link's verdict stands only when every span gives the
 * same one (negotiates, or the same failure); otherwise the update is what the tree does not say, and the text names
 * where the verdict changes. When every span negotiates but the protocol or suite differs, the outcome says what each
 * combination of spans negotiates (`byUpdate`): success is certain, the suite is not.
 */
import type { Endpoint, UpdateCandidate } from '../handshake/endpoint';
import type { HandshakePrediction, HandshakeSide, HandshakeSuccess, NegotiatedOnUpdates } from '../handshake/types';

/** The verdict of a handshake between two sides (memoised by the caller). */
export type Verdict = (client: HandshakeSide, server: HandshakeSide) => string;

/**
 * A prediction's verdict in words, without the ends' names: what the lists decide, the protocol and suite included (rules
 * and the graph read them), and for a failure its reason and who aborts.
 */
export function verdictOf(p: HandshakePrediction): string {
  if (p.ok) return `negotiates ${p.protocol} ${p.cipherSuite}`;
  const alert = p.alert === 'none' ? '' : ` with ${p.alert}`;
  return `fails: ${p.reason.replace(/-/g, ' ')} (the ${p.failingSide} aborts${alert})`;
}

/** What a verdict says of success: every negotiation is one answer (its protocol and suite are `byUpdate`'s). */
const successOrFailure = (verdict: string) => (verdict.startsWith('negotiates ') ? 'negotiates' : verdict);

/** A side changed by a patch (keyed for the caller's memo). */
export type Patched = (side: HandshakeSide, patch: Partial<HandshakeSide>) => HandshakeSide;

type Role = 'client' | 'server';
interface Choice {
  role?: Role;
  patch: Partial<HandshakeSide>;
}

/** The end's spans other than the drawn one (the last), as changes to its side. */
const otherSpans = (end: Endpoint, role: Role): Choice[] =>
  (end.updates?.candidates.slice(0, -1) ?? []).map((c) => ({ role, patch: c.patch }));

/**
 * What to declare for each end whose update decides the verdict in one of `worlds` (the combinations of the other
 * candidates the outcome checks, the drawn one first): one end's spans first, then both ends' together.
 */
export function updatesDeciding(
  client: Endpoint,
  server: Endpoint,
  worlds: { client: HandshakeSide; server: HandshakeSide }[],
  verdict: Verdict,
  patched: Patched,
): string[] {
  const drawn: Choice = { patch: {} };
  const clientSpans = otherSpans(client, 'client');
  const serverSpans = otherSpans(server, 'server');
  const pairs = [
    ...clientSpans.map((c) => [c, drawn]),
    ...serverSpans.map((s) => [drawn, s]),
    ...clientSpans.flatMap((c) => serverSpans.map((s) => [c, s])),
  ];
  const deciding = new Set<Role>();
  for (const [c = drawn, s = drawn] of pairs) {
    const roles = [c.role, s.role].filter((r): r is Role => r !== undefined);
    if (roles.some((r) => deciding.has(r))) continue;
    const differs = worlds.some(
      (w) =>
        successOrFailure(verdict(patched(w.client, c.patch), patched(w.server, s.patch))) !==
        successOrFailure(verdict(w.client, w.server)),
    );
    if (differs) for (const r of roles) deciding.add(r);
  }
  return [...deciding].map((role) =>
    role === 'client'
      ? updateMissing(client, (patch) => verdict(patched(client.side, patch), server.side))
      : updateMissing(server, (patch) => verdict(client.side, patched(server.side, patch))),
  );
}

/** `8 GA to 8u271`, `8u291 and later`, `17.0.18`. */
const spanText = (first: UpdateCandidate, last: UpdateCandidate) =>
  last.last === undefined
    ? `${first.first} and later`
    : first.first === last.last
      ? first.first
      : `${first.first} to ${last.last}`;

/** The end's update, unknown: the spans grouped by the verdict each gives against the other end as drawn. */
function updateMissing(end: Endpoint, verdictWith: (patch: Partial<HandshakeSide>) => string): string {
  const { jdk, feature, since, candidates } = end.updates ?? { jdk: 'JDK', feature: 0, candidates: [] };
  const groups: { first: UpdateCandidate; last: UpdateCandidate; verdict: string }[] = [];
  for (const candidate of candidates) {
    const verdict = verdictWith(candidate.patch);
    const group = groups.at(-1);
    if (group?.verdict === verdict) group.last = candidate;
    else groups.push({ first: candidate, last: candidate, verdict });
  }
  const spans = groups.map((g, i) => {
    const before = groups[i - 1]?.last;
    const change = before ? listChange(before.patch, g.first.patch, end.role) : '';
    return `${spanText(g.first, g.last)}${change ? ` (${change})` : ''}: ${g.verdict}`;
  });
  const how =
    groups.length > 1
      ? `the handshake differs between its updates: ${spans.join('; ')}`
      : "the handshake differs between its updates together with the other end's";
  const first = since ? `, its images starting at ${since},` : '';
  return `the ${jdk} update that runs ${end.component.name} (the name gives Java ${feature} without its update${first}, and ${how}; declare the update, e.g. a tag or path that names it)`;
}

/** What a span changes in an end's lists, in words: `they offer TLSv1.3, TLSv1.2`, `they drop TLS_RSA_… and 9 more`. */
function listChange(before: Partial<HandshakeSide>, after: Partial<HandshakeSide>, role: Role): string {
  const parts: string[] = [];
  const protocols = after.protocols ?? [];
  if ((before.protocols ?? []).join() !== protocols.join())
    parts.push(`${role === 'client' ? 'offer' : 'accept'} ${protocols.join(', ') || 'no protocol'} by default`);
  const had = new Set(before.cipherSuites);
  const has = new Set(after.cipherSuites);
  const dropped = (before.cipherSuites ?? []).filter((s) => !has.has(s));
  const added = (after.cipherSuites ?? []).filter((s) => !had.has(s));
  if (dropped.length) parts.push(`drop ${few(dropped)}`);
  if (added.length) parts.push(`add ${few(added)}`);
  if (before.serverOrderWins !== after.serverOrderWins)
    parts.push(after.serverOrderWins ? 'pick the suite by their own order' : "pick the suite by the client's order");
  return parts.length ? `they ${parts.join(', ')}` : '';
}

const few = (suites: string[]) =>
  suites.length <= 2 ? suites.join(' and ') : `${suites[0] ?? ''} and ${suites.length - 1} more suites`;

/** A successful handshake's result (memoised by the caller; undefined when it fails). */
export type Negotiated = (client: HandshakeSide, server: HandshakeSide) => HandshakeSuccess | undefined;

/**
 * What each combination of the ends' update spans negotiates, when every one negotiates and they differ in protocol or
 * suite; undefined when they all agree (or one fails: then the outcome is not `negotiates`).
 */
export function negotiatedByUpdate(
  client: Endpoint,
  server: Endpoint,
  negotiated: Negotiated,
  patched: Patched,
): NegotiatedOnUpdates[] | undefined {
  const spans = (end: Endpoint) => end.updates?.candidates.map((c, i) => ({ i, patch: c.patch })) ?? [undefined];
  const out: NegotiatedOnUpdates[] = [];
  for (const c of spans(client))
    for (const s of spans(server)) {
      const p = negotiated(patched(client.side, c?.patch ?? {}), patched(server.side, s?.patch ?? {}));
      if (!p) return undefined;
      const { protocol, cipherSuite, decidedBy } = p;
      out.push({ ...(c ? { client: c.i } : {}), ...(s ? { server: s.i } : {}), protocol, cipherSuite, decidedBy });
    }
  const first = out[0];
  const same = out.every((r) => r.protocol === first?.protocol && r.cipherSuite === first.cipherSuite);
  return same ? undefined : out;
}

/** An end's spans (indexes into its candidates) in words: `11.0.12 to 11.0.20, 11.0.25 and later`. */
function spansText(end: Endpoint, indexes: number[]): string {
  const candidates = end.updates?.candidates ?? [];
  const runs: { first: number; last: number }[] = [];
  for (const i of [...new Set(indexes)].sort((a, b) => a - b)) {
    const run = runs.at(-1);
    if (run?.last === i - 1) run.last = i;
    else runs.push({ first: i, last: i });
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
export function updatesText(client: Endpoint, server: Endpoint, results: readonly NegotiatedOnUpdates[]): string {
  const all = (end: Endpoint) => (end.updates?.candidates ?? []).map((_, i) => i);
  const onServer = new Map<number | undefined, number[]>();
  for (const r of results)
    onServer.set(r.client, [...(onServer.get(r.client) ?? []), ...(r.server === undefined ? [] : [r.server])]);
  // Client spans with the same server spans, together.
  const groups = new Map<string, { clients: number[]; servers: number[] }>();
  for (const [c, servers] of onServer) {
    const key = [...new Set(servers)].sort((a, b) => a - b).join();
    const group = groups.get(key) ?? { clients: [], servers: [...new Set(servers)] };
    if (c !== undefined) group.clients.push(c);
    groups.set(key, group);
  }
  const side = (end: Endpoint, indexes: number[]) =>
    end.updates && indexes.length > 0 && indexes.length < all(end).length
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
export function byUpdateText(client: Endpoint, server: Endpoint, results: readonly NegotiatedOnUpdates[]): string {
  const answers = new Map<string, NegotiatedOnUpdates[]>();
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
