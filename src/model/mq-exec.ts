/**
 * The Docker Compose service in whose container a script runs an MQSC: `docker exec -i qm1 runmqsc QM1 <<EOF … EOF`
 * (or `docker exec qm1 bash -c "echo '…' | runmqsc QM1"`) runs it on the queue manager of the container named qm1,
 * which is the service whose `container_name:` is qm1 (https://docs.docker.com/reference/compose-file/services/#container_name);
 * `docker compose exec qm1 …` names the service itself. The service is taken only when exactly one service of the
 * deployment's Compose files has that name; a name the script fills in counts only when the script assigns it once, to
 * a literal (src/parse/shell-assignments.ts). Inside a shell function (`docker exec "$1" runmqsc …`, or a local the
 * function gives `$1`), each call of the function whose argument is a literal names a container: the MQSC runs in each
 * (src/parse/shell-functions.ts), and every such service is one of the queue managers it configures. A container the
 * same script starts with `docker run --name qm1` before the exec is found by that name alike, as the Compose service
 * the run stands for (./mq-script-image-runs.ts); of several runs with the name (`docker rm -f qm1`, then run again)
 * the latest before the exec.
 */
import * as path from 'node:path';
import type { Range } from '../core/types';
import type { ComposeData } from '../parse/compose';
import { containerExecs, type ContainerExec } from '../parse/container-exec';
import { isScript } from '../parse/embedded';
import { literalAssignments } from '../parse/shell-assignments';
import { valuesAtCalls } from '../parse/shell-functions';
import { splitLines } from '../parse/text';
import type { EmbeddedOrigin, ParsedDocument } from '../parse/types';
import type { MqscComposeService } from './mq-qmgr-names';

/** MQSC fed to runmqsc by the line that opens it (the heredoc's line above its body, or the echo's own line). */
const OPENED_ABOVE = new Map([
  ['heredoc to runmqsc', true],
  ['echo to runmqsc', false],
]);
/** A region found in a YAML block scalar run as a script (src/parse/embedded.ts, `heredoc to runmqsc in YAML key run`). */
const IN_YAML_BLOCK = / in YAML key .+$/;

/** Whether an embedded MQSC is fed to runmqsc by a script's line, also one in a YAML block scalar run as a script. */
export function isRunmqscRegion(container: string): boolean {
  return OPENED_ABOVE.has(container.replace(IN_YAML_BLOCK, ''));
}

/** `$NAME`, `${NAME}`: the whole word is one plain expansion. */
const WHOLE_EXPANSION = /^\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))$/;

/** A container a script or CI step starts with `docker run --name`, as the Compose service it stands for. */
export interface NamedRun {
  file: string;
  /** The `--name` as written (`qm1`, `$CNAME`). */
  name: string;
  /** The run's line (zero-based). */
  line: number;
  running: MqscComposeService & { startedAt: string };
}

/** The script line whose runmqsc reads an embedded MQSC (a heredoc's or an echo's), with the script's lines. */
export interface RunmqscLine {
  lines: string[];
  /** Its line (zero-based). */
  at: number;
  line: string;
  range: Range;
}

/**
 * The line of a script that feeds the embedded MQSC `mqsc` to runmqsc; undefined for any other document. `scriptLines`:
 * the script's lines when the caller has them split already.
 */
export function runmqscLineOf(mqsc: ParsedDocument, scriptLines?: string[]): RunmqscLine | undefined {
  const embedded = mqsc.embedded;
  if (!embedded || !OPENED_ABOVE.has(embedded.container) || !isScript(mqsc.file.path, mqsc.file.text)) return undefined;
  return runmqscLineIn(embedded, scriptLines ?? splitLines(mqsc.file.text));
}

/**
 * The line of `lines` (a script's, or a YAML block scalar's at their lines in the YAML file) that feeds the runmqsc
 * region `embedded` to runmqsc.
 */
export function runmqscLineIn(embedded: EmbeddedOrigin, lines: string[]): RunmqscLine | undefined {
  const above = OPENED_ABOVE.get(embedded.container.replace(IN_YAML_BLOCK, ''));
  if (above === undefined) return undefined;
  const at = embedded.range.start.line - (above ? 1 : 0);
  const line = lines[at];
  if (line === undefined || !/\brunmqsc\b/.test(line)) return undefined;
  const indent = line.length - line.trimStart().length;
  return {
    lines,
    at,
    line,
    range: { start: { line: at, character: indent }, end: { line: at, character: line.trimEnd().length } },
  };
}

