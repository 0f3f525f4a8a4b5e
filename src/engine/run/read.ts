import * as fs from 'node:fs';
import type { Finding } from '../../core/types';
import { decodeFile } from '../../parse/text';
import { classifyFile } from '../../parse/registry';
import type { ParsedDocument } from '../../parse/types';

/** Files above this size are not parsed (configuration files are small; this bounds memory). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** How much of a file classification may look at. */
const HEAD_CHARS = 64 * 1024;

export interface ReadResult {
  documents: ParsedDocument[];
  /** Problems reading files (unreadable, binary, too large): findings with the file's location. */
  findings: Finding[];
}

/** Whether the first HEAD_CHARS bytes of a file classify it (for files too large to read whole). */
function classifiedByHead(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const head = Buffer.alloc(HEAD_CHARS);
    const read = fs.readSync(fd, head, 0, HEAD_CHARS, 0);
    const decoded = decodeFile(head.subarray(0, read));
    return decoded.ok && classifyFile(file, decoded.text) !== undefined;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Reads, decodes, classifies and parses files. Never throws: every problem is a finding. */
export function readDocuments(files: string[]): ReadResult {
  const documents: ParsedDocument[] = [];
  const findings: Finding[] = [];
  const fileFinding = (file: string, code: string, severity: Finding['severity'], message: string): void => {
    findings.push({ ruleId: `parse/${code}`, severity, message, location: { file }, fingerprint: `parse/${code}|${file}` });
  };
  for (const file of files) {
    // Whether the name alone says it is a configuration file: only asked when the file cannot be read.
    const byName = () => classifyFile(file, '');
    let bytes: Buffer;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) {
        // FIFOs, sockets, devices: never opened (reading a FIFO would block); named like a config, said so.
        if (byName()) fileFinding(file, 'not-a-regular-file', 'info', 'This is not a regular file: it is never opened');
        continue;
      }
      if (stat.size > MAX_FILE_BYTES) {
        // Named like a config, or whose first 64 KB look like one: said, never silently dropped.
        if (byName() || classifiedByHead(file)) fileFinding(file, 'file-too-large', 'warning', `File is ${Math.round(stat.size / 1048576)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for a configuration file: not checked`);
        continue;
      }
      bytes = fs.readFileSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      fileFinding(file, 'unreadable-file', byName() ? 'error' : 'warning', `Cannot read file (${code}): it is not checked`);
      continue;
    }
    const decoded = decodeFile(bytes);
    if (!decoded.ok) {
      if (byName()) fileFinding(file, decoded.reason === 'binary' ? 'binary-file' : 'invalid-encoding', 'error', `${decoded.message}; lint-deploy cannot check it`);
      continue;
    }
    const classified = classifyFile(file, decoded.text.slice(0, HEAD_CHARS));
    if (!classified) continue;
    const source = { path: file, text: decoded.text, hadBom: decoded.hadBom };
    try {
      documents.push(classified.handler.parse(source, classified.kind));
    } catch (error) {
      // A parser bug must not lose the other files' findings.
      fileFinding(file, 'parser-crash', 'error', `The ${classified.handler.id} parser failed on this file (${(error as Error).message}); please report it`);
    }
  }
  return { documents, findings };
}
