import { dockerignoreExcludes, dockerignoreFormat, type DockerignoreData } from '../../src/parse/dockerignore';

const read = (text: string): DockerignoreData =>
  dockerignoreFormat.parse({ path: '/ctx/.dockerignore', text, hadBom: false }, 'dockerignore').data;
const excludes = (lines: string[], file: string) => dockerignoreExcludes(read(lines.join('\n')).patterns, file);

describe('.dockerignore (moby/patternmatcher@5a6d842 semantics)', () => {
  it('classifies .dockerignore and <Dockerfile>.dockerignore only', () => {
    expect(dockerignoreFormat.classify('/a/.dockerignore', '')).toBe('dockerignore');
    expect(dockerignoreFormat.classify('/a/Dockerfile.prod.dockerignore', '')).toBe('dockerignore');
    expect(dockerignoreFormat.classify('/a/dockerignore', '')).toBeUndefined();
    expect(dockerignoreFormat.classify('/a/.gitignore', '')).toBeUndefined();
  });

  // Pattern.match cases of moby/patternmatcher patternmatcher_test.go TestMatches, through the parent-directory rule.
  it.each<[string, string, boolean]>([
    ['**', 'file', true],
    ['**', 'dir/file', true],
    ['dir/**', 'dir/dir2/file', true],
    ['**/dir', 'dir/file', true],
    ['**/dir2/*', 'dir/dir2/file', true],
    ['**file', 'dir/dir/file', true],
    ['**/file*.txt', 'dir/dir/file.txt', true],
    ['**/**/*.txt2', 'dir/dir/file.txt', false],
    ['**/*.txt', 'file.txt', true],
    ['a**/*.txt', 'a/dir/dir/file.txt', true],
    ['a/*.txt', 'a/dir/file.txt', false],
    ['a[b-d]e', 'ace', true],
    ['a[b-d]e', 'aae', false],
    ['a[^b-d]e', 'aze', true],
    ['.*', '.foo', true],
    ['.*', 'foo', false],
    ['abc.def', 'abcZdef', false],
    ['abc?def', 'abcZdef', true],
    ['**/foo/bar', 'foo/bar', true],
    ['abc/**', 'abc', false],
    ['**/.foo', 'bar.foo', false],
    ['a(b)c/def', 'a(b)c/def', true],
    ['dist/*.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', true],
    // A directory pattern leaves out what is under it; `/` first and last are cleaned away.
    ['certs', 'certs/server.crt', true],
    ['/certs/', 'certs/server.crt', true],
    ['*.jks', 'conf/server.jks', false],
    ['**/*.jks', 'conf/server.jks', true],
    ['*/temp*', 'somedir/temporary.txt', true],
  ])('%s excludes %s: %s', (pattern, file, expected) => {
    expect(excludes([pattern], file)).toBe(expected);
  });

  it('lets the last matching line decide, an exception taking a file back', () => {
    expect(excludes(['docs', '!docs/README.md'], 'docs/README.md')).toBe(false);
    expect(excludes(['*.go', '!fileutils.go'], 'fileutils.go')).toBe(false);
    expect(excludes(['!fileutils.go', '*.go'], 'fileutils.go')).toBe(true);
    expect(excludes(['*', '!target/*.war'], 'target/app.war')).toBe(false);
    expect(excludes(['*', '!target/*.war'], 'src/main/liberty/config/server.xml')).toBe(true);
    expect(excludes(['**', '!util/docker/web', 'util/docker/web/foo'], 'util/docker/web/foo')).toBe(true);
  });

  it('reads # only in column 1 as a comment and refuses a lone !', () => {
    expect(excludes(['# certs', 'x'], 'certs/a.pem')).toBe(false);
    expect(read('\uFEFFcerts\n  \n!\n').refused).toBe('!');
  });
});
