/**
 * What ties a Kafka client to the broker listener it reaches, where the tree shows both: a Strimzi `Kafka` resource's
 * listeners (./kafka-strimzi.ts) and the clients whose bootstrap servers name their bootstrap service
 * (./kafka-spring-reach.ts). Kept apart from ./deployment-records.ts for its size; ./types.ts re-exports them.
 */
import type { Location, RelatedLocation } from '../core/types';
import type { Entry } from '../parse/types';
import type { JavaRuntime } from '../knowledge/types';
import type { KafkaList } from './deployment-records';

/** The entry that decides a Kafka setting (`ssl.keystore.location`) for one client or listener, if any. */
export type SettingOf = (key: string) => Entry | undefined;

/** The tree file a written store location is, when the tree shows which; undefined when unknown. */
export type StoreFileOf = (
  written: string,
) => { file: string; note?: string; copiedBy?: Location; mountedAt?: Location } | undefined;

/** A listener of a Strimzi `Kafka` cluster, as in-cluster clients reach it (Deployment.strimziListeners). */
export interface StrimziListenerRecord {
  /** `Strimzi Kafka my-cluster (kafka.yaml)`. */
  cluster: string;
  /** The resource's `metadata.name`. */
  resource: string;
  /** The listener's `name:`. */
  listener: string;
  /** The listener's item. */
  location: Location;
  /** The Kubernetes Service its clients bootstrap from: `my-cluster-kafka-bootstrap` (internal listeners). */
  service: string;
  /** The resource's `metadata.namespace`; absent: the namespace it is applied to (any). */
  namespace?: string;
  port: number;
  /** Its `tls:` (true: the listener speaks TLS only, SSL or SASL_SSL). */
  tls: { value: boolean; at: Location };
  /** Its `authentication.type` as written (`tls`, `scram-sha-512`, `oauth`, `custom`); absent: none. */
  authentication?: string;
  /** Its `authentication.type: tls`: Strimzi sets `ssl.client.auth=required` on it (mutual TLS). */
  mutualTls?: Location;
  /**
   * Its `configuration.brokerCertChainAndKey` Secret: the certificate it presents is that Secret's, not one Strimzi's
   * cluster CA signs. Absent: the cluster CA's, which the operator generates (no file of the tree).
   */
  customCertificate?: { secret: string; at: Location };
  /** `spec.kafka.config` `ssl.enabled.protocols`, which the broker applies to every TLS listener. */
  protocols?: KafkaList;
}

/** A Kafka client whose bootstrap servers the tree writes, with what decides its side of the handshake. */
export interface KafkaClientReach {
  /** `Kafka clients of orders-service (orders-service)`. */
  name: string;
  /** Its app (where its settings are written when no other file says). */
  app: Location;
  /** What brought its bootstrap and protocol settings in besides their own lines (a container's build, an env_file:). */
  via?: RelatedLocation[];
  /** Its bootstrap servers, `host:port` lower case, and where they are written. */
  bootstrap: { addresses: string[]; at: Location };
  /** Its security.protocol as written (upper case) and where; absent when not set (Kafka's default is PLAINTEXT). */
  protocol?: { value: string; at: Location };
  /**
   * Whether it presents a certificate when asked: a key store (or PEM key) its settings name (`yes`), none (`no`), or a
   * bundle or engine factory whose key the model does not read (`unknown`).
   */
  key: 'yes' | 'no' | 'unknown';
  /** Whether it names a trust store (`ssl.truststore.location`, PEM certificates, a bundle's) or trusts the JDK's. */
  trustStore: boolean;
  /** Its ssl.enabled.protocols, when set. */
  protocols?: KafkaList;
  /**
   * How its settings are changed when they are not Kafka's client properties (a Strimzi KafkaConnect or KafkaBridge
   * resource, from whose fields the operator writes them): what to write for TLS, for a client certificate, for trust.
   */
  advice?: { tls: string; plaintext: string; key: string; trust: string };
}

/**
 * A Kafka Connect worker of the tree and what decides which client settings its connectors may override
 * (Deployment.kafkaConnectWorkers): its `connector.client.config.override.policy` and the Kafka release it runs.
 */
export interface KafkaConnectWorkerRecord {
  /** `Kafka Connect worker (docker-compose.yml service connect)`. */
  name: string;
  location: Location;
  /** Its policy as written (`None`, `All`, `Principal`, a class name) and where. */
  policy?: { value: string; at: Location };
  /** The Kafka release it runs when the tree says (a Confluent image's tag), and where that is written. */
  release?: { kafka: string; at: Location; by: string };
  /** How its connectors' clients read its settings before their overrides apply (./kafka-connect.ts). */
  clients?: ConnectWorkerClients;
}

/**
 * A Connect worker's settings as its connectors' producers, consumers and admin clients read them before the connector's
 * own overrides (Worker.producerConfigs: the worker's `producer.*` over its bootstrap.servers, then the connector's
 * `producer.override.*`), each entry placed in its file; where those clients run and find their stores.
 */
export interface ConnectWorkerClients {
  producers: SettingOf;
  consumers: SettingOf;
  admin: SettingOf;
  /** The bootstrap servers when none is set (WorkerConfig's default for a properties file); absent: unknown. */
  bootstrapDefault?: string;
  storeFile: StoreFileOf;
  runtime?: JavaRuntime;
  /** The worker's file (its Compose file for a service) and Compose service: where the clients' `localhost` is. */
  runsAs: { file: string; service?: string };
}

/**
 * A connector configuration's override of a client setting of the worker (KIP-458 `producer.override.*`,
 * `consumer.override.*`, `admin.override.*`: ./kafka-connector-overrides.ts), and whether the workers of the tree let
 * it through (Deployment.kafkaConnectorOverrides).
 */
export interface KafkaConnectorOverride {
  /** `connector orders-sink (connectors/orders-sink.json)`. */
  connector: string;
  /** The setting as written (`consumer.override.ssl.truststore.location`) and the client key it sets. */
  key: string;
  clientKey: string;
  at: Location;
  /** `refused`: Connect rejects the connector; `allowed`: its clients read it; `unknown`: the policy or release is. */
  verdict: 'refused' | 'allowed' | 'unknown';
  /** The policy that decides (`None`), when one does. */
  policy?: string;
  /** Where each worker's policy (or the release whose default applies) is written, and in words why when unknown. */
  because: RelatedLocation[];
  why?: string;
}
