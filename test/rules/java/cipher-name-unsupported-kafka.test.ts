import rule from '../../../src/rules/java/cipher-name-unsupported';
import { ruleTester } from '../../helpers/rule-tester';
import { kafkaBroker } from './fixtures';

/**
 * Kafka's ends hand ssl.cipher.suites to SSLEngine.setEnabledCipherSuites (DefaultSslEngineFactory). Checked on OpenJDK
 * 17.0.15: SSL_ECDHE_RSA_WITH_AES_256_GCM_SHA384 throws IllegalArgumentException 'Unsupported CipherSuite: …';
 * SSL_RSA_WITH_3DES_EDE_CBC_SHA (a SunJSSE alias) is accepted.
 */
const broker = (image: string, suites: string) => kafkaBroker(image, 'KAFKA_SSL_CIPHER_SUITES', suites);

ruleTester(rule, {
  valid: [
    {
      name: 'SunJSSE names on cp-kafka:7.4.0',
      files: broker('confluentinc/cp-kafka:7.4.0', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_AES_256_GCM_SHA384'),
    },
    {
      name: 'an IBM name on an image whose JDK is unknown: nothing said',
      files: broker('${REPOSITORY}/cp-server:${TAG}', 'SSL_ECDHE_RSA_WITH_AES_256_GCM_SHA384'),
    },
  ],
  invalid: [
    {
      name: 'an IBM JSSE name in KAFKA_SSL_CIPHER_SUITES on cp-kafka:7.4.0 (Zulu 11.0.18): the broker cannot start its TLS listener',
      files: broker('confluentinc/cp-kafka:7.4.0', 'TLS_AES_256_GCM_SHA384,SSL_ECDHE_RSA_WITH_AES_256_GCM_SHA384'),
      errors: [
        {
          messageId: 'unsupported',
          file: 'docker-compose.yml',
          line: 6,
          messageIncludes: [
            'KAFKA_SSL_CIPHER_SUITES of Kafka broker (docker-compose.yml service kafka)',
            'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
          ],
        },
      ],
    },
    {
      name: "a client's ssl.cipher.suites beside the Dockerfile that runs it",
      files: {
        Dockerfile: 'FROM eclipse-temurin:17\n',
        'client.properties': 'security.protocol=SSL\nssl.cipher.suites=SSL_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n',
      },
      errors: [
        { messageId: 'unsupported', file: 'client.properties', line: 2, related: [{ file: 'Dockerfile', line: 1 }] },
      ],
    },
  ],
});
