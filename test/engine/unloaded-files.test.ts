import * as path from 'node:path';
import { lintTree } from './lint-helper';

/**
 * A syntax error in a file nothing in the tree loads, and that its program does not read by itself, is a warning that
 * says so (src/engine/run/unloaded-files.ts). The shapes of aksharagyana/special-train@e0f5bb1 (ngnix/sever-default.conf,
 * an `http {` never closed, beside the conf.d a Compose file mounts) and OktaySavdi/Liberty@44188e5
 * (Example/sessions_server.xml, `--` inside a comment, among examples nothing copies).
 */
const openHttp = 'http {\n  server {\n    listen 8443 ssl;\n  }\n';
const site = 'server {\n  listen 80;\n  location / { proxy_pass http://app:8080; }\n}\n';
const compose = (mount: string) =>
  `services:\n  nginx:\n    image: "nginx:1.20"\n    volumes:\n      - "${mount}:/etc/nginx/conf.d"\n`;
const badComment =
  '<server description="x">\n  <featureManager><feature>jdbc-4.2</feature></featureManager>\n  <!--\n  <!-- <include location="a.xml"/> -->\n</server>\n';

const shown = (files: Record<string, string>) => {
  const { findings, root } = lintTree(files);
  return findings.map((f) => `${f.ruleId} ${f.severity} ${path.relative(root, f.location.file)}`);
};

describe('syntax errors in files nothing loads', () => {
  const cases: Array<[string, Record<string, string>, string[]]> = [
    [
      'an nginx file nothing names, beside the conf.d a Compose file mounts: a warning',
      {
        'ngnix/sever-default.conf': openHttp,
        'ngnix/conf.d/site.conf': site,
        'ngnix/compose.yaml': compose('./conf.d'),
      },
      ['parse/unclosed-block warning ngnix/sever-default.conf'],
    ],
    [
      'the same file a Dockerfile copies by its name: an error',
      {
        'ngnix/sever-default.conf': openHttp,
        'ngnix/Dockerfile': 'FROM nginx:1.20\nCOPY sever-default.conf /etc/nginx/conf.d/default.conf\n',
      },
      ['parse/unclosed-block error ngnix/sever-default.conf'],
    ],
    [
      'the same file in a directory a Compose file mounts: an error',
      { 'ngnix/sever-default.conf': openHttp, 'compose.yaml': compose('./ngnix') },
      ['parse/unclosed-block error ngnix/sever-default.conf'],
    ],
    [
      'the same file a Dockerfile beside it copies with its whole directory: an error',
      { 'ngnix/sever-default.conf': openHttp, 'ngnix/Dockerfile': 'FROM nginx:1.20\nCOPY . /etc/nginx/conf.d/\n' },
      ['parse/unclosed-block error ngnix/sever-default.conf'],
    ],
    [
      'a Helm glob over its directory: an error',
      {
        'chart/conf/sever-default.conf': openHttp,
        'chart/templates/cm.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n{{ (.Files.Glob "conf/*.conf").AsConfig | indent 2 }}\n',
      },
      ['parse/unclosed-block error chart/conf/sever-default.conf'],
    ],
    [
      'an httpd file at the top of the tree, which may be the conf.d it is checked out as: an error',
      { 'vhost.conf': '<VirtualHost *:80>\n  ServerName a\n' },
      ['parse/httpd-section-not-closed error vhost.conf'],
    ],
    [
      'the same file one directory down, nothing naming it: a warning',
      { 'examples/vhost.conf': '<VirtualHost *:80>\n  ServerName a\n' },
      ['parse/httpd-section-not-closed warning examples/vhost.conf'],
    ],
    [
      'an nginx.conf, which nginx reads by its name: an error',
      { 'ngnix/nginx.conf': openHttp },
      ['parse/unclosed-block error ngnix/nginx.conf'],
    ],
    [
      'a file of conf.d, which the official image includes: an error',
      { 'conf.d/site.conf': openHttp },
      ['parse/unclosed-block error conf.d/site.conf'],
    ],
    [
      'a Liberty example nothing copies, beside a Dockerfile copying another server.xml: a warning',
      {
        'Example/sessions_server.xml': badComment,
        'Docker/server.xml':
          '<server description="d">\n  <featureManager><feature>servlet-4.0</feature></featureManager>\n</server>\n',
        'Docker/Dockerfile': 'FROM open-liberty:full\nCOPY server.xml /config/\n',
      },
      ['parse/invalid-xml warning Example/sessions_server.xml'],
    ],
    [
      'a Liberty server.xml, which Liberty reads by its name: an error',
      { 'Example/server.xml': badComment },
      ['parse/invalid-xml error Example/server.xml'],
    ],
  ];
  it.each(cases)('%s', (_name, files, expected) => {
    expect(shown(files)).toEqual(expected);
  });

  it('says that nothing in the tree deploys it, and what the program reads by itself', () => {
    const [finding] = lintTree({ 'ngnix/sever-default.conf': openHttp }).findings;
    expect(finding?.message).toContain('nginx reports "unexpected end of file, expecting }"');
    expect(finding?.message).toContain('No file of this deployment names sever-default.conf');
    expect(finding?.message).toContain('nginx reads by itself only nginx.conf');
  });
});
