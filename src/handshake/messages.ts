/**
 * What each runtime logs. JSSE texts are JDK 17 exception messages (JDK 21+ prefix them with
 * `(alert_name)`); OpenSSL texts are the 3.x reason strings (`...:error:0A0000C1:SSL routines:...:no
 * shared cipher:...`). All were observed with the differential harness (test/interop) unless marked
 * "inferred". IBM JSSE2 uses the JSSE texts as the closest known (inferred). A GSKit end (an IBM MQ queue manager's
 * channel, an MQ C client) logs IBM MQ messages to AMQERR01.LOG: `gskitLog` names the AMQ message the knowledge base
 * has for the failure, never an OpenSSL reason string.
 */
import { mqHandshakeLog } from '../knowledge';
import type { HandshakeAlert, HandshakeImplementation } from './types';

type Family = 'jsse' | 'openssl';

function family(impl: HandshakeImplementation): Family {
  return impl === 'jsse' || impl === 'ibmjsse2' ? 'jsse' : 'openssl';
}

/** A native (ClearTrust web agent) end: its log text is not known, only the alert. */
export const NATIVE_LOG = 'its native TLS library reports the handshake failure (log text not modelled)';

/** An Erlang/OTP end (a RabbitMQ broker): its log text is not modelled, only the alert. */
export const ERLANG_LOG = "the broker's log records a TLS alert from Erlang's ssl (its text not modelled)";

/**
 * What a GSKit end (IBM MQ) logs when the handshake fails for `reason` on its `side`: the AMQ message the knowledge
 * base has (mq.json handshakeLogs), else that its error log records the failure, without naming a message no
 * source gives.
 */
export function gskitLog(reason: string, side: 'client' | 'server'): string {
  return (
    mqHandshakeLog(reason, side) ??
    'an IBM MQ TLS handshake error in its AMQERR01.LOG (which AMQ message for this failure is not modelled)'
  );
}

const OPENSSL_ALERT_TEXT: Record<HandshakeAlert, string> = {
  handshake_failure: 'sslv3 alert handshake failure',
  protocol_version: 'tlsv1 alert protocol version',
  insufficient_security: 'tlsv1 alert insufficient security',
  bad_certificate: 'sslv3 alert bad certificate',
  certificate_required: 'tlsv13 alert certificate required',
  internal_error: 'tlsv1 alert internal error',
  unexpected_message: 'sslv3 alert unexpected message',
  illegal_parameter: 'tlsv1 alert illegal parameter',
  none: 'unexpected eof while reading',
};

/** What a side logs when its peer sent `alert` (or closed without one, `none`). */
export function peerAlertMessage(impl: HandshakeImplementation, alert: HandshakeAlert): string {
  if (family(impl) === 'jsse')
    return alert === 'none' ? 'Remote host terminated the handshake' : `Received fatal alert: ${alert}`;
  return OPENSSL_ALERT_TEXT[alert];
}

/** What an OpenSSL server logs when the client aborted before the server could answer. */
export function peerAbortedMessage(impl: HandshakeImplementation, alert: HandshakeAlert): string {
  if (family(impl) === 'jsse') return peerAlertMessage(impl, alert);
  return alert === 'internal_error' ? 'unexpected message' : OPENSSL_ALERT_TEXT[alert];
}

export const JSSE_NO_APPROPRIATE_PROTOCOL =
  'No appropriate protocol (protocol is disabled or cipher suites are inappropriate)';

export function noProtocolMessage(impl: HandshakeImplementation): string {
  return family(impl) === 'jsse' ? JSSE_NO_APPROPRIATE_PROTOCOL : 'no protocols available';
}

export function noCipherForProtocolMessage(impl: HandshakeImplementation): string {
  return family(impl) === 'jsse' ? JSSE_NO_APPROPRIATE_PROTOCOL : 'no ciphers available';
}

export function noSharedCipherMessage(impl: HandshakeImplementation): string {
  return family(impl) === 'jsse' ? 'no cipher suites in common' : 'no shared cipher';
}

export function noClientCertificateMessage(impl: HandshakeImplementation): string {
  return family(impl) === 'jsse' ? 'Empty client certificate chain' : 'peer did not return a certificate';
}

/** The alert a server sends when a required client certificate is missing. */
export function noClientCertificateAlert(impl: HandshakeImplementation, protocol: string): HandshakeAlert {
  if (family(impl) === 'jsse') return 'bad_certificate';
  return protocol === 'TLSv1.3' ? 'certificate_required' : 'handshake_failure';
}

export function serverRejectsVersionsMessage(
  impl: HandshakeImplementation,
  clientVersions: string[],
  serverVersions: string[],
  supportedVersionsSent: boolean,
): string {
  if (family(impl) === 'openssl') return 'unsupported protocol';
  if (supportedVersionsSent) {
    return `The client supported protocol versions [${clientVersions.join(', ')}] are not accepted by server preferences [${serverVersions.join(', ')}]`;
  }
  return `Client requested protocol ${clientVersions[0]} is not enabled or supported in server context`;
}

/** Inferred for JSSE (ServerHello consumer text); observed for OpenSSL. */
export function clientRejectsVersionMessage(
  impl: HandshakeImplementation,
  selected: string,
  clientVersions: string[],
): string {
  if (family(impl) === 'openssl') return 'unsupported protocol';
  return `The server selected protocol version ${selected} is not accepted by client preferences [${clientVersions.join(', ')}]`;
}

/** A client that receives a CertificateRequest during an anonymous handshake (RFC 5246 7.4.4 forbids it). */
export function unexpectedCertificateRequestMessage(impl: HandshakeImplementation): string {
  return family(impl) === 'jsse' ? 'Unexpected handshake message: certificate_request' : 'unexpected message';
}

/** RFC 8446 4.1.3 downgrade sentinel seen by the client (JSSE observed; OpenSSL inferred). */
export function downgradeMessage(impl: HandshakeImplementation): string {
  return family(impl) === 'jsse' ? 'A potential protocol version downgrade attack' : 'inappropriate fallback';
}
