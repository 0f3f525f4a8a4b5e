import rule from '../../../src/rules/mq/connauth-disabled';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: "CHCKCLNT(OPTIONAL) on an AUTHINFO the script does not point CONNAUTH at, the CONNAUTH's own check not shown: nothing said",
      files: {
        'QM1.mqsc':
          "ALTER QMGR CONNAUTH('MY.AUTHINFO')\nALTER AUTHINFO(SYSTEM.DEFAULT.AUTHINFO.IDPWOS) AUTHTYPE(IDPWOS) CHCKCLNT(OPTIONAL)\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\n",
      },
    },
    {
      name: 'a later file of the queue manager turns CONNAUTH back on',
      files: {
        'qm1/10-dev.mqsc': "ALTER QMGR CONNAUTH(' ')\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\n",
        'qm1/20-sec.mqsc': 'ALTER QMGR CONNAUTH(SYSTEM.DEFAULT.AUTHINFO.IDPWOS)\n',
      },
    },
    { name: 'CONNAUTH default', files: { 'QM1.mqsc': 'DEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\n' } },
    {
      name: 'CONNAUTH off but no client channel in the tree',
      files: { 'QM1.mqsc': "ALTER QMGR CONNAUTH(' ')\nDEFINE CHANNEL(QM2.TO.QM1) CHLTYPE(RCVR) MCAUSER('mqput')\n" },
    },
    {
      name: 'CHCKCLNT(REQUIRED)',
      files: {
        'QM1.mqsc':
          'ALTER AUTHINFO(SYSTEM.DEFAULT.AUTHINFO.IDPWOS) AUTHTYPE(IDPWOS) CHCKCLNT(REQUIRED)\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\n',
      },
    },
    {
      name: 'mutual TLS: every admitted client presents a certificate (mq-helm AWSEKS mtlsqm shape)',
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(MTLSQMCHL) CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCAUTH(REQUIRED) SSLCIPH('ANY_TLS12_OR_HIGHER')\nALTER AUTHINFO(SYSTEM.DEFAULT.AUTHINFO.IDPWOS) AUTHTYPE(IDPWOS) ADOPTCTX(YES) CHCKCLNT(OPTIONAL) CHCKLOCL(OPTIONAL) AUTHENMD(OS)\nSET CHLAUTH('MTLSQMCHL') TYPE(SSLPEERMAP) SSLPEER('CN=application1,OU=app team1') USERSRC(MAP) MCAUSER('app1') ACTION(ADD)\n",
      },
    },
    {
      name: 'every client channel is refused',
      files: {
        'QM1.mqsc':
          "ALTER QMGR CONNAUTH(' ')\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH('APP') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)\n",
      },
    },
  ],
  invalid: [
    {
      // ICE-Technology/WMQ_Docker_File@4e8b918 (no licence stated): `FROM ibmcom/mq`, `COPY config.mqsc /etc/mqm/`; config.mqsc
      // sorts after the image's 10-dev.mqsc, whose ALTER QMGR CONNAUTH('DEV.AUTHINFO') (CHCKCLNT(REQDADM)) stays.
      name: "the developer image's CONNAUTH is DEV.AUTHINFO: the tree's CHCKCLNT(OPTIONAL) on SYSTEM.DEFAULT.AUTHINFO.IDPWOS changes nothing",
      files: {
        Dockerfile: 'FROM ibmcom/mq\n \nCOPY config.mqsc /etc/mqm/\n\nENV LICENSE accept\n',
        'config.mqsc':
          'DEFINE QLOCAL(Q1)\n\nALTER QMGR CHLAUTH(DISABLED)\n\nALTER AUTHINFO(SYSTEM.DEFAULT.AUTHINFO.IDPWOS) AUTHTYPE(IDPWOS) CHCKCLNT(OPTIONAL)\n\nDEF CHANNEL(CHANNEL1) CHLTYPE(SVRCONN) TRPTYPE(TCP)\n\nREFRESH SECURITY TYPE(CONNAUTH)',
      },
      errors: [
        {
          messageId: 'ineffective',
          severity: 'info',
          file: 'config.mqsc',
          line: 5,
          messageIncludes: [
            'AUTHINFO SYSTEM.DEFAULT.AUTHINFO.IDPWOS gets CHCKCLNT(OPTIONAL) here',
            "the queue manager's CONNAUTH is DEV.AUTHINFO (set by ibmcom/mq's /etc/mqm/10-dev.mqsc",
            'CHCKCLNT(REQDADM)',
            'this line changes nothing',
          ],
        },
      ],
    },
    {
      name: 'the script points CONNAUTH at its own REQUIRED AUTHINFO and weakens the default one: that line changes nothing',
      files: {
        'QM1.mqsc':
          'DEFINE AUTHINFO(APP.AUTH) AUTHTYPE(IDPWOS) CHCKCLNT(REQUIRED) ADOPTCTX(YES)\nALTER QMGR CONNAUTH(APP.AUTH)\nALTER AUTHINFO(SYSTEM.DEFAULT.AUTHINFO.IDPWOS) AUTHTYPE(IDPWOS) CHCKCLNT(NONE)\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\n',
      },
      errors: [
        {
          messageId: 'ineffective',
          severity: 'info',
          file: 'QM1.mqsc',
          line: 3,
          related: [{ file: 'QM1.mqsc', line: 2 }],
          messageIncludes: ['CONNAUTH is APP.AUTH (set by ALTER QMGR CONNAUTH), whose CHCKCLNT(REQUIRED)'],
        },
      ],
    },
    {
      name: "CONNAUTH(' ') in a later file of the queue manager, with the channel an earlier file defines",
      files: {
        'qm1/10-dev.mqsc': 'DEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\n',
        'qm1/20-sec.mqsc': "ALTER QMGR CONNAUTH(' ')\n",
      },
      errors: [{ messageId: 'off', file: 'qm1/20-sec.mqsc', line: 1, related: [{ file: 'qm1/10-dev.mqsc', line: 1 }] }],
    },
    {
      name: "CONNAUTH(' ') with CHLAUTH off: administrators connect without a password",
      files: {
        'QM1.mqsc': "ALTER QMGR CHLAUTH(DISABLED) CONNAUTH(' ')\nDEFINE CHANNEL(UNI.SVRCONN) CHLTYPE(SVRCONN)\n",
      },
      errors: [
        {
          messageId: 'off',
          file: 'QM1.mqsc',
          line: 1,
          severity: 'error',
          messageIncludes: ['administrators get in'],
          related: [{ file: 'QM1.mqsc', line: 2 }],
        },
      ],
    },
    {
      name: "CONNAUTH('') where every client runs as app (mq-helm PerformanceSniffTest shape)",
      files: {
        'QM1.mqsc':
          "DEFINE CHANNEL(NOTLSCHL) CHLTYPE(SVRCONN) TRPTYPE(TCP) MCAUSER('app')\nset chlauth(NOTLSCHL) TYPE(BLOCKUSER) USERLIST(NOBODY)\nALTER QMGR CONNAUTH('')\n",
      },
      errors: [
        {
          messageId: 'off',
          file: 'QM1.mqsc',
          line: 3,
          severity: 'warning',
          messageIncludes: ['NOTLSCHL (SVRCONN: runs as app, password not checked)'],
        },
      ],
    },
    {
      name: 'CHCKCLNT(OPTIONAL) on the AUTHINFO CONNAUTH names',
      files: {
        'QM1.mqsc':
          "ALTER QMGR CONNAUTH(USE.PW)\nDEFINE AUTHINFO(USE.PW) AUTHTYPE(IDPWOS) CHCKCLNT(OPTIONAL)\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN) MCAUSER('app')\n",
      },
      errors: [{ messageId: 'weak', file: 'QM1.mqsc', line: 2, severity: 'warning' }],
    },
    {
      // ibm-cloudintegration/mqoncp4i-2025@f45ab428425a unicluster.yaml_template: the deploy script names the channel.
      // With CHLAUTH(DISABLED) no record matches a channel by name: whatever $CHANNEL becomes, it takes no password.
      name: 'CHLAUTH(DISABLED) and a templated channel name: the channel is an example, the finding stands',
      files: {
        'QM1.mqsc.template': "ALTER QMGR CHLAUTH(DISABLED) CONNAUTH(' ')\nDEFINE CHANNEL($CHANNEL) CHLTYPE(SVRCONN)\n",
      },
      errors: [
        {
          messageId: 'off',
          file: 'QM1.mqsc.template',
          line: 1,
          severity: 'error',
          messageExcludes: ['depends on template value'],
          related: [{ file: 'QM1.mqsc.template', line: 2 }],
        },
      ],
    },
    {
      // CHLAUTH(ENABLED): a record could match the rendered name (SYSTEM.* is refused by default), so the name decides.
      name: 'CHLAUTH(ENABLED) and a templated channel name: unknown until rendered',
      files: {
        'QM1.mqsc.template':
          "ALTER QMGR CHLAUTH(ENABLED) CONNAUTH(' ')\nDEFINE CHANNEL($CHANNEL) CHLTYPE(SVRCONN) MCAUSER('app')\n",
      },
      errors: [
        {
          messageId: 'off',
          file: 'QM1.mqsc.template',
          line: 1,
          severity: 'info',
          messageIncludes: ['depends on template value $CHANNEL'],
        },
      ],
    },
  ],
});
