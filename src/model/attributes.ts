/**
 * The typed `attributes` of each component family (`Component` in ./types is the union keyed on `type`), and the
 * data shapes they hold. Types only; this module imports nothing from the rest of the model but its own parts
 * (./attributes-mq, ./attributes-tls, ./attributes-edge), so ./types can use it without a module cycle.
 */
import type { Location } from '../core/types';
import type { Phrase } from '../core/phrase';
import type { ClientUrl, ServerEndpointAttributes } from './attributes-tls';
export type {
  MqValue,
  MqQueueManagerFacts,
  MqChannelAttributes,
  TreeCertificate,
  ConfigProduct,
  ScriptQueueManagerName,
  WasSecurityLevel,
  LevelCiphers,
  JmsSslConfig,
  JmsConnectionFactoryAttributes,
} from './attributes-mq';
export type {
  NginxServerAttributes,
  FloatingOpenssl,
  NginxWorkloadApi,
  SecurityLevelCandidate,
  Unsettled,
  NginxSecurityLevel,
  NginxStartupFailure,
  NginxLoading,
  NginxStoreDirectives,
  NginxProxyAttributes,
  NginxProxyStoreDirectives,
  HaproxyBindAttributes,
  HaproxyServerAttributes,
  HaproxyPath,
  HaproxyKeyFileLookup,
} from './attributes-edge';
export type {
  StoreRef,
  TlsTrustSettings,
  ClientUrl,
  BrokerUrl,
  TlsOnlyPort,
  ServerEndpointAttributes,
} from './attributes-tls';

/** `attributes` of a ClearTrust component (`cleartrust.aserver`, `cleartrust.webagent`…: the document kind). */
export interface CleartrustAttributes {
  /** The role in words, e.g. `Authorization Server`. */
  cleartrustRole: string;
  /** `cleartrust.net.ssl.use` / `cleartrust.agent.ssl.use` lower-cased (clear | anon | auth), when set. */
  sslMode?: string;
}

/** `attributes` of a `spring.server` component (Spring Boot's own HTTPS server). */
export interface SpringServerAttributes extends ServerEndpointAttributes {
  /** The active Spring profiles, when the tree says which. */
  activeProfiles?: string[];
  /**
   * The image a Docker Compose service runs it from, when the tree does not build that image and the service's
   * environment configures it (./spring-image-services.ts): a JDK of the tree does not run it.
   */
  composeImage?: string;
}

/** `attributes` of a `quarkus.server` component (a Quarkus app's HTTPS server: ./quarkus-server.ts). */
export interface QuarkusServerAttributes extends ServerEndpointAttributes {
  /** Where its TLS comes from: `quarkus.http.ssl.*`, `quarkus.tls.*` or `quarkus.tls.<name>.*`. */
  tlsSource: string;
  /** The profile whose `%profile.` settings apply (`prod` unless `quarkus.profile` says). */
  profile: string;
}

/** `attributes` of a `keycloak.server` component (Keycloak's own HTTPS server: ./keycloak-https.ts). */
export interface KeycloakServerAttributes extends ServerEndpointAttributes {
  /** How it is started, as users say it: `Docker Compose service keycloak (docker-compose.yml)`, `Dockerfile`, `keycloak.conf`. */
  start: string;
  /** Where its certificate comes from: `PEM` (https-certificate-file) or `key store` (https-key-store-file). */
  certificateSource: 'PEM' | 'key store';
}

