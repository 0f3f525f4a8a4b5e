"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isIpAddress = isIpAddress;
/**
 * Whether `text` is an IPv4 or IPv6 address, by Node's own `net.isIP`. node:net is required on the first
 * call, not at start-up: loading it (with the streams under it) is a few milliseconds that a run with no
 * host name to compare never needs (issue 21).
 */
function isIpAddress(text) {
    return require('node:net').isIP(text) !== 0;
}
