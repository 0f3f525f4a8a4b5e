import type { RuleRelated } from '../../types';
import * as path from 'node:path';

import type { TreeCertificate } from '../../../model/mq-certs';
import type { DerivedDeployment } from '../../../derive/types';
import { ours, Phrase, said } from '../../../core/phrase';
import type { Component, KafkaBrokerRecord } from '../../../model/types';

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
  /** Every broker they reach leaves ssl.client.auth at none: it is never sent. */
  | { servers: 'never-ask'; clients: string; brokers: string; related: RuleRelated[] }
  /** Whether a server they reach asks is unknown: why, in words. */
  | { servers: 'unknown'; clients: string; why: Phrase; related: RuleRelated[] };

type Broker = KafkaBrokerRecord;
type Reach = { verdict: 'ask' | 'never-ask' | 'unknown'; brokers: Broker[]; why?: Phrase };

const asks = (b: Broker) => b.clientAuth.mode === 'requested' || b.clientAuth.mode === 'required';

/**
 * The client ends whose key store holds `c` (a key entry's certificate), and what the servers they reach do with it, when only clients
 * name the store: a Kafka or RabbitMQ client end (Deployment.unlinkedEnds' `kafkaClient`, `rabbitClient`) or a component the model makes a client
 * (a plain Java application's -Djavax.net.ssl.keyStore). A client sends its certificate only when the server sends a
 * CertificateRequest (client authentication). A Kafka client reaches the brokers its bootstrap servers name when each of
 * their hosts is a broker of the deployment (a Compose service, host or container name, an advertised listener's host);
 * otherwise, when there is no such tie, it is taken to reach them only if every broker of the deployment asks. A
 * component reaches the servers its links go to. Undefined when a server (or an end that is no client) names the store.
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
  const brokers = deployment.kafkaBrokers ?? [];
  const reaches = [
    ...ends.map((e) =>
      e.kafkaClient ? kafkaReach(e.kafkaClient.bootstrapHosts, brokers) : rabbitReach(e.rabbitClient?.hosts),
    ),
    ...components.map((k) => linkReach(deployment, k)),
  ];
  const clients = [...ends.map((e) => e.name), ...components.map((k) => k.name)].join(' and ');
  const reached = [...new Set(reaches.flatMap((r) => r.brokers))];
  const brokerPlaces = reached.map((b) => brokerPlace(b));
  if (reaches.some((r) => r.verdict === 'ask')) {
    const asking = reaches.filter((r) => r.verdict === 'ask').flatMap((r) => r.brokers);
    const linked = components.flatMap((k) => askingLinks(deployment, k));
    return { servers: 'ask', asking: [...new Set(asking)].map((b) => brokerPlace(b)).concat(linked) };
  }
  if (reaches.every((r) => r.verdict === 'never-ask'))
    return { servers: 'never-ask', clients, brokers: reached.map((b) => b.name).join(', '), related: brokerPlaces };
  const why = reaches.find((r) => r.why)?.why ?? NO_SERVER_ASKS;
  return { servers: 'unknown', clients, why, related: brokerPlaces };
}

const NO_SERVER_ASKS = ours('no link of this tree shows a server it connects to that asks for one');
const NO_BROKER = ours('the tree holds no Kafka broker, so whether the brokers it connects to ask is unknown');

/** The brokers a Kafka client with these bootstrap hosts reaches, and whether they ask (see `clientKeyStoreOf`). */
function kafkaReach(bootstrapHosts: readonly string[] | undefined, brokers: readonly Broker[]): Reach {
  if (brokers.length === 0) return { verdict: 'unknown', brokers: [], why: NO_BROKER };
  const tied =
    bootstrapHosts && bootstrapHosts.length > 0
      ? bootstrapHosts.map((h) => brokers.filter((b) => b.hosts.includes(h)))
      : [];
  if (tied.length > 0 && tied.every((found) => found.length > 0)) {
    const reached = [...new Set(tied.flat())];
    if (reached.some(asks)) return { verdict: 'ask', brokers: reached.filter(asks) };
    if (reached.every((b) => b.clientAuth.mode === 'none')) return { verdict: 'never-ask', brokers: reached };
    const names = reached.map((b) => b.name).join(', ');
    return {
      verdict: 'unknown',
      brokers: reached,
      why: said`the ssl.client.auth of ${names}, which its bootstrap servers name, is not settled by the tree`,
    };
  }
  if (brokers.every(asks)) return { verdict: 'ask', brokers: [...brokers] };
  const names = brokers.map(
    (b) => said`${b.name}: ${b.clientAuth.mode === 'unknown' ? ours('not settled') : b.clientAuth.mode}`,
  );
  const bootstrap = bootstrapHosts
    ? said`its bootstrap servers (${bootstrapHosts.join(', ')}) name no broker of this tree`
    : ours('the tree does not say which brokers it connects to');
  return {
    verdict: 'unknown',
    brokers: [...brokers],
    why: said`${bootstrap}, and not every broker of this tree asks for one (ssl.client.auth of ${joined(names)})`,
  };
}

/**
 * A RabbitMQ client's brokers: the model reads no RabbitMQ broker configuration (whether it asks is its
 * `ssl_options.verify = verify_peer`, `fail_if_no_peer_cert`), so whether they ask is unknown.
 */
function rabbitReach(hosts: readonly string[] | undefined): Reach {
  const brokers = hosts && hosts.length > 0 ? said`the RabbitMQ broker it connects to (${hosts.join(', ')})` : BROKER;
  return {
    verdict: 'unknown',
    brokers: [],
    why: said`whether ${brokers} asks for one (its ssl_options.verify verify_peer) is not read by lint-deploy`,
  };
}

const BROKER = ours('the RabbitMQ broker it connects to');

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

function brokerPlace(b: Broker): RuleRelated {
  const at = b.clientAuth.at ?? b.location;
  const mode = b.clientAuth.mode;
  return {
    ...at,
    message:
      b.clientAuth.at === undefined && mode === 'none'
        ? said`${b.name} sets no ssl.client.auth: Kafka's default, none, asks no client for a certificate`
        : mode === 'unknown'
          ? said`${b.name}: whether it asks for a client certificate is not settled here`
          : said`${b.name} sets ssl.client.auth ${mode}`,
  };
}
