import { mqVerdicts } from '../helpers/mq-verdicts';
import type { Tree } from '../helpers/rule-tester';

const DISABLE = 'ALTER QMGR CHLAUTH(DISABLED)';
const AS_MQM = "ALTER CHANNEL(SYSTEM.DEF.SVRCONN) CHLTYPE(SVRCONN) MCAUSER('mqm')";
const OPTIONAL = 'ALTER AUTHINFO(SYSTEM.DEFAULT.AUTHINFO.IDPWOS) AUTHTYPE(IDPWOS) CHCKCLNT(OPTIONAL)';
const mqsc = (...commands: string[]) => commands.map((c) => `${c}\n`).join('');
/** `echo "…" | runmqsc <target>`, indented as a block scalar's line. */
const echo = (indent: number, command: string, target: string) =>
  `${' '.repeat(indent)}echo "${command}" | runmqsc ${target}\n`;
/** A GitHub Actions job `mq` (or the jobs given) whose steps run the scripts given. */
const workflow = (...jobs: { env?: string; steps: string[] }[]) =>
  `on: push\njobs:\n${jobs
    .map(
      (job, j) =>
        `  mq${j}:\n    runs-on: ubuntu-latest\n${job.env ?? ''}    steps:\n${job.steps
          .map(
            (step, k) =>
              `      - name: step ${k}\n${step.startsWith('        env') ? step : `        run: |\n${step}`}`,
          )
          .join('')}`,
    )
    .join('')}`;
/** An Ansible play's tasks, each `shell: |` with the lines given (`vars` before its shell when given). */
const play = (...tasks: { lines: string[]; vars?: string; module?: string }[]) =>
  `- hosts: mq\n  tasks:\n${tasks
    .map((t, k) => `    - name: task ${k}\n${t.vars ?? ''}      ${t.module ?? 'shell'}: |\n${t.lines.join('')}`)
    .join('')}`;

