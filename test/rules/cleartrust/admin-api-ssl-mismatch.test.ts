import rule from '../../../src/rules/cleartrust/admin-api-ssl-mismatch';
import { ruleTester } from '../../helpers/rule-tester';

const admingui = (v: string) => `# Admin console\ncleartrust.admingui.admin_api.use_ssl=${v}\n`;
const eserver = (v: string) => `cleartrust.net.ssl.use=auth\ncleartrust.eserver.api_port.use_ssl=${v}\n`;

ruleTester(rule, {
  valid: [
    { name: 'both anon', files: { 'admin/admingui.cfg': admingui('anon'), 'es/eserver.conf': eserver('anon') } },
    { name: 'case-insensitive', files: { 'admingui.cfg': admingui('Clear'), 'eserver.conf': eserver('clear') } },
    { name: 'no Entitlements Server in the tree', files: { 'admingui.cfg': admingui('anon') } },
  ],
  invalid: [
    {
      name: 'console anon, server clear',
      files: { 'admin/admingui.cfg': admingui('anon'), 'es/eserver.conf': eserver('clear') },
      errors: [
        { messageId: 'mismatch', file: 'admin/admingui.cfg', line: 2, related: [{ file: 'es/eserver.conf', line: 2 }] },
      ],
    },
  ],
});
