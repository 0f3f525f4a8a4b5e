import type { Entry } from './types';
import { isSecretKey } from './types';
import type { LineIndex } from './text';
import { shellCommands, type ShellRedirection } from './shell-commands';

/**
 * Secrets a Dockerfile `RUN` writes on its command line: they are in the repository and in the image's history
 * (`docker history --no-trunc`). What is read, the way SonarSource's Dockerfile check S6437 reads a `RUN` (a table of
 * commands and their password options: SonarSource/sonar-iac@94523853490c592c681ef675697b87dd9c5c7887
 * iac-extensions/docker/src/main/java/org/sonar/iac/docker/checks/SecretsGenerationCheck.java):
 * - `--name=value` of any command whose option names a secret (`--password=…`, `-Dkeystore.password=…`): the value is
 *   the option's, whatever the command;
 * - `--name value` only for the commands below, whose option takes a value: elsewhere the next word may be an
 *   operand (`mysql --password db` prompts for the password and opens the database `db`);
 * - `name="value"` / `name=value` inside the text an `echo`/`printf` writes to a file (`echo '<user password="…"/>'
 *   > conf/tomcat-users.xml`): the file the image holds.
 * A value that expands anything (`$PASSWORD`, `${X}`, `$(cat /run/secrets/pw)`) is given at build time: not read.
 */
interface CommandOptions {
  command: string;
  /** Options whose next word is their value. */
  options: RegExp;
  /** A prefix the value carries (`pass:` of OpenSSL), removed; a value without it names no literal secret. */
  valuePrefix?: string;
  /** The command only holds a secret worth saying with one of these words (keytool: a private key). */
  holdsSecretWith?: RegExp;
}

const COMMAND_OPTIONS: readonly CommandOptions[] = [
  // keytool's password options take a value; `-storepass:env NAME` / `:file` name where it is
  // (https://docs.oracle.com/en/java/javase/17/docs/specs/man/keytool.html). A command that only imports or lists
  // certificates (`-importcert -cacerts -storepass changeit`) opens a trust store: public certificates, no secret.
  {
    command: 'keytool',
    options: /^-(storepass|keypass|srcstorepass|deststorepass|srckeypass|destkeypass|new)$/,
    holdsSecretWith: /^-(genkeypair|genkey|genseckey|importkeystore|keypasswd|storepasswd|keypass|destkeypass)$/,
  },
  // `subscription-manager register --username=… --password=…` (https://www.mankier.com/8/subscription-manager).
  { command: 'subscription-manager', options: /^--password$/ },
  // GNU Wget's `--password`, `--http-password`, `--ftp-password`, `--proxy-password` take a value
  // (https://www.gnu.org/software/wget/manual/wget.html#Download-Options).
  { command: 'wget', options: /^--(password|http-password|ftp-password|proxy-password)$/ },
  // `docker login --password`: the CLI documents --password-stdin instead
  // (https://docs.docker.com/reference/cli/docker/login/).
  { command: 'docker', options: /^--password$/ },
  // OpenSSL pass phrase arguments: `pass:<password>` holds it, `env:`, `file:`, `fd:`, `stdin` name where it is
  // (https://docs.openssl.org/3.0/man1/openssl-passphrase-options/).
  { command: 'openssl', options: /^-(passout|passin|pass|password)$/, valuePrefix: 'pass:' },
];

/** A value computed when the build runs: an expansion, a command substitution. */
const EXPANDS = /\$[A-Za-z_{(0-9@*#?!-]/;
/** Options named like a secret that take no value (`docker login --password-stdin`, `--no-password`). */
const VALUELESS = /^(no-|ask-)|[-_](stdin|fd|prompt)$/i;
/** A key/value pair inside echoed text: an XML attribute, a properties or shell assignment. */
const PAIR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>;&|]+))/g;

