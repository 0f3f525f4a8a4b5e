/**
 * `${…}` in a Tomcat server.xml as Tomcat fills them in (src/model/tomcat-properties.ts): the JVM's `-D` property,
 * else a `${name:-default}`'s default (IntrospectionUtils.replaceProperties, checked with tomcat-util 10.1.60);
 * `${name:default}` and a name nothing sets stay unknown.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import type { Component } from '../../src/model/types';
import { tomcatValue, type TomcatPropertyScope } from '../../src/model/tomcat-properties';
import { writeTree, type Tree } from '../helpers/rule-tester';

const STORES = path.resolve(__dirname, '../fixtures/keystores/generated');

function connectors(files: Tree): { root: string; components: Component[] } {
  const root = writeTree(files);
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    return { root, components: result.deployments.flatMap((d) => d.components) };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** One line per Tomcat connector: port, protocols, key alias and key store as the model reads them. */
function lines(files: Tree): string[] {
  const { root, components } = connectors(files);
  return components
    .filter((c) => c.type === 'tomcat.connector')
    .map((c) => {
      const t = c.tls;
      const key = t?.trust?.keyStore;
      const store = key?.file ? path.relative(root, key.file).split(path.sep).join('/') : `?${key?.path.value ?? '-'}`;
      const ports = c.type === 'tomcat.connector' ? c.attributes.tlsPorts.join(',') : '';
      return `port=${ports || '?'} protocols=${t?.protocols?.value.join(',') ?? '?'} alias=${t?.trust?.keyAlias?.value ?? '?'} key=${store}`;
    });
}

const serverXml = (connector: string, hostConfig: string, certificate: string) =>
  `<Server port="8005"><Service name="C">\n<Connector port="8443" SSLEnabled="true" ${connector}>\n<SSLHostConfig ${hostConfig}>\n<Certificate certificateKeystoreFile="conf/key.p12" ${certificate}/>\n</SSLHostConfig>\n</Connector>\n</Service></Server>\n`;

