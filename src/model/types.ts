import type { DockerfileJlinkRuntime } from './dockerfile-jlink';
import type { Location, RelatedLocation, TreeLink } from '../core/types';
import type { JavaRuntime } from '../knowledge/types';
import type { ParsedDocument } from '../parse/types';
import type { ContextExclusion } from '../parse/image-files';
import type { MqscData } from '../parse/mqsc';
import type { ComposeMount } from '../parse/compose-volumes';
import type {
  BrokerListenerAttributes,
  RabbitListenerAttributes,
  CleartrustAttributes,
  HaproxyBindAttributes,
  HaproxyServerAttributes,
  JavaAppAttributes,
  JbossHttpsAttributes,
  DropwizardHttpsAttributes,
  JettyHttpsAttributes,
  JmsConnectionFactoryAttributes,
  LibertyHttpsAttributes,
  MqChannelAttributes,
  NginxProxyAttributes,
  NginxServerAttributes,
  SpringServerAttributes,
  QuarkusServerAttributes,
  KeycloakServerAttributes,
  TomcatConnectorAttributes,
  TlsTrustSettings,
} from './attributes';
import type { UnservedTls } from './unserved-types';
import type { TlsSettings } from './tls-settings';
import type {
  HttpdProxyAttributes,
  HttpdRefusedDirective,
  HttpdServerAttributes,
  HttpdStartRefusal,
  HttpdTlsBehindPlain,
  HttpdIgnoredProxyTls,
  IhsServerAttributes,
} from './attributes-httpd';
import type { WasPluginAttributes, WasSslConfigAttributes } from './attributes-plugin';
import type {
  LibertyIncludesMissing,
  LibertyStoreHome,
  UnlinkedEnd,
  KafkaBrokerRecord,
  RabbitBrokerRecord,
  KafkaConnectGap,
  KafkaUnreadEnvFile,
  RefusedCall,
  NginxPlainPass,
  PlainCallToTls,
  NginxIgnoredPassTls,
  NginxVerifyWithoutAnchors,
  NginxSslDirective,
  NginxSpdyListen,
  NginxSpdyDirective,
  HaproxyRemovedKeyword,
  TomcatAjpWithoutSecret,
  MisplacedHomeCopy,
} from './deployment-records';
import type { KafkaClientReach, StrimziListenerRecord } from './kafka-reach-records';
import type { MssqlCall, MysqlCall, PgjdbcUnknownMode, PostgresCall } from './jdbc-records';

// Kept in ./attributes-tls (a client URL may carry its own stores); re-exported so model users import one module.
export type { StoreRef, TlsTrustSettings, BrokerUrl } from './attributes';
export type { TlsImplementation } from './attributes-tls';
export type { KafkaClientReach, StrimziListenerRecord } from './kafka-reach-records';
export type { JdbcCall, MysqlCall, MssqlCall, PostgresCall, PgjdbcUnknownMode } from './jdbc-records';
export type {
  LibertyIncludesMissing,
  LibertyStoreHome,
  UnlinkedEnd,
  KafkaBrokerRecord,
  RabbitBrokerRecord,
  KafkaList,
  KafkaConnectGap,
  KafkaUnreadEnvFile,
  RefusedCall,
  NginxPlainPass,
  PlainCallToTls,
  NginxPassRef,
  NginxIgnoredPassTls,
  NginxVerifyWithoutAnchors,
  NginxSslDirective,
  NginxSpdyListen,
  RuntimeUse,
  TomcatAjpWithoutSecret,
} from './deployment-records';

// Shared with the knowledge base (which takes runtimes as input) and core; re-exported so model users import one module.
export type { Provenance, Traced } from '../core/traced';
export type { JavaRuntime, JdkVendorFamily, RuntimeAttachment } from '../knowledge/types';

export type { CertificateRef, ClientAuthMode, JettyExclusionSettings, TlsSettings } from './tls-settings';

