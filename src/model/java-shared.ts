import * as path from 'node:path';
import type { Location, Range, RelatedLocation } from '../core/types';
import { testResourcesDir } from '../core/test-fixture-dirs';
import type { JvmOptionsData, JvmProperty } from '../parse/java/jvm-args';
import type { ComposeData, ComposeService } from '../parse/compose';
import type { Entry, ParsedDocument } from '../parse/types';
import { entryLocation } from '../parse/types';
import type { ModelContext } from './contributor';
import { composeBuildsOf } from './compose-builds';
import { composeVariablesOf } from './compose-variables';
import { componentGlobs } from './paths';
import type { Traced } from './types';
import type { ClientUrl } from './attributes';
import { COMPOSE_START, containerStarts, type ContainerStart, type StartVariant } from './container-starts';
import { relativePosix } from '../core/posix-path';

/** Document kinds that carry JVM `-D` options (their `data` is `JvmOptionsData`). */
export const JVM_OPTION_KINDS = ['java.jvm-options', 'java.shell-env', 'systemd.unit', 'dockerfile'];

export function traced<T>(value: T, file: string, range?: Range, note?: string): Traced<T> {
  const location: Location = range ? { file, range } : { file };
  return { value, from: { kind: 'file', location, ...(note ? { note } : {}) } };
}

export function tracedEntry<T>(doc: ParsedDocument, entry: Entry, value: T): Traced<T> {
  return { value, from: { kind: 'file', location: entryLocation(doc, entry, 'value') } };
}

/**
 * Which application a file belongs to: a config `components` entry whose glob
 * matches it, else the Maven/Gradle project of a Spring app whose directory holds it
 * (`samples/s1/src/main/resources/application.yml`: `samples/s1`; a repository of several
 * sample apps is several apps; a deployment that is itself the project, with its own
 * `src/main/resources`, is one app with every file outside deeper projects: its root Dockerfile,
 * `config/application.yml`), else the top-level directory of the deployment that holds it
 * (`client/bin/setenv.sh` and `client/config/application.yml` are one app).
 */
export function appGroupOf(ctx: ModelContext, file: string): string {
  const globs = componentGlobs(ctx.config.components);
  if (globs.length) {
    const relativeToConfig = relativePosix(ctx.config.baseDir, file);
    for (const { component, match } of globs) {
      if (match(relativeToConfig) || match(path.posix.dirname(relativeToConfig))) return `config:${component.files}`;
    }
  }
  const relative = relativePosix(ctx.deployment.root, file);
  // The deployment itself may be the project (its own src/main/resources: '' sorts last, after deeper ones).
  const project = springProjects(ctx).find((p) => p === '' || relative.startsWith(`${p}/`));
  if (project !== undefined) return project;
  const role = ROLE_DIR.exec(relative)?.[1];
  if (role !== undefined && springRoles(ctx).has(role)) return role;
  const [top = '', ...below] = relative.split('/');
  return below.length > 0 ? top : '';
}

/**
 * A file of the resources of a Maven/Gradle source set other than `main` (`src/test/resources`, `src/e2e/resources`,
 * `src/integrationTest/resources`): on the classpath of the project's tests only, never packaged with the app
 * (jhipster/jhipster-sample-app's src/test/resources/config/application.yml; medizininformatik-initiative/fts-next's
 * agents set server.ssl.* only in src/test/resources and name the app in src/e2e/resources).
 */
export function onTestClasspath(ctx: ModelContext, file: string): boolean {
  return testResourcesDir(relativePosix(ctx.deployment.root, file)) !== undefined;
}

/** The directory of the Ansible role a file is in (relative: `roles/trouter`, `ansible/roles/sfs`). */
const ROLE_DIR = /^((?:.*\/)?roles\/[^/]+)\//;

/**
 * The Ansible roles (relative directories) that hold a Spring app's configuration: each is an app of its own, with its
 * start files (a systemd unit, a start script), on the hosts the role is applied to. The other roles' files stay the
 * tree's top directory's: a role that sets the JDK or the JVM options for every app on its hosts.
 * Alfresco/alfresco-ansible-deployment@250a87e: the trouter, sfs and transformers roles each start a Spring Boot jar
 * with the mtls.properties their task templates (src/engine/run/ansible-placed.ts).
 */
function springRoles(ctx: ModelContext): ReadonlySet<string> {
  return ctx.once('springRoles', () => {
    const roles = new Set<string>();
    for (const doc of ctx.deployment.documents) {
      if (!doc.kind.startsWith('spring.')) continue;
      const role = ROLE_DIR.exec(relativePosix(ctx.deployment.root, doc.file.path))?.[1];
      if (role !== undefined) roles.add(role);
    }
    return roles;
  });
}

