/**
 * What each side of a link shows when a certificate check fails: the alert the verifier sends and the text
 * each side logs (JSSE exception messages, OpenSSL reason strings, nginx's HTTP 400 and error-log lines,
 * MQ's AMQ messages). Checked against JSSE 17 and OpenSSL 3 handshakes (test/interop/trust-*.ts).
 */
import { ERLANG_LOG, gskitLog } from '../handshake/messages';
import type { ClientAuthMode } from '../model/types';
import type { PemCertificate } from '../parse/certificate';
import { dateFailure, type PathFailureReason } from './chain';
import type { TrustCheck } from './trust';

export type TrustFailureKind = PathFailureReason | 'expired' | 'not-yet-valid' | 'no-certificate';

export interface TrustSignals {
  /** The TLS alert the verifier sends; `none` when it completes the handshake and refuses later (nginx: HTTP 400). */
  alert: string;
  /** What the verifying side logs. */
  verifierLog: string;
  /** What the other side sees. */
  peerLog: string;
}

/** TLS alert numbers (RFC 8446 6), as OpenSSL logs them: "SSL alert number 46". */
export const ALERT_NUMBER: Record<string, number> = {
  handshake_failure: 40,
  bad_certificate: 42,
  unsupported_certificate: 43,
  certificate_expired: 45,
  certificate_unknown: 46,
  unknown_ca: 48,
  certificate_required: 116,
};

const JSSE_PKIX_BUILD =
  'PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target';

function jsseVerifierText(kind: TrustFailureKind): string {
  switch (kind) {
    case 'expired':
    case 'not-yet-valid':
      return 'PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed';
    case 'not-ca':
      return 'PKIX path validation failed: java.security.cert.CertPathValidatorException: basic constraints check failed: this is not a CA certificate';
    case 'path-length':
      return 'PKIX path validation failed: java.security.cert.CertPathValidatorException: basic constraints check failed: pathLenConstraint violated';
    case 'key-usage':
      return 'Extended key usage does not permit use for TLS server authentication (or: KeyUsage does not allow digital signatures)';
    case 'revocation':
      return 'PKIX path validation failed: java.security.cert.CertPathValidatorException: Could not determine revocation status';
    default:
      return JSSE_PKIX_BUILD;
  }
}

/** What a JSSE verifier logs: a verifier that trusts nothing has JSSE's DummyX509TrustManager, which says so. */
function jsseVerifierLog(check: TrustCheck, kind: TrustFailureKind): string {
  return check.anchorSource?.kind === 'nothing'
    ? 'java.security.cert.CertificateException: No X509TrustManager implementation available'
    : jsseVerifierText(kind);
}

/**
 * JSSE 17's alert when its trust manager rejects the server's chain: in TLS 1.2 the validator's reason
 * (getCertificateAlert: expired → certificate_expired, not yet valid → bad_certificate), otherwise and in
 * TLS 1.3 certificate_unknown (checked against real handshakes). A rejected client chain: certificate_unknown.
 */
function jsseAlert(kind: TrustFailureKind, protocol: string | undefined, direction: 'server' | 'client'): string {
  if (direction === 'client' || protocol === 'TLSv1.3') return 'certificate_unknown';
  return kind === 'expired'
    ? 'certificate_expired'
    : kind === 'not-yet-valid'
      ? 'bad_certificate'
      : 'certificate_unknown';
}

/** OpenSSL's verify error for a failure (X509_verify_cert_error_string), as nginx logs it. */
function opensslVerifyError(kind: TrustFailureKind): string {
  switch (kind) {
    case 'expired':
      return '10:certificate has expired';
    case 'not-yet-valid':
      return '9:certificate is not yet valid';
    case 'depth':
      return '22:certificate chain too long';
    case 'not-ca':
      return '24:invalid CA certificate';
    case 'path-length':
      return '25:path length constraint exceeded';
    case 'key-usage':
      return '26:unsupported certificate purpose';
    case 'anchor-not-self-signed':
      return '2:unable to get issuer certificate';
    default:
      return '20:unable to get local issuer certificate';
  }
}

/**
 * The signals of a failed check. `protocol` is the negotiated one (TLS 1.3 changes JSSE's alert for a
 * missing client certificate).
 */
