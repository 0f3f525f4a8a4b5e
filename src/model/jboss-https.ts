/**
 * WildFly / JBoss EAP HTTPS listeners: one `jboss.https-listener` server component per Undertow `<https-listener>`
 * of a configuration file (standalone.xml, domain.xml) or of a jboss-cli script that binds one to a server-ssl-context
 * it adds (read as the elements it writes: ./jboss-cli-configuration.ts), with the TLS it serves — an Elytron `server-ssl-context`
 * (`ssl-context=`; WildFly 11+) or a legacy security realm's `<ssl>` (`security-realm=`) — its port from the
 * socket binding, and its key and trust stores (./jboss-stores.ts). What the file leaves to Elytron's defaults comes
 * from the knowledge base (wildfly.json); a value WildFly computes from a cipher-suite filter with keywords
 * (`DEFAULT:!RC4`) is not expanded here: it is said to be unknown, and a link to the listener has an unknown outcome.
 */
import * as path from 'node:path';
import type { Location, RelatedLocation } from '../core/types';
import { findCipherSuite, jsseName, parseProtocol } from '../knowledge/ciphers';
import { ELYTRON_DEFAULT_PROTOCOLS, ELYTRON_SERVER_SSL_CONTEXT } from '../knowledge/wildfly';
import { JBOSS_SERVER_KIND } from '../parse/jboss';
import { JBOSS_CLI_KIND, type JbossCliData } from '../parse/jboss-cli';
import {
  cliServerConfiguration,
  configurationOf,
  editedConfiguration,
  type ServerConfiguration,
} from './jboss-cli-configuration';
import { cliTargetOf, inHistory, type CliTargetInputs } from './jboss-cli-target';
import type { DockerfileData } from '../parse/dockerfile';
import type { ParsedDocument } from '../parse/types';
import { attr, type XmlAttribute, type XmlData, type XmlElement } from '../parse/xml';
import type { JbossHttpsAttributes } from './attributes';
import type { ModelContext, ModelContributor } from './contributor';
import { jbossSystemProperties, resolveJboss } from './jboss-expressions';
import { credentialAt, elytronKeyStore, realmStore, type JbossFile } from './jboss-stores';
import { markAlternativeConfigurations } from './jboss-alternatives';
import { traced } from './java-shared';
import { javaSystemStores, treeStoresOf, withJavaTrustDefault } from './store-files';
import type { ClientAuthMode, JbossHttpsComponent, TlsSettings, TlsTrustSettings, Traced } from './types';
import { relativePosix } from '../core/posix-path';

/** The named element of a kind (`server-ssl-context`, `key-manager`, `security-realm`…), the last written winning. */
function named(data: XmlData, localName: string, name: string): XmlElement | undefined {
  return data.elements.filter((e) => e.localName === localName && attr(e, 'name')?.value === name).at(-1);
}

/** The listener's port: its socket binding's `port` plus the group's `port-offset`, each resolved. */
function portOf(f: JbossFile, binding: string | undefined): { port: number; at: Location } | undefined {
  if (!binding) return undefined;
  const element = named(f.doc.data, 'socket-binding', binding);
  const written = element && attr(element, 'port');
  const port = written && resolveJboss(written.value, f.properties);
  const group = element?.parent?.localName === 'socket-binding-group' ? element.parent : undefined;
  const offsetAttr = group && attr(group, 'port-offset');
  const offset = offsetAttr ? resolveJboss(offsetAttr.value, f.properties) : { value: '0', defaults: [] };
  const value = port && offset ? Number(port.value) + Number(offset.value) : NaN;
  if (!written || !Number.isInteger(value) || value <= 0) return undefined;
  return { port: value, at: { file: f.fileOf(written), range: written.valueRange } };
}

/**
 * A list of protocol names (space- or comma-separated), in JSSE spelling; undefined when one is not a protocol.
 * SSLv2Hello, which Elytron accepts (wildfly/wildfly-core@7f1dae0 SSLDefinitions ALLOWED_PROTOCOLS), is a hello format
 * JSSE enables as one.
 */
function protocolList(value: string): string[] | undefined {
  const names = value.split(/[\s,]+/).filter(Boolean);
  const parsed = names.map((n) => (/^SSLv2Hello$/i.test(n) ? 'SSLv2Hello' : parseProtocol(n)));
  return names.length > 0 && parsed.every((p) => p !== undefined) ? parsed.filter((p) => p !== undefined) : undefined;
}

/** A plain list of suite names (OpenSSL or standard, `:`, `,` or blank separated), as JSSE names; undefined otherwise. */
function suiteList(value: string): string[] | undefined {
  const names = value.split(/[\s,:]+/).filter(Boolean);
  const suites = names.map((n) => findCipherSuite(n));
  if (names.length === 0 || suites.some((s) => s === undefined)) return undefined;
  return suites.flatMap((s) => (s ? [jsseName(s)] : []));
}

