import rule from '../../../src/rules/cleartrust/auth-without-keystore';
import { ruleTester } from '../../helpers/rule-tester';
import { eserver, webagent } from './fixtures';

ruleTester(rule, {
  valid: [
    {
      name: 'server with keystore',
      files: { 'eserver.conf': eserver('auth', ['cleartrust.net.ssl.keystore_file=/opt/ct/ks.jks']) },
    },
    {
      name: 'agent with keystore',
      files: { 'webagent.conf': webagent('auth', ['cleartrust.agent.ssl.keystore=/opt/ct/a.jks']) },
    },
    { name: 'anon needs none', files: { 'eserver.conf': eserver('anon') } },
  ],
  invalid: [
    {
      name: 'server without keystore',
      files: { 'eserver.conf': eserver('auth') },
      errors: [{ messageId: 'missing', file: 'eserver.conf', line: 2, severity: 'warning' }],
    },
    {
      name: 'agent with empty keystore',
      files: { 'webagent.conf': webagent('auth', ['cleartrust.agent.ssl.keystore=']) },
      errors: [{ messageId: 'missing', file: 'webagent.conf', line: 5 }],
    },
  ],
});
