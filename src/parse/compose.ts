/**
 * Docker Compose files (`compose.yaml`, `docker-compose.yml`, `docker-compose.<env>.yml`): the services an
 * image is built for (`build: <dir>` or `build.context`) and the environment each one sets, for the Spring
 * settings it binds (src/parse/java/spring-environment.ts), and the Spring `--name=value` arguments of its
 * `command:` (src/parse/java/spring-arguments.ts). A service that only names an image has no build
 * directory: which app of the tree it runs is not known, and the model binds its environment to none.
 * https://docs.docker.com/reference/compose-file/services/#environment. A version 1 file (services at the root, no
 * `services:` key; ./compose-legacy.ts) gives the same services.
 */
import * as path from 'node:path';
import type { Range } from '../core/types';
import { isSecretKey, type Entry, type FormatHandler, type ParsedDocument } from './types';
import { basenameOf, PLACEHOLDER, type JvmProperty } from './java/jvm-args';
import { composeHead, composeMounts, type ComposeMount } from './compose-volumes';
import { scalarOffsets, springBoundProperty } from './java/spring-environment';
import { composeVariable, type ComposeVariable } from './compose-environment';
import { scanSpringArguments } from './java/spring-arguments';
import {
  addCommandOptions,
  addVariableOptions,
  noStartJvmOptions,
  secretOptionEntries,
  type StartJvmOptions,
} from './java/container-jvm';
import { parseSpringYaml } from './spring';
import { LineIndex } from './text';
import { legacyServices } from './compose-legacy';

/**
 * One `env_file:` item: a path (a string, or a list item's string or `path:`) and, since Compose 2.24.0, `required:`
 * (default true; a missing optional file is ignored: https://docs.docker.com/reference/compose-file/services/#env_file).
 */
export interface ComposeEnvFile {
  path: string;
  /** Where the path is written. */
  range: Range;
  required: boolean;
}

export interface ComposeService {
  name: string;
  /** The build directory as written (relative to the compose file), when the service is built from the tree. */
  build?: string;
  /** `build.dockerfile` as written (relative to the build directory), when it names one. */
  dockerfile?: string;
  /** Where `build.dockerfile` writes it. */
  dockerfileRange?: Range;
  /** Where its build is written: the `build:` or `build.context` value, else the `build.dockerfile` one. */
  buildRange?: Range;
  /**
   * Where `build.dockerfile_inline` writes the Dockerfile in the Compose file itself, when it does: the build directory's
   * own Dockerfile is then not the one built (https://docs.docker.com/reference/compose-file/build/#dockerfile_inline).
   */
  dockerfileInline?: Range;
  /**
   * `build.args` with a value written in the file (`conf: tomcat1/conf`, `- conf=tomcat1/conf`): the build arguments its
   * Dockerfile's ARGs take (https://docs.docker.com/reference/compose-file/build/#args). One without (taken from the
   * environment) or with a `$` is left out: unknown.
   */
  buildArgs?: Record<string, string>;
  /** The image it names (`image:`): with `build:`, the name the image built from that directory gets. */
  image?: string;
  /** Where `image:` writes it. */
  imageRange?: Range;
  /** `container_name:` as written and where: the name `docker exec` finds its container by. */
  containerName?: { value: string; range: Range };
  /** `hostname:` as written and where: the container's own host name. */
  hostname?: { value: string; range: Range };
  /**
   * The `aliases:` of its networks (`networks: {backend: {aliases: [orders]}}`), in written order: more names its
   * containers answer to on those networks (https://docs.docker.com/reference/compose-file/services/#aliases).
   */
  networkAliases: { value: string; range: Range }[];
  /** Its `environment:` variables, in written order (./compose-environment.ts). */
  environment: ComposeVariable[];
  /** Its `environment:` variables that Spring binds to settings lint-deploy reads. */
  springEnvironment: JvmProperty[];
  /** Spring `--name=value` arguments in its `command:` (they replace the image's CMD, after its ENTRYPOINT). */
  springArguments: JvmProperty[];
  /** Its `env_file:` files as written (relative to the compose file), in order: a later one wins. */
  envFiles: ComposeEnvFile[];
  /** JVM options its `environment:` option variables and its `entrypoint:`/`command:` running `java` give. */
  jvm: StartJvmOptions;
  /**
   * Its `network_mode:` as written (`host`, `service:proxy`) and where, when it sets one: whose network namespace, hence
   * whose `localhost`, its containers share (https://docs.docker.com/reference/compose-file/services/#network_mode).
   */
  networkMode?: { value: string; range: Range };
  /**
   * Its `ports:` items as written: the short syntax (`"9092:9092"`, `127.0.0.1:9093:9093/tcp`) or the long syntax's
   * `published` (`long`). Absent when it publishes none.
   */
  ports?: { value: string; range: Range; long: boolean }[];
}

