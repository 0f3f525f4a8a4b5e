/**
 * The ends that verify their peer with no CA file at all, which their products' rules report as certain failures
 * (nginx/verify-without-ca-certificates, httpd/proxy-verify-without-ca, haproxy/verify-without-ca-file): OpenSSL has no
 * default store there, so nginx and HAProxy refuse to start and httpd fails every proxied request. The trust of their
 * links is then not unknown, and is not said again as such.
 */
import type { DerivedDeployment } from '../../derive/types';
import type { Deployment } from '../../model/types';
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

/** `haproxy -dV` turns the default server verification off (doc/management.txt): then only an explicit verify counts. */
const VERIFY_OFF_FLAG = /(^|[\s"'[,])-dV(?=$|[\s"',\]])/m;

/** Whether a file of the deployment starts HAProxy with `-dV` (a command line, an entrypoint). */
export function haproxyVerifyOff(deployment: Deployment): boolean {
  return deployment.documents.some((d) => VERIFY_OFF_FLAG.test(d.file.text));
}

/**
 * HAProxy `server … ssl` that verifies (written, or by default without `-dV`) with no ca-file, outside a `.if` block:
 * HAProxy refuses to start ("verify is enabled by default but no CA file specified", measured with 2.6.12 `haproxy -c`).
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
 * (nginx: the model's list of those proxies). `verifyOff` is asked only for an HAProxy server line.
 */
function verifiesWithoutAnchors(deployment: DerivedDeployment, c: Component, verifyOff: () => boolean): boolean {
  if (c.type === 'httpd.proxy') return httpdProxyWithoutAnchors(c);
  if (c.type === 'haproxy.server') return haproxyServerWithoutCaFile(c, verifyOff());
  if (c.type === 'haproxy.bind') return haproxyBindWithoutCaFile(c);
  if (c.type !== 'nginx.proxy') return false;
  const line = c.location.range?.start.line;
  return (deployment.nginxVerifyWithoutAnchors ?? []).some((v) =>
    v.passes.some((p) => p.at.file === c.location.file && p.at.range?.start.line === line),
  );
}

/**
 * Whether a link fails for certain because its client or its server verifies with no CA file (verifiesWithoutAnchors).
 * The deployment's files are searched for `-dV` once per returned function, when an HAProxy server line is asked about.
 */
export function linkFailsWithoutAnchors(
  deployment: DerivedDeployment,
): (client: Component, server: Component) => boolean {
  let verifyOff: boolean | undefined;
  const haproxyStartsWithDv = () => (verifyOff ??= haproxyVerifyOff(deployment));
  return (client, server) =>
    verifiesWithoutAnchors(deployment, client, haproxyStartsWithDv) ||
    verifiesWithoutAnchors(deployment, server, haproxyStartsWithDv);
}
