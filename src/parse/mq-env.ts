import { lastPathSegment } from '../core/path-name';
import type { Range } from '../core/types';
import type { Comment, Entry, FormatHandler, ParsedDocument } from './types';
import { LineIndex } from './text';

/**
 * Shell and batch scripts that set the IBM MQ MQI client's environment: `export MQSSLKEYR=…` (the client's key
 * repository, the stem of a CMS .kdb; it takes precedence over mqclient.ini's SSLKeyRepository), and the channel
 * definition table the client reads: `MQCCDTURL` (a `file://` URL), else `MQCHLLIB` with `MQCHLTAB`. Each assignment is
 * read with its range. `$VAR`/`${VAR}` parts are resolved from earlier plain assignments in the same script, and the
 * script-directory idiom (`DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"`, `$(dirname "$0")`) as `.`, the
 * script's own directory; anything else leaves the value unresolved (`resolved` undefined: unknown, never guessed).
 */
export interface MqEnvAssignment {
  name: string;
  /** The value as written (quotes removed). */
  value: string;
  /** The value with its variables resolved; relative to the script's directory when it used the script-dir idiom. */
  resolved?: string;
  /** Its last path segment when the script writes it (`client_ccdt.json` of `${WORKDIR}/client_ccdt.json`). */
  lastSegment?: string;
  valueRange: Range;
}

export interface MqEnvData {
  assignments: MqEnvAssignment[];
}

/** The MQ client variables read (never MQKEYRPWD, a password). */
const MQ_VARIABLES = /^(MQSSLKEYR|MQCCDTURL|MQCHLLIB|MQCHLTAB)$/;
/** What a value holds that the script does not say (a variable it does not set, a command's output). */
const UNKNOWN = '\0';
const ASSIGNMENT = /^\s*(?:export\s+|set\s+"?|setx\s+)?([A-Za-z_]\w*)=(.*)$/i;
/** `$(cd "$(dirname "${BASH_SOURCE[0]}")" … && pwd)`, `$(dirname "$0")`, `` `dirname $0` ``: the script's directory. */
const SCRIPT_DIR =
  /^\$\(\s*(cd\s+)?["']?\$\(\s*dirname\s+["']?\$(\{BASH_SOURCE(\[0\])?\}|BASH_SOURCE|0|\{0\})["']?\s*\)["']?.*\)$|^\$\(\s*dirname\s+["']?\$(\{BASH_SOURCE(\[0\])?\}|0|\{0\})["']?\s*\)$/;

export const mqClientEnvFormat: FormatHandler<MqEnvData> = {
  id: 'mq-client-env',
  classify(filePath, head) {
    const base = lastPathSegment(filePath);
    if (
      /\.(sh|bash|ksh|bat|cmd|env)$/i.test(base) &&
      /^\s*(export\s+|set\s+"?)?(MQSSLKEYR|MQCCDTURL|MQCHLLIB)=/im.test(head)
    )
      return 'mq.client-env';
    return undefined;
  },
  parse(file, kind): ParsedDocument<MqEnvData> {
    const index = new LineIndex(file.text);
    const batch = /\.(bat|cmd)$/i.test(file.path);
    const comments: Comment[] = [];
    const entries: Entry[] = [];
    const assignments: MqEnvAssignment[] = [];
    const known = new Map<string, string>();
    let offset = 0;
    for (const line of file.text.split('\n')) {
      const start = offset;
      offset += line.length + 1;
      const text = line.replace(/\r$/, '');
      const body = text.trimStart();
      const lead = text.length - body.length;
      const comment = batch ? /^(rem\b|::|@rem\b)/i.exec(body) : /^#/.exec(body);
      if (comment) {
        comments.push({
          text: body.slice(comment[0].length),
          range: index.rangeAt(start + lead, start + text.length),
        });
        continue;
      }
      const m = ASSIGNMENT.exec(text);
      if (!m) continue;
      const [, name = '', rawValue = ''] = m;
      const raw = rawValue
        .replace(/\s+#.*$/, '')
        .replace(/"\s*$/, batch ? '' : '"')
        .trim();
      const quoted = /^(["'])(.*)\1$/.exec(raw);
      const value = quoted ? (quoted[2] ?? '') : raw;
      const valueStart = start + text.indexOf(rawValue) + (quoted ? 1 : 0);
      const partial = SCRIPT_DIR.test(value) ? '.' : resolve(value, known, quoted?.[1] === "'");
      known.set(name, partial);
      if (!MQ_VARIABLES.test(name)) continue;
      const valueRange = index.rangeAt(valueStart, valueStart + value.length);
      const keyStart = start + text.indexOf(name);
      const lastSegment = partial.split(/[\\/]/).at(-1);
      assignments.push({
        name,
        value,
        ...(!partial.includes(UNKNOWN) ? { resolved: partial } : {}),
        ...(lastSegment && !lastSegment.includes(UNKNOWN) ? { lastSegment } : {}),
        valueRange,
      });
      entries.push({
        key: name,
        value,
        keyRange: index.rangeAt(keyStart, keyStart + name.length),
        valueRange,
        secret: false,
      });
    }
    return { file, kind, entries, comments, problems: [], data: { assignments } };
  },
};

/**
 * `${DIR}/../key` with DIR known → `./../key`; what the script does not say (a variable not set earlier, a command's
 * output) is UNKNOWN in the result.
 */
function resolve(value: string, known: Map<string, string>, literal: boolean): string {
  if (literal || !/\$/.test(value)) return value;
  return value
    .replace(/\$\([^)]*\)?|`[^`]*`?/g, UNKNOWN)
    .replace(
      /\$\{(\w+)\}|\$(\w+)|%(\w+)%/g,
      (_all, a?: string, b?: string, c?: string) => known.get(a ?? b ?? c ?? '') ?? UNKNOWN,
    );
}
