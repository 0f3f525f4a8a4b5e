import * as path from 'node:path';
import type { Location, RelatedLocation } from '../core/types';
import type { Entry, ParsedDocument } from '../parse/types';
import { entryLocation } from '../parse/types';
import {
  listItems,
  springBoolean,
  springKey,
  springKeyUnder,
  springList,
  springSetting,
  type SpringConfigData,
} from '../parse/spring';
import { springSettings, type SpringSettings } from './spring-settings';
import { packagedConfigReplaced, startSetting, type StartSources } from './spring-start';
import { tomcatProtocols } from './tomcat';
import { tomcatSuites, tomcatTlsFacts } from '../knowledge/tomcat';
import { effectiveJdkTls, normaliseProtocol } from '../knowledge';
import { namedBundle } from './spring-bundle';
import { springMqFactory } from './spring-mq';
import { springCertificateFile, springMqTrust, springTrust } from './spring-stores';
import { httpsSwitchedAtRunTime, springHttpsOff } from './unserved-tls';
import { serveConfigServerFiles } from './spring-config-server';
import { treeStoresOf, withTrust, type TreeStores } from './store-files';
import type { ModelContributor } from './contributor';
import type { DockerfileData } from '../parse/dockerfile';
import { dockerfileJavaEvidence } from './dockerfile-java';
import { withImageEdits } from './image-security';
import {
  appGroupOf,
  JVM_OPTION_KINDS,
  onTestClasspath,
  springEnvironmentByGroup,
  springArgumentsByGroup,
  startersByGroup,
  tracedEntry,
  urlsIn,
} from './java-shared';
import { runtimeWithProperties, startJvmPropertiesByGroup } from './jvm-runtime';
import { ownServerSettings, restClientUrls } from './rest-clients';
import type { ClientAuthMode, Component, SpringServerComponent, TlsSettings, Traced } from './types';
import type { JavaAppAttributes, SpringServerAttributes } from './attributes';

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
    const groups = new Map<
      string,
      { spring: ParsedDocument<SpringConfigData>[]; jvm: ParsedDocument[]; mp: ParsedDocument[]; tomcat: boolean }
    >();
    const groupFor = (key: string) => {
      if (!groups.has(key)) groups.set(key, { spring: [], jvm: [], mp: [], tomcat: false });
      return groups.get(key)!;
    };
    for (const doc of ctx.deployment.documents) {
      const key = appGroupOf(ctx, doc.file.path);
      if (doc.kind.startsWith('spring.')) {
        // The test classpath (`src/test/resources`) configures the project's tests, never the deployed app.
        if (!onTestClasspath(ctx, doc.file.path)) groupFor(key).spring.push(doc as ParsedDocument<SpringConfigData>);
      } else if (JVM_OPTION_KINDS.includes(doc.kind)) {
        // A Dockerfile of an image that runs no Java (docker:dind, a node app) is no Java application's.
        if (doc.kind !== 'dockerfile' || dockerfileJavaEvidence(doc.data as DockerfileData))
          groupFor(key).jvm.push(doc);
      } else if (doc.kind === 'microprofile.config' && !onTestClasspath(ctx, doc.file.path)) groupFor(key).mp.push(doc);
      else if (doc.kind === 'tomcat.server-xml' || doc.kind.startsWith('nginx.')) groupFor(key).tomcat = true;
    }
    // A Spring Cloud Config server's files configure the client apps it serves (./spring-config-server.ts).
    const servedAs = serveConfigServerFiles(groups, ctx.deployment.root, ctx.deployment.documents);
    for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      const sources = properties.get(key) ?? [];
      const clientOnly = group.spring.length === 0 && (group.tomcat || group.jvm.length === 0);
      const first = group.spring[0] ?? group.jvm[0] ?? group.mp[0];
      if (!first || (clientOnly && group.mp.length === 0)) continue; // a group exists because a document was put in it
      const host = ctx.hostOf(first.file.path);
      const label = key.startsWith('config:') ? key.slice('config:'.length) : key || '.';
      const started = runtimeWithProperties(ctx, ctx.runtimeFor(first.file.path), sources, key);
      // What the image's RUN does to the JDK's java.security (./image-security.ts).
      const images = group.jvm.filter((d): d is ParsedDocument<DockerfileData> => d.kind === 'dockerfile');
      const runtime = started && withImageEdits(started, images, ctx.memo);
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
      const springFiles = packagedConfigReplaced(start) ? [] : group.spring;
      const urls = restClientUrls(
        ctx,
        {
          group: key,
          mpConfig: group.mp,
          settings: springFiles,
          plainJvm: group.spring.length > 0 || group.jvm.length > 0 || group.mp.some(ownServerSettings),
          name: appName ? appName.value : label,
        },
        springFiles.flatMap(urlsIn),
      );
      // A group with MicroProfile Config alone is an application only when its REST clients call somewhere.
      if (clientOnly && urls.length === 0) continue;
      const documents = [...group.spring, ...group.jvm, ...group.mp];
      const client: Component = {
        id: `java.app:${label}`,
        type: 'java.app',
        name: appName ? `Java application ${appName.value} (${label})` : `Java application (${label})`,
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
        } satisfies JavaAppAttributes,
      };
      ctx.addComponent(client);
      const active = activeProfiles(springFiles, start);
      const settings = springSettings(springFiles, active?.names ?? [], start, servedAs.get(key));
      // Their stores come from the same settings they are built from (a Compose SERVER_SSL_KEY_STORE, a
      // spring.config.location that replaces the packaged files), read once here.
      // What the app's JDK implements (unknown JDK: undefined), for the protocols embedded Tomcat keeps.
      const supported = runtime ? effectiveJdkTls(runtime, ctx.memo).profile?.supportedProtocols.value : undefined;
      // `${SSL_ENABLED:false}`: HTTPS only when the variable says so at run time (JavaAppAttributes.httpsOnlyIfSet).
      const switchedBy = httpsSwitchedAtRunTime(settings);
      const server = switchedBy
        ? undefined
        : springServer(
            springFiles,
            settings,
            client,
            active,
            supported?.length ? supported : undefined,
            treeStoresOf(ctx),
          );
      if (server) ctx.addComponent(withTrust(server, springTrust(server, settings, treeStoresOf(ctx))));
      else {
        const off = springHttpsOff(client, springFiles, settings, switchedBy, active, start, treeStoresOf(ctx));
        Object.assign(client.attributes, off.attributes);
        (ctx.deployment.unservedTls ??= []).push(...off.unserved);
      }
      const factory = springMqFactory(settings, active?.names, client, ctx.deployment.root);
      if (factory) ctx.addComponent(withTrust(factory, springMqTrust(factory, settings, treeStoresOf(ctx))));
    }
  },
};

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

