import type { ReportDescriptor, RuleRelated } from '../types';
import * as path from 'node:path';
import type { TreeCertificate } from '../../model/mq-certs';
import { trustRelated } from '../_lib/trust';
import { defineRule } from '../types';
import {
  certLocation,
  certificatesOf,
  certName,
  datesMatter,
  certificateUse,
  referenceNow,
  storeFingerprint,
  storeRelated,
} from './_lib/shared';
import {
  caAboveLeaf,
  chainFileLeaves,
  chainFileLeavesRelated,
  chainLeaf,
  chainSent,
  foldRootsIntoLeaves,
  leavesSaidWithRoot,
  trustedCopies,
  trustedCopiesRelated,
} from './_lib/chain-member';
import { inTrustBundle, jsseTrustersOnly, opensslVerifiersOf, opensslVerifiersOfExpiredFile } from './_lib/anchors';
import { reportExpiredInVerifyFiles, type ExpiredInVerifyFile } from './_lib/expired-verify-file';
import { ownSelfSigned, presentedLeavesOf, trustUses } from './_lib/trust-uses';
import { sayUnsent } from './_lib/expired-unsent';
import { askingOnLinks, clientKeyStoreOf, websphereClientKeyStore } from './_lib/client-key-store';
import { ours, said } from '../../core/phrase';
import { reportGrouped, reportedCopy, type ReportedCopy } from './_lib/copies';
import { foldExpiredBundles } from './_lib/expired-only-anchors';
import { erlangAnchorVerdict } from './_lib/expired-erlang-anchor';
import {
  MOST_USED_FIRST,
  reportUnnamedByFile,
  sayUnnamed,
  type ExpiredMessage,
  type ExpiredScene,
  type UnnamedExpired,
} from './_lib/expired-unnamed';

