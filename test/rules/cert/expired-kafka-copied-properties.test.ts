import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/cert/expired';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A broker's server.properties that its Dockerfile COPYs into the image a Compose service builds, while that service
 * mounts the stores' directory at the path ssl.keystore.location names (src/model/kafka-properties.ts). Shaped like
 * Dabz/kafka-security-playbook@24ee035 tls-with-ocrl (no licence file; github.com/Dabz/kafka-security-playbook/
 * blob/24ee035b30cc38a4a4f00012013b0885e0ccfe1d/tls-with-ocrl/docker-compose.yml): `build: kafka/`, `./certs/:/var/lib/secret`, and
 * `ssl.keystore.location=/var/lib/secret/broker.keystore` — its expired broker certificate was a warning saying no
 * setting names the store by a path the tree resolves. key.jks (generated fixture) holds a leaf and its CA, both
 * expired at the reference date.
 */
const key = fs.readFileSync(path.resolve(__dirname, '../../fixtures/keystores/generated/key.jks'));
const tree = (volumes: string[]) => ({
  'certs/broker.jks': key,
  'kafka/Dockerfile': 'FROM centos:centos8\nCOPY server.properties /etc/kafka/server.properties\n',
  'kafka/server.properties': [
    'listeners=SSL://kafka:9093',
    'ssl.keystore.location=/var/lib/secret/broker.jks',
    'ssl.keystore.password=confluent',
    '',
  ].join('\n'),
  'docker-compose.yml': ['services:', '  kafka:', '    build: kafka/', ...volumes, ''].join('\n'),
});

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "copied into the image of a service that mounts the stores' directory: the broker's store (an error)",
      files: tree(['    volumes:', '      - ./certs/:/var/lib/secret']),
      options: { referenceDate: '2047-01-01' },
      errors: [
        {
          messageId: 'expired',
          severity: 'error',
          file: 'certs/broker.jks',
          line: 1,
          related: [
            { file: 'kafka/server.properties', line: 2 },
            { file: 'docker-compose.yml', line: 5 },
            { file: 'certs/broker.jks', line: 1 },
          ],
        },
      ],
    },
    {
      // The service mounts nothing at /var/lib/secret: a path the tree does not place may name it (the leaf and its CA
      // each a warning), as before.
      name: 'no mount of the building service holds the path: the store is unknown, a warning',
      files: tree(['    volumes:', '      - ./certs/:/etc/kafka/secrets']),
      options: { referenceDate: '2047-01-01' },
      errors: [
        { messageId: 'expiredPerhapsNamed', file: 'certs/broker.jks', line: 1, severity: 'warning' },
        {
          messageId: 'expiredPerhapsNamed',
          file: 'certs/broker.jks',
          line: 1,
          severity: 'warning',
          messageIncludes: ['/var/lib/secret/broker.jks'],
        },
      ],
    },
  ],
});