/** `attributes` of a `java.app` component (a Java application's JVM and Spring client settings). */
export interface JavaAppAttributes {
  /** URLs the application calls (from Spring settings), for linking. */
  urls: ClientUrl[];
  /** Spring profiles seen in the group's files. */
  profiles: string[];
  /**
   * Why the app may present a client certificate the JVM's defaults do not show (an SSL bundle with a key store its
   * code can apply to its HTTP client; a Kubernetes ConfigMap overlay of an image the tree does not hold): then
   * "no key store configured" is not known to mean "no certificate".
   */
  ownClientKey?: Phrase;
  /**
   * Where profiles whose activation the tree does not settle turn HTTPS on (`server.ssl.key-store`, `.certificate`,
   * `.bundle` or `.enabled=true` in `application-tls.yml`) while the default settings give the app no HTTPS server:
   * whether it serves HTTPS at all is unknown, so no server component is made (rules would judge guessed settings).
   */
  httpsOnlyInProfiles?: { profile: string; setting: string; at: Location }[];
  /**
   * `server.ssl.enabled` written as a placeholder that is not `true` while its variable is unset (`${SSL_ENABLED:false}`,
   * `${SSL_ENABLED}`), beside a key store, certificate or bundle: HTTPS only when the environment turns it on, so no
   * server component is made (the run the tree shows serves plain HTTP, or its switch is unknown).
   */
  httpsOnlyIfSet?: { written: string; at: Location };
  /**
   * The port its embedded web server serves in plain HTTP when the tree settles it (./spring-plain-port.ts): no
   * `server.ssl.*` anywhere, no setting the tree does not show; `setting` says what fixes the port.
   */
  plainHttpPort?: { port: number; setting: string; at: Location };
  /**
   * A Kafka SSL bundle set beside a store setting of the same `spring.kafka[.<client>].ssl.*` object (./kafka-spring.ts
   * springKafkaSslConflicts): Spring Boot 3.2+ refuses to build that client's properties.
   */
  /**
   * Kafka TLS settings under `spring.kafka[.<client>].ssl|security.*` that Spring Boot does not bind and ignores
   * (./kafka-spring-ignored.ts), each with the Kafka setting it looks like and what the clients run with instead:
   * `differs` from what is written, the `same`, `unknown`, or `no-tls` (the clients speak no TLS, reading no ssl.*).
   */
  kafkaIgnoredSettings?: {
    /** As its line names it (`spring.kafka.ssl.enabled.protocols`, `SPRING_KAFKA_SSL_ENABLED_PROTOCOLS`). */
    setting: string;
    at: Location;
    kafkaKey: string;
    /** The settings that do apply it: Spring Boot's own property, where it has one, and the `properties.` pass-through. */
    use: string[];
    effect: 'differs' | 'same' | 'unknown' | 'no-tls';
    /** The Spring clients (producer, consumer, admin, streams) it differs for, else those it would apply to. */
    clients: string[];
    /** The value as written (its list's items joined by `,`); absent for a secret. */
    written?: string;
    /** What a client runs with instead, in words, and where that is set when it is. */
    effective?: string;
    effectiveAt?: Location;
    /** The security.protocol that makes the clients read ssl.* settings, when that decides the outcome. */
    tlsAt?: Location;
    /** The project's release, when the property exists only in later ones. */
    notYetIn?: SpringBootRelease;
    /** The project's release, when it picks Kafka's default that applies (the kafka-clients it manages, its Java floor). */
    defaultBy?: { release: SpringBootRelease; kafka?: string };
  }[];
  kafkaSslConflicts?: {
    bundle: { setting: string; at: Location };
    store: { setting: string; at: Location };
    /** The project's Spring Boot release, when it is one that refuses the two together (3.2+); absent: unknown. */
    refusedBy?: SpringBootRelease;
  }[];
  /**
   * RabbitMQ TLS checks the app's Spring settings turn off (./spring-rabbit.ts) while its connection uses TLS (`tlsAt`):
   * `certificate`, validate-server-certificate=false with no store or bundle (the client trusts every certificate and
   * checks no host name); `hostname`, verify-hostname=false (the certificate is verified, not that it names the host).
   */
  rabbitTlsChecksOff?: {
    check: 'certificate' | 'hostname';
    setting: string;
    at: Location;
    tlsAt: { setting: string; at: Location };
    /** The project's Spring Boot release, where the check is said only because of it (a setting it ignores). */
    release?: SpringBootRelease;
  }[];
  /**
   * Settings that hand an SSL bundle to a server or client (`server.ssl.bundle`, `spring.data.redis.ssl.bundle`, …)
   * naming one the app's settings do not define (./spring-bundle-references.ts): Spring Boot throws
   * NoSuchSslBundleException when it builds `builds`. `defined`: the bundles the settings do define; `elsewhere`: a
   * place the tree shows that may still define it (a profile not known to be active, configuration from outside).
   */
  undefinedSslBundles?: {
    setting: string;
    name: string;
    builds: string;
    at: Location;
    defined: string[];
    elsewhere?: { why: string; at: Location };
    /** The project's release, where the setting is read only from it on (Kafka's, 3.2+). */
    release?: SpringBootRelease;
  }[];
  /** The Spring Boot release the app's project is built with, where its build file says it (./spring-boot-release.ts). */
  springBoot?: SpringBootRelease;
}

/** A Spring Boot release as a project's build file names it. */
export interface SpringBootRelease {
  /** As written: `3.2.0`, `2.1.4.RELEASE`. */
  version: string;
  /** Where the version is written. */
  at: Location;
  /** What names it: `the Maven parent spring-boot-starter-parent`, `the Gradle plugin org.springframework.boot`. */
  by: string;
}

/** A server.xml element that holds TLS attributes. */
export type TomcatTlsElement = 'Connector' | 'SSLHostConfig' | 'Certificate';

/** A written TLS attribute Tomcat ignores (no setter), and the element whose attribute it looks like (`spelled` as that one is). */
export interface IgnoredTomcatAttribute {
  name: string;
  element: TomcatTlsElement;
  at: Location;
  like?: { element: TomcatTlsElement; spelled: string };
}

