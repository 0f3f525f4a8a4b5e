/**
 * Dropwizard HTTPS connectors: one `dropwizard.https-connector` server component per `type: https` (or `h2`) entry of
 * a Dropwizard configuration's `server:` (src/parse/dropwizard.ts), with the TLS Jetty serves there. Dropwizard's
 * HttpsConnectorFactory hands Jetty's SslContextFactory only what the YAML sets (and, from 2.0.0, its own
 * excludedProtocols default); Jetty keeps the JDK's enabled lists unless `supportedProtocols` / `supportedCipherSuites`
 * include patterns say otherwise, then removes what its exclusion patterns match (knowledge: dropwizard.json). The
 * release comes from the project's build when it names one; without it the newest and the oldest releases' defaults
 * are both checked. Store paths are the process's working directory's: only a file the tree places there is read.
 */
import * as path from 'node:path';
import type { Location, RelatedLocation } from '../core/types';
import { DROPWIZARD_HTTPS, dropwizardExclusions, jettyExcluded, jettyPattern } from '../knowledge/dropwizard';
import { findCipherSuite, parseProtocol } from '../knowledge/ciphers';
import {
  connectorList,
  connectorSetting,
  DROPWIZARD_KIND,
  type DropwizardConnector,
  type DropwizardData,
} from '../parse/dropwizard';
import type { Entry, ParsedDocument } from '../parse/types';
import { entryLocation } from '../parse/types';
import type { DropwizardHttpsAttributes, SpringBootRelease } from './attributes';
import { springBootReleases } from './spring-boot-release';
import { http2Lists } from './dropwizard-h2';
import { revocationOf } from './dropwizard-revocation';
import type { ModelContext, ModelContributor } from './contributor';
import { traced } from './java-shared';
import { PLACEHOLDER, storeRef, treeStoresOf, type TreeStores } from './store-files';
import type {
  DropwizardHttpsComponent,
  JettyExclusionSettings,
  StoreRef,
  TlsSettings,
  TlsTrustSettings,
  Traced,
} from './types';
import { relativePosix } from '../core/posix-path';

/** A literal include pattern (`TLSv1.2`, `TLSv1\.2`, a suite name): the one name it matches. */
const LITERAL = /^(?:[\w-]|\\\.|\.)+$/;

/** Collects what the tree leaves unknown about one connector. */
class Unknowns {
  values: string[] = [];
  at: RelatedLocation[] = [];
  add(doc: ParsedDocument, e: Entry, what: string, why: string): void {
    this.values.push(what);
    this.at.push({ ...entryLocation(doc, e, 'value'), message: why });
  }
}

const defaulted = <T>(value: T, origin: string): Traced<T> => ({
  value,
  from: { kind: 'default', origin, confidence: 'verified' },
});

const valueOf = (doc: ParsedDocument, e: Entry): Traced<string> => traced(e.value.trim(), doc.file.path, e.valueRange);

export const dropwizardHttpsContributor: ModelContributor = {
  id: 'dropwizard-https',
  reads: [DROPWIZARD_KIND],
  contribute(ctx) {
    const stores = treeStoresOf(ctx);
    const releaseOf = springBootReleases(ctx.deployment.documents, ctx.deployment.root, 'dropwizard');
    const docs = ctx.documentsOf(DROPWIZARD_KIND) as ParsedDocument<DropwizardData>[];
    const plain = plainPorts(docs);
    for (const doc of docs)
      for (const connector of doc.data.connectors) {
        const built = connectorOf(ctx, doc, connector, stores, releaseOf(doc.file.path));
        if (!built) continue;
        // Another configuration of the tree (a development or test one) serves plain HTTP there: which one runs is
        // not known, so the port is not proven TLS-only.
        const onlyTls = built.attributes.tlsOnlyPorts?.filter((p) => !plain.has(p.port));
        if (onlyTls?.length === 0) delete built.attributes.tlsOnlyPorts;
        ctx.addComponent(built);
      }
  },
};

