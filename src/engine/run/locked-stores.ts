/**
 * Key stores no password opens, as the report shows them. A locked store some component names (or may name, through
 * a placeholder) keeps its own finding: its certificates decide a handshake and what to declare is the store's.
 * Locked stores no component names (test keys, a PKI tool's output: xipki/xipki holds 1,238 in 57 directories) are
 * told once per directory, so that a report lists what matters rather than every file of a test tree.
 */
import * as path from 'node:path';
import type { Finding, RelatedLocation } from '../../core/types';
import type { DerivedDeployment } from '../../derive/types';
import type { UnnamedFileTest } from './unnamed-files';
import { relativePosix } from '../../core/posix-path';

const LOCKED = 'parse/keystore-locked';
const WRONG_PASSWORD = 'cert/store-password-wrong';
/** How many of a directory's other stores a grouped finding lists as related places. */
const LISTED = 10;

export function groupUnnamedLockedStores(
  findings: Finding[],
  deployment: DerivedDeployment,
  unnamed: UnnamedFileTest,
): Finding[] {
  if (!findings.some((f) => f.ruleId === LOCKED)) return findings;
  const unnamedByDir = new Map<string, Finding[]>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const file = finding.location.file;
    if (finding.ruleId !== LOCKED || !unnamed(file)) {
      kept.push(finding);
      continue;
    }
    const dir = path.dirname(file);
    const inDir = unnamedByDir.get(dir);
    if (inDir) inDir.push(finding);
    else unnamedByDir.set(dir, [finding]);
  }
  for (const [dir, locked] of unnamedByDir) {
    if (locked.length === 1) {
      kept.push(...locked);
      continue;
    }
    const files = locked.map((f) => f.location.file).sort();
    const [first, ...others] = files as [string, ...string[]];
    const shown = others.slice(0, LISTED);
    const directory = relativePosix(deployment.root, dir) || '.';
    const related: RelatedLocation[] = shown.map((file) => ({ file, message: `${path.basename(file)} is locked too` }));
    kept.push({
      ruleId: LOCKED,
      severity: locked[0]!.severity,
      message:
        `${files.length} key stores in ${directory} (${path.basename(first)}, ${shown.map((f) => path.basename(f)).join(', ')}` +
        `${others.length > shown.length ? ` and ${others.length - shown.length} more` : ''}) are encrypted and no password ` +
        'tried opens them, and no component lint-deploy read names them: their certificates are not checked. If a ' +
        'component uses one, name the store and its password in its configuration',
      location: { file: first, range: locked.find((f) => f.location.file === first)?.location.range },
      related,
      fingerprint: `${LOCKED}|${directory}|unnamed stores`,
    });
  }
  return kept;
}

/**
 * The locked-store finding of a store whose own configured password cert/store-password-wrong reports: that warning
 * already says the store stays unread until the password is right (a Jetty or WildFly pair the model makes; a setting
 * the parse pairs by name never gave one). Kept when the rule is off: then it is all the user learns.
 */
export function withoutLockedBesideWrongPassword(findings: Finding[], ruleFindings: readonly Finding[]): Finding[] {
  const refused = new Set(
    ruleFindings
      .filter((f) => f.ruleId === WRONG_PASSWORD)
      .flatMap((f) => f.related?.slice(0, 1).map((r) => r.file) ?? []),
  );
  return refused.size === 0 ? findings : findings.filter((f) => f.ruleId !== LOCKED || !refused.has(f.location.file));
}
