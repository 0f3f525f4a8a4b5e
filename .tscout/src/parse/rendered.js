"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RenderedText = void 0;
exports.visitPositions = visitPositions;
const text_1 = require("./text");
class RenderedText {
    text;
    segments = [];
    renderedLineStarts = [0];
    sourceIndex;
    /** `base`: the source with template syntax set aside (same length as the source); `replacements` in base offsets. */
    constructor(source, base, replacements) {
        this.sourceIndex = new text_1.LineIndex(source);
        const parts = [];
        let at = 0;
        let rendered = 0;
        const copy = (end) => {
            if (end <= at)
                return;
            parts.push(base.slice(at, end));
            this.segments.push({
                renderedStart: rendered,
                renderedEnd: rendered + end - at,
                sourceStart: at,
                sourceEnd: end,
                value: false,
            });
            rendered += end - at;
            at = end;
        };
        for (const r of [...replacements].sort((a, b) => a.cutStart - b.cutStart)) {
            if (r.cutStart < at)
                continue;
            copy(r.cutStart);
            parts.push(r.text);
            this.segments.push({
                renderedStart: rendered,
                renderedEnd: rendered + r.text.length,
                sourceStart: r.spanStart,
                sourceEnd: r.spanEnd,
                value: true,
            });
            rendered += r.text.length;
            at = r.cutEnd;
        }
        copy(base.length);
        this.text = parts.join('');
        for (let i = 0; i < this.text.length; i++) {
            const ch = this.text.charCodeAt(i);
            if (ch === 13 && this.text.charCodeAt(i + 1) === 10)
                i++;
            if (ch === 10 || ch === 13)
                this.renderedLineStarts.push(i + 1);
        }
    }
    /** The source offset of a rendered offset; `side`: whether it starts or ends a range. */
    sourceOffset(offset, side) {
        const segments = this.segments;
        let low = 0;
        let high = segments.length - 1;
        // The last segment starting at or before the offset (for the end side: strictly before).
        let found = -1;
        while (low <= high) {
            const mid = (low + high) >> 1;
            const s = segments[mid]; // 0 <= low <= mid <= high < segments.length
            if (side === 'start' ? s.renderedStart <= offset : s.renderedStart < offset) {
                found = mid;
                low = mid + 1;
            }
            else
                high = mid - 1;
        }
        // Empty put-in values own no rendered character: step back over them.
        let s = segments[found];
        while (s && s.renderedEnd === s.renderedStart)
            s = segments[--found];
        if (!s)
            return 0;
        if (s.value)
            return side === 'start' && offset < s.renderedEnd ? s.sourceStart : s.sourceEnd;
        return Math.min(s.sourceStart + (offset - s.renderedStart), s.sourceEnd);
    }
    toSource(p, side) {
        const lineStart = this.renderedLineStarts[Math.min(p.line, this.renderedLineStarts.length - 1)] ?? 0;
        return this.sourceIndex.positionAt(this.sourceOffset(lineStart + p.character, side));
    }
    /** Moves every position of a document parsed from this text to the template file. */
    remap(doc) {
        visitPositions(doc, (p, side) => {
            const q = this.toSource(p, side);
            p.line = q.line;
            p.character = q.character;
        });
    }
}
exports.RenderedText = RenderedText;
/**
 * Calls `move` once on every position object of a parsed document (entries, comments, problems, its
 * own data tree, the embedded origin), telling whether it starts or ends a range. Positions shared by
 * several nodes are moved once.
 */
function visitPositions(doc, move) {
    const seen = new Set();
    const one = (p, side) => {
        if (seen.has(p))
            return;
        seen.add(p);
        move(p, side);
    };
    const visit = (node) => {
        if (!node || typeof node !== 'object' || seen.has(node))
            return;
        if (isPosition(node))
            return one(node, 'start');
        seen.add(node);
        if (Array.isArray(node)) {
            for (const item of node)
                visit(item);
            return;
        }
        if (ArrayBuffer.isView(node))
            return;
        const { start, end } = node;
        if (isPosition(start) && isPosition(end)) {
            one(start, 'start');
            one(end, 'end');
        }
        for (const [key, value] of Object.entries(node))
            if (key !== 'file' && key !== 'template')
                visit(value);
    };
    visit({ entries: doc.entries, comments: doc.comments, problems: doc.problems, data: doc.data, at: doc.embedded });
}
function isPosition(node) {
    if (!node || typeof node !== 'object')
        return false;
    const p = node;
    return typeof p.line === 'number' && typeof p.character === 'number' && Object.keys(node).length === 2;
}
