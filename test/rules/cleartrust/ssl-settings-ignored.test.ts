import rule from '../../../src/rules/cleartrust/ssl-settings-ignored';
import { ruleTester } from '../../helpers/rule-tester';
import { eserver, webagent } from './fixtures';

ruleTester(rule, {
  valid: [
    {
      name: 'clear with empty template keys (as in the field)',
      files: {
        'webagent.conf': webagent('Clear', [
          'cleartrust.agent.ssl.keystore=',
          'cleartrust.agent.ssl.keystore_passphrase=',
        ]),
      },
    },
    {
      name: 'auth with keystore',
      files: { 'eserver.conf': eserver('auth', ['cleartrust.net.ssl.keystore_file=/opt/ct/ks.jks']) },
    },
  ],
  invalid: [
    {
      name: 'server keystore set while clear',
      files: { 'eserver.conf': eserver('clear', ['cleartrust.net.ssl.keystore_file=/opt/ct/ks.jks']) },
      errors: [{ messageId: 'ignored', file: 'eserver.conf', line: 4, severity: 'info' }],
    },
    {
      name: 'agent keystore set while Clear',
      files: { 'webagent.conf': webagent('Clear', ['cleartrust.agent.ssl.keystore=/opt/ct/agent.jks']) },
      errors: [{ messageId: 'ignored', file: 'webagent.conf', line: 6 }],
    },
  ],
});
