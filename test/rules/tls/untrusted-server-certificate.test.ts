import rule from '../../../src/rules/tls/untrusted-server-certificate';
import { ruleTester } from '../../helpers/rule-tester';
import { javaClient, nginxProxy, nginxServer, pem, tomcatServer } from './trust-trees';

/** The Java client whose image's ENTRYPOINT names a trust store of another CA (no JVM options beside it). */
const CLIENT_TRUSTS_OTHER_BY_ENTRYPOINT = {
  ...javaClient({ trustStore: 'trust-other.p12' }),
  'client/jvm.options': '-Xmx1g\n',
  'client/Dockerfile':
    'ENTRYPOINT ["java", "-Djavax.net.ssl.trustStore=/opt/client/security/trust-other.p12", "-jar", "/app.jar"]\n',
};

ruleTester(rule, {
  valid: [
    {
      name: 'the client trusts the root of the chain the Tomcat key entry holds',
      files: { ...javaClient({ trustStore: 'trust-root.jks' }), ...tomcatServer('server-chain.p12') },
    },
    {
      name: 'nginx sends leaf and intermediate; the client trusts the root',
      files: { ...javaClient({ trustStore: 'trust-root.jks' }), ...nginxServer('server-fullchain.pem') },
    },
    {
      // The Compose entrypoint replaces the image's: the trust store is the one the shell gives, which the tree does not say.
      name: "a Compose entrypoint that runs java with the trust store from the shell replaces the image's ENTRYPOINT",
      files: {
        ...CLIENT_TRUSTS_OTHER_BY_ENTRYPOINT,
        'compose.yaml':
          'services:\n  client:\n    build: ./client\n    entrypoint: java -Djavax.net.ssl.trustStore=${TRUST_STORE} -jar /app.jar\n',
        ...tomcatServer('server-chain.p12'),
      },
    },
    {
      name: 'no trust store: the JDK cacerts decide (unknown, not an error)',
      files: { ...javaClient({}), ...tomcatServer('server-chain.p12') },
    },
    {
      name: 'the server omits its intermediate: tls/incomplete-chain, not this rule',
      files: {
        ...javaClient({ trustStore: 'trust-root.jks' }),
        ...nginxServer('server-leaf.pem'),
        'ca/issuing-ca.pem': pem('issuing-ca.pem'),
      },
    },
    {
      name: 'a trust store no tried password opens: unknown (tls/certificate-trust-unknown), not untrusted',
      files: { ...javaClient({ trustStore: 'trust-locked.p12' }), ...tomcatServer('server-chain.p12') },
    },
    {
      name: 'an expired root is a trust anchor JSSE does not date-check',
      files: {
        ...javaClient({ trustStore: 'trust-expired-root.jks' }),
        ...tomcatServer('server-under-expired-root.p12'),
      },
    },
    {
      name: 'nginx proxy_pass with proxy_ssl_verify off (its default): nginx checks no certificate at all',
      files: {
        ...nginxProxy(['proxy_ssl_trusted_certificate ssl/partner-ca.pem;'], 'partner-ca.pem'),
        ...nginxServer('server-fullchain.pem'),
      },
    },
    {
      // OpenSSL's depth 1 allows the leaf, one intermediate and the anchor (SSL_CTX_set_verify_depth).
      name: 'nginx proxy_pass verifying against the root at the default proxy_ssl_verify_depth 1',
      files: {
        ...nginxProxy(['proxy_ssl_verify on;', 'proxy_ssl_trusted_certificate ssl/root-ca.pem;'], 'root-ca.pem'),
        ...nginxServer('server-fullchain.pem'),
      },
    },
  ],
  invalid: [
    {
      name: 'nginx proxy_pass with proxy_ssl_verify on trusting another CA',
      files: {
        ...nginxProxy(
          ['proxy_ssl_verify on;', 'proxy_ssl_verify_depth 2;', 'proxy_ssl_trusted_certificate ssl/partner-ca.pem;'],
          'partner-ca.pem',
        ),
        ...nginxServer('server-fullchain.pem'),
      },
      errors: [{ messageId: 'untrusted', file: 'gw/nginx.conf', line: 7 }],
    },
    {
      name: "the client trusts another root, named by its image's ENTRYPOINT",
      files: { ...CLIENT_TRUSTS_OTHER_BY_ENTRYPOINT, ...tomcatServer('server-chain.p12') },
      errors: [{ messageId: 'untrusted', file: 'client/Dockerfile', line: 1 }],
    },
    {
      name: 'the client trusts another root (Tomcat PKCS#12 key store)',
      files: { ...javaClient({ trustStore: 'trust-other.p12' }), ...tomcatServer('server-chain.p12') },
      errors: [
        {
          messageId: 'untrusted',
          file: 'client/jvm.options',
          line: 1,
          messageIncludes: [
            'Fixture Other Root CA',
            'PKIX path building failed',
            'certificate_unknown',
            'Fixture Issuing CA',
          ],
        },
      ],
    },
    {
      name: 'nginx (PEM chain in file order) against a JKS trust store of another CA',
      files: { ...javaClient({ trustStore: 'trust-other.p12' }), ...nginxServer('server-fullchain.pem') },
      errors: [
        {
          messageId: 'untrusted',
          file: 'client/jvm.options',
          line: 1,
          messageIncludes: ['sslv3 alert certificate unknown'],
        },
      ],
    },
  ],
});
