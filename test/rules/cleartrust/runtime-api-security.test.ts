import tooHigh from '../../../src/rules/cleartrust/runtime-api-security-too-high';
import mismatch from '../../../src/rules/cleartrust/runtime-api-security-mismatch';
import { ruleTester } from '../../helpers/rule-tester';
import { aserver } from './fixtures';

ruleTester(tooHigh, {
  valid: [
    { name: 'equal', files: { 'aserver.conf': aserver('auth', 'auth') } },
    { name: 'lower', files: { 'aserver.conf': aserver('auth', 'clear') } },
    { name: 'anon below auth', files: { 'aserver.conf': aserver('auth', 'anon') } },
  ],
  invalid: [
    {
      name: 'auth above anon',
      files: { 'aserver.conf': aserver('anon', 'auth') },
      errors: [{ messageId: 'tooHigh', file: 'aserver.conf', line: 3, related: [{ file: 'aserver.conf', line: 2 }] }],
    },
    {
      name: 'anon above clear',
      files: { 'a1/aserver.conf': aserver('clear', 'anon') },
      errors: [{ messageId: 'tooHigh', file: 'a1/aserver.conf', line: 3 }],
    },
  ],
});

ruleTester(mismatch, {
  valid: [
    {
      name: 'same on both servers',
      files: { 'a1/aserver.conf': aserver('auth', 'anon'), 'a2/aserver.conf': aserver('auth', 'ANON') },
    },
  ],
  invalid: [
    {
      name: 'one of three differs',
      files: {
        'a1/aserver.conf': aserver('auth', 'anon'),
        'a2/aserver.conf': aserver('auth', 'anon'),
        'a3/aserver.conf': aserver('auth', 'auth'),
      },
      errors: [
        { messageId: 'mismatch', file: 'a3/aserver.conf', line: 3, related: [{ file: 'a1/aserver.conf', line: 3 }] },
      ],
    },
  ],
});
