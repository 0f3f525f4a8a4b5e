/**
 * Key stores no password opens, as the report shows them. A locked store some component names (or may name, through
 * a placeholder) keeps its own finding: its certificates decide a handshake and what to declare is the store's.
 * Locked stores no component names (test keys, a PKI tool's output: xipki/xipki holds 1,238 in 57 directories) are
 * told once per directory, so that a report lists what matters rather than every file of a test tree.
 */
import * as path from 'node:path';
import type { Finding, RelatedLocation } from '../../core/types';
import type { DerivedDeployment } from '../../derive/types';
import { relativePosix } from '../../model/paths';
import type { UnnamedFileTest } from './unnamed-files';

const LOCKED = 'parse/keystore-locked';
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