export type ComponentRole = 'client' | 'server' | 'both' | 'none';

/** What every component has, whatever its family: `type` says which family, `attributes` are that family's own facts. */
interface ComponentBase<Type extends string, Attributes> {
  /** Unique inside its deployment, stable across runs (used in fingerprints). */
  id: string;
  /** What it is, e.g. `cleartrust.aserver`, `mq.svrconn`, `tomcat.connector`. */
  type: Type;
  /** Human label, e.g. `Authorization Server (host1)`. */
  name: string;
  role: ComponentRole;
  /** Where it is defined. */
  location: Location;
  /** Directory that stands for its host, relative to the deployment root ('' for the root). */
  host: string;
  runtime?: JavaRuntime;
  tls?: TlsSettings;
  /** The parsed documents this component was built from. */
  documents: ParsedDocument[];
  /** Area-specific facts (e.g. a ClearTrust role, an MQ channel type), typed per family. */
  attributes: Attributes;
}

/** A ClearTrust server, agent or console: the type is the document kind (`cleartrust.aserver`, `cleartrust.webagent`…). */
export type CleartrustComponent = ComponentBase<`cleartrust.${string}`, CleartrustAttributes>;
/**
 * An IBM MQ channel end: a server-side channel (SVRCONN, RCVR…), a queue manager's sending end of a message channel
 * (`mq.sender`: SDR, SVR, CLUSSDR), an MQSC CLNTCONN or a JSON CCDT channel.
 */
export type MqChannelComponent = ComponentBase<
  'mq.svrconn' | 'mq.sender' | 'mq.clntconn' | 'mq.ccdt-channel',
  MqChannelAttributes
>;
/** A JMS connection factory of WebSphere traditional or Liberty that connects to IBM MQ. */
export type JmsConnectionFactoryComponent = ComponentBase<'jms.connection-factory', JmsConnectionFactoryAttributes>;
/** A Java application as a TLS client (its JVM options and Spring client settings). */
export type JavaAppComponent = ComponentBase<'java.app', JavaAppAttributes>;
/** Spring Boot's embedded HTTPS server. */
export type SpringServerComponent = ComponentBase<'spring.server', SpringServerAttributes>;
/** A Quarkus app's HTTPS server (Vert.x): `quarkus.http.ssl.*` or a TLS registry configuration. */
export type QuarkusServerComponent = ComponentBase<'quarkus.server', QuarkusServerAttributes>;
/** Keycloak's own HTTPS server (its Quarkus distribution): `https-*` options from its arguments, variables and keycloak.conf. */
export type KeycloakServerComponent = ComponentBase<'keycloak.server', KeycloakServerAttributes>;
/** A Liberty `<httpEndpoint>` with an HTTPS port. */
export type LibertyHttpsComponent = ComponentBase<'liberty.https-endpoint', LibertyHttpsAttributes>;
/** A WildFly / JBoss EAP Undertow `<https-listener>` (its Elytron server-ssl-context or legacy security realm). */
export type JbossHttpsComponent = ComponentBase<'jboss.https-listener', JbossHttpsAttributes>;
/** A Dropwizard HTTPS connector (`server.applicationConnectors[n]` with `type: https` or `h2`): Jetty's TLS. */
export type DropwizardHttpsComponent = ComponentBase<'dropwizard.https-connector', DropwizardHttpsAttributes>;
/** A plain Jetty server's SslContextFactory (the ssl module's, or one a Jetty XML of the base makes). */
export type JettyHttpsComponent = ComponentBase<'jetty.https-connector', JettyHttpsAttributes>;
/** A Tomcat TLS connector (one per SSLHostConfig). */
export type TomcatConnectorComponent = ComponentBase<'tomcat.connector', TomcatConnectorAttributes>;
/** An nginx TLS `server`, or a file of top-level `ssl_*` directives that servers include (`nginx.tls-policy`). */
export type NginxComponent = ComponentBase<'nginx.server' | 'nginx.tls-policy', NginxServerAttributes>;
/** An nginx `proxy_pass https://…` (or `grpc_pass grpcs://…`): nginx as a TLS client of the servers behind it. */
export type NginxProxyComponent = ComponentBase<'nginx.proxy', NginxProxyAttributes>;
/** An HAProxy `bind … ssl`: HAProxy as a TLS server. */
export type HaproxyBindComponent = ComponentBase<'haproxy.bind', HaproxyBindAttributes>;
/** An HAProxy `server … ssl`: HAProxy as a TLS client of the server behind it. */
export type HaproxyServerComponent = ComponentBase<'haproxy.server', HaproxyServerAttributes>;

