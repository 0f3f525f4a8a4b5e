"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.trailingCommentProblems = trailingCommentProblems;
/** A `#` after a blank (or at the value's start) followed by a blank: what a comment looks like in other formats. */
const COMMENT_IN_VALUE = /(^|[ \t\f])#([ \t\f]|$)/;
/**
 * A comment written after a value in a `.properties` file, which has none (java.util.Properties.load: `#` and `!`
 * start a comment only as a line's first non-blank character; Spring Boot's OriginTrackedPropertiesLoader alike): the
 * text from the `#` on is part of the value. `server.ssl.enabled=true  # TLS on` then binds "true  # TLS on", which no
 * boolean converter accepts, so the app does not start; a password becomes the whole text (eugenp/tutorials@2430217
 * persistence-modules/spring-jdbc: `spring.datasource.password=  # Leave this empty` sets the password to the
 * comment). A secret's value is never quoted. A value continued over lines (a `\\` at the line's end) is judged on
 * its continuation lines, where even a line that starts with `#` or `!` is part of the value: java.util.Properties
 * skips only the line's leading blanks (OpenJDK 17: `a=TLSv1.2,\\` then `  # TLSv1.1,\\` then `  TLSv1.3` loads
 * "TLSv1.2,# TLSv1.1,TLSv1.3").
 */
function trailingCommentProblems(entries, lines) {
    const problems = [];
    for (const entry of entries) {
        const { start, end } = entry.valueRange;
        if (start.line !== end.line) {
            const continued = continuedLineComment(entry, lines);
            if (continued)
                problems.push(continued);
            continue;
        }
        const match = COMMENT_IN_VALUE.exec(entry.value);
        if (!match)
            continue;
        const hash = match.index + match[1].length;
        const whole = hash === 0;
        const message = entry.secret
            ? whole
                ? "'{{key}}' is set to the text that starts with '#', not left empty: a .properties file has no comments after a value, so the would-be comment is the value. Put the comment on a line of its own"
                : "The value of '{{key}}' goes on past a '#' after a blank: a .properties file has no comments after a value, so the secret is the whole text, comment included, not what precedes the '#'. Put the comment on a line of its own"
            : whole
                ? "'{{key}}' is set to '{{value}}', not left empty: a .properties file has no comments after a value, so the would-be comment is the value. Put the comment on a line of its own"
                : "The value of '{{key}}' is '{{value}}', comment included: a .properties file has no comments after a value, so the program reads the whole text (a setting that takes a boolean or a number then fails to bind). Put the comment on a line of its own";
        problems.push({
            code: 'comment-in-value',
            severity: 'warning',
            message,
            data: entry.secret ? { key: entry.key } : { key: entry.key, value: entry.value },
            range: { start: { line: start.line, character: start.character + hash }, end },
        });
    }
    return problems;
}
/** A would-be comment on a continuation line of a value: a line that starts with `#` or `!`, or a `#` after a blank. */
function continuedLineComment(entry, lines) {
    const { start, end } = entry.valueRange;
    for (let line = start.line + 1; line <= end.line; line++) {
        const text = lines[line] ?? '';
        const first = text.search(/[^ \t\f]/);
        if (first === -1)
            continue;
        const hash = text[first] === '#' || text[first] === '!' ? first : commentAt(text, first);
        if (hash === undefined)
            continue;
        return {
            code: 'comment-in-value',
            severity: 'warning',
            message: entry.secret
                ? "The value of '{{key}}' is continued over a line with a would-be comment: a line continued with a backslash has no comments, even one that starts with '#' or '!', so the secret is the whole text, comment included. Put the comment before the setting"
                : "The value of '{{key}}' is '{{value}}', comment included: a line continued with a backslash has no comments, even one that starts with '#' or '!', so the program reads the whole text (a list gains an entry that names nothing). Put the comment before the setting",
            data: entry.secret ? { key: entry.key } : { key: entry.key, value: entry.value },
            range: { start: { line, character: hash }, end },
        };
    }
    return undefined;
}
/** Where a `#` after a blank starts, from `from` on. */
function commentAt(text, from) {
    const match = COMMENT_IN_VALUE.exec(text.slice(from));
    return match ? from + match.index + match[1].length : undefined;
}
