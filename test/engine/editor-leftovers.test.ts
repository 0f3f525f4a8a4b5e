/**
 * Files an editor or a patch tool leaves beside configuration (src/discover/walk.ts isEditorLeftover) are not read,
 * unless a file that is read names one, or the command line does. Real case: sophea/spring-boot-docker-mysql@f2c788f
 * holds nginx/default.conf~, an older copy of nginx/default.conf nothing includes or mounts, whose `server` lines lack
 * their `;`: a parse/missing-semicolon error on a file no nginx reads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { walk } from '../../src/discover/walk';
import { writeTree } from '../helpers/rule-tester';
import { lintTree } from './lint-helper';

const CONF =
  'upstream backend {\n  server app1:8080;\n}\nserver {\n  listen 80;\n  location / {\n    proxy_pass http://backend;\n  }\n}\n';
const BROKEN = 'upstream backend {\n  server tomcat1:8080\n  server tomcat2:8080\n}\nserver {\n  listen 80;\n}\n';

const parseFiles = (findings: { ruleId: string; location: { file: string } }[], root: string) =>
  findings
    .filter((f) => f.ruleId.startsWith('parse/'))
    .map((f) => `${path.relative(root, f.location.file).split(path.sep).join('/')} ${f.ruleId}`);

describe('editor and patch leftovers', () => {
  it('an editor backup nothing names is not read (sophea/spring-boot-docker-mysql@f2c788f nginx/default.conf~)', () => {
    const { findings, root } = lintTree({ 'nginx/default.conf': CONF, 'nginx/default.conf~': BROKEN });
    expect(parseFiles(findings, root)).toEqual([]);
  });

  it.each([
    ['an nginx include', 'nginx/nginx.conf', 'events {}\nhttp {\n  include /etc/nginx/conf.d/default.conf~;\n}\n'],
    [
      'a Compose mount',
      'docker-compose.yml',
      'services:\n  web:\n    image: nginx:1.25\n    volumes:\n      - ./nginx/default.conf~:/etc/nginx/conf.d/default.conf\n',
    ],
  ])('one that %s names is read', (_what, file, text) => {
    const { findings, root } = lintTree({ 'nginx/default.conf': CONF, 'nginx/default.conf~': BROKEN, [file]: text });
    expect(parseFiles(findings, root)).toContain('nginx/default.conf~ parse/missing-semicolon');
  });

  // nginx expands a glob include with glob(3), which skips only names starting with `.` (ngx_open_glob at
  // release-1.26.0): `include sites-enabled/*;` loads the backup an editor left beside `default`.
  it.each([
    ['sites-enabled/*', 'sites-enabled/default~', true],
    ['/etc/nginx/sites-enabled/*', 'sites-enabled/default~', true],
    ['sites-*/*', 'sites-enabled/default~', true],
    ['conf.d/*.conf', 'conf.d/default.conf~', false],
    ['sites-enabled/*', 'sites-enabled/.default.swp', false],
    ['sites-enabled/*', 'other/default~', false],
  ])('the glob include %s picks up %s: %s', (glob, leftover, read) => {
    const { findings, root } = lintTree({
      'nginx/nginx.conf': `events {}\nhttp {\n  include ${glob};\n}\n`,
      'nginx/sites-enabled/default': CONF,
      [`nginx/${leftover}`]: BROKEN,
      'nginx/conf.d/default.conf': CONF,
    });
    expect(parseFiles(findings, root)).toEqual(read ? [`nginx/${leftover} parse/missing-semicolon`] : []);
  });

  it('a glob include in a file that is not read picks up nothing', () => {
    const { findings, root } = lintTree({
      'nginx/sites-enabled/default': CONF,
      'nginx/sites-enabled/default~': BROKEN,
      'notes/nginx.conf.txt': 'include sites-enabled/*;\n',
    });
    expect(parseFiles(findings, root)).toEqual([]);
  });

  it('one given on the command line is read', () => {
    const { findings, root } = lintTree(
      { 'nginx/default.conf': CONF, 'nginx/default.conf~': BROKEN },
      { paths: ['nginx/default.conf~'] },
    );
    expect(parseFiles(findings, root)).toEqual(['nginx/default.conf~ parse/missing-semicolon']);
  });

  it('the walk sets aside editor and patch leftovers and keeps a .bak', () => {
    const root = writeTree({
      'conf/server.xml': '<Server/>\n',
      'conf/server.xml~': '<Server/>\n',
      'conf/#server.xml#': '<Server/>\n',
      'conf/.server.xml.swp': 'b0VIM 8.2\n',
      'conf/server.xml.orig': '<Server/>\n',
      'conf/server.xml.rej': '@@ -1 +1 @@\n',
      'conf/server.xml.bak': '<Server/>\n',
    });
    // An Emacs lock file: a link to user@host.pid, which does not exist.
    fs.symlinkSync('someone@host.4242:1700000000', path.join(root, 'conf/.#server.xml'));
    const { files, setAside, notes } = walk(root, () => false);
    const names = (list: string[]) => list.map((f) => path.basename(f));
    expect(names(files)).toEqual(['server.xml', 'server.xml.bak']);
    expect(names(setAside)).toEqual([
      '#server.xml#',
      '.server.xml.swp',
      'server.xml.orig',
      'server.xml.rej',
      'server.xml~',
    ]);
    expect(notes).toEqual([]);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
