/**
 * The ends that verify their peer with no CA file at all, which their products' rules report as certain failures
 * (nginx/verify-without-ca-certificates, httpd/proxy-verify-without-ca, haproxy/verify-without-ca-file): OpenSSL has no
 * default store there, so nginx and HAProxy refuse to start and httpd fails every proxied request. The trust of their
 * links is then not unknown, and is not said again as such.
 */
import type { DerivedDeployment } from '../../derive/types';
import type { Component, HaproxyBindComponent, HaproxyServerComponent, HttpdProxyComponent } from '../../model/types';

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

/**
 * HAProxy `server … ssl` that verifies (written, or by default without `-dV`) with no ca-file, outside a `.if` block:
 * HAProxy refuses to start ("verify is enabled by default but no CA file specified", measured with 2.6.12 `haproxy -c`).
 * `verifyOff`: the deployment starts HAProxy with `-dV` (DerivedModel.haproxyVerifyOff).
 */
export function haproxyServerWithoutCaFile({ attributes: a }: HaproxyServerComponent, verifyOff: boolean): boolean {
  if (a.conditional || a.verify.value !== 'required' || a.caFile) return false;
  return a.verify.from.kind === 'file' || !verifyOff;
}

/** HAProxy `bind … ssl verify optional|required` with no ca-file on the line, outside a `.if` block: HAProxy refuses to start. */
export function haproxyBindWithoutCaFile(component: HaproxyBindComponent): boolean {
  const mode = component.tls?.clientAuth;
  return (
    !component.attributes.conditional &&
    !component.attributes.caFile &&
    mode?.from.kind === 'file' &&
    mode.value !== 'none'
  );
}

/**
 * Whether an end of a link verifies its peer with no CA file in a way its product's rule reports as a certain failure
 * (nginx: the model's list of those proxies; HAProxy: whether the deployment starts it with `-dV`, derived once).
 */
function verifiesWithoutAnchors(deployment: DerivedDeployment, c: Component): boolean {
  if (c.type === 'httpd.proxy') return httpdProxyWithoutAnchors(c);
  if (c.type === 'haproxy.server') return haproxyServerWithoutCaFile(c, deployment.derived.haproxyVerifyOff);
  if (c.type === 'haproxy.bind') return haproxyBindWithoutCaFile(c);
  if (c.type !== 'nginx.proxy') return false;
  const line = c.location.range?.start.line;
  return (deployment.nginxVerifyWithoutAnchors ?? []).some((v) =>
    v.passes.some((p) => p.at.file === c.location.file && p.at.range?.start.line === line),
  );
}

/** Whether a link fails for certain because its client or its server verifies with no CA file (verifiesWithoutAnchors). */
export function linkFailsWithoutAnchors(
  deployment: DerivedDeployment,
): (client: Component, server: Component) => boolean {
  return (client, server) => verifiesWithoutAnchors(deployment, client) || verifiesWithoutAnchors(deployment, server);
}
