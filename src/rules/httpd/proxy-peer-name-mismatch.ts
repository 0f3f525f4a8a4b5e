import { isIpAddress } from '../../core/ip';
import { dnsNameMatches } from '../cert/hostname-mismatch';
import { certificateReference, presentedCertificates, relatedCertificate, resolvedLinks } from '../cert/_lib/presented';
import { certName } from '../cert/_lib/shared';
import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';

/**
 * httpd as a TLS client checks the backend certificate's names against the host of the ProxyPass URL after the
 * handshake, whatever SSLProxyVerify says (SSLProxyCheckPeerName and SSLProxyCheckPeerCN, both on by default;
 * ssl_engine_io.c, modssl_X509_match_name: the subjectAltName DNS names and the subject CN, wildcards allowed). A
 * mismatch answers every proxied request with 500 (measured on httpd 2.4.71 with SSLProxyVerify none: AH00898 at error
 * level, AH02411 at info; CN=localhost with subjectAltName DNS:other.example passes for https://localhost/).
 * Not judged: an IP literal host, `ProxyPreserveHost on` (the client's Host header is the name), a check turned off,
 * or one a main configuration the tree does not hold may turn off.
 */
export default defineRule({
  meta: {
    id: 'httpd/proxy-peer-name-mismatch',
    description:
      "Check that the host of an httpd ProxyPass https:// URL is a name the backend's certificate holds: mod_ssl checks it even with SSLProxyVerify none",
    severity: 'error',
    appliesTo: { components: ['httpd.proxy'] },
    messages: {
      mismatch:
        "{{client}} connects to {{host}}, but {{server}} presents {{dn}}, whose names ({{names}}) do not include it: mod_ssl checks the backend's name even with SSLProxyVerify {{verify}} (SSLProxyCheckPeerName on, the default), so httpd answers every request it proxies there with 500 and logs 'AH00898: Error during SSL Handshake with remote server' (the cause, 'AH02411: SSL Proxy: Peer certificate does not match for hostname {{host}}', only at LogLevel info). Call the backend by a name its certificate holds, or re-issue the certificate with DNS:{{host}} in its subjectAltName; set SSLProxyCheckPeerName off only where nobody can intercept the hop",
    },
    options: {},
    symptoms: [
      'AH02411',
      'Peer certificate does not match for hostname',
      'Error during SSL Handshake with remote server',
    ],
  },
  check(ctx) {
    for (const { client, server } of resolvedLinks(ctx.deployment)) {
      if (client.type !== 'httpd.proxy') continue;
      const { peerChecks, peerChecksUnknown, preserveHost, urls, verify } = client.attributes;
      const [url] = urls;
      if (!url || peerChecksUnknown || preserveHost || !peerChecks.name.value || !peerChecks.cn.value) continue;
      if (isIpAddress(url.host)) continue;
      const [leaf] = presentedCertificates(ctx.deployment, server);
      if (!leaf) continue;
      const names = [...leaf.cert.dnsNames, ...leaf.cert.subject.filter((a) => a.type === 'CN').map((a) => a.value)];
      if (names.some((n) => dnsNameMatches(n, url.host))) continue;
      ctx.report({
        messageId: 'mismatch',
        data: {
          client: client.name,
          host: url.host,
          server: server.name,
          dn: certName(leaf),
          names: names.join(', ') || ours('none'),
          verify: verify.value,
        },
        location: url.location,
        related: [
          relatedCertificate(leaf, `certificate presented by ${server.name}`),
          { ...certificateReference(server), message: said`${server.name} uses this certificate` },
          ...(client.attributes.includedBy ?? []),
        ],
        fingerprint: [client.id, server.id, url.host],
      });
    }
  },
});
