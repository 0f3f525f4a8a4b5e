/**
 * A jboss-cli script and the server configuration file it edits are one server (src/model/jboss-cli-target.ts,
 * src/model/jboss-cli-configuration.ts): the script's operations apply on that file's listener, each value it writes
 * located at its line, the others at the file. The target: `embed-server --server-config=` (bare: standalone.xml),
 * else the Dockerfile RUN that runs it on a file the image copies from the tree, else the file beside it. Unknown
 * target: the script is read alone, as before, and says why. Shapes after WildFly 26's standalone.xml (test/helpers/wildfly.ts)
 * and the image scripts of wildfly-security-incubator/elytron-examples@9d6e80a.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Component } from '../../src/model/types';
import { modelOf, type Tree } from '../helpers/rule-tester';
import { elytronXml } from '../helpers/wildfly';

const STORES = path.resolve(__dirname, '../fixtures/keystores/generated');

/** A standalone.xml whose https listener serves httpsSSC, as `context` (test/helpers/wildfly.ts) writes it. */
const standaloneXml = (context = '<server-ssl-context name="httpsSSC" key-manager="httpsKM"/>') => elytronXml(context);

/** A script that adds its own key store, key manager and context (TLSv1.2 only) and binds the https listener to it. */
const OWN_CONTEXT = [
  '/subsystem=elytron/key-store=scriptKS:add(path=/opt/certs/key.jks, credential-reference={clear-text=${env.KS_PASSWORD}}, type=JKS)',
  '/subsystem=elytron/key-manager=scriptKM:add(key-store=scriptKS, credential-reference={clear-text=${env.KS_PASSWORD}})',
  '/subsystem=elytron/server-ssl-context=scriptSSC:add(key-manager=scriptKM, protocols=["TLSv1.2"])',
  '/subsystem=undertow/server=default-server/https-listener=https:write-attribute(name=ssl-context, value=scriptSSC)',
];
const embedded = (config: string | undefined, lines: string[]) =>
  [config === undefined ? 'embed-server --std-out=echo' : `embed-server --server-config=${config}`, ...lines, ''].join(
    '\n',
  );

const at = (file: string | undefined, line: number | undefined) =>
  file ? `${path.basename(file)}:${(line ?? 0) + 1}` : '-';

function summary(c: Component): string {
  if (c.type !== 'jboss.https-listener') return c.type;
  const tls = c.tls;
  const protocols = tls?.protocols;
  const from = protocols?.from.kind === 'file' ? protocols.from.location : undefined;
  const key = tls?.trust?.keyStore;
  const keyFrom = key?.path.from.kind === 'file' ? key.path.from.location : undefined;
  return [
    `${at(c.location.file, c.location.range?.start.line)} ports=${c.attributes.tlsPorts.join(',') || '-'}`,
    `protocols=${protocols?.value.join(',') ?? '-'}@${from ? at(from.file, from.range?.start.line) : (protocols?.from.kind ?? '-')}`,
    `key=${key ? `${key.path.value}@${at(keyFrom?.file, keyFrom?.range?.start.line)}` : '-'}`,
    `target=${c.attributes.editedConfigurationUnknown ?? 'known'}`,
  ].join(' ');
}

const listeners = (files: Tree): string[] =>
  modelOf(files)
    .components.filter((c) => c.type === 'jboss.https-listener')
    .map(summary)
    .sort();

const CONFIG = 'wf/standalone/configuration';

