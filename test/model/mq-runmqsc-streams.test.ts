import * as fs from 'node:fs';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { mqVerdicts } from '../helpers/mq-verdicts';
import { writeTree, type Tree } from '../helpers/rule-tester';

const DISABLE = 'ALTER QMGR CHLAUTH(DISABLED)';
const AS_MQM = "ALTER CHANNEL(SYSTEM.DEF.SVRCONN) CHLTYPE(SVRCONN) MCAUSER('mqm')";
const OPTIONAL = 'ALTER AUTHINFO(SYSTEM.DEFAULT.AUTHINFO.IDPWOS) AUTHTYPE(IDPWOS) CHCKCLNT(OPTIONAL)';
const REFRESH = 'REFRESH SECURITY';
/** akainz/mq-docker@4c935f7 mq-config.sh: each command its own `su -c "echo … | runmqsc $1"`. */
const suEcho = (command: string, target = '$1') => `su -l mqm -c "echo \\"${command}\\" | runmqsc ${target}"\n`;
const echo = (command: string, target: string) => `echo "${command}" | runmqsc ${target}\n`;
const mqsc = (...commands: string[]) => commands.map((c) => `${c}\n`).join('');
const script = (...lines: string[]) => `#!/bin/bash\nset -e\n${lines.join('')}`;