/** The Compose services (or named `docker run`s, `runs`) in whose containers a script's embedded MQSC runs. */
export function servicesExecutingMqsc(
  mqsc: ParsedDocument,
  composeFiles: readonly ParsedDocument[],
  runs: readonly NamedRun[] = [],
): MqscComposeService[] {
  const opener =
    composeFiles.length > 0 || runs.some((r) => r.file === mqsc.file.path) ? runmqscLineOf(mqsc) : undefined;
  if (!opener) return [];
  const { lines, at, line, range } = opener;
  return containerExecs(line).flatMap((exec) => {
    const found = serviceOfExec(exec, { path: mqsc.file.path, lines, range }, composeFiles, runs);
    return found ? [found] : servicesAtCalls(exec, { path: mqsc.file.path, lines, at }, composeFiles, runs);
  });
}

/**
 * `docker exec "$1" runmqsc …` on line `script.at` of a shell function: the service of the container each call of
 * the function names, one per call (its `execs` is the call), in the order of the calls.
 */
export function servicesAtCalls(
  exec: ContainerExec,
  script: { path: string; lines: readonly string[]; at: number },
  composeFiles: readonly ParsedDocument[],
  runs: readonly NamedRun[] = [],
): MqscComposeService[] {
  return (valuesAtCalls(script.lines, script.at, exec.name) ?? []).flatMap((call) => {
    const called = serviceOfExec(
      { ...exec, name: call.value },
      { path: script.path, lines: script.lines, range: call.range },
      composeFiles,
      runs,
    );
    return called?.execs
      ? [
          {
            ...called,
            execs: {
              ...called.execs,
              message: called.execs.message.replace('this command', `this call of ${call.functionName}`),
            },
          },
        ]
      : [];
  });
}

/**
 * The Compose service a script's `docker exec` (at `script.range`) runs in: the one service of the deployment's Compose
 * files with that container_name (or, for `docker compose exec`, that name), or the latest `docker run --name` of the
 * same script before it (`runs`), with the command as `execs`; none when no one container has the name.
 */
export function serviceOfExec(
  exec: ContainerExec,
  script: { path: string; lines: readonly string[]; range: Range },
  composeFiles: readonly ParsedDocument[],
  runs: readonly NamedRun[] = [],
): MqscComposeService | undefined {
  const name = literalName(exec.name, () => literalAssignments(script.lines, script.range.start.line));
  if (!name) return undefined;
  const matches: MqscComposeService[] = (composeFiles as ParsedDocument<ComposeData>[]).flatMap((doc) =>
    named(doc, exec, script.path)
      ? doc.data.services
          .filter((s) => (exec.by === 'container' ? s.containerName?.value : s.name) === name)
          .map((service) => ({ doc, service }))
      : [],
  );
  const ran = exec.by === 'container' ? latestRunNamed(name, script, runs) : undefined;
  if (ran) matches.push(ran);
  const [only] = matches;
  if (!only || matches.length > 1) return undefined;
  const container = ran
    ? `container ${name}, which the ${ran.startedWith ?? 'docker run'} at ${ran.startedAt} starts`
    : `container of Compose service ${only.service.name}${exec.by === 'container' ? ` (container_name: ${name})` : ''}`;
  return {
    ...only,
    execs: { file: script.path, range: script.range, message: `this command runs the MQSC in the ${container}` },
  };
}

/** The last run of the script up to the line of `script.range` whose `--name` (read as an exec's) is `name`. */
function latestRunNamed(
  name: string,
  script: { path: string; lines: readonly string[]; range: Range },
  runs: readonly NamedRun[],
): NamedRun['running'] | undefined {
  let latest: NamedRun | undefined;
  for (const run of runs)
    if (
      run.file === script.path &&
      run.line <= script.range.start.line &&
      (!latest || run.line > latest.line) &&
      literalName(run.name, () => literalAssignments(script.lines, run.line)) === name
    )
      latest = run;
  return latest?.running;
}

/** The name as the shell gives it: as written, or the literal the script assigns the variable it expands. */
function literalName(written: string, assignments: () => ReadonlyMap<string, string>): string | undefined {
  if (!written.includes('$')) return written;
  const m = WHOLE_EXPANSION.exec(written);
  const value = m ? assignments().get((m[1] ?? m[2])!) : undefined;
  return value && !value.includes('$') ? value : undefined;
}

/** Whether `docker compose -f …` names this Compose file (relative to the script, or as the end of its path); no -f: any. */
function named(doc: ParsedDocument, exec: ContainerExec, script: string): boolean {
  if (exec.by === 'container' || exec.composeFiles.length === 0) return true;
  return exec.composeFiles.some((f) => {
    const written = path.normalize(f);
    return (
      path.resolve(path.dirname(script), written) === doc.file.path ||
      doc.file.path.endsWith(path.sep + written.replace(/^(\.\/)+/, ''))
    );
  });
}
