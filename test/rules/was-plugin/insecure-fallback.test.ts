import rule from '../../../src/rules/was-plugin/insecure-fallback';
import { ruleTester } from '../../helpers/rule-tester';

const FILE = 'plugins/config/webserver1/plugin-cfg.xml';
const keyring = '<Property Name="keyring" Value="/opt/IBM/WebSphere/Plugins/config/webserver1/plugin-key.kdb"/>';
/** A plugin-cfg.xml with these `<Config>` attributes and one server with these transports. */
const cfg = (configAttributes: string, transports: string[], properties: string[] = []) =>
  [
    '<?xml version="1.0"?>',
    `<Config ${configAttributes}>`,
    ...properties,
    '  <ServerCluster Name="server1_Cluster">',
    '    <Server Name="node01_server1">',
    ...transports,
    '    </Server>',
    '  </ServerCluster>',
    '</Config>',
  ].join('\n') + '\n';
const http = '      <Transport Hostname="was1" Port="9080" Protocol="http"/>';
const https = `      <Transport Hostname="was1" Port="9443" Protocol="https">${keyring}</Transport>`;

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
