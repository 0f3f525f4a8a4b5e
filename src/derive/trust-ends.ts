/**
 * What each end of a trust check brings (split from trust.ts, which judges the checks): the certificates a component
 * sends as its own, and the anchors its verifier trusts — its trust store, the JDK's cacerts, the system's store —
 * with why either is unknown when the tree does not hold it.
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import { ours, said, type Phrase, type PhrasedRelated } from '../core/phrase';
import { mqQueueManagerKeyRepository } from '../knowledge';
import type { TreeCertificate } from '../model/mq-certs';
import type { PemCertificate } from '../parse/certificate';
import { isNginx, type Component, type StoreRef } from '../model/types';
import type { VerifierStack } from './chain';
import type { NamedCertificates } from './presented';
import { certificatesInStore, keyEntries, storeLabel, trustedInStore } from './stores';
import { mqDefaultLabel } from './mq-default-label';
import { ihsDefaultCertificate } from './ihs-default-certificate';
import { keytoolImportUnknown, keytoolRefusesImport } from './pem-byte-order-mark';

/** Where a verifier's anchors come from. */
export type AnchorSource =
  | { kind: 'store'; store: StoreRef; file: string }
  | { kind: 'jdk-cacerts' }
  | { kind: 'system' }
  | { kind: 'outside-tree'; store: StoreRef }
  /** In the tree but its certificates could not be read (a PKCS#12 no tried password opens, a CMS key database). */
  | { kind: 'unreadable'; store: StoreRef }
  /** The model cannot say which anchors it uses (TlsTrustSettings.unknown). */
  | { kind: 'unsettled'; why: string | Phrase; related?: PhrasedRelated[] }
  /** It trusts no certificate at all (TlsTrustSettings.trustsNothing). */
  | { kind: 'nothing'; why: string | Phrase };

export const verifierStack = (c: Component): VerifierStack | undefined => {
  const impl = c.tls?.implementation;
  return impl === 'jsse' || impl === 'ibmjsse2' ? 'jsse' : impl === 'openssl' ? 'openssl' : undefined;
};

/** The tree's certificates as trust checks read them; `unreadable`: store files whose certificates could not be read. */
export interface TreeOfCertificates {
  all: TreeCertificate[];
  presented: ReadonlyMap<string, readonly NamedCertificates[]>;
  unreadable: ReadonlySet<string>;
}

/** The certificates a component sends as its own: the key store's entry (by alias), else its PEM file in file order. */
export function ownChain(
  all: TreeCertificate[],
  presented: ReadonlyMap<string, readonly NamedCertificates[]>,
  component: Component,
  unreadable: ReadonlySet<string>,
): OwnChains {
  const own = keyStoreChains(all, presented, component, unreadable);
  const extra = component.tls?.trust?.chainStores;
  if (!extra?.length || own.missing || own.chains.length === 0) return own;
  // The chain file's certificates follow the key store's (httpd SSLCertificateChainFile, Tomcat certificateChainFile).
  const added: TreeCertificate[] = [];
  for (const store of extra) {
    if (!store.file || unreadable.has(store.file))
      return {
        ...own,
        chains: [],
        missing: storeUnknown(component.name, store, 'certificate chain file', store.file ? 'unreadable' : 'missing'),
      };
    added.push(...inFileOrder(all, store.file));
  }
  return {
    ...own,
    chains: own.chains.map((chain) => {
      const sent = new Set(chain.map((c) => c.cert.fingerprintSha256));
      return [...chain, ...added.filter((c) => !sent.has(c.cert.fingerprintSha256))];
    }),
  };
}

interface OwnChains {
  chains: TreeCertificate[][];
  from?: Location;
  store?: string;
  missing?: Phrase;
}

