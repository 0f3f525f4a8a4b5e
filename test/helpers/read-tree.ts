import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readDocuments, type ReadResult } from '../../src/engine/run/read';

/** Reads a tree of files written to a temp dir (names relative to it); `pick` takes what it needs before it goes. */
export function readTree<T>(files: Record<string, string>, pick: (read: ReadResult, dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-tree-'));
  try {
    const paths = Object.entries(files).map(([name, text]) => {
      const file = path.join(dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      return file;
    });
    return pick(readDocuments(paths), dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
