/**
 * Certificate trust per link, both ways: the chain the server presents against the anchors the client
 * trusts, and, when the server asks for one, the client certificate JSSE (or the client's stack) chooses
 * against the server's anchors. Plain data on `derived.trust`; rules read it, nothing recomputes it.
 * Unknown inputs (a store outside the tree, the JDK's cacerts, a stack whose validation is not modelled)
 * make the verdict `unknown`, never `untrusted`.
 */
import type { RunMemo } from '../core/run-memo';
import * as path from 'node:path';
import type { Location } from '../core/types';
import { joined, ours, said, type Phrase } from '../core/phrase';
import type { LinkPrediction } from '../handshake/links';
import type { TreeCertificate } from '../model/mq-certs';
import type { ClientAuthMode, Component, Link } from '../model/types';
import type { PemCertificate } from '../parse/certificate';
import {
  signatureCheck,
  validatePath,
  type PathFailure,
  type PathFailureReason,
  type PathSuccess,
  type SignatureCheck,
  type VerifierStack,
} from './chain';
import type { NamedCertificates } from './presented';
import {
  listedIssuers,
  noTrustStore,
  storeUnknown,
  treeEnds,
  verifierStack,
  type AnchorSource,
  type TreeEnds,
} from './trust-ends';

export { storeUnknown, type AnchorSource };

export type TrustVerdict =
  | { kind: 'trusted'; result: PathSuccess }
  | { kind: 'untrusted'; result: PathFailure }
  /** Client direction: the client sends no certificate (it has none, or none whose issuer the server lists). */
  | { kind: 'no-certificate'; why: 'none-configured' | 'no-issuer-match'; candidates: TreeCertificate[] }
  | { kind: 'unknown'; missing: string | Phrase };

/** One direction of a link's certificate check. */
export interface TrustCheck {
  /** `server`: the server's certificate checked by the client; `client`: the client's checked by the server. */
  direction: 'server' | 'client';
  verifier: Component;
  peer: Component;
  /** How the verifier validates (undefined: a stack whose validation is not modelled, e.g. GSKit). */
  stack?: VerifierStack;
  /** What the peer sends, leaf first (empty: nothing known or nothing sent). */
  presented: TreeCertificate[];
  /**
   * The other chains the peer may send instead of `presented`: its key store holds several key entries and its
   * configuration names no alias (the verdict stands only when every chain gets the same one).
   */
  alternatives?: TreeCertificate[][];
  /** Where the peer's configuration names its certificate or key store. */
  presentedFrom?: Location;
  /** The peer's key store, for messages (`store.p12`, alias `api`). */
  presentedStore?: string;
  anchors: TreeCertificate[];
  /** Anchors the verifier's image may or may not have added to its JDK's cacerts (trust-ends anchorsOf's `maybe`). */
  maybeAnchors?: TreeCertificate[];
  anchorSource?: AnchorSource;
  /** Where the verifier's configuration names its trust store. */
  anchorsFrom?: Location;
  verdict: TrustVerdict;
}

export interface LinkTrust {
  link: Link;
  client: Component;
  server: Component;
  /** The server's certificate as the client checks it; absent when the client checks none (nginx proxy_ssl_verify off). */
  serverCertificate?: TrustCheck;
  /** The client certificate, when the server asks for one (clientAuth optional or required). */
  clientCertificate?: TrustCheck;
  clientAuth: ClientAuthMode;
  /** The link's handshake prediction, when both ends were predicted. */
  predicted?: LinkPrediction;
  /**
   * The server's certificate check of a client that accepts an unknown issuer (httpd SSLProxyVerify optional_no_ca)
   * where the chain reaches no anchor: no verdict on trust (the client forgives it), but OpenSSL still checks the keys
   * and signatures of the chain it built at its security level (./openssl-levels.ts).
   */
  unanchoredServerCertificate?: TrustCheck;
}

/**
 * The path failures httpd's optional_no_ca forgives: its verify callback accepts X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT,
 * SELF_SIGNED_CERT_IN_CHAIN, UNABLE_TO_GET_ISSUER_CERT_LOCALLY, CERT_UNTRUSTED and UNABLE_TO_VERIFY_LEAF_SIGNATURE
 * (mod_ssl's ssl_verify_error_is_optional), that is an issuer nobody trusts or nobody sends.
 */
