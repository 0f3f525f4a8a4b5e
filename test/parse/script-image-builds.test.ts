/**
 * The images a script or Makefile builds (src/parse/script-image-builds.ts): `docker build`'s tags, context and `-f`,
 * its value-taking options skipped, and a build whose context is not one word left out.
 */
import { scriptImageBuilds } from '../../src/parse/script-image-builds';

const builds = (path: string, text: string) =>
  scriptImageBuilds({ path, text, hadBom: false })?.data.builds.map(({ tags, context, file }) => ({
    tags: tags.map((t) => t.name),
    context,
    ...(file !== undefined ? { file } : {}),
  }));

describe('scriptImageBuilds', () => {
  it.each([
    ['build.sh', 'docker build -t myorg/tomcat ./tomcat\n', [{ tags: ['myorg/tomcat'], context: './tomcat' }]],
    [
      'build.sh',
      'docker build --build-arg V=1 --tag=a/b:1 -t a/b:latest -f docker/Dockerfile.prod .\n',
      [{ tags: ['a/b:1', 'a/b:latest'], context: '.', file: 'docker/Dockerfile.prod' }],
    ],
    ['Makefile', 'img:\n\t@docker buildx build --pull --load -t x/y ctx\n', [{ tags: ['x/y'], context: 'ctx' }]],
    ['run', '#!/bin/sh\npodman image build -q -t x/y .\n', [{ tags: ['x/y'], context: '.' }]],
  ])('%s: %j', (path, text, expected) => expect(builds(path, text)).toEqual(expected));

  it.each([
    ['build.sh', 'docker build .\n', 'no tag'],
    ['build.sh', 'docker build -t x/y - < Dockerfile\n', 'the context is stdin'],
    ['build.sh', 'docker build -t x/y --unknown-flag .\n', 'an unknown option is read as taking the context'],
    ['notes.txt', 'docker build -t x/y .\n', 'not a script'],
  ])('%s %j: none (%s)', (path, text) => expect(builds(path, text)).toBeUndefined());
});
