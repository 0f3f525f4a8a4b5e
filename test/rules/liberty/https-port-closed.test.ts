import rule from '../../../src/rules/liberty/https-port-closed';
import { ruleTester } from '../../helpers/rule-tester';

/** A Liberty server with these features and one endpoint (httpsPort 9443), answering to `host`. */
const liberty = (features: string[], host = '*') =>
  [
    '<server>',
    `  <featureManager>${features.map((f) => `<feature>${f}</feature>`).join('')}</featureManager>`,
    `  <httpEndpoint id="defaultHttpEndpoint" host="${host}" httpPort="9080" httpsPort="9443"/>`,
    '</server>',
    '',
  ].join('\n');

const calling = (url: string) => `spring:\n  application:\n    name: orders\ninventory:\n  url: ${url}\n`;

ruleTester(rule, {
  valid: [
    {
      // transportSecurity-1.0 opens the listener: the call is a link, judged by the tls/* rules.
      name: 'the Liberty server enables an SSL feature',
      files: {
        'orders/src/main/resources/application.yml': calling('https://inventory:9443/api'),
        'inventory/src/main/liberty/config/server.xml': liberty(['servlet-6.0', 'transportSecurity-1.0']),
      },
    },
    {
      name: 'the client calls its HTTP port',
      files: {
        'orders/src/main/resources/application.yml': calling('http://inventory:9080/api'),
        'inventory/src/main/liberty/config/server.xml': liberty(['servlet-6.0']),
      },
    },
    {
      name: 'another port of that host',
      files: {
        'orders/src/main/resources/application.yml': calling('https://inventory:8443/api'),
        'inventory/src/main/liberty/config/server.xml': liberty(['servlet-6.0']),
      },
    },
    {
      name: 'another host on the same port',
      files: {
        'orders/src/main/resources/application.yml': calling('https://payments:9443/api'),
        'inventory/src/main/liberty/config/server.xml': liberty(['servlet-6.0']),
      },
    },
    {
      // A feature the knowledge does not list may include ssl-1.0: whether the port is open is unknown.
      name: 'the feature list is not settled (a usr: feature)',
      files: {
        'orders/src/main/resources/application.yml': calling('https://inventory:9443/api'),
        'inventory/src/main/liberty/config/server.xml': liberty(['servlet-6.0', 'usr:custom-1.0']),
      },
    },
  ],
  invalid: [
    {
      // It linked to nothing and said nothing: the connection is refused (no listener on 9443).
      name: 'the URL host is the name the Liberty server answers to: a warning naming both ends',
      files: {
        'orders/src/main/resources/application.yml': calling('https://inventory.example.com:9443/api'),
        'inventory/src/main/liberty/config/server.xml': liberty(['servlet-6.0', 'cdi-4.0'], 'inventory.example.com'),
      },
      errors: [
        {
          messageId: 'refused',
          file: 'orders/src/main/resources/application.yml',
          line: 5,
          severity: 'warning',
          messageIncludes: [
            'calls https://inventory.example.com:9443 (inventory.url), the HTTPS port of Liberty server inventory/src/main/liberty/config/server.xml',
            'nothing listens on port 9443',
          ],
          related: [
            { file: 'inventory/src/main/liberty/config/server.xml', line: 3 },
            { file: 'inventory/src/main/liberty/config/server.xml', line: 2 },
          ],
        },
      ],
    },
    {
      name: 'the URL host is only the directory the Liberty server lies in: an info, that it is that server is unknown',
      files: {
        'orders/src/main/resources/application.yml': calling('https://inventory:9443/api'),
        'inventory/src/main/liberty/config/server.xml': liberty(['servlet-6.0']),
      },
      errors: [
        {
          messageId: 'refusedIfThatServer',
          file: 'orders/src/main/resources/application.yml',
          line: 5,
          severity: 'info',
          messageIncludes: [
            "'inventory' is the directory of Liberty server inventory/src/main/liberty/config/server.xml",
          ],
        },
      ],
    },
  ],
});
