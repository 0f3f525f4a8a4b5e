/**
 * Re-records test/handshake/cases.json: runs each named case through the real stacks and stores the outcome.
 * Usage: esbuild test/interop/record-cases.ts --bundle --platform=node --outfile=dist/record-cases.js && node dist/record-cases.js
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LabSide, startLab } from './stacks';

interface NamedCase {
  name: string;
  note?: string;
  client: LabSide;
  server: LabSide;
  real?: unknown;
  jvmDisabled?: unknown;
}

async function main(): Promise<void> {
  const file = path.resolve(process.argv[2] ?? 'test/handshake/cases.json');
  const cases = JSON.parse(fs.readFileSync(file, 'utf8')) as { jvmDisabled?: unknown; cases: NamedCase[] };
  const lab = await startLab();
  try {
    for (const c of cases.cases) c.real = await lab.run(c.client, c.server);
    cases.jvmDisabled = lab.jvmDisabled;
    fs.writeFileSync(file, JSON.stringify(cases, null, 1) + '\n');
  } finally {
    await lab.close();
  }
}
void main();
