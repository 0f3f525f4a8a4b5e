/**
 * How the tree starts Keycloak's Quarkus distribution, and the `https-*` options each start gives it, source by source
 * in Keycloak's order (knowledge: keycloak.json `sources`): the command line (`kc.sh start --https-key-store-file=…`,
 * a Dockerfile's CMD/ENTRYPOINT, a Compose service's `command:`), then the environment (`KC_HTTPS_KEY_STORE_FILE`: a
 * Dockerfile's ENV under a Compose service's variables, read by ../parse/compose-service-variables.ts), then
 * `conf/keycloak.conf`. A start is a Compose service running a Keycloak image (or building one), else a Dockerfile
 * whose running image is Keycloak's, else a keycloak.conf that neither holds (a distribution unpacked on a host).
 * WildFly-based images (`jboss/keycloak`, tags before the Quarkus distribution, `-legacy`) read none of these.
 */
import * as path from 'node:path';
import type { Location, Range } from '../core/types';
import { BITNAMI_KEYCLOAK, KEYCLOAK_HTTPS } from '../knowledge/keycloak';
import { serviceBuild, type ComposeData, type ComposeService } from '../parse/compose';
import { serviceVariables } from '../parse/compose-service-variables';
import type { DockerfileData } from '../parse/dockerfile';
import { heldCommands, runtimeStage } from '../parse/dockerfile-stages';
import { scanOptions } from '../parse/java/jvm-args';
import { KEYCLOAK_CONF_KIND } from '../parse/keycloak-conf';
import type { KubernetesData } from '../parse/kubernetes';
import { LineIndex } from '../parse/text';
import type { Entry, ParsedDocument } from '../parse/types';
import { relativePosix } from '../core/posix-path';
import { deploymentMounts } from './compose-mounts';
import { imageRepository } from './container-starts';
import type { ModelContext } from './contributor';
import { envFromVariables, mountedSourceFile, type MountedSourceFile } from './kubernetes-sources';
import { serviceImageRuntime } from './kafka-brokers';
import { mountedStoreFile, mountedTreeFile } from './kafka-protocols';
import { treeStoresOf } from './store-files';
import type { JavaRuntime } from './types';

/** The options of Keycloak's HTTPS server that lint-deploy reads (quarkus/config-api HttpOptions.java). */
const HTTPS_OPTIONS = new Set([
  'https-certificate-file',
  'https-certificate-key-file',
  'https-key-store-file',
  'https-key-store-password',
  'https-key-store-type',
  'https-trust-store-file',
  'https-trust-store-password',
  'https-trust-store-type',
  'https-protocols',
  'https-cipher-suites',
  'https-client-auth',
  'https-port',
  // Its plain HTTP listener (an Ingress's backend: ./kubernetes-ingress-backends.ts).
  'http-enabled',
  'http-port',
]);

export type KeycloakLayer = 'command line' | 'environment' | 'keycloak.conf';

/** One option as a start gives it: its name, how it is written, its value and where. */
export interface KeycloakSetting {
  /** The option (`https-key-store-file`). */
  option: string;
  /** As written: `--https-key-store-file`, `KC_HTTPS_KEY_STORE_FILE`, `https-key-store-file`. */
  written: string;
  value: string;
  /** Only the run knows the value: a placeholder, a shell expansion, a variable taken from the shell. */
  unresolved: boolean;
  keyAt: Location;
  valueAt: Location;
  layer: KeycloakLayer;
}

export interface KeycloakStart {
  /** How users name it: `Compose service keycloak (docker-compose.yml)`, `Dockerfile`, `conf/keycloak.conf`. */
  label: string;
  /** The file that defines it (the Compose file, the Kubernetes manifest, the Dockerfile, the keycloak.conf). */
  file: string;
  /** Which of the file's starts it is, when a file defines several (a manifest's `0:Deployment kc/0`). */
  part?: string;
  /** Its settings by option, the one of the first source that sets it. */
  settings: Map<string, KeycloakSetting>;
  /** Why its environment may set any option the tree does not show (a Kubernetes `envFrom:`), and where. */
  opaque?: { why: string; at: Location };
  /** Its keycloak.conf, when it reads one of the tree. */
  conf?: ParsedDocument;
  documents: ParsedDocument[];
  /**
   * The tree store a bind mount (a ConfigMap or Secret volume) puts at an absolute path of its container; `unknown`:
   * a volume puts a file there whose content the tree does not show, and why.
   */
  mounted?: (written: string) => MountedSourceFile | undefined;
  runtime?: JavaRuntime;
}

