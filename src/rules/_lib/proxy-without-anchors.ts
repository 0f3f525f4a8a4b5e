/**
 * The nginx and httpd proxies that verify their backend with no CA file at all, which their products' rules report as
 * errors (nginx/verify-without-ca-certificates, httpd/proxy-verify-without-ca): OpenSSL has no default store there, so
 * the proxy trusts nothing. The trust of their links is then not unknown, and is not said again as such.
 */
import type { DerivedDeployment } from '../../derive/types';
import type { Component, HttpdProxyComponent } from '../../model/types';

/**
 * httpd: SSLProxyEngine on and SSLProxyVerify require or optional (optional_no_ca forgives an unknown issuer) with no
 * SSLProxyCACertificateFile or SSLProxyCACertificatePath at any level, and no level the tree does not hold.
 */
export function httpdProxyWithoutAnchors({ attributes: a }: HttpdProxyComponent): boolean {
  return (
    a.engine.value &&
    !a.engineUnknown &&
    (a.verify.value === 'require' || a.verify.value === 'optional') &&
    !a.caFile &&
    !a.caPath &&
    !a.caUnknown
  );
}

/** Whether the proxy is one its product's rule reports as verifying with no CA file (nginx: the model's list of those). */
export function proxyWithoutAnchors(deployment: DerivedDeployment, c: Component): boolean {
  if (c.type === 'httpd.proxy') return httpdProxyWithoutAnchors(c);
  if (c.type !== 'nginx.proxy') return false;
  const line = c.location.range?.start.line;
  return (deployment.nginxVerifyWithoutAnchors ?? []).some((v) =>
    v.passes.some((p) => p.at.file === c.location.file && p.at.range?.start.line === line),
  );
}
