/**
 * The MQSC an IBM MQ container image applies itself with the tree's: the developer image (icr.io/ibm-messaging/mq,
 * ibmcom/mq) creates its queue manager with `crtmqm -ic /etc/mqm/`, which runs its own `/etc/mqm/10-dev.mqsc` (with
 * `MQ_DEV=true`, the image's default) and `20-dev-tls.mqsc` (when a key is mounted) with the user's `/etc/mqm/*.mqsc`,
 * in name order (mq.json imageScripts, each record with its source). A tree's MQSC runs there when a Compose service of
 * such an image mounts it into /etc/mqm, a Dockerfile FROM such an image copies it there, or a Kubernetes container of
 * such an image mounts the ConfigMap key holding it there (./mq-kubernetes-image-runs.ts). What the tree leaves open
 * is not guessed: an `MQ_DEV` the shell or a build argument fills in, services that disagree, a release before the
 * listed records leave the image's scripts out (the rules then read the queue manager's shipped defaults, as before);
 * a key that may be mounted at run time leaves the TLS script's values unknown.
 */
import { shortPath } from './runtime-named';
import * as path from 'node:path';
import type { Location } from '../core/types';
import { serviceBuild, type ComposeData, type ComposeService } from '../parse/compose';
import type { ServiceVariables } from '../parse/compose-service-variables';
import type { DockerfileData } from '../parse/dockerfile';
import { runtimeStage, runtimeStages } from '../parse/dockerfile-stages';
import type { ImageFiles } from '../parse/image-files';
import { parseMqsc, type MqscCommand, type MqscData } from '../parse/mqsc';
import type { ParsedDocument } from '../parse/types';
import { mqImageScripts, mqReleaseFromImage, renderedMqImageScript, type MqImageScript } from '../knowledge';
import { appliedAtStart, mqscPathInContainer } from './mq-qmgr-names';
import type { ImageScriptsUnknown, TreeMount } from './types';

/** One container that runs a tree MQSC file through an image with scripts of its own. */
export interface ImageRun {
  /** The file's name in /etc/mqm: it orders the file among the image's scripts. */
  name: string;
  /** Its other names there, when the container mounts the document's keys at several (a ConfigMap's `*.mqsc` keys). */
  otherNames?: string[];
  image: string;
  /** The mount or COPY that puts the file into the image's /etc/mqm. */
  at: Location;
  how: string;
  /** The container's variables: the value written, or undefined when the shell or a build argument fills it in. */
  environment: Map<string, string | undefined>;
  /** False when an `env_file:` the tree does not hold may set any other variable. */
  environmentComplete: boolean;
  /** Paths the container mounts (Compose) or the image copies files to. */
  targets: string[];
  /** Paths Compose mounts over in the container (a file, or a whole directory, hides the image's own). */
  mountedOver: string[];
  /** True when nothing in the tree runs the image, so what is mounted at run time is unknown. */
  mountsUnknown: boolean;
}

/** What a `docker run` gives the container it starts: its variables and the paths it mounts. */
export interface StartedContainer {
  environment: Map<string, string | undefined>;
  environmentComplete: boolean;
  targets: string[];
  /** Where the command names its image, in words (`run.sh:3`). */
  where: string;
  /** The command, as the tree writes it: `docker run`, `podman run`. */
  startedWith: string;
}

/** An image's script joined to a tree MQSC file: its name in /etc/mqm and its commands, placed at the mount or COPY. */
export interface ImageScriptPart {
  name: string;
  /** The records as the image writes them for this container (what two containers must agree on). */
  rendered: string;
  commands: MqscCommand[];
}

/** The image's scripts a tree MQSC file runs with, and the file's own name in /etc/mqm. */
export interface ImageScripts {
  name: string;
  parts: ImageScriptPart[];
}

