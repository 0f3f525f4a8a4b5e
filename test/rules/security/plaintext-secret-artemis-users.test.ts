import rule from '../../../src/rules/security/plaintext-secret';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * ActiveMQ Artemis's `etc/artemis-users.properties` (src/parse/artemis-users.ts). The invalid tree is shaped like
 * miqbal-redhat/custom-amq@b3040c4 (no licence file) config/artemis-users.properties, which its S2I assemble script
 * copies into the broker instance's etc/: users whose passwords are written as they are, beside one masked ENC(…).
 */
ruleTester(rule, {
  valid: [
    {
      // `artemis user add` writes ENC(<iterations>:<salt>:<hash>) with the default codec unless --plaintext.
      name: 'passwords masked by the codec, an empty value',
      files: {
        'etc/artemis-users.properties': [
          '## users of the broker',
          'admin = ENC(1024:6D8C1CCE6B0C5C1E0E4A0D1D1F1F2A2B:9F2B1C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F6071)',
          'monitor = ENC(1024:0E4A0D1D1F1F2A2B6D8C1CCE6B0C5C1E:0A1B2C3D4E5F60719F2B1C3D4E5F60718293A4B5C6D7E8F9)',
          'disabled =',
          '',
        ].join('\n'),
      },
    },
    {
      // Not Artemis's users file: another users.properties says nothing of what its values are.
      name: 'a users.properties of another name is not read as Artemis users',
      files: { 'conf/users.properties': 'alice=alice\n' },
    },
  ],
  invalid: [
    {
      name: 'users whose passwords are written as they are (the masked one is left alone)',
      files: {
        'config/artemis-users.properties': [
          '#',
          '# Licensed to the Apache Software Foundation (ASF)',
          '#',
          'amqadmin=ENC(1024:6D8C1CCE6B0C5C1E0E4A0D1D1F1F2A2B:9F2B1C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F6071)',
          'operator1=Queue-Ops-Plain-7',
          'reader = Reader-Plain-8',
          'chatter = password',
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'config/artemis-users.properties',
          line: 5,
          column: 11,
          messageIncludes: ['the password of user operator1', 'artemis-users.properties', 'ENC('],
          messageExcludes: ['Queue-Ops-Plain-7'],
        },
        {
          messageId: 'plaintext',
          file: 'config/artemis-users.properties',
          line: 6,
          column: 10,
          messageIncludes: ['the password of user reader'],
          messageExcludes: ['Reader-Plain-8'],
        },
        {
          // A password that is the word `password` is masked where the tree's text holds it, never in our words.
          messageId: 'plaintext',
          file: 'config/artemis-users.properties',
          line: 7,
          column: 11,
          messageIncludes: ['the password of user chatter in artemis-users.properties'],
        },
      ],
    },
  ],
});
