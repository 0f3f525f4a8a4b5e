import type { Location } from '../../core/types';
import { endsAgreement, firstNames, groupedByPlace } from '../_lib/by-place';
import type { HttpdProxyComponent } from '../../model/types';
import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';

/**
 * An httpd proxy to an `https://` backend, with `SSLProxyEngine on`, whose configuration writes `SSLProxyVerify none`:
 * mod_ssl then accepts any certificate from the backend (https://httpd.apache.org/docs/2.4/mod/mod_ssl.html#sslproxyverify,
 * "none: no remote server Certificate is required at all"), so anyone on the path can present one. The httpd
 * counterpart of haproxy/server-verify-disabled, calibrated alike: a warning for what the tree writes. Unset
 * SSLProxyVerify is none too (knowledge openssl-servers.json httpd.proxyVerifyDefault), but, as for nginx's
 * proxy_ssl_verify off by default, the tree then chose nothing: no finding. One finding per SSLProxyVerify line, with
 * the SSLProxyCheckPeer* off lines that apply. Real case: codejsha/infrastructure-examples
 * kubernetes/minikube/proxy/httpd-ssl-minikube.conf (SSLProxyVerify none, SSLProxyCheckPeerName off).
 */
export default defineRule({
  meta: {
    id: 'httpd/proxy-verify-disabled',
    description:
      'Warn about httpd proxies to https backends that write SSLProxyVerify none: mod_ssl then accepts any certificate from the backend',
    severity: 'warning',
    appliesTo: { components: ['httpd.proxy'] },
    messages: {
      disabled:
        '{{proxies}} {{do}} not verify the certificate of the backend {{they}} connect{{s}} to (SSLProxyVerify none): anyone on the path to {{targets}} can present any certificate and read or change what httpd forwards. Set SSLProxyVerify require with SSLProxyCACertificateFile naming the CA certificates that issued {{its}} certificate, and leave SSLProxyCheckPeerName on (its default) so the name in it is checked',
    },
    options: {},
    symptoms: [],
  },
  check(ctx) {
    const found: { at: Location; item: HttpdProxyComponent }[] = [];
    for (const component of ctx.deployment.components) {
      if (component.type !== 'httpd.proxy') continue;
      const { verify, engine } = component.attributes;
      // Without the engine the proxy speaks no TLS at all: httpd/proxy-engine-off says so.
      if (!engine.value || verify.value !== 'none' || verify.from.kind !== 'file') continue;
      found.push({ at: verify.from.location, item: component });
    }
    for (const { at, items: proxies } of groupedByPlace(found)) {
      const one = proxies.length === 1;
      const targets = [...new Set(proxies.map((p) => p.attributes.target))];
      const checksOff = new Map<string, Location>();
      for (const p of proxies)
        for (const [name, check] of Object.entries(p.attributes.peerChecks))
          if (!check.value && check.from.kind === 'file') checksOff.set(name, check.from.location);
      ctx.report({
        messageId: 'disabled',
        data: {
          proxies: one ? proxies[0]!.name : said`httpd ${firstNames(proxies.map((p) => p.name))}`, // one: checked
          targets: firstNames(targets),
          ...endsAgreement(proxies.length, targets.length),
        },
        location: at,
        related: [
          ...proxies
            .slice(0, 3)
            .flatMap((p) =>
              p.attributes.urls[0]
                ? [{ ...p.attributes.urls[0].location, message: said`proxies to ${p.attributes.target}` }]
                : [],
            ),
          ...[...checksOff.values()].map((l) => ({
            ...l,
            message: ours('a check of the backend certificate turned off too'),
          })),
        ],
        fingerprint: ['httpd-proxy-verify-none', ...proxies.map((p) => p.id)],
      });
    }
  },
});