function connectorOf(
  ctx: ModelContext,
  doc: ParsedDocument<DropwizardData>,
  connector: DropwizardConnector,
  stores: TreeStores,
  declared: SpringBootRelease | undefined,
): DropwizardHttpsComponent | undefined {
  const type = connectorSetting(connector, 'type');
  const kind = type?.value.trim();
  if (!type || (kind !== 'https' && kind !== 'h2')) return undefined;
  const file = doc.file.path;
  const runtime = ctx.runtimeFor(file);
  const tls: TlsSettings = { implementation: runtime?.vendor.value === 'ibm' ? 'ibmjsse2' : 'jsse' };
  const unknown = new Unknowns();
  const setting = (name: string): Entry | undefined => {
    const e = connectorSetting(connector, name);
    if (e && PLACEHOLDER.test(e.value)) {
      unknown.add(doc, e, `${name}: ${e.value.trim()}`, `${name} is a placeholder the tree does not resolve`);
      return undefined;
    }
    return e;
  };
  const release = declared?.version;
  lists(doc, connector, tls, unknown, declared);
  if (kind === 'h2')
    http2Lists(tls, declared, connectorList(connector, 'supportedCipherSuites') !== undefined, (what, why) =>
      unknown.add(doc, type, what, why),
    );
  tls.serverOrderWins = defaulted(
    DROPWIZARD_HTTPS.useCipherSuitesOrderDefault,
    `Jetty SslContextFactory useCipherSuitesOrder default (${DROPWIZARD_HTTPS.useCipherSuitesOrderSource})`,
  );
  const need = setting('needClientAuth');
  const want = setting('wantClientAuth');
  const yes = (e: Entry | undefined) => e?.value.trim().toLowerCase() === 'true';
  if (yes(need) && need) tls.clientAuth = traced('required', file, need.valueRange);
  else if (yes(want) && want) tls.clientAuth = traced('optional', file, want.valueRange);
  tls.trust = trustOf(ctx, doc, connector, stores, setting);
  const revocation = revocationOf(doc, connector, declared, runtime);
  if (tls.trust && revocation && 'unknown' in revocation) tls.trust.unknown = revocation.unknown;
  else if (tls.trust && revocation && 'why' in revocation) tls.trust.revocationWithoutSource = revocation;
  const alias = setting('certAlias');
  if (alias && tls.trust) tls.trust.keyAlias = valueOf(doc, alias);
  const keyStore = tls.trust?.keyStore;
  if (keyStore)
    tls.certificate = {
      ...(keyStore.file ? { file: keyStore.file } : {}),
      reference: keyStore.path.from.kind === 'file' ? keyStore.path.from.location : { file },
      ...(keyStore.type ? { storeType: keyStore.type.value } : {}),
    };
  if (unknown.values.length > 0) {
    tls.unknownValues = unknown.values;
    tls.unknownAt = unknown.at;
  }
  const portEntry = connectorSetting(connector, 'port');
  const port = portEntry && /^\d+$/.test(portEntry.value.trim()) ? Number(portEntry.value.trim()) : undefined;
  // Dropwizard's HttpConnectorFactory port default (8080), which an https connector inherits.
  const portNumber = portEntry ? port : 8080;
  const relative = relativePosix(ctx.deployment.root, file);
  return {
    id: `dropwizard.https-connector:${relative}#${connector.path}`,
    type: 'dropwizard.https-connector',
    name: `Dropwizard HTTPS connector ${connector.path}${portNumber ? ` :${portNumber}` : ''} (${relative})`,
    role: 'server',
    location: { file, range: type.keyRange },
    host: ctx.hostOf(file),
    ...(runtime ? { runtime } : {}),
    tls,
    documents: [doc],
    attributes: {
      tlsPorts: portNumber ? [portNumber] : [],
      ...(portNumber && portEntry && !PLACEHOLDER.test(portEntry.value)
        ? { tlsOnlyPorts: [{ port: portNumber, setting: `type: ${kind}`, at: entryLocation(doc, type, 'line') }] }
        : {}),
      hostnames: [],
      connector: connector.path,
      ...(release ? { release } : {}),
    } satisfies DropwizardHttpsAttributes,
  };
}

