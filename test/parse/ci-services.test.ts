import { ciServices } from '../../src/parse/ci-services';
import { containerRuns } from '../../src/parse/container-runs';

const IMAGE = 'icr.io/ibm-messaging/mq:9.4.0.0-r3';

describe("a CI file's service containers", () => {
  it.each<[string, string, string, [string, string, boolean, (string | undefined)[][]][]]>([
    [
      // gastaldi/quarkus-ibm-mq's .github/workflows/build.yml shape.
      'a GitHub Actions job service: image and env, each variable with its setting',
      '/t/.github/workflows/build.yml',
      `jobs:\n  build:\n    services:\n      mq:\n        image: ${IMAGE}\n        ports:\n          - 1414:1414\n        env:\n          LICENSE: accept\n          MQ_QMGR_NAME: QM1\n          MQ_APP_PASSWORD:\n    steps:\n      - run: mvn verify\n`,
      [
        [
          IMAGE,
          'jobs.build.services.mq',
          false,
          [
            ['LICENSE', 'accept', 'jobs.build.services.mq.env.LICENSE'],
            ['MQ_QMGR_NAME', 'QM1', 'jobs.build.services.mq.env.MQ_QMGR_NAME'],
            ['MQ_APP_PASSWORD', '', 'jobs.build.services.mq.env.MQ_APP_PASSWORD'],
          ],
        ],
      ],
    ],
    [
      'an image an expression names, an empty image (the service is skipped), a service that is no map: none',
      '/t/.github/workflows/ci.yaml',
      'jobs:\n  a:\n    services:\n      db:\n        image: ${{ matrix.db }}\n      skipped:\n        image: ""\n      odd: postgres\n',
      [],
    ],
    [
      "GitLab: an image name alone, a map with name and variables; the job's variables first, every variable maybe unread",
      '/t/.gitlab-ci.yml',
      `variables:\n  GLOBAL: x\ntest:\n  variables:\n    LICENSE: accept\n  services:\n    - docker:dind\n    - name: ${IMAGE}\n      alias: mq\n      variables:\n        LICENSE: decline\n  script:\n    - mvn verify\n`,
      [
        ['docker:dind', 'test.services[0]', true, [['LICENSE', 'accept', 'test.variables.LICENSE']]],
        [
          IMAGE,
          'test.services[1]',
          true,
          [
            ['LICENSE', 'accept', 'test.variables.LICENSE'],
            ['LICENSE', 'decline', 'test.services[1].variables.LICENSE'],
          ],
        ],
      ],
    ],
    [
      "GitLab: the pipeline's own services (top-level and default:) with its variables, before a job's",
      '/t/.gitlab-ci.yml',
      `variables:\n  MQ_QMGR_NAME: QM1\nservices:\n  - name: ${IMAGE}\n    alias: mq\ndefault:\n  services:\n    - postgres:16\ntest:\n  services:\n    - redis:7\n  script:\n    - mvn verify\n`,
      [
        [IMAGE, 'services[0]', true, [['MQ_QMGR_NAME', 'QM1', 'variables.MQ_QMGR_NAME']]],
        ['postgres:16', 'default.services[0]', true, [['MQ_QMGR_NAME', 'QM1', 'variables.MQ_QMGR_NAME']]],
        ['redis:7', 'test.services[0]', true, []],
      ],
    ],
    [
      'a services: key in another YAML file (Compose) is no CI service',
      '/t/docker-compose.yml',
      `services:\n  mq:\n    image: ${IMAGE}\n`,
      [],
    ],
    ['unparsable YAML: none', '/t/.gitlab-ci.yml', 'test:\n  services: [\n', []],
  ])('%s', (_name, file, text, expected) => {
    expect(
      ciServices(file, text).map((r) => [
        r.image,
        r.label,
        r.variablesUnknown,
        r.environment.map((v) => [v.name, v.value, v.key]),
      ]),
    ).toEqual(expected);
  });

  it('the image and a value keep their places in the file', () => {
    const text = `jobs:\n  build:\n    services:\n      mq:\n        image: ${IMAGE}\n        env:\n          MQ_ADMIN_PASSWORD: "pw"\n`;
    const [run] = ciServices('/t/.github/workflows/build.yml', text);
    expect(run?.range).toEqual({ start: { line: 4, character: 15 }, end: { line: 4, character: 15 + IMAGE.length } });
    expect(run?.environment[0]?.nameRange.start).toEqual({ line: 6, character: 10 });
    expect(run?.environment[0]?.valueRange).toEqual({
      start: { line: 6, character: 29 },
      end: { line: 6, character: 33 },
    });
  });

  it("a CI file's services and its steps' docker runs are one document; a secret is one entry", () => {
    const text = [
      '.test:',
      'test:',
      '  variables:',
      '    DB_PASSWORD: pw1',
      '  services:',
      '    - postgres:16',
      '    - mysql:8',
      '  script:',
      `    - docker run -d -e MQ_APP_PASSWORD=pw2 ${IMAGE}`,
      '',
    ].join('\n');
    const doc = containerRuns({ path: '/t/.gitlab-ci.yml', text, hadBom: false });
    expect(doc?.data.runs.map((r) => r.image)).toEqual([IMAGE, 'postgres:16', 'mysql:8']);
    expect(doc?.entries.map((e) => [e.key, e.section])).toEqual([
      ['docker run -e MQ_APP_PASSWORD', undefined],
      ['test.variables.DB_PASSWORD', 'CI service'],
    ]);
  });
});
