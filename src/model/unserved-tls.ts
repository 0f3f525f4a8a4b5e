/**
 * Servers whose settings name key stores but that serve no TLS in the run the tree shows (Deployment.unservedTls):
 * a Liberty server none of whose features includes ssl-1.0, a Spring Boot app whose `server.ssl.enabled` is a
 * placeholder that is not true while its variable is unset, or whose HTTPS settings are only in profiles the tree
 * does not show active. No server component is made of them; the derive stage tells their stores from ones nothing
 * names (DerivedModel.certificateFiles.notServed), so that messages name the setting and why nothing serves it.
 */
import * as path from 'node:path';
import { placeholderDefault } from '../core/placeholder';
import type { Location } from '../core/types';
import { springBoolean, springSetting, type SpringConfigData } from '../parse/spring';
import { entryLocation, type Entry, type ParsedDocument } from '../parse/types';
import { elementsNamed } from '../parse/xml';
import { httpsPortOf } from './liberty-https';
import type { JavaAppAttributes } from './attributes';
import type { ModelContext } from './contributor';
import { libertyServersOf } from './liberty-config';
import { libertyStoreOf } from './liberty-stores';
import { libertyTlsOf } from './liberty-tls';
import { springBootSince } from '../knowledge';
import { namedBundle } from './spring-bundle';
import { springSettings, type SpringSettings } from './spring-settings';
import type { SpringBootRelease } from './attributes';
import type { StartSources } from './spring-start';
import { bundleStores, springServerStores } from './spring-stores';
import type { TreeStores } from './store-files';
import type { WarInTomcat } from './spring-war';
import type { Component, StoreRef, UnservedTls } from './types';
import { relativePosix } from '../core/posix-path';

/** Each Liberty server that serves no TLS (liberty-tls.ts `absent`), with the key stores its `<keyStore>` elements name. */
export function libertyServersServingNoTls(
  ctx: Pick<ModelContext, 'deployment' | 'once' | 'hostOf'>,
  stores: TreeStores,
): UnservedTls[] {
  const tls = libertyTlsOf(ctx);
  return libertyServersOf(ctx).flatMap((config): UnservedTls[] => {
    const file = config.root.file.path;
    if (tls.get(file)?.state !== 'absent') return [];
    const featureManager = elementsNamed(config.data.xml, 'featureManager')[0];
    const ids = new Set(['defaultKeyStore', ...config.data.keyStores.flatMap((k) => k.attrs.id?.value ?? [])]);
    return [
      {
        server: `Liberty server ${relativePosix(ctx.deployment.root, file)}`,
        why: {
          kind: 'no-ssl-feature',
          at: featureManager ? { file: config.fileOf(featureManager), range: featureManager.range } : { file },
        },
        stores: [...ids].flatMap((id) => {
          const store = libertyStoreOf(config, id, stores);
          return store ? [{ ...store, setting: `<keyStore id="${id}">` }] : [];
        }),
        home: path.dirname(file),
        closedHttpsPorts: elementsNamed(config.data.xml, 'httpEndpoint').flatMap((endpoint) => {
          const https = httpsPortOf(endpoint, config.variables);
          // A port the tree does not give is no port a client could be found calling.
          if (https?.port === undefined) return [];
          const at = { file: config.fileOf(endpoint), range: https.written.valueRange };
          return [{ port: https.port, at, hostnames: https.hostnames, host: ctx.hostOf(file) }];
        }),
      },
    ];
  });
}

/**
 * Whether `server.ssl.enabled` is a placeholder that leaves HTTPS off unless the variable is set: `${SSL_ENABLED:false}`
 * (off while unset) or `${SSL_ENABLED}` (unknown). `${SSL_ENABLED:true}` is on while unset: that run is the one checked.
 */
