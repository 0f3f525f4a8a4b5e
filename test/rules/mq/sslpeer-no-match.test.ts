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