/** The chains of the key store or certificate file alone. */
function keyStoreChains(
  all: TreeCertificate[],
  presented: ReadonlyMap<string, readonly NamedCertificates[]>,
  component: Component,
  unreadable: ReadonlySet<string>,
): OwnChains {
  const tls = component.tls;
  const trust = tls?.trust;
  if (trust?.keyStore) {
    const from = placeOfStore(trust.keyStore);
    if (!trust.keyStore.file)
      return {
        chains: [],
        from,
        missing: storeUnknown(component.name, trust.keyStore, 'key store', 'missing'),
      };
    if (unreadable.has(trust.keyStore.file))
      return {
        chains: [],
        from,
        missing: storeUnknown(component.name, trust.keyStore, 'key store', 'unreadable'),
      };
    const entries = keyEntries(all, trust.keyStore.file, trust.keyStore.embeddedAt);
    // An MQ key repository with no CERTLABL: the default label, or unknown (never "its only certificate").
    const byDefault =
      !trust.keyAlias?.value && trust.keyStore.type?.value === 'CMS'
        ? (mqDefaultLabel(component) ?? ihsDefaultCertificate(component))
        : undefined;
    if (byDefault && 'unknown' in byDefault) return { chains: [], from, missing: byDefault.unknown };
    const alias = trust.keyAlias?.value || byDefault?.label;
    const chosen = alias ? entries.filter((e) => e.alias.toLowerCase() === alias.toLowerCase()) : entries;
    // The name the default label comes from is a script's (crtmqm, a release name): a miss is not proof of none.
    if (byDefault && chosen.length === 0)
      return {
        chains: [],
        from,
        missing: said`${component.name} sets no CERTLABL and ${trust.keyStore.path.value} holds no certificate labelled ${byDefault.label}, MQ's default label for the queue manager name the tree gives`,
      };
    if (entries.length === 0 && certificatesInStore(all, trust.keyStore.file, trust.keyStore.embeddedAt).length === 0) {
      return {
        chains: [],
        from,
        missing: said`${component.name}'s key store ${trust.keyStore.path.value} could not be read`,
      };
    }
    return { chains: chosen.map((e) => e.chain), from, store: storeLabel(trust.keyStore, alias) };
  }
  const file = tls?.certificate?.file;
  if (!file) return { chains: [] };
  const [firstNamed] = presented.get(component.id)?.[0]?.certificates ?? [];
  if (!firstNamed)
    return {
      chains: [],
      from: tls?.certificate?.reference,
      missing: said`${component.name}'s certificate ${file} is not in the tree`,
    };
  // nginx and Tomcat send the file's certificates in file order: the first is the leaf.
  return { chains: [inFileOrder(all, firstNamed.doc.file.path)], from: tls?.certificate?.reference };
}

/** A PEM file's certificates in the order the file holds them (the order a server sends them in). */
function inFileOrder(all: TreeCertificate[], file: string): TreeCertificate[] {
  return certificatesInStore(all, file).sort((a, b) => a.cert.range.start.line - b.cert.range.start.line);
}

/**
 * Why a named store's certificates are unknown, saying what names it: `…'s key repository
 * ${DIR}/../app.kdb (MQSSLKEYR) is not in the tree`, `… is an IBM CMS key database (.kdb), a format lint-deploy does
 * not read`. An MQ key repository (CMS) is both the key and the trust store: it is called what MQ calls it.
 */
export function storeUnknown(owner: string, store: StoreRef, role: string, why: 'missing' | 'unreadable'): Phrase {
  const setting = store.setting ? said` (${store.setting})` : ours('');
  if (store.type?.value === 'KEYRING')
    return said`${owner}'s key ring ${store.path.value}${setting} is a z/OS RACF key ring, not a file of the tree`;
  // Said as what it is (`… is the X.509-SVID of the SPIFFE Workload API (proxy_ssl_spiffe)`), not as a file name.
  if (store.fetchedAtRunTime)
    return said`${owner}'s ${ours(role)} is ${store.path.value}${setting}, fetched when it runs: not a file of the tree`;
  const cms = store.type?.value === 'CMS';
  const named = said`${owner}'s ${ours(cms ? 'key repository' : role)} ${store.path.value}${setting}`;
  // A placeholder only (`${KEYSTORE_PATH}`): the value is set where the component runs.
  if (why === 'missing' && /^\$\{[^}]+\}$/.test(store.path.value.trim()))
    return said`${named} is a placeholder the tree does not resolve (set at run time): its file is unknown`;
  // A Kubernetes ConfigMap or Secret volume mounted there whose content the tree does not show (the Secret, a key).
  if (why === 'missing' && store.volumeUnknown)
    return said`${named} is a Kubernetes volume mounted there, but ${store.volumeUnknown}`;
  if (why === 'missing') return said`${named} is not in the tree`;
  return cms
    ? said`${named} is an IBM CMS key database (.kdb) of a layout lint-deploy does not read (export its certificates as PEM beside it: runmqakm -cert -extract)`
    : said`${named} could not be read (no password tried opens it)`;
}

export function placeOfStore(store: StoreRef): Location | undefined {
  return store.path.from.kind === 'file' ? store.path.from.location : undefined;
}

