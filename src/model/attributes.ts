/**
 * The typed `attributes` of each component family (`Component` in ./types is the union keyed on `type`), and the
 * data shapes they hold. Types only; this module imports nothing from the rest of the model but its own parts
 * (./attributes-mq), so ./types can use it without a module cycle.
 */
import type { Traced } from '../core/traced';
import type { Location, RelatedLocation } from '../core/types';
export type {
  MqValue,
  MqQueueManagerFacts,
  MqChannelAttributes,
  TreeCertificate,
  ScriptQueueManagerName,
  WasSecurityLevel,
  LevelCiphers,
  JmsSslConfig,
  JmsConnectionFactoryAttributes,
} from './attributes-mq';

/** `attributes` of a ClearTrust component (`cleartrust.aserver`, `cleartrust.webagent`…: the document kind). */
export interface CleartrustAttributes {
  /** The role in words, e.g. `Authorization Server`. */
  cleartrustRole: string;
  /** `cleartrust.net.ssl.use` / `cleartrust.agent.ssl.use` lower-cased (clear | anon | auth), when set. */
  sslMode?: string;
}

/**
 * A key or trust store a component's configuration names: JKS, JCEKS, PKCS#12, IBM CMS (.kdb) or a PEM
 * file/bundle (nginx `ssl_certificate`, `ssl_client_certificate`, `ssl_trusted_certificate`). The password
 * is never kept here: only where it is configured.
 */
export interface StoreRef {
  /** The path as the configuration wrote it, traced to where it is written. */
  path: Traced<string>;
  /** Absolute path of the store when the tree holds it; absent when it is outside the tree (then unknown, never an error). */
  file?: string;
  /** Store type as configured or detected: 'JKS' | 'JCEKS' | 'PKCS12' | 'CMS' | 'PEM'. */
  type?: Traced<string>;
  /** Where the store password is configured (the value itself never enters the model). */
  passwordAt?: Location;
  /** The setting that names it, for messages, when it is not obvious from the component (`MQSSLKEYR`, `SSLKEYR`). */
  setting?: string;
  /** The Dockerfile `COPY`/`ADD` that puts `file` at the path the configuration names in the image (src/parse/image-files.ts). */
  copiedBy?: Location;
  /**
   * When the path is a placeholder (`classpath:${KEYSTORE:keystore.jks}`) and `file` is therefore unknown: the tree file
   * its defaults name, the one read while its variables are unset. Named by the setting, not the store trust rests on.
   */
  fileWhileUnset?: string;
  /**
   * No file holds it: the component fetches it when it runs (SPIFFE's nginx fork, `ssl_spiffe on`: the SVID and bundle
   * of the Workload API). `path` then says what it is, in words, not a path.
   */
  fetchedAtRunTime?: true;
}

/**
 * Where an endpoint's certificates come from and whom it trusts (issue #16). Filled by model contributors;
 * the derive stage turns it into presented chains and trust anchors.
 */
export interface TlsTrustSettings {
  /** Store holding the endpoint's own key and chain (Liberty keyStoreRef, Tomcat certificateKeystoreFile, -Djavax.net.ssl.keyStore, MQ SSLKEYR…). */
  keyStore?: StoreRef;
  /** Alias/label of the key entry it presents (Liberty serverKeyAlias/clientKeyAlias, WAS alias, MQ CERTLABL or ibmwebspheremq<qmgr>). */
  keyAlias?: Traced<string>;
  /** Store of the anchors it trusts (truststore, nginx ssl_client_certificate/ssl_trusted_certificate/proxy_ssl_trusted_certificate). */
  trustStore?: StoreRef;
  /**
   * What is trusted besides `trustStore`: the JDK's cacerts when a Java end names no trust store (or Liberty
   * `trustDefaultCerts="true"` adds them), the system/OpenSSL default, or nothing more ('none').
   */
  defaultTrust?: 'jdk-cacerts' | 'system' | 'none';
  /**
   * Certificate files of the tree the image adds to the JDK's cacerts (a Dockerfile's `keytool -importcert
   * -cacerts`: ./image-cacerts.ts), with the RUN that adds each. The rest of cacerts stays unknown.
   */
  cacertsAdded?: { file: string; at: Location }[];
  /**
   * A key store of the tree the image copies over the JDK's cacerts (./image-cacerts-replaced.ts): its certificates
   * (and `cacertsAdded`, imported after it) are the anchors, nothing else unless `merged` says why more join them.
   */
  cacertsReplaced?: {
    file: string;
    at: Location;
    path: string;
    merged?: string;
    /** A PKCS#12 store whose certificates a password encrypts: the JDK opens cacerts without one unless told. */
    encrypted?: boolean;
  };
  /** Maximum chain depth the endpoint verifies (nginx ssl_verify_depth; default 1). */
  verifyDepth?: Traced<number>;
  /** False when the endpoint does not check its peer's certificate at all (nginx `proxy_ssl_verify off`, its default). */
  verifiesPeer?: Traced<boolean>;
  /**
   * Set when the model cannot say which anchors the end uses (a Liberty REST client given both its own trust store
   * and the SSL feature's default configuration): why, and where. Its verdicts are unknown, never a failure.
   */
  unknown?: { why: string; at?: Location; related?: RelatedLocation[] };
}

