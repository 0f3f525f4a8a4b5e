import rule from '../../../src/rules/cleartrust/agent-backward-compatible-required';
import { ruleTester } from '../../helpers/rule-tester';
import { dispatcher, webagent } from './fixtures';

const agent47 = '# lint-deploy agent-version: 4.7.2\n' + webagent('auth');

ruleTester(rule, {
  valid: [
    {
      name: 'flag set',
      files: {
        'dispatcher.conf': dispatcher('auth', ['cleartrust.dispatcher.list_port.backward_compatible=True']),
        'webagent.conf': agent47,
      },
    },
    { name: 'SSL off', files: { 'dispatcher.conf': dispatcher('clear'), 'webagent.conf': agent47 } },
    {
      name: 'agent 5.0',
      files: {
        'dispatcher.conf': dispatcher('auth'),
        'webagent.conf': '# RSA ClearTrust Agent 5.0.1\n' + webagent('auth'),
      },
    },
    {
      name: 'agent version unknown',
      files: { 'dispatcher.conf': dispatcher('auth'), 'webagent.conf': webagent('auth') },
    },
  ],
  invalid: [
    {
      name: 'marker comment, flag missing',
      files: { 'dispatcher.conf': dispatcher('auth'), 'webagent.conf': agent47 },
      errors: [{ messageId: 'missing', file: 'dispatcher.conf', line: 2, messageIncludes: ['4.7.2'] }],
    },
    {
      name: 'product banner, flag false',
      files: {
        'dispatcher.conf': dispatcher('anon', ['cleartrust.dispatcher.list_port.backward_compatible=false']),
        'agent/webagent.conf': '# RSA ClearTrust Agent 4.7.1 for Apache\n' + webagent('anon'),
      },
      errors: [{ messageId: 'notTrue', file: 'dispatcher.conf', line: 3 }],
    },
    {
      name: 'version from config agentVersion',
      files: { 'dispatcher.conf': dispatcher('auth'), 'webagent.conf': webagent('auth') },
      config: { agentVersion: '4.7' },
      errors: [{ messageId: 'missing', file: 'dispatcher.conf', line: 2 }],
    },
  ],
});
