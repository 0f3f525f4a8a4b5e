"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const ignored_proxy_lines_1 = require("../_lib/ignored-proxy-lines");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/** The TLS scheme of a plain one (mod_proxy_ajp, _fcgi, _scgi and _uwsgi have none: an https:// backend then). */
const TLS_SCHEME_FOR = { http: 'https', ws: 'wss', h2c: 'h2' };
/**
 * SSLProxyVerify, SSLProxyCACertificateFile, SSLProxyMachineCertificateFile and the peer checks switched on, where every
 * ProxyPass / BalancerMember / RewriteRule [P] they apply to names an `http://` (`ws://`, `ajp://`…) backend: mod_proxy
 * connects in clear and uses none of them, without a word at configuration test or start (model/httpd-proxy-ignored.ts;
 * measured by test/interop/httpd-proxy-plain.test.ts). The twin of nginx/proxy-ssl-ignored. A warning: it works, in
 * clear, which the author did not mean.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'httpd/proxy-ssl-ignored',
        description: 'Report httpd SSLProxyVerify, SSLProxyCACertificate* and SSLProxyMachineCertificate* lines that apply only to plain ProxyPass http:// backends, which mod_proxy ignores: the hop to the backend is not encrypted and its certificate not checked',
        severity: 'warning',
        appliesTo: { documents: ['httpd.'] },
        messages: {
            ignored: '{{directives}} {{verb}} set here, but {{passes}} {{passVerb}} plain ({{why}}): httpd connects to {{backend}} in clear and uses none of the SSLProxy* directives there (apache2 -t and the start say nothing), so the requests go in clear and no certificate is checked. If the backend serves TLS, write {{fix}} (with SSLProxyEngine on); if it serves plain, remove the SSLProxy* lines',
        },
        options: {},
    },
    check(ctx) {
        for (const group of ctx.deployment.httpdIgnoredProxyTls ?? []) {
            const [first] = group.directives;
            const [pass] = group.passes;
            if (!first || !pass)
                continue;
            const written = (p) => `${p.written} ${p.target}`;
            const { scheme } = pass;
            const rest = pass.target.slice(`${scheme}://`.length);
            const { data, related, fingerprint } = (0, ignored_proxy_lines_1.ignoredProxyLines)(group.directives, group.passes, written);
            ctx.report({
                messageId: 'ignored',
                data: {
                    ...data,
                    why: (0, phrase_1.said) `mod_proxy speaks TLS only to https://, wss:// and h2:// URLs, not to ${scheme}://, whatever the port`,
                    backend: rest.split('/')[0] ?? rest,
                    fix: (0, phrase_1.said) `${pass.written} ${TLS_SCHEME_FOR[scheme] ?? 'https'}://${rest}`,
                },
                location: first.at,
                related,
                fingerprint,
            });
        }
    },
});
