/**
 * Files a script feeds runmqsc that no format's name test took: ibm-messaging/mq-docker@56659c4 copies its
 * extensionless `mq-dev-config` into the image (Dockerfile `COPY mq-dev-config /etc/mqm/mq-dev-config`) and runs
 * `runmqsc ${MQ_QMGR_NAME} < /etc/mqm/mq-dev-config` (mq-dev-config.sh). runmqsc reads whatever its standard input
 * holds as MQSC, so the read stage reads such a file as an MQSC file, which the model then ties to the script as it
 * ties a `.mqsc` (./mq-runmqsc-inputs.ts). Before this, the file was never read: its channels and CHLAUTH records
 * were silently unchecked. A file named like source code, a document or data is never taken, and the read stage
 * reads only one whose content reads as MQSC.
 *
 * A script that feeds the file often changes its channels with runmqsc MQSC of its own: kimptoc/ibmmq-with-ssl-test@95825d8
 * runs its mq-dev-config, then, in a function it calls when MQ_TLS_KEYSTORE is set (and it exports it), gives the
 * file's three channels an SSLCIPH. The file then joins that MQSC in one stream, in the order the script runs them
 * (./mq-runmqsc-streams.ts), and a part the script runs only under a condition it does not settle is checked with and
 * without it (./mq-runmqsc-conditions.ts). A file whose channels MQSC that joins no stream with it changes (another
 * queue manager, another branch) stays unread: the file alone would say "no SSLCIPH" of channels that end with one.
 */
import * as path from 'node:path';
import { ImageFiles } from '../parse/image-files';
import type { MqscData } from '../parse/mqsc';
import { unreadNameable } from '../parse/registry';
import { RUNMQSC_INPUT_KIND, type RunmqscInput, type RunmqscInputData } from '../parse/runmqsc-input';
import { splitLines } from '../parse/text';
import type { ParsedDocument } from '../parse/types';
import { isRunmqscRegion } from './mq-exec';
import { fedTreeFile } from './mq-runmqsc-inputs';
import { runmqscStreams, type FedMqscInput } from './mq-runmqsc-streams';

/**
 * The files of `files` not read yet (`read`) that a script's runmqsc reads on its standard input (`runmqsc QM1 <
 * mq-dev-config`, `cat f | runmqsc`), the path resolved as the model resolves it: from the script's directory, else
 * the deployment root (`root`), an absolute path through the Dockerfile COPY/ADD that puts a tree file there.
 */
export function runmqscFedFilesToRead(
  documents: readonly ParsedDocument[],
  files: readonly string[],
  read: ReadonlySet<string>,
  root: string,
): Map<string, string[]> {
  const scripts = documents.filter((d): d is ParsedDocument<RunmqscInputData> => d.kind === RUNMQSC_INPUT_KIND);
  const found = new Map<string, string[]>();
  if (scripts.length === 0) return found;
  const unread = unreadNameable(files, read);
  if (unread.length === 0) return found;
  const candidates = new Set(unread);
  let images: ImageFiles | undefined;
  for (const doc of scripts) {
    const lines = splitLines(doc.file.text);
    for (const { input, range, inContainer } of doc.data.inputs) {
      // A container's own path is read only through its bind mounts (./mq-runmqsc-inputs.ts), of .mqsc files.
      if (inContainer) continue;
      const script = { path: doc.file.path, lines, at: range.start.line };
      // An absolute path needs the images; most inputs are relative, so they are built only when one is not.
      const imagesOnce =
        input.startsWith('/') || input.includes('$') ? (images ??= new ImageFiles(documents, unread)) : undefined;
      const file = fedTreeFile(input, script, root, (f) => candidates.has(f), imagesOnce);
      if (file !== undefined) found.set(file, [...(found.get(file) ?? []), doc.file.path]);
    }
  }
  return found;
}

/**
 * Whether a script that feeds the MQSC `fed` to runmqsc changes one of its channels with runmqsc MQSC of its own that
 * does not join the file's stream (`joined`: the documents of the stream the file is part of).
 */
