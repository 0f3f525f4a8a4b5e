/**
 * A Java client against a plain Jetty server (src/model/jetty-https.ts): the SslContextFactory's default exclusions
 * (Jetty 9.4.12 on) remove static-RSA and SHA-1 suites, so a client that offers only those fails once the tree names
 * a release with them (an image tag) or writes the exclusions; with the release unknown the older Jetty keeps them:
 * unknown, never an error.
 */
import rule from '../../../src/rules/tls/no-common-cipher';
import { ruleTester } from '../../helpers/rule-tester';

const jetty = (dockerfile: string, extra: Record<string, string> = {}) => ({
  'client/application.properties': 'backend.url=https://api:8443/v1\n',
  'client/jvm.options': '-Djdk.tls.client.cipherSuites=TLS_RSA_WITH_AES_128_GCM_SHA256\n',
  'client/Dockerfile': 'FROM eclipse-temurin:17.0.9_9-jre\n',
  'api/Dockerfile': dockerfile,
  'api/start.d/ssl.ini': '--module=ssl\njetty.ssl.port=8443\njetty.sslContext.keyStorePath=/etc/api/key.p12\n',
  ...extra,
});

ruleTester(rule, {
  valid: [
    {
      name: 'the release unknown (a JDK image, Jetty unpacked from an archive the tree does not name): the old Jetty keeps the suite',
      files: jetty('FROM eclipse-temurin:17.0.9_9-jre\nCOPY start.d /var/lib/jetty/start.d\n'),
    },
    {
      name: "Jetty 9.3 (a JETTY_VERSION variable): only ^.*_(MD5|SHA|SHA1)$ is excluded by default, the client's suite stays",
      files: jetty('FROM eclipse-temurin:17.0.9_9-jre\nENV JETTY_VERSION 9.3.29.v20201019\n'),
    },
    {
      name: 'a tweak file sets ExcludeCipherSuites to an empty list: every JDK suite stays',
      files: jetty('FROM eclipse-temurin:17.0.9_9-jre\nENV JETTY_VERSION=10.0.24\n', {
        'api/start.d/ssl.ini':
          '--module=ssl\njetty.ssl.port=8443\njetty.sslContext.keyStorePath=/etc/api/key.p12\netc/tweak-ssl.xml\n',
        'api/etc/tweak-ssl.xml':
          '<?xml version="1.0"?>\n<!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "https://jetty.org/configure_10_0.dtd">\n<Configure id="sslContextFactory" class="org.eclipse.jetty.util.ssl.SslContextFactory$Server">\n  <Set name="ExcludeCipherSuites"><Array type="String"></Array></Set>\n</Configure>\n',
      }),
    },
  ],
  invalid: [
    {
      name: "Jetty 10.0.24 (JETTY_VERSION): Jetty's default exclusions remove the client's only suite",
      files: jetty(
        'FROM eclipse-temurin:17.0.9_9-jre\nENV JETTY_VERSION=10.0.24\nRUN curl -fsSL https://repo1.maven.org/maven2/org/eclipse/jetty/jetty-home/$JETTY_VERSION/jetty-home-$JETTY_VERSION.tar.gz | tar -xz -C /opt\n',
      ),
      errors: [{ messageId: 'noCommonCipher', file: 'client/jvm.options', line: 1 }],
    },
  ],
});
