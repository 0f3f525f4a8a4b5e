/**
 * Scripts a product applies only under a condition the tree does not settle (mq-container renders
 * `20-dev-tls.mqsc.tpl` only when a TLS key is mounted: mq.json `conditionalScripts`). The deployment is checked
 * with them and without them; a finding both give stands, and a finding only one of them gives holds only under
 * that condition: an info naming it, in both directions (no confident warning, no silent pass).
 */
import * as path from 'node:path';
import type { Finding, RelatedLocation } from '../../core/types';
import { conditionalScriptFor, type ConditionalScript } from '../../knowledge/mq';
import type { ParsedDocument } from '../../parse/types';

export interface ConditionalDocument {
  doc: ParsedDocument;
  script: ConditionalScript;
}

/** The tree's MQSC documents that are conditional scripts (by the file name the product's layout gives them). */
export function conditionalDocuments(documents: readonly ParsedDocument[]): ConditionalDocument[] {
  return documents.flatMap((doc) => {
    if (doc.kind !== 'mq.mqsc') return [];
    const script = conditionalScriptFor(path.basename(doc.file.path));
    return script ? [{ doc, script }] : [];
  });
}

/** What identifies one finding in both checks (related places and texts may differ with the script applied). */
function identity(f: Finding): string {
  const at = f.location.range ? `${f.location.range.start.line}:${f.location.range.start.character}` : '';
  return [f.ruleId, f.messageId ?? '', f.fingerprint ?? `${f.location.file}:${at}:${f.message}`].join('\u0000');
}

/**
 * Findings of the check with the conditional scripts (`applied`) and without them (`notApplied`), after severities:
 * those both give, as `applied` has them; the others as infos that say under which condition they hold.
 */
export function withConditionalScripts(
  applied: Finding[],
  notApplied: Finding[],
  conditional: ConditionalDocument[],
): Finding[] {
  const inApplied = new Set(applied.map(identity));
  const inNotApplied = new Set(notApplied.map(identity));
  const files = conditional.map((c) => path.basename(c.doc.file.path)).join(', ');
  const related: RelatedLocation[] = conditional.map((c) => ({
    file: c.doc.file.path,
    message: `${c.script.what} (${c.script.source.split(' ')[0] ?? ''})`,
  }));
  const when = (pick: (s: ConditionalScript) => string) =>
    [...new Set(conditional.map((c) => pick(c.script)))].join('; ');
  const only = (f: Finding, condition: string): Finding => ({
    ...f,
    severity: 'info',
    message: `${f.message} — holds only when ${condition}`,
    related: [...(f.related ?? []), ...related],
  });
  return [
    ...applied.map((f) =>
      inNotApplied.has(identity(f)) ? f : only(f, `${when((s) => s.appliedWhen)} (${files} is applied only then)`),
    ),
    ...notApplied
      .filter((f) => !inApplied.has(identity(f)))
      .map((f) => only(f, `${when((s) => s.notAppliedWhen)} (${files} is then not applied)`)),
  ];
}
