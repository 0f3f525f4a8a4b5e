import type { RuleRelated } from '../types';
import type { Location } from '../../core/types';
import type { NginxProxyComponent } from '../../model/types';
import type { PemCertificate } from '../../parse/certificate';
import { dnsNameMatches } from '../cert/hostname-mismatch';
import { certificateReference, presentedCertificates, relatedCertificate, resolvedLinks } from '../cert/_lib/presented';
import { certName } from '../cert/_lib/shared';
import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';

/**
 * nginx as a TLS client with `proxy_ssl_verify on` checks the upstream certificate's names against `proxy_ssl_name`,
 * by default the host part of `proxy_pass` (an upstream group's name, not its servers'): ngx_http_upstream_init_request
 * sets `u->ssl_name = uscf->host`, ngx_http_upstream_ssl_name strips the port, and after the handshake
 * ngx_ssl_check_host calls OpenSSL's X509_check_host(cert, name, 0): subjectAltName DNS entries, the subject CN only
 * when there are none, IP entries never (measured with `openssl x509 -checkhost` and `s_client -verify_hostname`).
 * A mismatch ends in 'upstream SSL certificate does not match "name" while SSL handshaking to upstream' and a 502.
 * Sources: https://github.com/nginx/nginx/blob/master/src/http/ngx_http_upstream.c and
 * https://github.com/nginx/nginx/blob/master/src/event/ngx_event_openssl.c (ngx_ssl_check_host).
 */

/** What nginx checks the certificate against, and where that comes from. */
export interface CheckedName {
  name: string;
  /** The directive that decides it (`proxy_ssl_name` or the pass directive). */
  directive: string;
  location: Location;
  /** A variable: nginx evaluates it per request. */
  variable: boolean;
}

/** `proxy_ssl_name`, else the host part of the pass directive's target; the port stripped as nginx does. */
export function checkedName(proxy: NginxProxyComponent): CheckedName {
  const { sslName, target, directive } = proxy.attributes;
  const from = sslName?.from.kind === 'file' ? sslName.from.location : undefined;
  const authority = target.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? '';
  // $proxy_host is the pass directive's host and port, known here; other variables are known per request only.
  const written = sslName ? sslName.value.replace(/\$proxy_host\b|\$\{proxy_host\}/g, authority) : authority;
  // ngx_http_upstream_ssl_name: a `[v6]` literal keeps its brackets, anything after the first ':' beyond them goes.
  const close = written.startsWith('[') ? written.indexOf(']') : -1;
  const colon = written.indexOf(':', close < 0 ? 0 : close);
  return {
    name: colon < 0 ? written : written.slice(0, colon),
    directive: sslName ? directive.replace(/_pass$/, '_ssl_name') : directive,
    location: from ?? proxy.location,
    variable: written.includes('$'),
  };
}

/** OpenSSL's X509_check_host with no flags: DNS subjectAltNames, else every subject CN; IP entries are not names. */
export function opensslHostMatches(cert: PemCertificate, name: string): boolean {
  if (cert.dnsNames.length > 0) return cert.dnsNames.some((n) => dnsNameMatches(n, name));
  return cert.subject.some((a) => a.type === 'CN' && dnsNameMatches(a.value, name));
}

function namesOf(cert: PemCertificate): string {
  if (cert.dnsNames.length > 0) return `subjectAltName ${cert.dnsNames.map((n) => `DNS:${n}`).join(', ')}`;
  const cns = cert.subject.filter((a) => a.type === 'CN').map((a) => a.value);
  const ips =
    cert.ipAddresses.length > 0 ? ` (IP entries, which nginx does not compare: ${cert.ipAddresses.join(', ')})` : '';
  return `${cns.length > 0 ? `CN=${cns.join(', CN=')}` : 'no CN'} and no DNS subjectAltName${ips}`;
}

export default defineRule({
  meta: {
    id: 'nginx/proxy-ssl-name-mismatch',
    description:
      "Check that the name an nginx proxy verifies its upstream's certificate against (proxy_ssl_name, else the proxy_pass host) is one the certificate holds",
    severity: 'error',
    appliesTo: { components: ['nginx.proxy'] },
    messages: {
      mismatch:
        '{{client}} verifies the upstream certificate (proxy_ssl_verify on) against "{{name}}" ({{nameFrom}}), but {{server}} presents {{dn}}, whose {{names}} does not cover it: nginx logs \'upstream SSL certificate does not match "{{name}}" while SSL handshaking to upstream\' and answers 502. Set {{sslNameDirective}} to a name the certificate holds ({{holds}}), or re-issue the certificate with DNS:{{name}} in its subjectAltName',
      variableName:
        "{{client}} verifies the upstream certificate (proxy_ssl_verify on) against {{written}}, a variable nginx evaluates per request, and {{server}} presents {{dn}} ({{names}}): every value it takes must be one of these names, or the request fails with 'upstream SSL certificate does not match' and a 502. Set {{sslNameDirective}} to a fixed name the certificate holds to have it checked here",
    },
    options: {},
    symptoms: ['upstream SSL certificate does not match'],
  },
  check(ctx) {
    for (const { link, client, server } of resolvedLinks(ctx.deployment)) {
      if (client.type !== 'nginx.proxy' || !client.attributes.verify.value) continue;
      // The leaf of the server's certificate file, when the tree holds it (else tls/certificate-trust-unknown says so).
      const [leaf] = presentedCertificates(ctx.deployment, server);
      if (!leaf) continue;
      const checked = checkedName(client);
      const sslNameDirective = client.attributes.directive.replace(/_pass$/, '_ssl_name');
      const verify = client.attributes.verify.from;
      const related: RuleRelated[] = [
        relatedCertificate(leaf, `certificate presented by ${server.name}: ${namesOf(leaf.cert)}`),
        { ...certificateReference(server), message: said`${server.name} uses this certificate` },
        ...(verify.kind === 'file'
          ? [{ ...verify.location, message: ours('proxy_ssl_verify on: nginx checks the name') }]
          : []),
        ...(checked.location !== client.location
          ? [{ ...client.location, message: said`${client.name}: its ${client.attributes.directive}` }]
          : []),
        // An upstream group's server entry: where this server comes in.
        ...(link.location &&
        (link.location.file !== client.location.file ||
          link.location.range?.start.line !== client.location.range?.start.line)
          ? [{ ...link.location, message: said`${server.name} is reached from here` }]
          : []),
      ];
      const common = {
        client: client.name,
        server: server.name,
        dn: certName(leaf),
        names: namesOf(leaf.cert),
        sslNameDirective,
      };
      if (checked.variable) {
        ctx.report({
          messageId: 'variableName',
          severity: 'info',
          data: { ...common, written: checked.name },
          location: checked.location,
          related,
          fingerprint: [client.id, server.id, checked.name],
        });
        continue;
      }
      if (!checked.name || opensslHostMatches(leaf.cert, checked.name)) continue;
      const holds =
        leaf.cert.dnsNames.length > 0
          ? leaf.cert.dnsNames
          : leaf.cert.subject.filter((a) => a.type === 'CN').map((a) => a.value);
      ctx.report({
        messageId: 'mismatch',
        data: {
          ...common,
          name: checked.name,
          nameFrom:
            checked.directive === sslNameDirective
              ? sslNameDirective
              : said`the host part of ${checked.directive}, which ${sslNameDirective} defaults to`,
          holds: holds.join(', ') || 'none',
        },
        location: checked.location,
        related,
        fingerprint: [client.id, server.id, checked.name, leaf.cert.fingerprintSha256],
      });
    }
  },
});
