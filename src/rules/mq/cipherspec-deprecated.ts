import { defineRule } from '../types';
import { mqCipherSpec, mqCipherSpecAlias } from '../../model/mq-cipherspecs';
import { isMqChannel } from '../../model/types';
import { channelStory } from './_lib/shared';

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
  },
  check(ctx) {
    for (const c of ctx.deployment.components) {
      if (!isMqChannel(c)) continue;
      const a = c.attributes;
      const v = a.sslciph;
      if (!v || !v.value.trim() || v.templated || mqCipherSpecAlias(v.value)) continue;
      const spec = mqCipherSpec(v.value);
      if (!spec || !spec.deprecated) continue;
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