export default defineRule({
  meta: {
    id: 'cert/expired',
    description: 'Report certificates in the tree that are expired or not yet valid',
    severity: 'error',
    messages: {
      expired:
        "Certificate {{dn}}{{copies}} expired on {{date}}: peers reject it (Java: 'PKIX path validation failed … certificate expired' / CertificateExpiredException; MQ: AMQ9633 'Bad TLS certificate', RC=2393; GSKit GSK_ERROR_BAD_DATE). Renew it and replace it in every key store that holds it",
      notYetValid:
        "Certificate {{dn}}{{copies}} is not valid before {{date}}: peers reject it (CertificateNotYetValidException, AMQ9633). Check the issuing CA's clock or wait",
      expiredUnlinkedCa:
        "CA certificate {{dn}}{{copies}} expired on {{date}}, and no link of this tree shows who trusts it. Chains through it fail in OpenSSL (nginx: 'certificate has expired') and GSKit (MQ: AMQ9633, GSK_ERROR_BAD_DATE); a JSSE trust store accepts it as an anchor without checking its dates. Replace it with the CA's current certificate, or remove it from the bundle if nothing uses it",
      expiredInVerifyFile:
        "CA certificate {{dn}}{{copies}} expired on {{date}}. It is in {{file}}, the CA file {{verifiers}} {{verify}} peer certificates against, beside certificates still valid: OpenSSL checks the dates of every certificate of the chain it builds, the trust anchor's too ('certificate has expired', error 10 at the CA), so a peer whose certificate was issued under this CA is refused, while chains through the others pass. Remove it from the file, or replace it with the CA's current certificate",
      expiredInVerifyFileBundle:
        "{{count}} CA certificates of {{file}} expired ({{dns}}; the last on {{date}}), and {{file}} is the CA file {{verifiers}} {{verify}} peer certificates against, beside certificates still valid: OpenSSL checks the dates of every certificate of the chain it builds, the trust anchor's too ('certificate has expired', error 10 at the CA), so a peer whose certificate was issued under one of them is refused, while chains through the others pass. Remove the expired ones from the file, or replace them with the CAs' current certificates",
      expiredErlangAnchor:
        "CA certificate {{dn}}{{copies}} expired on {{date}}. {{verifiers}} {{verify}} client certificates against {{file}} (its cacertfile, with verify_peer), and Erlang/OTP checks the dates of the trust anchor a path ends at from OTP {{since}} on: a client certificate issued under this CA is refused (the client gets alert certificate_expired, the broker logs {bad_cert,cert_expired}).{{otp}}{{chainOnly}}{{jsse}} Replace it with the CA's current certificate",
      expiredErlangChainOnly:
        "CA certificate {{dn}}{{copies}} expired on {{date}}. {{names}} {{name}} {{file}} as a listener's CA file but verifies no client certificate against it (verify_none): Erlang/OTP only completes the chain the listener sends with it, and a client that checks the dates of what it is sent refuses an expired CA there (OpenSSL: 'certificate has expired').{{jsse}} Replace it with the CA's current certificate",
      expiredOnlyAnchors:
        "Certificate {{dn}}{{copies}} expired on {{date}}, as has every certificate of {{file}}, the CA file {{verifiers}} {{verify}} peer certificates against: OpenSSL checks the trust anchor's dates too ('certificate has expired', error 10 at the CA), so every peer certificate is refused (an nginx server answers 400 'The SSL certificate error' to each client that presents one; a proxy's handshake with its upstream fails). Replace it with the CA's current certificate",
      expiredUnnamed:
        'Certificate {{dn}}{{copies}} expired on {{date}}, but no server, client or store setting lint-deploy models in this deployment names {{file}} (one it does not model may: an environment variable an image reads, a template). If something presents it, {{peers}}; if nothing does (test data, a copy left behind), remove it, or exclude its directory with `ignorePatterns`',
      expiredOtherAlias:
        'Certificate {{dn}}{{copies}} expired on {{date}}, but every setting that names {{file}} selects another key entry ({{aliases}}): this one is not presented. Remove it from the store, or renew it before a setting selects it',
      expiredNotSent:
        "Certificate {{dn}}{{copies}} expired on {{date}}, but {{file}} presents {{leaf}}, its first certificate, and this one comes after it, off its chain: no peer is sent it as a server certificate (IBM MQ's container puts the certificates after the first of a key's tls.crt in the key repository as CA certificates; a verifier building the path from the leaf skips it). Remove it from {{file}}",
      expiredNotServed:
        'Certificate {{dn}}{{copies}} expired on {{date}}, but no handshake the tree shows uses it: {{why}}. Renew it before TLS is turned on there, or remove it',
      expiredPerhapsNamed:
        'Certificate {{dn}}{{copies}} expired on {{date}}. No setting names {{file}} by a path the tree resolves, but some name their file by a placeholder or a path the tree does not place ({{names}}): if one of them is this file, {{peers}}. Renew it, or remove it if nothing uses it',
      expiredPerhapsNamedTestFixture:
        "Certificate {{dn}}{{copies}} expired on {{date}}. {{file}} lies in the tests' directory {{dir}}: a test fixture. No setting names it by a path the tree resolves; some name their file by a placeholder or a path the tree does not place ({{names}}), which a test run may give it to, and nothing else in the tree deploys it. If a test's client verifies it, {{peers}}: renew it then",
      expiredPerhapsNamedSelfSigned:
        "Self-signed certificate {{dn}}{{copies}} expired on {{date}}. No setting names {{file}} by a path the tree resolves, but some name their file by a placeholder or a path the tree does not place ({{names}}). If one of them is this file, a peer accepts it only by trusting it directly: a JSSE peer that does (Java, Liberty, Tomcat, Spring, MQ classes for JMS) still completes the handshake, as JSSE does not check the dates of a certificate in its trust store; OpenSSL (curl, nginx: 'certificate has expired'), GSKit (MQ: AMQ9633, GSK_ERROR_BAD_DATE) and browsers refuse it. Renew it, or remove it if nothing uses it",
      expiredUnnamedBundle:
        '{{count}} certificates of {{file}} expired ({{dns}}; the last on {{date}}), but no server, client or store setting lint-deploy models in this deployment names {{file}} (one it does not model may: an environment variable an image reads, a template). A JSSE trust store accepts an expired anchor (its dates are not checked); a peer that is sent one of them rejects it (CertificateExpiredException, AMQ9633, GSK_ERROR_BAD_DATE). Remove the expired ones from the file, or exclude its directory with `ignorePatterns` if nothing uses it',
      notYetValidNotServed:
        "Certificate {{dn}}{{copies}} is not valid before {{date}}, but no handshake the tree shows uses it: {{why}}. Check the issuing CA's clock before TLS is turned on there",
      notYetValidUnnamed:
        'Certificate {{dn}}{{copies}} is not valid before {{date}}, but no server, client or store setting lint-deploy models in this deployment names {{file}} (one it does not model may: an environment variable an image reads, a template). If something presents it, peers reject it (CertificateNotYetValidException, AMQ9633)',
      expiredSelfSigned:
        "Self-signed certificate {{dn}}{{copies}} expired on {{date}}, and no link of this tree shows who connects to it. A peer accepts a self-signed certificate only by trusting it directly: a JSSE peer that does (Java, Liberty, Tomcat, Spring, MQ classes for JMS) still completes the handshake, as JSSE does not check the dates of a certificate in its trust store; OpenSSL (curl, nginx: 'certificate has expired'), GSKit (MQ: AMQ9633, GSK_ERROR_BAD_DATE) and browsers refuse it. Renew it and replace it in every store that holds or trusts it",
      expiredTrustedOnly:
        "Certificate {{dn}}{{copies}} expired on {{date}}, but the tree names it only as the trust store of {{names}}, and no link of this tree presents it: JSSE does not check the dates of a certificate in its trust store (an anchor, or a leaf it trusts directly), so those handshakes still succeed. A peer that presents it to OpenSSL (nginx, curl: 'certificate has expired') or GSKit (MQ: AMQ9633) is refused: renew it, and replace it in every store that holds or trusts it, when convenient",
      expiredChainRoot:
        "CA certificate {{dn}}{{copies}} expired on {{date}}. It is the root of the chain {{file}} presents, and no link of this tree shows who verifies it: a peer accepts the chain only by trusting this CA itself (or a certificate of its name and key){{trusted}}. A JSSE peer (Java: Kafka clients and brokers, Spring, Tomcat, Liberty, MQ classes for JMS) ends the path at a trust anchor without checking its dates, and the handshake completes; OpenSSL (librdkafka, nginx, curl: 'certificate has expired') and GSKit (MQ: AMQ9633, GSK_ERROR_BAD_DATE) check the anchor's dates and refuse it. Renew the CA and replace it in the key and trust stores that hold it",
      expiredChainTrusted:
        "CA certificate {{dn}}{{copies}} expired on {{date}}. It is in the chain {{file}} presents, no link of this tree shows who verifies it, and {{trusted}} of this tree hold it as a trusted certificate: a JSSE peer with such a trust store ends the path at it without checking its dates, and the handshake completes. A peer that trusts only its issuer ({{issuer}}) checks its dates and rejects the chain (Java: CertificateExpiredException; OpenSSL: 'certificate has expired'; MQ: AMQ9633), as OpenSSL and GSKit do even when they trust it. Renew it and replace it in every store that holds it",
      expiredUseUnknown:
        "Certificate {{dn}}{{copies}} expired on {{date}}. Only {{names}} names {{file}}, and nothing lint-deploy read in the tree uses that bundle (no setting hands it to a server or client with TLS on): the app's code or a starter may take it by name, or nothing does, so whether a peer is ever sent this certificate the tree does not show. One that is rejects it (CertificateExpiredException, AMQ9633, GSK_ERROR_BAD_DATE): renew it, or remove the bundle if nothing uses it",
      notYetValidUseUnknown:
        "Certificate {{dn}}{{copies}} is not valid before {{date}}. Only {{names}} names {{file}}, and nothing lint-deploy read in the tree uses that bundle (no setting hands it to a server or client with TLS on): the app's code or a starter may take it by name, or nothing does, so whether a peer is ever sent this certificate the tree does not show. One that is rejects it (CertificateNotYetValidException, AMQ9633): check the issuing CA's clock",
      expiredNamedUnread:
        "Certificate {{dn}}{{copies}} expired on {{date}}. The setting {{setting}} names {{file}}, but no server or client lint-deploy reads takes that setting (a library's or the app's own TLS settings, such as Apache Camel's camel.ssl.config.*), so whether a peer is ever sent this certificate the tree does not show. {{peers}}: renew it, or remove it if nothing uses it",
      expiredNamedByTests:
        "Certificate {{dn}}{{copies}} expired on {{date}}. Only the tests' configuration names {{file}}: {{setting}} in {{config}}, in the resources of a test source set ({{dir}}), which are on the tests' classpath only and never packaged with the app, so no deployed server or client presents it from there. Renew it if the tests need a valid certificate, or remove it if nothing uses it",
      expiredClientKeyStore:
        "Certificate {{dn}}{{copies}} expired on {{date}}. {{file}} is the key store of the WebSphere client configuration {{props}}: a client sends its own certificate only to a server that asks for one (client authentication), and no link of this tree shows such a server. A server that asks rejects it (Java: 'PKIX path validation failed … certificate expired' / CertificateExpiredException; GSKit: GSK_ERROR_BAD_DATE); one that does not never sees it. Renew it before a server requires client certificates, or remove it",
      expiredClientKeyStoreUnasked:
        "Certificate {{dn}}{{copies}} expired on {{date}}. {{file}} is the key store of {{clients}}: a client sends its own certificate only to a server that asks for one (client authentication, such as a Kafka broker's ssl.client.auth requested or required, or a RabbitMQ broker's ssl_options.verify verify_peer), and {{why}}. A server that asks rejects it (Java: 'PKIX path validation failed … certificate expired' / CertificateExpiredException); one that does not never sees it. Renew it before a server asks for client certificates, or remove it",
      expiredClientKeyStoreNeverSent:
        'Certificate {{dn}}{{copies}} expired on {{date}}, but {{file}} is only the key store of {{clients}}, and the brokers it reaches ({{brokers}}) do not ask for a client certificate ({{none}}): a client sends its certificate only when asked, so no handshake sends this one. Renew it before {{asks}}, or remove it',
      expiredAnchor:
        "Certificate {{dn}}{{copies}} expired on {{date}}, but the links that use it use it only as a trust anchor (or trust it directly as a leaf in their trust store), and JSSE does not check an anchor's dates: those handshakes still succeed. OpenSSL (nginx) and GSKit would refuse it: replace it with the CA's current certificate when convenient",
    },
    options: {
      referenceDate: {
        type: 'string',
        description: 'Date (ISO 8601, e.g. 2026-01-31) to judge validity at instead of today: for reproducible CI runs',
      },
    },
    symptoms: ['CertificateExpiredException', 'certificate expired', 'AMQ9633', 'GSK_ERROR_BAD_DATE'],
  },
  check(ctx) {
    const copies: ReportedCopy<ExpiredMessage>[] = [];
    const now = referenceNow(ctx.options.referenceDate);
    const say = (c: TreeCertificate, descriptor: ReportDescriptor<ExpiredMessage>) =>
      copies.push(reportedCopy(c, descriptor));
    // A self-signed root above an expired leaf of its own chain is said with the leaf (chain-member.ts).
    const folded = new Map<TreeCertificate, string[]>();
    const linkUses = trustUses(ctx.deployment);
    const { undated, used, presented } = linkUses;
    const presentedLeaves = presentedLeavesOf(ctx.deployment.derived.presented);
    const chainFiles = chainFileLeaves(ctx.deployment);
    const namedByName = new Map<string, string[]>();
    for (const file of ctx.deployment.derived.certificateFiles.inUse.keys())
      namedByName.set(path.basename(file), [...(namedByName.get(path.basename(file)) ?? []), file]);
    const scene: ExpiredScene = {
      deployment: ctx.deployment,
      say,
      presentedLeaves,
      namedByName,
      unnamed: new Map<string, UnnamedExpired[]>(),
    };
    const inVerifyFiles = new Map<string, ExpiredInVerifyFile[]>();
    for (const c of certificatesOf(ctx.deployment)) {
      if (!datesMatter(c)) continue;
      const expired = c.cert.notAfter < now;
      if (!expired && c.cert.notBefore <= now) continue;
      const dn = certName(c);
      const date = (expired ? c.cert.notAfter : c.cert.notBefore).toISOString().slice(0, 10);
      const location = certLocation(c);
      const fingerprint = [c.cert.fingerprintSha256, expired ? 'expired' : 'not-yet-valid', ...storeFingerprint(c)];
      // A certificate on a link's trust path is used whatever names it (the settings naming its file are said); otherwise
      // the components that name its file decide.
      const named = certificateUse(ctx.deployment, c);
      const found = used.has(c.cert.fingerprintSha256)
        ? { use: 'named' as const, by: named.use === 'named' ? named.by : [] }
        : named;
      // Named, yet sent to no peer (another key entry selected, off the chain a file presents, TLS not served).
      if (sayUnsent(scene, { c, expired, dn, date, location, fingerprint }, found, used.has(c.cert.fingerprintSha256)))
        continue;
      const use = found.use === 'other-alias' ? { use: 'named' as const, by: found.by } : found;
      if (use.use !== 'named') {
        sayUnnamed(scene, { c, expired, dn, date, location, fingerprint, perhapsNamed: use.use === 'perhaps' });
        continue;
      }
      // A client's own certificate (a Kafka client's key store, a plain Java app's -Djavax.net.ssl.keyStore) that no link
      // presents: sent only to a server that asks for one (client-key-store.ts clientKeyStoreOf). A broker it reaches that
      // asks keeps the error, with the place that says so.
      const clientSide =
        expired && !used.has(c.cert.fingerprintSha256) && !presented.has(c.cert.fingerprintSha256)
          ? clientKeyStoreOf(ctx.deployment, c)
          : undefined;
      if (clientSide && clientSide.servers !== 'ask') {
        const file = path.basename(c.doc.file.path);
        say(c, {
          messageId:
            clientSide.servers === 'never-ask' ? 'expiredClientKeyStoreNeverSent' : 'expiredClientKeyStoreUnasked',
          data:
            clientSide.servers === 'never-ask'
              ? {
                  dn,
                  date,
                  file,
                  clients: clientSide.clients,
                  brokers: clientSide.brokers,
                  none: clientSide.none,
                  asks: clientSide.asks,
                }
              : { dn, date, file, clients: clientSide.clients, why: clientSide.why },
          location,
          related: [...(storeRelated(c).related ?? []), ...use.by, ...clientSide.related],
          fingerprint,
          severity: clientSide.servers === 'never-ask' ? 'info' : 'warning',
        });
        continue;
      }
      const asking = clientSide?.servers === 'ask' ? clientSide.asking : expired ? askingOnLinks(presented, c) : [];
      // The own certificate of a WebSphere client (ssl.client.props) that no link presents: sent only to a server that
      // asks for a client certificate, and the tree shows none (todaynowork/websphere_ejb_lookup's key.p12).
      const clientKeyStore =
        expired &&
        !used.has(c.cert.fingerprintSha256) &&
        !presented.has(c.cert.fingerprintSha256) &&
        !presentedLeaves.has(c.cert.fingerprintSha256)
          ? websphereClientKeyStore(ctx.deployment, c, use.by)
          : undefined;
      if (clientKeyStore) {
        say(c, {
          messageId: 'expiredClientKeyStore',
          data: { dn, date, file: path.basename(c.doc.file.path), props: path.basename(clientKeyStore.file) },
          location,
          related: [...(storeRelated(c).related ?? []), clientKeyStore],
          fingerprint,
          severity: 'warning',
        });
        continue;
      }
      // A CA above a valid leaf of a presented chain that no link verifies: the peer's stack and anchors decide
      // (chain-member.ts). Under an expired leaf the chain fails whoever verifies it: an intermediate is an error as
      // before, a self-signed root is said with the leaf (one failure, one finding).
      const leafCert =
        expired && !used.has(c.cert.fingerprintSha256) && caAboveLeaf(c, chainFiles)
          ? chainLeaf(ctx.deployment, c, chainFiles, now)
          : undefined;
      const saidWith = leavesSaidWithRoot(ctx.deployment, c, { leaf: leafCert, chainFiles, now, onLinks: linkUses });
      if (saidWith) {
        folded.set(c, saidWith);
        continue;
      }
      if (leafCert && leafCert.notAfter >= now && leafCert.notBefore <= now) {
        const copies = trustedCopies(ctx.deployment, c);
        if (c.cert.selfSigned || copies.length > 0) {
          const stores = [...new Set(copies.map((t) => path.basename(t.doc.file.path)))];
          say(c, {
            messageId: c.cert.selfSigned ? 'expiredChainRoot' : 'expiredChainTrusted',
            data: {
              dn,
              date,
              file: chainSent(c, chainFiles),
              trusted: c.cert.selfSigned
                ? stores.length > 0
                  ? said`, as ${stores.join(' and ')} of this tree ${stores.length === 1 ? ours('does') : ours('do')}`
                  : ''
                : stores.join(' and '),
              issuer: c.cert.issuerText,
            },
            location,
            related: [
              ...(storeRelated(c).related ?? []),
              ...trustedCopiesRelated(c, copies),
              ...use.by,
              ...asking,
              ...chainFileLeavesRelated(c, chainFiles),
            ],
            fingerprint,
            severity: 'warning',
          });
          continue;
        }
      }
      const uses = expired ? undated.get(c.cert.fingerprintSha256) : undefined;
      const anchor = uses !== undefined;
      const fingerprintSha256 = c.cert.fingerprintSha256;
      const onLinks = presented.get(fingerprintSha256);
      // Expired, and no link uses it nor does a component present it: what names it decides who refuses it.
      const unused = expired && !anchor && !used.has(fingerprintSha256) && !presentedLeaves.has(fingerprintSha256);
      // Whether peers reject an unlinked bundle CA depends on their TLS stack: a warning, not an error.
      // A self-signed leaf a server presents is no bundle CA, whatever its basicConstraints (`openssl req -x509` sets CA:TRUE).
      // A chain file's CA certificates are sent after a leaf (SSLCertificateChainFile): no bundle, as in a full-chain file.
      const unlinkedCa = unused && inTrustBundle(c) && !chainFiles.has(c.doc.file.path);
      // A self-signed certificate no link presents: its peers trust it directly or not at all, and which verifier
      // they run decides (OpenLiberty/guide-microprofile-jwt's key.p12, expired 2021, still serves the guide's client).
      const ownExpired = expired && !anchor && ownSelfSigned(c, presentedLeaves);
      const selfSigned = ownExpired && !onLinks && !unlinkedCa;
      // Named only by stores, presented on no link either.
      const namedOnly = unused && !onLinks;
      // Only JSSE trust stores name it: the verifiers the tree shows accept it, dates unchecked.
      const trusters = namedOnly ? jsseTrustersOnly(ctx.deployment, c) : undefined;
      // The verdict rests on the links that trust it without a date check, or on the components that name it.
      const related: RuleRelated[] = [
        ...(storeRelated(c).related ?? []),
        ...(uses ?? []).flatMap((u) => trustRelated(u.lt, u.check, location)),
        // A self-signed certificate is judged an error because links present it: they are named.
        ...(ownExpired ? (onLinks ?? []).flatMap((u) => trustRelated(u.lt, u.check, location)) : []),
        ...use.by,
        ...asking,
        ...chainFileLeavesRelated(c, chainFiles),
      ];
      // Every anchor of its file expired, and an OpenSSL end verifies its peers against that file: all of them fail.
      const refusedBy = namedOnly ? opensslVerifiersOfExpiredFile(ctx.deployment, c, now) : undefined;
      if (refusedBy) {
        const file = path.basename(c.doc.file.path);
        const names = [...new Set(refusedBy.map((v) => v.name))];
        say(c, {
          messageId: 'expiredOnlyAnchors',
          data: {
            dn,
            date,
            file,
            verifiers: names.join(' and '),
            verify: names.length === 1 ? ours('verifies') : ours('verify'),
          },
          location,
          related: [
            ...related,
            ...refusedBy.map((v) => ({
              ...v.opensslVerifies,
              message: said`${v.name} verifies its peers against ${file}`,
            })),
          ],
          fingerprint,
        });
        continue;
      }
      // Named only as a RabbitMQ listener's CA file (and JSSE trust stores): what Erlang/OTP does with an expired anchor.
      // Also when JSSE links end their paths at it (an anchor, dates unchecked): the listener still checks them.
      const erlang =
        expired && (namedOnly || (anchor && !onLinks && !presentedLeaves.has(fingerprintSha256))) && !trusters
          ? erlangAnchorVerdict(ctx.deployment, c, now, uses?.map((u) => u.check.verifier.name) ?? [])
          : undefined;
      if (erlang) {
        say(c, {
          ...erlang,
          data: { dn, date, ...erlang.data },
          location,
          related: [...related, ...(erlang.related ?? [])],
          fingerprint,
        });
        continue;
      }
      // Some of its file's anchors still valid, and an OpenSSL end verifies its peers against it: chains through it fail.
      const verifiers = unlinkedCa && !trusters ? opensslVerifiersOf(ctx.deployment, c) : undefined;
      if (verifiers) {
        const file = c.doc.file.path;
        inVerifyFiles.set(file, [
          ...(inVerifyFiles.get(file) ?? []),
          { c, dn, date, location, fingerprint, related, verifiers },
        ]);
        continue;
      }
      // Named only by ends whose use the tree does not show (an SSL bundle no setting hands over): a peer may never see it.
      const maybeUsed =
        !anchor && !trusters && !unlinkedCa && !selfSigned && !used.has(fingerprintSha256) && !onLinks
          ? ctx.deployment.derived.certificateFiles.useUnknown.get(c.doc.file.path)
          : undefined;
      if (maybeUsed) {
        say(c, {
          messageId: expired ? 'expiredUseUnknown' : 'notYetValidUseUnknown',
          data: {
            dn,
            date,
            file: path.basename(c.doc.file.path),
            names: [...new Set(maybeUsed.map((e) => e.name))].join(' and '),
          },
          location,
          related,
          fingerprint,
          severity: 'warning',
        });
        continue;
      }
      say(c, {
        messageId: !expired
          ? 'notYetValid'
          : anchor
            ? 'expiredAnchor'
            : trusters
              ? 'expiredTrustedOnly'
              : unlinkedCa
                ? 'expiredUnlinkedCa'
                : selfSigned
                  ? 'expiredSelfSigned'
                  : 'expired',
        data: { dn, date, ...(trusters ? { names: trusters.join(', ') } : {}) },
        location,
        ...(related.length > 0 ? { related } : {}),
        fingerprint,
        ...(anchor || trusters
          ? { severity: 'info' as const }
          : unlinkedCa || selfSigned
            ? { severity: 'warning' as const }
            : {}),
      });
    }
    reportUnnamedByFile(scene, (d) => ctx.report(d));
    reportExpiredInVerifyFiles(inVerifyFiles, say, (d) => ctx.report(d));
    foldRootsIntoLeaves(copies, folded);
    foldExpiredBundles(copies, MOST_USED_FIRST);
    // One finding per certificate: its other copies (a CA in every store of a cluster) are related places of the copy
    // said first, the one whose verdict MOST_USED_FIRST puts first (./_lib/copies.ts).
    reportGrouped((d) => ctx.report(d), copies, MOST_USED_FIRST);
  },
});