/** The project directories (relative, deepest first) of the deployment's `<project>/src/{main,test}/resources` Spring files. */
function springProjects(ctx: ModelContext): string[] {
  return ctx.once('springProjects', () => {
    const projects = new Set<string>();
    for (const doc of ctx.deployment.documents) {
      if (!doc.kind.startsWith('spring.')) continue;
      const project = /^(?:(.+?)\/)?src\/(?:main|test)\/resources\//.exec(
        relativePosix(ctx.deployment.root, doc.file.path),
      );
      if (project) projects.add(project[1] ?? '');
    }
    return [...projects].sort((a, b) => b.length - a.length);
  });
}

export interface PropertySource {
  doc: ParsedDocument;
  property: JvmProperty;
  /** Set by the Docker Compose service that starts the app (its `environment:`, `env_file:` or `command:`). */
  composed?: true;
  /** Which of the app's starts sets it (a Kubernetes container: StartVariant.id); none: the Compose services. */
  variant?: string;
  /** What brought the setting in besides its own line (the `env_file:` that names its file): it decides too. */
  via?: RelatedLocation[];
  /**
   * For a `-D` option: where the JVM applies it among the option variables and the command line (a later one wins;
   * src/knowledge/data/jdk-locations.json optionVariables). Unset: as its variable says (src/model/jvm-runtime.ts).
   */
  order?: number;
}

/** Every JVM `-D` property set in the deployment, by app group, in path order (the later wins). */
export function jvmPropertiesByGroup(ctx: ModelContext): Map<string, PropertySource[]> {
  // Asked by the Java, Tomcat and Liberty contributors alike: collected once per build.
  return ctx.once('jvmPropertiesByGroup', () => collectJvmProperties(ctx));
}

/**
 * Every environment variable Spring binds (`SERVER_SSL_KEY_STORE=…`) set in the deployment's start files, by app
 * group, in path order: then those of Docker Compose services built from a directory of the tree (the app of that
 * directory), which start the container and so win over its Dockerfile's ENV.
 */
export function springEnvironmentByGroup(ctx: ModelContext): Map<string, PropertySource[]> {
  return ctx.once('springEnvironmentByGroup', () => {
    const groups = startFileSettings(ctx, (data) => data.springEnvironment);
    for (const [group, doc, service] of builtServices(ctx)) {
      // `environment:` wins over the `env_file:` files, a later file over an earlier one.
      for (const { envFile, doc: read } of composeVariablesOf(ctx, doc, service).envFileDocuments) {
        const settings = (read.data as JvmOptionsData | undefined)?.springEnvironment;
        const via = [{ file: doc.file.path, range: envFile.range, message: `env_file of service ${service.name}` }];
        if (settings) addSources(groups, group, read, settings, true, via);
      }
      addSources(groups, group, doc, service.springEnvironment, true);
    }
    // A container's `envFrom:` ConfigMaps and Secrets in order, then its `env:` (which wins).
    for (const { group, start, variant } of boundContainers(ctx)) {
      for (const { envSource, doc, from } of start.envSources)
        addSources(
          groups,
          group,
          doc,
          envSource.springEnvironment,
          true,
          [{ ...from, message: `envFrom of ${start.container.label}` }],
          variant,
        );
      for (const { doc, property, via } of start.springEnvironment)
        addSources(groups, group, doc, [property], true, via, variant);
    }
    return groups;
  });
}

/**
 * The app's starts when a Kubernetes workload runs it: each bound container, and the Docker Compose services built
 * for it as one more. Undefined for an app no container runs (one start, as before).
 */
export function startersByGroup(ctx: ModelContext): Map<string, StartVariant[]> {
  return ctx.once('startersByGroup', () => {
    const starters = new Map<string, StartVariant[]>();
    for (const { group, start, variant } of boundContainers(ctx))
      starters.set(group, [
        ...(starters.get(group) ?? []),
        { id: variant, label: start.container.label, ...(start.opaque && { opaque: start.opaque }) },
      ]);
    for (const [group] of builtServices(ctx)) {
      const list = starters.get(group);
      if (list && !list.some((s) => s.id === COMPOSE_START)) list.push({ id: COMPOSE_START, label: 'Docker Compose' });
    }
    return starters;
  });
}

/** The containers of the tree's Kubernetes workloads whose image a directory of the tree builds, with that app group. */
export function boundContainers(ctx: ModelContext): { group: string; start: ContainerStart; variant: string }[] {
  return ctx.once('boundContainers', () =>
    containerStarts(ctx.deployment.documents, ctx.deployment.root, composeBuildsOf(ctx)).flatMap((start, i) =>
      start.dir === undefined
        ? []
        : [
            {
              group: appGroupOf(ctx, path.join(start.dir, 'Dockerfile')),
              start,
              variant: `${i}:${start.container.label}`,
            },
          ],
    ),
  );
}

/**
 * Every Spring `--name=value` program argument in the deployment's start files, by app group, in path order: then
 * those of the `command:` of Docker Compose services built from a directory of the tree.
 */
export function springArgumentsByGroup(ctx: ModelContext): Map<string, PropertySource[]> {
  return ctx.once('springArgumentsByGroup', () => {
    const groups = startFileSettings(ctx, (data) => data.springArguments);
    for (const [group, doc, service] of builtServices(ctx))
      addSources(groups, group, doc, service.springArguments, true);
    for (const { group, start, variant } of boundContainers(ctx))
      addSources(groups, group, start.doc, start.container.springArguments, true, undefined, variant);
    return groups;
  });
}

