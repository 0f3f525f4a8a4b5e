"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.quarkusServer = quarkusServer;
const quarkus_1 = require("../knowledge/quarkus");
const spring_1 = require("../parse/spring");
const types_1 = require("../parse/types");
const java_shared_1 = require("./java-shared");
const spring_stores_1 = require("./spring-stores");
const store_files_1 = require("./store-files");
const regex_1 = require("../core/regex");
const quarkus_settings_1 = require("./quarkus-settings");
const CLIENT_AUTH = { none: 'none', request: 'optional', required: 'required' };
/** A suite written by its JSSE name. */
const JSSE_SUITE_NAME = /^(TLS|SSL)_[A-Za-z0-9_]+$/;
const LEGACY = {
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
        if (!file)
            return undefined;
        const type = q.get('quarkus.http.ssl.certificate.trust-store-file-type');
        const password = q.get('quarkus.http.ssl.certificate.trust-store-password');
        return { stores: [{ location: file, ...optional('type', type), ...optional('password', password) }] };
    },
    protocols: 'quarkus.http.ssl.protocols',
    cipherSuites: 'quarkus.http.ssl.cipher-suites',
};
function registry(name) {
    const prefix = name ? `quarkus.tls.${name}.` : 'quarkus.tls.';
    return {
        kind: 'registry',
        label: `${prefix}*`,
        keyStore(q) {
            for (const format of ['p12', 'jks']) {
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
            const pem = new RegExp(`^${(0, regex_1.escapeRegExp)(prefix)}key-store\\.pem\\.([^.]+)\\.cert$`);
            const pairs = [
                ...q.namesMatching(pem).map((n) => pem.exec(n)[1]),
                ...q.startKeys(prefix, /^KEY_STORE_PEM_([A-Z0-9_]+)_CERT$/).map((k) => k.toLowerCase()),
            ].sort();
            const cert = pairs[0] === undefined ? undefined : q.get(`${prefix}key-store.pem.${pairs[0]}.cert`);
            return cert ? { location: cert, type: 'PEM' } : undefined;
        },
        trustStore(q) {
            for (const format of ['p12', 'jks']) {
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
            if (!certs)
                return undefined;
            // Each item is one file; a single entry (`a.pem,b.pem`) names them all at its value's place.
            const stores = certs.values.map((value) => ({
                location: { ...certs.at, entry: { ...certs.at.entry, value } },
                type: 'PEM',
            }));
            return { stores, list: certs.at };
        },
        protocols: `${prefix}protocols`,
        cipherSuites: `${prefix}cipher-suites`,
    };
}
const optional = (key, e) => (e ? { [key]: e } : {});
/**
 * The store with the password the run loads it with judged as a file's own password setting is (withRefusedPassword,
 * cert/store-password-wrong), at that setting's place: a start's variable, a `-D`, a file's setting. A refusal names
 * what else decides it: the setting that names the store, and the app's files that make it a Quarkus app.
 */
function passwordJudged(ref, s, docs, stores) {
    const password = s.password;
    if (!password || password.unresolved)
        return ref;
    const written = s.location.entry.value.trim();
    // A relative path resolves from the working directory or the class path (the app's resources).
    const classPath = docs.find((d) => /[\\/]src[\\/]main[\\/]resources[\\/]/.test(d.file.path))?.file.path;
    const bases = [s.location.doc.file.path, ...(classPath ? [classPath] : [])].flatMap((f) => (0, spring_1.springResourceBases)(f, written));
    const at = { file: password.doc.file.path, range: password.entry.keyRange };
    const own = { value: password.entry.value, at, key: password.entry.key };
    const judged = (0, store_files_1.withRefusedPassword)(ref, own, stores, written, bases);
    if (!judged.passwordRefused)
        return judged;
    const context = [];
    if (s.location.doc !== password.doc)
        context.push({
            ...(0, types_1.entryLocation)(s.location.doc, s.location.entry, 'line'),
            message: `${s.location.entry.key} names the store`,
        });
    if (docs[0] && !docs.some((d) => d === s.location.doc || d === password.doc))
        context.push({ file: docs[0].file.path, message: 'the configuration of the Quarkus app the start runs' });
    return context.length > 0 ? { ...judged, passwordRefused: { ...judged.passwordRefused, context } } : judged;
}
/** Collects what the tree leaves unknown about the server. */
class Unknowns {
    values = [];
    at = [];
    add(e, what, why) {
        this.values.push(what);
        this.at.push({ ...(0, types_1.entryLocation)(e.doc, e.entry, 'value'), message: why });
    }
}
/**
 * The Quarkus app's HTTPS server, when its configuration gives the server a key store or PEM certificate: the TLS
 * source Quarkus picks, its lists (or Quarkus's defaults), client authentication and stores. `settings` are the app's
 * Spring-shaped settings (./spring-settings.ts), used for where a file's relative paths resolve.
 */
function quarkusServer(docs, settings, app, stores, start, workingDirectory) {
    if (!(0, quarkus_settings_1.isQuarkus)(docs))
        return undefined;
    const q = new quarkus_settings_1.QuarkusSettings(docs, start, workingDirectory());
    const unknown = new Unknowns();
    const literal = (e, what) => {
        if (e && (e.unresolved || store_files_1.PLACEHOLDER.test(e.entry.value))) {
            unknown.add(e, `${e.entry.key}=${e.entry.value.trim()}`, e.why ??
                (e.unresolved
                    ? `${what} is set at run time (${e.entry.key})`
                    : `${what} is set by a placeholder the tree does not resolve`));
            return undefined;
        }
        return e;
    };
    const named = q.get('quarkus.http.tls-configuration-name');
    if (named && (named.unresolved || store_files_1.PLACEHOLDER.test(named.entry.value)))
        return undefined;
    const name = named?.entry.value.trim();
    const source = name
        ? registry(name)
        : q.namesMatching(/^quarkus\.tls\.(?:key-store|trust-store)\./).length > 0 ||
            q.startSets(/^QUARKUS_TLS_(?:KEY|TRUST)_STORE_/)
            ? registry(undefined)
            : LEGACY;
    const key = source.keyStore(q);
    if (!key)
        return undefined;
    const file = key.location.doc.file.path;
    const tls = { implementation: app.tls?.implementation ?? 'jsse' };
    const protocols = source.protocols;
    const written = q.list(protocols);
    // A placeholder leaves the list unknown (literal() says so).
    if (written) {
        if (literal(written.at, protocols))
            tls.protocols = (0, java_shared_1.tracedEntry)(written.at.doc, written.at.entry, written.values);
    }
    else {
        const fallback = quarkus_1.QUARKUS_HTTPS.protocols(source.kind);
        tls.protocols = {
            value: fallback.value,
            from: { kind: 'default', origin: fallback.origin, confidence: 'verified' },
        };
    }
    const suites = q.list(source.cipherSuites);
    if (suites && literal(suites.at, source.cipherSuites)) {
        if (suites.values.every((v) => JSSE_SUITE_NAME.test(v)))
            tls.cipherSuites = (0, java_shared_1.tracedEntry)(suites.at.doc, suites.at.entry, suites.values);
        else
            unknown.add(suites.at, `${suites.at.entry.key}=${suites.at.entry.value.trim()}`, `${source.cipherSuites} names suites lint-deploy does not read as JSSE names`);
    }
    // Client authentication is the HTTP server's own setting whichever source gives the stores.
    const clientAuth = literal(q.get('quarkus.http.ssl.client-auth'), 'quarkus.http.ssl.client-auth');
    const mode = clientAuth && CLIENT_AUTH[clientAuth.entry.value.trim().toLowerCase()];
    if (clientAuth && mode)
        tls.clientAuth = (0, java_shared_1.tracedEntry)(clientAuth.doc, clientAuth.entry, mode);
    const storeOf = (s) => {
        const places = [s.location, s.type === 'PEM' ? undefined : s.type, s.password];
        const docOf = (e) => places.find((p) => p?.entry === e)?.doc ?? s.location.doc;
        const type = s.type === 'PEM' ? 'PEM' : s.type?.entry;
        const ref = (0, spring_stores_1.storeNamedBy)({ ...settings, doc: docOf }, stores, s.location.entry, type, s.password?.entry);
        return ref && passwordJudged(ref, s, docs, stores);
    };
    const trust = {};
    const keyStore = storeOf(key);
    if (keyStore)
        trust.keyStore = keyStore;
    const alias = key.alias && literal(key.alias, key.alias.name);
    if (alias)
        trust.keyAlias = (0, java_shared_1.tracedEntry)(alias.doc, alias.entry, alias.entry.value.trim());
    const trusted = source.trustStore(q);
    const trustStores = trusted?.stores.flatMap((s) => storeOf(s) ?? []) ?? [];
    if (trustStores[0])
        trust.trustStore = trustStores[0];
    // Several PEM files are one trust list: one the tree does not hold leaves the anchors unknown, never a refusal.
    if (trusted?.list && trustStores.length > 1) {
        const outside = trustStores.filter((s) => !s.file).map((s) => s.path.value);
        trust.unknown = {
            why: outside.length
                ? `${trusted.list.entry.key} also names ${outside.join(', ')}, which the tree does not hold`
                : `${trusted.list.entry.key} names ${trustStores.length} files; lint-deploy reads the first as the trust store`,
            at: (0, types_1.entryLocation)(trusted.list.doc, trusted.list.entry, 'value'),
        };
    }
    const bases = [file.replace(/[\\/][^\\/]*$/, '')];
    tls.trust = (0, store_files_1.withJavaTrustDefault)(trust, (0, store_files_1.javaSystemStores)(app.runtime, stores, bases));
    if (keyStore)
        tls.certificate = {
            ...(keyStore.file ? { file: keyStore.file } : { file: keyStore.path.value.replace(/^(classpath|file):/, '') }),
            reference: (0, types_1.entryLocation)(key.location.doc, key.location.entry, 'value'),
            ...(keyStore.type ? { storeType: keyStore.type.value } : {}),
        };
    const portEntry = literal(q.get('quarkus.http.ssl-port'), 'quarkus.http.ssl-port');
    const portWritten = portEntry && /^\d+$/.test(portEntry.entry.value.trim()) ? Number(portEntry.entry.value.trim()) : undefined;
    const port = q.get('quarkus.http.ssl-port') ? portWritten : quarkus_1.QUARKUS_HTTPS.port;
    const undecided = q.undecided();
    if (undecided.length > 0) {
        const profiles = [...new Set(undecided.flatMap((e) => e.profiles ?? []).filter((p) => !quarkus_settings_1.NOT_RUN.has(p)))];
        unknown.values.push(`the active Quarkus profile: ${profiles.join(', ')} set${profiles.length === 1 ? 's' : ''} the HTTPS server's settings (the packaged app runs ${q.active}; declare QUARKUS_PROFILE in the tree)`);
        unknown.at.push(...undecided.map((e) => ({
            ...(0, types_1.entryLocation)(e.doc, e.entry, 'line'),
            message: `profile ${e.profiles.join(',')} sets ${e.name}`,
        })));
    }
    if (unknown.values.length > 0) {
        tls.unknownValues = unknown.values;
        tls.unknownAt = unknown.at;
    }
    const label = app.id.slice('java.app:'.length);
    return {
        id: `quarkus.server:${label}:${port ?? portEntry?.entry.value.trim() ?? '?'}`,
        type: 'quarkus.server',
        name: `Quarkus HTTPS server (${app.host || '.'}, port ${port ?? q.get('quarkus.http.ssl-port')?.entry.value.trim()})`,
        role: 'server',
        location: (0, types_1.entryLocation)(key.location.doc, key.location.entry, 'line'),
        host: app.host,
        ...(app.runtime ? { runtime: app.runtime } : {}),
        tls,
        documents: [...new Set([...docs])],
        attributes: {
            tlsPorts: port ? [port] : [],
            hostnames: [],
            tlsSource: source.label,
            profile: q.active,
        },
    };
}
