/** The predictor's inputs and outputs. */

export type HandshakeImplementation = 'openssl' | 'jsse' | 'ibmjsse2' | 'gskit' | 'native' | 'erlang';

/** One endpoint's effective TLS configuration, after the runtime's disabled algorithms are applied. */
export interface HandshakeSide {
  implementation: HandshakeImplementation;
  /** Enabled protocols (any spelling: `TLSv1.2`, `TLSv1.0`, `TLS1.3`). */
  protocols: string[];
  /** Enabled suites in preference order (IANA or `SSL_` spelling); TLS 1.3 and <= 1.2 suites may be mixed. */
  cipherSuites: string[];
  /** Server only: the server's order wins (JSSE 13+ default; OpenSSL `-serverpref`/`ssl_prefer_server_ciphers`). */
  serverOrderWins?: boolean;
  /**
   * OpenSSL: the lowest protocol whose handshake signatures its security level allows. A server signs nothing below it
   * (it aborts with internal_error after choosing a suite); a client accepts no signed ServerKeyExchange below it
   * (ECDHE and DHE suites fail with internal_error; static RSA key exchange signs nothing and still works).
   */
  signatureFloor?: string;
  /**
   * Server only (OpenSSL): suites its cipher string enables that need a PSK or SRP credential it does not have. They are
   * never negotiated, but OpenSSL's start-up check (its highest version must have a suite) counts them, so such a
   * server still answers the version question first (a client below its versions gets protocol_version).
   */
  credentialSuites?: string[];
  /**
   * A Java end whose runtime has no elliptic-curve provider (jlink without jdk.crypto.ec): its lists hold no ECDHE or
   * ECDSA suite already; in TLS 1.3 it offers finite-field groups only and can neither check nor make an ECDSA signature.
   */
  ellipticCurves?: false;
  /** Server only: whether a TLS 1.3 key share may use a finite-field group (ffdhe2048…); undefined: not known. */
  finiteFieldGroups?: boolean;
  /** Server only: false when it has no ephemeral DH parameters (its DHE suites are never chosen). */
  dheParameters?: boolean;
  /**
   * Server only (an OpenSSL before 1.1.1): it reads no supported_versions extension, so it picks its version from the
   * ClientHello's legacy_version (at most TLS 1.2) — the client then rejects a version it did not offer — and
   * `versionMismatchAlert` is what it sends when no version fits (OpenSSL 1.0.2: none, it closes).
   */
  legacyVersionNegotiation?: { versionMismatchAlert?: HandshakeAlert };
  /** Server only: the key of its certificate. Absent: only anon suites can be negotiated. */
  certificate?: { keyType: 'RSA' | 'EC' | 'DSA'; bits?: number; signatureAlgorithm?: string };
  /** Server only: further certificates it holds (an RSA and an ECDSA one); a suite is usable with any of them. */
  moreCertificates?: { keyType: 'RSA' | 'EC' | 'DSA'; bits?: number }[];
  /** Server only. */
  clientAuth?: 'none' | 'optional' | 'required';
  /** Client only. */
  hasClientCertificate?: boolean;
  label?: string;
}

export type HandshakeAlert =
  | 'handshake_failure'
  | 'protocol_version'
  | 'insufficient_security'
  | 'bad_certificate'
  | 'certificate_required'
  | 'internal_error'
  | 'unexpected_message'
  | 'illegal_parameter'
  | 'none';

export type HandshakeFailureReason =
  | 'no-protocol-enabled'
  | 'no-cipher-for-protocol'
  | 'no-common-protocol'
  | 'protocol-rejected-by-client'
  | 'no-common-cipher'
  | 'no-cipher-for-certificate'
  | 'client-cert-required'
  | 'client-cert-request-with-anon'
  | 'downgrade-detected'
  | 'no-signature-algorithm'
  | 'no-common-group';

export interface HandshakeSuccess {
  ok: true;
  protocol: string;
  cipherSuite: string;
  /** Whose order decided the suite. */
  decidedBy: 'server-order' | 'client-order' | 'only-choice';
  explanation: string[];
}

export interface HandshakeFailure {
  ok: false;
  reason: HandshakeFailureReason;
  /** The side that aborts the handshake. */
  failingSide: 'client' | 'server';
  /** The alert the failing side sends ('none' when it closes without an alert or never connects). */
  alert: HandshakeAlert;
  /** Protocol that had been selected when it failed, if any. */
  protocol?: string;
  /** The text each runtime logs (an exception message or an OpenSSL reason string). */
  messages: { client: string; server: string };
  explanation: string[];
}

export type HandshakePrediction = HandshakeSuccess | HandshakeFailure;

/**
 * What a link negotiates with one span of updates of each end whose JDK is named by its feature only (src/derive/outcome.ts):
 * `client`/`server` index that end's `updates.candidates` (absent: the end has none).
 */
export interface NegotiatedOnUpdates {
  client?: number;
  server?: number;
  protocol: string;
  cipherSuite: string;
  decidedBy: HandshakeSuccess['decidedBy'];
}

/** A link's verdict: negotiates, fails, or unknown when a missing input decides it (src/derive/outcome.ts). */
export type LinkOutcome =
  | {
      kind: 'negotiates';
      /** The latest updates' (the drawn prediction's) when `byUpdate` is set. */
      protocol: string;
      cipherSuite: string;
      /**
       * Set when an end's JDK is named by its feature only (`FROM eclipse-temurin:11`) and every update negotiates, but
       * the protocol or suite depends on the updates: each combination of the ends' spans with what it negotiates.
       */
      byUpdate?: NegotiatedOnUpdates[];
    }
  | {
      kind: 'fails';
      reason: HandshakeFailureReason;
      /** The side that aborts. */
      side: 'client' | 'server';
      alert: HandshakeAlert;
      /** What each side logs. */
      messages: { client: string; server: string };
    }
  | { kind: 'unknown'; missing: string[] };
