/** Key and trust stores of nginx ends: a TLS server (ssl_*) and a proxy to TLS upstreams (proxy_ssl_*). */
import * as path from 'node:path';
import type { Location } from '../core/types';
import { NGINX_FACTS } from '../knowledge/openssl';
import { PLACEHOLDER, storeRef, type TreeStores } from './store-files';
import { treeFileInContainer, type TreeMount } from './compose-mounts';
import type { NginxWorkloadApi } from './attributes';
import type { NginxComponent, NginxProxyComponent, StoreRef, TlsTrustSettings } from './types';

/**
 * nginx (OpenSSL): the first ssl_certificate file presents its chain in file order; ssl_client_certificate
 * (else ssl_trusted_certificate) holds the anchors client certificates are verified against, to
 * ssl_verify_depth (default 1); nothing else is trusted. Relative paths are relative to the configuration directory.
 */
export function nginxTrust(
  component: NginxComponent,
  stores: TreeStores,
  mounts: TreeMount[] = [],
): TlsTrustSettings | undefined {
  const directives = component.attributes.storeDirectives;
  if (!directives) return undefined;
  const pem = pemThroughMounts(component.location.file, stores, mounts);
  const trust: TlsTrustSettings = { defaultTrust: 'none' };
  const workloadApi = component.attributes.workloadApi;
  if (workloadApi) return { ...trust, ...fromWorkloadApi(workloadApi) };
  // The first ssl_certificate the server block (else the enclosing level) sets, as the nginx contributor found it.
  const certificate = component.tls?.certificate;
  if (certificate?.file && certificate.reference && !PLACEHOLDER.test(certificate.file))
    trust.keyStore = pem({ value: certificate.file, location: certificate.reference });
  const anchors = directives.ssl_client_certificate ?? directives.ssl_trusted_certificate;
  if (anchors && !PLACEHOLDER.test(anchors.value)) trust.trustStore = pem(anchors);
  const depth = directives.ssl_verify_depth;
  trust.verifyDepth =
    depth && /^\d+$/.test(depth.value)
      ? { value: Number(depth.value), from: { kind: 'file', location: depth.location } }
      : { value: 1, from: { kind: 'default', origin: 'nginx default ssl_verify_depth 1', confidence: 'verified' } };
  return trust;
}

/**
 * nginx as a client (proxy_pass https): proxy_ssl_certificate is the client certificate it sends;
 * proxy_ssl_trusted_certificate the anchors it checks the upstream against, to proxy_ssl_verify_depth (default
 * 1), only with proxy_ssl_verify on (default off: nothing is checked).
 */
export function nginxProxyTrust(
  component: NginxProxyComponent,
  stores: TreeStores,
  mounts: TreeMount[] = [],
): TlsTrustSettings {
  const { storeDirectives: directives, verify } = component.attributes;
  const pem = pemThroughMounts(component.location.file, stores, mounts);
  const trust: TlsTrustSettings = { defaultTrust: 'none', verifiesPeer: verify };
  if (component.attributes.workloadApi) return { ...trust, ...fromWorkloadApi(component.attributes.workloadApi) };
  const certificate = directives.proxy_ssl_certificate;
  if (certificate && !PLACEHOLDER.test(certificate.value)) trust.keyStore = pem(certificate);
  const anchors = directives.proxy_ssl_trusted_certificate;
  if (anchors && !PLACEHOLDER.test(anchors.value)) trust.trustStore = pem(anchors);
  const depth = directives.proxy_ssl_verify_depth;
  trust.verifyDepth =
    depth && /^\d+$/.test(depth.value)
      ? { value: Number(depth.value), from: { kind: 'file', location: depth.location } }
      : {
          value: NGINX_FACTS.proxyVerifyDepthDefault.value,
          from: { kind: 'default', origin: 'nginx default proxy_ssl_verify_depth 1', confidence: 'verified' },
        };
  return trust;
}

/**
 * A PEM file an nginx directive names (relative paths from the configuration's directory), read as the container that
 * Compose mounts the configuration into reads it: the tree file a mount of that container puts at the written path, or,
 * when that mount's host path is not in the tree, a store outside it that no tree file of its name is
 * (microservices-security-in-action/samples@c3c2dcf chapter10/sample03 mounts ./keys/ca/ca_cert.pem, which its
 * gen-key.sh writes, at /etc/nginx/ca_cert.pem; other chapters' ca_cert.pem are not it). With no mount at that path,
 * the written path is resolved as before.
 */
/** PEM files a configuration names, read where the tree holds them (also through Compose mounts into `program`'s container). */
export function pemThroughMounts(
  configFile: string,
  stores: TreeStores,
  mounts: TreeMount[],
  program = 'nginx',
  bases = [path.dirname(configFile)],
) {
  return (d: { value: string; location: Location }): StoreRef => {
    const written = { value: d.value, from: { kind: 'file' as const, location: d.location } };
    const type = { value: 'PEM', from: { kind: 'file' as const, location: d.location } };
    const mounted = mounts.length > 0 ? treeFileInContainer(mounts, configFile, d.value, program) : undefined;
    if (!mounted) return storeRef(written, bases, stores, type);
    const at = { file: mounted.by.file, range: mounted.by.mount.range };
    if (stores.typeOf(mounted.file) === undefined) return { path: written, type, mountedFromOutside: at };
    // Where the mount is said too: a change to it alone moves what the store is (pre-commit re-lints what a finding names).
    return { ...storeRef(written, bases, stores, type, undefined, mounted.file), mountedAt: at };
  };
}

/**
 * SPIFFE's nginx fork with `ssl_spiffe on` / `proxy_ssl_spiffe on`: the SVID it presents and the bundle it checks its
 * peer against come from the SPIFFE Workload API at run time, so both are stores outside the tree (unknown).
 */
function fromWorkloadApi(api: NginxWorkloadApi): Pick<TlsTrustSettings, 'keyStore' | 'trustStore'> {
  const store = (what: string) => ({
    path: { value: `the ${what} of the SPIFFE Workload API`, from: { kind: 'file' as const, location: api.at } },
    setting: api.directive,
    fetchedAtRunTime: true as const,
  });
  return { keyStore: store('X.509-SVID'), trustStore: store('trust bundle') };
}
