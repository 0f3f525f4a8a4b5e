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
exports.jbossHttpsContributor = void 0;
/**
 * WildFly / JBoss EAP HTTPS listeners: one `jboss.https-listener` server component per Undertow `<https-listener>`
 * of a configuration file (standalone.xml, domain.xml), with the TLS it serves — an Elytron `server-ssl-context`
 * (`ssl-context=`; WildFly 11+) or a legacy security realm's `<ssl>` (`security-realm=`) — its port from the
 * socket binding, and its key and trust stores (./jboss-stores.ts). What the file leaves to Elytron's defaults comes
 * from the knowledge base (wildfly.json); a value WildFly computes from a cipher-suite filter with keywords
 * (`DEFAULT:!RC4`) is not expanded here: it is said to be unknown, and a link to the listener has an unknown outcome.
 */
const path = __importStar(require("node:path"));
const ciphers_1 = require("../knowledge/ciphers");
const wildfly_1 = require("../knowledge/wildfly");
const jboss_1 = require("../parse/jboss");
const xml_1 = require("../parse/xml");
const jboss_expressions_1 = require("./jboss-expressions");
const jboss_stores_1 = require("./jboss-stores");
const jboss_alternatives_1 = require("./jboss-alternatives");
const java_shared_1 = require("./java-shared");
const paths_1 = require("./paths");
const store_files_1 = require("./store-files");
/** The named element of a kind (`server-ssl-context`, `key-manager`, `security-realm`…), the last written winning. */
function named(data, localName, name) {
    return data.elements.filter((e) => e.localName === localName && (0, xml_1.attr)(e, 'name')?.value === name).at(-1);
}
/** The listener's port: its socket binding's `port` plus the group's `port-offset`, each resolved. */
function portOf(f, binding) {
    if (!binding)
        return undefined;
    const element = named(f.doc.data, 'socket-binding', binding);
    const written = element && (0, xml_1.attr)(element, 'port');
    const port = written && (0, jboss_expressions_1.resolveJboss)(written.value, f.properties);
    const group = element?.parent?.localName === 'socket-binding-group' ? element.parent : undefined;
    const offsetAttr = group && (0, xml_1.attr)(group, 'port-offset');
    const offset = offsetAttr ? (0, jboss_expressions_1.resolveJboss)(offsetAttr.value, f.properties) : { value: '0', defaults: [] };
    const value = port && offset ? Number(port.value) + Number(offset.value) : NaN;
    if (!written || !Number.isInteger(value) || value <= 0)
        return undefined;
    return { port: value, at: { file: f.doc.file.path, range: written.valueRange } };
}
/** A list of protocol names (space- or comma-separated), in JSSE spelling; undefined when one is not a protocol. */
function protocolList(value) {
    const names = value.split(/[\s,]+/).filter(Boolean);
    const parsed = names.map(ciphers_1.parseProtocol);
    return names.length > 0 && parsed.every((p) => p !== undefined) ? parsed.filter((p) => p !== undefined) : undefined;
}
/** A plain list of suite names (OpenSSL or standard, `:`, `,` or blank separated), as JSSE names; undefined otherwise. */
function suiteList(value) {
    const names = value.split(/[\s,:]+/).filter(Boolean);
    const suites = names.map((n) => (0, ciphers_1.findCipherSuite)(n));
    if (names.length === 0 || suites.some((s) => s === undefined))
        return undefined;
    return suites.flatMap((s) => (s ? [(0, ciphers_1.jsseName)(s)] : []));
}
/** Collects what the tree leaves unknown about one listener. */
class Unknowns {
    values = [];
    at = [];
    add(file, a, why) {
        this.values.push(`${a.name}="${a.value}"`);
        this.at.push({ file, range: a.valueRange, message: why });
    }
}
/** An attribute's value with the file's expressions resolved; undefined (and noted) when the tree does not settle it. */
function read(f, a, unknown) {
    if (!a)
        return undefined;
    const resolved = (0, jboss_expressions_1.resolveJboss)(a.value, f.properties);
    if (!resolved) {
        unknown.add(f.doc.file.path, a, `${a.name} is an expression the tree does not resolve`);
        return undefined;
    }
    return { a, value: resolved.value };
}
const tracedAt = (f, value, a) => (0, java_shared_1.traced)(value, f.doc.file.path, a.valueRange);
function defaulted(value, origin) {
    return { value, from: { kind: 'default', origin, confidence: 'verified' } };
}
/** The TLS an Elytron server-ssl-context serves, and its stores. */
function elytronTls(f, context, tls, unknown) {
    const names = read(f, (0, xml_1.attr)(context, 'cipher-suite-names'), unknown);
    const filter = read(f, (0, xml_1.attr)(context, 'cipher-suite-filter'), unknown);
    const protocols = read(f, (0, xml_1.attr)(context, 'protocols'), unknown);
    const tls13Names = names ? suiteList(names.value) : [];
    if (names && !tls13Names)
        unknown.add(f.doc.file.path, names.a, 'cipher-suite-names the knowledge base does not know');
    // Elytron selects TLS 1.3 suites only from cipher-suite-names: without them no TLS 1.3 handshake (ELY-1917).
    const noTls13 = wildfly_1.ELYTRON_SERVER_SSL_CONTEXT.tls13SuitesOnlyFromCipherSuiteNames && !names;
    const withoutTls13 = (list) => (noTls13 ? list.filter((p) => p !== 'TLSv1.3') : list);
    const listed = protocols ? protocolList(protocols.value) : undefined;
    if (protocols && listed) {
        const kept = withoutTls13(listed);
        if (kept.length > 0)
            tls.protocols = tracedAt(f, kept, protocols.a);
        else
            unknown.add(f.doc.file.path, protocols.a, 'TLSv1.3 only, and no cipher-suite-names gives it a suite');
    }
    else if (protocols)
        unknown.add(f.doc.file.path, protocols.a, 'protocols the knowledge base does not know');
    else if (!(0, xml_1.attr)(context, 'protocols'))
        tls.protocols = defaulted(withoutTls13([...wildfly_1.ELYTRON_DEFAULT_PROTOCOLS]), `Elytron server-ssl-context default protocols${noTls13 ? ' (no TLS 1.3: cipher-suite-names is not set)' : ''} (${wildfly_1.ELYTRON_SERVER_SSL_CONTEXT.protocolsSource})`);
    if (filter) {
        const suites = suiteList(filter.value);
        if (suites && tls13Names)
            tls.cipherSuites = tracedAt(f, [...tls13Names, ...suites], filter.a);
        else if (!suites)
            unknown.add(f.doc.file.path, filter.a, 'an Elytron cipher-suite filter with keywords or operators: the suites it selects are not computed here');
    }
    const orderAttr = (0, xml_1.attr)(context, 'use-cipher-suites-order');
    const order = read(f, orderAttr, unknown);
    if (order && orderAttr)
        tls.serverOrderWins = tracedAt(f, order.value.trim().toLowerCase() === 'true', orderAttr);
    else if (!orderAttr)
        tls.serverOrderWins = defaulted(wildfly_1.ELYTRON_SERVER_SSL_CONTEXT.useCipherSuitesOrderDefault, `Elytron use-cipher-suites-order default (${wildfly_1.ELYTRON_SERVER_SSL_CONTEXT.useCipherSuitesOrderSource})`);
    const need = read(f, (0, xml_1.attr)(context, 'need-client-auth'), unknown);
    const want = read(f, (0, xml_1.attr)(context, 'want-client-auth'), unknown);
    const auth = need?.value.trim().toLowerCase() === 'true'
        ? ['required', need.a]
        : want?.value.trim().toLowerCase() === 'true'
            ? ['optional', want.a]
            : undefined;
    if (auth)
        tls.clientAuth = tracedAt(f, auth[0], auth[1]);
    const trust = {};
    const keyManager = (0, xml_1.attr)(context, 'key-manager')?.value;
    const manager = keyManager ? named(f.doc.data, 'key-manager', keyManager) : undefined;
    const keyStoreName = manager && (0, xml_1.attr)(manager, 'key-store')?.value;
    const generated = manager && (0, xml_1.attr)(manager, 'generate-self-signed-certificate-host')?.value;
    const keyStore = keyStoreName ? (0, jboss_stores_1.elytronKeyStore)(f, keyStoreName, generated) : undefined;
    if (keyStore)
        trust.keyStore = { ...keyStore, passwordAt: keyStore.passwordAt ?? (0, jboss_stores_1.credentialAt)(f.doc.file.path, manager) };
    const aliasFilter = manager && (0, xml_1.attr)(manager, 'alias-filter');
    // A single alias; a filter list (`ALL:-old`, `a,b`) leaves the choice to the key manager.
    if (aliasFilter && /^[\w.@-]+$/.test(aliasFilter.value) && !aliasFilter.value.startsWith('-'))
        trust.keyAlias = tracedAt(f, aliasFilter.value, aliasFilter);
    const trustManager = (0, xml_1.attr)(context, 'trust-manager')?.value;
    const tm = trustManager ? named(f.doc.data, 'trust-manager', trustManager) : undefined;
    const trustStoreName = tm && (0, xml_1.attr)(tm, 'key-store')?.value;
    const trustStore = trustStoreName ? (0, jboss_stores_1.elytronKeyStore)(f, trustStoreName) : undefined;
    if (trustStore)
        trust.trustStore = trustStore;
    return trust;
}
/** The TLS a legacy security realm's `<ssl>` and the listener's own attributes serve, and the realm's stores. */
function realmTls(f, realm, listener, tls, unknown) {
    const ssl = realm.children
        .find((c) => c.localName === 'server-identities')
        ?.children.find((c) => c.localName === 'ssl');
    const engine = ssl?.children.find((c) => c.localName === 'engine');
    const protocolsAttr = (0, xml_1.attr)(listener, 'enabled-protocols') ?? (engine && (0, xml_1.attr)(engine, 'enabled-protocols'));
    const protocols = read(f, protocolsAttr, unknown);
    const listed = protocols ? protocolList(protocols.value) : undefined;
    if (protocols && listed)
        tls.protocols = tracedAt(f, listed, protocols.a);
    else if (protocols)
        unknown.add(f.doc.file.path, protocols.a, 'protocols the knowledge base does not know');
    const suitesAttr = (0, xml_1.attr)(listener, 'enabled-cipher-suites') ?? (engine && (0, xml_1.attr)(engine, 'enabled-cipher-suites'));
    const suites = read(f, suitesAttr, unknown);
    const list = suites ? suiteList(suites.value) : undefined;
    if (suites && list)
        tls.cipherSuites = tracedAt(f, list, suites.a);
    else if (suites)
        unknown.add(f.doc.file.path, suites.a, 'cipher suites the knowledge base does not know');
    const verify = read(f, (0, xml_1.attr)(listener, 'verify-client'), unknown);
    const mode = verify?.value.trim().toUpperCase();
    if (verify && (mode === 'REQUIRED' || mode === 'REQUESTED'))
        tls.clientAuth = tracedAt(f, mode === 'REQUIRED' ? 'required' : 'optional', verify.a);
    const trust = {};
    const keystore = ssl?.children.find((c) => c.localName === 'keystore');
    const keyStore = keystore ? (0, jboss_stores_1.realmStore)(f, keystore) : undefined;
    if (keyStore)
        trust.keyStore = keyStore;
    const alias = keystore && (0, xml_1.attr)(keystore, 'alias');
    if (alias)
        trust.keyAlias = tracedAt(f, alias.value, alias);
    const truststore = realm.children
        .find((c) => c.localName === 'authentication')
        ?.children.find((c) => c.localName === 'truststore');
    const trustStore = truststore ? (0, jboss_stores_1.realmStore)(f, truststore) : undefined;
    if (trustStore)
        trust.trustStore = trustStore;
    return trust;
}
/** Whether a file is a copy in the server's configuration history (standalone_xml_history/…): written, not run. */
const inHistory = (file) => path
    .dirname(file)
    .split(path.sep)
    .some((d) => wildfly_1.JBOSS_HISTORY_DIRECTORIES.includes(d));