/** The include lists (literal names only) and the exclusion patterns, written or the release's defaults. */
function lists(
  doc: ParsedDocument,
  connector: DropwizardConnector,
  tls: TlsSettings,
  unknown: Unknowns,
  declared: SpringBootRelease | undefined,
): void {
  const release = declared?.version;
  const file = doc.file.path;
  const list = (name: string): { values: string[]; at: Entry } | undefined => {
    const items = connectorList(connector, name);
    if (!items?.[0]) return undefined;
    const placeholder = items.find((e) => PLACEHOLDER.test(e.value));
    if (placeholder) {
      unknown.add(
        doc,
        placeholder,
        `${name}: ${placeholder.value.trim()}`,
        `${name} holds a placeholder the tree does not resolve`,
      );
      return undefined;
    }
    return { values: items.map((e) => e.value.trim()).filter(Boolean), at: items[0] };
  };
  const includes = (name: string, what: 'protocols' | 'cipherSuites') => {
    const written = list(name);
    if (!written) return;
    // Jetty matches each include pattern against the JDK's supported names: a literal one selects that name.
    if (!written.values.every((v) => LITERAL.test(v))) {
      unknown.add(
        doc,
        written.at,
        `${name}: ${written.values.join(', ')}`,
        `${name} holds a pattern: the names it selects from the JDK's supported list are not computed here`,
      );
      return;
    }
    const names = written.values.map((v) => v.replace(/\\\./g, '.'));
    if (what === 'protocols') {
      tls.protocols = traced(
        names.map((p) => parseProtocol(p) ?? p),
        file,
        written.at.valueRange,
      );
      return;
    }
    // A name the JDK does not support matches nothing and Jetty drops it (logging "No Cipher Suite matching"): never
    // an error. A signalling value (TLS_EMPTY_RENEGOTIATION_INFO_SCSV, which JSSE lists as supported) is never
    // negotiated; a name the knowledge base does not know may be a suite the JDK has: the list is then unknown.
    const signalling = (n: string) => /_SCSV$/.test(n);
    const unknownNames = names.filter((n) => !signalling(n) && !findCipherSuite(n));
    if (unknownNames.length > 0) {
      unknown.add(
        doc,
        written.at,
        `${name}: ${unknownNames.join(', ')}`,
        `${name} names suites lint-deploy does not know: Jetty keeps those the JDK supports, drops the others`,
      );
      return;
    }
    tls.cipherSuites = traced(
      names.filter((n) => !signalling(n)),
      file,
      written.at.valueRange,
    );
  };
  includes('supportedProtocols', 'protocols');
  includes('supportedCipherSuites', 'cipherSuites');
  const { current, alternative } = dropwizardExclusions(release);
  const exclusions = (name: string, fallback: { value: string[]; origin: string }): Traced<string[]> | undefined => {
    const written = list(name);
    if (!written && connectorSetting(connector, name)) return undefined;
    // The release the build names decides the default: that place is where the list comes from.
    if (!written && declared)
      return {
        value: fallback.value,
        from: {
          kind: 'file',
          location: declared.at,
          note: `${fallback.origin}, for Dropwizard ${declared.version} (${declared.by})`,
        },
      };
    if (!written) return defaulted(fallback.value, fallback.origin);
    const bad = written.values.find((v) => !jettyPattern(v));
    if (bad !== undefined) {
      unknown.add(
        doc,
        written.at,
        `${name}: ${bad}`,
        `${name} holds a Java pattern lint-deploy does not read the same way`,
      );
      return undefined;
    }
    return traced(written.values, file, written.at.valueRange);
  };
  const protocols = exclusions('excludedProtocols', current.protocols);
  const cipherSuites = exclusions('excludedCipherSuites', current.cipherSuites);
  if (!protocols || !cipherSuites) return;
  const settings: JettyExclusionSettings = { protocols, cipherSuites };
  // Written include lists lose here what the patterns match, as Jetty's selection does: rules read the lists Jetty keeps.
  const written = { protocols: tls.protocols?.value, cipherSuites: tls.cipherSuites?.value };
  const kept = jettyExcluded(protocols.value, cipherSuites.value, written.protocols ?? [], written.cipherSuites ?? []);
  if (tls.protocols && written.protocols) tls.protocols = withExcluded(tls.protocols, kept.protocols, protocols);
  if (tls.cipherSuites && written.cipherSuites)
    tls.cipherSuites = withExcluded(tls.cipherSuites, kept.suites, cipherSuites);
  if (written.protocols || written.cipherSuites)
    settings.included = {
      ...(written.protocols ? { protocols: written.protocols } : {}),
      ...(written.cipherSuites ? { cipherSuites: written.cipherSuites } : {}),
    };
  const protocolsDefaulted = protocols.from.kind === 'default';
  const suitesDefaulted = cipherSuites.from.kind === 'default';
  if (alternative && (protocolsDefaulted || suitesDefaulted))
    settings.alternative = {
      what: `the Dropwizard release that runs ${path.basename(file)} (${alternative.why}; declare io.dropwizard's version in the project's pom.xml or build.gradle, or write excludedProtocols and excludedCipherSuites in the connector)`,
      protocols: protocolsDefaulted ? alternative.protocols.value : protocols.value,
      cipherSuites: suitesDefaulted ? alternative.cipherSuites.value : cipherSuites.value,
    };
  tls.jettyExclusions = settings;
}

