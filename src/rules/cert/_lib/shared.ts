import type { RuleRelated } from '../../types';
import * as path from 'node:path';
import { fileUse } from '../../../derive/file-use';
import type { DerivedDeployment, NotServedBy } from '../../../derive/types';
import type { Deployment } from '../../../model/types';
import { directoryWords } from '../../../model/paths';
import type { TreeCertificate } from '../../../model/mq-certs';
import type { KeystoreData } from '../../../parse/keystore/format';
import { subjectLabel } from '../../../parse/certificate';
import type { Location } from '../../../core/types';
import { placeholderDefault } from '../../../core/placeholder';
import { TOMCAT_LEGACY_CONNECTOR_CERTIFICATE as LEGACY } from '../../../knowledge/tomcat';
import { isGskitDefaultSigner } from '../../../knowledge/gskit';
import { ours, said, type Phrase } from '../../../core/phrase';
import { posixPath, relativePosix } from '../../../core/posix-path';

export function certificatesOf(deployment: DerivedDeployment): TreeCertificate[] {
  return deployment.derived.certificates;
}

export function certLocation(c: TreeCertificate): Location {
  return { file: c.doc.file.path, range: c.cert.range };
}

/** What a store calls an entry's name: a CMS key database (GSKit, runmqakm `-label`) a label, a Java store an alias. */
export const entryWord = (storeType: string) => (storeType === 'CMS' ? 'label' : 'alias');

/**
 * A certificate as messages name it: its subject, and for one read from a key store the store and the
 * alias of its entry (`CN=app (alias 'server' in PKCS12 store key.p12)`, `(label 'qm1' in CMS store key.kdb)`); a PEM
 * certificate by its subject alone.
 */
export function certName(c: TreeCertificate): string {
  return c.store ? `${subjectLabel(c.cert)} (${storePlace(c)})` : subjectLabel(c.cert);
}

/** Where a store holds a certificate (`alias 'server' in PKCS12 store key.p12`); a PEM certificate's file name. */
export function storePlace(c: TreeCertificate): string {
  if (!c.store) return path.basename(c.doc.file.path);
  const entry = entryWord(c.store.type);
  const place =
    c.store.chainIndex > 0
      ? `certificate ${c.store.chainIndex + 1} of the chain of ${entry} '${c.store.alias}'`
      : `${entry} '${c.store.alias}'`;
  return `${place} in ${c.store.type} store ${path.basename(c.doc.file.path)}`;
}

/**
 * A copy the OpenSSL `ca` command keeps of each certificate it issues, named by its serial in `new_certs_dir`
 * (`$dir/newcerts` in the default openssl.cnf; https://docs.openssl.org/3.0/man1/openssl-ca/): the CA's record of
 * what it signed, not a certificate a component presents (PkayJava/tomcat-docker's apps/openssl/system/newcerts/01.pem).
 */
export function caRecordCopy(c: TreeCertificate): boolean {
  return !c.store && /(^|\/)newcerts\/[0-9A-Fa-f]+\.pem$/.test(posixPath(c.doc.file.path));
}

/**
 * Whether a certificate's dates matter to a handshake as far as its store says: a key entry's chain is
 * presented and validated; a trusted-cert entry is a trust anchor, which JSSE does not date-check (and
 * an expired self-signed certificate trusted directly is accepted), and a PKCS#12 certificate that is
 * neither is not used by Java at all. A CA's record copy is used by nothing.
 */
export function datesMatter(c: TreeCertificate): boolean {
  return (!c.store || c.store.entry === 'private-key') && !caRecordCopy(c);
}

// The fixed words of the reason a Liberty key store nothing refers to is not served: ours (src/core/phrase.ts), so a
// short password that is an ordinary word (msolberg/was-demo's basicRegistry passwords `other` and `only`) is never
// masked inside them.
const NO_ELEMENT_REFERS = ours('no <ssl> or other element of');
const NO_SETTING_NAMES = ours('no <ssl> keyStoreRef or trustStoreRef, nor any other setting, names');
const ONLY_DEFAULT_KEY_STORE = ours(
  "and only defaultKeyStore is used without one (Liberty's defaultSSLConfig), so no TLS configuration presents or trusts its certificates",
);

