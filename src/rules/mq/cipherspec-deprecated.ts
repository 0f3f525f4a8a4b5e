import type { RuleRelated } from '../types';
import { defineRule } from '../types';
import type { LinkPrediction } from '../../handshake/links';
import { findCipherSpec, mqReenablingSwitches, mqCipherSpecDefaultState, type MqDefaultState } from '../../knowledge';
import { mqCipherSpec, mqCipherSpecAlias, type CipherSpecInfo } from '../../model/mq-cipherspecs';
import { isMqChannel, type Component } from '../../model/types';
import type { MqChannelAttributes, MqQueueManagerFacts, MqValue } from '../../model/attributes';

import { iniValue } from '../../parse/mq-ini';
import { channelStory, releaseRelated, releasesOf } from './_lib/shared';
import { said } from '../../core/phrase';

/** The deprecated CipherSpec a channel end names, with its SSLCIPH, if any (aliases and templated values never are). */
function deprecatedSpec(c: Component): { spec: CipherSpecInfo; sslciph: MqValue } | undefined {
  if (!isMqChannel(c)) return undefined;
  const sslciph = c.attributes.sslciph;
  if (!sslciph || !sslciph.value.trim() || sslciph.templated || mqCipherSpecAlias(sslciph.value)) return undefined;
  const spec = mqCipherSpec(sslciph.value);
  return spec?.deprecated ? { spec, sslciph } : undefined;
}

/**
 * A link with an end this rule reports: MQ refuses the spec when the channel starts (or runs it because the queue
 * manager re-enabled weak specs, or because its release still accepts it), which the handshake predictor, knowing
 * only current protocol defaults, would otherwise explain as a generic tls/no-common-* failure of the link.
 */
function ownsLinkFailure(lp: LinkPrediction): boolean {
  return !lp.prediction.ok && [lp.client.component, lp.server.component].some((c) => deprecatedSpec(c) !== undefined);
}

const KNOWN_KEYS = ['AllowSSLV3', 'AllowTLSV1', 'AllowWeakCipherSpec'];

/** A qm.ini SSL value that re-enables `spec`: Y/YES/TRUE/ALL, or a list naming it (AMQ_SSL_WEAK_CIPHER_ENABLE style). */
const iniSwitchOn = (value: string, spec: string) =>
  /^(y|yes|t|true|all)$/i.test(value) || value.split(/[\s,]+/).some((v) => v.toUpperCase() === spec.toUpperCase());

/**
 * An environment variable's value that re-enables `spec`: IBM documents `=1`/`=TRUE` (AMQ_SSL_V3_ENABLE,
 * AMQ_TLS_V1_ENABLE) and a CipherSpec name, a list or ALL (AMQ_SSL_WEAK_CIPHER_ENABLE; "any value" in 7.5). Only a list
 * of CipherSpecs that leaves this one out, or an explicit off, does not.
 */
function variableOn(value: string, spec: string): boolean {
  const names = value.split(/[\s,]+/).filter(Boolean);
  if (names.length === 0 || /^(0|n|no|f|false)$/i.test(value)) return false;
  if (names.every((n) => findCipherSpec(n) !== undefined)) return iniSwitchOn(value, spec);
  return true;
}

/**
 * The queue manager's switch `key` (a qm.ini SSL attribute) that re-enables `spec`: the attribute itself, or the
 * environment variable that does the same (mq.json reenablingSwitches) set by the queue manager's image.
 */
function reenabling(
  qm: MqQueueManagerFacts | undefined,
  key: string,
  spec: string,
): { by: string; at: RuleRelated; via: RuleRelated[] } | undefined {
  const ini = qm?.qmIni;
  const entry = ini ? iniValue(ini.data, 'SSL', key) : undefined;
  if (ini && entry && iniSwitchOn(entry.value.trim(), spec))
    return {
      by: key,
      at: { file: ini.file.path, range: entry.valueRange, message: said`${key}=${entry.value.trim()} set here` },
      via: [],
    };
  const variable = mqReenablingSwitches().find((s) => s.qmIni === key)?.environment;
  const set = qm?.environment?.find((e) => e.name === variable);
  return set && variableOn(set.value.value.trim(), spec)
    ? {
        by: `${set.name} (the queue manager's environment)`,
        at: {
          ...set.value.location,
          message: said`${set.name}=${set.value.value.trim()} set here, in the queue manager's environment (as qm.ini SSL: ${key})`,
        },
        via: set.value.via ?? [],
      }
    : undefined;
}

