/**
 * Declarative custom rules from config `customRules`, compiled into ordinary
 * rules (passed to lint() as `extraRules`). Five types, all over the generic
 * key/value entries every parser produces:
 *
 *   same-value       the key has one value in every file of these kinds
 *   allowed-values   the key's value is one of `values`
 *   forbidden-value  the key's value is none of `values`
 *   required-key     every file of these kinds sets the key
 *   value-order      the key's value is not above `notAbove.key`'s in `order` (e.g. clear < anon < auth)
 *
 * Like the products they model, a key set twice in one file (and section) counts once: the last occurrence.
 * Values compare trimmed and case-insensitively unless `caseSensitive`.
 */
import { compileConfigGlob } from '../../core/glob';
import type { Severity } from '../../core/types';
import { UsageError } from '../../core/types';
import type { Deployment } from '../../model/types';
import type { Entry, ParsedDocument } from '../../parse/types';
import { entryLocation } from '../../parse/types';
import type { AnyRule, ReportDescriptor } from '../../rules/types';
import { defineRule } from '../../rules/types';
import { majority, nameInDeployment } from '../../rules/_lib/majority';
import { relativePosix } from '../../model/paths';

export type CustomRuleType = 'same-value' | 'allowed-values' | 'required-key' | 'forbidden-value' | 'value-order';

/** One entry of config `customRules` (schema: schemas/config.base.json `$defs.customRule`). */
export interface CustomRuleSpec {
  id: string;
  type: CustomRuleType;
  key: string;
  description?: string;
  severity?: Severity;
  message?: string;
  kinds?: string[];
  files?: string | string[];
  caseSensitive?: boolean;
  values?: string[];
  order?: string[];
  notAbove?: { key: string; kinds?: string[] };
  symptoms?: string[];
}

interface Setting {
  doc: ParsedDocument;
  entry: Entry;
  value: string;
}

const DEFAULT_MESSAGES: Record<CustomRuleType, string> = {
  'same-value': "{{key}} is '{{value}}' here but '{{expected}}' in {{other}}; they must be the same",
  'allowed-values': "{{key}} is '{{value}}'; allowed: {{values}}",
  'forbidden-value': "{{key}} must not be '{{value}}'",
  'required-key': '{{key}} is not set in this file',
  'value-order': "{{key}} is '{{value}}', above {{other}} '{{expected}}' (order: {{values}})",
};

function describe(spec: CustomRuleSpec): string {
  switch (spec.type) {
    case 'same-value':
      return `Require the same ${spec.key} in every ${kindsText(spec.kinds)} file`;
    case 'allowed-values':
      return `Allow only ${spec.values!.join(', ')} as ${spec.key}`;
    case 'forbidden-value':
      return `Forbid ${spec.values!.join(', ')} as ${spec.key}`;
    case 'required-key':
      return `Require ${spec.key} in every ${kindsText(spec.kinds)} file`;
    case 'value-order':
      return `Require ${spec.key} to be at most ${spec.notAbove!.key} (${spec.order!.join(' < ')})`;
  }
}

const kindsText = (kinds?: string[]) => (kinds?.length ? kinds.join('/') : 'matching');

/** `*` in a key (or kind) matches any characters (e.g. `CHANNEL(*).SSLCIPH`, `cleartrust.*`), in linear time. */
function keyMatcher(key: string): (candidate: string) => boolean {
  if (!key.includes('*')) return (candidate) => candidate === key;
  return compileConfigGlob(key, { starOnly: true }, 'config "customRules"');
}

