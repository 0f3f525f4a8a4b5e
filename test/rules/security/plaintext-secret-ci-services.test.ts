import rule from '../../../src/rules/security/plaintext-secret';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A CI job's service container (src/parse/ci-services.ts) whose variable's name says secret: gastaldi/quarkus-ibm-mq's
 * and k-kwstas/fileprocessingplatform's workflows start IBM MQ's developer image as a GitHub Actions service with
 * `MQ_ADMIN_PASSWORD`/`MQ_APP_PASSWORD` written in `env:`. The runner starts the container for that job alone and
 * removes it after: a test fixture's secret as a rule, said at info as a test source set's is.
 */
const IMAGE = 'icr.io/ibm-messaging/mq:9.4.0.0-r3';

ruleTester(rule, {
  valid: [
    {
      name: "a secret the runner fills in (${{ secrets.X }}), a GitLab variable's reference, a variable of a step",
      files: {
        '.github/workflows/ci.yml': [
          'jobs:',
          '  build:',
          '    services:',
          '      mq:',
          `        image: ${IMAGE}`,
          '        env:',
          '          LICENSE: accept',
          '          MQ_APP_PASSWORD: ${{ secrets.MQ_APP_PASSWORD }}',
          '    steps:',
          '      - run: mvn verify',
          '        env:',
          '          MQ_PASSWORD: passw0rd-of-a-step',
          '',
        ].join('\n'),
        '.gitlab-ci.yml': [
          'test:',
          '  services:',
          `    - name: ${IMAGE}`,
          '      alias: mq',
          '      variables:',
          '        MQ_APP_PASSWORD: $MQ_APP_PASSWORD',
          '  script:',
          '    - mvn verify',
          '',
        ].join('\n'),
      },
    },
    {
      name: "a workflow's shape outside .github/workflows: no CI file",
      files: {
        'ci/build.yml': `jobs:\n  build:\n    services:\n      mq:\n        image: ${IMAGE}\n        env:\n          MQ_APP_PASSWORD: passw0rd\n`,
      },
    },
  ],
  invalid: [
    {
      name: "a GitHub Actions job's service env, each literal secret at its value",
      files: {
        '.github/workflows/build.yml': [
          'jobs:',
          '  build:',
          '    runs-on: ubuntu-latest',
          '    services:',
          '      mq:',
          `        image: ${IMAGE}`,
          '        ports:',
          '          - 1414:1414',
          '        env:',
          '          LICENSE: accept',
          '          MQ_QMGR_NAME: QM1',
          '          MQ_ADMIN_PASSWORD: admin-pw',
          "          MQ_APP_PASSWORD: 'app-pw'",
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'ciService',
          severity: 'info',
          file: '.github/workflows/build.yml',
          line: 12,
          column: 30,
          messageIncludes: ['jobs.build.services.mq.env.MQ_ADMIN_PASSWORD in build.yml', '(jobs.build.services.mq)'],
        },
        { messageId: 'ciService', severity: 'info', file: '.github/workflows/build.yml', line: 13, column: 28 },
      ],
    },
    {
      name: "a GitLab CI service's variables and the job's, which every service of the job gets: once each",
      files: {
        '.gitlab-ci.yml': [
          'integration:',
          '  variables:',
          '    POSTGRES_PASSWORD: pg-pw',
          '  services:',
          '    - postgres:16',
          `    - name: ${IMAGE}`,
          '      alias: mq',
          '      variables:',
          '        MQ_APP_PASSWORD: app-pw',
          '  script:',
          '    - mvn verify',
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'ciService',
          severity: 'info',
          file: '.gitlab-ci.yml',
          line: 3,
          messageIncludes: ['integration.variables.POSTGRES_PASSWORD', '(integration)'],
        },
        {
          messageId: 'ciService',
          severity: 'info',
          file: '.gitlab-ci.yml',
          line: 9,
          messageIncludes: ['(integration.services[1])'],
        },
      ],
    },
  ],
});
