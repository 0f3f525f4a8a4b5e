import * as path from 'node:path';

import { JBOSS_HISTORY_DIRECTORIES } from '../../../knowledge/wildfly';
import { entryLocation, type Entry, type ParsedDocument } from '../../../parse/types';
import { relativePosix } from '../../../core/posix-path';
import { ours, said } from '../../../core/phrase';
import type { ReportDescriptor } from '../../types';

/**
 * The names WildFly gives the copies of a configuration file in its history directory (knowledge: wildfly.json
 * history; wildfly-core ConfigurationFile): `standalone-full.initial.xml`, `.boot.xml`, `.last.xml`,
 * `current/standalone-full.v3.xml`, and `snapshot/20200101-120000000standalone-full.xml` (a timestamp before the name).
 */
const COPY_NAME = /^(.+)\.(?:initial|boot|last|v\d+)\.xml$/;
const SNAPSHOT_NAME = /^\d{8}-\d{6,9}(.+)\.xml$/;

/**
 * The live configuration file a WildFly history copy is of, beside its history directory:
 * `…/configuration/standalone_xml_history/current/standalone.v2.xml` → `…/configuration/standalone.xml`.
 */
export function liveFileOfHistoryCopy(file: string): string | undefined {
  const parts = file.split(path.sep);
  const at = parts.findIndex((d) => JBOSS_HISTORY_DIRECTORIES.includes(d));
  if (at < 0) return undefined;
  const name = parts.at(-1) ?? '';
  const live = COPY_NAME.exec(name)?.[1] ?? SNAPSHOT_NAME.exec(name)?.[1];
  return live === undefined ? undefined : path.join(parts.slice(0, at).join(path.sep), `${live}.xml`);
}

/** Where a distribution keeps its sample configurations, under its home. */
const SAMPLES = 'docs/examples/configs/';

/**
 * The home of a WildFly/JBoss distribution whose shipped sample configurations (`docs/examples/configs/*.xml`) a file
 * is: the file that marks the home, jboss-modules.jar (the server's boot jar, `java -jar jboss-modules.jar`) or
 * bin/standalone.sh beside docs/, among the files the deployment lists (an ignored marker marks nothing). The server never reads these samples: it reads jboss.server.config.dir.
 */
export function distributionSampleHome(root: string, listed: readonly string[], file: string): string | undefined {
  const relative = relativePosix(root, file);
  const at = relative.lastIndexOf(SAMPLES);
  if (at < 0 || (at > 0 && relative[at - 1] !== '/') || !/^[^/]+\.xml$/.test(relative.slice(at + SAMPLES.length)))
    return undefined;
  const home = path.join(root, relative.slice(0, at));
  return [path.join(home, 'jboss-modules.jar'), path.join(home, 'bin', 'standalone.sh')].find((m) =>
    listed.includes(m),
  );
}

/** A finding held back until the whole tree is read, with the entry it is about. */
export interface HeldFinding<M extends string> {
  doc: ParsedDocument;
  entry: Entry;
  descriptor: ReportDescriptor<M>;
}

/**
 * Reports the findings, a WildFly history copy's folded into the live file's (rhskaraca/JBoss: 36 copies of 32
 * findings): the copy whose setting holds the same value as the live file's is a related place of the live file's
 * finding, one secret to rotate. A copy the live file no longer matches (or that is not in the tree) stays a finding,
 * at info as an old snapshot's (`history`) unless it is one already.
 */
export function reportFolded<M extends string>(
  report: (descriptor: ReportDescriptor<M>) => void,
  held: readonly HeldFinding<M>[],
  history: M,
  documents: readonly ParsedDocument[],
): void {
  const settingOf = (file: string, h: HeldFinding<M>) =>
    [file, h.entry.section ?? '', h.entry.key, h.entry.value.trim()].join('\0');
  const live = new Map<string, HeldFinding<M>>();
  for (const h of held) {
    const key = settingOf(h.doc.file.path, h);
    if (liveFileOfHistoryCopy(h.doc.file.path) === undefined && !live.has(key)) live.set(key, h);
  }
  const inTree = new Set(documents.map((d) => d.file.path));
  for (const h of held) {
    const liveFile = liveFileOfHistoryCopy(h.doc.file.path);
    if (liveFile === undefined) continue;
    const original = live.get(settingOf(liveFile, h));
    if (original !== undefined) {
      const copy = {
        ...entryLocation(h.doc, h.entry, 'value'),
        message: ours("WildFly's snapshot of this file holds it too"),
      };
      original.descriptor.related = [...(original.descriptor.related ?? []), copy];
      continue;
    }
    if (h.descriptor.severity === 'info') {
      report(h.descriptor);
      continue;
    }
    const liveName = path.basename(liveFile);
    report({
      ...h.descriptor,
      messageId: history,
      severity: 'info',
      data: {
        ...h.descriptor.data,
        live: liveName,
        now: inTree.has(liveFile) ? said`${liveName} holds another value now` : said`${liveName} is not in the tree`,
      },
    });
  }
  for (const h of held) if (liveFileOfHistoryCopy(h.doc.file.path) === undefined) report(h.descriptor);
}
