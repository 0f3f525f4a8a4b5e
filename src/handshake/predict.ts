/**
 * The handshake predictor: a pure function from two effective endpoint configurations to the
 * outcome the real stacks produce (checked against OpenSSL 3.0 and JDK 17 by test/handshake).
 *
 * Order of events, as the stacks do it:
 *  1. (capability.ts) each side works out the versions it can speak (JSSE: enabled protocols that have an enabled suite;
 *     OpenSSL: a client the lowest contiguous run of enabled versions, whose top one must have a cipher; a server
 *     checks that top version for a cipher, then accepts every enabled version);
 *  2. the server picks the version (supported_versions list, or the legacy "highest <= client max");
 *  3. the server picks the suite for that version (its own order or the client's), usable with its key;
 *  4. a server that requires a client certificate aborts when the client has none.
 */
import {
  clientRejectsVersionMessage,
  noClientCertificateAlert,
  noClientCertificateMessage,
  noSharedCipherMessage,
  peerAbortedMessage,
  peerAlertMessage,
  serverRejectsVersionsMessage,
  unexpectedCertificateRequestMessage,
  downgradeMessage,
  NATIVE_LOG,
  ERLANG_LOG,
  gskitLog,
} from './messages';
import { capability, isJsseFamily, prepare } from './capability';
import { tls13EllipticCurveFailure } from './elliptic-curves';
import { PROTOCOLS_ASCENDING, SuiteFacts, suiteSupportsProtocol, suiteUsableWithKey } from './suites';
import { isJsseLegacySuite, parseProtocol, protocolRank } from '../knowledge';
import { LEGACY_PROTOCOL_FAILURE } from '../knowledge/openssl';
import type {
  HandshakeAlert,
  HandshakeFailure,
  HandshakeFailureReason,
  HandshakePrediction,
  HandshakeSide,
} from './types';

function fail(
  reason: HandshakeFailureReason,
  failingSide: 'client' | 'server',
  alert: HandshakeAlert,
  messages: { client: string; server: string },
  explanation: string[],
  protocol?: string,
): HandshakeFailure {
  return { ok: false, reason, failingSide, alert, messages, explanation, ...(protocol ? { protocol } : {}) };
}

export function predictHandshake(clientSide: HandshakeSide, serverSide: HandshakeSide): HandshakePrediction {
  const p = predictBetween(clientSide, serverSide);
  const own = new Set(['native', 'gskit', 'erlang']);
  if (p.ok || (!own.has(clientSide.implementation) && !own.has(serverSide.implementation))) return p;
  // A native end (ClearTrust web agent) or an Erlang one (RabbitMQ) is no JSSE and no OpenSSL: its log text is not known.
  // A GSKit end (IBM MQ) logs an AMQ message, not OpenSSL's reason string: the one the knowledge base has for the failure.
  const as = (side: HandshakeSide, role: 'client' | 'server', text: string) =>
    side.implementation === 'native'
      ? NATIVE_LOG
      : side.implementation === 'erlang'
        ? ERLANG_LOG
        : side.implementation === 'gskit'
          ? gskitLog(p.reason, role)
          : text;
  return {
    ...p,
    messages: {
      client: as(clientSide, 'client', p.messages.client),
      server: as(serverSide, 'server', p.messages.server),
    },
  };
}

