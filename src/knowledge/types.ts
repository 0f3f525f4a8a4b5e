import type { Traced } from '../core/traced';
import type { Location, RelatedLocation } from '../core/types';

/** JDK vendors as the knowledge base tells them apart (by their TLS defaults). */
export type JdkVendorFamily =
  | 'openjdk'
  | 'oracle'
  | 'temurin'
  | 'corretto'
  | 'zulu'
  | 'ibm'
  | 'semeru'
  | 'redhat'
  | 'unknown';

/** The Java runtime a component (or a whole deployment) runs on. */
export interface JavaRuntime {
  vendor: Traced<JdkVendorFamily>;
  /** Version as written (`1.8.0_202`, `11.0.2+9`, `8.0.6.25`); parse it with the knowledge base. */
  version: Traced<string>;
  /**
   * Security properties set in the tree (a `java.security` file, or a
   * `-Djava.security.properties` override), keyed by property name.
   * Absent keys mean: the version's default applies.
   */
  securityProperties: Record<string, Traced<string>>;
  /** JVM system properties (`-Dkey=value`) that apply to this runtime. */
  systemProperties: Record<string, Traced<string>>;
  /**
   * System properties the tree sets in a way that leaves their value to the run (`-Dx=$X`, starts of the app that
   * set them differently, a JDK_JAVA_OPTIONS whose JDK is unknown): why, and where. Not in `systemProperties`.
   */
  unknownSystemProperties?: Record<string, { why: string; at: RelatedLocation[]; written?: string }>;
  /**
   * Security properties the tree changes in a way lint-deploy cannot follow (a Dockerfile's sed on the JDK's
   * java.security): why, and where. Neither the default nor `securityProperties` holds their value.
   */
  unknownSecurityProperties?: Record<string, { why: string; at: RelatedLocation[] }>;
  /**
   * Set when the JDK's whole java.security is a file of the tree that names no `security.provider.1` (a Dockerfile
   * COPY over the JDK's own, or `-Djava.security.properties==file`): the JDK reads providers from 1 up to the first
   * missing number, so it has none. `file`: that java.security; `at`: what makes it the whole file.
   */
  withoutProviders?: { file: string; at: RelatedLocation };
  /**
   * A runtime jlink built without the module of the elliptic-curve provider (SunEC, JDK 9 to 21): it has no ECDHE or
   * ECDSA suite, no EC group for a TLS 1.3 key share and no EC key (measured with a jlinked JDK 17). `at`: the jlink RUN.
   */
  withoutEcProvider?: { module: string; at: RelatedLocation };
  /** The vendor as the release file's IMPLEMENTOR (or the user) names it, for display (`Oracle Corporation`). */
  implementor?: string;
  /**
   * How this JDK was attached, for reports: "JDK from jre/release", "JDK from Dockerfile:1 FROM
   * eclipse-temurin:8u202-b08-jre", "JDK from bin/setenv.sh:2 JAVA_HOME=/usr/lib/jvm/…".
   */
  attachment?: RuntimeAttachment;
  /** Set when several JDKs are equally near: the JDK is unknown, these are the candidates. */
  candidates?: RuntimeAttachment[];
}

/** Where a component's JDK comes from (a release file, a Dockerfile FROM, a JAVA_HOME path, a product default). */
export interface RuntimeAttachment {
  text: string;
  location?: Location;
  /** The feature release a name gives without its update (`FROM eclipse-temurin:17`), to match it with an install. */
  feature?: string;
  /**
   * Set (to its source) when such a name runs general-availability updates of `feature` only (jdk-locations.json):
   * a default every update of the feature has is then the JDK's, whichever update was pulled.
   */
  gaUpdates?: string;
  /** With `gaUpdates`: the first update of `feature` the name ever carried (`FROM eclipse-temurin:8`: 302). */
  firstUpdate?: number;
  /**
   * The updates of `feature` such a name has pointed to, first to last (`FROM openjdk:8`: 8u20 to 8u342; 0: the GA),
   * with their source; `last` undefined while the tag still moves (jdk-locations.json).
   */
  updateRange?: { first: number; last?: number; earlyAccess?: boolean; source: string };
}

/** A value the knowledge base holds, with where it came from and how sure we are of it. */
export interface Fact<T> {
  value: T;
  /** JDK bug id, tag, release note, IBM doc page, RFC or measurement that backs the value. */
  source: string;
  /** `inferred` = the research marks the fact (or its version boundary) as inferred, not read. */
  confidence: 'verified' | 'inferred';
  /**
   * Set when no public source settles the value: what is unknown, and the value it would have otherwise. The
   * value above is the best-sourced candidate; an outcome that the alternative would change is unknown.
   */
  unknown?: { what: string; alternative: T };
}

/** A default no public source settles (Fact.unknown), as the effective lists of the other candidate. */
export interface UnsettledDefault {
  what: string;
  protocols: readonly string[];
  cipherSuites: readonly string[];
}

/**
 * A Java version. `update` is the `uNNN` of 7/8 or the third number of 9+ (`11.0.2` → 2).
 * IBM SDK versions (`8.0.6.25`) carry their service refresh and fix pack in `ibm`; their `update` is 0.
 */
