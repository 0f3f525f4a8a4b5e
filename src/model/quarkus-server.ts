/**
 * The HTTPS server of a Quarkus app as a `quarkus.server` component, from its `application.properties|yaml` (read as
 * Spring-shaped configuration files: src/parse/spring.ts). Quarkus takes the server's TLS from the TLS registry
 * configuration `quarkus.http.tls-configuration-name` names (`quarkus.tls.<name>.*`), else the registry's default one
 * (`quarkus.tls.*`) when it is configured, else the legacy `quarkus.http.ssl.*` settings; it serves HTTPS when that
 * source gives a key store or a PEM certificate (knowledge: quarkus.json). Settings of the packaged app's profile
 * (`prod`, or `quarkus.profile`) apply over the others; `%dev.`/`%test.` ones never run there.
 * https://quarkus.io/guides/http-reference https://quarkus.io/guides/tls-registry-reference
 */
import { joined, said } from '../core/phrase';
import type { RelatedLocation } from '../core/types';
import { QUARKUS_HTTPS } from '../knowledge/quarkus';
import { springResourceBases, type SpringConfigData } from '../parse/spring';
import type { Entry, ParsedDocument } from '../parse/types';
import { entryLocation } from '../parse/types';
import type { QuarkusServerAttributes } from './attributes';
import { tracedEntry } from './java-shared';
import type { SpringSettings } from './spring-settings';
import { storeNamedBy } from './spring-stores';
import {
  javaSystemStores,
  PLACEHOLDER,
  withJavaTrustDefault,
  withRefusedPassword,
  type TreeStores,
} from './store-files';
import type {
  ClientAuthMode,
  Component,
  QuarkusServerComponent,
  StoreRef,
  TlsSettings,
  TlsTrustSettings,
} from './types';
import { escapeRegExp } from '../core/regex';
import { NOT_RUN, type QuarkusEntry, type QuarkusSettings } from './quarkus-settings';

const CLIENT_AUTH: Record<string, ClientAuthMode> = { none: 'none', request: 'optional', required: 'required' };
/** A suite written by its JSSE name. */
const JSSE_SUITE_NAME = /^(TLS|SSL)_[A-Za-z0-9_]+$/;

/** Where a TLS source keeps its settings: the legacy `quarkus.http.ssl.*` or a TLS registry configuration. */
interface TlsSource {
  kind: 'legacy' | 'registry';
  /** How users name it: `quarkus.tls.https.*`. */
  label: string;
  keyStore(q: QuarkusSettings): StoreSettings | undefined;
  trustStore(q: QuarkusSettings): { stores: StoreSettings[]; list?: QuarkusEntry } | undefined;
  protocols: string;
  cipherSuites: string;
}

interface StoreSettings {
  location: QuarkusEntry;
  type?: QuarkusEntry | 'PEM';
  password?: QuarkusEntry;
  alias?: QuarkusEntry;
}

const LEGACY: TlsSource = {
  kind: 'legacy',
  label: 'quarkus.http.ssl.*',
  keyStore(q) {
    const c = 'quarkus.http.ssl.certificate.';
    const file = q.get(`${c}key-store-file`);
    if (file)
      return {
        location: file,
        ...optional('type', q.get(`${c}key-store-file-type`)),
        ...optional('password', q.get(`${c}key-store-password`)),
        ...optional('alias', q.get(`${c}key-store-key-alias`)),
      };
    // PEM: `files` (a list), or the deprecated `file`.
    const pem = q.list(`${c}files`)?.at ?? q.get(`${c}file`);
    return pem ? { location: pem, type: 'PEM' } : undefined;
  },
  trustStore(q) {
    const file = q.get('quarkus.http.ssl.certificate.trust-store-file');
    if (!file) return undefined;
    const type = q.get('quarkus.http.ssl.certificate.trust-store-file-type');
    const password = q.get('quarkus.http.ssl.certificate.trust-store-password');
    return { stores: [{ location: file, ...optional('type', type), ...optional('password', password) }] };
  },
  protocols: 'quarkus.http.ssl.protocols',
  cipherSuites: 'quarkus.http.ssl.cipher-suites',
};