export function trustSignals(check: TrustCheck, kind: TrustFailureKind, protocol: string | undefined): TrustSignals {
  const verifier = check.verifier;
  const nginx = verifier.type.startsWith('nginx');
  if (check.direction === 'server') {
    if (check.stack === 'jsse') {
      const alert = jsseAlert(kind, protocol, 'server');
      const peerLog =
        check.peer.tls?.implementation === 'openssl'
          ? `SSL alert number ${ALERT_NUMBER[alert]} (sslv3 alert ${alert.replace(/_/g, ' ')})`
          : `Received fatal alert: ${alert}`;
      return { alert, verifierLog: jsseVerifierLog(check, kind), peerLog };
    }
    return {
      alert: 'certificate_unknown',
      verifierLog: `certificate verify failed (${opensslVerifyError(kind)})`,
      peerLog: 'Received fatal alert: certificate_unknown',
    };
  }
  if (nginx) {
    return kind === 'no-certificate'
      ? {
          alert: 'none',
          verifierLog: 'client sent no required SSL certificate while reading client request headers',
          peerLog: 'HTTP 400 No required SSL certificate was sent',
        }
      : {
          alert: 'none',
          verifierLog: `client SSL certificate verify error: (${opensslVerifyError(kind)}) while reading client request headers`,
          peerLog: 'HTTP 400 The SSL certificate error',
        };
  }
  if (verifier.tls?.implementation === 'gskit') {
    // The queue manager's AMQ9637E; an MQ peer (a sender channel, an MQ C client) logs AMQ9642E (APAR IT15978).
    const mqPeer = check.peer.tls?.implementation === 'gskit';
    return kind === 'no-certificate'
      ? {
          alert: 'handshake_failure',
          verifierLog: gskitLog('client-cert-required', 'server'),
          peerLog: mqPeer
            ? gskitLog('client-cert-required', 'client')
            : 'MQRC 2393 (MQRC_SSL_INITIALIZATION_ERROR) / AMQ9637',
        }
      : {
          alert: 'bad_certificate',
          verifierLog: 'AMQ9633: Bad SSL certificate for channel',
          peerLog: 'MQRC 2393 (MQRC_SSL_INITIALIZATION_ERROR)',
        };
  }
  if (verifier.tls?.implementation === 'erlang' && kind === 'no-certificate') {
    // Erlang's ssl with verify_peer and fail_if_no_peer_cert true (a RabbitMQ broker): handshake_failure carrying
    // no_client_certificate_provided in TLS 1.2 (erlang/otp lib/ssl/src/tls_dtls_server_connection.erl certify/3; RabbitMQ
    // logs "generated SERVER ALERT: Fatal - Handshake Failure - no_client_certificate_provided"), certificate_required
    // in TLS 1.3 (RFC 8446 4.4.2.4).
    const alert = protocol === 'TLSv1.3' ? 'certificate_required' : 'handshake_failure';
    return {
      alert,
      verifierLog:
        alert === 'handshake_failure'
          ? 'TLS server: … generated SERVER ALERT: Fatal - Handshake Failure - no_client_certificate_provided'
          : ERLANG_LOG,
      peerLog: `Received fatal alert: ${alert}`,
    };
  }
  if (kind === 'no-certificate') {
    if (check.stack === 'openssl') {
      const alert = protocol === 'TLSv1.3' ? 'certificate_required' : 'handshake_failure';
      return { alert, verifierLog: 'peer did not return a certificate', peerLog: `Received fatal alert: ${alert}` };
    }
    // JSSE 17 sends bad_certificate in TLS 1.2 and 1.3 alike (checked: not certificate_required).
    return {
      alert: 'bad_certificate',
      verifierLog: 'Empty client certificate chain',
      peerLog: 'Received fatal alert: bad_certificate',
    };
  }
  if (check.stack === 'openssl') {
    return {
      alert: kind === 'expired' ? 'certificate_expired' : 'unknown_ca',
      verifierLog: `certificate verify failed (${opensslVerifyError(kind)})`,
      peerLog: `Received fatal alert: ${kind === 'expired' ? 'certificate_expired' : 'unknown_ca'}`,
    };
  }
  const alert = jsseAlert(kind, protocol, 'client');
  return {
    alert,
    verifierLog: jsseVerifierLog(check, kind).replace('TLS server', 'TLS client'),
    peerLog: `Received fatal alert: ${alert}`,
  };
}

/** Why a check fails at `now`, if it does: the path's failure, a date-checked certificate out of its validity, or no certificate where one is required. */
export function checkFailure(
  check: TrustCheck,
  now: Date,
  clientAuth: ClientAuthMode,
): { kind: TrustFailureKind; at?: PemCertificate } | undefined {
  const v = check.verdict;
  if (v.kind === 'untrusted') return { kind: v.result.reason, at: v.result.at };
  if (v.kind === 'trusted') {
    const d = dateFailure(v.result, now);
    return d ? { kind: d.kind, at: d.at } : undefined;
  }
  if (v.kind === 'no-certificate') return clientAuth === 'required' ? { kind: 'no-certificate' } : undefined;
  return undefined;
}
