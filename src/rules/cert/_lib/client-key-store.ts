import type { RuleRelated } from '../../types';
import * as path from 'node:path';

import type { TreeCertificate } from '../../../model/mq-certs';
import type { DerivedDeployment } from '../../../derive/types';
import { ours, Phrase, said } from '../../../core/phrase';
import type { Component, KafkaBrokerRecord, RabbitBrokerRecord, UnlinkedEnd } from '../../../model/types';
import { reachedBrokers } from '../../../model/broker-projects';
import { LOOPBACK } from '../../../model/loopback';
import type { trustUses } from './trust-uses';

const CLIENT_PROPS_KIND = 'was.ssl-client-props';

/**
 * Where a WebSphere client configuration (ssl.client.props, com.ibm.ssl.keyStore) names the store of a key entry's
 * certificate, when such configurations are all that name it (`by`, the places certificateUse found). Such a store
 * holds the client's own certificate, which JSSE sends only to a server that asks for one (a CertificateRequest: client
 * authentication); WebSphere's profile creation writes the setting into every profile, whether any server asks or not.
 */
export function websphereClientKeyStore(
  deployment: DerivedDeployment,
  c: TreeCertificate,
  by: readonly RuleRelated[],
): RuleRelated | undefined {
  if (c.store?.entry !== 'private-key' || by.length === 0) return undefined;
  const props = deployment.documents.filter((d) => d.kind === CLIENT_PROPS_KIND);
  if (!by.every((place) => props.some((d) => d.file.path === place.file))) return undefined;
  const store = path.basename(c.doc.file.path);
  for (const d of props)
    for (const e of d.entries)
      if (e.key === 'com.ibm.ssl.keyStore' && e.value.split(/[\\/]/).at(-1) === store)
        return {
          file: d.file.path,
          range: e.valueRange,
          message: said`${path.basename(d.file.path)}, a WebSphere client configuration, names ${store} as its key store here`,
        };
  return undefined;
}

/** What the servers a client key store's clients reach do with it (see `clientKeyStoreOf`). */
export type ClientKeyStore =
  /** A server they reach asks for a client certificate: it is sent, and rejected (the places that say so). */
  | { servers: 'ask'; asking: RuleRelated[] }
  /**
   * Every broker they reach asks for none: it is never sent. `none`: the setting that says so, `asks`: what would make
   * them ask, in words.
   */
  | { servers: 'never-ask'; clients: string; brokers: string; none: string; asks: string; related: RuleRelated[] }
  /** Whether a server they reach asks is unknown: why, in words. */
  | { servers: 'unknown'; clients: string; why: Phrase; related: RuleRelated[] };

type Broker = KafkaBrokerRecord | RabbitBrokerRecord;
/** `product`: the brokers' product (absent for a component's links, which name no broker). */
type Reach = { verdict: 'ask' | 'never-ask' | 'unknown'; brokers: Broker[]; why?: Phrase; product?: Product };

/** How a broker product says whether it asks for a client certificate, and how its clients name the brokers. */
interface Product {
  /** The broker setting, as said: `ssl.client.auth`. */
  setting: string;
  /** It set to ask for none: `ssl.client.auth none`. */
  none: string;
  /** What would make a broker ask: `a broker sets ssl.client.auth to requested or required`. */
  asks: string;
  /** The client's setting that names the brokers: `bootstrap servers`. */
  reached: string;
  /** Said when the tree holds no broker of the product: `hosts`, those the client names. */
  noBroker: (hosts: readonly string[] | undefined) => Phrase;
  /** What a broker that says whether it asks says, in words (`unset`: it writes nothing, the default none applies). */
  says: (b: Broker, unset: boolean) => Phrase;
  /** Other places that decide which broker it is (the Compose mount that runs its configuration). */
  runs?: (b: Broker) => RuleRelated[];
}

const asks = (b: Broker) => b.clientAuth.mode === 'requested' || b.clientAuth.mode === 'required';

