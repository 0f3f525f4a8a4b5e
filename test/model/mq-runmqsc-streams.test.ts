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
  ])('stay apart: %s', (_name, text, asFiles) => {
    const expected = mqVerdicts(asFiles);
    expect(expected.length).toBeGreaterThan(0);
    expect(mqVerdicts({ 'mq-config.sh': text })).toEqual(expected);
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
