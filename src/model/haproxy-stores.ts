/** Key and trust stores of HAProxy ends: a `bind … ssl` (crt, ca-file) and a `server … ssl` (crt, ca-file, verify). */
import * as path from 'node:path';
import { PLACEHOLDER, storeRef, type TreeStores } from './store-files';
import type { HaproxyPath } from './attributes';
import type { Location } from '../core/types';
import type { CertificateRef, HaproxyBindComponent, HaproxyServerComponent, StoreRef, TlsTrustSettings } from './types';

function pemOf(component: HaproxyBindComponent | HaproxyServerComponent, stores: TreeStores) {
  const bases = [path.dirname(component.location.file)];
  return (p: HaproxyPath) =>
    storeRef({ value: p.value, from: { kind: 'file', location: p.location } }, bases, stores, {
      value: 'PEM',
      from: { kind: 'file', location: p.location },
    });
}

/**
 * HAProxy (OpenSSL) as a server: the first crt file presents its chain in file order; ca-file holds the anchors client
 * certificates are verified against; nothing else is trusted (HAProxy loads no default store for a bind).
 */
export function haproxyBindTrust(component: HaproxyBindComponent, stores: TreeStores): TlsTrustSettings {
  return opensslServerTrust(component.tls?.certificate, component.attributes.caFile, pemOf(component, stores));
}

/**
 * An OpenSSL server's stores (HAProxy bind, httpd virtual host): its first certificate file presents its chain in file
 * order, the CA file holds the anchors client certificates are verified against, nothing else is trusted.
 */
export function opensslServerTrust(
  certificate: CertificateRef | undefined,
  anchors: { value: string; location: Location } | undefined,
  pem: (p: { value: string; location: Location }) => StoreRef,
): TlsTrustSettings {
  const trust: TlsTrustSettings = { defaultTrust: 'none' };
  if (certificate?.file && certificate.reference && !PLACEHOLDER.test(certificate.file))
    trust.keyStore = pem({ value: certificate.file, location: certificate.reference });
  if (anchors && !PLACEHOLDER.test(anchors.value)) trust.trustStore = pem(anchors);
  return trust;
}

/**
 * HAProxy as a client of a server line: crt is the client certificate it sends; ca-file the anchors it checks the
 * server against when verify is required (HAProxy's default), nothing when verify none.
 */
export function haproxyServerTrust(component: HaproxyServerComponent, stores: TreeStores): TlsTrustSettings {
  const pem = pemOf(component, stores);
  const { verify, caFile, crt } = component.attributes;
  const trust: TlsTrustSettings = {
    defaultTrust: 'none',
    verifiesPeer: { value: verify.value === 'required', from: verify.from },
  };
  if (crt && !PLACEHOLDER.test(crt.value)) trust.keyStore = pem(crt);
  if (caFile && !PLACEHOLDER.test(caFile.value)) trust.trustStore = pem(caFile);
  return trust;
}
