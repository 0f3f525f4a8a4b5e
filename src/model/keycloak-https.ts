/**
 * Keycloak's own HTTPS server as a `keycloak.server` component, for each start of its Quarkus distribution the tree
 * shows (./keycloak-starts.ts) that gives it a certificate: `https-certificate-file` (PEM, which wins when a key store
 * is given too) or `https-key-store-file`, with `https-key-store-password`/`-type`, `https-trust-store-*`,
 * `https-protocols` (else Keycloak's default), `https-cipher-suites` (JSSE names), `https-client-auth` and
 * `https-port` (knowledge: keycloak.json). A start that names none serves no certificate lint-deploy can read (Keycloak
 * then looks for `conf/server.keystore`, which is not modelled). A value only the run knows leaves what it decides
 * unknown, never a failure. https://www.keycloak.org/server/enabletls https://www.keycloak.org/server/all-config
 */
import * as path from 'node:path';
import type { Location, RelatedLocation } from '../core/types';
import { KEYCLOAK_HTTPS } from '../knowledge/keycloak';
import { relativePosix } from '../core/posix-path';
import type { ModelContext, ModelContributor } from './contributor';
import { KEYCLOAK_CONF_KIND } from '../parse/keycloak-conf';
import { keycloakHome, keycloakStarts, type KeycloakSetting, type KeycloakStart } from './keycloak-starts';
import {
  javaSystemStores,
  storeRef,
  treeStoresOf,
  withJavaTrustDefault,
  withRefusedPassword,
  type TreeStores,
} from './store-files';
import type { ClientAuthMode, KeycloakServerComponent, StoreRef, TlsSettings, TlsTrustSettings, Traced } from './types';

const CLIENT_AUTH: Record<string, ClientAuthMode> = { none: 'none', request: 'optional', required: 'required' };
/** A suite written by its JSSE name. */
const JSSE_SUITE_NAME = /^(TLS|SSL)_[A-Za-z0-9_]+$/;

export const keycloakHttpsContributor: ModelContributor = {
  id: 'keycloak-https',
  reads: [KEYCLOAK_CONF_KIND, 'dockerfile', 'compose', 'kubernetes'],
  contribute(ctx) {
    const stores = treeStoresOf(ctx);
    for (const start of keycloakStarts(ctx)) {
      const server = keycloakServer(ctx, start, stores);
      if (server) ctx.addComponent(server);
    }
  },
};

const tracedSetting = <T>(s: KeycloakSetting, value: T): Traced<T> => ({
  value,
  from: { kind: 'file', location: s.valueAt },
});

/** Collects what the tree leaves unknown about the server. */
class Unknowns {
  values: string[] = [];
  at: RelatedLocation[] = [];
  add(s: KeycloakSetting, why: string): void {
    this.values.push(`${s.written}=${s.value.trim()}`);
    this.at.push({ ...s.valueAt, message: why });
  }
}