/** The Docker Compose services built from a directory of the tree, with the app group that directory belongs to. */
export function builtServices(ctx: ModelContext): [string, ParsedDocument<ComposeData>, ComposeService][] {
  const built: [string, ParsedDocument<ComposeData>, ComposeService][] = [];
  for (const { doc, service, context } of composeBuildsOf(ctx)) {
    if (context === undefined || relativePosix(ctx.deployment.root, context).startsWith('..')) continue;
    // The app a file of the context directory belongs to (a `dockerfile:` elsewhere in it builds the same app).
    built.push([appGroupOf(ctx, path.join(context, 'Dockerfile')), doc, service]);
  }
  return built;
}

/** One list of the start files' data, by app group, in path order. */
function startFileSettings(
  ctx: ModelContext,
  list: (data: JvmOptionsData) => readonly JvmProperty[] | undefined,
): Map<string, PropertySource[]> {
  const groups = new Map<string, PropertySource[]>();
  for (const doc of jvmOptionDocuments(ctx.deployment.documents))
    addSources(groups, appGroupOf(ctx, doc.file.path), doc, list(doc.data as JvmOptionsData) ?? []);
  return groups;
}

function addSources(
  groups: Map<string, PropertySource[]>,
  group: string,
  doc: ParsedDocument,
  settings: readonly JvmProperty[],
  composed?: true,
  via?: RelatedLocation[],
  variant?: string,
): void {
  if (settings.length === 0) return;
  const list = groups.get(group) ?? [];
  for (const property of settings)
    list.push({ doc, property, ...(composed && { composed }), ...(via && { via }), ...(variant && { variant }) });
  groups.set(group, list);
}

/** The documents that hold JVM options (and start environments), in path order: the later wins. */
export function jvmOptionDocuments(documents: readonly ParsedDocument[]): ParsedDocument[] {
  return documents
    .filter((d) => JVM_OPTION_KINDS.includes(d.kind))
    .sort((a, b) => a.file.path.localeCompare(b.file.path));
}

function collectJvmProperties(ctx: ModelContext): Map<string, PropertySource[]> {
  const groups = new Map<string, PropertySource[]>();
  const docs = jvmOptionDocuments(ctx.deployment.documents);
  const add = (doc: ParsedDocument, property: JvmProperty) => {
    const group = appGroupOf(ctx, doc.file.path);
    const list = groups.get(group);
    if (list) list.push({ doc, property });
    else groups.set(group, [{ doc, property }]);
  };
  for (const doc of docs) for (const property of (doc.data as JvmOptionsData).properties) add(doc, property);
  // WebSphere traditional keeps JVM arguments in server.xml `genericJvmArguments` (parsed by the WAS reader).
  for (const doc of ctx.deployment.documents) {
    for (const entry of doc.entries) {
      if (!entry.key.endsWith('genericJvmArguments') || !/(^|@)genericJvmArguments$/.test(entry.key)) continue;
      for (const m of entry.value.matchAll(/(?:^|\s)-D([\w.$-]+)=?("[^"]*"|\S*)/g)) {
        add(doc, {
          name: m[1]!,
          value: m[2]!.replace(/^"|"$/g, ''),
          nameRange: entry.valueRange,
          valueRange: entry.valueRange,
          secret: /pass/i.test(m[1]!),
          via: 'genericJvmArguments',
          unresolved: /\$\{/.test(m[2]!),
        });
      }
    }
  }
  return groups;
}

/** `scheme://[user[:password]@]host[:port]`: the user-info (Eureka's `https://user:pass@host:8761/eureka/`) is skipped. */
const URL_IN_VALUE = /\b(https?|wss?):\/\/(?:[^\s/?#@]*@)?([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\])(?::(\d+))?/g;

/** URLs in entry values (Spring `*.url`, `*.base-url`, any value that is a URL). */
export function urlsIn(doc: ParsedDocument): ClientUrl[] {
  return doc.entries.flatMap((entry) =>
    entry.secret ? [] : clientUrlsIn(entry.value, entryLocation(doc, entry, 'value'), entry.key),
  );
}

/** The `scheme://host[:port]` URLs in a setting's value, each traced to the setting. */
export function clientUrlsIn(value: string, location: Location, key: string): ClientUrl[] {
  return [...value.matchAll(URL_IN_VALUE)].map((m) => {
    const scheme = m[1]!.toLowerCase();
    const port = m[3] ? Number(m[3]) : scheme === 'https' || scheme === 'wss' ? 443 : 80;
    // The URL as the link names it: without the user-info, which may hold a password.
    const url = `${m[1]}://${m[2]}${m[3] ? `:${m[3]}` : ''}`;
    return { url, scheme, host: m[2]!.toLowerCase(), port, location, key };
  });
}
