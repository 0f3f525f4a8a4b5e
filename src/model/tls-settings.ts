/**
 * The effective TLS configuration of one endpoint, as the model contributors fill it (re-exported by ./types, which
 * model users import).
 */
import type { Traced } from '../core/traced';
import type { Location, Range, RelatedLocation } from '../core/types';
import type { TlsTrustSettings } from './attributes';
import type { TlsImplementation } from './attributes-tls';

/** The TLS stack of an endpoint; `native` is the ClearTrust web agent's own (C) TLS library. */
export type ClientAuthMode = 'none' | 'optional' | 'required';

export interface CertificateRef {
  /** Path of the certificate file when the tree holds it. */
  file?: string;
  /** Where the configuration names the certificate (nginx `ssl_certificate`, Tomcat `certificateFile`…). */
  reference?: Location;
  /**
   * The store type the configuration gives the file it names, as written (`PKCS12` from `keystore.type`, `PEM` for a
   * PEM bundle or `server.ssl.certificate`): a reference the tree does not resolve can name only a file of that kind.
   */
  storeType?: string;
  /**
   * The certificate is only the documents embedded in `file` at these ranges: a Kubernetes Secret's key that the
   * server's container mounts (src/model/kubernetes-app-stores.ts), not every certificate of the manifest.
   */
  embeddedAt?: Range[];
  /** Where Docker Compose mounts the tree's file at the path the configuration names (src/model/compose-mounts.ts). */
  mountedAt?: Location;
  /**
   * Where Docker Compose mounts a host directory or file that the tree does not hold at the path the configuration
   * names (mailcow's `./data/assets/ssl:/etc/ssl/mail/`, filled at install time): the certificate is outside the
   * tree, and no tree file of the same name is it.
   */
  mountedFromOutside?: Location;
  /** The Dockerfile `COPY`/`ADD` that puts the tree's file at the path the configuration names (src/parse/image-files.ts). */
  copiedAt?: Location;
  label?: Traced<string>;
  keyType?: 'RSA' | 'EC' | 'DSA' | 'unknown';
  keyBits?: number;
  subject?: string;
  sans?: string[];
}

/**
 * The effective TLS configuration of one endpoint. Unset fields mean "the
 * runtime's default": rules resolve them through the knowledge base.
 */
export interface TlsSettings {
  /** False when the endpoint is configured for plaintext. */
  enabled?: Traced<boolean>;
  protocols?: Traced<string[]>;
  /** Cipher suites in order of preference, in the names the configuration used. */
  cipherSuites?: Traced<string[]>;
  serverOrderWins?: Traced<boolean>;
  clientAuth?: Traced<ClientAuthMode>;
  certificate?: CertificateRef;
  /** Further certificates the server holds besides `certificate` (nginx and Tomcat: an RSA and an ECDSA one). */
  moreCertificates?: CertificateRef[];
  implementation: TlsImplementation;
  /**
   * OpenSSL ends: the lowest protocol whose handshake signatures the security level allows (OpenSSL 3 above level 0:
   * TLSv1.2). A server signs nothing below it; a client accepts no signed ServerKeyExchange below it (HandshakeSide).
   */
  signatureFloor?: Traced<string>;
  /**
   * OpenSSL ends whose release the tree does not name (3.x assumed): the floor another release series would have
   * (undefined: none) and what to declare. The outcome stands only when both agree.
   */
  signatureFloorAlternative?: { what: string; value?: string };
  /**
   * Servers: whether a TLS 1.3 key share may use a finite-field group (ffdhe2048…), the only kind a Java runtime without
   * the EC provider offers (OpenSSL from 3.0 by default; nginx `ssl_ecdh_curve`). `unknownWhat`: the value is assumed
   * (the tree names no OpenSSL release) and what to declare; the outcome asks only for a client without EC groups.
   */
  finiteFieldGroups?: Traced<boolean> & { unknownWhat?: string };
  /** False when the server has no ephemeral DH parameters (nginx without `ssl_dhparam`): no DHE suite is negotiated. */
  dheParameters?: Traced<boolean>;
  /** OpenSSL servers: PSK/SRP suites the cipher string enables (never negotiated; see HandshakeSide.credentialSuites). */
  credentialSuites?: Traced<string[]>;
  /**
   * OpenSSL servers before 1.1.1: they read no supported_versions (the version comes from the ClientHello's
   * legacy_version) and, for 1.0.2, close without an alert when no version fits.
   */
  legacyVersionNegotiation?: Traced<{ versionMismatchAlert?: 'none' }>;
  /**
   * Protocols the server's list names that its JDK does not implement (TLSv1.3 on an older Java 8): Tomcat's SSLUtilBase,
   * also under Spring Boot, skips them (`protocols` holds the rest) and does not start the connector when none is left.
   */
  unimplementedProtocols?: string[];
  /**
   * Settings written as placeholders nothing in the tree resolves (`${sslCipherSuite}`, `{{ .Values.x }}`), as
   * users would name them: the value decides the handshake, so a link using this end has an unknown outcome.
   */
  unknownValues?: string[];
  /** Where those placeholders or settings are written (related places of the unknown-outcome finding). */
  unknownAt?: RelatedLocation[];
  /**
   * The protocols are a default that changed between releases of the product, and the tree does not say which
   * release runs: the oldest release's list (`protocols` holds the newest's). The outcome stands only when both agree.
   */
  protocolsAlternative?: { what: string; value: string[] };
  /** Key/trust stores, key alias and verify depth (issue #16); absent when the configuration says nothing. */
  trust?: TlsTrustSettings;
  /**
   * A Jetty server's exclusion patterns (Java regular expressions matched against whole JSSE names; a Dropwizard
   * HTTPS connector: ./dropwizard-https.ts): the protocols and suites the end enables otherwise (`protocols` and
   * `cipherSuites`, else the JDK's defaults) less those a pattern matches. `alternative`: the patterns of another
   * release the tree does not rule out, and what to declare; the outcome stands only when both agree.
   */
  jettyExclusions?: JettyExclusionSettings;
}

export interface JettyExclusionSettings {
  protocols: Traced<string[]>;
  cipherSuites: Traced<string[]>;
  /** The include lists as written, before the patterns removed names (`protocols`/`cipherSuites` hold what is left). */
  included?: { protocols?: string[]; cipherSuites?: string[] };
  alternative?: { what: string; protocols: string[]; cipherSuites: string[] };
}
