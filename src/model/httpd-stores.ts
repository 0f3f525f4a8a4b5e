/** Key and trust stores of Apache httpd ends: a virtual host (SSLCertificateFile, SSLCACertificateFile) and its proxy. */
import * as path from 'node:path';
import { PLACEHOLDER, type TreeStores } from './store-files';
import { pemThroughMounts } from './nginx-stores';
import { opensslServerTrust } from './haproxy-stores';
import type { TreeMount } from './compose-mounts';
import type { HttpdProxyComponent, HttpdServerComponent, TlsTrustSettings } from './types';

/** PEM files an httpd end names: relative paths are relative to the ServerRoot (measured), else to the file. */
function pemOf(component: HttpdServerComponent | HttpdProxyComponent, stores: TreeStores, mounts: TreeMount[]) {
  const file = component.location.file;
  const root = component.attributes.serverRoot;
  return pemThroughMounts(file, stores, mounts, 'httpd', root ? [root, path.dirname(file)] : [path.dirname(file)]);
}

/**
 * httpd (OpenSSL) as a server: its first SSLCertificateFile presents the chain in file order (with
 * SSLCertificateChainFile's certificates); SSLCACertificateFile holds the anchors client certificates are checked against.
 */
export function httpdServerTrust(
  component: HttpdServerComponent,
  stores: TreeStores,
  mounts: TreeMount[],
): TlsTrustSettings {
  const pem = pemOf(component, stores, mounts);
  const trust = opensslServerTrust(component.tls?.certificate, component.attributes.caFile, pem);
  const chain = component.attributes.chainFile;
  if (trust.keyStore && chain && !PLACEHOLDER.test(chain.value)) trust.chainStores = [pem(chain)];
  return trust;
}

/**
 * httpd as a client of an https backend: SSLProxyMachineCertificateFile is the client certificate it sends,
 * SSLProxyCACertificateFile the anchors it checks the backend against — with SSLProxyVerify require, optional or
 * optional_no_ca (default none: nothing is checked).
 */
export function httpdProxyTrust(
  component: HttpdProxyComponent,
  stores: TreeStores,
  mounts: TreeMount[],
): TlsTrustSettings {
  const pem = pemOf(component, stores, mounts);
  const { verify, caFile, machineCertificate, caUnknown } = component.attributes;
  // A backend always sends its certificate, so `optional` fails the proxied request on a verify error as `require`
  // does; `optional_no_ca` forgives an unknown issuer only (measured: test/interop/httpd-proxy-level.test.ts).
  const trust: TlsTrustSettings = {
    defaultTrust: 'none',
    verifiesPeer: { value: verify.value !== 'none', from: verify.from },
    ...(verify.value === 'optional_no_ca' ? { acceptsUnknownIssuer: true } : {}),
  };
  if (machineCertificate && !PLACEHOLDER.test(machineCertificate.value)) trust.keyStore = pem(machineCertificate);
  if (caFile && !PLACEHOLDER.test(caFile.value)) trust.trustStore = pem(caFile);
  // mod_ssl loads no system store: without SSLProxyCACertificateFile nothing is trusted, unless a file the tree does not
  // hold sets one.
  else if ((verify.value === 'require' || verify.value === 'optional') && caUnknown)
    trust.unknown = { why: caUnknown, at: verify.from.kind === 'file' ? verify.from.location : component.location };
  return trust;
}
