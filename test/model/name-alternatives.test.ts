import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree, type Tree } from '../helpers/rule-tester';

/** Every deployment's links as `deployment: client -> server`, deployments by their directory under the tree. */
function linksOf(files: Tree): string[] {
  const root = writeTree(files);
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    return result.deployments.flatMap((d) =>
      d.links.map((l) => `${path.relative(root, d.root) || '.'}: ${l.client} -> ${l.server}`),
    );
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
const UPSTREAM =
  'http {\n  upstream apps {\n    server app1:8443;\n    server app2:8443;\n  }\n' +
  '  server {\n    listen 80;\n    location / { proxy_pass https://apps; }\n  }\n}\n';

// A client is judged against the server of its own environment, never against a same-named server of another
// (session 63 measured 1,167 public trees: URL clients never met two same-named servers in one deployment, because
// environments that each hold a complete component set are deployments of their own); a real replica list, an nginx
// upstream's servers, stays linked to every server it names.
describe('model links: alternatives of one server name, and replicas', () => {
  it.each<[string, Tree, string[]]>([
    [
      'env-a/ and env-b/ each proxy to their own `app`: one link each, none across environments',
      {
        'env-a/gw/nginx.conf': PROXY,
        'env-a/app/conf/server.xml': TOMCAT,
        'env-b/gw/nginx.conf': PROXY,
        'env-b/app/conf/server.xml': TOMCAT,
      },
      [
        'env-a: nginx.proxy:gw/nginx.conf:4 -> tomcat.connector:app/conf/server.xml:8443',
        'env-b: nginx.proxy:gw/nginx.conf:4 -> tomcat.connector:app/conf/server.xml:8443',
      ],
    ],
    [
      'an upstream of two replicas: the proxy is linked to both',
      { 'gw/nginx.conf': UPSTREAM, 'app1/conf/server.xml': TOMCAT, 'app2/conf/server.xml': TOMCAT },
      [
        '.: nginx.proxy:gw/nginx.conf:8 -> tomcat.connector:app1/conf/server.xml:8443',
        '.: nginx.proxy:gw/nginx.conf:8 -> tomcat.connector:app2/conf/server.xml:8443',
      ],
    ],
  ])('%s', (_name, files, expected) => {
    expect(linksOf(files)).toEqual(expected);
  });
});
