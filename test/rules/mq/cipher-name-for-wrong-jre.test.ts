import rule from '../../../src/rules/mq/cipher-name-for-wrong-jre';
import { ruleTester } from '../../helpers/rule-tester';
import { liberty, wasResources } from './trees';

ruleTester(rule, {
  valid: [
    {
      name: 'IBM name with default mappings',
      files: { 'was/resources.xml': wasResources('channel="A" sslCipherSuite="SSL_RSA_WITH_AES_256_CBC_SHA256"') },
    },
    {
      name: 'alias suite',
      files: { 'liberty/server.xml': liberty('channel="A" queueManager="QM1" sslCipherSuite="*TLS12ORHIGHER"') },
    },
    {
      name: 'TLS 1.3 names are the same on both JREs',
      files: { 'liberty/server.xml': liberty('channel="A" sslCipherSuite="TLS_AES_256_GCM_SHA384"') },
    },
  ],
  invalid: [
    {
      name: 'Oracle name while useIBMCipherMappings defaults to true',
      files: {
        'liberty/server.xml': liberty(
          'channel="A" queueManager="QM1" sslCipherSuite="TLS_RSA_WITH_AES_256_CBC_SHA256"',
        ),
      },
      errors: [
        {
          messageId: 'wrongNaming',
          file: 'liberty/server.xml',
          line: 4,
          messageIncludes: ['SSL_RSA_WITH_AES_256_CBC_SHA256', 'RC=2400'],
        },
      ],
    },
  ],
});
