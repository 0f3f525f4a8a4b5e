/**
 * What each side of a handshake can do before it meets the other: its enabled versions and suites as facts, and the
 * versions it will negotiate (JSSE: enabled protocols that have an enabled suite; OpenSSL: the lowest contiguous run,
 * whose top version must have a cipher). Step 1 of the predictor (predict.ts).
 */
import { noCipherForProtocolMessage, noProtocolMessage } from './messages';
import { PROTOCOLS_ASCENDING, SuiteFacts, suiteFacts, suiteSupportsProtocol } from './suites';
import { parseProtocol, type ProtocolName } from '../knowledge';
import type { HandshakeFailureReason, HandshakeSide } from './types';

export interface PreparedSide {
  side: HandshakeSide;
  name: string;
  enabled: Set<ProtocolName>;
  suites: SuiteFacts[];
  /** OpenSSL servers: PSK/SRP suites, never negotiated, that count in the start-up check (HandshakeSide.credentialSuites). */
  credentialSuites: SuiteFacts[];
  role: 'client' | 'server';
}

export function prepare(side: HandshakeSide, role: 'client' | 'server'): PreparedSide {
  const enabled = new Set<ProtocolName>();
  for (const p of side.protocols) {
    const n = parseProtocol(p);
    if (n) enabled.add(n);
  }
  const seen = new Set<string>();
  const suites: SuiteFacts[] = [];
  for (const raw of side.cipherSuites) {
    const f = suiteFacts(raw);
    if (f && !seen.has(f.name)) {
      seen.add(f.name);
      suites.push(f);
    }
  }
  const credentialSuites =
    role === 'server' ? (side.credentialSuites ?? []).flatMap((raw) => suiteFacts(raw) ?? []) : [];
  return { side, name: side.label ?? role, enabled, suites, credentialSuites, role };
}

export const isJsseFamily = (s: PreparedSide): boolean =>
  s.side.implementation === 'jsse' || s.side.implementation === 'ibmjsse2';

export function hasSuiteFor(s: PreparedSide, p: ProtocolName): boolean {
  return s.suites.some((f) => suiteSupportsProtocol(f, p));
}

/** OpenSSL's ssl_get_min_max_version: scanning down from TLS 1.3, a disabled version after an enabled one resets the range. */
function lowestContiguousRun(enabled: Set<ProtocolName>): ProtocolName[] {
  let run: ProtocolName[] = [];
  let hole = true;
  for (const p of [...PROTOCOLS_ASCENDING].reverse()) {
    if (!enabled.has(p)) {
      hole = true;
      continue;
    }
    run = hole ? [p] : [...run, p];
    hole = false;
  }
  return run; // descending
}

/** Versions the side will negotiate, highest first (at least one, or a local failure). */
export type VersionCapability =
  | { versions: [ProtocolName, ...ProtocolName[]]; localFailure?: undefined }
  | {
      versions: ProtocolName[];
      /** Set when the side aborts before any negotiation. */
      localFailure: { reason: HandshakeFailureReason; message: string; explanation: string };
    };

export function capability(s: PreparedSide): VersionCapability {
  const desc = [...PROTOCOLS_ASCENDING].reverse();
  // Erlang's ssl (a RabbitMQ broker) negotiates each version it enables; the model hands it only lists it can settle
  // (src/model/rabbitmq-brokers.ts): a version whose suites the list lacks is not one it negotiates.
  if (isJsseFamily(s) || s.side.implementation === 'erlang') {
    const versions = desc.filter((p) => s.enabled.has(p) && hasSuiteFor(s, p));
    const [highest, ...lower] = versions;
    if (highest) return { versions: [highest, ...lower] };
    const noneEnabled = s.enabled.size === 0;
    return {
      versions,
      localFailure: {
        reason: noneEnabled ? 'no-protocol-enabled' : 'no-cipher-for-protocol',
        message: noProtocolMessage(s.side.implementation),
        explanation: noneEnabled
          ? `${s.name} has no protocol left after the runtime's disabled algorithms`
          : `none of ${s.name}'s enabled suites can be used with its enabled protocols (${[...s.enabled].join(', ')})`,
      },
    };
  }
  const versions = lowestContiguousRun(s.enabled);
  const [highest, ...lower] = versions;
  if (!highest) {
    return {
      versions,
      localFailure: {
        reason: 'no-protocol-enabled',
        message: noProtocolMessage(s.side.implementation),
        explanation: `${s.name} has no protocol enabled`,
      },
    };
  }
  // A server's PSK/SRP suites count here (OpenSSL's check looks at versions only), though they are never negotiated.
  if (!hasSuiteFor(s, highest) && !s.credentialSuites.some((f) => suiteSupportsProtocol(f, highest))) {
    return {
      versions,
      localFailure: {
        reason: 'no-cipher-for-protocol',
        message: noCipherForProtocolMessage(s.side.implementation),
        explanation: `${s.name}'s highest enabled protocol is ${highest} but none of its suites can be used with it (OpenSSL requires one)`,
      },
    };
  }
  // The run is what a client offers and what a server's start-up check reads; an OpenSSL server then accepts each
  // version the client proposes on its own (ssl_choose_server_version → ssl_version_supported), so a hole hides no
  // version above it. Measured with OpenSSL 3.0: s_server -no_tls1_1 completes -tls1, -tls1_2 and -tls1_3 handshakes.
  if (s.role === 'server' && s.side.implementation === 'openssl') {
    const all = desc.filter((p) => s.enabled.has(p));
    return { versions: all as [ProtocolName, ...ProtocolName[]] };
  }
  return { versions: [highest, ...lower] };
}
