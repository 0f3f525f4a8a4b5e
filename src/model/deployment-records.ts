/**
 * What the model records on a deployment beside its components and links (Deployment's optional lists: unlinked
 * ends, plain calls, Kafka gaps, Liberty includes…): kept apart from ./types.ts, which re-exports them, for its size.
 */
import type { Traced } from '../core/traced';
import type { Location, RelatedLocation } from '../core/types';
import type { JavaRuntime } from '../knowledge/types';
import type { ClientUrl, TlsImplementation, TlsOnlyPort, TlsTrustSettings } from './attributes-tls';
import type { UnservedTls } from './unserved-types';
import type { DockerCopy } from '../parse/dockerfile-copies';

/** A Liberty server's directory and the tree files its `<keyStore>` elements name (Deployment.libertyStoreHomes). */
export interface LibertyStoreHome {
  home: string;
  files: string[];
}

/** A Liberty server (its server.xml) and the includes of files the tree does not hold, in the order it reads them. */
export interface LibertyIncludesMissing {
  serverXml: string;
  /**
   * Includes of a file the tree does not hold (`optional` as written: Liberty's default is false). `keys`: the
   * ConfigMap keys of the tree named like it when there are several (which one a pod mounts is unknown).
   */
  includes: Array<{
    location: Location;
    written: string;
    resolved: string;
    optional: boolean;
    keys?: Array<{ file: string; key: string }>;
    /** The Liberty files of the tree in that location when it is a directory, not a file. */
    directoryFiles?: string[];
  }>;
}

/**
 * A TLS end whose peers the model does not know (a Kafka client's brokers, a Kafka broker's clients) and that it makes
 * no component of, with the key and trust stores its settings name: they are read whenever it starts, so the store
 * rules judge them as the stores of any component (Deployment.unlinkedEnds).
 */
export interface UnlinkedEnd {
  /** The end in words: `Kafka producer of Java application orders (orders)`, `Kafka broker (service broker)`. */
  name: string;
  /** Where it is defined (its app's or its Compose service's file). */
  location: Location;
  /** Its TLS stack: every Kafka end is Java, on JSSE (Kafka's DefaultSslEngineFactory); a RabbitMQ listener's Erlang/OTP. */
  implementation: TlsImplementation;
  /** An Erlang/OTP end's official image (a RabbitMQ management listener's `rabbitmq:3.13-management`). */
  image?: string;
  /** Its key store (the key and chain it presents) and trust store; `trust.defaultTrust` when it names no trust store. */
  trust: TlsTrustSettings;
  /**
   * Where a client's settings turn host name verification off (Kafka's `ssl.endpoint.identification.algorithm` set
   * empty), with where its security protocol makes it speak TLS (`tlsAt`; a broker's: where its inter-broker or
   * controller listener is named).
   */
  hostnameVerificationOff?: {
    setting: string;
    at: Location;
    tlsAt?: Location;
    /** A broker's: the listener it connects to other brokers (or controllers) over, named as the listener is. */
    listener?: string;
    /** What brought the settings in besides their own lines: the Compose `env_file:` item naming the env file. */
    via?: RelatedLocation[];
  };
  /**
   * The tree does not show that anything uses this end: a Spring SSL bundle no setting the model reads hands to a server
   * or client (the app's code or a starter may take it by name, or nothing does). Absent: it is in use.
   */
  useUnknown?: 'not-handed-over';
  /**
   * The JDK the end runs on, when the tree says (a broker image's JDK: jdk-locations.json; a Spring app's runtime; the
   * JDK nearest to a properties file): its jdk.tls.disabledAlgorithms judges `protocols`.
   */
  runtime?: JavaRuntime;
  /**
   * The protocols the end's settings enable (Kafka's `ssl.enabled.protocols`, which DefaultSslEngineFactory hands to
   * SSLEngine.setEnabledProtocols), as written, with the setting's name and where its value is written. Absent: Kafka's
   * default (TLSv1.2,TLSv1.3 on Java 11 and later), which no JDK disables.
   */
  protocols?: KafkaList;
  /**
   * The cipher suites the end's settings enable (Kafka's `ssl.cipher.suites`, handed to SSLEngine.setEnabledCipherSuites,
   * which throws on a name the JDK does not know), as `protocols`. Absent: the JDK's default suites.
   */
  cipherSuites?: KafkaList;
  /**
   * What else decides that the end reads its stores: the project's Spring Boot release, when it predates a bundle setting
   * the end's settings also name (Kafka's `spring.kafka.ssl.bundle` before 3.2), so that the store settings are read.
   */
  storesReadBecause?: RelatedLocation;
  /**
   * A Kafka client end (a client, Spring's producers and consumers, a Connect worker's or MirrorMaker's clients): its
   * key store is sent only to a broker that asks for a certificate (cert/expired ties it to Deployment.kafkaBrokers).
   * `bootstrapHosts`: the hosts its bootstrap.servers names, lower case; absent when unset or written with a placeholder.
   * `loopbackPorts`: the ports its loopback addresses (`localhost:9092`) name, when all are written; `service`: the
   * Compose service whose environment configures it (its location is that Compose file); `loopback`: the brokers its
   * loopback addresses reach (./kafka-loopback.ts).
   */
  kafkaClient?: {
    bootstrapHosts?: string[];
    loopbackPorts?: number[];
    service?: string;
    /** The file whose runner runs it when not its location's (a connector's clients: their worker's file). */
    runsIn?: string;
    loopback?: KafkaLoopback;
  };
  /**
   * A RabbitMQ client end (a Spring Boot app's `spring.rabbitmq.ssl.*`): its key store is sent only to a broker that asks
   * for a certificate (RabbitMQ's `ssl_options.verify = verify_peer`; cert/expired ties it to Deployment.rabbitBrokers).
   * `hosts`: the hosts its addresses (or host) name, lower case; absent when written with a placeholder.
   */
  rabbitClient?: {
    hosts?: string[];
    /** The id of the app component whose connection it is: ./rabbitmq-listener.ts links it to the brokers it reaches. */
    app?: string;
    /** Where the hosts are written (`spring.rabbitmq.addresses` or `host`); absent for Spring Boot's default localhost. */
    hostsAt?: Location;
  };
}

