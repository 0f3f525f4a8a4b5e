/**
 * Scripts a product applies only under a condition the tree does not settle (mq-container renders
 * `20-dev-tls.mqsc.tpl` only when a TLS key is mounted: mq.json `conditionalScripts`), and the runmqsc MQSC a shell
 * script joins to a file it feeds runmqsc but runs only under an `if` it does not settle
 * (src/model/mq-runmqsc-conditions.ts). The deployment is checked
 * with them and without them; a finding both give stands, and a finding only one of them gives holds only under
 * that condition: an info naming it, in both directions (no confident warning, no silent pass).
 */
import * as path from 'node:path';
import type { Finding, RelatedLocation } from '../../core/types';
import { conditionalScriptFor, type ConditionalScript } from '../../knowledge/mq';
import {
  conditionalRunmqscParts,
  conditionVariables,
  testWords,
  type ConditionalRunmqscPart,
} from '../../model/mq-runmqsc-conditions';
import type { ShellCondition } from '../../parse/shell-conditions';
import type { ParsedDocument } from '../../parse/types';

export interface ConditionalDocument {
  doc: ParsedDocument;
  script: ConditionalScript;
  /** What the messages call it, when not its file's name (a script's runmqsc input: its line). */
  label?: string;
  /** The place that decides the condition, when not the file itself (the script's `if`). */
  decidedAt?: RelatedLocation;
}

/**
 * The tree's MQSC documents that are conditional scripts (by the file name the product's layout gives them), and the
 * conditional runmqsc MQSC of scripts that feed a file runmqsc (`root`: the deployment's, from which paths resolve).
 */
export function conditionalDocuments(documents: readonly ParsedDocument[], root: string): ConditionalDocument[] {
  const named = documents.flatMap((doc) => {
    if (doc.kind !== 'mq.mqsc') return [];
    const script = conditionalScriptFor(path.basename(doc.file.path));
    return script ? [{ doc, script }] : [];
  });
  return [...named, ...conditionalRunmqscParts(documents, root).map(shellConditional)];
}

/** A script's conditional runmqsc part as a conditional script: the tests that decide it, in words. */
function shellConditional({ doc, conditions, fedFile }: ConditionalRunmqscPart): ConditionalDocument {
  const script = doc.file.path;
  const test = (c: ShellCondition, holds: boolean) =>
    `${testWords(script, c)} ${holds !== c.negated ? 'holds' : 'does not hold'}`;
  const variables = conditionVariables(conditions);
  const decides = variables.length > 0 ? `; the container's environment decides ${variables.join(', ')}` : '';
  const appliedWhen = `${conditions.map((c) => test(c, true)).join(' and ')}${decides}`;
  const notAppliedWhen = `${conditions.map((c) => test(c, false)).join(' or ')}${decides}`;
  const line = doc.embedded?.range.start.line ?? 0;
  const first = conditions[0]!; // a conditional part has conditions
  const what = `${path.basename(script)} runs its runmqsc input at line ${line + 1}, after ${path.basename(fedFile)}, only when ${appliedWhen}`;
  return {
    doc,
    script: {
      file: path.basename(script),
      appliedWhen,
      notAppliedWhen,
      what,
      source: `${script}:${first.line + 1}`,
    },
    label: `the runmqsc input at ${path.basename(script)}:${line + 1}`,
    decidedAt: {
      file: script,
      range: { start: { line: first.line, character: 0 }, end: { line: first.line, character: 0 } },
      message: what,
    },
  };
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
  const names = [...new Set(conditional.map((c) => c.label ?? path.basename(c.doc.file.path)))];
  const files = `${names.join(', ')} ${names.length > 1 ? 'are' : 'is'}`;
  const related: RelatedLocation[] = conditional.map(
    (c) =>
      c.decidedAt ?? { file: c.doc.file.path, message: `${c.script.what} (${c.script.source.split(' ')[0] ?? ''})` },
  );
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
      inNotApplied.has(identity(f)) ? f : only(f, `${when((s) => s.appliedWhen)} (${files} applied only then)`),
    ),
    ...notApplied
      .filter((f) => !inApplied.has(identity(f)))
      .map((f) => only(f, `${when((s) => s.notAppliedWhen)} (${files} then not applied)`)),
  ];
}