function registry(name: string | undefined): TlsSource {
  const prefix = name ? `quarkus.tls.${name}.` : 'quarkus.tls.';
  return {
    kind: 'registry',
    label: `${prefix}*`,
    keyStore(q) {
      for (const format of ['p12', 'jks'] as const) {
        const at = `${prefix}key-store.${format}.`;
        const location = q.get(`${at}path`);
        if (location)
          return {
            location,
            type: { ...location, entry: { ...location.entry, value: format === 'p12' ? 'PKCS12' : 'JKS' } },
            ...optional('password', q.get(`${at}password`)),
            ...optional('alias', q.get(`${at}alias`)),
          };
      }
      // PEM key/certificate pairs (`key-store.pem.<pair>.cert`, a start's `QUARKUS_TLS_KEY_STORE_PEM_<PAIR>_CERT`), in
      // the lexical order of their names.
      const pem = new RegExp(`^${escapeRegExp(prefix)}key-store\\.pem\\.([^.]+)\\.cert$`);
      const pairs = [
        ...q.namesMatching(pem).map((n) => pem.exec(n)![1]!),
        ...q.startKeys(prefix, /^KEY_STORE_PEM_([A-Z0-9_]+)_CERT$/).map((k) => k.toLowerCase()),
      ].sort();
      const cert = pairs[0] === undefined ? undefined : q.get(`${prefix}key-store.pem.${pairs[0]}.cert`);
      return cert ? { location: cert, type: 'PEM' } : undefined;
    },
    trustStore(q) {
      for (const format of ['p12', 'jks'] as const) {
        const location = q.get(`${prefix}trust-store.${format}.path`);
        if (location)
          return {
            stores: [
              {
                location,
                type: { ...location, entry: { ...location.entry, value: format === 'p12' ? 'PKCS12' : 'JKS' } },
                ...optional('password', q.get(`${prefix}trust-store.${format}.password`)),
              },
            ],
          };
      }
      const certs = q.list(`${prefix}trust-store.pem.certs`);
      if (!certs) return undefined;
      // Each item is one file; a single entry (`a.pem,b.pem`) names them all at its value's place.
      const stores = certs.values.map((value) => ({
        location: { ...certs.at, entry: { ...certs.at.entry, value } },
        type: 'PEM' as const,
      }));
      return { stores, list: certs.at };
    },
    protocols: `${prefix}protocols`,
    cipherSuites: `${prefix}cipher-suites`,
  };
}

const optional = <K extends string>(key: K, e: QuarkusEntry | undefined) =>
  (e ? { [key]: e } : {}) as Partial<Record<K, QuarkusEntry>>;

/**
 * The store with the password the run loads it with judged as a file's own password setting is (withRefusedPassword,
 * cert/store-password-wrong), at that setting's place: a start's variable, a `-D`, a file's setting. A refusal names
 * what else decides it: the setting that names the store, and the app's files that make it a Quarkus app.
 */
function passwordJudged(
  ref: StoreRef,
  s: StoreSettings,
  docs: readonly ParsedDocument<SpringConfigData>[],
  stores: TreeStores,
): StoreRef {
  const password = s.password;
  if (!password || password.unresolved) return ref;
  const written = s.location.entry.value.trim();
  // A relative path resolves from the working directory or the class path (the app's resources).
  const classPath = docs.find((d) => /[\\/]src[\\/]main[\\/]resources[\\/]/.test(d.file.path))?.file.path;
  const bases = [s.location.doc.file.path, ...(classPath ? [classPath] : [])].flatMap((f) =>
    springResourceBases(f, written),
  );
  const at = { file: password.doc.file.path, range: password.entry.keyRange };
  const own = { value: password.entry.value, at, key: password.entry.key };
  const judged = withRefusedPassword(ref, own, stores, written, bases);
  if (!judged.passwordRefused) return judged;
  const context: RelatedLocation[] = [];
  if (s.location.doc !== password.doc)
    context.push({
      ...entryLocation(s.location.doc, s.location.entry, 'line'),
      message: `${s.location.entry.key} names the store`,
    });
  if (docs[0] && !docs.some((d) => d === s.location.doc || d === password.doc))
    context.push({ file: docs[0].file.path, message: 'the configuration of the Quarkus app the start runs' });
  return context.length > 0 ? { ...judged, passwordRefused: { ...judged.passwordRefused, context } } : judged;
}