/** A `https://host:port` a client setting names. */
export interface ClientUrl {
  url: string;
  scheme: string;
  host: string;
  port: number;
  location: Location;
  key: string;
  /**
   * The stores the client calling this URL uses, when they are not its component's (a MicroProfile Rest Client's
   * own `…/mp-rest/trustStore`, or on Liberty the SSL configuration its SSL feature gives every REST client).
   */
  trust?: TlsTrustSettings;
  /** A MicroProfile Rest Client's own host name verifier (`…/mp-rest/hostnameVerifier`): the JDK's check is not made. */
  hostnameVerifier?: { value: string; location: Location };
}

/**
 * A port a server serves with TLS only, as the tree settles it, and the setting that makes it so: Tomcat's
 * `SSLEnabled="true"`, Spring Boot's `server.ssl.*` on `server.port`, Liberty's `httpsPort`, nginx `listen … ssl`.
 */
export interface TlsOnlyPort {
  port: number;
  /** The setting as a message names it: `SSLEnabled="true"`, `listen 8443 ssl`. */
  setting: string;
  at: Location;
}

/** What server contributors put in `attributes` so clients can be linked to them. */
export interface ServerEndpointAttributes {
  /** Ports the server listens on with TLS. */
  tlsPorts: number[];
  /**
   * Those of tlsPorts the tree proves speak TLS only (a plain client's requests all fail there): unset or short
   * where a placeholder, a run-time setting, a profile or a plain listener on the same port leaves it open.
   */
  tlsOnlyPorts?: TlsOnlyPort[];
  /** Names the server answers to (`server_name`, `SSLHostConfig hostName`, `<Host name>`). */
  hostnames: string[];
}

