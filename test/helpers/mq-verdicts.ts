import * as fs from 'node:fs';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree, type Tree } from './rule-tester';

/** The MQ verdicts of a tree, without where they are: rule, severity and message, sorted. */
export function mqVerdicts(files: Tree): string[] {
  const root = writeTree(files);
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    return result.findings
      .filter((f) => f.ruleId.startsWith('mq/'))
      .map((f) => `${f.ruleId} ${f.severity}: ${f.message}`)
      .sort();
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
