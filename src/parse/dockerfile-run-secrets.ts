import type { Entry } from './types';
import { isSecretKey } from './types';
import type { LineIndex } from './text';
import { shellCommands, type ShellCommand, type ShellRedirection, type ShellWord } from './shell-commands';

/**
 * Secrets a Dockerfile `RUN` writes on its command line: they are in the repository and in the image's history
 * (`docker history --no-trunc`). What is read, the way SonarSource's Dockerfile check S6437 reads a `RUN` (a table of
 * commands and their password options: SonarSource/sonar-iac@94523853490c592c681ef675697b87dd9c5c7887
 * iac-extensions/docker/src/main/java/org/sonar/iac/docker/checks/SecretsGenerationCheck.java):
 * - `--name=value` of any command whose option names a secret (`--password=…`, `-Dkeystore.password=…`): the value is
 *   the option's, whatever the command;
 * - `--name value`, `-pVALUE` only for the commands below, whose option takes a value: elsewhere the next word may be
 *   an operand (`mysql --password db` prompts for the password and opens the database `db`);
 * - `htpasswd -b file user password` and the `user:password` lines `chpasswd` reads (echoed into it, a here-string,
 *   a here-document);
 * - `name="value"` / `name=value` inside the text `echo`/`printf` write to a file (`echo '<user password="…"/>'
 *   > conf/tomcat-users.xml`, `echo … | tee f`); a here-document written to a configuration file is read as that
 *   file (./embedded.ts);
 * - the script of a BuildKit here-document (`RUN <<EOF`), read as the RUN line itself.
 * A value that expands anything (`$PASSWORD`, `${X}`, `$(cat /run/secrets/pw)`) is given at build time, and
 * `<password>` is a placeholder: not read.
 */
interface CommandOptions {
  command: RegExp;
  /** Only under this subcommand, the first word after the command that is no option (`docker login`, `oc login`). */
  subcommand?: string;
  /** Options whose next word (or `=value`) is their value. */
  options?: RegExp;
  /** A short option whose value is attached to it (`mysql -pSECRET`); alone it names no value. */
  attached?: string;
  /** A prefix the value carries (`pass:` of OpenSSL), removed; a value without it names no literal secret. */
  valuePrefix?: string;
  /** The value is `user:password` (curl): the secret is what follows the first colon; no colon, no password. */
  afterColon?: boolean;
  /** The command only holds a secret worth saying with one of these words (keytool: a private key). */
  holdsSecretWith?: RegExp;
  /** …and not when its words say it copies public certificates only (keytool: from the JDK's cacerts). */
  copiesCertificatesOnly?: (words: readonly ShellWord[]) => boolean;
}

/**
 * `keytool -importkeystore -srckeystore …/lib/security/cacerts`: the JDK's trust store ("certificates of trusted CAs",
 * password changeit: https://docs.oracle.com/en/java/javase/17/docs/specs/man/keytool.html, "The cacerts Certificates
 * File") converted to another store holds public certificates only. elastic/logstash@5e53565
 * docker/templates/Dockerfile.erb converts it to BCFKS with `-deststorepass changeit -srcstorepass changeit`.
 */
function fromJdkCacerts(words: readonly ShellWord[]): boolean {
  const at = words.findIndex((w) => w.text === '-srckeystore');
  return at >= 0 && /(^|\/)cacerts$/.test(words[at + 1]?.text ?? '');
}