/**
 * Why no handshake the tree shows uses a certificate that only servers serving no TLS name or own
 * (CertificateFileUse.notServed), in words for a message (`{{why}}`), with the places that decide it: the setting that
 * names the store, and the switch, profile or Liberty feature list that leaves TLS off.
 */
export function notServedWhy(c: TreeCertificate, by: readonly NotServedBy[]): { why: Phrase; related: RuleRelated[] } {
  const file = path.basename(c.doc.file.path);
  const related: RuleRelated[] = [];
  // One place a line: the profile's key-store line both names the store and turns HTTPS on.
  const place = (at: Location, message: string | Phrase) => {
    const line = at.range?.start.line;
    if (!related.some((r) => r.file === at.file && r.range?.start.line === line)) related.push({ ...at, message });
  };
  for (const { server, namedAt } of by) {
    if (namedAt) place(namedAt, said`${server.server} names ${file} here`);
    const why = server.why;
    place(
      why.at,
      why.kind === 'no-ssl-feature'
        ? ours('these features include no ssl-1.0: Liberty opens no HTTPS listener')
        : why.kind === 'switched-off'
          ? said`${server.server} serves HTTPS only when this resolves to true`
          : why.kind === 'ssl-disabled'
            ? said`server.ssl.enabled is false: ${server.server} serves plain HTTP`
            : why.kind === 'tomcat-version'
              ? said`${LEGACY.readBy} read this Connector attribute; ${LEGACY.ignoredFrom} and later ignore it`
              : why.kind === 'tomcat-connector-not-started'
                ? why.clash
                  ? said`Tomcat ${why.release} refuses this server.xml (two SSLHostConfigs for ${why.clash.hostName}): no connector starts`
                  : said`this connector has no <SSLHostConfig>: Tomcat ${why.release} does not start it`
                : why.kind === 'tomcat-no-default-host-config'
                  ? said`no <SSLHostConfig> of this connector is for ${why.defaultName}: Tomcat does not start it`
                  : why.kind === 'tomcat-ssl-not-enabled'
                    ? ours('SSLEnabled is not true on this connector: Tomcat serves plain HTTP on its port')
                    : why.kind === 'tomcat-native-ciphers-refused'
                      ? ours(
                          'these ciphers give OpenSSL no cipher suite: Tomcat Native serves no TLS on this connector',
                        )
                      : why.kind === 'spring-war-in-tomcat'
                        ? ours(
                            `this sets up Spring Boot's embedded web server, which does not start: Tomcat runs the app as a WAR`,
                          )
                        : why.kind === 'spring-bundle-unsupported'
                          ? said`Spring Boot ${why.release.version} has no SSL bundles (from ${why.since}): it ignores this setting`
                          : why.kind === 'liberty-keystore-unreferenced'
                            ? said`${NO_ELEMENT_REFERS} ${server.server} refers to key store ${why.id}`
                            : said`profile ${why.profile} turns HTTPS on here`,
    );
    if (why.kind === 'tomcat-connector-not-started')
      place(why.releaseAt, said`Tomcat ${why.release.split(' ')[0]} runs this server.xml`);
    if (why.kind === 'spring-war-in-tomcat')
      place(why.copy, said`the WAR is copied into ${why.container}'s webapps here`);
    if (why.kind === 'spring-bundle-unsupported')
      place(why.release.at, said`${why.release.by} names Spring Boot ${why.release.version} here`);
    if (why.kind === 'only-in-profile' && why.active)
      place(why.active.location, said`the active profiles are set here: ${why.active.names.join(', ')}`);
  }
  const { server, namedAt } = by[0]!;
  const setting = namedAt && server.stores.find((s) => s.file === c.doc.file.path)?.setting;
  // A phrase, not one string: the server's name is masked as the name it is (a short password `Liberty` is a word of
  // `Liberty server …`), the file and the setting as the tree's values.
  const names = setting ? said`${server.server} names ${file} (${setting})` : undefined;
  const why = server.why;
  if (why.kind === 'no-ssl-feature')
    return {
      why: said`${names ? said`${names}, but serves no TLS` : said`it lies beside ${server.server}, which serves no TLS`}: none of its features includes ssl-1.0 (transportSecurity-1.0, or a feature built on it such as appSecurity, mpJwt or microProfile), so it opens no HTTPS listener and reads nothing from its key stores`,
      related,
    };
  const named = names ?? said`${server.server} names ${file}`;
  if (why.kind === 'liberty-keystore-unreferenced')
    return {
      why: said`${named}, but nothing in its configuration refers to that key store: ${NO_SETTING_NAMES} ${why.id}, ${ONLY_DEFAULT_KEY_STORE}`,
      related,
    };
  if (why.kind === 'tomcat-version')
    return {
      why: said`${named}, a Connector attribute ${LEGACY.readBy} read and ${LEGACY.ignoredFrom} and later ignore (10.0 and later do not start a TLS connector that has no <SSLHostConfig>), and the tree names no Tomcat version: whether the connector uses ${file} is unknown (an <SSLHostConfig><Certificate certificateFile="\u2026"/> is read by every Tomcat that has SSLHostConfig)`,
      related,
    };
  if (why.kind === 'tomcat-connector-not-started' && why.clash)
    return {
      why: said`${named}, but Tomcat ${why.release} refuses this server.xml: the Connector attributes ${why.clash.attributes.map((a) => a.name).join(', ')} of ${why.clash.server} and an <SSLHostConfig> beside them both make the SSLHostConfig for ${why.clash.hostName}, so no connector starts and nothing reads ${file}`,
      related,
    };
  if (why.kind === 'tomcat-connector-not-started')
    return {
      why: said`${named}, a Connector attribute Tomcat ${why.release} ignores (${LEGACY.readBy} read it): the connector has no <SSLHostConfig>, so Tomcat does not start it and reads nothing from ${file}`,
      related,
    };
  if (why.kind === 'tomcat-no-default-host-config')
    return {
      why: said`${named}, but none of its <SSLHostConfig>s is for ${why.defaultName}, its defaultSSLHostConfigName: Tomcat does not start the connector and reads nothing from ${file}`,
      related,
    };
  if (why.kind === 'tomcat-ssl-not-enabled')
    return {
      why: said`${named}, but its SSLEnabled is not true${why.written ? said` (${why.written.name}="${why.written.value}")` : ''}: Tomcat serves plain HTTP on the port and reads nothing from ${file}`,
      related,
    };
  if (why.kind === 'ssl-disabled')
    return {
      why: said`${named}, but its server.ssl.enabled is false: Spring Boot configures no TLS on the embedded server, serves plain HTTP and opens no key store`,
      related,
    };
  if (why.kind === 'tomcat-native-ciphers-refused')
    return {
      why: said`${named}, but its ciphers give OpenSSL no cipher suite: Tomcat Native serves no TLS on the connector, so no handshake presents ${file}`,
      related,
    };
  if (why.kind === 'spring-war-in-tomcat')
    return {
      why: said`${named}, but the app runs as a WAR in ${why.container}: Tomcat serves it with its own connectors, Spring Boot starts no embedded web server and nothing opens ${file}`,
      related,
    };
  if (why.kind === 'spring-bundle-unsupported')
    return {
      why: said`${server.server} names ${file} in its SSL bundle ${why.bundle}, which server.ssl.bundle hands its web server, but the project builds with Spring Boot ${why.release.version}, which has no SSL bundles (from ${why.since}): Boot binds neither setting, so the embedded server serves no TLS from the bundle and opens none of its stores`,
      related,
    };
  if (why.kind === 'only-in-profile')
    return {
      why: why.active
        ? said`${named} only in profile ${why.profile}, which is not active (the tree makes ${why.active.names.join(', ')} the active profile${why.active.names.length === 1 ? '' : ours('s')}): the run this tree shows serves no HTTPS from it`
        : said`${named} only in profile ${why.profile}, and the tree does not settle which profiles are active: whether it serves HTTPS at all is unknown`,
      related,
    };
  const fallback = placeholderDefault(why.written);
  return {
    why: said`${named}, but serves HTTPS only when ${why.written} resolves to true at run time, and ${
      fallback
        ? said`while the variable is unset it is ${fallback}: the run this tree shows serves plain HTTP and opens no store`
        : ours('the tree gives the variable no value and no default: whether it serves HTTPS is unknown')
    }`,
    related,
  };
}

