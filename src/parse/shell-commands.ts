/**
 * A shell command line as bash(1) splits it into tokens, each with its offsets in the file: words (quotes removed,
 * escapes applied, expansions kept as written), control operators and redirections. What it follows, from bash(1):
 * - QUOTING: `\c` keeps c (a backslash-newline is removed: a continued line); `'…'` keeps everything; `"…"` keeps
 *   everything but `\$`, `` \` ``, `\"`, `\\` and backslash-newline; `$'…'` applies ANSI-C escapes; `$"…"` is `"…"`.
 * - Words end at an unquoted blank or metacharacter (`| & ; ( ) < >`, newline); `$(…)`, `${…}`, `` `…` ``, `<(…)`
 *   stay inside their word however they are spaced or quoted. A word that starts with `#` starts a comment.
 * - "Lists" / "Pipelines": `&&`, `||`, `;`, `&` (run in the background), `|`, `|&` and a newline end a command.
 * - REDIRECTION: `[n]<`, `[n]>`, `[n]>|`, `[n]>>`, `[n]<>`, `[n]<&`, `[n]>&`, `&>`, `&>>`, `[n]<<[-]`, `[n]<<<`
 *   (n: digits, or `{name}`, written right before the operator), each followed by its word; a here-document's lines
 *   come after the line's end, up to the delimiter.
 * Not a shell: nothing expands, no alias, no keyword grammar (`if`, `for` are words).
 * Windows cmd (`.bat`/`.cmd`) differs: `^` escapes, `"` quotes, a backslash is a path separator.
 */
import { closing, nestedEnd, readAnsiC, readDoubleQuoted } from './shell-quoting';

/** A word, unquoted: `text[i]` was written at `offsets[i]` of the file. */
export interface ShellWord {
  kind: 'word';
  text: string;
  offsets: number[];
  /** The word as written, quotes included: `[start, end)`. */
  start: number;
  end: number;
  /** Some of it was quoted or escaped (a quoted `'#'` is no comment, `"-c"` still an option). */
  quoted: boolean;
  /** Some of it is unquoted or double-quoted: there the shell expands `$…` and `` `…` `` (kept as written here). */
  expands: boolean;
  /** A backslash outside single quotes (an escape applied, or one double quotes keep), or `$'…'`'s escapes. */
  escapes: boolean;
  /** A `` `…` `` command substitution outside single quotes. */
  backquotes: boolean;
  /** A quote the text ends before closing. */
  unclosed: boolean;
}

/** A control operator: `&&`, `||`, `;`, `;;`, `&`, `|`, `|&`, `(`, `)` or a newline (`\n`). */
export interface ShellOperator {
  kind: 'operator';
  text: string;
  start: number;
  end: number;
}

export interface ShellRedirection {
  kind: 'redirection';
  /** The descriptor written before the operator (`2` of `2>&1`); undefined for the operator's default. */
  descriptor?: string;
  /** The operator (`>`, `>>`, `<`, `<<`, `>&`, `&>`, …). */
  operator: string;
  /** Its word (a file, a descriptor, a here-document's delimiter); undefined when the line ends first. */
  target?: ShellWord;
  /** A here-document's lines (`<<EOF` … `EOF`), delimiter excluded. */
  hereDocument?: { text: string; start: number; end: number };
  start: number;
  end: number;
}

export type ShellToken = ShellWord | ShellOperator | ShellRedirection;

export interface ShellSyntax {
  /** Windows cmd: `^` escapes the next character, `"` quotes, `\`, `'`, `$` and `#` are ordinary characters. */
  cmd?: boolean;
}

const REDIRECTION = /^(\d+|\{[A-Za-z_]\w*\})?(&>>|&>|<<<|<<-|<<|<>|<&|>&|>>|>\||<|>)/;
const OPERATOR = /^(&&|\|\||;;&|;;|;&|\|&|[|&;()\n])/;

