import rule from '../../../src/rules/liberty/include-missing';
import { ruleTester } from '../../helpers/rule-tester';

const server = (include: string) =>
  `<server>\n  ${include}\n  <httpEndpoint id="defaultHttpEndpoint" httpsPort="9443"/>\n</server>\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'the included file is in the tree',
      files: {
        'wlp/server.xml': server('<include location="tls.xml"/>'),
        'wlp/tls.xml': '<server>\n  <ssl id="defaultSSLConfig" sslProtocol="TLSv1.2"/>\n</server>\n',
      },
    },
    {
      name: 'a missing file marked optional',
      files: { 'wlp/server.xml': server('<include location="local.xml" optional="true"/>') },
    },
    {
      name: 'through ${server.config.dir}',
      files: {
        'wlp/server.xml': server('<include location="${server.config.dir}/includes/tls.xml"/>'),
        'wlp/includes/tls.xml': '<server>\n  <ssl id="defaultSSLConfig"/>\n</server>\n',
      },
    },
    {
      name: 'a location with a variable nothing sets is not missing (it names alternatives)',
      files: { 'wlp/server.xml': server('<include location="includes/${AUTH_TYPE}.xml"/>') },
    },
  ],
  invalid: [
    {
      name: 'a non-optional include the tree does not hold',
      files: { 'wlp/server.xml': server('<include location="tls.xml"/>') },
      errors: [
        {
          messageId: 'missing',
          file: 'wlp/server.xml',
          line: 2,
          severity: 'info',
          messageIncludes: ["includes 'tls.xml'", 'not in the tree'],
        },
      ],
    },
  ],
});