/**
 * The connector's key store and trust store. Jetty without `trustStorePath` trusts its key store (loadTrustStore), not
 * the JVM's default trust. Paths are the working directory's: the tree's file at that path from the deployment root or
 * beside the configuration, else none.
 */
function trustOf(
  ctx: ModelContext,
  doc: ParsedDocument,
  connector: DropwizardConnector,
  stores: TreeStores,
  setting: (name: string) => Entry | undefined,
): TlsTrustSettings {
  const file = doc.file.path;
  const bases = [ctx.deployment.root, path.dirname(file)];
  const ref = (pathName: string, typeName: string, passwordName: string): StoreRef | undefined => {
    const written = setting(pathName);
    if (!written || written.value.trim() === '') return undefined;
    const type = setting(typeName);
    // Where the password is written, a placeholder too (it decides no handshake; its value never enters the model).
    const password = connectorSetting(connector, passwordName);
    const at: Location | undefined = password ? { file, range: password.keyRange } : undefined;
    const store = storeRef(valueOf(doc, written), bases, stores, type ? valueOf(doc, type) : undefined, at);
    return { ...store, setting: pathName };
  };
  const keyStore = ref('keyStorePath', 'keyStoreType', 'keyStorePassword');
  const trustStore = ref('trustStorePath', 'trustStoreType', 'trustStorePassword');
  const trust: TlsTrustSettings = { ...(keyStore ? { keyStore } : {}), defaultTrust: 'none' };
  if (trustStore) trust.trustStore = trustStore;
  else if (keyStore && DROPWIZARD_HTTPS.trustStoreIsKeyStore)
    trust.trustStore = {
      ...keyStore,
      setting: `keyStorePath (Jetty trusts the key store when no trustStorePath is set: ${DROPWIZARD_HTTPS.trustStoreSource})`,
    };
  return trust;
}

/** A written include list less what the patterns removed; the place of those patterns joins its provenance. */
function withExcluded(list: Traced<string[]>, kept: string[], patterns: Traced<string[]>): Traced<string[]> {
  if (kept.length === list.value.length || list.from.kind !== 'file' || patterns.from.kind !== 'file')
    return { ...list, value: kept };
  const removed = list.value.filter((n) => !kept.includes(n));
  const via: RelatedLocation = {
    ...patterns.from.location,
    message: `the exclusion patterns here remove ${removed.join(', ')}`,
  };
  return { value: kept, from: { ...list.from, via: [...(list.from.via ?? []), via] } };
}

/** The ports the tree's Dropwizard configurations serve plain HTTP on (`type: http`, `h2c`; 8080 when unwritten). */
function plainPorts(docs: ParsedDocument<DropwizardData>[]): Set<number> {
  const ports = new Set<number>();
  for (const doc of docs)
    for (const connector of doc.data.connectors) {
      const type = connectorSetting(connector, 'type')?.value.trim();
      if (type !== 'http' && type !== 'h2c') continue;
      const port = connectorSetting(connector, 'port')?.value.trim() ?? '8080';
      if (/^\d+$/.test(port)) ports.add(Number(port));
    }
  return ports;
}
