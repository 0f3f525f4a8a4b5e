import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readDocuments } from '../../src/engine/run/read';
import { failurePathStart } from '../../src/parse/shell-failure-path';

// isalkovic/cp4i-mq-samples@72d93b9 (Apache-2.0) 18-monitorPrometheus/deploy-qm18-qmgr.sh, shortened: the success
// branch exits, so the TLS ccdt.json below it is written only when the queue manager did not start.
const SCRIPT = [
  '#!/bin/bash',
  'oc apply -f qm18-qmgr.yaml',
  'if [ $phase == Running ]',
  '   then echo Queue Manager qm18 is ready;',
  '   exit;',
  'fi',
  '',
  'echo "*** Queue Manager qm18 is not ready ***"',
  'cat > ccdt.json << EOF',
  '{ "channel": [ { "name": "QM18CHL", "type": "clientConnection",',
  '  "transmissionSecurity": { "cipherSpecification": "ANY_TLS12_OR_HIGHER" } } ] }',
  'EOF',
  '',
  'exit 1',
  '',
];

describe('the failure path of a script: what runs only when the deployment failed', () => {
  it.each([
    ['`then …; exit;` on its own line, `fi` below, `exit 1` last', SCRIPT, 6],
    [
      '`exit 0` then `fi`, comments after `exit 2`',
      ['if ok; then', '  exit 0', 'fi', 'cat > a.mqsc <<EOF', 'EOF', 'exit 2 # failed', '# end'],
      3,
    ],
    ['one line: `if ok; then exit; fi`', ['if ok; then exit; fi', 'cat > a.mqsc <<EOF', 'EOF', 'exit 1'], 1],
    // `break` (01-tls of the same samples) leaves the loop and goes on: the CCDT is written on success.
    [
      'the branch breaks instead of exiting',
      ['if ok; then', '  break;', 'fi', 'cat > ccdt.json <<EOF', 'EOF', 'exit 1'],
      undefined,
    ],
    [
      'the script ends with `exit 0`',
      ['if ok; then', '  exit', 'fi', 'cat > a.mqsc <<EOF', 'EOF', 'exit 0'],
      undefined,
    ],
    [
      'an exit that ends no `if` branch (a usage function)',
      ['usage() { echo use; exit', '}', 'cat > a.mqsc <<EOF', 'EOF', 'exit 1'],
      undefined,
    ],
  ])('%s', (_, lines, expected) => expect(failurePathStart(lines)).toBe(expected));

  it('a CCDT written there is not read; one written before the success exit is', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-failure-path-'));
    try {
      const file = path.join(dir, 'deploy-qm18-qmgr.sh');
      fs.writeFileSync(file, SCRIPT.join('\n'));
      // The script is recorded as one that may place files (src/parse/script-file-placements.ts): no CCDT.
      expect(readDocuments([file]).documents.map((d) => d.kind)).toEqual(['script.shell']);
      const moved = [...SCRIPT.slice(0, 2), ...SCRIPT.slice(8, 12), ...SCRIPT.slice(2, 8), ...SCRIPT.slice(12)];
      fs.writeFileSync(file, moved.join('\n'));
      expect(readDocuments([file]).documents.map((d) => d.kind)).toEqual(['script.shell', 'mq.ccdt']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
