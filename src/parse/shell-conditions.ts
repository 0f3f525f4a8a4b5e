/**
 * The `if` branches of a shell script around its lines, and whether the script itself settles a branch's test. An
 * `if [ ! -z ${MQ_TLS_KEYSTORE+x} ]; then … fi` (ibm-messaging/mq-docker@56659c4 mq-dev-config.sh) runs its body only
 * when the container's environment sets MQ_TLS_KEYSTORE: what the body does holds only then. A test the script
 * settles is no condition: `export MQ_TLS_KEYSTORE=/etc/mqcerts/keystore.p12` above it (kimptoc/ibmmq-with-ssl-test@95825d8)
 * makes it true, and `MQ_DEV=${MQ_DEV:-"true"}` above `if [ "${MQ_DEV}" == "true" ]` makes it true unless the
 * environment says otherwise: the script's default is the value it runs with, as for the MQSC it feeds
 * (./shell-assignments.ts). Only `[ … ]` / `[[ … ]]` / `test …` with `-n`, `-z`, `=`, `==`, `!=` over words the script
 * gives a value are read; any other test (a file's existence, a command's status) is known only when the script runs.
 */
import { shellCommands } from './shell-commands';

/** The branch of an `if` a line runs in. */
export interface ShellCondition {
  /** The line of the `if` (or `elif`) that writes the test (zero-based). */
  line: number;
  /** The test as written (`[ ! -z ${MQ_TLS_KEYSTORE+x} ]`). */
  test: string;
  /** The line runs when the test fails (an `else` branch); after an `elif`, the earlier tests failed too. */
  negated: boolean;
  /** The branch of an `elif`, or the `else` after one: other tests decide it too, so the script never settles it. */
  chained: boolean;
}

const OPENS_IF = /^\s*if\s+(.*?)\s*(?:;\s*then\b.*|\bthen\b.*)?$/;
const ELIF = /^\s*elif\s+(.*?)\s*(?:;\s*then\b.*|\bthen\b.*)?$/;
const ELSE = /^\s*else\b/;
const CLOSES_IF = /^\s*fi\b/;
/** `if …; then …; fi` on one line: it encloses no other line. */
const ONE_LINE_IF = /[;\s]fi\s*(?:[;&|#].*)?$/;

/** For each line of the script, the `if` branches it runs in, outermost first. */
export function conditionsByLine(lines: readonly string[]): ShellCondition[][] {
  const byLine: ShellCondition[][] = [];
  let open: ShellCondition[] = [];
  lines.forEach((line, i) => {
    const code = line.trimStart().startsWith('#') ? '' : line;
    const opened = OPENS_IF.exec(code);
    const elif = ELIF.exec(code);
    if (opened && !ONE_LINE_IF.test(code))
      open = [...open, { line: i, test: opened[1]!, negated: false, chained: false }];
    else if (elif && open.length > 0)
      open = [...open.slice(0, -1), { line: i, test: elif[1]!, negated: false, chained: true }];
    else if (ELSE.test(code) && open.length > 0) open = [...open.slice(0, -1), { ...open.at(-1)!, negated: true }];
    else if (CLOSES_IF.test(code)) open = open.slice(0, -1);
    byLine.push(open);
  });
  return byLine;
}

/** The value of a variable as the script gives it before a line, and whether it is the script's default. */
export type ShellValueAt = (name: string) => { value: string } | undefined;

/** `[`, `[[`, `test`: the commands whose words are a test of strings. */
const TEST_OPEN = new Set(['[', '[[', 'test']);
/** `${NAME+x}`, `${NAME:+x}`: a word that says whether NAME is set (or non-empty). */
const SET_TEST = /^\$\{([A-Za-z_]\w*)(:?)\+([^}]*)\}$/;
/** `$NAME`, `${NAME}` inside a word. */
const EXPANSION = /\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g;

/**
 * Whether the branch's test holds as the script settles it (`valueOf`: a variable's value where the test runs);
 * undefined when the test is known only at run time.
 */
export function conditionHolds(condition: ShellCondition, valueOf: ShellValueAt): boolean | undefined {
  if (condition.chained) return undefined;
  const held = testHolds(condition.test, valueOf);
  return held === undefined ? undefined : held !== condition.negated;
}

/** The names of the variables a test reads (`[ ! -z ${MQ_TLS_KEYSTORE+x} ]`: MQ_TLS_KEYSTORE). */
export function variablesOfTest(test: string): string[] {
  return [...new Set([...test.matchAll(/\$\{?([A-Za-z_]\w*)/g)].map((m) => m[1]!))];
}

/** Whether a test of strings holds; undefined when it is another test or reads a value known only at run time. */
function testHolds(test: string, valueOf: ShellValueAt): boolean | undefined {
  const commands = shellCommands(test);
  if (commands.length !== 1) return undefined;
  const words = commands[0]!.words.map((w) => w.text);
  if (!TEST_OPEN.has(words[0] ?? '')) return undefined;
  let args = words.slice(1, words[0] === 'test' ? undefined : -1);
  let negate = false;
  if (args[0] === '!') {
    negate = true;
    args = args.slice(1);
  }
  const value = (word: string) => wordValue(word, valueOf);
  let held: boolean | undefined;
  if (args.length === 2 && (args[0] === '-n' || args[0] === '-z')) {
    const v = value(args[1]!);
    held = v === undefined ? undefined : (v !== '') === (args[0] === '-n');
  } else if (args.length === 1) {
    const v = value(args[0]!);
    held = v === undefined ? undefined : v !== '';
  } else if (args.length === 3 && ['=', '==', '!='].includes(args[1]!)) {
    const [a, b] = [value(args[0]!), value(args[2]!)];
    held = a === undefined || b === undefined ? undefined : (a === b) === (args[1] !== '!=');
  }
  return held === undefined ? undefined : held !== negate;
}

/** A test word's value: literal text, the script's values put in; undefined when one is known only at run time. */
function wordValue(word: string, valueOf: ShellValueAt): string | undefined {
  const set = SET_TEST.exec(word);
  if (set) {
    const known = valueOf(set[1]!);
    if (known === undefined) return undefined;
    return set[2] === ':' && known.value === '' ? '' : set[3]!;
  }
  let unknown = false;
  const out = word.replace(EXPANSION, (_m, braced?: string, plain?: string) => {
    const known = valueOf((braced ?? plain)!);
    if (known === undefined) unknown = true;
    return known?.value ?? '';
  });
  return unknown || out.includes('$') || out.includes('`') ? undefined : out;
}

/** `NAME=${NAME:-"value"}`: the script's own default, quoted inside the expansion (ScriptAssignments reads it unquoted). */
const QUOTED_SELF_DEFAULT = /^(?:export\s+)?([A-Za-z_]\w*)=("?)\$\{([A-Za-z_]\w*):?-"([^"$`\\]*)"\}\2\s*(?:#.*)?$/;

/**
 * The defaults a script gives its variables in the quoted form (`MQ_DEV=${MQ_DEV:-"true"}`), unindented and the only
 * assignment of the name: name → its line and value.
 */
export function quotedSelfDefaults(lines: readonly string[]): Map<string, { line: number; value: string }> {
  const found = new Map<string, { line: number; value: string }>();
  lines.forEach((line, i) => {
    const m = QUOTED_SELF_DEFAULT.exec(line);
    if (!m || m[1] !== m[3]) return;
    const assigned = new RegExp(`(?:^|[\\s;&|(])${m[1]}\\+?=`);
    if (lines.filter((l) => assigned.test(l)).length === 1) found.set(m[1]!, { line: i, value: m[4]! });
  });
  return found;
}
