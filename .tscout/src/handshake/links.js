"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.placeOf = placeOf;
exports.relatedOf = relatedOf;
exports.describeFailure = describeFailure;
/** The file place a value came from, else the component's own location. */
function placeOf(component, from) {
    return from?.kind === 'file' ? from.location : component.location;
}
function relatedOf(component, from, message) {
    return { ...placeOf(component, from), message };
}
/** The failure in one sentence; `stacks` names what each side runs (`JSSE · Oracle 1.8.0_202`, `OpenSSL 3.x…`). */
function describeFailure(p, stacks) {
    if (p.ok)
        return `negotiates ${p.protocol} ${p.cipherSuite}`;
    const who = (side) => `${side === 'client' ? 'Client' : 'server'}${stacks?.[side] ? ` (${stacks[side]})` : ''}`;
    const last = p.explanation[p.explanation.length - 1] ?? '';
    // A last step that already names the alert ("the server answers with a protocol_version alert") is not said twice.
    const aborts = last.includes(`${p.alert} alert`)
        ? ''
        : `; the ${p.failingSide} aborts${p.alert !== 'none' ? ` with ${p.alert}` : ''}`;
    return `${last}${aborts}. ${who('client')} logs "${p.messages.client}", ${who('server')} logs "${p.messages.server}"`;
}
