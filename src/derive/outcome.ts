/**
 * A link's outcome, three-valued: it negotiates, it fails, or the tree does not say enough to know. Only a
 * failure predicted from known inputs is `fails`; a prediction that rests on a missing input (the JDK, its
 * version's profile, the server's certificate) is `unknown`, naming what to declare.
 */
import type { RunMemo } from '../core/run-memo';
import type { Endpoint } from '../handshake/endpoint';
import { predictHandshake } from '../handshake/predict';
import { allCipherSuites, normaliseProtocol, protocolRank } from '../knowledge';
import type { HandshakePrediction, HandshakeSide, LinkOutcome } from '../handshake/types';
import { negotiatedByUpdate, updatesDeciding, verdictOf, type Negotiated, type Verdict } from './outcome-updates';
import { pairKey, patchedSide } from './side-keys';

/** What-if patches asked of every link: constant objects, so their keys are made once a run (side-keys.ts). */
const ECDSA_CERTIFICATE: Partial<HandshakeSide> = { certificate: { keyType: 'EC', bits: 256 } };
const NO_FINITE_FIELD_GROUPS: Partial<HandshakeSide> = { finiteFieldGroups: false };

/**
 * The outcome of a predicted link (see the module comment). `memo`: the run's; whether another candidate
 * negotiates is then answered once a run per distinct pair of sides (names aside: only the verdict is read).
 */
export function linkOutcome(
  client: Endpoint,
  server: Endpoint,
  prediction: HandshakePrediction,
  memo?: RunMemo,
): LinkOutcome {
  const verdict: Verdict = (c, s) => answer('handshake verdict', c, s, verdictOf);
  const answer = <T>(table: string, c: HandshakeSide, s: HandshakeSide, read: (p: HandshakePrediction) => T): T => {
    const predict = () => read(predictHandshake(c, s));
    // Keyed by the sides' contents (names aside): a fleet asks each question once.
    return memo ? memo.get(table, pairKey(c, s, memo), predict) : predict();
  };
  const patched = (side: HandshakeSide, patch: Partial<HandshakeSide>): HandshakeSide =>
    memo ? patchedSide(side, patch, memo) : { ...side, ...patch };
  const negotiates = (c: HandshakeSide, s: HandshakeSide): boolean => answer('handshake negotiates', c, s, (p) => p.ok);
  const negotiated: Negotiated = (c, s) => answer('handshake negotiated', c, s, (p) => (p.ok ? p : undefined));
  const missing = [...client.missing, ...server.missing];
  // A client without EC groups (a jlink runtime without jdk.crypto.ec): TLS 1.3 rests on the server taking a
  // finite-field group, which is assumed or unknown for this server.
  if (client.side.ellipticCurves === false && server.finiteFieldGroupsUnknown) {
    const refused = negotiates(client.side, patched(server.side, NO_FINITE_FIELD_GROUPS));
    if (refused !== prediction.ok) missing.push(server.finiteFieldGroupsUnknown);
  }
  if (server.keyTypeAssumed) {
    // RSA was assumed: the outcome stands only when an ECDSA certificate would give the same verdict.
    const withEcdsa = negotiates(client.side, patched(server.side, ECDSA_CERTIFICATE));
    if (withEcdsa !== prediction.ok) missing.push(certificateMissing(server));
  }
  // A default no public source settles (a JDK's, an nginx release's) or a release the tree does not name (OpenSSL's
  // signature floor): the outcome stands only when every combination of the other candidates gives the same verdict.
  // Fewer candidates first, so a combination names only what no smaller one already named.
  const combinations = variantsOf(client).flatMap((c) => variantsOf(server).map((s) => ({ c, s })));
  combinations.sort((a, b) => a.c.whats.length + a.s.whats.length - (b.c.whats.length + b.s.whats.length));
  for (const { c, s } of combinations) {
    const whats = [...c.whats, ...s.whats];
    if (whats.length === 0 || whats.some((w) => missing.includes(w))) continue;
    if (negotiates(patched(client.side, c.patch), patched(server.side, s.patch)) !== prediction.ok)
      missing.push(...whats);
  }
  if (client.updates || server.updates) {
    // Each world the other candidates leave open (the drawn one first), and RSA or ECDSA when RSA was assumed.
    const worlds = combinations.map(({ c, s }) => ({
      client: patched(client.side, c.patch),
      server: patched(server.side, s.patch),
    }));
    if (server.keyTypeAssumed)
      worlds.push(...worlds.map((w) => ({ ...w, server: patched(w.server, ECDSA_CERTIFICATE) })));
    missing.push(...updatesDeciding(client, server, worlds, verdict, patched));
  }
  // Which JDK runs an end whose protocols are its own list leaves the lists a guess, but not whether they can meet.
  const decided =
    missing.length === 0 ? prediction : prediction.ok ? undefined : everyJdkFails(client, server, missing);
  if (!decided) return { kind: 'unknown', missing };
  if (decided.ok) {
    // Every update negotiates (updatesDeciding found none deciding): which protocol and suite may still depend on them.
    const byUpdate =
      client.updates || server.updates ? negotiatedByUpdate(client, server, negotiated, patched) : undefined;
    const { protocol, cipherSuite } = decided;
    return { kind: 'negotiates', protocol, cipherSuite, ...(byUpdate ? { byUpdate } : {}) };
  }
  return {
    kind: 'fails',
    reason: decided.reason,
    side: decided.failingSide,
    alert: decided.alert,
    messages: decided.messages,
  };
}

