"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.digest = digest;
const node_crypto_1 = require("./node-crypto");
/** The digest of bytes or of a string's UTF-8, as `createHash(algorithm).update(data).digest(encoding)` gives it. */
function digest(algorithm, data, encoding) {
    const crypto = (0, node_crypto_1.nodeCrypto)();
    // `crypto.hash` (Node ≥ 20.12) is one call; older Node 20 builds a Hash object each time (@types/node declares it always).
    const oneShot = crypto.hash;
    return oneShot ? oneShot(algorithm, data, encoding) : crypto.createHash(algorithm).update(data).digest(encoding);
}