/** What the deployment says about the containers that run its MQSC files (read once per deployment). */
export interface ImageScriptInputs {
  mounts: readonly TreeMount[];
  composeFiles: readonly ParsedDocument<ComposeData>[];
  dockerfiles: readonly ParsedDocument<DockerfileData>[];
  images: ImageFiles | undefined;
  /** The variables a Compose service gives its container (read once per deployment: ./compose-variables.ts). */
  variablesOf: (doc: ParsedDocument<ComposeData>, service: ComposeService) => ServiceVariables;
  /** The deployment's top directory: a Dockerfile is named from there, never by the checkout's own name. */
  root: string;
  /** The Kubernetes containers that mount the document (a ConfigMap's key) into the image's /etc/mqm. */
  kubernetesRuns?: (doc: ParsedDocument<MqscData>) => ImageRun[];
  /** The containers scripts start with `docker run` that mount the document into the image's /etc/mqm. */
  scriptRuns?: (doc: ParsedDocument<MqscData>) => ImageRun[];
  /** The containers scripts start with `docker run` of the image a script builds from a Dockerfile (its path). */
  startedFrom?: (dockerfile: string) => StartedContainer[];
}

/** A container whose image's release precedes the records mq.json lists. */
const BEFORE_RECORDS = Symbol('before the listed records');

/**
 * The image's scripts the MQSC `doc` runs with: the same for every container that runs it. Unknown when a container's
 * `MQ_DEV` or release is not known, or the containers differ (which one applies is not known). None when no container
 * of such an image runs it, or each leaves them out.
 */
export function imageScriptsOf(
  doc: ParsedDocument<MqscData>,
  inputs: ImageScriptInputs,
): ImageScripts | ImageScriptsUnknown | undefined {
  const runs = [
    ...imageRuns(doc.file.path, inputs),
    ...(inputs.kubernetesRuns?.(doc) ?? []),
    ...(inputs.scriptRuns?.(doc) ?? []),
  ];
  const each = runs.map(scriptsOfRun);
  // A release before the listed records: left out, as before they were known (the rules read the shipped defaults).
  if (each.includes(BEFORE_RECORDS)) return undefined;
  const unknown = each.findIndex((s) => typeof s === 'string');
  if (unknown >= 0) return { file: doc.file.path, at: runs[unknown]!.at, why: each[unknown] as string };
  const key = (s: (typeof each)[number]) =>
    typeof s === 'object' ? `${s.name}\n${s.parts.map((p) => `${p.name}:${p.rendered}`).join('\n')}` : '';
  if (each.every((s) => key(s) === key(each[0]))) return each[0] as ImageScripts | undefined;
  return {
    file: doc.file.path,
    at: runs[0]!.at,
    why: 'the containers that run this file do not apply the same scripts of their images',
  };
}

/**
 * The image's scripts one container applies with the file (none when it leaves them out, or when its release precedes
 * the listed records), or why that is unknown: its `MQ_DEV` is not known.
 */
function scriptsOfRun(run: ImageRun): ImageScripts | string | typeof BEFORE_RECORDS | undefined {
  const release = mqReleaseFromImage(run.image)?.release;
  const parts: ImageScriptPart[] = [];
  for (const script of mqImageScripts(run.image)) {
    const own = path.posix.join(script.directory, script.file);
    // A mount over the file, or over the whole directory, replaces the image's own.
    if (run.mountedOver.some((t) => t === own || t === script.directory)) continue;
    const { variable, value, imageDefault, keyDirectory } = script.appliedWhen;
    const set = run.environment.has(variable)
      ? run.environment.get(variable)
      : run.environmentComplete
        ? imageDefault
        : undefined;
    if (set === undefined || /\$/.test(set))
      return `${variable} is not known here (${set === undefined && !run.environment.has(variable) ? 'an env_file the tree does not hold may set it' : 'filled in when the container starts'}), so whether ${run.image} applies its ${own} (${script.what}) ${run.how} is unknown: the findings read this file without it`;
    if (set !== value) continue;
    // Keys of one ConfigMap on both sides of the image's script: the joined order would be wrong, so it is not joined.
    if (run.otherNames?.some((n) => n < script.file !== run.name < script.file))
      return `${run.how} at names on both sides of ${own} (${[run.name, ...run.otherNames].join(', ')}), which lint-deploy does not interleave with the image's script: the findings read this file without it`;
    const key = keyDirectory ? keyMounted(run, keyDirectory) : true;
    if (key === false) continue;
    const isSet = (name: string) =>
      run.environment.has(name) ? true : run.mountsUnknown || !run.environmentComplete ? undefined : false;
    const records = renderedMqImageScript(script, release, isSet);
    if (!records) return BEFORE_RECORDS;
    parts.push({
      name: script.file,
      rendered: `${records.map((r) => r.text).join('\n')}${key === undefined ? '\n(values unknown)' : ''}`,
      commands: placedRecords(script, records, run, key === undefined),
    });
  }
  return parts.length > 0 ? { name: run.name, parts } : undefined;
}

