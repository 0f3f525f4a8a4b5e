/**
 * The derive stage: data that several rules and formatters need, computed once per deployment after the
 * model is built and kept on the deployment as plain data, so no rule recomputes it and no module holds
 * per-deployment state between calls.
 */
import { endpointFor, type Endpoint } from '../handshake/endpoint';
import type { LinkPrediction } from '../handshake/links';
import { predictHandshake } from '../handshake/predict';
import type { HandshakePrediction, HandshakeSide } from '../handshake/types';
import { treeCertificates, type TreeCertificate } from '../model/mq-certs';
import { sameStart, type Location, type RelatedLocation } from '../core/types';
import { countWork } from '../core/work';
import type { RunMemo } from '../core/run-memo';
import { valueWhileUnset } from '../core/placeholder';
import type { Component, Deployment, TlsTrustSettings, UnlinkedEnd, UnservedTls } from '../model/types';
import { linkOutcome } from './outcome';
import { namedByComponent, presentedKeys, presentedPlaces, type NamedCertificates } from './presented';
import { nginxLevelRefusals } from './nginx-levels';
import { stackOf } from './stack';
import { deriveTrust } from './trust';
import { isKeystoreDocument } from '../parse/keystore/format';
import type { PemData } from '../parse/pem';
import type { ParsedDocument } from '../parse/types';
import type { ChannelAccess } from '../model/mq-access';
import { channelAccess } from '../model/mq-channel-access';
import { channelAccessKey, documentChannels } from '../model/mq-channel-inputs';
import { mqscScriptsOf } from '../model/mq-scripts';
import type {
  CertificateFileUse,
  ComponentEndpoints,
  DerivedDeployment,
  DerivedModel,
  NotServedBy,
  ResolvedLink,
  StoreNamer,
  TrustingEnd,
  UnresolvedReference,
} from './types';

/** The role a component plays when a rule looks at it alone (a `both` component is judged as a server). */
export function ownRole(component: Component): 'client' | 'server' {
  return component.role === 'client' ? 'client' : 'server';
}

/**
 * Derives certificates, endpoints, resolved links and their predictions. `certificates` may be passed when
 * the model builder already computed them from the same documents. `memo`: the run's answers by value. A
 * prediction is a pure function of the two sides (plain data: lists, key, flags), and every environment of
 * a fleet links the same kinds of ends with the same lists: predicted once per distinct pair of sides.
 */
export function deriveDeployment(
  deployment: Deployment,
  certificates?: TreeCertificate[],
  memo?: RunMemo,
): DerivedDeployment {
  const certs = certificates ?? treeCertificates(deployment.documents, deployment.root);
  const presented = namedByComponent(certs, deployment.components);
  const endpoints = new Map<string, ComponentEndpoints>();
  const endpointOf = (component: Component, role: 'client' | 'server'): Endpoint | undefined => {
    let known = endpoints.get(component.id);
    if (!known) endpoints.set(component.id, (known = {}));
    if (!(role in known))
      known[role] = endpointFor(
        component,
        role,
        deployment,
        role === 'server' ? presentedKeys(presented.get(component.id)) : undefined,
        memo,
      );
    return known[role];
  };
  const byId = new Map(deployment.components.map((c) => [c.id, c]));
  const links: ResolvedLink[] = [];
  const predictions: LinkPrediction[] = [];
  const unconfirmed: ResolvedLink[] = [];
  countWork('links predicted', deployment.links.length);
  for (const link of deployment.links) {
    const client = byId.get(link.client);
    const server = byId.get(link.server);
    if (!client || !server) continue;
    // A pairing by a name coincidence is never judged: it is reported as unknown (tls/link-outcome-unknown).
    if (link.unconfirmed) {
      unconfirmed.push({ link, client, server });
      continue;
    }
    const clientEnd = endpointOf(client, 'client');
    const serverEnd = endpointOf(server, 'server');
    let predicted: LinkPrediction | undefined;
    if (clientEnd && serverEnd) {
      const prediction = memo
        ? predictedByValue(clientEnd.side, serverEnd.side, memo)
        : predictHandshake(clientEnd.side, serverEnd.side);
      predicted = {
        link,
        client: clientEnd,
        server: serverEnd,
        prediction,
        outcome: linkOutcome(clientEnd, serverEnd, prediction, memo),
      };
      predictions.push(predicted);
    }
    links.push(predicted ? { link, client, server, predicted } : { link, client, server });
  }
  for (const component of deployment.components) if (component.tls) endpointOf(component, ownRole(component));
  const stacks = new Map(deployment.components.map((c) => [c.id, stackOf(c, deployment)]));
  const unreadable = new Set(
    deployment.documents.filter((d) => isKeystoreDocument(d) && !d.data.readable).map((d) => d.file.path),
  );
  const trust = deriveTrust(certs, presented, links, unreadable, memo);
  const derived: DerivedModel = {
    certificates: certs,
    presented,
    certificateFiles: {
      ...certificateFileUse(deployment.components, presented, deployment.unlinkedEnds ?? [], stacks),
      notServed: notServedFiles(deployment.unservedTls ?? [], certs),
    },
    stacks,
    links,
    unconfirmed,
    predictions,
    endpoints,
    trust,
    channelAccess: mqChannelAccess(deployment),
    pemFiles: new Map(
      deployment.documents
        .filter((d): d is ParsedDocument<PemData> => d.kind.startsWith('pem.'))
        .map((d) => [d.file.path, d]),
    ),
    nginxLevelRefusals: nginxLevelRefusals(deployment.components, presented, trust),
  };
  return { ...deployment, derived };
}

