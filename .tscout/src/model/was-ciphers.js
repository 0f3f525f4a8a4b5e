"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.securityLevelOf = securityLevelOf;
exports.securityLevelCiphers = securityLevelCiphers;
const knowledge_1 = require("../knowledge");
/**
 * WAS/Liberty cipher groups (admin console "Strong/Medium/Weak", `securityLevel` HIGH/MEDIUM/LOW):
 * 128-bit and stronger encryption, 40–56-bit encryption, no encryption. The grouping is what IBM's
 * console describes; the exact suites IBM puts in each group are not in the research (inferred).
 */
function securityLevelOf(suite) {
    if (suite.flags.null || suite.enc === 'NULL')
        return 'LOW';
    if (suite.flags.export || /(^|_)(40|56)(_|$)/.test(suite.enc) || suite.enc === 'DES_CBC' || /^DES40/.test(suite.enc))
        return 'MEDIUM';
    return 'HIGH';
}
function securityLevelCiphers(level, sslConfigLocation, runtime, side, memo) {
    const wanted = level?.value.trim().toUpperCase() || 'HIGH';
    if (wanted !== 'HIGH' && wanted !== 'MEDIUM' && wanted !== 'LOW')
        return undefined;
    if (!runtime)
        return undefined;
    const effective = (0, knowledge_1.effectiveJdkTls)(runtime, memo);
    const defaults = side === 'client' ? effective.clientCipherSuites.value : effective.serverCipherSuites.value;
    const value = defaults.filter((name) => {
        const suite = (0, knowledge_1.findCipherSuite)(name);
        return suite !== undefined && securityLevelOf(suite) === wanted;
    });
    if (value.length === 0)
        return undefined;
    const origin = `securityLevel ${wanted}${level ? '' : ' (default)'} expanded to the ${effective.label} default ${side} suites of that strength ` +
        "(inferred: IBM's exact list for each level is not documented)";
    return {
        suites: { value, from: { kind: 'default', origin, confidence: 'inferred' } },
        level: wanted,
        location: level?.location ?? sslConfigLocation,
    };
}
