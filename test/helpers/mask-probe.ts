/**
 * The audit behind test/engine/message-words.test.ts, over every rule's test trees: loaded with
 * `MASK_PROBE_OUT=<file> npx jest --setupFiles=./test/helpers/mask-probe.ts test/rules`, it appends one JSON line per
 * word of ours a rule gives a message as a plain string, which a password equal to that word would turn into `***`
 * (./plain-words.ts). Without MASK_PROBE_OUT it does nothing.
 */
import * as fs from 'node:fs';

const out = process.env.MASK_PROBE_OUT;

if (out)
  jest.mock('../../src/engine/run/run-rules', () =>
    (jest.requireActual('./plain-words') as typeof import('./plain-words')).probedRunRules(
      jest.requireActual('../../src/engine/run/run-rules'),
      (lost) => fs.appendFileSync(out, JSON.stringify(lost) + '\n'),
    ),
  );
