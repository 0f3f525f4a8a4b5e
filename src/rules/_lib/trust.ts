import { joined, ours, said, type Phrase } from '../../core/phrase';
import type { RuleRelated } from '../types';
/** Shared plumbing for the certificate-trust rules: texts and places of a link's trust check (src/derive/trust.ts). */
import type { Location } from '../../core/types';
import type { PathFailure } from '../../derive/chain';
import type { LinkTrust, TrustCheck } from '../../derive/trust';
import type { TreeCertificate } from '../../model/mq-certs';
import { subjectLabel, type PemCertificate } from '../../parse/certificate';
import { linkSources } from './sources';
import { systemJavaStoreAt } from '../../knowledge';
import { shownRelative } from '../../core/posix-path';

/** `CN=api.example.com` → `api.example.com`; else the whole subject. */
export function certName(c: PemCertificate): string {
  return c.subject.find((a) => a.type === 'CN')?.value ?? subjectLabel(c);
}

/** The negotiated protocol of the link, when predicted. */
export function linkProtocol(lt: LinkTrust): string | undefined {
  const p = lt.predicted?.prediction;
  return p?.ok ? p.protocol : undefined;
}

function displayFile(root: string, file: string): string {
  return shownRelative(root, file);
}

/** Whom the verifier trusts, in words: `conf/trust.p12 (CN=Root CA, CN=Other)`; the tree's names masked, our words kept. */
export function anchorsText(root: string, check: TrustCheck): Phrase {
  const names = [...new Set(check.anchors.map((a) => certName(a.cert)))];
  const shown: (string | Phrase)[] = names.length > 4 ? [...names.slice(0, 4), said`${names.length - 4} more`] : names;
  const source = check.anchorSource;
  if (source?.kind === 'nothing') return said`no certificate at all (${source.why})`;
  const where =
    source?.kind !== 'store'
      ? ours('its trust store')
      : source.store.copiedBy && /(^|\/)lib\/security\/cacerts$/.test(source.store.path.value)
        ? said`its JDK's cacerts, which its image replaces with ${displayFile(root, source.file)}`
        : source.store.copiedBy && systemJavaStoreAt(source.store.path.value)
          ? said`its JDK's cacerts (a link to ${source.store.path.value}), which its image replaces with ${displayFile(root, source.file)}`
          : displayFile(root, source.file);
  return said`${where} (${shown.length ? joined(shown, ', ') : ours('no certificate')})`;
}

/** What the peer sends, in words: `api.example.com ← Issuing CA`. */
export function chainText(check: TrustCheck): Phrase {
  const text = (chain: readonly TreeCertificate[]) =>
    joined(
      chain.map((c) => certName(c.cert)),
      ' ← ',
    );
  const others = (check.alternatives ?? []).map((chain) => said`, or ${text(chain)}`);
  return said`${check.presented.length ? text(check.presented) : ours('(nothing)')}${joined(others, '')}`;
}

/** A failure's detail the path check words itself (a verify depth, a missing key usage): ours. */
export const ourDetail = (detail: string | Phrase): Phrase => (typeof detail === 'string' ? ours(detail) : detail);

/** A path failure in one clause: the tree's names masked, our words kept. */
export function pathFailureText(f: PathFailure): Phrase {
  switch (f.reason) {
    case 'no-anchor':
      return f.at.selfSigned
        ? said`the chain ends in ${certName(f.at)}, which it does not trust`
        : said`the chain ends at ${certName(f.at)}, issued by ${f.detail}, which it does not trust`;
    case 'missing-intermediate':
      return said`the intermediate ${f.missing ? certName(f.missing) : f.detail} that links ${certName(f.at)} to a trusted root is not sent`;
    case 'anchor-not-self-signed':
      return said`the path ends in the trusted ${certName(f.at)}, which is not self-signed, and OpenSSL needs the self-signed root too (no partial chains)`;
    case 'depth':
      return said`the path is longer than the verify depth allows (${ourDetail(f.detail)})`;
    case 'not-ca':
      return said`${certName(f.at)} issues certificates but is not a CA (${ourDetail(f.detail)})`;
    case 'path-length':
      return said`${certName(f.at)}'s ${ourDetail(f.detail)} is exceeded`;
    case 'key-usage':
      return said`${certName(f.at)} has ${ourDetail(f.detail)}`;
    case 'revocation':
      return said`it checks revocation with nothing to answer it (${f.detail}), so ${certName(f.at)}, which it trusts only through its issuer, fails "Could not determine revocation status"`;
  }
}

export function certificatePlace(c: TreeCertificate): Location {
  return { file: c.doc.file.path, range: c.cert.range };
}

/** The tree certificate for a PEM certificate of a check (the presented or anchor entry). */
export function treeCertificateOf(check: TrustCheck, cert: PemCertificate): TreeCertificate | undefined {
  return [...check.presented, ...check.anchors].find((c) => c.cert.fingerprintSha256 === cert.fingerprintSha256);
}

/** Where the verifier's trust is configured, else the verifier itself. */
export function verifierPlace(check: TrustCheck): Location {
  return check.anchorsFrom ?? check.verifier.location;
}

/** Where the peer's certificate is configured, else the peer itself. */
export function peerPlace(check: TrustCheck): Location {
  return check.presentedFrom ?? check.peer.location;
}

/** The files a trust verdict depends on: both configurations, the trust store, the presented certificate or store. */
export function trustRelated(lt: LinkTrust, check: TrustCheck, location: Location): RuleRelated[] {
  const out: RuleRelated[] = [];
  const add = (l: Location | undefined, message: string | Phrase) => {
    if (!l || out.some((o) => o.file === l.file) || l.file === location.file) return;
    out.push({ ...l, message });
  };
  add(check.anchorsFrom, said`${check.verifier.name}'s trust store is configured here`);
  if (check.anchorSource?.kind === 'store')
    add({ file: check.anchorSource.file }, said`${check.verifier.name} trusts the certificates of this store`);
  // The certificates an image adds to the JDK's cacerts (model/image-cacerts.ts).
  if (check.anchorSource?.kind === 'jdk-cacerts')
    for (const anchor of check.anchors)
      add(
        { file: anchor.doc.file.path },
        said`${check.verifier.name}'s image adds ${certName(anchor.cert)} to its JDK's cacerts`,
      );
  // A file whose import is unknown (a byte order mark, the image's JDK not named: derive/pem-byte-order-mark.ts).
  for (const anchor of check.maybeAnchors ?? [])
    add(
      { file: anchor.doc.file.path },
      said`${check.verifier.name}'s image imports ${certName(anchor.cert)} into its JDK's cacerts, if its keytool reads the file`,
    );
  if (check.anchorSource?.kind === 'unsettled') for (const r of check.anchorSource.related ?? []) add(r, r.message);
  add(check.presentedFrom, said`${check.peer.name}'s certificate is configured here`);
  const leaf = check.presented[0];
  const others = (check.alternatives ?? []).flatMap((chain) => chain.slice(0, 1));
  if (leaf)
    add(
      certificatePlace(leaf),
      others.length > 0
        ? said`${check.peer.name} presents one of ${joined(
            [leaf, ...others].map((c) => certName(c.cert)),
            ', ',
          )}`
        : said`${check.peer.name} presents ${certName(leaf.cert)}`,
    );
  for (const s of linkSources(lt.link, lt.client, lt.server)) add(s, s.message);
  return out;
}