/** Collects what the tree leaves unknown about the server. */
class Unknowns {
  values: string[] = [];
  at: RelatedLocation[] = [];
  add(e: QuarkusEntry, what: string, why: string): void {
    this.values.push(what);
    this.at.push({ ...entryLocation(e.doc, e.entry, 'value'), message: why });
  }
}

/**
 * The Quarkus app's HTTPS server, when its configuration gives the server a key store or PEM certificate: the TLS
 * source Quarkus picks, its lists (or Quarkus's defaults), client authentication and stores. `settings` are the app's
 * Spring-shaped settings (./spring-settings.ts), used for where a file's relative paths resolve.
 */
export function quarkusServer(
  docs: readonly ParsedDocument<SpringConfigData>[],
  q: QuarkusSettings,
  settings: SpringSettings,
  app: Component,
  stores: TreeStores,
  /** The app's directory as its name shows it (./paths.ts directoryLabel). */
  shownHost = app.host || '.',
): QuarkusServerComponent | undefined {
  const unknown = new Unknowns();
  const literal = (e: QuarkusEntry | undefined, what: string): QuarkusEntry | undefined => {
    if (e && (e.unresolved || PLACEHOLDER.test(e.entry.value))) {
      unknown.add(
        e,
        `${e.entry.key}=${e.entry.value.trim()}`,
        e.why ??
          (e.unresolved
            ? `${what} is set at run time (${e.entry.key})`
            : `${what} is set by a placeholder the tree does not resolve`),
      );
      return undefined;
    }
    return e;
  };
  const named = q.get('quarkus.http.tls-configuration-name');
  if (named && (named.unresolved || PLACEHOLDER.test(named.entry.value))) return undefined;
  const name = named?.entry.value.trim();
  const source = name
    ? registry(name)
    : q.namesMatching(/^quarkus\.tls\.(?:key-store|trust-store)\./).length > 0 ||
        q.startSets(/^QUARKUS_TLS_(?:KEY|TRUST)_STORE_/)
      ? registry(undefined)
      : LEGACY;
  const key = source.keyStore(q);
  if (!key) return undefined;
  const file = key.location.doc.file.path;
  const tls: TlsSettings = { implementation: app.tls?.implementation ?? 'jsse' };
  const protocols = source.protocols;
  const written = q.list(protocols);
  // A placeholder leaves the list unknown (literal() says so).
  if (written) {
    if (literal(written.at, protocols)) tls.protocols = tracedEntry(written.at.doc, written.at.entry, written.values);
  } else {
    const fallback = QUARKUS_HTTPS.protocols(source.kind);
    tls.protocols = {
      value: fallback.value,
      from: { kind: 'default', origin: fallback.origin, confidence: 'verified' },
    };
  }
  const suites = q.list(source.cipherSuites);
  if (suites && literal(suites.at, source.cipherSuites)) {
    if (suites.values.every((v) => JSSE_SUITE_NAME.test(v)))
      tls.cipherSuites = tracedEntry(suites.at.doc, suites.at.entry, suites.values);
    else
      unknown.add(
        suites.at,
        `${suites.at.entry.key}=${suites.at.entry.value.trim()}`,
        `${source.cipherSuites} names suites lint-deploy does not read as JSSE names`,
      );
  }
  // Client authentication is the HTTP server's own setting whichever source gives the stores.
  const clientAuth = literal(q.get('quarkus.http.ssl.client-auth'), 'quarkus.http.ssl.client-auth');
  const mode = clientAuth && CLIENT_AUTH[clientAuth.entry.value.trim().toLowerCase()];
  if (clientAuth && mode) tls.clientAuth = tracedEntry(clientAuth.doc, clientAuth.entry, mode);
  const storeOf = (s: StoreSettings): StoreRef | undefined => {
    const places = [s.location, s.type === 'PEM' ? undefined : s.type, s.password];
    const docOf = (e: Entry) => places.find((p) => p?.entry === e)?.doc ?? s.location.doc;
    const type = s.type === 'PEM' ? 'PEM' : s.type?.entry;
    const ref = storeNamedBy({ ...settings, doc: docOf }, stores, s.location.entry, type, s.password?.entry);
    return ref && passwordJudged(ref, s, docs, stores);
  };
  const trust: TlsTrustSettings = {};
  const keyStore = storeOf(key);
  if (keyStore) trust.keyStore = keyStore;
  const alias = key.alias && literal(key.alias, key.alias.name);
  if (alias) trust.keyAlias = tracedEntry(alias.doc, alias.entry, alias.entry.value.trim());
  const trusted = source.trustStore(q);
  const trustStores = trusted?.stores.flatMap((s) => storeOf(s) ?? []) ?? [];
  if (trustStores[0]) trust.trustStore = trustStores[0];
  // Several PEM files are one trust list: one the tree does not hold leaves the anchors unknown, never a refusal.
  if (trusted?.list && trustStores.length > 1) {
    const outside = trustStores.filter((s) => !s.file).map((s) => s.path.value);
    trust.unknown = {
      why: outside.length
        ? said`${trusted.list.entry.key} also names ${joined(outside, ', ')}, which the tree does not hold`
        : said`${trusted.list.entry.key} names ${trustStores.length} files; lint-deploy reads the first as the trust store`,
      at: entryLocation(trusted.list.doc, trusted.list.entry, 'value'),
    };
  }
  const bases = [file.replace(/[\\/][^\\/]*$/, '')];
  tls.trust = withJavaTrustDefault(trust, javaSystemStores(app.runtime, stores, bases));
  if (keyStore)
    tls.certificate = {
      ...(keyStore.file ? { file: keyStore.file } : { file: keyStore.path.value.replace(/^(classpath|file):/, '') }),
      reference: entryLocation(key.location.doc, key.location.entry, 'value'),
      ...(keyStore.type ? { storeType: keyStore.type.value } : {}),
    };
  const portEntry = literal(q.get('quarkus.http.ssl-port'), 'quarkus.http.ssl-port');
  const portWritten =
    portEntry && /^\d+$/.test(portEntry.entry.value.trim()) ? Number(portEntry.entry.value.trim()) : undefined;
  const port = q.get('quarkus.http.ssl-port') ? portWritten : QUARKUS_HTTPS.port;
  const undecided = q.undecided();
  if (undecided.length > 0) {
    const profiles = [...new Set(undecided.flatMap((e) => e.profiles ?? []).filter((p) => !NOT_RUN.has(p)))];
    unknown.values.push(
      `the active Quarkus profile: ${profiles.join(', ')} set${profiles.length === 1 ? 's' : ''} the HTTPS server's settings (the packaged app runs ${q.active}; declare QUARKUS_PROFILE in the tree)`,
    );
    unknown.at.push(
      ...undecided.map((e) => ({
        ...entryLocation(e.doc, e.entry, 'line'),
        message: `profile ${e.profiles!.join(',')} sets ${e.name}`,
      })),
    );
  }
  if (unknown.values.length > 0) {
    tls.unknownValues = unknown.values;
    tls.unknownAt = unknown.at;
  }
  const label = app.id.slice('java.app:'.length);
  return {
    id: `quarkus.server:${label}:${port ?? portEntry?.entry.value.trim() ?? '?'}`,
    type: 'quarkus.server',
    name: `Quarkus HTTPS server (${shownHost}, port ${port ?? q.get('quarkus.http.ssl-port')?.entry.value.trim()})`,
    role: 'server',
    location: entryLocation(key.location.doc, key.location.entry, 'line'),
    host: app.host,
    ...(app.runtime ? { runtime: app.runtime } : {}),
    tls,
    documents: [...new Set([...docs])],
    attributes: {
      tlsPorts: port ? [port] : [],
      hostnames: [],
      tlsSource: source.label,
      profile: q.active,
    } satisfies QuarkusServerAttributes,
  };
}
