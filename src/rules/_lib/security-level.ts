/**
 * Message data shared by the nginx and httpd security-level rules. What a level refuses is derived once per deployment
 * (src/derive/openssl-levels.ts, `derived.levelRefusals`).
 */
import type { SecurityLevelCandidate, Unsettled } from '../../model/attributes';
import type { LoadRefusal } from '../../derive/openssl-levels';
import type { RuleContext, RuleRelated } from '../types';
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
 * `refused` what only the first says (its fix, the directive as written).
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
): void {
  const place = {
    location: r.ref.reference,
    related: message.related,
    fingerprint: [r.cert.cert.fingerprintSha256, r.directive, r.component.id],
  };
  if (r.accepting.length === 0)
    ctx.report({
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
