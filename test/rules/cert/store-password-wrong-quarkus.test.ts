/**
 * cert/store-password-wrong on a Quarkus HTTPS server's store whose password a start gives (src/model/quarkus-server.ts):
 * a Compose service's, a Dockerfile's or a Kubernetes container's QUARKUS_* variable, judged as the file's own password
 * setting is, at the variable's line; and the TLS registry's `key-store.p12.password`, the password of `key-store.p12.path`.
 * Stores: test/fixtures/keystores/generated (keytool-made, store password Pk12-planted-Zq9).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/cert/store-password-wrong';
import { ruleTester } from '../../helpers/rule-tester';

const STORES = path.resolve(__dirname, '../../fixtures/keystores/generated');
const store = (name: string): Buffer => fs.readFileSync(path.join(STORES, name));
const RIGHT = 'Pk12-planted-Zq9';
const RES = 'app/src/main/resources';
const LEGACY = 'quarkus.http.ssl.certificate.key-store-file=key.p12\n';
const compose = (variables: Record<string, string>) =>
  ['services:', '  app:', '    build: ./app', '    environment:']
    .concat(Object.entries(variables).map(([k, v]) => `      ${k}: "${v}"`))
    .join('\n') + '\n';

ruleTester(rule, {
  valid: [
    {
      name: "a Compose service's variable gives the store's password",
      files: {
        [`${RES}/application.properties`]: LEGACY,
        [`${RES}/key.p12`]: store('key.p12'),
        'docker-compose.yml': compose({ QUARKUS_HTTP_SSL_CERTIFICATE_KEY_STORE_PASSWORD: RIGHT }),
      },
    },
    {
      name: 'a variable the run sets (${KS_PW}): not judged',
      files: {
        [`${RES}/application.properties`]: LEGACY,
        [`${RES}/key.p12`]: store('key.p12'),
        'docker-compose.yml': compose({ QUARKUS_HTTP_SSL_CERTIFICATE_KEY_STORE_PASSWORD: '${KS_PW}' }),
      },
    },
    {
      name: "the variable's right password over the file's wrong one (300 over 250): the run opens the store",
      files: {
        [`${RES}/application.properties`]: `${LEGACY}quarkus.http.ssl.certificate.key-store-password=changeit\n`,
        [`${RES}/key.p12`]: store('key.p12'),
        'docker-compose.yml': compose({ QUARKUS_HTTP_SSL_CERTIFICATE_KEY_STORE_PASSWORD: RIGHT }),
      },
    },
  ],
  invalid: [
    {
      name: "a Compose service's QUARKUS_HTTP_SSL_CERTIFICATE_KEY_STORE_PASSWORD does not open the PKCS#12 store",
      files: {
        [`${RES}/application.properties`]: LEGACY,
        [`${RES}/key.p12`]: store('key.p12'),
        'docker-compose.yml': compose({ QUARKUS_HTTP_SSL_CERTIFICATE_KEY_STORE_PASSWORD: 'changeit' }),
      },
      errors: [
        {
          messageId: 'wrong',
          file: 'docker-compose.yml',
          line: 5,
          messageIncludes: [
            'QUARKUS_HTTP_SSL_CERTIFICATE_KEY_STORE_PASSWORD gives',
            'PKCS12 store key.p12',
            'keystore password was incorrect',
          ],
          messageExcludes: ['changeit'],
        },
      ],
    },
    {
      name: "a Dockerfile's ENV gives the TLS registry's JKS store and a password that does not open it",
      files: {
        [`${RES}/application.properties`]: 'quarkus.http.port=8080\n',
        [`${RES}/key.jks`]: store('key.jks'),
        'app/Dockerfile': [
          'FROM registry.access.redhat.com/ubi9/openjdk-21:1.20',
          'ENV QUARKUS_TLS_KEY_STORE_JKS_PATH=key.jks',
          'ENV QUARKUS_TLS_KEY_STORE_JKS_PASSWORD=changeit',
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'wrong',
          file: 'app/Dockerfile',
          line: 3,
          messageIncludes: [
            'QUARKUS_TLS_KEY_STORE_JKS_PASSWORD gives',
            'JKS store key.jks',
            'Keystore was tampered with',
          ],
        },
      ],
    },
    {
      name: "the file's TLS registry key-store.p12.password does not open key-store.p12.path",
      files: {
        [`${RES}/application.properties`]:
          'quarkus.tls.key-store.p12.path=key.p12\nquarkus.tls.key-store.p12.password=changeit\n',
        [`${RES}/key.p12`]: store('key.p12'),
      },
      errors: [
        {
          messageId: 'wrong',
          file: `${RES}/application.properties`,
          line: 2,
          messageIncludes: ['quarkus.tls.key-store.p12.password gives', 'PKCS12 store key.p12'],
        },
      ],
    },
  ],
});