/** Whether a component of the deployment uses the certificate's file (see derive/file-use.ts). */
export function certificateUse(deployment: DerivedDeployment, c: TreeCertificate): ReturnType<typeof fileUse> {
  const keyEntryAlias = c.store?.entry === 'private-key' ? c.store.alias : undefined;
  return fileUse(deployment.derived.certificateFiles, c.doc.file.path, c, keyEntryAlias, !c.store);
}

/** The fixed words of `storeRelated`. */
const OTHER_STORE_PASSWORD = ours("it opens with the password of this other store's setting");

/** For a certificate of a PKCS#12 store opened with a configured password: where that password is set (it decides that the certificate is read). */
export function storeRelated(c: TreeCertificate): { related?: RuleRelated[] } {
  const data = c.store ? (c.doc.data as Pick<KeystoreData, 'openedBy' | 'openedByOtherStoreSetting'>) : undefined;
  const at = data?.openedBy;
  const store = path.basename(c.doc.file.path);
  const message = data?.openedByOtherStoreSetting
    ? said`no setting names ${store}; ${OTHER_STORE_PASSWORD}`
    : said`${store} is opened with the value set here`;
  return at ? { related: [{ ...at, message }] } : {};
}

/**
 * A Linux distribution's CA trust bundle, written from the distribution's CA list by update-ca-trust (RHEL, Fedora:
 * /etc/pki/ca-trust/extracted/{pem,openssl,java}/…, with /etc/pki/tls/certs/ca-bundle.crt and /etc/pki/java/cacerts
 * linking there; update-ca-trust(8)) or update-ca-certificates (Debian, Ubuntu, Alpine: /etc/ssl/certs/
 * ca-certificates.crt; ca-certificates-java: /etc/ssl/certs/java/cacerts). A copy of a machine's /etc in a repository
 * (sweep44's anandjbangad/kafka_kerberose) holds them: 67 public roots' 1024-bit keys were reported.
 */