/** The tokens of `text[start, end)`. */
export function shellTokens(text: string, start = 0, end = text.length, syntax: ShellSyntax = {}): ShellToken[] {
  const tokens: ShellToken[] = [];
  const pending: ShellRedirection[] = [];
  const blank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v';
  let i = start;
  /** A backslash-newline (sh) between tokens is nothing. */
  const continuation = () =>
    !syntax.cmd && text[i] === '\\' && (text[i + 1] === '\n' || text.startsWith('\r\n', i + 1));
  const skipBlanks = () => {
    for (;;) {
      if (blank(text[i]) && i < end) i++;
      else if (continuation() && i + 1 < end) i += text[i + 1] === '\r' ? 3 : 2;
      else return;
    }
  };
  while (i < end) {
    skipBlanks();
    if (i >= end) break;
    const rest = text.slice(i, Math.min(end, i + 40));
    if (text[i] === '#' && !syntax.cmd) {
      while (i < end && text[i] !== '\n') i++;
      continue;
    }
    if (text[i] === '\n') {
      tokens.push({ kind: 'operator', text: '\n', start: i, end: i + 1 });
      i++;
      for (const redirection of pending.splice(0)) i = readHereDocument(text, i, end, redirection);
      continue;
    }
    const redirection = REDIRECTION.exec(rest);
    if (redirection && !(syntax.cmd && redirection[2]!.startsWith('&')) && text[i + redirection[0].length] !== '(') {
      const token: ShellRedirection = {
        kind: 'redirection',
        ...(redirection[1] !== undefined && { descriptor: redirection[1] }),
        operator: redirection[2]!,
        start: i,
        end: i + redirection[0].length,
      };
      i = token.end;
      skipBlanks();
      const target =
        i < end && !OPERATOR.test(text[i]!) && !/[<>]/.test(text[i]!) ? readWord(text, i, end, syntax) : undefined;
      if (target) {
        token.target = target;
        token.end = target.end;
        i = target.end;
      }
      if (/^<<-?$/.test(token.operator) && target) pending.push(token);
      tokens.push(token);
      continue;
    }
    const operator = OPERATOR.exec(rest);
    if (operator) {
      tokens.push({ kind: 'operator', text: operator[0], start: i, end: i + operator[0].length });
      i += operator[0].length;
      continue;
    }
    const word = readWord(text, i, end, syntax);
    tokens.push(word);
    i = Math.max(word.end, i + 1);
  }
  return tokens;
}

/** The word that starts at `from` (not a blank, not an operator). */
function readWord(text: string, from: number, end: number, syntax: ShellSyntax): ShellWord {
  const word: ShellWord = {
    kind: 'word',
    text: '',
    offsets: [],
    start: from,
    end: from,
    quoted: false,
    expands: false,
    escapes: false,
    backquotes: false,
    unclosed: false,
  };
  const add = (c: string, at: number) => {
    word.text += c;
    word.offsets.push(at);
  };
  const copy = (a: number, b: number) => {
    for (let k = a; k < b; k++) add(text[k]!, k);
  };
  /** A part quoted with `quote` (nothing escaped inside), from the opening quote at `at`: the offset past it. */
  const literal = (at: number, quote: string) => {
    word.quoted = true;
    const close = closing(text, at + 1, end, quote);
    copy(at + 1, Math.min(close, end));
    word.unclosed ||= close >= end;
    return close + 1;
  };
  let i = from;
  while (i < end) {
    const c = text[i]!;
    if (syntax.cmd) {
      if (c === '^' && i + 1 < end) {
        word.quoted = true;
        add(text[i + 1]!, i + 1);
        i += 2;
      } else if (c === '"') i = literal(i, '"');
      else if (/[\s|&<>]/.test(c)) break;
      else {
        word.expands = true;
        add(c, i++);
      }
      continue;
    }
    if (/[ \t\r\n|&;()<>]/.test(c)) {
      // `<(…)`, `>(…)`: a process substitution is a word.
      if (!((c === '<' || c === '>') && text[i + 1] === '(')) break;
      const close = nestedEnd(text, i + 2, end, ')');
      word.expands = true;
      copy(i, close);
      i = close;
    } else if (c === '\\') {
      if (text[i + 1] === '\n') i += 2;
      else if (text.startsWith('\r\n', i + 1)) i += 3;
      else {
        word.quoted = word.escapes = true;
        if (i + 1 < end) add(text[i + 1]!, i + 1);
        i += 2;
      }
    } else if (c === "'") i = literal(i, "'");
    else if (c === '$' && text[i + 1] === "'") {
      word.quoted = word.escapes = true;
      i = readAnsiC(text, i + 2, end, add);
      word.unclosed ||= i > end;
    } else if (c === '"' || (c === '$' && text[i + 1] === '"')) {
      word.quoted = word.expands = true;
      i = readDoubleQuoted(text, c === '$' ? i + 2 : i + 1, end, add, word);
      word.unclosed ||= i > end;
    } else if ((c === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) || c === '`') {
      const close =
        c === '`' ? closing(text, i + 1, end, '`') + 1 : nestedEnd(text, i + 2, end, text[i + 1] === '(' ? ')' : '}');
      word.expands = true;
      word.backquotes ||= c === '`';
      copy(i, Math.min(close, end));
      i = close;
    } else {
      word.expands = true;
      add(c, i++);
    }
  }
  word.end = Math.min(i, end);
  return word;
}

/** Reads a here-document's lines from `from` (a line's start) up to its delimiter's line; returns the offset past it. */
function readHereDocument(text: string, from: number, end: number, redirection: ShellRedirection): number {
  const delimiter = redirection.target!.text;
  const stripTabs = redirection.operator === '<<-';
  let k = from;
  while (k < end) {
    const eol = text.indexOf('\n', k);
    const lineEnd = eol < 0 || eol > end ? end : eol;
    const line = text.slice(k, lineEnd).replace(/\r$/, '');
    if ((stripTabs ? line.replace(/^\t+/, '') : line) === delimiter) {
      redirection.hereDocument = { text: text.slice(from, k), start: from, end: k };
      return Math.min(end, lineEnd + 1);
    }
    k = lineEnd + 1;
  }
  redirection.hereDocument = { text: text.slice(from, end), start: from, end };
  return end;
}

