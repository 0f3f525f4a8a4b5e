/**
 * Plain Jetty servers (jetty-home + jetty-base) as TLS server ends: one `jetty.https-connector` per SslContextFactory a
 * base serves with. The ssl module's factory (id `sslContextFactory`, enabled by `--module=ssl`, `https` or `http2` in
 * a start file) is what the base's own etc/jetty-ssl-context.xml makes, else what Jetty's file of the release makes
 * (knowledge: data/jetty.json), from the start properties; `<Configure id="sslContextFactory">` files (tweak-ssl.xml)
 * change it after. Another factory a Jetty XML of the base makes is an end when a connector of that file serves it.
 * Protocols and suites: Jetty's selection (include lists of names, then the exclusion patterns: written, else the
 * release's defaults), as for Dropwizard (./dropwizard-https.ts). What depends on a release the tree does not name is
 * drawn for every release that may run, and stands only where they agree.
 */
import * as path from 'node:path';
import type { Location, RelatedLocation } from '../core/types';
import { findCipherSuite, parseProtocol } from '../knowledge/ciphers';
import { jettyExcluded, jettyPattern } from '../knowledge/dropwizard';
import { JETTY_FACTORY, JETTY_SSL_PORT, jettyDefaultExclusions, jettySslContextRows } from '../knowledge/jetty';
import {
  JETTY_MODULE_KIND,
  JETTY_START_KIND,
  JETTY_XML_KIND,
  type JettyModuleData,
  type JettyStartData,
} from '../parse/jetty';
import type { ParsedDocument } from '../parse/types';
import { LineIndex } from '../parse/text';
import { attr, parseXml, type XmlData, type XmlElement } from '../parse/xml';
import type { JettyHttpsAttributes } from './attributes';
import type { ModelContext, ModelContributor } from './contributor';
import { baseModules, jettyBases, type JettyBase } from './jetty-bases';
import { jettyReleaseOf, type JettyRelease } from './jetty-release';
import { settingsOf, type Setting, type Settings } from './jetty-settings';
import {
  content,
  factoryOperations,
  JETTY_BASE,
  sslFactories,
  type Environment,
  type FactoryOperation,
  type StartProperty,
} from './jetty-values';
import { PLACEHOLDER, storeRef, treeStoresOf, withRefusedPassword, type TreeStores } from './store-files';
import { jettyPassword } from '../parse/jetty-password';
import type { JettyExclusionSettings, JettyHttpsComponent, StoreRef, TlsSettings, Traced } from './types';
import { relativePosix } from '../core/posix-path';
import { directoryLabel } from './paths';

const STOCK_ID = 'sslContextFactory';
/** A literal include pattern (`TLSv1.2`, `TLSv1\.2`, a suite name): the one name it matches. */
const LITERAL = /^(?:[\w-]|\\\.|\.)+$/;

export const jettyHttpsContributor: ModelContributor = {
  id: 'jetty-https',
  reads: [JETTY_START_KIND, JETTY_XML_KIND],
  contribute(ctx) {
    const inis = ctx.documentsOf(JETTY_START_KIND) as ParsedDocument<JettyStartData>[];
    const xmls = ctx.documentsOf(JETTY_XML_KIND) as ParsedDocument<XmlData>[];
    const mods = ctx.documentsOf(JETTY_MODULE_KIND) as ParsedDocument<JettyModuleData>[];
    const stores = treeStoresOf(ctx);
    const found = jettyReleaseOf(ctx);
    const release = found === 'conflict' ? undefined : found;
    for (const base of jettyBases(inis, xmls, mods))
      for (const end of endsOf(ctx, base, stores, release)) ctx.addComponent(end);
  },
};

/** The base's start properties; a name two files set differently is null (unknown). `?=` sets only what is unset. */
function startProperties(inis: ParsedDocument<JettyStartData>[]): Map<string, StartProperty | null> {
  const out = new Map<string, StartProperty | null>();
  for (const pass of ['=', '?='] as const)
    for (const doc of inis)
      for (const p of doc.data.properties) {
        const op = p.op === '+=' ? '=' : p.op;
        if (op !== pass) continue;
        const known = out.get(p.key);
        const at: Location = { file: doc.file.path, range: p.valueRange };
        if (pass === '?=' && out.has(p.key)) continue;
        // `+=` appends to what another file may set; a spaced name is not the property (unknown either way).
        if (p.op === '+=' || p.spaced || (known && known.value !== p.value)) out.set(p.key, null);
        else if (known === undefined) out.set(p.key, { value: p.value, at });
      }
  return out;
}

