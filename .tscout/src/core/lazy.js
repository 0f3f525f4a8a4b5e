"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.lazy = lazy;
/**
 * A value built on first use and kept: for tables a knowledge module derives from its data (patterns compiled, rows
 * checked). Module evaluation runs on every start of the command, and a tree that never asks builds none of them.
 */
function lazy(build) {
    let value;
    let built = false;
    return () => {
        if (!built) {
            value = build();
            built = true;
        }
        return value;
    };
}
