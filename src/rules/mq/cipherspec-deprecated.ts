import { defineRule } from '../types';
import type { LinkPrediction } from '../../handshake/links';
import { mqCipherSpecDefaultState, type MqDefaultState } from '../../knowledge';
import { mqCipherSpec, mqCipherSpecAlias, type CipherSpecInfo } from '../../model/mq-cipherspecs';
import { isMqChannel, type Component } from '../../model/types';
import type { MqChannelAttributes, MqValue } from '../../model/attributes';
import type { RelatedLocation } from '../../core/types';
import { iniValue } from '../../parse/mq-ini';
import { channelStory } from './_lib/shared';

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

/** A qm.ini SSL attribute that re-enables `spec`: Y/YES/TRUE/ALL, or a list naming it (AMQ_SSL_WEAK_CIPHER_ENABLE style). */
function reenabling(a: MqChannelAttributes, key: string, spec: string): RelatedLocation | undefined {
  const ini = a.qmgr?.qmIni;
  const entry = ini ? iniValue(ini.data, 'SSL', key) : undefined;
  if (!ini || !entry) return undefined;
  const value = entry.value.trim();
  const on =
    /^(y|yes|t|true|all)$/i.test(value) || value.split(/[\s,]+/).some((v) => v.toUpperCase() === spec.toUpperCase());
  return on ? { file: ini.file.path, range: entry.valueRange, message: `${key}=${value} set here` } : undefined;
}

const KNOWN_KEYS = ['AllowSSLV3', 'AllowTLSV1', 'AllowWeakCipherSpec'];

/** Where the tree names the queue manager's release, as a related location, and in words. */
function releaseOf(a: MqChannelAttributes): { text: string; at: RelatedLocation } | undefined {
  const r = a.qmgr?.release;
  return r
    ? { text: `${r.value} (${r.via})`, at: { ...r.location, message: `the queue manager runs ${r.value}` } }
    : undefined;
}

/** The release points a spec is refused from, in words. */
function fromText(state: MqDefaultState): string {
  const points = state.from;
  if (points.length === 1) return `${points[0]} and every later release`;
  return `${points.slice(0, -1).join(', ')} and ${points.at(-1)} (the first of each release line) and every later release`;
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
      const release = releaseOf(a);
      const state = mqCipherSpecDefaultState(spec.name, a.qmgr?.release?.value);
      const keys = state?.reenabledBy ?? ['AllowWeakCipherSpec'];
      const data = {
        channel: a.channelName,
        spec: spec.name,
        protocol: spec.protocol,
        keys: keys.map((k) => `${k}=Y`).join(' or '),
      };
      const story = channelStory(a, v.location);
      const report = (
        messageId: 'disabled' | 'reenabled' | 'acceptedByRelease' | 'releaseUnknown' | 'otherKey',
        severity: 'error' | 'warning',
        extra: Record<string, string>,
        related: RelatedLocation[],
      ) =>
        ctx.report({
          messageId,
          data: { ...data, ...extra },
          location: v.location,
          severity: severity === 'error' ? undefined : severity,
          related: [...related, ...story],
          fingerprint: [c.id, spec.name],
        });

      const on = keys.map((k) => ({ k, at: reenabling(a, k, spec.name) })).find((x) => x.at);
      if (on?.at) {
        report('reenabled', 'warning', { key: on.k }, [on.at]);
        continue;
      }
      if (state?.disabled === 'no' && release) {
        report('acceptedByRelease', 'warning', { release: release.text, from: fromText(state) }, [release.at]);
        continue;
      }
      const other = KNOWN_KEYS.filter((k) => !keys.includes(k))
        .map((k) => ({ k, at: reenabling(a, k, spec.name) }))
        .find((x) => x.at);
      if (other?.at) {
        report('otherKey', 'warning', { set: other.k, keys: data.keys }, [other.at]);
        continue;
      }
      if (state?.disabled === 'yes' && release) {
        report('disabled', 'error', { release: release.text, since: state.since ?? '' }, [release.at]);
        continue;
      }
      // The release is not named (or the data does not cover it): which releases refuse the spec, and how to say.
      const whose = release
        ? `Its queue manager runs ${release.text}, a release IBM's Deprecated CipherSpecs tables do not settle for this CipherSpec`
        : a.qmgr
          ? 'The tree does not say which IBM MQ release its queue manager runs: declare it with a Dockerfile at or above the MQSC whose FROM names an IBM MQ image with its release tag (icr.io/ibm-messaging/mq:<V.R.M.F>-rN), the spec.version of the QueueManager resource that applies it, or components[].mqRelease in lint-deploy.config.json'
          : 'It is a client end: the release of the MQ client library decides, and the tree does not say which';
      report(
        'releaseUnknown',
        'warning',
        { from: state ? fromText(state) : 'the releases IBM lists under Deprecated CipherSpecs', whose },
        [],
      );
    }
  },
});