function keycloakServer(
  ctx: ModelContext,
  start: KeycloakStart,
  stores: TreeStores,
): KeycloakServerComponent | undefined {
  const get = (option: string) => start.settings.get(option);
  const unknown = new Unknowns();
  /** The setting when the tree says its value; else undefined, and said unknown. */
  const literal = (option: string): KeycloakSetting | undefined => {
    const s = get(option);
    if (s?.unresolved) {
      unknown.add(s, `${s.written} is set at run time (${s.layer})`);
      return undefined;
    }
    return s;
  };
  const pem = get('https-certificate-file');
  const keyStoreFile = get('https-key-store-file');
  const chosen = pem ?? keyStoreFile;
  if (!chosen) return undefined;
  const tls: TlsSettings = { implementation: start.runtime?.vendor.value === 'ibm' ? 'ibmjsse2' : 'jsse' };
  const protocols = literal('https-protocols');
  if (protocols)
    tls.protocols = tracedSetting(
      protocols,
      protocols.value
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    );
  else if (!get('https-protocols') && start.opaque) {
    unknown.values.push(`https-protocols (${start.opaque.why})`);
    unknown.at.push({ ...start.opaque.at, message: start.opaque.why });
  } else if (!get('https-protocols'))
    tls.protocols = {
      value: KEYCLOAK_HTTPS.protocols.value,
      from: { kind: 'default', origin: KEYCLOAK_HTTPS.protocols.origin, confidence: 'verified' },
    };
  const suites = literal('https-cipher-suites');
  if (suites) {
    const names = suites.value
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    if (names.every((n) => JSSE_SUITE_NAME.test(n))) tls.cipherSuites = tracedSetting(suites, names);
    else unknown.add(suites, `${suites.written} names suites lint-deploy does not read as JSSE names`);
  }
  const clientAuth = literal('https-client-auth');
  const mode = clientAuth && CLIENT_AUTH[clientAuth.value.trim().toLowerCase()];
  if (clientAuth && mode) tls.clientAuth = tracedSetting(clientAuth, mode);
  const bases = start.conf ? [keycloakHome(start.conf.file.path), path.dirname(start.conf.file.path)] : [];
  const storeOf = (file: KeycloakSetting, type: 'PEM' | KeycloakSetting | undefined, password?: KeycloakSetting) => {
    const own = [...bases, path.dirname(file.valueAt.file)];
    const placed = file.unresolved ? undefined : start.mounted?.(file.value.trim());
    const written = tracedSetting(file, file.value);
    const typed = type === 'PEM' ? { value: 'PEM', from: written.from } : type && tracedSetting(type, type.value);
    const passwordAt: Location | undefined = password?.keyAt;
    // A ConfigMap or Secret volume puts a file there that the tree does not show: unknown, and no tree file of its name.
    if (placed && 'unknown' in placed) {
      unknown.values.push(`${file.written}=${file.value.trim()} (${placed.unknown})`);
      unknown.at.push({ ...placed.mountedAt, message: placed.unknown });
      return {
        path: written,
        ...(typed && { type: { value: typed.value.toUpperCase(), from: typed.from } }),
        ...(passwordAt && { passwordAt }),
        mountedFromOutside: placed.mountedAt,
        volumeUnknown: placed.unknown,
      };
    }
    const mounted = placed;
    const ref: StoreRef = mounted
      ? {
          path: written,
          file: mounted.file,
          ...(mounted.embeddedAt && { embeddedAt: mounted.embeddedAt }),
          ...(typed
            ? { type: { value: typed.value.toUpperCase(), from: typed.from } }
            : storeTypeOf(stores, mounted.file)),
          ...(passwordAt ? { passwordAt } : {}),
          mountedAt: mounted.mountedAt,
        }
      : storeRef(written, own, stores, typed, passwordAt);
    if (!password || password.unresolved) return ref;
    return withRefusedPassword(
      ref,
      { value: password.value, at: password.keyAt, key: password.written },
      stores,
      mounted ? mounted.file : file.value,
      own,
    );
  };
  const trust: TlsTrustSettings = {};
  const keyStore = pem
    ? storeOf(pem, 'PEM')
    : storeOf(chosen, literal('https-key-store-type'), literal('https-key-store-password'));
  trust.keyStore = { ...keyStore, setting: chosen.written };
  const trustFile = get('https-trust-store-file');
  if (trustFile)
    trust.trustStore = {
      ...storeOf(trustFile, literal('https-trust-store-type'), literal('https-trust-store-password')),
      setting: trustFile.written,
    };
  tls.trust = withJavaTrustDefault(trust, javaSystemStores(start.runtime, stores, bases));
  tls.certificate = {
    file: keyStore.file ?? keyStore.path.value.trim(),
    reference: chosen.valueAt,
    // A Secret's or ConfigMap's key: only its documents, not the manifest's other certificates.
    ...(keyStore.embeddedAt && { embeddedAt: keyStore.embeddedAt }),
    ...(keyStore.mountedFromOutside && { mountedFromOutside: keyStore.mountedFromOutside }),
    ...(keyStore.type ? { storeType: keyStore.type.value } : {}),
  };
  const portSetting = literal('https-port');
  const written = portSetting?.value.trim();
  const port = get('https-port')
    ? written && /^\d+$/.test(written)
      ? Number(written)
      : undefined
    : KEYCLOAK_HTTPS.port;
  if (unknown.values.length > 0) {
    tls.unknownValues = unknown.values;
    tls.unknownAt = unknown.at;
  }
  return {
    id: `keycloak.server:${relativePosix(ctx.deployment.root, start.file)}${start.part ? `#${start.part}` : ''}:${port ?? '?'}`,
    type: 'keycloak.server',
    name: `Keycloak HTTPS server (${start.label}, port ${port ?? get('https-port')?.value.trim() ?? '?'})`,
    role: 'server',
    location: chosen.keyAt,
    host: ctx.hostOf(start.file),
    ...(start.runtime ? { runtime: start.runtime } : {}),
    tls,
    documents: start.documents,
    attributes: {
      tlsPorts: port ? [port] : [],
      hostnames: [],
      start: start.label,
      certificateSource: pem ? 'PEM' : 'key store',
    },
  };
}

/** The store type of a tree file, as detected (for a store a bind mount puts in place). */
function storeTypeOf(stores: TreeStores, file: string): Pick<StoreRef, 'type'> {
  const type = stores.typeOf(file);
  return type
    ? { type: { value: type, from: { kind: 'file', location: { file }, note: 'detected from the file' } } }
    : {};
}