function endsOf(
  ctx: ModelContext,
  base: JettyBase,
  stores: TreeStores,
  release: JettyRelease | undefined,
): JettyHttpsComponent[] {
  const properties = startProperties(base.inis);
  const modules = baseModules(base);
  const rows = jettySslContextRows(release?.version);
  // Only what start.jar applies configures the server.
  const factories = base.xmls
    .filter((doc) => modules.applies(doc.file.path))
    .flatMap((doc) => sslFactories(doc.data).map((f) => ({ ...f, doc })));
  const ends: JettyHttpsComponent[] = [];
  // The ssl module's factory: the base's own jetty-ssl-context.xml (or a `New id="sslContextFactory"`), else Jetty's.
  const stock = factories.filter((f) => f.id === STOCK_ID);
  const definition = stock.find((f) => f.defines || path.basename(f.doc.file.path) === 'jetty-ssl-context.xml');
  const at =
    modules.sslAt[0] ?? (definition ? { file: definition.doc.file.path, range: definition.element.range } : undefined);
  // With start files, the ssl module makes the factory; without, an XML that makes it.
  const on = modules.started ? modules.sslAt.length > 0 : definition !== undefined;
  if (at && on && rows.length > 0) {
    const env = (file: string | undefined, text: string) => ({ properties, file, source: sourceOf(text) });
    const tweaks = stock
      .filter((f) => f !== definition)
      .flatMap((f) => factoryOperations(f.element, env(f.doc.file.path, f.doc.file.text)));
    const own = definition
      ? factoryOperations(definition.element, env(definition.doc.file.path, definition.doc.file.text))
      : undefined;
    const perRow = rows.map((row) => {
      const sets = own ?? stockOperations(row.sets, env);
      return { row, operations: [...sets, ...tweaks] };
    });
    const settings = settingsOf(perRow, release);
    const port = portOf(properties);
    ends.push(endOf(ctx, base, stores, release, { id: STOCK_ID, at, settings, ports: port ? [port] : [] }));
  }
  // Other factories a connector of their file serves (a Shibboleth IdP's back-channel connector).
  for (const f of factories) {
    if (!f.defines || !f.id || f.id === STOCK_ID) continue;
    const connector = connectorServing(f.doc.data, f.id);
    if (!connector) continue;
    const env = { properties, file: f.doc.file.path, source: sourceOf(f.doc.file.text) };
    const settings = settingsOf([{ row: undefined, operations: factoryOperations(f.element, env) }], release);
    const portSet = connector.children.find((c) => c.localName === 'Set' && attr(c, 'name')?.value === 'port');
    const port = portSet ? content(portSet, env) : undefined;
    const ports = port?.kind === 'value' && port.value && /^\d+$/.test(port.value) ? [Number(port.value)] : [];
    const where = { file: f.doc.file.path, range: f.element.range };
    ends.push(endOf(ctx, base, stores, release, { id: f.id, at: where, settings, ports }));
  }
  return ends;
}

const sourceOf = (text: string) => ({ text, index: new LineIndex(text) });

/** The operations of Jetty's own etc/jetty-ssl-context.xml Sets (knowledge) on the start properties. */
function stockOperations(
  sets: readonly string[],
  env: (file: string | undefined, text: string) => Environment,
): FactoryOperation[] {
  const text = `<Configure>${sets.join('')}</Configure>`;
  const root = parseXml(text).data.root;
  return root ? factoryOperations(root, env(undefined, text)) : [];
}

/** The ssl connector's port: `jetty.ssl.port` (or its deprecated name) from the start files, else Jetty's default. */
function portOf(properties: ReadonlyMap<string, StartProperty | null>): number | undefined {
  for (const name of JETTY_SSL_PORT.names) {
    const p = properties.get(name);
    if (p === null) return undefined;
    if (p) return /^\d+$/.test(p.value.trim()) ? Number(p.value.trim()) : undefined;
  }
  return JETTY_SSL_PORT.default;
}

/** The `ServerConnector` of a Jetty XML whose connection factories refer to the factory `id`. */
function connectorServing(data: XmlData, id: string): XmlElement | undefined {
  const refers = (el: XmlElement): boolean =>
    (el.localName === 'Ref' && attr(el, 'refid')?.value === id) || el.children.some(refers);
  return data.elements.find(
    (el) => el.localName === 'New' && /ServerConnector$/.test(attr(el, 'class')?.value ?? '') && refers(el),
  );
}

interface Factory {
  id: string;
  at: Location;
  settings: Settings;
  ports: number[];
}

