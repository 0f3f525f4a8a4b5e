import rule from '../../../src/rules/cert/expired';
import { ruleTester } from '../../helpers/rule-tester';
import { ca, leaf } from '../../helpers/pki';

const current = leaf('localhost');
const expired = leaf('localhost', ca('Old Root'), {
  notBefore: new Date(Date.now() - 730 * 86_400_000),
  notAfter: new Date(Date.now() - 365 * 86_400_000),
});

/**
 * zzyyppqq/springboot_ssl_sample@4222efd (no licence file): the app's application.properties serves one certificate,
 * and an older copy of its server.ssl.* settings sits in `dir`/application.properties under src/main/resources,
 * naming an expired one.
 */
const app = (dir: string): Record<string, string | Buffer> => ({
  'app/src/main/resources/application.properties': `server.port=8443\nserver.ssl.certificate=classpath:tls/current.crt\nserver.ssl.certificate-private-key=classpath:tls/current.key\n`,
  'app/src/main/resources/tls/current.crt': current.pem,
  'app/src/main/resources/tls/current.key': current.keyPem,
  [`app/src/main/resources/${dir}/application.properties`]:
    'server.port=8443\nserver.ssl.certificate=classpath:old/server.crt\nserver.ssl.certificate-private-key=classpath:old/server.key\n',
  'app/src/main/resources/old/server.crt': expired.pem,
  'app/src/main/resources/old/server.key': expired.keyPem,
});

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      // Spring Boot reads application* from the classpath root and config/ only: templates/ is view templates.
      name: "an application.properties among the app's templates configures nothing: its expired store is named by nothing",
      files: app('templates'),
      errors: [
        { messageId: 'expiredUnnamed', file: 'app/src/main/resources/old/server.crt', line: 1, severity: 'info' },
      ],
    },
    {
      name: 'the same under static/: not the server the app runs',
      files: app('static'),
      errors: [
        { messageId: 'expiredUnnamed', file: 'app/src/main/resources/old/server.crt', line: 1, severity: 'info' },
      ],
    },
    {
      // config/ is one of Spring Boot's own locations: read, as before.
      name: 'an application.properties in config/ is read and outranks the root one: its expired certificate is served',
      files: app('config'),
      errors: [{ messageId: 'expired', file: 'app/src/main/resources/old/server.crt', line: 1, severity: 'error' }],
    },
  ],
});
