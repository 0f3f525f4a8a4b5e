/**
 * The runmqsc MQSC of a script that joins a file the script feeds runmqsc (./mq-runmqsc-streams.ts) but runs only under
 * a shell condition the script does not settle: ibm-messaging/mq-docker@56659c4 mq-dev-config.sh runs
 * `runmqsc ${MQ_QMGR_NAME} < /etc/mqm/mq-dev-config`, then, only `if [ ! -z ${MQ_TLS_KEYSTORE+x} ]` and no key store
 * exists yet, calls configure_tls, whose `echo "ALTER CHANNEL('DEV.APP.SVRCONN') … SSLCIPH(…)" | runmqsc` gives the
 * file's channels TLS. The deployment is then checked with and without such parts (src/engine/run/conditional-scripts.ts),
 * as with mq-container's 20-dev-tls.mqsc: what only one check finds holds only under the condition, an info naming it.
 * A condition the file's own feeding line also runs under, or one the script settles (kimptoc/ibmmq-with-ssl-test@95825d8
 * exports MQ_TLS_KEYSTORE above the test; `MQ_DEV=${MQ_DEV:-"true"}` above `if [ "${MQ_DEV}" == "true" ]`), is none.
 */
import * as path from 'node:path';
import type { MqscData } from '../parse/mqsc';
import { ScriptAssignments } from '../parse/shell-assignments';
import {
  conditionHolds,
  conditionsByLine,
  quotedSelfDefaults,
  variablesOfTest,
  type ShellCondition,
} from '../parse/shell-conditions';
import type { ParsedDocument } from '../parse/types';
import { fedMqscInputs } from './mq-runmqsc-fed-files';
import { runmqscStreamMembers, type StreamMember } from './mq-runmqsc-streams';

/** A script's runmqsc MQSC joined to a file it feeds, run only under conditions the script does not settle. */
export interface ConditionalRunmqscPart {
  doc: ParsedDocument<MqscData>;
  /** The conditions, outermost first. */
  conditions: ShellCondition[];
  /** The file the part joins. */
  fedFile: string;
}

/** A test of a file or a directory (`[ ! -e "${DATA_PATH}/…/key.kdb" ]`): no variable of the environment decides it. */
const FILE_TEST = /(^|\s)-[edfsrwxL](\s|$)/;

/** The conditional parts of the streams that join a file a script feeds runmqsc. */
export function conditionalRunmqscParts(documents: readonly ParsedDocument[], root: string): ConditionalRunmqscPart[] {
  const mqsc = documents.filter((d): d is ParsedDocument<MqscData> => d.kind === 'mq.mqsc');
  const fed = fedMqscInputs(documents, mqsc, () => false, root);
  if (fed.size === 0) return [];
  const parts: ConditionalRunmqscPart[] = [];
  for (const stream of runmqscStreamMembers(mqsc, fed)) {
    const file = stream.find((m) => m.fed);
    if (!file) continue;
    const lines = file.opener.lines;
    const byLine = conditionsByLine(lines);
    const values = scriptValues(lines);
    const own = new Set(byLine[file.position] ?? []);
    for (const member of stream) {
      if (member.fed) continue;
      const conditions = conditionsOf(member, byLine).filter(
        (c) => !own.has(c) && conditionHolds(c, values(member.call?.line ?? c.line)) !== true,
      );
      if (conditions.length > 0) parts.push({ doc: member.doc, conditions, fedFile: file.doc.file.path });
    }
  }
  return parts;
}

/** The branches a member runs in: those around the call of its function, then those around it. */
function conditionsOf(member: StreamMember, byLine: ShellCondition[][]): ShellCondition[] {
  const at = byLine[member.opener.at] ?? [];
  return member.call ? [...(byLine[member.call.line] ?? []), ...at] : at;
}

/** A variable's value before a line, as the script sets it (a literal, or its own default). */
function scriptValues(lines: readonly string[]): (before: number) => (name: string) => { value: string } | undefined {
  const assignments = new ScriptAssignments(lines);
  const defaults = quotedSelfDefaults(lines);
  return (before) => {
    const known = assignments.before(before).values;
    return (name) => {
      const value = known.get(name);
      if (value !== undefined) return { value };
      const fallback = defaults.get(name);
      return fallback && fallback.line < before ? { value: fallback.value } : undefined;
    };
  };
}

/** The test of a branch in words: `` `[ … ]` (mq-dev-config.sh:135) ``. */
export function testWords(script: string, condition: ShellCondition): string {
  return `the test \`${condition.test}\` (${path.basename(script)}:${condition.line + 1})`;
}

/** The environment variables the conditions' string tests read (what the container sets decides them). */
export function conditionVariables(conditions: readonly ShellCondition[]): string[] {
  return [...new Set(conditions.filter((c) => !FILE_TEST.test(c.test)).flatMap((c) => variablesOfTest(c.test)))];
}