/** The certificate and store files the components name (see `CertificateFileUse`). */
function certificateFileUse(
  components: readonly Component[],
  presented: ReadonlyMap<string, readonly NamedCertificates[]>,
  unlinked: readonly UnlinkedEnd[],
  stacks: ReadonlyMap<string, { kind: string }>,
): Omit<CertificateFileUse, 'notServed'> {
  const inUse = new Map<string, RelatedLocation[]>();
  const namedOutside = new Map<string, RelatedLocation[]>();
  const unresolved: UnresolvedReference[] = [];
  const mountedOutside: CertificateFileUse['mountedOutside'][number][] = [];
  const keyAliases = new Map<string, Set<string> | 'any'>();
  // The ends naming each tree file as a trust store, and the files some end names or presents as its own.
  const trustedBy = new Map<string, TrustingEnd[]>();
  const jsse = (kind: string | undefined) => kind === 'jsse' || kind === 'ibmjsse2';
  const owned = new Set<string>();
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
  ) => {
    if (file) return add(inUse, file, component, at, alias);
    // `${KEYSTORE_PATH:classpath:cert/keystore.p12}`: the file used while the variable is unset.
    const fallback = (valueWhileUnset(written)?.trim() || undefined)?.replace(/^(classpath|file):/, '');
    const name = (fallback ?? written).split(/[\\/]/).at(-1) ?? '';
    if (/\$\{|\{\{|\$\(|^\$[A-Za-z_]/.test(name))
      unresolved.push({
        component,
        path: written,
        ...(at ? { at } : {}),
        ...(type ? { type } : {}),
        ...(role ? { role } : {}),
      });
    else if (name) add(namedOutside, name, component, at, alias);
  };
  for (const component of components) {
    const keyAlias = selecting(component);
    // Paths Compose mounts from outside the tree: they name no tree file, not even one of their name.
    const outside = new Set<string>();
    for (const { ref, certificates } of presented.get(component.id) ?? []) {
      for (const c of certificates) {
        owned.add(c.doc.file.path);
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
        named(component, undefined, ref.file, ref.reference, keyAlias, literalStoreType(ref.storeType), 'key');
    }
    // A client URL's own stores (a MicroProfile Rest Client's trust store) are the component's too.
    const urls = component.type === 'java.app' ? component.attributes.urls : [];
    // nginx's certificate is its key store too: that path, mounted from outside, names nothing either.
    for (const trust of [component.tls?.trust, ...urls.map((u) => u.trust)])
      for (const [store, alias, role] of [
        [trust?.keyStore, keyAlias, 'key'],
        [trust?.trustStore, 'any', 'trust'],
      ] as const) {
        if (!store || (store.file === undefined && outside.has(store.path.value))) continue;
        if (store.file && role === 'trust') {
          const verifies = stacks.get(component.id)?.kind === 'openssl' ? verifyingAt(component, trust) : undefined;
          trustedBy.set(store.file, [
            ...(trustedBy.get(store.file) ?? []),
            {
              name: component.name,
              jsse: jsse(stacks.get(component.id)?.kind),
              ...(verifies ? { opensslVerifies: verifies } : {}),
            },
          ]);
        } else if (store.file) owned.add(store.file);
        named(
          component,
          store.file ?? store.fileWhileUnset,
          store.path.value,
          store.path.from.kind === 'file' ? store.path.from.location : undefined,
          alias,
          literalStoreType(store.type?.value),
          role,
        );
        // The Dockerfile instruction that puts the tree's file at the path the setting names decides it too.
        if (store.file && store.copiedBy)
          add(inUse, store.file, component, store.copiedBy, alias, `copied here to the path ${component.name} names`);
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
      if (store.file && role === 'trust')
        trustedBy.set(store.file, [
          ...(trustedBy.get(store.file) ?? []),
          { name: end.name, jsse: jsse(end.implementation) },
        ]);
      // A bundle of unknown use may present it or not: a file only JSSE trust stores otherwise name stays theirs.
      else if (store.file && !end.useUnknown) owned.add(store.file);
      const at = store.path.from.kind === 'file' ? store.path.from.location : undefined;
      named(end, store.file, store.path.value, at, 'any', literalStoreType(store.type?.value), role);
      if (!store.file) continue;
      if (end.storesReadBecause)
        add(inUse, store.file, end, end.storesReadBecause, 'any', end.storesReadBecause.message);
      if (end.useUnknown) useUnknown.set(store.file, [...(useUnknown.get(store.file) ?? []), end]);
      else surelyNamed.add(store.file);
    }
  }
  for (const file of surelyNamed) useUnknown.delete(file);
  const trustOnly = new Map([...trustedBy].filter(([file]) => !owned.has(file)));
  return { inUse, namedOutside, keyAliases, trustOnly, unresolved, mountedOutside, useUnknown };
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

/** A store type as written (`PKCS12`, `jks`), upper-cased; undefined when absent or itself a placeholder. */
function literalStoreType(written: string | undefined): string | undefined {
  const type = written?.trim().toUpperCase();
  return type && /^[A-Z0-9_-]+$/.test(type) ? type : undefined;
}

/**
 * The store files servers that serve no TLS name (by the setting that names each), and the certificates of a Liberty
 * server's own directory no `<keyStore>` of it names: why no handshake presents them (CertificateFileUse.notServed).
 */
function notServedFiles(
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

/** Each MQSC script's inbound channels with the queue manager's access decision (defaults of a new queue manager where unset). */
function mqChannelAccess(deployment: Deployment): Map<string, ChannelAccess> {
  const decisions = new Map<string, ChannelAccess>();
  for (const mqsc of mqscScriptsOf(deployment)) {
    for (const input of documentChannels(mqsc)) {
      const access = channelAccess(mqsc, input);
      if (access) decisions.set(channelAccessKey(mqsc, input), access);
    }
  }
  return decisions;
}

/** The endpoint of a component in its own role (see `ownRole`), as derived. */
export function ownEndpoint(deployment: DerivedDeployment, component: Component): Endpoint | undefined {
  return deployment.derived.endpoints.get(component.id)?.[ownRole(component)];
}

/** The certificates in the tree a server presents, as related locations (they decide which suites it can use). */
export function presentedCertificates(deployment: DerivedDeployment, server: Component): RelatedLocation[] {
  return presentedPlaces(deployment.derived.presented.get(server.id)).map((l) => ({
    ...l,
    message: `${server.name} presents this certificate`,
  }));
}

/** What each end of a predicted link runs, for messages. */
export function stackLabels(deployment: DerivedDeployment, lp: LinkPrediction): { client?: string; server?: string } {
  const { stacks } = deployment.derived;
  // A JDK named by its feature only: a verdict stands only when every update gives it (derive/outcome.ts), so say so.
  const label = (end: Endpoint) => {
    const stack = stacks.get(end.component.id)?.label;
    return end.updates && lp.outcome.kind !== 'unknown' && stack
      ? stack.replace(
          / \u00b7 .*$/,
          ` \u00b7 every ${end.updates.jdk} update${end.updates.since ? ` from ${end.updates.since} on` : ''}`,
        )
      : stack;
  };
  return { client: label(lp.client), server: label(lp.server) };
}

/** Derived data of a deployment that was not checked in this run (cache hit, or its model was not kept). */
export function emptyDerived(): DerivedModel {
  return {
    certificates: [],
    presented: new Map(),
    certificateFiles: {
      inUse: new Map(),
      namedOutside: new Map(),
      keyAliases: new Map(),
      trustOnly: new Map(),
      useUnknown: new Map(),
      unresolved: [],
      mountedOutside: [],
      notServed: new Map(),
    },
    links: [],
    unconfirmed: [],
    predictions: [],
    endpoints: new Map(),
    stacks: new Map(),
    trust: [],
    channelAccess: new Map(),
    pemFiles: new Map(),
    nginxLevelRefusals: { load: [], verify: [] },
  };
}

/** Stand-ins for the two ends' names (a NUL never occurs in a name read from a text file or a path). */
const CLIENT_NAME = '\u0000client\u0000';
const SERVER_NAME = '\u0000server\u0000';

/**
 * A prediction is a pure function of the two sides, and the ends' names (`label`, which hold the environment's
 * path) appear only in its texts: predicted once a run per distinct pair of sides under stand-in names, then
 * each link's copy gets its own ends' names.
 */
function predictedByValue(client: HandshakeSide, server: HandshakeSide, memo: RunMemo): HandshakePrediction {
  const unnamed = (side: HandshakeSide, name: string): HandshakeSide =>
    side.label === undefined ? side : { ...side, label: name };
  const c = unnamed(client, CLIENT_NAME);
  const s = unnamed(server, SERVER_NAME);
  const prediction = memo.get('predictHandshake', JSON.stringify([c, s]), () => predictHandshake(c, s));
  const named = (value: unknown): unknown =>
    typeof value === 'string'
      ? value.includes('\u0000')
        ? value.split(CLIENT_NAME).join(client.label).split(SERVER_NAME).join(server.label)
        : value
      : Array.isArray(value)
        ? value.map(named)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, named(v)]))
          : value;
  return named(prediction) as HandshakePrediction;
}
