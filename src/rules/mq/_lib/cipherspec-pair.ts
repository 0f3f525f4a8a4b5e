/**
 * How the CipherSpec of a channel's initiating end (a client channel, a queue manager's sender) meets the SSLCIPH of
 * its responding end (SVRCONN, RCVR, RQSTR, CLUSRCVR). IBM MQ "CipherSpec mismatches": both ends must use the same
 * CipherSpec, and channel startup fails when only one end defines one; "Relationship between alias CipherSpec settings":
 * an alias on the initiating end facing a specific CipherSpec is 'likely to fail', and fails outright when the
 * specific CipherSpec's protocol is outside the alias's range. Both texts name the client application and the queue
 * manager sender channel alike as the initiating end.
 */
import { mqCipherSpec, mqCipherSpecAlias } from '../../../model/mq-cipherspecs';

export type CipherSpecPairVerdict =
  /** Two different specific CipherSpecs. */
  | { kind: 'differ' }
  /** An alias on the initiating end, a specific CipherSpec of a protocol it allows on the responding end. */
  | { kind: 'aliasLikelyToFail' }
  /** An alias on the initiating end, a specific CipherSpec of a protocol it does not allow on the responding end. */
  | { kind: 'aliasFails'; initiatingProtocols: string; respondingProtocol: string }
  /** An alias on the responding end that allows none of the initiating end's protocols. */
  | { kind: 'noCommonProtocol' }
  /** TLS on the initiating end only. */
  | { kind: 'respondingNoTls' }
  /** TLS on the responding end only. */
  | { kind: 'initiatingNoTls' };

/** The verdict for two SSLCIPH values (blank: no TLS); undefined when they agree or a name is unknown. */
export function compareCipherSpecs(initiating: string, responding: string): CipherSpecPairVerdict | undefined {
  if (!initiating && !responding) return undefined;
  if (!responding) return { kind: 'respondingNoTls' };
  if (!initiating) return { kind: 'initiatingNoTls' };
  const ia = mqCipherSpecAlias(initiating);
  const ra = mqCipherSpecAlias(responding);
  const is = mqCipherSpec(initiating);
  const rs = mqCipherSpec(responding);
  if (!ia && !ra) return is && rs && is.hex !== rs.hex ? { kind: 'differ' } : undefined;
  if (ia && rs)
    return ia.protocols.includes(rs.protocol)
      ? { kind: 'aliasLikelyToFail' }
      : { kind: 'aliasFails', initiatingProtocols: ia.protocols.join('/'), respondingProtocol: rs.protocol };
  if (ra && is && !ra.protocols.includes(is.protocol)) return { kind: 'noCommonProtocol' };
  if (ra && ia && !ia.protocols.some((p) => ra.protocols.includes(p))) return { kind: 'noCommonProtocol' };
  return undefined;
}
