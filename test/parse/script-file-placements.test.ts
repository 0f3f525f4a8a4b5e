import { filePlacements } from '../../src/parse/script-file-placements';

const placementsOf = (path: string, text: string) =>
  filePlacements({ path, text, hadBom: false })?.data.placements.map((p) =>
    p.text ? [p.verb, p.sources, p.destination, p.text] : [p.verb, p.sources, p.destination],
  );

describe('what a shell script links, copies, moves or renders where', () => {
  it.each([
    [
      'ln -s with a destination directory',
      'ln -sf /etc/nginx/sites-available/site /etc/nginx/sites-enabled/',
      [['ln', ['/etc/nginx/sites-available/site'], '/etc/nginx/sites-enabled/']],
    ],
    [
      'ln with one operand: no destination named',
      'ln -s /etc/nginx/sites-available/site',
      [['ln', ['/etc/nginx/sites-available/site'], undefined]],
    ],
    [
      'cp -t names the destination first',
      'cp -t /etc/nginx/conf.d a.conf b.conf',
      [['cp', ['a.conf', 'b.conf'], '/etc/nginx/conf.d']],
    ],
    [
      'install -m takes a value',
      'install -m 644 site.conf /etc/nginx/conf.d/site.conf',
      [['install', ['site.conf'], '/etc/nginx/conf.d/site.conf']],
    ],
    [
      'sudo and a variable prefix are skipped',
      'sudo mv "$SRC/site" /etc/nginx/sites-enabled/site',
      [['mv', ['$SRC/site'], '/etc/nginx/sites-enabled/site']],
    ],
    [
      'a loop body',
      'for f in /etc/nginx/sites-available/*; do ln -s "$f" /etc/nginx/sites-enabled/; done',
      [['ln', ['$f'], '/etc/nginx/sites-enabled/']],
    ],
    [
      "envsubst's operand is the variables it replaces, its input the `<` file",
      "envsubst '$DOMAIN' < /etc/nginx/sites-available/site > /etc/nginx/conf.d/site.conf",
      [['envsubst', ['/etc/nginx/sites-available/site'], '/etc/nginx/conf.d/site.conf']],
    ],
    [
      'a pipeline into tee',
      'cat /tpl/site | envsubst | tee /etc/nginx/conf.d/site.conf',
      [['cat', ['/tpl/site'], '/etc/nginx/conf.d/site.conf']],
    ],
    [
      'sed into a file',
      "sed 's/X/y/' a.conf > /etc/nginx/conf.d/a.conf",
      [['sed', ['s/X/y/', 'a.conf'], '/etc/nginx/conf.d/a.conf']],
    ],
    ['an enabler', 'nginx_ensite site', [['nginx_ensite', ['site'], undefined]]],
    [
      'echo into a file reads no file: the text it writes',
      'echo "include $DIR/*;" >> /etc/nginx/nginx.conf',
      [['echo', [], '/etc/nginx/nginx.conf', ['include $DIR/*;']]],
    ],
    [
      'sed -i edits its file with its expression',
      "sed -i -e 's|sites-enabled|sites-available|' /etc/nginx/nginx.conf",
      [['sed', [], '/etc/nginx/nginx.conf', ['s|sites-enabled|sites-available|']]],
    ],
    [
      'sed -ri without -e: the first operand is the expression',
      "sed -ri 's@X@y@' /etc/nginx/sites-available/ssl",
      [['sed', [], '/etc/nginx/sites-available/ssl', ['s@X@y@']]],
    ],
    ['a redirect to standard error is no file written', 'cat a.conf 2> /tmp/err', []],
    ['rm places nothing', 'rm -f /etc/nginx/sites-enabled/default', []],
  ])('%s', (_name, line, expected) => {
    expect(placementsOf('/t/entrypoint.sh', `#!/bin/sh\n${line}\n`) ?? []).toEqual(expected);
  });

  it('reads scripts only, by name or #!, and says where the command is', () => {
    expect(placementsOf('/t/README.md', 'ln -s a b\n')).toBeUndefined();
    const doc = filePlacements({ path: '/t/start.envsh', text: 'set -e\n\nln -s a \\\n  b\n', hadBom: false });
    expect(doc?.data.placements[0]?.range).toEqual({
      start: { line: 2, character: 0 },
      end: { line: 3, character: 3 },
    });
  });
});