/**
 * The queue manager's variables for `keys` that are set without re-enabling `spec` (`=0`, a list leaving it out): they
 * decide that it stays refused, the container's environment over the image's ENV, so the finding names them.
 */
function switchesLeftOff(qm: MqQueueManagerFacts, keys: string[], spec: string): RuleRelated[] {
  return keys.flatMap((key) => {
    const variable = mqReenablingSwitches().find((s) => s.qmIni === key)?.environment;
    const set = qm.environment?.find((e) => e.name === variable);
    return set && !variableOn(set.value.value.trim(), spec)
      ? [
          {
            ...set.value.location,
            message: said`${set.name}=${set.value.value.trim()} set here: it does not re-enable ${spec}`,
          },
        ]
      : [];
  });
}

/** A client end's mqclient.ini attribute that would re-enable deprecated specs on a queue manager, with where. */
function clientIniSwitch(a: MqChannelAttributes): { set: string; at: RuleRelated } | undefined {
  const ini = a.clientIni;
  for (const key of KNOWN_KEYS) {
    const entry = ini ? iniValue(ini.data, 'SSL', key) : undefined;
    if (ini && entry) {
      const set = `${key}=${entry.value.trim()}`;
      return { set, at: { file: ini.file.path, range: entry.valueRange, message: said`${set} set here` } };
    }
  }
  return undefined;
}

/**
 * The queue manager whose release and switches decide: the channel's own, or, for a CLNTCONN of an MQSC script, the one
 * that defines it when the tree names its release (its DEFINE is checked there; otherwise it is a client end).
 */
const deciding = (a: MqChannelAttributes) => a.qmgr ?? (releasesOf(a.definedOn).length > 0 ? a.definedOn : undefined);

/** A release the queue manager is judged by, in words and where the tree names it; `byRun` when it is one of several. */
interface JudgedRelease {
  value: string;
  text: string;
  at: RuleRelated[];
  byRun: boolean;
}

/**
 * The releases the spec is judged by: the one release the tree names, or each release of the queue managers the MQSC
 * runs on when they differ (each refuses or accepts it by its own); `[undefined]` when the tree names none.
 */
function releasesJudged(qm: MqQueueManagerFacts): (JudgedRelease | undefined)[] {
  const runs = releasesOf(qm).map(({ release: r, byRun }) => ({
    value: r.value,
    text: `${r.value} (${r.via})`,
    at: releaseRelated(r),
    byRun,
  }));
  return runs.length > 0 ? runs : [undefined];
}

/** The release points a spec is refused from, in words. */
function fromText(state: MqDefaultState): string {
  const points = state.from;
  if (points.length === 1) return `${points[0]} and every later release`;
  return `${points.slice(0, -1).join(', ')} and ${points.at(-1)} (the first of each release line) and every later release`;
}

const samePlace = (a: RuleRelated, b: RuleRelated) => a.file === b.file && a.range?.start.line === b.range?.start.line;

/**
 * When the MQSC runs on several Compose services whose environments set the re-enabling variables differently: each
 * service's queue manager, seen with its own variables (and those of the image or resource, which all share) and its
 * own image's release; undefined when they agree (then the queue manager is judged once).
 */
function runsWithOwnEnvironment(
  qm: MqQueueManagerFacts,
): { view: MqQueueManagerFacts; service: string; at?: RuleRelated }[] | undefined {
  const runs = qm.runs ?? [];
  const own = (service: string) => (qm.environment ?? []).filter((e) => !e.service || e.service === service);
  const signature = (service: string) =>
    own(service)
      .map((e) => `${e.name}=${e.value.value}`)
      .sort()
      .join('\n');
  if (runs.length < 2 || new Set(runs.map((r) => signature(r.service))).size < 2) return undefined;
  return runs.map(({ service, said: container, release }) => {
    const { releasesByRun: _all, ...shared } = qm;
    const view: MqQueueManagerFacts = { ...shared, environment: own(service), ...(release ? { release } : {}) };
    if (!release && qm.releasesByRun) delete view.release;
    const place = release?.location ?? own(service).find((e) => e.service)?.value.location;
    return {
      view,
      service,
      ...(place && {
        at: { ...place, message: said`${container} runs this MQSC: judged with its own environment` },
      }),
    };
  });
}