/** The secret entries of one `RUN` instruction's arguments, `file.text[start, end)`. */
export function runSecretEntries(text: string, start: number, end: number, index: LineIndex): Entry[] {
  const entries: Entry[] = [];
  const entry = (key: string, value: string, valueStart: number, valueEnd: number, keyStart: number, keyEnd: number) =>
    entries.push({
      key,
      value,
      keyRange: index.rangeAt(keyStart, keyEnd),
      valueRange: index.rangeAt(valueStart, valueEnd),
      section: 'RUN',
      secret: true,
    });
  for (const [n, shellCommand] of shellCommands(text, start, end).entries()) {
    // `RUN --mount=type=secret,… cmd`: the instruction's own flags come first; `sudo` runs the command after it.
    let first = 0;
    const all = shellCommand.words;
    if (n === 0) while (all[first]?.text.startsWith('--')) first++;
    while (all[first]?.text === 'sudo') first++;
    const words = all.slice(first);
    const command = words[0]?.text.replace(/^.*\//, '');
    if (command === undefined) continue;
    const known = COMMAND_OPTIONS.find((c) => c.command === command);
    const holds = !known?.holdsSecretWith || words.some((w) => known.holdsSecretWith!.test(w.text));
    for (let i = 1; i < words.length; i++) {
      const word = words[i]!;
      const option = /^(-{1,2})([A-Za-z][\w.-]*)(=?)/.exec(word.text);
      if (!option || VALUELESS.test(option[2]!)) continue;
      // keytool's `-storepass`/`-keypass` are no secret-sounding key (parse/types isSecretKey): its table names them.
      if (!isSecretKey(option[2]!) && !(option[0] === word.text && known?.options.test(word.text))) continue;
      const key = `${command} ${option[1]}${option[2]}`;
      if (option[3] === '=') {
        const from = option[0].length;
        const value = word.text.slice(from);
        if (value && !EXPANDS.test(value) && holds)
          entry(
            key,
            value,
            word.offsets[from]!,
            word.offsets[word.text.length - 1]! + 1,
            word.start,
            word.offsets[from - 1]!,
          );
        continue;
      }
      if (option[0] !== word.text || !known?.options.test(word.text) || !holds) continue;
      const next = words[i + 1];
      if (!next || next.text.startsWith('-') || next.text === '') continue;
      // A redirection between them (`--password <password>` read by a shell): the next word is not the value.
      if (shellCommand.redirections.some((r) => r.start > word.start && r.start < next.start)) continue;
      let value = next.text;
      let from = 0;
      if (known.valuePrefix !== undefined) {
        if (!value.startsWith(known.valuePrefix)) continue;
        from = known.valuePrefix.length;
        value = value.slice(from);
      }
      if (value && !EXPANDS.test(value))
        entry(key, value, next.offsets[from]!, next.offsets[next.text.length - 1]! + 1, word.start, word.end);
      i++;
    }
    if ((command === 'echo' || command === 'printf') && shellCommand.redirections.some(writesStandardOutput))
      for (const word of words.slice(1)) {
        for (const m of word.text.matchAll(PAIR)) {
          const name = m[1]!;
          const value = m[2] ?? m[3] ?? m[4] ?? '';
          if (!isSecretKey(name) || !value || EXPANDS.test(value)) continue;
          const at = m.index ?? 0;
          const valueAt = at + m[0].length - value.length - (m[4] === undefined ? 1 : 0);
          const element = /<([A-Za-z_][\w:.-]*)[^<>]*$/.exec(word.text.slice(0, at))?.[1];
          entry(
            element ? `${element}@${name}` : name,
            value,
            word.offsets[valueAt]!,
            word.offsets[valueAt + value.length - 1]! + 1,
            word.offsets[at]!,
            word.offsets[at + name.length - 1]! + 1,
          );
        }
      }
  }
  return entries;
}

/** `> file`, `>> file`, `1> file`, `&> file`: the command's output goes to a file. */
function writesStandardOutput(redirection: ShellRedirection): boolean {
  if (!/^(>|>>|>\||&>|&>>)$/.test(redirection.operator)) return false;
  return redirection.descriptor === undefined || redirection.descriptor === '1';
}