describe('Tomcat server.xml placeholders', () => {
  it.each<[string, Tree, string[]]>([
    [
      'a ${name:-default} is its default while nothing sets the property',
      {
        'tc/conf/server.xml': serverXml(
          '',
          'protocols="${TLS_PROTOCOLS:-TLSv1.2}"',
          'certificateKeyAlias="${KEY_ALIAS:-tomcat}"',
        ),
      },
      ['port=8443 protocols=TLSv1.2 alias=tomcat key=?conf/key.p12'],
    ],
    [
      'a -D option of setenv.sh (CATALINA_OPTS) wins over the default',
      {
        'tc/conf/server.xml': serverXml(
          '',
          'protocols="${TLS_PROTOCOLS:-TLSv1.2}"',
          'certificateKeyAlias="${KEY_ALIAS:-tomcat}"',
        ),
        'tc/bin/setenv.sh': 'CATALINA_OPTS="-DKEY_ALIAS=server -DTLS_PROTOCOLS=TLSv1.3"\n',
      },
      ['port=8443 protocols=TLSv1.3 alias=server key=?conf/key.p12'],
    ],
    [
      'conf/catalina.properties beside server.xml: Catalina sets it after the -D options, so it wins',
      {
        'tc/conf/server.xml': serverXml('', '', 'certificateKeyAlias="${KEY_ALIAS:-tomcat}"'),
        'tc/conf/catalina.properties': 'KEY_ALIAS=fromcatalina\n',
        'tc/bin/setenv.sh': 'CATALINA_OPTS="-DKEY_ALIAS=server"\n',
      },
      ['port=8443 protocols=TLSv1,TLSv1.1,TLSv1.2,TLSv1.3 alias=fromcatalina key=?conf/key.p12'],
    ],
    [
      "${name:default} (Spring's form) and ${name} nothing sets stay unknown",
      {
        'tc/conf/server.xml': serverXml(
          '',
          'protocols="${TLS_PROTOCOLS}"',
          'certificateKeyAlias="${KEY_ALIAS:tomcat}"',
        ),
      },
      ['port=8443 protocols=? alias=? key=?conf/key.p12'],
    ],
    [
      'port and store path: the default port, ${catalina.base}/conf/… matched to the tree file by its tail',
      {
        'tc/conf/server.xml': serverXml('', '', 'certificateKeyAlias="server"')
          .replace('port="8443"', 'port="${HTTPS_PORT:-9443}"')
          .replace('"conf/key.p12"', '"${catalina.base}/conf/key.p12"'),
        'tc/conf/key.p12': fs.readFileSync(path.join(STORES, 'key.p12')),
      },
      ['port=9443 protocols=TLSv1,TLSv1.1,TLSv1.2,TLSv1.3 alias=server key=tc/conf/key.p12'],
    ],
    [
      'environment variables as a property source: a name the tree assigns (Compose environment) is unknown',
      {
        'tc/conf/server.xml': serverXml('', '', 'certificateKeyAlias="${KEY_ALIAS:-tomcat}"'),
        'tc/bin/setenv.sh':
          'CATALINA_OPTS="-Dorg.apache.tomcat.util.digester.PROPERTY_SOURCE=org.apache.tomcat.util.digester.EnvironmentPropertySource"\n',
        'docker-compose.yml':
          'services:\n  tomcat:\n    image: tomcat:10.1\n    environment:\n      KEY_ALIAS: other\n',
      },
      ['port=8443 protocols=TLSv1,TLSv1.1,TLSv1.2,TLSv1.3 alias=? key=?conf/key.p12'],
    ],
    [
      'environment variables as a property source, a name nothing assigns: the default (dotCMS/core tomcat9 server.xml: SSLEnabled, port)',
      {
        'tc/conf/server.xml': serverXml('', '', 'certificateKeyAlias="${KEY_ALIAS:-tomcat}"')
          .replace('port="8443"', 'port="${CMS_SSL_PORT:-8443}"')
          .replace('SSLEnabled="true"', 'SSLEnabled="${CMS_SSL_ENABLED:-true}"'),
        'tc/bin/setenv.sh':
          'export CATALINA_OPTS="$CATALINA_OPTS -Dorg.apache.tomcat.util.digester.PROPERTY_SOURCE=org.apache.tomcat.util.digester.EnvironmentPropertySource"\nexport CMS_COMPRESSION=${CMS_COMPRESSION:-"on"}\n',
      },
      ['port=8443 protocols=TLSv1,TLSv1.1,TLSv1.2,TLSv1.3 alias=tomcat key=?conf/key.p12'],
    ],
    [
      'environment variables as a property source, a Kubernetes env entry names it: unknown',
      {
        'tc/conf/server.xml': serverXml('', '', 'certificateKeyAlias="${KEY_ALIAS:-tomcat}"'),
        'tc/conf/catalina.properties':
          'org.apache.tomcat.util.digester.PROPERTY_SOURCE=org.apache.tomcat.util.digester.EnvironmentPropertySource\n',
        'k8s/deployment.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: tc\nspec:\n  template:\n    spec:\n      containers:\n        - name: tc\n          image: tomcat:10.1\n          env:\n            - name: KEY_ALIAS\n              value: other\n',
      },
      ['port=8443 protocols=TLSv1,TLSv1.1,TLSv1.2,TLSv1.3 alias=? key=?conf/key.p12'],
    ],
  ])('%s', (_name, files, expected) => {
    expect(lines(files)).toEqual(expected);
  });

  it('a value from a default says so, and which property overrides it, where findings show their sources', () => {
    const { components } = connectors({
      'tc/conf/server.xml': serverXml('', 'protocols="${TLS_PROTOCOLS:-TLSv1.2}"', ''),
    });
    const from = components.find((c) => c.type === 'tomcat.connector')?.tls?.protocols?.from;
    expect(from?.kind === 'file' ? from.via?.map((v) => v.message) : from).toEqual([
      expect.stringMatching(
        /^\$\{TLS_PROTOCOLS:-TLSv1\.2\} is 'TLSv1\.2' while system property TLS_PROTOCOLS is unset \(a -DTLS_PROTOCOLS=… option or conf\/catalina\.properties sets it; assumed: Tomcat 11\.0\.18/,
      ),
    ]);
  });
});

describe('tomcatValue (IntrospectionUtils.replaceProperties)', () => {
  const where = { file: '/t/conf/server.xml', message: '' };
  const scope = (release: string, properties: Record<string, string> = {}): TomcatPropertyScope => ({
    runtime: {
      vendor: { value: 'unknown', from: { kind: 'default', origin: 't' } },
      version: { value: '', from: { kind: 'default', origin: 't' } },
      securityProperties: {},
      systemProperties: Object.fromEntries(
        Object.entries(properties).map(([k, v]) => [k, { value: v, from: { kind: 'default', origin: 't' } }]),
      ),
    },
    facts: { release, assumed: false },
    environmentMaySet: () => false,
  });
  const value = (written: string, s: TomcatPropertyScope) => {
    const read = tomcatValue(written, s, where);
    return 'unknown' in read ? 'unknown' : read.value;
  };
  it.each<[string, string, Record<string, string>, string]>([
    ['${KEY_ALIAS:-tomcat}', '10.1.60', {}, 'tomcat'],
    ['${KEY_ALIAS:-tomcat}', '10.1.60', { KEY_ALIAS: 'set' }, 'set'],
    ['${KEY_ALIAS:tomcat}', '10.1.60', {}, 'unknown'],
    ['${KEY_ALIAS}', '10.1.60', {}, 'unknown'],
    ['x${A:-a}y${B:-b}', '10.1.60', { B: 'set' }, 'xayset'],
    ['${KEY_ALIAS:-}', '10.1.60', {}, ''],
    ['${A:-${B:-z}}', '10.1.60', {}, 'z'],
    ['${KEY_ALIAS:-a:-b}', '10.1.60', {}, 'a:-b'],
    // Before bug 64398 (9.0.35, 8.5.55) the separator was ':' or absent: `:-` stays as written.
    ['${KEY_ALIAS:-tomcat}', '9.0.34', {}, 'unknown'],
    ['${KEY_ALIAS:-tomcat}', '9.0.35', {}, 'tomcat'],
    ['${KEY_ALIAS:-tomcat}', '8.5.54', {}, 'unknown'],
    ['${KEY_ALIAS:-tomcat}', '7.0.104', {}, 'tomcat'],
  ])('%s on Tomcat %s with %j: %s', (written, release, properties, expected) => {
    expect(value(written, scope(release, properties))).toBe(expected);
  });
});
