import rule from '../../../src/rules/mq/sslpeer-no-match';
import { ruleTester } from '../../helpers/rule-tester';
import { ccdt, cert, svrconn } from './trees';

const QM = (peer: string) => ({
  'qm/QMPROD1/QMPROD1.mqsc': svrconn(
    'B2B.SVRCONN',
    `SSLCIPH(ECDHE_RSA_AES_256_GCM_SHA384) SSLPEER('${peer}') MCAUSER('app')`,
  ),
  'qm/QMPROD1/ssl/qm.crt': cert('qmprod1.crt'),
  'qm/QMPROD1/ssl/ca.crt': cert('ourca.crt'),
});
const CLIENT = (peerName?: string) => ({
  'client/ccdt.json': ccdt('B2B.SVRCONN', 'QMPROD1', {
    cipherSpecification: 'ECDHE_RSA_AES_256_GCM_SHA384',
    ...(peerName ? { certificatePeerName: peerName } : {}),
  }),
  'client/ssl/app.crt': cert('partner-app.crt'),
});

ruleTester(rule, {
  valid: [
    {
      name: 'both peer names match',
      files: {
        ...QM('CN=partner-app,OU=Integration,O=Partner Corp'),
        ...CLIENT('CN=myserver.company.com,O=Our Company'),
      },
    },
    {
      name: 'wildcards and case-insensitive values',
      files: { ...QM('CN=PARTNER-*,O=partner corp'), ...CLIENT('CN=*.company.com') },
    },
    {
      name: 'no certificate in the tree: nothing to compare',
      files: {
        'qm/QMPROD1/QMPROD1.mqsc': svrconn('B2B.SVRCONN', "SSLCIPH(ECDHE_RSA_AES_256_GCM_SHA384) SSLPEER('CN=x')"),
        'client/ccdt.json': ccdt('B2B.SVRCONN', 'QMPROD1', {}),
      },
    },
  ],
  invalid: [
    {
      name: 'seed 002: server SSLPEER wants another OU',
      files: { ...QM('CN=partner-app,OU=Payments,O=Partner Corp'), ...CLIENT() },
      errors: [
        {
          messageId: 'serverRejects',
          file: 'qm/QMPROD1/QMPROD1.mqsc',
          line: 2,
          messageIncludes: ["first OU is 'Integration'", 'AMQ9636'],
          related: [
            { file: 'client/ssl/app.crt', line: 1 },
            { file: 'client/ccdt.json', line: 4 },
          ],
        },
      ],
    },
    {
      name: 'seed 002: client peer name still names the old CN',
      files: { ...QM('CN=partner-app'), ...CLIENT('CN=myserver,O=Our Company') },
      errors: [
        {
          messageId: 'clientRejects',
          file: 'client/ccdt.json',
          line: 16,
          messageIncludes: ['RC=2398', 'never the host name'],
        },
      ],
    },
    {
      name: 'missing second OU',
      files: { ...QM('CN=partner-app,OU=Integration,OU=EMEA'), ...CLIENT() },
      errors: [
        { messageId: 'serverRejects', file: 'qm/QMPROD1/QMPROD1.mqsc', line: 2, messageIncludes: ['no second OU'] },
      ],
    },
  ],
});

/** Queue manager QM1's script with a sender channel to QM2 (its listener on 1415), and its certificate beside it. */
const QM1 = (params: string, certFile = 'mqw1.crt') => ({
  'qm1/qm1.mqsc': `DEFINE QLOCAL(QM2) USAGE(XMITQ)\nDEFINE CHANNEL(QM1.TO.QM2) CHLTYPE(SDR) CONNAME('qm2.example.com(1415)') XMITQ(QM2) +\n  SSLCIPH(ANY_TLS12_OR_HIGHER) ${params}\n`,
  'qm1/ssl/qm1.crt': cert(certFile),
});
/** Queue manager QM2's script with the receiving end, and its certificate beside it. */
const QM2 = (params: string) => ({
  'qm2/qm2.mqsc': `DEFINE LISTENER(L1) TRPTYPE(TCP) PORT(1415) CONTROL(QMGR)\nDEFINE CHANNEL(QM1.TO.QM2) CHLTYPE(RCVR) TRPTYPE(TCP) MCAUSER('mqput') +\n  SSLCIPH(ANY_TLS12_OR_HIGHER) ${params}\n`,
  'qm2/ssl/qm2.crt': cert('qmprod1.crt'),
});

ruleTester(rule, {
  valid: [
    {
      name: 'message channel: each end names the DN the other queue manager presents',
      files: {
        ...QM1("SSLPEER('CN=myserver.company.com,OU=Middleware')"),
        ...QM2("SSLPEER('CN=MQW1,O=Example Bank')"),
      },
    },
    {
      name: 'message channel: a RCVR with a CERTLABL of its own presents that certificate to a sender naming the channel: not judged',
      files: { ...QM1("SSLPEER('CN=someone.else')"), ...QM2("CERTLABL('qm1.to.qm2')") },
    },
    {
      name: 'message channel: SERIALNUMBER in the filter is the certificate serial MQ puts before the subject',
      files: {
        ...QM1(''),
        ...QM2("SSLPEER('SERIALNUMBER=04:EC:C8:2A:D1:7E:AC:DD:43:7F:09:B1:4C:7F:4A:19:AD:9F:6C:8A,CN=MQW1')"),
      },
    },
    {
      name: 'message channel: both queue managers configured from one directory: whose certificate is not known',
      files: {
        'qmgrs/qm1.mqsc': QM1('')['qm1/qm1.mqsc'],
        'qmgrs/qm2.mqsc': QM2("SSLPEER('CN=someone.else')")['qm2/qm2.mqsc'],
        'qmgrs/qm1.crt': cert('mqw1.crt'),
      },
    },
  ],
  invalid: [
    {
      name: "message channel: the RCVR's SSLPEER refuses the sending queue manager's certificate",
      files: { ...QM1(''), ...QM2("SSLPEER('CN=MQW1,OU=Payments')") },
      errors: [
        {
          messageId: 'receiverRejectsSender',
          file: 'qm2/qm2.mqsc',
          line: 3,
          messageIncludes: ["first OU is 'MQ'", 'AMQ9636E'],
          related: [
            { file: 'qm1/ssl/qm1.crt', line: 1 },
            { file: 'qm1/qm1.mqsc', line: 2 },
            { file: 'qm2/qm2.mqsc', line: 1 },
          ],
        },
      ],
    },
    {
      name: "message channel: the SDR's SSLPEER refuses the receiving queue manager's certificate",
      files: { ...QM1("SSLPEER('CN=QM2,O=Our Company')"), ...QM2('') },
      errors: [
        {
          messageId: 'senderRejectsReceiver',
          file: 'qm1/qm1.mqsc',
          line: 3,
          messageIncludes: ["CN is 'myserver.company.com', filter wants 'QM2'", 'never the CONNAME host'],
          related: [
            { file: 'qm2/ssl/qm2.crt', line: 1 },
            { file: 'qm2/qm2.mqsc', line: 2 },
            { file: 'qm2/qm2.mqsc', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'message channel: a SERIALNUMBER filter naming another serial',
      files: { ...QM1(''), ...QM2("SSLPEER('SERIALNUMBER=78:40:26:54:E5:D4:80:E4,CN=MQW1')") },
      errors: [{ messageId: 'receiverRejectsSender', file: 'qm2/qm2.mqsc', line: 3, messageIncludes: ['04:EC:C8'] }],
    },
  ],
});
