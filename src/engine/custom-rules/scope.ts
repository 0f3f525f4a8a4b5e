/**
 * What every custom-rule type reads: the settings of a key in the files the rule covers. Like the products they
 * model, a key set twice in one file (and section) counts once: the last occurrence. Values compare trimmed and
 * case-insensitively unless `caseSensitive`.
 */
import { compileConfigGlob } from '../../core/glob';
import type { Deployment } from '../../model/types';
import type { Entry, ParsedDocument } from '../../parse/types';
import { nameInDeployment } from '../../rules/_lib/majority';
import type { ReportDescriptor } from '../../rules/types';
import type { CustomRuleSpec } from './spec';
import { relativePosix } from '../../core/posix-path';

/** The last entry of a matching key in one in-scope document, with its normalised value. */
export interface Setting {
  doc: ParsedDocument;
  entry: Entry;
  value: string;
}

/** The placeholders every custom-rule message can use. */
export type MessageData = Record<'key' | 'value' | 'expected' | 'other' | 'values', string>;

/** One run of a custom rule over one deployment. */
export interface CustomRuleScope {
  spec: CustomRuleSpec;
  deployment: Deployment;
  /** `values` (or `order`) normalised as setting values are. */
  values: string[];
  inScope: (doc: ParsedDocument, kinds?: string[]) => boolean;
  settingsOf: (key: string, kinds?: string[]) => Setting[];
  /** The value as written, `***` for a secret. */
  shown: (s: Setting) => string;
  /** The component a document belongs to (fingerprints), else its place in the deployment. */
  componentOf: (doc: ParsedDocument) => string;
  data: (s: Setting, extra?: Partial<MessageData>) => MessageData;
  report: (d: Omit<ReportDescriptor<string>, 'messageId'>) => void;
}

/** `*` in a key (or kind) matches any characters (e.g. `CHANNEL(*).SSLCIPH`, `cleartrust.*`), in linear time. */
export function keyMatcher(key: string): (candidate: string) => boolean {
  if (!key.includes('*')) return (candidate) => candidate === key;
  return compileConfigGlob(key, { starOnly: true }, 'config "customRules"');
}

/** Builds the scope of a rule once; `bind` gives it a deployment and the rule context's `report`. */
export function customRuleScope(
  spec: CustomRuleSpec,
): (deployment: Deployment, report: CustomRuleScope['report']) => CustomRuleScope {
  const norm = (v: string) => (spec.caseSensitive ? v.trim() : v.trim().toLowerCase());
  const fileMatch = spec.files
    ? compileConfigGlob(spec.files, { dot: true }, `config "customRules" ${spec.id}`)
    : undefined;
  const values = (spec.values ?? spec.order ?? []).map(norm);
  const shown = (s: Setting) => (s.entry.secret ? '***' : s.entry.value.trim());
  return (deployment, report) => {
    const inScope = (doc: ParsedDocument, kinds = spec.kinds) =>
      (!kinds?.length || kinds.some((k) => keyMatcher(k)(doc.kind))) &&
      (!fileMatch || fileMatch(relativePosix(deployment.root, doc.file.path)));
    return {
      spec,
      deployment,
      values,
      inScope,
      settingsOf: (key, kinds = spec.kinds) => {
        const match = keyMatcher(key);
        const out: Setting[] = [];
        for (const doc of deployment.documents) {
          if (!inScope(doc, kinds)) continue;
          const last = new Map<string, Entry>();
          // Identity is key + section: two XML elements (server/ssl, server/ssl[2]) are two settings.
          for (const entry of doc.entries)
            if (match(entry.key)) last.set(`${entry.section ?? ''}\u0000${entry.key}`, entry);
          for (const entry of last.values()) out.push({ doc, entry, value: norm(entry.value) });
        }
        return out;
      },
      shown,
      componentOf: (doc) =>
        deployment.components.find((c) => c.documents.includes(doc))?.id ?? nameInDeployment(deployment, doc.file.path),
      data: (s, extra = {}) => ({
        key: s.entry.key,
        value: shown(s),
        expected: '',
        other: '',
        values: (spec.values ?? spec.order ?? []).join(', '),
        ...extra,
      }),
      report,
    };
  };
}

/** `cleartrust.aserver/cleartrust.eserver`, or `matching` when the rule reads every kind. */
export const kindsText = (kinds?: string[]) => (kinds?.length ? kinds.join('/') : 'matching');

/** What one custom-rule type adds: its default message, its description and its check. */
export interface CustomRuleKind {
  defaultMessage: string;
  describe(spec: CustomRuleSpec): string;
  check(scope: CustomRuleScope): void;
}
