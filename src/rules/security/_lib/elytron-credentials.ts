import type { Entry, ParsedDocument } from '../../../parse/types';
import { JBOSS_SERVER_KIND } from '../../../parse/jboss';
import { JBOSS_CLI_KIND, type JbossCliData } from '../../../parse/jboss-cli';
import { attr, type XmlData, type XmlElement } from '../../../parse/xml';

/** How an Elytron `<credential-reference clear-text=…>` is used: which element holds it, and what its store serves. */
export interface ElytronCredentialUse {
  /** `key-store appSecKeyStore`, `key-manager httpsKM`, `credential-store cs`: for the message. */
  owner: string;
  /**
   * `generated`: the store a key-manager fills with a self-signed certificate it makes on first use
   * (`generate-self-signed-certificate-host`, WildFly's stock `applicationKS`); `trust`: a key-store only trust-managers
   * read (public CA certificates).
   */
  serves?: { kind: 'generated'; store: string; host: string } | { kind: 'trust'; store: string };
}

/**
 * The `<credential-reference>` of a WildFly / JBoss configuration that writes this entry's `clear-text` password: a
 * key store's, a key manager's (the key's password) or a credential store's. The attribute specifies "a clear text
 * password" (https://docs.wildfly.org/wildfly-proposals/elytron/WFCORE-4150-credential-store-automatic-updates.html).
 */
export function elytronCredentialUse(doc: ParsedDocument, entry: Entry): ElytronCredentialUse | undefined {
  if (doc.kind === JBOSS_CLI_KIND) return cliCredentialUse(doc.data as JbossCliData, entry);
  if (doc.kind !== JBOSS_SERVER_KIND) return undefined;
  if (LEGACY_KEYSTORE_PASSWORD.has(entry.key)) return legacyRealmStore(doc.data as XmlData, entry);
  if (entry.key !== 'credential-reference@clear-text') return undefined;
  const data = doc.data as XmlData;
  const reference = data.elements.find((e) => e.path === entry.section);
  const holder = reference?.parent;
  if (!holder) return undefined;
  const name = attr(holder, 'name')?.value ?? '';
  const owner = name ? `${holder.localName} ${name}` : holder.localName;
  const store =
    holder.localName === 'key-store'
      ? name
      : holder.localName === 'key-manager'
        ? attr(holder, 'key-store')?.value
        : '';
  if (!store) return { owner };
  const using = (localName: string): XmlElement[] =>
    data.elements.filter((e) => e.localName === localName && attr(e, 'key-store')?.value === store);
  const managers = using('key-manager');
  const host =
    managers.map((m) => attr(m, 'generate-self-signed-certificate-host')?.value).find((h) => h) ??
    legacyGeneratedHost(data, store);
  if (host) return { owner, serves: { kind: 'generated', store, host } };
  if (holder.localName === 'key-store' && managers.length === 0 && using('trust-manager').length > 0)
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
function legacyRealmStore(data: XmlData, entry: Entry): ElytronCredentialUse | undefined {
  const keystore = data.elements.find((e) => e.path === entry.section);
  if (keystore?.localName !== 'keystore' || keystore.parent?.localName !== 'ssl') return undefined;
  let realm = keystore.parent.parent;
  while (realm && realm.localName !== 'security-realm') realm = realm.parent;
  const name = realm ? attr(realm, 'name')?.value : undefined;
  const owner = name ? `security-realm ${name}` : 'security realm';
  const host = attr(keystore, 'generate-self-signed-certificate-host')?.value;
  const store = attr(keystore, 'path')?.value;
  return host && store ? { owner, serves: { kind: 'generated', store, host } } : undefined;
}

/**
 * The host a legacy realm generates the file of Elytron key-store `store` for, when the two name one file (path and
 * relative-to): Keycloak 9–11's standalone.xml (WildFly 18–21) defines `applicationKS` on `application.keystore` with
 * `clear-text="password"` and no generating key-manager, beside the ApplicationRealm that generates that very file
 * (ansible-middleware/keycloak@74ca1e0 roles/keycloak/templates/9.0.2/standalone-infinispan.xml.j2).
 */
function legacyGeneratedHost(data: XmlData, store: string): string | undefined {
  const keyStore = data.elements.find((e) => e.localName === 'key-store' && attr(e, 'name')?.value === store);
  const file = data.elements.find((e) => e.localName === 'file' && e.parent === keyStore);
  const path = file && attr(file, 'path')?.value;
  if (!path) return undefined;
  const relativeTo = attr(file, 'relative-to')?.value;
  const legacy = data.elements.find(
    (e) =>
      e.localName === 'keystore' &&
      e.parent?.localName === 'ssl' &&
      attr(e, 'path')?.value === path &&
      attr(e, 'relative-to')?.value === relativeTo,
  );
  return legacy && attr(legacy, 'generate-self-signed-certificate-host')?.value;
}

/**
 * The same for a jboss-cli script's operations (../../../parse/jboss-cli.ts): `/…/key-store=ks:add(…,
 * credential-reference={clear-text=…})` with a `key-manager:add(key-store=ks, generate-self-signed-certificate-host=…)`,
 * or a legacy realm's `server-identity=ssl:add(keystore-password=…, generate-self-signed-certificate-host=…)` (WildFly's
 * own bin/migrate-standalone.cli writes the stock ApplicationRealm so).
 */
function cliCredentialUse(data: JbossCliData, entry: Entry): ElytronCredentialUse | undefined {
  const operation = data.operations.find(
    (o) =>
      entry.key.startsWith(`${o.resource}.`) && o.params.get(entry.key.slice(o.resource.length + 1)) === entry.value,
  );
  if (!operation) return undefined;
  const key = entry.key.slice(operation.resource.length + 1);
  const [type = '', name = ''] = operation.resource.split('=');
  if (type === 'server-identity' && (key === 'keystore-password' || key === 'key-password')) {
    const host = operation.params.get('generate-self-signed-certificate-host');
    const store = operation.params.get('keystore-path');
    return host && store ? { owner: 'security realm', serves: { kind: 'generated', store, host } } : undefined;
  }
  if (key !== 'credential-reference.clear-text') return undefined;
  const owner = `${type} ${name}`;
  const store = type === 'key-store' ? name : type === 'key-manager' ? operation.params.get('key-store') : undefined;
  if (!store) return { owner };
  const using = (managerType: string) =>
    data.operations.filter((o) => o.resource.startsWith(`${managerType}=`) && o.params.get('key-store') === store);
  const host = using('key-manager')
    .map((m) => m.params.get('generate-self-signed-certificate-host'))
    .find((h) => h);
  if (host) return { owner, serves: { kind: 'generated', store, host } };
  if (type === 'key-store' && using('key-manager').length === 0 && using('trust-manager').length > 0)
    return { owner, serves: { kind: 'trust', store } };
  return { owner };
}