/** Collects what the tree leaves unknown about one listener. */
class Unknowns {
  values: string[] = [];
  at: RelatedLocation[] = [];
  add(f: JbossFile, a: XmlAttribute, why: string): void {
    this.values.push(`${a.name}="${a.value}"`);
    this.at.push({ file: f.fileOf(a), range: a.valueRange, message: why });
  }
}

/** An attribute's value with the file's expressions resolved; undefined (and noted) when the tree does not settle it. */
function read(
  f: JbossFile,
  a: XmlAttribute | undefined,
  unknown: Unknowns,
): { a: XmlAttribute; value: string } | undefined {
  if (!a) return undefined;
  const resolved = resolveJboss(a.value, f.properties);
  if (!resolved) {
    unknown.add(f, a, `${a.name} is an expression the tree does not resolve`);
    return undefined;
  }
  return { a, value: resolved.value };
}

const tracedAt = <T>(f: JbossFile, value: T, a: XmlAttribute): Traced<T> => traced(value, f.fileOf(a), a.valueRange);

function defaulted<T>(value: T, origin: string): Traced<T> {
  return { value, from: { kind: 'default', origin, confidence: 'verified' } };
}

/** The TLS an Elytron server-ssl-context serves, and its stores. */
function elytronTls(f: JbossFile, context: XmlElement, tls: TlsSettings, unknown: Unknowns): TlsTrustSettings {
  const names = read(f, attr(context, 'cipher-suite-names'), unknown);
  const filter = read(f, attr(context, 'cipher-suite-filter'), unknown);
  const protocols = read(f, attr(context, 'protocols'), unknown);
  const tls13Names = names ? suiteList(names.value) : [];
  if (names && !tls13Names) unknown.add(f, names.a, 'cipher-suite-names the knowledge base does not know');
  // Elytron selects TLS 1.3 suites only from cipher-suite-names: without them no TLS 1.3 handshake (ELY-1917).
  const noTls13 = ELYTRON_SERVER_SSL_CONTEXT.tls13SuitesOnlyFromCipherSuiteNames && !names;
  const withoutTls13 = (list: string[]) => (noTls13 ? list.filter((p) => p !== 'TLSv1.3') : list);
  const listed = protocols ? protocolList(protocols.value) : undefined;
  if (protocols && listed) {
    const kept = withoutTls13(listed);
    if (kept.length > 0) tls.protocols = tracedAt(f, kept, protocols.a);
    else unknown.add(f, protocols.a, 'TLSv1.3 only, and no cipher-suite-names gives it a suite');
  } else if (protocols) unknown.add(f, protocols.a, 'protocols the knowledge base does not know');
  else if (!attr(context, 'protocols'))
    tls.protocols = defaulted(
      withoutTls13([...ELYTRON_DEFAULT_PROTOCOLS]),
      `Elytron server-ssl-context default protocols${noTls13 ? ' (no TLS 1.3: cipher-suite-names is not set)' : ''} (${ELYTRON_SERVER_SSL_CONTEXT.protocolsSource})`,
    );
  if (filter) {
    const suites = suiteList(filter.value);
    if (suites && tls13Names) tls.cipherSuites = tracedAt(f, [...tls13Names, ...suites], filter.a);
    else if (!suites)
      unknown.add(
        f,
        filter.a,
        'an Elytron cipher-suite filter with keywords or operators: the suites it selects are not computed here',
      );
  }
  const orderAttr = attr(context, 'use-cipher-suites-order');
  const order = read(f, orderAttr, unknown);
  if (order && orderAttr) tls.serverOrderWins = tracedAt(f, order.value.trim().toLowerCase() === 'true', orderAttr);
  else if (!orderAttr)
    tls.serverOrderWins = defaulted(
      ELYTRON_SERVER_SSL_CONTEXT.useCipherSuitesOrderDefault,
      `Elytron use-cipher-suites-order default (${ELYTRON_SERVER_SSL_CONTEXT.useCipherSuitesOrderSource})`,
    );
  const need = read(f, attr(context, 'need-client-auth'), unknown);
  const want = read(f, attr(context, 'want-client-auth'), unknown);
  const auth: [ClientAuthMode, XmlAttribute] | undefined =
    need?.value.trim().toLowerCase() === 'true'
      ? ['required', need.a]
      : want?.value.trim().toLowerCase() === 'true'
        ? ['optional', want.a]
        : undefined;
  if (auth) tls.clientAuth = tracedAt(f, auth[0], auth[1]);
  const trust: TlsTrustSettings = {};
  const keyManager = attr(context, 'key-manager')?.value;
  const manager = keyManager ? named(f.doc.data, 'key-manager', keyManager) : undefined;
  const keyStoreName = manager && attr(manager, 'key-store')?.value;
  const generated = manager && attr(manager, 'generate-self-signed-certificate-host')?.value;
  const keyStore = keyStoreName ? elytronKeyStore(f, keyStoreName, generated) : undefined;
  if (keyStore) trust.keyStore = { ...keyStore, passwordAt: keyStore.passwordAt ?? credentialAt(f, manager) };
  const aliasFilter = manager && attr(manager, 'alias-filter');
  // A single alias; a filter list (`ALL:-old`, `a,b`) leaves the choice to the key manager.
  if (aliasFilter && /^[\w.@-]+$/.test(aliasFilter.value) && !aliasFilter.value.startsWith('-'))
    trust.keyAlias = tracedAt(f, aliasFilter.value, aliasFilter);
  const trustManager = attr(context, 'trust-manager')?.value;
  const tm = trustManager ? named(f.doc.data, 'trust-manager', trustManager) : undefined;
  const trustStoreName = tm && attr(tm, 'key-store')?.value;
  const trustStore = trustStoreName ? elytronKeyStore(f, trustStoreName) : undefined;
  if (trustStore) trust.trustStore = trustStore;
  return trust;
}

