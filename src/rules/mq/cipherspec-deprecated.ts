import { defineRule } from '../types';
import type { LinkPrediction } from '../../handshake/links';
import { mqCipherSpec, mqCipherSpecAlias, type CipherSpecInfo } from '../../model/mq-cipherspecs';
import { isMqChannel, type Component } from '../../model/types';
import type { MqValue } from '../../model/attributes';
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
 * manager re-enabled weak specs), which the handshake predictor, knowing only current protocol defaults, would
 * otherwise explain as a generic tls/no-common-* failure of the link.
 */
function ownsLinkFailure(lp: LinkPrediction): boolean {
  return !lp.prediction.ok && [lp.client.component, lp.server.component].some((c) => deprecatedSpec(c) !== undefined);
}

export default defineRule({
  meta: {
    id: 'mq/cipherspec-deprecated',
    description:
      'Report channels that use a deprecated CipherSpec (disabled by default unless AllowWeakCipherSpec / AMQ_SSL_WEAK_CIPHER_ENABLE re-enables it)',
    severity: 'error',
    appliesTo: { components: ['mq.'] },
    messages: {
      disabled:
        "Channel {{channel}} uses the deprecated {{protocol}} CipherSpec {{spec}}, which IBM MQ disables by default: DEFINE fails with AMQ8242 'SSLCIPH definition wrong' and a running channel with RC=2393 MQRC_SSL_INITIALIZATION_ERROR. Use a TLS 1.2/1.3 CipherSpec such as ANY_TLS12_OR_HIGHER",
      reenabled:
        'Channel {{channel}} uses the deprecated {{protocol}} CipherSpec {{spec}}; it works only because AllowWeakCipherSpec re-enables weak CipherSpecs. Move to a TLS 1.2/1.3 CipherSpec',
    },
    defaultOptions: {},
    symptoms: ['AMQ8242', 'MQRCCF_SSL_CIPHER_SPEC_ERROR', 'RC=2393', 'MQRC_SSL_INITIALIZATION_ERROR'],
    ownsLinkFailure,
  },
  check(ctx) {
    for (const c of ctx.deployment.components) {
      const found = deprecatedSpec(c);
      if (!found || !isMqChannel(c)) continue;
      const { spec, sslciph: v } = found;
      const a = c.attributes;
      const weak = a.qmgr?.allowWeakCipherSpec;
      const reenabled = weak && /^y/i.test(weak.value);
      ctx.report({
        messageId: reenabled ? 'reenabled' : 'disabled',
        data: { channel: a.channelName, spec: spec.name, protocol: spec.protocol },
        location: v.location,
        severity: reenabled ? 'warning' : undefined,
        related: [
          ...(reenabled ? [{ ...weak.location, message: 'AllowWeakCipherSpec set here' }] : []),
          ...channelStory(a, v.location),
        ],
        fingerprint: [c.id, spec.name],
      });
    }
  },
});
