import rule from '../../../src/rules/tls/cipher-unknown-to-runtime';
import { ruleTester } from '../../helpers/rule-tester';
import { TEMURIN17, ccdt, liberty, springServer, svrconn, tomcat } from './trees';

/**
 * A Liberty app as github.com/Nordic-MVP-GitOps-Repos/liberty-sampleapp@fb5e955 lays it out (src/main/liberty/config):
 * server.xml includes jms.xml, whose MQ connection factory names its CipherSuite through a variable.
 */
const libertyJms = (variable: string, extra: Record<string, string> = {}) => ({
  'app/src/main/liberty/config/server.xml':
    '<server description="new server">\n    <include location="jms.xml" />\n    <featureManager><feature>wmqJmsClient-2.0</feature></featureManager>\n</server>\n',
  'app/src/main/liberty/config/jms.xml': [
    '<server>',
    `    ${variable}`,
    '    <jmsConnectionFactory jndiName="jms/mqConnectionFactory">',
    '        <properties.wmqJms channel="HAQMCHL" queueManager="NATIVEHAQM" sslCipherSuite="${sslCipherSuite}" transportType="CLIENT"/>',
    '    </jmsConnectionFactory>',
    '</server>',
    '',
  ].join('\n'),
  'app/jdk/release': TEMURIN17,
  ...extra,
});

