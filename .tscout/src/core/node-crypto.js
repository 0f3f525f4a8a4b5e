"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nodeCrypto = nodeCrypto;
/**
 * node:crypto, required on first use. Loading it loads Node's streams with it: about 200 fresh memory pages and
 * 6–10 ms of a start-up that is itself ~100 ms over `node -e 0` on a virtual machine (issue 21), which a run with
 * no certificate, key store, `--cache` or HTML report never needs. Node caches the module: each call after the
 * first is a lookup.
 */
function nodeCrypto() {
    return require('node:crypto');
}
