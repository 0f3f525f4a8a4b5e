import * as fs from 'node:fs';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree, type Tree } from '../helpers/rule-tester';

/** The deployment's links as `id: reason`, in the order the model added them. */
function linksOf(files: Tree, links: { client: string; server: string }[] = []): string[] {
  const root = writeTree(files);
  try {
    const result = lint({ paths: [root], cwd: root, config: { ...defaultConfig(root), links } });
    return result.deployments[0]!.links.map((l) => `${l.id}: ${l.reason}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const TOMCAT = `<Server><Service name="Catalina">
  <Connector port="8443" protocol="org.apache.coyote.http11.Http11NioProtocol" SSLEnabled="true">
    <SSLHostConfig><Certificate certificateKeystoreFile="conf/ks.p12" /></SSLHostConfig>
  </Connector>
</Service></Server>
`;
const PROXY = 'http {\n  server {\n    listen 80;\n    location / { proxy_pass https://app:8443; }\n  }\n}\n';
const PROXY_TO_TOMCAT = 'nginx.proxy:gw/nginx.conf:4->tomcat.connector:app/conf/server.xml:8443';

// ModelContext.addLink adds a link once: a pair found again (another URL, a config `links` entry) keeps the first.
describe('model links: one link a pair of ends', () => {
  it.each<[string, Tree, { client: string; server: string }[], string[]]>([
    [
      'a pair the proxy URL links and the config `links` declare too: the URL link stands',
      { 'gw/nginx.conf': PROXY, 'app/conf/server.xml': TOMCAT },
      [{ client: 'nginx.proxy:gw/nginx.conf:4', server: 'tomcat.connector:app/conf/server.xml:8443' }],
      [`${PROXY_TO_TOMCAT}: proxy_pass = https://app:8443`],
    ],
    [
      'a Spring app calling the same server by two settings: the first one found stands',
      {
        'app/src/main/resources/application.properties':
          'orders.url=https://app:8443/orders\nstock.url=https://app:8443/stock\n',
        'app/conf/server.xml': TOMCAT,
      },
      [],
      ['java.app:app->tomcat.connector:app/conf/server.xml:8443: orders.url = https://app:8443'],
    ],
  ])('%s', (_name, files, declared, expected) => {
    expect(linksOf(files, declared)).toEqual(expected);
  });
});
