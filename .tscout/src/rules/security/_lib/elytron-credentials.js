"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.elytronCredentialUse = elytronCredentialUse;
const jboss_1 = require("../../../parse/jboss");
const jboss_cli_1 = require("../../../parse/jboss-cli");
const xml_1 = require("../../../parse/xml");
/**
 * The `<credential-reference>` of a WildFly / JBoss configuration that writes this entry's `clear-text` password: a
 * key store's, a key manager's (the key's password) or a credential store's. The attribute specifies "a clear text
 * password" (https://docs.wildfly.org/wildfly-proposals/elytron/WFCORE-4150-credential-store-automatic-updates.html).
 */
function elytronCredentialUse(doc, entry) {
    if (doc.kind === jboss_cli_1.JBOSS_CLI_KIND)
        return cliCredentialUse(doc.data, entry);
    if (doc.kind !== jboss_1.JBOSS_SERVER_KIND)
        return undefined;
    if (LEGACY_KEYSTORE_PASSWORD.has(entry.key))
        return legacyRealmStore(doc.data, entry);
    if (entry.key !== 'credential-reference@clear-text')
        return undefined;
    const data = doc.data;
    const reference = data.elements.find((e) => e.path === entry.section);
    const holder = reference?.parent;
    if (!holder)
        return undefined;
    const resource = (e) => ({
        type: e.localName,
        name: (0, xml_1.attr)(e, 'name')?.value ?? '',
        keyStore: (0, xml_1.attr)(e, 'key-store')?.value,
        generatesFor: (0, xml_1.attr)(e, 'generate-self-signed-certificate-host')?.value,
    });
    const managers = data.elements.filter((e) => MANAGER_TYPES.has(e.localName)).map(resource);
    return credentialUse(resource(holder), managers, (store) => legacyGeneratedHost(data, store));
}
/** The resources that read a key-store: what decides the use of a key-store's password. */
const MANAGER_TYPES = new Set(['key-manager', 'trust-manager']);
/**
 * The use of the clear-text password `holder` writes, given the configuration's key- and trust-`managers`
 * (standalone.xml's elements or a jboss-cli script's operations): a key store a key-manager fills with a self-signed
 * certificate (`legacyHost`: one a legacy realm generates on the same file), or a key store only trust-managers read.
 */
function credentialUse(holder, managers, legacyHost = () => undefined) {
    const owner = holder.name ? `${holder.type} ${holder.name}` : holder.type;
    const store = holder.type === 'key-store' ? holder.name : holder.type === 'key-manager' ? holder.keyStore : '';
    if (!store)
        return { owner };
    const using = (type) => managers.filter((r) => r.type === type && r.keyStore === store);
    const keyManagers = using('key-manager');
    const host = keyManagers.map((m) => m.generatesFor).find((h) => h) ?? legacyHost(store);
    if (host)
        return { owner, serves: { kind: 'generated', store, host } };
    if (holder.type === 'key-store' && keyManagers.length === 0 && using('trust-manager').length > 0)
        return { owner, serves: { kind: 'trust', store } };
    return { owner };
}
/** The passwords of a legacy security realm's `<server-identities><ssl><keystore>`. */
const LEGACY_KEYSTORE_PASSWORD = new Set(['keystore@keystore-password', 'keystore@key-password']);
/**
 * A legacy security realm's key store that WildFly fills on first use with a self-signed certificate for
 * `generate-self-signed-certificate-host` (WFCORE-1576: "lazily generate a self-signed certificate on first use for a
 * specified host name when using legacy security", https://docs.wildfly.org/wildfly-proposals/elytron/WFCORE-5095-automatic-self-signed-certificate-generation.html;
 * WildFly's and JBoss EAP 7's stock ApplicationRealm: `<keystore path="application.keystore" keystore-password="password"
 * key-password="password" generate-self-signed-certificate-host="localhost"/>`, which logs WFLYDM0111 "it will be auto
 * generated on first use with a self signed certificate"). Its passwords guard a development store.
 */
