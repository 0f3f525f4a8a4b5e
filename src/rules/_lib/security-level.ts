/**
 * Message data shared by the nginx and httpd security-level rules. What a level refuses is derived once per deployment
 * (src/derive/openssl-levels.ts, `derived.levelRefusals`).
 */
import type { SecurityLevelCandidate, Unsettled } from '../../model/attributes';
import type { LoadRefusal, VerifyRefusal } from '../../derive/openssl-levels';
import type { TrustCheck } from '../../derive/trust';
import { verifyErrorOf } from '../../knowledge/openssl-security-level';
import { formatDn } from '../../parse/certificate';
import { certLocation } from '../cert/_lib/shared';
import type { ReportDescriptor, RuleContext, RuleRelated } from '../types';
import { ours, said, type Phrase } from '../../core/phrase';

/** The why and todo of an open level, for messages. */
function unsettledData(unsettled: Unsettled | undefined): { why: string | Phrase; todo: string } {
  return unsettled ?? { why: ours('the level is not settled'), todo: 'Set @SECLEVEL in the cipher directive' };
}

/**
 * Where the deciding levels are set: each refusing one, and an accepting one of an image the tree names without tying the
 * file to it (the reason the outcome is unknown).
 */
export function levelPlaces(
  refusing: readonly { candidate: SecurityLevelCandidate }[],
  accepting: readonly SecurityLevelCandidate[],
): RuleRelated[] {
  return [...refusing.map((r) => r.candidate), ...accepting.filter((c) => c.untied)].flatMap((c) =>
    c.at ? [{ ...c.at, message: said`security level ${c.level}: ${c.origin}` }] : [],
  );
}

/** The levels the tree leaves possible that refuse something (each with where it is set). */
type Refusing = readonly { candidate: SecurityLevelCandidate }[];

/**
 * The data of something some possible level refuses and another accepts (the `levelUnknown` messages of the nginx and
 * httpd rules, for a certificate load, a verified path or DH parameters): the levels of each side, where each comes
 * from, and why the level is open.
 */
export function levelSpreadData(
  refusing: Refusing,
  accepting: readonly SecurityLevelCandidate[],
  unsettled: Unsettled | undefined,
) {
  return {
    refusing: refusing.map((x) => x.candidate.level).join(', '),
    accepting: accepting.map((x) => x.level).join(', '),
    origins: [...refusing.map((x) => x.candidate), ...accepting].map((c) => c.origin).join('; '),
    ...unsettledData(unsettled),
  };
}

/** The data of a load that some possible level refuses and another accepts (the `levelUnknown` messages). */
function levelUnknownData(r: LoadRefusal, what: string) {
  const [first] = r.refusing;
  return {
    what: what.charAt(0).toUpperCase() + what.slice(1),
    detail: first?.refusal.detail ?? '',
    ...levelSpreadData(r.refusing, r.accepting, r.level.certificatesUnsettled),
  };
}

/** What to re-issue a refused certificate with. */
export function reissueOf(reason: string | undefined, keyType: string): string {
  return reason === 'ca md too weak' ? 'a SHA-256 signature' : keyType === 'EC' ? 'a P-256 key' : 'a 2048-bit key';
}

/** The data of what every possible level refuses (the `refused` messages): the levels and where each comes from. */
export function levelRefusedData(refusing: Refusing): { level: string; origin: string } {
  return {
    level: refusing.map((x) => x.candidate.level).join(' or '),
    origin: refusing.map((x) => x.candidate.origin).join('; '),
  };
}

/**
 * Reports a certificate load some possible level refuses, for both rules: `refused` (the rule's severity) where every
 * level the tree leaves possible refuses it, else the info `levelUnknown`. `common` is the data both messages share,
 * `refused` what only the first says (its fix, the directive as written). `reportRefused`: how the rule says the
 * first (nginx asks whether it reads the file: ../nginx/_lib/unloaded.ts).
 */
export function reportLoadRefusal(
  ctx: RuleContext<unknown, 'refused' | 'levelUnknown'>,
  r: LoadRefusal,
  message: {
    what: string;
    common: Record<string, string | Phrase>;
    refused: Record<string, string | Phrase>;
    related: RuleRelated[];
  },
  reportRefused: (descriptor: ReportDescriptor<'refused'>) => void = (descriptor) => ctx.report(descriptor),
): void {
  const place = {
    location: r.ref.reference,
    related: message.related,
    fingerprint: [r.cert.cert.fingerprintSha256, r.directive, r.component.id],
  };
  if (r.accepting.length === 0)
    reportRefused({
      messageId: 'refused',
      data: { ...message.common, ...levelRefusedData(r.refusing), ...message.refused },
      ...place,
    });
  else
    ctx.report({
      messageId: 'levelUnknown',
      severity: 'info',
      data: { ...message.common, ...levelUnknownData(r, message.what) },
      ...place,
    });
}

