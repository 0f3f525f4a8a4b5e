import type { TreeLink } from '../core/types';
import * as path from 'node:path';
import type { LintConfig } from '../core/config';
import type { ParsedDocument } from '../parse/types';
import { contributorApplies, type ModelContext } from './contributor';
import { composeMountsOf } from './compose-mounts';
import { componentGlobs } from './paths';
import { treeCertificates, type TreeCertificate } from './mq-certs';
import { MODEL_CONTRIBUTORS } from './registry';
import { mqscScripts } from './mq-scripts';
import { imageScriptsOf, type ImageScriptInputs } from './mq-image-scripts';
import { kubernetesImageRuns } from './mq-kubernetes-image-runs';
import { containersOfBuiltImage, scriptImageRuns } from './mq-script-image-runs';
import { composeVariablesOf } from './compose-variables';
import type { ComposeData } from '../parse/compose';
import type { DockerfileData } from '../parse/dockerfile';
import { findRuntimes, makeRuntimeResolver, type ImagesHolding } from './runtime';
import { dockerfileJlinkRuntimes } from './dockerfile-jlink';
import { RunMemo } from '../core/run-memo';
import { treeStoresOf } from './store-files';
import { ImageFiles } from '../parse/image-files';
import { IDT_CONFIG_KIND, type ImageBuildData } from '../parse/image-build';
import { misplacedHomeCopies } from './image-home-files';
import { libertyKeyStoresUnreferenced, libertyStoreHomes } from './liberty-unreferenced';
import { libertyServersServingNoTls } from './unserved-tls';
import { includesMissingOf, libertyServersOf } from './liberty-config';
import type { Deployment, ImageScriptsUnknown } from './types';
import { relativePosix } from '../core/posix-path';

export interface BuildOptions {
  config: LintConfig;
  /** `--java-version` / `--java-vendor` from the command line. */
  java?: { version?: string; vendor?: string };
  /** Answers shared by the run's deployments (default: one for this deployment alone). */
  memo?: RunMemo;
  /** Directories of the deployment's Maven and Gradle projects (Deployment.buildProjects). */
  buildProjects?: string[];
  /** The symbolic links the walk met (Deployment.treeLinks). */
  treeLinks?: readonly TreeLink[];
  /** The files the deployment lists (Deployment.files). */
  files?: readonly string[];
}

/** The model and the tree's certificates, computed once while building it (the derive stage keeps them). */
export interface BuiltModel {
  deployment: Deployment;
  certificates: TreeCertificate[];
}

