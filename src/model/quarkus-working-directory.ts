/**
 * The sources a Quarkus app reads from the directory it runs in, besides its class path: `.env` (ordinal 295, read as
 * environment variables: smallrye-config DotEnvConfigSourceProvider, `user.dir`) and `config/application.properties`
 * (260) or `config/application.yaml|yml` (265). In the tree they sit in the app's project directory (beside its
 * src/main/resources). The run reads them when the app runs from there: a Dockerfile of the app whose image holds the
 * file in its WORKDIR shows it does; an image of the app without it shows it does not; otherwise the tree does not say.
 * https://quarkus.io/guides/config-reference#configuration-sources
 */
import * as path from 'node:path';
import type { DockerfileData } from '../parse/dockerfile';
import type { EnvFileData } from '../parse/env-file';
import type { ImageFiles } from '../parse/image-files';
import type { ParsedDocument } from '../parse/types';
import type { PropertySource } from './java-shared';

export interface WorkingDirectory {
  /** The `.env` of the app's project directory: its variables that decide the HTTPS server. */
  dotEnv: readonly PropertySource[];
  /** Whether the run reads a working-directory file: true, false, or undefined when the tree does not say. */
  read(file: string): boolean | undefined;
}

export const NO_WORKING_DIRECTORY: WorkingDirectory = { dotEnv: [], read: () => undefined };

const RESOURCES = /[\\/]src[\\/]main[\\/]resources[\\/]/;
/** A `config/application[-profile].properties|yaml|yml` outside the class path (it is a working-directory file). */
const CONFIG_FILE = /(?:^|[\\/])config[\\/]application(?:-[^\\/]*)?\.(?:properties|ya?ml)$/;

/** Whether a file is one the working directory gives (a `config/application.*` outside src/main/resources). */
export const inWorkingDirectory = (file: string) => CONFIG_FILE.test(file) && !RESOURCES.test(file);

/** Whether a configuration file is on the class path's `config/` directory, which Quarkus does not read. */
export const onClassPathConfigDirectory = (file: string) => CONFIG_FILE.test(file) && RESOURCES.test(file);

/**
 * The app's working-directory sources: the `.env` beside its src/ (an `env-file` document), and how the app's
 * Dockerfiles (`dockerfiles`, those of its group) and the Compose bind mounts of the tree (`mountedHostPaths`) decide
 * whether the run reads them.
 */
export function quarkusWorkingDirectory(
  documents: readonly ParsedDocument[],
  configFiles: readonly ParsedDocument[],
  dockerfiles: readonly ParsedDocument<DockerfileData>[],
  images: ImageFiles | undefined,
  mountedHostPaths: readonly string[],
): WorkingDirectory {
  const projects = new Set(
    configFiles.flatMap((d) => {
      const at = RESOURCES.exec(d.file.path);
      return at ? [d.file.path.slice(0, at.index)] : [];
    }),
  );
  const dotEnv = documents
    .filter((d): d is ParsedDocument<EnvFileData> => d.kind === 'env-file' && path.basename(d.file.path) === '.env')
    .filter((d) => projects.has(path.dirname(d.file.path)))
    .flatMap((doc) => doc.data.springEnvironment.map((property) => ({ doc, property })));
  const workdirs = dockerfiles.map((d) => ({ file: d.file.path, workdir: d.data.stages.at(-1)?.workdir }));
  return {
    dotEnv,
    read(file) {
      // A Compose bind mount may put it where the app runs.
      const mounted = mountedHostPaths.some((m) => file === m || file.startsWith(m + path.sep));
      if (workdirs.length === 0 || !images || mounted) return undefined;
      const wanted = (workdir: string) =>
        path.posix.join(workdir, CONFIG_FILE.test(file) ? 'config' : '', path.basename(file));
      const held = images.holding(file);
      for (const { file: dockerfile, workdir } of workdirs) {
        // The base image's working directory: where the run reads the file from, the tree does not say.
        if (workdir === undefined) return undefined;
        if (held.some((h) => h.dockerfile === dockerfile && h.containerPath === wanted(workdir))) return true;
      }
      return false;
    },
  };
}
