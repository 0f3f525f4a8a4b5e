"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createColors = createColors;
/** `open` + text + `close`, with each `close` inside the text replaced by `reopen` so the outer style goes on. */
function style(open, close, reopen = open) {
    return (text) => `${open}${text.split(close).join(reopen)}${close}`;
}
const plain = (text) => text;
function createColors(enabled) {
    if (!enabled)
        return {
            isColorSupported: false,
            bold: plain,
            dim: plain,
            italic: plain,
            underline: plain,
            strikethrough: plain,
            red: plain,
            yellow: plain,
            blue: plain,
            cyan: plain,
        };
    return {
        isColorSupported: true,
        bold: style('\x1b[1m', '\x1b[22m', '\x1b[22m\x1b[1m'),
        dim: style('\x1b[2m', '\x1b[22m', '\x1b[22m\x1b[2m'),
        italic: style('\x1b[3m', '\x1b[23m'),
        underline: style('\x1b[4m', '\x1b[24m'),
        strikethrough: style('\x1b[9m', '\x1b[29m'),
        red: style('\x1b[31m', '\x1b[39m'),
        yellow: style('\x1b[33m', '\x1b[39m'),
        blue: style('\x1b[34m', '\x1b[39m'),
        cyan: style('\x1b[36m', '\x1b[39m'),
    };
}
