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
exports.jettyHttpsContributor = void 0;
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
const path = __importStar(require("node:path"));
const ciphers_1 = require("../knowledge/ciphers");
const dropwizard_1 = require("../knowledge/dropwizard");
const jetty_1 = require("../knowledge/jetty");
const jetty_2 = require("../parse/jetty");
const text_1 = require("../parse/text");
const xml_1 = require("../parse/xml");
const jetty_bases_1 = require("./jetty-bases");
const jetty_release_1 = require("./jetty-release");
const jetty_settings_1 = require("./jetty-settings");
const jetty_values_1 = require("./jetty-values");
const paths_1 = require("./paths");
const store_files_1 = require("./store-files");
const jetty_password_1 = require("../parse/jetty-password");
const STOCK_ID = 'sslContextFactory';
/** A literal include pattern (`TLSv1.2`, `TLSv1\.2`, a suite name): the one name it matches. */
const LITERAL = /^(?:[\w-]|\\\.|\.)+$/;
exports.jettyHttpsContributor = {
    id: 'jetty-https',
    reads: [jetty_2.JETTY_START_KIND, jetty_2.JETTY_XML_KIND],
    contribute(ctx) {
        const inis = ctx.documentsOf(jetty_2.JETTY_START_KIND);
        const xmls = ctx.documentsOf(jetty_2.JETTY_XML_KIND);
        const mods = ctx.documentsOf(jetty_2.JETTY_MODULE_KIND);
        const stores = (0, store_files_1.treeStoresOf)(ctx);
        const found = (0, jetty_release_1.jettyReleaseOf)(ctx);
        const release = found === 'conflict' ? undefined : found;
        for (const base of (0, jetty_bases_1.jettyBases)(inis, xmls, mods))
            for (const end of endsOf(ctx, base, stores, release))
                ctx.addComponent(end);
    },
};
/** The base's start properties; a name two files set differently is null (unknown). `?=` sets only what is unset. */
function startProperties(inis) {
    const out = new Map();
    for (const pass of ['=', '?='])
        for (const doc of inis)
            for (const p of doc.data.properties) {
                const op = p.op === '+=' ? '=' : p.op;
                if (op !== pass)
                    continue;
                const known = out.get(p.key);
                const at = { file: doc.file.path, range: p.valueRange };
                if (pass === '?=' && out.has(p.key))
                    continue;
                // `+=` appends to what another file may set; a spaced name is not the property (unknown either way).
                if (p.op === '+=' || p.spaced || (known && known.value !== p.value))
                    out.set(p.key, null);
                else if (known === undefined)
                    out.set(p.key, { value: p.value, at });
            }
    return out;
}
function endsOf(ctx, base, stores, release) {
    const properties = startProperties(base.inis);
    const modules = (0, jetty_bases_1.baseModules)(base);
    const rows = (0, jetty_1.jettySslContextRows)(release?.version);
    // Only what start.jar applies configures the server.
    const factories = base.xmls
        .filter((doc) => modules.applies(doc.file.path))
        .flatMap((doc) => (0, jetty_values_1.sslFactories)(doc.data).map((f) => ({ ...f, doc })));
    const ends = [];
    // The ssl module's factory: the base's own jetty-ssl-context.xml (or a `New id="sslContextFactory"`), else Jetty's.
    const stock = factories.filter((f) => f.id === STOCK_ID);
    const definition = stock.find((f) => f.defines || path.basename(f.doc.file.path) === 'jetty-ssl-context.xml');
    const at = modules.sslAt[0] ?? (definition ? { file: definition.doc.file.path, range: definition.element.range } : undefined);
    // With start files, the ssl module makes the factory; without, an XML that makes it.
    const on = modules.started ? modules.sslAt.length > 0 : definition !== undefined;
    if (at && on && rows.length > 0) {
        const env = (file, text) => ({ properties, file, source: sourceOf(text) });
        const tweaks = stock
            .filter((f) => f !== definition)
            .flatMap((f) => (0, jetty_values_1.factoryOperations)(f.element, env(f.doc.file.path, f.doc.file.text)));
        const own = definition
            ? (0, jetty_values_1.factoryOperations)(definition.element, env(definition.doc.file.path, definition.doc.file.text))
            : undefined;
        const perRow = rows.map((row) => {
            const sets = own ?? stockOperations(row.sets, env);
            return { row, operations: [...sets, ...tweaks] };
        });
        const settings = (0, jetty_settings_1.settingsOf)(perRow, release);
        const port = portOf(properties);
        ends.push(endOf(ctx, base, stores, release, { id: STOCK_ID, at, settings, ports: port ? [port] : [] }));
    }
    // Other factories a connector of their file serves (a Shibboleth IdP's back-channel connector).
    for (const f of factories) {
        if (!f.defines || !f.id || f.id === STOCK_ID)
            continue;
        const connector = connectorServing(f.doc.data, f.id);
        if (!connector)
            continue;
        const env = { properties, file: f.doc.file.path, source: sourceOf(f.doc.file.text) };
        const settings = (0, jetty_settings_1.settingsOf)([{ row: undefined, operations: (0, jetty_values_1.factoryOperations)(f.element, env) }], release);
        const portSet = connector.children.find((c) => c.localName === 'Set' && (0, xml_1.attr)(c, 'name')?.value === 'port');
        const port = portSet ? (0, jetty_values_1.content)(portSet, env) : undefined;
        const ports = port?.kind === 'value' && port.value && /^\d+$/.test(port.value) ? [Number(port.value)] : [];
        const where = { file: f.doc.file.path, range: f.element.range };
        ends.push(endOf(ctx, base, stores, release, { id: f.id, at: where, settings, ports }));
    }
    return ends;
}
const sourceOf = (text) => ({ text, index: new text_1.LineIndex(text) });
/** The operations of Jetty's own etc/jetty-ssl-context.xml Sets (knowledge) on the start properties. */
function stockOperations(sets, env) {
    const text = `<Configure>${sets.join('')}</Configure>`;
    const root = (0, xml_1.parseXml)(text).data.root;
    return root ? (0, jetty_values_1.factoryOperations)(root, env(undefined, text)) : [];
}
/** The ssl connector's port: `jetty.ssl.port` (or its deprecated name) from the start files, else Jetty's default. */
function portOf(properties) {
    for (const name of jetty_1.JETTY_SSL_PORT.names) {
        const p = properties.get(name);
        if (p === null)
            return undefined;
        if (p)
            return /^\d+$/.test(p.value.trim()) ? Number(p.value.trim()) : undefined;
    }
    return jetty_1.JETTY_SSL_PORT.default;
}
/** The `ServerConnector` of a Jetty XML whose connection factories refer to the factory `id`. */
function connectorServing(data, id) {
    const refers = (el) => (el.localName === 'Ref' && (0, xml_1.attr)(el, 'refid')?.value === id) || el.children.some(refers);
    return data.elements.find((el) => el.localName === 'New' && /ServerConnector$/.test((0, xml_1.attr)(el, 'class')?.value ?? '') && refers(el));
}
function endOf(ctx, base, stores, release, factory) {
    const file = factory.at.file;
    const runtime = ctx.runtimeFor(file);
    const tls = { implementation: runtime?.vendor.value === 'ibm' ? 'ibmjsse2' : 'jsse' };
    const { settings } = factory;
    const unknownValues = [];
    const unknownAt = [];
    const note = (what, why, where) => {
        unknownValues.push(what);
        unknownAt.push({ ...(where ?? factory.at), message: why });
    };
    for (const u of settings.unknown)
        note(u.what, u.why, u.at);
    lists(tls, settings, release, note);
    const order = settings.value('useciphersuitesorder');
    tls.serverOrderWins = order
        ? { value: order.value !== 'false', from: order.from }
        : {
            value: jetty_1.JETTY_FACTORY.useCipherSuitesOrderDefault,
            from: { kind: 'default', origin: `Jetty SslContextFactory (${jetty_1.JETTY_FACTORY.useCipherSuitesOrderSource})` },
        };
    const need = settings.value('needclientauth');
    const want = settings.value('wantclientauth');
    if (need?.value === 'true')
        tls.clientAuth = { value: 'required', from: need.from };
    else if (want?.value === 'true')
        tls.clientAuth = { value: 'optional', from: want.from };
    const dir = base.dir;
    const keyStore = storeOf(settings, 'keystore', dir, ctx, stores);
    const trustStore = storeOf(settings, 'truststore', dir, ctx, stores);
    tls.trust = { defaultTrust: 'none', ...(keyStore ? { keyStore } : {}) };
    if (trustStore)
        tls.trust.trustStore = trustStore;
    else if (keyStore && settings.isNull('truststorepath') && jetty_1.JETTY_FACTORY.trustStoreIsKeyStore)
        tls.trust.trustStore = {
            ...keyStore,
            setting: `KeyStorePath (Jetty trusts the key store when no TrustStorePath is set: ${jetty_1.JETTY_FACTORY.trustStoreSource})`,
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
    const relative = (0, paths_1.relativePosix)(ctx.deployment.root, dir);
    const label = factory.id === STOCK_ID ? 'Jetty HTTPS' : `Jetty TLS connector (${factory.id})`;
    return {
        id: `jetty.https-connector:${relative}#${factory.id}`,
        type: 'jetty.https-connector',
        name: `${label}${factory.ports[0] ? ` :${factory.ports[0]}` : ''} (${relative || '.'})`,
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
        },
    };
}
/** A key or trust store the factory names: its path below the base resolved to the tree's file, type and password place. */
function storeOf(settings, which, dir, ctx, stores) {
    const written = settings.value(`${which}path`);
    if (!written?.value || store_files_1.PLACEHOLDER.test(written.value.replace(jetty_values_1.JETTY_BASE, '')))
        return undefined;
    // Below the base: the rest of the path, its slashes joined (`${jetty.base}//opt/k.p12` is the base's opt/k.p12).
    const resolved = written.value.startsWith(jetty_values_1.JETTY_BASE)
        ? written.value.slice(jetty_values_1.JETTY_BASE.length).replace(/^\/+/, '')
        : written.value;
    const type = settings.value(`${which}type`) ?? (which === 'keystore' ? settings.keyStoreTypeDefault : undefined);
    const passwordAt = settings.writtenAt(`${which}password`);
    const pathValue = { value: resolved, from: written.from };
    const containerBase = (containerFile) => {
        const d = path.posix.dirname(containerFile);
        return ['start.d', 'etc'].includes(path.posix.basename(d)) ? path.posix.dirname(d) : d;
    };
    const bases = [dir, ctx.deployment.root];
    const ref = (0, store_files_1.storeRef)(pathValue, bases, stores, type ?? undefined, passwordAt, resolved, containerBase);
    const setting = which === 'keystore' ? 'KeyStore' : 'TrustStore';
    // The password as the tree writes it (a start property, the base's XML), OBF: decoded as Jetty does before loading.
    const writtenPassword = passwordAt && settings.value(`${which}password`)?.value;
    const password = writtenPassword === undefined ? undefined : (0, jetty_password_1.jettyPassword)(writtenPassword);
    const own = password === undefined
        ? undefined
        : { value: password, at: passwordAt, key: writtenName(ctx, passwordAt, `${setting}Password`) };
    return { ...(0, store_files_1.withRefusedPassword)(ref, own, stores, resolved, bases), setting: `${setting}Path` };
}
/** The include lists (literal names only) and the exclusion patterns, written or the release's defaults. */
function lists(tls, settings, release, note) {
    const include = (name) => {
        const list = settings.list(name);
        if (!list)
            return undefined;
        if (!list.value.every((v) => LITERAL.test(v))) {
            const at = list.from.kind === 'file' ? list.from.location : undefined;
            note(`${name}: ${list.value.join(', ')}`, `${name} holds a pattern: the names it selects from the JDK's supported list are not computed here`, at);
            return undefined;
        }
        return { value: list.value.map((v) => v.replace(/\\\./g, '.')), from: list.from };
    };
    const protocols = include('includeprotocols');
    if (protocols)
        tls.protocols = { value: protocols.value.map((p) => (0, ciphers_1.parseProtocol)(p) ?? p), from: protocols.from };
    const suites = include('includeciphersuites');
    if (suites) {
        const unknownNames = suites.value.filter((n) => !/_SCSV$/.test(n) && !(0, ciphers_1.findCipherSuite)(n));
        if (unknownNames.length > 0) {
            const at = suites.from.kind === 'file' ? suites.from.location : undefined;
            note(`IncludeCipherSuites: ${unknownNames.join(', ')}`, 'IncludeCipherSuites names suites lint-deploy does not know: Jetty keeps those the JDK supports, drops the others', at);
        }
        else
            tls.cipherSuites = { value: suites.value.filter((n) => !/_SCSV$/.test(n)), from: suites.from };
    }
    const { current, alternative } = (0, jetty_1.jettyDefaultExclusions)(release?.version);
    const exclusions = (name, fallback) => {
        const written = settings.list(name, fallback.value);
        const list = written ??
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
        const bad = list.value.find((v) => !(0, dropwizard_1.jettyPattern)(v));
        if (bad === undefined)
            return list;
        note(`${name}: ${bad}`, `${name} holds a Java pattern lint-deploy does not read the same way`, list.from.kind === 'file' ? list.from.location : undefined);
        return undefined;
    };
    const excludedProtocols = exclusions('excludeprotocols', current.protocols);
    const excludedSuites = exclusions('excludeciphersuites', current.cipherSuites);
    if (!excludedProtocols || !excludedSuites)
        return;
    const jetty = { protocols: excludedProtocols, cipherSuites: excludedSuites };
    if (tls.protocols || tls.cipherSuites) {
        jetty.included = {
            ...(tls.protocols ? { protocols: tls.protocols.value } : {}),
            ...(tls.cipherSuites ? { cipherSuites: tls.cipherSuites.value } : {}),
        };
        // Written include lists lose here what the patterns match, as Jetty's selection does: rules read what Jetty keeps.
        const kept = (0, dropwizard_1.jettyExcluded)(excludedProtocols.value, excludedSuites.value, tls.protocols?.value ?? [], tls.cipherSuites?.value ?? []);
        if (tls.protocols)
            tls.protocols = { ...tls.protocols, value: kept.protocols };
        if (tls.cipherSuites)
            tls.cipherSuites = { ...tls.cipherSuites, value: kept.suites };
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
function writtenName(ctx, at, fallback) {
    const doc = ctx.deployment.documents.find((d) => d.file.path === at.file && d.kind === jetty_2.JETTY_START_KIND);
    const line = at.range?.start.line;
    const entry = doc?.entries.find((e) => e.keyRange.start.line === line || e.valueRange.start.line === line);
    return entry?.key ?? fallback;
}
