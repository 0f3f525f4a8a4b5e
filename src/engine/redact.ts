import type { Finding } from '../core/types';
import type { ParsedDocument } from '../parse/types';

export const MASK = '***';
const HARMLESS = /^(true|false|yes|no|none|null)?$/i;

/**
 * A function that masks every secret value of the given documents (entries
 * flagged `secret`) in a display string. Longest secrets first, so a secret
 * that contains another is masked whole.
 */
export function secretMasker(documents: Iterable<ParsedDocument>): (text: string) => string {
  const secrets = new Set<string>();
  for (const doc of documents) {
    for (const entry of doc.entries) {
      const value = entry.value.trim();
      if (entry.secret && value.length >= 3 && !HARMLESS.test(value)) secrets.add(value);
    }
  }
  if (secrets.size === 0) return (text) => text;
  const ordered = [...secrets].sort((a, b) => b.length - a.length);
  const patterns = ordered.map((secret) => ({ secret, pattern: secretPattern(secret) }));
  // A secret that does not occur in the text cannot match its pattern: skip the expression.
  return (text) => patterns.reduce((out, { secret, pattern }) => (out.includes(secret) ? out.replace(pattern, MASK) : out), text);
}

/** Compiled patterns by secret: fleets repeat the same secrets in every deployment. */
const PATTERNS = new Map<string, RegExp>();

function secretPattern(secret: string): RegExp {
  let pattern = PATTERNS.get(secret);
  if (!pattern) {
    const literal = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // A short secret ('admin') is masked as a whole token only, so messages keep words like
    // 'administrator'; a long one is masked wherever it appears.
    pattern = new RegExp(secret.length < SHORT_SECRET ? `(?<![A-Za-z0-9])${literal}(?![A-Za-z0-9])` : literal, 'g');
    if (PATTERNS.size >= 10_000) PATTERNS.clear();
    PATTERNS.set(secret, pattern);
  }
  return pattern;
}

/** Secrets shorter than this are matched as whole tokens. */
const SHORT_SECRET = 8;

/**
 * Defence in depth for DESIGN.md "Secrets": rules should never quote a secret,
 * but if one does, every secret value of the deployment is masked in every
 * message before a formatter sees it.
 */
export function redactFindings(findings: Finding[], documents: ParsedDocument[]): Finding[] {
  if (findings.length === 0) return findings;
  const mask = secretMasker(documents);
  for (const finding of findings) {
    finding.message = mask(finding.message);
    for (const related of finding.related ?? []) related.message = mask(related.message);
  }
  return findings;
}
