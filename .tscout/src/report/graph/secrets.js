"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.secretMasker = secretMasker;
const redact_1 = require("../../engine/run/redact");
const mq_access_words_1 = require("../../model/mq-access-words");
/**
 * Masks every secret value of the deployments in a display string. Findings
 * are already redacted by the engine; the graph shows model text too (names,
 * labels, paths), so it gets the same defence in depth.
 */
function secretMasker(deployments) {
    return (0, redact_1.secretMasker)(deployments.flatMap((d) => d.documents), deployments.flatMap((d) => d.components.map((c) => c.name)), Object.values(mq_access_words_1.ACCESS_WORDS));
}