export function httpsSwitchedAtRunTime(settings: SpringSettings): Entry | undefined {
  const enabled = settings.setting('server.ssl.enabled');
  if (!enabled || !/\$\{/.test(enabled.value)) return undefined;
  return springBoolean(placeholderDefault(enabled.value) ?? '') !== true ? enabled : undefined;
}

/** The settings that give a Spring Boot app an HTTPS server (springServer's test, per profile). */
const HTTPS_ON = ['server.ssl.key-store', 'server.ssl.certificate', 'server.ssl.bundle'];

/**
 * A Spring Boot app of which no HTTPS server is made: when its settings would make one but for the switch
 * (`server.ssl.enabled: ${SSL_ENABLED:false}`, `switchedBy`), or when profiles turn HTTPS on that are not `active` (or
 * nothing settles which are), what the app's attributes say (JavaAppAttributes.httpsOnlyIfSet, httpsOnlyInProfiles)
 * and the stores those settings name.
 */
export function springHttpsOff(
  client: Component,
  springFiles: ParsedDocument<SpringConfigData>[],
  settings: SpringSettings,
  {
    switchedBy,
    war,
    bundleUnbound,
  }: {
    switchedBy: Entry | undefined;
    war: WarInTomcat | undefined;
    /** A release before SSL bundles (`settings` as written, `settings` above without the bundle settings it ignores). */
    bundleUnbound: { settings: SpringSettings; release: SpringBootRelease } | undefined;
  },
  active: { names: string[]; location: Location } | undefined,
  start: StartSources,
  stores: TreeStores,
): { attributes: Pick<JavaAppAttributes, 'httpsOnlyIfSet' | 'httpsOnlyInProfiles'>; unserved: UnservedTls[] } {
  // A WAR Tomcat runs: whatever turns HTTPS on (the default settings, else a profile's) configures a server that never starts.
  if (war) {
    const on = HTTPS_ON.map((key) => settings.setting(key)).find((e) => e !== undefined);
    const at = on ? entryLocation(settings.doc(on), on, 'line') : profilesTurningHttpsOn(springFiles)[0]?.at;
    if (!at) return { attributes: {}, unserved: [] };
    const { container, copy, serverXml, serverXmlBy } = war;
    const why = {
      kind: 'spring-war-in-tomcat' as const,
      at,
      container,
      copy,
      ...(serverXml && serverXmlBy && { serverXml, serverXmlBy }),
    };
    return {
      attributes: {},
      unserved: [{ server: client.name, why, stores: springServerStores(client, settings, stores) }],
    };
  }
  // server.ssl.bundle on a release that has no bundles, and no other setting turning HTTPS on: no TLS from the bundle.
  const bundled = bundleUnbound && namedBundle(bundleUnbound.settings, 'server.ssl.bundle');
  if (bundleUnbound && bundled && !HTTPS_ON.some((key) => settings.setting(key))) {
    const why = {
      kind: 'spring-bundle-unsupported' as const,
      at: entryLocation(bundleUnbound.settings.doc(bundled.name), bundled.name, 'line'),
      bundle: bundled.name.value.trim(),
      release: bundleUnbound.release,
      since: springBootSince('sslBundles'),
    };
    const { bundle } = bundled;
    const own = bundle ? bundleStores(bundleUnbound.settings, stores, bundle) : {};
    const named = (
      [
        [own.keyStore, bundle?.keyStore],
        [own.trustStore, bundle?.trustStore],
      ] as const
    ).flatMap(([store, setting]): StoreRef[] => (store && setting ? [{ ...store, setting: setting.key }] : []));
    return { attributes: {}, unserved: [{ server: client.name, why, stores: named }] };
  }
  if (switchedBy && HTTPS_ON.some((key) => settings.setting(key))) {
    const httpsOnlyIfSet = {
      written: switchedBy.value.trim(),
      at: entryLocation(settings.doc(switchedBy), switchedBy, 'value'),
    };
    const why = { kind: 'switched-off' as const, ...httpsOnlyIfSet };
    const named = springServerStores(client, settings, stores);
    return {
      attributes: { httpsOnlyIfSet },
      unserved: named.length > 0 ? [{ server: client.name, why, stores: named }] : [],
    };
  }
  // `server.ssl.enabled: false` written out: Spring Boot configures no SSL on its web server and opens none of the stores.
  const enabled = settings.setting('server.ssl.enabled');
  if (
    !switchedBy &&
    enabled &&
    springBoolean(enabled.value) === false &&
    HTTPS_ON.some((key) => settings.setting(key))
  ) {
    const named = springServerStores(client, settings, stores);
    const why = { kind: 'ssl-disabled' as const, at: entryLocation(settings.doc(enabled), enabled, 'value') };
    return { attributes: {}, unserved: named.length > 0 ? [{ server: client.name, why, stores: named }] : [] };
  }
  // Profiles that turn HTTPS on: unsettled activation (JavaAppAttributes.httpsOnlyInProfiles), or not among the active ones.
  const places = profilesTurningHttpsOn(springFiles).filter((p) => !active?.names.includes(p.profile));
  const unserved = places.flatMap(({ profile, at }): UnservedTls[] => {
    const named: StoreRef[] = springServerStores(
      client,
      springSettings(springFiles, [profile], start, settings.servedAs),
      stores,
    );
    const why = { kind: 'only-in-profile' as const, profile, at, ...(active ? { active } : {}) };
    return named.length > 0 ? [{ server: client.name, why, stores: named }] : [];
  });
  return { attributes: !active && places.length > 0 ? { httpsOnlyInProfiles: places } : {}, unserved };
}

/** Where profiles turn HTTPS on: a key store, certificate or bundle, or `server.ssl.enabled=true` (JavaAppAttributes.httpsOnlyInProfiles). */
function profilesTurningHttpsOn(
  docs: ParsedDocument<SpringConfigData>[],
): NonNullable<JavaAppAttributes['httpsOnlyInProfiles']> {
  return docs.flatMap((d) =>
    d.data.parts.flatMap((p) => {
      if (!p.profile) return [];
      const entry =
        HTTPS_ON.map((key) => springSetting(p.entries, key)).find((e) => e !== undefined) ??
        [springSetting(p.entries, 'server.ssl.enabled')].find((e) => e && springBoolean(e.value) === true);
      return entry ? [{ profile: p.profile, setting: entry.key, at: entryLocation(d, entry, 'line') }] : [];
    }),
  );
}
