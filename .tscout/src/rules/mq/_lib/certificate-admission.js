"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.certificateAdmission = certificateAdmission;
const mq_chlauth_1 = require("../../../model/mq-chlauth");
const sslpeer_1 = require("./sslpeer");
function certificateAdmission(access, cert) {
    if (access.exit || access.blockAll || access.templatedRecord || access.tls.unknown || !access.tls.enabled)
        return undefined;
    const passed = [];
    const paths = access.paths;
    for (let i = 0; i < paths.length; i++) {
        const path = paths[i];
        const record = path.record;
        if (record?.type !== 'SSLPEERMAP')
            return path.needs.length === 0 ? { path, passed } : undefined;
        const matched = certificateMatches(record, cert);
        if (matched === undefined)
            return undefined;
        if (typeof matched === 'string') {
            passed.push({ record, why: matched });
            continue;
        }
        // Another SSLPEERMAP record of the same profile that this certificate matches too, with another outcome: which
        // one MQ takes is not known here.
        const rivals = paths
            .slice(i + 1)
            .filter((p) => p.record?.type === 'SSLPEERMAP' && p.record.profile.toUpperCase() === record.profile.toUpperCase());
        for (const rival of rivals) {
            const alsoMatches = certificateMatches(rival.record, cert);
            if (alsoMatches === undefined)
                return undefined;
            if (alsoMatches === true && outcome(rival) !== outcome(path))
                return undefined;
        }
        return { path, passed };
    }
    return undefined;
}
/** True when the record matches the certificate, a reason when it does not, undefined when the tree cannot say. */
function certificateMatches(record, cert) {
    const peer = record.attributes.SSLPEER;
    if (peer === undefined || record.templated.includes('SSLPEER'))
        return undefined;
    const filter = (0, sslpeer_1.parsePeerFilter)(peer);
    if (filter.errors.length)
        return undefined;
    const why = (0, sslpeer_1.peerMismatch)(filter, cert.cert.subject, cert.cert.serialNumber);
    if (why)
        return why;
    // The issuer filter and the peer's address are compared by the queue manager too: not judged here.
    if (record.attributes.SSLCERTI?.trim() || !(0, mq_chlauth_1.matchesEveryAddress)(record.attributes.ADDRESS))
        return undefined;
    return true;
}
function outcome(path) {
    return path.identity.kind === 'blocked' ? 'blocked' : `${path.identity.kind}:${path.identity.user ?? ''}`;
}
