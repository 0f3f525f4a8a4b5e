import rule from '../../../src/rules/security/plaintext-secret';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * Solr's include file (src/parse/solr-include.ts): bin/solr sources solr.in.sh and exports its
 * SOLR_SSL_KEY_STORE_PASSWORD for Jetty's key store (apache/solr@00444bf solr/bin/solr). The first invalid tree is
 * arunvel1988/solr_ssl@0312630 (no licence file) solr.in.sh: one .jks named as the key and the trust store, with its
 * password for both.
 */
const ARUNVEL = [
  'SOLR_SSL_ENABLED=true',
  'SOLR_SSL_KEY_STORE=/ssl/solr-ssl.keystore.jks',
  'SOLR_SSL_KEY_STORE_PASSWORD=Solr-Plain_1',
  'SOLR_SSL_TRUST_STORE=/ssl/solr-ssl.keystore.jks',
  'SOLR_SSL_TRUST_STORE_PASSWORD=Solr-Plain_1',
  'SOLR_SSL_KEY_STORE_TYPE=JKS',
  '',
].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: "the stock file's commented-out settings; a password the environment gives; one inside a branch",
      files: {
        'solr.in.sh': [
          '#SOLR_SSL_KEY_STORE_PASSWORD=secret',
          'SOLR_SSL_KEY_STORE_PASSWORD="${KEYSTORE_PASSWORD}"',
          'if [ -n "$X" ]; then',
          '  SOLR_SSL_TRUST_STORE_PASSWORD=Solr-Plain_1',
          'fi',
          '',
        ].join('\n'),
        'bin/solr.in.cmd': 'REM set SOLR_SSL_KEY_STORE_PASSWORD=secret\r\nset SOLR_SSL_KEY_STORE_PASSWORD=%KS_PW%\r\n',
      },
    },
  ],
  invalid: [
    {
      name: "the key store's password; the trust store is the key store's file",
      files: { 'solr.in.sh': ARUNVEL },
      errors: [
        {
          messageId: 'plaintext',
          file: 'solr.in.sh',
          line: 3,
          column: 29,
          messageIncludes: ['SOLR_SSL_KEY_STORE_PASSWORD in solr.in.sh'],
          messageExcludes: ['Solr-Plain_1'],
        },
        {
          messageId: 'trustStoreIsKeyStore',
          file: 'solr.in.sh',
          line: 5,
          messageIncludes: ['SOLR_SSL_KEY_STORE names the same file'],
        },
      ],
    },
    {
      name: 'solr.in.cmd\'s `set "NAME=value"`; a trust store of its own (info)',
      files: {
        'solr.in.cmd': [
          'set "SOLR_SSL_KEY_STORE_PASSWORD=Solr-Plain_1"',
          'set SOLR_SSL_TRUST_STORE=etc\\trust.p12',
          'set SOLR_SSL_TRUST_STORE_PASSWORD=Trust-Plain-2',
          '',
        ].join('\r\n'),
      },
      errors: [
        { messageId: 'plaintext', file: 'solr.in.cmd', line: 1, column: 34 },
        { messageId: 'trustStore', file: 'solr.in.cmd', line: 3, severity: 'info' },
      ],
    },
  ],
});