export default defineRule({
  meta: {
    id: 'mq/cipherspec-deprecated',
    description:
      'Report channels that use a deprecated CipherSpec, by the IBM MQ release of the queue manager (an error where the release refuses it unless the qm.ini re-enables it, a warning where it still accepts it or the release is not known)',
    severity: 'error',
    appliesTo: { components: ['mq.'] },
    messages: {
      disabled:
        "Channel {{channel}} uses the deprecated {{protocol}} CipherSpec {{spec}}, which IBM MQ {{release}} refuses by default (from {{since}}): DEFINE fails with AMQ8242 'SSLCIPH definition wrong' and a running channel with RC=2393 MQRC_SSL_INITIALIZATION_ERROR. Use a TLS 1.2/1.3 CipherSpec such as ANY_TLS12_OR_HIGHER (or re-enable it: qm.ini SSL: {{keys}})",
      reenabled:
        'Channel {{channel}} uses the deprecated {{protocol}} CipherSpec {{spec}}; it works only because {{key}} re-enables it. Move to a TLS 1.2/1.3 CipherSpec',
      acceptedByRelease:
        'Channel {{channel}} uses the deprecated {{protocol}} CipherSpec {{spec}}: IBM MQ {{release}} still accepts it by default, but IBM MQ refuses it from {{from}}: upgrading the queue manager breaks this channel (AMQ8242 at DEFINE, RC=2393 at start) unless qm.ini SSL: {{keys}} re-enables it. Move to a TLS 1.2/1.3 CipherSpec',
      releaseUnknown:
        'Channel {{channel}} uses the deprecated {{protocol}} CipherSpec {{spec}}, which IBM MQ refuses by default from {{from}} (DEFINE fails with AMQ8242, a running channel with RC=2393) unless qm.ini SSL: {{keys}} re-enables it; older releases accept it. {{whose}}. Move to a TLS 1.2/1.3 CipherSpec such as ANY_TLS12_OR_HIGHER',
      clientEnd:
        'Channel {{channel}} is a client end with the deprecated {{protocol}} CipherSpec {{spec}}. The server channel it connects to must name the same CipherSpec, and IBM MQ queue managers refuse that by default from {{from}} (the client gets RC=2393 MQRC_SSL_INITIALIZATION_ERROR) unless the queue manager re-enables it (qm.ini SSL: {{keys}}, or the matching AMQ_* variable in its environment); IBM documents no client-side switch for it. Move both ends to a TLS 1.2/1.3 CipherSpec such as ANY_TLS12_OR_HIGHER',
      clientIniKey:
        'Channel {{channel}} is a client end with the deprecated {{protocol}} CipherSpec {{spec}}, and its mqclient.ini sets {{set}}: IBM documents that switch for the queue manager (qm.ini SSL stanza), not for the client configuration file, whose SSL stanza lists no such attribute. The queue manager decides: it refuses the spec by default from {{from}} unless its own qm.ini SSL: {{keys}} re-enables it. Move both ends to a TLS 1.2/1.3 CipherSpec',
      otherKey:
        "Channel {{channel}} uses the deprecated {{protocol}} CipherSpec {{spec}}; the queue manager's qm.ini sets {{set}}, but IBM names {{keys}} for re-enabling this CipherSpec, and whether {{set}} does is not documented. Set {{keys}}, or move to a TLS 1.2/1.3 CipherSpec",
    },
    defaultOptions: {},
    symptoms: ['AMQ8242', 'MQRCCF_SSL_CIPHER_SPEC_ERROR', 'RC=2393', 'MQRC_SSL_INITIALIZATION_ERROR', 'AMQ9788'],
    ownsLinkFailure,
  },
  check(ctx) {
    for (const c of ctx.deployment.components) {
      const found = deprecatedSpec(c);
      if (!found || !isMqChannel(c)) continue;
      const { spec, sslciph: v } = found;
      const a = c.attributes;
      const qm = deciding(a);
      const runs = qm ? releasesJudged(qm) : [undefined];
      // Which switches re-enable the spec is the data's, the same on every release.
      const keys = mqCipherSpecDefaultState(spec.name, runs[0]?.value)?.reenabledBy ?? ['AllowWeakCipherSpec'];
      const data = {
        channel: a.channelName,
        spec: spec.name,
        protocol: spec.protocol,
        keys: keys.map((k) => `${k}=Y`).join(' or '),
      };
      const story = channelStory(a, v.location);
      /** The queue manager a finding is for, when the MQSC runs on several whose environments differ. */
      type ForRun = { service: string; at?: RuleRelated };
      const report = (
        messageId:
          | 'disabled'
          | 'reenabled'
          | 'acceptedByRelease'
          | 'releaseUnknown'
          | 'otherKey'
          | 'clientEnd'
          | 'clientIniKey',
        severity: 'error' | 'warning',
        extra: Record<string, string>,
        related: RuleRelated[],
        run?: JudgedRelease,
        forRun?: ForRun,
      ) =>
        ctx.report({
          messageId,
          data: { ...data, ...extra },
          location: v.location,
          severity: severity === 'error' ? undefined : severity,
          related: [
            ...related,
            ...(forRun?.at && !related.some((r) => samePlace(r, forRun.at!)) ? [forRun.at] : []),
            ...story,
          ],
          // One finding per release when the MQSC runs on queue managers of different releases, per queue manager
          // when their environments differ.
          fingerprint: [c.id, spec.name, ...(run?.byRun ? [run.value] : []), ...(forRun ? [forRun.service] : [])],
        });

      if (!qm) {
        // A client end: IBM documents the deprecation and its switches for queue managers only (mq.json clientReenablingSource).
        const state = mqCipherSpecDefaultState(spec.name, undefined);
        const from = state ? fromText(state) : 'the releases IBM lists under Deprecated CipherSpecs';
        const clientSwitch = clientIniSwitch(a);
        if (clientSwitch) report('clientIniKey', 'warning', { set: clientSwitch.set, from }, [clientSwitch.at]);
        else report('clientEnd', 'warning', { from }, []);
        continue;
      }
      /** The verdicts on queue manager `on` (its switches, then each release it is judged by). */
      const judge = (on: MqQueueManagerFacts, releases: (JudgedRelease | undefined)[], forRun?: ForRun) => {
        const set = keys.map((k) => reenabling(on, k, spec.name)).find((x) => x !== undefined);
        if (set) {
          report('reenabled', 'warning', { key: set.by }, [set.at, ...set.via], undefined, forRun);
          return;
        }
        const other = KNOWN_KEYS.filter((k) => !keys.includes(k))
          .map((k) => reenabling(on, k, spec.name))
          .find((x) => x !== undefined);
        let otherReported = false;
        // Each release decides for the queue managers that run it: one refuses the spec while another still accepts it.
        for (const release of releases) {
          const state = mqCipherSpecDefaultState(spec.name, release?.value);
          if (state?.disabled === 'no' && release) {
            const extra = { release: release.text, from: fromText(state) };
            report('acceptedByRelease', 'warning', extra, release.at, release, forRun);
            continue;
          }
          if (other) {
            if (!otherReported)
              report('otherKey', 'warning', { set: other.by, keys: data.keys }, [other.at], undefined, forRun);
            otherReported = true;
            continue;
          }
          if (state?.disabled === 'yes' && release) {
            const off = switchesLeftOff(on, keys, spec.name);
            const extra = { release: release.text, since: state.since ?? '' };
            report('disabled', 'error', extra, [...release.at, ...off], release, forRun);
            continue;
          }
          // The release is not named (or the data does not cover it): which releases refuse the spec, and how to say.
          const whose = release
            ? `Its queue manager runs ${release.text}, a release IBM's Deprecated CipherSpecs tables do not settle for this CipherSpec`
            : 'The tree does not say which IBM MQ release its queue manager runs: declare it with a Dockerfile at or above the MQSC whose FROM names an IBM MQ image with its release tag (icr.io/ibm-messaging/mq:<V.R.M.F>-rN) or the image of the Docker Compose service that mounts it into /etc/mqm, the spec.version of the QueueManager resource that applies it, or components[].mqRelease in lint-deploy.config.json';
          const from = state ? fromText(state) : 'the releases IBM lists under Deprecated CipherSpecs';
          report('releaseUnknown', 'warning', { from, whose }, [], release, forRun);
        }
      };
      const split = runsWithOwnEnvironment(qm);
      if (!split) judge(qm, runs);
      // One service's environment is not another's: each queue manager by its own (and by its own image's release).
      for (const { view, service, at } of split ?? []) judge(view, releasesJudged(view), { service, at });
    }
  },
});