/** Where the Keycloak images keep their configuration file. */
const IMAGE_CONF = '/opt/keycloak/conf/keycloak.conf';
const KEYCLOAK_REPOSITORY = /(^|\/)(keycloak\/keycloak|bitnami\/keycloak|rhbk\/keycloak-rhel\d+)$/;
const BITNAMI_REPOSITORY = /(^|\/)bitnami\/keycloak$/;

/** Whether an image runs Keycloak's Quarkus distribution: its repository, and a tag not before it nor `-legacy`. */
export function isKeycloakImage(image: string): boolean {
  const repository = imageRepository(image);
  if (!repository || !KEYCLOAK_REPOSITORY.test(repository)) return false;
  const name = image.trim().replace(/@.*$/, '');
  const tag = name.slice(name.lastIndexOf('/') + 1).split(':')[1] ?? '';
  if (/legacy/i.test(tag)) return false;
  const major = /^(\d+)/.exec(tag)?.[1];
  return major === undefined || Number(major) >= KEYCLOAK_HTTPS.quarkusSince;
}

/**
 * Whether a Dockerfile's image runs Keycloak's Quarkus distribution: its running stage starts from a Keycloak image,
 * or its CMD or ENTRYPOINT runs `kc.sh` (a distribution unpacked on a JDK image, as dcm4che/keycloak's images do).
 */
function runsKeycloak(doc: ParsedDocument<DockerfileData>): boolean {
  const stage = runtimeStage(doc.data);
  if (stage !== undefined && isKeycloakImage(stage.image ?? stage.written)) return true;
  return heldCommands(doc.data).some(
    (c) => (c.instruction === 'CMD' || c.instruction === 'ENTRYPOINT') && /\bkc\.sh\b/.test(c.joined),
  );
}

/** `KC_HTTPS_KEY_STORE_FILE` → `https-key-store-file`. */
const optionOfVariable = (name: string) =>
  name.startsWith('KC_') ? name.slice(3).toLowerCase().replaceAll('_', '-') : undefined;

/** A variable as a start's environment writes it (a Compose service's, a Kubernetes container's `env:` item). */
interface WrittenVariable {
  name: string;
  /** Undefined: the run gives it (a variable taken from Compose's shell, a `valueFrom:`). */
  value?: string;
  file: string;
  nameRange: Range;
  valueRange: Range;
}

const variableSetting = (v: WrittenVariable, option: string): KeycloakSetting => ({
  option,
  written: v.name,
  value: v.value ?? '',
  unresolved: v.value === undefined || SHELL_VALUE.test(v.value),
  keyAt: { file: v.file, range: v.nameRange },
  valueAt: { file: v.file, range: v.valueRange },
  layer: 'environment',
});

/**
 * A start's variables as options: its `KC_HTTPS_*`, and on Bitnami's image the `KEYCLOAK_HTTPS_*` it maps below them
 * (knowledge: keycloak.json `bitnami`), read only where `KEYCLOAK_ENABLE_HTTPS` is written true.
 */
