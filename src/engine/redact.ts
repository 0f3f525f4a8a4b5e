import type { Finding } from '../core/types';
import type { ParsedDocument } from '../parse/types';

export const MASK = '***';
const HARMLESS = /^(true|false|yes|no|none|null)?$/i;

/**
 * Defence in depth for DESIGN.md "Secrets": rules should never quote a secret,
 * but if one does, every secret value of the deployment is masked in every
 * message before a formatter sees it.
 */
export function redactFindings(findings: Finding[], documents: ParsedDocument[]): Finding[] {
  const secrets = new Set<string>();
  for (const doc of documents) {
    for (const entry of doc.entries) {
      const value = entry.value.trim();
      if (entry.secret && value.length >= 3 && !HARMLESS.test(value)) secrets.add(value);
    }
  }
  if (secrets.size === 0) return findings;
  // Longest first, so a secret that contains another is masked whole.
  const ordered = [...secrets].sort((a, b) => b.length - a.length);
  const mask = (text: string) => ordered.reduce((out, secret) => out.split(secret).join(MASK), text);
  for (const finding of findings) {
    finding.message = mask(finding.message);
    for (const related of finding.related ?? []) related.message = mask(related.message);
  }
  return findings;
}