const COMMAND_OPTIONS: readonly CommandOptions[] = [
  // keytool's password options take a value; `-storepass:env NAME` / `:file` name where it is
  // (https://docs.oracle.com/en/java/javase/17/docs/specs/man/keytool.html). A command that only imports or lists
  // certificates (`-importcert -cacerts -storepass changeit`) opens a trust store: public certificates, no secret.
  {
    command: /^keytool$/,
    options: /^-(storepass|keypass|srcstorepass|deststorepass|srckeypass|destkeypass|new)$/,
    holdsSecretWith: /^-(genkeypair|genkey|genseckey|importkeystore|keypasswd|storepasswd|keypass|destkeypass)$/,
    copiesCertificatesOnly: fromJdkCacerts,
  },
  // `subscription-manager register --username=… --password=…` (https://www.mankier.com/8/subscription-manager).
  { command: /^subscription-manager$/, options: /^--password$/ },
  // GNU Wget's `--password`, `--http-password`, `--ftp-password`, `--proxy-password` take a value
  // (https://www.gnu.org/software/wget/manual/wget.html#Download-Options).
  { command: /^wget$/, options: /^--(password|http-password|ftp-password|proxy-password)$/ },
  // `docker login -p, --password`: the CLI documents --password-stdin instead
  // (https://docs.docker.com/reference/cli/docker/login/); `-p` is another option elsewhere (`docker run -p 8080:80`).
  { command: /^docker$/, subcommand: 'login', options: /^(-p|--password)$/ },
  { command: /^docker$/, options: /^--password$/ },
  // `oc login -u=<username> -p=<password>` and `--token=<bearer token>` (OpenShift CLI, "oc login": https://docs.openshift.com/
  // container-platform/3.11/dev_guide/authentication.html); `-p` is a template parameter elsewhere (`oc new-app -p K=v`).
  { command: /^oc$/, subcommand: 'login', options: /^(-p|--password|--token)$/ },
  // `--token`: the bearer token for the API server, a flag of every kubectl (and oc) command
  // (https://kubernetes.io/docs/reference/kubectl/kubectl/).
  { command: /^(oc|kubectl)$/, options: /^--token$/ },
  // OpenSSL pass phrase arguments: `pass:<password>` holds it, `env:`, `file:`, `fd:`, `stdin` name where it is
  // (https://docs.openssl.org/3.0/man1/openssl-passphrase-options/).
  { command: /^openssl$/, options: /^-(passout|passin|pass|password)$/, valuePrefix: 'pass:' },
  // MySQL/MariaDB clients: `-pSECRET` holds it, `-p` alone prompts ("no space between the option and the password",
  // https://dev.mysql.com/doc/refman/8.0/en/connection-options.html#option_general_password); `--password=` is read
  // as any `--name=value`.
  { command: /^(mysql|mysqladmin|mysqldump|mariadb|mariadb-admin|mariadb-dump)$/, attached: '-p' },
  // sshpass `-p password` (https://linux.die.net/man/1/sshpass), also written `-ppassword`.
  { command: /^sshpass$/, options: /^-p$/, attached: '-p' },
  // curl `-u, --user <user:password>`: a user alone makes curl prompt (https://curl.se/docs/manpage.html#-u).
  { command: /^curl$/, options: /^(-u|--user)$/, attached: '-u', afterColon: true },
];

/** A value computed when the build runs: an expansion, a command substitution. */
const EXPANDS = /\$[A-Za-z_{(0-9@*#?!-]/;
/**
 * A placeholder written for the reader to fill in, or a masked value (`XXXXXXXX`, `****`: gitleaks' curl-auth-user
 * allowlist, gitleaks/gitleaks@b58d3f1 config/gitleaks.toml).
 */
const PLACEHOLDER = /^(<[^<>]+>|[xX]{3,}|\*{3,})$/;
/** Options named like a secret that take no value (`docker login --password-stdin`, `--no-password`). */
const VALUELESS = /^(no-|ask-)|[-_](stdin|fd|prompt)$/i;
/** A key/value pair inside written text: an XML attribute, a properties or shell assignment. */
const PAIR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>;&|]+))/g;
/** Shells that run the script they read on their standard input (`RUN bash <<EOF`). */
const RUNS_STDIN_SCRIPT = /^(sh|bash|dash|ash|ksh|zsh)$/;

/** Text with the file offset of each of its characters (a word, a here-document). */
interface Located {
  text: string;
  offsets: readonly number[];
}
type Span = [number, number];
type Found = (key: string, value: string, valueAt: Span, keyAt: Span) => void;

/** A literal value worth saying: not empty, expanding nothing, no placeholder. */
const literalValue = (value: string) => value !== '' && !EXPANDS.test(value) && !PLACEHOLDER.test(value);
/** The file offsets of `located.text[from, to)`. */
const spanOf = (located: Located, from: number, to: number): Span => [
  located.offsets[from]!,
  located.offsets[to - 1]! + 1,
];

/**
 * The secret entries of one `RUN` instruction's arguments, `file.text[start, end)`; `section` null for a line that is no
 * instruction (a shell command pasted into the Dockerfile: in the repository, never run).
 */