function endOf(
  ctx: ModelContext,
  base: JettyBase,
  stores: TreeStores,
  release: JettyRelease | undefined,
  factory: Factory,
): JettyHttpsComponent {
  const file = factory.at.file;
  const runtime = ctx.runtimeFor(file);
  const tls: TlsSettings = { implementation: runtime?.vendor.value === 'ibm' ? 'ibmjsse2' : 'jsse' };
  const { settings } = factory;
  const unknownValues: string[] = [];
  const unknownAt: RelatedLocation[] = [];
  const note = (what: string, why: string, where: Location | undefined) => {
    unknownValues.push(what);
    unknownAt.push({ ...(where ?? factory.at), message: why });
  };
  for (const u of settings.unknown) note(u.what, u.why, u.at);
  lists(tls, settings, release, note);
  const order = settings.value('useciphersuitesorder');
  tls.serverOrderWins = order
    ? { value: order.value !== 'false', from: order.from }
    : {
        value: JETTY_FACTORY.useCipherSuitesOrderDefault,
        from: { kind: 'default', origin: `Jetty SslContextFactory (${JETTY_FACTORY.useCipherSuitesOrderSource})` },
      };
  const need = settings.value('needclientauth');
  const want = settings.value('wantclientauth');
  if (need?.value === 'true') tls.clientAuth = { value: 'required', from: need.from };
  else if (want?.value === 'true') tls.clientAuth = { value: 'optional', from: want.from };
  const dir = base.dir;
  const keyStore = storeOf(settings, 'keystore', dir, ctx, stores);
  const trustStore = storeOf(settings, 'truststore', dir, ctx, stores);
  tls.trust = { defaultTrust: 'none', ...(keyStore ? { keyStore } : {}) };
  if (trustStore) tls.trust.trustStore = trustStore;
  else if (keyStore && settings.isNull('truststorepath') && JETTY_FACTORY.trustStoreIsKeyStore)
    tls.trust.trustStore = {
      ...keyStore,
      setting: `KeyStorePath (Jetty trusts the key store when no TrustStorePath is set: ${JETTY_FACTORY.trustStoreSource})`,
    };
  if (keyStore)
    tls.certificate = {
      ...(keyStore.file ? { file: keyStore.file } : {}),
      reference: keyStore.path.from.kind === 'file' ? keyStore.path.from.location : factory.at,
      ...(keyStore.type ? { storeType: keyStore.type.value } : {}),
    };
  if (unknownValues.length > 0) {
    tls.unknownValues = unknownValues;
    tls.unknownAt = unknownAt;
  }
  const relative = relativePosix(ctx.deployment.root, dir);
  const label = factory.id === STOCK_ID ? 'Jetty HTTPS' : `Jetty TLS connector (${factory.id})`;
  return {
    id: `jetty.https-connector:${relative}#${factory.id}`,
    type: 'jetty.https-connector',
    name: `${label}${factory.ports[0] ? ` :${factory.ports[0]}` : ''} (${directoryLabel(relative)})`,
    role: 'server',
    location: factory.at,
    host: ctx.hostOf(file),
    ...(runtime ? { runtime } : {}),
    tls,
    documents: [...base.inis, ...base.mods, ...base.xmls],
    attributes: {
      tlsPorts: factory.ports,
      hostnames: [],
      base: relative,
      factory: factory.id,
      ...(release ? { release: release.version } : {}),
    } satisfies JettyHttpsAttributes,
  };
}

/** A key or trust store the factory names: its path below the base resolved to the tree's file, type and password place. */
function storeOf(
  settings: Settings,
  which: 'keystore' | 'truststore',
  dir: string,
  ctx: ModelContext,
  stores: TreeStores,
): StoreRef | undefined {
  const written = settings.value(`${which}path`);
  if (!written?.value || PLACEHOLDER.test(written.value.replace(JETTY_BASE, ''))) return undefined;
  // Below the base: the rest of the path, its slashes joined (`${jetty.base}//opt/k.p12` is the base's opt/k.p12).
  const resolved = written.value.startsWith(JETTY_BASE)
    ? written.value.slice(JETTY_BASE.length).replace(/^\/+/, '')
    : written.value;
  const type = settings.value(`${which}type`) ?? (which === 'keystore' ? settings.keyStoreTypeDefault : undefined);
  const passwordAt = settings.writtenAt(`${which}password`);
  const pathValue: Traced<string> = { value: resolved, from: written.from };
  const containerBase = (containerFile: string) => {
    const d = path.posix.dirname(containerFile);
    return ['start.d', 'etc'].includes(path.posix.basename(d)) ? path.posix.dirname(d) : d;
  };
  const bases = [dir, ctx.deployment.root];
  const ref = storeRef(pathValue, bases, stores, type ?? undefined, passwordAt, resolved, containerBase);
  const setting = which === 'keystore' ? 'KeyStore' : 'TrustStore';
  // The password as the tree writes it (a start property, the base's XML), OBF: decoded as Jetty does before loading.
  const writtenPassword = passwordAt && settings.value(`${which}password`)?.value;
  const password = writtenPassword === undefined ? undefined : jettyPassword(writtenPassword);
  const own =
    password === undefined
      ? undefined
      : { value: password, at: passwordAt!, key: writtenName(ctx, passwordAt!, `${setting}Password`) };
  return { ...withRefusedPassword(ref, own, stores, resolved, bases), setting: `${setting}Path` };
}

