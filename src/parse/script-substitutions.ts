/**
 * Literals a script replaces in configuration files when it runs: `sed "s|REPLACE|$PASSWORD|g" keystore.xml > …`
 * (WASdev/ci.docker's Liberty images fill `password="REPLACE"` this way). Such a value in a file is a placeholder,
 * not the value the server runs with (security/plaintext-secret leaves it alone). Read from shell scripts and
 * Dockerfiles (`RUN sed -i …`), as a document of its own beside whatever else the file is.
 */
import type { Range } from '../core/types';
import { isScript } from './embedded';
import { LineIndex } from './text';
import { lastPathSegment } from '../core/path-name';
import type { ParsedDocument, SourceFile } from './types';

export const SCRIPT_SUBSTITUTIONS_KIND = 'script.substitutions';

export interface ScriptSubstitution {
  /** The text replaced, as written in the `s` command. */
  literal: string;
  range: Range;
}

export interface ScriptSubstitutionsData {
  substitutions: ScriptSubstitution[];
  /**
   * The names of the files a line running `envsubst` names (`envsubst < client.properties.tmpl >
   * /etc/kafka/client.properties`): their `${NAME}` placeholders are filled when the script runs. Only for envsubst: a
   * script's document is made for its sed literals or its envsubst, not for every sed (a Dockerfile's sed over the JDK's
   * java.security stays the Dockerfile's own document where the model looks files up by path).
   */
  rendered?: string[];
}

/** A word naming a file (`/etc/kafka/client.properties`, `server.properties.tmpl`) on a line. */
const FILE_WORD = /[^\s<>|;&'"`=()]+\.[A-Za-z0-9]+(?=$|[\s<>|;&'"`)])/g;

/**
 * An `s` command's pattern when it is a plain literal (3+ characters, no regex syntax): `s|REPLACE|`, `s/@PW@/`,
 * `s/<changeit>/` (JeffTsengTwn/tomcat_letsencrypt_setup's tomcat_ssl.sh fills server.xml's keystorePass so),
 * `s|:CLOUD_SECRET:|` (vdesabou/kafka-docker-playground's start scripts fill their *.template client configs so),
 * `s|##### LDAP_CONN_USER_PWD #####|` (AndriyKalashnykov/activemq-ldap-authorization@3f230fd init.sh: `#` and spaces are
 * no regex syntax in sed either), `s/\\[password\\]/` (RagedUnicorn/docker-tomcat@8790faf (MIT) docker-entrypoint.sh
 * fills tomcat-users-template.xml's `password="[password]"` so: a regex character escaped, one backslash in single
 * quotes, two in double quotes, is the character itself).
 */
const SED_LITERAL = /(^|[\s'"])s([|/#@:,!])((?:[A-Za-z0-9_.%{}@<>:# -]|\\{1,2}[[\].*$^]){3,}?)\2/g;

/** The text an escaped regex character of SED_LITERAL's pattern stands for. */
const unescapeSed = (pattern: string) => pattern.replace(/\\{1,2}([[\].*$^])/g, '$1');

/**
 * Whether the `sed` whose command is at `at` reads a string rather than a file: fed by a pipe (`echo $p | sed
 * 's/TLS/TLSv/'`, ricniew/ITM-TLS1.n-implementation's functions_sources.h) or a here-string (`<<<`). Such an edit
 * changes a shell value, not a configuration file, so its pattern is no placeholder of any file.
 */
function editsString(line: string, at: number): boolean {
  const sedAt = [...line.slice(0, at).matchAll(/\bsed\b/g)].at(-1)?.index;
  if (sedAt === undefined) return false;
  // `|` feeds it; `||` only runs it after another command failed.
  if (/(?<!\|)\|\s*$/.test(line.slice(0, sedAt))) return true;
  // Up to the end of the command (`;`, `&&`, a closing backquote); its own `s|…|…|` may hold pipes.
  return /^[^;&`]*<<</.test(line.slice(sedAt));
}

/** The literals a script's `sed` commands replace, or undefined when it has none. */
export function scriptSubstitutions(source: SourceFile): ParsedDocument<ScriptSubstitutionsData> | undefined {
  if (!isScript(source.path, source.text)) return undefined;
  if (!/\b(sed|envsubst)\b/.test(source.text)) return undefined;
  const index = new LineIndex(source.text);
  const substitutions: ScriptSubstitution[] = [];
  const rendered = new Set<string>();
  let offset = 0;
  // A sed command continued over lines (`sed -e "s|:A:|$A|g" \` then `-e "s|:B:|$B|g" …`) edits on every one.
  let continuesSed = false;
  for (const line of source.text.split('\n')) {
    const inSed: boolean = continuesSed || (/\bsed\b/.test(line) && !line.trimStart().startsWith('#'));
    continuesSed = inSed && /\\\r?$/.test(line);
    if (/\benvsubst\b/.test(line) && !line.trimStart().startsWith('#'))
      for (const [word] of line.matchAll(FILE_WORD)) rendered.add(lastPathSegment(word));
    if (inSed) {
      for (const m of line.matchAll(SED_LITERAL)) {
        if (editsString(line, m.index ?? 0)) continue;
        const start = offset + (m.index ?? 0) + m[1]!.length + 2;
        substitutions.push({ literal: unescapeSed(m[3]!), range: index.rangeAt(start, start + m[3]!.length) });
      }
    }
    offset += line.length + 1;
  }
  if (substitutions.length === 0 && rendered.size === 0) return undefined;
  return {
    file: source,
    kind: SCRIPT_SUBSTITUTIONS_KIND,
    entries: [],
    comments: [],
    problems: [],
    data: { substitutions, ...(rendered.size > 0 ? { rendered: [...rendered] } : {}) },
  };
}
