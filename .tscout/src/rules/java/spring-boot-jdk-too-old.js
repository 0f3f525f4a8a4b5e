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
/**
 * Whether the tree says which JDK runs the app in the app's own project (the directory of the build file that names
 * Spring Boot, or below it: its Dockerfile, a JDK in its directory), or the user declared it. A JDK found elsewhere in
 * the tree (the nearest JDK of a sibling project) is not evidence enough to say the app cannot start.
 */
function ownJdk(runtime, project) {
    const from = runtime.version.from;
    if (from.kind === 'config')
        return true;
    const file = from.kind === 'file' ? from.location.file : runtime.attachment?.location?.file;
    return file !== undefined && (file === project || file.startsWith(project + path.sep));
}
/**
 * A Spring Boot application whose project builds with a Spring Boot release that needs a newer Java than the JDK the
 * tree runs it on (Spring Boot 3: Java 17; knowledge spring-boot.json javaFloor). Spring Boot's and Spring Framework 6's
 * classes are compiled for that release, so an older JVM refuses to load them (UnsupportedClassVersionError) and the
 * application never starts: every other verdict about its TLS on that JDK is moot. Only where the JDK belongs to the
 * app's own project (its Dockerfile, a JDK in its directory) or is declared; an unknown JDK says nothing.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'java/spring-boot-jdk-too-old',
        description: 'Catch a Spring Boot application built with a release that needs a newer Java (Spring Boot 3: Java 17) than the JDK the tree runs it on: it does not start',
        severity: 'error',
        messages: {
            tooOld: "{{app}} builds with Spring Boot {{release}} ({{by}}), which needs Java {{floor}} or later ({{source}}), but it runs on Java {{feature}} ({{jdk}}): that JVM refuses Spring Boot's classes (java.lang.UnsupportedClassVersionError: … has been compiled by a more recent version of the Java Runtime (class file version {{classFile}}) …) and the application does not start, so none of its TLS settings takes effect. Run it on Java {{floor}} or later, or build it with a Spring Boot release that supports Java {{feature}}",
        },
        defaultOptions: {},
        appliesTo: { components: ['java.app'] },
        symptoms: [
            'java.lang.UnsupportedClassVersionError',
            'has been compiled by a more recent version of the Java Runtime (class file version 61.0)',
        ],
    },
    check(ctx) {
        for (const component of ctx.deployment.components) {
            if (component.type !== 'java.app')
                continue;
            const release = component.attributes.springBoot;
            const runtime = component.runtime;
            const feature = (0, knowledge_1.knownFeature)(runtime);
            if (!release || !runtime || feature === undefined)
                continue;
            const floor = (0, knowledge_1.springBootJavaFloor)(release.version);
            if (!floor || feature >= floor.java || !ownJdk(runtime, path.dirname(release.at.file)))
                continue;
            // Where the JDK's version is said (its vendor decides nothing here).
            const at = runtime.version.from.kind === 'file' ? runtime.version.from.location : runtime.attachment?.location;
            ctx.report({
                messageId: 'tooOld',
                data: {
                    app: component.name,
                    release: release.version,
                    by: release.by,
                    floor: String(floor.java),
                    source: floor.source.split(' ')[0],
                    feature: String(feature),
                    jdk: runtime.attachment?.text ?? runtime.version.value,
                    classFile: floor.classFileVersion,
                },
                location: release.at,
                related: [
                    ...(at ? [{ ...at, message: (0, phrase_1.said) `${component.name} runs Java ${feature} (from here)` }] : []),
                    { ...component.location, message: (0, phrase_1.said) `${component.name} is configured here` },
                ],
                fingerprint: [component.id, release.version, String(feature)],
            });
        }
    },
});