/** `attributes` of a `tomcat.connector` component. */
export interface TomcatConnectorAttributes extends ServerEndpointAttributes {
  /** Attributes whose value is a `${…}` placeholder: unknown at lint time. */
  placeholders: string[];
  /** The `protocols`/`ciphers` text as written (OpenSSL syntax allowed). */
  ciphersAsWritten?: string;
  /**
   * Tomcat Native turns this JSSE-style connector to OpenSSL (model/tomcat-native.ts): why, in words, the places that say
   * it (the listener, the image), and the image's OpenSSL when its tag names it (`3.0.13 (tomcat:… → ubuntu:noble)`).
   */
  nativeOpenssl?: { because: string; at: Location[]; openssl?: string };
  /**
   * The release whose facts apply, whether assumed, how the tree names it (`9.0.85 (Dockerfile:1 FROM tomcat:9.0.85)`)
   * and where, and whether it reads the Connector's TLS attributes (true: 8.5 and 9; false: 10.0 and later; unset: unknown).
   */
  /** `unprofiled`: the release the tree names (`7.0`) when lint-deploy has no facts for it (`release` is then assumed). */
  tomcat?: {
    release: string;
    assumed: boolean;
    named?: string;
    at?: Location;
    readsConnectorTls?: boolean;
    unprofiled?: string;
  };
  /**
   * TLS attributes on the Connector that its release ignores (10.0 and later; the SSLHostConfig decides), or, with the
   * release unknown, the APR-style ones only 8.5 and 9 read (`SSLProtocol`, `SSLCipherSuite`, `SSLVerifyClient`):
   * what they set is unknown. Each with the SSLHostConfig attribute it stands for.
   */
  connectorTls?: { ignored: boolean; attributes: { name: string; hostConfigAttribute: string; at: Location }[] };
  /** TLS attributes written on the Connector, this SSLHostConfig or its Certificates that reach no setter (model/tomcat-ignored.ts). */
  ignoredAttributes?: IgnoredTomcatAttribute[];
}

/** `attributes` of a `dropwizard.https-connector` component (a Dropwizard `type: https` or `h2` connector). */
export interface DropwizardHttpsAttributes extends ServerEndpointAttributes {
  /** Where the server lists it: `applicationConnectors[0]`, `adminConnectors[1]`, `connector`. */
  connector: string;
  /** The Dropwizard release the project's build names, when it names one. */
  release?: string;
}

/** `attributes` of a `jetty.https-connector` component (an SslContextFactory of a Jetty base: ./jetty-https.ts). */
export interface JettyHttpsAttributes extends ServerEndpointAttributes {
  /** The Jetty base directory, relative to the deployment root ('' for the root). */
  base: string;
  /** The factory's XML id (`sslContextFactory`: the ssl module's). */
  factory: string;
  /** The Jetty release the tree names (an official image's tag, a distribution archive), when it names one. */
  release?: string;
}

/** `attributes` of a `jboss.https-listener` component (a WildFly / JBoss EAP Undertow `<https-listener>`). */
export interface JbossHttpsAttributes extends ServerEndpointAttributes {
  /** The listener's `name`. */
  listener: string;
  /** The Elytron `server-ssl-context` it names (`ssl-context`). */
  sslContext?: string;
  /** The legacy security realm it names (`security-realm`), when it names no ssl-context. */
  securityRealm?: string;
  /**
   * A listener read from a jboss-cli script alone: why the tree does not say which server configuration file the
   * script edits (../model/jboss-cli-target.ts), and so what that file gives the listener.
   */
  editedConfigurationUnknown?: string;
}

/** `attributes` of a `liberty.https-endpoint` component. */
export interface LibertyHttpsAttributes extends ServerEndpointAttributes {
  endpointId: string;
  /** The `<ssl id>` the endpoint uses (sslOptions → sslRef, else sslDefault sslRef, else defaultSSLConfig). */
  sslConfigId: string;
  /** False when that `<ssl>` element is not in the file (Liberty's built-in default configuration applies). */
  sslConfigInTree: boolean;
  /** `host` as written: `*` (all interfaces), `localhost` (Liberty's default: loopback only), a name or an address. */
  listenHost: string;
}

/** `attributes` of an `activemq.listener` component (an Artemis `<acceptor>` or a Classic `<transportConnector>` with TLS). */
/** `attributes` of a RabbitMQ broker's TLS listener (`rabbitmq.listener`: ./rabbitmq-brokers.ts). */
export interface RabbitListenerAttributes {
  /** The names its clients reach it by, lower case: the Compose service's name, hostname, container name, aliases. */
  hostnames: string[];
  /** The ports of its TLS listeners (`listeners.ssl.*`), when written as numbers. */
  tlsPorts: number[];
  /** The Compose bind mount that puts its configuration into the service whose names `hostnames` are. */
  mountedAt?: Location;
  /** The official image that service names (`rabbitmq:3.13-management`): its series tells the Erlang/OTP it runs on. */
  image?: string;
}

export interface BrokerListenerAttributes extends ServerEndpointAttributes {
  product: 'artemis' | 'classic';
  /** The acceptor's or connector's `name`, when it has one. */
  listener?: string;
  /** The URI's scheme as written, lower case (`tcp`, `ssl`, `nio+ssl`, `stomp+ssl`). */
  scheme: string;
}
