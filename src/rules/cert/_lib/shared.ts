import * as path from 'node:path';
import { relativePosix } from '../../../model/paths';
import { fileUse } from '../../../derive/file-use';
import type { DerivedDeployment } from '../../../derive/types';
import type { Deployment } from '../../../model/types';
import type { TreeCertificate } from '../../../model/mq-certs';
import type { Location, RelatedLocation } from '../../../core/types';
import type { LibertyData } from '../../../parse/liberty';
import type { ParsedDocument } from '../../../parse/types';
import { elementsNamed } from '../../../parse/xml';

export function certificatesOf(deployment: DerivedDeployment): TreeCertificate[] {
  return deployment.derived.certificates;
}

export function certLocation(c: TreeCertificate): Location {
  return { file: c.doc.file.path, range: c.cert.range };
}

/**
 * A certificate as messages name it: its subject, and for one read from a key store the store and the
 * alias of its entry (`CN=app (alias 'server' in PKCS12 store key.p12)`); a PEM certificate by its subject alone.
 */
export function certName(c: TreeCertificate): string {
  if (!c.store) return c.cert.subjectText;
  const place =
    c.store.chainIndex > 0
      ? `certificate ${c.store.chainIndex + 1} of the chain of alias '${c.store.alias}'`
      : `alias '${c.store.alias}'`;
  return `${c.cert.subjectText} (${place} in ${c.store.type} store ${path.basename(c.doc.file.path)})`;
}

/**
 * A copy the OpenSSL `ca` command keeps of each certificate it issues, named by its serial in `new_certs_dir`
 * (`$dir/newcerts` in the default openssl.cnf; https://docs.openssl.org/3.0/man1/openssl-ca/): the CA's record of
 * what it signed, not a certificate a component presents (PkayJava/tomcat-docker's apps/openssl/system/newcerts/01.pem).
 */
export function caRecordCopy(c: TreeCertificate): boolean {
  return !c.store && /(^|\/)newcerts\/[0-9A-Fa-f]+\.pem$/.test(c.doc.file.path.split(path.sep).join('/'));
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

/**
 * The Liberty server (its server.xml) whose directory holds the certificate when that server serves no TLS: none of
 * its features includes ssl-1.0, so it opens no HTTPS listener and presents nothing from its key stores
 * (Deployment.tlsLessHomes, model/liberty-tls.ts).
 */
export function tlsLessLibertyServer(deployment: DerivedDeployment, c: TreeCertificate): Location | undefined {
  if (!deployment.tlsLessHomes?.includes(c.ownerDir)) return undefined;
  const server = deployment.documents.find(
    (d) => d.kind === 'liberty.server-xml' && path.dirname(d.file.path) === c.ownerDir && !d.embedded,
  ) as ParsedDocument<LibertyData> | undefined;
  if (!server) return undefined;
  const featureManager = elementsNamed(server.data.xml, 'featureManager')[0];
  return { file: server.file.path, ...(featureManager ? { range: featureManager.range } : {}) };
}

/** Whether a component of the deployment uses the certificate's file (see derive/file-use.ts). */
export function certificateUse(deployment: DerivedDeployment, c: TreeCertificate): ReturnType<typeof fileUse> {
  const keyEntryAlias = c.store?.entry === 'private-key' ? c.store.alias : undefined;
  return fileUse(deployment.derived.certificateFiles, c.doc.file.path, c.homeConfig, keyEntryAlias);
}

/** For a certificate of a PKCS#12 store opened with a configured password: where that password is set (it decides that the certificate is read). */
export function storeRelated(c: TreeCertificate): { related?: RelatedLocation[] } {
  const at = c.store && 'openedBy' in c.doc.data ? c.doc.data.openedBy : undefined;
  return at
    ? { related: [{ ...at, message: `${path.basename(c.doc.file.path)} is opened with the value set here` }] }
    : {};
}

/**
 * A store certificate the deployment neither uses nor maintains: a PKCS#12 bag Java ignores, or a trusted
 * entry of a bundled JDK's own trust store (`lib/security/cacerts`, `jssecacerts`: the vendor's root CAs,
 * replaced by JDK updates).
 */
export function unusedOrVendors(c: TreeCertificate): boolean {
  if (!c.store) return false;
  // A PKCS#12 certificate bag that is neither a key's chain nor marked trusted is not used by Java at all.
  if (c.store.entry === 'certificate') return true;
  if (c.store.entry !== 'trusted-cert') return false;
  const file = c.doc.file.path.split(path.sep).join('/');
  return /(^|\/)lib\/security\/(jsse)?cacerts$/.test(file);
}

/** Fingerprint parts that tell a store's copy of a certificate from other copies (none for a PEM file: unchanged). */
export function storeFingerprint(c: TreeCertificate): string[] {
  return c.store ? [path.basename(c.doc.file.path), c.store.alias, String(c.store.chainIndex)] : [];
}

export function ownerName(deployment: Deployment, c: TreeCertificate): string {
  return relativePosix(deployment.root, c.ownerDir) || '.';
}

/** "Now" for expiry rules: the `referenceDate` option (ISO date, for reproducible CI runs) or the clock. */
export function referenceNow(option: string | undefined): Date {
  const d = option ? new Date(option) : new Date();
  return Number.isNaN(d.getTime()) ? new Date() : d;
}

export const DAY_MS = 86_400_000;
