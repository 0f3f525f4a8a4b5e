/**
 * mod_jk's `workers.properties` (the file `JkWorkersFile` names), read as mod_jk reads it (tomcat-connectors
 * native/common/jk_map.c jk_map_read_properties): one `name=value` a line, split at the first `=`, both sides trimmed;
 * a `#` anywhere starts a comment (no escapes, no `\` continuation: not java.util.Properties); `$(name)` in a value is
 * the value of an earlier property of that name, else of the environment. A property written twice: the later value
 * replaces the earlier for the unique ones (`host`, `port`, `type`, `secret`, `reference`), and is appended for the
 * lists (`worker.list`, `balance_workers`) (jk_map_handle_duplicates; jk_util.c unique_properties).
 * https://tomcat.apache.org/connectors-doc/reference/workers.html
 */
import { range } from '../core/types';
import type { Range } from '../core/types';
import { basenameOf } from './java/jvm-args';
import { splitLines } from './text';
import type { Comment, Entry, FormatHandler } from './types';
import { isSecretKey } from './types';

export const MODJK_WORKERS_KIND = 'modjk.workers';

/** One `worker.<name>.<attribute>=value` line (or `worker.list=`), with its value after `$(…)` replacement. */
export interface JkSetting {
  /** The worker's name; `''` for `worker.list`. */
  worker: string;
  /** The attribute (`host`, `port`, `secret`…), or `list` for `worker.list`. */
  attribute: string;
  value: string;
  /** A `$(name)` the file does not set: the environment of the web server decides. */
  fromEnvironment?: boolean;
  keyRange: Range;
  valueRange: Range;
}

export interface JkWorkersData {
  /** Every worker setting, in file order (jk_map keeps the last of a unique one: the model reads them so). */
  settings: JkSetting[];
}

/** `workers.properties`, `workers-prod.properties`, `mod_jk.workers.properties`. */
const WORKERS_NAME = /(^|[._-])workers([._-][^/]*)?\.properties$/i;
/** A line that sets a worker's attribute, or the list of workers. */
const WORKER_LINE = /^[ \t]*worker\.(list[ \t]*=|[^.=\s#]+\.[a-z_]+[ \t]*=)/m;
/** `worker.<name>.<attribute>`: the attribute is the part after the last dot (jk_util.c jk_is_valid_property). */
const WORKER_KEY = /^worker\.(.+)\.([^.]+)$/;
const MACRO = /\$\(([^)]*)\)/g;

export function parseJkWorkers(text: string): { entries: Entry[]; comments: Comment[]; data: JkWorkersData } {
  const entries: Entry[] = [];
  const comments: Comment[] = [];
  const settings: JkSetting[] = [];
  // Every property read so far, for `$(name)` (jk_map_replace_properties looks the map up first).
  const known = new Map<string, string>();
  splitLines(text).forEach((line, lineNo) => {
    const hash = line.indexOf('#');
    if (hash >= 0) comments.push({ text: line.slice(hash + 1), range: range(lineNo, hash, lineNo, line.length) });
    const body = hash >= 0 ? line.slice(0, hash) : line;
    const eq = body.indexOf('=');
    if (eq < 0) return;
    const key = body.slice(0, eq).trim();
    const rawValue = body.slice(eq + 1);
    const written = rawValue.trim();
    // jk_map_read_property keeps a line only when both sides are non-empty.
    if (key === '' || written === '') return;
    const keyStart = body.indexOf(key);
    const valueStart = eq + 1 + rawValue.indexOf(written);
    const keyRange = range(lineNo, keyStart, lineNo, keyStart + key.length);
    const valueRange = range(lineNo, valueStart, lineNo, valueStart + written.length);
    let fromEnvironment = false;
    const value = written.replace(MACRO, (whole, name: string) => {
      const found = known.get(name);
      if (found === undefined) fromEnvironment = true;
      return found ?? whole;
    });
    known.set(key, value);
    entries.push({ key, value, keyRange, valueRange, secret: isSecretKey(key) });
    const worker = key === 'worker.list' ? { worker: '', attribute: 'list' } : workerKey(key);
    if (worker)
      settings.push({ ...worker, value, ...(fromEnvironment ? { fromEnvironment } : {}), keyRange, valueRange });
  });
  return { entries, comments, data: { settings } };
}

function workerKey(key: string): { worker: string; attribute: string } | undefined {
  const m = WORKER_KEY.exec(key);
  return m ? { worker: m[1]!, attribute: m[2]! } : undefined;
}

/** A `workers*.properties` file that sets a worker (a Kafka or Spring file named so has no `worker.` lines). */
export const modjkWorkersFormat: FormatHandler<JkWorkersData> = {
  id: 'modjk-workers',
  classify(filePath, head) {
    return WORKERS_NAME.test(basenameOf(filePath)) && WORKER_LINE.test(head) ? MODJK_WORKERS_KIND : undefined;
  },
  parse(file, kind) {
    const { entries, comments, data } = parseJkWorkers(file.text);
    return { file, kind, entries, comments, problems: [], data };
  },
};
