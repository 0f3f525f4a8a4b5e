import * as fs from 'node:fs';
import * as path from 'node:path';
import { discover } from '../../src/discover/discover';
import { defaultConfig } from '../../src/core/config';
import { writeTree } from '../helpers/rule-tester';

const FLEET = {
  'envs/prod/aserver.conf': 'cleartrust.net.ssl.use=auth\n',
  'envs/prod/eserver.conf': 'cleartrust.net.ssl.use=auth\n',
  'envs/test/aserver.conf': 'cleartrust.net.ssl.use=clear\n',
  'envs/test/node_modules/x/aserver.conf': 'ignored\n',
  'shared/README.md': 'x\n',
};

describe('discover', () => {
  const root = writeTree(FLEET);
  fs.mkdirSync(path.join(root, '.git'));
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/') || '.';
  const run = (paths: string[], config = defaultConfig(root), ignorePatterns?: string[]) =>
    discover({ paths, cwd: root, config, ignorePatterns }).map((d) => ({
      root: rel(d.root),
      files: d.files.map(rel),
      focus: d.focus && [...d.focus].map(rel).sort(),
    }));

  it('each path is one deployment by default; node_modules and .git are skipped', () => {
    expect(run(['envs'])).toEqual([
      {
        root: 'envs',
        files: ['envs/prod/aserver.conf', 'envs/prod/eserver.conf', 'envs/test/aserver.conf'],
        focus: undefined,
      },
    ]);
  });

  it('config "deployments" globs split a fleet into deployments', () => {
    const config = { ...defaultConfig(root), deployments: ['envs/*'] };
    expect(run(['.'], config).map((d) => [d.root, d.files.length])).toEqual([
      ['.', 1],
      ['envs/prod', 2],
      ['envs/test', 1],
    ]);
  });

  it('a single file is linted with its whole deployment, focused on that file', () => {
    const config = { ...defaultConfig(root), deployments: ['envs/*'] };
    expect(run(['envs/prod/eserver.conf'], config)).toEqual([
      {
        root: 'envs/prod',
        files: ['envs/prod/aserver.conf', 'envs/prod/eserver.conf'],
        focus: ['envs/prod/eserver.conf'],
      },
    ]);
    // Without globs: the git root holds it.
    expect(run(['envs/prod/eserver.conf'])[0]).toMatchObject({ root: '.', focus: ['envs/prod/eserver.conf'] });
  });

  it('files of the same deployment merge; a whole-deployment request wins over focus', () => {
    const config = { ...defaultConfig(root), deployments: ['envs/*'] };
    expect(run(['envs/prod/eserver.conf', 'envs/prod/aserver.conf'], config)[0].focus).toEqual([
      'envs/prod/aserver.conf',
      'envs/prod/eserver.conf',
    ]);
    expect(run(['envs/prod/eserver.conf', 'envs/prod'], config)[0].focus).toBeUndefined();
  });

  it('honours --ignore-pattern and .lint-deployignore (gitignore syntax)', () => {
    expect(run(['envs'], defaultConfig(root), ['test/'])[0].files).toEqual([
      'envs/prod/aserver.conf',
      'envs/prod/eserver.conf',
    ]);
    fs.writeFileSync(path.join(root, '.lint-deployignore'), '# comment\neserver.conf\n');
    try {
      expect(run(['envs'])[0].files).toEqual(['envs/prod/aserver.conf', 'envs/test/aserver.conf']);
    } finally {
      fs.rmSync(path.join(root, '.lint-deployignore'));
    }
  });

  it('a missing path is a usage error naming it', () => {
    expect(() => run(['nope'])).toThrow('No such file or directory: nope');
  });
});