describe('runmqsc inputs in YAML blocks run as scripts join one MQSC stream, as in shell scripts', () => {
  it.each<[string, Tree, Tree]>([
    [
      'GitHub Actions: two steps of one job, the second mapping the channel the first opens',
      {
        '.github/workflows/ci.yml': workflow({
          steps: [echo(10, DISABLE, 'QM1'), echo(10, AS_MQM, 'QM1') + echo(10, OPTIONAL, 'QM1')],
        }),
      },
      { 'config.mqsc': mqsc(DISABLE, AS_MQM, OPTIONAL) },
    ],
    [
      'GitHub Actions: one ${{ env.QM }} expression in two steps, QM set for the job',
      {
        'ci.yml': workflow({
          env: '    env:\n      QM: QM1\n',
          steps: [
            echo(10, DISABLE, '${{ env.QM }}'),
            echo(10, AS_MQM, '${{env.QM}}') + echo(10, OPTIONAL, '${{ env.QM }}'),
          ],
        }),
      },
      { 'config.mqsc': mqsc(DISABLE, AS_MQM, OPTIONAL) },
    ],
    [
      'Ansible: tasks of one play, the queue manager one Jinja expression, shell and ansible.builtin.shell',
      {
        'play.yml': play(
          { lines: [echo(8, DISABLE, '{{ qm_name }}')] },
          {
            lines: [echo(8, AS_MQM, '{{ qm_name }}'), echo(8, OPTIONAL, '{{ qm_name }}')],
            module: 'ansible.builtin.shell',
          },
        ),
      },
      { 'config.mqsc': mqsc(DISABLE, AS_MQM, OPTIONAL) },
    ],
    [
      'Ansible: a heredoc task after an echo task (tasks/main.yml of a role, a top-level list)',
      {
        'roles/mq/tasks/main.yml': `- name: open\n  shell: |\n${echo(4, DISABLE, 'QM1')}- name: map\n  shell: |\n    runmqsc QM1 <<EOF\n    ${AS_MQM}\n    ${OPTIONAL}\n    EOF\n`,
      },
      { 'config.mqsc': mqsc(DISABLE, AS_MQM, OPTIONAL) },
    ],
    [
      'GitLab CI: the `- |` items of one job script',
      {
        '.gitlab-ci.yml': `mq:\n  script:\n    - |\n${echo(6, DISABLE, 'QM1')}    - |\n${echo(6, AS_MQM, 'QM1')}${echo(6, OPTIONAL, 'QM1')}`,
      },
      { 'config.mqsc': mqsc(DISABLE, AS_MQM, OPTIONAL) },
    ],
    [
      'Kubernetes: the lines of a postStart hook script',
      {
        'pod.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: qm\nspec:\n  containers:\n    - name: qm\n      image: icr.io/ibm-messaging/mq\n      lifecycle:\n        postStart:\n          exec:\n            command:\n              - /bin/bash\n              - -c\n              - |\n${[DISABLE, AS_MQM, OPTIONAL].map((c) => echo(16, c, 'QM1')).join('')}`,
      },
      { 'config.mqsc': mqsc(DISABLE, AS_MQM, OPTIONAL) },
    ],
  ])('%s', (_name, yaml, asFile) => {
    const expected = mqVerdicts(asFile);
    expect(expected.length).toBeGreaterThan(1);
    expect(mqVerdicts(yaml)).toEqual(expected);
  });

  it.each<[string, Tree, Tree]>([
    [
      'GitHub Actions: two jobs (each on a runner of its own)',
      {
        'ci.yml': workflow(
          { steps: [echo(10, DISABLE, 'QM1')] },
          { steps: [echo(10, AS_MQM, 'QM1') + echo(10, OPTIONAL, 'QM1')] },
        ),
      },
      { 'qm1.mqsc': mqsc(DISABLE), 'qm2.mqsc': mqsc(AS_MQM, OPTIONAL) },
    ],
    [
      'GitHub Actions: a step whose own env sets QM',
      {
        'ci.yml': workflow({
          steps: [
            echo(10, DISABLE, '$QM'),
            `        env:\n          QM: QM2\n        run: |\n${echo(10, AS_MQM, '$QM')}${echo(10, OPTIONAL, '$QM')}`,
          ],
        }),
      },
      { 'qm1.mqsc': mqsc(DISABLE), 'qm2.mqsc': mqsc(AS_MQM, OPTIONAL) },
    ],
    [
      'GitHub Actions: a shell variable each step assigns itself',
      {
        'ci.yml': workflow({
          steps: [
            `          QM=QM1\n${echo(10, DISABLE, '$QM')}`,
            `          QM=QM2\n${echo(10, AS_MQM, '$QM')}${echo(10, OPTIONAL, '$QM')}`,
          ],
        }),
      },
      { 'qm1.mqsc': mqsc(DISABLE), 'qm2.mqsc': mqsc(AS_MQM, OPTIONAL) },
    ],
    [
      'Ansible: two Jinja expressions',
      {
        'play.yml': play(
          { lines: [echo(8, DISABLE, '{{ qm1 }}')] },
          { lines: [echo(8, AS_MQM, '{{ qm2 }}'), echo(8, OPTIONAL, '{{ qm2 }}')] },
        ),
      },
      { 'qm1.mqsc': mqsc(DISABLE), 'qm2.mqsc': mqsc(AS_MQM, OPTIONAL) },
    ],
    [
      "Ansible: a task's vars set the expression's variable",
      {
        'play.yml': play(
          { lines: [echo(8, DISABLE, '{{ qm_name }}')] },
          {
            lines: [echo(8, AS_MQM, '{{ qm_name }}'), echo(8, OPTIONAL, '{{ qm_name }}')],
            vars: '      vars:\n        qm_name: QM2\n',
          },
        ),
      },
      { 'qm1.mqsc': mqsc(DISABLE), 'qm2.mqsc': mqsc(AS_MQM, OPTIONAL) },
    ],
    [
      "Ansible: a loop's {{ item }} in two tasks",
      {
        'play.yml': play(
          { lines: [echo(8, DISABLE, '{{ item }}')] },
          { lines: [echo(8, AS_MQM, '{{ item }}'), echo(8, OPTIONAL, '{{ item }}')] },
        ),
      },
      { 'qm1.mqsc': mqsc(DISABLE), 'qm2.mqsc': mqsc(AS_MQM, OPTIONAL) },
    ],
    [
      'Ansible: two plays',
      {
        'play.yml': `${play({ lines: [echo(8, DISABLE, 'QM1')] })}${play({ lines: [echo(8, AS_MQM, 'QM1'), echo(8, OPTIONAL, 'QM1')] })}`,
      },
      { 'qm1.mqsc': mqsc(DISABLE), 'qm2.mqsc': mqsc(AS_MQM, OPTIONAL) },
    ],
  ])('stay apart: %s', (_name, yaml, asFiles) => {
    const expected = mqVerdicts(asFiles);
    expect(expected.length).toBeGreaterThan(0);
    expect(mqVerdicts(yaml)).toEqual(expected);
  });
});