/**
 * The client ends whose key store holds `c` (a key entry's certificate), and what the servers they reach do with it, when only clients
 * name the store: a Kafka or RabbitMQ client end (Deployment.unlinkedEnds' `kafkaClient`, `rabbitClient`) or a component the model makes a client
 * (a plain Java application's -Djavax.net.ssl.keyStore). A client sends its certificate only when the server sends a
 * CertificateRequest (client authentication). A Kafka client reaches the brokers its bootstrap servers name (a RabbitMQ
 * client those its addresses or host name) when each of their hosts is a broker of the deployment (a Compose service,
 * host or container name, an advertised listener's host); otherwise, when there is no such tie, it is taken to reach
 * them only if every broker of the deployment asks. A component reaches the servers its links go to. Undefined when a
 * server (or an end that is no client) names the store.
 */
export function clientKeyStoreOf(deployment: DerivedDeployment, c: TreeCertificate): ClientKeyStore | undefined {
  // The entry's own certificate: a CA above it is said with it (cert/expired folds an expired root into the leaf's finding).
  if (c.store?.entry !== 'private-key' || c.store.chainIndex !== 0) return undefined;
  const file = c.doc.file.path;
  const ends = (deployment.unlinkedEnds ?? []).filter((e) => e.trust.keyStore?.file === file && !e.useUnknown);
  const components = deployment.components.filter((k) => keyStoreFiles(k).includes(file));
  if (ends.length + components.length === 0) return undefined;
  if (ends.some((e) => !e.kafkaClient && !e.rabbitClient) || components.some((k) => k.role !== 'client'))
    return undefined;
  const reaches = [
    ...ends.map((e) =>
      e.kafkaClient
        ? brokersReach(deployment, e, e.kafkaClient.bootstrapHosts, deployment.kafkaBrokers ?? [], KAFKA)
        : brokersReach(deployment, e, e.rabbitClient?.hosts, deployment.rabbitBrokers ?? [], RABBITMQ),
    ),
    ...components.map((k) => linkReach(deployment, k)),
  ];
  const clients = [...ends.map((e) => e.name), ...components.map((k) => k.name)].join(' and ');
  const placesOf = (of: readonly Reach[]) => {
    const places = new Map<Broker, RuleRelated[]>();
    for (const r of of)
      for (const b of r.brokers)
        if (r.product && !places.has(b)) places.set(b, [brokerPlace(b, r.product), ...(r.product.runs?.(b) ?? [])]);
    return places;
  };
  const reached = placesOf(reaches);
  const brokerPlaces = [...reached.values()].flat();
  if (reaches.some((r) => r.verdict === 'ask')) {
    const asking = placesOf(reaches.filter((r) => r.verdict === 'ask'));
    const linked = components.flatMap((k) => askingLinks(deployment, k));
    return { servers: 'ask', asking: [...[...asking.values()].flat(), ...linked] };
  }
  const product = reaches.find((r) => r.product)?.product;
  if (product && reaches.every((r) => r.verdict === 'never-ask')) {
    return {
      servers: 'never-ask',
      clients,
      brokers: [...new Set([...reached.keys()].map((b) => b.name))].join(', '),
      none: product.none,
      asks: product.asks,
      related: brokerPlaces,
    };
  }
  const why = reaches.find((r) => r.why)?.why ?? NO_SERVER_ASKS;
  return { servers: 'unknown', clients, why, related: brokerPlaces };
}

const NO_SERVER_ASKS = ours('no link of this tree shows a server it connects to that asks for one');
const BROKER = ours('the RabbitMQ broker it connects to');

/**
 * The brokers a client end whose settings name these hosts reaches, and whether they ask (see `clientKeyStoreOf`). A
 * host named by brokers of several files is the name of alternatives (see `reachedBrokers`): when which one it reaches
 * is unknown, a verdict all of them give holds, another is unknown.
 */
