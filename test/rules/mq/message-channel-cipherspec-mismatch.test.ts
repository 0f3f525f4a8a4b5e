import rule from '../../../src/rules/mq/message-channel-cipherspec-mismatch';
import { ruleTester } from '../../helpers/rule-tester';

/** A queue manager's sending end: `DEFINE CHANNEL(name) CHLTYPE(type) … CONNAME(conname)` with extra parameters. */
function sender(name: string, params: string, chltype = 'SDR', conname = "'qm2.example.com(1414)'"): string {
  return `DEFINE QLOCAL(QM2) USAGE(XMITQ)\nDEFINE CHANNEL(${name}) CHLTYPE(${chltype}) TRPTYPE(TCP) CONNAME(${conname}) XMITQ(QM2) +\n  ${params}\n`;
}

/** A queue manager's receiving end (RCVR by default) after a listener on `port`. */
function receiver(name: string, params: string, chltype = 'RCVR', port = 1414): string {
  return `DEFINE LISTENER(L1) TRPTYPE(TCP) PORT(${port}) CONTROL(QMGR)\nDEFINE CHANNEL(${name}) CHLTYPE(${chltype}) TRPTYPE(TCP) +\n  ${params}\n`;
}

/**
 * A queue manager deployed by the IBM MQ Operator: a ConfigMap holding `mqsc` and the QueueManager resource that
 * applies it, at `version` (as in ibm-messaging/cp4i-mq-samples); `script` writes both from a deploy script's heredocs.
 */
function operatorQm(qm: string, mqsc: string, version: string, script = false): string {
  const configMap = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    `  name: ${qm}-mqsc`,
    'data:',
    `  ${qm}.mqsc: |`,
    ...mqsc
      .trimEnd()
      .split('\n')
      .map((l) => `    ${l}`),
  ];
  const queueManager = [
    'apiVersion: mq.ibm.com/v1beta1',
    'kind: QueueManager',
    'metadata:',
    `  name: ${qm}`,
    'spec:',
    '  queueManager:',
    `    name: ${qm.toUpperCase()}`,
    '    mqsc:',
    '      - configMap:',
    `          name: ${qm}-mqsc`,
    `          items: [${qm}.mqsc]`,
    `  version: ${version}`,
  ];
  if (!script) return [...configMap, '---', ...queueManager, ''].join('\n');
  return [
    '#!/bin/bash',
    `cat > ${qm}-configmap.yaml << EOF`,
    ...configMap,
    'EOF',
    `oc apply -f ${qm}-configmap.yaml`,
    `cat > ${qm}-qmgr.yaml << EOF`,
    ...queueManager,
    'EOF',
    `oc apply -f ${qm}-qmgr.yaml`,
    '',
  ].join('\n');
}

/** A Compose file whose services each mount one MQSC into /etc/mqm: [service, image, mqsc path]. */
const compose = (services: [string, string, string][]) =>
  [
    'services:',
    ...services.flatMap(([name, image, mqsc]) => [
      `  ${name}:`,
      `    image: ${image}`,
      '    volumes:',
      `      - ${mqsc}:/etc/mqm/20-config.mqsc`,
    ]),
    '',
  ].join('\n');
const MQ91 = 'ibmcom/mq:9.1.0.0';
/** An alias on the sending end against a pinned TLS 1.2 CipherSpec, each MQSC mounted by the Compose services given. */
const aliasOnServices = (services: [string, string, string][]) => ({
  'docker-compose.yml': compose(services),
  'qm1/qm1.mqsc': sender('QM1.TO.QM2', 'SSLCIPH(ANY_TLS12_OR_HIGHER)'),
  'qm2/qm2.mqsc': receiver('QM1.TO.QM2', TLS12),
});
const MQ94 = 'icr.io/ibm-messaging/mq:9.4.0.5-r1';

