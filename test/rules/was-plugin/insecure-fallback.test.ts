import rule from '../../../src/rules/was-plugin/insecure-fallback';
import { ruleTester } from '../../helpers/rule-tester';
import {
  PLUGIN_CFG as FILE,
  httpTransport as http,
  httpsTransport,
  keyring,
  pluginCfg,
} from '../../helpers/plugin-cfg';

/** A plugin-cfg.xml with these `<Config>` attributes and one server with these transports. */
const cfg = (config: string, transports: string[], properties: string[] = []) =>
  pluginCfg(transports, { config, properties });
const https = httpsTransport(keyring());

ruleTester(rule, {
  valid: [
    // i2group/analyze-deployment@c8784e2 (MIT): UseInsecure="false", the generator's default.
    { name: 'UseInsecure="false"', files: { [FILE]: cfg('UseInsecure="false"', [http, https]) } },
    { name: 'no UseInsecure', files: { [FILE]: cfg('FIPSEnable="false"', [http, https]) } },
    {
      name: 'UseInsecure="true" and no http transport to fall back to',
      files: { [FILE]: cfg('UseInsecure="true"', [https]) },
    },
  ],
  invalid: [
    {
      name: 'UseInsecure="true" with an http and an https transport',
      files: { [FILE]: cfg('UseInsecure="true" FIPSEnable="false"', [http, https]) },
      errors: [{ messageId: 'fallback', file: FILE, line: 2, messageIncludes: ['was1:9443 → was1:9080', '8.5.5.0'] }],
    },
    {
      name: 'UseInsecure as a custom property',
      files: { [FILE]: cfg('', [http, https], ['  <Property Name="UseInsecure" Value="True"/>']) },
      errors: [{ messageId: 'fallback', file: FILE, line: 3 }],
    },
  ],
});
