"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.linkOutcome = linkOutcome;
const outcome_updates_1 = require("../../derive/outcome-updates");
/**
 * Predicted outcome of one link, from the handshake prediction the derive stage made on both ends'
 * effective TLS settings and from the error findings (they catch what the
 * predictor does not model: peer-name filters, product SSL modes, CipherSpec
 * pinning after negotiation):
 * - red when the predictor says the handshake fails, or an error involves both ends;
 * - green when the predictor negotiates and neither end has an error;
 * - grey otherwise (plaintext, unknown TLS stack, an end with errors, an outcome the derive stage could
 *   not decide because an input is missing, or a failure predicted from cipher names the knowledge base
 *   does not know).
 */
function linkOutcome(resolved, bothEnds, eitherEnd) {
    const { client, server, predicted } = resolved;
    const active = (list) => list.filter((f) => f.severity === 'error' && !f.suppressed);
    const errors = active(bothEnds);
    const prediction = predicted?.prediction;
    const unknownNames = [...(predicted?.client.unknownSuites ?? []), ...(predicted?.server.unknownSuites ?? [])];
    if (resolved.link.unconfirmed)
        return {
            status: 'unknown',
            reason: `link not confirmed: the tree does not say ${resolved.link.unconfirmed}`,
            source: 'predictor',
        };
    if (predicted?.outcome.kind === 'unknown' && errors.length === 0) {
        return {
            status: 'unknown',
            reason: `outcome unknown: the tree does not say ${predicted.outcome.missing.join('; nor ')}`,
            source: 'predictor',
        };
    }
    if (prediction && !prediction.ok && unknownNames.length === 0) {
        return {
            status: 'failure',
            alert: prediction.alert === 'none' ? prediction.reason : prediction.alert,
            ...(prediction.protocol ? { protocol: prediction.protocol } : {}),
            reason: [
                `${prediction.failingSide} aborts: ${prediction.messages[prediction.failingSide]}`,
                ...errors.map((f) => f.message),
            ].join('\n'),
            source: 'predictor',
        };
    }
    const negotiated = prediction?.ok ? { protocol: prediction.protocol, cipherSuite: prediction.cipherSuite } : {};
    if (errors.length > 0) {
        return {
            status: 'failure',
            alert: errors[0]?.ruleId,
            ...negotiated,
            reason: errors.map((f) => f.message).join('\n'),
            source: 'findings',
        };
    }
    const endErrors = active(eitherEnd);
    if (prediction?.ok && endErrors.length === 0) {
        // A JDK named by its feature only whose update decides the suite: say which updates give which.
        const outcome = predicted?.outcome;
        const byUpdate = outcome?.kind === 'negotiates' ? outcome.byUpdate : undefined;
        if (predicted && byUpdate) {
            // The label keeps only what every update negotiates (the protocol, when only the suite differs).
            const protocols = new Set(byUpdate.map((r) => r.protocol));
            return {
                status: 'negotiated',
                ...(protocols.size === 1 ? { protocol: prediction.protocol } : {}),
                byUpdate: (0, outcome_updates_1.byUpdateText)(predicted.client, predicted.server, byUpdate),
                reason: prediction.explanation.join('\n'),
                source: 'predictor',
            };
        }
        return { status: 'negotiated', ...negotiated, reason: prediction.explanation.join('\n'), source: 'predictor' };
    }
    const why = prediction?.ok
        ? `the predictor negotiates ${prediction.protocol} ${prediction.cipherSuite}, but an end has errors: ${endErrors.map((f) => f.ruleId).join(', ')}`
        : unknownNames.length > 0
            ? `no prediction: cipher names the knowledge base does not know (${unknownNames.join(', ')})`
            : client.tls?.enabled?.value === false || server.tls?.enabled?.value === false
                ? 'one end is configured for plaintext'
                : 'no prediction: the TLS settings of an end are unknown';
    return { status: 'unknown', ...negotiated, reason: why, source: prediction ? 'predictor' : 'none' };
}