/** The TLS a legacy security realm's `<ssl>` and the listener's own attributes serve, and the realm's stores. */
function realmTls(
  f: JbossFile,
  realm: XmlElement,
  listener: XmlElement,
  tls: TlsSettings,
  unknown: Unknowns,
): TlsTrustSettings {
  const ssl = realm.children
    .find((c) => c.localName === 'server-identities')
    ?.children.find((c) => c.localName === 'ssl');
  const engine = ssl?.children.find((c) => c.localName === 'engine');
  const protocolsAttr = attr(listener, 'enabled-protocols') ?? (engine && attr(engine, 'enabled-protocols'));
  const protocols = read(f, protocolsAttr, unknown);
  const listed = protocols ? protocolList(protocols.value) : undefined;
  if (protocols && listed) tls.protocols = tracedAt(f, listed, protocols.a);
  else if (protocols) unknown.add(f, protocols.a, 'protocols the knowledge base does not know');
  const suitesAttr = attr(listener, 'enabled-cipher-suites') ?? (engine && attr(engine, 'enabled-cipher-suites'));
  const suites = read(f, suitesAttr, unknown);
  const list = suites ? suiteList(suites.value) : undefined;
  if (suites && list) tls.cipherSuites = tracedAt(f, list, suites.a);
  else if (suites) unknown.add(f, suites.a, 'cipher suites the knowledge base does not know');
  const verify = read(f, attr(listener, 'verify-client'), unknown);
  const mode = verify?.value.trim().toUpperCase();
  if (verify && (mode === 'REQUIRED' || mode === 'REQUESTED'))
    tls.clientAuth = tracedAt(f, mode === 'REQUIRED' ? 'required' : 'optional', verify.a);
  const trust: TlsTrustSettings = {};
  const keystore = ssl?.children.find((c) => c.localName === 'keystore');
  const keyStore = keystore ? realmStore(f, keystore) : undefined;
  if (keyStore) trust.keyStore = keyStore;
  const alias = keystore && attr(keystore, 'alias');
  if (alias) trust.keyAlias = tracedAt(f, alias.value, alias);
  const truststore = realm.children
    .find((c) => c.localName === 'authentication')
    ?.children.find((c) => c.localName === 'truststore');
  const trustStore = truststore ? realmStore(f, truststore) : undefined;
  if (trustStore) trust.trustStore = trustStore;
  return trust;
}

/**
 * One component per `<https-listener>` with an `ssl-context` or a `security-realm` whose element the file holds.
 * A listener naming neither, or a context or realm defined elsewhere (a domain's host.xml), is left out: what it
 * serves is not in this file. So are the copies in a configuration history directory (standalone_xml_history).
 * A jboss-cli script edits the configuration file it targets (./jboss-cli-target.ts): its operations apply on that
 * file's server, in script order (scripts on one file in path order), and make no server of their own. A script whose
 * target the tree does not hold is read alone, as the configuration it writes, and its listeners say so.
 * Configurations side by side that serve different TLS on a port leave which one runs unknown (./jboss-alternatives.ts).
 */