export type HttpdServerComponent = ComponentBase<'httpd.server', HttpdServerAttributes>;

export type HttpdProxyComponent = ComponentBase<'httpd.proxy', HttpdProxyAttributes>;

/** An IBM HTTP Server virtual host with `SSLEnable` (mod_ibm_ssl): ./ihs.ts. */
export type IhsServerComponent = ComponentBase<'ihs.server', IhsServerAttributes>;

/** An https `<Transport>` of the WebSphere web server plug-in's plugin-cfg.xml: the plug-in as a TLS client. */
export type WasPluginComponent = ComponentBase<'was.plugin', WasPluginAttributes>;
/** An SSL configuration of WebSphere traditional that a wsadmin script writes (./was-ssl-configs.ts). */
export type WasSslConfigComponent = ComponentBase<'was.ssl-config', WasSslConfigAttributes>;

/** An ActiveMQ broker's TLS listener (an Artemis acceptor or a Classic transport connector): ./activemq-brokers.ts. */
export type BrokerListenerComponent = ComponentBase<'activemq.listener', BrokerListenerAttributes>;
/** A RabbitMQ broker's TLS listeners (rabbitmq.conf or rabbitmq.config: ./rabbitmq-brokers.ts), on Erlang/OTP's ssl. */
export type RabbitListenerComponent = ComponentBase<'rabbitmq.listener', RabbitListenerAttributes>;

/** One thing that runs and talks: a ClearTrust server, a queue manager channel, a Tomcat connector… keyed on `type`. */
export type Component =
  | CleartrustComponent
  | MqChannelComponent
  | JmsConnectionFactoryComponent
  | JavaAppComponent
  | SpringServerComponent
  | QuarkusServerComponent
  | KeycloakServerComponent
  | LibertyHttpsComponent
  | JbossHttpsComponent
  | DropwizardHttpsComponent
  | JettyHttpsComponent
  | TomcatConnectorComponent
  | NginxComponent
  | NginxProxyComponent
  | HaproxyBindComponent
  | HaproxyServerComponent
  | HttpdServerComponent
  | HttpdProxyComponent
  | IhsServerComponent
  | WasPluginComponent
  | WasSslConfigComponent
  | BrokerListenerComponent
  | RabbitListenerComponent;

/** A server component clients find by port and host name (Spring, Liberty, WildFly, Tomcat, nginx, HAProxy, ActiveMQ). */
export type ServerEndpointComponent =
  | SpringServerComponent
  | QuarkusServerComponent
  | KeycloakServerComponent
  | LibertyHttpsComponent
  | JbossHttpsComponent
  | DropwizardHttpsComponent
  | JettyHttpsComponent
  | TomcatConnectorComponent
  | NginxComponent
  | HaproxyBindComponent
  | HttpdServerComponent
  | BrokerListenerComponent;

export const isCleartrust = (c: Component): c is CleartrustComponent => c.type.startsWith('cleartrust.');
export const isMqChannel = (c: Component): c is MqChannelComponent =>
  c.type === 'mq.svrconn' || c.type === 'mq.sender' || c.type === 'mq.clntconn' || c.type === 'mq.ccdt-channel';
export const isJmsConnectionFactory = (c: Component): c is JmsConnectionFactoryComponent =>
  c.type === 'jms.connection-factory';