const CLIENT_AUTH: Record<string, ClientAuthMode> = { need: 'required', want: 'optional', none: 'none' };

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
function withOwnClientKey(
  spring: readonly ParsedDocument<SpringConfigData>[],
  jvm: readonly ParsedDocument[],
): { ownClientKey?: string } {
  for (const doc of spring)
    for (const entry of doc.entries) {
      if (BUNDLE_KEY_STORE.test(springKey(entry.key)))
        return {
          // The bundle's name as written (the uniform key drops its dashes).
          ownClientKey: `the SSL bundle '${entry.key.split('.')[4]}' (${path.basename(doc.file.path)}) holds a key store its code can give its HTTP client`,
        };
    }
  const overlay = spring.length > 0 && jvm.length === 0 && spring.every((d) => d.embedded) ? spring[0] : undefined;
  return overlay
    ? {
        ownClientKey: `its Spring settings here are only ${overlay.embedded!.container} in ${path.basename(overlay.file.path)}, laid over an image the tree does not hold`,
      }
    : {};
}

/** The Spring profiles active for an app, and where that is said; undefined when nothing in the tree says. */
export interface ActiveProfiles {
  names: string[];
  location: Location;
  /** What brought that place in (the `env_file:` naming the file that sets SPRING_PROFILES_ACTIVE). */
  via?: RelatedLocation[];
}

/**
 * `spring.profiles.active` as Spring Boot reads it, highest first: a `--spring.profiles.active` program argument, a
 * `-Dspring.profiles.active` JVM option (in jvm.options, setenv.sh, a systemd unit, a Dockerfile), the
 * `SPRING_PROFILES_ACTIVE` environment variable of the app's Docker Compose service, then of its start files, then
 * the key in the app's default-profile configuration. The highest level that sets it decides: when its value is only
 * known at run time (`$SPRING_PROFILES_ACTIVE`), or its places disagree (branches of a script), so is the profile.
 */