function brokersReach(
  deployment: DerivedDeployment,
  end: UnlinkedEnd,
  hosts: readonly string[] | undefined,
  brokers: readonly Broker[],
  product: Product,
): Reach {
  if (brokers.length === 0) return { verdict: 'unknown', brokers: [], why: product.noBroker(hosts), product };
  // A loopback host is the client's own network namespace: the brokers that run there (./model/kafka-loopback.ts).
  const loopback = end.kafkaClient?.loopback;
  const brokersOf = (h: string) =>
    loopback && LOOPBACK.test(h)
      ? brokers.filter((b) => loopback.brokers.includes(b as KafkaBrokerRecord))
      : brokers.filter((b) => b.hosts.includes(h));
  const candidates = hosts && hosts.length > 0 ? hosts.map(brokersOf) : [];
  const alone = loopback && hosts?.find((h, i) => LOOPBACK.test(h) && candidates[i]?.length === 0);
  if (loopback && alone !== undefined)
    return {
      verdict: 'unknown',
      brokers: [],
      why: said`its ${ours(product.reached)} name ${alone}, which is ${loopback.where}, where no broker of this tree runs: which broker it reaches is unknown`,
      product,
    };
  if (candidates.length > 0 && candidates.every((found) => found.length > 0)) {
    const byHost = candidates.map((found) => reachedBrokers(found, end.location.file, deployment.brokerProjects));
    const reached = [...new Set(byHost.flatMap((r) => r.brokers))];
    // A broker it reaches that asks, or alternatives that all ask: whichever one it reaches asks.
    const asking = byHost.flatMap((r) => (r.alternatives && !r.brokers.every(asks) ? [] : r.brokers.filter(asks)));
    if (asking.length > 0) return { verdict: 'ask', brokers: [...new Set(asking)], product };
    if (reached.every((b) => b.clientAuth.mode === 'none')) return { verdict: 'never-ask', brokers: reached, product };
    const disagreeing = byHost.find((r) => r.alternatives && new Set(r.brokers.map((b) => b.clientAuth.mode)).size > 1);
    const names = (of: readonly Broker[]) => of.map((b) => b.name).join(', ');
    return {
      verdict: 'unknown',
      brokers: reached,
      why: disagreeing
        ? said`its ${ours(product.reached)} name ${names(disagreeing.brokers)}, alternatives in different places of the tree (none in its own Compose project, none nearer to it than the others) that do not agree on ${ours(product.setting)}: which one it reaches is unknown`
        : said`the ${ours(product.setting)} of ${names(reached)}, which its ${ours(product.reached)} name, is not settled by the tree`,
      product,
    };
  }
  if (brokers.every(asks)) return { verdict: 'ask', brokers: [...brokers], product };
  const names = brokers.map(
    (b) => said`${b.name}: ${b.clientAuth.mode === 'unknown' ? ours('not settled') : b.clientAuth.mode}`,
  );
  const named = hosts
    ? said`its ${ours(product.reached)} (${hosts.join(', ')}) name no broker of this tree`
    : ours('the tree does not say which brokers it connects to');
  return {
    verdict: 'unknown',
    brokers: [...brokers],
    why: said`${named}, and not every broker of this tree asks for one (${ours(product.setting)} of ${joined(names)})`,
    product,
  };
}

const KAFKA: Product = {
  setting: 'ssl.client.auth',
  none: 'ssl.client.auth none',
  asks: 'a broker sets ssl.client.auth to requested or required',
  reached: 'bootstrap servers',
  noBroker: () => ours('the tree holds no Kafka broker, so whether the brokers it connects to ask is unknown'),
  says: (b, unset) =>
    unset
      ? said`${b.name} sets no ssl.client.auth: Kafka's default, none, asks no client for a certificate`
      : said`${b.name} sets ssl.client.auth ${b.clientAuth.mode}`,
};

