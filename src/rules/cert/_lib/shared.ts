import { relativePosix } from '../../../model/paths';
import type { DerivedDeployment } from '../../../derive/types';
import type { Deployment } from '../../../model/types';
import type { TreeCertificate } from '../../../model/mq-certs';
import type { Location } from '../../../core/types';

export function certificatesOf(deployment: DerivedDeployment): TreeCertificate[] {
  return deployment.derived.certificates;
}

export function certLocation(c: TreeCertificate): Location {
  return { file: c.doc.file.path, range: c.cert.range };
}

export function ownerName(deployment: Deployment, c: TreeCertificate): string {
  return relativePosix(deployment.root, c.ownerDir) || '.';
}

/** "Now" for expiry rules: the `referenceDate` option (ISO date, for reproducible CI runs) or the clock. */
export function referenceNow(option: string | undefined): Date {
  const d = option ? new Date(option) : new Date();
  return Number.isNaN(d.getTime()) ? new Date() : d;
}

export const DAY_MS = 86_400_000;
