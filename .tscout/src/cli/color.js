"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.colorSupport = colorSupport;
/**
 * Whether to colour a stream, by the conventions of supports-color / chalk, which Node implements in
 * `tty.WriteStream#getColorDepth(env)` (used here, so the rules are Node's, not ours):
 * `--color`/`--no-color` first; then FORCE_COLOR decides even in a pipe (`0`/`false` off;
 * `1`/`2`/`3`/`true`/empty on); then NO_COLOR, NODE_DISABLE_COLORS or TERM=dumb turn colour off;
 * otherwise colour only on a TTY whose terminal has colours.
 */
function colorSupport(flag, env, isTTY) {
    if (flag !== undefined)
        return flag;
    // Not a TTY and nothing forces colour: no colour, and node:tty (a few milliseconds of start-up) is not loaded.
    if (env.FORCE_COLOR === undefined && !isTTY)
        return false;
    const depth = require('node:tty').WriteStream.prototype.getColorDepth.call(undefined, env);
    if (env.FORCE_COLOR !== undefined)
        return depth > 1;
    return isTTY && depth > 1;
}