/**
 * The brokers a Kafka client's loopback bootstrap addresses (`localhost:9092`) reach: `localhost` is the network
 * namespace the client runs in — its container's, shared only by containers that join it, or the host's
 * (./kafka-loopback.ts). `where`: that namespace in words (`the container of Compose service connect`).
 */
export interface KafkaLoopback {
  brokers: KafkaBrokerRecord[];
  where: string;
}

/**
 * A Kafka broker of the deployment with a TLS listener (a Compose service of a Kafka image, a server.properties):
 * the names it answers to and whether it asks its clients for a certificate (Deployment.kafkaBrokers).
 */
export interface KafkaBrokerRecord {
  /** `Kafka broker (docker-compose.yml service kafka1)`. */
  name: string;
  location: Location;
  /** The Compose service whose environment makes it (its location is that Compose file); absent for a file's broker. */
  service?: string;
  /**
   * Its host names, lower case: a Compose service's name, `hostname:`, `container_name:` and network aliases, and the
   * hosts of its advertised listeners (and listeners).
   */
  hosts: string[];
  /**
   * Whether it sends a CertificateRequest: `ssl.client.auth` (KAFKA_SSL_CLIENT_AUTH) as set, or `none`, Kafka's default,
   * when unset (then `at` is absent); `unknown` when a placeholder, another value, a listener's own setting or an image
   * convention the model does not read may decide.
   */
  clientAuth: { mode: 'none' | 'requested' | 'required' | 'unknown'; at?: Location };
}

/**
 * A RabbitMQ broker with a TLS listener (a rabbitmq.conf or classic rabbitmq.config, alone or mounted into a Compose
 * service of the `rabbitmq` image): the names it answers to and whether it asks its clients for a certificate
 * (Deployment.rabbitBrokers, ./rabbitmq-brokers.ts).
 */
export interface RabbitBrokerRecord {
  /** `RabbitMQ broker (conf/rabbitmq.conf)`, with the Compose service that runs it when one does. */
  name: string;
  /** Its TLS listener setting. */
  location: Location;
  /** Its host names, lower case: the Compose service's name, `hostname:`, `container_name:` and network aliases. */
  hosts: string[];
  /** The Compose bind mount that puts its configuration file into the service that runs it. */
  mountedAt?: Location;
  /** The official image that service names (`rabbitmq:3.13-management`). */
  image?: string;
  /**
   * Whether it sends a CertificateRequest: `ssl_options.verify` verify_peer (with `fail_if_no_peer_cert` true:
   * required, else requested), verify_none or unset (RabbitMQ's default: none, `at` absent); `unknown` when a value
   * only the run knows decides. `at`: the verify setting.
   */
  clientAuth: KafkaBrokerRecord['clientAuth'];
}

/** A Kafka list setting (`ssl.enabled.protocols`, `ssl.cipher.suites`): its name, its names, and its text as written. */
export interface KafkaList {
  setting: string;
  value: Traced<string[]>;
  text: string;
}

/**
 * A Kafka Connect worker's task clients (`producer.*` or `consumer.*`, which do not inherit the worker's settings) missing
 * what the worker has: TLS itself (`plaintext`), or the trust or key store the worker names.
 */