/** The JDK's cacerts when the tree holds the JDK the component runs (its `release` file's directory). */
export function treeCacerts(all: TreeCertificate[], component: Component): string | undefined {
  const from = component.runtime?.version.from;
  if (from?.kind !== 'file' || path.basename(from.location.file) !== 'release') return undefined;
  const home = path.dirname(from.location.file);
  const candidates = [
    path.join(home, 'lib', 'security', 'cacerts'),
    path.join(home, 'jre', 'lib', 'security', 'cacerts'),
  ];
  return candidates.find((file) => all.some((c) => c.doc.file.path === file));
}

/**
 * The anchors a verifier trusts: its trust store, else its default — the JDK's cacerts (known when the tree
 * holds that JDK's cacerts), the system's CA store (never known). `alsoDefault`: the JDK's cacerts are
 * trusted besides the trust store (Liberty trustDefaultCerts="true"), so a missing anchor is not decisive.
 */
export function anchorsOf(
  all: TreeCertificate[],
  component: Component,
  unreadable: ReadonlySet<string>,
): {
  anchors: TreeCertificate[];
  source?: AnchorSource;
  from?: Location;
  alsoDefault?: boolean;
  /** Anchors the image's keytool may or may not have added to its JDK's cacerts, and why that is unknown. */
  maybe?: { anchors: TreeCertificate[]; why: Phrase };
} {
  const trust = component.tls?.trust;
  const store = trust?.trustStore;
  const jsse = verifierStack(component) === 'jsse';
  if (trust?.unknown)
    return {
      anchors: [],
      source: { kind: 'unsettled', why: trust.unknown.why, related: trust.unknown.related },
      from: trust.unknown.at,
    };
  if (store) {
    const from = placeOfStore(store);
    if (!store.file) return { anchors: [], source: { kind: 'outside-tree', store }, from };
    if (unreadable.has(store.file)) return { anchors: [], source: { kind: 'unreadable', store }, from };
    return {
      anchors: trustedInStore(all, store.file, jsse, store.embeddedAt),
      source: { kind: 'store', store, file: store.file },
      from,
      alsoDefault: trust?.defaultTrust === 'jdk-cacerts',
    };
  }
  if (trust?.trustsNothing)
    return { anchors: [], source: { kind: 'nothing', why: trust.trustsNothing.why }, from: trust.trustsNothing.at };
  if (trust?.defaultTrust === 'jdk-cacerts' || (jsse && trust?.defaultTrust !== 'none')) {
    const cacerts = treeCacerts(all, component);
    if (cacerts)
      return {
        anchors: trustedInStore(all, cacerts, true),
        source: {
          kind: 'store',
          store: { path: { value: cacerts, from: { kind: 'default', origin: "the JDK's cacerts" } }, file: cacerts },
          file: cacerts,
        },
      };
    // The image's keytool adds certificates of the tree (the first of each file): known anchors among unknown ones. Not
    // a file it refuses (java/keytool-import-byte-order-mark): that RUN fails, or cacerts go on without the certificate;
    // one it may refuse (marked, the image's JDK not named) is an anchor nobody knows is there (`maybe`).
    const firsts = (trust?.cacertsAdded ?? []).flatMap((a) => {
      const first = all.find((c) => c.doc.file.path === a.file && !c.store);
      return first && !keytoolRefusesImport(component, first.doc.data) ? [first] : [];
    });
    const unknownImport = (c: TreeCertificate) =>
      keytoolImportUnknown(component, [{ file: c.doc.file.path, data: c.doc.data }]) !== undefined;
    const added = firsts.filter((c) => !unknownImport(c));
    const unsure = firsts.filter(unknownImport);
    const why = keytoolImportUnknown(
      component,
      unsure.map((c) => ({ file: c.doc.file.path, data: c.doc.data })),
    );
    const maybe = why ? { maybe: { anchors: unsure, why } } : {};
    // The image copies a key store of the tree over the JDK's cacerts: its certificates are the anchors.
    const replaced = trust?.cacertsReplaced;
    if (replaced) {
      const store: StoreRef = {
        path: { value: replaced.path, from: { kind: 'file', location: replaced.at } },
        file: replaced.file,
        copiedBy: replaced.at,
      };
      if (unreadable.has(replaced.file))
        return { anchors: [], source: { kind: 'unreadable', store }, from: replaced.at };
      // JDK 17.0.15 here: the JDK opens cacerts with javax.net.ssl.trustStorePassword, else with no password, and a
      // PKCS#12 whose certificates a password encrypts then yields none ("the trustAnchors parameter must be non-empty").
      if (replaced.encrypted && !component.runtime?.systemProperties['javax.net.ssl.trustStorePassword'])
        return {
          anchors: [],
          source: {
            kind: 'unsettled',
            why: said`${component.name}'s image replaces its JDK's cacerts with ${path.join(path.basename(path.dirname(replaced.file)), path.basename(replaced.file))}, a PKCS#12 store whose certificates a password encrypts; the JDK opens cacerts without a password unless -Djavax.net.ssl.trustStorePassword gives one, then reads none of them and its TLS connections fail with "the trustAnchors parameter must be non-empty" (JDK 17). Give the password, or copy a JKS or password-less PKCS#12 store`,
            related: [
              {
                file: replaced.file,
                message: said`${component.name}'s image copies this store over its JDK's cacerts`,
              },
            ],
          },
          from: replaced.at,
        };
      const anchors = [...trustedInStore(all, replaced.file, true), ...added];
      return replaced.merged
        ? { anchors, source: { kind: 'jdk-cacerts' }, from: replaced.at, alsoDefault: true, ...maybe }
        : { anchors, source: { kind: 'store', store, file: replaced.file }, from: replaced.at, ...maybe };
    }
    if (firsts.length)
      return {
        anchors: added,
        source: { kind: 'jdk-cacerts' },
        from: trust?.cacertsAdded?.[0]?.at,
        alsoDefault: true,
        ...maybe,
      };
    return { anchors: [], source: { kind: 'jdk-cacerts' } };
  }
  if (trust?.defaultTrust === 'system') return { anchors: [], source: { kind: 'system' } };
  return { anchors: [] };
}