/**
 * Whether the link fails whatever JDK runs its Java ends: all that is missing is which JDK runs ends whose protocols are
 * their own list (Endpoint.protocolCeiling: a JDK enables at most those), and no protocol of one end is one the other
 * can enable. The other end's protocols must be settled: nothing missing of its own, no other candidate lists.
 */
/**
 * The prediction a link's findings show: the drawn one, or for a failure decided whatever the JDK (everyJdkFails: the
 * drawn lists are a guess, e.g. a JDK's default suites), the prediction that decides it.
 */
export function decidingPrediction(
  client: Endpoint,
  server: Endpoint,
  prediction: HandshakePrediction,
  outcome: LinkOutcome,
): HandshakePrediction {
  const missing = [...client.missing, ...server.missing];
  return outcome.kind === 'fails' && missing.length > 0
    ? (everyJdkFails(client, server, missing) ?? prediction)
    : prediction;
}

function everyJdkFails(
  client: Endpoint,
  server: Endpoint,
  missing: readonly string[],
): (HandshakePrediction & { ok: false }) | undefined {
  if (!apartForEveryJdk(client, server, missing)) return undefined;
  // Only the protocols decide: such an end is given its own list, the other end's suites and every suite its protocols
  // can use, so that the prediction names the protocol failure whatever suites its JDK has.
  const side = (end: Endpoint, other: Endpoint): HandshakeSide => {
    if (!end.protocolCeiling) return end.side;
    const ranks = end.protocolCeiling.protocols.map(protocolRank);
    const usable = allCipherSuites().filter((suite) =>
      ranks.some((rank) => rank >= protocolRank(suite.minProtocol) && rank <= protocolRank(suite.maxProtocol)),
    );
    const cipherSuites = [...new Set([...other.side.cipherSuites, ...usable.map((suite) => suite.iana)])];
    return { ...end.side, protocols: end.protocolCeiling.protocols, cipherSuites };
  };
  const decided = predictHandshake(side(client, server), side(server, client));
  return !decided.ok && decided.reason === 'no-common-protocol' ? decided : undefined;
}

function apartForEveryJdk(client: Endpoint, server: Endpoint, missing: readonly string[]): boolean {
  const ends = [client, server];
  const jdkOnly = new Set(ends.flatMap((end) => (end.protocolCeiling ? [end.protocolCeiling.unknown] : [])));
  if (jdkOnly.size === 0 || missing.some((m) => !jdkOnly.has(m))) return false;
  if (ends.some((end) => end.updates || end.alternative)) return false;
  const [one, other] = ends.map(
    (end) => new Set((end.protocolCeiling?.protocols ?? end.side.protocols).map(normaliseProtocol)),
  );
  return !!one && !!other && ![...one].some((p) => other.has(p));
}

/** An end as drawn and as each combination of its other candidates would be: what each leaves unknown, and the change. */
function variantsOf(end: Endpoint): { whats: string[]; patch: Partial<HandshakeSide> }[] {
  const out: { whats: string[]; patch: Partial<HandshakeSide> }[] = [{ whats: [], patch: {} }];
  const { alternative, signatureFloorAlternative: floor } = end;
  if (alternative) {
    const lists = { protocols: alternative.protocols, cipherSuites: alternative.cipherSuites };
    out.push(...out.map((v) => ({ whats: [...v.whats, alternative.what], patch: { ...v.patch, ...lists } })));
  }
  if (floor)
    out.push(
      ...out.map((v) => ({ whats: [...v.whats, floor.what], patch: { ...v.patch, signatureFloor: floor.value } })),
    );
  return out;
}

function certificateMissing(server: Endpoint): string {
  const name = server.component.name;
  const file = server.component.tls?.certificate?.file;
  return file
    ? `the key type of the certificate ${name} presents (${file} is not in the tree: add it, or the certificate, to the tree)`
    : `the key type of the certificate ${name} presents (RSA or ECDSA decides the handshake; add the certificate to the tree)`;
}
