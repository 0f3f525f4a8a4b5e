"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SERVER_KINDS = exports.shortName = exports.SSL_MODES = void 0;
exports.modeRank = modeRank;
exports.failingAnonLink = failingAnonLink;
exports.settingsOf = settingsOf;
exports.lastEntry = lastEntry;
exports.valueLocation = valueLocation;
exports.relatedTo = relatedTo;
exports.reportDisagreements = reportDisagreements;
exports.reportMismatches = reportMismatches;
const majority_1 = require("../../_lib/majority");
const types_1 = require("../../../model/types");
const types_2 = require("../../../parse/types");
exports.SSL_MODES = ['clear', 'anon', 'auth'];
/** The security order clear < anon < auth. */
function modeRank(mode) {
    return exports.SSL_MODES.indexOf(mode);
}
const cleartrustMode = (component) => (0, types_1.isCleartrust)(component) ? component.attributes.sslMode : undefined;
/**
 * A failing ClearTrust link with an end in `anon` mode (`bothEnds`: both ends anon, else the modes
 * differ): ClearTrust's own rules name the JDK or the mode that breaks it (`ownsLinkFailure`).
 */
function failingAnonLink(lp, bothEnds) {
    if (lp.prediction.ok)
        return false;
    const modes = [cleartrustMode(lp.client.component), cleartrustMode(lp.server.component)];
    if (modes.includes(undefined) || !modes.includes('anon'))
        return false;
    return bothEnds === (modes[0] === modes[1]);
}
/** The effective value of `key` in each ClearTrust file of the given kinds. */
function settingsOf(deployment, kinds, key) {
    const out = [];
    for (const doc of deployment.documents) {
        if (!kinds.includes(doc.kind))
            continue;
        const entry = lastEntry(doc, key);
        if (!entry)
            continue;
        const component = deployment.components.find((c) => c.documents.includes(doc));
        out.push({ doc, entry, component, normalized: entry.value.trim().toLowerCase() });
    }
    return out;
}
function lastEntry(doc, key) {
    return [...doc.entries].reverse().find((e) => e.key === key);
}
function valueLocation(setting) {
    return (0, types_2.entryLocation)(setting.doc, setting.entry, 'line');
}
function relatedTo(setting, message) {
    return { ...valueLocation(setting), message };
}
/** `aserver.conf` or `host2/aserver.conf`: short and unambiguous inside a deployment. */
exports.shortName = majority_1.nameInDeployment;
/** Server kinds whose `cleartrust.net.ssl.use` must agree (the Key Server is separate). */
exports.SERVER_KINDS = [
    'cleartrust.eserver',
    'cleartrust.aserver',
    'cleartrust.dispatcher',
    'cleartrust.lserver',
    'cleartrust.iserver',
    'cleartrust.admingui',
];
/**
 * Reports every setting whose value differs from the majority's, at the
 * setting, with the majority's location as `related`.
 */
function reportDisagreements(deployment, settings, report) {
    const reference = (0, majority_1.majority)(settings, (s) => s.normalized);
    if (!reference)
        return;
    for (const setting of settings) {
        if (setting.normalized === reference.value)
            continue;
        report({
            setting,
            reference: reference.witness,
            data: {
                key: setting.entry.key,
                value: setting.entry.value.trim(),
                expected: reference.value,
                other: (0, exports.shortName)(deployment, reference.witness.doc.file.path),
            },
        });
    }
}
/** Reports, with message id `mismatch`, every setting that disagrees with the majority (the same-value check). */
function reportMismatches(ctx, settings) {
    reportDisagreements(ctx.deployment, settings, ({ setting, reference, data }) => ctx.report({
        messageId: 'mismatch',
        data,
        location: valueLocation(setting),
        related: [relatedTo(reference, `'${reference.entry.value.trim()}' set here`)],
        fingerprint: [
            setting.component?.id ?? setting.doc.kind,
            setting.entry.key,
            setting.normalized,
            reference.normalized,
        ],
    }));
}
