/**
 * From a model Component (its `tls` settings and Java runtime) to the HandshakeSide the predictor takes:
 * names resolved through the knowledge base, runtime defaults filled in, the runtime's disabled
 * algorithms applied. Also reports what was dropped on the way (unknown names, disabled suites/protocols),
 * which the tls/* rules report.
 */
import * as path from 'node:path';
import { isMqChannel, type Component, type Deployment, type JavaRuntime, type Provenance } from '../model/types';
import type { RunMemo } from '../core/run-memo';
import {
  cipherSpecMatchesAlias,
  findCipherSpec,
  findCipherSuite,
  mqCipherSpecDefaultState,
  mqEnabledProtocols,
  mqReleaseSpeaksTls13,
  mqServerOrder,
  normaliseProtocol,
  protocolRank,
  protocolsBetween,
} from '../knowledge';
import { OPENSSL_PROTOCOLS_ASSUMED, OPENSSL_TLS13_DEFAULT } from '../knowledge/openssl';
import { mqChannelDefaults } from '../knowledge/mq';
import { iniValue } from '../parse/mq-ini';
import { jsseLists, toIana, type DroppedName, type UpdateCandidates } from './jsse-end';
import type { HandshakeImplementation, HandshakeSide } from './types';

/** A key of a certificate the server presents. */
export interface ServerKey {
  keyType: 'RSA' | 'EC' | 'DSA';
  bits?: number;
}

export type { DroppedName, UpdateCandidate, UpdateCandidates } from './jsse-end';

export interface Endpoint {
  component: Component;
  role: 'client' | 'server';
  side: HandshakeSide;
  /** Configured suite names the runtime does not know (e.g. an IBM `SSL_` name on OpenJDK). */
  unknownSuites: string[];
  disabledSuites: DroppedName[];
  disabledProtocols: DroppedName[];
  /** Where the protocols and suites came from (a file, or a runtime default). */
  protocolsFrom?: Provenance;
  suitesFrom?: Provenance;
  /** Assumptions made (e.g. "certificate key type unknown: assuming RSA"). */
  notes: string[];
  /**
   * What the tree does not say and the lists depend on, each naming what to declare (the JDK, its version's
   * profile…). Not empty: the lists above are a guess and the link's outcome is unknown (src/derive/outcome.ts).
   */
  missing: string[];
  /** Server only: its certificate's key type is not known and RSA was assumed (the outcome checks whether that decides it). */
  keyTypeAssumed?: boolean;
  /**
   * The JDK default behind the lists is one no public source settles (e.g. Zulu 8u262's TLS 1.3 default): what is
   * unknown and the lists of the other candidate (the outcome checks whether that decides it).
   */
  alternative?: { what: string; protocols: string[]; cipherSuites: string[] };
  /**
   * OpenSSL ends whose release the tree does not name: the signature floor another release series would have (undefined:
   * none) and what to declare (the outcome checks whether that decides it).
   */
  signatureFloorAlternative?: { what: string; value?: string };
  /**
   * Server only: its acceptance of finite-field groups in TLS 1.3 is assumed or not known (what to declare); the outcome
   * asks only when the client offers no EC group (a Java runtime without the EC provider).
   */
  finiteFieldGroupsUnknown?: string;
  /** A Java end whose runtime was linked without the elliptic-curve provider: the jlink step that left it out. */
  withoutEcProviderAt?: NonNullable<JavaRuntime['withoutEcProvider']>['at'];
  /**
   * A Java end whose JDK is named by its feature only (`FROM eclipse-temurin:17`) and whose lists change between its
   * updates: each span's lists (the side above holds the latest's); the outcome checks that every one agrees.
   */
  updates?: UpdateCandidates;
  /**
   * A Java end whose JDK the tree does not say (`unknown`: the `missing` text naming it) and whose protocols are its own
   * list: whatever JDK runs it enables at most these (src/derive/outcome.ts asks whether the other end can meet them).
   */
  protocolCeiling?: { protocols: string[]; unknown: string };
}

const OPENSSL_DEFAULT_PROTOCOLS = [...OPENSSL_PROTOCOLS_ASSUMED];
/** An assumption, not a fact: lint-deploy does not model the ClearTrust web agent's own TLS library. */
const NATIVE_ASSUMED_PROTOCOLS = ['TLSv1.2', 'TLSv1.1', 'TLSv1'];
const TLS13_DEFAULT = [...OPENSSL_TLS13_DEFAULT];