export function channelsChangedByFeedingScripts(
  fed: ParsedDocument<MqscData>,
  scripts: readonly string[],
  documents: readonly ParsedDocument[],
  joined: ReadonlySet<ParsedDocument>,
): boolean {
  return documents.some(
    (d) =>
      d.kind === 'mq.mqsc' &&
      d.embedded !== undefined &&
      !joined.has(d) &&
      scripts.includes(d.file.path) &&
      [...(d as ParsedDocument<MqscData>).data.objects.channels.keys()].some((name) =>
        fed.data.objects.channels.has(name),
      ),
  );
}

/** The documents that join the stream of the file `fed` a script feeds runmqsc (none when it joins none). */
export function streamOfFedFile(
  fed: ParsedDocument<MqscData>,
  documents: readonly ParsedDocument[],
  root: string,
): ReadonlySet<ParsedDocument> {
  const mqsc = [...documents.filter((d): d is ParsedDocument<MqscData> => d.kind === 'mq.mqsc'), fed];
  const feeds = fedMqscInputs(documents, mqsc, (d) => d !== fed, root);
  return new Set(runmqscStreams(mqsc, feeds).find((stream) => stream.includes(fed)) ?? []);
}

/**
 * Per script: the MQSC files of `mqsc` (none of `excluded`, which join other files) that it alone feeds runmqsc beside
 * runmqsc MQSC of its own, with which they may join one stream.
 */
export function fedMqscInputs(
  documents: readonly ParsedDocument[],
  mqsc: readonly ParsedDocument<MqscData>[],
  excluded: (doc: ParsedDocument<MqscData>) => boolean,
  root: string | undefined,
): Map<string, FedMqscInput[]> {
  const scripts = new Set(
    mqsc.flatMap((d) => (d.embedded && isRunmqscRegion(d.embedded.container) ? [d.file.path] : [])),
  );
  if (scripts.size === 0) return new Map<string, FedMqscInput[]>();
  const files = mqsc.filter((d) => !d.embedded && !excluded(d));
  return files.length === 0 ? new Map<string, FedMqscInput[]>() : fedMqscByScript(documents, files, scripts, root);
}

/**
 * Per script: the MQSC documents of `fed` that one runmqsc input of the tree, in that script, feeds (a file fed by
 * several inputs joins none of their streams). Only scripts of `scripts` are read (those that also hold runmqsc MQSC of
 * their own, with which the file may join). The path resolves as ./mq-runmqsc-inputs.ts resolves it, from the script's
 * directory, else `root`.
 */
function fedMqscByScript(
  documents: readonly ParsedDocument[],
  fed: readonly ParsedDocument<MqscData>[],
  scripts: ReadonlySet<string>,
  root: string | undefined,
): Map<string, FedMqscInput[]> {
  const byPath = new Map(fed.map((d) => [d.file.path, d]));
  const feeds = new Map<string, { script: string; input: RunmqscInput }[]>();
  let images: ImageFiles | undefined;
  for (const doc of documents) {
    if (doc.kind !== RUNMQSC_INPUT_KIND || !scripts.has(doc.file.path)) continue;
    const lines = splitLines(doc.file.text);
    for (const input of (doc as ParsedDocument<RunmqscInputData>).data.inputs) {
      if (input.inContainer) continue;
      const script = { path: doc.file.path, lines, at: input.range.start.line };
      const imagesOnce =
        input.input.startsWith('/') || input.input.includes('$')
          ? (images ??= new ImageFiles(documents, [...byPath.keys()]))
          : undefined;
      const base = root ?? path.dirname(doc.file.path);
      const file = fedTreeFile(input.input, script, base, (f) => byPath.has(f), imagesOnce);
      if (file !== undefined) feeds.set(file, [...(feeds.get(file) ?? []), { script: doc.file.path, input }]);
    }
  }
  const found = new Map<string, FedMqscInput[]>();
  for (const [file, [only, ...more]] of feeds)
    if (only && more.length === 0)
      found.set(only.script, [...(found.get(only.script) ?? []), { doc: byPath.get(file)!, input: only.input }]);
  return found;
}
