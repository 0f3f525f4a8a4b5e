/**
 * `lint-deploy explain-error "<text>"`: which rules predict a run-time error.
 * Matches the text against every rule's `meta.symptoms` (case-insensitive, both
 * ways: a symptom inside the pasted log line, or a short query inside a symptom),
 * and MQ reason codes / message ids through the knowledge base, so `RC=2397`,
 * `2397`, `MQRC_JSSE_ERROR` and `AMQ9771` all find the same rules.
 */
import type { AnyRule } from '../rules/types';
import { escapeRegExp } from '../core/regex';

export interface MqCodeInfo {
  code: string;
  name: string;
  message: string;
}

export interface ErrorMatch {
  rule: AnyRule;
  /** The symptoms of the rule that matched. */
  symptoms: string[];
}

const normalize = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\s"'`]+/g, ' ')
    .trim();

/** MQ codes in a text: reason codes (2393, RC=2397, MQRC_…), message ids (AMQ9771, CSQX631E). */
export function mqCodesIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b(?:AMQ\d{4}[EWI]?|CSQ[A-Z]\d{3}[EWI]?|MQRCC?F?_[A-Z0-9_]+|JMSWMQ\d{4})\b/gi))
    out.add(m[0].toUpperCase());
  for (const m of text.matchAll(/(?:^|[^\d.])(2\d{3})(?![\d.])/g)) out.add(m[1]!);
  return [...out];
}

export function matchError(
  text: string,
  rules: readonly AnyRule[],
  lookup?: (code: string) => MqCodeInfo | undefined,
): { codes: MqCodeInfo[]; matches: ErrorMatch[] } {
  const query = normalize(text);
  const codes: MqCodeInfo[] = [];
  const terms = new Set<string>();
  for (const code of mqCodesIn(text)) {
    terms.add(code.toLowerCase());
    const info = lookup?.(code);
    if (info) {
      if (!codes.some((c) => c.code === info.code)) codes.push(info);
      terms.add(info.code.toLowerCase());
      terms.add(info.name.toLowerCase());
    }
  }
  const matches: ErrorMatch[] = [];
  for (const rule of rules) {
    const hit = (rule.meta.symptoms ?? []).filter((symptom) => {
      const s = normalize(symptom);
      if (!s) return false;
      if (query.includes(s) || (query.length >= 4 && s.includes(query))) return true;
      return [...terms].some((t) => new RegExp(`(^|[^a-z0-9_])${escapeRegExp(t)}($|[^a-z0-9_])`).test(s));
    });
    if (hit.length) matches.push({ rule, symptoms: hit });
  }
  return { codes, matches };
}

export function formatErrorMatches(text: string, result: { codes: MqCodeInfo[]; matches: ErrorMatch[] }): string {
  const lines: string[] = [];
  for (const c of result.codes) lines.push(`${c.code} ${c.name}: ${c.message}`);
  if (result.codes.length) lines.push('');
  if (!result.matches.length) {
    lines.push(
      `No rule predicts "${text}".`,
      'Try a shorter part of the message (an alert name such as handshake_failure, an MQ code such as AMQ9771 or RC=2397).',
    );
    return lines.join('\n') + '\n';
  }
  lines.push(
    `${result.matches.length} rule${result.matches.length === 1 ? '' : 's'} predict${result.matches.length === 1 ? 's' : ''} "${text}":`,
    '',
  );
  for (const { rule, symptoms } of result.matches) {
    lines.push(
      `  ${rule.meta.id}  (${rule.meta.severity})`,
      `    ${rule.meta.description}`,
      `    matches: ${symptoms.join('; ')}`,
      `    docs: lint-deploy --explain ${rule.meta.id}`,
      '',
    );
  }
  lines.push('Run just these rules on a deployment: lint-deploy explain-error "<text>" <path>');
  return lines.join('\n') + '\n';
}