export interface KafkaConnectGap {
  /** The worker in words: `Kafka Connect worker (connect-distributed.properties)`. */
  worker: string;
  /** The clients in words: `source tasks' producers` (plaintext: both task clients). */
  clients: string;
  /** The settings they read, in words: `producer.*`, `producer.* and consumer.*`. */
  prefix: string;
  missing: 'plaintext' | 'noTrustStore' | 'noKeyStore';
  /**
   * The setting to add, as this file writes settings (`producer.ssl.truststore.location`,
   * `CONNECT_PRODUCER_SSL_TRUSTSTORE_LOCATION`); plaintext: both protocols with their value.
   */
  setting: string;
  /** The worker's security protocol (plaintext). */
  protocol?: string;
  /** The worker's own setting the clients do not inherit, and where it is set. */
  workerSetting: string;
  workerAt: Location;
  /** Where to report: the worker's security.protocol (plaintext), else the clients' own security.protocol. */
  at: Location;
  /** The task clients concerned and the client keys whose connector override fills the gap. */
  taskClients: ('producer' | 'consumer')[];
  coveringKeys: string[];
  /** The worker's `exactly.once.source.support=enabled`: source tasks read their offsets with a consumer too. */
  exactlyOnce?: boolean;
  /** Where every connector of the tree fills it (./kafka-connect-coverage.ts), or where some do and these do not. */
  coveredBy?: RelatedLocation[];
  openBy?: RelatedLocation[];
}

/**
 * An `env_file:` that Compose requires of a service running a Kafka image (a broker, Connect, Schema Registry) and that
 * the run does not hold (missing from the tree, outside it, or a path a variable names): the TLS settings it may set
 * are unknown (./kafka-protocols.ts kafkaServiceVariables).
 */
export interface KafkaUnreadEnvFile {
  /** The service in words: `Kafka broker (docker-compose.yml service kafka)`. */
  component: string;
  /** The path as written. */
  path: string;
  /** Where the Compose file names it. */
  at: Location;
}

/** A client URL that names the HTTPS port of a server that speaks no TLS there (UnservedTls.closedHttpsPorts). */
export interface RefusedCall {
  /** The calling component's id. */
  client: string;
  url: ClientUrl;
  server: UnservedTls;
  port: NonNullable<UnservedTls['closedHttpsPorts']>[number];
  /** How the URL's host was tied to the server: one of the names it answers to, or only its directory. */
  matchedBy: 'hostname' | 'directory';
}

/**
 * A plain call to a port its server serves with TLS only (ServerEndpointAttributes.tlsOnlyPorts): every request
 * fails. `matchedBy`: how the URL's host was tied to the server — one of the names it answers to, the Compose service
 * that runs its file (./plain-calls.ts), a loopback address in the same nginx file, or only the directory it lies in
 * (or a loopback address in that directory).
 */
export interface PlainCallToTls {
  /** The caller in words: the Java application's name, or NginxPlainPass.name. */
  client: string;
  /** The calling component's id, for a Java application. */
  clientId?: string;
  url: ClientUrl;
  /** The nginx pass that calls the URL (written elsewhere when it is an upstream's server). */
  passAt?: Location;
  /** The server component's id. */
  server: string;
  port: TlsOnlyPort;
  matchedBy: 'hostname' | 'compose-service' | 'same-file' | 'directory';
  /** The Compose service whose name the URL's host is, which runs the server's file (`compose-service`). */
  service?: { name: string; at: Location };
}

/** A keyword of an HAProxy configuration that a release removed (knowledge openssl-servers.json haproxy.removedKeywords). */
export interface HaproxyRemovedKeyword {
  at: Location;
  keyword: string;
  /** The section kind it is in (`global`, `backend`…). */
  section: string;
  /** The release that removed it, what replaces it (in words), and its source. */
  since: string;
  replacement: string;
  source: string;
  /** The HAProxy release the image running the file names, with the line that names it, and whether it refuses it. */
  release?: { value: string; at: Location };
  refuses: boolean | undefined;
  /** The file is a template, or the line is inside `.if … .endif`: what HAProxy reads may differ. */
  uncertain: boolean;
}

/** Which JDK runs which components of a deployment, and where that comes from (JSON report `runtimes`). */
export interface RuntimeUse {
  /** Absolute deployment root. */
  deployment: string;
  /** The JDK in words: "OpenJDK 8u202", "Eclipse Temurin (version unknown)", "JDK unknown". */
  jdk: string;
  /** The attachment: "JDK from Dockerfile:1 FROM eclipse-temurin:8u202-b08-jre". */
  from: string;
  location?: Location;
  /** Names of the components it runs. */
  components: string[];
}

/** A COPY/ADD of a file named as the JDK's `which` file into the image JDK's home, where that JDK does not read it. */
export interface MisplacedHomeFile {
  copy: DockerCopy;
  /** Where it lands, relative to the JDK's home (`jre/lib/security/cacerts`). */
  landed: string;
  /** Where the JDK reads that file, relative to its home (knowledge `homeLayouts`). */
  read: string;
  /** Where that fact comes from (`homeLayouts` source). */
  source: string;
  /** The home as the image is known to set it (`/opt/java/openjdk`), when a source says. */
  home?: string;
}

/** A misplaced copy of one of the deployment's Dockerfiles (Deployment.misplacedHomeFiles), found once by the model. */
export interface MisplacedHomeCopy extends MisplacedHomeFile {
  dockerfile: string;
  which: 'cacerts' | 'javaSecurity';
  /** The build contexts its sources come from: those of the Compose services that build it (`composeBuilds`: where they write it), else its directory. */
  contexts: string[];
  composeBuilds: Location[];
}
