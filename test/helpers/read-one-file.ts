import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readDocuments } from '../../src/engine/run/read';
import type { ParsedDocument } from '../../src/parse/types';

/** Reads one file (`name` may hold directories) written to a temp dir; returns its documents. */
export function readOneFile(name: string, text: string): ParsedDocument[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-embedded-'));
  try {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return readDocuments([file]).documents;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
