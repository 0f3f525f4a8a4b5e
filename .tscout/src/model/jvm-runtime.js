"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.startJvmPropertiesByGroup = startJvmPropertiesByGroup;
exports.runtimeWithProperties = runtimeWithProperties;
/**
 * The `-D` system properties a Java app's JVM runs with, from its start files (jvm.options, setenv.sh, systemd units,
 * Dockerfiles) and from the starts of its container (a Docker Compose service's `environment:`/`command:`, a
 * Kubernetes container's `env:`/`envFrom:` ConfigMaps/`command:`/`args:`).
 *
 * The JVM applies options in an order (src/knowledge/data/jdk-locations.json optionVariables): JAVA_TOOL_OPTIONS,
 * then JDK_JAVA_OPTIONS (which the java launcher of JDK 9+ puts before the command line's words), then the command
 * line, then _JAVA_OPTIONS; within one place a later `-D` wins. JAVA_OPTS is read only where something expands it:
 * a start file or the container's command (`$JAVA_OPTS`, Kubernetes' `$(JAVA_OPTS)`) puts it on the command line, and
 * a buildpack image (Paketo's libjvm helper java_opts.go) appends it to JAVA_TOOL_OPTIONS. A container's variable
 * replaces the image's ENV of that name, and a container command that runs `java` replaces the image's
 * ENTRYPOINT/CMD. Several starts of one app are alternatives: a property they do not set alike is unknown.
 */
