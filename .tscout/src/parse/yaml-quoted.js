"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.foldShallowQuotedLines = foldShallowQuotedLines;
/**
 * libyaml, and so Docker Compose (go-yaml), Kubernetes and SnakeYAML (Spring Boot), read a quoted scalar whose
 * continuation lines are indented no deeper than its key (`JAVA_OPTS: '` … a closing `'` under the key, as
 * Alfresco/alfresco-docker-installer's compose templates write it); the yaml library refuses it (YAML 1.2 wants them
 * deeper). The same text with the line breaks before such lines folded into spaces, as YAML folds them anyway: every
 * character keeps its offset. Undefined when no quoted scalar has such a line.
 */
function foldShallowQuotedLines(text) {
    const chars = text.split('');
    let changed = false;
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++)
        if (text[i] === '\n')
            lineStarts.push(i + 1);
    // A quoted scalar opened after `key: ` or `- `, or inside a flow sequence opened there (`test: ["CMD-SHELL", "curl …`).
    const OPEN = /^([ ]*)(?:- +)*(?:[^\s#'"{[\-][^#]*?[ ]*:[ ]+|- +)(\[[ ]*)?(['"])/;
    for (let l = 0; l < lineStarts.length; l++) {
        const start = lineStarts[l];
        const end = l + 1 < lineStarts.length ? lineStarts[l + 1] - 1 : text.length;
        const m = OPEN.exec(text.slice(start, end));
        if (!m)
            continue;
        const indent = m[1].length;
        let open = start + m[0].length - 1;
        let close = closingQuote(text, open);
        // In a flow sequence, the scalars closed on this line are passed over: the one left open is continued below.
        while (m[2] !== undefined && close >= 0 && close < end) {
            const next = /^[ ]*,[ ]*(['"])/.exec(text.slice(close + 1, end));
            if (!next)
                break;
            open = close + next[0].length;
            close = closingQuote(text, open);
        }
        if (close < 0)
            return changed ? chars.join('') : undefined;
        if (close < end)
            continue;
        // Continuation lines between the opening line and the closing quote, indented no deeper than the key.
        let k = l + 1;
        for (; k < lineStarts.length && lineStarts[k] <= close; k++) {
            const ls = lineStarts[k];
            const lead = /^[ ]*/.exec(text.slice(ls, ls + 200))[0].length;
            const blank = /^[ ]*\r?$/.test(text.slice(ls, (lineStarts[k + 1] ?? text.length + 1) - 1));
            if (!blank && lead <= indent) {
                chars[ls - 1] = ' ';
                if (chars[ls - 2] === '\r')
                    chars[ls - 2] = ' ';
                changed = true;
            }
        }
        l = k - 1;
    }
    return changed ? chars.join('') : undefined;
}
/** The offset of the quote that closes the scalar opened at `open` (`''` is an escaped quote in '…', `\"` in "…"), or -1. */
function closingQuote(text, open) {
    const quote = text[open];
    for (let i = open + 1; i < text.length; i++) {
        const c = text[i];
        if (quote === '"' && c === '\\') {
            i++;
            continue;
        }
        if (c !== quote)
            continue;
        if (quote === "'" && text[i + 1] === "'") {
            i++;
            continue;
        }
        return i;
    }
    return -1;
}
