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
exports.javaAppContributor = void 0;
const path = __importStar(require("node:path"));
const types_1 = require("../parse/types");
const spring_1 = require("../parse/spring");
const spring_settings_1 = require("./spring-settings");
const spring_start_1 = require("./spring-start");
const knowledge_1 = require("../knowledge");
const spring_mq_1 = require("./spring-mq");
const spring_stores_1 = require("./spring-stores");
const kafka_spring_1 = require("./kafka-spring");
const spring_bundle_ends_1 = require("./spring-bundle-ends");
const spring_rabbit_1 = require("./spring-rabbit");
const unserved_tls_1 = require("./unserved-tls");
const spring_config_server_1 = require("./spring-config-server");
const compose_mounts_1 = require("./compose-mounts");
const store_files_1 = require("./store-files");
const broker_urls_1 = require("./broker-urls");
const activemq_jndi_1 = require("../parse/activemq-jndi");
const dockerfile_java_1 = require("./dockerfile-java");
const path_name_1 = require("../core/path-name");
const image_security_1 = require("./image-security");
const image_security_copy_1 = require("./image-security-copy");
const java_shared_1 = require("./java-shared");
const jvm_runtime_1 = require("./jvm-runtime");
const rest_clients_1 = require("./rest-clients");
const spring_server_1 = require("./spring-server");
const spring_environment_dirs_1 = require("./spring-environment-dirs");
const spring_config_locations_1 = require("./spring-config-locations");
const quarkus_server_1 = require("./quarkus-server");
const quarkus_working_directory_1 = require("./quarkus-working-directory");
const spring_war_1 = require("./spring-war");
const spring_boot_release_1 = require("./spring-boot-release");
/**
 * Java applications: the files of one app group (a top-level directory, or a config
 * `components` entry) that hold JVM options (`jvm.options`, `setenv.sh`, systemd
 * `Environment=`, Dockerfile `ENV`/`ENTRYPOINT`, WAS `genericJvmArguments`) or Spring
 * Boot configuration become one `java.app` client component whose runtime is the
 * group's JDK plus those `-D` system properties. A Spring app with `server.ssl.*`
 * also serves HTTPS: that endpoint is a separate `spring.server` component.
 * Groups that hold a Tomcat `server.xml` and no Spring files are the Tomcat's own
 * JVM options (the Tomcat contributor reads them).
 */
