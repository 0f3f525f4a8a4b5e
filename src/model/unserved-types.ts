/**
 * Servers that name TLS settings but serve no TLS in the run the tree shows, and why (Deployment.unservedTls): kept
 * apart from ./types.ts, which re-exports them, for its size.
 */
import type { Location, RelatedLocation } from '../core/types';
import type { SpringBootRelease, StoreRef } from './attributes';

/**
 * Why a server that names key stores presents none of them: `switched-off`, Spring Boot's `server.ssl.enabled`
 * written as a placeholder that is not true while its variable is unset (`${SSL_ENABLED:false}`); `only-in-profile`,
 * Spring HTTPS settings only in a profile the tree does not show active (`active`: the profiles it does, and where
 * they are set); `no-ssl-feature`, a Liberty server none of
 * whose features includes ssl-1.0 (./liberty-tls.ts).
 */
export type UnservedWhy =
  | { kind: 'switched-off'; written: string; at: Location }
  /** Spring Boot's `server.ssl.enabled: false` beside key store settings: the embedded server serves plain HTTP. */
  | { kind: 'ssl-disabled'; at: Location }
  | { kind: 'only-in-profile'; profile: string; at: Location; active?: { names: string[]; location: Location } }
  | { kind: 'no-ssl-feature'; at: Location }
  /**
   * A `<keyStore id>` (at `at`) of a Liberty server that serves TLS which nothing in its settled configuration refers
   * to: no `<ssl>` keyStoreRef/trustStoreRef nor any other attribute names the id, and it is not `defaultKeyStore`
   * (./unserved-tls.ts libertyKeyStoresUnreferenced). Liberty builds no SSL configuration on it.
   */
  | { kind: 'liberty-keystore-unreferenced'; id: string; at: Location }
  /**
   * Spring Boot's `server.ssl.bundle` (at `at`, naming `bundle`) in a project whose build file names a release before
   * SSL bundles (`since`, knowledge spring-boot.json sslBundles): Boot binds neither it nor `spring.ssl.bundle.*`, so
   * the embedded web server gets no TLS from it (./spring-settings.ts withoutSslBundles).
   */
  | { kind: 'spring-bundle-unsupported'; at: Location; bundle: string; release: SpringBootRelease; since: string }
  /**
   * A Tomcat Connector's APR-style attribute (`SSLCertificateFile="…"`, `written`): Tomcat 8.5 and 9 read it as the
   * default SSLHostConfig's, 10.0 and later ignore it, and the tree names no Tomcat version.
   */
  | { kind: 'tomcat-version'; written: string; at: Location }
  /**
   * A TLS Connector with no `<SSLHostConfig>` in a Tomcat release that ignores its TLS attributes (10.0 and later): it
   * fails to start. `release`: the release and where the tree names it, in words; `attributes`: the ignored ones.
   * With `clash`: Tomcat 8.5 or 9 refuses the whole server.xml instead (`attributes`: this connector's, read there).
   */
  /**
   * A Tomcat Connector written for TLS (an `<SSLHostConfig>` child, or `SSLEnabled` in another case) whose SSLEnabled
   * does not set true by Tomcat's setter rule: Tomcat serves plain HTTP on its port (measured with 9.0.70 and 10.1.60).
   * `written`: the attribute as written when it is not `SSLEnabled="true"` (`sslEnabled="true"`, `SSLEnabled="false"`);
   * `hostConfigAt`: the first `<SSLHostConfig>`, which Tomcat then never reads.
   */
  | {
      kind: 'tomcat-ssl-not-enabled';
      at: Location;
      written?: { name: string; value: string; at: Location };
      hostConfigAt?: Location;
      port?: string;
    }
  /**
   * An SSL-enabled Tomcat Connector none of whose `<SSLHostConfig>`s is for its defaultSSLHostConfigName (`defaultName`,
   * lower-cased; `_default_` unless set at `defaultNameAt`): Tomcat fails to initialise it and opens no port
   * (./tomcat-default-host.ts). `hostNames`: the names its SSLHostConfigs are for, as written; `release`: the release
   * that ignores the Connector's TLS attributes (which 8.5 and 9 make a default of), when there are some.
   */
  | {
      kind: 'tomcat-no-default-host-config';
      at: Location;
      defaultName: string;
      defaultNameAt?: Location;
      hostNames: { name: string; at: Location }[];
      port?: string;
      release?: { named: string; at: Location };
      /** What filled the `${…}` of the names (conf/catalina.properties, a `-D` option). */
      via?: RelatedLocation[];
    }
  /**
   * A Tomcat connector on OpenSSL through Tomcat Native (`runsOn`: why, and the places that say it) whose `ciphers`
   * (`ciphers`, at `at`) give OpenSSL no TLS 1.2-or-lower suite (./tomcat-native.ts nativeCiphersRefused). `stage`:
   * `tomcat` when Tomcat's own parser finds no suite either (the connector fails to initialise), `openssl` when only
   * OpenSSL behind Tomcat Native's prefix matches nothing: `closesPort` true when the release fails to initialise the
   * connector, false when it opens the port with no SSL context (every handshake fails), unset when the tree names no
   * release (`release`: the release that decides it, and where the tree names it).
   */
  /**
   * A Spring Boot app copied as a WAR into the official tomcat image (./spring-war.ts): Tomcat runs it, so Spring
   * Boot's embedded web server, which `server.ssl.*` configures, never starts (knowledge tomcat.json springBootWar).
   * `at`: the HTTPS setting; `copy`: the COPY that deploys the WAR; `container`: the image as written; `serverXml`:
   * what puts a server.xml of the tree into that Tomcat, when something does (`serverXmlBy`: the image's COPY or a
   * Compose bind mount).
   */
  | {
      kind: 'spring-war-in-tomcat';
      at: Location;
      copy: Location;
      container: string;
      serverXml?: Location;
      serverXmlBy?: 'image' | 'compose';
    }
  | {
      kind: 'tomcat-native-ciphers-refused';
      at: Location;
      ciphers: string;
      stage: 'tomcat' | 'openssl';
      closesPort?: boolean;
      release?: { named: string; at: Location };
      runsOn: { because: string; at: Location[] };
      port?: string;
    }
  | {
      kind: 'tomcat-connector-not-started';
      release: string;
      releaseAt: Location;
      attributes: { name: string; hostConfigAttribute: string; at: Location }[];
      port?: string;
      at: Location;
      /**
       * Tomcat 8.5 and 9 (./tomcat-legacy.ts defaultHostConfigClash): a Connector's TLS attributes (`attributes`) and a
       * written `<SSLHostConfig>` (`hostConfigAt`) both make the SSLHostConfig for `hostName`: server.xml fails to
       * load, so no connector of it starts (`server`: the connector where they clash, in words).
       */
      clash?: {
        hostName: string;
        hostConfigAt: Location;
        attributes: { name: string; at: Location }[];
        server: string;
      };
    };

/**
 * A server that serves no TLS in the run the tree shows (or only in a profile the tree does not settle), or a Liberty
 * key store no TLS configuration of its server uses, with the stores its settings name.
 */
export interface UnservedTls {
  /** The server in words: `Java application orders (orders)`, `Liberty server config/server.xml`. */
  server: string;
  why: UnservedWhy;
  /** The key and trust stores its TLS settings name. */
  stores: StoreRef[];
  /** A Liberty server's directory: the certificates there are its own even when no `<keyStore>` names them. */
  home?: string;
  /**
   * Ports a client may call with https:// where no TLS is spoken, with the names the server answers to and the tree
   * directory it lies in (`host`): a Liberty server's `<httpEndpoint httpsPort>` it does not open (no SSL feature), a
   * Tomcat Connector's port that serves plain HTTP (`tomcat-ssl-not-enabled`). java-links ties calls (`refusedCalls`).
   */
  closedHttpsPorts?: { port: number; at: Location; hostnames: string[]; host: string }[];
}
