/**
 * cert/expired's verdicts on a certificate no setting of the deployment names by a path the tree resolves: perhaps
 * named (a placeholder or a relative path), named by a setting no modelled component reads, or by nothing at all
 * (said once per file: a CA bundle nothing names may hold dozens of expired CAs).
 */
import * as path from 'node:path';
import type { Location, RelatedLocation } from '../../../core/types';
import type { ContextExclusion } from '../../../parse/image-files';
import { ours, said, type Phrase } from '../../../core/phrase';
import { testResourcesDir, testsDir } from '../../../core/test-fixture-dirs';
import { mayName } from '../../../derive/file-use';
import type { DerivedDeployment, UnresolvedReference } from '../../../derive/types';
import type { TreeCertificate } from '../../../model/mq-certs';
import type { KeystoreData } from '../../../parse/keystore/format';
import type { ReportDescriptor, RuleRelated } from '../../types';
import { storeRelated } from './shared';
import { ownSelfSigned, unnamedPeers } from './trust-uses';
import { inTrustBundle } from './anchors';
import { relativePosix } from '../../../core/posix-path';

/** The verdicts, the copy with the one said first when a certificate has several copies: most used first. */
export const MOST_USED_FIRST = [
  'expired',
  'notYetValid',
  'expiredOnlyAnchors',
  'expiredInVerifyFile',
  'expiredErlangAnchor',
  'expiredChainRoot',
  'expiredChainTrusted',
  'expiredClientKeyStore',
  'expiredClientKeyStoreUnasked',
  'expiredUseUnknown',
  'notYetValidUseUnknown',
  'expiredUnlinkedCa',
  'expiredErlangChainOnly',
  'expiredSelfSigned',
  'expiredPerhapsNamedSelfSigned',
  'expiredPerhapsNamed',
  'expiredPerhapsNamedTestFixture',
  'expiredAnchor',
  'expiredTrustedOnly',
  'expiredNotServed',
  'notYetValidNotServed',
  'expiredClientKeyStoreNeverSent',
  'expiredNamedUnread',
  'expiredNamedByTests',
  'expiredOtherAlias',
  'expiredNotSent',
  'expiredUnnamed',
  'notYetValidUnnamed',
] as const;
export type ExpiredMessage = (typeof MOST_USED_FIRST)[number];

/** What one check of the rule shares with these verdicts. */
export interface ExpiredScene {
  deployment: DerivedDeployment;
  say: (c: TreeCertificate, descriptor: ReportDescriptor<ExpiredMessage>) => void;
  /** Leaves the tree's servers present (a self-signed one is trusted directly). */
  presentedLeaves: ReadonlySet<string>;
  /** The files the modelled components read, by base name. */
  namedByName: ReadonlyMap<string, string[]>;
  /** Expired certificates nothing names, by file: said after the loop (reportUnnamedByFile). */
  unnamed: Map<string, UnnamedExpired[]>;
}

/** One certificate's facts as the rule reads them. */
export interface ExpiredCertificate {
  c: TreeCertificate;
  expired: boolean;
  dn: string;
  date: string;
  location: Location;
  fingerprint: string[];
  /** Some setting names its file by a placeholder or a path the tree does not place. */
  perhapsNamed: boolean;
}