exports.javaAppContributor = {
    id: 'java-app',
    contribute(ctx) {
        const properties = (0, jvm_runtime_1.startJvmPropertiesByGroup)(ctx);
        const environment = (0, java_shared_1.springEnvironmentByGroup)(ctx);
        const commandLine = (0, java_shared_1.springArgumentsByGroup)(ctx);
        const starters = (0, java_shared_1.startersByGroup)(ctx);
        const releaseOf = (0, spring_boot_release_1.springBootReleases)(ctx.deployment.documents, ctx.deployment.root);
        const groups = new Map();
        const groupFor = (key) => {
            if (!groups.has(key))
                groups.set(key, { spring: [], jvm: [], mp: [], jndi: [], tomcat: false });
            return groups.get(key);
        };
        for (const doc of ctx.deployment.documents) {
            // An example of a configuration file (application-local.yml.example) is what a user copies and fills in: Spring
            // Boot, MicroProfile Config and JNDI read the file without the suffix, never the example, so it makes no app and
            // sets nothing of one (junhyeong9812/fream-back@05cb4e9: its example at the root was the app's place and its
            // settings outranked the packaged application.yml, as a file outside the jar).
            if ((0, path_name_1.isExampleFile)(doc.file.path))
                continue;
            const key = (0, java_shared_1.appGroupOf)(ctx, doc.file.path);
            if (doc.kind.startsWith('spring.')) {
                // The test classpath (`src/test/resources`) configures the project's tests, never the deployed app.
                if (!(0, java_shared_1.onTestClasspath)(ctx, doc.file.path))
                    groupFor(key).spring.push(doc);
            }
            else if (java_shared_1.JVM_OPTION_KINDS.includes(doc.kind)) {
                // A Dockerfile of an image that runs no Java (docker:dind, a node app) is no Java application's.
                if (doc.kind !== 'dockerfile' || (0, dockerfile_java_1.dockerfileJavaEvidence)(doc.data))
                    groupFor(key).jvm.push(doc);
            }
            else if (doc.kind === 'microprofile.config' && !(0, java_shared_1.onTestClasspath)(ctx, doc.file.path))
                groupFor(key).mp.push(doc);
            else if (doc.kind === activemq_jndi_1.ACTIVEMQ_JNDI_KIND && !(0, java_shared_1.onTestClasspath)(ctx, doc.file.path))
                groupFor(key).jndi.push(doc);
            else if (doc.kind === 'tomcat.server-xml' || doc.kind.startsWith('nginx.'))
                groupFor(key).tomcat = true;
        }
        // A Spring Cloud Config server's files configure the client apps it serves (./spring-config-server.ts).
        const servedAs = (0, spring_config_server_1.serveConfigServerFiles)(groups, ctx.deployment.root, ctx.deployment.documents, (0, compose_mounts_1.deploymentMounts)(ctx));
        for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
            const sources = properties.get(key) ?? [];
            const clientOnly = group.spring.length === 0 && (group.tomcat || group.jvm.length === 0);
            // Files of environment directories (k8s/overlays/dev, …/prod) are each one environment's, not all the app's.
            const environments = (0, spring_environment_dirs_1.environmentConfigs)(group.spring, key.startsWith('config:') ? undefined : path.join(ctx.deployment.root, key), servedAs.get(key));
            // Spring Boot ranks the packaged files (classpath:) below those it reads from outside the jar (file:./,
            // file:./config/, a mount or location): theirs win, whatever the paths' order.
            const outside = (d) => (0, spring_config_locations_1.resourcesDirOf)(d.file.path) === undefined;
            const ownFiles = group.spring
                .filter((d) => !environments.files.includes(d))
                .sort((a, b) => Number(outside(a)) - Number(outside(b)));
            // The app's place: its first file, of its own ones where environment directories hold others.
            const first = (environments.files.length > 0 ? ownFiles[0] : undefined) ??
                group.spring[0] ??
                group.jvm[0] ??
                group.mp[0] ??
                group.jndi[0];
            // A group exists because a document was put in it; MicroProfile or JNDI settings alone make a client when they
            // name where it calls.
            if (!first || (clientOnly && group.mp.length === 0 && group.jndi.length === 0))
                continue;
            const host = ctx.hostOf(first.file.path);
            const label = key.startsWith('config:') ? key.slice('config:'.length) : key || '.';
            if (environments.dirs.length > 0)
                (ctx.deployment.springEnvironmentDirs ??= []).push({
                    app: label,
                    dirs: environments.dirs,
                    ownFiles: ownFiles.length,
                });
            const started = (0, jvm_runtime_1.runtimeWithProperties)(ctx, ctx.runtimeFor(first.file.path, { product: 'application' }), sources, key);
            // What the image's RUN does to the JDK's java.security (./image-security.ts).
            const images = group.jvm.filter((d) => d.kind === 'dockerfile');
            const runtime = started && (0, image_security_1.withImageEdits)(started, images, ctx.memo, (0, image_security_copy_1.imageTreeFilesOf)(ctx));
            const appName = (0, spring_1.springSetting)(group.spring.flatMap((d) => d.entries), 'spring.application.name');
            // Only an app with Spring files reads SERVER_SSL_* as Spring's: Kibana, Blynk and others use the same names.
            const springEnvironment = group.spring.length > 0 ? (environment.get(key) ?? []) : [];
            const springArguments = group.spring.length > 0 ? (commandLine.get(key) ?? []) : [];
            const starts = group.spring.length > 0 ? starters.get(key) : undefined;
            const start = {
                systemProperties: sources,
                environment: springEnvironment,
                commandLine: springArguments,
                ...(starts && { starters: starts }),
            };
            // A spring.config.location without a classpath location: the packaged files are not what the app reads.
            const springFiles = (0, spring_start_1.packagedConfigReplaced)(start) ? [] : ownFiles;
            const springBoot = (0, spring_boot_release_1.commonRelease)(group.spring.map((d) => d.file.path), releaseOf);
            const urls = (0, rest_clients_1.restClientUrls)(ctx, {
                group: key,
                mpConfig: group.mp,
                settings: springFiles,
                plainJvm: group.spring.length > 0 || group.jvm.length > 0 || group.mp.some(rest_clients_1.ownServerSettings),
                name: appName ? appName.value : label,
            }, [
                ...[...springFiles, ...environments.files].flatMap(java_shared_1.urlsIn),
                ...(0, broker_urls_1.brokerUrlsIn)(springFiles, springEnvironment, (0, store_files_1.treeStoresOf)(ctx), springBoot),
                ...(0, broker_urls_1.jndiBrokerUrls)(group.jndi, (0, store_files_1.treeStoresOf)(ctx)),
            ]);
            // A group with MicroProfile Config alone is an application only when its REST clients call somewhere.
            if (clientOnly && urls.length === 0)
                continue;
            const documents = [...group.spring, ...group.jvm, ...group.mp, ...group.jndi];
            const client = {
                id: `java.app:${label}`,
                type: 'java.app',
                name: appName ? `Java application ${appName.value} (${label})` : `Java application (${label})`,
                role: 'client',
                location: appName
                    ? (0, types_1.entryLocation)(group.spring.find((d) => d.entries.includes(appName)), appName, 'line')
                    : { file: first.file.path },
                host,
                runtime,
                tls: { implementation: runtime?.vendor.value === 'ibm' ? 'ibmjsse2' : 'jsse' },
                documents,
                attributes: {
                    urls,
                    profiles: [
                        ...new Set(springFiles.flatMap((d) => d.data.parts.map((p) => p.profile).filter((p) => !!p))),
                    ],
                    ...withOwnClientKey(springFiles, group.jvm),
                    ...(springBoot && { springBoot }),
                },
            };
            ctx.addComponent(client);
            const active = activeProfiles(springFiles, start);
            const written = (0, spring_settings_1.springSettings)(springFiles, active?.names ?? [], start, servedAs.get(key));
            // A release before SSL bundles binds no bundle setting (knowledge spring-boot.json): the server, the MQ starter
            // and the bundle ends read the settings without them. Kafka's ends say themselves why they read their stores.
            const bundlesBound = springBoot ? (0, knowledge_1.springBootHas)('sslBundles', springBoot.version) : undefined;
            const settings = bundlesBound === false ? (0, spring_settings_1.withoutSslBundles)(written) : written;
            // Their stores come from the same settings they are built from (a Compose SERVER_SSL_KEY_STORE, a
            // spring.config.location that replaces the packaged files), read once here.
            // What the app's JDK implements (unknown JDK: undefined), for the protocols embedded Tomcat keeps.
            const supported = runtime ? (0, knowledge_1.effectiveJdkTls)(runtime, ctx.memo).profile?.supportedProtocols.value : undefined;
            // `${SSL_ENABLED:false}`: HTTPS only when the variable says so at run time (JavaAppAttributes.httpsOnlyIfSet).
            const switchedBy = (0, unserved_tls_1.httpsSwitchedAtRunTime)(settings);
            // A WAR that Tomcat runs (./spring-war.ts): no embedded web server starts to read server.ssl.*.
            // A Compose service or Kubernetes container of the app whose command runs `java` starts the embedded server.
            const war = group.spring.length > 0 && !startsRunJava(ctx, key) ? (0, spring_war_1.warInTomcat)(images, appMounts(ctx, key)) : undefined;
            const server = switchedBy || war
                ? undefined
                : (0, spring_server_1.springServer)(springFiles, settings, client, active, supported?.length ? supported : undefined, (0, store_files_1.treeStoresOf)(ctx), (0, spring_environment_dirs_1.environmentServerSettings)(environments, ctx.deployment.root, (name) => settings.setting(name)?.value));
            if (server)
                ctx.addComponent((0, store_files_1.withTrust)(server, (0, spring_stores_1.springTrust)(server, settings, (0, store_files_1.treeStoresOf)(ctx))));
            else {
                const off = (0, unserved_tls_1.springHttpsOff)(client, springFiles, settings, {
                    switchedBy,
                    war,
                    bundleUnbound: bundlesBound === false && springBoot ? { settings: written, release: springBoot } : undefined,
                }, active, start, (0, store_files_1.treeStoresOf)(ctx));
                Object.assign(client.attributes, off.attributes);
                (ctx.deployment.unservedTls ??= []).push(...off.unserved);
            }
            // A Quarkus app's HTTPS server (./quarkus-server.ts): its files are read as Spring-shaped configuration too.
            const quarkus = (0, quarkus_server_1.quarkusServer)(springFiles, settings, client, (0, store_files_1.treeStoresOf)(ctx), start, () => (0, quarkus_working_directory_1.quarkusWorkingDirectory)(ctx.deployment.documents, springFiles, images, (0, store_files_1.treeStoresOf)(ctx).images, (0, compose_mounts_1.deploymentMounts)(ctx).map((m) => m.hostPath)));
            if (quarkus)
                ctx.addComponent(quarkus);
            const factory = (0, spring_mq_1.springMqFactory)(settings, active?.names, client, ctx.deployment.root);
            if (factory)
                ctx.addComponent((0, store_files_1.withTrust)(factory, (0, spring_stores_1.springMqTrust)(factory, settings, (0, store_files_1.treeStoresOf)(ctx))));
            // Its Kafka clients (their brokers are not modelled: ./kafka-spring.ts) and the SSL bundles no setting the model
            // reads hands over (./spring-bundle-ends.ts): the stores they read, with no link. A release of the project that
            // predates the Kafka bundle setting ignores it (knowledge: spring-boot.json); an unknown release decides nothing.
            const kafkaBundles = springBoot ? (0, knowledge_1.springBootHas)('kafkaSslBundle', springBoot.version) : undefined;
            const unlinked = [
                ...(0, kafka_spring_1.springKafkaEnds)(client, written, (0, store_files_1.treeStoresOf)(ctx), kafkaBundles === false ? springBoot : undefined),
                ...(0, spring_bundle_ends_1.springBundleEnds)(client, settings, (0, store_files_1.treeStoresOf)(ctx)),
            ];
            if (unlinked.length > 0)
                (ctx.deployment.unlinkedEnds ??= []).push(...unlinked);
            const conflicts = kafkaBundles === false ? [] : (0, kafka_spring_1.springKafkaSslConflicts)(written, kafkaBundles ? springBoot : undefined);
            if (conflicts.length > 0)
                client.attributes.kafkaSslConflicts = conflicts;
            const rabbitChecksOff = (0, spring_rabbit_1.springRabbitChecksOff)(written, springBoot);
            if (rabbitChecksOff.length > 0)
                client.attributes.rabbitTlsChecksOff = rabbitChecksOff;
        }
    },
};
/**
 * A Spring SSL bundle's key store (`spring.ssl.bundle.jks|pem.<name>.keystore.location|certificate`), matched on the
 * uniform key (springKey) so that every relaxed spelling Spring binds counts (`key-store`, `keyStore`, `KEYSTORE`).
 */