function activeProfiles(spring: ParsedDocument<SpringConfigData>[], start: StartSources): ActiveProfiles | undefined {
  const set = startSetting('spring.profiles.active', start);
  if (set === 'unknown') return undefined;
  if (set !== 'not set')
    return {
      names: listItems(set.value),
      location: { file: set.source.doc.file.path, range: set.source.property.valueRange },
      ...(set.source.via && { via: set.source.via }),
    };
  for (const doc of spring) {
    const entry = springSetting(
      doc.data.parts.filter((p) => !p.profile).flatMap((p) => p.entries),
      'spring.profiles.active',
    );
    // A placeholder (`${ACTIVE:dev}`, Maven's `@spring.profiles.active@` set aside as one) is filled in at build
    // or run time: which profiles are active is then unknown (jhipster/jhipster-sample-app's application.yml).
    if (entry)
      return entry.value.includes('${')
        ? undefined
        : { names: listItems(entry.value), location: entryLocation(doc, entry, 'value') };
  }
  return undefined;
}

/**
 * The embedded web server of a Spring Boot app, when `server.ssl.*` turns TLS on: the default profile's settings
 * of every configuration file of the app, with the active profiles' (`application-<profile>.yml`, or a document
 * of a multi-document YAML with `spring.config.activate.on-profile`) applied over them in order. When profiles set
 * `server.ssl.*` and the tree does not say which is active, the TLS settings are unknown.
 */
