import rule from '../../../src/rules/cleartrust/ssl-mode-mismatch';
import { ruleTester } from '../../helpers/rule-tester';
import { aserver, dispatcher, eserver, webagent } from './fixtures';

ruleTester(rule, {
  valid: [
    {
      name: 'all clear, agent Clear in any case',
      files: {
        'eserver.conf': eserver('clear'),
        'aserver.conf': aserver('clear'),
        'dispatcher.conf': dispatcher('clear'),
        'webagent.conf': webagent('Clear'),
      },
    },
    {
      name: 'all auth across hosts',
      files: {
        'h1/eserver.conf': eserver('auth'),
        'h2/aserver.conf': aserver('auth'),
        'h3/aserver.conf': aserver('AUTH'),
      },
    },
    {
      name: 'key server may differ',
      files: { 'eserver.conf': eserver('auth'), 'keyserver.conf': 'cleartrust.net.ssl.use=clear\n' },
    },
    {
      name: 'invalid values are left to ssl-mode-invalid',
      files: { 'eserver.conf': eserver('auth'), 'aserver.conf': aserver('bogus') },
    },
    { name: 'single file', files: { 'aserver.conf': aserver('anon') } },
  ],
  invalid: [
    {
      name: 'dispatcher disagrees with the others',
      files: {
        'eserver.conf': eserver('auth'),
        'aserver.conf': aserver('auth'),
        'dispatcher.conf': dispatcher('anon'),
      },
      errors: [
        {
          messageId: 'mismatch',
          file: 'dispatcher.conf',
          line: 2,
          column: 1,
          messageIncludes: ["'anon' here but 'auth'", 'aserver.conf'],
          related: [{ file: 'aserver.conf', line: 2 }],
        },
      ],
    },
    {
      name: 'web agent disagrees (case-insensitive compare)',
      files: {
        'eserver.conf': eserver('clear'),
        'aserver.conf': aserver('clear'),
        'agents/web1/webagent.conf': webagent('Auth'),
      },
      errors: [
        {
          messageId: 'mismatch',
          file: 'agents/web1/webagent.conf',
          line: 5,
          column: 2,
          related: [{ file: 'aserver.conf', line: 2 }],
        },
      ],
    },
    {
      name: 'CRLF files with continuation lines keep their line numbers',
      files: {
        'eserver.conf': '# a\r\n# b\r\ncleartrust.net.ssl.use=\\\r\n   auth\r\n',
        'aserver.conf': 'cleartrust.net.ssl.use=auth\r\n',
        'dispatcher.conf': '\r\n\r\ncleartrust.net.ssl.use : clear\r\n',
      },
      errors: [{ messageId: 'mismatch', file: 'dispatcher.conf', line: 3 }],
    },
    {
      name: 'the last of duplicate keys is the one compared',
      files: {
        'eserver.conf': eserver('auth'),
        'aserver.conf': aserver('auth'),
        'dispatcher.conf': dispatcher('auth', ['cleartrust.net.ssl.use=clear']),
      },
      errors: [{ messageId: 'mismatch', file: 'dispatcher.conf', line: 3 }],
    },
  ],
});
