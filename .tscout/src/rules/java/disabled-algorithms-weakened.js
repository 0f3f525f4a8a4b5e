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
const path = __importStar(require("node:path"));
const knowledge_1 = require("../../knowledge");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
const normalise = (entry) => entry.replace(/\s+/g, ' ').trim().toLowerCase();
/** The default entries of `runtime`'s JDK (or of the reference JDK) that `override` no longer lists. */
function dropped(runtime, override) {
    const own = (0, knowledge_1.parseJavaVersion)(runtime.version.value);
    const version = own ?? (0, knowledge_1.parseJavaVersion)(knowledge_1.REFERENCE_JDK.version);
    const vendor = own ? runtime.vendor.value : knowledge_1.REFERENCE_JDK.vendor;
    const profile = version ? (0, knowledge_1.jdkProfile)(vendor, version) : undefined;
    if (!profile || !version)
        return undefined;
    const kept = (0, knowledge_1.splitAlgorithmList)(override).map(normalise);
    const entries = profile.tlsDisabledAlgorithms.value.flatMap((e) => weakenedEntry(e, kept));
    return { jdk: (0, knowledge_1.formatJdk)(vendor, version), known: own !== undefined, entries };
}
const KEY_SIZE = /^(\S+) keysize < (\d+)$/;
/**
 * How the override weakens one default entry: not at all (listed, or its algorithm still constrained in
 * a way this rule does not judge: `DES keySize < 128` still blocks 56-bit DES), a smaller key-size floor,
 * or dropped.
 */
function weakenedEntry(entry, kept) {
    const wanted = normalise(entry);
    if (/^include\b/.test(wanted) || kept.includes(wanted))
        return [];
    const size = KEY_SIZE.exec(wanted);
    const names = (size ? size[1] : wanted).split(/with|and/);
    const sameAlgorithm = kept.filter((k) => names.includes(k.split(' ')[0] ?? k));
    if (sameAlgorithm.length === 0)
        return [entry];
    const keptSize = sameAlgorithm.map((k) => KEY_SIZE.exec(k)).find((m) => m);
    if (size && keptSize && Number(keptSize[2]) < Number(size[2]))
        return [`${entry} (here < ${keptSize[2]})`];
    return [];
}
/**
 * A java.security override (a `-Djava.security.properties` file, a java.security edited in the tree)
 * replaces the whole jdk.tls.disabledAlgorithms list: whatever the JDK disabled that the new list
 * omits — SSLv3, TLSv1, anon, NULL, 3DES — is enabled again, silently.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'java/disabled-algorithms-weakened',
        description: 'Warn when a jdk.tls.disabledAlgorithms override re-enables protocols or algorithms the JDK disables by default',
        severity: 'warning',
        messages: {
            weakened: 'jdk.tls.disabledAlgorithms here replaces the JDK list and no longer disables {{entries}}, which {{jdk}} disables by default: {{components}} can negotiate them again. Fix: copy the JDK default list and add to it instead of replacing it',
            weakenedFeatureOnly: 'jdk.tls.disabledAlgorithms here replaces the JDK list and does not disable {{entries}}, which current JDKs ({{jdk}}) disable by default. The JDK that runs {{components}} is Java {{feature}}, and the tree does not name its update: if that update disables them, this re-enables them. Name the update (an image tag or release file that carries it, or --java-version) to know',
            weakenedUnknownJdk: 'jdk.tls.disabledAlgorithms here replaces the JDK list and does not disable {{entries}}, which current JDKs ({{jdk}}) disable by default: if the JDK that runs {{components}} does, this re-enables them. Declare the JDK (a release file or --java-version) to know',
        },
        defaultOptions: {},
        symptoms: [],
    },
    check(ctx) {
        const byOverride = new Map();
        for (const component of ctx.deployment.components) {
            const override = component.runtime?.securityProperties['jdk.tls.disabledAlgorithms'];
            if (!component.runtime || override?.from.kind !== 'file')
                continue;
            const { file, range } = override.from.location;
            const runtime = component.runtime;
            const key = `${file}:${range?.start.line}|${runtime.vendor.value} ${runtime.version.value} ${runtime.attachment?.feature ?? ''}`;
            const seen = byOverride.get(key) ?? { runtime: component.runtime, components: [] };
            seen.components.push(component.name);
            byOverride.set(key, seen);
        }
        for (const { runtime, components } of byOverride.values()) {
            const override = runtime.securityProperties['jdk.tls.disabledAlgorithms'];
            if (override?.from.kind !== 'file')
                continue;
            // The same JDK and override in every environment of a fleet: compared once per run.
            const result = ctx.memo.get('java/disabled-algorithms-weakened', `${runtime.vendor.value}\u0000${runtime.version.value}\u0000${override.value}`, () => dropped(runtime, override.value));
            if (!result || result.entries.length === 0)
                continue;
            // The option that loaded the override, when it came from -Djava.security.properties.
            const option = runtime.systemProperties['java.security.properties'];
            const related = option?.from.kind === 'file'
                ? [{ ...option.from.location, message: (0, phrase_1.said) `loaded by -Djava.security.properties=${option.value}` }]
                : [];
            // The JDK whose default list it is compared with, when a release file in the tree says which.
            if (result.known && runtime.version.from.kind === 'file')
                related.push({
                    ...runtime.version.from.location,
                    message: (0, phrase_1.said) `${result.jdk}: its default jdk.tls.disabledAlgorithms`,
                });
            // A Dockerfile FROM (or a path) that names the feature release without its update (annata/docker-jre's
            // openjdk:8-jre-alpine, a java.security copied into it): said, not 'declare the JDK'.
            const feature = result.known ? undefined : runtime.attachment?.feature;
            if (feature && runtime.attachment?.location)
                related.push({ ...runtime.attachment.location, message: runtime.attachment.text });
            ctx.report({
                messageId: result.known ? 'weakened' : feature ? 'weakenedFeatureOnly' : 'weakenedUnknownJdk',
                severity: result.known ? undefined : 'info',
                data: {
                    entries: result.entries.join(', '),
                    jdk: result.jdk,
                    components: components.join(', '),
                    feature: feature ?? '',
                },
                location: override.from.location,
                related,
                // Relative to the deployment, so a baseline holds wherever the tree is checked out.
                fingerprint: [
                    path.relative(ctx.deployment.root, override.from.location.file).split(path.sep).join('/'),
                    result.jdk,
                    result.entries.join(','),
                ],
            });
        }
    },
});