const BUNDLE_KEY_STORE = /^spring\.ssl\.bundle\.(jks|pem)\.[^.]+\.keystore\.(location|certificate)$/;
/**
 * Why a Spring app may present a client certificate that its JVM options do not show (JavaAppAttributes.ownClientKey):
 * an SSL bundle with a key store, which its code can apply to its HTTP client (`RestClient.Builder.apply(ssl)`), or
 * Spring settings that are only a Kubernetes ConfigMap laid over an image the tree does not hold (the image's own
 * application.yml is not here). Without either, JSSE's default key manager is empty and the app presents none.
 */
function withOwnClientKey(spring, jvm) {
    for (const doc of spring)
        for (const entry of doc.entries) {
            if (BUNDLE_KEY_STORE.test((0, spring_1.springKey)(entry.key)))
                return {
                    // The bundle's name as written (the uniform key drops its dashes).
                    ownClientKey: `the SSL bundle '${entry.key.split('.')[4]}' (${path.basename(doc.file.path)}) holds a key store its code can give its HTTP client`,
                };
        }
    const overlay = spring.length > 0 && jvm.length === 0 && spring.every((d) => d.embedded) ? spring[0] : undefined;
    return overlay
        ? {
            ownClientKey: `its Spring settings here are only ${overlay.embedded.container} in ${path.basename(overlay.file.path)}, laid over an image the tree does not hold`,
        }
        : {};
}
/**
 * `spring.profiles.active` as Spring Boot reads it, highest first: a `--spring.profiles.active` program argument, a
 * `-Dspring.profiles.active` JVM option (in jvm.options, setenv.sh, a systemd unit, a Dockerfile), the
 * `SPRING_PROFILES_ACTIVE` environment variable of the app's Docker Compose service, then of its start files, then
 * the key in the app's default-profile configuration. The highest level that sets it decides: when its value is only
 * known at run time (`$SPRING_PROFILES_ACTIVE`), or its places disagree (branches of a script), so is the profile.
 */