export const isNginx = (c: Component): c is NginxComponent =>
  c.type === 'nginx.server' || c.type === 'nginx.tls-policy';
export const isServerEndpoint = (c: Component): c is ServerEndpointComponent =>
  c.type === 'spring.server' ||
  c.type === 'quarkus.server' ||
  c.type === 'keycloak.server' ||
  c.type === 'liberty.https-endpoint' ||
  c.type === 'jboss.https-listener' ||
  c.type === 'dropwizard.https-connector' ||
  c.type === 'jetty.https-connector' ||
  c.type === 'tomcat.connector' ||
  c.type === 'haproxy.bind' ||
  c.type === 'httpd.server' ||
  c.type === 'activemq.listener' ||
  isNginx(c);

/** A client → server TLS connection the deployment will make. */
export interface Link {
  id: string;
  client: string;
  server: string;
  /** Why we believe they talk (same channel name, URL host:port, config `links`). */
  reason: string;
  location?: Location;
  /**
   * Set when nothing but a name coincidence pairs the two ends (a channel name that several queue managers
   * define, or a queue manager the tree does not name): what is not known, and what to declare. Such a link
   * is never judged (its outcome is unknown, never a failure).
   */
  unconfirmed?: string;
  /** Places besides the two ends that tie them together (a deploy script naming the queue manager): related places of findings on the link. */
  evidence?: RelatedLocation[];
  /** The stores the client uses on this link when they are not its component's (ClientUrl.trust). */
  clientTrust?: TlsTrustSettings;
  /** The TLS settings the client sets on this link besides its component's (an ActiveMQ broker URL's own lists). */
  /** Its `trust`: the stores a RabbitMQ connection's own settings name (`spring.rabbitmq.ssl.*`), as `clientTrust`. */
  clientTls?: Pick<TlsSettings, 'protocols' | 'cipherSuites' | 'unknownValues' | 'trust'>;
}

/** A Compose bind mount whose host path is known (./compose-mounts.ts composeMountsOf). */
export interface TreeMount {
  /** The Compose file that writes it. */
  file: string;
  /** The project it belongs to: the Compose file, or for `compose.yaml` and its default override, their directory. */
  project: string;
  mount: ComposeMount;
  /** The absolute host path it mounts. */
  hostPath: string;
  /** The image its service names (`image:`), when it says. */
  image?: string;
}

/**
 * Why the scripts of the image that runs a tree MQSC file are left out of its script (src/model/mq-image-scripts.ts):
 * what the image applies is unknown. `at`: the mount or COPY that joins the file to the image.
 */
export interface ImageScriptsUnknown {
  /** The tree's MQSC file. */
  file: string;
  at: Location;
  why: string;
}

