import type { Deployment } from '../../model/types';

const MASK = '***';
const HARMLESS = /^(true|false|yes|no|none|null)?$/i;

/**
 * Masks every secret value of a deployment (entries flagged `secret`) in a
 * display string. Findings are already redacted by the engine; the graph shows
 * model text too (names, labels, paths), so it gets the same defence in depth.
 */
export function secretMasker(deployments: Deployment[]): (text: string) => string {
  const secrets = new Set<string>();
  for (const deployment of deployments) {
    for (const doc of deployment.documents) {
      for (const entry of doc.entries) {
        const value = entry.value.trim();
        if (entry.secret && value.length >= 3 && !HARMLESS.test(value)) secrets.add(value);
      }
    }
  }
  if (secrets.size === 0) return (text) => text;
  const ordered = [...secrets].sort((a, b) => b.length - a.length);
  return (text) => ordered.reduce((out, secret) => out.split(secret).join(MASK), text);
}