/**
 * One component per `<https-listener>` with an `ssl-context` or a `security-realm` whose element the file holds.
 * A listener naming neither, or a context or realm defined elsewhere (a domain's host.xml), is left out: what it
 * serves is not in this file. So are the copies in a configuration history directory (standalone_xml_history).
 * Configurations side by side that serve different TLS on a port leave which one runs unknown (./jboss-alternatives.ts).
 */
exports.jbossHttpsContributor = {
    id: 'jboss-https',
    reads: [jboss_1.JBOSS_SERVER_KIND],
    contribute(ctx) {
        const stores = (0, store_files_1.treeStoresOf)(ctx);
        const listeners = [];
        for (const doc of ctx.documentsOf(jboss_1.JBOSS_SERVER_KIND)) {
            if (inHistory(doc.file.path))
                continue;
            const f = { doc, properties: (0, jboss_expressions_1.jbossSystemProperties)(doc.data), stores };
            for (const listener of doc.data.elements.filter((e) => e.localName === 'https-listener')) {
                const built = listenerOf(ctx, f, listener);
                if (built)
                    listeners.push(built);
            }
        }
        (0, jboss_alternatives_1.markAlternativeConfigurations)(listeners);
        for (const listener of listeners)
            ctx.addComponent(listener);
    },
};
function listenerOf(ctx, f, listener) {
    const file = f.doc.file.path;
    const contextName = (0, xml_1.attr)(listener, 'ssl-context')?.value;
    const realmName = (0, xml_1.attr)(listener, 'security-realm')?.value;
    const context = contextName ? named(f.doc.data, 'server-ssl-context', contextName) : undefined;
    const realm = !context && realmName ? named(f.doc.data, 'security-realm', realmName) : undefined;
    if (!context && !realm)
        return undefined;
    const runtime = ctx.runtimeFor(file);
    const tls = { implementation: runtime?.vendor.value === 'ibm' ? 'ibmjsse2' : 'jsse' };
    const unknown = new Unknowns();
    const trust = context
        ? elytronTls(f, context, tls, unknown)
        : realm
            ? realmTls(f, realm, listener, tls, unknown)
            : {};
    tls.trust = (0, store_files_1.withJavaTrustDefault)(trust, (0, store_files_1.javaSystemStores)(runtime, f.stores, [path.dirname(file)]));
    if (unknown.values.length > 0) {
        tls.unknownValues = unknown.values;
        tls.unknownAt = unknown.at;
    }
    const name = (0, xml_1.attr)(listener, 'name')?.value ?? 'https';
    const port = portOf(f, (0, xml_1.attr)(listener, 'socket-binding')?.value);
    const relative = (0, paths_1.relativePosix)(ctx.deployment.root, file);
    return {
        id: `jboss.https-listener:${relative}#${listener.path}`,
        type: 'jboss.https-listener',
        name: `WildFly HTTPS listener ${name}${port ? ` :${port.port}` : ''} (${relative})`,
        role: 'server',
        location: { file, range: listener.range },
        host: ctx.hostOf(file),
        ...(runtime ? { runtime } : {}),
        tls,
        documents: [f.doc],
        attributes: {
            tlsPorts: port ? [port.port] : [],
            hostnames: [],
            listener: name,
            ...(context && contextName ? { sslContext: contextName } : {}),
            ...(realm && realmName ? { securityRealm: realmName } : {}),
        },
    };
}
