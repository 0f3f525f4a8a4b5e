/**
 * The shell lines of a CI file's steps: a GitHub Actions workflow's `run:` (https://docs.github.com/en/actions/reference/
 * workflows-and-actions/workflow-syntax#jobsjob_idstepsrun) and a GitLab CI job's `script:`, `before_script:` and
 * `after_script:` items (https://docs.gitlab.com/ci/yaml/#script), as the file's text with everything else blanked:
 * every character stays at its offset, so the shell's words keep their places in the YAML file. A literal block
 * (`run: |`) keeps its lines; a folded block (`>`) and a plain scalar over several lines are joined with spaces, as YAML
 * reads them (YAML 1.2 §6.5, §8.1.3). A quoted scalar is not read (its escapes move characters). An Actions expression
 * (`${{ secrets.PW }}`), which the runner fills in before the shell runs, is left as a value only the run knows.
 */
import * as path from 'node:path';

const WORKFLOW = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/;
const GITLAB_CI = /(?:^|\/)(?:[^/]*\.)?gitlab-ci\.ya?ml$/;

/** A step's key whose value is shell lines: `run:` of Actions, GitLab's script keys. */
const ACTIONS_KEY = /^(\s*)(-\s+)?run\s*:(?:\s+(.*?))?\s*$/;
const GITLAB_KEY = /^(\s*)(-\s+)?(?:before_|after_)?script\s*:(?:\s+(.*?))?\s*$/;
const ITEM = /^(\s*)-\s+(.*?)\s*$/;
const BLOCK = /^[|>][-+0-9]*\s*(#.*)?$/;
const NOTHING = /^\s*(#.*)?$/;

export interface CiSteps {
  /** The file's text with only the steps' shell lines kept (same length, same line breaks). */
  text: string;
  /**
   * Where the steps run: the repository's top directory (an Actions workflow's checkout, a GitLab job's project
   * directory); undefined when a `working-directory:` may move them.
   */
  directory: string | undefined;
}

/** The shell lines of a CI file's steps, when the file is a GitHub Actions workflow or a GitLab CI file. */
export function ciSteps(file: string, text: string): CiSteps | undefined {
  const posix = file.split('\\').join('/');
  const actions = WORKFLOW.test(posix);
  if (!actions && !GITLAB_CI.test(posix)) return undefined;
  const lines = text.split('\n');
  const kept = lines.map((l) => ' '.repeat(l.length));
  /** Whether the line break after line `k` is a space (a folded or plain scalar's lines). */
  const joined = new Set<number>();
  const keep = (k: number, from: number) => {
    kept[k] = ' '.repeat(from) + lines[k]!.slice(from);
  };
  for (let i = 0; i < lines.length; i++) {
    const key = (actions ? ACTIONS_KEY : GITLAB_KEY).exec(lines[i]!);
    if (!key) continue;
    const indent = key[1]!.length;
    const value = key[3];
    if (value !== undefined && !BLOCK.test(value)) {
      const from = lines[i]!.indexOf(value, lines[i]!.indexOf(':') + 1);
      if (!/^["'[{]/.test(value)) i = plainScalar(lines, i, from, indent, keep, joined);
      continue;
    }
    if (value !== undefined) {
      i = blockScalar(lines, i, indent, value.startsWith('>'), keep, joined);
      continue;
    }
    // GitLab: the key's list (`script:` then `- docker run …` items).
    if (actions) continue;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (NOTHING.test(line)) continue;
      const item = ITEM.exec(line);
      if (!item || item[1]!.length < indent) break;
      const itemIndent = item[1]!.length;
      const itemValue = item[2]!;
      if (BLOCK.test(itemValue)) j = blockScalar(lines, j, itemIndent, itemValue.startsWith('>'), keep, joined);
      else if (!/^["'[{]/.test(itemValue))
        j = plainScalar(lines, j, line.indexOf(itemValue, itemIndent + 1), itemIndent, keep, joined);
    }
    i = j - 1;
  }
  let out = kept.map((l, k) => l + (k < lines.length - 1 ? (joined.has(k) ? ' ' : '\n') : '')).join('');
  // `${{ … }}`: the runner's expression, same length, read as a variable the run fills in.
  if (actions) out = out.replace(/\$\{\{[^}\n]*\}\}/g, (e) => `$${'_'.repeat(e.length - 1)}`);
  return {
    text: out,
    // A `cd` or a step's `working-directory:` moves where later commands run: which directory is not followed.
    directory:
      /\bworking-directory\s*:/.test(text) || /(?:^|[\s;&|(])cd\s/.test(out)
        ? undefined
        : actions
          ? path.dirname(path.dirname(path.dirname(file)))
          : path.dirname(file),
  };
}

/**
 * Keeps a plain scalar that starts on line `i` at column `from`, and its continuation lines (more indented than
 * `indent`), joined with spaces; returns its last line.
 */
function plainScalar(
  lines: readonly string[],
  i: number,
  from: number,
  indent: number,
  keep: (k: number, from: number) => void,
  joined: Set<number>,
): number {
  keep(i, from);
  let last = i;
  for (let j = i + 1; j < lines.length; j++) {
    const line = lines[j]!;
    if (line.trim() === '') break;
    const lineIndent = line.length - line.trimStart().length;
    if (lineIndent <= indent || /^\s*#/.test(line)) break;
    keep(j, lineIndent);
    for (let k = last; k < j; k++) joined.add(k);
    last = j;
  }
  return last;
}

/** Keeps a block scalar's body (lines more indented than `indent`) after its key on line `i`; returns its last line. */
function blockScalar(
  lines: readonly string[],
  i: number,
  indent: number,
  folded: boolean,
  keep: (k: number, from: number) => void,
  joined: Set<number>,
): number {
  let last = i;
  let bodyIndent = -1;
  for (let j = i + 1; j < lines.length; j++) {
    const line = lines[j]!;
    if (line.trim() === '') continue;
    const lineIndent = line.length - line.trimStart().length;
    if (lineIndent <= indent) break;
    if (bodyIndent < 0) bodyIndent = lineIndent;
    keep(j, lineIndent);
    // A folded block joins two text lines with a space unless one is more indented (YAML 1.2 §8.1.3).
    const previousIndent = lines[last]!.length - lines[last]!.trimStart().length;
    if (folded && last > i && j === last + 1 && lineIndent === bodyIndent && previousIndent === bodyIndent)
      joined.add(last);
    last = j;
  }
  return last;
}