export function buildModel(root: string, documents: ParsedDocument[], options: BuildOptions): BuiltModel {
  const { config } = options;
  const memo = options.memo ?? new RunMemo();
  // Read once: the runtimes attach their JDK, and java/jlink-runtime-without-ec judges their modules.
  const jlinkRuntimes = dockerfileJlinkRuntimes(documents, memo);
  // Where the Dockerfiles put the tree's files, read once: the runtimes, the stores and the rules ask.
  const imageFiles = new ImageFiles(documents);
  const misplacedHomeFiles = misplacedHomeCopies(documents, imageFiles, memo);
  const runtimes = findRuntimes(documents, root, { files: imageFiles, misplacedHomeFiles }, memo, jlinkRuntimes);
  const componentMatchers = componentGlobs(config.components).filter((g) => g.component.java);
  const matchComponent = (file: string) => {
    if (!componentMatchers.length) return undefined;
    const relative = relativePosix(config.baseDir, file);
    return componentMatchers.find((m) => m.match(relative) || m.match(path.posix.dirname(relative)))?.component.java;
  };
  // Among equally near image JDKs, the image holding a component's file runs it (asked once the model's context exists:
  // the deployment's own runtime is chosen without).
  const images: { holding?: ImagesHolding } = {};
  const runtimeFor = makeRuntimeResolver(runtimes, config, matchComponent, options.java, () => images.holding);
  const deployment: Deployment = {
    root,
    documents,
    components: [],
    links: [],
    runtime: runtimeFor(path.join(root, '.')),
    buildProjects: options.buildProjects ?? [],
    treeLinks: options.treeLinks ?? [],
    files: options.files ?? [],
    composeMounts: composeMountsOf(documents, root, options.treeLinks),
    jlinkRuntimes,
    misplacedHomeFiles,
  };
  const ids = new Set<string>();
  const linkIds = new Set<string>();
  let certificates: TreeCertificate[] | undefined;
  const built = new RunMemo();
  const ctx: ModelContext = {
    deployment,
    config,
    memo,
    documentsOf: (prefix) => documents.filter((d) => d.kind.startsWith(prefix)),
    addComponent(component) {
      // Ids must be unique inside a deployment: suffix repeats instead of failing the run.
      let id = component.id;
      for (let n = 2; ids.has(id); n++) id = `${component.id}#${n}`;
      ids.add(id);
      deployment.components.push({ ...component, id });
    },
    addLink(link) {
      // Several contributors may find the same pair (a URL and a config `links` entry): the first one found stands.
      if (linkIds.has(link.id)) return false;
      linkIds.add(link.id);
      deployment.links.push(link);
      return true;
    },
    runtimeFor,
    once: (name, compute) => built.get('once', name, compute),
    images: imageFiles,
    certificates: () =>
      (certificates ??= treeCertificates(documents, root, deployment.tlsLessHomes, deployment.libertyStoreHomes)),
    hostOf(file) {
      return relativePosix(root, path.dirname(file));
    },
  };
  const dockerfiles = new Set(documents.filter((d) => d.kind === 'dockerfile').map((d) => d.file.path));
  const runImages = idtRunImages(documents, dockerfiles);
  images.holding = {
    holding: (file) => imageFiles.holding(file).map((h) => h.dockerfile),
    isDockerfile: (file) => dockerfiles.has(file),
    runImage: (file) => runImages.find((r) => file.startsWith(r.dir + path.sep))?.dockerfile,
  };
  // Liberty servers that serve no TLS: the directories no component picks a certificate from by label; and the key
  // stores of those that do which nothing refers to.
  deployment.unservedTls = [
    ...libertyServersServingNoTls(ctx, treeStoresOf(ctx)),
    ...libertyKeyStoresUnreferenced(ctx, treeStoresOf(ctx)),
  ];
  deployment.tlsLessHomes = deployment.unservedTls.flatMap((u) => u.home ?? []);
  deployment.libertyStoreHomes = libertyStoreHomes(ctx, treeStoresOf(ctx));
  deployment.contextExclusions = treeStoresOf(ctx).images?.leftOutOfContexts() ?? new Map();
  // The MQSC scripts again, with what the images that run them apply themselves (their copies are known only now).
  const imageInputs: ImageScriptInputs = {
    mounts: deployment.composeMounts ?? [],
    composeFiles: documents.filter((d): d is ParsedDocument<ComposeData> => d.kind === 'compose'),
    dockerfiles: documents.filter((d): d is ParsedDocument<DockerfileData> => d.kind === 'dockerfile'),
    images: treeStoresOf(ctx).images,
    variablesOf: (doc, service) => composeVariablesOf(ctx, doc, service),
    root,
    kubernetesRuns: (doc) => kubernetesImageRuns(ctx, doc),
    scriptRuns: (doc) => scriptImageRuns(ctx, doc),
    startedFrom: (dockerfile) => containersOfBuiltImage(ctx, dockerfile),
  };
  const imageScriptsUnknown: ImageScriptsUnknown[] = [];
  deployment.mqscScripts = mqscScripts(
    documents,
    (doc) => {
      const found = imageScriptsOf(doc, imageInputs);
      if (found && 'why' in found) imageScriptsUnknown.push(found);
      return found && 'parts' in found ? found : undefined;
    },
    root,
  );
  if (imageScriptsUnknown.length > 0) deployment.mqImageScriptsUnknown = imageScriptsUnknown;
  const kinds = new Set(documents.map((d) => d.kind));
  for (const contributor of MODEL_CONTRIBUTORS) if (contributorApplies(contributor, kinds)) contributor.contribute(ctx);
  deployment.libertyIncludesMissing = includesMissingOf(libertyServersOf(ctx));
  return { deployment, certificates: ctx.certificates() };
}

/** The run containers' Dockerfiles that IBM Cloud cli-config.yml files name (a Dockerfile of the tree), deepest first. */
function idtRunImages(
  documents: readonly ParsedDocument[],
  dockerfiles: ReadonlySet<string>,
): { dir: string; dockerfile: string }[] {
  return documents
    .filter((d): d is ParsedDocument<ImageBuildData> => d.kind === IDT_CONFIG_KIND)
    .flatMap((d) => {
      const dir = path.dirname(d.file.path);
      const written = d.data.runDockerfile;
      const dockerfile = written === undefined ? undefined : path.join(dir, written);
      return dockerfile !== undefined && dockerfiles.has(dockerfile) ? [{ dir, dockerfile }] : [];
    })
    .sort((a, b) => b.dir.length - a.dir.length);
}
