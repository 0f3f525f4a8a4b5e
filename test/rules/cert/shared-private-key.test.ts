import * as fs from 'node:fs';
import rule from '../../../src/rules/cert/shared-private-key';
import { ruleTester } from '../../helpers/rule-tester';
import { cert } from './cert-rules.trees';
import { buildStores } from '../../helpers/keystores';

// gmjdev/microservices-demo@4bf5aca (Apache-2.0): certs/localhost.cer is the certificate of the key entry every
// service's key store holds. key.jks: keytool's store of leaf.key with leaf.crt (alias server).
const stores = buildStores();
afterAll(() => fs.rmSync(stores.dir, { recursive: true, force: true }));
const keyStore = stores.bytes('key.jks');
const published = stores.bytes('leaf.crt').toString('utf8');

const qm = (name: string) => `ALTER QMGR CERTLABL('${name.toLowerCase()}')\n`;
ruleTester(rule, {
  valid: [
    {
      name: 'each queue manager has its own key',
      files: {
        'QMPROD1/QMPROD1.mqsc': qm('QMPROD1'),
        'QMPROD1/ssl/qm.crt': cert('qmprod1.crt'),
        'QMPROD2/QMPROD2.mqsc': qm('QMPROD2'),
        'QMPROD2/ssl/qm.crt': cert('qmprod2-own.crt'),
      },
    },
    {
      name: 'the same certificate twice in one component',
      files: {
        'QMPROD1/QMPROD1.mqsc': qm('QMPROD1'),
        'QMPROD1/a.crt': cert('qmprod1.crt'),
        'QMPROD1/b.crt': cert('qmprod1.crt'),
      },
    },
    {
      // PkayJava/tomcat-docker@8845022: apps/openssl/localhost.crt and the CA's apps/openssl/system/newcerts/01.pem.
      name: "the CA's record copy of a certificate it issued (openssl ca's newcerts/<serial>.pem)",
      files: {
        'QMPROD1/QMPROD1.mqsc': qm('QMPROD1'),
        'QMPROD1/ssl/qm.crt': cert('qmprod1.crt'),
        'ca/newcerts/01.pem': cert('qmprod1.crt'),
      },
    },
    {
      name: 'the published copy of a certificate whose key one component holds (no key beside the copy)',
      files: {
        'config-svc/cert/keystore.jks': keyStore,
        'certs/localhost.cer': published,
      },
    },
  ],
  invalid: [
    {
      name: 'one key pair in two services, and its published copy (reported once, for the second service)',
      files: {
        'config-svc/cert/keystore.jks': keyStore,
        'gateway-svc/cert/keystore.jks': keyStore,
        'certs/localhost.cer': published,
      },
      errors: [{ messageId: 'shared', file: 'gateway-svc/cert/keystore.jks', line: 1 }],
    },
    {
      name: 'seed 002: one key pair on two queue managers',
      files: {
        'QMPROD1/QMPROD1.mqsc': qm('QMPROD1'),
        'QMPROD1/ssl/qm.crt': cert('qmprod1.crt'),
        'QMPROD2/QMPROD2.mqsc': qm('QMPROD2'),
        'QMPROD2/ssl/qm.crt': cert('qmprod2-shared.crt'),
      },
      errors: [
        {
          messageId: 'shared',
          file: 'QMPROD2/ssl/qm.crt',
          line: 1,
          related: [{ file: 'QMPROD1/ssl/qm.crt', line: 1 }],
        },
      ],
    },
  ],
});