function variableLayers(
  variables: readonly WrittenVariable[],
  image: string | undefined,
): { env: KeycloakSetting[]; bitnami: KeycloakSetting[] } {
  const env = variables.flatMap((v) => {
    const option = optionOfVariable(v.name);
    return option && HTTPS_OPTIONS.has(option) ? [variableSetting(v, option)] : [];
  });
  const repository = image === undefined ? undefined : imageRepository(image);
  if (!repository || !BITNAMI_REPOSITORY.test(repository)) return { env, bitnami: [] };
  const yes = (name: string) => {
    const value = variables.filter((v) => v.name === name).at(-1)?.value;
    return value !== undefined && /^(1|yes|true)$/i.test(value.trim());
  };
  const mapped: Record<string, string> = {
    ...BITNAMI_KEYCLOAK.always,
    ...(yes(BITNAMI_KEYCLOAK.enable)
      ? yes(BITNAMI_KEYCLOAK.usePem)
        ? BITNAMI_KEYCLOAK.pem
        : BITNAMI_KEYCLOAK.keyStore
      : {}),
  };
  return { env, bitnami: variables.flatMap((v) => (mapped[v.name] ? [variableSetting(v, mapped[v.name]!)] : [])) };
}

/** `--name=value` after a blank, a quote, `[` or `,` (a JSON-form CMD). */
const ARGUMENT = /(^|[\s"'[,])--([A-Za-z][\w.-]*)(=)/g;

const SHELL_VALUE = /\$|\{\{/;

/** The `--https-*=value` arguments written in `doc` between two positions. */
function argumentsIn(doc: ParsedDocument, from: Location['range'], via: string): KeycloakSetting[] {
  if (!from) return [];
  const index = new LineIndex(doc.file.text);
  const start = index.offsetAt(from.start);
  const end = index.offsetAt(from.end);
  return scanOptions(ARGUMENT, doc.file.text, index, start, end, via)
    .filter((a) => HTTPS_OPTIONS.has(a.name))
    .map((a) => ({
      option: a.name,
      written: `--${a.name}`,
      value: a.value,
      unresolved: a.unresolved || SHELL_VALUE.test(a.value),
      keyAt: { file: doc.file.path, range: a.nameRange },
      valueAt: { file: doc.file.path, range: a.valueRange },
      layer: 'command line' as const,
    }));
}

/** An entry of a file (a keycloak.conf line, a Dockerfile ENV) as the option it sets, in `layer`. */
const entrySetting = (doc: ParsedDocument, e: Entry, option: string, layer: KeycloakLayer): KeycloakSetting => ({
  option,
  written: e.key,
  value: e.value,
  unresolved: SHELL_VALUE.test(e.value),
  keyAt: { file: doc.file.path, range: e.keyRange },
  valueAt: { file: doc.file.path, range: e.valueRange },
  layer,
});

/** A keycloak.conf's options (the last of a name wins). */
function confSettings(doc: ParsedDocument): KeycloakSetting[] {
  return doc.entries.filter((e) => HTTPS_OPTIONS.has(e.key)).map((e) => entrySetting(doc, e, e.key, 'keycloak.conf'));
}

/** A Dockerfile's image as Keycloak reads it: its running stage's ENV, its last CMD and ENTRYPOINT's arguments. */
function dockerfileLayers(doc: ParsedDocument<DockerfileData>): { env: KeycloakSetting[]; args: KeycloakSetting[] } {
  const held = heldCommands(doc.data);
  const within = (at: Location['range'], r: Location['range']) =>
    !!at && !!r && at.start.line >= r.start.line && at.end.line <= r.end.line;
  const envCommands = held.filter((c) => c.instruction === 'ENV');
  const env = doc.entries
    .filter((e) => e.section === 'ENV' && envCommands.some((c) => within(e.keyRange, c.range)))
    .flatMap((e) => {
      const option = optionOfVariable(e.key);
      return option && HTTPS_OPTIONS.has(option) ? [entrySetting(doc, e, option, 'environment')] : [];
    });
  const last = (instruction: 'CMD' | 'ENTRYPOINT') => held.filter((c) => c.instruction === instruction).at(-1);
  const args = [last('ENTRYPOINT'), last('CMD')].flatMap((c) => (c ? argumentsIn(doc, c.range, c.instruction) : []));
  return { env, args };
}

/** Settings by option, the first layer's winning, the last written in a layer winning inside it. */
function byPrecedence(...layers: KeycloakSetting[][]): Map<string, KeycloakSetting> {
  const settings = new Map<string, KeycloakSetting>();
  for (const layer of [...layers].reverse()) for (const s of layer) settings.set(s.option, s);
  return settings;
}

/** The keycloak.conf files the running image of a Dockerfile holds in a `conf/` directory. */
function heldConf(ctx: ModelContext, dockerfile: string, confs: readonly ParsedDocument[]): ParsedDocument | undefined {
  const images = treeStoresOf(ctx).images;
  return confs.find((c) =>
    images?.holding(c.file.path).some((h) => h.dockerfile === dockerfile && h.containerPath === IMAGE_CONF),
  );
}

/** Every start of Keycloak the deployment shows (see the header), computed once per deployment. */
export function keycloakStarts(ctx: ModelContext): KeycloakStart[] {
  return ctx.once('keycloakStarts', () => startsOf(ctx));
}

function startsOf(ctx: ModelContext): KeycloakStart[] {
  const root = ctx.deployment.root;
  const confs = ctx.documentsOf(KEYCLOAK_CONF_KIND);
  const dockerfiles = (ctx.documentsOf('dockerfile') as ParsedDocument<DockerfileData>[]).filter(runsKeycloak);
  const starts: KeycloakStart[] = [];
  const usedDockerfiles = new Set<string>();
  const usedConfs = new Set<ParsedDocument>();
  const mounts = deploymentMounts(ctx);
  const stores = treeStoresOf(ctx);
  for (const doc of ctx.documentsOf('compose') as ParsedDocument<ComposeData>[])
    for (const service of doc.data.services) {
      const built = serviceBuild(doc.file.path, service)?.dockerfile;
      const dockerfile = dockerfiles.find((d) => d.file.path === built);
      if (!dockerfile && !(service.image && isKeycloakImage(service.image))) continue;
      if (dockerfile) usedDockerfiles.add(dockerfile.file.path);
      starts.push(composeStart(ctx, doc, service, dockerfile, confs, usedConfs, { mounts, stores }));
    }
  starts.push(...kubernetesStarts(ctx));
  for (const dockerfile of dockerfiles) {
    if (usedDockerfiles.has(dockerfile.file.path)) continue;
    const { env, args } = dockerfileLayers(dockerfile);
    const conf = heldConf(ctx, dockerfile.file.path, confs);
    if (conf) usedConfs.add(conf);
    starts.push({
      label: `Dockerfile ${relativePosix(root, dockerfile.file.path)}`,
      file: dockerfile.file.path,
      settings: byPrecedence(args, env, conf ? confSettings(conf) : []),
      ...(conf ? { conf } : {}),
      documents: [dockerfile, ...(conf ? [conf] : [])],
      ...optionalRuntime(ctx.runtimeFor(dockerfile.file.path)),
    });
  }
  for (const conf of confs) {
    if (usedConfs.has(conf)) continue;
    starts.push({
      label: relativePosix(root, conf.file.path),
      file: conf.file.path,
      settings: byPrecedence(confSettings(conf)),
      conf,
      documents: [conf],
      ...optionalRuntime(ctx.runtimeFor(conf.file.path)),
    });
  }
  return starts;
}

/**
 * The containers of the tree's Kubernetes workloads that run a Keycloak image: their `command:`/`args:` arguments, then
 * their `env:` variables over those of their `envFrom:` ConfigMaps and Secrets (a `valueFrom:` is the cluster's:
 * unknown). A path written absolute reads the file a ConfigMap or Secret volume puts there (./kubernetes-sources.ts);
 * another is read as written.
 */
function kubernetesStarts(ctx: ModelContext): KeycloakStart[] {
  const starts: KeycloakStart[] = [];
  for (const doc of ctx.documentsOf('kubernetes') as ParsedDocument<KubernetesData>[])
    for (const [n, container] of doc.data.containers.entries()) {
      const image = container.image?.value;
      if (image === undefined || !isKeycloakImage(image)) continue;
      const args = container.commandLine.flatMap((range) => argumentsIn(doc, range, 'args'));
      const fromSources = envFromVariables(ctx, doc, container, 'KC_ variable');
      const variables = [
        ...fromSources.variables,
        ...container.environment.map((v) => ({ ...v, file: doc.file.path })),
      ];
      const { env, bitnami } = variableLayers(variables, image);
      starts.push({
        ...(fromSources.opaque && { opaque: fromSources.opaque }),
        label: `${container.label} (${relativePosix(ctx.deployment.root, doc.file.path)})`,
        file: doc.file.path,
        part: `${container.pod}/${n}`,
        settings: byPrecedence(args, env, bitnami),
        documents: [doc, ...sourceDocuments(ctx, doc, fromSources.variables)],
        mounted: (written) => mountedSourceFile(ctx, doc, container, written),
      });
    }
  return starts;
}

/** The manifests (other than the container's) whose ConfigMaps and Secrets give it variables. */
function sourceDocuments(
  ctx: ModelContext,
  own: ParsedDocument,
  variables: readonly { file: string }[],
): ParsedDocument[] {
  const files = new Set(variables.map((v) => v.file));
  return ctx.documentsOf('kubernetes').filter((d) => d !== own && files.has(d.file.path));
}

const optionalRuntime = (runtime: JavaRuntime | undefined) => (runtime ? { runtime } : {});

/**
 * A Compose service's start: its `command:` (else the built image's CMD and ENTRYPOINT), its variables over the built
 * image's ENV, and the keycloak.conf a bind mount puts at the image's path (else the one the built image holds).
 */
function composeStart(
  ctx: ModelContext,
  doc: ParsedDocument<ComposeData>,
  service: ComposeService,
  dockerfile: ParsedDocument<DockerfileData> | undefined,
  confs: readonly ParsedDocument[],
  usedConfs: Set<ParsedDocument>,
  tree: {
    mounts: ReturnType<typeof deploymentMounts>;
    stores: ReturnType<typeof treeStoresOf>;
  },
): KeycloakStart {
  const image = dockerfile ? dockerfileLayers(dockerfile) : { env: [], args: [] };
  const prefix = `services.${service.name}.command`;
  const commands = doc.entries.filter((e) => e.key === prefix || e.key.startsWith(`${prefix}[`));
  const args = commands.length > 0 ? commands.flatMap((e) => argumentsIn(doc, e.valueRange, 'command')) : image.args;
  const variables = serviceVariables(ctx.deployment.documents, doc, service);
  const { env, bitnami } = variableLayers(
    [...variables.variables.values()],
    service.image ?? (dockerfile ? runtimeStage(dockerfile.data)?.written : undefined),
  );
  const own = tree.mounts.filter((m) => m.file === doc.file.path && m.mount.service === service.name);
  const mountedConf = mountedTreeFile(own, IMAGE_CONF);
  const conf =
    (mountedConf && confs.find((c) => c.file.path === mountedConf.file)) ??
    (dockerfile ? heldConf(ctx, dockerfile.file.path, confs) : undefined);
  if (conf) usedConfs.add(conf);
  const runtime =
    serviceImageRuntime(doc, service, ctx.memo) ?? (dockerfile ? ctx.runtimeFor(dockerfile.file.path) : undefined);
  return {
    label: `Compose service ${service.name} (${relativePosix(ctx.deployment.root, doc.file.path)})`,
    file: doc.file.path,
    // The service's variables override the image's ENV of the same name.
    settings: byPrecedence(args, env, image.env, bitnami, conf ? confSettings(conf) : []),
    ...(conf ? { conf } : {}),
    documents: [doc, ...(dockerfile ? [dockerfile] : []), ...(conf ? [conf] : [])],
    mounted: mountedStoreFile(own, tree.stores),
    ...optionalRuntime(runtime),
  };
}

/** The directory Keycloak runs from for a keycloak.conf of the tree: the distribution's home, above `conf/`. */
export function keycloakHome(conf: string): string {
  const dir = path.dirname(conf);
  return path.basename(dir) === 'conf' ? path.dirname(dir) : dir;
}
