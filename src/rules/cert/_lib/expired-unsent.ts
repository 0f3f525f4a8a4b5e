/**
 * cert/expired's verdicts on a certificate the tree names that no peer is sent: a key entry another alias setting
 * passes over, a certificate after the first of a file that presents its first, or one named only by servers that
 * serve no TLS in the run the tree shows. Each is an info.
 */
import * as path from 'node:path';
import { certName, notServedWhy, storeRelated, type certificateUse } from './shared';
import { leafPresentedInstead } from './trust-uses';
import type { ExpiredCertificate, ExpiredScene } from './expired-unnamed';

/**
 * Says the verdict when no peer is sent `certificate`, and whether it did. `found` is what names its file;
 * `onTrustPath`, whether a link's trust path holds it (then it is used, whatever names it).
 */
export function sayUnsent(
  scene: ExpiredScene,
  certificate: Omit<ExpiredCertificate, 'perhapsNamed'>,
  found: ReturnType<typeof certificateUse>,
  onTrustPath: boolean,
): boolean {
  const { say, deployment } = scene;
  const { c, expired, dn, date, location, fingerprint } = certificate;
  if (found.use === 'other-alias' && expired) {
    // A key entry no setting selects (server.ssl.key-alias names another): no peer is sent it.
    say(c, {
      messageId: 'expiredOtherAlias',
      data: {
        dn,
        date,
        file: path.basename(c.doc.file.path),
        aliases: found.selected.map((a) => `'${a}'`).join(', '),
      },
      location,
      related: [...(storeRelated(c).related ?? []), ...found.by],
      fingerprint,
      severity: 'info',
    });
    return true;
  }
  const instead = expired && !onTrustPath && found.use === 'named' ? found : undefined;
  const leaf = instead && leafPresentedInstead(deployment.derived.presented, c);
  if (instead && leaf) {
    say(c, {
      messageId: 'expiredNotSent',
      data: { dn, date, file: path.basename(c.doc.file.path), leaf: certName(leaf) },
      location,
      related: [...(storeRelated(c).related ?? []), ...instead.by],
      fingerprint,
      severity: 'info',
    });
    return true;
  }
  if (found.use === 'not-served') {
    // Named or owned only by servers that serve no TLS in the run the tree shows: no peer is sent it.
    const { why, related } = notServedWhy(c, found.by);
    say(c, {
      messageId: expired ? 'expiredNotServed' : 'notYetValidNotServed',
      data: { dn, date, why },
      location,
      related: [...(storeRelated(c).related ?? []), ...related],
      fingerprint,
      severity: 'info',
    });
    return true;
  }
  return false;
}