describe('walk: links, loops and odd entries', () => {
  it('follows links that stay inside the tree, once per real directory, and reads a linked file once', () => {
    const root = writeTree({ 'shared/eserver.conf': 'x\n', 'real/aserver.conf': 'y\n' });
    fs.symlinkSync('../shared/eserver.conf', path.join(root, 'real/eserver.conf')); // link to a file
    fs.symlinkSync('real', path.join(root, 'current')); // link to a directory already walked
    fs.symlinkSync('shared/eserver.conf', path.join(root, 'dup.conf')); // second name of a listed file
    const { walk } = jest.requireActual('../../src/discover/walk') as typeof import('../../src/discover/walk');
    const { files, notes } = walk(root, () => false);
    expect(files.map((f) => path.relative(root, f))).toEqual(['real/aserver.conf', 'shared/eserver.conf']);
    expect(notes).toEqual([]);
  });

  // terraform-ibm-modules/terraform-ibm-websphere-liberty-operator@HEAD (Apache-2.0) links Makefile, ci and
  // .pre-commit-config.yaml into the common-dev-assets submodule, absent from a clone without submodules: three
  // warnings on files lint-deploy never reads. A dangling link is said only when its name may be a file it reads.
  it.each([
    ['Makefile', 'common-dev-assets/module-assets/Makefile', false],
    ['ci', 'common-dev-assets/module-assets/ci', false],
    ['clientapp/mqclient', '../clientapp/mqclient/', false],
    // A man page an /etc/alternatives copy links to (sweep44's anandjbangad/kafka_kerberose: 41 such infos).
    ['alternatives/java.1.gz', '/usr/share/man/man1/java-java-1.8.0-openjdk.1.gz', false],
    ['alternatives/logo.png', 'missing/logo.png', false],
    ['.pre-commit-config.yaml', 'common-dev-assets/module-assets/.pre-commit-config.yaml', true],
    ['conf/server.xml', 'missing/server.xml', true],
    ['Dockerfile', 'missing/Dockerfile', true],
    ['nginx/sites-enabled/default', '../sites-available/default', true],
    ['.env', 'missing.env', true],
  ])('a dangling link %s → %s is a warning: %s', (name, target, said) => {
    const root = writeTree({ 'aserver.conf': 'x\n' });
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.symlinkSync(target, path.join(root, name));
    const { walk } = jest.requireActual('../../src/discover/walk') as typeof import('../../src/discover/walk');
    const { notes } = walk(root, () => false);
    expect(notes.map((n) => n.ruleId)).toEqual(said ? ['parse/broken-symlink'] : []);
    fs.rmSync(root, { recursive: true, force: true });
  });

  // wrochow/ssl-bundle-demo@841d126 links src/main/resources/certs/fullchain.pem to C:/Certbot/live/…/fullchain.pem:
  // a file of the machine that builds it, absent from any other checkout. A target outside the tree is unknown here.
  it.each([
    ['certs/ca.pem', '/nonexistent/ca.pem'],
    ['certs/fullchain.pem', 'C:/Certbot/live/www.example.org/fullchain.pem'],
    ['certs/shared.pem', '../../../outside-the-tree/shared.pem'],
  ])('a dangling link %s → %s outside the tree is an info: unknown, not broken', (name, target) => {
    const root = writeTree({ 'aserver.conf': 'x\n' });
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.symlinkSync(target, path.join(root, name));
    const { walk } = jest.requireActual('../../src/discover/walk') as typeof import('../../src/discover/walk');
    const { notes } = walk(root, () => false);
    expect(notes.map((n) => [n.ruleId, n.severity])).toEqual([['parse/symlink-outside-deployment', 'info']]);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it.each([
    ['Maven target/ beside pom.xml and src/', 'pom.xml', 'target', true],
    ['Gradle build/ beside build.gradle.kts and src/', 'build.gradle.kts', 'build', true],
    ['target/ without a build file beside it is configuration', 'README.md', 'target', false],
    ['build/ beside a pom.xml is not Maven output', 'pom.xml', 'build', false],
  ])('build output is not read twice: %s', (_name, buildFile, outputDir, skipped) => {
    const root = writeTree({
      [buildFile]: 'x\n',
      'src/main/resources/application.yml': 'server:\n  port: 8443\n',
      [`${outputDir}/classes/application.yml`]: 'server:\n  port: 8443\n',
    });
    const { walk } = jest.requireActual('../../src/discover/walk') as typeof import('../../src/discover/walk');
    const files = walk(root, () => false).files.map((f) => path.relative(root, f).split(path.sep).join('/'));
    expect(files.includes(`${outputDir}/classes/application.yml`)).toBe(!skipped);
    expect(files).toContain('src/main/resources/application.yml');
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('a directory the walk cannot read (path over PATH_MAX) is a warning, not a silent gap', () => {
    const root = writeTree({});
    const start = process.cwd();
    try {
      process.chdir(root);
      for (let i = 0; i < 17; i++) {
        fs.mkdirSync('d'.repeat(250));
        process.chdir('d'.repeat(250));
      }
      fs.writeFileSync('aserver.conf', 'x\n');
    } finally {
      process.chdir(start);
    }
    const { walk } = jest.requireActual('../../src/discover/walk') as typeof import('../../src/discover/walk');
    const { files, notes } = walk(root, () => false);
    expect(files).toEqual([]);
    expect(notes).toEqual([
      expect.objectContaining({
        ruleId: 'parse/unreadable-directory',
        severity: 'warning',
        message: expect.stringContaining('ENAMETOOLONG'),
      }),
    ]);
  });
});
