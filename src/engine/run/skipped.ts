import type { Finding } from '../../core/types';

/** The `parse/*` findings that mean "this file was recognised, or could have been, but not read", with a short reason. */
const UNREAD: Record<string, string> = {
  'parse/file-too-large': 'over the size limit',
  'parse/unreadable-file': 'cannot be read',
  'parse/binary-file': 'binary content',
  'parse/invalid-encoding': 'unknown encoding',
  'parse/not-a-regular-file': 'not a regular file',
  'parse/broken-symlink': 'broken symbolic link',
  'parse/symlink-outside-deployment': 'link out of the deployment',
  'parse/unreadable-directory': 'unreadable directory',
};

export interface SkippedFile {
  /** Absolute path. */
  file: string;
  reason: string;
}

/**
 * Every file not read, from the findings that say so (before `--quiet` or a baseline hides any):
 * the report's summary names them all (`summary.skipped`, the stylish summary line), so nothing is
 * dropped silently even when its finding is an info.
 */
export function skippedFiles(findings: readonly Finding[]): SkippedFile[] {
  const seen = new Set<string>();
  const out: SkippedFile[] = [];
  for (const f of findings) {
    const reason = UNREAD[f.ruleId];
    if (!reason || seen.has(f.location.file)) continue;
    seen.add(f.location.file);
    out.push({ file: f.location.file, reason });
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