export function runSecretEntries(
  text: string,
  start: number,
  end: number,
  index: LineIndex,
  section: 'RUN' | null = 'RUN',
): Entry[] {
  const entries: Entry[] = [];
  const entry: Found = (key, value, valueAt, keyAt) =>
    entries.push({
      key,
      value,
      keyRange: index.rangeAt(keyAt[0], keyAt[1]),
      valueRange: index.rangeAt(valueAt[0], valueAt[1]),
      ...(section && { section }),
      secret: true,
    });
  const commands = shellCommands(text, start, end);
  const nameOf = (command: ShellCommand | undefined) => commandWords(command)[0]?.text.replace(/^.*\//, '');
  for (const [n, shellCommand] of commands.entries()) {
    // `RUN --mount=type=secret,… cmd`: the instruction's own flags come first.
    const words = commandWords(shellCommand, n === 0);
    const command = nameOf({ ...shellCommand, words });
    const hereDocument = shellCommand.redirections.find((r) => r.hereDocument)?.hereDocument;
    // BuildKit's `RUN <<EOF` (https://docs.docker.com/reference/dockerfile/#here-documents) and `sh <<EOF` run the
    // here-document as a script.
    if (hereDocument && (command === undefined || (RUNS_STDIN_SCRIPT.test(command) && words.length === 1)))
      entries.push(...runSecretEntries(text, hereDocument.start, hereDocument.end, index, section));
    if (command === undefined) continue;
    optionSecrets(command, words, shellCommand, entry);
    // Text echoed to a file (`> f`, `| tee f`). A here-document written to a configuration file (`cat > app.properties
    // <<EOF`) is read as that file already (./embedded.ts), in its own format.
    const next = commandWords(commands[n + 1]);
    const toTee =
      shellCommand.next === '|' &&
      nameOf(commands[n + 1]) === 'tee' &&
      next.slice(1).some((w) => !w.text.startsWith('-'));
    if ((command === 'echo' || command === 'printf') && (shellCommand.redirections.some(writesStandardOutput) || toTee))
      for (const word of words.slice(1)) pairSecrets(word, entry);
    if (command === 'htpasswd') htpasswdSecret(words, entry);
    if (command === 'chpasswd' && !words.some((w) => /^(-e|--encrypted)$/.test(w.text)))
      for (const input of standardInput(shellCommand, commands[n - 1], text)) chpasswdSecrets(input, entry);
  }
  return entries;
}

/** A command's words from the one it runs: `sudo` left out, and the RUN instruction's own `--flags` when first. */
function commandWords(command: ShellCommand | undefined, first = false): ShellWord[] {
  const all = command?.words ?? [];
  let at = 0;
  if (first) while (all[at]?.text.startsWith('--')) at++;
  while (all[at]?.text === 'sudo') at++;
  return all.slice(at);
}

/** Option values of the commands of COMMAND_OPTIONS, and `--name=value` of any command when the name is a secret's. */
function optionSecrets(command: string, words: readonly ShellWord[], shellCommand: ShellCommand, entry: Found): void {
  const subcommand = words.slice(1).find((w) => !w.text.startsWith('-'))?.text;
  const known = COMMAND_OPTIONS.find(
    (c) => c.command.test(command) && (c.subcommand === undefined || c.subcommand === subcommand),
  );
  const holds =
    (!known?.holdsSecretWith || words.some((w) => known.holdsSecretWith!.test(w.text))) &&
    !known?.copiesCertificatesOnly?.(words);
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    const option = /^(-{1,2})([A-Za-z][\w.-]*)(=?)/.exec(word.text);
    let holder: ShellWord = word;
    let from: number;
    let key: string;
    let keyAt: Span;
    if (
      known?.attached &&
      !word.text.startsWith('--') &&
      word.text.length > known.attached.length &&
      word.text.startsWith(known.attached)
    ) {
      from = known.attached.length;
      key = `${command} ${known.attached}`;
      keyAt = spanOf(word, 0, from);
    } else if (!option || VALUELESS.test(option[2]!)) continue;
    else if (option[3] === '=') {
      const name = option[1]! + option[2]!;
      // keytool's `-storepass`/`-keypass` are no secret-sounding key (parse/types isSecretKey): its table names them.
      if ((!isSecretKey(option[2]!) && !known?.options?.test(name)) || !holds) continue;
      from = option[0].length;
      key = `${command} ${name}`;
      keyAt = [word.start, word.offsets[from - 1]!];
    } else if (option[0] === word.text && known?.options?.test(word.text) && holds) {
      const next = words[i + 1];
      if (!next || next.text.startsWith('-') || next.text === '') continue;
      // A redirection between them (`--password <password>` read by a shell): the next word is not the value.
      if (shellCommand.redirections.some((r) => r.start > word.start && r.start < next.start)) continue;
      i++;
      holder = next;
      from = 0;
      key = `${command} ${word.text}`;
      keyAt = [word.start, word.end];
    } else continue;
    if (known?.valuePrefix !== undefined && holder !== word) {
      if (!holder.text.startsWith(known.valuePrefix)) continue;
      from = known.valuePrefix.length;
    }
    if (known?.afterColon) {
      const colon = holder.text.indexOf(':', from);
      if (colon < 0) continue;
      from = colon + 1;
    }
    const value = holder.text.slice(from);
    if (literalValue(value)) entry(key, value, spanOf(holder, from, holder.text.length), keyAt);
  }
}

