/**
 * The `if` branches, loops, `case` arms and function bodies of a shell script open at each of its command lines, each
 * with the text that opens it (`if [ -f "$DHPARAM_PATH" ]`, line 196), so that what a block writes can say when it is
 * written. Branches of one `if` (and arms of one `case`) are alternatives: one statement, one branch id each.
 */

/** A block of a script: its id, the statement it is a branch of, and how a reader names it. */
export interface ShellBlock {
  kind: 'if' | 'loop' | 'case' | 'function';
  id: number;
  /** The `if` or `case` whose branch (arm) this is; a loop or a function is a statement of its own. */
  statement: number;
  /** How it is said: `` `if [ -f "$X" ]` ``, `` the `else` of `if [ -n "$TLS" ]` ``, `` the loop `while true` ``. */
  said: string;
  /** The zero-based line that opens it (the `if`, `else`, arm, loop or function line) and that line's length. */
  line: number;
  length: number;
}

const SEPARATORS = /;;?|&&|\|\||\||&/;
const LOOP = new Set(['for', 'while', 'until', 'select']);
/** Words that may come before the first word of a command on the same line. */
const PREFIX = new Set(['then', 'do', 'else', '!', '{', 'time']);
/** `name() {`, `function name {`: a function body opened on its own line. */
const OPENS_FUNCTION =
  /^\s*(?:function\s+([A-Za-z_][\w:.-]*)\s*(?:\(\s*\))?|([A-Za-z_][\w:.-]*)\s*\(\s*\))\s*\{\s*(?:#.*)?$/;
const CLOSES_FUNCTION = /^\s*\}\s*(?:#.*)?$/;
/** A `case` arm's patterns: `tls)`, `"on"|yes)`, `(*)`. */
const ARM = /^\(?[^()\s;|][^();]*\)/;
/** What ends the text of a test or a loop head: `; then`, `then`, `; do`, `do` and what follows them. */
const HEAD_END = /\s*(?:;\s*|\s)(?:then|do)\b.*$|\s*;\s*$/;
/** At most this many characters of a test are quoted. */
const MOST_SAID = 80;

/** A test or loop head as written, cut after MOST_SAID characters. */
function quoted(text: string): string {
  const head = text.trim().replace(HEAD_END, '');
  return `\`${head.length > MOST_SAID ? `${head.slice(0, MOST_SAID)}…` : head}\``;
}

export class ShellBlocks {
  private open: Array<{ block: ShellBlock; head: string }> = [];
  private nextId = 0;

  /** Reads command line `at` (its text `line`); returns the blocks open while it runs, outermost first. */
  read(line: string, at: number): ShellBlock[] {
    const code = line
      .replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '""')
      .replace(/(^|\s)#.*$/, '')
      .trim();
    const fn = OPENS_FUNCTION.exec(code);
    if (fn) {
      this.push('function', `function \`${fn[1] ?? fn[2]}\` (when called)`, line, at);
      return this.ids();
    }
    if (CLOSES_FUNCTION.test(code)) {
      if (this.open.at(-1)?.block.kind === 'function') this.open.pop();
      return this.ids();
    }
    // A `case` arm starts its line (`tls|on) cat <<EOF >> …`): a branch, then the commands after its `)`.
    const arm = this.open.at(-1)?.block.kind === 'case' ? ARM.exec(code) : null;
    if (arm) this.branch(`the arm \`${line.trim().slice(0, line.trim().indexOf(')') + 1)}\``, line, at);
    for (const command of code.slice(arm ? arm[0].length : 0).split(SEPARATORS)) {
      const words = command.trim().split(/\s+/);
      let k = 0;
      while (k < words.length - 1 && PREFIX.has(words[k]!)) k++;
      if (words[0] === 'else') this.branch('the `else`', line, at);
      else if (words[k] === 'elif') this.branch(quoted(rawFrom(line, 'elif')), line, at);
      this.keyword(words[k], line, at);
    }
    return this.ids();
  }

  private keyword(word: string | undefined, line: string, at: number): void {
    if (word === 'if') this.push('if', quoted(rawFrom(line, 'if')), line, at);
    else if (word !== undefined && LOOP.has(word))
      this.push('loop', `the loop ${quoted(rawFrom(line, word))}`, line, at);
    else if (word === 'case') this.push('case', quoted(rawFrom(line, 'case')), line, at);
    else if (word === 'fi') this.close('if');
    else if (word === 'done') this.close('loop');
    else if (word === 'esac') this.close('case');
  }

  private push(kind: ShellBlock['kind'], said: string, line: string, at: number): void {
    const id = this.nextId++;
    this.open.push({ block: { kind, id, statement: id, said, line: at, length: line.length }, head: said });
  }

  /** `else`, `elif`, a `case` arm: another branch of the innermost `if` or `case`. */
  private branch(said: string, line: string, at: number): void {
    const top = this.open.at(-1);
    const kind = top?.block.kind;
    if (!top || (kind !== 'if' && kind !== 'case')) return;
    const of = kind === 'if' && said === 'the `else`' ? `the \`else\` of ${top.head}` : said;
    const block = { kind, id: this.nextId++, statement: top.block.statement, said: of, line: at, length: line.length };
    this.open[this.open.length - 1] = { block, head: top.head };
  }

  private close(kind: ShellBlock['kind']): void {
    if (this.open.at(-1)?.block.kind === kind) this.open.pop();
  }

  private ids(): ShellBlock[] {
    return this.open.map((o) => o.block);
  }
}

/** The raw text of a line from its keyword `word` on (quotes as written). */
function rawFrom(line: string, word: string): string {
  const m = new RegExp(`(?:^|[\\s;&|])(${word})\\b`).exec(line);
  return m ? line.slice(m.index + m[0].length - word.length) : line;
}
