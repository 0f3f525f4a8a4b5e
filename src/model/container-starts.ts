/**
 * Which directory of the tree builds the image a Kubernetes container runs: the fact that makes the container's
 * environment and arguments the start of that directory's app. Only what the tree says binds (a Skaffold artifact's
 * `image` + `context`, a Docker Compose service's `build:` + `image:`, Spring Boot's bootBuildImage `imageName` or
 * Jib's `to.image` in the project's build file); an image no build of the tree names binds to nothing, and
 * `--debug` says so (src/cli/debug-resolution.ts). Image names are compared without their tag or digest.
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import type { ComposeData } from '../parse/compose';
import type { ImageBuildData } from '../parse/image-build';
import type { KubernetesConfigMap, KubernetesContainer, KubernetesData } from '../parse/kubernetes';
import type { ParsedDocument } from '../parse/types';
import { relativePosix } from '../core/posix-path';
import { nearestOf } from '../parse/kubernetes-secret-values';

/** One way the app is started (a container of a Kubernetes workload; `compose` for its Docker Compose services). */
export interface StartVariant {
  id: string;
  /** What starts it, as users say it (`Deployment orders, container orders`). */
  label?: string;
  /** Why its environment may set any variable the tree does not show (an `envFrom:` Secret, a ConfigMap not here). */
  opaque?: string;
}

/** The id of the Docker Compose services' start among the starters. */
export const COMPOSE_START = 'compose';

export interface ImageBuild {
  /** The image repository, normalised (`docker.io/library/x:1` → `x`). */
  repository: string;
  /** The absolute build directory. */
  dir: string;
  location: Location;
  by: string;
}

export interface ContainerStart {
  doc: ParsedDocument<KubernetesData>;
  container: KubernetesContainer;
  /** The build directory of its image, when exactly one directory of the tree builds it. */
  dir?: string;
  /** How that directory's image is built (ImageBuild.by of each build naming it): a buildpack image reads JAVA_OPTS. */
  builtBy?: string[];
  /** Where each build naming it says so (ImageBuild.location), with builtBy. */
  builtAt?: Location[];
  /** Why it is bound, or why not (for --debug). */
  why: string;
  /** The ConfigMaps its `envFrom:` names that the tree holds, in its order. */
  configMaps: { configMap: KubernetesConfigMap; doc: ParsedDocument; from: Location }[];
  /** Why its environment may hold variables the tree does not show (an `envFrom:` Secret or missing ConfigMap). */
  opaque?: string;
}

/** `registry:5000/team/app:1.2@sha256:…` → `registry:5000/team/app`; Docker Hub's default prefixes dropped. */
export function imageRepository(image: string): string | undefined {
  const name = image.trim().replace(/@.*$/, '');
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const repository = (colon > slash ? name.slice(0, colon) : name).replace(/^(index\.)?docker\.io\//, '');
  const plain = repository.replace(/^library\//, '');
  // A name the build or the template decides (`${REGISTRY}/app`, `{{ .Values.image }}`) is not a fact.
  return plain && !/[${}<>\s]/.test(plain) ? plain.toLowerCase() : undefined;
}

/** Every image the tree says it builds, and from which directory. */
export function imageBuilds(documents: readonly ParsedDocument[], root: string): ImageBuild[] {
  const builds: ImageBuild[] = [];
  for (const doc of documents) {
    const base = path.dirname(doc.file.path);
    if (doc.kind === 'skaffold' || doc.kind === 'build.image') {
      const data = doc.data as ImageBuildData;
      // `${project.name}` is the Gradle project's directory name by default; Maven's come from the pom.
      const gradle = /\.gradle(\.kts)?$/.test(doc.file.path);
      const values: Record<string, string> = { ...(gradle && { 'project.name': path.basename(base) }), ...data.values };
      for (const image of data.images) {
        const written = image.written.replace(
          /\$\{([\w.-]+)\}|\$(project\.name|version)\b/g,
          (m: string, a?: string, b?: string) => values[a ?? b ?? ''] ?? m,
        );
        const repository = imageRepository(written);
        if (repository)
          builds.push({
            repository,
            dir: path.resolve(base, image.dir),
            location: { file: doc.file.path, range: image.range },
            by: image.by,
          });
      }
    } else if (doc.kind === 'compose')
      for (const service of (doc.data as ComposeData).services) {
        const repository = service.image !== undefined ? imageRepository(service.image) : undefined;
        if (repository && service.build !== undefined && !/[$]/.test(service.build))
          builds.push({
            repository,
            dir: path.resolve(base, service.build),
            location: { file: doc.file.path },
            by: `Docker Compose service ${service.name} (build + image)`,
          });
      }
  }
  return builds.filter((b) => !relativePosix(root, b.dir).startsWith('..'));
}

/** Every container of the tree's Kubernetes workloads, with the directory that builds its image when the tree says. */
export function containerStarts(documents: readonly ParsedDocument[], root: string): ContainerStart[] {
  const builds = imageBuilds(documents, root);
  const manifests = documents.filter((d): d is ParsedDocument<KubernetesData> => d.kind === 'kubernetes');
  const starts: ContainerStart[] = [];
  for (const doc of manifests)
    for (const container of doc.data.containers) {
      const repository = container.image && imageRepository(container.image.value);
      const matching = repository ? builds.filter((b) => b.repository === repository) : [];
      const dirs = [...new Set(matching.map((b) => b.dir))];
      const where = (b: ImageBuild) => `${b.by} in ${relativePosix(root, b.location.file)}`;
      const why = !container.image
        ? 'it names no image'
        : !repository
          ? `its image ${container.image.value} is decided at run time`
          : dirs.length === 0
            ? `no build of the tree names its image ${repository} (declare it: a Skaffold artifact, a Compose build + image, the build file's image name)`
            : dirs.length > 1
              ? `several directories build its image ${repository}: ${matching.map(where).join(', ')}`
              : `its image ${repository} is built from ${relativePosix(root, dirs[0]!) || '.'} (${matching.map(where).join(', ')})`;
      const start: ContainerStart = {
        doc,
        container,
        why,
        configMaps: [],
        ...(dirs.length === 1 && {
          dir: dirs[0],
          builtBy: matching.map((b) => b.by),
          builtAt: matching.map((b) => b.location),
        }),
      };
      for (const from of container.envFrom) {
        const location = { file: doc.file.path, range: from.range };
        const found = from.source === 'configMap' ? nearestConfigMap(manifests, doc, container, from.name) : undefined;
        if (found) start.configMaps.push({ ...found, from: location });
        else
          start.opaque ??=
            from.source === 'secret'
              ? `its envFrom Secret ${from.name} may set any variable`
              : `its envFrom ConfigMap ${from.name} is not in the tree (or holds no variable Spring reads)`;
      }
      starts.push(start);
    }
  return starts;
}

/**
 * The ConfigMap of that name that the container's manifest is applied with, in its namespace: in its own file, else in
 * its directory, else the only one of the tree (./kubernetes-sources.ts nearestOf). Several elsewhere (variant
 * directories) are not chosen between.
 */
function nearestConfigMap(
  manifests: readonly ParsedDocument<KubernetesData>[],
  doc: ParsedDocument,
  container: KubernetesContainer,
  name: string,
): { configMap: KubernetesConfigMap; doc: ParsedDocument } | undefined {
  const all = manifests.flatMap((d) =>
    d.data.configMaps
      .filter((c) => c.name === name)
      .map((configMap) => ({ configMap, doc: d, namespace: configMap.namespace })),
  );
  return nearestOf(all, doc, container.namespace);
}
