import type { AccessPath, ChannelAccess } from '../../../model/mq-access';
import type { ChlauthRecord } from '../../../model/mq-chlauth';
import { matchesEveryAddress } from '../../../model/mq-chlauth';
import type { TreeCertificate } from '../../../model/mq-certs';
import { parsePeerFilter, peerMismatch } from './sslpeer';

/**
 * How a queue manager's channel authentication records take a peer whose certificate is in the tree: MQ walks the
 * mapping records of the most specific channel profile first, SSLPEERMAP before the others (mq-access.json
 * chlauthPrecedence; the order of ChannelAccess.paths). A certificate that matches no SSLPEERMAP record falls to the
 * records after it; a record that asks for what the tree does not hold (the peer's address, its asserted user id, an
 * issuer DN to compare) leaves the decision unknown, as do two matching SSLPEERMAP records of one profile that
 * disagree (which SSLPEER value MQ takes as the more specific is not modelled).
 */
export interface CertificateAdmission {
  /** The way in the certificate takes. */
  path: AccessPath;
  /** The SSLPEERMAP records passed over because the certificate does not match them, each with why. */
  passed: { record: ChlauthRecord; why: string }[];
}

export function certificateAdmission(access: ChannelAccess, cert: TreeCertificate): CertificateAdmission | undefined {
  if (access.exit || access.blockAll || access.templatedRecord || access.tls.unknown || !access.tls.enabled)
    return undefined;
  const passed: CertificateAdmission['passed'] = [];
  const paths = access.paths;
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i]!;
    const record = path.record;
    if (record?.type !== 'SSLPEERMAP') return path.needs.length === 0 ? { path, passed } : undefined;
    const matched = certificateMatches(record, cert);
    if (matched === undefined) return undefined;
    if (typeof matched === 'string') {
      passed.push({ record, why: matched });
      continue;
    }
    // Another SSLPEERMAP record of the same profile that this certificate matches too, with another outcome: which
    // one MQ takes is not known here.
    const rivals = paths
      .slice(i + 1)
      .filter(
        (p) => p.record?.type === 'SSLPEERMAP' && p.record.profile.toUpperCase() === record.profile.toUpperCase(),
      );
    for (const rival of rivals) {
      const alsoMatches = certificateMatches(rival.record!, cert);
      if (alsoMatches === undefined) return undefined;
      if (alsoMatches === true && outcome(rival) !== outcome(path)) return undefined;
    }
    return { path, passed };
  }
  return undefined;
}

/** True when the record matches the certificate, a reason when it does not, undefined when the tree cannot say. */
function certificateMatches(record: ChlauthRecord, cert: TreeCertificate): true | string | undefined {
  const peer = record.attributes.SSLPEER;
  if (peer === undefined || record.templated.includes('SSLPEER')) return undefined;
  const filter = parsePeerFilter(peer);
  if (filter.errors.length) return undefined;
  const why = peerMismatch(filter, cert.cert.subject, cert.cert.serialNumber);
  if (why) return why;
  // The issuer filter and the peer's address are compared by the queue manager too: not judged here.
  if (record.attributes.SSLCERTI?.trim() || !matchesEveryAddress(record.attributes.ADDRESS)) return undefined;
  return true;
}

function outcome(path: AccessPath): string {
  return path.identity.kind === 'blocked' ? 'blocked' : `${path.identity.kind}:${path.identity.user ?? ''}`;
}
