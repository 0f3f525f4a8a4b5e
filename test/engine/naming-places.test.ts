import { lintTree } from './lint-helper';

/**
 * A Dockerfile read only because a Compose service names it (`build.dockerfile: DockerfileMQ`): its findings name
 * that line, so linting only the Compose file (pre-commit, when the commit changes the line) reports them.
 */
const TREE = {
  'mq-config.mqsc': "DEFINE QLOCAL('ORDERS') REPLACE\n",
  DockerfileMQ: 'FROM icr.io/ibm-messaging/mq:9.4.0.0-r1\nCOPY mq-config.mqsc /etc/mqm/20-config.mqsc\n',
  'docker-compose.yml': 'services:\n  mq:\n    build:\n      context: .\n      dockerfile: DockerfileMQ\n',
};
const builtIn = ['mq/developer-image-channels'];

describe('findings resting on a file read only because another file names it', () => {
  it.each([['docker-compose.yml'], ['DockerfileMQ'], ['.']])('linting %s reports the DockerfileMQ note', (only) => {
    const { lines, findings } = lintTree(TREE, { builtIn, paths: [only] });
    expect(lines).toEqual(['DockerfileMQ:2 mq/developer-image-channels']);
    const compose = findings[0]!.related!.filter((r) => r.file.endsWith('docker-compose.yml'));
    expect(compose.map((r) => [r.range!.start.line + 1, r.message])).toEqual([
      [5, 'the Compose service mq builds from DockerfileMQ: why that file is read as a Dockerfile'],
    ]);
  });

  it('a Dockerfile read by its own name names no Compose line', () => {
    const files = { ...TREE, Dockerfile: TREE.DockerfileMQ, 'docker-compose.yml': 'services:\n  mq:\n    build: .\n' };
    delete (files as Partial<typeof files>).DockerfileMQ;
    const { lines, findings } = lintTree(files, { builtIn });
    expect(lines).toEqual(['Dockerfile:2 mq/developer-image-channels']);
    expect(findings[0]!.related!.map((r) => r.file)).not.toContainEqual(expect.stringMatching(/compose/));
  });
});
