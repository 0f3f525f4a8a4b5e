"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.declarationAfterTemplateTags = declarationAfterTemplateTags;
const text_1 = require("./text");
/** A tag that removes the whitespace after it, newline included (Jinja `-%}`, Go `-}}`, ERB `-%>`). */
const TRIMS_AFTER = /-\s*(%\}|\}\}|#\}|%>)$/;
/** A tag that removes the whitespace before it (Jinja `{%-`, Go `{{-`). */
const TRIMS_BEFORE = /^(\{%|\{\{|\{#)-/;
/**
 * XML allows nothing before its declaration, not even a newline: Tomcat's digester stops with "The processing
 * instruction target matching "[xX][mM][lL]" is not allowed" (Tomcat 10.1.60). A template that sets variables on
 * lines before `<?xml …?>` (saltstack-formulas/tomcat-formula's `{%- set … -%}`) renders those lines to nothing when
 * its tags trim the whitespace around them, and to empty lines otherwise, unless the engine drops block lines itself
 * (Ansible's `trim_blocks`, on by default). The masked text keeps a newline for each of those lines; the declaration is
 * set aside (it carries nothing lint-deploy reads) and the file is read from its first element.
 * Undefined when no template tag comes before the declaration, or one that writes output does.
 */
function declarationAfterTemplateTags(text, template, masked) {
    let found = oneDeclaration(text, template, masked);
    // Each branch of a conditional may write its own declaration (`<% if v == 85 -%>` then `<% if v < 85 -%>`, each
    // before an `<?xml …?>`: zmoore-usgs/cookbook-tomcat@d24e052 server.xml.erb): a rendering holds the one of the
    // branch it takes, so a declaration that only other branches' declarations precede starts the file too.
    const index = new text_1.LineIndex(text);
    while (found) {
        const next = oneDeclaration(text, template, found.masked);
        if (!next || !inOtherBranch(template, index, found.start, next.start))
            break;
        found = { ...next, problem: found.problem ?? next.problem };
    }
    return found && { masked: found.masked, ...(found.problem ? { problem: found.problem } : {}) };
}
/** Whether the declaration at `earlier` lies in a branch that the one at `later` is not in. */
function inOtherBranch(template, index, earlier, later) {
    return template.branches.some((b) => {
        const [from, to] = [index.offsetAt(b.range.start), index.offsetAt(b.range.end)];
        return from <= earlier && earlier <= to && (later < from || later > to);
    });
}
/** The first declaration of the masked text, when only template tags (and whitespace) precede it. */
function oneDeclaration(text, template, masked) {
    const start = masked.search(/\S/);
    if (start <= 0 || !masked.startsWith('<?xml', start))
        return undefined;
    const end = masked.indexOf('?>', start);
    const index = new text_1.LineIndex(text);
    // What a branch the declaration is not in holds is not written with it (`<% if … %><%= whole file %><% else %><?xml`).
    const otherBranches = template.branches
        .map((b) => [index.offsetAt(b.range.start), index.offsetAt(b.range.end)])
        .filter(([from, to]) => start < from || start > to);
    const written = (from, to) => !otherBranches.some(([s, e]) => s <= from && to <= e);
    const before = template.spans.filter((s) => s.end <= start && written(s.start, s.end));
    if (end < 0 || before.length === 0 || before.some((s) => s.kind !== 'directive' && s.kind !== 'comment'))
        return undefined;
    const blanked = masked.slice(0, start) + masked.slice(start, end + 2).replace(/[^\r\n]/g, ' ') + masked.slice(end + 2);
    if (allWhitespaceTrimmed(text, before, start, written))
        return { masked: blanked, start };
    const at = index.rangeAt(start, start + 5);
    return {
        masked: blanked,
        start,
        problem: {
            code: 'invalid-xml',
            severity: 'info',
            message: 'Template tags on the lines before the XML declaration: the rendered file is well-formed only when the engine ' +
                "removes those lines (a trimming tag such as `-%}` or `-%>`, Ansible's default trim_blocks); XML allows " +
                'nothing before the declaration, and an empty line there stops the server ("The processing instruction ' +
                'target matching "[xX][mM][lL]" is not allowed")',
            range: at,
        },
    };
}
/** Whether every run of whitespace written before `end` lies next to a tag that removes it. */
function allWhitespaceTrimmed(text, tags, end, written) {
    let from = 0;
    let previous;
    for (const tag of [...tags, undefined]) {
        const to = tag ? tag.start : end;
        const run = text.slice(from, to);
        const removed = run === '' ||
            !written(from, to) ||
            (previous && TRIMS_AFTER.test(previous.text)) ||
            (tag && TRIMS_BEFORE.test(tag.text));
        if (!removed)
            return false;
        if (tag) {
            previous = tag;
            from = tag.end;
        }
    }
    return true;
}
