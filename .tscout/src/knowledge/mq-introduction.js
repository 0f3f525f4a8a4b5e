"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mqCipherSpecKnownIn = mqCipherSpecKnownIn;
/**
 * Whether an IBM MQ queue manager of a given release knows a CipherSpec name (mq.json `cipherSpecs[].introducedIn`):
 * the alias CipherSpecs (ANY_TLS12_OR_HIGHER…) and the TLS 1.3 specs came with 9.1.4, so a 9.1.0 or 9.0 queue manager
 * refuses an SSLCIPH naming one. The comparison lives here, the releases in data.
 */
const mq_1 = require("./mq");
const mq_releases_1 = require("./mq-releases");
const RELEASE = /^\d+\.\d+\.\d+(\.\d+)?$/;
/**
 * Whether a queue manager of `release` (V.R.M.F; undefined when the tree does not say) knows CipherSpec `name`.
 * Undefined for a name every release the data covers knows, or an unknown name.
 */
function mqCipherSpecKnownIn(name, release) {
    const data = (0, mq_1.findCipherSpec)(name)?.introducedIn;
    if (!data)
        return undefined;
    const base = { since: data.since, source: data.source, confidence: data.confidence };
    if (!release || !RELEASE.test(release))
        return { known: 'unknown', ...base };
    if ((0, mq_releases_1.compareMqReleases)(release, data.since) >= 0)
        return { known: 'yes', ...base };
    if (data.unsettledFrom && (0, mq_releases_1.compareMqReleases)(release, data.unsettledFrom) >= 0)
        return { known: 'unknown', ...base };
    return { known: 'no', ...base };
}