describe('a jboss-cli script applied on the server configuration it edits', () => {
  it.each<[string, Tree, string[]]>([
    [
      'embed-server --server-config=standalone.xml: one listener, the script context at its lines, the port from the file',
      { [`${CONFIG}/standalone.xml`]: standaloneXml(), 'wf/configure.cli': embedded('standalone.xml', OWN_CONTEXT) },
      [
        'standalone.xml:34 ports=8443 protocols=TLSv1.2@configure.cli:4 key=/opt/certs/key.jks@configure.cli:2 target=known',
      ],
    ],
    [
      'a bare embed-server edits standalone.xml; a write-attribute on the file own context changes it, the rest stays',
      {
        [`${CONFIG}/standalone.xml`]: standaloneXml(
          '<server-ssl-context name="httpsSSC" protocols="TLSv1.1 TLSv1.2" key-manager="httpsKM"/>',
        ),
        'wf/configure.cli': embedded(undefined, [
          '/subsystem=elytron/server-ssl-context=httpsSSC:write-attribute(name=protocols, value=[TLSv1.3])',
          '/subsystem=elytron/server-ssl-context=httpsSSC:write-attribute(name=cipher-suite-names, value=TLS_AES_128_GCM_SHA256)',
        ]),
      },
      ['standalone.xml:34 ports=8443 protocols=TLSv1.3@configure.cli:2 key=key.jks@standalone.xml:10 target=known'],
    ],
    [
      'in script order: the last write wins; a script in a directory beside the file finds it in the nearest directory above',
      {
        [`${CONFIG}/standalone.xml`]: standaloneXml(),
        'wf/cli/configure.cli': embedded(undefined, [
          '/subsystem=elytron/server-ssl-context=httpsSSC:write-attribute(name=protocols, value=[TLSv1])',
          '/subsystem=elytron/server-ssl-context=httpsSSC:write-attribute(name=protocols, value=[TLSv1.2])',
        ]),
      },
      ['standalone.xml:34 ports=8443 protocols=TLSv1.2@configure.cli:3 key=key.jks@standalone.xml:10 target=known'],
    ],
    [
      'undefine-attribute returns a value to its default; the file keeps its other values',
      {
        [`${CONFIG}/standalone.xml`]: standaloneXml(
          '<server-ssl-context name="httpsSSC" protocols="TLSv1.2" key-manager="httpsKM"/>',
        ),
        'wf/configure.cli': embedded(undefined, [
          '/subsystem=elytron/server-ssl-context=httpsSSC:undefine-attribute(name=protocols)',
        ]),
      },
      [
        'standalone.xml:34 ports=8443 protocols=TLSv1,TLSv1.1,TLSv1.2@default key=key.jks@standalone.xml:10 target=known',
      ],
    ],
    [
      'a script that removes the listener leaves none',
      {
        [`${CONFIG}/standalone.xml`]: standaloneXml(),
        'wf/configure.cli': embedded('standalone.xml', [
          '/subsystem=undertow/server=default-server/https-listener=https:remove()',
        ]),
      },
      [],
    ],
    [
      // Mu-Wahba/keycloak-for-production@664c518: standalone-ha-configuration.cli embeds standalone-ha.xml and runs
      // `run-batch --file=../jgroups-jdbc-ping.cli`, which embeds nothing.
      'a script another one runs (run-batch --file=) edits the file the caller embeds',
      {
        [`${CONFIG}/standalone.xml`]: standaloneXml(),
        [`${CONFIG}/standalone-ha.xml`]: standaloneXml(),
        'wf/standalone-ha-configuration.cli':
          'embed-server --server-config=standalone-ha.xml --std-out=echo\nrun-batch --file=../tls.cli\nstop-embedded-server\n',
        'wf/tls.cli': `${OWN_CONTEXT.join('\n')}\n`,
      },
      [
        'standalone-ha.xml:34 ports=8443 protocols=TLSv1.2@tls.cli:3 key=/opt/certs/key.jks@tls.cli:1 target=known',
        'standalone.xml:34 ports=8443 protocols=TLSv1,TLSv1.1,TLSv1.2@default key=key.jks@standalone.xml:10 target=known',
      ],
    ],
    [
      'a Dockerfile RUN runs the script on the standalone.xml the image copies from the tree',
      {
        'app/Dockerfile':
          'FROM quay.io/wildfly/wildfly:26.1.3.Final-jdk17\nCOPY config/standalone.xml /opt/jboss/wildfly/standalone/configuration/\nCOPY cli/configure.cli /tmp/\nRUN /opt/jboss/wildfly/bin/standalone.sh & sleep 10 && /opt/jboss/wildfly/bin/jboss-cli.sh --connect --file=/tmp/configure.cli\n',
        'app/config/standalone.xml': standaloneXml(),
        'app/cli/configure.cli': `${OWN_CONTEXT.join('\n')}\n`,
      },
      [
        'standalone.xml:34 ports=8443 protocols=TLSv1.2@configure.cli:3 key=/opt/certs/key.jks@configure.cli:1 target=known',
      ],
    ],
    [
      'the standalone-full.xml the script names is not in the tree: read alone, as before, and said',
      {
        [`${CONFIG}/standalone.xml`]: standaloneXml(),
        'wf/configure.cli': embedded('standalone-full.xml', OWN_CONTEXT),
      },
      [
        'configure.cli:5 ports=- protocols=TLSv1.2@configure.cli:4 key=/opt/certs/key.jks@configure.cli:2 target=its embed-server edits standalone-full.xml, and the tree holds none beside it',
        'standalone.xml:34 ports=8443 protocols=TLSv1,TLSv1.1,TLSv1.2@default key=key.jks@standalone.xml:10 target=known',
      ],
    ],
    [
      'a script alone (it connects to a running server): read alone, as before, and said',
      { 'ssl/configure-ssl.cli': `${OWN_CONTEXT.join('\n')}\n` },
      [
        'configure-ssl.cli:4 ports=- protocols=TLSv1.2@configure-ssl.cli:3 key=/opt/certs/key.jks@configure-ssl.cli:1 target=it names no configuration file (no embed-server, no Dockerfile RUN) and the tree holds no standalone.xml beside it',
      ],
    ],
    [
      'an image that holds no configuration file of the tree runs the script on its own',
      {
        'app/Dockerfile':
          'FROM quay.io/wildfly/wildfly:26.1.3.Final-jdk17\nCOPY configure.cli /tmp/\nRUN /opt/jboss/wildfly/bin/jboss-cli.sh --file=/tmp/configure.cli\n',
        'app/configure.cli': `${OWN_CONTEXT.join('\n')}\n`,
        'app/other/standalone.xml': standaloneXml(),
      },
      [
        'configure.cli:4 ports=- protocols=TLSv1.2@configure.cli:3 key=/opt/certs/key.jks@configure.cli:1 target=the image of app/Dockerfile runs it on its own standalone.xml, which the tree does not hold',
        'standalone.xml:34 ports=8443 protocols=TLSv1,TLSv1.1,TLSv1.2@default key=key.jks@standalone.xml:10 target=known',
      ],
    ],
    [
      'two standalone.xml at the same distance: which one it edits is unknown',
      {
        'wf/a/standalone.xml': standaloneXml(),
        'wf/b/standalone.xml': standaloneXml(),
        'wf/configure.cli': embedded('standalone.xml', OWN_CONTEXT),
      },
      [
        'configure.cli:5 ports=- protocols=TLSv1.2@configure.cli:4 key=/opt/certs/key.jks@configure.cli:2 target=its embed-server edits standalone.xml, and several standalone.xml files could be the one it edits (wf/a/standalone.xml, wf/b/standalone.xml)',
        'standalone.xml:34 ports=8443 protocols=TLSv1,TLSv1.1,TLSv1.2@default key=key.jks@standalone.xml:10 target=known',
        'standalone.xml:34 ports=8443 protocols=TLSv1,TLSv1.1,TLSv1.2@default key=key.jks@standalone.xml:10 target=known',
      ],
    ],
  ])('%s', (_name, files, expected) => {
    expect(listeners(files)).toEqual(expected);
  });

  it('a key store the script writes relative to the configuration directory is found beside the file it edits', () => {
    const [listener] = modelOf({
      [`${CONFIG}/standalone.xml`]: standaloneXml(),
      [`${CONFIG}/other.jks`]: fs.readFileSync(path.join(STORES, 'key.jks')),
      'wf/configure.cli': embedded('standalone.xml', [
        '/subsystem=elytron/key-store=httpsKS:write-attribute(name=path, value=other.jks)',
      ]),
    }).components.filter((c) => c.type === 'jboss.https-listener');
    expect(path.basename(listener?.tls?.trust?.keyStore?.file ?? '-')).toBe('other.jks');
  });
});
