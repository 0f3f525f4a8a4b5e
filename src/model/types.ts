import type { DockerfileJlinkRuntime } from './dockerfile-jlink';
import type { Location, RelatedLocation, TreeLink } from '../core/types';
import type { JavaRuntime } from '../knowledge/types';
import type { ParsedDocument } from '../parse/types';
import type { ContextExclusion } from '../parse/image-files';
import type { MqscData } from '../parse/mqsc';
import type { ComposeMount } from '../parse/compose-volumes';
import type { TlsTrustSettings } from './attributes';
import type { UnservedTls } from './unserved-types';
import type { TlsSettings } from './tls-settings';
import type {
  HttpdRefusedDirective,
  HttpdStartRefusal,
  HttpdTlsBehindPlain,
  HttpdIgnoredProxyTls,
  JkMountUnknownWorker,
  JkRefusedProperty,
} from './attributes-httpd';
import type { Component } from './component-types';
import type {
  LibertyIncludesMissing,
  LibertyStoreHome,
  UnlinkedEnd,
  KafkaBrokerRecord,
  RabbitBrokerRecord,
  KafkaConnectGap,
  KafkaUnreadEnvFile,
  RefusedCall,
  PlainCallToTls,
  HaproxyRemovedKeyword,
  MisplacedHomeCopy,
} from './deployment-records';
import type { TomcatAjpWithoutSecret, TomcatAjpConnector, AjpFront, AjpFrontLink } from './ajp-records';
import type { IngressBackendRoute } from './ingress-backend-route';
import type {
  NginxPlainPass,
  NginxIgnoredPassTls,
  NginxVerifyWithoutAnchors,
  NginxSslDirective,
  NginxSpdyListen,
  NginxSpdyDirective,
} from './nginx-records';
import type { LogstashEnd } from './logstash-records';
import type { ElasticStackClient, KibanaServerRecord } from './kibana-beats-records';
import type {
  KafkaClientReach,
  KafkaConnectWorkerRecord,
  KafkaConnectorOverride,
  StrimziListenerRecord,
} from './kafka-reach-records';
import type { MssqlCall, MysqlCall, PgjdbcUnknownMode, PostgresCall } from './jdbc-records';
import type { SearchNodeRecord } from './search-node-types';
import type { ElasticLink } from './elastic-link-records';
import type { CertutilInstanceRecord } from './certutil-instance-records';

// Kept in ./attributes-tls (a client URL may carry its own stores); re-exported so model users import one module.
export type { StoreRef, TlsTrustSettings, BrokerUrl } from './attributes';
export type { TlsImplementation } from './attributes-tls';
export type { IngressBackendRoute } from './ingress-backend-route';
export type {
  ConnectWorkerClients,
  KafkaClientReach,
  KafkaConnectWorkerRecord,
  KafkaConnectorOverride,
  SettingOf,
  StoreFileOf,
  StrimziListenerRecord,
} from './kafka-reach-records';
export type { JdbcCall, MysqlCall, MssqlCall, PostgresCall, PgjdbcUnknownMode } from './jdbc-records';
export type { SearchNodeLayer, SearchNodeRecord } from './search-node-types';
export type { ElasticLink } from './elastic-link-records';
export type {
  LibertyIncludesMissing,
  LibertyStoreHome,
  UnlinkedEnd,
  KafkaBrokerRecord,
  KafkaLoopback,
  RabbitBrokerRecord,
  KafkaList,
  KafkaConnectGap,
  KafkaUnreadEnvFile,
  RefusedCall,
  PlainCallToTls,
  RuntimeUse,
} from './deployment-records';
export type { TomcatAjpWithoutSecret, TomcatAjpConnector, AjpFront, AjpFrontLink } from './ajp-records';
export type {
  NginxPlainPass,
  NginxPassRef,
  NginxIgnoredPassTls,
  NginxVerifyWithoutAnchors,
  NginxSslDirective,
  NginxSpdyListen,
} from './nginx-records';

// Shared with the knowledge base (which takes runtimes as input) and core; re-exported so model users import one module.
export type { Provenance, Traced } from '../core/traced';
export type { JavaRuntime, JdkVendorFamily, RuntimeAttachment } from '../knowledge/types';

export type { CertificateRef, ClientAuthMode, JettyExclusionSettings, TlsSettings } from './tls-settings';

