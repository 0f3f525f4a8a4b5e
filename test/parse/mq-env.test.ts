/** MQ MQI client environment scripts (`export MQSSLKEYR=…`): the value as written, resolved where the script says. */
import { mqClientEnvFormat } from '../../src/parse/mq-env';
import { classifyFile } from '../../src/parse/registry';

const DIR_IDIOM = 'DIR="$( cd "$( dirname "${BASH_SOURCE[0]}" )" &> /dev/null && pwd )"';

/** [name, path, text, value as written, resolved (undefined: unknown), 1-based line, 1-based column of the value] */
const CASES: [string, string, string, string, string | undefined, number, number][] = [
  [
    'mq-helm getMessage.sh: the script-directory idiom resolves to the script directory',
    '/t/test/getMessage.sh',
    `#!/bin/bash\n${DIR_IDIOM}\nexport MQSSLKEYR="\${DIR}/../../genericresources/createcerts/application"\n`,
    '${DIR}/../../genericresources/createcerts/application',
    './../../genericresources/createcerts/application',
    3,
    19,
  ],
  [
    '$(dirname "$0") and $VAR without braces',
    '/t/run.sh',
    'HERE=$(dirname "$0")\nexport MQSSLKEYR=$HERE/keys/client\n',
    '$HERE/keys/client',
    './keys/client',
    2,
    18,
  ],
  [
    'a literal absolute path',
    '/t/run.sh',
    "MQSSLKEYR='/var/mqm/ssl/key'\n",
    '/var/mqm/ssl/key',
    '/var/mqm/ssl/key',
    1,
    12,
  ],
  [
    'a variable the script does not set: unknown',
    '/t/run.sh',
    'export MQSSLKEYR=$KEYDIR/key\n',
    '$KEYDIR/key',
    undefined,
    1,
    18,
  ],
  [
    'a variable set from a command: unknown',
    '/t/run.sh',
    'K=$(vault read key)\nexport MQSSLKEYR=$K\n',
    '$K',
    undefined,
    2,
    18,
  ],
  [
    'Windows batch: set',
    '/t/run.cmd',
    'set MQSSLKEYR=C:\\mq\\ssl\\key\r\n',
    'C:\\mq\\ssl\\key',
    'C:\\mq\\ssl\\key',
    1,
    15,
  ],
];

describe('MQ client environment scripts', () => {
  it.each(CASES)('%s', (_name, path, text, value, resolved, line, column) => {
    expect(classifyFile(path, text)?.kind).toBe('mq.client-env');
    const doc = mqClientEnvFormat.parse({ path, text, hadBom: false }, 'mq.client-env');
    const [assignment] = doc.data.assignments;
    expect(assignment).toMatchObject({ name: 'MQSSLKEYR', value });
    expect(assignment?.resolved).toBe(resolved);
    expect(assignment?.valueRange.start).toEqual({ line: line - 1, character: column - 1 });
    expect(doc.entries.map((e) => e.key)).toEqual(['MQSSLKEYR']);
  });

  it('a start script that also sets JVM options stays a JVM script; one without MQSSLKEYR is not read', () => {
    expect(classifyFile('/t/setenv.sh', 'export MQSSLKEYR=/k\nJAVA_OPTS=-Dx=1\n')?.kind).toBe('java.shell-env');
    expect(classifyFile('/t/run.sh', 'echo hello\n')).toBeUndefined();
  });

  it('the key repository password variable is never read', () => {
    const text = 'export MQKEYRPWD=s3cret\nexport MQSSLKEYR=/k\n';
    const doc = mqClientEnvFormat.parse({ path: '/t/run.sh', text, hadBom: false }, 'mq.client-env');
    expect(JSON.stringify({ entries: doc.entries, data: doc.data })).not.toContain('s3cret');
  });
});
