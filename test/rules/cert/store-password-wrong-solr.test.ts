/**
 * cert/store-password-wrong on a store Solr's include file names (src/parse/solr-include.ts): bin/solr sources
 * solr.in.sh (bin/solr.cmd: solr.in.cmd) and hands SOLR_SSL_KEY_STORE and its SOLR_SSL_KEY_STORE_PASSWORD to Jetty
 * (apache/solr@00444bf solr/bin/solr). Shaped like arunvel1988/solr_ssl@0312630 (no licence file): a Dockerfile copies
 * ssl/ to /ssl and solr.in.sh to /etc/default/, which names /ssl/solr-ssl.keystore.jks.
 * Stores: test/fixtures/keystores/generated (keytool-made, store password Pk12-planted-Zq9).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/cert/store-password-wrong';
import { ruleTester } from '../../helpers/rule-tester';

const STORES = path.resolve(__dirname, '../../fixtures/keystores/generated');
const store = (name: string): Buffer => fs.readFileSync(path.join(STORES, name));
const RIGHT = 'Pk12-planted-Zq9';
const DOCKERFILE = [
  'FROM ubuntu',
  'COPY ssl /ssl',
  'COPY solr.in.sh /etc/default/solr.in.sh',
  'CMD ["bin/solr", "start", "-f"]',
  '',
].join('\n');
const include = (password: string) =>
  [
    'SOLR_SSL_ENABLED=true',
    'SOLR_SSL_KEY_STORE=/ssl/solr-ssl.keystore.p12',
    `SOLR_SSL_KEY_STORE_PASSWORD=${password}`,
    'SOLR_SSL_KEY_STORE_TYPE=PKCS12',
    '',
  ].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: "solr.in.sh gives the store's password",
      files: { Dockerfile: DOCKERFILE, 'solr.in.sh': include(RIGHT), 'ssl/solr-ssl.keystore.p12': store('key.p12') },
    },
    {
      name: "the stock file's commented-out lines give no password",
      files: {
        Dockerfile: DOCKERFILE,
        'solr.in.sh': include('changeit').replace(/^/gm, '#'),
        'ssl/solr-ssl.keystore.p12': store('key.p12'),
      },
    },
  ],
  invalid: [
    {
      name: "solr.in.sh's SOLR_SSL_KEY_STORE_PASSWORD does not open the store SOLR_SSL_KEY_STORE names",
      files: {
        Dockerfile: DOCKERFILE,
        'solr.in.sh': include('changeit'),
        'ssl/solr-ssl.keystore.p12': store('key.p12'),
      },
      errors: [
        {
          messageId: 'wrong',
          file: 'solr.in.sh',
          line: 3,
          messageIncludes: ['SOLR_SSL_KEY_STORE_PASSWORD gives', 'keystore password was incorrect'],
          messageExcludes: ['changeit'],
        },
      ],
    },
    {
      name: "solr.in.cmd's `set` forms",
      files: {
        'solr.in.cmd': [
          'REM set SOLR_SSL_KEY_STORE_PASSWORD=secret',
          'set SOLR_SSL_KEY_STORE=etc\\solr-ssl.keystore.p12',
          'set "SOLR_SSL_KEY_STORE_PASSWORD=changeit"',
          '',
        ].join('\r\n'),
        'etc/solr-ssl.keystore.p12': store('key.p12'),
      },
      errors: [{ messageId: 'wrong', file: 'solr.in.cmd', line: 3, messageExcludes: ['changeit'] }],
    },
  ],
});
