"use strict";
/**
 * ClearTrust (RSA Access Manager) version facts. Kept in code under knowledge/ rather than in data/: the one
 * source is the text of the shipped aserver.conf, quoted in RSA knowledge-base article 000038446, and no public
 * address of it was found (test/knowledge/sources.test.ts asks one of every data/ fact).
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.agentNeedsBackwardCompatibleListPort = agentNeedsBackwardCompatibleListPort;
/** Web agent release lines that cannot read the Dispatcher's SSL server list without `list_port.backward_compatible=true`. */
const AGENT_LINES_NEEDING_BACKWARD_COMPATIBLE_LIST_PORT = [{ major: 4, minor: 7 }];
/**
 * True when a web agent of this version needs `cleartrust.dispatcher.list_port.backward_compatible=true` on the
 * Dispatcher once SSL is on ("If you are using version 4.7.x Agents … you must also set …", aserver.conf).
 */
function agentNeedsBackwardCompatibleListPort(version) {
    const m = /^(\d+)\.(\d+)(?:\.|$)/.exec(version.trim());
    if (!m)
        return false;
    return AGENT_LINES_NEEDING_BACKWARD_COMPATIBLE_LIST_PORT.some((line) => line.major === Number(m[1]) && line.minor === Number(m[2]));
}
