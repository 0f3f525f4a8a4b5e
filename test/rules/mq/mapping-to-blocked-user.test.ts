import rule from '../../../src/rules/mq/mapping-to-blocked-user';
import { ruleTester } from '../../helpers/rule-tester';
import { withoutOam } from './trees';

// moatoum/cp4i-deployment-samples@c6e5df05 DrivewayDentDeletion/Operators/Dockerfiles/MQ.Dockerfile: the ACE client's certificate is
// mapped to mqm while the default SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('*MQADMIN') is in place.
const ACE_CHANNEL =
  "DEFINE CHANNEL(ACE_SVRCONN) CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCAUTH(REQUIRED) SSLCIPH('ECDHE_RSA_AES_128_CBC_SHA256')\n";
const ACE_TO_MQM =
  "SET CHLAUTH('ACE_SVRCONN') TYPE(SSLPEERMAP) SSLPEER('CN=application1,OU=app team1') USERSRC(MAP) MCAUSER('mqm') ACTION(ADD)\n";

ruleTester(rule, {
  valid: [
    {
      // The Helm variant of the same sample: a channel-specific BLOCKUSER replaces *MQADMIN, so mqm gets in.
      name: 'a channel-specific BLOCKUSER without *MQADMIN: the mapping admits',
      files: {
        'QM1.mqsc':
          ACE_CHANNEL + "SET CHLAUTH(ACE_SVRCONN) TYPE(BLOCKUSER) ACTION(REPLACE) USERLIST('nobody')\n" + ACE_TO_MQM,
      },
    },
    {
      name: 'mapped to a low-privilege user',
      files: { 'QM1.mqsc': ACE_CHANNEL + ACE_TO_MQM.replace("MCAUSER('mqm')", "MCAUSER('aceapp')") },
    },
    {
      name: 'BLOCKUSER WARN(YES) only logs',
      files: {
        'QM1.mqsc':
          ACE_CHANNEL +
          "SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('*MQADMIN') WARN(YES) ACTION(REPLACE)\n" +
          ACE_TO_MQM,
      },
    },
    {
      name: 'CHLAUTH(DISABLED): no record applies (mq/chlauth-disabled)',
      files: { 'QM1.mqsc': 'ALTER QMGR CHLAUTH(DISABLED)\n' + ACE_CHANNEL + ACE_TO_MQM },
    },
    {
      name: 'a security exit may change the user id after the mapping',
      files: {
        'QM1.mqsc': ACE_CHANNEL.replace('\n', " SCYEXIT('blockip2(BlockExit)')\n") + ACE_TO_MQM,
      },
    },
    {
      name: 'an SSLPEERMAP on a channel without TLS never matches (no certificate)',
      files: { 'QM1.mqsc': 'DEFINE CHANNEL(ACE_SVRCONN) CHLTYPE(SVRCONN) TRPTYPE(TCP)\n' + ACE_TO_MQM },
    },
    {
      name: 'USERSRC(CHANNEL): the record maps nobody',
      files: {
        'QM1.mqsc':
          ACE_CHANNEL.replace('\n', " MCAUSER('app')\n") +
          "SET CHLAUTH('ACE_SVRCONN') TYPE(SSLPEERMAP) SSLPEER('CN=application1') USERSRC(CHANNEL)\n",
      },
    },
  ],
  invalid: [
    {
      // CHLAUTH is applied by the channel whether or not the object authority manager runs (BLOCKUSER: "prevents a
      // specified user or users from connecting"; *MQADMIN: the privileged users, on Linux the mqm group's members,
      // https://www.ibm.com/docs/SSFKSJ_9.4.0/secure/q013300_.html): under MQSNOAUT the mapped mqm is refused all the same.
      name: 'MQSNOAUT: the mapping to mqm is still refused by *MQADMIN on the queue manager the tree creates',
      files: withoutOam(ACE_CHANNEL + ACE_TO_MQM),
      errors: [
        {
          messageId: 'blocked',
          file: 'mq/cm.yaml',
          line: 8,
          severity: 'error',
          messageIncludes: ["MCAUSER('mqm')", 'AMQ9776E'],
        },
      ],
    },
    {
      name: 'SSLPEERMAP to mqm under the default *MQADMIN record: every matching peer refused (defaults assumed)',
      files: { 'QM1.mqsc': ACE_CHANNEL + ACE_TO_MQM },
      errors: [
        {
          messageId: 'blocked',
          file: 'QM1.mqsc',
          line: 2,
          severity: 'warning',
          messageIncludes: [
            "MCAUSER('mqm')",
            "SET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('*MQADMIN') refuses that user (an administrator: *MQADMIN)",
            'AMQ9776E',
            'assuming CHLAUTH(ENABLED) and the default',
          ],
        },
      ],
    },
    {
      // fvelasar/RTVS-MQ@78d82d8's Dockerfile sets the password `default`, a word of this message's assumption.
      name: "the assumed defaults are said in full when a password of the tree is the word 'default'",
      files: {
        'QM1.mqsc': ACE_CHANNEL + ACE_TO_MQM,
        Dockerfile: 'FROM ibmcom/mq:9.1.0.0\nRUN echo mqadm:default | chpasswd\n',
      },
      errors: [
        {
          messageId: 'blocked',
          file: 'QM1.mqsc',
          line: 2,
          severity: 'warning',
          messageIncludes: ['assuming CHLAUTH(ENABLED) and the default'],
          messageExcludes: ['***'],
        },
      ],
    },
    {
      // The sample's own form: the MQSC is echoed into /etc/mqm/aceldap.mqsc by a RUN of MQ.Dockerfile.
      name: 'SSLPEERMAP to mqm echoed into an .mqsc file by a Dockerfile RUN (echo -e, a line a command)',
      files: {
        'Dockerfiles/MQ.Dockerfile':
          'FROM cp.icr.io/cp/ibm-mqadvanced-server-integration\nRUN echo -e "\\\n' +
          [ACE_CHANNEL, ACE_TO_MQM].map((l) => l.replace('\n', ' \\n\\\n')).join('') +
          'REFRESH SECURITY" > /etc/mqm/aceldap.mqsc\n',
      },
      errors: [{ messageId: 'blocked', file: 'Dockerfiles/MQ.Dockerfile', line: 4, severity: 'warning' }],
    },
    {
      name: 'CHLAUTH and the *MQADMIN record written in the tree: an error',
      files: {
        'QM1.mqsc':
          "ALTER QMGR CHLAUTH(ENABLED)\nSET CHLAUTH('*') TYPE(BLOCKUSER) USERLIST('*MQADMIN') ACTION(REPLACE)\n" +
          ACE_CHANNEL +
          ACE_TO_MQM,
      },
      errors: [
        {
          messageId: 'blocked',
          file: 'QM1.mqsc',
          line: 4,
          severity: 'error',
          messageExcludes: ['assuming'],
          related: [
            { file: 'QM1.mqsc', line: 3 },
            { file: 'QM1.mqsc', line: 2 },
            { file: 'QM1.mqsc', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'USERMAP to a user the channel blocks by name',
      files: {
        'QM1.mqsc':
          "ALTER QMGR CHLAUTH(ENABLED)\nDEFINE CHANNEL(APP) CHLTYPE(SVRCONN)\nSET CHLAUTH('APP') TYPE(BLOCKUSER) USERLIST('guest')\nSET CHLAUTH('APP') TYPE(USERMAP) CLNTUSER('bob') USERSRC(MAP) MCAUSER('guest')\n",
      },
      errors: [
        {
          messageId: 'blocked',
          file: 'QM1.mqsc',
          line: 4,
          severity: 'error',
          messageIncludes: ["SET CHLAUTH('APP') TYPE(USERMAP) CLNTUSER('bob')", "USERLIST('guest') refuses that user:"],
        },
      ],
    },
  ],
});
