"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compareCipherSpecs = compareCipherSpecs;
/**
 * How the CipherSpec of a channel's initiating end (a client channel, a queue manager's sender) meets the SSLCIPH of
 * its responding end (SVRCONN, RCVR, RQSTR, CLUSRCVR). IBM MQ "CipherSpec mismatches": both ends must use the same
 * CipherSpec, and channel startup fails when only one end defines one; "Relationship between alias CipherSpec settings":
 * an alias on the initiating end facing a specific CipherSpec is 'likely to fail', and fails outright when the
 * specific CipherSpec's protocol is outside the alias's range. Both texts name the client application and the queue
 * manager sender channel alike as the initiating end.
 */
const mq_cipherspecs_1 = require("../../../model/mq-cipherspecs");
/** The verdict for two SSLCIPH values (blank: no TLS); undefined when they agree or a name is unknown. */
function compareCipherSpecs(initiating, responding) {
    if (!initiating && !responding)
        return undefined;
    if (!responding)
        return { kind: 'respondingNoTls' };
    if (!initiating)
        return { kind: 'initiatingNoTls' };
    const ia = (0, mq_cipherspecs_1.mqCipherSpecAlias)(initiating);
    const ra = (0, mq_cipherspecs_1.mqCipherSpecAlias)(responding);
    const is = (0, mq_cipherspecs_1.mqCipherSpec)(initiating);
    const rs = (0, mq_cipherspecs_1.mqCipherSpec)(responding);
    if (!ia && !ra)
        return is && rs && is.hex !== rs.hex ? { kind: 'differ' } : undefined;
    if (ia && rs)
        return ia.protocols.includes(rs.protocol)
            ? { kind: 'aliasLikelyToFail' }
            : { kind: 'aliasFails', initiatingProtocols: ia.protocols.join('/'), respondingProtocol: rs.protocol };
    if (ra && is && !ra.protocols.includes(is.protocol))
        return { kind: 'noCommonProtocol' };
    if (ra && ia && !ia.protocols.some((p) => ra.protocols.includes(p)))
        return { kind: 'noCommonProtocol' };
    return undefined;
}
