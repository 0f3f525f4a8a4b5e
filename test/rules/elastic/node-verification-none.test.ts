import rule from '../../../src/rules/elastic/node-verification-none';
import { ruleTester } from '../../helpers/rule-tester';

/** `verification_mode: none` on an Elasticsearch node's TLS layers (src/model/search-node.ts). Our own trees. */
const YML = 'config/elasticsearch.yml';
const yml = (...lines: string[]) => ({
  [YML]: ['cluster.name: c', 'xpack.security.enabled: true', ...lines, ''].join('\n'),
});
const TRANSPORT = [
  'xpack.security.transport.ssl.enabled: true',
  'xpack.security.transport.ssl.keystore.path: node.p12',
];
const HTTP = ['xpack.security.http.ssl.enabled: true', 'xpack.security.http.ssl.keystore.path: http.p12'];

ruleTester(rule, {
  valid: [
    {
      name: 'certificate mode on transport',
      files: yml(...TRANSPORT, 'xpack.security.transport.ssl.verification_mode: certificate'),
    },
    {
      name: 'none on HTTP, which asks clients for no certificate (its default): no effect',
      files: yml(...HTTP, 'xpack.security.http.ssl.verification_mode: none'),
    },
    {
      name: 'none, but TLS off on the layer',
      files: yml('xpack.security.transport.ssl.enabled: false', 'xpack.security.transport.ssl.verification_mode: none'),
    },
    {
      name: 'a placeholder: unknown',
      files: yml(...TRANSPORT, 'xpack.security.transport.ssl.verification_mode: ${VERIFY}'),
    },
  ],
  invalid: [
    {
      name: 'none on transport: any host can join as a node',
      files: yml(...TRANSPORT, 'xpack.security.transport.ssl.verification_mode: none'),
      errors: [
        { messageId: 'transport', file: YML, line: 5, severity: 'warning', messageIncludes: ['join the cluster'] },
      ],
    },
    {
      name: 'none on HTTP that asks for client certificates',
      files: yml(
        ...HTTP,
        'xpack.security.http.ssl.client_authentication: optional',
        'xpack.security.http.ssl.verification_mode: none',
      ),
      errors: [{ messageId: 'http', file: YML, line: 6, related: [{ file: YML, line: 5 }] }],
    },
  ],
});