/** The verdict on a certificate no setting names by a resolved path. */
export function sayUnnamed(scene: ExpiredScene, certificate: ExpiredCertificate): void {
  const { deployment, say, presentedLeaves, namedByName, unnamed } = scene;
  const { c, expired, dn, date, location, fingerprint, perhapsNamed } = certificate;
  const { unresolved: allUnresolved, mountedOutside } = deployment.derived.certificateFiles;
  // Only the references that may name a file of this kind (a PKCS12-typed setting never reads a PEM file). For
  // a key entry's certificate, not a trust store's: read from a trust store it is an anchor, whose dates JSSE
  // does not check, so no peer rejects it there (iAMSagar44/spring-ssl-bundle: ${SERVER_TRUSTSTORE} was listed).
  const ownKey = c.store?.entry === 'private-key' || c.hasPrivateKey;
  const unresolved = allUnresolved.filter(
    (u) => mayName(u, c.doc.file.path, !c.store) && !(ownKey && u.role === 'trust'),
  );
  // Named by no component: whether a peer ever sees it is unknown (an info), or rests on a placeholder (a warning).
  const perhaps = perhapsNamed && expired && unresolved.length > 0;
  const names = [...new Set(unresolved.map((u) => `${u.component.name}: ${u.path}`))];
  const related: RuleRelated[] = [
    ...(storeRelated(c).related ?? []),
    ...(perhaps
      ? unresolved.flatMap((u) => (u.at ? [{ ...u.at, message: said`${u.component.name} names ${u.path} here` }] : []))
      : []),
    // A .dockerignore leaves it out of the image a Dockerfile would have copied it into: not the image's file.
    ...excludingLines(deployment.contextExclusions?.get(c.doc.file.path) ?? []),
    // A tree file of its name that a setting names (a classpath copy, a placeholder's default): that one is read.
    ...(namedByName.get(path.basename(c.doc.file.path)) ?? [])
      .filter((f) => f !== c.doc.file.path)
      .map((f) => ({
        file: f,
        message: ours('the file of this name a setting names: it is read, not this one'),
      })),
    // A file of its name that a component reads from a mount whose source the tree does not hold (a Compose host path,
    // a Kubernetes ConfigMap or Secret): not this one.
    ...mountedOutside
      .filter((m) => path.basename(m.path) === path.basename(c.doc.file.path))
      .map((m) => ({
        ...m.at,
        message: said`${m.component.name} reads ${m.path} from this mount, whose content the tree does not hold`,
      })),
  ];
  // Named beside the password that opens it by a setting no component lint-deploy models reads: the tree does name
  // it (pco-afelio/camel-two-way-ssl: camel.ssl.config.key-managers.key-store.resource=classpath:/keystore.p12,
  // Apache Camel's client context, said 'no setting names keystore.p12' and pointed at other modules' copies).
  const namedBy = c.store ? (c.doc.data as Pick<KeystoreData, 'namedBySetting'>).namedBySetting : undefined;
  if (expired && !perhaps && namedBy) {
    // The same-named files the modelled components read are theirs (another module's classpath), not this one.
    const others = (namedByName.get(path.basename(c.doc.file.path)) ?? []).filter((f) => f !== c.doc.file.path);
    // A test source set's configuration (spring-cloud/spring-cloud-gateway@5227205: a test's server.ssl.key-store)
    // was said to name it nowhere: Spring Boot's own keys are modelled only for the deployed app's files.
    const tests = namedBy.tests ? testResourcesDir(relativePosix(deployment.root, namedBy.file)) : undefined;
    say(c, {
      messageId: tests !== undefined ? 'expiredNamedByTests' : 'expiredNamedUnread',
      data: {
        dn,
        date,
        file: path.basename(c.doc.file.path),
        setting: namedBy.key,
        ...(tests !== undefined
          ? { config: path.basename(namedBy.file), dir: tests }
          : {
              // A self-signed key entry is accepted by the JSSE peers that trust it directly, dates unchecked.
              peers: ownSelfSigned(c, presentedLeaves)
                ? ours(
                    'A peer that is sent it and trusts it directly accepts it if it runs JSSE (Java does not check the dates of a certificate in its trust store); OpenSSL, GSKit and browsers reject it (certificate has expired, AMQ9633, GSK_ERROR_BAD_DATE)',
                  )
                : ours('One that is rejects it (CertificateExpiredException, AMQ9633, GSK_ERROR_BAD_DATE)'),
            }),
      },
      location,
      related: [
        {
          file: namedBy.file,
          range: namedBy.range,
          message: said`${namedBy.key} names ${path.basename(c.doc.file.path)} here`,
        },
        ...(storeRelated(c).related ?? []),
        ...(tests !== undefined ? [] : others).map((f) => ({
          file: f,
          message: ours('a file of the same name a modelled server or client reads'),
        })),
      ],
      fingerprint,
      severity: 'info',
    });
    return;
  }
  if (expired && !perhaps) {
    // Said once per file (after the loop): a CA bundle nothing names may hold dozens of expired CAs.
    const same = unnamed.get(c.doc.file.path) ?? [];
    same.push({ c, dn, date, location, related, fingerprint, peers: unnamedPeers(c, presentedLeaves) });
    unnamed.set(c.doc.file.path, same);
    return;
  }
  // A self-signed key entry is accepted by the JSSE peers that trust it directly, dates unchecked (expiredSelfSigned):
  // iAMSagar44/spring-ssl-bundle's keystore.p12 (serveralias, Owner = Issuer) said 'peers reject it'.
  const ownSelf = perhaps && ownSelfSigned(c, presentedLeaves);
  // A test fixture the placeholders may name: a test run may hand it to them (a Makefile's `-v test/certbot:…`),
  // nothing in the tree deploys it otherwise.
  const fixture = perhaps && !ownSelf ? testsDir(relativePosix(deployment.root, c.doc.file.path)) : undefined;
  if (ownSelf && c.privateKeyFile)
    related.push({
      file: c.privateKeyFile,
      message: said`its private key: ${path.basename(c.doc.file.path)} is a key pair of its own`,
    });
  say(c, {
    messageId: ownSelf
      ? 'expiredPerhapsNamedSelfSigned'
      : fixture !== undefined
        ? 'expiredPerhapsNamedTestFixture'
        : perhaps
          ? 'expiredPerhapsNamed'
          : expired
            ? 'expiredUnnamed'
            : 'notYetValidUnnamed',
    data: {
      dn,
      date,
      file: path.basename(c.doc.file.path),
      ...(fixture !== undefined && { dir: fixture }),
      peers: (perhaps && opensslVerifiersPeers(c, unresolved)) || unnamedPeers(c, presentedLeaves),
      names: names.length > 3 ? said`${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', '),
    },
    location,
    ...(related.length > 0 ? { related } : {}),
    fingerprint,
    severity: perhaps && fixture === undefined ? 'warning' : 'info',
  });
}

/**
 * What the OpenSSL ends that may name a CA file as the anchors they verify their peers against do with its expired CA:
 * OpenSSL checks the anchor's dates too, so every peer certificate is refused. HAProxy's `server … ssl ca-file` (verify
 * required by default) then marks the server DOWN, measured with HAProxy 2.6.12 on Debian 12 (a valid server certificate
 * under a CA expired in 2021): 'Server bk/s1 is DOWN, reason: Layer6 invalid response, info: "SSL handshake failure"',
 * then 503 'No server is available to handle this request.' (salimchehab/terraform-aws-haproxy-ssl-tls-bridging@425ad62
 * EC2CA.pem, said with Java's and MQ's words before). Undefined unless every such reference is one.
 */
function opensslVerifiersPeers(c: TreeCertificate, unresolved: readonly UnresolvedReference[]): Phrase | undefined {
  // A CA certificate, or a self-signed one without extensions (`openssl req -x509` with no v3 section, as EC2CA.pem):
  // OpenSSL takes a self-signed version 1 certificate as a root.
  const anchor = inTrustBundle(c) || (!c.store && !c.hasPrivateKey && c.cert.selfSigned);
  if (!anchor || !unresolved.every((u) => u.role === 'trust' && u.opensslVerifies)) return undefined;
  return unresolved.every((u) => u.opensslVerifies?.haproxyServer)
    ? ours(
        "HAProxy checks each server's certificate against it with OpenSSL, which checks the CA's dates too ('certificate has expired', error 10 at the CA): every TLS connection to those servers fails, health checks mark them DOWN ('Layer6 invalid response, info: \"SSL handshake failure\"') and requests get 503 'No server is available to handle this request'",
      )
    : ours(
        "the ends that verify their peers against it run OpenSSL, which checks the CA's dates too ('certificate has expired', error 10 at the CA): every peer certificate is refused",
      );
}

/**
 * The expired certificates nothing names, one finding per file: the certificate itself when it is the only one, else
 * the file's count and the first names (a CA bundle).
 */
export function reportUnnamedByFile(
  scene: ExpiredScene,
  report: (descriptor: ReportDescriptor<ExpiredMessage | 'expiredUnnamedBundle'>) => void,
): void {
  const { say, unnamed } = scene;
  for (const [file, all] of unnamed) {
    const [first, ...rest] = all;
    if (!first) continue;
    if (rest.length === 0) {
      say(first.c, {
        messageId: 'expiredUnnamed',
        data: { dn: first.dn, date: first.date, file: path.basename(file), peers: first.peers },
        location: first.location,
        ...(first.related.length > 0 ? { related: first.related } : {}),
        fingerprint: first.fingerprint,
        severity: 'info',
      });
      continue;
    }
    report({
      messageId: 'expiredUnnamedBundle',
      data: { file: path.basename(file), ...expiredOfFile(all) },
      location: first.location,
      ...(first.related.length > 0 ? { related: first.related } : {}),
      fingerprint: [path.basename(file), 'expired-unnamed-bundle'],
      severity: 'info',
    });
  }
}

/**
 * Several expired certificates of one file, said as one: their count, the first two names (and how many more), and the
 * last expiry date (dates are ISO, so they sort as text).
 */
export function expiredOfFile(all: readonly { dn: string; date: string }[]): {
  count: string;
  dns: string | Phrase;
  date: string;
} {
  const dns = all.slice(0, 2).map((e) => e.dn);
  return {
    count: String(all.length),
    dns: all.length > 2 ? said`${dns.join(', ')} and ${all.length - 2} more` : dns.join(', '),
    date:
      all
        .map((e) => e.date)
        .sort()
        .at(-1) ?? '',
  };
}

/** An expired certificate no setting of the deployment names, reported with the others of its file. */
export interface UnnamedExpired {
  c: TreeCertificate;
  dn: string;
  date: string;
  location: Location;
  related: RuleRelated[];
  fingerprint: string[];
  peers: Phrase;
}

/** The `.dockerignore` lines that leave a file out of the images that would hold it, each once (Dockerfiles may share one). */
function excludingLines(exclusions: readonly ContextExclusion[]): RelatedLocation[] {
  const lines: RelatedLocation[] = [];
  for (const { line } of exclusions)
    if (!lines.some((l) => l.file === line.file && l.range === line.range)) lines.push(line);
  return lines;
}
