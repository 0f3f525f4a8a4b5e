import rule from '../../../src/rules/was-plugin/https-transport-without-keyring';
import { ruleTester } from '../../helpers/rule-tester';
import {
  KDB,
  PLUGIN_CFG as FILE,
  httpTransport as http,
  httpsTransport as https,
  keyring,
  pluginCfg,
  stash,
} from '../../helpers/plugin-cfg';

const cfg = (transports: string[], properties: string[] = []) => pluginCfg(transports, { properties });

ruleTester(rule, {
  valid: [
    { name: 'keyring and stash file', files: { [FILE]: cfg([http, https(keyring(), stash)]) } },
    {
      // i2group/analyze-deployment@c8784e2 src/configuration_mods/db2/client_cert_ssl/plugin-cfg.xml (MIT).
      name: "Keyring with a capital, as IBM's property table writes it",
      files: { [FILE]: cfg([https(keyring('Keyring'), '<Property Name="Stashfile" Value="x.sth"/>')]) },
    },
    { name: 'plain http transports only', files: { [FILE]: cfg([http]) } },
    {
      name: "a Keyfile under <Config>: whether it stands for the transport's is unknown",
      files: { [FILE]: cfg([https()], [`  <Property Name="Keyfile" Value="${KDB}.kdb"/>`]) },
    },
    {
      name: 'a template writes the property names: unknown',
      files: { [FILE]: cfg([https('<Property Name="{{ item.name }}" Value="{{ item.value }}"/>')]) },
    },
  ],
  invalid: [
    {
      // StrangeGodfather/studyproject@48dbfce plugin-cfg.xml:27: the GDB30EE transport has a stash file, no keyring.
      name: 'a stash file without a keyring, beside an http transport',
      files: { [FILE]: cfg([http, https(stash)]) },
      errors: [
        {
          messageId: 'noKeyring',
          file: FILE,
          line: 6,
          messageIncludes: ['was1:9443', 'node01_server1', 'get no connection (plug-in 8.5.5.0', 'was1:9080'],
        },
      ],
    },
    {
      name: 'an https transport alone, no properties',
      files: { [FILE]: cfg([https()]) },
      errors: [{ messageId: 'noKeyring', file: FILE, line: 5, messageExcludes: ['UseInsecure', 'http transport'] }],
    },
    {
      name: 'UseInsecure="true": the requests go over the http transport',
      files: { [FILE]: pluginCfg([http, https(stash)], { config: 'UseInsecure="true" FIPSEnable="false"' }) },
      errors: [
        {
          messageId: 'noKeyring',
          file: FILE,
          line: 6,
          messageIncludes: ['UseInsecure="true" on <Config>', 'go unencrypted over its http transport was1:9080'],
          messageExcludes: ['no connection'],
        },
      ],
    },
    {
      name: 'an empty keyring value names no key database',
      files: { [FILE]: cfg([https('<Property Name="keyring" Value=""/>', stash)]) },
      errors: [{ messageId: 'noKeyring', file: FILE, line: 5 }],
    },
  ],
});
