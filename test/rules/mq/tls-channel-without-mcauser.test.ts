import rule from '../../../src/rules/mq/tls-channel-without-mcauser';
import { ruleTester } from '../../helpers/rule-tester';
import { svrconn, withoutOam } from './trees';

ruleTester(rule, {
  valid: [
    { name: 'MCAUSER set', files: { 'QM1.mqsc': svrconn('APP', "SSLCIPH(ANY_TLS12) MCAUSER('app')") } },
    {
      name: 'SSLPEERMAP maps the certificate',
      files: {
        'QM1.mqsc':
          svrconn('APP', 'SSLCIPH(ANY_TLS12)') +
          "SET CHLAUTH('APP') TYPE(SSLPEERMAP) SSLPEER('CN=app1') USERSRC(MAP) MCAUSER('app1')\n",
      },
    },
    {
      name: 'generic NOACCESS rule',
      files: {
        'QM1.mqsc':
          svrconn('APP', 'SSLCIPH(ANY_TLS12)') + "SET CHLAUTH('AP*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\n",
      },
    },
    {
      name: 'ALTER only: the DEFINE lives elsewhere',
      files: { 'QM1.mqsc': "ALTER CHANNEL('APP') CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12)\n" },
    },
    {
      name: 'TLS RCVR mapped by QMGRMAP',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(QM2.TO.QM1) CHLTYPE(RCVR) SSLCIPH(ANY_TLS12_OR_HIGHER)\nSET CHLAUTH('QM2.TO.QM1') TYPE(QMGRMAP) QMNAME('QM2') USERSRC(MAP) MCAUSER('mqput')\nSET CHLAUTH('QM2.TO.QM1') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\n",
      },
    },
    {
      name: 'security exit decides the identity',
      files: {
        'QM1.mqsc': "DEFINE CHANNEL(QM2.TO.QM1) CHLTYPE(RCVR) SSLCIPH(ANY_TLS12_OR_HIGHER) SCYEXIT('exit(Entry)')\n",
      },
    },
    { name: 'no TLS (mq/channel-without-tls territory)', files: { 'QM1.mqsc': svrconn('APP', "DESCR('x')") } },
    {
      // TxMQ/ibm-mq-helm-chart@da1f61d mqstarters: CONNAUTH on an LDAP AUTHINFO with CHCKCLNT(REQUIRED) ADOPTCTX(YES):
      // every client authenticates and the channel runs as the authenticated user, not the asserted id.
      name: 'CHCKCLNT(REQUIRED) with ADOPTCTX(YES): the channel runs as the authenticated user',
      files: {
        'QM1.mqsc':
          "DEFINE AUTHINFO(USE.LDAP) AUTHTYPE(IDPWLDAP) ADOPTCTX(YES) CONNAME('openldap(389)') CHCKCLNT(REQUIRED) REPLACE\n" +
          'ALTER QMGR CONNAUTH(USE.LDAP)\n' +
          svrconn('APP', 'SSLCIPH(ANY_TLS13) SSLCAUTH(OPTIONAL)') +
          'SET CHLAUTH(APP) TYPE(ADDRESSMAP) USERSRC(CHANNEL) ADDRESS(*) ACTION(REPLACE)\n',
      },
    },
  ],
  invalid: [
    {
      // ibm-cloudintegration/mqoncp4i-2025@f45ab428425a MQonCP4I/streamq/deploy/streamq.yaml_template: CHLAUTH(DISABLED),
      // so no record maps or blocks $CHLCAPS by name: whatever it becomes, clients run as the id they assert.
      name: 'CHLAUTH(DISABLED) and a templated channel name: the name is context, the warning stands',
      files: {
        'QM1.mqsc.template':
          "ALTER QMGR CHLAUTH(DISABLED)\nDEFINE CHANNEL($CHLCAPS) CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCAUTH(OPTIONAL) SSLCIPH('ANY_TLS12_OR_HIGHER')\nset chlauth($CHLCAPS) TYPE(BLOCKUSER) USERLIST(NOBODY)\n",
      },
      errors: [
        {
          messageId: 'noMcauser',
          file: 'QM1.mqsc.template',
          line: 2,
          severity: 'warning',
          messageExcludes: ['depends on template value', 'authenticates clients'],
          // SSLCAUTH(OPTIONAL): the channel asks for no client certificate, it only encrypts.
          messageIncludes: [
            'uses TLS (SSLCIPH(ANY_TLS12_OR_HIGHER)) with client certificates optional (SSLCAUTH(OPTIONAL))',
          ],
        },
      ],
    },
    {
      // A templated SSLPEERMAP may map APP's peers to a user: whether the channel runs as the asserted id is unknown.
      name: 'a SSLPEERMAP with a templated profile that may match the channel: unknown until rendered',
      files: {
        'QM1.mqsc.template':
          "DEFINE CHANNEL(APP) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12)\nSET CHLAUTH($CHANNEL) TYPE(SSLPEERMAP) SSLPEER('CN=app') USERSRC(MAP) MCAUSER('app')\n",
      },
      errors: [
        {
          messageId: 'noMcauser',
          file: 'QM1.mqsc.template',
          line: 1,
          severity: 'info',
          messageIncludes: [
            'depends on template value $CHANNEL',
            'authenticates clients with TLS (SSLCIPH(ANY_TLS12))',
          ],
        },
      ],
    },
    {
      // ADOPTCTX(NO): the password is checked, yet the channel is authorized as the id the client asserts.
      name: 'CHCKCLNT(REQUIRED) with ADOPTCTX(NO): still the asserted id',
      files: {
        'QM1.mqsc':
          'DEFINE AUTHINFO(USE.PW) AUTHTYPE(IDPWOS) ADOPTCTX(NO) CHCKCLNT(REQUIRED) REPLACE\n' +
          'ALTER QMGR CONNAUTH(USE.PW)\n' +
          svrconn('APP', 'SSLCIPH(ANY_TLS13) SSLCAUTH(OPTIONAL)'),
      },
      errors: [{ messageId: 'noMcauser', file: 'QM1.mqsc', line: 3 }],
    },
    {
      // REQDADM: a non-privileged client that sends no password is not checked and asserts any id.
      name: 'CHCKCLNT(REQDADM) with ADOPTCTX(YES): a client without a password still asserts its id',
      files: {
        'QM1.mqsc':
          'DEFINE AUTHINFO(USE.PW) AUTHTYPE(IDPWOS) ADOPTCTX(YES) CHCKCLNT(REQDADM) REPLACE\n' +
          'ALTER QMGR CONNAUTH(USE.PW)\n' +
          svrconn('APP', 'SSLCIPH(ANY_TLS13) SSLCAUTH(OPTIONAL)'),
      },
      errors: [{ messageId: 'noMcauser', file: 'QM1.mqsc', line: 3 }],
    },
    {
      // TxMQ/ibm-mq-helm-chart@da1f61d mqstarters: the channel's file leaves CONNAUTH as shipped, another file of the
      // tree sets CHCKCLNT(REQUIRED) ADOPTCTX(YES), and nothing says which queue manager runs which file.
      name: 'another MQSC of the tree adopts the authenticated user, queue managers unnamed: info, naming it',
      files: {
        'ldapauth/openldap.mqsc':
          'ALTER QMGR CONNAUTH(USE.LDAP)\n' +
          "DEFINE AUTHINFO(USE.LDAP) AUTHTYPE(IDPWLDAP) ADOPTCTX(YES) CONNAME('openldap(389)') CHCKCLNT(REQUIRED) REPLACE\n",
        'svrconn/application.mqsc': svrconn('APP', 'SSLCIPH(ANY_TLS13) SSLCAUTH(REQUIRED)'),
      },
      errors: [
        {
          messageId: 'noMcauser',
          severity: 'info',
          file: 'svrconn/application.mqsc',
          line: 1,
          related: [
            { file: 'svrconn/application.mqsc', line: 2 },
            { file: 'ldapauth/openldap.mqsc', line: 1 },
          ],
        },
      ],
    },
    {
      // A script runs the channel's file on QM1 and the other file lives elsewhere: a warning as before.
      name: 'another MQSC adopts, but the channel file runs on a named queue manager elsewhere: still a warning',
      files: {
        'auth/auth.mqsc':
          'ALTER QMGR CONNAUTH(USE.PW)\n' +
          'DEFINE AUTHINFO(USE.PW) AUTHTYPE(IDPWOS) ADOPTCTX(YES) CHCKCLNT(REQUIRED) REPLACE\n',
        'qm1/app.mqsc': svrconn('APP', 'SSLCIPH(ANY_TLS13) SSLCAUTH(REQUIRED)'),
        'qm1/setup.sh': 'crtmqm QM1\nstrmqm QM1\nrunmqsc QM1 < app.mqsc\n',
      },
      errors: [{ messageId: 'noMcauser', severity: 'warning', file: 'qm1/app.mqsc', line: 1 }],
    },
    {
      name: 'TLS channel without MCAUSER',
      files: { 'QM1.mqsc': svrconn('APP', 'SSLCIPH(ANY_TLS12) SSLCAUTH(REQUIRED)') },
      errors: [{ messageId: 'noMcauser', file: 'QM1.mqsc', line: 1, related: [{ file: 'QM1.mqsc', line: 2 }] }],
    },
    {
      // moatoum/cp4i-deployment-samples@c6e5df05 DrivewayDentDeletion/Operators/Dockerfiles/MQ.Dockerfile: the one
      // SSLPEERMAP maps to mqm, which the default *MQADMIN record refuses: no peer is mapped in.
      name: 'the only SSLPEERMAP maps to a user BLOCKUSER refuses: said so, not "no CHLAUTH rule maps"',
      files: {
        'QM1.mqsc':
          svrconn('ACE_SVRCONN', "SSLCAUTH(REQUIRED) SSLCIPH('ECDHE_RSA_AES_128_CBC_SHA256')") +
          "SET CHLAUTH('ACE_SVRCONN') TYPE(SSLPEERMAP) SSLPEER('CN=application1,OU=app team1') USERSRC(MAP) MCAUSER('mqm') ACTION(ADD)\n",
      },
      errors: [
        {
          messageId: 'noMcauser',
          file: 'QM1.mqsc',
          line: 1,
          messageIncludes: [
            "its CHLAUTH mapping (SET CHLAUTH('ACE_SVRCONN') TYPE(SSLPEERMAP) maps to mqm) names a user that BLOCKUSER refuses",
          ],
          messageExcludes: ['no CHLAUTH rule maps'],
        },
      ],
    },
    {
      name: 'TLS RCVR without MCAUSER runs as the queue manager user',
      files: { 'QM1.mqsc': 'DEFINE CHANNEL(QM2.TO.QM1) CHLTYPE(RCVR) TRPTYPE(TCP) SSLCIPH(ANY_TLS12_OR_HIGHER)\n' },
      errors: [
        { messageId: 'mcaUser', file: 'QM1.mqsc', line: 1, messageIncludes: ['runs as the queue manager user (mqm)'] },
      ],
    },
    {
      name: 'TLS CLUSRCVR, CHLAUTH stated: the QMGR line is named',
      files: {
        'QM1.mqsc':
          "ALTER QMGR CHLAUTH(ENABLED)\nDEFINE CHANNEL(TO.QM1) CHLTYPE(CLUSRCVR) CLUSTER(UNI) CONNAME('qm1(1414)') SSLCIPH(ANY_TLS12_OR_HIGHER)\n",
      },
      errors: [
        {
          messageId: 'mcaUser',
          file: 'QM1.mqsc',
          line: 2,
          related: [
            { file: 'QM1.mqsc', line: 2 },
            { file: 'QM1.mqsc', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'TLS AMQP channel without MCAUSER',
      files: { 'QM1.mqsc': 'DEFINE CHANNEL(MY.AMQP) CHLTYPE(AMQP) PORT(5671) SSLCIPH(ANY_TLS12_OR_HIGHER)\n' },
      errors: [{ messageId: 'noMcauser', file: 'QM1.mqsc', line: 1 }],
    },
    {
      name: 'USERSRC(CHANNEL) does not set an identity',
      files: {
        'QM1.mqsc':
          svrconn('APP', 'SSLCIPH(ANY_TLS12)') + "SET CHLAUTH('APP') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL)\n",
      },
      errors: [{ messageId: 'noMcauser', file: 'QM1.mqsc', line: 1 }],
    },
    {
      // TxMQ/ibm-mq-helm-chart@da1f61d (MIT) mqstarters/explorer/explorer.mqsc: the ADDRESSMAP's USERSRC(CHANNEL) maps
      // no user, and the default BLOCKUSER('*MQADMIN') record refuses an asserted administrator (AMQ9777): any other
      // id gets in, an administrator does not. Before, the message said the mapping names a user BLOCKUSER refuses
      // and that the asserted id can be mqm.
      name: 'ADDRESSMAP USERSRC(CHANNEL) under the default *MQADMIN record: any id but an administrator',
      files: {
        'QM1.mqsc':
          'DEFINE CHANNEL(MQ.EXPLORER) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS13) SSLCAUTH(REQUIRED) REPLACE\n' +
          'SET CHLAUTH(MQ.EXPLORER) TYPE(ADDRESSMAP) USERSRC(CHANNEL) ADDRESS(*) ACTION(REPLACE)\n',
      },
      errors: [
        {
          messageId: 'noMcauser',
          file: 'QM1.mqsc',
          line: 1,
          messageIncludes: [
            'no CHLAUTH rule maps the certificate to a user',
            'which can be any user but an administrator (BLOCKUSER refuses those)',
          ],
          messageExcludes: ['names a user that BLOCKUSER refuses', 'can be an administrator (mqm)'],
        },
      ],
    },
    {
      // tdotrob/IBMMQ-passwd-auth@00e204c (no licence file) Tools/shell/chlauthmenu.ksh: functions MCANOBODY and
      // MCABLANK each send DEFINE CHANNEL(…) REPLACE by `echo "…" | runmqsc`, one script per line. Both scripts' access
      // decisions were kept under one key (the file), so the *NOBODY channel was judged with the blank one's and
      // reported as setting no MCAUSER.
      name: 'two echo | runmqsc scripts of one file define the same channel: each judged by its own',
      files: {
        'chlauthmenu.ksh':
          "function MCANOBODY {\n  echo \"DEFINE CHANNEL('CHLAUTH.PEERMAP') CHLTYPE(SVRCONN) MCAUSER('*NOBODY') SSLCIPH('ANY_TLS12') TRPTYPE(TCP) REPLACE\" | runmqsc $QMGR\n}\n" +
          "function MCABLANK {\n  echo \"DEFINE CHANNEL('CHLAUTH.PEERMAP') CHLTYPE(SVRCONN) MCAUSER(' ') SSLCIPH('ANY_TLS12') TRPTYPE(TCP) REPLACE\" | runmqsc $QMGR\n}\n",
      },
      errors: [{ messageId: 'noMcauser', file: 'chlauthmenu.ksh', line: 5 }],
    },
    {
      name: 'CHLAUTH(DISABLED): the asserted id can be an administrator',
      files: {
        'QM1.mqsc':
          'ALTER QMGR CHLAUTH(DISABLED)\n' + svrconn('APP', 'SSLCIPH(ANY_TLS12_OR_HIGHER) SSLCAUTH(REQUIRED)'),
      },
      errors: [
        {
          messageId: 'noMcauser',
          file: 'QM1.mqsc',
          line: 2,
          messageIncludes: ['which can be an administrator (mqm)'],
        },
      ],
    },
    {
      // On a queue manager created with MQSNOAUT every user id has every authority: MCAUSER alone changes nothing.
      name: 'MQSNOAUT: a TLS SVRCONN without MCAUSER, the advice starts with removing MQSNOAUT',
      files: withoutOam(svrconn('APP', 'SSLCIPH(ANY_TLS12)')),
      errors: [
        {
          messageId: 'noMcauserWithoutOam',
          file: 'mq/cm.yaml',
          line: 7,
          severity: 'warning',
          messageIncludes: [
            'changes nothing while no authority is checked: remove MQSNOAUT',
            'With the object authority manager (MQSNOAUT removed): ',
          ],
        },
      ],
    },
    {
      name: 'MQSNOAUT: a TLS RCVR without MCAUSER runs as mqm, the advice starts with removing MQSNOAUT',
      files: withoutOam('DEFINE CHANNEL(QM2.TO.QM1) CHLTYPE(RCVR) TRPTYPE(TCP) SSLCIPH(ANY_TLS12)\n'),
      errors: [
        {
          messageId: 'mcaUserWithoutOam',
          file: 'mq/cm.yaml',
          line: 7,
          severity: 'warning',
          messageIncludes: ['an MCAUSER would change nothing: remove MQSNOAUT'],
        },
      ],
    },
    {
      // With the object authority manager CHCKCLNT(REQUIRED) ADOPTCTX(YES) runs every client as the user it
      // authenticates (the valid case above); the OAM is what checks the password, so under MQSNOAUT the channel runs
      // as the asserted id only because of MQSNOAUT, mq/oam-disabled's finding: an info naming it, MQSNOAUT deciding.
      name: 'MQSNOAUT with CHCKCLNT(REQUIRED) ADOPTCTX(YES): runs as the asserted id only because of MQSNOAUT (info)',
      files: withoutOam(
        'DEFINE AUTHINFO(USE.OS) AUTHTYPE(IDPWOS) ADOPTCTX(YES) CHCKCLNT(REQUIRED) REPLACE\n' +
          'ALTER QMGR CONNAUTH(USE.OS)\n' +
          svrconn('APP', 'SSLCIPH(ANY_TLS13) SSLCAUTH(OPTIONAL)'),
      ),
      errors: [
        {
          messageId: 'adoptedOnlyWithoutOam',
          file: 'mq/cm.yaml',
          line: 9,
          severity: 'info',
          messageIncludes: ['MQSNOAUT is the cause', 'With the object authority manager (MQSNOAUT removed): '],
          // SSLCIPH; CONNAUTH(USE.OS); CHCKCLNT and ADOPTCTX of the AUTHINFO; MQSNOAUT.
          related: [
            { file: 'mq/cm.yaml', line: 10 },
            { file: 'mq/cm.yaml', line: 8 },
            { file: 'mq/cm.yaml', line: 7 },
            { file: 'mq/cm.yaml', line: 7 },
            { file: 'mq/qm.yaml', line: 18 },
          ],
        },
      ],
    },
    {
      // ADOPTCTX(YES) under CHCKCLNT(REQDADM): a client that sends no password still asserts any id once MQSNOAUT is
      // removed, so the warning stands.
      name: 'MQSNOAUT with CHCKCLNT(REQDADM) ADOPTCTX(YES): the warning stands',
      files: withoutOam(
        'DEFINE AUTHINFO(USE.OS) AUTHTYPE(IDPWOS) ADOPTCTX(YES) CHCKCLNT(REQDADM) REPLACE\n' +
          'ALTER QMGR CONNAUTH(USE.OS)\n' +
          svrconn('APP', 'SSLCIPH(ANY_TLS13) SSLCAUTH(OPTIONAL)'),
      ),
      errors: [{ messageId: 'noMcauserWithoutOam', file: 'mq/cm.yaml', line: 9, severity: 'warning' }],
    },
  ],
});
