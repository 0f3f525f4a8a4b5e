/**
 * The embedded web server of a Spring Boot app as a `spring.server` component (split from java.ts, whose contributor
 * finds the apps): its TLS settings from `server.ssl.*` or the SSL bundle `server.ssl.bundle` names, with the active
 * profiles applied and what the tree leaves unknown said.
 */
import * as path from 'node:path';
import type { Location, RelatedLocation } from '../core/types';
import type { Entry, ParsedDocument } from '../parse/types';
import { entryLocation } from '../parse/types';
import {
  springBoolean,
  springKey,
  springKeyUnder,
  springList,
  springSetting,
  type SpringConfigData,
} from '../parse/spring';
import type { SpringSettings } from './spring-settings';
import { tomcatProtocols } from './tomcat';
import { tomcatSuites, tomcatTlsFacts } from '../knowledge/tomcat';
import { normaliseProtocol, springEmbeddedServer } from '../knowledge';
import { namedBundle } from './spring-bundle';
import { springCertificateFile } from './spring-stores';
import type { TreeStores } from './store-files';
import { tracedEntry } from './java-shared';
import type { ClientAuthMode, Component, SpringServerComponent, TlsSettings, Traced } from './types';
import type { SpringServerAttributes } from './attributes';
import type { EnvironmentServerSettings } from './spring-environment-dirs';

/** The Spring profiles active for an app, and where that is said; undefined when nothing in the tree says. */
export interface ActiveProfiles {
  names: string[];
  location: Location;
  /** What brought that place in (the `env_file:` naming the file that sets SPRING_PROFILES_ACTIVE). */
  via?: RelatedLocation[];
}

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
 * The embedded web server of a Spring Boot app, when `server.ssl.*` turns TLS on: the default profile's settings
 * of every configuration file of the app, with the active profiles' (`application-<profile>.yml`, or a document
 * of a multi-document YAML with `spring.config.activate.on-profile`) applied over them in order. When profiles set
 * `server.ssl.*` and the tree does not say which is active, the TLS settings are unknown.
 */
export function springServer(
  docs: ParsedDocument<SpringConfigData>[],
  settings: SpringSettings,
  app: Component,
  active: ActiveProfiles | undefined,
  supported: readonly string[] | undefined,
  stores: TreeStores,
  environments?: EnvironmentServerSettings,
  /** The app's directory as its name shows it (./paths.ts directoryLabel). */
  shownHost = app.host || '.',
  /** The embedded Tomcat release its build pins (`tomcat.version`), whose syntax and defaults read its lists. */
  embeddedTomcat?: string,
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
      ? tomcatProtocols(protocols.values.join(','), tomcatTlsFacts(embeddedTomcat).protocolsAll)
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
        : tomcatSuites(ciphers.values.join(','), undefined, tomcatTlsFacts(embeddedTomcat)).suites,
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
      ...runTime.map(({ doc, entry }) => ({
        ...entryLocation(doc, entry, 'value'),
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
        const entry = p.entries.find((e) => springKeyUnder(e, 'server.ssl.')) as Entry;
        return { ...entryLocation(d, entry, 'line'), message: `profile ${p.profile} sets ${entry.key}` };
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
        ...entryLocation(file, entry, 'line'),
        message: `${path.basename(path.dirname(file.file.path))}'s ${path.basename(file.file.path)} sets ${entry.key}`,
      })),
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
  // Spring Boot's default port (knowledge) when nothing sets server.port; a value the start leaves to the run
  // (`SERVER_PORT: ${PORT}`) overrides the files' and the default alike: the port is then unknown.
  const { defaultPort } = springEmbeddedServer();
  const portNumber = settings.setAtRunTime('server.port')
    ? undefined
    : port && /^\d+$/.test(port.value)
      ? Number(port.value)
      : port
        ? undefined
        : defaultPort;
  // TLS only on that port when nothing the tree leaves open can move it or switch TLS off: the start, an unsettled profile.
  const switchedBy = enabled ?? keyStore;
  const settled =
    portNumber !== undefined &&
    (on === true || enabled === undefined) &&
    !settings.setAtRunTime('server.port') &&
    !settings.setAtRunTime('server.ssl.enabled') &&
    inactive.length === 0 &&
    !environments &&
    (active !== undefined ||
      !docs.some((d) => d.data.parts.some((p) => p.profile && springSetting(p.entries, 'server.port'))));
  return {
    id: `spring.server:${app.id.slice('java.app:'.length)}:${port?.value ?? defaultPort}`,
    type: 'spring.server',
    name: `Spring Boot HTTPS server (${shownHost}, port ${settings.setAtRunTime('server.port') ? 'set at run time' : (port?.value ?? defaultPort)})`,
    role: 'server',
    location: entryLocation(doc(keyStore ?? enabled), keyStore ?? enabled, 'line'),
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
                at: entryLocation(doc(switchedBy), switchedBy, 'line'),
              },
            ],
          }
        : {}),
      hostnames: [],
    } satisfies SpringServerAttributes,
  };
}
