/**
 * Which directory of the tree builds the image a Kubernetes container runs: the fact that makes the container's
 * environment and arguments the start of that directory's app. Only what the tree says binds (a Skaffold artifact's
 * `image` + `context`, a Docker Compose service's `build:` + `image:`, Spring Boot's bootBuildImage `imageName` or
 * Jib's `to.image` in the project's build file); an image no build of the tree names binds to nothing, and
 * `--debug` says so (src/cli/debug-resolution.ts). Image names are compared without their tag or digest.
 */
import * as path from 'node:path';
import type { Location, RelatedLocation } from '../core/types';
import type { ImageBuildData } from '../parse/image-build';
import type { KubernetesContainer, KubernetesData, KubernetesEnvFrom } from '../parse/kubernetes';
import { keysFromTemplate, type KubernetesEnvSource } from '../parse/kubernetes-env-sources';
import type { JvmProperty } from '../parse/java/jvm-args';
import { JVM_OPTION_VARIABLE } from '../parse/java/container-jvm';
import { springBoundProperty } from '../parse/java/spring-environment';
import type { ParsedDocument } from '../parse/types';
import { relativePosix } from '../core/posix-path';
import {
  heldSource,
  manifestSources,
  referencedKey,
  takesKey,
  type HeldSource,
} from '../parse/kubernetes-secret-values';
import type { ComposeServiceBuild } from './compose-builds';

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
  /** The ConfigMaps and Secrets its `envFrom:` names that the tree holds and that set variables read, in its order. */
  envSources: { envSource: KubernetesEnvSource; doc: ParsedDocument; from: Location }[];
  /**
   * Its `env:` variables Spring binds, in order, a `secretKeyRef` one read from the Secret the tree holds (at that
   * key, `via` the item naming it); else as the container writes it (a `valueFrom:` unresolved).
   */
  springEnvironment: { doc: ParsedDocument; property: JvmProperty; via?: RelatedLocation[] }[];
  /** Why its environment may hold variables the tree does not show (an `envFrom:` source the tree does not hold). */
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

/** Every image the tree says it builds, and from which directory (`composeBuilds`: ./compose-builds.ts). */
export function imageBuilds(
  documents: readonly ParsedDocument[],
  root: string,
  composeBuilds: readonly ComposeServiceBuild[],
): ImageBuild[] {
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
      for (const { service, context } of composeBuilds.filter((b) => b.doc === doc)) {
        const repository = service.image !== undefined ? imageRepository(service.image) : undefined;
        if (repository && context !== undefined)
          builds.push({
            repository,
            dir: context,
            location: { file: doc.file.path },
            by: `Docker Compose service ${service.name} (build + image)`,
          });
      }
  }
  return builds.filter((b) => !relativePosix(root, b.dir).startsWith('..'));
}

/** Every container of the tree's Kubernetes workloads, with the directory that builds its image when the tree says. */
export function containerStarts(
  documents: readonly ParsedDocument[],
  root: string,
  composeBuilds: readonly ComposeServiceBuild[],
): ContainerStart[] {
  const builds = imageBuilds(documents, root, composeBuilds);
  const manifests = documents.filter((d): d is ParsedDocument<KubernetesData> => d.kind === 'kubernetes');
  const sources = manifestSources(manifests);
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
        envSources: [],
        springEnvironment: environmentOf(sources, doc, container),
        ...(dirs.length === 1 && {
          dir: dirs[0],
          builtBy: matching.map((b) => b.by),
          builtAt: matching.map((b) => b.location),
        }),
      };
      for (const from of container.envFrom) {
        const held = heldSource(sources, doc, container.namespace, from.source, from.name, from.range);
        const unread = typeof held === 'string' ? `its envFrom ${held}` : unreadKeys(held, from);
        if (unread) start.opaque ??= `${unread}: it may set any variable`;
        // With a `prefix:`, no key is set under its own name.
        else if (typeof held !== 'string' && !from.prefix) {
          const envSource = variablesOf(held);
          if (envSource)
            start.envSources.push({ envSource, doc: held.doc, from: { file: doc.file.path, range: from.range } });
        }
      }
      starts.push(start);
    }
  return starts;
}

const KIND_NAME = { configMap: 'ConfigMap', secret: 'Secret' } as const;

/**
 * Why the keys of a held `envFrom:` source do not say which variables it sets: a template writes some, or its
 * `prefix:` makes of a key a variable that lint-deploy would read under the prefixed name only.
 */
function unreadKeys(held: HeldSource, from: KubernetesEnvFrom): string | undefined {
  const said = `${KIND_NAME[held.source.source]} ${held.source.name}`;
  if (keysFromTemplate(held.doc.file.text, held.source)) return `a template writes keys of its envFrom ${said}`;
  const prefix = from.prefix ?? '';
  const prefixed = prefix
    ? held.source.keys.find((k) => springBoundProperty(prefix + k.key) || JVM_OPTION_VARIABLE.test(prefix + k.key))
    : undefined;
  return (
    prefixed && `its envFrom ${said} sets ${prefixed.key} as ${prefix}${prefixed.key}, which lint-deploy does not read`
  );
}

/** The variables a held source sets that lint-deploy reads (none: it sets none of them); none with a `prefix:`. */
function variablesOf(held: HeldSource): KubernetesEnvSource | undefined {
  return held.doc.data.envSources.find(
    (e) => e.source === held.source.source && e.name === held.source.name && e.namespace === held.source.namespace,
  );
}

/**
 * The container's Spring-bound `env:` variables, a `secretKeyRef` or `configMapKeyRef` one read from the Secret or
 * ConfigMap the tree holds (placed at its key, `via` the item naming it).
 */
function environmentOf(
  sources: readonly HeldSource[],
  doc: ParsedDocument<KubernetesData>,
  container: KubernetesContainer,
): ContainerStart['springEnvironment'] {
  return container.springEnvironment.map((property) => {
    const item = container.environment.find(
      (v) =>
        (v.secretKeyRef || v.configMapKeyRef) &&
        v.name === property.via &&
        v.nameRange.start.line === property.nameRange.start.line,
    );
    const found = property.unresolved && item ? referencedKey(sources, doc, container.namespace, item) : undefined;
    if (!item || typeof found !== 'object' || found.value === undefined) return { doc, property };
    const { key } = found;
    return {
      doc: found.held.doc,
      property: {
        ...property,
        value: found.value,
        nameRange: key.keyRange,
        valueRange: key.valueRange,
        unresolved: false,
      },
      via: [{ file: doc.file.path, range: item.nameRange, message: takesKey(item.name, container.label, found) }],
    };
  });
}