const TLS12 = 'SSLCIPH(TLS_RSA_WITH_AES_128_CBC_SHA256)';
const TLS12_OTHER = 'SSLCIPH(TLS_RSA_WITH_AES_256_GCM_SHA384)';

ruleTester(rule, {
  valid: [
    {
      name: 'same CipherSpec on both ends',
      files: { 'qm1/qm1.mqsc': sender('QM1.TO.QM2', TLS12), 'qm2/qm2.mqsc': receiver('QM1.TO.QM2', TLS12) },
    },
    {
      name: 'aliases on both ends with a common protocol',
      files: {
        'qm1/qm1.mqsc': sender('QM1.TO.QM2', 'SSLCIPH(ANY_TLS12_OR_HIGHER)'),
        'qm2/qm2.mqsc': receiver('QM1.TO.QM2', 'SSLCIPH(ANY_TLS12)'),
      },
    },
    {
      name: 'no TLS on either end',
      files: { 'qm1/qm1.mqsc': sender('QM1.TO.QM2', 'DESCR(plain)'), 'qm2/qm2.mqsc': receiver('QM1.TO.QM2', '') },
    },
    {
      name: 'a receiver of the same name in the same script is not the partner',
      files: { 'qm1/qm1.mqsc': sender('LOOP', TLS12) + receiver('LOOP', TLS12_OTHER) },
    },
    {
      name: 'a CLUSSDR does not pair with a RCVR of its name',
      files: {
        'qm1/qm1.mqsc': sender('TO.QM2', TLS12, 'CLUSSDR'),
        'qm2/qm2.mqsc': receiver('TO.QM2', TLS12_OTHER),
      },
    },
    {
      name: 'two queue managers define the receiving end and the CONNAME port does not tell which: not judged',
      files: {
        'qm1/qm1.mqsc': sender('QM1.TO.QM2', TLS12, 'SDR', "'10.0.0.2(1500)'"),
        'qm2/qm2.mqsc': receiver('QM1.TO.QM2', TLS12_OTHER, 'RCVR', 1414),
        'qm3/qm3.mqsc': receiver('QM1.TO.QM2', TLS12_OTHER, 'RCVR', 1415),
      },
    },
    {
      name: 'the only candidate listens on another port than the CONNAME names: not judged',
      files: {
        'qm1/qm1.mqsc': sender('QM1.TO.QM2', TLS12, 'SDR', "'10.0.0.2(1500)'"),
        'qm2/qm2.mqsc': receiver('QM1.TO.QM2', TLS12_OTHER, 'RCVR', 1414),
      },
    },
    {
      name: 'alias on a SVR, specific CipherSpec on its RQSTR: the RQSTR may be the initiating end, not judged',
      files: {
        'qm1/qm1.mqsc': sender('QM1.TO.QM2', 'SSLCIPH(ANY_TLS12_OR_HIGHER)', 'SVR'),
        'qm2/qm2.mqsc': receiver('QM1.TO.QM2', TLS12, 'RQSTR'),
      },
    },
    {
      name: 'templated CipherSpec',
      files: {
        'qm1/qm1.mqsc': sender('QM1.TO.QM2', "SSLCIPH('{{ .Cipher }}')"),
        'qm2/qm2.mqsc': receiver('QM1.TO.QM2', TLS12),
      },
    },
    {
      name: 'two heredocs to one queue manager in one script: a RCVR of the SDR name there is on the same queue manager',
      files: {
        'setup.sh': `#!/bin/sh\nrunmqsc QM1 <<EOF\n${sender('LOOP', TLS12)}EOF\nrunmqsc QM1 <<EOF\n${receiver('LOOP', TLS12_OTHER)}EOF\n`,
      },
    },
    {
      name: 'the same, the queue manager set once in a variable (QM=QM1; runmqsc "$QM" <<EOF twice)',
      files: {
        'setup.sh': `#!/bin/sh\nQM=QM1\nrunmqsc "$QM" <<EOF\n${sender('LOOP', TLS12)}EOF\nrunmqsc \${QM} <<EOF\n${receiver('LOOP', TLS12_OTHER)}EOF\n`,
      },
    },
  ],
  invalid: [
    {
      name: 'one shell script feeds two queue managers (runmqsc QM1 <<EOF, runmqsc QM2 <<EOF): their channels pair',
      files: {
        'setup.sh': `#!/bin/sh\nrunmqsc QM1 <<EOF\n${sender('QM1.TO.QM2', TLS12)}EOF\nrunmqsc QM2 <<EOF\n${receiver('QM1.TO.QM2', TLS12_OTHER)}EOF\n`,
      },
      errors: [
        {
          messageId: 'differ',
          file: 'setup.sh',
          line: 5,
          related: [
            { file: 'setup.sh', line: 10 },
            { file: 'setup.sh', line: 8 },
          ],
        },
      ],
    },
    {
      name: 'a heredoc whose queue manager is a loop variable still pairs with a named one',
      files: {
        'setup.sh': `#!/bin/sh\nfor qm in PR1 PR2; do\nrunmqsc $qm <<EOF\n${sender('TO.FR1', TLS12, 'CLUSSDR', "'fr1(1414)'")}EOF\ndone\nrunmqsc FR1 <<EOF\n${receiver('TO.FR1', TLS12_OTHER, 'CLUSRCVR')}EOF\n`,
      },
      errors: [{ messageId: 'differ', file: 'setup.sh', line: 6 }],
    },
    {
      name: 'SDR and RCVR name different CipherSpecs',
      files: { 'qm1/qm1.mqsc': sender('QM1.TO.QM2', TLS12), 'qm2/qm2.mqsc': receiver('QM1.TO.QM2', TLS12_OTHER) },
      errors: [
        {
          messageId: 'differ',
          file: 'qm1/qm1.mqsc',
          line: 3,
          severity: 'error',
          messageIncludes: ['AMQ9631', 'TLS_RSA_WITH_AES_256_GCM_SHA384'],
          // The receiving end's SSLCIPH, and its queue manager's listener on the CONNAME's port.
          related: [
            { file: 'qm2/qm2.mqsc', line: 3 },
            { file: 'qm2/qm2.mqsc', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'TLS on the sending end only',
      files: { 'qm1/qm1.mqsc': sender('QM1.TO.QM2', TLS12), 'qm2/qm2.mqsc': receiver('QM1.TO.QM2', 'DESCR(plain)') },
      errors: [
        {
          messageId: 'receiverNoTls',
          file: 'qm1/qm1.mqsc',
          line: 3,
          related: [
            { file: 'qm2/qm2.mqsc', line: 2 },
            { file: 'qm2/qm2.mqsc', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'TLS on the receiving end only',
      files: { 'qm1/qm1.mqsc': sender('QM1.TO.QM2', 'DESCR(plain)'), 'qm2/qm2.mqsc': receiver('QM1.TO.QM2', TLS12) },
      errors: [{ messageId: 'senderNoTls', file: 'qm1/qm1.mqsc', line: 2, messageIncludes: ['AMQ9639'] }],
    },
    {
      name: 'alias on the sending end, specific CipherSpec on the receiving end: likely to fail',
      files: {
        'qm1/qm1.mqsc': sender('QM1.TO.QM2', 'SSLCIPH(ANY_TLS12_OR_HIGHER)'),
        'qm2/qm2.mqsc': receiver('QM1.TO.QM2', TLS12),
      },
      errors: [{ messageId: 'aliasLikelyToFail', file: 'qm1/qm1.mqsc', line: 3, severity: 'warning' }],
    },
    {
      name: 'alias on the sending end, TLS 1.2 CipherSpec on the receiving end, both queue managers MQ 9.4: TLS 1.3 is negotiated, AMQ9631',
      files: {
        'qm1/Dockerfile': 'FROM icr.io/ibm-messaging/mq:9.4.0.5-r1\nCOPY qm1.mqsc /etc/mqm/\n',
        'qm1/qm1.mqsc': sender('QM1.TO.QM2', 'SSLCIPH(ANY_TLS12_OR_HIGHER)'),
        'qm2/Dockerfile': 'FROM icr.io/ibm-messaging/mq:9.3.0.25-r1\nCOPY qm2.mqsc /etc/mqm/\n',
        'qm2/qm2.mqsc': receiver('QM1.TO.QM2', TLS12),
      },
      errors: [
        {
          messageId: 'aliasNegotiatesTls13',
          file: 'qm1/qm1.mqsc',
          line: 3,
          severity: 'error',
          messageIncludes: ['MQ 9.4.0.5, FROM icr.io/ibm-messaging/mq:9.4.0.5-r1', 'MQ 9.3.0.25', 'AMQ9631'],
          related: [
            { file: 'qm2/qm2.mqsc', line: 3 },
            { file: 'qm2/qm2.mqsc', line: 1 },
            { file: 'qm1/Dockerfile', line: 1 },
            { file: 'qm2/Dockerfile', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'alias vs TLS 1.2 CipherSpec, the sending MQSC run on a 9.1.0 and a 9.4 queue manager, the receiver on 9.4: AMQ9631 from the 9.4 sender, named',
      files: aliasOnServices([
        ['qm1a', MQ91, './qm1/qm1.mqsc'],
        ['qm1b', MQ94, './qm1/qm1.mqsc'],
        ['qm2', MQ94, './qm2/qm2.mqsc'],
      ]),
      errors: [
        {
          messageId: 'aliasNegotiatesTls13',
          file: 'qm1/qm1.mqsc',
          line: 3,
          severity: 'error',
          messageIncludes: [
            'MQ 9.4.0.5, Docker Compose service qm1b image icr.io/ibm-messaging/mq:9.4.0.5-r1',
            'MQ 9.4.0.5, Docker Compose service qm2 image',
          ],
          messageExcludes: ['9.1.0.0'],
          related: [
            { file: 'qm2/qm2.mqsc', line: 3 },
            { file: 'qm2/qm2.mqsc', line: 1 },
            { file: 'docker-compose.yml', line: 7 },
            { file: 'docker-compose.yml', line: 11 },
          ],
        },
      ],
    },
    {
      name: 'the receiving MQSC run on a 9.1.0 and a 9.4 queue manager, the sender on 9.4: AMQ9631 on the 9.4 receiver, named',
      files: aliasOnServices([
        ['qm1', MQ94, './qm1/qm1.mqsc'],
        ['qm2a', MQ91, './qm2/qm2.mqsc'],
        ['qm2b', MQ94, './qm2/qm2.mqsc'],
      ]),
      errors: [
        {
          messageId: 'aliasNegotiatesTls13',
          file: 'qm1/qm1.mqsc',
          line: 3,
          severity: 'error',
          messageIncludes: ['Docker Compose service qm1 image', 'MQ 9.4.0.5, Docker Compose service qm2b image'],
        },
      ],
    },
    {
      name: 'alias vs TLS 1.2 CipherSpec, both queue managers deployed by QueueManager resources at spec.version 9.4: TLS 1.3 is negotiated, AMQ9631',
      files: {
        'qm1/qm1.yaml': operatorQm('qm1', sender('QM1.TO.QM2', 'SSLCIPH(ANY_TLS12_OR_HIGHER)'), '9.4.0.5-r1'),
        'qm2/qm2.yaml': operatorQm('qm2', receiver('QM1.TO.QM2', TLS12), '9.4.2.0-r1'),
      },
      errors: [
        {
          messageId: 'aliasNegotiatesTls13',
          file: 'qm1/qm1.yaml',
          line: 9,
          severity: 'error',
          messageIncludes: ['MQ 9.4.0.5, QueueManager qm1 spec.version: 9.4.0.5-r1', 'MQ 9.4.2.0'],
          related: [
            { file: 'qm2/qm2.yaml', line: 9 },
            { file: 'qm2/qm2.yaml', line: 7 },
            { file: 'qm1/qm1.yaml', line: 22 },
            { file: 'qm2/qm2.yaml', line: 22 },
          ],
        },
      ],
    },
    {
      name: 'the same, written by deploy scripts in heredocs (cp4i-mq-samples deploy-qm3-qmgr.sh style)',
      files: {
        'qm1/deploy-qm1.sh': operatorQm(
          'qm1',
          sender('QM1.TO.QM2', 'SSLCIPH(ANY_TLS12_OR_HIGHER)'),
          '9.4.0.5-r1',
          true,
        ),
        'qm2/deploy-qm2.sh': operatorQm('qm2', receiver('QM1.TO.QM2', TLS12), '9.4.0.5-r1', true),
      },
      errors: [
        {
          messageId: 'aliasNegotiatesTls13',
          file: 'qm1/deploy-qm1.sh',
          line: 11,
          severity: 'error',
          messageIncludes: ['MQ 9.4.0.5, QueueManager qm1 spec.version: 9.4.0.5-r1'],
          related: [
            { file: 'qm2/deploy-qm2.sh', line: 11 },
            { file: 'qm2/deploy-qm2.sh', line: 9 },
            { file: 'qm1/deploy-qm1.sh', line: 26 },
            { file: 'qm2/deploy-qm2.sh', line: 26 },
          ],
        },
      ],
    },
    {
      name: 'alias vs TLS 1.2 CipherSpec, a QueueManager whose spec.version a template fills in: release unknown, likely to fail',
      files: {
        'qm1/qm1.yaml': operatorQm('qm1', sender('QM1.TO.QM2', 'SSLCIPH(ANY_TLS12_OR_HIGHER)'), '${MQ_VERSION}'),
        'qm2/qm2.yaml': operatorQm('qm2', receiver('QM1.TO.QM2', TLS12), '9.4.0.5-r1'),
      },
      errors: [{ messageId: 'aliasLikelyToFail', file: 'qm1/qm1.yaml', line: 9, severity: 'warning' }],
    },
    {
      name: 'alias vs TLS 1.2 CipherSpec with one queue manager on MQ 9.1 (TLS 1.2 at most): still only likely to fail',
      files: {
        'qm1/Dockerfile': 'FROM ibmcom/mq:9.1.0.0\n',
        'qm1/qm1.mqsc': sender('QM1.TO.QM2', 'SSLCIPH(ANY_TLS12_OR_HIGHER)'),
        'qm2/Dockerfile': 'FROM icr.io/ibm-messaging/mq:9.4.0.5-r1\n',
        'qm2/qm2.mqsc': receiver('QM1.TO.QM2', TLS12),
      },
      errors: [{ messageId: 'aliasLikelyToFail', file: 'qm1/qm1.mqsc', line: 3, severity: 'warning' }],
    },
    {
      name: 'alias vs TLS 1.2 CipherSpec, the sending MQSC run on a 9.1.0 and a 9.0.5 queue manager (TLS 1.2 at most): likely to fail',
      files: aliasOnServices([
        ['qm1a', MQ91, './qm1/qm1.mqsc'],
        ['qm1b', 'ibmcom/mq:9.0.5.0', './qm1/qm1.mqsc'],
        ['qm2', MQ94, './qm2/qm2.mqsc'],
      ]),
      errors: [{ messageId: 'aliasLikelyToFail', file: 'qm1/qm1.mqsc', line: 3, severity: 'warning' }],
    },
    {
      name: 'alias vs TLS 1.2 CipherSpec, both MQ 9.4 but the receiver turns TLS 1.3 off (qm.ini AllowTLSV13=NO): likely to fail',
      files: {
        'qm1/Dockerfile': 'FROM icr.io/ibm-messaging/mq:9.4.0.5-r1\n',
        'qm1/qm1.mqsc': sender('QM1.TO.QM2', 'SSLCIPH(ANY_TLS12_OR_HIGHER)'),
        'qm2/Dockerfile': 'FROM icr.io/ibm-messaging/mq:9.4.0.5-r1\n',
        'qm2/qm2.mqsc': receiver('QM1.TO.QM2', TLS12),
        'qm2/qm.ini': 'SSL:\n   AllowTLSV13=NO\n',
      },
      errors: [{ messageId: 'aliasLikelyToFail', file: 'qm1/qm1.mqsc', line: 3, severity: 'warning' }],
    },
    {
      name: 'alias vs TLS 1.2 CipherSpec, an image tag that names no release (latest): likely to fail',
      files: {
        'qm1/Dockerfile': 'FROM icr.io/ibm-messaging/mq:latest\n',
        'qm1/qm1.mqsc': sender('QM1.TO.QM2', 'SSLCIPH(ANY_TLS12_OR_HIGHER)'),
        'qm2/Dockerfile': 'FROM icr.io/ibm-messaging/mq:9.4.0.5-r1\n',
        'qm2/qm2.mqsc': receiver('QM1.TO.QM2', TLS12),
      },
      errors: [{ messageId: 'aliasLikelyToFail', file: 'qm1/qm1.mqsc', line: 3, severity: 'warning' }],
    },
    {
      name: 'TLS 1.3 alias on the sending end, TLS 1.2 CipherSpec on the receiving end',
      files: {
        'qm1/qm1.mqsc': sender('QM1.TO.QM2', 'SSLCIPH(ANY_TLS13)'),
        'qm2/qm2.mqsc': receiver('QM1.TO.QM2', TLS12),
      },
      errors: [{ messageId: 'aliasFails', file: 'qm1/qm1.mqsc', line: 3, messageIncludes: ['TLSv1.2'] }],
    },
    {
      name: 'TLS 1.2 CipherSpec on the sending end, TLS 1.3 alias on the receiving end',
      files: {
        'qm1/qm1.mqsc': sender('QM1.TO.QM2', TLS12),
        'qm2/qm2.mqsc': receiver('QM1.TO.QM2', 'SSLCIPH(ANY_TLS13)'),
      },
      errors: [{ messageId: 'noCommonProtocol', file: 'qm1/qm1.mqsc', line: 3 }],
    },
    {
      name: 'manually defined CLUSSDR and the CLUSRCVR of its name',
      files: {
        'fr1/fr1.mqsc': sender('TO.FR2', TLS12, 'CLUSSDR'),
        'fr2/fr2.mqsc': receiver('TO.FR2', TLS12_OTHER, 'CLUSRCVR'),
      },
      errors: [{ messageId: 'differ', file: 'fr1/fr1.mqsc', line: 3 }],
    },
    {
      name: 'SVR and its RQSTR',
      files: {
        'qm1/qm1.mqsc': sender('QM1.TO.QM2', TLS12, 'SVR'),
        'qm2/qm2.mqsc': receiver('QM1.TO.QM2', TLS12_OTHER, 'RQSTR'),
      },
      errors: [{ messageId: 'differ', file: 'qm1/qm1.mqsc', line: 3 }],
    },
    {
      // Shape of MbqIIB/isgFirstPro@3ccaf3e: one channel name received by several queue managers, one per listener port.
      name: 'the CONNAME port picks the partner among the queue managers that define the receiving end',
      files: {
        'a/app.in': sender('A_TO_B', TLS12, 'SDR', "'10.10.10.15(1444)'"),
        'b/card.in': receiver('A_TO_B', TLS12, 'RCVR', 1438),
        'b/app.in': receiver('A_TO_B', TLS12_OTHER, 'RCVR', 1444),
      },
      errors: [
        {
          messageId: 'differ',
          file: 'a/app.in',
          line: 3,
          related: [
            { file: 'b/app.in', line: 3 },
            { file: 'b/app.in', line: 1 },
          ],
        },
      ],
    },
  ],
});