export function compileCustomRule(spec: CustomRuleSpec): AnyRule {
  const norm = (v: string) => (spec.caseSensitive ? v.trim() : v.trim().toLowerCase());
  const fileMatch = spec.files
    ? compileConfigGlob(spec.files, { dot: true }, `config "customRules" ${spec.id}`)
    : undefined;
  const inScope = (deployment: Deployment, doc: ParsedDocument, kinds = spec.kinds) =>
    (!kinds?.length || kinds.some((k) => keyMatcher(k)(doc.kind))) &&
    (!fileMatch || fileMatch(relativePosix(deployment.root, doc.file.path)));

  /** The last entry of each matching key in each in-scope document. */
  const settingsOf = (deployment: Deployment, key: string, kinds = spec.kinds): Setting[] => {
    const match = keyMatcher(key);
    const out: Setting[] = [];
    for (const doc of deployment.documents) {
      if (!inScope(deployment, doc, kinds)) continue;
      const last = new Map<string, Entry>();
      // Identity is key + section: two XML elements (server/ssl, server/ssl[2]) are two settings.
      for (const entry of doc.entries)
        if (match(entry.key)) last.set(`${entry.section ?? ''}\u0000${entry.key}`, entry);
      for (const entry of last.values()) out.push({ doc, entry, value: norm(entry.value) });
    }
    return out;
  };
  const shown = (s: Setting) => (s.entry.secret ? '***' : s.entry.value.trim());
  const componentOf = (deployment: Deployment, doc: ParsedDocument) =>
    deployment.components.find((c) => c.documents.includes(doc))?.id ?? nameInDeployment(deployment, doc.file.path);
  const values = (spec.values ?? spec.order ?? []).map(norm);

  return defineRule({
    meta: {
      id: spec.id,
      description: spec.description ?? describe(spec),
      severity: spec.severity ?? 'error',
      messages: { [spec.type]: spec.message ?? DEFAULT_MESSAGES[spec.type] },
      defaultOptions: {},
      symptoms: spec.symptoms,
    },
    check(ctx) {
      const { deployment } = ctx;
      const report = (d: Omit<ReportDescriptor<string>, 'messageId'>) => ctx.report({ messageId: spec.type, ...d });
      const data = (s: Setting, extra: Record<string, string> = {}) => ({
        key: s.entry.key,
        value: shown(s),
        expected: '',
        other: '',
        values: (spec.values ?? spec.order ?? []).join(', '),
        ...extra,
      });
      switch (spec.type) {
        case 'same-value': {
          // Per key (a `*` key can match several): the majority value is the reference; ties go to the first file.
          const byKey = new Map<string, Setting[]>();
          for (const s of settingsOf(deployment, spec.key)) {
            const list = byKey.get(s.entry.key);
            if (list) list.push(s);
            else byKey.set(s.entry.key, [s]);
          }
          for (const settings of byKey.values()) {
            const best = majority(settings, (s) => s.value);
            if (!best) continue;
            for (const s of settings) {
              if (s.value === best.value) continue;
              const other = nameInDeployment(deployment, best.witness.doc.file.path);
              report({
                data: data(s, { expected: shown(best.witness), other }),
                location: entryLocation(s.doc, s.entry),
                related: [
                  {
                    ...entryLocation(best.witness.doc, best.witness.entry),
                    message: `'${shown(best.witness)}' set here`,
                  },
                ],
                fingerprint: [componentOf(deployment, s.doc), s.entry.key, s.value, best.value],
              });
            }
          }
          return;
        }
        case 'allowed-values':
        case 'forbidden-value': {
          for (const s of settingsOf(deployment, spec.key)) {
            if (values.includes(s.value) === (spec.type === 'allowed-values')) continue;
            report({
              data: data(s),
              location: entryLocation(s.doc, s.entry, 'value'),
              fingerprint: [componentOf(deployment, s.doc), s.entry.key, s.value],
            });
          }
          return;
        }
        case 'required-key': {
          const match = keyMatcher(spec.key);
          for (const doc of deployment.documents) {
            if (!inScope(deployment, doc) || doc.entries.some((e) => match(e.key))) continue;
            report({
              data: { key: spec.key, value: '', expected: '', other: '', values: '' },
              location: { file: doc.file.path },
              fingerprint: [componentOf(deployment, doc), spec.key],
            });
          }
          return;
        }
        case 'value-order': {
          const rank = (v: string) => values.indexOf(v);
          const limitKinds = spec.notAbove!.kinds;
          const limitsAll = limitKinds ? settingsOf(deployment, spec.notAbove!.key, limitKinds) : [];
          for (const s of settingsOf(deployment, spec.key)) {
            const limits = limitKinds
              ? limitsAll
              : settingsOf(deployment, spec.notAbove!.key).filter((l) => l.doc === s.doc);
            for (const limit of limits) {
              if (rank(s.value) < 0 || rank(limit.value) < 0 || rank(s.value) <= rank(limit.value)) continue;
              report({
                data: data(s, { expected: shown(limit), other: limit.entry.key }),
                location: entryLocation(s.doc, s.entry),
                related: [
                  { ...entryLocation(limit.doc, limit.entry), message: `${limit.entry.key} is '${shown(limit)}' here` },
                ],
                fingerprint: [componentOf(deployment, s.doc), s.entry.key, s.value, limit.value],
              });
            }
          }
          return;
        }
      }
    },
  });
}

/** Compiles every `customRules` entry; ids must be unique and must not shadow built-in rules. */
export function compileCustomRules(specs: Record<string, unknown>[], builtInIds: Set<string>): AnyRule[] {
  const seen = new Set<string>();
  return specs.map((raw, i) => {
    const spec = raw as unknown as CustomRuleSpec;
    if (builtInIds.has(spec.id))
      throw new UsageError(
        `customRules[${i}].id '${spec.id}' is a built-in rule id; use your own area, e.g. "custom/${spec.id.split('/')[1]}"`,
      );
    if (seen.has(spec.id)) throw new UsageError(`customRules[${i}].id '${spec.id}' is used twice`);
    seen.add(spec.id);
    return compileCustomRule(spec);
  });
}
