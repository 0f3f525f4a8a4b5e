import * as path from 'node:path';
import { composeServiceBuilds } from '../../src/model/compose-builds';
import { modelOf } from '../helpers/rule-tester';

/**
 * One place resolves each Compose service's build context and Dockerfile (src/model/compose-builds.ts): a context is
 * known whatever its Dockerfile (`${MODE}` or inline still builds from it); a `$` or remote context is unknown, and so
 * is every Dockerfile then.
 */
const app = 'FROM eclipse-temurin:17-jre\n';

describe('composeServiceBuilds', () => {
  it.each([
    ['a short build: its directory and its Dockerfile', '    build: ./app\n', 'app', 'app/Dockerfile'],
    [
      'a context and a dockerfile: the Dockerfile is relative to the context',
      '    build:\n      context: ./app\n      dockerfile: docker/Dockerfile.prod\n',
      'app',
      'app/docker/Dockerfile.prod',
    ],
    [
      'a dockerfile without a context: the Compose file directory',
      '    build:\n      dockerfile: app/Dockerfile\n',
      '',
      'app/Dockerfile',
    ],
    [
      'a `${MODE}` Dockerfile: the context is known, the Dockerfile not',
      '    build:\n      context: ./app\n      dockerfile: Dockerfile.${MODE}\n',
      'app',
      undefined,
    ],
    [
      'an inline Dockerfile: the context is known, no file of the tree is built',
      '    build:\n      context: ./app\n      dockerfile_inline: |\n        FROM alpine\n',
      'app',
      undefined,
    ],
    ['a `${APP_DIR}` context: both unknown', '    build: ${APP_DIR}\n', undefined, undefined],
    ['a Git context: both unknown', '    build: https://github.com/example/app.git#main\n', undefined, undefined],
  ])('%s', (_name, build, context, dockerfile) => {
    const deployment = modelOf({
      'docker-compose.yml': `services:\n  app:\n${build}    image: example/app\n`,
      'app/Dockerfile': app,
    });
    const at = (p: string | undefined) => (p === undefined ? undefined : path.relative(deployment.root, p));
    const builds = composeServiceBuilds(deployment.documents);
    expect(builds.map((b) => [b.service.name, at(b.context), at(b.dockerfile)])).toEqual([
      ['app', context, dockerfile],
    ]);
  });

  it('a service without build: none', () => {
    const deployment = modelOf({ 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n' });
    expect(composeServiceBuilds(deployment.documents)).toEqual([]);
  });
});