/** `attributes` of a `spring.server` component (Spring Boot's own HTTPS server). */
export interface SpringServerAttributes extends ServerEndpointAttributes {
  /** The active Spring profiles, when the tree says which. */
  activeProfiles?: string[];
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
  ownClientKey?: string;
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
   * A Kafka SSL bundle set beside a store setting of the same `spring.kafka[.<client>].ssl.*` object (./kafka-spring.ts
   * springKafkaSslConflicts): Spring Boot 3.2+ refuses to build that client's properties.
   */
  kafkaSslConflicts?: {
    bundle: { setting: string; at: Location };
    store: { setting: string; at: Location };
    /** The project's Spring Boot release, when it is one that refuses the two together (3.2+); absent: unknown. */
    refusedBy?: SpringBootRelease;
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

/** `attributes` of `nginx.server` and `nginx.tls-policy` components. */
export interface NginxServerAttributes extends ServerEndpointAttributes {
  defaultServer: boolean;
  /** `ssl_ciphers` as written (OpenSSL cipher-string syntax). */
  ciphersAsWritten?: string;
  /** Elements of `ssl_ciphers` that this OpenSSL build does not know. */
  unknownCipherElements: string[];
  /**
   * The OpenSSL the cipher string was read against (derived once, from the tree's image, by the nginx contributor):
   * its release series, whether it was assumed, and when the tree names it, the release and how (`nginx:1.14 → debian:stretch`).
   */
  openssl?: { series: string; assumed: boolean; source: string; release?: string; via?: string; at?: Location };
  /** An `@` command of `ssl_ciphers` this OpenSSL does not know (`@SECLEVEL=0` on 1.0.2): nginx does not start. */
  invalidCipherCommand?: string;
  /** DHE suites the cipher string selects that nginx will not use: no `ssl_dhparam` (nginx 1.11.0+). */
  dheWithoutParameters?: string[];
  /** The certificate and trust directives in effect (src/model/stores.ts turns them into `tls.trust`). */
  storeDirectives?: NginxStoreDirectives;
  /** The OpenSSL security levels nginx may load its certificates and DH parameters at (src/model/openssl-level.ts). */
  securityLevel?: NginxSecurityLevel;
  /** `ssl_dhparam` as written, and where. */
  dhParameters?: { file: string; location: Location };
  /** Why nginx refuses to start because of this server's TLS settings (src/model/nginx-startup.ts). */
  startupFailure?: NginxStartupFailure;
  /** `ssl_certificate_key` files as written, in order: the key of the `tls.certificate` / `moreCertificates` in the same place. */
  certificateKeys?: { file: string; reference: Location }[];
  /** `ssl_spiffe on` (SPIFFE's nginx fork): its certificate and the anchors it checks clients with come at run time. */
  workloadApi?: NginxWorkloadApi;
}

/** Where SPIFFE's nginx fork is told to take certificates and trust from the SPIFFE Workload API (`ssl_spiffe on`). */
export interface NginxWorkloadApi {
  directive: string;
  at: Location;
}

/** A security level nginx's OpenSSL may run at, and why. */
export interface SecurityLevelCandidate {
  level: number;
  /** Where it comes from (`@SECLEVEL=1 in ssl_ciphers`, `nginx:1.25 → debian:bookworm: OpenSSL 3.0 …`). */
  origin: string;
  /** The directive or Dockerfile FROM that sets it, when the tree does. */
  at?: Location;
}

/**
 * The security levels of an nginx end: one when the tree settles it, several (each a possibility) when it does not.
 * Certificates are loaded at `certificates`; DH parameters and handshakes run at `handshake` (nginx sets the cipher
 * string, and its @SECLEVEL, before ssl_dhparam in every release, but before its certificates only from 1.21.2).
 */
/** Why an end's level is open (several candidates), and what settles it. */
export interface Unsettled {
  why: string;
  todo: string;
}

export interface NginxSecurityLevel {
  certificates: SecurityLevelCandidate[];
  /** Set when `certificates` holds several levels. */
  certificatesUnsettled?: Unsettled;
  handshake: SecurityLevelCandidate[];
  /** Set when `handshake` holds several levels. */
  unsettled?: Unsettled;
  /** The cipher directive a level is set with (`ssl_ciphers`, `proxy_ssl_ciphers`, `grpc_ssl_ciphers`). */
  directive: string;
  /**
   * Whether @SECLEVEL in that directive applies to loading certificates, by the nginx release the image names (and
   * its FROM); absent when the release is unknown.
   */
  cipherLevelReachesCertificates?: { value: boolean; release: string; at: Location };
}

/** Why nginx refuses to start, said on the server block that causes it (src/model/nginx-startup.ts). */
export type NginxStartupFailure =
  | { kind: 'no-certificate'; level: 'http' | 'stream'; listen: string; at: Location }
  | { kind: 'no-key'; level: 'http' | 'stream'; certificate: string; at: Location }
  /**
   * `ssl_verify_client on|optional` (`at`) without `ssl_client_certificate`: nginx has no default trust store and
   * refuses to start. `trusted`: the server has `ssl_trusted_certificate`, which the image's nginx (before 1.27.2)
   * does not take for it.
   */
  | {
      kind: 'no-client-ca';
      level: 'http' | 'stream';
      mode: string;
      at: Location;
      trusted?: { at: Location; nginx: { release: string; at: Location } };
    };

/** nginx directive values the stores need (kept by the nginx contributor in `attributes.storeDirectives`). */
export type NginxStoreDirectives = Partial<
  Record<
    'ssl_client_certificate' | 'ssl_trusted_certificate' | 'ssl_verify_depth',
    { value: string; location: Location }
  >
>;

/**
 * `attributes` of an `nginx.proxy` component: one `proxy_pass https://…` (or `grpc_pass grpcs://…`, or a stream
 * `proxy_pass` with `proxy_ssl on`) as a TLS client of the servers behind it.
 */
export interface NginxProxyAttributes {
  /** The directive (`proxy_pass`, `grpc_pass`) and its target as written. */
  directive: string;
  target: string;
  /** The `upstream` block the target names, when it names one. */
  upstream?: { name: string; location: Location };
  /** The servers it connects to (the target, or each `server` of its upstream), for linking. */
  urls: ClientUrl[];
  /** The `server` block the directive is in: a proxy never reaches that block itself (it would loop). */
  serverBlock?: Location;
  /**
   * Set when the target holds a variable (`$backend`, resolved by nginx per request; or `${BACKEND}` of a template
   * rendered when the container starts): no server is known. `location`: the target as written.
   */
  unresolvedTarget?: { written: string; location: Location };
  /** `proxy_ssl_verify` (default off: the upstream's certificate is not checked at all). */
  verify: Traced<boolean>;
  /** `proxy_ssl_server_name` (default off: no SNI) and `proxy_ssl_name` (default: the target's host). */
  serverName: Traced<boolean>;
  sslName?: Traced<string>;
  /** The OpenSSL nginx runs with (as on `nginx.server`). */
  openssl?: NginxServerAttributes['openssl'];
  ciphersAsWritten?: string;
  unknownCipherElements: string[];
  /** The image `FROM` whose nginx release settles the default protocols (when none are set and the image names it). */
  defaultsFrom?: { release: string; at: Location };
  /** An `@` command of proxy_ssl_ciphers this OpenSSL does not know: nginx does not start. */
  invalidCipherCommand?: string;
  /** The client certificate and trust directives in effect (src/model/stores.ts turns them into `tls.trust`). */
  storeDirectives: NginxProxyStoreDirectives;
  /** The OpenSSL security levels its client certificate is loaded at and the upstream's chain verified at. */
  securityLevel?: NginxSecurityLevel;
  /** `proxy_ssl_spiffe on` (SPIFFE's nginx fork): its client certificate and the upstream's anchors come at run time. */
  workloadApi?: NginxWorkloadApi;
}

/** The `<prefix>_ssl_*` store directives of a proxy, under their `proxy_ssl_` names. */
export type NginxProxyStoreDirectives = Partial<
  Record<
    'proxy_ssl_certificate' | 'proxy_ssl_trusted_certificate' | 'proxy_ssl_verify_depth',
    { value: string; location: Location; written: string }
  >
>;

/** The OpenSSL an OpenSSL end reads its cipher string against (as on `nginx.server`). */
export type OpensslAttribute = NonNullable<NginxServerAttributes['openssl']>;

/** `attributes` of a `haproxy.bind` component: one `bind … ssl` line of a `frontend` or `listen` section. */
export interface HaproxyBindAttributes {
  /** The section (`frontend web`, `listen https`). */
  proxy: string;
  /** The bind's address as written (`*:443`, `:8443,:9443`). */
  address: string;
  /** Ports the bind listens on (none when the address is a placeholder or a socket path). */
  tlsPorts: number[];
  /** The cipher string in effect as written (`ciphers`, else global `ssl-default-bind-ciphers`). */
  ciphersAsWritten?: string;
  unknownCipherElements: string[];
  openssl: OpensslAttribute;
  /** `crt` / `crt-list` / `ca-file` as written (after `crt-base` / `ca-base`), and where. */
  crt: HaproxyPath[];
  crtList: HaproxyPath[];
  caFile?: HaproxyPath;
  /** `strict-sni`: a client whose SNI matches no certificate is refused. */
  strictSni: boolean;
  /** The line (or its section) is inside a `.if` block: HAProxy reads it only when the condition holds at start-up. */
  conditional?: true;
  /** `verify optional|required` on lines of its crt-lists that name no ca-file of their own. */
  crtListVerifyWithoutCaFile?: Location[];
  /** Why the line does not say for certain which certificates it loads (`.if`, a placeholder word, `ech`), and where. */
  certificatesUnknown?: { why: string; at: Location };
  /** The HAProxy release the tree's `haproxy` image names, and where. */
  release?: { value: string; at: Location };
}

/** `attributes` of a `haproxy.server` component: one `server … ssl` line of a `backend` or `listen` section. */
export interface HaproxyServerAttributes {
  /** The section (`backend app`, `listen https`). */
  proxy: string;
  /** The server's name on its line (`server app1 …`). */
  serverName: string;
  /** The address as written (`tomcat:8443`, `10.0.0.1:443`). */
  address: string;
  /** The server it connects to, for linking (none when the address holds a placeholder or no port). */
  urls: ClientUrl[];
  /** Whether HAProxy checks the server's certificate: `verify`, else global `ssl-server-verify` (default required). */
  verify: Traced<'none' | 'required'>;
  /** A `verify required` the line writes before the `verify none` that wins (HAProxy keeps the last verify). */
  verifyOverrides?: Location;
  caFile?: HaproxyPath;
  /** The line (or its section) is inside a `.if` block: HAProxy reads it only when the condition holds at start-up. */
  conditional?: true;
  /** `crt`: the client certificate (and key) HAProxy presents. */
  crt?: HaproxyPath;
  /** `sni <expression>` and `verifyhost <name>` as written. */
  sni?: HaproxyPath;
  verifyhost?: HaproxyPath;
  ciphersAsWritten?: string;
  unknownCipherElements: string[];
  openssl: OpensslAttribute;
}

/** A file path an HAProxy keyword names (after `crt-base`/`ca-base`), as written and where. */
export interface HaproxyPath {
  value: string;
  location: Location;
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

/** `attributes` of a `jboss.https-listener` component (a WildFly / JBoss EAP Undertow `<https-listener>`). */
export interface JbossHttpsAttributes extends ServerEndpointAttributes {
  /** The listener's `name`. */
  listener: string;
  /** The Elytron `server-ssl-context` it names (`ssl-context`). */
  sslContext?: string;
  /** The legacy security realm it names (`security-realm`), when it names no ssl-context. */
  securityRealm?: string;
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