ruleTester(rule, {
  valid: [
    {
      name: 'a Spring Boot server’s ciphers in OpenSSL syntax: embedded Tomcat expands them, as its connector does',
      files: { 'api/jdk/release': TEMURIN17, 'api/application.yml': springServer('ciphers: HIGH:!aNULL:!MD5') },
    },
    {
      name: 'IANA names in a Spring Boot server',
      files: {
        'api/jdk/release': TEMURIN17,
        'api/application.yml': springServer('ciphers: TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_AES_128_GCM_SHA256'),
      },
    },
    {
      name: 'IBM SSL_ spellings are known',
      files: {
        'api/jdk/release': TEMURIN17,
        'api/server.xml': liberty('enabledCiphers="SSL_ECDHE_RSA_WITH_AES_128_GCM_SHA256"'),
      },
    },
    {
      name: 'MQ CipherSpec names are known',
      files: {
        'qm/QM1.mqsc': svrconn('APP.SVRCONN', 'SSLCIPH(ECDHE_RSA_AES_256_GCM_SHA384)'),
        'app/ccdt.json': ccdt('APP.SVRCONN', 'QM1', { cipherSpecification: 'ANY_TLS12_OR_HIGHER' }),
      },
    },
    {
      name: 'Liberty ${sslCipherSuite} resolved from a <variable> of an included file (an MQ alias)',
      files: libertyJms('<variable name="sslCipherSuite" value="*TLS12ORHIGHER"/>'),
    },
    {
      name: 'Liberty ${sslCipherSuite} that nothing sets: unknown, never judged',
      files: libertyJms('<!-- set in the environment -->'),
    },
    {
      name: 'Liberty ${sslCipherSuite} from the variables/ directory (a mounted Secret or ConfigMap)',
      files: libertyJms('<variable name="sslCipherSuite" defaultValue="TLS_RSA_WITH_AES_999_GCM_SHA384"/>', {
        'app/src/main/liberty/config/variables/sslCipherSuite': 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n',
      }),
    },
    {
      name: 'Liberty include with onConflict="IGNORE": its <ssl> is dropped for the server.xml one',
      files: {
        'api/jdk/release': TEMURIN17,
        'api/server.xml':
          '<server>\n  <include location="tls.xml" onConflict="IGNORE"/>\n  <httpEndpoint id="defaultHttpEndpoint" host="*" httpsPort="9443"/>\n  <ssl id="defaultSSLConfig" sslProtocol="TLSv1.2"/>\n</server>\n',
        'api/tls.xml':
          '<server>\n  <ssl id="defaultSSLConfig" enabledCiphers="TLS_RSA_WITH_AES_999_GCM_SHA384"/>\n</server>\n',
      },
    },
    {
      // ewiger/ibm-mq-mtls@6dee649 create-client-ccdt.sh: the script assigns SSLCIPH once, above the heredoc.
      name: 'a heredoc variable the script assigns a literal is that value',
      files: {
        'mq/create-client-ccdt.sh':
          "#!/bin/bash\nSSLCIPH=\"TLS_RSA_WITH_AES_256_CBC_SHA256\"\nrunmqsc TMPQM <<EOF\nDEFINE CHANNEL(APP.CLNT) CHLTYPE(CLNTCONN) CONNAME('mq(1414)') QMNAME(QM1) SSLCIPH('${SSLCIPH}') REPLACE\nEOF\n",
      },
    },
    {
      // Tomcat 9.0.70 and 10.1.60 (the Catalina digester): "failed to set property [CIPHERS]": only the first letter's
      // case is free (IntrospectionUtils.setProperty), so the connector runs Tomcat's default ciphers.
      name: 'Tomcat <SSLHostConfig CIPHERS> reaches no setter: the typo in it is never read',
      files: {
        'api/jdk/release': TEMURIN17,
        'api/conf/server.xml': tomcat('protocols="TLSv1.2" CIPHERS="TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA265"'),
      },
    },
    {
      name: 'OpenSSL cipher-string keywords are not names',
      files: { 'api/conf/server.xml': tomcat('protocols="TLSv1.2" ciphers="HIGH:!aNULL:!MD5"') },
    },
    {
      // ewiger/ibm-mq-mtls@6dee649 create-client-ccdt.sh: the shell puts ${SSLCIPH} in before runmqsc reads it; here
      // the script takes it from its caller; tls/link-outcome-unknown says the value is unknown.
      name: 'a shell variable in a heredoc to runmqsc: unknown until the script runs, not a wrong name',
      files: {
        'mq/create-client-ccdt.sh':
          "#!/bin/bash\nSSLCIPH=${1:-TLS_RSA_WITH_AES_256_CBC_SHA256}\nrunmqsc TMPQM <<EOF\nDEFINE CHANNEL(APP.CLNT) CHLTYPE(CLNTCONN) CONNAME('mq(1414)') QMNAME(QM1) SSLCIPH('${SSLCIPH}') REPLACE\nEOF\n",
      },
    },
    {
      // ricniew/Simple-MQ-TLS-Setup CreateMQSecEnv.sh: the script sets SSLCIPH above, per MQ release.
      name: "SSLCIPH('${SSLCIPH}') in a shell heredoc fed to runmqsc: a template value is unknown, not a wrong name",
      files: {
        'setup.sh': [
          '#!/bin/bash',
          'runmqsc QM1 <<EOF',
          "DEFINE CHANNEL('QM1.TLS.QM2') CHLTYPE(SDR) CONNAME('localhost(1415)') SSLCIPH('${SSLCIPH}') TRPTYPE(TCP) XMITQ('QM2.XMIT') REPLACE",
          "DEFINE CHANNEL('QM1.TLS.QM2') CHLTYPE(RCVR) SSLCIPH('${SSLCIPH}') TRPTYPE(TCP) REPLACE",
          'EOF',
          '',
        ].join('\n'),
      },
    },
  ],
  invalid: [
    {
      // setCiphers: `Ciphers` (first letter upper-case) reaches it as `ciphers` does.
      name: 'Tomcat <SSLHostConfig Ciphers> is read: a typo in it is reported',
      files: {
        'api/jdk/release': TEMURIN17,
        'api/conf/server.xml': tomcat('protocols="TLSv1.2" Ciphers="TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA265"'),
      },
      errors: [{ messageId: 'unknown', file: 'api/conf/server.xml', line: 2 }],
    },
    {
      name: 'a typo in a Spring Boot server cipher list',
      files: {
        'api/jdk/release': TEMURIN17,
        'api/application.yml': springServer('ciphers: TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA265,TLS_AES_128_GCM_SHA256'),
      },
      errors: [
        {
          messageId: 'unknown',
          file: 'api/application.yml',
          line: 5,
          messageIncludes: ["'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA265'", 'Unsupported CipherSuite'],
        },
      ],
    },
    {
      name: 'a made-up name in Liberty enabledCiphers',
      files: {
        'api/jdk/release': TEMURIN17,
        'api/server.xml': liberty(
          'enabledCiphers="TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 TLS_RSA_WITH_AES_999_GCM_SHA384"',
        ),
      },
      errors: [
        { messageId: 'unknown', file: 'api/server.xml', line: 5, messageIncludes: ['TLS_RSA_WITH_AES_999_GCM_SHA384'] },
      ],
    },
    {
      name: 'a Liberty variable that resolves to a made-up name: the finding names where the variable is set',
      files: libertyJms('', {
        'app/src/main/liberty/config/bootstrap.properties': 'sslCipherSuite=TLS_RSA_WITH_AES_999_GCM_SHA384\n',
      }),
      errors: [
        {
          messageId: 'unknown',
          file: 'app/src/main/liberty/config/jms.xml',
          line: 4,
          related: [{ file: 'app/src/main/liberty/config/bootstrap.properties', line: 1 }],
        },
      ],
    },
    {
      name: 'Liberty ${ssl.cipher.suite} found as the environment variable SSL_CIPHER_SUITE of server.env (a made-up name there)',
      files: libertyJms('<variable name="sslCipherSuite" value="${ssl.cipher.suite}"/>', {
        'app/src/main/liberty/config/server.env': 'SSL_CIPHER_SUITE=TLS_RSA_WITH_AES_999_GCM_SHA384\n',
      }),
      errors: [
        {
          messageId: 'unknown',
          file: 'app/src/main/liberty/config/jms.xml',
          line: 4,
          related: [
            { file: 'app/src/main/liberty/config/jms.xml', line: 2 },
            { file: 'app/src/main/liberty/config/server.env', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'Liberty <ssl> defined in an include and again in server.xml: the attributes merge, each named where it is written',
      files: {
        'api/jdk/release': TEMURIN17,
        'api/server.xml':
          '<server>\n  <include location="tls.xml"/>\n  <httpEndpoint id="defaultHttpEndpoint" host="*" httpsPort="9443"/>\n  <ssl id="defaultSSLConfig" sslProtocol="TLSv1.2"/>\n</server>\n',
        'api/tls.xml':
          '<server>\n  <ssl id="defaultSSLConfig" sslProtocol="TLSv1" enabledCiphers="TLS_RSA_WITH_AES_999_GCM_SHA384"/>\n</server>\n',
      },
      errors: [{ messageId: 'unknown', file: 'api/tls.xml', line: 2 }],
    },
  ],
});