// Kept in ./component-types (one type per component family); re-exported so model users import one module.
export type {
  CleartrustComponent,
  MqChannelComponent,
  JmsConnectionFactoryComponent,
  JavaAppComponent,
  SpringServerComponent,
  QuarkusServerComponent,
  KeycloakServerComponent,
  JbossHttpsComponent,
  DropwizardHttpsComponent,
  JettyHttpsComponent,
  NginxComponent,
  NginxProxyComponent,
  HaproxyBindComponent,
  HaproxyServerComponent,
  HttpdServerComponent,
  HttpdProxyComponent,
  IhsServerComponent,
  WasPluginComponent,
  WasSslConfigComponent,
  RabbitListenerComponent,
  Component,
  ServerEndpointComponent,
} from './component-types';
export { isCleartrust, isJmsConnectionFactory, isMqChannel, isNginx, isServerEndpoint } from './component-types';

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
  /** The places that make it unconfirmed besides the candidates (a container of another queue manager with that channel). */
  unconfirmedBy?: RelatedLocation[];
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
   * documents, the only files the model may read (a manifest beside an MQSC's ConfigMap, a crt directory's files:
   * ./listed-files.ts), so a change to one is never answered from the cache. Unset on a deployment built without the model.
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
  /** Logstash pipelines' outputs and inputs that may speak TLS (./logstash-ends.ts). Unset without a pipeline. */
  logstashEnds?: LogstashEnd[];
  /** Kafka brokers with a TLS listener (./kafka-brokers.ts, ./kafka-properties.ts). Unset without the model. */
  kafkaBrokers?: KafkaBrokerRecord[];
  /** Listeners of Strimzi `Kafka` resources (./kafka-strimzi.ts). Unset without one. */
  strimziListeners?: StrimziListenerRecord[];
  /** Kafka clients whose bootstrap servers the tree writes (./kafka-spring-reach.ts), for the listeners above. */
  kafkaClientReaches?: KafkaClientReach[];
  /** RabbitMQ brokers with a TLS listener (./rabbitmq-brokers.ts). Unset without the model. */
  rabbitBrokers?: RabbitBrokerRecord[];
  /** Elasticsearch and OpenSearch nodes with their TLS layers (./search-node.ts). Unset without one. */
  searchNodes?: SearchNodeRecord[];
  /** Kibana's and the Beats' connections to Elasticsearch and Logstash (./kibana-beats.ts). Unset without one. */
  elasticClients?: ElasticStackClient[];
  /**
   * Kibana's, the Beats' and Logstash outputs' calls to the node or Logstash beats input of their own Compose project
   * that answers the host and port (./elastic-links.ts): one each, never a guess. Unset without one.
   */
  elasticLinks?: ElasticLink[];
  /** The instances elasticsearch-certutil makes certificates for, from the tree's instances files (./certutil-instances.ts). */
  certutilInstances?: CertutilInstanceRecord[];
  /** Kibana's HTTPS servers, their `server.ssl.*` as written (./kibana-beats.ts). Unset without one. */
  kibanaServers?: KibanaServerRecord[];
  /**
   * By file of a Kafka or RabbitMQ broker or client end, the Compose projects that run it, when a host is the name of
   * brokers of several files (./broker-projects.ts): a client reaches its own project's. Unset otherwise.
   */
  brokerProjects?: ReadonlyMap<string, readonly string[]>;
  /** Kafka Connect workers whose tasks' clients lack TLS settings the worker has (./kafka-connect.ts connectGaps). */
  kafkaConnectGaps?: KafkaConnectGap[];
  /** Kafka Connect workers of the tree and their override policy (./kafka-connect.ts, ./kafka-properties.ts). */
  kafkaConnectWorkers?: KafkaConnectWorkerRecord[];
  /** Connector configurations' overrides of worker client settings (./kafka-connector-overrides.ts). */
  kafkaConnectorOverrides?: KafkaConnectorOverride[];
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
  /** ingress-nginx backends whose container's port the tree settles (./kubernetes-ingress-backends.ts). Unset without the model. */
  ingressBackends?: IngressBackendRoute[];
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
  /** Every Tomcat AJP connector and the secret it asks for (./tomcat-ajp-connectors.ts). Unset without the model. */
  tomcatAjpConnectors?: TomcatAjpConnector[];
  /** The httpd fronts (mod_jk workers, mod_proxy_ajp passes) tied to the AJP connector they reach (./ajp-fronts.ts). */
  ajpFrontLinks?: AjpFrontLink[];
  /** mod_jk `JkMount` lines naming a worker its worker map does not hold (./modjk-mounts.ts). Unset without the model. */
  jkMountsUnknownWorker?: JkMountUnknownWorker[];
  /** mod_proxy_ajp's `ajp://` backends (./httpd-ajp-passes.ts), linked by ./ajp-fronts.ts. Unset without the model. */
  ajpProxyFronts?: AjpFront[];
  /** Worker properties mod_jk refuses in a map an httpd reads: httpd does not start (./modjk-refused.ts). */
  jkRefusedProperties?: JkRefusedProperty[];
  /** mod_jk's ajp13 workers of the worker maps httpd configurations read (./modjk-mounts.ts). Unset without the model. */
  jkFronts?: AjpFront[];
  /** The workers files some httpd configuration of the tree names in its JkWorkersFile (./modjk-mounts.ts). */
  jkWorkersFilesRead?: string[];
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
