"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OUTCOME_COLOURS = void 0;
exports.roleLine = roleLine;
exports.protocolLine = protocolLine;
exports.outcomeLine = outcomeLine;
/** The second line of a node: role and TLS stack (with its JDK for Java). */
function roleLine(node) {
    return [node.role, node.stack].join(' · ');
}
/** The third line of a node: its TLS settings (or that the runtime's defaults apply). */
function protocolLine(node) {
    return node.protocols ?? 'TLS: runtime defaults';
}
/** One line saying what the link's handshake does, for tooltips and edge labels. */
function outcomeLine(edge) {
    const o = edge.outcome;
    if (o.status === 'negotiated' && o.byUpdate)
        return `negotiated${o.protocol ? ` ${o.protocol}` : ''} on every JDK update its name leaves open, ${o.byUpdate}`;
    if (o.status === 'negotiated')
        return `negotiated ${[o.protocol, o.cipherSuite].filter(Boolean).join(' ') || ''}`.trim();
    if (o.status === 'failure')
        return `fails${o.alert ? `: ${o.alert}` : ''}`;
    return 'outcome unknown';
}
exports.OUTCOME_COLOURS = {
    negotiated: '#2e7d32',
    failure: '#c62828',
    unknown: '#9e9e9e',
};