/** One simple command: its words and redirections in the order written, and what ends it. */
export interface ShellCommand {
  words: ShellWord[];
  redirections: ShellRedirection[];
  /** The operator after it (`|` feeds the next command); undefined at the end. */
  next?: string;
  /** The command whose `-c` string this command is part of (`su - mqm -c "runmqsc QM < f"`). */
  runBy?: ShellCommand;
}

/** Commands that run their `-c` argument as a shell command line. */
const RUNS_SCRIPT = /^(sh|bash|dash|ash|ksh|zsh|su|runuser)$/;

/**
 * The simple commands of `text[start, end)`, in order. The command line a shell runs with `-c` (`sh -c "…"`,
 * `su - app -c "…"`, `runuser -l app -c "…"`) follows the command that runs it, its words at their file offsets.
 */
export function shellCommands(text: string, start = 0, end = text.length, syntax: ShellSyntax = {}): ShellCommand[] {
  return commandsOf(shellTokens(text, start, end, syntax), syntax);
}

function commandsOf(tokens: readonly ShellToken[], syntax: ShellSyntax, runBy?: ShellCommand): ShellCommand[] {
  const commands: ShellCommand[] = [];
  /** Scripts follow the pipeline of the command that runs them. */
  const scripts: ShellCommand[] = [];
  let command: ShellCommand = { words: [], redirections: [], ...(runBy && { runBy }) };
  const close = (next?: string) => {
    if (command.words.length > 0 || command.redirections.length > 0) {
      if (next !== undefined) command.next = next;
      commands.push(command);
      scripts.push(...scriptsOf(command, syntax));
    }
    if (next !== '|' && next !== '|&') commands.push(...scripts.splice(0));
    command = { words: [], redirections: [], ...(runBy && { runBy }) };
  };
  for (const token of tokens)
    if (token.kind === 'word') command.words.push(token);
    else if (token.kind === 'redirection') command.redirections.push(token);
    else close(token.text);
  close();
  return commands;
}

/** The commands of the `-c` string a shell, su or runuser runs. */
function scriptsOf(command: ShellCommand, syntax: ShellSyntax): ShellCommand[] {
  if (syntax.cmd) return [];
  const words = command.words;
  const runner = words.findIndex((w) => RUNS_SCRIPT.test(w.text.replace(/^.*\//, '')));
  if (runner < 0) return [];
  const at = words.findIndex((w, k) => k > runner && /^-[a-z]*c$/.test(w.text));
  const script = at < 0 ? undefined : words[at + 1];
  if (!script) return [];
  const tokens = shellTokens(script.text, 0, script.text.length).map((t) => atOffsets(t, script.offsets));
  return commandsOf(tokens, syntax, command);
}

/** A token of a word's text moved to the file offsets of the word's characters. */
function atOffsets<T extends ShellToken>(token: T, offsets: readonly number[]): T {
  const at = (k: number) => offsets[Math.min(k, offsets.length - 1)]! + (k >= offsets.length ? 1 : 0);
  const startEnd = { start: at(token.start), end: at(token.end - 1) + 1 };
  if (token.kind === 'word') return { ...token, ...startEnd, offsets: token.offsets.map(at) };
  if (token.kind === 'redirection')
    return {
      ...token,
      ...startEnd,
      ...(token.target && { target: atOffsets(token.target, offsets) }),
      ...(token.hereDocument && {
        hereDocument: {
          ...token.hereDocument,
          start: at(token.hereDocument.start),
          end: at(token.hereDocument.end - 1) + 1,
        },
      }),
    };
  return { ...token, ...startEnd };
}

/** A redirection as words: its operator (with its descriptor) and its target. */
function redirectionWords(redirection: ShellRedirection): string[] {
  const operator = (redirection.descriptor ?? '') + redirection.operator;
  return redirection.target ? [operator, redirection.target.text] : [operator];
}

/**
 * A shell line (a Dockerfile `RUN`) as the commands it runs, each as its words: split at `&&`, `||`, `;`, `&` and
 * newlines; the commands of a pipeline stay together with `|` as a word between them; a redirection is its
 * operator as a word (`>`, `>>`, `<`, `2>&`) then its target. Enough to read what a command does to a file.
 */
export function simpleCommands(text: string): string[][] {
  const out: string[][] = [];
  let pipeline: string[] = [];
  for (const command of shellCommands(text)) {
    pipeline.push(...orderedWords(command));
    if (command.next === '|' || command.next === '|&') pipeline.push('|');
    else {
      out.push(pipeline);
      pipeline = [];
    }
  }
  if (pipeline.length > 0) out.push(pipeline);
  return out.filter((c) => c.length > 0);
}

/** A command's words and redirections as words, in the order written. */
function orderedWords(command: ShellCommand): string[] {
  const tokens: (ShellWord | ShellRedirection)[] = [...command.words, ...command.redirections].sort(
    (a, b) => a.start - b.start,
  );
  return tokens.flatMap((t) => (t.kind === 'word' ? [t.text] : redirectionWords(t)));
}
