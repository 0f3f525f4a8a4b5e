import { defineRule } from '../types';
import { cipherSpecForJavaSuite, javaSuiteName, mqCipherSpecAlias } from '../../model/mq-cipherspecs';
import { ours } from '../../core/phrase';

export default defineRule({
  meta: {
    id: 'mq/cipher-name-for-wrong-jre',
    description:
      "Require a JMS SSLCIPHERSUITE in the naming the MQ client expects (IBM 'SSL_' vs Oracle 'TLS_', per com.ibm.mq.cfg.useIBMCipherMappings)",
    severity: 'error',
    appliesTo: { components: ['jms.connection-factory'] },
    messages: {
      wrongNaming:
        "SSLCIPHERSUITE '{{value}}' of {{factory}} is {{given}} naming, but com.ibm.mq.cfg.useIBMCipherMappings is {{mapping}} ({{mappingSource}}), so the MQ classes for JMS expect {{expected}} naming: the connection fails with JMSCMQ0001 / RC=2400 MQRC_UNSUPPORTED_CIPHER_SUITE. Use '{{suggestion}}'{{alternative}}",
    },
    defaultOptions: {},
    symptoms: ['MQRC_UNSUPPORTED_CIPHER_SUITE', 'RC=2400', '2400'],
  },
  check(ctx) {
    for (const c of ctx.deployment.components) {
      if (c.type !== 'jms.connection-factory') continue;
      const a = c.attributes;
      const suite = a.sslCipherSuite;
      if (!suite || !suite.value.trim() || suite.templated || mqCipherSpecAlias(suite.value)) continue;
      const spec = cipherSpecForJavaSuite(suite.value);
      if (!spec || spec.protocol === 'TLSv1.3' || spec.iana === spec.ibmJsse) continue;
      const ibm = a.useIBMCipherMappings.value;
      const isIbmName = suite.value.trim().toUpperCase() === spec.ibmJsse;
      if (isIbmName === ibm) continue;
      const from = a.useIBMCipherMappings.from;
      ctx.report({
        messageId: 'wrongNaming',
        data: {
          value: suite.value,
          factory: a.factoryName,
          given: isIbmName ? ours("IBM JRE ('SSL_')") : ours("Oracle/OpenJDK ('TLS_')"),
          mapping: String(ibm),
          mappingSource: from.kind === 'default' ? ours('the default') : ours('set in the tree'),
          expected: ibm ? ours("IBM ('SSL_')") : ours("Oracle ('TLS_')"),
          suggestion: javaSuiteName(spec, ibm),
          alternative: ibm ? ours(', or set -Dcom.ibm.mq.cfg.useIBMCipherMappings=false on a non-IBM JRE') : '',
        },
        location: suite.location,
        related: from.kind === 'file' ? [{ ...from.location, message: ours('useIBMCipherMappings set here') }] : [],
        fingerprint: [c.id, suite.value, String(ibm)],
      });
    }
  },
});
