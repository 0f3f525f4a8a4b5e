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
exports.springServer = springServer;
/**
 * The embedded web server of a Spring Boot app as a `spring.server` component (split from java.ts, whose contributor
 * finds the apps): its TLS settings from `server.ssl.*` or the SSL bundle `server.ssl.bundle` names, with the active
 * profiles applied and what the tree leaves unknown said.
 */
const path = __importStar(require("node:path"));
const types_1 = require("../parse/types");
const spring_1 = require("../parse/spring");
const tomcat_1 = require("./tomcat");
const tomcat_2 = require("../knowledge/tomcat");
const knowledge_1 = require("../knowledge");
const spring_bundle_1 = require("./spring-bundle");
const spring_stores_1 = require("./spring-stores");
const java_shared_1 = require("./java-shared");
/** Tomcat's protocol list syntax beyond a plain name: `+name`, `-name`, `all` (model/tomcat.ts tomcatProtocols). */
const TOMCAT_PROTOCOL_SYNTAX = /[+]|^-|^all$/i;
/** A suite written by name (JSSE/IANA or IBM spelling), not an OpenSSL cipher string. */
const JSSE_SUITE_NAME = /^(TLS|SSL)_[A-Za-z0-9_]+$/;
/** The server.ssl.* settings that decide a handshake's outcome (not passwords): unknown when set at run time. */
const RUN_TIME_DECIDING = [
    'server.ssl.enabled',
    'server.ssl.enabled-protocols',
    'server.ssl.ciphers',
    'server.ssl.client-auth',
    'server.ssl.bundle',
    'server.ssl.key-store',
    'server.ssl.certificate',
];
const CLIENT_AUTH = { need: 'required', want: 'optional', none: 'none' };
/**
 * The embedded web server of a Spring Boot app, when `server.ssl.*` turns TLS on: the default profile's settings
 * of every configuration file of the app, with the active profiles' (`application-<profile>.yml`, or a document
 * of a multi-document YAML with `spring.config.activate.on-profile`) applied over them in order. When profiles set
 * `server.ssl.*` and the tree does not say which is active, the TLS settings are unknown.
 */
