/**
 * JAAS login configuration (`kafka_server_jaas.conf`, `zookeeper_jaas.conf`, a `-Djava.security.auth.login.config`
 * file), and the same login module entries written inside one value: Kafka's `sasl.jaas.config` (its server, client,
 * Connect and Spring `spring.kafka.properties.sasl.jaas.config` forms, the images' `KAFKA_*_SASL_JAAS_CONFIG`).
 * The syntax is the JDK's ConfigFile (https://docs.oracle.com/en/java/javase/17/docs/api/java.base/javax/security/auth/login/Configuration.html):
 *
 *     Name {
 *       ModuleClass  Flag  name=value name="value" ... ;
 *     };
 *
 * with `//` and C-style comments (and `#` lines, see tokenize). Options are each module's own: PlainLoginModule's `password` and `user_<name>`
 * (the password of user <name>, https://kafka.apache.org/documentation/#security_sasl_plain_brokerconfig), Scram's
 * `password`, OAuth's `clientSecret`, Krb5LoginModule's `keyTab` (a path). An option whose name says secret is a secret
 * entry, whatever its module. Parsing is lenient: what does not read as entries is skipped, never a crash.
 */
import type { Range } from '../core/types';
import { isSecretKey, type Comment, type Entry, type FormatHandler, type ParsedDocument } from './types';
import { basenameOf } from './java/jvm-args';
import { LineIndex } from './text';

export const JAAS_KIND = 'java.jaas';

/** One `name=value` of a login module entry, with the offsets of its name and value (inside quotes) in the text. */
export interface JaasOption {
  /** The `Name { … }` it is in; undefined inside a `sasl.jaas.config` value. */
  section?: string;
  /** The login module class (`org.apache.kafka.common.security.plain.PlainLoginModule`). */
  module: string;
  name: string;
  value: string;
  nameStart: number;
  valueStart: number;
  valueEnd: number;
  /** PlainLoginModule's `user_<name>`, or a name that says secret (`password`, `clientSecret`). */
  secret: boolean;
}

export interface JaasData {
  options: JaasOption[];
}

interface Token {
  text: string;
  start: number;
  end: number;
  quoted: boolean;
}

/** Tokens of JAAS text: words, quoted strings (contents only), and the punctuation `{ } ; =`; comments collected apart. */
function tokenize(text: string, comments?: { text: string; start: number; end: number }[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if ((c === '/' && text[i + 1] === '/') || (c === '#' && opensLine(text, i))) {
      // `#` opening a line: the JDK's ConfigFile rejects it, and a Kafka properties file holding `sasl.jaas.config=`
      // (named `…jaas.conf`) reads it as a comment: either way its options are never in effect.
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      comments?.push({ text: text.slice(i + 2, stop), start: i, end: stop });
      i = stop;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      comments?.push({ text: text.slice(i + 2, end < 0 ? text.length : end), start: i, end: stop });
      i = stop;
    } else if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      const stop = end < 0 ? text.length : end;
      tokens.push({ text: text.slice(i + 1, stop), start: i + 1, end: stop, quoted: true });
      i = stop + 1;
    } else if ('{};='.includes(c)) {
      tokens.push({ text: c, start: i, end: i + 1, quoted: false });
      i++;
    } else {
      const m = /[^\s{};="']+/y;
      m.lastIndex = i;
      const word = m.exec(text)![0];
      tokens.push({ text: word, start: i, end: i + word.length, quoted: false });
      i += word.length;
    }
  }
  return tokens;
}

/** Whether only blanks come before offset `i` on its line. */
function opensLine(text: string, i: number): boolean {
  return /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', i - 1) + 1, i));
}

const isWord = (t: Token | undefined, text?: string) =>
  t !== undefined && !t.quoted && !'{};='.includes(t.text) && (text === undefined || t.text === text);
const SECRET_OPTION = /^user_./;

/**
 * The options of the login module entries in `text` (a whole configuration, or one `sasl.jaas.config` value, which
 * has entries without a `Name { }` around them).
 */
export function jaasOptions(text: string, comments?: { text: string; start: number; end: number }[]): JaasOption[] {
  const tokens = tokenize(text, comments);
  const options: JaasOption[] = [];
  let section: string | undefined;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    if (isWord(t) && tokens[i + 1]?.text === '{' && !tokens[i + 1]!.quoted) {
      section = t.text;
      i += 2;
      continue;
    }
    if (t.text === '}' && !t.quoted) {
      section = undefined;
      i++;
      continue;
    }
    // A module entry: class, flag, then name=value pairs up to `;`.
    if (isWord(t) && isWord(tokens[i + 1]) && /^(required|requisite|sufficient|optional)$/i.test(tokens[i + 1]!.text)) {
      const module = t.text;
      i += 2;
      while (i < tokens.length && !(tokens[i]!.text === ';' && !tokens[i]!.quoted)) {
        const [name, equals, value] = [tokens[i]!, tokens[i + 1], tokens[i + 2]];
        if (isWord(name) && equals?.text === '=' && !equals.quoted && value && (value.quoted || isWord(value))) {
          options.push({
            ...(section !== undefined && { section }),
            module,
            name: name.text,
            value: value.text,
            nameStart: name.start,
            valueStart: value.start,
            valueEnd: value.end,
            secret: SECRET_OPTION.test(name.text) || isSecretKey(name.text),
          });
          i += 3;
        } else if (tokens[i]!.text === '}' && !tokens[i]!.quoted) break;
        else i++;
      }
      continue;
    }
    i++;
  }
  return options;
}

/** Whether a value holds a login module entry (`… LoginModule required …;`): asked of every value of every file. */
export function holdsJaasEntry(value: string): boolean {
  return value.includes('LoginModule') && /LoginModule\s+(required|requisite|sufficient|optional)\b/i.test(value);
}

const FILE_NAME = /(^|[._-])jaas([._-][\w.-]*)?\.(conf|config|cfg)$|\.jaas$|^jaas\.(conf|config|cfg)$/i;

export const jaasFormat: FormatHandler<JaasData> = {
  id: 'jaas',
  classify(filePath, head) {
    return FILE_NAME.test(basenameOf(filePath)) && holdsJaasEntry(head) ? JAAS_KIND : undefined;
  },
  parse(file, kind): ParsedDocument<JaasData> {
    const index = new LineIndex(file.text);
    const found: { text: string; start: number; end: number }[] = [];
    const options = jaasOptions(file.text, found);
    const range = (start: number, end: number): Range => index.rangeAt(start, end);
    const comments: Comment[] = found.map((c) => ({ text: c.text, range: range(c.start, c.end) }));
    const entries: Entry[] = options.map((o) => ({
      key: o.section !== undefined ? `${o.section}.${o.name}` : o.name,
      value: o.value,
      keyRange: range(o.nameStart, o.nameStart + o.name.length),
      valueRange: range(o.valueStart, o.valueEnd),
      ...(o.section !== undefined && { section: o.section }),
      secret: o.secret,
    }));
    return { file, kind, entries, comments, problems: [], data: { options } };
  },
};
