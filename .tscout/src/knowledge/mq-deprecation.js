"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mqCipherSpecDefaultState = mqCipherSpecDefaultState;
/**
 * Whether an IBM MQ queue manager of a given release refuses a deprecated CipherSpec by default (mq.json
 * `cipherSpecs[].defaultDisabled`). IBM deprecated CipherSpecs in fix packs and continuous-delivery releases, not at
 * once: an SSL 3.0 spec is refused from 8.0.0.2, TLS_RSA_WITH_AES_128_CBC_SHA only from 9.0.5 (CD) and the 9.1 LTS,
 * so a channel with it is fine on an 8.0 or 9.0.0.x queue manager. The comparison lives here, the releases in data.
 */
const mq_1 = require("./mq");
const mq_releases_1 = require("./mq-releases");
/** V.R of a release, for comparing release families (9.0 before 9.1). */
const family = (p) => p[0] * 1000 + p[1];
/** Long-term-support fix packs are V.R.0.F; continuous-delivery releases V.R.M with M > 0. */
const isLts = (p) => p[2] === 0;
/**
 * Whether `point` (a release that disabled the spec) rules over `release`'s line: same V.R and the same line (LTS fix
 * packs or CD releases), or a V.R.0.0 general-availability release, which starts both lines.
 */
function sameLine(point, release) {
    if (family(point) !== family(release))
        return false;
    return isLts(point) === isLts(release) || (isLts(point) && point[3] === 0);
}
function inEnabledLine(line, release) {
    const l = line.split('.').map(Number);
    return l.every((n, i) => n === release[i]);
}
function stateOf(data, release) {
    if (!release || !/^\d+\.\d+\.\d+(\.\d+)?$/.test(release))
        return { disabled: 'unknown' };
    const r = (0, mq_releases_1.parts)(release);
    const points = data.since.map((s) => ({ text: s, p: (0, mq_releases_1.parts)(s) }));
    const own = points.filter((x) => sameLine(x.p, r)).sort((a, b) => (0, mq_releases_1.compare)(a.p, b.p))[0];
    if (own)
        return (0, mq_releases_1.compare)(r, own.p) >= 0 ? { disabled: 'yes', since: own.text } : { disabled: 'no' };
    if ((data.enabledIn ?? []).some((line) => inEnabledLine(line, r)))
        return { disabled: 'no' };
    // A release family after every one the data names took the deprecation over (IBM's later tables list it).
    const latest = points.sort((a, b) => (0, mq_releases_1.compare)(a.p, b.p)).at(-1);
    if (latest && family(r) > family(latest.p))
        return { disabled: 'yes', since: latest.text };
    return { disabled: 'unknown' };
}
/**
 * The default state of CipherSpec `name` on a queue manager of `release` (V.R.M.F; undefined when the tree does not
 * say). Undefined for a spec the data gives no deprecation history (a current spec, an alias, an unknown name).
 */
function mqCipherSpecDefaultState(name, release) {
    const data = (0, mq_1.findCipherSpec)(name)?.defaultDisabled;
    if (!data)
        return undefined;
    return {
        ...stateOf(data, release),
        from: [...data.since],
        reenabledBy: [...data.reenabledBy],
        source: data.source,
        confidence: data.confidence,
    };
}
