import rule from '../../../src/rules/security/plaintext-secret';
import { ruleTester } from '../../helpers/rule-tester';

// A trust store password whose trust store setting names the key store's file: the password opens the private key.
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: 'Spring trust store of another file: the trust store message, an info',
      files: {
        'application.properties':
          'server.ssl.key-store=classpath:server.p12\nserver.ssl.trust-store=classpath:ca.p12\nserver.ssl.trust-store-password=Ts-Plain-3\n',
      },
      errors: [{ messageId: 'trustStore', severity: 'info', file: 'application.properties', line: 3 }],
    },
    {
      name: 'Tomcat Connector truststoreFile is its keystoreFile; JSSE -D options in setenv.sh alike',
      files: {
        'conf/server.xml':
          '<Server port="8005">\n  <Service name="Catalina">\n    <Connector port="8443" SSLEnabled="true" keystoreFile="conf/app.p12" keystorePass="${ks}" truststoreFile="conf/app.p12" truststorePass="Ts-Plain-6" clientAuth="true"/>\n  </Service>\n</Server>\n',
        'bin/setenv.sh':
          'JAVA_OPTS="-Djavax.net.ssl.keyStore=/etc/a.p12 -Djavax.net.ssl.trustStore=/etc/a.p12 -Djavax.net.ssl.trustStorePassword=Ts-Plain-7"\n',
      },
      errors: [
        {
          messageId: 'trustStoreIsKeyStore',
          file: 'bin/setenv.sh',
          line: 1,
          related: [{ file: 'bin/setenv.sh', line: 1 }],
        },
        {
          messageId: 'trustStoreIsKeyStore',
          file: 'conf/server.xml',
          line: 3,
          related: [{ file: 'conf/server.xml', line: 3 }],
        },
      ],
    },
    {
      name: 'Kafka ssl.truststore.location is ssl.keystore.location',
      files: {
        'client-ssl.properties':
          'security.protocol=SSL\nssl.keystore.location=/var/private/ssl/client.jks\nssl.truststore.location=/var/private/ssl/client.jks\nssl.truststore.password=Ts-Plain-5\n',
      },
      errors: [
        {
          messageId: 'trustStoreIsKeyStore',
          file: 'client-ssl.properties',
          line: 4,
          related: [{ file: 'client-ssl.properties', line: 2 }],
        },
      ],
    },
  ],
});