function predictBetween(clientSide: HandshakeSide, serverSide: HandshakeSide): HandshakePrediction {
  const client = prepare(clientSide, 'client');
  const server = prepare(serverSide, 'server');
  const cImpl = clientSide.implementation;
  const sImpl = serverSide.implementation;
  const explanation: string[] = [];

  // 1. Local checks: a client that cannot build a ClientHello never talks.
  const cCap = capability(client);
  const sCap = capability(server);
  if (cCap.localFailure) {
    const jsse = isJsseFamily(client);
    const alert: HandshakeAlert = jsse ? 'none' : 'internal_error';
    // A server that cannot work at all fails on its own, before it reads the ClientHello.
    const serverMessage = sCap.localFailure?.message ?? peerAbortedMessage(sImpl, alert);
    return fail(
      cCap.localFailure.reason,
      'client',
      alert,
      { client: cCap.localFailure.message, server: serverMessage },
      [cCap.localFailure.explanation],
    );
  }
  if (sCap.localFailure) {
    const jsse = isJsseFamily(server);
    const alert: HandshakeAlert = jsse ? 'none' : 'handshake_failure';
    return fail(
      sCap.localFailure.reason,
      'server',
      alert,
      { client: peerAlertMessage(cImpl, alert), server: sCap.localFailure.message },
      [sCap.localFailure.explanation],
    );
  }

  // A client that enables SSLv2Hello sends its ClientHello in the SSLv2 format (JDK 6); a JSSE server that does
  // not enable SSLv2Hello refuses it before reading any version (measured: JDK 17 behind Tomcat, handshake_failure).
  const hasSsl2Hello = (side: HandshakeSide) => side.protocols.some((p) => /^SSLv2Hello$/i.test(p));
  if (hasSsl2Hello(clientSide) && isJsseFamily(server) && !hasSsl2Hello(serverSide)) {
    return fail(
      'no-common-protocol',
      'server',
      'handshake_failure',
      { client: peerAlertMessage(cImpl, 'handshake_failure'), server: 'SSLv2Hello is not enabled' },
      [
        `${client.name} enables SSLv2Hello and sends an SSLv2-format ClientHello; ${server.name} (JSSE) does not enable SSLv2Hello and refuses it`,
      ],
    );
  }

  // 2. Version selection by the server.
  const offered = cCap.versions;
  const legacyServer = serverSide.legacyVersionNegotiation;
  const supportedVersionsSent = (isJsseFamily(client) || offered[0] === 'TLSv1.3') && !legacyServer;
  const serverVersions = isJsseFamily(server)
    ? sCap.versions
    : [...PROTOCOLS_ASCENDING]
        .reverse()
        .filter((p) => server.enabled.has(p) && protocolRank(p) <= protocolRank(sCap.versions[0]));
  // A server that reads no supported_versions sees the legacy_version, which never says more than TLS 1.2.
  const clientMax = legacyServer && protocolRank(offered[0]) > protocolRank('TLSv1.2') ? 'TLSv1.2' : offered[0];
  const selected = supportedVersionsSent
    ? serverVersions.find((p) => offered.includes(p))
    : serverVersions.find((p) => protocolRank(p) <= protocolRank(clientMax));
  explanation.push(
    `${client.name} offers ${offered.join(', ')}${supportedVersionsSent ? '' : ' (legacy ClientHello, highest ' + clientMax + ')'}; ${server.name} accepts ${serverVersions.join(', ')}`,
  );
  if (!selected) {
    const alert = legacyServer?.versionMismatchAlert ?? 'protocol_version';
    return fail(
      'no-common-protocol',
      'server',
      alert,
      {
        client: peerAlertMessage(cImpl, alert),
        server: serverRejectsVersionsMessage(sImpl, offered, serverVersions, supportedVersionsSent),
      },
      [
        ...explanation,
        alert === 'none'
          ? 'no protocol version in common: the server closes the connection without an alert'
          : `no protocol version in common: the server answers with a ${alert} alert`,
      ],
    );
  }
  explanation.push(`protocol: ${selected}${offered.includes(selected) ? ' (the highest both accept)' : ''}`);

  // 3. Suite selection for the selected version.
  const clientSuites = client.suites.filter((f) =>
    selected === 'TLSv1.3' ? f.tls13 : !f.tls13 && suiteSupportsProtocol(f, selected),
  );
  const serverForVersion = server.suites.filter((f) =>
    selected === 'TLSv1.3' ? f.tls13 : !f.tls13 && suiteSupportsProtocol(f, selected),
  );
  const keyTypes = [serverSide.certificate?.keyType, ...(serverSide.moreCertificates ?? []).map((c) => c.keyType)];
  const keyType = [...new Set(keyTypes.filter((k) => k !== undefined))].join(' and ') || undefined;
  // JSSE never picks an anonymous suite when it must authenticate the client.
  const jsseNeedsClientCert = isJsseFamily(server) && serverSide.clientAuth === 'required';
  // A server without DH parameters (nginx with no ssl_dhparam) skips its DHE suites.
  const noDhe = serverSide.dheParameters === false;
  const isDhe = (f: SuiteFacts) => f.kx === 'DHE' || (f.kx === 'DH' && f.au === 'anon');
  const serverUsable = serverForVersion.filter(
    (f) =>
      keyTypes.some((k) => suiteUsableWithKey(f, k)) && !(jsseNeedsClientCert && f.flags.anon) && !(noDhe && isDhe(f)),
  );
  const clientNames = new Set(clientSuites.map((f) => f.name));
  const usableNames = new Set(serverUsable.map((f) => f.name));
  const serverOrder = serverSide.serverOrderWins === true;
  // SunJSSE picks a jdk.tls.legacyAlgorithms suite (NULL, anon, RC4, DES, 3DES) only when nothing else is common.
  const ordered = serverOrder
    ? serverUsable.filter((f) => clientNames.has(f.name))
    : clientSuites.filter((f) => usableNames.has(f.name));
  const common = isJsseFamily(server)
    ? [...ordered.filter((f) => !isJsseLegacy(f)), ...ordered.filter(isJsseLegacy)]
    : ordered;
  const chosen = common[0];
  if (!chosen) {
    const commonIgnoringKey = serverForVersion.filter((f) => clientNames.has(f.name) && !(noDhe && isDhe(f)));
    const commonDhe = noDhe ? serverForVersion.filter((f) => clientNames.has(f.name) && isDhe(f)) : [];
    const reason: HandshakeFailureReason =
      commonIgnoringKey.length > 0 ? 'no-cipher-for-certificate' : 'no-common-cipher';
    const why =
      commonDhe.length > 0 && commonIgnoringKey.length === 0
        ? `the suites both offer for ${selected} (${list(commonDhe)}) are DHE suites, and ${server.name} has no DH parameters (nginx: no ssl_dhparam), so it never chooses them`
        : reason === 'no-cipher-for-certificate'
          ? `the suites both offer for ${selected} (${commonIgnoringKey.map((f) => f.name).join(', ')}) need a ${describeKeyNeed(commonIgnoringKey)} key but the server's certificate key is ${keyType ?? 'absent'}`
          : `no ${selected === 'TLSv1.3' ? 'TLS 1.3' : selected} suite in common: ${client.name} offers ${list(clientSuites)}; ${server.name} enables ${list(serverForVersion)}`;
    const withoutEc = [
      ...(clientSide.ellipticCurves === false ? [client.name] : []),
      ...(serverSide.ellipticCurves === false ? [server.name] : []),
    ];
    const ecNote = withoutEc.length
      ? ` (${withoutEc.join(' and ')}: no elliptic-curve provider, a jlink runtime without jdk.crypto.ec, so no ECDHE or ECDSA suite)`
      : '';
    return fail(
      reason,
      'server',
      'handshake_failure',
      { client: peerAlertMessage(cImpl, 'handshake_failure'), server: noSharedCipherMessage(sImpl) },
      [...explanation, why + ecNote],
      selected,
    );
  }
  // TLS 1.3 with an end whose runtime has no elliptic curves: the key share's group, then the certificate's signature.
  const ecFailure =
    selected === 'TLSv1.3'
      ? tls13EllipticCurveFailure(
          clientSide,
          serverSide,
          { client: client.name, server: server.name },
          { jsse: isJsseFamily(server), keyTypes },
        )
      : undefined;
  if (ecFailure)
    return fail(
      ecFailure.reason,
      ecFailure.failingSide,
      ecFailure.alert,
      ecFailure.messages,
      [...explanation, `suite: ${chosen.name}`, ecFailure.why],
      selected,
    );
  // OpenSSL 3 above security level 0 finds no signature algorithm for TLS 1.0/1.1 (SHA1/MD5 count below
  // level 1) and aborts after choosing the suite, even for static-RSA suites (checked with s_server).
  const floor = serverSide.signatureFloor ? parseProtocol(serverSide.signatureFloor) : undefined;
  if (floor && !isJsseFamily(server) && protocolRank(selected) < protocolRank(floor)) {
    return fail(
      'no-signature-algorithm',
      'server',
      'internal_error',
      {
        client: peerAlertMessage(cImpl, 'internal_error'),
        server: 'no suitable signature algorithm',
      },
      [
        ...explanation,
        `${server.name} settles on ${selected} but signs no handshake below ${floor} at its security level (OpenSSL 3 needs @SECLEVEL=0 for TLS 1.0/1.1): it aborts with internal_error`,
      ],
      selected,
    );
  }
  // The client sees the version only in the ServerHello, i.e. after the server has picked a suite.
  if (!offered.includes(selected)) {
    return fail(
      'protocol-rejected-by-client',
      'client',
      'protocol_version',
      {
        client: clientRejectsVersionMessage(cImpl, selected, offered),
        server: isJsseFamily(server) ? peerAlertMessage(sImpl, 'protocol_version') : 'wrong version number',
      },
      [...explanation, `the server selects ${selected}, which ${client.name} does not accept`],
      selected,
    );
  }
  const decidedBy = common.length === 1 ? 'only-choice' : serverOrder ? 'server-order' : 'client-order';
  const [preferred] = ordered;
  if (preferred && chosen !== preferred)
    explanation.push(
      `${server.name} (JSSE) takes legacy suites (${preferred.name}) only when no other suite is common`,
    );
  explanation.push(
    decidedBy === 'only-choice'
      ? `suite: ${chosen.name}, the only suite both accept`
      : serverOrder
        ? `suite: ${chosen.name}: the server prefers its own order; the first of its suites the client also offers is ${chosen.name}`
        : `suite: ${chosen.name}: the client's order decides; its first suite the server accepts is ${chosen.name}`,
  );

  // RFC 8446 4.1.3: a server able to speak higher versions marks the ServerHello random when it settles
  // lower (TLS 1.3 server below 1.3, or a 1.2 server at 1.1 or below); a client that offered more aborts.
  const serverMax = serverVersions[0];
  const marks =
    (serverMax === 'TLSv1.3' && selected !== 'TLSv1.3') ||
    (serverMax === 'TLSv1.2' && protocolRank(selected) <= protocolRank('TLSv1.1'));
  if (marks && protocolRank(clientMax) > protocolRank(selected) && protocolRank(clientMax) >= protocolRank('TLSv1.2')) {
    return fail(
      'downgrade-detected',
      'client',
      'illegal_parameter',
      {
        client: downgradeMessage(cImpl),
        server: peerAlertMessage(sImpl, 'illegal_parameter'),
      },
      [
        ...explanation,
        `the server settles on ${selected} although both could go higher separately (${clientMax} / ${serverMax}); the client reads the downgrade sentinel and aborts`,
      ],
      selected,
    );
  }
  // An OpenSSL 3 client above security level 0 accepts no TLS 1.0/1.1 ServerKeyExchange signature (MD5-SHA1/SHA1
  // count below level 1): ECDHE and DHE suites fail once the server has signed; static RSA signs nothing.
  const clientFloor = clientSide.signatureFloor ? parseProtocol(clientSide.signatureFloor) : undefined;
  if (
    clientFloor &&
    !isJsseFamily(client) &&
    protocolRank(selected) < protocolRank(clientFloor) &&
    signsKeyExchange(chosen)
  ) {
    return fail(
      'no-signature-algorithm',
      'client',
      LEGACY_PROTOCOL_FAILURE.alert,
      {
        client: LEGACY_PROTOCOL_FAILURE.clientMessage,
        server: peerAlertMessage(sImpl, LEGACY_PROTOCOL_FAILURE.alert),
      },
      [
        ...explanation,
        `${server.name} signs its ${chosen.kx} key exchange for ${selected}, and ${client.name} accepts no signature below ${clientFloor} at its security level (OpenSSL 3 needs @SECLEVEL=0 for TLS 1.0/1.1): it aborts with internal_error`,
      ],
      selected,
    );
  }
  // 4. Client authentication. OpenSSL still sends a CertificateRequest with an anon suite when the
  //    certificate is required; clients reject that message.
  if (serverSide.clientAuth === 'required' && chosen.flags.anon && !isJsseFamily(server)) {
    return fail(
      'client-cert-request-with-anon',
      'client',
      'unexpected_message',
      {
        client: unexpectedCertificateRequestMessage(cImpl),
        server: peerAlertMessage(sImpl, 'unexpected_message'),
      },
      [
        ...explanation,
        `${server.name} requires a client certificate but negotiated the anonymous suite ${chosen.name}: it asks for a certificate, which an anonymous handshake forbids, and the client aborts`,
      ],
      selected,
    );
  }
  if (serverSide.clientAuth === 'required' && !clientSide.hasClientCertificate && !chosen.flags.anon) {
    const alert = noClientCertificateAlert(sImpl, selected);
    return fail(
      'client-cert-required',
      'server',
      alert,
      { client: peerAlertMessage(cImpl, alert), server: noClientCertificateMessage(sImpl) },
      [...explanation, `${server.name} requires a client certificate and ${client.name} has none`],
      selected,
    );
  }
  return { ok: true, protocol: selected, cipherSuite: chosen.name, decidedBy, explanation };
}

/** The server signs the ServerKeyExchange: ephemeral (EC)DH authenticated by its certificate (not anon, PSK or static RSA). */
function signsKeyExchange(f: SuiteFacts): boolean {
  return (f.kx === 'DHE' || f.kx === 'ECDHE') && (f.au === 'RSA' || f.au === 'ECDSA' || f.au === 'DSS');
}

/** jdk.tls.legacyAlgorithms, from the knowledge base (the same set for JSSE 8 to 25 under different spellings). */
function isJsseLegacy(f: SuiteFacts): boolean {
  return isJsseLegacySuite(f.name);
}

function list(suites: SuiteFacts[]): string {
  return suites.length === 0 ? '(none)' : suites.map((f) => f.name).join(', ');
}

function describeKeyNeed(suites: SuiteFacts[]): string {
  const needs = new Set(
    suites.map((f) => (f.au === 'ECDSA' || /ECDH$/.test(f.kx) ? 'EC' : f.au === 'DSS' ? 'DSA' : f.au)),
  );
  return [...needs].join(' or ');
}