/** The TLS versions a CipherSpec's range can name (protocol names, not a product fact). */
const TLS_VERSIONS = protocolsBetween('TLSv1', 'TLSv1.3');

/**
 * What an MQ client (CLNTCONN/CCDT, GSKit) offers for its SSLCIPH: a specific CipherSpec is one suite at
 * the CipherSpec's protocol; an alias (ANY_TLS12, ANY_TLS12_OR_HIGHER…) offers the enabled CipherSpecs in
 * its protocol range, at the protocols of that range that have one. Names that are no CipherSpec fall
 * back to a plain suite lookup.
 */
export function mqClientOffer(names: string[], unknown: string[]): { protocols: string[]; suites: string[] } {
  const protocols = new Set<string>();
  const suites: string[] = [];
  for (const name of names) {
    const spec = findCipherSpec(name);
    if (spec?.alias) {
      for (const member of mqServerOrder().filter((s) => cipherSpecMatchesAlias(s, spec))) {
        const suite = findCipherSuite(member.name);
        if (!suite) continue;
        suites.push(suite.iana);
        protocols.add(normaliseProtocol(member.minProtocol));
      }
      continue;
    }
    const suite = findCipherSuite(name);
    if (!suite) {
      unknown.push(name);
      continue;
    }
    suites.push(suite.iana);
    const min = protocolRank(spec?.minProtocol ?? suite.minProtocol);
    const max = protocolRank(spec?.maxProtocol ?? suite.maxProtocol);
    for (const p of TLS_VERSIONS) if (protocolRank(p) >= min && protocolRank(p) <= max) protocols.add(p);
  }
  return { protocols: TLS_VERSIONS.filter((p) => protocols.has(p)), suites };
}

/**
 * The endpoint for one side of a link; undefined when the component has no TLS or an unknown implementation.
 * Pure: the derive stage (src/derive/derive.ts) calls it once per component and role. `serverKeys`: the
 * keys of the certificates the server presents, when the derive stage found them (else the model's key type).
 */