/** Whether the container has a key in `dir`: undefined when what is mounted at run time is not in the tree. */
function keyMounted(run: ImageRun, dir: string): boolean | undefined {
  if (run.targets.some((t) => t === dir || t.startsWith(dir + '/'))) return true;
  return run.mountsUnknown ? undefined : false;
}

/** The records as MQSC commands, each placed at the mount or COPY and naming its source; `unknown`: every value unknown. */
function placedRecords(
  spec: MqImageScript,
  records: { line: number; text: string }[],
  run: ImageRun,
  unknown: boolean,
): MqscCommand[] {
  const parsed = parseMqsc({ path: run.at.file, text: records.map((r) => r.text).join('\n'), hadBom: false });
  const range = run.at.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const script = `${run.image}'s ${path.posix.join(spec.directory, spec.file)}, applied ${run.how}${unknown ? ' (applied only when a key is mounted, which the tree does not show: its values are unknown)' : ''}`;
  return parsed.data.commands.map((command) => {
    const line = records[command.range.start.line]?.line ?? 0;
    const param = <P extends { templated: boolean; valueRange?: unknown }>(p: P): P => ({
      ...p,
      keywordRange: range,
      ...(p.valueRange ? { valueRange: range } : {}),
      file: run.at.file,
      templated: p.templated || unknown,
    });
    const type = command.params.find((p) => p.keyword === 'TYPE')?.value;
    return {
      ...command,
      range,
      file: run.at.file,
      name: command.name && param(command.name),
      params: command.params.map(param),
      origin: {
        script,
        record: `${command.verb}${command.noun ? ` ${command.noun}('${command.name?.value ?? ''}')` : ''}${type ? ` TYPE(${type})` : ''}`,
        source: spec.source,
        line,
        ...(spec.licence && { licence: spec.licence.what }),
      },
    };
  });
}