/** RabbitMQ brokers (./model/rabbitmq-brokers.ts): `ssl_options.verify` and `fail_if_no_peer_cert`. */
const RABBITMQ: Product = {
  runs: (b) =>
    'mountedAt' in b && b.mountedAt
      ? [{ ...b.mountedAt, message: said`${b.name} reads the configuration this mount puts in its container` }]
      : [],
  setting: 'ssl_options.verify',
  none: 'ssl_options.verify verify_none',
  asks: 'a broker sets ssl_options.verify to verify_peer',
  reached: 'addresses or host',
  noBroker: (hosts) =>
    said`the tree holds no RabbitMQ broker configuration with a TLS listener (rabbitmq.conf, rabbitmq.config), so whether ${
      hosts && hosts.length > 0 ? said`the RabbitMQ broker it connects to (${hosts.join(', ')})` : BROKER
    } asks for one (its ssl_options.verify verify_peer) is unknown`,
  says: (b, unset) =>
    unset
      ? said`${b.name} sets no ssl_options.verify: RabbitMQ's default, verify_none, asks no client for a certificate`
      : b.clientAuth.mode === 'none'
        ? said`${b.name} sets ssl_options.verify verify_none: it asks no client for a certificate`
        : b.clientAuth.mode === 'required'
          ? said`${b.name} sets ssl_options.verify verify_peer with fail_if_no_peer_cert true: every client must present a valid certificate`
          : said`${b.name} sets ssl_options.verify verify_peer: it asks every client for a certificate and rejects one it cannot verify`,
};

/** A broker's place, saying whether it asks (where its setting is written, else where the broker is). */
function brokerPlace(b: Broker, product: Product): RuleRelated {
  const at = b.clientAuth.at ?? b.location;
  const mode = b.clientAuth.mode;
  return {
    ...at,
    message:
      mode === 'unknown'
        ? said`${b.name}: whether it asks for a client certificate is not settled here`
        : product.says(b, b.clientAuth.at === undefined && mode === 'none'),
  };
}

/** Phrases joined with commas, as one phrase. */
function joined(phrases: readonly Phrase[]): Phrase {
  return new Phrase(['', ...phrases.slice(1).map(() => ', '), ''], phrases);
}

/** A client component's links: a server that asks (client authentication optional or required) decides. */
function linkReach(deployment: DerivedDeployment, k: Component): Reach {
  return askingLinks(deployment, k).length > 0 ? { verdict: 'ask', brokers: [] } : { verdict: 'unknown', brokers: [] };
}

function askingLinks(deployment: DerivedDeployment, k: Component): RuleRelated[] {
  return deployment.derived.trust
    .filter((lt) => lt.client.id === k.id && lt.clientAuth !== 'none')
    .map((lt) => ({ ...lt.server.location, message: said`${lt.server.name} asks for a client certificate` }));
}

/** The key store files a component names (its own TLS settings and its client URLs'). */
function keyStoreFiles(k: Component): string[] {
  const urls = k.type === 'java.app' ? k.attributes.urls : [];
  return [k.tls?.trust?.keyStore?.file, ...urls.map((u) => u.trust?.keyStore?.file)].filter((f) => f !== undefined);
}

/**
 * Where the RabbitMQ brokers of the links that present `c` as a client certificate ask for one (ssl_options.verify), with
 * what else ties each link (the Compose mount that runs the broker): they decide that it is sent, as clientKeyStoreOf
 * names them for a client end no link holds. Other servers' links keep their related places as they were.
 */
export function askingOnLinks(presented: ReturnType<typeof trustUses>['presented'], c: TreeCertificate): RuleRelated[] {
  return (presented.get(c.cert.fingerprintSha256) ?? [])
    .filter(
      ({ lt, check }) =>
        lt.server.type === 'rabbitmq.listener' && check.direction === 'client' && lt.clientAuth !== 'none',
    )
    .flatMap(({ lt }) => {
      const from = lt.server.tls?.clientAuth?.from;
      const setting =
        from?.kind === 'file'
          ? [{ ...from.location, message: said`${lt.server.name} asks for a client certificate` }]
          : [];
      return [...setting, ...(lt.link.evidence ?? [])];
    });
}
