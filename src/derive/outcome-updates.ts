/**
 * A Java end whose JDK is named by its feature only (`FROM eclipse-temurin:17`) holds the lists of every span of
 * updates with other defaults (src/handshake/jsse-end.ts): a link's verdict stands only when every span gives the
 * same one; otherwise the update is what the tree does not say, and the text names where the verdict changes.
 */
import type { Endpoint, UpdateCandidate } from '../handshake/endpoint';
import type { HandshakePrediction, HandshakeSide } from '../handshake/types';

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
      (w) => verdict({ ...w.client, ...c.patch }, { ...w.server, ...s.patch }) !== verdict(w.client, w.server),
    );
    if (differs) for (const r of roles) deciding.add(r);
  }
  return [...deciding].map((role) =>
    role === 'client'
      ? updateMissing(client, (patch) => verdict({ ...client.side, ...patch }, server.side))
      : updateMissing(server, (patch) => verdict(client.side, { ...server.side, ...patch })),
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