function springServer(docs, settings, app, active, supported, stores, environments) {
    const { base, placed, entries, doc } = settings;
    if (placed.length === 0)
        return undefined;
    const get = settings.setting;
    const enabled = get('server.ssl.enabled');
    const named = (0, spring_bundle_1.namedBundle)(settings, 'server.ssl.bundle');
    const bundleName = named?.name;
    const bundle = named?.bundle;
    // With server.ssl.bundle Spring Boot takes the bundle whole (WebServerSslBundle.get): its stores, key alias and
    // options; server.ssl.key-store, ciphers and enabled-protocols are not read. A bundle the tree does not define
    // leaves them unknown.
    const certificateFile = bundleName
        ? bundle?.keyStore
        : (get('server.ssl.key-store') ?? get('server.ssl.certificate'));
    const keyStore = certificateFile ?? bundleName;
    const on = enabled && (0, spring_1.springBoolean)(enabled.value);
    if (!keyStore && on !== true)
        return undefined;
    if (on === false)
        return undefined;
    const port = get('server.port');
    const tls = { implementation: app.tls?.implementation ?? 'jsse' };
    const protocols = bundleName ? bundle?.enabledProtocols : (0, spring_1.springList)(entries, 'server.ssl.enabled-protocols');
    // A value from a profile's settings is there because the profile is active: that place decides it too.
    const viaProfile = (entry) => {
        // Only a profile's own file or document: a `-D` system property is there whatever the profile.
        const fromProfile = placed.some((p) => p.entry === entry && p.doc.kind.startsWith('spring.')) && !base.some((b) => b.entry === entry);
        const profile = fromProfile && active ? active : undefined;
        return profile
            ? {
                kind: 'file',
                location: (0, types_1.entryLocation)(doc(entry), entry, 'value'),
                via: [
                    { ...profile.location, message: `Spring profile ${profile.names.join(', ')} active here` },
                    ...(profile.via ?? []),
                ],
            }
            : undefined;
    };
    const traced = (entry, value) => {
        const from = viaProfile(entry);
        if (from)
            return { value, from };
        const t = (0, java_shared_1.tracedEntry)(doc(entry), entry, value);
        const via = settings.via(entry);
        return via && t.from.kind === 'file' ? { value, from: { ...t.from, via } } : t;
    };
    // Spring Boot hands the list to its web server; embedded Tomcat, the default, reads it with its own syntax
    // (SslConnectorCustomizer → SSLHostConfig.setProtocols): `TLSv1.2+TLSv1.3` is two protocols, `-TLSv1` removes.
    // A value the start supplies at run time overrides the files' (tls.unknownValues below says so): not read.
    if (protocols && !settings.setAtRunTime('server.ssl.enabled-protocols')) {
        const listed = protocols.values.some((v) => TOMCAT_PROTOCOL_SYNTAX.test(v))
            ? (0, tomcat_1.tomcatProtocols)(protocols.values.join(','))
            : protocols.values;
        // Embedded Tomcat keeps the protocols the JDK implements (SSLUtilBase), as a connector does (model/tomcat.ts).
        const unimplemented = supported ? listed.filter((p) => !supported.includes((0, knowledge_1.normaliseProtocol)(p))) : [];
        tls.protocols = traced(protocols.entries[0], listed.filter((p) => !unimplemented.includes(p)));
        if (unimplemented.length > 0)
            tls.unimplementedProtocols = unimplemented;
    }
    const ciphers = bundleName ? bundle?.ciphers : (0, spring_1.springList)(entries, 'server.ssl.ciphers');
    // Embedded Tomcat also reads `ciphers` in OpenSSL syntax (`HIGH:!aNULL`), as its connector does: expanded as Tomcat does.
    if (ciphers && !settings.setAtRunTime('server.ssl.ciphers'))
        tls.cipherSuites = traced(ciphers.entries[0], ciphers.values.every((v) => JSSE_SUITE_NAME.test(v))
            ? ciphers.values
            : (0, tomcat_2.tomcatSuites)(ciphers.values.join(','), undefined, (0, tomcat_2.tomcatTlsFacts)()).suites);
    const clientAuth = get('server.ssl.client-auth');
    const clientAuthMode = clientAuth && CLIENT_AUTH[clientAuth.value.toLowerCase()];
    if (clientAuth && clientAuthMode && !settings.setAtRunTime('server.ssl.client-auth'))
        tls.clientAuth = traced(clientAuth, clientAuthMode);
    // Profiles that set TLS while the tree does not say which is active: what the server runs with is unknown.
    const profiled = active
        ? []
        : docs.flatMap((d) => d.data.parts
            .filter((p) => p.profile && p.entries.some((e) => (0, spring_1.springKeyUnder)(e, 'server.ssl.')))
            .map((p) => ({ d, p })));
    const inactive = [...new Set(profiled.map(({ d, p }) => `${p.profile} (${path.basename(d.file.path)})`))];
    if (bundleName && !bundle) {
        tls.unknownValues = [
            `the SSL bundle '${bundleName.value.trim()}' that server.ssl.bundle names: the tree does not define it (spring.ssl.bundle.jks|pem.${bundleName.value.trim()}.*), so its options are unknown`,
        ];
        tls.unknownAt = [
            {
                ...(0, types_1.entryLocation)(doc(bundleName), bundleName, 'value'),
                message: `server.ssl.bundle names ${bundleName.value.trim()}`,
            },
        ];
    }
    // A `-Dserver.ssl.*` whose value the shell supplies at run time overrides the files: what it decides is unknown.
    const runTime = settings.unresolved.filter(({ entry }) => RUN_TIME_DECIDING.some((key) => (0, spring_1.springKey)(entry.key) === (0, spring_1.springKey)(key)));
    if (runTime.length) {
        tls.unknownValues = [
            ...(tls.unknownValues ?? []),
            ...runTime.map(({ written }) => `${written}, which is set at run time`),
        ];
        tls.unknownAt = [
            ...(tls.unknownAt ?? []),
            ...runTime.map(({ doc, entry }) => ({
                ...(0, types_1.entryLocation)(doc, entry, 'value'),
                message: `${settings.nameAsWritten(entry)} is set here`,
            })),
        ];
    }
    if (inactive.length) {
        tls.unknownValues = [
            ...(tls.unknownValues ?? []),
            `the active Spring profile: ${inactive.join(', ')} set${inactive.length === 1 ? 's' : ''} server.ssl.* (declare it with -Dspring.profiles.active or SPRING_PROFILES_ACTIVE in the tree)`,
        ];
        tls.unknownAt = [
            ...(tls.unknownAt ?? []),
            ...profiled.map(({ d, p }) => {
                const entry = p.entries.find((e) => (0, spring_1.springKeyUnder)(e, 'server.ssl.'));
                return { ...(0, types_1.entryLocation)(d, entry, 'line'), message: `profile ${p.profile} sets ${entry.key}` };
            }),
        ];
    }
    // Environment directories (k8s/overlays/dev, …/prod) that set server.*: which one the app runs with is unknown.
    if (environments) {
        tls.unknownValues = [
            ...(tls.unknownValues ?? []),
            `the environment the app runs in: ${environments.dirs.join(', ')} each hold its configuration and set server.* (lint each environment as its own deployment: lint-deploy.config.json "deployments")`,
        ];
        tls.unknownAt = [
            ...(tls.unknownAt ?? []),
            ...environments.settings.map(({ doc: file, entry }) => ({
                ...(0, types_1.entryLocation)(file, entry, 'line'),
                message: `${path.basename(path.dirname(file.file.path))}'s ${path.basename(file.file.path)} sets ${entry.key}`,
            })),
        ];
    }
    // The type the settings give the store: a PEM bundle or server.ssl.certificate is PEM; else its *-type setting.
    const storeType = bundle?.format === 'pem' || (!bundleName && certificateFile === get('server.ssl.certificate'))
        ? 'PEM'
        : (bundleName ? bundle?.keyStoreType : get('server.ssl.key-store-type'))?.value;
    if (certificateFile)
        tls.certificate = {
            file: (0, spring_stores_1.springCertificateFile)(settings, certificateFile, stores),
            reference: (0, types_1.entryLocation)(settings.doc(certificateFile), certificateFile, 'value'),
            ...(storeType ? { storeType } : {}),
        };
    // Spring Boot's default port (knowledge) when nothing sets server.port; a value the start leaves to the run
    // (`SERVER_PORT: ${PORT}`) overrides the files' and the default alike: the port is then unknown.
    const { defaultPort } = (0, knowledge_1.springEmbeddedServer)();
    const portNumber = settings.setAtRunTime('server.port')
        ? undefined
        : port && /^\d+$/.test(port.value)
            ? Number(port.value)
            : port
                ? undefined
                : defaultPort;
    // TLS only on that port when nothing the tree leaves open can move it or switch TLS off: the start, an unsettled profile.
    const switchedBy = enabled ?? keyStore;
    const settled = portNumber !== undefined &&
        (on === true || enabled === undefined) &&
        !settings.setAtRunTime('server.port') &&
        !settings.setAtRunTime('server.ssl.enabled') &&
        inactive.length === 0 &&
        !environments &&
        (active !== undefined ||
            !docs.some((d) => d.data.parts.some((p) => p.profile && (0, spring_1.springSetting)(p.entries, 'server.port'))));
    return {
        id: `spring.server:${app.id.slice('java.app:'.length)}:${port?.value ?? defaultPort}`,
        type: 'spring.server',
        name: `Spring Boot HTTPS server (${app.host || '.'}, port ${settings.setAtRunTime('server.port') ? 'set at run time' : (port?.value ?? defaultPort)})`,
        role: 'server',
        location: (0, types_1.entryLocation)(doc(keyStore ?? enabled), keyStore ?? enabled, 'line'),
        host: app.host,
        runtime: app.runtime,
        tls,
        documents: [...new Set(placed.map((p) => p.doc))],
        attributes: {
            ...(active ? { activeProfiles: active.names } : {}),
            tlsPorts: portNumber ? [portNumber] : [],
            ...(settled && switchedBy && !switchedBy.secret
                ? {
                    tlsOnlyPorts: [
                        {
                            port: portNumber,
                            setting: `${switchedBy.key}=${switchedBy.value.trim()}`,
                            at: (0, types_1.entryLocation)(doc(switchedBy), switchedBy, 'line'),
                        },
                    ],
                }
                : {}),
            hostnames: [],
        },
    };
}
