import { lastPathSegment } from '../../src/core/path-name';

describe('lastPathSegment', () => {
  it.each([
    ['/srv/envs/env-1/jdk/release', 'release'],
    ['C:\\jdk\\conf\\security\\java.security', 'java.security'],
    ['mixed/dir\\name.xml', 'name.xml'],
    ['plain.conf', 'plain.conf'],
    ['trailing/', ''],
    ['', ''],
  ])('%j → %j, as split(/[\\\\/]/).pop() gives', (input, expected) => {
    expect(lastPathSegment(input)).toBe(expected);
    expect(lastPathSegment(input)).toBe(input.split(/[\\/]/).pop());
  });
});
