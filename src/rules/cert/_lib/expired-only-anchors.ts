/**
 * A CA file whose every certificate expired, verified against by an OpenSSL end (vincetuwei/HAProxy-Mutual-TLS-
 * Authentication's ca.pem: two CAs, both expired): one file, one fix (replace the bundle), one finding. The file's
 * first certificate is said, as it was alone (its fingerprint kept); the others, and their copies in other files, are
 * its related places. A certificate another verdict says first (a server presents it) keeps its own finding.
 */
import * as path from 'node:path';
import { said } from '../../../core/phrase';
import type { RuleRelated } from '../../types';
import { groupCopies, reportedCopy, type ReportedCopy } from './copies';
import type { ExpiredMessage } from './expired-unnamed';
import { certLocation, certName, storePlace } from './shared';
import { subjectLabel } from '../../../parse/certificate';

export function foldExpiredBundles(copies: ReportedCopy<ExpiredMessage>[], rank: readonly ExpiredMessage[]): void {
  const byFile = new Map<string, ReportedCopy<ExpiredMessage>[][]>();
  for (const group of groupCopies(copies, rank)) {
    const [first] = group;
    if (first?.messageId !== 'expiredOnlyAnchors') continue;
    const file = first.c.doc.file.path;
    byFile.set(file, [...(byFile.get(file) ?? []), group]);
  }
  for (const [file, [kept, ...folded]] of byFile) {
    const keeper = kept?.[0];
    if (!keeper || folded.length === 0) continue;
    const gone = new Set(folded.flat());
    const related: RuleRelated[] = folded.flatMap(([first, ...others]) =>
      first
        ? [
            {
              ...certLocation(first.c),
              message: said`also expired, on ${first.c.cert.notAfter.toISOString().slice(0, 10)}, in ${path.basename(file)}: ${certName(first.c)}`,
            },
            ...others.map((o) => ({
              ...certLocation(o.c),
              message: said`a copy of ${subjectLabel(first.c.cert)}, ${storePlace(o.c)}`,
              role: 'context' as const,
            })),
          ]
        : [],
    );
    const left = copies.filter((copy) => !gone.has(copy));
    copies.splice(0, copies.length, ...left);
    const at = copies.indexOf(keeper);
    copies[at] = reportedCopy(keeper.c, {
      ...keeper.descriptor,
      related: [...(keeper.descriptor.related ?? []), ...related],
    });
  }
}