const path = __importStar(require("node:path"));
const container_jvm_1 = require("../parse/java/container-jvm");
const jdk_1 = require("../parse/jdk");
const knowledge_1 = require("../knowledge");
const container_starts_1 = require("./container-starts");
const java_shared_1 = require("./java-shared");
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
    ...knowledge_1.JSSE_LIST_PROPERTIES,
    'javax.net.ssl.trustStore',
    'javax.net.ssl.keyStore',
    // A security properties file may give the providers a java.security of the tree leaves out.
    'java.security.properties',
];
function jvmStarts(ctx) {
    return ctx.once('jvmStarts', () => {
        const starts = new Map();
        const startOf = (group, id, label) => {
            const list = starts.get(group) ?? [];
            let start = list.find((s) => s.id === id);
            if (!start)
                list.push((start = { id, label, parts: [] }));
            starts.set(group, list);
            return start;
        };
        const expandedByStartFiles = new Set((0, java_shared_1.jvmOptionDocuments)(ctx.deployment.documents)
            .filter((d) => EXPANDS_JAVA_OPTS.test(d.file.text))
            .map((d) => (0, java_shared_1.appGroupOf)(ctx, d.file.path)));
        for (const [group, doc, service] of (0, java_shared_1.builtServices)(ctx)) {
            const start = startOf(group, container_starts_1.COMPOSE_START, 'Docker Compose');
            // Its `env_file:` files in order (read as start scripts: `JAVA_TOOL_OPTIONS=…` lines), then its `environment:`.
            for (const envFile of service.envFiles) {
                const file = path.resolve(path.dirname(doc.file.path), envFile.path);
                const read = ctx.deployment.documents.find((d) => d.file.path === file && d.kind === 'java.shell-env');
                if (read)
                    start.parts.push({ doc: read, options: envFileOptions(read) });
            }
            start.parts.push({ doc, options: service.jvm });
            // Compose builds with the directory's Dockerfile: only an expansion reads JAVA_OPTS.
            if (expandedByStartFiles.has(group) || service.jvm.expandsJavaOpts)
                start.javaOptsOrder = knowledge_1.COMMAND_LINE_ORDER;
        }
        for (const { group, start: container, variant } of (0, java_shared_1.boundContainers)(ctx)) {
            const start = startOf(group, variant, container.container.label);
            for (const { configMap, doc } of container.configMaps)
                start.parts.push({ doc, options: configMap.jvm });
            start.parts.push({ doc: container.doc, options: container.container.jvm });
            if (expandedByStartFiles.has(group) || container.container.jvm.expandsJavaOpts)
                start.javaOptsOrder = knowledge_1.COMMAND_LINE_ORDER;
            else if (container.builtBy?.some((by) => BUILDPACK_IMAGE.test(by)))
                start.javaOptsOrder = APPENDED_TO_TOOL_OPTIONS;
        }
        return starts;
    });
}
/** The option variables of a Compose `env_file:` (as the shell-env reader read it): each variable that gives `-D`. */
function envFileOptions(doc) {
    const jvmProperties = doc.data.properties.filter((p) => container_jvm_1.JVM_OPTION_VARIABLE.test(p.via ?? ''));
    const jvmVariables = [...new Map(jvmProperties.map((p) => [p.via, { variable: p.via, range: p.nameRange }]))];
    return { jvmProperties, jvmVariables: jvmVariables.map(([, v]) => v) };
}
/** Every app group's `-D` options: its start files' (path order), then those each start of its container gives. */
function startJvmPropertiesByGroup(ctx) {
    return ctx.once('startJvmPropertiesByGroup', () => {
        // A file a Compose service reads as its `env_file:` is that start's, not a start file of its directory's app.
        const envFiles = new Set([...jvmStarts(ctx).values()].flatMap((starts) => starts.flatMap((s) => s.parts.map((p) => p.doc))));
        const groups = new Map([...(0, java_shared_1.jvmPropertiesByGroup)(ctx)].map(([group, list]) => [group, list.filter((s) => !envFiles.has(s.doc))]));
        for (const [group, starts] of jvmStarts(ctx))
            for (const start of starts)
                for (const { doc, options, replaced } of settingParts(start))
                    for (const property of options.jvmProperties) {
                        const javaOpts = property.via === 'JAVA_OPTS';
                        if ((javaOpts && start.javaOptsOrder === undefined) || replaced.has(property.via ?? ''))
                            continue;
                        const list = groups.get(group) ?? [];
                        list.push({
                            doc,
                            property,
                            composed: true,
                            ...(start.id !== container_starts_1.COMPOSE_START && { variant: start.id }),
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
function settingParts(start) {
    return start.parts.map((part, i) => ({
        ...part,
        replaced: new Set(start.parts.slice(i + 1).flatMap((later) => later.options.jvmVariables.map((v) => v.variable))),
    }));
}
const orderOf = (s) => s.order ?? (0, knowledge_1.jvmOptionVariable)(s.property.via)?.order ?? knowledge_1.COMMAND_LINE_ORDER;
const at = (s, message) => ({
    file: s.doc.file.path,
    range: s.property.valueRange,
    message,
});
/** Whether a jvm.options line for some JDK releases (`17-:`) applies on this JDK; undefined when its release is unknown. */
function appliesOn(features, feature) {
    if (feature === undefined)
        return undefined;
    return feature >= features.min && (features.max === undefined || feature <= features.max);
}
function featureRange({ min, max }) {
    return max === undefined ? `${min} and later` : max === min ? `${min}` : `${min} to ${max}`;
}
/** What one start's JVM gets: the shared places it keeps and its own, applied in the JVM's order. */
function decideStart(shared, own, start, jdk) {
    const options = start?.parts.map((p) => p.options) ?? [];
    const replaced = new Set(options.flatMap((o) => o.jvmVariables.map((v) => v.variable)));
    const runsJava = options.some((o) => o.runsJava);
    const kept = shared.filter((s) => s.doc.kind !== 'dockerfile' ||
        !(replaced.has(s.property.via ?? '') || (runsJava && /^(CMD|ENTRYPOINT)$/.test(s.property.via ?? ''))));
    const steps = [...kept, ...own].map((source) => ({ source }));
    for (const part of start ? settingParts(start) : [])
        for (const variable of part.options.jvmVariables) {
            if (!variable.opaque ||
                part.replaced.has(variable.variable) ||
                (variable.variable === 'JAVA_OPTS' && start?.javaOptsOrder === undefined))
                continue;
            const order = variable.variable === 'JAVA_OPTS'
                ? start.javaOptsOrder
                : ((0, knowledge_1.jvmOptionVariable)(variable.variable)?.order ?? knowledge_1.COMMAND_LINE_ORDER);
            steps.push({
                opaque: `${variable.variable} of ${start.label} takes words from ${variable.opaque}, which may set it`,
                order,
                location: { file: part.doc.file.path, range: variable.range, message: `${variable.variable} is set here` },
            });
        }
    const stepOrder = (s) => ('source' in s ? orderOf(s.source) : s.order);
    const decided = new Map();
    for (const step of steps.map((s, i) => ({ s, i })).sort((a, b) => stepOrder(a.s) - stepOrder(b.s) || a.i - b.i)) {
        const s = step.s;
        if (!('source' in s)) {
            for (const name of DECIDING)
                decided.set(name, { why: s.opaque, at: [s.location] });
            continue;
        }
        const { property } = s.source;
        const variable = (0, knowledge_1.jvmOptionVariable)(property.via);
        const reads = variable ? (0, knowledge_1.readsOptionVariable)(variable, jdk.version) : true;
        if (reads === false)
            continue;
        const applies = property.jdkFeatures ? appliesOn(property.jdkFeatures, jdk.feature) : true;
        if (applies === false)
            continue;
        if (applies === undefined) {
            decided.set(property.name, {
                why: `its line applies only on JDK ${featureRange(property.jdkFeatures)}, and the JDK's version is unknown`,
                at: [at(s.source, `-D${property.name} is set here for JDK ${featureRange(property.jdkFeatures)}`)],
            });
            continue;
        }
        // A security properties file is found by its name, which `${server.config.dir}/tls.properties` still tells.
        const namesFile = property.name === 'java.security.properties' && !(0, jdk_1.securityFileName)(property.value).includes('$');
        if (reads === undefined)
            decided.set(property.name, {
                why: `${property.via} sets it, which only the java launcher of JDK ${variable.sinceFeature} and later reads, and the JDK's version is unknown`,
                at: [at(s.source, `${property.via} sets -D${property.name} here`)],
            });
        else if (property.unresolved && !namesFile)
            decided.set(property.name, {
                why: 'its value is given at run time',
                at: [at(s.source, `-D${property.name} is set here`)],
                written: property.value,
            });
        else
            decided.set(property.name, { source: s.source });
    }
    return decided;
}
/**
 * The system properties of a JVM that the app group's places start: each start decides its own (the start files
 * count for every start); a property the starts do not leave alike (set by one and not another, or to other values)
 * is unknown, and so is one whose value only the run knows.
 */
function decideSystemProperties(ctx, group, sources, jdk) {
    const starts = group !== undefined ? (jvmStarts(ctx).get(group) ?? []) : [];
    const variants = group !== undefined ? (0, java_shared_1.startersByGroup)(ctx).get(group) : undefined;
    const shared = sources.filter((s) => !s.composed);
    const ids = variants?.map((v) => v.id) ?? (starts.length ? starts.map((s) => s.id) : ['']);
    const perStart = ids.map((id) => ({
        label: variants?.find((v) => v.id === id)?.label ?? starts.find((s) => s.id === id)?.label ?? '',
        decided: decideStart(shared, sources.filter((s) => s.composed && (s.variant ?? container_starts_1.COMPOSE_START) === id), starts.find((s) => s.id === id), jdk),
    }));
    if (perStart.length === 1)
        return perStart[0].decided;
    const names = new Set(perStart.flatMap((p) => [...p.decided.keys()]));
    const result = new Map();
    for (const name of names) {
        const each = perStart.map((p) => p.decided.get(name));
        const first = each[0];
        const unknown = each.find((d) => !!d && 'why' in d);
        if (unknown)
            result.set(name, unknown);
        else if (first &&
            'source' in first &&
            each.every((d) => d && 'source' in d && d.source.property.value === first.source.property.value))
            result.set(name, first);
        else
            result.set(name, {
                why: `the app's starts do not set it alike (${perStart
                    .map((p, i) => `${p.label || 'its start files'}: ${each[i] ? 'set' : 'not set'}`)
                    .join('; ')}), and one of them runs`,
                at: each.flatMap((d, i) => d && 'source' in d ? [at(d.source, `${perStart[i].label || 'a start file'} sets -D${name} here`)] : []),
            });
    }
    return result;
}
/**
 * Adds `-D` properties to a runtime (a copy): the app group's starts decide them (above); a property they leave
 * unknown is in `unknownSystemProperties`. A `-Djava.security.properties` file in the tree adds its security properties.
 */
function runtimeWithProperties(ctx, base, sources, group) {
    const opaque = (jvmStarts(ctx).get(group ?? '') ?? []).some((s) => s.parts.some((p) => p.options.jvmVariables.some((v) => v.opaque)));
    if (!base && sources.length === 0 && (group === undefined || !opaque))
        return undefined;
    const runtime = base
        ? { ...base, securityProperties: { ...base.securityProperties }, systemProperties: { ...base.systemProperties } }
        : {
            vendor: { value: 'unknown', from: { kind: 'default', origin: 'no JDK in the tree for this component' } },
            version: { value: '', from: { kind: 'default', origin: 'no JDK in the tree for this component' } },
            securityProperties: {},
            systemProperties: {},
        };
    for (const [name, decision] of decideSystemProperties(ctx, group, sources, {
        version: runtime.version.value || undefined,
        feature: (0, knowledge_1.knownFeature)(runtime),
    })) {
        if ('source' in decision) {
            const { doc, property } = decision.source;
            runtime.systemProperties[name] = (0, java_shared_1.traced)(property.value, doc.file.path, property.valueRange, property.via);
        }
        else {
            // A property the runtime's own files set (config `java`) is still decided by the start.
            runtime.systemProperties = Object.fromEntries(Object.entries(runtime.systemProperties).filter(([n]) => n !== name));
            runtime.unknownSystemProperties = { ...runtime.unknownSystemProperties, [name]: decision };
        }
    }
    const override = runtime.systemProperties['java.security.properties'];
    // `security.overridePropertiesFile=false` in the JDK's java.security makes the JVM ignore the option.
    if (override && runtime.securityProperties['security.overridePropertiesFile']?.value.trim() !== 'false') {
        const replace = override.value.startsWith('=');
        const wanted = (0, jdk_1.securityFileName)(override.value.replace(/^=/, '').replace(/^file:/, ''));
        const securityDoc = ctx.deployment.documents.find((d) => (d.kind === 'java.security' || d.kind === jdk_1.SECURITY_OVERRIDE_KIND) && (0, jdk_1.securityFileName)(d.file.path) === wanted);
        if (securityDoc) {
            if (replace)
                runtime.securityProperties = {};
            for (const entry of securityDoc.entries)
                runtime.securityProperties[entry.key] = (0, java_shared_1.tracedEntry)(securityDoc, entry, entry.value);
            // `==` makes the file the JDK's whole java.security: without security.provider.1 the JDK has no provider.
            if (replace && !runtime.securityProperties[jdk_1.FIRST_SECURITY_PROVIDER]) {
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