/** `name=value` pairs of a secret's name in text written to a file (`<user password="…"/>` keyed `user@password`). */
function pairSecrets(written: Located, entry: Found): void {
  for (const m of written.text.matchAll(PAIR)) {
    const name = m[1]!;
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    if (!isSecretKey(name) || !literalValue(value)) continue;
    const at = m.index ?? 0;
    const valueAt = at + m[0].length - value.length - (m[4] === undefined ? 1 : 0);
    const element = /<([A-Za-z_][\w:.-]*)[^<>]*$/.exec(written.text.slice(0, at))?.[1];
    entry(
      element ? `${element}@${name}` : name,
      value,
      spanOf(written, valueAt, valueAt + value.length),
      spanOf(written, at, at + name.length),
    );
  }
}

/**
 * `htpasswd -b [-c] file user password`, `htpasswd -nb user password`: batch mode takes the password from the command
 * line (https://httpd.apache.org/docs/2.4/programs/htpasswd.html). `-C cost` and `-r rounds` take a value.
 */
function htpasswdSecret(words: readonly ShellWord[], entry: Found): void {
  const operands: ShellWord[] = [];
  let flags = '';
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!.text;
    if (word === '-C' || word === '-r') i++;
    else if (/^-[A-Za-z0-9]+$/.test(word)) flags += word.slice(1);
    else operands.push(words[i]!);
  }
  if (!flags.includes('b') || operands.length !== (flags.includes('n') ? 2 : 3)) return;
  const password = operands[operands.length - 1]!;
  if (literalValue(password.text))
    entry('htpasswd -b', password.text, spanOf(password, 0, password.text.length), [words[0]!.start, words[0]!.end]);
}

/** The `user:password` lines chpasswd reads (https://man7.org/linux/man-pages/man8/chpasswd.8.html). */
function chpasswdSecrets(input: Located, entry: Found): void {
  // A line ends at a newline, or at `\n` that echo -e / printf turn into one.
  for (const m of input.text.matchAll(/(?:^|\n|\\n)[ \t]*([A-Za-z_][\w.-]*\$?):([^\n\\]+)/g)) {
    const value = m[2]!.replace(/\r$/, '');
    const at = (m.index ?? 0) + m[0].length - m[2]!.length;
    if (literalValue(value))
      entry(
        `chpasswd ${m[1]}`,
        value,
        spanOf(input, at, at + value.length),
        spanOf(input, at - m[1]!.length - 1, at - 1),
      );
  }
}

/** What a command reads on its standard input, as written: the words echoed into its pipe, a here-string, a here-document. */
function standardInput(command: ShellCommand, previous: ShellCommand | undefined, text: string): Located[] {
  const inputs: Located[] = [];
  for (const r of command.redirections) {
    if (r.operator === '<<<' && r.target) inputs.push(r.target);
    if (r.hereDocument) inputs.push(literal(text, r.hereDocument));
  }
  const piped = previous?.next === '|' ? commandWords(previous) : [];
  if (/^(echo|printf)$/.test(piped[0]?.text.replace(/^.*\//, '') ?? ''))
    inputs.push(...piped.slice(1).filter((w) => !/^-[neE]+$/.test(w.text)));
  return inputs;
}

/** A here-document's lines as written in the file. */
function literal(text: string, document: { start: number; end: number }): Located {
  const offsets: number[] = [];
  for (let k = document.start; k < document.end; k++) offsets.push(k);
  return { text: text.slice(document.start, document.end), offsets };
}

/** `> file`, `>> file`, `1> file`, `&> file`: the command's output goes to a file. */
function writesStandardOutput(redirection: ShellRedirection): boolean {
  if (!/^(>|>>|>\||&>|&>>)$/.test(redirection.operator)) return false;
  return redirection.descriptor === undefined || redirection.descriptor === '1';
}