/**
 * The CA names a server lists in its CertificateRequest: a JSSE server its anchors' subjects; nginx the
 * certificates of ssl_client_certificate, none with ssl_trusted_certificate alone (then any client key goes).
 */
export function listedIssuers(server: Component, anchors: TreeCertificate[]): Set<string> {
  if (isNginx(server) && server.attributes.storeDirectives && !server.attributes.storeDirectives.ssl_client_certificate)
    return new Set();
  return new Set(anchors.map((a) => a.cert.subjectText));
}

/**
 * Why an end that names no trust store is unknown. A queue manager always has a key repository: without SSLKEYR it is
 * the default of its data directory, and IBM MQ's container image builds its own from the certificates mounted in its
 * trust directory (ibm-messaging/mq-helm@d218ef6 samples: the chart's pki.trust Secret, the MQSC in a ConfigMap), so
 * "no trust store" would be wrong there.
 */
export function noTrustStore(verifier: Component): Phrase {
  if (verifier.type !== 'mq.svrconn' && verifier.type !== 'mq.sender')
    return said`${verifier.name} has no trust store configured`;
  const repository = mqQueueManagerKeyRepository();
  return said`${verifier.name}'s queue manager sets no SSLKEYR, so it trusts what its default key repository (${ours(repository.default.value)}) holds, or in IBM MQ's container image the certificates mounted in ${ours(repository.containerTrustDirectory.value)} (a Helm chart's pki.trust, a QueueManager's spec.pki.trust), which the tree does not settle`;
}

function uniqueCerts(all: TreeCertificate[]): PemCertificate[] {
  const seen = new Map<string, PemCertificate>();
  for (const c of all) if (!seen.has(c.cert.fingerprintSha256)) seen.set(c.cert.fingerprintSha256, c.cert);
  return [...seen.values()];
}

/**
 * What a deployment's certificates settle per component, each asked once per deployment: a component is an end of
 * many links (a client of every same-named server), and each answer reads every certificate of the tree.
 */
export interface TreeEnds {
  /** Every distinct certificate of the tree (a chain's issuers may be found there). */
  elsewhere: PemCertificate[];
  ownChain(component: Component): ReturnType<typeof ownChain>;
  anchorsOf(component: Component): ReturnType<typeof anchorsOf>;
}

export function treeEnds(tree: TreeOfCertificates): TreeEnds {
  const { all, presented, unreadable } = tree;
  const chains = new Map<Component, ReturnType<typeof ownChain>>();
  const anchors = new Map<Component, ReturnType<typeof anchorsOf>>();
  const once = <T>(answers: Map<Component, T>, component: Component, answer: () => T): T => {
    let known = answers.get(component);
    if (known === undefined) answers.set(component, (known = answer()));
    return known;
  };
  return {
    elsewhere: uniqueCerts(all),
    ownChain: (component) => once(chains, component, () => ownChain(all, presented, component, unreadable)),
    anchorsOf: (component) => once(anchors, component, () => anchorsOf(all, component, unreadable)),
  };
}