export const jbossHttpsContributor: ModelContributor = {
  id: 'jboss-https',
  reads: [JBOSS_SERVER_KIND, JBOSS_CLI_KIND],
  contribute(ctx) {
    const stores = treeStoresOf(ctx);
    const listeners: JbossHttpsComponent[] = [];
    const files = (ctx.documentsOf(JBOSS_SERVER_KIND) as ParsedDocument<XmlData>[]).filter(
      (d) => !inHistory(d.file.path),
    );
    const scripts = ctx.documentsOf(JBOSS_CLI_KIND) as ParsedDocument<JbossCliData>[];
    const edits = new Map<ParsedDocument<XmlData>, ParsedDocument<JbossCliData>[]>();
    const alone: { configuration: ServerConfiguration; why: string }[] = [];
    const inputs: CliTargetInputs = {
      root: ctx.deployment.root,
      configurations: files,
      scripts,
      dockerfiles: ctx.documentsOf('dockerfile') as ParsedDocument<DockerfileData>[],
      images: stores.images,
    };
    for (const script of scripts) {
      // A script that configures no listener of its own and edits no file of the tree changes nothing read here.
      const target = cliTargetOf(script, inputs);
      if ('file' in target) edits.set(target.file, [...(edits.get(target.file) ?? []), script]);
      else {
        const configuration = cliServerConfiguration(script);
        if (configuration) alone.push({ configuration, why: target.unknown });
      }
    }
    const configurations = [
      ...files.map((doc) => ({ configuration: editedOrRead(doc, edits.get(doc)), why: undefined })),
      ...alone,
    ];
    for (const { configuration, why } of configurations) {
      const f: JbossFile = { ...configuration, properties: jbossSystemProperties(configuration.doc.data), stores };
      for (const listener of configuration.doc.data.elements.filter((e) => e.localName === 'https-listener')) {
        const built = listenerOf(ctx, f, configuration.sources, listener, why);
        if (built) listeners.push(built);
      }
    }
    markAlternativeConfigurations(listeners);
    for (const listener of listeners) ctx.addComponent(listener);
  },
};

const editedOrRead = (doc: ParsedDocument<XmlData>, scripts: ParsedDocument<JbossCliData>[] | undefined) =>
  scripts ? editedConfiguration(doc, scripts) : configurationOf(doc);

function listenerOf(
  ctx: ModelContext,
  f: JbossFile,
  sources: ParsedDocument[],
  listener: XmlElement,
  configurationUnknown: string | undefined,
): JbossHttpsComponent | undefined {
  const file = f.doc.file.path;
  const contextName = attr(listener, 'ssl-context')?.value;
  const realmName = attr(listener, 'security-realm')?.value;
  const context = contextName ? named(f.doc.data, 'server-ssl-context', contextName) : undefined;
  const realm = !context && realmName ? named(f.doc.data, 'security-realm', realmName) : undefined;
  if (!context && !realm) return undefined;
  const runtime = ctx.runtimeFor(file);
  const tls: TlsSettings = { implementation: runtime?.vendor.value === 'ibm' ? 'ibmjsse2' : 'jsse' };
  const unknown = new Unknowns();
  const trust = context
    ? elytronTls(f, context, tls, unknown)
    : realm
      ? realmTls(f, realm, listener, tls, unknown)
      : {};
  tls.trust = withJavaTrustDefault(trust, javaSystemStores(runtime, f.stores, [path.dirname(file)]));
  if (unknown.values.length > 0) {
    tls.unknownValues = unknown.values;
    tls.unknownAt = unknown.at;
  }
  const name = attr(listener, 'name')?.value ?? 'https';
  const port = portOf(f, attr(listener, 'socket-binding')?.value);
  const relative = relativePosix(ctx.deployment.root, file);
  // A file that scripts edit is named with them: what a finding points at in a script is this listener's.
  const editedBy = sources
    .slice(1)
    .map((d) => relativePosix(ctx.deployment.root, d.file.path))
    .join(', ');
  return {
    id: `jboss.https-listener:${relative}#${listener.path}`,
    type: 'jboss.https-listener',
    name: `WildFly HTTPS listener ${name}${port ? ` :${port.port}` : ''} (${relative}${editedBy && ` edited by ${editedBy}`})`,
    role: 'server',
    location: { file: f.fileOf(listener), range: listener.range },
    host: ctx.hostOf(file),
    ...(runtime ? { runtime } : {}),
    tls,
    documents: sources,
    attributes: {
      tlsPorts: port ? [port.port] : [],
      hostnames: [],
      listener: name,
      ...(context && contextName ? { sslContext: contextName } : {}),
      ...(realm && realmName ? { securityRealm: realmName } : {}),
      ...(configurationUnknown !== undefined && { editedConfigurationUnknown: configurationUnknown }),
    } satisfies JbossHttpsAttributes,
  };
}
