import rule from '../../../src/rules/liberty/include-missing';
import { ruleTester } from '../../helpers/rule-tester';

/** A Kubernetes ConfigMap holding one file per key (the pod mounts each key as a file of that name). */
const configMap = (key: string, xml: string) =>
  `kind: ConfigMap\ndata:\n  ${key}: |\n${xml
    .trimEnd()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n`;
const tls = '<server>\n  <ssl id="defaultSSLConfig" sslProtocol="TLSv1.2"/>\n</server>\n';

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
      name: 'a ConfigMap server.xml includes a key of another ConfigMap, mounted beside it by name',
      files: {
        'chart/templates/cm-server.yaml': configMap('server.xml', server('<include location="adc_conf/tls.xml"/>')),
        'chart/templates/cm-tls.yaml': configMap('tls.xml', tls),
      },
    },
    {
      // It said Liberty's include names a file or a URL: Liberty 23.0.0.10 and later include a directory's .xml files.
      name: 'an include of a directory of the tree, ending in /, is read',
      files: {
        'wlp/server.xml': server('<include location="${server.config.dir}/conf.d/"/>'),
        'wlp/conf.d/10-tls.xml': tls,
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
    {
      // It said the directory was 'not in the tree'; its file was read as a server of its own.
      name: 'an include of a directory of the tree without the trailing /: its files are not read, and it says so',
      files: {
        'wlp/server.xml': server('<include location="${server.config.dir}/conf.d"/>'),
        'wlp/conf.d/10-tls.xml': tls,
      },
      errors: [
        {
          messageId: 'directory',
          file: 'wlp/server.xml',
          line: 2,
          severity: 'info',
          messageIncludes: ["a directory of the tree (10-tls.xml) written without a trailing '/'"],
          messageExcludes: ['not in the tree'],
          related: [{ file: 'wlp/conf.d/10-tls.xml', line: 1 }],
        },
      ],
    },
    {
      name: 'two ConfigMaps have a key named like the include: which one is mounted is unknown',
      files: {
        'chart/templates/cm-server.yaml': configMap('server.xml', server('<include location="adc_conf/tls.xml"/>')),
        'chart/templates/cm-tls-a.yaml': configMap('tls.xml', tls),
        'chart/templates/cm-tls-b.yaml': configMap('tls.xml', tls),
      },
      errors: [
        {
          messageId: 'severalKeys',
          file: 'chart/templates/cm-server.yaml',
          line: 5,
          severity: 'info',
          messageIncludes: [
            '2 ConfigMap keys of the tree are named like it (chart/templates/cm-tls-a.yaml key tls.xml, chart/templates/cm-tls-b.yaml key tls.xml)',
          ],
        },
      ],
    },
  ],
});