function activeProfiles(spring, start) {
    const set = (0, spring_start_1.startSetting)('spring.profiles.active', start);
    if (set === 'unknown')
        return undefined;
    if (set !== 'not set')
        return {
            names: (0, spring_1.listItems)(set.value),
            location: { file: set.source.doc.file.path, range: set.source.property.valueRange },
            ...(set.source.via && { via: set.source.via }),
        };
    for (const doc of spring) {
        const entry = (0, spring_1.springSetting)(doc.data.parts.filter((p) => !p.profile).flatMap((p) => p.entries), 'spring.profiles.active');
        // A placeholder (`${ACTIVE:dev}`, Maven's `@spring.profiles.active@` set aside as one) is filled in at build
        // or run time: which profiles are active is then unknown (jhipster/jhipster-sample-app's application.yml).
        if (entry)
            return entry.value.includes('${')
                ? undefined
                : { names: (0, spring_1.listItems)(entry.value), location: (0, types_1.entryLocation)(doc, entry, 'value') };
    }
    return undefined;
}
/** Whether a container start of app group `group` (a Compose service built for it, a bound Kubernetes container) runs `java`. */
/** The Compose bind mounts into the containers of services built from the app group. */
function appMounts(ctx, group) {
    const services = (0, java_shared_1.builtServices)(ctx).filter(([g]) => g === group);
    return (0, compose_mounts_1.deploymentMounts)(ctx).filter((m) => services.some(([, doc, service]) => m.file === doc.file.path && m.mount.service === service.name));
}
function startsRunJava(ctx, group) {
    return ((0, java_shared_1.builtServices)(ctx).some(([g, , service]) => g === group && service.jvm.runsJava === true) ||
        (0, java_shared_1.boundContainers)(ctx).some((b) => b.group === group && b.start.container.jvm.runsJava === true));
}
