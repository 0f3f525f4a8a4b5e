import rule from '../../../src/rules/mq/chlauth-refuses-certificate';
import { ruleTester } from '../../helpers/rule-tester';
import { ccdt, cert, svrconn } from './trees';

/** Queue manager QMPROD1 with TLS channel B2B.SVRCONN and the channel authentication records `chlauth` (MQSC lines). */
const QM = (chlauth: string[], enabled = true) => ({
  'qm/QMPROD1/QMPROD1.mqsc':
    (enabled ? 'ALTER QMGR CHLAUTH(ENABLED)\n' : '') +
    svrconn('B2B.SVRCONN', "SSLCIPH(ECDHE_RSA_AES_256_GCM_SHA384) MCAUSER('app')") +
    chlauth.join('\n') +
    '\n',
  'qm/QMPROD1/ssl/qm.crt': cert('qmprod1.crt'),
});
/** A client of B2B.SVRCONN presenting CN=partner-app,OU=Integration,O=Partner Corp (issued by Partner Corp CA). */
const CLIENT = {
  'client/ccdt.json': ccdt('B2B.SVRCONN', 'QMPROD1', { cipherSpecification: 'ECDHE_RSA_AES_256_GCM_SHA384' }),
  'client/ssl/app.crt': cert('partner-app.crt'),
};
const BACKSTOP = "SET CHLAUTH('B2B.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)";

