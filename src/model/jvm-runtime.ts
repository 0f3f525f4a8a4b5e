/**
 * The `-D` system properties a Java app's JVM runs with, from its start files (jvm.options, setenv.sh, systemd units,
 * Dockerfiles) and from the starts of its container (a Docker Compose service's `environment:`/`command:`, a
 * Kubernetes container's `env:` (a `configMapKeyRef` read from the ConfigMap)/`envFrom:` ConfigMaps/`command:`/`args:`).
 *
 * The JVM applies options in an order (src/knowledge/data/jdk-locations.json optionVariables): JAVA_TOOL_OPTIONS,
 * then JDK_JAVA_OPTIONS (which the java launcher of JDK 9+ puts before the command line's words), then the command
 * line, then _JAVA_OPTIONS; within one place a later `-D` wins. JAVA_OPTS is read only where something expands it:
 * a start file or the container's command (`$JAVA_OPTS`, Kubernetes' `$(JAVA_OPTS)`) puts it on the command line, and
 * a buildpack image (Paketo's libjvm helper java_opts.go) appends it to JAVA_TOOL_OPTIONS. A container's variable
 * replaces the image's ENV of that name, and a container command that runs `java` replaces the image's
 * ENTRYPOINT/CMD. Several starts of one app are alternatives: a property they do not set alike is unknown.
 */
import type { RelatedLocation } from '../core/types';
import type { JvmOptionsData } from '../parse/java/jvm-args';
import type { ParsedDocument } from '../parse/types';
import { JVM_OPTION_VARIABLE, type StartJvmOptions } from '../parse/java/container-jvm';
import { FIRST_SECURITY_PROVIDER, SECURITY_OVERRIDE_KIND, securityFileName } from '../parse/jdk';
import {
  COMMAND_LINE_ORDER,
  JSSE_LIST_PROPERTIES,
  jvmOptionVariable,
  knownFeature,
  readsOptionVariable,
} from '../knowledge';
import { composeVariablesOf } from './compose-variables';
import type { ModelContext } from './contributor';
import { COMPOSE_START } from './container-starts';
import {
  appGroupOf,
  boundContainers,
  builtServices,
  jvmOptionDocuments,
  jvmPropertiesByGroup,
  startersByGroup,
  traced,
  tracedEntry,
  type PropertySource,
} from './java-shared';
import type { JavaRuntime } from './types';
import { keyRefJvmOptions } from './kubernetes-key-refs';