/** A set of files checked together (DESIGN.md "Deployments"). */
export interface Deployment {
  /** Absolute directory (or file) the deployment is rooted at. */
  root: string;
  /** How reports name it when that is not `root`: some build projects' files under it (src/discover/discover.ts). */
  name?: string;
  documents: ParsedDocument[];
  /**
   * The files the deployment lists (the walk's, and the leftovers a file names), which `--cache` hashes: beside the
   * documents, the only files the model may read (a manifest beside an MQSC's ConfigMap), so a change to one is never
   * answered from the cache. Unset on a deployment built without the model.
   */
  files?: readonly string[];
  components: Component[];
  links: Link[];
  /**
   * The MQSC scripts of the tree's queue managers, each as one document: an MQSC file alone, or the files one queue
   * manager applies in order combined (./mq-scripts.ts). Unset on a deployment built without the model.
   */
  mqscScripts?: ParsedDocument<MqscData>[];
  /** MQSC files an image with scripts of its own runs, whose scripts are left out because what it applies is unknown. */
  mqImageScriptsUnknown?: ImageScriptsUnknown[];
  /** The JDK that runs the deployment when a component does not say otherwise. */
  runtime?: JavaRuntime;
  /**
   * Directories of configurations that serve no TLS (a Liberty server none of whose features includes ssl-1.0:
   * ./liberty-tls.ts): no component picks a certificate there by label. Unset on a deployment built without the model.
   */
  tlsLessHomes?: string[];
  /**
   * Directories of Liberty servers that serve TLS and whose every `<keyStore>` location the tree resolves, with those
   * store files (./liberty-unreferenced.ts libertyStoreHomes): Liberty opens no other store there, so only these are
   * its own by lying in its directory. Unset on a deployment built without the model.
   */
  libertyStoreHomes?: LibertyStoreHome[];
  /**
   * Servers whose settings name key stores but that serve no TLS in the run the tree shows, or may not
   * (./unserved-tls.ts): the derive stage tells their stores from ones nothing names. Unset without the model.
   */
  unservedTls?: UnservedTls[];
  /**
   * Java apps whose Spring files are partly or wholly in environment directories (./spring-environment-dirs.ts): the
   * app's label (its directory relative to the deployment root), those directories, and how many Spring files are the app's own. For
   * `--debug`. Unset without the model.
   */
  springEnvironmentDirs?: { app: string; dirs: string[]; ownFiles: number }[];
  /**
   * TLS ends the model makes no component of, with the stores their settings name (Kafka clients and brokers:
   * ./kafka-spring.ts, ./kafka-brokers.ts, ./kafka-bitnami.ts, ./kafka-properties.ts; Spring SSL bundles no setting the
   * model reads hands over: ./spring-bundle-ends.ts): no link or handshake is predicted for them, but the stores they
   * read are in use (`UnlinkedEnd.useUnknown`: perhaps). Unset without the model.
   */
  unlinkedEnds?: UnlinkedEnd[];
  /** Kafka brokers with a TLS listener (./kafka-brokers.ts, ./kafka-properties.ts). Unset without the model. */
  kafkaBrokers?: KafkaBrokerRecord[];
  /** Listeners of Strimzi `Kafka` resources (./kafka-strimzi.ts). Unset without one. */
  strimziListeners?: StrimziListenerRecord[];
  /** Kafka clients whose bootstrap servers the tree writes (./kafka-spring-reach.ts), for the listeners above. */
  kafkaClientReaches?: KafkaClientReach[];
  /** RabbitMQ brokers with a TLS listener (./rabbitmq-brokers.ts). Unset without the model. */
  rabbitBrokers?: RabbitBrokerRecord[];
  /** Kafka Connect workers whose tasks' clients lack TLS settings the worker has (./kafka-connect.ts connectGaps). */
  kafkaConnectGaps?: KafkaConnectGap[];
  /** Env files Compose requires of Kafka services that the run does not hold (./kafka-protocols.ts kafkaServiceVariables). */
  kafkaUnreadEnvFiles?: KafkaUnreadEnvFile[];
  /**
   * Tree files a Dockerfile's COPY/ADD names that a `.dockerignore` leaves out of its build context, with that Dockerfile
   * and the line that does (src/parse/image-files.ts): its image does not hold them. Empty without the model.
   */
  contextExclusions?: ReadonlyMap<string, readonly ContextExclusion[]>;
  /** Dockerfile copies of cacerts or java.security into the image JDK's home where it does not read them (./image-home-files.ts), with their build contexts. Unset without the model. */
  misplacedHomeFiles?: MisplacedHomeCopy[];
  /** Client URLs calling HTTPS ports where their server speaks no TLS (./java-links.ts). Unset without the model. */
  refusedCalls?: RefusedCall[];
  /** nginx's plain http passes and the URLs they call (./nginx-plain-calls.ts). Unset without the model. */
  nginxPlainPasses?: NginxPlainPass[];
  /** Plain (http://, ws://, grpc://) calls to ports their server serves with TLS only (./java-links.ts). Unset without the model. */
  plainCallsToTls?: PlainCallToTls[];
  /** Java applications' JDBC connections to MySQL servers of the tree (./mysql-calls.ts). Unset without the model. */
  mysqlCalls?: MysqlCall[];
  /** Java applications' JDBC connections to SQL Server of the tree that validate its certificate (./mssql-calls.ts). Unset without the model. */
  mssqlCalls?: MssqlCall[];
  /** Java applications' JDBC connections requiring SSL of a PostgreSQL server of the tree without it (./postgres-calls.ts). Unset without the model. */
  postgresCalls?: PostgresCall[];
  /** Java applications' pgjdbc URLs whose sslmode the build's pinned driver does not know (./pgjdbc-modes.ts). Unset without the model. */
  pgjdbcUnknownModes?: PgjdbcUnknownMode[];
  /** nginx `*_ssl_*` directives only plain passes apply (nginx ignores them). Unset without the model. */
  nginxIgnoredPassTls?: NginxIgnoredPassTls[];
  /** nginx `*_ssl_verify on` without a trusted certificate where nginx builds a TLS client. Unset without the model. */
  nginxVerifyWithoutAnchors?: NginxVerifyWithoutAnchors[];
  /** nginx `ssl` directives, which 1.25.1 and later refuse at start. Unset without the model. */
  nginxSslDirectives?: NginxSslDirective[];
  /** httpd (mod_ssl) lines httpd refuses when it reads the configuration (./httpd-refused.ts). Unset without the model. */
  httpdRefusedDirectives?: HttpdRefusedDirective[];
  /** httpd (mod_ssl) lines configtest passes and the start refuses (./httpd-start.ts). Unset without the model. */
  httpdStartRefusals?: HttpdStartRefusal[];
  /** httpd virtual hosts with SSLEngine on that a plain one comes before on their addresses (./httpd-order.ts). Unset without the model. */
  httpdTlsBehindPlain?: HttpdTlsBehindPlain[];
  /** httpd SSLProxy* verification lines only plain passes apply (mod_proxy ignores them: ./httpd-proxy-ignored.ts). Unset without the model. */
  httpdIgnoredProxyTls?: HttpdIgnoredProxyTls[];
  /** nginx `listen … spdy`, which 1.19.7 and later refuse at start. Unset without the model. */
  nginxSpdyListens?: NginxSpdyListen[];
  /** nginx spdy_* directives, which 1.19.7 and later refuse at start. Unset without the model. */
  nginxSpdyDirectives?: NginxSpdyDirective[];
  /** Tomcat AJP connectors with no secret, and what their release does with them (./tomcat-ajp.ts). Unset without the model. */
  tomcatAjpWithoutSecret?: TomcatAjpWithoutSecret[];
  /** HAProxy keywords a release removed (a fatal error from that release on). Unset without the model. */
  haproxyRemovedKeywords?: HaproxyRemovedKeyword[];
  /** Directories holding a Maven or Gradle build file: each one application's source tree. Unset without the model. */
  buildProjects?: string[];
  /**
   * The symbolic links the walk met (src/discover/walk.ts), gathered once at discovery: the model reads no file system.
   * Unset without the model.
   */
  treeLinks?: readonly TreeLink[];
  /** The Java runtimes the deployment's Dockerfiles build with jlink, with their JDK (./dockerfile-jlink.ts). Unset without the model. */
  jlinkRuntimes?: DockerfileJlinkRuntime[];
  /**
   * The bind mounts of the deployment's Compose files whose host path the tree holds (./compose-mounts.ts), computed
   * once: model contributors and rules read them here. Unset without the model.
   */
  composeMounts?: TreeMount[];
  /**
   * Each Liberty server's includes of files the tree does not hold, as the model assembled its configuration
   * (./liberty-config.ts libertyIncludesMissing), so the rule that reports them does not assemble every server again.
   * Unset without the model.
   */
  libertyIncludesMissing?: LibertyIncludesMissing[];
}

export type { UnservedTls } from './unserved-types';
