import * as path from 'node:path';
import type { ParsedDocument } from '../parse/types';
import { entryLocation } from '../parse/types';
import { springSetting, type SpringConfigData } from '../parse/spring';
import { springSettings, withoutSslBundles } from './spring-settings';
import { packagedConfigReplaced } from './spring-start';
import { effectiveJdkTls, springBootHas } from '../knowledge';
import { springMqFactory } from './spring-mq';
import { springMqTrust } from './spring-stores';
import { springKafkaReaches } from './kafka-spring-reach';
import { springKafkaIgnored, withKafkaPropertiesOf } from './kafka-spring-ignored';
import { springKafkaEnds, springKafkaSslConflicts } from './kafka-spring';
import { springBundleEnds } from './spring-bundle-ends';
import { springUndefinedBundles } from './spring-bundle-references';
import { codeRegisteredBundles, sourcesProjectDir } from './spring-bundle-code';
import { listedFilesOf } from './listed-files';
import { lazy } from '../core/lazy';
import { springRabbitChecksOff } from './spring-rabbit';
import { springRabbitEnd } from './spring-rabbit-end';
import { httpsSwitchedAtRunTime, springHttpsOff } from './unserved-tls';
import { springPlainPort } from './spring-plain-port';
import { serveConfigServerFiles } from './spring-config-server';
import { deploymentMounts } from './compose-mounts';
import { composeBuildsOf } from './compose-builds';
import { treeStoresOf, withTrust } from './store-files';
import { startsVariable, trustThroughVolumes } from './kubernetes-app-stores';
import { brokerUrlsIn, jndiBrokerUrls } from './broker-urls';
import { recordJdbcCalls } from './jdbc-calls';
import { ACTIVEMQ_JNDI_KIND, type ActiveMqJndiData } from '../parse/activemq-jndi';
import type { ModelContributor } from './contributor';
import type { DockerfileData } from '../parse/dockerfile';
import { dockerfileJavaEvidence, systemdRunsNoJava } from './dockerfile-java';
import { isExampleFile } from '../core/path-name';
import { withImageEdits } from './image-security';
import { imageTreeFilesOf } from './image-security-copy';
import {
  appGroupOf,
  JVM_OPTION_KINDS,
  onTestClasspath,
  springArgumentsByGroup,
  springEnvironmentByGroup,
  startersByGroup,
  urlsIn,
} from './java-shared';
import { runtimeWithProperties, startJvmPropertiesByGroup } from './jvm-runtime';
import { ownServerSettings, restClientUrls } from './rest-clients';
import type { Component } from './types';
import type { JavaAppAttributes } from './attributes';
import { springServer } from './spring-server';
import { activeProfiles } from './spring-active-profiles';
import { appMounts, startsRunJava, throughVolumes } from './java-app-containers';
import { withOwnClientKey } from './spring-client-key';
import { environmentConfigs, environmentServerSettings } from './spring-environment-dirs';
import { packagedContentFile, resourcesDirOf } from './spring-config-locations';
import { quarkusServer } from './quarkus-server';
import { isQuarkus, QuarkusSettings } from './quarkus-settings';
import { quarkusKafkaEnds } from './kafka-quarkus';
import { quarkusWorkingDirectory } from './quarkus-working-directory';
import { warInTomcat } from './spring-war';
import { commonRelease, springBootReleases } from './spring-boot-release';
import { directoryLabel } from './paths';

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
export const javaAppContributor: ModelContributor = {
  id: 'java-app',
  contribute(ctx) {
    const properties = startJvmPropertiesByGroup(ctx);
    const environment = springEnvironmentByGroup(ctx);
    const commandLine = springArgumentsByGroup(ctx);
    const starters = startersByGroup(ctx);
    const releaseOf = springBootReleases(ctx.deployment.documents, ctx.deployment.root);
    const embeddedTomcatOf = springBootReleases(ctx.deployment.documents, ctx.deployment.root, 'embeddedTomcat');
    const groups = new Map<
      string,
      {
        spring: ParsedDocument<SpringConfigData>[];
        jvm: ParsedDocument[];
        mp: ParsedDocument[];
        jndi: ParsedDocument<ActiveMqJndiData>[];
        tomcat: boolean;
      }
    >();
    const groupFor = (key: string) => {
      if (!groups.has(key)) groups.set(key, { spring: [], jvm: [], mp: [], jndi: [], tomcat: false });
      return groups.get(key)!;
    };
    for (const doc of ctx.deployment.documents) {
      // An example of a configuration file (application-local.yml.example) is what a user copies and fills in: Spring
      // Boot, MicroProfile Config and JNDI read the file without the suffix, never the example, so it makes no app and
      // sets nothing of one (junhyeong9812/fream-back@05cb4e9: its example at the root was the app's place and its
      // settings outranked the packaged application.yml, as a file outside the jar).
      if (isExampleFile(doc.file.path)) continue;
      const key = appGroupOf(ctx, doc.file.path);
      if (doc.kind.startsWith('spring.')) {
        // The test classpath (`src/test/resources`) configures the project's tests, never the deployed app; an
        // application.properties among its templates or static content configures nothing.
        const spring = doc as ParsedDocument<SpringConfigData>;
        if (!onTestClasspath(ctx, doc.file.path) && !packagedContentFile(spring)) groupFor(key).spring.push(spring);
      } else if (JVM_OPTION_KINDS.includes(doc.kind)) {
        // A Dockerfile of an image that runs no Java (docker:dind, a node app) is no Java application's, nor is a
        // systemd unit that starts another program (an SSH tunnel).
        if (
          doc.kind === 'dockerfile'
            ? dockerfileJavaEvidence(doc.data as DockerfileData)
            : !systemdRunsNoJava(doc.entries)
        )
          groupFor(key).jvm.push(doc);
      } else if (doc.kind === 'microprofile.config' && !onTestClasspath(ctx, doc.file.path)) groupFor(key).mp.push(doc);
      else if (doc.kind === ACTIVEMQ_JNDI_KIND && !onTestClasspath(ctx, doc.file.path))
        groupFor(key).jndi.push(doc as ParsedDocument<ActiveMqJndiData>);
      else if (doc.kind === 'tomcat.server-xml' || doc.kind.startsWith('nginx.')) groupFor(key).tomcat = true;
    }
    // A Spring Cloud Config server's files configure the client apps it serves (./spring-config-server.ts).
    const servedAs = serveConfigServerFiles(
      groups,
      ctx.deployment.root,
      ctx.deployment.documents,
      deploymentMounts(ctx),
      composeBuildsOf(ctx),
    );
    for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      const sources = properties.get(key) ?? [];
      const clientOnly = group.spring.length === 0 && (group.tomcat || group.jvm.length === 0);
      // Files of environment directories (k8s/overlays/dev, …/prod) are each one environment's, not all the app's.
      const environments = environmentConfigs(
        group.spring,
        key.startsWith('config:') ? undefined : path.join(ctx.deployment.root, key),
        servedAs.get(key),
      );
      // Spring Boot ranks the packaged files (classpath:) below those it reads from outside the jar (file:./,
      // file:./config/, a mount or location): theirs win, whatever the paths' order.
      const outside = (d: ParsedDocument) => resourcesDirOf(d.file.path) === undefined;
      const ownFiles = group.spring
        .filter((d) => !environments.files.includes(d))
        .sort((a, b) => Number(outside(a)) - Number(outside(b)));
      // The app's place: its first file, of its own ones where environment directories hold others.
      const first =
        (environments.files.length > 0 ? ownFiles[0] : undefined) ??
        group.spring[0] ??
        group.jvm[0] ??
        group.mp[0] ??
        group.jndi[0];
      // A group exists because a document was put in it; MicroProfile or JNDI settings alone make a client when they
      // name where it calls.
      if (!first || (clientOnly && group.mp.length === 0 && group.jndi.length === 0)) continue;
      const host = ctx.hostOf(first.file.path);
      const label = key.startsWith('config:') ? key.slice('config:'.length) : key || '.';
      const shown = key.startsWith('config:') ? label : directoryLabel(key);
      if (environments.dirs.length > 0)
        (ctx.deployment.springEnvironmentDirs ??= []).push({
          app: label,
          dirs: environments.dirs,
          ownFiles: ownFiles.length,
        });
      const started = runtimeWithProperties(
        ctx,
        ctx.runtimeFor(first.file.path, { product: 'application' }),
        sources,
        key,
      );
      // What the image's RUN does to the JDK's java.security (./image-security.ts).
      const images = group.jvm.filter((d): d is ParsedDocument<DockerfileData> => d.kind === 'dockerfile');
      const runtime = started && withImageEdits(started, images, ctx.memo, imageTreeFilesOf(ctx));
      const appName = springSetting(
        group.spring.flatMap((d) => d.entries),
        'spring.application.name',
      );
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
      const springFiles = packagedConfigReplaced(start) ? [] : ownFiles;
      const springBoot = commonRelease(
        group.spring.map((d) => d.file.path),
        releaseOf,
      );
      const urls = restClientUrls(
        ctx,
        {
          group: key,
          mpConfig: group.mp,
          settings: springFiles,
          plainJvm: group.spring.length > 0 || group.jvm.length > 0 || group.mp.some(ownServerSettings),
          name: appName ? appName.value : shown,
        },
        [
          ...[...springFiles, ...environments.files].flatMap(urlsIn),
          ...brokerUrlsIn(springFiles, springEnvironment, treeStoresOf(ctx), springBoot),
          ...jndiBrokerUrls(group.jndi, treeStoresOf(ctx)),
        ],
      );
      // A group with MicroProfile Config alone is an application only when its REST clients call somewhere.
      if (clientOnly && urls.length === 0) continue;
      const documents = [...group.spring, ...group.jvm, ...group.mp, ...group.jndi];
      const client: Component = {
        id: `java.app:${label}`,
        type: 'java.app',
        name: appName ? `Java application ${appName.value} (${shown})` : `Java application (${shown})`,
        role: 'client',
        location: appName
          ? entryLocation(group.spring.find((d) => d.entries.includes(appName))!, appName, 'line')
          : { file: first.file.path },
        host,
        runtime,
        tls: { implementation: runtime?.vendor.value === 'ibm' ? 'ibmjsse2' : 'jsse' },
        documents,
        attributes: {
          urls,
          profiles: [
            ...new Set(springFiles.flatMap((d) => d.data.parts.map((p) => p.profile).filter((p): p is string => !!p))),
          ],
          ...withOwnClientKey(springFiles, group.jvm),
          ...(springBoot && { springBoot }),
        } satisfies JavaAppAttributes,
      };
      ctx.addComponent(client);
      const active = activeProfiles(springFiles, start);
      const written = {
        ...springSettings(springFiles, active?.names ?? [], start, servedAs.get(key)),
        variable: (name: string) => startsVariable(ctx, key, name),
      };
      // A release before SSL bundles binds no bundle setting (knowledge spring-boot.json): the server, the MQ starter
      // and the bundle ends read the settings without them. Kafka's ends say themselves why they read their stores.
      const bundlesBound = springBoot ? springBootHas('sslBundles', springBoot.version) : undefined;
      const settings = bundlesBound === false ? withoutSslBundles(written) : written;
      recordJdbcCalls(ctx, client, settings, first.file.path, springBoot);
      // Their stores come from the same settings they are built from (a Compose SERVER_SSL_KEY_STORE, a
      // spring.config.location that replaces the packaged files), read once here.
      // What the app's JDK implements (unknown JDK: undefined), for the protocols embedded Tomcat keeps.
      const supported = runtime ? effectiveJdkTls(runtime, ctx.memo).profile?.supportedProtocols.value : undefined;
      // `${SSL_ENABLED:false}`: HTTPS only when the variable says so at run time (JavaAppAttributes.httpsOnlyIfSet).
      const switchedBy = httpsSwitchedAtRunTime(settings);
      // A WAR that Tomcat runs (./spring-war.ts): no embedded web server starts to read server.ssl.*.
      // A Compose service or Kubernetes container of the app whose command runs `java` starts the embedded server.
      const war =
        group.spring.length > 0 && !startsRunJava(ctx, key) ? warInTomcat(images, appMounts(ctx, key)) : undefined;
      const server =
        switchedBy || war
          ? undefined
          : springServer(
              springFiles,
              settings,
              client,
              active,
              supported?.length ? supported : undefined,
              treeStoresOf(ctx),
              environmentServerSettings(environments, ctx.deployment.root, (name) => settings.setting(name)?.value),
              directoryLabel(host),
              commonRelease(
                group.spring.map((d) => d.file.path),
                embeddedTomcatOf,
              )?.version,
            );
      if (server) ctx.addComponent(throughVolumes(ctx, key, settings, server));
      else {
        const off = springHttpsOff(
          client,
          springFiles,
          settings,
          {
            switchedBy,
            war,
            bundleUnbound:
              bundlesBound === false && springBoot ? { settings: written, release: springBoot } : undefined,
          },
          active,
          start,
          treeStoresOf(ctx),
        );
        Object.assign(client.attributes, off.attributes);
        (ctx.deployment.unservedTls ??= []).push(...off.unserved);
        // No HTTPS at all: the port the app serves in plain HTTP, when settled (an Ingress's HTTPS to it fails).
        const plain =
          !switchedBy && !war && Object.keys(off.attributes).length === 0 && off.unserved.length === 0
            ? springPlainPort(springFiles, settings, starts, environments.dirs)
            : undefined;
        if (plain) client.attributes.plainHttpPort = plain;
      }
      // A Quarkus app's HTTPS server (./quarkus-server.ts): its files are read as Spring-shaped configuration too.
      const quarkusSettings = isQuarkus(springFiles)
        ? new QuarkusSettings(
            springFiles,
            start,
            quarkusWorkingDirectory(
              ctx.deployment.documents,
              springFiles,
              images,
              treeStoresOf(ctx).images,
              deploymentMounts(ctx).map((m) => m.hostPath),
            ),
          )
        : undefined;
      const quarkus =
        quarkusSettings &&
        quarkusServer(springFiles, quarkusSettings, settings, client, treeStoresOf(ctx), directoryLabel(host));
      if (quarkus) ctx.addComponent(quarkus);
      const factory = springMqFactory(settings, active?.names, client, ctx.deployment.root);
      if (factory)
        ctx.addComponent(
          withTrust(
            factory,
            trustThroughVolumes(ctx, key, springMqTrust(factory, settings, treeStoresOf(ctx)), settings),
          ),
        );
      // Its Kafka clients (their brokers are not modelled: ./kafka-spring.ts) and the SSL bundles no setting the model
      // reads hands over (./spring-bundle-ends.ts): the stores they read, with no link. A release of the project that
      // predates the Kafka bundle setting ignores it (knowledge: spring-boot.json); an unknown release decides nothing.
      const kafkaBundles = springBoot ? springBootHas('kafkaSslBundle', springBoot.version) : undefined;
      // What the release does not bind under spring.kafka.*.ssl|security is ignored (./kafka-spring-ignored.ts).
      const kafka = springBoot ? withKafkaPropertiesOf(written, springBoot) : written;
      const ignoredKafka = springKafkaIgnored(written, springBoot, runtime);
      if (ignoredKafka.length > 0) client.attributes.kafkaIgnoredSettings = ignoredKafka;
      const unlinked = [
        ...springKafkaEnds(client, kafka, treeStoresOf(ctx), kafkaBundles === false ? springBoot : undefined),
        ...(quarkusSettings ? quarkusKafkaEnds(quarkusSettings, settings, client, treeStoresOf(ctx)) : []),
        ...springBundleEnds(client, settings, treeStoresOf(ctx)).map((end) => ({
          ...end,
          trust: trustThroughVolumes(ctx, key, end.trust, settings)!,
        })),
      ];
      // Its RabbitMQ connection's stores and protocol (./spring-rabbit-end.ts), linked to its broker by ./rabbitmq-listener.ts.
      const rabbit = springRabbitEnd(client, written, treeStoresOf(ctx), springBoot);
      if (rabbit) unlinked.push(rabbit);
      if (unlinked.length > 0) (ctx.deployment.unlinkedEnds ??= []).push(...unlinked);
      // Its Kafka clients' bootstrap servers and TLS, for the brokers of the tree they reach (./kafka-spring-reach.ts).
      const reaches = springKafkaReaches(client, kafka);
      if (reaches.length > 0) (ctx.deployment.kafkaClientReaches ??= []).push(...reaches);
      const conflicts =
        kafkaBundles === false ? [] : springKafkaSslConflicts(kafka, kafkaBundles ? springBoot : undefined);
      if (conflicts.length > 0) client.attributes.kafkaSslConflicts = conflicts;
      const undefinedBundles = springUndefinedBundles(settings, springFiles, {
        webServer: !(switchedBy || war),
        kafkaBundles: kafkaBundles ? springBoot : undefined,
        codeBundles: lazy(() => {
          const listed = listedFilesOf(ctx);
          const file = group.spring[0]?.file.path ?? ctx.deployment.root;
          const project = sourcesProjectDir(file, ctx.deployment.root, listed);
          return ctx.once(`spring-bundle-code:${project}`, () => codeRegisteredBundles(project, listed));
        }),
      });
      if (undefinedBundles.length > 0) client.attributes.undefinedSslBundles = undefinedBundles;
      const rabbitChecksOff = springRabbitChecksOff(written, springBoot);
      if (rabbitChecksOff.length > 0) client.attributes.rabbitTlsChecksOff = rabbitChecksOff;
    }
  },
};