/** The verifying proxy's trusted certificate file and the anchor in it: they decide the verified path. */
function anchorPlaces(trust: TrustCheck, product: string): RuleRelated[] {
  const anchor = trust.verdict.kind === 'trusted' ? trust.verdict.result.path.at(-1) : undefined;
  const inTree = anchor && trust.anchors.find((c) => c.cert.fingerprintSha256 === anchor.fingerprintSha256);
  return [
    ...(trust.anchorsFrom
      ? [{ ...trust.anchorsFrom, message: ours(`the trusted certificates ${product} verifies with`) }]
      : []),
    ...(inTree ? [{ ...certLocation(inTree), message: said`trust anchor ${formatDn(inTree.cert.subject)}` }] : []),
  ];
}

/**
 * Reports a backend chain a verifying proxy (nginx proxy_ssl_verify on, httpd SSLProxyVerify but none) refuses at a
 * level it may run at, for both rules: `verifyRefused` (the rule's severity) where every level refuses it, else the
 * info `verifyLevelUnknown`. The messages' `error` is OpenSSL's verify error as the product logs it.
 */
export function reportVerifyRefusal(
  ctx: RuleContext<unknown, 'verifyRefused' | 'verifyLevelUnknown'>,
  v: VerifyRefusal,
  product: 'nginx' | 'httpd',
): void {
  const [first] = v.refusing;
  if (!first) return;
  const { trust } = v;
  const proxy = trust.verifier;
  // OpenSSL's verify error (`68:CA signature digest algorithm too weak`); httpd logs it as `68): CA signature …` after
  // its own `Error (`.
  const error = verifyErrorOf(first.refusal.reason) ?? first.refusal.reason;
  // An unanchored chain (optional_no_ca forgiving an unknown issuer) ends in no trust anchor.
  const anchored = trust.verdict.kind === 'trusted';
  const place =
    v.index === 0 ? 'the leaf' : v.index === v.path - 1 && anchored ? 'the trust anchor' : `certificate ${v.index + 1}`;
  const common = {
    client: proxy.name,
    server: trust.peer.name,
    dn: formatDn(v.cert.subject),
    place,
    detail: first.refusal.detail,
    error: product === 'httpd' ? error.replace(/^(\d+):/, '$1): ') : error,
    directive: v.level.directive,
    // httpd's SSLProxyVerify as written (require, optional, optional_no_ca): each fails a refused chain alike.
    verify: proxy.type === 'httpd.proxy' ? proxy.attributes.verify.value : 'on',
  };
  const inTree = [...trust.presented, ...trust.anchors].find(
    (c) => c.cert.fingerprintSha256 === v.cert.fingerprintSha256,
  );
  const related: RuleRelated[] = [
    ...(inTree ? [{ ...certLocation(inTree), message: said`${common.dn}: ${first.refusal.detail}` }] : []),
    ...(trust.presentedFrom ? [{ ...trust.presentedFrom, message: said`${trust.peer.name} presents it` }] : []),
    ...anchorPlaces(trust, product),
    // The trusted certificates decide too: none issues this chain, which optional_no_ca forgives (not the key).
    ...(anchored
      ? []
      : [...new Map(trust.anchors.map((a) => [a.doc.file.path, a])).values()].map((a) => ({
          ...certLocation(a),
          message: ours('holds no issuer of this chain: optional_no_ca forgives that, not what the level refuses'),
        }))),
    ...levelPlaces(v.refusing, v.accepting),
  ];
  const verify =
    proxy.type === 'nginx.proxy' || proxy.type === 'httpd.proxy' ? proxy.attributes.verify.from : undefined;
  const reported = {
    location: verify?.kind === 'file' ? verify.location : proxy.location,
    related,
    fingerprint: [proxy.id, trust.peer.id, v.cert.fingerprintSha256, 'verify'],
  };
  if (v.accepting.length === 0)
    ctx.report({
      messageId: 'verifyRefused',
      data: {
        ...common,
        ...levelRefusedData(v.refusing),
        reissue: reissueOf(first.refusal.reason, v.cert.keyType),
        lower: Math.min(...v.refusing.map((x) => x.candidate.level)) - 1,
      },
      ...reported,
    });
  else
    ctx.report({
      messageId: 'verifyLevelUnknown',
      severity: 'info',
      data: { ...common, ...levelSpreadData(v.refusing, v.accepting, v.level.unsettled) },
      ...reported,
    });
}