function legacyRealmStore(data, entry) {
    const keystore = data.elements.find((e) => e.path === entry.section);
    if (keystore?.localName !== 'keystore' || keystore.parent?.localName !== 'ssl')
        return undefined;
    let realm = keystore.parent.parent;
    while (realm && realm.localName !== 'security-realm')
        realm = realm.parent;
    const name = realm ? (0, xml_1.attr)(realm, 'name')?.value : undefined;
    const owner = name ? `security-realm ${name}` : 'security realm';
    const host = (0, xml_1.attr)(keystore, 'generate-self-signed-certificate-host')?.value;
    const store = (0, xml_1.attr)(keystore, 'path')?.value;
    return host && store ? { owner, serves: { kind: 'generated', store, host } } : undefined;
}
/**
 * The host a legacy realm generates the file of Elytron key-store `store` for, when the two name one file (path and
 * relative-to): Keycloak 9–11's standalone.xml (WildFly 18–21) defines `applicationKS` on `application.keystore` with
 * `clear-text="password"` and no generating key-manager, beside the ApplicationRealm that generates that very file
 * (ansible-middleware/keycloak@74ca1e0 roles/keycloak/templates/9.0.2/standalone-infinispan.xml.j2).
 */
function legacyGeneratedHost(data, store) {
    const keyStore = data.elements.find((e) => e.localName === 'key-store' && (0, xml_1.attr)(e, 'name')?.value === store);
    const file = data.elements.find((e) => e.localName === 'file' && e.parent === keyStore);
    const path = file && (0, xml_1.attr)(file, 'path')?.value;
    if (!path)
        return undefined;
    const relativeTo = (0, xml_1.attr)(file, 'relative-to')?.value;
    const legacy = data.elements.find((e) => e.localName === 'keystore' &&
        e.parent?.localName === 'ssl' &&
        (0, xml_1.attr)(e, 'path')?.value === path &&
        (0, xml_1.attr)(e, 'relative-to')?.value === relativeTo);
    return legacy && (0, xml_1.attr)(legacy, 'generate-self-signed-certificate-host')?.value;
}
/**
 * The same for a jboss-cli script's operations (../../../parse/jboss-cli.ts): `/…/key-store=ks:add(…,
 * credential-reference={clear-text=…})` with a `key-manager:add(key-store=ks, generate-self-signed-certificate-host=…)`,
 * or a legacy realm's `server-identity=ssl:add(keystore-password=…, generate-self-signed-certificate-host=…)` (WildFly's
 * own bin/migrate-standalone.cli writes the stock ApplicationRealm so).
 */
function cliCredentialUse(data, entry) {
    const operation = data.operations.find((o) => entry.key.startsWith(`${o.resource}.`) && o.params.get(entry.key.slice(o.resource.length + 1)) === entry.value);
    if (!operation)
        return undefined;
    const key = entry.key.slice(operation.resource.length + 1);
    if (operation.resource.startsWith('server-identity=') && (key === 'keystore-password' || key === 'key-password')) {
        const host = operation.params.get('generate-self-signed-certificate-host');
        const store = operation.params.get('keystore-path');
        return host && store ? { owner: 'security realm', serves: { kind: 'generated', store, host } } : undefined;
    }
    if (key !== 'credential-reference.clear-text')
        return undefined;
    // A resource has the attributes its :add gives and those a later :write-attribute sets: WildFly's own migrate-*.cli
    // add key-manager applicationKM, then write its generate-self-signed-certificate-host (WFCORE-5095; ravi-pmp/rhsso@
    // ef94214 bin/migrate-standalone.cli).
    const attributes = new Map();
    for (const o of data.operations)
        attributes.set(o.resource, new Map([...(attributes.get(o.resource) ?? []), ...o.params]));
    const resource = (name) => {
        const at = name.indexOf('=');
        const params = attributes.get(name);
        return {
            type: name.slice(0, at),
            name: name.slice(at + 1),
            keyStore: params?.get('key-store'),
            generatesFor: params?.get('generate-self-signed-certificate-host'),
        };
    };
    const managers = [...attributes.keys()].map(resource).filter((r) => MANAGER_TYPES.has(r.type));
    return credentialUse(resource(operation.resource), managers);
}
