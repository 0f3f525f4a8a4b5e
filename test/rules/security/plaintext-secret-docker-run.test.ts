import rule from '../../../src/rules/security/plaintext-secret';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A `docker run -e NAME=value` whose name says secret, in a shell script, a Makefile recipe, a GitHub Actions `run:`
 * step or a GitLab CI `script:` item (src/parse/container-runs.ts): the value is in the repository as a Compose
 * `environment:` one is, and is judged the same way, one finding per option. The shapes are those of IBM MQ's
 * developer image started for tests (`-e MQ_ADMIN_PASSWORD=… -e MQ_APP_PASSWORD=…`).
 */
const IMAGE = 'icr.io/ibm-messaging/mq:9.4.0.0-r3';

ruleTester(rule, {
  valid: [
    {
      name: 'values the shell, the caller or the CI runner gives: $VAR, ${VAR}, $(…), -e NAME, ${{ secrets.X }}',
      files: {
        'run.sh': [
          '#!/bin/sh',
          `docker run -d -e MQ_ADMIN_PASSWORD="$ADMIN_PW" -e MQ_APP_PASSWORD=\${APP_PW} -e DB_PASSWORD=$(cat pw) \\`,
          `  -e KEYSTORE_PASSWORD -e LICENSE=accept -e MQ_QMGR_NAME=QM1 ${IMAGE}`,
          '',
        ].join('\n'),
        '.github/workflows/ci.yml': [
          'jobs:',
          '  test:',
          '    steps:',
          `      - run: docker run -d -e MQ_APP_PASSWORD=\${{ secrets.MQ_APP_PASSWORD }} ${IMAGE}`,
          '',
        ].join('\n'),
      },
    },
    {
      name: 'a secret-named option outside a CI step: a YAML file that is no workflow, a job name',
      files: {
        'deploy/notes.yml': `run: docker run -e MQ_APP_PASSWORD=passw0rd ${IMAGE}\n`,
        '.github/workflows/ci.yml': `jobs:\n  test:\n    name: docker run -e MQ_APP_PASSWORD=passw0rd\n`,
      },
    },
  ],
  invalid: [
    {
      name: 'a podman run: named as the tree writes it',
      files: { 'run.sh': `#!/bin/sh\npodman run -d -e MQ_ADMIN_PASSWORD=passw0rd ${IMAGE}\n` },
      errors: [
        {
          messageId: 'plaintext',
          file: 'run.sh',
          line: 2,
          messageIncludes: ['podman run -e MQ_ADMIN_PASSWORD in run.sh'],
          messageExcludes: ['docker run'],
        },
      ],
    },
    {
      name: 'a script: each literal secret option, at its value, named as the option',
      files: {
        'run.sh': [
          '#!/bin/sh',
          `docker run -d --name qm1 -e LICENSE=accept -e MQ_ADMIN_PASSWORD=passw0rd \\`,
          `  --env "MQ_APP_PASSWORD=s3cret value" -p 1414:1414 ${IMAGE}`,
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'run.sh',
          line: 2,
          column: 65,
          messageIncludes: ['docker run -e MQ_ADMIN_PASSWORD in run.sh', '-e NAME without a value'],
        },
        { messageId: 'plaintext', file: 'run.sh', line: 3, column: 26, messageIncludes: ['-e MQ_APP_PASSWORD'] },
      ],
    },
    {
      name: 'a GitHub Actions run: block and a GitLab CI script: item',
      files: {
        '.github/workflows/ci.yml': [
          'jobs:',
          '  test:',
          '    steps:',
          '      - name: start the queue manager',
          '        run: |',
          `          docker run -d -e LICENSE=accept -e MQ_ADMIN_PASSWORD=passw0rd ${IMAGE}`,
          '',
        ].join('\n'),
        '.gitlab-ci.yml': [
          'test:',
          '  script:',
          `    - docker run -d --env=MQ_APP_PASSWORD=passw0rd ${IMAGE}`,
          '',
        ].join('\n'),
      },
      errors: [
        { messageId: 'plaintext', file: '.github/workflows/ci.yml', line: 6, column: 64 },
        { messageId: 'plaintext', file: '.gitlab-ci.yml', line: 3, column: 43 },
      ],
    },
    {
      // Two runs with the same value: two settings to change, as two Compose services' variables are.
      name: 'the same value on two runs of one file: a finding for each',
      files: {
        Makefile: [
          'up:',
          `\tdocker run -d -e MQ_APP_PASSWORD=passw0rd ${IMAGE}`,
          `\tdocker run -d -e MQ_APP_PASSWORD=passw0rd ${IMAGE}`,
          '',
        ].join('\n'),
      },
      errors: [
        { messageId: 'plaintext', file: 'Makefile', line: 2, column: 35 },
        { messageId: 'plaintext', file: 'Makefile', line: 3, column: 35 },
      ],
    },
  ],
});
