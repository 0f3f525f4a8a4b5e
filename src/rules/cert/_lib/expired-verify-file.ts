/**
 * Expired CA certificates of a CA file an OpenSSL end verifies its peers against, beside certificates still valid
 * (a DoD bundle that still lists retired CAs, named by an nginx `ssl_client_certificate`): a chain through one of them
 * is refused, chains through the others pass. One finding per file: the certificate itself when it is the only
 * expired one, else the file's count and the first names.
 */
import * as path from 'node:path';
import type { Location } from '../../../core/types';
import { ours, said } from '../../../core/phrase';
import type { TrustingEnd } from '../../../derive/types';
import type { TreeCertificate } from '../../../model/mq-certs';
import type { ReportDescriptor, RuleRelated } from '../../types';
import { expiredOfFile, type ExpiredMessage } from './expired-unnamed';

/** One expired CA certificate of such a file, with the ends that verify against the file. */
export interface ExpiredInVerifyFile {
  c: TreeCertificate;
  dn: string;
  date: string;
  location: Location;
  fingerprint: string[];
  related: RuleRelated[];
  verifiers: readonly (TrustingEnd & { opensslVerifies: NonNullable<TrustingEnd['opensslVerifies']> })[];
}

export function reportExpiredInVerifyFiles(
  byFile: ReadonlyMap<string, readonly ExpiredInVerifyFile[]>,
  say: (c: TreeCertificate, descriptor: ReportDescriptor<ExpiredMessage>) => void,
  report: (descriptor: ReportDescriptor<'expiredInVerifyFileBundle'>) => void,
): void {
  for (const [file, all] of byFile) {
    const [first] = all;
    if (!first) continue;
    const names = [...new Set(first.verifiers.map((v) => v.name))];
    const verifiersRelated = first.verifiers.map((v) => ({
      ...v.opensslVerifies,
      message: said`${v.name} verifies its peers against ${path.basename(file)}`,
    }));
    const data = {
      file: path.basename(file),
      verifiers: names.join(' and '),
      verify: names.length === 1 ? ours('verifies') : ours('verify'),
    };
    if (all.length === 1) {
      say(first.c, {
        messageId: 'expiredInVerifyFile',
        data: { ...data, dn: first.dn, date: first.date },
        location: first.location,
        related: [...first.related, ...verifiersRelated],
        fingerprint: first.fingerprint,
        severity: 'warning',
      });
      continue;
    }
    report({
      messageId: 'expiredInVerifyFileBundle',
      data: { ...data, ...expiredOfFile(all) },
      location: first.location,
      // What names the file (the directive, the mount that puts it there) decides it as much as the verifier does.
      related: [
        ...first.related,
        ...all.slice(1).map((e) => ({ ...e.location, message: said`also expired: ${e.dn}` })),
        ...verifiersRelated,
      ],
      fingerprint: [path.basename(file), 'expired-in-verify-file'],
      severity: 'warning',
    });
  }
}
