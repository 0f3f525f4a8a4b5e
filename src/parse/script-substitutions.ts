/**
 * Literals a script replaces in configuration files when it runs: `sed "s|REPLACE|$PASSWORD|g" keystore.xml > …`
 * (WASdev/ci.docker's Liberty images fill `password="REPLACE"` this way). Such a value in a file is a placeholder,
 * not the value the server runs with (security/plaintext-secret leaves it alone). Read from shell scripts and
 * Dockerfiles (`RUN sed -i …`), as a document of its own beside whatever else the file is.
 */
import type { Range } from '../core/types';
import { isScript } from './embedded';
import { LineIndex } from './text';
import type { ParsedDocument, SourceFile } from './types';

export const SCRIPT_SUBSTITUTIONS_KIND = 'script.substitutions';

export interface ScriptSubstitution {
  /** The text replaced, as written in the `s` command. */
  literal: string;
  range: Range;
}

export interface ScriptSubstitutionsData {
  substitutions: ScriptSubstitution[];
}

/**
 * An `s` command's pattern when it is a plain literal (3+ characters, no regex syntax): `s|REPLACE|`, `s/@PW@/`,
 * `s/<changeit>/` (JeffTsengTwn/tomcat_letsencrypt_setup's tomcat_ssl.sh fills server.xml's keystorePass so).
 */
const SED_LITERAL = /(^|[\s'"])s([|/#@:,!])([A-Za-z0-9_.%{}@<>-]{3,}?)\2/g;

/** The literals a script's `sed` commands replace, or undefined when it has none. */
export function scriptSubstitutions(source: SourceFile): ParsedDocument<ScriptSubstitutionsData> | undefined {
  if (!isScript(source.path, source.text)) return undefined;
  if (!/\bsed\b/.test(source.text)) return undefined;
  const index = new LineIndex(source.text);
  const substitutions: ScriptSubstitution[] = [];
  let offset = 0;
  for (const line of source.text.split('\n')) {
    if (/\bsed\b/.test(line) && !line.trimStart().startsWith('#')) {
      for (const m of line.matchAll(SED_LITERAL)) {
        const start = offset + (m.index ?? 0) + m[1]!.length + 2;
        substitutions.push({ literal: m[3]!, range: index.rangeAt(start, start + m[3]!.length) });
      }
    }
    offset += line.length + 1;
  }
  if (substitutions.length === 0) return undefined;
  return {
    file: source,
    kind: SCRIPT_SUBSTITUTIONS_KIND,
    entries: [],
    comments: [],
    problems: [],
    data: { substitutions },
  };
}