/** The include lists (literal names only) and the exclusion patterns, written or the release's defaults. */
function lists(
  tls: TlsSettings,
  settings: Settings,
  release: JettyRelease | undefined,
  note: (what: string, why: string, at: Location | undefined) => void,
): void {
  const include = (name: string): Setting<string[]> | undefined => {
    const list = settings.list(name);
    if (!list) return undefined;
    if (!list.value.every((v) => LITERAL.test(v))) {
      const at = list.from.kind === 'file' ? list.from.location : undefined;
      note(
        `${name}: ${list.value.join(', ')}`,
        `${name} holds a pattern: the names it selects from the JDK's supported list are not computed here`,
        at,
      );
      return undefined;
    }
    return { value: list.value.map((v) => v.replace(/\\\./g, '.')), from: list.from };
  };
  const protocols = include('includeprotocols');
  if (protocols) tls.protocols = { value: protocols.value.map((p) => parseProtocol(p) ?? p), from: protocols.from };
  const suites = include('includeciphersuites');
  if (suites) {
    const unknownNames = suites.value.filter((n) => !/_SCSV$/.test(n) && !findCipherSuite(n));
    if (unknownNames.length > 0) {
      const at = suites.from.kind === 'file' ? suites.from.location : undefined;
      note(
        `IncludeCipherSuites: ${unknownNames.join(', ')}`,
        'IncludeCipherSuites names suites lint-deploy does not know: Jetty keeps those the JDK supports, drops the others',
        at,
      );
    } else tls.cipherSuites = { value: suites.value.filter((n) => !/_SCSV$/.test(n)), from: suites.from };
  }
  const { current, alternative } = jettyDefaultExclusions(release?.version);
  const exclusions = (name: string, fallback: { value: string[]; origin: string }): Traced<string[]> | undefined => {
    const written = settings.list(name, fallback.value);
    const list: Traced<string[]> =
      written ??
      (release
        ? {
            value: fallback.value,
            from: {
              kind: 'file',
              location: release.at,
              note: `${fallback.origin}, for Jetty ${release.version} (${release.by})`,
            },
          }
        : { value: fallback.value, from: { kind: 'default', origin: fallback.origin, confidence: 'verified' } });
    const bad = list.value.find((v) => !jettyPattern(v));
    if (bad === undefined) return list;
    note(
      `${name}: ${bad}`,
      `${name} holds a Java pattern lint-deploy does not read the same way`,
      list.from.kind === 'file' ? list.from.location : undefined,
    );
    return undefined;
  };
  const excludedProtocols = exclusions('excludeprotocols', current.protocols);
  const excludedSuites = exclusions('excludeciphersuites', current.cipherSuites);
  if (!excludedProtocols || !excludedSuites) return;
  const jetty: JettyExclusionSettings = { protocols: excludedProtocols, cipherSuites: excludedSuites };
  if (tls.protocols || tls.cipherSuites) {
    jetty.included = {
      ...(tls.protocols ? { protocols: tls.protocols.value } : {}),
      ...(tls.cipherSuites ? { cipherSuites: tls.cipherSuites.value } : {}),
    };
    // Written include lists lose here what the patterns match, as Jetty's selection does: rules read what Jetty keeps.
    const kept = jettyExcluded(
      excludedProtocols.value,
      excludedSuites.value,
      tls.protocols?.value ?? [],
      tls.cipherSuites?.value ?? [],
    );
    if (tls.protocols) tls.protocols = { ...tls.protocols, value: kept.protocols };
    if (tls.cipherSuites) tls.cipherSuites = { ...tls.cipherSuites, value: kept.suites };
  }
  if (alternative && excludedSuites.from.kind === 'default')
    jetty.alternative = {
      what: `the Jetty release (${alternative.why}; name it in the image tag, FROM jetty:9.4, or set ExcludeCipherSuites in the base's XML)`,
      protocols: excludedProtocols.value,
      cipherSuites: alternative.cipherSuites.value,
    };
  tls.jettyExclusions = jetty;
}

/**
 * The name the tree writes at a setting's place, for messages: a start property's (`jetty.sslContext.keyStorePassword`
 * in start.ini or start.d), else `fallback`, the factory setter's name that its own XML uses (`KeyStorePassword`).
 */
function writtenName(ctx: ModelContext, at: Location, fallback: string): string {
  const doc = ctx.deployment.documents.find((d) => d.file.path === at.file && d.kind === JETTY_START_KIND);
  const line = at.range?.start.line;
  const entry = doc?.entries.find((e) => e.keyRange.start.line === line || e.valueRange.start.line === line);
  return entry?.key ?? fallback;
}
