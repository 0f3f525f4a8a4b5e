import { secretMasker as documentsMasker } from '../../engine/run/redact';
import type { Deployment } from '../../model/types';
import { ACCESS_WORDS } from '../../model/mq-access-words';

/**
 * Masks every secret value of the deployments in a display string. Findings
 * are already redacted by the engine; the graph shows model text too (names,
 * labels, paths), so it gets the same defence in depth.
 */
export function secretMasker(deployments: Deployment[]): (text: string) => string {
  return documentsMasker(
    deployments.flatMap((d) => d.documents),
    deployments.flatMap((d) => d.components.map((c) => c.name)),
    Object.values(ACCESS_WORDS),
  );
}
