/**
 * Files a script feeds runmqsc that no format's name test took: ibm-messaging/mq-docker@56659c4 copies its
 * extensionless `mq-dev-config` into the image (Dockerfile `COPY mq-dev-config /etc/mqm/mq-dev-config`) and runs
 * `runmqsc ${MQ_QMGR_NAME} < /etc/mqm/mq-dev-config` (mq-dev-config.sh). runmqsc reads whatever its standard input
 * holds as MQSC, so the read stage reads such a file as an MQSC file, which the model then ties to the script as it
 * ties a `.mqsc` (./mq-runmqsc-inputs.ts). Before this, the file was never read: its channels and CHLAUTH records
 * were silently unchecked. A file named like source code, a document or data is never taken, and the read stage
 * reads only one whose content reads as MQSC.
 *
 * Nor one whose channels the script that feeds it changes with runmqsc MQSC of its own (an `echo "ALTER CHANNEL(…)
 * SSLCIPH(…)" | runmqsc` elsewhere in it): kimptoc/ibmmq-with-ssl-test@95825d8 runs its mq-dev-config, then, in a
 * function it calls when MQ_TLS_KEYSTORE is set (and it exports it), gives the file's three channels an SSLCIPH. Such
 * MQSC is read as a script of its own, not joined to the file (a function's body, a branch), so the file alone would
 * say "no SSLCIPH" of channels that end with one: left unread, as before, rather than judged wrong.
 */
import { ImageFiles } from '../parse/image-files';
import type { MqscData } from '../parse/mqsc';
import { unreadNameable } from '../parse/registry';
import { RUNMQSC_INPUT_KIND, type RunmqscInputData } from '../parse/runmqsc-input';
import { splitLines } from '../parse/text';
import type { ParsedDocument } from '../parse/types';
import { fedTreeFile } from './mq-runmqsc-inputs';

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
    for (const { input, range } of doc.data.inputs) {
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

/** Whether a script that feeds the MQSC `fed` to runmqsc changes one of its channels with runmqsc MQSC of its own. */
export function channelsChangedByFeedingScripts(
  fed: ParsedDocument<MqscData>,
  scripts: readonly string[],
  documents: readonly ParsedDocument[],
): boolean {
  return documents.some(
    (d) =>
      d.kind === 'mq.mqsc' &&
      d.embedded !== undefined &&
      scripts.includes(d.file.path) &&
      [...(d as ParsedDocument<MqscData>).data.objects.channels.keys()].some((name) =>
        fed.data.objects.channels.has(name),
      ),
  );
}
