import rule from '../../../src/rules/cleartrust/ssl-mode-invalid';
import { ruleTester } from '../../helpers/rule-tester';
import { aserver, eserver, webagent } from './fixtures';

ruleTester(rule, {
  valid: [
    {
      name: 'clear anon auth in any case',
      files: {
        'eserver.conf': eserver('Clear'),
        'aserver.conf': aserver('ANON', 'anon'),
        'webagent.conf': webagent('auth'),
      },
    },
  ],
  invalid: [
    {
      name: 'a boolean where a mode belongs',
      files: { 'aserver.conf': aserver('true', 'clear') },
      errors: [{ messageId: 'invalid', file: 'aserver.conf', line: 2, messageIncludes: ["'true'"] }],
    },
    {
      name: 'runtime_api.security and agent values are checked too',
      files: { 'aserver.conf': aserver('auth', 'ssl'), 'webagent.conf': webagent('yes') },
      errors: [
        { messageId: 'invalid', file: 'aserver.conf', line: 3 },
        { messageId: 'invalid', file: 'webagent.conf', line: 5 },
      ],
    },
  ],
});
