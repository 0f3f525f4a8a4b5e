"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.springPropertiesDocumentStarts = springPropertiesDocumentStarts;
const text_1 = require("./text");
/** A document separator line: `#---` (or `!---`), nothing before it, only blanks after it. */
const SEPARATOR = /^[#!]---[ \t\f]*$/;
/**
 * The first line of each document after the first in a Spring Boot properties file, as Spring Boot's
 * OriginTrackedPropertiesLoader splits it (spring-projects/spring-boot v3.4.0, v2.7.5 and later; `#---` only from
 * v2.4.0): a separator is `#---` or `!---` at the start of a line with only blanks after it, and not right after a
 * comment line of the same prefix (a blank line in between resets that). A comment that follows a separator before
 * any key re-opens the document before it ("the lines immediately before and after the separator must not be
 * comments", Spring Boot's reference, "Activation Properties"). A document without keys is dropped.
 */
function springPropertiesDocumentStarts(text, entries) {
    // The lines of a key and its value (continuations included) end any comment run and are never separators.
    const entryEnds = new Map();
    for (const e of entries)
        entryEnds.set(e.keyRange.start.line, Math.max(e.keyRange.end.line, e.valueRange.end.line));
    const lines = (0, text_1.splitLines)(text);
    const documents = [];
    let current = { start: 0, hasKeys: false };
    let lastCommentPrefix;
    for (let line = 0; line < lines.length; line++) {
        const entryEnd = entryEnds.get(line);
        if (entryEnd !== undefined) {
            current.hasKeys = true;
            lastCommentPrefix = undefined;
            line = entryEnd;
            continue;
        }
        const raw = lines[line]; // line < lines.length
        const prefix = raw.trimStart()[0];
        if (prefix !== '#' && prefix !== '!') {
            lastCommentPrefix = undefined; // a blank line
            continue;
        }
        if (SEPARATOR.test(raw) && lastCommentPrefix !== prefix) {
            if (current.hasKeys)
                documents.push(current);
            current = { start: line, hasKeys: false };
            continue;
        }
        if (!current.hasKeys && documents.length > 0)
            current = documents.pop(); // length > 0
        lastCommentPrefix = prefix;
    }
    if (current.hasKeys)
        documents.push(current);
    return documents.slice(1).map((d) => d.start);
}