/** Paketo's helper appends JAVA_OPTS to JAVA_TOOL_OPTIONS: after that variable's own words, before the rest. */
const APPENDED_TO_TOOL_OPTIONS = 0.5;
/** Images built by Cloud Native Buildpacks (Spring Boot's bootBuildImage and its Maven plugin's image goal). */
const BUILDPACK_IMAGE = /bootBuildImage|spring-boot-maven-plugin/;
const EXPANDS_JAVA_OPTS = /\$\{?JAVA_OPTS\b|\$\(JAVA_OPTS\)|%JAVA_OPTS%/;
/**
 * The properties whose value decides a prediction (the JSSE protocol and suite lists, the default stores): a
 * variable that may add any option leaves these unknown. Others it may set are not read.
 */
const DECIDING = [
  ...JSSE_LIST_PROPERTIES,
  'javax.net.ssl.trustStore',
  'javax.net.ssl.keyStore',
  // A security properties file may give the providers a java.security of the tree leaves out.
  'java.security.properties',
];

/** One start of an app's container: what it sets, in order (its `envFrom:` ConfigMaps, then its own). */
interface JvmStart {
  id: string;
  label: string;
  parts: { doc: ParsedDocument; options: StartJvmOptions }[];
  /** Where it applies JAVA_OPTS, when something reads it. */
  javaOptsOrder?: number;
}

function jvmStarts(ctx: ModelContext): Map<string, JvmStart[]> {
  return ctx.once('jvmStarts', () => {
    const starts = new Map<string, JvmStart[]>();
    const startOf = (group: string, id: string, label: string) => {
      const list = starts.get(group) ?? [];
      let start = list.find((s) => s.id === id);
      if (!start) list.push((start = { id, label, parts: [] }));
      starts.set(group, list);
      return start;
    };
    const expandedByStartFiles = new Set(
      jvmOptionDocuments(ctx.deployment.documents)
        .filter((d) => EXPANDS_JAVA_OPTS.test(d.file.text))
        .map((d) => appGroupOf(ctx, d.file.path)),
    );
    for (const [group, doc, service] of builtServices(ctx)) {
      const start = startOf(group, COMPOSE_START, 'Docker Compose');
      // Its `env_file:` files in order (read as start scripts: `JAVA_TOOL_OPTIONS=…` lines), then its `environment:`.
      for (const { doc: read } of composeVariablesOf(ctx, doc, service).envFileDocuments)
        if (read.kind === 'java.shell-env') start.parts.push({ doc: read, options: envFileOptions(read) });
      start.parts.push({ doc, options: service.jvm });
      // Compose builds with the directory's Dockerfile: only an expansion reads JAVA_OPTS.
      if (expandedByStartFiles.has(group) || service.jvm.expandsJavaOpts) start.javaOptsOrder = COMMAND_LINE_ORDER;
    }
    for (const { group, start: container, variant } of boundContainers(ctx)) {
      const start = startOf(group, variant, container.container.label);
      for (const { envSource, doc } of container.envSources) start.parts.push({ doc, options: envSource.jvm });
      start.parts.push({ doc: container.doc, options: container.container.jvm });
      start.parts.push(...keyRefJvmOptions(ctx, container.doc, container.container));
      if (expandedByStartFiles.has(group) || container.container.jvm.expandsJavaOpts)
        start.javaOptsOrder = COMMAND_LINE_ORDER;
      else if (container.builtBy?.some((by) => BUILDPACK_IMAGE.test(by)))
        start.javaOptsOrder = APPENDED_TO_TOOL_OPTIONS;
    }
    return starts;
  });
}

/** The option variables of a Compose `env_file:` (as the shell-env reader read it): each variable that gives `-D`. */
function envFileOptions(doc: ParsedDocument): StartJvmOptions {
  const jvmProperties = (doc.data as JvmOptionsData).properties.filter((p) => JVM_OPTION_VARIABLE.test(p.via ?? ''));
  const jvmVariables = [...new Map(jvmProperties.map((p) => [p.via!, { variable: p.via!, range: p.nameRange }]))];
  return { jvmProperties, jvmVariables: jvmVariables.map(([, v]) => v) };
}

/** Every app group's `-D` options: its start files' (path order), then those each start of its container gives. */
export function startJvmPropertiesByGroup(ctx: ModelContext): Map<string, PropertySource[]> {
  return ctx.once('startJvmPropertiesByGroup', () => {
    // A file a Compose service reads as its `env_file:` is that start's, not a start file of its directory's app.
    const envFiles = new Set(
      [...jvmStarts(ctx).values()].flatMap((starts) => starts.flatMap((s) => s.parts.map((p) => p.doc))),
    );
    const groups = new Map(
      [...jvmPropertiesByGroup(ctx)].map(([group, list]) => [group, list.filter((s) => !envFiles.has(s.doc))]),
    );
    for (const [group, starts] of jvmStarts(ctx))
      for (const start of starts)
        for (const { doc, options, replaced } of settingParts(start))
          for (const property of options.jvmProperties) {
            const javaOpts = property.via === 'JAVA_OPTS';
            if ((javaOpts && start.javaOptsOrder === undefined) || replaced.has(property.via ?? '')) continue;
            const list = groups.get(group) ?? [];
            list.push({
              doc,
              property,
              composed: true,
              ...(start.id !== COMPOSE_START && { variant: start.id }),
              ...(javaOpts && { order: start.javaOptsOrder }),
            });
            groups.set(group, list);
          }
    return groups;
  });
}

/**
 * A start's parts, each with the variables a later part sets again: that one replaces the variable whole (a Kubernetes
 * `env:` over its `envFrom:` ConfigMaps, a later `envFrom:` over an earlier one).
 */
function settingParts(start: JvmStart): (JvmStart['parts'][number] & { replaced: Set<string> })[] {
  return start.parts.map((part, i) => ({
    ...part,
    replaced: new Set(start.parts.slice(i + 1).flatMap((later) => later.options.jvmVariables.map((v) => v.variable))),
  }));
}

type Decision = { source: PropertySource } | { why: string; at: RelatedLocation[]; written?: string };

const orderOf = (s: PropertySource) => s.order ?? jvmOptionVariable(s.property.via)?.order ?? COMMAND_LINE_ORDER;
const at = (s: PropertySource, message: string): RelatedLocation => ({
  file: s.doc.file.path,
  range: s.property.valueRange,
  message,
});

/** What is known of the JDK that starts: its version, and its feature release (knowledge knownFeature). */
interface KnownJdk {
  version: string | undefined;
  feature: number | undefined;
}

/** Whether a jvm.options line for some JDK releases (`17-:`) applies on this JDK; undefined when its release is unknown. */
function appliesOn(features: { min: number; max?: number }, feature: number | undefined): boolean | undefined {
  if (feature === undefined) return undefined;
  return feature >= features.min && (features.max === undefined || feature <= features.max);
}

function featureRange({ min, max }: { min: number; max?: number }): string {
  return max === undefined ? `${min} and later` : max === min ? `${min}` : `${min} to ${max}`;
}

/** What one start's JVM gets: the shared places it keeps and its own, applied in the JVM's order. */
function decideStart(
  shared: readonly PropertySource[],
  own: readonly PropertySource[],
  start: JvmStart | undefined,
  jdk: KnownJdk,
): Map<string, Decision> {
  const options = start?.parts.map((p) => p.options) ?? [];
  const replaced = new Set(options.flatMap((o) => o.jvmVariables.map((v) => v.variable)));
  const runsJava = options.some((o) => o.runsJava);
  const kept = shared.filter(
    (s) =>
      s.doc.kind !== 'dockerfile' ||
      !(replaced.has(s.property.via ?? '') || (runsJava && /^(CMD|ENTRYPOINT)$/.test(s.property.via ?? ''))),
  );
  type Step = { source: PropertySource } | { opaque: string; order: number; location: RelatedLocation };
  const steps: Step[] = [...kept, ...own].map((source) => ({ source }));
  for (const part of start ? settingParts(start) : [])
    for (const variable of part.options.jvmVariables) {
      if (
        !variable.opaque ||
        part.replaced.has(variable.variable) ||
        (variable.variable === 'JAVA_OPTS' && start?.javaOptsOrder === undefined)
      )
        continue;
      const order =
        variable.variable === 'JAVA_OPTS'
          ? start!.javaOptsOrder!
          : (jvmOptionVariable(variable.variable)?.order ?? COMMAND_LINE_ORDER);
      steps.push({
        opaque: `${variable.variable} of ${start!.label} takes words from ${variable.opaque}, which may set it`,
        order,
        location: { file: part.doc.file.path, range: variable.range, message: `${variable.variable} is set here` },
      });
    }
  const stepOrder = (s: Step) => ('source' in s ? orderOf(s.source) : s.order);
  const decided = new Map<string, Decision>();
  for (const step of steps.map((s, i) => ({ s, i })).sort((a, b) => stepOrder(a.s) - stepOrder(b.s) || a.i - b.i)) {
    const s = step.s;
    if (!('source' in s)) {
      for (const name of DECIDING) decided.set(name, { why: s.opaque, at: [s.location] });
      continue;
    }
    const { property } = s.source;
    const variable = jvmOptionVariable(property.via);
    const reads = variable ? readsOptionVariable(variable, jdk.version) : true;
    if (reads === false) continue;
    const applies = property.jdkFeatures ? appliesOn(property.jdkFeatures, jdk.feature) : true;
    if (applies === false) continue;
    if (applies === undefined) {
      decided.set(property.name, {
        why: `its line applies only on JDK ${featureRange(property.jdkFeatures!)}, and the JDK's version is unknown`,
        at: [at(s.source, `-D${property.name} is set here for JDK ${featureRange(property.jdkFeatures!)}`)],
      });
      continue;
    }
    // A security properties file is found by its name, which `${server.config.dir}/tls.properties` still tells.
    const namesFile = property.name === 'java.security.properties' && !securityFileName(property.value).includes('$');
    if (reads === undefined)
      decided.set(property.name, {
        why: `${property.via} sets it, which only the java launcher of JDK ${variable!.sinceFeature} and later reads, and the JDK's version is unknown`,
        at: [at(s.source, `${property.via} sets -D${property.name} here`)],
      });
    else if (property.unresolved && !namesFile)
      decided.set(property.name, {
        why: 'its value is given at run time',
        at: [at(s.source, `-D${property.name} is set here`)],
        written: property.value,
      });
    else decided.set(property.name, { source: s.source });
  }
  return decided;
}

/**
 * The system properties of a JVM that the app group's places start: each start decides its own (the start files
 * count for every start); a property the starts do not leave alike (set by one and not another, or to other values)
 * is unknown, and so is one whose value only the run knows.
 */
function decideSystemProperties(
  ctx: ModelContext,
  group: string | undefined,
  sources: readonly PropertySource[],
  jdk: KnownJdk,
): Map<string, Decision> {
  const starts = group !== undefined ? (jvmStarts(ctx).get(group) ?? []) : [];
  const variants = group !== undefined ? startersByGroup(ctx).get(group) : undefined;
  const shared = sources.filter((s) => !s.composed);
  const ids = variants?.map((v) => v.id) ?? (starts.length ? starts.map((s) => s.id) : ['']);
  const perStart = ids.map((id) => ({
    label: variants?.find((v) => v.id === id)?.label ?? starts.find((s) => s.id === id)?.label ?? '',
    decided: decideStart(
      shared,
      sources.filter((s) => s.composed && (s.variant ?? COMPOSE_START) === id),
      starts.find((s) => s.id === id),
      jdk,
    ),
  }));
  if (perStart.length === 1) return perStart[0]!.decided;
  const names = new Set(perStart.flatMap((p) => [...p.decided.keys()]));
  const result = new Map<string, Decision>();
  for (const name of names) {
    const each = perStart.map((p) => p.decided.get(name));
    const first = each[0];
    const unknown = each.find((d): d is Exclude<Decision, { source: PropertySource }> => !!d && 'why' in d);
    if (unknown) result.set(name, unknown);
    else if (
      first &&
      'source' in first &&
      each.every((d) => d && 'source' in d && d.source.property.value === first.source.property.value)
    )
      result.set(name, first);
    else
      result.set(name, {
        why: `the app's starts do not set it alike (${perStart
          .map((p, i) => `${p.label || 'its start files'}: ${each[i] ? 'set' : 'not set'}`)
          .join('; ')}), and one of them runs`,
        at: each.flatMap((d, i) =>
          d && 'source' in d ? [at(d.source, `${perStart[i]!.label || 'a start file'} sets -D${name} here`)] : [],
        ),
      });
  }
  return result;
}

/**
 * Adds `-D` properties to a runtime (a copy): the app group's starts decide them (above); a property they leave
 * unknown is in `unknownSystemProperties`. A `-Djava.security.properties` file in the tree adds its security properties.
 */
export function runtimeWithProperties(
  ctx: ModelContext,
  base: JavaRuntime | undefined,
  sources: PropertySource[],
  group?: string,
): JavaRuntime | undefined {
  const opaque = (jvmStarts(ctx).get(group ?? '') ?? []).some((s) =>
    s.parts.some((p) => p.options.jvmVariables.some((v) => v.opaque)),
  );
  if (!base && sources.length === 0 && (group === undefined || !opaque)) return undefined;
  const runtime: JavaRuntime = base
    ? { ...base, securityProperties: { ...base.securityProperties }, systemProperties: { ...base.systemProperties } }
    : {
        vendor: { value: 'unknown', from: { kind: 'default', origin: 'no JDK in the tree for this component' } },
        version: { value: '', from: { kind: 'default', origin: 'no JDK in the tree for this component' } },
        securityProperties: {},
        systemProperties: {},
      };
  for (const [name, decision] of decideSystemProperties(ctx, group, sources, {
    version: runtime.version.value || undefined,
    feature: knownFeature(runtime),
  })) {
    if ('source' in decision) {
      const { doc, property } = decision.source;
      runtime.systemProperties[name] = traced(property.value, doc.file.path, property.valueRange, property.via);
    } else {
      // A property the runtime's own files set (config `java`) is still decided by the start.
      runtime.systemProperties = Object.fromEntries(
        Object.entries(runtime.systemProperties).filter(([n]) => n !== name),
      );
      runtime.unknownSystemProperties = { ...runtime.unknownSystemProperties, [name]: decision };
    }
  }
  const override = runtime.systemProperties['java.security.properties'];
  // `security.overridePropertiesFile=false` in the JDK's java.security makes the JVM ignore the option.
  if (override && runtime.securityProperties['security.overridePropertiesFile']?.value.trim() !== 'false') {
    const replace = override.value.startsWith('=');
    const wanted = securityFileName(override.value.replace(/^=/, '').replace(/^file:/, ''));
    const securityDoc = ctx.deployment.documents.find(
      (d) =>
        (d.kind === 'java.security' || d.kind === SECURITY_OVERRIDE_KIND) && securityFileName(d.file.path) === wanted,
    );
    if (securityDoc) {
      if (replace) runtime.securityProperties = {};
      for (const entry of securityDoc.entries)
        runtime.securityProperties[entry.key] = tracedEntry(securityDoc, entry, entry.value);
      // `==` makes the file the JDK's whole java.security: without security.provider.1 the JDK has no provider.
      if (replace && !runtime.securityProperties[FIRST_SECURITY_PROVIDER]) {
        const option = override.from.kind === 'file' ? override.from.location : undefined;
        runtime.withoutProviders = {
          file: securityDoc.file.path,
          at: {
            ...(option ?? { file: securityDoc.file.path }),
            message: "-Djava.security.properties== replaces the JDK's java.security with it",
          },
        };
      }
    }
  }
  return runtime;
}
