"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.httpdProxyWithoutAnchors = httpdProxyWithoutAnchors;
exports.haproxyVerifyOff = haproxyVerifyOff;
exports.haproxyServerWithoutCaFile = haproxyServerWithoutCaFile;
exports.haproxyBindWithoutCaFile = haproxyBindWithoutCaFile;
exports.linkFailsWithoutAnchors = linkFailsWithoutAnchors;
/**
 * httpd: SSLProxyEngine on and SSLProxyVerify require or optional (optional_no_ca forgives an unknown issuer) with no
 * SSLProxyCACertificateFile or SSLProxyCACertificatePath at any level, and no level the tree does not hold.
 */
function httpdProxyWithoutAnchors({ attributes: a }) {
    return (a.engine.value &&
        !a.engineUnknown &&
        (a.verify.value === 'require' || a.verify.value === 'optional') &&
        !a.caFile &&
        !a.caPath &&
        !a.caUnknown);
}
/** `haproxy -dV` turns the default server verification off (doc/management.txt): then only an explicit verify counts. */
const VERIFY_OFF_FLAG = /(^|[\s"'[,])-dV(?=$|[\s"',\]])/m;
/** Whether a file of the deployment starts HAProxy with `-dV` (a command line, an entrypoint). */
function haproxyVerifyOff(deployment) {
    return deployment.documents.some((d) => VERIFY_OFF_FLAG.test(d.file.text));
}
/**
 * HAProxy `server … ssl` that verifies (written, or by default without `-dV`) with no ca-file, outside a `.if` block:
 * HAProxy refuses to start ("verify is enabled by default but no CA file specified", measured with 2.6.12 `haproxy -c`).
 */
function haproxyServerWithoutCaFile({ attributes: a }, verifyOff) {
    if (a.conditional || a.verify.value !== 'required' || a.caFile)
        return false;
    return a.verify.from.kind === 'file' || !verifyOff;
}
/** HAProxy `bind … ssl verify optional|required` with no ca-file on the line, outside a `.if` block: HAProxy refuses to start. */
function haproxyBindWithoutCaFile(component) {
    const mode = component.tls?.clientAuth;
    return (!component.attributes.conditional &&
        !component.attributes.caFile &&
        mode?.from.kind === 'file' &&
        mode.value !== 'none');
}
/**
 * Whether an end of a link verifies its peer with no CA file in a way its product's rule reports as a certain failure
 * (nginx: the model's list of those proxies). `verifyOff` is asked only for an HAProxy server line.
 */
function verifiesWithoutAnchors(deployment, c, verifyOff) {
    if (c.type === 'httpd.proxy')
        return httpdProxyWithoutAnchors(c);
    if (c.type === 'haproxy.server')
        return haproxyServerWithoutCaFile(c, verifyOff());
    if (c.type === 'haproxy.bind')
        return haproxyBindWithoutCaFile(c);
    if (c.type !== 'nginx.proxy')
        return false;
    const line = c.location.range?.start.line;
    return (deployment.nginxVerifyWithoutAnchors ?? []).some((v) => v.passes.some((p) => p.at.file === c.location.file && p.at.range?.start.line === line));
}
/**
 * Whether a link fails for certain because its client or its server verifies with no CA file (verifiesWithoutAnchors).
 * The deployment's files are searched for `-dV` once per returned function, when an HAProxy server line is asked about.
 */
function linkFailsWithoutAnchors(deployment) {
    let verifyOff;
    const haproxyStartsWithDv = () => (verifyOff ??= haproxyVerifyOff(deployment));
    return (client, server) => verifiesWithoutAnchors(deployment, client, haproxyStartsWithDv) ||
        verifiesWithoutAnchors(deployment, server, haproxyStartsWithDv);
}
