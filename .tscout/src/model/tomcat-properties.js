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
exports.TOMCAT_DIRECTORY_PROPERTIES = void 0;
exports.tomcatPropertyScope = tomcatPropertyScope;
exports.tomcatValue = tomcatValue;
exports.namesTomcatProperty = namesTomcatProperty;
exports.readWritten = readWritten;
/**
 * How Tomcat fills the `${…}` of a server.xml attribute when it reads the file (its Digester runs
 * IntrospectionUtils.replaceProperties on every attribute; src/knowledge/data/tomcat.json propertyDefaults and
 * propertySources): `${name}` is the system property `name` (a `-D` option of the JVM, or conf/catalina.properties);
 * `${name:-default}` is `default` while nothing sets it (Tomcat 9.0.35, 8.5.55, 7.0.104, 10.0 and later);
 * anything else stays as written, which the tree cannot tell: unknown, never an error. Environment variables count
 * only when org.apache.tomcat.util.digester.PROPERTY_SOURCE names EnvironmentPropertySource.
 */
const path = __importStar(require("node:path"));
const tomcat_1 = require("../knowledge/tomcat");
const regex_1 = require("../core/regex");
const CATALINA_PROPERTIES_KIND = 'tomcat.catalina-properties';
/** The scope of the server.xml files of one JVM: its `-D` properties and whether the environment is a source. */
function tomcatPropertyScope(ctx, serverXml, runtime, facts) {
    const catalinaProperties = ctx
        .documentsOf(CATALINA_PROPERTIES_KIND)
        .find((d) => path.dirname(d.file.path) === path.dirname(serverXml));
    const environment = ctx.once('tomcatEnvironmentSource', () => {
        const named = ctx.deployment.documents.some((d) => d.file.text.includes(tomcat_1.TOMCAT_PROPERTY_SOURCES.environmentClass));
        return named ? ctx.deployment.documents.map((d) => d.file.text) : undefined;
    });
    return {
        runtime,
        ...(catalinaProperties ? { catalinaProperties } : {}),
        facts,
        // Configured somewhere in the tree (catalina.properties, CATALINA_OPTS, a Dockerfile's RUN): a variable the
        // tree assigns anywhere (Compose `environment:`, an env file, Kubernetes `env:`) may be the value.
        environmentMaySet: (name) => {
            if (!environment)
                return false;
            const quoted = (0, regex_1.escapeRegExp)(name);
            // `NAME=…`, `NAME: …` (not `${NAME:-…}`), and Kubernetes' `- name: NAME`.
            const assigned = new RegExp(`(^|[\\s"',])${quoted}\\s*[=:]|\\bname:\\s*["']?${quoted}["']?\\s*$`, 'm');
            return environment.some((text) => assigned.test(text));
        },
    };
}
/** Why a property the tree does not settle leaves the value unknown; undefined when the tree does not set it. */
function property(name, scope) {
    const entry = scope.catalinaProperties?.entries.filter((e) => e.key === name).at(-1);
    if (entry && scope.catalinaProperties)
        return {
            value: entry.value,
            at: { file: scope.catalinaProperties.file.path, range: entry.valueRange, message: `${name} is set here` },
        };
    const set = scope.runtime?.systemProperties[name];
    if (set) {
        const at = set.from.kind === 'file' ? { ...set.from.location, message: `-D${name} is set here` } : undefined;
        return { value: set.value, ...(at ? { at } : {}) };
    }
    const unsettled = scope.runtime?.unknownSystemProperties?.[name];
    if (unsettled)
        return { unknown: `system property ${name}: ${unsettled.why}` };
    if (scope.environmentMaySet(name))
        return {
            unknown: `the tree makes environment variables a property source (${tomcat_1.TOMCAT_PROPERTY_SOURCES.environmentClass}) and sets ${name} as one`,
        };
    return undefined;
}
/**
 * The value Tomcat reads for an attribute written with `${…}` (each expression up to its first `}`, repeated while
 * a replacement brings new ones, as replaceProperties does). Never call it for a secret: messages quote defaults.
 */
function tomcatValue(written, scope, where) {
    const readsDefaults = (0, tomcat_1.tomcatReadsPropertyDefaults)(scope.facts.release);
    const keep = new Set(scope.keep ?? []);
    const via = [];
    let value = written;
    for (let pass = 0; pass < 20 && value.includes('${'); pass++) {
        let out = '';
        let prev = 0;
        for (let pos = value.indexOf('${', prev); pos >= 0; pos = value.indexOf('${', prev)) {
            const end = value.indexOf('}', pos);
            if (end < 0)
                break;
            out += value.slice(prev, pos);
            prev = end + 1;
            const name = value.slice(pos + 2, end);
            if (keep.has(name)) {
                out += `\${${name}}`;
                continue;
            }
            // `${name:-default}`: the property `name:-default` if set (never), else `name`, else the default.
            const separator = readsDefaults ? name.indexOf(':-') : -1;
            const short = separator >= 0 ? name.slice(0, separator) : undefined;
            const set = property(name, scope) ?? (short !== undefined ? property(short, scope) : undefined);
            if (set && 'unknown' in set)
                return set;
            if (set) {
                out += set.value;
                if (set.at)
                    via.push(set.at);
                continue;
            }
            if (short === undefined)
                return {
                    unknown: `\${${name}} names a system property nothing in the tree sets${name.includes(':-') ? ` (Tomcat ${scope.facts.release} reads no :- default)` : ''}`,
                };
            const fallback = name.slice(separator + 2);
            out += fallback;
            via.push({
                ...where,
                message: `${written.trim()} is '${fallback}' while system property ${short} is unset (a -D${short}=… option or conf/catalina.properties sets it${scope.facts.assumed
                    ? `; assumed: Tomcat ${scope.facts.release}, as the tree names no Tomcat version, and releases before ${tomcat_1.TOMCAT_PROPERTY_DEFAULTS_SINCE} read no :- default`
                    : ''})`,
            });
        }
        const next = out + value.slice(prev);
        if (next === value)
            break;
        value = next;
    }
    const left = [...value.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]).filter((n) => !keep.has(n));
    if (left.length)
        return { unknown: `\${${left[0]}} names a system property nothing in the tree sets` };
    return { value, via };
}
/** Whether a value names a system property (`${name}`), which Tomcat's digester replaces when it reads server.xml. */
function namesTomcatProperty(value) {
    return /\$\{[^}]*\}/.test(value);
}
/** Run-time directories a store path may start with: kept as written, the path then matches a tree file by its tail. */
exports.TOMCAT_DIRECTORY_PROPERTIES = ['catalina.base', 'catalina.home', 'user.home'];
/**
 * An attribute found by Tomcat's setter rule (./tomcat-legacy.ts setterAttribute: `SSLProtocol`, which `sslProtocol` is
 * not), its `${…}` filled in; undefined when written with a placeholder the tree does not settle.
 */
function readWritten(found, file, scope) {
    if (!found.value.includes('${'))
        return found;
    const read = tomcatValue(found.value, scope, { file, range: found.valueRange, message: '' });
    return 'unknown' in read ? undefined : { ...found, value: read.value, via: read.via };
}