const DISTRIBUTION_TRUST_BUNDLE =
  /(^|\/)(pki\/ca-trust\/extracted\/|pki\/tls\/certs\/ca-bundle(\.trust)?\.crt$|pki\/java\/cacerts$|ssl\/certs\/ca-certificates\.crt$|ssl\/certs\/java\/cacerts$)/;

/**
 * A certificate the deployment neither uses nor maintains: a PKCS#12 bag Java ignores, a trusted entry of a bundled
 * JDK's own trust store (`lib/security/cacerts`, `jssecacerts`: the vendor's root CAs, replaced by JDK updates) or of a
 * distribution's trust bundle (its CA list's, replaced by its updates), or a signer GSKit's tools put in a CMS key
 * database by themselves (its vendor roots).
 */
export function unusedOrVendors(c: TreeCertificate): boolean {
  const file = posixPath(c.doc.file.path);
  if (!c.store) return DISTRIBUTION_TRUST_BUNDLE.test(file);
  // A PKCS#12 certificate bag that is neither a key's chain nor marked trusted is not used by Java at all.
  if (c.store.entry === 'certificate') return true;
  if (c.store.entry !== 'trusted-cert') return false;
  if (c.store.type === 'CMS' && isGskitDefaultSigner(c.cert.fingerprintSha256)) return true;
  return /(^|\/)lib\/security\/(jsse)?cacerts$/.test(file) || DISTRIBUTION_TRUST_BUNDLE.test(file);
}

/** Fingerprint parts that tell a store's copy of a certificate from other copies (none for a PEM file: unchanged). */
export function storeFingerprint(c: TreeCertificate): string[] {
  return c.store ? [path.basename(c.doc.file.path), c.store.alias, String(c.store.chainIndex)] : [];
}

export function ownerName(deployment: Deployment, c: TreeCertificate): string {
  return relativePosix(deployment.root, c.ownerDir) || '.';
}

/** The owner directory as a message names it (../../../model/paths.ts directoryWords). */
export function ownerWords(deployment: Deployment, c: TreeCertificate): string {
  return directoryWords(ownerName(deployment, c));
}

/** "Now" for expiry rules: the `referenceDate` option (ISO date, for reproducible CI runs) or the clock. */
export function referenceNow(option: string | undefined): Date {
  const d = option ? new Date(option) : new Date();
  return Number.isNaN(d.getTime()) ? new Date() : d;
}

export const DAY_MS = 86_400_000;
