/**
 * `haproxy -dV` turns HAProxy's default server verification off (doc/management.txt): a `server … ssl` line without
 * `verify` then verifies nothing, and only an explicit `verify required` needs a ca-file. The flag is on a command
 * line (a Dockerfile's CMD, a Compose command, a script), not in haproxy.cfg: searched once per deployment.
 */
import type { Deployment } from '../model/types';

const VERIFY_OFF_FLAG = /(^|[\s"'[,])-dV(?=$|[\s"',\]])/m;

/**
 * Whether a file of the deployment starts HAProxy with `-dV`. Asked only of a deployment with an HAProxy server line
 * (the only component the flag changes); false otherwise, without reading a file.
 */
export function haproxyStartsWithDv(deployment: Deployment): boolean {
  if (!deployment.components.some((c) => c.type === 'haproxy.server')) return false;
  return deployment.documents.some((d) => VERIFY_OFF_FLAG.test(d.file.text));
}
