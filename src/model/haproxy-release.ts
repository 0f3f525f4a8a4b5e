/**
 * The HAProxy release an HAProxy configuration runs with, when the tree names it: the `FROM haproxy:<tag>` of the
 * nearest Dockerfile whose directory holds the file, else the one release the scripts' `docker run … haproxy:<tag>`
 * that bind-mount the file name, else the one release every Compose `image: haproxy:<tag>` of the deployment names. Unknown otherwise (then a default that changed between releases stays open). Also the lines whose
 * keyword a release removed (Deployment.haproxyRemovedKeywords), judged against that release.
 */
import * as path from 'node:path';
import { within, type Location } from '../core/types';
import type { ParsedDocument } from '../parse/types';
import { releaseBoundOf } from '../parse/template-release-bound';
import type { HaproxyData } from '../parse/haproxy';
import { type DockerfileData } from '../parse/dockerfile';
import { runtimeStage } from '../parse/dockerfile-stages';
import type { ComposeData } from '../parse/compose';
import { CONTAINER_RUNS_KIND, type ContainerRunsData } from '../parse/container-runs';
import { HAPROXY_FACTS } from '../knowledge/openssl';
import {
  boundedBefore,
  haproxyReadsSeparateKeyFile,
  haproxyReleaseFromImage,
  haproxyRemovedKeyword,
} from '../knowledge/server-releases';
import type { HaproxyKeyFileLookup } from './attributes';
import type { ModelContext } from './contributor';

export interface HaproxyRelease {
  value: string;
  at: Location;
}

export function haproxyReleaseOf(ctx: ModelContext): (file: string) => HaproxyRelease | undefined {
  const images = (ctx.documentsOf('dockerfile') as ParsedDocument<DockerfileData>[]).flatMap((d) => {
    const stage = runtimeStage(d.data);
    const value = stage?.image ? haproxyReleaseFromImage(stage.image) : undefined;
    return value && stage
      ? [{ dir: path.dirname(d.file.path), value, at: { file: d.file.path, range: stage.range } }]
      : [];
  });
  const composed = (ctx.documentsOf('compose') as ParsedDocument<ComposeData>[]).flatMap((d) =>
    d.data.services.flatMap(({ image, imageRange }) => {
      const value = image && imageRange ? haproxyReleaseFromImage(image) : undefined;
      return value && imageRange ? [{ value, at: { file: d.file.path, range: imageRange } }] : [];
    }),
  );
  const [onlyComposed] = new Set(composed.map((c) => c.value)).size === 1 ? composed : [];
  const started = scriptRuns(ctx);
  return (file) => {
    const holding = images
      .filter((i) => file.startsWith(i.dir + path.sep))
      .sort((a, b) => b.dir.length - a.dir.length)[0];
    if (holding) return { value: holding.value, at: holding.at };
    // A script's `docker run` that bind-mounts this file (or its directory): the one release all such runs name.
    const mounting = started.filter((r) => r.hostPaths.some((p) => file === p || file.startsWith(p + path.sep)));
    const [onlyMounting] = new Set(mounting.map((r) => r.value)).size === 1 ? mounting : [];
    return onlyMounting ?? onlyComposed;
  };
}

/** `$(pwd)/cfg`, `${PWD}/cfg`, `./cfg`: a host path relative to where the script runs, read as its own directory. */
const FROM_WORKING_DIRECTORY = /^(?:\$\(pwd\)|\$\{PWD\}|\$PWD|`pwd`|\.)(?=\/|$)/;

/**
 * The HAProxy images shell scripts run (parse/container-runs.ts), with the tree paths they bind-mount. A host path
 * from the working directory is read from the script's directory (how haproxy-ssl-poc/haproxy-cfg@1653d7b runs its
 * ha.sh); an absolute one is outside the tree, and a bare name is a named volume.
 */
function scriptRuns(ctx: ModelContext): { value: string; at: Location; hostPaths: string[] }[] {
  return (ctx.documentsOf(CONTAINER_RUNS_KIND) as ParsedDocument<ContainerRunsData>[]).flatMap((d) =>
    d.data.runs.flatMap((run) => {
      const value = haproxyReleaseFromImage(run.image);
      const dir = d.data.directory;
      const hostPaths = run.mounts.flatMap(({ host }) =>
        dir !== undefined && FROM_WORKING_DIRECTORY.test(host)
          ? [path.join(dir, host.replace(FROM_WORKING_DIRECTORY, '.'))]
          : [],
      );
      return value && hostPaths.length > 0 ? [{ value, at: { file: d.file.path, range: run.range }, hostPaths }] : [];
    }),
  );
}

/**
 * Where the bind's release looks for the key of a crt file that holds none: the global settings' lookup, unless the
 * release reads no key file (before 2.2: none, naming the release) or is unknown (the lookup, marked open). An
 * ssl-load-extra-* line (`settingsWritten`) is a keyword only releases that read key files know.
 */
export function keyFileLookupOf(
  settings: HaproxyKeyFileLookup,
  release: HaproxyRelease | undefined,
  settingsWritten: boolean,
): HaproxyKeyFileLookup {
  if (settings.name === 'none' || settings.name === 'unknown' || settingsWritten) return settings;
  const { since, refusalBefore: refusal } = HAPROXY_FACTS.separateKeyFile;
  const reads = haproxyReadsSeparateKeyFile(release?.value);
  if (reads === true) return settings;
  if (reads === false && release)
    return { name: 'none', byRelease: { since, refusal, value: release.value, at: release.at } };
  return { ...settings, byRelease: { since, refusal } };
}

/** The lines of a configuration whose keyword a release removed (Deployment.haproxyRemovedKeywords). */
export function removedKeywords(
  ctx: ModelContext,
  doc: ParsedDocument<HaproxyData>,
  release: HaproxyRelease | undefined,
) {
  for (const section of doc.data.sections)
    for (const line of section.lines) {
      const removed = haproxyRemovedKeyword(line.keyword.value, section.kind, release?.value);
      if (!removed) continue;
      // A template that writes the keyword only for the releases before its removal is right for each release.
      const range = line.keyword.range;
      const bounds = (doc.template?.branches ?? []).filter((b) => within(range, b.range));
      if (
        bounds.some((b) => {
          const bound = releaseBoundOf(b, 'haproxy');
          return bound !== undefined && boundedBefore(bound, removed.since);
        })
      )
        continue;
      (ctx.deployment.haproxyRemovedKeywords ??= []).push({
        at: { file: doc.file.path, range: line.keyword.range },
        keyword: line.keyword.value,
        section: section.kind,
        since: removed.since,
        replacement: removed.replacement,
        source: removed.source,
        ...(release ? { release } : {}),
        refuses: removed.refuses,
        uncertain: doc.template !== undefined || line.conditional === true,
      });
    }
}