ruleTester(rule, {
  valid: [
    {
      // The mapping refuses every peer whatever certificate: mq/mapping-to-blocked-user reports the record once.
      name: 'the DN is mapped to mqm and the BLOCKUSER record refuses administrators: the mapping rule says it',
      files: {
        ...QM([
          "SET CHLAUTH('B2B.SVRCONN') TYPE(SSLPEERMAP) SSLPEER('CN=partner-app') USERSRC(MAP) MCAUSER('mqm')",
          "SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('*MQADMIN')",
        ]),
        ...CLIENT,
      },
    },
    {
      name: 'the certificate matches an SSLPEERMAP record that maps it to a user',
      files: {
        ...QM([
          "SET CHLAUTH('B2B.SVRCONN') TYPE(SSLPEERMAP) SSLPEER('CN=partner-app,O=Partner Corp') USERSRC(MAP) MCAUSER('app')",
          BACKSTOP,
        ]),
        ...CLIENT,
      },
    },
    {
      name: 'the client certificate is not in the tree: unknown, not judged',
      files: {
        ...QM([
          "SET CHLAUTH('B2B.SVRCONN') TYPE(SSLPEERMAP) SSLPEER('CN=other-app') USERSRC(MAP) MCAUSER('app')",
          BACKSTOP,
        ]),
        'client/ccdt.json': CLIENT['client/ccdt.json'],
      },
    },
    {
      name: 'the matching record also filters the address, which the tree does not hold: unknown',
      files: {
        ...QM([
          "SET CHLAUTH('B2B.SVRCONN') TYPE(SSLPEERMAP) SSLPEER('CN=partner-app') ADDRESS('10.1.2.*') USERSRC(NOACCESS)",
        ]),
        ...CLIENT,
      },
    },
    {
      name: 'the matching record filters the issuer (SSLCERTI): not compared, unknown',
      files: {
        ...QM([
          "SET CHLAUTH('B2B.SVRCONN') TYPE(SSLPEERMAP) SSLPEER('CN=partner-app') SSLCERTI('CN=Other CA') USERSRC(NOACCESS)",
        ]),
        ...CLIENT,
      },
    },
    {
      name: 'no SSLPEERMAP matches, and the next record asks for the client user id: unknown',
      files: {
        ...QM([
          "SET CHLAUTH('B2B.SVRCONN') TYPE(SSLPEERMAP) SSLPEER('CN=other-app') USERSRC(MAP) MCAUSER('app')",
          "SET CHLAUTH('B2B.SVRCONN') TYPE(USERMAP) CLNTUSER('partner') USERSRC(MAP) MCAUSER('app')",
          BACKSTOP,
        ]),
        ...CLIENT,
      },
    },
    {
      name: 'two SSLPEERMAP records of the profile match with different outcomes: which is more specific is not judged',
      files: {
        ...QM([
          "SET CHLAUTH('B2B.SVRCONN') TYPE(SSLPEERMAP) SSLPEER('O=Partner Corp') USERSRC(NOACCESS)",
          "SET CHLAUTH('B2B.SVRCONN') TYPE(SSLPEERMAP) SSLPEER('CN=partner-app,O=Partner Corp') USERSRC(MAP) MCAUSER('app')",
        ]),
        ...CLIENT,
      },
    },
    {
      name: 'the back-stop only warns (WARN(YES))',
      files: {
        ...QM([
          "SET CHLAUTH('B2B.SVRCONN') TYPE(SSLPEERMAP) SSLPEER('CN=other-app') USERSRC(MAP) MCAUSER('app')",
          `${BACKSTOP} WARN(YES)`,
        ]),
        ...CLIENT,
      },
    },
    {
      name: 'no SSLPEERMAP matches and nothing refuses: the channel MCAUSER admits it',
      files: {
        ...QM(["SET CHLAUTH('B2B.SVRCONN') TYPE(SSLPEERMAP) SSLPEER('CN=other-app') USERSRC(NOACCESS)"]),
        ...CLIENT,
      },
    },
  ],
  invalid: [
    {
      name: 'no SSLPEERMAP record matches the DN, the ADDRESSMAP back-stop refuses it: AMQ9777E',
      files: {
        ...QM([
          "SET CHLAUTH('B2B.SVRCONN') TYPE(SSLPEERMAP) SSLPEER('CN=other-app,O=Partner Corp') USERSRC(MAP) MCAUSER('app')",
          BACKSTOP,
        ]),
        ...CLIENT,
      },
      errors: [
        {
          messageId: 'noAccess',
          file: 'qm/QMPROD1/QMPROD1.mqsc',
          line: 6,
          severity: 'error',
          messageIncludes: [
            "CN is 'partner-app', filter wants 'other-app'",
            'AMQ9777E',
            'RC=2035',
            "SSLPEER('CN=partner-app,O=Partner Corp')",
          ],
          related: [
            { file: 'client/ssl/app.crt', line: 1 },
            { file: 'qm/QMPROD1/QMPROD1.mqsc', line: 5 },
            { file: 'client/ccdt.json', line: 4 },
          ],
        },
      ],
    },
    {
      name: 'the same with CHLAUTH left at its default: a warning that says what it assumes',
      files: {
        ...QM(
          ["SET CHLAUTH('B2B.SVRCONN') TYPE(SSLPEERMAP) SSLPEER('CN=other-app') USERSRC(MAP) MCAUSER('app')", BACKSTOP],
          false,
        ),
        ...CLIENT,
      },
      errors: [
        {
          messageId: 'noAccess',
          file: 'qm/QMPROD1/QMPROD1.mqsc',
          line: 5,
          severity: 'warning',
          messageIncludes: ['assuming CHLAUTH(ENABLED)'],
        },
      ],
    },
    {
      name: 'an SSLPEERMAP record with USERSRC(NOACCESS) matches the DN',
      files: {
        ...QM([
          "SET CHLAUTH('B2B.SVRCONN') TYPE(SSLPEERMAP) SSLPEER('OU=Integration,O=Partner Corp') USERSRC(NOACCESS)",
        ]),
        ...CLIENT,
      },
      errors: [
        {
          messageId: 'noAccess',
          file: 'qm/QMPROD1/QMPROD1.mqsc',
          line: 5,
          severity: 'error',
          messageIncludes: [
            "it matches SET CHLAUTH('B2B.SVRCONN') TYPE(SSLPEERMAP) SSLPEER('OU=Integration,O=Partner Corp') USERSRC(NOACCESS)",
            'narrow or remove',
          ],
        },
      ],
    },
    {
      // USERSRC(CHANNEL): the certificate runs as the channel's MCAUSER, which the BLOCKUSER record refuses for this peer.
      name: "the DN's record runs it as the channel's MCAUSER mqm, which *MQADMIN refuses: AMQ9776E",
      files: {
        ...QM([
          "ALTER CHANNEL(B2B.SVRCONN) CHLTYPE(SVRCONN) MCAUSER('mqm')",
          "SET CHLAUTH('B2B.SVRCONN') TYPE(SSLPEERMAP) SSLPEER('CN=partner-app') USERSRC(CHANNEL)",
          "SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('*MQADMIN')",
        ]),
        ...CLIENT,
      },
      errors: [
        {
          messageId: 'blockedUser',
          file: 'qm/QMPROD1/QMPROD1.mqsc',
          line: 6,
          severity: 'error',
          messageIncludes: ["user 'mqm'", "USERLIST('*MQADMIN')", 'AMQ9776E'],
        },
      ],
    },
    {
      name: "message channel: the receiving queue manager has no SSLPEERMAP record for the sending queue manager's certificate",
      files: {
        'qm1/qm1.mqsc':
          "DEFINE QLOCAL(QM2) USAGE(XMITQ)\nDEFINE CHANNEL(QM1.TO.QM2) CHLTYPE(SDR) TRPTYPE(TCP) CONNAME('qm2.example.com(1414)') XMITQ(QM2) +\n  SSLCIPH(TLS_RSA_WITH_AES_128_CBC_SHA256)\n",
        'qm1/ssl/qm.crt': cert('qmprod1.crt'),
        'qm2/qm2.mqsc': [
          'ALTER QMGR CHLAUTH(ENABLED)',
          'DEFINE LISTENER(L1) TRPTYPE(TCP) PORT(1414) CONTROL(QMGR)',
          "DEFINE CHANNEL(QM1.TO.QM2) CHLTYPE(RCVR) TRPTYPE(TCP) SSLCIPH(TLS_RSA_WITH_AES_128_CBC_SHA256) MCAUSER('mqput')",
          "SET CHLAUTH('QM1.TO.QM2') TYPE(SSLPEERMAP) SSLPEER('CN=qm1.company.com,O=Our Company') USERSRC(MAP) MCAUSER('mqput')",
          "SET CHLAUTH('QM1.TO.QM2') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)",
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'noAccess',
          file: 'qm2/qm2.mqsc',
          line: 5,
          severity: 'error',
          messageIncludes: [
            "CN is 'myserver.company.com', filter wants 'qm1.company.com'",
            'AMQ9777E',
            'the sending channel retries',
          ],
        },
      ],
    },
  ],
});
