import * as fs from 'node:fs';
import { decodeFile } from '../../parse/text';
import { classifyFile, neverConfiguration } from '../../parse/registry';
import { HEAD_CHARS } from './read-followed';

/**
 * Whether a file's bytes can give nothing: no format reads its name (src/parse/registry.ts neverConfiguration), no
 * `#!` (a script), no `java.security.properties` (a command line in a source or a README names an override file to
 * read). Not decoded nor scanned: eugenp/tutorials@2430217 holds 25,000 Java sources among 35,000 files.
 */
export function nothingToRead(file: string, bytes: Buffer): boolean {
  return (
    neverConfiguration(file) && !(bytes[0] === 0x23 && bytes[1] === 0x21) && !bytes.includes('java.security.properties')
  );
}

/** Whether the first HEAD_CHARS bytes of a file classify it (for files too large to read whole). */
export function classifiedByHead(file: string): boolean {
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