const UNKNOWN_ISSUER: ReadonlySet<PathFailureReason> = new Set(['no-anchor', 'missing-intermediate']);

/**
 * The key usage bit the negotiated key exchange needs of the server's leaf (JSSE EndEntityChecker). An EC
 * key signs in every suite JDK 17 enables (ECDHE_ECDSA, TLS 1.3): digitalSignature, whatever the suite.
 */
function serverKeyUsageFor(
  prediction: LinkPrediction | undefined,
  leaf: TreeCertificate | undefined,
): string | undefined {
  const p = prediction?.prediction;
  if (leaf?.cert.keyType === 'EC' && !(p?.ok && /^TLS_ECDH_/.test(p.cipherSuite))) return 'digitalSignature';
  if (!p?.ok) return undefined;
  if (p.protocol === 'TLSv1.3' || /^(TLS|SSL)_(EC)?DHE_/.test(p.cipherSuite)) return 'digitalSignature';
  if (/^(TLS|SSL)_RSA_/.test(p.cipherSuite)) return 'keyEncipherment';
  if (/^TLS_ECDH_/.test(p.cipherSuite)) return 'keyAgreement';
  return undefined;
}

/** OpenSSL's verify depth for the component: nginx's ssl_verify_depth (default 1), else no limit modelled. */
function verifyDepthOf(component: Component): number | undefined {
  const depth = component.tls?.trust?.verifyDepth?.value;
  if (depth !== undefined) return depth;
  return component.type.startsWith('nginx') ? 1 : undefined;
}

function judge(
  signed: SignatureCheck,
  elsewhere: PemCertificate[],
  chain: TreeCertificate[],
  anchors: TreeCertificate[],
  verifier: Component,
  purpose: 'serverAuth' | 'clientAuth',
  serverKeyUsage?: string,
): TrustVerdict {
  const stack = verifierStack(verifier);
  const notModelled: TrustVerdict = {
    kind: 'unknown',
    missing: said`how ${verifier.name} (${ours(verifier.tls?.implementation ?? 'unknown stack')}) validates certificates is not modelled`,
  };
  // GSKit (IBM MQ) is not modelled: a path OpenSSL builds from the same key repository's certificates to a self-signed
  // one, with valid dates and purposes, is taken as one GSKit accepts too; any other outcome stays unknown, never a
  // refusal lint-deploy cannot vouch for.
  const gskit = !stack && verifier.tls?.implementation === 'gskit';
  if (!stack && !gskit) return notModelled;
  const result = validatePath({
    presented: chain.map((c) => c.cert),
    anchors: anchors.map((c) => c.cert),
    elsewhere,
    stack: stack ?? 'openssl',
    purpose,
    verifyDepth: stack === 'openssl' ? verifyDepthOf(verifier) : undefined,
    serverKeyUsage,
    signed,
    // Only a server checking its clients: revocation of a server's certificate is the client's own setting.
    ...(purpose === 'clientAuth' && verifier.tls?.trust?.revocationWithoutSource
      ? { revocationWithoutSource: verifier.tls.trust.revocationWithoutSource.why }
      : {}),
  });
  if (gskit && !result.ok) return notModelled;
  return result.ok ? { kind: 'trusted', result } : { kind: 'untrusted', result };
}

