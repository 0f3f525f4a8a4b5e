/**
 * An expired CA of a RabbitMQ listener's CA file (`ssl_options.cacertfile`, the management listener's): Erlang/OTP's ssl
 * verifies client certificates against it when verify is verify_peer, and from OTP 23.3 on it checks the dates of the
 * anchor a path ends at (knowledge rabbitmq.json erlangAnchorDates), unlike JSSE; with verify_none it only completes the
 * chain the listener sends (cacertfileUse). Said for a file only Erlang/OTP and JSSE ends name as their trust store,
 * each end with what it does (azeerman/oms-amqps@7bd0ba2's testca/ca_certificate.pem was "no link shows who trusts it").
 */
import * as path from 'node:path';
import { ours, said, type Phrase } from '../../../core/phrase';
import type { DerivedDeployment, TrustingEnd } from '../../../derive/types';
import { ERLANG_ANCHOR_DATES_FROM, rabbitmqImageChecksAnchorDates } from '../../../knowledge/rabbitmq';
import type { TreeCertificate } from '../../../model/mq-certs';
import type { ReportDescriptor, RuleRelated } from '../../types';
import { trustersOf } from './anchors';

type ErlangMessage = 'expiredErlangAnchor' | 'expiredErlangChainOnly';

/**
 * What to say of an expired CA of a file that Erlang/OTP ends (and perhaps JSSE ends) name only as their trust store;
 * undefined when no Erlang/OTP end names it, or another kind of end (OpenSSL, GSKit) does too.
 */
export function erlangAnchorVerdict(
  deployment: DerivedDeployment,
  c: TreeCertificate,
  now: Date,
  /** JSSE ends of links whose paths end at it (another copy of it in their trust store). */
  linkVerifiers: readonly string[] = [],
):
  | (Omit<ReportDescriptor<ErlangMessage>, 'data' | 'location'> & { data: Record<string, string | Phrase> })
  | undefined {
  const trusters = trustersOf(deployment, c);
  if (c.store || !trusters?.some((t) => t.erlang) || !trusters.every((t) => t.erlang || t.jsse)) return undefined;
  const file = path.basename(c.doc.file.path);
  const erlang = trusters.filter((t): t is TrustingEnd & { erlang: NonNullable<TrustingEnd['erlang']> } => !!t.erlang);
  const verifying = erlang.filter((t) => t.erlang.verifies);
  const jsseNames = [...new Set([...trusters.filter((t) => t.jsse).map((t) => t.name), ...linkVerifiers])];
  const jsse =
    jsseNames.length > 0
      ? said` ${jsseNames.join(' and ')} ${jsseNames.length === 1 ? ours('trusts') : ours('trust')} it too, on JSSE, which does not check a trust anchor's dates.`
      : ours('');
  const names = (of: readonly TrustingEnd[]) => [...new Set(of.map((t) => t.name))].join(' and ');
  if (verifying.length === 0)
    return {
      messageId: 'expiredErlangChainOnly',
      data: { names: names(erlang), name: erlang.length === 1 ? ours('names') : ours('name'), file, jsse },
      related: [],
      severity: 'warning',
    };
  // Every verifying end runs an image whose RabbitMQ series needs an OTP release that checks anchor dates.
  const checks = verifying.map((t) => ({ t, known: rabbitmqImageChecksAnchorDates(t.erlang.image) }));
  const allChecked = checks.every((x) => x.known);
  const images = [...new Set(checks.flatMap(({ t, known }) => (known && t.erlang.image ? [t.erlang.image] : [])))];
  const otp = allChecked
    ? said` ${images.join(' and ')} ${images.length === 1 ? ours('is') : ours('are')} RabbitMQ ${[...new Set(checks.map((x) => x.known?.series))].join(' and ')}, which runs on Erlang/OTP ${checks[0]?.known?.otp ?? ''} or later.`
    : said` Earlier OTP releases accept it, and which release runs the broker the tree does not settle${unsettledWhy(checks.map((x) => x.t.erlang.image))}.`;
  const quiet = erlang.filter((t) => !t.erlang.verifies);
  const chainOnly =
    quiet.length > 0
      ? said` ${names(quiet)} ${quiet.length === 1 ? ours('names') : ours('name')} it too with verify_none, only to complete the chain ${quiet.length === 1 ? ours('it sends') : ours('they send')}.`
      : ours('');
  const everyExpired =
    'certificates' in c.doc.data && c.doc.data.certificates.every((x) => x.notAfter < now || x.notBefore > now);
  const related: RuleRelated[] = verifying.flatMap((t) =>
    t.erlang.verifies
      ? [{ ...t.erlang.verifies, message: said`${t.name} verifies client certificates against ${file} (verify_peer)` }]
      : [],
  );
  return {
    messageId: 'expiredErlangAnchor',
    data: {
      verifiers: names(verifying),
      verify: verifying.length === 1 ? ours('verifies') : ours('verify'),
      file,
      otp,
      chainOnly,
      jsse,
      since: ours(ERLANG_ANCHOR_DATES_FROM),
    },
    related,
    severity: allChecked && everyExpired ? 'error' : 'warning',
  };
}

/** Why the OTP release is not settled: no image named, or one whose tag names no series that settles it. */
function unsettledWhy(images: readonly (string | undefined)[]): Phrase {
  const named = [...new Set(images.filter((i): i is string => !!i))];
  return named.length > 0
    ? said` (${named.join(', ')}: a tag of a RabbitMQ series that may run on an older OTP, or of no series)`
    : ours(' (no Compose service of the official image runs it)');
}
