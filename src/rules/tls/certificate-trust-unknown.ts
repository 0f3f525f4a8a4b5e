import type { TreeCertificate } from '../../model/mq-certs';
import { cacertsWithoutAnchors } from '../_lib/encrypted-cacerts';
import { certName, chainText, peerPlace, trustRelated, verifierPlace } from '../_lib/trust';
import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';
import { transportWithoutKeyring } from '../_lib/plugin-keyring';
import { linkFailsWithoutAnchors } from '../_lib/verify-without-anchors';

/** The top of a presented chain when it is a private root the tree holds (a public CA's root would not be in a deployment tree). */
function privateRoot(presented: TreeCertificate[], all: TreeCertificate[]): TreeCertificate | undefined {
  const top = presented[presented.length - 1];
  if (!top) return undefined;
  if (top.cert.selfSigned) return top;
  return all.find((c) => c.cert.selfSigned && c.cert.subjectText === top.cert.issuerText);
}

export default defineRule({
  meta: {
    id: 'tls/certificate-trust-unknown',
    description:
      "Say which links' certificate trust the tree does not decide (trust store outside the tree, the JDK's cacerts, a store that cannot be read), and what to add",
    severity: 'info',
    messages: {
      serverUnknown:
        "{{client}} → {{server}}: whether {{client}} trusts {{server}}'s certificate ({{chain}}) is unknown: {{missing}}{{hint}}",
      clientUnknown:
        "{{client}} → {{server}}: whether {{server}} accepts {{client}}'s client certificate is unknown: {{missing}}",
    },
    options: {},
    symptoms: [],
  },
  check(ctx) {
    const failsWithoutAnchors = linkFailsWithoutAnchors(ctx.deployment);
    for (const lt of ctx.deployment.derived.trust) {
      // A plug-in transport with no key database: was-plugin/https-transport-without-keyring's warning says it once.
      if (transportWithoutKeyring(lt.client)) continue;
      const server = lt.serverCertificate;
      // An nginx or httpd proxy, or an HAProxy server or bind line, that verifies with no CA file trusts nothing: its
      // product's rule says the link fails (nginx and HAProxy do not start, httpd fails every proxied request); "unknown:
      // no trust store configured" beside it did not. A CA file the tree does not settle (a placeholder, an include it
      // does not hold) stays unknown here.
      if (failsWithoutAnchors(lt.client, lt.server)) continue;
      // A JDK that reads no anchor from its cacerts is java/cacerts-unreadable's error: one verdict per fact.
      const anchorless =
        server?.anchorSource?.kind === 'unsettled' && cacertsWithoutAnchors(lt.client, ctx.deployment.documents);
      if (server?.verdict.kind === 'unknown' && server.presented.length > 0 && !anchorless) {
        const root =
          server.anchorSource?.kind === 'jdk-cacerts'
            ? privateRoot(server.presented, ctx.deployment.derived.certificates)
            : undefined;
        const hint = root
          ? said`. Its root ${certName(root.cert)} is a private CA: unless it was imported into that JDK's cacerts, the handshake fails with "PKIX path building failed"`
          : ours(server.anchorSource?.kind === 'jdk-cacerts' ? ". It depends on the JDK's cacerts" : '');
        const location = verifierPlace(server);
        ctx.report({
          messageId: 'serverUnknown',
          data: {
            client: lt.client.name,
            server: lt.server.name,
            chain: chainText(server),
            missing: server.verdict.missing,
            hint,
          },
          location,
          related: trustRelated(lt, server, location),
          fingerprint: [lt.link.client, lt.link.server, 'server-certificate'],
          outcome: 'unknown',
        });
      }
      const client = lt.clientCertificate;
      if (client?.verdict.kind === 'unknown' && lt.clientAuth === 'required' && server?.verdict.kind !== 'untrusted') {
        const location = peerPlace(client);
        ctx.report({
          messageId: 'clientUnknown',
          data: { client: lt.client.name, server: lt.server.name, missing: client.verdict.missing },
          location,
          related: trustRelated(lt, client, location),
          fingerprint: [lt.link.client, lt.link.server, 'client-certificate'],
          outcome: 'unknown',
        });
      }
    }
  },
});
