/**
 * The TLS settings every endpoint family shares in its `attributes` (stores, trust, client URLs, TLS-only ports),
 * re-exported by ./attributes, and the two small builders of TlsTrustSettings that the readers share.
 */
import type { Traced } from '../core/traced';
import type { Phrase, PhrasedRelated } from '../core/phrase';
import type { Location, Range, RelatedLocation } from '../core/types';

/** The TLS implementation an end runs (JSSE, IBM's JSSE2, OpenSSL, GSKit, a native stack, Erlang/OTP's ssl). */
export type TlsImplementation = 'jsse' | 'ibmjsse2' | 'openssl' | 'gskit' | 'native' | 'erlang' | 'unknown';

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
  /**
   * The store is only these documents embedded in `file` (by their EmbeddedOrigin range): keys of Kubernetes Secrets
   * a container mounts (src/model/mq-container-pki.ts), not every certificate the manifest holds.
   */
  embeddedAt?: Range[];
  /** Store type as configured or detected: 'JKS' | 'JCEKS' | 'PKCS12' | 'CMS' | 'PEM'. */
  type?: Traced<string>;
  /** Where the store password is configured (the value itself never enters the model). */
  passwordAt?: Location;
  /**
   * Its own password setting gives, as written, a password that fails the store's password check (the JVM refuses the
   * store): where and which setting (never the value); `macOnly`: a PKCS#12 whose certificates are not encrypted.
   */
  passwordRefused?: Location & { key: string; macOnly?: boolean; context?: RelatedLocation[] };
  /**
   * The password the run loads it with (as the model reads the settings' precedence) passes the store's password check:
   * another setting's wrong password for it is not the one the run uses (cert/store-password-wrong).
   */
  passwordOpens?: true;
  /** The setting that names it, for messages, when it is not obvious from the component (`MQSSLKEYR`, `SSLKEYR`). */
  setting?: string;
  /** The Dockerfile `COPY`/`ADD` that puts `file` at the path the configuration names in the image (src/parse/image-files.ts). */
  copiedBy?: Location;
  /** The Docker Compose mount that puts `file` at the (container) path the configuration names (./compose-mounts.ts). */
  mountedAt?: Location;
  /**
   * Where Docker Compose mounts a host path the tree does not hold at the path the configuration names (an nginx
   * `ssl_client_certificate` a script generates before `docker compose up`), or a Kubernetes ConfigMap or Secret volume
   * whose content the tree does not show: the store is outside the tree, and no tree file of its name is it (as
   * CertificateRef.mountedFromOutside).
   */
  mountedFromOutside?: Location;
  /**
   * With `mountedFromOutside` at a Kubernetes ConfigMap or Secret volume's mount: why the tree does not show the file
   * (`the Secret keycloak-tls is not in the tree (include its manifest)`, a key that is a placeholder or base64 data).
   */
  volumeUnknown?: string;
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
  /**
   * PEM files whose certificates a server sends after its own chain: httpd `SSLCertificateChainFile`, Tomcat
   * `certificateChainFile` (both still read by the servers: measured for httpd 2.4.71).
   */
  chainStores?: StoreRef[];
  /** A PEM file holding the private key of `keyStore`'s certificate apart from it (Tomcat `certificateKeyFile`). */
  keyFile?: StoreRef;
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
   * The end trusts no certificate at all, and why (with `defaultTrust: 'none'` and no trust store): an ActiveMQ Classic
   * `<sslContext>` that names no trustStore hands JSSE an empty list of trust managers, which JSSE answers with a trust
   * manager that accepts nothing (./activemq-brokers.ts).
   */
  trustsNothing?: { why: string | Phrase; at: Location };
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
  /**
   * The end checks its peers' certificates for revocation with nothing that can answer (a Dropwizard connector's
   * `validatePeers` without `crlPath`, OCSP or CRL distribution points): why, and where. JSSE then rejects every
   * certificate below a trusted one (./dropwizard-https.ts).
   */
  revocationWithoutSource?: { why: string | Phrase; at: Location };
  /** Maximum chain depth the endpoint verifies (nginx ssl_verify_depth; default 1). */
  verifyDepth?: Traced<number>;
  /** False when the endpoint does not check its peer's certificate at all (nginx `proxy_ssl_verify off`, its default). */
  verifiesPeer?: Traced<boolean>;
  /**
   * The end verifies its peer's chain but forgives an issuer it cannot find or does not trust (httpd `SSLProxyVerify
   * optional_no_ca`: mod_ssl's ssl_verify_error_is_optional). Any other verify error still fails the handshake.
   */
  acceptsUnknownIssuer?: boolean;
  /**
   * Set when the model cannot say which anchors the end uses (a Liberty REST client given both its own trust store
   * and the SSL feature's default configuration): why, and where. Its verdicts are unknown, never a failure.
   */
  unknown?: { why: string | Phrase; at?: Location; related?: PhrasedRelated[] };
}

/**
 * The end's key store, or, where it names none, why its certificate is unknown (its verdicts are then unknown, never
 * failures).
 */
export function keyStoreOrUnknown(
  keyStore: StoreRef | undefined,
  noKeyStore: { why: string | Phrase; at: Location },
): Pick<TlsTrustSettings, 'keyStore' | 'unknown'> {
  return keyStore ? { keyStore } : { unknown: noKeyStore };
}

/** A JSSE end's trust store, or, where it names none, the JDK's cacerts. */
export function trustStoreOrCacerts(
  trustStore: StoreRef | undefined,
): Pick<TlsTrustSettings, 'trustStore' | 'defaultTrust'> {
  return trustStore ? { trustStore } : { defaultTrust: 'jdk-cacerts' };
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
  /**
   * A MicroProfile Rest Client's own host name verifier (`…/mp-rest/hostnameVerifier`): the JDK's check is not made. For
   * an ActiveMQ broker URL, the client library's own check, which the model does not judge (./broker-urls.ts).
   */
  hostnameVerifier?: { value: string; location: Location };
  /** An ActiveMQ broker URL (`spring.artemis.broker-url`, `spring.activemq.broker-url`): ./broker-urls.ts. */
  broker?: BrokerUrl;
}

/** What an ActiveMQ client URL says about its connection: whether it speaks TLS, and the TLS settings it sets itself. */
export interface BrokerUrl {
  product: 'artemis' | 'classic';
  /** TLS from the first byte: Artemis `sslEnabled=true`, a Classic `ssl`/`nio+ssl`… scheme. */
  tls: boolean;
  /** The URL's own lists (Artemis `enabledProtocols`, Classic `socket.enabledProtocols`); else the JVM's. */
  protocols?: Traced<string[]>;
  cipherSuites?: Traced<string[]>;
  /** Its settings only the run decides (a placeholder, `sslProvider=OPENSSL`), as users name them. */
  unknownValues?: string[];
  /**
   * Set for Spring Boot's `spring.artemis.host` and `spring.artemis.port`, which cannot enable TLS (./broker-urls.ts):
   * the Spring Boot release whose use of them decides it, as the project's build file names it.
   */
  hostAndPort?: { version: string; at: Location; by: string };
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
