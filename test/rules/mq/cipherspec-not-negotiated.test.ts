import rule from '../../../src/rules/mq/cipherspec-not-negotiated';
import { ruleTester } from '../../helpers/rule-tester';
import { cert, composeRunningMqsc, svrconn, wasResources, wasSecurity } from './trees';

const PINNED_003D = svrconn('WAS.SVRCONN', "SSLCIPH(TLS_RSA_WITH_AES_256_CBC_SHA256) MCAUSER('app')");
const CF = wasResources(
  'queueManager="QM1" host="mq" port="1414" channel="WAS.SVRCONN" transportType="CLIENT" sslType="SPECIFIC" sslConfiguration="MQSSL"',
);
const MANY = 'SSL_ECDHE_RSA_WITH_AES_256_GCM_SHA384 SSL_RSA_WITH_AES_256_GCM_SHA384 SSL_RSA_WITH_AES_256_CBC_SHA256';

/** The pinned channel's MQSC mounted by one Compose service per image, and the WAS client offering MANY. */
const onServices = (images: string[]) => ({
  'mq/QM1/QM1.mqsc': PINNED_003D,
  'docker-compose.yml': composeRunningMqsc(images, './mq/QM1/QM1.mqsc'),
  'was/security.xml': wasSecurity('MQSSL', MANY),
  'was/resources.xml': CF,
});

