import { said, type Phrase } from '../../../core/phrase';
import type { RuleRelated } from '../../types';
import type { Location } from '../../../core/types';
import { majority, nameInDeployment } from '../../_lib/majority';
import type { LinkPrediction } from '../../../handshake/links';
import type { RuleContext } from '../../types';
import { isCleartrust, type Component, type Deployment } from '../../../model/types';
import type { Entry, ParsedDocument } from '../../../parse/types';
import { entryLocation } from '../../../parse/types';

/** A ClearTrust setting: the last occurrence of a key in one file (the one the product reads). */
export interface Setting {
  doc: ParsedDocument;
  entry: Entry;
  component?: Component;
  /** Trimmed, lower-cased value for comparison (`Clear` = `clear`). */
  normalized: string;
}

export const SSL_MODES = ['clear', 'anon', 'auth'] as const;
export type SslMode = (typeof SSL_MODES)[number];

/** The security order clear < anon < auth. */
export function modeRank(mode: string): number {
  return SSL_MODES.indexOf(mode as SslMode);
}

const cleartrustMode = (component: Component): string | undefined =>
  isCleartrust(component) ? component.attributes.sslMode : undefined;

/**
 * A failing ClearTrust link with an end in `anon` mode (`bothEnds`: both ends anon, else the modes
 * differ): ClearTrust's own rules name the JDK or the mode that breaks it (`ownsLinkFailure`).
 */
export function failingAnonLink(lp: LinkPrediction, bothEnds: boolean): boolean {
  if (lp.prediction.ok) return false;
  const modes = [cleartrustMode(lp.client.component), cleartrustMode(lp.server.component)];
  if (modes.includes(undefined) || !modes.includes('anon')) return false;
  return bothEnds === (modes[0] === modes[1]);
}

/** The effective value of `key` in each ClearTrust file of the given kinds. */
export function settingsOf(deployment: Deployment, kinds: string[], key: string): Setting[] {
  const out: Setting[] = [];
  for (const doc of deployment.documents) {
    if (!kinds.includes(doc.kind)) continue;
    const entry = lastEntry(doc, key);
    if (!entry) continue;
    const component = deployment.components.find((c) => c.documents.includes(doc));
    out.push({ doc, entry, component, normalized: entry.value.trim().toLowerCase() });
  }
  return out;
}

export function lastEntry(doc: ParsedDocument, key: string): Entry | undefined {
  return [...doc.entries].reverse().find((e) => e.key === key);
}

export function valueLocation(setting: Setting): Location {
  return entryLocation(setting.doc, setting.entry, 'line');
}

export function relatedTo(setting: Setting, message: string | Phrase): RuleRelated {
  return { ...valueLocation(setting), message };
}

/** `aserver.conf` or `host2/aserver.conf`: short and unambiguous inside a deployment. */
export const shortName = nameInDeployment;

/** Server kinds whose `cleartrust.net.ssl.use` must agree (the Key Server is separate). */
export const SERVER_KINDS = [
  'cleartrust.eserver',
  'cleartrust.aserver',
  'cleartrust.dispatcher',
  'cleartrust.lserver',
  'cleartrust.iserver',
  'cleartrust.admingui',
];

/** Every ClearTrust server kind, the Key Server too: each runs on a JDK and reads `cleartrust.net.ssl.*`. */
export const SERVER_KINDS_WITH_KEY_SERVER = [...SERVER_KINDS, 'cleartrust.keyserver'];

/**
 * Where each ClearTrust family writes its SSL settings: every server (the Key Server too) under `cleartrust.net.ssl.`,
 * the web agents under `cleartrust.agent.ssl.`; `modeKey` is its SSL mode, `keyStoreKeys` the keys that name its key
 * store (the first is the one to advise).
 */
export const SSL_SETTINGS: readonly { kinds: string[]; prefix: string; modeKey: string; keyStoreKeys: string[] }[] = [
  {
    kinds: SERVER_KINDS_WITH_KEY_SERVER,
    prefix: 'cleartrust.net.ssl.',
    modeKey: 'cleartrust.net.ssl.use',
    keyStoreKeys: ['cleartrust.net.ssl.keystore_file', 'cleartrust.net.ssl.keystore'],
  },
  {
    kinds: ['cleartrust.webagent'],
    prefix: 'cleartrust.agent.ssl.',
    modeKey: 'cleartrust.agent.ssl.use',
    keyStoreKeys: ['cleartrust.agent.ssl.keystore'],
  },
];

/** What `reportDisagreements` passes to a rule's `report`. */
export interface Disagreement {
  setting: Setting;
  reference: Setting;
  data: Record<string, string>;
}

/**
 * Reports every setting whose value differs from the majority's, at the
 * setting, with the majority's location as `related`.
 */
export function reportDisagreements(
  deployment: Deployment,
  settings: Setting[],
  report: (d: Disagreement) => void,
): void {
  const reference = majority(settings, (s) => s.normalized);
  if (!reference) return;
  for (const setting of settings) {
    if (setting.normalized === reference.value) continue;
    report({
      setting,
      reference: reference.witness,
      data: {
        key: setting.entry.key,
        value: setting.entry.value.trim(),
        expected: reference.value,
        other: shortName(deployment, reference.witness.doc.file.path),
      },
    });
  }
}

/** Reports, with message id `mismatch`, every setting that disagrees with the majority (the same-value check). */
export function reportMismatches(ctx: RuleContext<unknown, 'mismatch'>, settings: Setting[]): void {
  reportDisagreements(ctx.deployment, settings, ({ setting, reference, data }) =>
    ctx.report({
      messageId: 'mismatch',
      data,
      location: valueLocation(setting),
      related: [relatedTo(reference, said`'${reference.entry.value.trim()}' set here`)],
      fingerprint: [
        setting.component?.id ?? setting.doc.kind,
        setting.entry.key,
        setting.normalized,
        reference.normalized,
      ],
    }),
  );
}