export function endpointFor(
  component: Component,
  role: 'client' | 'server',
  deployment?: Deployment,
  serverKeys?: ServerKey[],
  memo?: RunMemo,
): Endpoint | undefined {
  const tls = component.tls;
  if (!tls || tls.enabled?.value === false || tls.implementation === 'unknown') return undefined;
  const implementation: HandshakeImplementation = tls.implementation;
  const runtime = component.runtime ?? deployment?.runtime;
  const notes: string[] = [];
  const unknownSuites: string[] = [];
  const disabledSuites: DroppedName[] = [];
  const disabledProtocols: DroppedName[] = [];
  let protocols: string[];
  let suites: string[];
  let protocolsFrom = tls.protocols?.from;
  let suitesFrom = tls.cipherSuites?.from;
  let serverOrderWins = tls.serverOrderWins?.value;
  let alternative: Endpoint['alternative'];
  let updates: UpdateCandidates | undefined;
  let protocolCeiling: Endpoint['protocolCeiling'];

  // Built by push, not by `map`: an optimized `map` returns an array of another hidden class than the interpreter's,
  // and each push below and the link's spread of it were compiled again for it (docs/performance.md, session 56).
  const missing: string[] = [];
  for (const value of tls.unknownValues ?? []) missing.push(`the value of ${value}`);
  const jsse = implementation === 'jsse' || implementation === 'ibmjsse2';
  if (jsse) {
    const java = jsseLists(component, role, tls, runtime, memo);
    ({ protocols, suites, protocolsFrom, suitesFrom, serverOrderWins, alternative, updates, protocolCeiling } = java);
    notes.push(...java.notes);
    unknownSuites.push(...java.unknownSuites);
    disabledSuites.push(...java.disabledSuites);
    disabledProtocols.push(...java.disabledProtocols);
    missing.push(...java.missing);
  } else if (implementation === 'native') {
    // The ClearTrust web agent's own TLS library: in anon mode it offers the anonymous suites (the mode says
    // so); what it offers in auth mode, and which versions, no public source says: its links are unknown
    // (`missing` below), never predicted from a guess.
    protocols = tls.protocols?.value ?? NATIVE_ASSUMED_PROTOCOLS;
    if (!tls.protocols)
      notes.push(
        `protocols of ${component.name}'s native TLS library unknown: assuming ${NATIVE_ASSUMED_PROTOCOLS.join(', ')}`,
      );
    suites = tls.cipherSuites ? toIana(tls.cipherSuites.value, unknownSuites) : [];
    if (!tls.cipherSuites)
      missing.push(
        `the cipher suites ${component.name}'s native TLS library offers in auth mode (no public source says which; no JDK setting applies to it)`,
      );
  } else if (implementation === 'erlang') {
    // A RabbitMQ broker on Erlang/OTP's ssl: the versions and suites its ssl_options write (src/model/rabbitmq-brokers.ts).
    // OTP's defaults change with the release, which the tree rarely settles: an unwritten list is missing, never guessed.
    protocols = tls.protocols?.value ?? [];
    suites = tls.cipherSuites ? toIana(tls.cipherSuites.value, unknownSuites) : [];
    const unwritten = erlangListsUnwritten(component, !tls.protocols, !tls.cipherSuites);
    if (unwritten) missing.push(unwritten);
    serverOrderWins ??= false;
  } else if (implementation === 'gskit') {
    // Nothing configured: the protocols of the CipherSpecs MQ enables by default (knowledge base).
    protocols = tls.protocols?.value ?? mqEnabledProtocols();
    if (role === 'server') {
      // The queue manager offers its whole enabled list in its own order; the channel's SSLCIPH is checked after.
      suites = mqServerOrder().flatMap((spec) => findCipherSuite(spec.name)?.iana ?? []);
      ({ protocols, suites } = withSpecTheReleaseAccepts(component, protocols, suites, !tls.protocols));
      serverOrderWins ??= true;
      const withoutTls13 = mqReleaseWithoutTls13(component, protocols, suites);
      // A release the tree names settles it: before channelDefaults.tls13.since the queue manager speaks no TLS 1.3
      // by default. A qm.ini that switches TLS 1.3 on (AllowTLSV13, read from 9.1.4 CD) leaves it open.
      const qmgr = isMqChannel(component) ? component.attributes.qmgr : undefined;
      const release = qmgr?.release?.value;
      const tls13Asked = qmgr?.qmIni
        ? /^(y|yes|t|true)$/i.test(iniValue(qmgr.qmIni.data, 'SSL', 'AllowTLSV13')?.value.trim() ?? '')
        : false;
      if (withoutTls13 && release && !mqReleaseSpeaksTls13(release)) {
        if (tls13Asked)
          alternative = {
            ...withoutTls13,
            what: `whether IBM MQ ${release} (${component.name}'s queue manager) speaks TLS 1.3 with qm.ini SSL: AllowTLSV13 set (by default only from MQ ${mqChannelDefaults().tls13.since})`,
          };
        else ({ protocols, cipherSuites: suites } = withoutTls13);
      } else if (!release) alternative = withoutTls13;
    } else {
      // An MQ client offers only what its SSLCIPH names, and the CipherSpec fixes the protocol.
      const client = mqClientOffer(tls.cipherSuites?.value ?? [], unknownSuites);
      suites = client.suites;
      if (!tls.protocols && client.protocols.length > 0) {
        protocols = client.protocols;
        protocolsFrom =
          tls.cipherSuites?.from.kind === 'file'
            ? { ...tls.cipherSuites.from, note: 'the CipherSpec fixes the protocol' }
            : tls.cipherSuites?.from;
      }
    }
  } else {
    protocols = tls.protocols?.value ?? OPENSSL_DEFAULT_PROTOCOLS;
    suites = tls.cipherSuites ? toIana(tls.cipherSuites.value, unknownSuites) : [];
    if (!tls.cipherSuites) notes.push('cipher list not set: assuming the OpenSSL TLS 1.3 defaults only');
    // OpenSSL's TLS 1.3 suites unless the end sets its own (HAProxy ciphersuites, Tomcat Native cipherSuites).
    if (!suites.some((s) => findCipherSuite(s)?.flags.tls13)) suites = [...TLS13_DEFAULT, ...suites];
    serverOrderWins ??= false;
  }

  // A product default that changed between releases the tree does not name (nginx proxy_ssl_protocols).
  if (tls.protocolsAlternative && !alternative)
    alternative = {
      what: tls.protocolsAlternative.what,
      protocols: tls.protocolsAlternative.value,
      cipherSuites: suites,
    };
  const keyType = tls.certificate?.keyType;
  let certificate: HandshakeSide['certificate'];
  let moreCertificates: HandshakeSide['moreCertificates'];
  let keyTypeAssumed: boolean | undefined;
  if (role === 'server') {
    if (serverKeys?.[0]) {
      certificate = { keyType: serverKeys[0].keyType, bits: serverKeys[0].bits };
      if (serverKeys.length > 1)
        moreCertificates = serverKeys.slice(1).map((k) => ({ keyType: k.keyType, bits: k.bits }));
    } else if (keyType === 'RSA' || keyType === 'EC' || keyType === 'DSA')
      certificate = { keyType, bits: tls.certificate?.keyBits };
    else {
      certificate = { keyType: 'RSA' };
      keyTypeAssumed = true;
      notes.push('server certificate key type unknown: assuming RSA');
    }
  }
  const groups = role === 'server' ? finiteFieldGroupsOf(component, jsse, runtime) : undefined;
  const side: HandshakeSide = {
    implementation,
    protocols,
    cipherSuites: suites,
    serverOrderWins: role === 'server' ? serverOrderWins : undefined,
    certificate,
    ...(moreCertificates ? { moreCertificates } : {}),
    clientAuth: role === 'server' ? (tls.clientAuth?.value ?? 'none') : undefined,
    ...(tls.signatureFloor ? { signatureFloor: tls.signatureFloor.value } : {}),
    ...(role === 'server' && tls.dheParameters ? { dheParameters: tls.dheParameters.value } : {}),
    ...(role === 'server' && tls.credentialSuites ? { credentialSuites: tls.credentialSuites.value } : {}),
    ...(role === 'server' && tls.legacyVersionNegotiation
      ? { legacyVersionNegotiation: tls.legacyVersionNegotiation.value }
      : {}),
    // A key store counts too: which certificate JSSE then sends (if any) is derive/trust.ts's question.
    hasClientCertificate:
      role === 'client' ? tls.certificate !== undefined || tls.trust?.keyStore !== undefined : undefined,
    ...(jsse && runtime?.withoutEcProvider ? { ellipticCurves: false as const } : {}),
    ...(groups?.value !== undefined ? { finiteFieldGroups: groups.value } : {}),
    label: component.name,
  };
  return {
    component,
    role,
    side,
    unknownSuites,
    disabledSuites,
    disabledProtocols,
    protocolsFrom,
    suitesFrom,
    notes,
    missing,
    ...(keyTypeAssumed ? { keyTypeAssumed } : {}),
    ...(alternative ? { alternative } : {}),
    ...(updates ? { updates } : {}),
    ...(protocolCeiling ? { protocolCeiling } : {}),
    ...(tls.signatureFloorAlternative ? { signatureFloorAlternative: tls.signatureFloorAlternative } : {}),
    ...(groups?.unknownWhat ? { finiteFieldGroupsUnknown: groups.unknownWhat } : {}),
    ...(jsse && runtime?.withoutEcProvider ? { withoutEcProviderAt: runtime.withoutEcProvider.at } : {}),
  };
}