/** Checks one direction once the presented chain(s) and anchors are known. */
function check(
  signed: SignatureCheck,
  tree: TreeEnds,
  direction: 'server' | 'client',
  verifier: Component,
  peer: Component,
  prediction: LinkPrediction | undefined,
): TrustCheck {
  const own = tree.ownChain(peer);
  const { anchors, source, from: anchorsFrom, alsoDefault, maybe } = tree.anchorsOf(verifier);
  const base: Omit<TrustCheck, 'presented' | 'verdict'> = {
    direction,
    verifier,
    peer,
    stack: verifierStack(verifier),
    presentedFrom: own.from,
    presentedStore: own.store,
    anchors,
    ...(maybe && { maybeAnchors: maybe.anchors }),
    anchorSource: source,
    anchorsFrom,
  };
  const purpose = direction === 'server' ? 'serverAuth' : 'clientAuth';
  let chains = own.chains;
  if (direction === 'client' && own.chains.length > 0 && !own.missing) {
    // JSSE's key manager offers only a key whose chain has an issuer the server lists (CertificateRequest
    // certificate_authorities: the subjects of the server's anchors); with none, it sends no certificate.
    const listed = listedIssuers(verifier, anchors);
    if (source?.kind === 'store' && !alsoDefault && listed.size > 0 && verifierStack(peer) === 'jsse') {
      chains = own.chains.filter((chain) => chain.some((c) => listed.has(c.cert.issuerText)));
      if (chains.length === 0)
        return {
          ...base,
          presented: [],
          verdict: {
            kind: 'no-certificate',
            why: 'no-issuer-match',
            candidates: own.chains.flatMap((c) => c.slice(0, 1)),
          },
        };
    }
  }
  if (own.missing) return { ...base, presented: [], verdict: { kind: 'unknown', missing: own.missing } };
  const [presented, ...otherChains] = chains;
  // Several key entries and no alias: JSSE's key manager picks one (SunX509: the first of a HashMap of the aliases;
  // PKIX: the store's order), so every message names them all, never the first as the one presented.
  if (otherChains.length > 0) base.alternatives = otherChains;
  if (!presented) {
    // A client whose key store holds no key entry sends none. Without any key store configured, only a Java
    // application (JSSE's default key manager is empty without javax.net.ssl.keyStore) and an nginx proxy
    // (no proxy_ssl_certificate) are known to have none; a WAS/Liberty JMS factory or an MQ client may take it
    // from configuration the tree does not hold.
    const ownClientKey = peer.type === 'java.app' ? peer.attributes.ownClientKey : undefined;
    const unsettled = peer.tls?.trust?.unknown;
    if (direction === 'client' && unsettled && !peer.tls?.trust?.keyStore)
      return { ...base, presented: [], verdict: { kind: 'unknown', missing: unsettled.why } };
    if (direction === 'client' && !peer.tls?.trust?.keyStore && ownClientKey)
      return {
        ...base,
        presented: [],
        verdict: { kind: 'unknown', missing: said`which key ${peer.name} presents: ${ownClientKey}` },
      };
    if (
      direction === 'client' &&
      (peer.tls?.trust?.keyStore || peer.type === 'java.app' || peer.type === 'nginx.proxy')
    )
      return { ...base, presented: [], verdict: { kind: 'no-certificate', why: 'none-configured', candidates: [] } };
    if (direction === 'client')
      return {
        ...base,
        presented: [],
        verdict: { kind: 'unknown', missing: said`where ${peer.name}'s key store is configured (the tree names none)` },
      };
    return {
      ...base,
      presented: [],
      verdict: { kind: 'unknown', missing: said`the certificate ${peer.name} presents is not in the tree` },
    };
  }
  if (source?.kind === 'unsettled') return { ...base, presented, verdict: { kind: 'unknown', missing: source.why } };
  if (source?.kind === 'outside-tree')
    return {
      ...base,
      presented,
      verdict: {
        kind: 'unknown',
        missing: storeUnknown(verifier.name, source.store, 'trust store', 'missing'),
      },
    };
  if (source?.kind === 'unreadable')
    return {
      ...base,
      presented,
      verdict: {
        kind: 'unknown',
        missing: storeUnknown(verifier.name, source.store, 'trust store', 'unreadable'),
      },
    };
  if (source?.kind === 'jdk-cacerts' && anchors.length === 0 && !maybe) {
    return {
      ...base,
      presented,
      verdict: {
        kind: 'unknown',
        missing: said`${verifier.name} names no trust store: it trusts its JDK's cacerts, which the tree does not hold (declare -Djavax.net.ssl.trustStore or add the store)`,
      },
    };
  }
  if (source?.kind === 'system')
    return {
      ...base,
      presented,
      verdict: {
        kind: 'unknown',
        missing: said`${verifier.name} trusts the system's CA store, which the tree does not hold`,
      },
    };
  if (!source)
    return {
      ...base,
      presented,
      verdict: { kind: 'unknown', missing: noTrustStore(verifier) },
    };
  const judgeChain = (chain: TreeCertificate[], trusted = anchors) =>
    judge(
      signed,
      tree.elsewhere,
      chain,
      trusted,
      verifier,
      purpose,
      direction === 'server' ? serverKeyUsageFor(prediction, chain[0]) : undefined,
    );
  const verdict = judgeChain(presented);
  // Several key entries and no alias: the stack picks one; the verdict stands only when all agree.
  if (otherChains.map((chain) => judgeChain(chain)).some((v) => v.kind !== verdict.kind)) {
    return {
      ...base,
      presented,
      verdict: {
        kind: 'unknown',
        missing: said`${peer.name}'s key store holds several key entries ('${joined(
          chains.map((c) => c[0]?.store?.alias ?? '?'),
          "', '",
        )}') and its configuration names no alias: which one JSSE's key manager picks decides (name the one to present)`,
      },
    };
  }
  // An anchor the image's keytool may not have added (anchorsOf's `maybe`): a chain only it issues is unknown.
  if (maybe && verdict.kind === 'untrusted' && judgeChain(presented, [...anchors, ...maybe.anchors]).kind === 'trusted')
    return { ...base, presented, verdict: { kind: 'unknown', missing: maybe.why } };
  // The JDK's cacerts are trusted too (not in the tree): a path that found no anchor may still find one there.
  if (
    alsoDefault &&
    verdict.kind === 'untrusted' &&
    (verdict.result.reason === 'no-anchor' || verdict.result.reason === 'missing-intermediate')
  ) {
    return {
      ...base,
      presented,
      verdict: {
        kind: 'unknown',
        missing:
          source?.kind === 'jdk-cacerts'
            ? said`${verifier.name} trusts its JDK's cacerts, which the tree does not hold; the certificates its image adds to them (${joined(
                [...anchors, ...(maybe?.anchors ?? [])].map((a) => path.basename(a.doc.file.path)),
                ', ',
              )}) do not issue this chain`
            : said`${verifier.name} trusts the JDK's cacerts besides its trust store, and the tree does not hold them`,
      },
    };
  }
  return { ...base, presented, verdict };
}

