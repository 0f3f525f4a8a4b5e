/**
 * Dockerfile `COPY`/`ADD` and `WORKDIR` (https://docs.docker.com/reference/dockerfile/#copy): which paths of the
 * build context (or of an earlier stage) an instruction puts where in the image. Only what the text says: the
 * files themselves are found against the tree by ./image-files.ts.
 */
import * as path from 'node:path';
import type { Range } from '../core/types';

export interface DockerCopy {
  instruction: 'COPY' | 'ADD';
  /** The stage it belongs to, by index. */
  stage: number;
  /** The sources as written, build variables substituted (relative to the build context, or to `from`'s root). */
  sources: string[];
  /** The absolute destination in the image, a trailing `/` kept (it then names a directory). */
  destination?: string;
  /** Its sources and destination as written, variables not substituted (`$JAVA_HOME/lib/security/`). */
  written: string[];
  /** `--from=<stage name, index or image>` as written. */
  from?: string;
  /** Why the copy names no file of the build context it could be checked against (a URL, a build argument). */
  unknown?: string;
  /** The whole instruction. */
  range: Range;
  /** One-based line of the instruction (`Dockerfile:12`). */
  line: number;
}

/** Variables a stage's instructions may use: its `ARG`s (with the global defaults they re-declare) and `ENV`s. */
export type StageVariables = Record<string, string | undefined>;

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;

/**
 * `$VAR`, `${VAR}`, `${VAR:-word}`, `${VAR:+word}` with the stage's variables; undefined when one has no value
 * (given at build time: `--build-arg`, or the base image's `ENV`).
 */
export function substituteVariables(text: string, variables: StageVariables): string | undefined {
  let unknown = false;
  const out = text.replace(
    /\$\{([A-Za-z_]\w*)(?::?([-+])([^}]*))?\}|\$([A-Za-z_]\w*)/g,
    (_, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
      const value = variables[(braced ?? bare) as string];
      if (op === '-') return value || (word ?? '');
      if (op === '+') return value ? (word ?? '') : '';
      if (value === undefined) unknown = true;
      return value ?? '';
    },
  );
  return unknown ? undefined : out;
}

/** The working directory after `WORKDIR <dir>`: relative to the previous one; undefined when that is the base image's. */
export function nextWorkdir(rest: string, previous: string | undefined, variables: StageVariables): string | undefined {
  const written = unquote(rest.trim());
  const dir = substituteVariables(written, variables);
  if (dir === undefined || dir === '') return undefined;
  if (dir.startsWith('/')) return path.posix.normalize(dir);
  return previous === undefined ? undefined : path.posix.join(previous, dir);
}

/** `COPY [--from=…] [--chown=…] [--chmod=…] [--link] <src>… <dest>` or the JSON form `COPY ["<src>", …, "<dest>"]`. */
export function parseCopy(
  instruction: 'COPY' | 'ADD',
  rest: string,
  stage: number,
  workdir: string | undefined,
  variables: StageVariables,
  range: Range,
  line: number,
): DockerCopy {
  // Continuation lines are one instruction (the comment lines between them the parser has already blanked).
  let text = rest
    .replace(/\\\r?\n/g, ' ')
    .replace(/`\r?\n/g, ' ')
    .trim();
  const flags: Record<string, string> = {};
  for (let m = /^--([a-z-]+)(?:=(\S*))?\s+/.exec(text); m; m = /^--([a-z-]+)(?:=(\S*))?\s+/.exec(text)) {
    flags[m[1]!] = m[2] ?? '';
    text = text.slice(m[0].length);
  }
  // Docker reads the shell form's words with its shell lexer, quotes removed (`COPY --from=build "$HOME" "$HOME"`).
  const words = jsonWords(text) ?? text.split(/\s+/).filter(Boolean).map(unquote);
  const copy: DockerCopy = { instruction, stage, sources: [], written: words, range, line };
  if (flags['from'] !== undefined) copy.from = flags['from'];
  if (words.length < 2) return { ...copy, unknown: 'it names no source and destination' };
  if (words.some((w) => w.startsWith('<<'))) return { ...copy, unknown: 'its content is written in the Dockerfile' };
  const substituted = words.map((w) => substituteVariables(w, variables));
  if (substituted.some((w) => w === undefined))
    return { ...copy, unknown: 'a path uses a build argument or variable the Dockerfile gives no value' };
  const all = substituted as string[];
  const destination = all[all.length - 1]!;
  const sources = all.slice(0, -1);
  copy.sources = sources;
  if (instruction === 'ADD' && sources.some((s) => REMOTE.test(s) || (copy.from === undefined && ARCHIVE.test(s))))
    return { ...copy, unknown: 'ADD fetches a URL or extracts an archive' };
  if (destination.startsWith('/')) copy.destination = keepSlash(path.posix.normalize(destination), destination);
  else if (workdir !== undefined) copy.destination = keepSlash(path.posix.join(workdir, destination), destination);
  else return { ...copy, unknown: "its destination is relative to the base image's working directory" };
  return copy;
}

/**
 * The build-context paths a copy reads, as far as the text says them: its sources, or where a variable leaves the
 * destination unknown (`$JAVA_HOME/…` of the base image), the sources written without one. None for a copy from a
 * stage or image, a URL (REMOTE: also `git@…`) or a heredoc.
 */
export function contextSources(copy: DockerCopy): string[] {
  if (copy.from !== undefined) return [];
  const sources = copy.sources.length > 0 ? copy.sources : copy.written.slice(0, -1);
  return sources.some((s) => s.includes('$') || s.startsWith('<<') || REMOTE.test(s)) ? [] : sources;
}

function keepSlash(normalised: string, written: string): string {
  // `.`, `..` and a trailing `/` name a directory.
  return (written.endsWith('/') || /(^|\/)\.{1,2}$/.test(written)) && !normalised.endsWith('/')
    ? normalised + '/'
    : normalised;
}

function unquote(word: string): string {
  return /^(["']).*\1$/.test(word) ? word.slice(1, -1) : word;
}

/** The JSON (exec) form's words, when it is one. */
export function jsonWords(text: string): string[] | undefined {
  if (!text.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((w) => typeof w === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}
