import rule from '../../../src/rules/cleartrust/keyserver-ssl-mode-mismatch';
import { ruleTester } from '../../helpers/rule-tester';

const keyserver = (mode: string) => `# Key Server\ncleartrust.net.ssl.use=${mode}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'key servers agree, differ from the rest',
      files: {
        'k1/keyserver.conf': keyserver('auth'),
        'k2/keyserver.conf': keyserver('auth'),
        'eserver.conf': 'cleartrust.net.ssl.use=clear\n',
      },
    },
  ],
  invalid: [
    {
      name: 'second key server differs',
      files: { 'k1/keyserver.conf': keyserver('auth'), 'k2/keyserver.conf': keyserver('clear') },
      errors: [
        {
          messageId: 'mismatch',
          file: 'k2/keyserver.conf',
          line: 2,
          related: [{ file: 'k1/keyserver.conf', line: 2 }],
        },
      ],
    },
  ],
});