/**
 * Trust per resolved link whose two ends have TLS settings. `unreadable`: store files in the tree whose
 * certificates could not be read; a verdict resting on one is unknown. `memo`: the run's, so a signature
 * is verified once per run.
 */
export function deriveTrust(
  all: TreeCertificate[],
  presented: ReadonlyMap<string, readonly NamedCertificates[]>,
  links: { link: Link; client: Component; server: Component; predicted?: LinkPrediction }[],
  unreadable: ReadonlySet<string> = new Set(),
  memo?: RunMemo,
): LinkTrust[] {
  const out: LinkTrust[] = [];
  const signed = signatureCheck(memo);
  const tree = treeEnds({ all, presented, unreadable });
  for (const { link, server, predicted, ...ends } of links) {
    // A client that calls this server with stores of its own (a MicroProfile Rest Client's trust store).
    const client =
      link.clientTrust && ends.client.tls
        ? { ...ends.client, tls: { ...ends.client.tls, trust: link.clientTrust } }
        : ends.client;
    if (!client.tls || !server.tls || client.tls.enabled?.value === false || server.tls.enabled?.value === false)
      continue;
    // An anonymous suite sends no certificate at all: nothing to check.
    if (predicted?.prediction.ok && /_anon_/i.test(predicted.prediction.cipherSuite)) continue;
    const clientAuth = server.tls.clientAuth?.value ?? 'none';
    // A client that does not verify its peer (nginx proxy_ssl_verify off) accepts any certificate: nothing to judge.
    const checked =
      client.tls.trust?.verifiesPeer?.value === false
        ? undefined
        : check(signed, tree, 'server', client, server, predicted);
    // httpd's optional_no_ca accepts a chain it cannot take to an anchor: only a path it trusts is judged further.
    const serverCertificate =
      client.tls.trust?.acceptsUnknownIssuer && checked?.verdict.kind !== 'trusted' ? undefined : checked;
    const unanchoredServerCertificate =
      client.tls.trust?.acceptsUnknownIssuer &&
      checked?.verdict.kind === 'untrusted' &&
      UNKNOWN_ISSUER.has(checked.verdict.result.reason)
        ? checked
        : undefined;
    const clientCertificate =
      clientAuth === 'none' ? undefined : check(signed, tree, 'client', server, client, predicted);
    out.push({
      link,
      client,
      server,
      clientAuth,
      ...(predicted ? { predicted } : {}),
      ...(serverCertificate ? { serverCertificate } : {}),
      ...(clientCertificate ? { clientCertificate } : {}),
      ...(unanchoredServerCertificate ? { unanchoredServerCertificate } : {}),
    });
  }
  return out;
}
