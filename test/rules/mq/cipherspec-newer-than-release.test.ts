import rule from '../../../src/rules/mq/cipherspec-newer-than-release';
import { ruleTester, type ExpectedFinding } from '../../helpers/rule-tester';
import { composeRunningMqsc, svrconn } from './trees';

/**
 * The shape of TxMQ/ibm-mq-helm-chart@da1f61d (SVRCONN channels with SSLCIPH(ANY_TLS13)) and of ibm-messaging/mq-container's
 * 20-dev-tls.mqsc.tpl (ANY_TLS12_OR_HIGHER), reduced to an MQSC with a Dockerfile beside it naming the release.
 */
const dockerfile = (image: string) => `FROM ${image}\nCOPY QM1.mqsc /etc/mqm/\n`;
const channel = (sslciph: string) => ({ 'QM1/QM1.mqsc': svrconn('DEV.APP.SVRCONN', `SSLCIPH(${sslciph})`) });
const twoServices = (first: string, second: string) => composeRunningMqsc([first, second]);
const onSslciph = (messageId: string, severity: 'error' | 'warning', messageIncludes: string[]): ExpectedFinding => ({
  file: 'QM1/QM1.mqsc',
  line: 2,
  messageId,
  severity,
  messageIncludes,
  related: [{ file: 'QM1/Dockerfile', line: 1 }],
});

ruleTester(rule, {
  valid: [
    { name: 'alias, release not named: every release since 9.2.0 knows it', files: channel('ANY_TLS12_OR_HIGHER') },
    {
      name: 'alias on 9.2.0 LTS',
      files: { ...channel('ANY_TLS12_OR_HIGHER'), 'QM1/Dockerfile': dockerfile('ibmcom/mq:9.2.0.0-r1') },
    },
    {
      name: 'alias on 9.1.4 CD',
      files: { ...channel('ANY_TLS13'), 'QM1/Dockerfile': dockerfile('ibmcom/mq:9.1.4.0-r1') },
    },
    {
      name: 'a TLS 1.2 spec on 9.0',
      files: { ...channel('TLS_RSA_WITH_AES_256_GCM_SHA384'), 'QM1/Dockerfile': dockerfile('ibmcom/mq:9.0.4.0') },
    },
    {
      name: 'alias on a 9.4 image',
      files: {
        'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(ANY_TLS12_OR_HIGHER)'),
        'QM1/Dockerfile': dockerfile('icr.io/ibm-messaging/mq:9.4.0.5-r1'),
      },
    },
    {
      name: 'one MQSC on two queue managers, 9.2 and 9.4 images: both know the alias',
      files: {
        ...channel('ANY_TLS12_OR_HIGHER'),
        'docker-compose.yml': twoServices('ibmcom/mq:9.2.0.0-r1', 'icr.io/ibm-messaging/mq:9.4.0.5-r1'),
      },
    },
  ],
  invalid: [
    {
      name: 'one MQSC on two queue managers, 9.1.0 and 9.4 images: the DEFINE fails on the 9.1.0 one only, named',
      files: {
        ...channel('ANY_TLS12_OR_HIGHER'),
        'docker-compose.yml': twoServices('ibmcom/mq:9.1.0.0', 'icr.io/ibm-messaging/mq:9.4.0.5-r1'),
      },
      errors: [
        {
          file: 'QM1/QM1.mqsc',
          line: 2,
          messageId: 'unknownToRelease',
          severity: 'error',
          messageIncludes: ['IBM MQ 9.1.0.0 (Docker Compose service qm1 image ibmcom/mq:9.1.0.0) does not know'],
          related: [{ file: 'docker-compose.yml', line: 3 }],
        },
      ],
    },
    {
      name: 'one MQSC on two queue managers, 9.0.5 and 9.1.0 images: one finding per release, each naming its service',
      files: {
        ...channel('TLS_AES_256_GCM_SHA384'),
        'docker-compose.yml': twoServices('ibmcom/mq:9.0.5.0', 'ibmcom/mq:9.1.0.0'),
      },
      errors: [
        { file: 'QM1/QM1.mqsc', line: 2, messageId: 'unknownToRelease', messageIncludes: ['service qm1'] },
        { file: 'QM1/QM1.mqsc', line: 2, messageId: 'unknownToRelease', messageIncludes: ['service qm2'] },
      ],
    },
    {
      name: 'alias on a 9.1.0 LTS queue manager: the DEFINE fails',
      files: { ...channel('ANY_TLS12_OR_HIGHER'), 'QM1/Dockerfile': dockerfile('ibmcom/mq:9.1.0.0') },
      errors: [
        onSslciph('unknownToRelease', 'error', [
          'IBM MQ 9.1.0.0 (FROM ibmcom/mq:9.1.0.0) does not know',
          'alias CipherSpecs',
          '9.1.4',
          'AMQ8242',
        ]),
      ],
    },
    {
      name: 'TLS 1.3 spec on a 9.0 queue manager',
      files: { ...channel('TLS_AES_256_GCM_SHA384'), 'QM1/Dockerfile': dockerfile('ibmcom/mq:9.0.5.0') },
      errors: [onSslciph('unknownToRelease', 'error', ['TLS 1.3 came with IBM MQ 9.1.4'])],
    },
    {
      name: 'alias on 9.1.2 CD: the sources do not settle it, a warning',
      files: { ...channel('ANY_TLS12'), 'QM1/Dockerfile': dockerfile('ibmcom/mq:9.1.2.0') },
      errors: [onSslciph('unsettled', 'warning', ['between 9.1.1 and 9.1.4'])],
    },
    {
      name: 'CLNTCONN defined by the MQSC of a 9.1.0 queue manager image: its DEFINE fails there too',
      files: {
        'QM1/QM1.mqsc':
          "DEFINE CHANNEL('DEV.APP.SVRCONN') CHLTYPE(CLNTCONN) TRPTYPE(TCP) CONNAME('mq(1414)') QMNAME(QM1) +\n  SSLCIPH(ANY_TLS12_OR_HIGHER)\n",
        'QM1/Dockerfile': dockerfile('ibmcom/mq:9.1.0.0'),
      },
      errors: [onSslciph('unknownToRelease', 'error', ['9.1.0.0'])],
    },
    {
      // tdotrob/IBMMQ-passwd-auth@00e204c declares its release (8.0.0.5) only in prose: the configuration says it here.
      name: 'alias on a release the configuration declares (components[].mqRelease 8.0.0.5)',
      files: channel('ANY_TLS12_OR_HIGHER'),
      config: { components: [{ files: 'QM1/**', mqRelease: '8.0.0.5' }] },
      errors: [
        {
          file: 'QM1/QM1.mqsc',
          line: 2,
          messageId: 'unknownToRelease',
          severity: 'error',
          messageIncludes: ['8.0.0.5 (lint-deploy configuration'],
        },
      ],
    },
  ],
});