/** The containers that run the file through an image with scripts of its own: by a Compose mount, or a Dockerfile's COPY. */
function imageRuns(
  file: string,
  { mounts, composeFiles, dockerfiles, images, variablesOf, root, startedFrom }: ImageScriptInputs,
): ImageRun[] {
  const runs: ImageRun[] = [];
  for (const treeMount of mounts) {
    const { file: composeFile, mount, image } = treeMount;
    if (!mount.service || !image || mqImageScripts(image).length === 0) continue;
    const inside = mqscPathInContainer(file, treeMount);
    if (inside === undefined || !appliedAtStart(inside)) continue;
    const doc = composeFiles.find((d) => d.file.path === composeFile);
    const service = doc?.data.services.find((s) => s.name === mount.service);
    if (!doc || !service) continue;
    const mounted = mountTargets(composeFiles, composeFile, service.name);
    runs.push({
      name: path.posix.basename(inside),
      image,
      at: { file: composeFile, range: mount.range },
      how: `in Compose service ${service.name}, which mounts this file as ${inside}`,
      ...composeEnvironment(variablesOf(doc, service)),
      targets: mounted,
      mountedOver: mounted,
      mountsUnknown: false,
    });
  }
  for (const held of images?.holding(file) ?? []) {
    const inside = path.posix.normalize(held.containerPath);
    if (!appliedAtStart(inside)) continue;
    const dockerfile = dockerfiles.find((d) => d.file.path === held.dockerfile);
    const image = dockerfile && runtimeStage(dockerfile.data)?.image;
    if (!dockerfile || !image || mqImageScripts(image).length === 0) continue;
    const copy = images?.resolve(file, inside)?.by ?? { file: dockerfile.file.path };
    const imageEnvironment = dockerfileEnvironment(dockerfile);
    const copied = copyTargets(dockerfile.data);
    const base = {
      name: path.posix.basename(inside),
      image,
      at: copy,
      how: `in the image ${shortPath(dockerfile.file.path, root)} builds, which copies this file to ${inside}`,
    };
    const building = composeFiles.flatMap((doc) =>
      doc.data.services
        .filter((s) => serviceBuild(doc.file.path, s)?.dockerfile === dockerfile.file.path)
        .map((service) => ({ doc, service })),
    );
    const started = startedFrom?.(dockerfile.file.path) ?? [];
    for (const container of started)
      runs.push({
        ...base,
        how: `${base.how} (started by ${container.startedWith} at ${container.where})`,
        environment: new Map([...imageEnvironment, ...container.environment]),
        environmentComplete: container.environmentComplete,
        targets: [...copied, ...container.targets],
        mountedOver: container.targets,
        mountsUnknown: false,
      });
    if (building.length === 0 && started.length === 0)
      runs.push({
        ...base,
        environment: imageEnvironment,
        environmentComplete: true,
        targets: copied,
        mountedOver: [],
        mountsUnknown: true,
      });
    for (const { doc, service } of building) {
      const container = composeEnvironment(variablesOf(doc, service));
      const mounted = mountTargets(composeFiles, doc.file.path, service.name);
      runs.push({
        ...base,
        environment: new Map([...imageEnvironment, ...container.environment]),
        environmentComplete: container.environmentComplete,
        targets: [...copied, ...mounted],
        mountedOver: mounted,
        mountsUnknown: false,
      });
    }
  }
  return runs;
}

/**
 * The container's variables a Compose service gives (src/parse/compose-service-variables.ts): a value the run fills
 * in is unknown; an env file the tree does not hold (or a path a variable names) leaves every other variable unknown.
 */
function composeEnvironment(variables: ServiceVariables): {
  environment: Map<string, string | undefined>;
  environmentComplete: boolean;
} {
  return {
    environment: new Map([...variables.variables].map(([name, v]) => [name, v.value])),
    environmentComplete: variables.unread.length === 0,
  };
}

/** The Dockerfile's ENV of the image it builds: a value from a build argument or another variable is unknown. */
function dockerfileEnvironment(dockerfile: ParsedDocument<DockerfileData>): Map<string, string | undefined> {
  return new Map(dockerfile.entries.filter((e) => e.section === 'ENV').map((e) => [e.key, e.value]));
}

/** The container paths a Compose service mounts: bind mounts, named volumes and secrets, short or long syntax. */
function mountTargets(
  composeFiles: readonly ParsedDocument<ComposeData>[],
  composeFile: string,
  service: string,
): string[] {
  const doc = composeFiles.find((d) => d.file.path === composeFile);
  const escaped = service.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const key = new RegExp(`^(?:services\\.)?${escaped}\\.(?:volumes|secrets)\\[\\d+\\](\\.target)?$`);
  const targets: string[] = [];
  for (const entry of doc?.entries ?? []) {
    const m = key.exec(entry.key);
    if (!m) continue;
    // `source:target[:mode]`; an anonymous volume is its target alone.
    const target = m[1] ? entry.value : (entry.value.split(':')[1] ?? entry.value);
    if (target.startsWith('/')) targets.push(path.posix.normalize(target).replace(/(.)\/$/, '$1'));
  }
  return targets;
}

/** Where the image's own COPY and ADD instructions put files (a key copied into /etc/mqm/pki/keys is mounted for good). */
function copyTargets(data: DockerfileData): string[] {
  const stages = new Set(runtimeStages(data));
  return data.copies.flatMap((c) =>
    stages.has(c.stage) && c.destination ? [path.posix.normalize(c.destination).replace(/\/$/, '')] : [],
  );
}
