import * as path from 'node:path';
import type { Finding } from '../../src/core/types';
import { lintTree } from './lint-helper';

/**
 * A script's `docker run` of IBM MQ's developer image gives its container variables as a Compose service does
 * (`-e`, `--env`, `--env-file`): its `MQ_DEV` decides whether the image applies its own 10-dev.mqsc with the tree's
 * MQSC it mounts into /etc/mqm, or that an image the tree builds from it copies there (ibm-messaging/mq-container@
 * def9638590f490fe2d814a947aac7d8fab776349 cmd/runmqdevserver/mqsc.go: only when MQ_DEV is "true", its default).
 * The shapes are those of OpenLiberty/guide-jms-intro scripts/testApp.sh and axelrodvl/ibm-mq-client mq/run.sh.
 */
const RULES = ['mq/channel-runs-as-admin', 'mq/channel-without-tls', 'mq/chlauth-disabled'];
const QUEUE = `DEFINE QLOCAL('ORDERS') REPLACE\n`;
const DEV_IMAGE = 'icr.io/ibm-messaging/mq:9.4.0.0-r3';

const view = (findings: Finding[]) =>
  findings
    .filter((f) => RULES.includes(f.ruleId))
    .map((f) => `${f.ruleId} ${f.severity} ${/(DEV\.[A-Z.]+)/.exec(f.message)?.[1] ?? ''}`)
    .sort();

const lint = (files: Record<string, string>) => lintTree(files, { builtIn: RULES });

/** A script starting the developer image with `options` (one a line, continued), the tree's MQSC mounted. */
const started = (options: string[], image = DEV_IMAGE) =>
  `#!/bin/sh\ndocker run \\\n${[...options, '--volume $(pwd)/qm1.mqsc:/etc/mqm/20-config.mqsc', '--detach'].map((o) => `  ${o} \\\n`).join('')}  ${image}\n`;

const APPLIED = [
  'mq/channel-runs-as-admin warning DEV.ADMIN.SVRCONN',
  'mq/channel-without-tls warning DEV.ADMIN.SVRCONN',
  'mq/channel-without-tls warning DEV.APP.SVRCONN',
];

describe("docker run of the developer image: its variables decide the image's own MQSC", () => {
  it.each<[string, Record<string, string>, string[]]>([
    // Was: silent (a script's run was not read as a container of the image).
    ['-e LICENSE=accept: MQ_DEV is the image default (true)', { 'run.sh': started(['-e LICENSE=accept']) }, APPLIED],
    ['--env "MQ_DEV=true" quoted', { 'run.sh': started(['--env "MQ_DEV=true"']) }, APPLIED],
    ['MQ_DEV=false: the image applies nothing', { 'run.sh': started(['--env MQ_DEV=false']) }, []],
    ['--env=MQ_DEV=false', { 'run.sh': started(['--env=MQ_DEV=false']) }, []],
    ["-e 'MQ_DEV=false' single-quoted", { 'run.sh': started(["-e 'MQ_DEV=false'"]) }, []],
    ['-e MQ_DEV: the caller gives it (unknown, not applied)', { 'run.sh': started(['-e MQ_DEV']) }, []],
    ['-e MQ_DEV=$DEV: filled in when the script runs', { 'run.sh': started(['-e MQ_DEV=$DEV']) }, []],
    [
      '--env-file of the tree setting MQ_DEV=false',
      { 'run.sh': started(['--env-file ./qm.env']), 'qm.env': 'LICENSE=accept\nMQ_DEV=false\n' },
      [],
    ],
    [
      '--env-file of the tree not setting MQ_DEV: the default',
      { 'run.sh': started(['--env-file qm.env']), 'qm.env': '# the queue manager\nLICENSE=accept\n' },
      APPLIED,
    ],
    ['--env-file the tree does not hold: unknown', { 'run.sh': started(['--env-file qm.env']) }, []],
    [
      // docker reads the env file first: the option wins.
      '-e MQ_DEV=true after an env file setting it false',
      { 'run.sh': started(['--env-file qm.env', '-e MQ_DEV=true']), 'qm.env': 'MQ_DEV=false\n' },
      APPLIED,
    ],
    ['not a developer image', { 'run.sh': started([], 'cp.icr.io/cp/ibm-mqadvanced-server:9.4.0.0-r1') }, []],
    [
      'a Makefile recipe mounting $(CURDIR)',
      {
        Makefile: `run:\n\t@docker run -d -e MQ_DEV=true -v $(CURDIR)/qm1.mqsc:/etc/mqm/qm1.mqsc ${DEV_IMAGE}\n`,
      },
      APPLIED,
    ],
    [
      'a host path another variable decides joins nothing',
      { 'run.sh': `docker run -v $CONF/qm1.mqsc:/etc/mqm/qm1.mqsc ${DEV_IMAGE}\n` },
      [],
    ],
  ])('%s', (_name, files, expected) => {
    expect(view(lint({ 'qm1.mqsc': QUEUE, ...files }).findings)).toEqual(expected);
  });

  it.each<[string, string, RegExp]>([
    ['-e MQ_DEV', '-e MQ_DEV', /MQ_DEV is not known here \(filled in when the container starts\)/],
    ['an env file the tree does not hold', '--env-file qm.env', /MQ_DEV is not known here \(an env_file/],
  ])('%s: the finding says why the image scripts are left out, at the mount', (_name, option, why) => {
    const { findings, root } = lintTree(
      { 'qm1.mqsc': "DEFINE CHANNEL('MY.SVRCONN') CHLTYPE(SVRCONN) REPLACE\n", 'run.sh': started([option]) },
      { builtIn: ['mq/channel-without-tls'] },
    );
    const note = findings[0]?.related?.find((r) => why.test(r.message));
    expect(note && path.relative(root, note.file)).toBe('run.sh');
    expect(note?.range?.start.line).toBe(3); // the --volume line
  });

  it('the image a script builds FROM the developer image and runs with -e MQ_DEV=false applies nothing', () => {
    const files = {
      'qm/qm1.mqsc': QUEUE,
      'qm/Dockerfile': `FROM ${DEV_IMAGE}\nCOPY qm1.mqsc /etc/mqm/\n`,
      'build.sh': 'docker build -t myqm ./qm\n',
    };
    const notes = (more: Record<string, string>) =>
      lintTree({ ...files, ...more }, { builtIn: [...RULES, 'mq/developer-image-channels'] }).findings.filter(
        (f) => f.ruleId === 'mq/developer-image-channels',
      );
    // Built, never run in the tree: applied, with what is mounted at run time unknown.
    expect(notes({})).toHaveLength(1);
    expect(notes({ 'run.sh': 'docker run -d -e MQ_DEV=false -p 1414:1414 myqm\n' })).toEqual([]);
    const run = lint({ ...files, 'run.sh': 'docker run -d -e MQ_APP_PASSWORD=x myqm:latest\n' });
    // Run without a key mounted: the developer channels are known to run without TLS.
    expect(view(run.findings)).toEqual(APPLIED);
    expect(run.findings[0]?.related?.map((r) => r.message).join('\n')).toContain('started by docker run at run.sh:1');
    // The password's value is never shown.
    expect(JSON.stringify(run.findings)).not.toMatch(/MQ_APP_PASSWORD=x|'x'/);
  });
});