export interface JavaVersion {
  raw: string;
  feature: number;
  update: number;
  build?: number;
  ibm?: { serviceRefresh: number; fixPack: number };
}

export interface JdkProfile {
  vendor: JdkVendorFamily;
  version: JavaVersion;
  /** e.g. "OpenJDK 8u201", "IBM Java 8 SR6 FP25". */
  label: string;
  tlsDisabledAlgorithms: Fact<string[]>;
  certpathDisabledAlgorithms: Fact<string[]>;
  legacyAlgorithms: Fact<string[]>;
  /** What `SSLContext.getInstance("TLS")` enables on a client socket with the default java.security. */
  defaultClientProtocols: Fact<string[]>;
  defaultServerProtocols: Fact<string[]>;
  supportedProtocols: Fact<string[]>;
  /** Default of `jdk.tls.ephemeralDHKeySize` when unset: "1024" or "2048". */
  ephemeralDHKeySize: Fact<string>;
  serverCipherOrderByDefault: Fact<boolean>;
  /** The default jurisdiction policy: `limited` (Oracle/OpenJDK before 6u181, 7u171, 8u161) caps AES at 128 bits, so no AES_256 suite is offered. */
  cryptoPolicy?: Fact<'limited' | 'unlimited'>;
}

export interface EffectiveJdkTls {
  label: string;
  profile?: JdkProfile;
  disabledAlgorithms: Traced<readonly string[]>;
  clientProtocols: Traced<readonly string[]>;
  serverProtocols: Traced<readonly string[]>;
  clientCipherSuites: Traced<readonly string[]>;
  serverCipherSuites: Traced<readonly string[]>;
  /**
   * The default client suites for an SSLContext of any protocol (not only the default ones): what a client that sets
   * its own protocols gets (the IBM MQ classes for JMS with an alias CipherSuite), filtered with `suitesUsableAt`.
   */
  clientCipherSuitesAnyProtocol: Traced<readonly string[]>;
  implementation: 'jsse' | 'ibmjsse2';
  /** When a side's default protocols are unsettled (no override set): the lists of the other candidate. */
  clientUnsettled?: UnsettledDefault;
  serverUnsettled?: UnsettledDefault;
}

export interface CipherSuite {
  /** IANA two-byte code point written `0xHH,0xHH` (upper-case hex), as IANA and `openssl ciphers -V` print it. */
  code: string;
  iana: string;
  openssl?: string;
  /** IBM JSSE2 name (`SSL_` prefix) for suites before TLS 1.3. */
  ibm?: string;
  /** SunJSSE canonical name where it differs from IANA (`SSL_RSA_WITH_3DES_EDE_CBC_SHA`). */
  jsse?: string;
  mq?: string[];
  kx: string;
  au: string;
  enc: string;
  mac: string;
  minProtocol: string;
  maxProtocol: string;
  flags: {
    anon: boolean;
    null: boolean;
    export: boolean;
    rc4: boolean;
    des: boolean;
    tripleDes: boolean;
    cbc: boolean;
    staticRsa: boolean;
    tls13: boolean;
  };
  source: string;
}

export interface MqCipherSpec {
  name: string;
  hex?: string;
  /** `TLSv1.3`, `TLSv1.2`, `TLSv1`, `SSLv3`; aliases: `TLSv1.2+` style or a fixed version. */
  protocol: string;
  minProtocol: string;
  maxProtocol: string;
  alias?: boolean;
  meaning?: string;
  defaultOrderRank?: number;
  enabledByDefault: boolean;
  deprecated: boolean;
  fips: boolean;
  fipsSource?: string;
  /** MQ classes for JMS/Java: lowest protocol of the alias CipherSuite when it differs from minProtocol (`*ANY`: TLSv1.2). */
  jmsMinProtocol?: string;
  jmsMinProtocolSource?: string;
  suiteB: boolean;
  suiteBStrength?: string;
  platforms?: string;
  status?: string;
  ibmJsse?: string;
  oracleJsse?: string;
  aliases?: string[];
  source: string;
  confidence: 'verified' | 'inferred';
  note?: string;
  /** For a deprecated spec: from which releases a queue manager refuses it by default (./mq-deprecation.ts). */
  defaultDisabled?: MqDefaultDisabled;
  /** For a name newer queue managers know (aliases, TLS 1.3 specs): the release that introduced it (./mq-introduction.ts). */
  introducedIn?: MqIntroducedIn;
}

/** mq.json `cipherSpecs[].introducedIn` (see its schema). */
export interface MqIntroducedIn {
  since: string;
  unsettledFrom?: string;
  source: string;
  confidence: 'verified' | 'inferred';
}

/** mq.json `cipherSpecs[].defaultDisabled` (see its schema for the release-line semantics). */
export interface MqDefaultDisabled {
  since: string[];
  enabledIn?: string[];
  reenabledBy: string[];
  source: string;
  confidence: 'verified' | 'inferred';
}

export interface MqReasonCode {
  code: string;
  name: string;
  message: string;
  source: string;
}
