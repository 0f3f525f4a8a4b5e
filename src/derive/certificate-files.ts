/**
 * Which certificate and store files of the tree the components name, trust only, leave unresolved or own without
 * serving TLS (DerivedModel.certificateFiles): the derive stage computes it once per deployment.
 */
import { sameStart, type Location, type Range, type RelatedLocation } from '../core/types';
import { valueWhileUnset } from '../core/placeholder';
import type { TreeCertificate } from '../model/mq-certs';
import * as path from 'node:path';
import { mountHolding } from '../parse/compose-volumes';
import type { Component, StoreRef, TlsTrustSettings, TreeMount, UnlinkedEnd, UnservedTls } from '../model/types';
import type { NamedCertificates } from './presented';
import type { CertificateFileUse, NotServedBy, StoreNamer, TrustingEnd, UnresolvedReference } from './types';

/** How `CertificateFileUse.presentedBy` names who presents a file: its name and place (`name@file:line`; names may repeat). */
export const presenterName = (by: StoreNamer): string =>
  `${by.name}@${by.location.file}:${by.location.range?.start.line ?? 0}`;

/** The certificate and store files the components name (see `CertificateFileUse`). */
export function certificateFileUse(
  components: readonly Component[],
  presented: ReadonlyMap<string, readonly NamedCertificates[]>,
  unlinked: readonly UnlinkedEnd[],
  stacks: ReadonlyMap<string, { kind: string }>,
  placed: (written: string) => { file: string; at: Location } | undefined = () => undefined,
): Omit<CertificateFileUse, 'notServed'> {
  const inUse = new Map<string, RelatedLocation[]>();
  // Files named only at some embedded documents (a Secret's mounted keys), else the whole file ('whole').
  const embeddedUse = new Map<string, Range[] | 'whole'>();
  const useOf = (file: string, ranges: readonly Range[] | undefined) => {
    const known = embeddedUse.get(file);
    embeddedUse.set(file, !ranges || known === 'whole' ? 'whole' : [...(known ?? []), ...ranges]);
  };
  const namedOutside = new Map<string, RelatedLocation[]>();
  const unresolved: UnresolvedReference[] = [];
  const mountedOutside: CertificateFileUse['mountedOutside'][number][] = [];
  const keyAliases = new Map<string, Set<string> | 'any'>();
  // The ends naming each tree file as a trust store, and the files some end names or presents as its own.
  const trustedBy = new Map<string, TrustingEnd[]>();
  const jsse = (kind: string | undefined) => kind === 'jsse' || kind === 'ibmjsse2';
  const owned = new Set<string>();
  const presentedBy = new Map<string, Set<string>>();
  // Who presents a file as its own: a component, or an unlinked end, by its name and place (names may repeat).
  const presenting = (file: string, by: StoreNamer) => {
    const who = presenterName(by);
    const set = presentedBy.get(file);
    if (set) set.add(who);
    else presentedBy.set(file, new Set([who]));
  };
  // The alias a component's key-store setting selects (the model keeps a placeholder's default), or 'any'.
  const selecting = (component: Component): string => {
    const alias = component.tls?.trust?.keyAlias?.value.trim();
    return alias && !/\$\{|\{\{/.test(alias) ? alias.toLowerCase() : 'any';
  };
  const add = (
    map: Map<string, RelatedLocation[]>,
    key: string,
    component: StoreNamer,
    at: Location | undefined,
    alias: string,
    message = `${component.name} names it here`,
  ) => {
    const place = { ...(at ?? component.location), message };
    const places = map.get(key);
    if (!places) map.set(key, [place]);
    else if (!places.some((p) => sameStart(p, place))) places.push(place);
    const aliasKey = map === inUse ? key : `name:${key}`;
    const known = keyAliases.get(aliasKey);
    if (alias === 'any' || known === 'any') keyAliases.set(aliasKey, 'any');
    else keyAliases.set(aliasKey, new Set([...(known ?? []), alias]));
  };
  const named = (
    component: StoreNamer,
    file: string | undefined,
    written: string,
    at: Location | undefined,
    alias: string,
    type?: string,
    role?: 'key' | 'trust',
    opensslVerifies?: UnresolvedReference['opensslVerifies'],
  ): string | undefined => {
    if (file) {
      add(inUse, file, component, at, alias);
      return file;
    }
    // `${KEYSTORE_PATH:classpath:cert/keystore.p12}`: the file used while the variable is unset.
    const fallback = (valueWhileUnset(written)?.trim() || undefined)?.replace(/^(classpath|file):/, '');
    const name = (fallback ?? written).split(/[\\/]/).at(-1) ?? '';
    // A Compose bind mount of the deployment that puts a tree file at the absolute path written (`./secrets` at
    // /etc/kafka/secrets): that is the file, whichever service the mount is for.
    const mounted = placed(fallback ?? written);
    const unresolvedHere = (relative: boolean) =>
      unresolved.push({
        component,
        path: written,
        ...(relative ? { relative: true as const } : {}),
        ...(at ? { at } : {}),
        ...(type ? { type } : {}),
        ...(role ? { role } : {}),
        ...(opensslVerifies ? { opensslVerifies } : {}),
      });
    if (/\$\{|\{\{|\$\(|^\$[A-Za-z_]/.test(name)) unresolvedHere(false);
    // HAProxy's `crt common.pem`, Spring's `classpath:keystore.p12` found beside no configuration: a tree file of that
    // name elsewhere (another module's, test data) may be it or not (haproxy/haproxy examples/keylog-test.cfg).
    else if (name && isRelativePath(fallback ?? written)) unresolvedHere(true);
    else if (name && mounted) {
      add(inUse, mounted.file, component, at, alias);
      add(inUse, mounted.file, component, mounted.at, alias, `mounted here at the path ${component.name} names`);
      return mounted.file;
    } else if (name) {
      add(namedOutside, name, component, at, alias);
      // An absolute path the tree does not place (no COPY, no mount, no tree path of its last two segments): a tree
      // file of its name may be the one deployed, or another (juouyang/jetty-https-lab@7e88c56: Jetty's
      // /etc/ssl/keystore.jks and the expired sample ssl/expired/keystore.jks): perhaps, as a relative path.
      unresolvedHere(true);
    }
    return undefined;
  };
  for (const component of components) {
    const keyAlias = selecting(component);
    // Paths Compose mounts from outside the tree: they name no tree file, not even one of their name.
    const outside = new Set<string>();
    for (const { ref, certificates, file } of presented.get(component.id) ?? []) {
      for (const c of certificates) {
        useOf(c.doc.file.path, ref.embeddedAt);
        owned.add(c.doc.file.path);
        presenting(c.doc.file.path, component);
        add(inUse, c.doc.file.path, component, ref.reference, keyAlias);
        if (ref.copiedAt)
          add(
            inUse,
            c.doc.file.path,
            component,
            ref.copiedAt,
            keyAlias,
            `copied here to the path ${component.name} names`,
          );
      }
      if (ref.mountedFromOutside && ref.file) {
        mountedOutside.push({ component, path: ref.file, at: ref.mountedFromOutside });
        outside.add(ref.file);
      } else if (certificates.length === 0 && ref.file)
        // A store of the tree that presents no key entry (the alias names none of them: cert/key-alias-missing) is
        // still this file, not every file of its name (atwroro/javaspringappssl@da5ae80a: backup/keystore.jks was said
        // to be named by classpath:keystore.jks).
        named(component, file, ref.file, ref.reference, keyAlias, literalStoreType(ref.storeType), 'key');
    }
    // A client URL's own stores (a MicroProfile Rest Client's trust store) are the component's too.
    const urls = component.type === 'java.app' ? component.attributes.urls : [];
    // nginx's certificate is its key store too: that path, mounted from outside, names nothing either.
    // Built by push, as storesNamedBy's list is.
    const trusts = [component.tls?.trust];
    for (const url of urls) trusts.push(url.trust);
    for (const trust of trusts)
      for (const [store, alias, role] of storesNamedBy(trust, keyAlias)) {
        if (!store || (store.file === undefined && outside.has(store.path.value))) continue;
        if (store.file) useOf(store.file, store.embeddedAt);
        // A store Compose mounts from a host path the tree does not hold (nginx's ssl_client_certificate): no tree file.
        if (store.file === undefined && store.mountedFromOutside) {
          mountedOutside.push({ component, path: store.path.value, at: store.mountedFromOutside });
          continue;
        }
        const kind = stacks.get(component.id)?.kind;
        const verifies = role === 'trust' && kind === 'openssl' ? verifyingAt(component, trust) : undefined;
        if (store.file && role === 'trust') {
          trustedBy.set(store.file, [
            ...(trustedBy.get(store.file) ?? []),
            {
              name: component.name,
              jsse: jsse(kind),
              ...(verifies ? { opensslVerifies: verifies } : {}),
              ...(kind === 'erlang' ? { erlang: erlangEnd(verifyingAt(component, trust), component) } : {}),
            },
          ]);
        } else if (store.file) owned.add(store.file);
        const resolved = named(
          component,
          store.file ?? store.fileWhileUnset,
          store.path.value,
          store.path.from.kind === 'file' ? store.path.from.location : undefined,
          alias,
          literalStoreType(store.type?.value),
          role,
          verifies ? { at: verifies, haproxyServer: component.type === 'haproxy.server' } : undefined,
        );
        if (resolved && role === 'key') presenting(resolved, component);
        // The Dockerfile instruction that puts the tree's file at the path the setting names decides it too.
        if (store.file && store.copiedBy)
          add(inUse, store.file, component, store.copiedBy, alias, `copied here to the path ${component.name} names`);
        // So does the Compose mount that puts it there (a file named by an absolute path alone would be a guess).
        if (store.file && store.mountedAt)
          add(inUse, store.file, component, store.mountedAt, alias, `mounted here at the path ${component.name} names`);
      }
  }
  // The stores of ends the model links to no peer (Kafka's): in use all the same, whoever their peers are. An end
  // whose use is unknown (an SSL bundle no setting hands over) names its files too, but only maybe in use.
  const surelyNamed = new Set(inUse.keys());
  const useUnknown = new Map<string, StoreNamer[]>();
  for (const end of unlinked) {
    for (const [store, role] of [
      [end.trust.keyStore, 'key'],
      [end.trust.trustStore, 'trust'],
    ] as const) {
      if (!store) continue;
      if (store.file) useOf(store.file, store.embeddedAt);
      if (store.file && role === 'trust')
        trustedBy.set(store.file, [
          ...(trustedBy.get(store.file) ?? []),
          {
            name: end.name,
            jsse: jsse(end.implementation),
            ...(end.implementation === 'erlang' ? { erlang: erlangEnd(verifyingEnd(end), end) } : {}),
            // An OpenSSL end that verifies (Kibana's connection to Elasticsearch, Node.js: ../model/kibana-beats.ts).
            ...(end.implementation === 'openssl' && verifyingEnd(end) ? { opensslVerifies: verifyingEnd(end) } : {}),
          },
        ]);
      // A bundle of unknown use may present it or not: a file only JSSE trust stores otherwise name stays theirs.
      else if (store.file && !end.useUnknown) owned.add(store.file);
      const at = store.path.from.kind === 'file' ? store.path.from.location : undefined;
      const resolved = named(end, store.file, store.path.value, at, 'any', literalStoreType(store.type?.value), role);
      if (resolved && role === 'key' && !end.useUnknown) presenting(resolved, end);
      if (!store.file) continue;
      if (store.mountedAt)
        add(inUse, store.file, end, store.mountedAt, 'any', `mounted here at the path ${end.name} names`);
      if (end.storesReadBecause)
        add(inUse, store.file, end, end.storesReadBecause, 'any', end.storesReadBecause.message);
      if (end.useUnknown) useUnknown.set(store.file, [...(useUnknown.get(store.file) ?? []), end]);
      else surelyNamed.add(store.file);
    }
  }
  for (const file of surelyNamed) useUnknown.delete(file);
  const trustOnly = new Map([...trustedBy].filter(([file]) => !owned.has(file)));
  const embeddedOnly = new Map(
    [...embeddedUse].flatMap(([file, ranges]) => (ranges === 'whole' ? [] : [[file, ranges] as const])),
  );
  return {
    inUse,
    ...(embeddedOnly.size > 0 && { embeddedUse: embeddedOnly }),
    namedOutside,
    keyAliases,
    trustOnly,
    presentedBy,
    unresolved,
    mountedOutside,
    useUnknown,
  };
}

/**
 * Where a component that verifies its peers with its trust store says so: a server's client-certificate mode
 * (`ssl_verify_client on|optional|optional_no_ca`), a client's `verifiesPeer` (`proxy_ssl_verify on`, HAProxy `verify
 * required`); undefined when it does not verify, or does not say (a client whose verification the model does not read).
 */
function verifyingAt(component: Component, trust: TlsTrustSettings | undefined): Location | undefined {
  const mode = component.role === 'server' ? component.tls?.clientAuth : undefined;
  const verifies = component.role === 'server' ? undefined : trust?.verifiesPeer;
  const decided = mode ? (mode.value === 'none' ? undefined : mode) : verifies?.value ? verifies : undefined;
  if (!decided) return undefined;
  return decided.from.kind === 'file' ? decided.from.location : component.location;
}

/** An end that verifies (a client's `verifiesPeer` true): where it says so. */
function verifyingEnd(end: UnlinkedEnd): Location | undefined {
  const verifies = end.trust.verifiesPeer;
  return verifies?.value && verifies.from.kind === 'file' ? verifies.from.location : undefined;
}

/** What an Erlang/OTP end's trust is told by (TrustingEnd.erlang): where it verifies, and its official image. */
function erlangEnd(verifies: Location | undefined, end: Component | UnlinkedEnd): NonNullable<TrustingEnd['erlang']> {
  const image = 'type' in end ? (end.type === 'rabbitmq.listener' ? end.attributes.image : undefined) : end.image;
  return { ...(verifies && { verifies }), ...(image && { image }) };
}

/**
 * The stores a trust setting names, each with the key alias it is read with and its role: the key store, the trust
 * store, then the chain files sent with the server's own chain (httpd SSLCertificateChainFile, Tomcat
 * certificateChainFile). Built by push, not spread from `map`: an optimized `map` returns an array of another hidden
 * class than the interpreter's, and the spread of it recompiled certificateFileUse (docs/performance.md, session 56).
 */
function storesNamedBy(
  trust: TlsTrustSettings | undefined,
  keyAlias: string,
): [store: StoreRef | undefined, alias: string, role: 'key' | 'trust'][] {
  const stores: [StoreRef | undefined, string, 'key' | 'trust'][] = [
    [trust?.keyStore, keyAlias, 'key'],
    [trust?.trustStore, 'any', 'trust'],
  ];
  for (const chain of trust?.chainStores ?? []) stores.push([chain, 'any', 'key']);
  return stores;
}

/**
 * A path read relative to a directory the tree does not show: the classpath, or no root (`/`, `C:\\`) or home (`~`)
 * to start from. An absolute path is the container's or host's own, which a mount or copy of a tree file of its name
 * fills (`/etc/ssl/site.pem` from `./certs/site.pem`).
 */
function isRelativePath(written: string): boolean {
  const value = written.trim();
  if (/^classpath\*?:/i.test(value)) return true;
  const bare = value.replace(/^file:/i, '');
  return !/^(\/|~|[A-Za-z]:[\\/]|\\\\)/.test(bare);
}

/** A store type as written (`PKCS12`, `jks`), upper-cased; undefined when absent or itself a placeholder. */
function literalStoreType(written: string | undefined): string | undefined {
  const type = written?.trim().toUpperCase();
  return type && /^[A-Z0-9_-]+$/.test(type) ? type : undefined;
}

/**
 * The store files servers that serve no TLS name (by the setting that names each), and the certificates of a Liberty
 * server's own directory no `<keyStore>` of it names: why no handshake presents them (CertificateFileUse.notServed).
 */
export function notServedFiles(
  unserved: readonly UnservedTls[],
  certs: readonly TreeCertificate[],
): Map<string, NotServedBy[]> {
  const notServed = new Map<string, NotServedBy[]>();
  const add = (file: string, by: NotServedBy) => notServed.set(file, [...(notServed.get(file) ?? []), by]);
  for (const server of unserved)
    for (const store of server.stores)
      if (store.file)
        add(store.file, { server, ...(store.path.from.kind === 'file' ? { namedAt: store.path.from.location } : {}) });
  for (const c of certs) {
    if (notServed.has(c.doc.file.path)) continue;
    const server = unserved.find((u) => u.home === c.ownerDir);
    if (server) add(c.doc.file.path, { server });
  }
  return notServed;
}

/**
 * The tree certificate or store file a Compose bind mount of the deployment puts at the absolute container path
 * `written`, with the mount's place, when one does (the longest mount target holding it); undefined otherwise.
 */
export function placedByMount(
  mounts: readonly TreeMount[],
  written: string,
  treeFiles: ReadonlySet<string>,
): { file: string; at: Location } | undefined {
  if (!written.startsWith('/')) return undefined;
  const holding = mountHolding(mounts, (m) => m.mount.target, path.posix.normalize(written));
  const file = holding && path.join(holding.mount.hostPath, ...holding.below);
  return holding && file !== undefined && treeFiles.has(file)
    ? { file, at: { file: holding.mount.file, range: holding.mount.mount.range } }
    : undefined;
}