ruleTester(rule, {
  valid: [
    {
      name: 'WAS selects only the pinned suite',
      files: {
        'mq/QM1/QM1.mqsc': PINNED_003D,
        'was/security.xml': wasSecurity('MQSSL', 'SSL_RSA_WITH_AES_256_CBC_SHA256'),
        'was/resources.xml': CF,
      },
    },
    {
      name: 'pinned suite ranks first among those offered',
      files: {
        'mq/QM1/QM1.mqsc': PINNED_003D,
        'was/security.xml': wasSecurity('MQSSL', 'SSL_RSA_WITH_AES_256_CBC_SHA256 SSL_RSA_WITH_AES_128_CBC_SHA256'),
        'was/resources.xml': CF,
      },
    },
    {
      // tdotrob/IBMMQ-passwd-auth@00e204c chlauthmenu.ksh pins TLS_RSA_WITH_AES_128_CBC_SHA (README: MQ 8.0.0.5), whose
      // default order is not the current one: mq/cipherspec-deprecated speaks for such a channel.
      name: 'deprecated spec on the channel, offered by the client: left to mq/cipherspec-deprecated',
      files: {
        'mq/QM1/QM1.mqsc': svrconn('WAS.SVRCONN', "SSLCIPH(TLS_RSA_WITH_AES_128_CBC_SHA) MCAUSER('app')"),
        'was/security.xml': wasSecurity('MQSSL', `${MANY} SSL_RSA_WITH_AES_128_CBC_SHA`),
        'was/resources.xml': CF,
      },
    },
    {
      name: 'alias on the channel',
      files: {
        'mq/QM1/QM1.mqsc': svrconn('WAS.SVRCONN', 'SSLCIPH(ANY_TLS12_OR_HIGHER)'),
        'was/security.xml': wasSecurity('MQSSL', MANY),
        'was/resources.xml': CF,
      },
    },
    {
      name: 'AllowedCipherSpecs puts the pinned spec first',
      files: {
        'mq/QM1/QM1.mqsc': PINNED_003D,
        'mq/QM1/qm.ini': 'SSL:\n   AllowedCipherSpecs=TLS_RSA_WITH_AES_256_CBC_SHA256,ECDHE_RSA_AES_256_GCM_SHA384\n',
        'was/security.xml': wasSecurity('MQSSL', MANY),
        'was/resources.xml': CF,
      },
    },
    {
      name: 'no link: other channel name',
      files: {
        'mq/QM1/QM1.mqsc': svrconn('OTHER', 'SSLCIPH(TLS_RSA_WITH_AES_256_CBC_SHA256)'),
        'was/security.xml': wasSecurity('MQSSL', MANY),
        'was/resources.xml': CF,
      },
    },
    {
      name: 'Spring Boot starter with ibm.mq.ccdtUrl: the CCDT is taken in preference to channel and connName, no factory',
      files: {
        'mq/QM1/QM1.mqsc': PINNED_003D,
        'app/src/main/resources/application.properties':
          'ibm.mq.queueManager=QM1\nibm.mq.channel=WAS.SVRCONN\nibm.mq.connName=mq(1414)\nibm.mq.sslCipherSpec=ANY_TLS12\nibm.mq.ccdtUrl=file:///var/mqm/ccdt.json\n',
      },
    },
  ],
  invalid: [
    {
      name: 'the same offer on an IBM MQ 9.1.0 queue manager: IBM documents the pick order only from 9.2, a warning',
      files: {
        'mq/QM1/QM1.mqsc': PINNED_003D,
        'mq/QM1/Dockerfile': 'FROM ibmcom/mq:9.1.0.0\nCOPY QM1.mqsc /etc/mqm/\n',
        'was/security.xml': wasSecurity('MQSSL', MANY),
        'was/resources.xml': CF,
      },
      errors: [
        {
          messageId: 'orderUndocumented',
          severity: 'warning',
          file: 'was/security.xml',
          line: 4,
          messageIncludes: ['IBM MQ 9.1.0.0 (FROM ibmcom/mq:9.1.0.0)', 'only from IBM MQ 9.2', 'not documented'],
          related: [
            { file: 'mq/QM1/QM1.mqsc', line: 2 },
            { file: 'was/resources.xml', line: 3 },
            { file: 'mq/QM1/Dockerfile', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'one MQSC on a 9.1.0 and a 9.4 queue manager (two Compose services): the 9.4 one picks another spec, the 9.1.0 order is not documented',
      files: onServices(['ibmcom/mq:9.1.0.0', 'icr.io/ibm-messaging/mq:9.4.0.5-r1']),
      errors: [
        {
          messageId: 'otherPicked',
          severity: 'error',
          file: 'was/security.xml',
          line: 4,
          messageIncludes: [
            'the IBM MQ 9.4.0.5 queue manager (Docker Compose service qm2 image icr.io/ibm-messaging/mq:9.4.0.5-r1) picks TLS_RSA_WITH_AES_256_GCM_SHA384',
          ],
          related: [
            { file: 'mq/QM1/QM1.mqsc', line: 2 },
            { file: 'was/resources.xml', line: 3 },
            { file: 'docker-compose.yml', line: 7 },
          ],
        },
        {
          messageId: 'orderUndocumented',
          severity: 'warning',
          file: 'was/security.xml',
          line: 4,
          messageIncludes: ['IBM MQ 9.1.0.0 (Docker Compose service qm1 image ibmcom/mq:9.1.0.0)'],
          related: [
            { file: 'mq/QM1/QM1.mqsc', line: 2 },
            { file: 'was/resources.xml', line: 3 },
            { file: 'docker-compose.yml', line: 3 },
          ],
        },
      ],
    },
    {
      name: 'one MQSC on a 9.0.5 and a 9.1.0 queue manager: neither order documented, a warning per release and no error',
      files: onServices(['ibmcom/mq:9.0.5.0', 'ibmcom/mq:9.1.0.0']),
      errors: [
        {
          messageId: 'orderUndocumented',
          severity: 'warning',
          file: 'was/security.xml',
          line: 4,
          messageIncludes: ['IBM MQ 9.0.5.0 (Docker Compose service qm1'],
        },
        {
          messageId: 'orderUndocumented',
          severity: 'warning',
          file: 'was/security.xml',
          line: 4,
          messageIncludes: ['IBM MQ 9.1.0.0 (Docker Compose service qm2'],
        },
      ],
    },
    {
      name: 'seed 000: WAS offers many suites, queue manager picks ECDHE_RSA_AES_256_GCM_SHA384',
      files: {
        'mq/QM1/QM1.mqsc': PINNED_003D,
        'mq/QM1/ssl/qm1.crt': cert('mqw1.crt'),
        'was/security.xml': wasSecurity(
          'MQSSL',
          'SSL_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 SSL_ECDHE_RSA_WITH_AES_256_GCM_SHA384 SSL_RSA_WITH_AES_256_CBC_SHA256',
        ),
        'was/resources.xml': CF,
      },
      errors: [
        {
          messageId: 'otherPicked',
          file: 'was/security.xml',
          line: 4,
          messageIncludes: [
            'ECDHE_RSA_AES_256_GCM_SHA384 (C030)',
            'rank 8',
            'rank 9',
            'AMQ9631',
            'RC=2397',
            'bad_record_mac',
            'SSL_RSA_WITH_AES_256_CBC_SHA256',
          ],
          related: [
            { file: 'mq/QM1/QM1.mqsc', line: 2 },
            { file: 'was/resources.xml', line: 3 },
          ],
        },
      ],
    },
    {
      name: 'deprecated spec on the channel that the client does not offer: another spec is picked on any release',
      files: {
        'mq/QM1/QM1.mqsc': svrconn('WAS.SVRCONN', "SSLCIPH(TLS_RSA_WITH_AES_128_CBC_SHA) MCAUSER('app')"),
        'was/security.xml': wasSecurity('MQSSL', MANY),
        'was/resources.xml': CF,
      },
      errors: [
        {
          messageId: 'otherPicked',
          file: 'was/security.xml',
          line: 4,
          messageIncludes: ['TLS_RSA_WITH_AES_128_CBC_SHA'],
        },
      ],
    },
    {
      name: 'JMS alias *TLS12 against a pinned CBC spec',
      files: {
        'mq/QM1/QM1.mqsc': PINNED_003D,
        'was/resources.xml': wasResources('queueManager="QM1" channel="WAS.SVRCONN" sslCipherSuite="*TLS12"'),
      },
      errors: [
        {
          messageId: 'otherPicked',
          file: 'was/resources.xml',
          line: 3,
          messageIncludes: ['TLS_RSA_WITH_AES_256_GCM_SHA384'],
        },
      ],
    },
    {
      // ibm-messaging/mq-jms-spring samples/s2.tls sets sslCipherSpec ANY_TLS12_OR_HIGHER the same way.
      name: "Spring Boot starter's ibm.mq.sslCipherSpec alias against a pinned CBC spec",
      files: {
        'mq/QM1/QM1.mqsc': PINNED_003D,
        'app/src/main/resources/application.yml':
          'ibm:\n  mq:\n    queueManager: QM1\n    channel: WAS.SVRCONN\n    connName: mq(1414)\n    sslCipherSpec: ANY_TLS12\n',
      },
      errors: [
        {
          messageId: 'otherPicked',
          file: 'app/src/main/resources/application.yml',
          line: 6,
          messageIncludes: ['ibm.mq (Spring Boot)', 'TLS_RSA_WITH_AES_256_GCM_SHA384'],
        },
      ],
    },
    {
      name: 'offer shares nothing with AllowedCipherSpecs',
      files: {
        'mq/QM1/QM1.mqsc': PINNED_003D,
        'mq/QM1/qm.ini': 'SSL:\n   AllowedCipherSpecs=TLS_RSA_WITH_AES_256_CBC_SHA256\n',
        'was/security.xml': wasSecurity(
          'MQSSL',
          'SSL_ECDHE_RSA_WITH_AES_256_GCM_SHA384 SSL_RSA_WITH_AES_128_GCM_SHA256',
        ),
        'was/resources.xml': CF,
      },
      errors: [{ messageId: 'noCommon', file: 'was/security.xml', line: 4 }],
    },
  ],
});
