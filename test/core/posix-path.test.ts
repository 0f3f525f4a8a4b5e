import * as path from 'node:path';
import { posixPath, relativePosix, shownRelative } from '../../src/core/posix-path';

describe('relativePosix', () => {
  it.each([
    ['/srv/envs', '/srv/envs/env-1/server.xml', 'env-1/server.xml'],
    ['/srv/envs', '/srv/envs', ''],
    ['/srv/envs/', '/srv/envs/env-1/a.pem', 'env-1/a.pem'],
    ['/srv/envs', '/srv/other/a.pem', '../other/a.pem'],
    ['/srv/envs', '/srv/envs/../other/a.pem', '../other/a.pem'],
    ['/srv/envs', '/srv/envs-2/a.pem', '../envs-2/a.pem'],
    // An empty `from` is the working directory, as path.relative reads it; not the file system root.
    ['', path.join(process.cwd(), 'conf', 'server.xml'), 'conf/server.xml'],
  ])('%j → %j is %j, as path.relative gives with / separators', (from, to, expected) => {
    expect(relativePosix(from, to)).toBe(expected);
    expect(relativePosix(from, to)).toBe(path.relative(from, to).split(path.sep).join('/'));
  });
});

describe('shownRelative', () => {
  it.each([
    ['/srv/envs', '/srv/envs/env-1/server.xml', 'env-1/server.xml'],
    // A deployment of one file is rooted at the file: the message names it by its base name, never as ''.
    ['/srv/envs/server.xml', '/srv/envs/server.xml', 'server.xml'],
  ])('%j → %j is shown as %j', (root, file, expected) => {
    expect(shownRelative(root, file)).toBe(expected);
  });
});

describe('posixPath', () => {
  it('keeps / separators on POSIX', () => {
    expect(posixPath('/srv/envs/env-1')).toBe('/srv/envs/env-1');
  });
});
