"use strict";
/** How a client URL's host names a server of the tree (./java-links.ts links, ./plain-calls.ts plain calls). */
Object.defineProperty(exports, "__esModule", { value: true });
exports.answersToName = answersToName;
exports.namesHostDirectory = namesHostDirectory;
/** Whether the host is one of the names a server answers to: the name itself, or under one of its `*.` wildcards. */
function answersToName(hostnames, host) {
    return hostnames.some((name) => name === host || (name.startsWith('*.') && host.endsWith(name.slice(1))));
}
/**
 * Whether the host names the directory the server lies in (its component host, `api/…`): the host itself, or its first
 * label (`api` of `api.example.internal`). The tree does not prove such a tie; callers say it is by directory.
 */
function namesHostDirectory(serverHost, host) {
    const dir = serverHost.split('/').find(Boolean)?.toLowerCase();
    return dir !== undefined && (dir === host || dir === host.split('.')[0]);
}