function springServer(
  docs: ParsedDocument<SpringConfigData>[],
  settings: SpringSettings,
  app: Component,
  active: ActiveProfiles | undefined,
  supported: readonly string[] | undefined,
  stores: TreeStores,
): SpringServerComponent | undefined {
  const { base, placed, entries, doc } = settings;
  if (placed.length === 0) return undefined;
  const get = settings.setting;
  const enabled = get('server.ssl.enabled');
  const named = namedBundle(settings, 'server.ssl.bundle');
  const bundleName = named?.name;
  const bundle = named?.bundle;
  // With server.ssl.bundle Spring Boot takes the bundle whole (WebServerSslBundle.get): its stores, key alias and
  // options; server.ssl.key-store, ciphers and enabled-protocols are not read. A bundle the tree does not define
  // leaves them unknown.
  const certificateFile = bundleName
    ? bundle?.keyStore
    : (get('server.ssl.key-store') ?? get('server.ssl.certificate'));
  const keyStore = certificateFile ?? bundleName;
  const on = enabled && springBoolean(enabled.value);
  if (!keyStore && on !== true) return undefined;
  if (on === false) return undefined;
  const port = get('server.port');
  const tls: TlsSettings = { implementation: app.tls?.implementation ?? 'jsse' };
  const protocols = bundleName ? bundle?.enabledProtocols : springList(entries, 'server.ssl.enabled-protocols');
  // A value from a profile's settings is there because the profile is active: that place decides it too.
  const viaProfile = (entry: Entry): Traced<never>['from'] | undefined => {
    // Only a profile's own file or document: a `-D` system property is there whatever the profile.
    const fromProfile =
      placed.some((p) => p.entry === entry && p.doc.kind.startsWith('spring.')) && !base.some((b) => b.entry === entry);
    const profile = fromProfile && active ? active : undefined;
    return profile
      ? {
          kind: 'file',
          location: entryLocation(doc(entry), entry, 'value'),
          via: [
            { ...profile.location, message: `Spring profile ${profile.names.join(', ')} active here` },
            ...(profile.via ?? []),
          ],
        }
      : undefined;
  };
  const traced = <T>(entry: Entry, value: T): Traced<T> => {
    const from = viaProfile(entry);
    if (from) return { value, from };
    const t = tracedEntry(doc(entry), entry, value);
    const via = settings.via(entry);
    return via && t.from.kind === 'file' ? { value, from: { ...t.from, via } } : t;
  };
  // Spring Boot hands the list to its web server; embedded Tomcat, the default, reads it with its own syntax
  // (SslConnectorCustomizer → SSLHostConfig.setProtocols): `TLSv1.2+TLSv1.3` is two protocols, `-TLSv1` removes.
  // A value the start supplies at run time overrides the files' (tls.unknownValues below says so): not read.
  if (protocols && !settings.setAtRunTime('server.ssl.enabled-protocols')) {
    const listed = protocols.values.some((v) => TOMCAT_PROTOCOL_SYNTAX.test(v))
      ? tomcatProtocols(protocols.values.join(','))
      : protocols.values;
    // Embedded Tomcat keeps the protocols the JDK implements (SSLUtilBase), as a connector does (model/tomcat.ts).
    const unimplemented = supported ? listed.filter((p) => !supported.includes(normaliseProtocol(p))) : [];
    tls.protocols = traced(
      protocols.entries[0] as Entry,
      listed.filter((p) => !unimplemented.includes(p)),
    );
    if (unimplemented.length > 0) tls.unimplementedProtocols = unimplemented;
  }
  const ciphers = bundleName ? bundle?.ciphers : springList(entries, 'server.ssl.ciphers');
  // Embedded Tomcat also reads `ciphers` in OpenSSL syntax (`HIGH:!aNULL`), as its connector does: expanded as Tomcat does.
  if (ciphers && !settings.setAtRunTime('server.ssl.ciphers'))
    tls.cipherSuites = traced(
      ciphers.entries[0] as Entry,
      ciphers.values.every((v) => JSSE_SUITE_NAME.test(v))
        ? ciphers.values
        : tomcatSuites(ciphers.values.join(','), undefined, tomcatTlsFacts()).suites,
    );
  const clientAuth = get('server.ssl.client-auth');
  const clientAuthMode = clientAuth && CLIENT_AUTH[clientAuth.value.toLowerCase()];
  if (clientAuth && clientAuthMode && !settings.setAtRunTime('server.ssl.client-auth'))
    tls.clientAuth = traced(clientAuth, clientAuthMode);
  // Profiles that set TLS while the tree does not say which is active: what the server runs with is unknown.
  const profiled = active
    ? []
    : docs.flatMap((d) =>
        d.data.parts
          .filter((p) => p.profile && p.entries.some((e) => springKeyUnder(e, 'server.ssl.')))
          .map((p) => ({ d, p })),
      );
  const inactive = [...new Set(profiled.map(({ d, p }) => `${p.profile} (${path.basename(d.file.path)})`))];
  if (bundleName && !bundle) {
    tls.unknownValues = [
      `the SSL bundle '${bundleName.value.trim()}' that server.ssl.bundle names: the tree does not define it (spring.ssl.bundle.jks|pem.${bundleName.value.trim()}.*), so its options are unknown`,
    ];
    tls.unknownAt = [
      {
        ...entryLocation(doc(bundleName), bundleName, 'value'),
        message: `server.ssl.bundle names ${bundleName.value.trim()}`,
      },
    ];
  }
  // A `-Dserver.ssl.*` whose value the shell supplies at run time overrides the files: what it decides is unknown.
  const runTime = settings.unresolved.filter(({ entry }) =>
    RUN_TIME_DECIDING.some((key) => springKey(entry.key) === springKey(key)),
  );
  if (runTime.length) {
    tls.unknownValues = [
      ...(tls.unknownValues ?? []),
      ...runTime.map(({ written }) => `${written}, which is set at run time`),
    ];
    tls.unknownAt = [
      ...(tls.unknownAt ?? []),
      ...runTime.map(({ doc, entry, written }) => ({
        ...entryLocation(doc, entry, 'value'),
        message: `${written.slice(0, written.indexOf('='))} is set here`,
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
        const entry = p.entries.find((e) => springKeyUnder(e, 'server.ssl.')) as Entry;
        return { ...entryLocation(d, entry, 'line'), message: `profile ${p.profile} sets ${entry.key}` };
      }),
    ];
  }
  // The type the settings give the store: a PEM bundle or server.ssl.certificate is PEM; else its *-type setting.
  const storeType =
    bundle?.format === 'pem' || (!bundleName && certificateFile === get('server.ssl.certificate'))
      ? 'PEM'
      : (bundleName ? bundle?.keyStoreType : get('server.ssl.key-store-type'))?.value;
  if (certificateFile)
    tls.certificate = {
      file: springCertificateFile(settings, certificateFile, stores),
      reference: entryLocation(settings.doc(certificateFile), certificateFile, 'value'),
      ...(storeType ? { storeType } : {}),
    };
  const portNumber = port && /^\d+$/.test(port.value) ? Number(port.value) : port ? undefined : 8080;
  return {
    id: `spring.server:${app.id.slice('java.app:'.length)}:${port?.value ?? 8080}`,
    type: 'spring.server',
    name: `Spring Boot HTTPS server (${app.host || '.'}, port ${port?.value ?? 8080})`,
    role: 'server',
    location: entryLocation(doc(keyStore ?? enabled), keyStore ?? enabled, 'line'),
    host: app.host,
    runtime: app.runtime,
    tls,
    documents: [...new Set(placed.map((p) => p.doc))],
    attributes: {
      ...(active ? { activeProfiles: active.names } : {}),
      tlsPorts: portNumber ? [portNumber] : [],
      hostnames: [],
    } satisfies SpringServerAttributes,
  };
}
