import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/cert/expired';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * Keycloak's own HTTPS server (src/model/keycloak-https.ts): the key store its `https-key-store-file` names, from the
 * command line, a variable or conf/keycloak.conf, is the certificate it serves. key.jks (generated fixture) holds a leaf
 * and its CA, both expired at the reference date: an error at the store, naming the setting that names it; without a
 * Keycloak start naming it, an info only (nothing the tree shows serves it).
 */
const key = fs.readFileSync(path.resolve(__dirname, '../../fixtures/keystores/generated/key.jks'));
const dockerfile = (image: string, env: string) =>
  `FROM ${image}\nCOPY server.jks /opt/keycloak/conf/server.jks\nENV ${env}\nCMD ["start"]\n`;

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: 'KC_HTTPS_KEY_STORE_FILE in a Dockerfile on the Keycloak image names the expired store',
      files: {
        Dockerfile: dockerfile(
          'quay.io/keycloak/keycloak:26.1.2',
          'KC_HTTPS_KEY_STORE_FILE=/opt/keycloak/conf/server.jks',
        ),
        'server.jks': key,
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expired',
          file: 'server.jks',
          line: 1,
          severity: 'error',
          related: [
            { file: 'Dockerfile', line: 3 },
            { file: 'Dockerfile', line: 2 },
            { file: 'server.jks', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'https-key-store-file in conf/keycloak.conf, relative to the distribution home',
      files: {
        'conf/keycloak.conf': 'https-key-store-file=conf/server.jks\n',
        'conf/server.jks': key,
      },
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expired',
          file: 'conf/server.jks',
          line: 1,
          severity: 'error',
          related: [
            { file: 'conf/keycloak.conf', line: 1 },
            { file: 'conf/server.jks', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'the WildFly image reads no KC_ variable: the store is named by nothing the tree shows',
      files: {
        Dockerfile: dockerfile('jboss/keycloak:15.0.2', 'KC_HTTPS_KEY_STORE_FILE=/opt/keycloak/conf/server.jks'),
        'server.jks': key,
      },
      options: { referenceDate: '2047-01-01' },
      errors: [{ messageId: 'expiredUnnamedBundle', file: 'server.jks', line: 1, severity: 'info' }],
    },
  ],
});
