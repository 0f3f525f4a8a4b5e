/**
 * The MQSC files of the tree that scripts feed runmqsc on its standard input (src/parse/runmqsc-input.ts):
 * `runmqsc QM1 < mqsc/dev.mqsc` runs that file on queue manager QM1, and `docker exec -i qm1 runmqsc QM1 < dev.mqsc`
 * runs it there in the container named qm1, the Compose service whose container_name is qm1 (./mq-exec.ts), as MQSC
 * written in the script itself already is. The file is the one the path names from the script's directory, else
 * from the deployment root (where a script is run from is not written); a path the script builds from a value known
 * only when it runs, or an absolute one (a host path outside the tree), ties nothing.
 */
import * as path from 'node:path';
import type { RelatedLocation } from '../core/types';
import { RUNMQSC_INPUT_KIND, type RunmqscInputData } from '../parse/runmqsc-input';
import { literalAssignments } from '../parse/shell-assignments';
import { splitLines } from '../parse/text';
import type { ParsedDocument } from '../parse/types';
import type { ScriptQueueManagerName } from './attributes';
import { serviceOfExec } from './mq-exec';
import type { MqscComposeService } from './mq-qmgr-names';

/** One command of a script that feeds an MQSC file to runmqsc. */
export interface FedMqsc {
  /** The command. */
  at: RelatedLocation;
  /** The queue manager it names (upper-cased), when the script writes it or assigns it once to a literal. */
  queueManager?: ScriptQueueManagerName;
  /** The Compose service whose container runs it (`docker exec`), when exactly one matches. */
  service?: MqscComposeService;
}

/** A queue manager name as MQ allows it. */
const QMGR_NAME = /^[A-Za-z0-9._%/]{1,48}$/;
/** `$NAME`, `${NAME}` (no modifiers). */
const EXPANSION = /\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g;
/**
 * The script's own directory as scripts compute it: `$(dirname "$0")`, `$(dirname "${BASH_SOURCE[0]}")` (a command
 * substitution stays as written in its word, quotes inside included).
 */
const SCRIPT_DIR = /^\$\(dirname ("?)\$(?:0|\{0\}|\{BASH_SOURCE(?:\[0\])?\}|BASH_SOURCE)\1\)\//;

/** Per MQSC file path of the tree: the script commands that feed it to runmqsc. */
export function mqscFedByScripts(
  documents: readonly ParsedDocument[],
  mqscPaths: ReadonlySet<string>,
  root: string,
  composeFiles: readonly ParsedDocument[],
): Map<string, FedMqsc[]> {
  const fed = new Map<string, FedMqsc[]>();
  for (const doc of documents) {
    if (doc.kind !== RUNMQSC_INPUT_KIND) continue;
    const script = doc.file.path;
    const lines = splitLines(doc.file.text);
    for (const { input, queueManager, exec, range } of (doc as ParsedDocument<RunmqscInputData>).data.inputs) {
      let assigned: ReadonlyMap<string, string> | undefined;
      const values = () => (assigned ??= literalAssignments(lines, range.start.line));
      const file = treeFile(input, script, root, mqscPaths, values);
      if (!file) continue;
      const at = { file: script, range, message: `this command runs ${path.basename(file)} with runmqsc` };
      const name = queueManager === undefined ? undefined : expanded(queueManager, values);
      const service = exec ? serviceOfExec(exec, { path: script, lines, range }, composeFiles) : undefined;
      const found: FedMqsc = {
        at,
        ...(name && QMGR_NAME.test(name)
          ? {
              queueManager: {
                name: name.toUpperCase(),
                location: { ...at, message: `queue manager ${name.toUpperCase()} named here: ${at.message}` },
              },
            }
          : {}),
        ...(service && { service }),
      };
      fed.set(file, [...(fed.get(file) ?? []), found]);
    }
  }
  return fed;
}

/** The tree MQSC file a written path names from the script's directory, else from the deployment root. */
function treeFile(
  written: string,
  script: string,
  root: string,
  mqscPaths: ReadonlySet<string>,
  values: () => ReadonlyMap<string, string>,
): string | undefined {
  const dir = path.dirname(script);
  const own = SCRIPT_DIR.exec(written);
  const rest = expanded(own ? written.slice(own[0].length) : written, values);
  if (rest === undefined || path.isAbsolute(rest)) return undefined;
  const bases = own ? [dir] : [dir, root];
  return bases.map((base) => path.resolve(base, rest)).find((candidate) => mqscPaths.has(candidate));
}

/** The word with each plain expansion replaced by the literal the script assigns it once; undefined when one is not. */
function expanded(word: string, values: () => ReadonlyMap<string, string>): string | undefined {
  if (!word.includes('$')) return word;
  let known = true;
  const out = word.replace(EXPANSION, (_m, braced?: string, plain?: string) => {
    const value = values().get((braced ?? plain)!);
    if (value === undefined || value.includes('$')) known = false;
    return value ?? '';
  });
  return known && !out.includes('$') ? out : undefined;
}