/**
 * Whether a server may take a finite-field group in a TLS 1.3 key share: a JSSE server by default (jdk.tls.namedGroups
 * lists ffdhe2048 to ffdhe8192 from JDK 9, JDK-8140436: every JDK that speaks TLS 1.3) unless -Djdk.tls.namedGroups
 * names none; an OpenSSL server as its model says (nginx, HAProxy: src/model/openssl-groups.ts); otherwise not known.
 */
function finiteFieldGroupsOf(
  component: Component,
  jsse: boolean,
  runtime: Component['runtime'],
): { value?: boolean; unknownWhat?: string } {
  const unknownWhat = `whether ${component.name} accepts a finite-field group (ffdhe2048…) in a TLS 1.3 key share`;
  if (!jsse) {
    const modelled = component.tls?.finiteFieldGroups;
    return modelled ? { value: modelled.value, unknownWhat: modelled.unknownWhat } : { unknownWhat };
  }
  if (runtime?.unknownSystemProperties?.['jdk.tls.namedGroups']) return { unknownWhat };
  const named = runtime?.systemProperties['jdk.tls.namedGroups']?.value;
  return { value: named === undefined ? true : /(^|[\s,"])ffdhe\d+/i.test(named) };
}

/**
 * A queue manager before `channelDefaults.tls13.since` speaks no TLS 1.3: the lists of such a release (the lists the
 * endpoint takes when the tree names such a release, and the alternative for the outcome to check when it names none:
 * src/derive/outcome.ts). None when the protocols are configured, or when the channel's SSLCIPH needs TLS 1.3 (its
 * queue manager has it).
 */
function mqReleaseWithoutTls13(component: Component, protocols: string[], suites: string[]): Endpoint['alternative'] {
  const tls13 = mqChannelDefaults().tls13;
  // Protocol names, not a release fact: what TLS 1.3 alone covers.
  const only13 = (protocol: string | undefined) =>
    protocol !== undefined && protocolRank(protocol) > protocolRank('TLSv1.2');
  const needs13 = (component.tls?.cipherSuites?.value ?? []).some((n) => only13(findCipherSpec(n)?.minProtocol));
  if (component.tls?.protocols || needs13 || !protocols.some((p) => only13(p))) return undefined;
  return {
    what: `the IBM MQ release of ${component.name}'s queue manager (TLS 1.3 only from MQ ${tls13.since}, ${tls13.source.split(' ')[0]}; the tree does not say which release runs)`,
    protocols: protocols.filter((p) => !only13(p)),
    cipherSuites: suites.filter((s) => !only13(findCipherSuite(s)?.minProtocol)),
  };
}

/**
 * A deprecated CipherSpec the channel names (TLS_RSA_WITH_AES_128_CBC_SHA) on a queue manager whose release, as the
 * tree names it, still enables it by default (an 8.0 or 9.0.0.x queue manager: src/knowledge/mq-deprecation.ts): the
 * queue manager accepts it as well as the current defaults, at its protocol unless the protocols are configured.
 */
function withSpecTheReleaseAccepts(
  component: Component,
  protocols: string[],
  suites: string[],
  addProtocol: boolean,
): { protocols: string[]; suites: string[] } {
  const release = isMqChannel(component) ? component.attributes.qmgr?.release?.value : undefined;
  const name = isMqChannel(component) ? component.attributes.sslciph?.value.trim() : undefined;
  const spec = name ? findCipherSpec(name) : undefined;
  const suite = spec ? findCipherSuite(spec.name)?.iana : undefined;
  if (!release || !spec || !suite || mqCipherSpecDefaultState(spec.name, release)?.disabled !== 'no')
    return { protocols, suites };
  const protocol = normaliseProtocol(spec.minProtocol);
  const withProtocol = addProtocol && !protocols.includes(protocol) ? [...protocols, protocol] : protocols;
  return {
    protocols: withProtocol.sort((a, b) => protocolRank(a) - protocolRank(b)),
    suites: suites.includes(suite) ? suites : [...suites, suite],
  };
}

/**
 * What a RabbitMQ broker leaves to Erlang/OTP's defaults, said once: which lists, why the tree does not decide them (OTP's
 * defaults change with its release, which an image tag such as `rabbitmq:3.13-management` does not name) and what to
 * write, in the syntax of the file that configures it (rabbitmq.conf's `ssl_options.versions.1`, or the classic
 * rabbitmq.config's `{versions, [...]}`: https://www.rabbitmq.com/docs/ssl#tls-versions and #cipher-suites).
 */
function erlangListsUnwritten(component: Component, versions: boolean, ciphers: boolean): string | undefined {
  if (!versions && !ciphers) return undefined;
  const classic = /\.config$/.test(component.location.file);
  const keys = [versions && 'versions', ciphers && 'ciphers'].filter((k): k is string => !!k);
  const lists = keys.map((k) => (k === 'versions' ? 'TLS versions' : 'cipher suites')).join(' and ');
  const written = keys.map((k) => (classic ? `{${k}, […]}` : `ssl_options.${k}`)).join(' nor ');
  const example = keys
    .map((k) =>
      classic
        ? k === 'versions'
          ? "{versions, ['tlsv1.2', 'tlsv1.3']}"
          : '{ciphers, ["ECDHE-RSA-AES256-GCM-SHA384", …]}'
        : k === 'versions'
          ? 'ssl_options.versions.1 = tlsv1.2'
          : 'ssl_options.ciphers.1 = ECDHE-RSA-AES256-GCM-SHA384, …',
    )
    .join(classic ? ' and ' : ', ');
  const file = path.basename(component.location.file);
  return `the ${lists} ${component.name} enables: its ${file} writes ${keys.length > 1 ? 'neither ' : 'no '}${written}, and Erlang/OTP's defaults change with the OTP release the broker runs, which the tree does not name; declare them in ${file} (${example})`;
}
