/**
 * The model's components: what every component has (ComponentBase), one type per family keyed on `type`, and the
 * guards that narrow a Component to a family. ./types.ts re-exports them.
 */
import type { Location } from '../core/types';
import type { JavaRuntime } from '../knowledge/types';
import type { ParsedDocument } from '../parse/types';
import type { TlsSettings } from './tls-settings';
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
} from './attributes';
import type { HttpdProxyAttributes, HttpdServerAttributes, IhsServerAttributes } from './attributes-httpd';
import type { WasPluginAttributes, WasSslConfigAttributes } from './attributes-plugin';

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

/**
 * The types of the server components clients find by port and host name (Spring, Quarkus, Keycloak, Liberty, WildFly,
 * Dropwizard, Jetty, Tomcat, nginx, HAProxy, httpd, ActiveMQ): one list for the type and its guard.
 */
const SERVER_ENDPOINT_TYPES = [
  'spring.server',
  'quarkus.server',
  'keycloak.server',
  'liberty.https-endpoint',
  'jboss.https-listener',
  'dropwizard.https-connector',
  'jetty.https-connector',
  'tomcat.connector',
  'nginx.server',
  'nginx.tls-policy',
  'haproxy.bind',
  'httpd.server',
  'activemq.listener',
] as const;
const serverEndpointTypes: ReadonlySet<string> = new Set(SERVER_ENDPOINT_TYPES);

/** A server component clients find by port and host name. */
export type ServerEndpointComponent = Extract<Component, { type: (typeof SERVER_ENDPOINT_TYPES)[number] }>;

export const isCleartrust = (c: Component): c is CleartrustComponent => c.type.startsWith('cleartrust.');
export const isMqChannel = (c: Component): c is MqChannelComponent =>
  c.type === 'mq.svrconn' || c.type === 'mq.sender' || c.type === 'mq.clntconn' || c.type === 'mq.ccdt-channel';
export const isJmsConnectionFactory = (c: Component): c is JmsConnectionFactoryComponent =>
  c.type === 'jms.connection-factory';
export const isNginx = (c: Component): c is NginxComponent =>
  c.type === 'nginx.server' || c.type === 'nginx.tls-policy';
export const isServerEndpoint = (c: Component): c is ServerEndpointComponent => serverEndpointTypes.has(c.type);