export interface ComposeData {
  services: ComposeService[];
  /** The services' bind mounts (./compose-volumes.ts). */
  mounts: ComposeMount[];
}

// A service name may hold dots (`oe.openelis.org`: Compose allows [a-zA-Z0-9._-]); the flattened keys join levels with
// dots too, so the name is the shortest prefix after which a known key follows.
const SERVICE_KEY =
  /^services\.([^[\]]+?)\.(build(?:\.context|\.dockerfile(?:_inline)?|\.args(?:\.[^.[\]]+|\[\d+\]))?|image|container_name|hostname|networks\.[^.[\]]+\.aliases\[\d+\]|network_mode|net|ports\[\d+\](?:\.published)?|environment(?:\.(.+)|\[\d+\])|command(?:\[\d+\])?|env_file(?:\[\d+\](?:\.path|\.required)?)?)$/;
/** A service's `entrypoint:` or `command:` (a string or a list), read for a `java` command's JVM options. */
const STARTS_KEY = /^services\.([^[\]]+?)\.(entrypoint|command)(?:\[\d+\])?$/;
/** Compose `secrets:` name secrets kept elsewhere (a service's list, the top-level `file:`/`environment:`): no value. */
const SECRET_REFERENCE = /^(services\.[^[\]]+?\.)?secrets([.[]|$)/;
/**
 * A top-level volume or network is named by its key: `volumes: {secrets: {driver: local}}` (swimlane/elk-tls-docker@19f0baa
 * docker-compose.setup.yml) is a volume called secrets and its driver, no secret. Only a driver's options are free-form
 * settings (a volume plugin's `password`), judged by their own key.
 */
const RESOURCE_DRIVER_OPTION = /^(?:volumes|networks)\..*?\.driver_opts\.(.+)$/;
const RESOURCE_DEFINITION = /^(?:volumes|networks)\./;
/**
 * A service's key after the service's name, the attributes of a service in the Compose Specification after it. A
 * service is named by its key too: neo4j/docker-neo4j@9df98ef src/test/resources/dockersecrets names one
 * `secretscontainer`, whose `environment: [NEO4J_ACCEPT_LICENSE_AGREEMENT=yes]` holds no secret.
 */
const SERVICE_ATTRIBUTE =
  /^services\.[^[\]]+?\.((?:annotations|attach|build|blkio_config|cpu_\w+|cpus|cpuset|cap_add|cap_drop|cgroup|cgroup_parent|command|configs|container_name|credential_spec|depends_on|deploy|develop|device_cgroup_rules|devices|dns|dns_opt|dns_search|domainname|entrypoint|env_file|environment|expose|extends|external_links|extra_hosts|gpus|group_add|healthcheck|hostname|image|init|ipc|isolation|labels|label_file|links|logging|mac_address|mem_\w+|memswap_limit|models|network_mode|networks|oom_kill_disable|oom_score_adj|pid|pids_limit|platform|ports|post_start|pre_stop|privileged|profiles|provider|pull_policy|read_only|restart|runtime|scale|secrets|security_opt|shm_size|stdin_open|stop_grace_period|stop_signal|storage_opt|sysctls|tmpfs|tty|ulimits|use_api_socket|user|userns_mode|uts|volumes|volumes_from|working_dir)(?:[.[].*)?)$/;

/** Whether a key a secret's words name is only named so (a service, a top-level volume or network): no secret. */
const namesResourceOnly = (key: string) => {
  const option = RESOURCE_DRIVER_OPTION.exec(key)?.[1];
  if (option !== undefined) return !isSecretKey(option);
  const attribute = SERVICE_ATTRIBUTE.exec(key)?.[1];
  return attribute !== undefined ? !isSecretKey(attribute) : RESOURCE_DEFINITION.test(key);
};

export const composeFormat: FormatHandler<ComposeData> = {
  id: 'compose',
  classify(filePath, head) {
    const base = basenameOf(filePath);
    return /^(docker-)?compose(\.[\w.-]+)?\.ya?ml$/.test(base) ||
      (/\.ya?ml$/i.test(base) && !/^values\b/.test(base) && composeHead(head))
      ? 'compose'
      : undefined;
  },
  parse(file, kind): ParsedDocument<ComposeData> {
    const parsed = parseSpringYaml(file.text);
    const index = new LineIndex(file.text);
    const written = parsed.parts.flatMap((p) => p.entries);
    // Keys as the Compose Specification writes them (`services.<name>.…`), whichever format the file is in; the
    // document's own entries keep the keys as written.
    const legacy = legacyServices(file.text, written);
    const specKey = (key: string) => (legacy ? `services.${key}` : key);
    const entries = written.map((entry) =>
      entry.secret && (SECRET_REFERENCE.test(specKey(entry.key)) || namesResourceOnly(specKey(entry.key)))
        ? { ...entry, secret: false }
        : entry,
    );
    const services = new Map<string, ComposeService>();
    const service = (name: string) => {
      if (!services.has(name))
        services.set(name, {
          name,
          environment: [],
          springEnvironment: [],
          springArguments: [],
          envFiles: [],
          networkAliases: [],
          jvm: noStartJvmOptions(),
        });
      return services.get(name)!;
    };
    const starts = new Map<string, { entrypoint: [number, number][]; command: [number, number][] }>();
    const envFileItems = new EnvFileItems();
    for (const entry of entries) {
      const key = specKey(entry.key);
      const start = STARTS_KEY.exec(key);
      if (start) {
        const words = starts.get(start[1]!) ?? { entrypoint: [], command: [] };
        words[start[2] as 'entrypoint' | 'command'].push(scalarOffsets(file.text, index, entry));
        starts.set(start[1]!, words);
      }
      const m = SERVICE_KEY.exec(key);
      if (!m) continue;
      const named = service(m[1]!);
      if (m[2] === 'build.dockerfile') {
        named.dockerfile = entry.value;
        named.dockerfileRange = entry.valueRange;
        named.buildRange ??= entry.valueRange;
      } else if (m[2] === 'build.dockerfile_inline') named.dockerfileInline = entry.valueRange;
      else if (m[2]!.startsWith('build.args')) buildArgument(named, m[2]!, entry.value);
      else if (m[2]!.startsWith('build')) {
        named.build = entry.value;
        named.buildRange = entry.valueRange;
      } else if (m[2] === 'image') {
        named.image = entry.value;
        named.imageRange = entry.valueRange;
      } else if (m[2] === 'container_name')
        named.containerName = { value: entry.value.trim(), range: entry.valueRange };
      else if (m[2] === 'hostname') named.hostname = { value: entry.value.trim(), range: entry.valueRange };
      else if (m[2]!.startsWith('networks.'))
        named.networkAliases.push({ value: entry.value.trim(), range: entry.valueRange });
      else if (m[2] === 'network_mode') named.networkMode = { value: entry.value.trim(), range: entry.valueRange };
      // Version 1's `net:` (`host`, `bridge`, `container:<name>`): only `host` says whose localhost it is.
      else if (m[2] === 'net') {
        if (legacy && entry.value.trim() === 'host') named.networkMode = { value: 'host', range: entry.valueRange };
      } else if (m[2]!.startsWith('ports['))
        (named.ports ??= []).push({ value: entry.value, range: entry.valueRange, long: m[2]!.endsWith('.published') });
      else if (m[2]!.startsWith('env_file')) envFileItems.add(named, m[2]!, entry);
      else if (m[2]!.startsWith('command')) {
        const [start, end] = scalarOffsets(file.text, index, entry);
        named.springArguments.push(...scanSpringArguments(file.text, index, start, end));
      } else {
        const variable = composeVariable(entry, m[3], file.text, index);
        if (!variable) continue;
        named.environment.push(variable);
        const setting = springSetting(variable);
        if (setting) named.springEnvironment.push(setting);
        jvmVariable(named.jvm, entry, m[3], file.text, index);
      }
    }
    envFileItems.applyRequired();
    // A build mapping without a context builds the Compose file's directory (compose-spec/compose-spec#376: `context`
    // is optional and defaults to `.`): loolzaaa/sso-authentication-server@3d8cc38 writes `build: {dockerfile: Dockerfile}`.
    for (const named of services.values())
      if (named.build === undefined && (named.dockerfile !== undefined || named.dockerfileInline)) named.build = '.';
    // The entrypoint runs with the command as its arguments.
    for (const [name, words] of starts)
      addCommandOptions(service(name).jvm, file.text, index, [...words.entrypoint, ...words.command]);
    return {
      file,
      kind,
      entries: [
        ...entries,
        ...listedSecrets([...services.values()], legacy ? '' : 'services.'),
        ...secretOptionEntries([...services.values()].map((s) => s.jvm)),
      ],
      comments: parsed.comments,
      problems: parsed.problems,
      data: {
        services: [...services.values()],
        mounts: composeMounts(
          entries.map((e) => ({ ...e, key: specKey(e.key) })),
          file.text,
          index,
        ),
      },
    };
  },
};

/** A service's `env_file:` items as their entries come (`env_file`, `env_file[0]`, `env_file[0].path`, `env_file[0].required`). */
class EnvFileItems {
  private readonly items = new Map<string, ComposeEnvFile>();
  private readonly optional = new Set<string>();

  add(service: ComposeService, key: string, entry: Entry): void {
    const [, item, field] = /^env_file(?:\[(\d+)\](?:\.(path|required))?)?$/.exec(key) ?? [];
    const id = `${service.name}\0${item ?? ''}`;
    if (field === 'required') {
      if (/^false$/i.test(entry.value.trim())) this.optional.add(id);
      return;
    }
    const envFile: ComposeEnvFile = { path: entry.value, range: entry.valueRange, required: true };
    this.items.set(id, envFile);
    service.envFiles.push(envFile);
  }

  /** `required: false` may come before or after its item's `path:`. */
  applyRequired(): void {
    for (const id of this.optional) {
      const envFile = this.items.get(id);
      if (envFile) envFile.required = false;
    }
  }
}

/**
 * The Spring setting a variable binds, if any. A variable Compose takes from the shell (`- NAME`, `NAME: ~`;
 * compose-go types/mapping.go MappingWithEquals.Resolve: left out when the shell lacks it) is unknown to the tree:
 * written as the variable it comes from.
 */
function springSetting(variable: ComposeVariable): JvmProperty | undefined {
  const property = springBoundProperty(variable.name);
  if (!property) return undefined;
  const value = variable.value ?? `\${${variable.name}}`;
  return {
    name: property,
    value,
    nameRange: variable.nameRange,
    valueRange: variable.valueRange,
    secret: isSecretKey(variable.name),
    via: variable.name,
    unresolved: variable.value === undefined || PLACEHOLDER.test(value),
  };
}

/**
 * `environment: [NAME=value]` items whose name is a secret's (`- MQ_SSL_PASS=passw0rd`), as the entry the map form
 * makes (`services.<s>.environment.NAME`): the item's own entry is keyed by its index, and so named no secret.
 */
function listedSecrets(services: readonly ComposeService[], prefix: string): Entry[] {
  return services.flatMap((service) =>
    service.environment.flatMap((variable) =>
      variable.form === 'list' && variable.value !== undefined && isSecretKey(variable.name)
        ? [
            {
              ...variable.entry,
              key: `${prefix}${service.name}.environment.${variable.name}`,
              value: variable.value,
              keyRange: variable.nameRange,
              valueRange: variable.valueRange,
              secret: true,
            },
          ]
        : [],
    ),
  );
}

/** An `environment:` item that sets a JVM option variable (`JAVA_TOOL_OPTIONS: -Dx=y`, `- JAVA_OPTS=-Dx=y`). */
function jvmVariable(
  into: StartJvmOptions,
  entry: Entry,
  key: string | undefined,
  text: string,
  index: LineIndex,
): void {
  const [start, end] = scalarOffsets(text, index, entry);
  if (key !== undefined) {
    const nameEnd = index.offsetAt(entry.keyRange.end);
    addVariableOptions(into, text, index, key, index.rangeAt(nameEnd - key.length, nameEnd), start, end);
    return;
  }
  const eq = entry.value.indexOf('=');
  if (eq <= 0) return;
  const variable = entry.value.slice(0, eq);
  addVariableOptions(into, text, index, variable, index.rangeAt(start, start + eq), start + eq + 1, end);
}

/** A `build.args.NAME` value or a `build.args[i]` `NAME=value` item, when the file writes its value. */
function buildArgument(service: ComposeService, key: string, value: string): void {
  const item = /^build\.args\[\d+\]$/.test(key);
  const name = item ? /^([A-Za-z_]\w*)=/.exec(value)?.[1] : key.slice('build.args.'.length);
  const written = item ? value.slice((name?.length ?? 0) + 1) : value;
  if (!name || (item && !value.includes('=')) || (!item && value === '') || written.includes('$')) return;
  (service.buildArgs ??= {})[name] = written;
}

/**
 * The build context and Dockerfile of the tree a Compose service builds (`build:` and `build.dockerfile`, each relative
 * to what comes before it), or undefined: no build, a Dockerfile written inline (`dockerfile_inline`, so the context's
 * own is not the one built), or a context or Dockerfile decided at run time (`$`) or remote (a Git URL). With `build`
 * set (the parse sets it for a `dockerfile:` without a context too), undefined is unknown: no Dockerfile of the tree,
 * nor the service's `image:`, is what it builds from.
 */
export function serviceBuild(
  composeFile: string,
  service: ComposeService,
): { context: string; dockerfile: string } | undefined {
  if (service.dockerfileInline || /[$]/.test(service.dockerfile ?? '')) return undefined;
  const context = serviceBuildContext(composeFile, service);
  return context === undefined
    ? undefined
    : { context, dockerfile: path.resolve(context, service.dockerfile ?? 'Dockerfile') };
}

/**
 * The build context directory of a Compose service, whatever its Dockerfile (one inline or `${VAR}` still builds from
 * it), or undefined: no build, or a context decided at run time (`$`) or remote (a Git URL).
 */
export function serviceBuildContext(composeFile: string, service: ComposeService): string | undefined {
  const { build } = service;
  if (build === undefined || /[$]|:\/\/|^git@/.test(build)) return undefined;
  return path.resolve(path.dirname(composeFile), build);
}
