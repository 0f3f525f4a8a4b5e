import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree, type Tree } from '../helpers/rule-tester';

/** `port protocols@file:line` of every Liberty HTTPS endpoint. */
function endpoints(files: Tree): string[] {
  const root = writeTree(files);
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    return result.deployments[0].components
      .filter((c) => c.type === 'liberty.https-endpoint')
      .map((c) => {
        const p = c.tls?.protocols;
        const where =
          p?.from.kind === 'file'
            ? `@${path.relative(root, p.from.location.file).split(path.sep).join('/')}:${(p.from.location.range?.start.line ?? 0) + 1}`
            : '';
        return `${(c.attributes as { tlsPorts: number[] }).tlsPorts[0]} ${p?.value.join(',') ?? 'default'}${where}`;
      })
      .sort();
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const S = 'wlp/usr/servers/app';
const server = (body: string) => `<server>\n${body}\n</server>\n`;
const ENDPOINT = '  <httpEndpoint id="defaultHttpEndpoint" host="*" httpPort="9080" httpsPort="9443"/>';
const TLS12 = server('  <ssl id="defaultSSLConfig" keyStoreRef="defaultKeyStore" sslProtocol="TLSv1.2"/>');

describe('Liberty configuration as the server assembles it', () => {
  it.each([
    [
      'an <ssl> in a relative include applies to the endpoint of server.xml',
      {
        [`${S}/server.xml`]: server(`${ENDPOINT}\n  <include location="tls.xml"/>`),
        [`${S}/tls.xml`]: TLS12,
      },
      [`9443 TLSv1.2@${S}/tls.xml:2`],
    ],
    [
      '${server.config.dir} in an include location',
      {
        [`${S}/server.xml`]: server(`${ENDPOINT}\n  <include location="\${server.config.dir}/includes/tls.xml"/>`),
        [`${S}/includes/tls.xml`]: TLS12,
      },
      [`9443 TLSv1.2@${S}/includes/tls.xml:2`],
    ],
    [
      'a variable with a defaultValue picks the include',
      {
        [`${S}/server.xml`]: server(
          `${ENDPOINT}\n  <variable name="TLS_MODE" defaultValue="strict"/>\n  <include location="\${server.config.dir}/includes/\${TLS_MODE}.xml"/>`,
        ),
        [`${S}/includes/strict.xml`]: TLS12,
        [`${S}/includes/legacy.xml`]: server('  <ssl id="defaultSSLConfig" sslProtocol="TLSv1"/>'),
      },
      [`9443 TLSv1.2@${S}/includes/strict.xml:2`],
    ],
    [
      // A variable's value naming ${server.config.dir} was left unresolved: the include was not active.
      'a variable whose value names ${server.config.dir} picks the include',
      {
        [`${S}/server.xml`]: server(
          `${ENDPOINT}\n  <variable name="tls.dir" value="\${server.config.dir}/tls"/>\n  <include location="\${tls.dir}/tls.xml"/>`,
        ),
        [`${S}/tls/tls.xml`]: TLS12,
      },
      [`9443 TLSv1.2@${S}/tls/tls.xml:2`],
    ],
    [
      'a bootstrap.properties variable naming ${server.config.dir} picks the include',
      {
        [`${S}/server.xml`]: server(`${ENDPOINT}\n  <include location="\${tls.config}"/>`),
        [`${S}/bootstrap.properties`]: 'tls.config=${server.config.dir}tls.xml\n',
        [`${S}/tls.xml`]: TLS12,
      },
      [`9443 TLSv1.2@${S}/tls.xml:2`],
    ],
    [
      '${shared.config.dir} in the wlp/usr/servers/<name> layout is wlp/usr/shared/config',
      {
        [`${S}/server.xml`]: server(`${ENDPOINT}\n  <include location="\${shared.config.dir}/tls.xml"/>`),
        ['wlp/usr/shared/config/tls.xml']: TLS12,
      },
      ['9443 TLSv1.2@wlp/usr/shared/config/tls.xml:2'],
    ],
    [
      '${shared.config.dir} outside that layout is unknown: the include is not active',
      {
        ['config/server.xml']: server(`${ENDPOINT}\n  <include location="\${shared.config.dir}/tls.xml"/>`),
        ['shared/config/tls.xml']: TLS12,
      },
      ['9443 default'],
    ],
    [
      'an include naming an unset variable is not active, and its candidates are not servers of their own',
      {
        [`${S}/server.xml`]: server(
          `${ENDPOINT}\n  <include location="\${server.config.dir}/includes/\${AUTH_TYPE}.xml"/>`,
        ),
        [`${S}/includes/basic.xml`]: server(
          '  <httpEndpoint id="other" httpsPort="9444"/>\n  <ssl id="defaultSSLConfig" sslProtocol="TLSv1"/>',
        ),
      },
      ['9443 default'],
    ],
    [
      // Found by the liberty helper (session 11): `${X}.xml` beside server.xml matched server.xml itself, which was
      // then counted as an alternative of its own include and left the model.
      'an include of ${X}.xml beside server.xml: the server itself is no alternative of its own include',
      {
        [`${S}/server.xml`]: server(`${ENDPOINT}\n  <include location="\${ENV_NAME}.xml"/>`),
        [`${S}/dev.xml`]: server('  <ssl id="defaultSSLConfig" sslProtocol="TLSv1"/>'),
      },
      ['9443 default'],
    ],
    [
      'configDropins/overrides win over server.xml',
      {
        [`${S}/server.xml`]: server(`${ENDPOINT}\n  <ssl id="defaultSSLConfig" sslProtocol="TLSv1.1"/>`),
        [`${S}/configDropins/overrides/tls.xml`]: TLS12,
      },
      [`9443 TLSv1.2@${S}/configDropins/overrides/tls.xml:2`],
    ],
    [
      // Sorted by locale collation, a_tls.xml came before a-tls.xml and lost: Liberty compares lower-cased names as Java does.
      "configDropins files in Liberty's order: lower-cased names compared unit by unit (a-tls.xml before a_tls.xml)",
      {
        [`${S}/server.xml`]: server(ENDPOINT),
        [`${S}/configDropins/overrides/a_tls.xml`]: server('  <ssl id="defaultSSLConfig" sslProtocol="TLSv1.2"/>'),
        [`${S}/configDropins/overrides/a-tls.xml`]: server('  <ssl id="defaultSSLConfig" sslProtocol="TLSv1.1"/>'),
      },
      [`9443 TLSv1.2@${S}/configDropins/overrides/a_tls.xml:2`],
    ],
    [
      'variable precedence: bootstrap.properties over defaultValue',
      {
        [`${S}/server.xml`]: server(
          '  <variable name="https.port" defaultValue="9443"/>\n  <httpEndpoint id="defaultHttpEndpoint" host="*" httpsPort="${https.port}"/>',
        ),
        [`${S}/bootstrap.properties`]: 'https.port=9444\n',
      },
      ['9444 default'],
    ],
    [
      'variable precedence: <variable value> over bootstrap.properties and server.env',
      {
        [`${S}/server.xml`]: server(
          '  <variable name="https.port" value="9445"/>\n  <httpEndpoint id="defaultHttpEndpoint" host="*" httpsPort="${https.port}"/>',
        ),
        [`${S}/bootstrap.properties`]: 'https.port=9444\n',
        [`${S}/server.env`]: 'https.port=9446\n',
      },
      ['9445 default'],
    ],
    [
      // It read none of the directory's files (Open Liberty 23.0.0.10 includes a directory's .xml files:
      // XMLConfigParser.parseInclude/getChildXMLFiles, samadan/open-liberty@72aab7ab).
      'an include of a directory (location ending in /) reads its .xml files in lower-cased name order',
      {
        [`${S}/server.xml`]: server(`${ENDPOINT}\n  <include location="\${server.config.dir}/conf.d/"/>`),
        [`${S}/conf.d/B-tls.xml`]: server('  <ssl id="defaultSSLConfig" sslProtocol="TLSv1.2"/>'),
        [`${S}/conf.d/a-tls.xml`]: server('  <ssl id="defaultSSLConfig" sslProtocol="TLSv1.1"/>'),
        [`${S}/conf.d/sub/z-tls.xml`]: server('  <ssl id="defaultSSLConfig" sslProtocol="TLSv1"/>'),
      },
      [`9443 TLSv1.2@${S}/conf.d/B-tls.xml:2`],
    ],
    [
      'a directory named without the trailing / is not read (Liberty resolves the location as a file)',
      {
        [`${S}/server.xml`]: server(`${ENDPOINT}\n  <include location="conf.d"/>`),
        [`${S}/conf.d/tls.xml`]: TLS12,
      },
      ['9443 default'],
    ],
    [
      'a missing optional include changes nothing',
      {
        [`${S}/server.xml`]: server(
          `${ENDPOINT}\n  <include optional="true" location="\${server.config.dir}/absent.xml"/>`,
        ),
      },
      ['9443 default'],
    ],
  ])('%s', (_, files, expected) => expect(endpoints(files)).toEqual(expected));
});
