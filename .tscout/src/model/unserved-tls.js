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
exports.libertyServersServingNoTls = libertyServersServingNoTls;
exports.httpsSwitchedAtRunTime = httpsSwitchedAtRunTime;
exports.springHttpsOff = springHttpsOff;
/**
 * Servers whose settings name key stores but that serve no TLS in the run the tree shows (Deployment.unservedTls):
 * a Liberty server none of whose features includes ssl-1.0, a Spring Boot app whose `server.ssl.enabled` is a
 * placeholder that is not true while its variable is unset, or whose HTTPS settings are only in profiles the tree
 * does not show active. No server component is made of them; the derive stage tells their stores from ones nothing
 * names (DerivedModel.certificateFiles.notServed), so that messages name the setting and why nothing serves it.
 */
const path = __importStar(require("node:path"));
const placeholder_1 = require("../core/placeholder");
const spring_1 = require("../parse/spring");
const types_1 = require("../parse/types");
const xml_1 = require("../parse/xml");
const liberty_https_1 = require("./liberty-https");
const liberty_config_1 = require("./liberty-config");
const liberty_stores_1 = require("./liberty-stores");
const liberty_tls_1 = require("./liberty-tls");
const paths_1 = require("./paths");
const knowledge_1 = require("../knowledge");
const spring_bundle_1 = require("./spring-bundle");
const spring_settings_1 = require("./spring-settings");
const spring_stores_1 = require("./spring-stores");
/** Each Liberty server that serves no TLS (liberty-tls.ts `absent`), with the key stores its `<keyStore>` elements name. */
function libertyServersServingNoTls(ctx, stores) {
    const tls = (0, liberty_tls_1.libertyTlsOf)(ctx);
    return (0, liberty_config_1.libertyServersOf)(ctx).flatMap((config) => {
        const file = config.root.file.path;
        if (tls.get(file)?.state !== 'absent')
            return [];
        const featureManager = (0, xml_1.elementsNamed)(config.data.xml, 'featureManager')[0];
        const ids = new Set(['defaultKeyStore', ...config.data.keyStores.flatMap((k) => k.attrs.id?.value ?? [])]);
        return [
            {
                server: `Liberty server ${(0, paths_1.relativePosix)(ctx.deployment.root, file)}`,
                why: {
                    kind: 'no-ssl-feature',
                    at: featureManager ? { file: config.fileOf(featureManager), range: featureManager.range } : { file },
                },
                stores: [...ids].flatMap((id) => {
                    const store = (0, liberty_stores_1.libertyStoreOf)(config, id, stores);
                    return store ? [{ ...store, setting: `<keyStore id="${id}">` }] : [];
                }),
                home: path.dirname(file),
                closedHttpsPorts: (0, xml_1.elementsNamed)(config.data.xml, 'httpEndpoint').flatMap((endpoint) => {
                    const https = (0, liberty_https_1.httpsPortOf)(endpoint, config.data.variables);
                    if (!https)
                        return [];
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
function httpsSwitchedAtRunTime(settings) {
    const enabled = settings.setting('server.ssl.enabled');
    if (!enabled || !/\$\{/.test(enabled.value))
        return undefined;
    return (0, spring_1.springBoolean)((0, placeholder_1.placeholderDefault)(enabled.value) ?? '') !== true ? enabled : undefined;
}
/** The settings that give a Spring Boot app an HTTPS server (springServer's test, per profile). */
const HTTPS_ON = ['server.ssl.key-store', 'server.ssl.certificate', 'server.ssl.bundle'];
/**
 * A Spring Boot app of which no HTTPS server is made: when its settings would make one but for the switch
 * (`server.ssl.enabled: ${SSL_ENABLED:false}`, `switchedBy`), or when profiles turn HTTPS on that are not `active` (or
 * nothing settles which are), what the app's attributes say (JavaAppAttributes.httpsOnlyIfSet, httpsOnlyInProfiles)
 * and the stores those settings name.
 */
function springHttpsOff(client, springFiles, settings, { switchedBy, war, bundleUnbound, }, active, start, stores) {
    // A WAR Tomcat runs: whatever turns HTTPS on (the default settings, else a profile's) configures a server that never starts.
    if (war) {
        const on = HTTPS_ON.map((key) => settings.setting(key)).find((e) => e !== undefined);
        const at = on ? (0, types_1.entryLocation)(settings.doc(on), on, 'line') : profilesTurningHttpsOn(springFiles)[0]?.at;
        if (!at)
            return { attributes: {}, unserved: [] };
        const { container, copy, serverXml, serverXmlBy } = war;
        const why = {
            kind: 'spring-war-in-tomcat',
            at,
            container,
            copy,
            ...(serverXml && serverXmlBy && { serverXml, serverXmlBy }),
        };
        return {
            attributes: {},
            unserved: [{ server: client.name, why, stores: (0, spring_stores_1.springServerStores)(client, settings, stores) }],
        };
    }
    // server.ssl.bundle on a release that has no bundles, and no other setting turning HTTPS on: no TLS from the bundle.
    const bundled = bundleUnbound && (0, spring_bundle_1.namedBundle)(bundleUnbound.settings, 'server.ssl.bundle');
    if (bundleUnbound && bundled && !HTTPS_ON.some((key) => settings.setting(key))) {
        const why = {
            kind: 'spring-bundle-unsupported',
            at: (0, types_1.entryLocation)(bundleUnbound.settings.doc(bundled.name), bundled.name, 'line'),
            bundle: bundled.name.value.trim(),
            release: bundleUnbound.release,
            since: (0, knowledge_1.springBootSince)('sslBundles'),
        };
        const { bundle } = bundled;
        const own = bundle ? (0, spring_stores_1.bundleStores)(bundleUnbound.settings, stores, bundle) : {};
        const named = [
            [own.keyStore, bundle?.keyStore],
            [own.trustStore, bundle?.trustStore],
        ].flatMap(([store, setting]) => (store && setting ? [{ ...store, setting: setting.key }] : []));
        return { attributes: {}, unserved: [{ server: client.name, why, stores: named }] };
    }
    if (switchedBy && HTTPS_ON.some((key) => settings.setting(key))) {
        const httpsOnlyIfSet = {
            written: switchedBy.value.trim(),
            at: (0, types_1.entryLocation)(settings.doc(switchedBy), switchedBy, 'value'),
        };
        const why = { kind: 'switched-off', ...httpsOnlyIfSet };
        const named = (0, spring_stores_1.springServerStores)(client, settings, stores);
        return {
            attributes: { httpsOnlyIfSet },
            unserved: named.length > 0 ? [{ server: client.name, why, stores: named }] : [],
        };
    }
    // `server.ssl.enabled: false` written out: Spring Boot configures no SSL on its web server and opens none of the stores.
    const enabled = settings.setting('server.ssl.enabled');
    if (!switchedBy &&
        enabled &&
        (0, spring_1.springBoolean)(enabled.value) === false &&
        HTTPS_ON.some((key) => settings.setting(key))) {
        const named = (0, spring_stores_1.springServerStores)(client, settings, stores);
        const why = { kind: 'ssl-disabled', at: (0, types_1.entryLocation)(settings.doc(enabled), enabled, 'value') };
        return { attributes: {}, unserved: named.length > 0 ? [{ server: client.name, why, stores: named }] : [] };
    }
    // Profiles that turn HTTPS on: unsettled activation (JavaAppAttributes.httpsOnlyInProfiles), or not among the active ones.
    const places = profilesTurningHttpsOn(springFiles).filter((p) => !active?.names.includes(p.profile));
    const unserved = places.flatMap(({ profile, at }) => {
        const named = (0, spring_stores_1.springServerStores)(client, (0, spring_settings_1.springSettings)(springFiles, [profile], start, settings.servedAs), stores);
        const why = { kind: 'only-in-profile', profile, at, ...(active ? { active } : {}) };
        return named.length > 0 ? [{ server: client.name, why, stores: named }] : [];
    });
    return { attributes: !active && places.length > 0 ? { httpsOnlyInProfiles: places } : {}, unserved };
}
/** Where profiles turn HTTPS on: a key store, certificate or bundle, or `server.ssl.enabled=true` (JavaAppAttributes.httpsOnlyInProfiles). */
function profilesTurningHttpsOn(docs) {
    return docs.flatMap((d) => d.data.parts.flatMap((p) => {
        if (!p.profile)
            return [];
        const entry = HTTPS_ON.map((key) => (0, spring_1.springSetting)(p.entries, key)).find((e) => e !== undefined) ??
            [(0, spring_1.springSetting)(p.entries, 'server.ssl.enabled')].find((e) => e && (0, spring_1.springBoolean)(e.value) === true);
        return entry ? [{ profile: p.profile, setting: entry.key, at: (0, types_1.entryLocation)(d, entry, 'line') }] : [];
    }));
}
