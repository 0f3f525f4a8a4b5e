import rule from '../../../src/rules/mq/cipher-name-for-wrong-jre';
import { ruleTester } from '../../helpers/rule-tester';
import { jmsBindings, liberty, wasResources } from './trees';

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
    {
      name: 'Spring Boot starter (ibm.mq.*): the app sets useIBMCipherMappings=false, so Oracle names are right',
      files: {
        'app/src/main/resources/application.properties':
          'ibm.mq.queueManager=QM1\nibm.mq.channel=A\nibm.mq.connName=mq(1414)\nibm.mq.sslCipherSuite=TLS_RSA_WITH_AES_256_CBC_SHA256\nibm.mq.useIBMCipherMappings=false\n',
      },
    },
    {
      // A factory in bindings mode (TRAN 0, JMSAdmin's default) talks to a local queue manager through JNI: no TLS.
      name: 'JNDI .bindings in bindings mode: its SSLCIPHERSUITE is never used',
      files: {
        'jndi/.bindings': jmsBindings('QCF', [
          ['TRAN', '0'],
          ['QMGR', 'QM1'],
          ['CHAN', 'A'],
          ['SCPHS', 'TLS_RSA_WITH_AES_256_CBC_SHA256'],
        ]),
      },
    },
  ],
  invalid: [
    {
      name: "JNDI .bindings in client mode (TRAN 1): JMSAdmin's SCPHS with an Oracle name while useIBMCipherMappings defaults to true",
      files: {
        'jndi/.bindings': jmsBindings('QCF', [
          ['TRAN', '1'],
          ['QMGR', 'QM1'],
          ['CHAN', 'A'],
          ['SCPHS', 'TLS_RSA_WITH_AES_256_CBC_SHA256'],
        ]),
      },
      errors: [
        {
          messageId: 'wrongNaming',
          file: 'jndi/.bindings',
          line: 15,
          messageIncludes: ['QCF', 'SSL_RSA_WITH_AES_256_CBC_SHA256'],
        },
      ],
    },
    {
      name: 'Spring Boot starter (ibm.mq.*, relaxed names): Oracle name while useIBMCipherMappings defaults to true',
      files: {
        'app/src/main/resources/application.yml':
          'ibm:\n  mq:\n    queue-manager: QM1\n    channel: A\n    conn-name: mq(1414)\n    ssl-cipher-suite: TLS_RSA_WITH_AES_256_CBC_SHA256\n',
      },
      errors: [
        {
          messageId: 'wrongNaming',
          file: 'app/src/main/resources/application.yml',
          line: 6,
          messageIncludes: ['ibm.mq', 'SSL_RSA_WITH_AES_256_CBC_SHA256'],
        },
      ],
    },
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