describe('the runmqsc inputs of one script given one queue manager are one MQSC script, in line order', () => {
  it.each<[string, string, Tree]>([
    [
      'su -c "echo … | runmqsc $1" line after line (akainz/mq-docker mq-config.sh)',
      script(suEcho(DISABLE), suEcho(AS_MQM), suEcho(OPTIONAL), suEcho(REFRESH)),
      { 'config.mqsc': mqsc(DISABLE, AS_MQM, OPTIONAL, REFRESH) },
    ],
    [
      'echo lines to one literal queue manager',
      script(echo(DISABLE, 'QM1'), echo(AS_MQM, 'QM1'), echo(OPTIONAL, 'QM1')),
      { 'config.mqsc': mqsc(DISABLE, AS_MQM, OPTIONAL) },
    ],
    [
      'a heredoc and echo lines, the queue manager once as a variable assigned once and once as the literal',
      script('QM=QM1\n', `runmqsc "$QM" <<EOF\n${DISABLE}\n${AS_MQM}\nEOF\n`, echo(OPTIONAL, 'QM1')),
      { 'config.mqsc': mqsc(DISABLE, AS_MQM, OPTIONAL) },
    ],
    [
      'the default queue manager (no name) in the same container',
      script(
        `docker exec qm1 bash -c "echo '${DISABLE}' | runmqsc"\n`,
        `docker exec qm1 bash -c "echo '${OPTIONAL}' | runmqsc"\n`,
      ),
      { 'config.mqsc': mqsc(DISABLE, OPTIONAL) },
    ],
    [
      // ibm-messaging/mq-metric-samples@6ce6632 dspmqrtj/demo/crtClus.sh: `for qm in FR1 … PR4`, a heredoc per turn.
      "a loop's variable within one turn of the loop",
      script('for qm in QM1 QM2; do\n', echo(DISABLE, '$qm'), echo(AS_MQM, '$qm'), echo(OPTIONAL, '$qm'), 'done\n'),
      { 'config.mqsc': mqsc(DISABLE, AS_MQM, OPTIONAL) },
    ],
    [
      // read's quoted prompt is one word: the QM it mentions is not a name read sets.
      'a variable assigned once, and a read whose prompt names it',
      script('QM=QM1\n', 'read -r -p "Port of QM" PORT\n', echo(DISABLE, '$QM'), echo(AS_MQM, 'QM1')),
      { 'config.mqsc': mqsc(DISABLE, AS_MQM) },
    ],
    [
      // ibm-messaging/mq-metric-samples@6ce6632 crtClus.sh: an `if … else … fi` wholly between two heredocs to FR1.
      "an if's else between two inputs, the if closed before the second",
      script(
        echo(DISABLE, 'QM1'),
        'if [ -x /usr/bin/get0 ]; then\n  get=get0\nelse\n  get=amqsget\nfi\n',
        echo(AS_MQM, 'QM1'),
      ),
      { 'config.mqsc': mqsc(DISABLE, AS_MQM) },
    ],
    [
      // crtClus.sh: `for qm in FR1 FR2 …` disables CHLAUTH on each, then `runmqsc FR1 <<EOF` defines FR1's channels.
      "a loop's turns over literal names, each joined by the later inputs to its name",
      script('for qm in QM1 QM2\ndo\n', echo(DISABLE, '$qm'), 'done\n', echo(AS_MQM, 'QM1'), echo(OPTIONAL, 'QM2')),
      { 'qm1.mqsc': mqsc(DISABLE, AS_MQM), 'qm2.mqsc': mqsc(DISABLE, OPTIONAL) },
    ],
  ])('%s', (_name, text, asFile) => {
    const expected = mqVerdicts(asFile);
    expect(expected.length).toBeGreaterThan(0);
    expect(mqVerdicts({ 'mq-config.sh': text })).toEqual(expected);
  });

  it.each<[string, string, Tree]>([
    [
      'two queue managers',
      script(echo(DISABLE, 'QM1'), echo(AS_MQM, 'QM2'), echo(OPTIONAL, 'QM2')),
      { 'qm1.mqsc': mqsc(DISABLE), 'qm2.mqsc': mqsc(AS_MQM, OPTIONAL) },
    ],
    [
      'one name in two containers',
      script(
        `docker exec qm1 bash -c "echo '${DISABLE}' | runmqsc QM1"\n`,
        `docker exec qm2 bash -c "echo '${OPTIONAL}' | runmqsc QM1"\n`,
      ),
      { 'qm1.mqsc': mqsc(DISABLE), 'qm2.mqsc': mqsc(OPTIONAL) },
    ],
    [
      '$1 after shift',
      script(suEcho(DISABLE), 'shift\n', suEcho(OPTIONAL)),
      { 'qm1.mqsc': mqsc(DISABLE), 'qm2.mqsc': mqsc(OPTIONAL) },
    ],
    [
      'a variable assigned again in between',
      script('for qm in QM1 QM2; do\n', echo(DISABLE, '$qm'), 'done\n', 'qm=$(hostname)\n', echo(OPTIONAL, '$qm')),
      { 'qm1.mqsc': mqsc(DISABLE), 'qm2.mqsc': mqsc(OPTIONAL) },
    ],
    [
      'the two branches of an if',
      script('if [ -n "$TLS" ]; then\n', echo(DISABLE, 'QM1'), 'else\n', echo(OPTIONAL, 'QM1'), 'fi\n'),
      { 'qm1.mqsc': mqsc(DISABLE), 'qm2.mqsc': mqsc(OPTIONAL) },
    ],
    [
      '$1 of two shell functions',
      script('open() {\n', echo(DISABLE, '$1'), '}\n', 'weaken() {\n', echo(OPTIONAL, '$1'), '}\n'),
      { 'qm1.mqsc': mqsc(DISABLE), 'qm2.mqsc': mqsc(OPTIONAL) },
    ],
    [
      "a $1 the inner shell of su -c '…' expands",
      script(`su mqm -c 'echo "${DISABLE}" | runmqsc $1'\n`, `su mqm -c 'echo "${OPTIONAL}" | runmqsc $1'\n`),
      { 'qm1.mqsc': mqsc(DISABLE), 'qm2.mqsc': mqsc(OPTIONAL) },
    ],
    [
      // The loop sets qm at each turn; after `done` it is what the last turn left: another queue manager than the others.
      "a loop's variable inside the loop and after it",
      script('for qm in QM1 QM2; do\n', echo(AS_MQM, '$qm'), 'done\n', echo(DISABLE, '$qm')),
      { 'qm1.mqsc': mqsc(AS_MQM), 'qm2.mqsc': mqsc(DISABLE) },
    ],
    [
      // `read PORT QM` sets QM too: not the QMDEF assigned once above the loop.
      'the second name of read, assigned once before the loop',
      script(
        'QM=QMDEF\n',
        'while read -r PORT QM; do\n',
        echo(AS_MQM, '$QM'),
        'done < qmgrs.txt\n',
        echo(DISABLE, '$QM'),
      ),
      { 'qm1.mqsc': mqsc(AS_MQM), 'qm2.mqsc': mqsc(DISABLE) },
    ],
    [
      // A list that expands is known only when the script runs: its input joins no name.
      "a loop over a variable's words",
      script('for qm in $QMGRS; do\n', echo(DISABLE, '$qm'), 'done\n', echo(AS_MQM, 'QM1')),
      { 'qm1.mqsc': mqsc(DISABLE), 'qm2.mqsc': mqsc(AS_MQM) },
    ],
  ])('stay apart: %s', (_name, text, asFiles) => {
    const expected = mqVerdicts(asFiles);
    expect(expected.length).toBeGreaterThan(0);
    expect(mqVerdicts({ 'mq-config.sh': text })).toEqual(expected);
  });

  // crtClus.sh: `(dltmqm $qm; crtmqm -lf 64 $qm) >/dev/null` in each turn creates the queue manager it configures: its
  // records are the defaults and the tree's, so an override of the *MQADMIN block admits mqm for certain (an error);
  // on a queue manager the tree may not create, another record (a back-stop) may still refuse it (a hedged warning).
  const OVERRIDE = "SET CHLAUTH('TO.*') TYPE(BLOCKUSER) USERLIST('nobody')";
  const RECEIVER = 'DEFINE CHANNEL(TO.QM1) CHLTYPE(RCVR) TRPTYPE(TCP)';
  const turns = (create: string) =>
    script(
      'for qm in QM1 QM2; do\n',
      create,
      `  runmqsc $qm <<EOF\n${OVERRIDE}\nEOF\n`,
      'done\n',
      `runmqsc QM1 <<EOF\n${RECEIVER}\nEOF\n`,
    );
  it.each<[string, string, string]>([
    ['crtmqm $qm in the turn', turns('  (dltmqm $qm; crtmqm -lf 64 $qm) >/dev/null 2>&1\n'), 'error'],
    ['crtmqm of the literal name before the loop', `crtmqm QM1\n${turns('')}`, 'error'],
    ['no crtmqm', turns(''), 'warning'],
    ['crtmqm of another queue manager', turns('  crtmqm QM3\n'), 'warning'],
  ])('a queue manager a loop creates has only the tree records: %s', (_name, text, severity) => {
    const verdicts = mqVerdicts({ 'crt.sh': text }).filter((v) => v.startsWith('mq/channel-runs-as-admin'));
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]).toContain(`channel-runs-as-admin ${severity}: RCVR channel TO.QM1`);
    expect(verdicts[0]!.includes('assuming')).toBe(severity === 'warning');
  });

  it("reports a loop's MQSC once, though it runs on each queue manager of the loop", () => {
    const define = 'DEFINE CHANNEL(TO.\\$qm) CHLTYPE(RCVR) TRPTYPE(TCP)';
    const text = script(
      'for qm in QM1 QM2; do\n',
      echo(define, '$qm'),
      'done\n',
      echo(REFRESH, 'QM1'),
      echo(REFRESH, 'QM2'),
    );
    const verdicts = mqVerdicts({ 'loop.sh': text });
    expect(verdicts.filter((v) => v.startsWith('mq/channel-without-tls'))).toHaveLength(1);
  });

  it('locates each finding at the script line that writes it', () => {
    const root = writeTree({
      'mq-config.sh': script(suEcho(DISABLE), suEcho(AS_MQM), suEcho(OPTIONAL), suEcho(REFRESH)),
    });
    try {
      const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
      const placed = result.findings.map((f) => `${f.ruleId} ${f.location.range?.start.line}`).sort();
      // Zero-based: the lines of `ALTER QMGR CHLAUTH(DISABLED)`, `… MCAUSER('mqm')` (an ALTER of the shipped
      // SYSTEM.DEF.SVRCONN keeps its other attributes as shipped: it runs as mqm) and `… CHCKCLNT(OPTIONAL)`.
      expect(placed).toEqual(['mq/channel-runs-as-admin 3', 'mq/chlauth-disabled 2', 'mq/connauth-disabled 4']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
