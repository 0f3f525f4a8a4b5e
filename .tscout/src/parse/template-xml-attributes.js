"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.blankGeneratedAttributes = blankGeneratedAttributes;
exports.markGenerated = markGenerated;
const text_1 = require("./text");
/** A start tag of the masked text (a template value is a `${…}` placeholder there: src/parse/template.ts). */
const START_TAG = /<([A-Za-z_][\w:.-]*)([^<>]*)>/g;
/** Inside a start tag: a quoted attribute (kept), or a placeholder where an attribute name stands (`{{ k }}="…"` too). */
const ATTRIBUTE_OR_GENERATED = /[^\s=/>$]+\s*=\s*(?:"[^"]*"|'[^']*')|(\$\{[^}]*\}(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)/g;
/**
 * A template that writes an element's attributes itself (`<Connector {{ c|tomcat_server_xml_properties }} />`:
 * c2platform/ansible-role-tomcat@aa63130; `{{ k }}="{{ v }}"` in a loop: saltstack-formulas/tomcat-formula@2a94e4a):
 * the masked text has a placeholder where XML wants an attribute name, and an XML parser stops there, leaving every
 * later element unread. Blanked, the file parses; the elements that had one are marked (markGenerated), and what the
 * template writes on them is unknown, never an absent attribute's default. Undefined when no start tag has one.
 */
function blankGeneratedAttributes(masked) {
    const blanked = [];
    for (const tag of masked.matchAll(START_TAG)) {
        const inner = tag[2];
        const innerStart = (tag.index ?? 0) + 1 + tag[1].length;
        for (const m of inner.matchAll(ATTRIBUTE_OR_GENERATED)) {
            if (m[1] === undefined)
                continue;
            const start = innerStart + (m.index ?? 0);
            blanked.push([start, start + m[0].length]);
        }
    }
    if (blanked.length === 0)
        return undefined;
    const chars = masked.split('');
    for (const [start, end] of blanked)
        for (let i = start; i < end; i++)
            if (chars[i] !== '\n')
                chars[i] = ' ';
    return { masked: chars.join(''), blanked };
}
/**
 * Marks the elements whose start tag held a generated attribute (XmlElement.generatedAttributes: the template value as
 * written) and says once, at the first, which elements' attributes the template writes.
 */
function markGenerated(doc, generated, template) {
    const index = new text_1.LineIndex(doc.file.text);
    const marked = [];
    for (const element of doc.data.elements) {
        const from = index.offsetAt(element.range.start);
        const to = index.offsetAt(element.range.end);
        const inside = generated.blanked.find(([start]) => from <= start && start < to);
        if (!inside)
            continue;
        const span = template.spans.find((s) => s.start <= inside[0] && inside[0] < s.end);
        element.generatedAttributes = span?.text ?? doc.file.text.slice(inside[0], inside[1]);
        marked.push(element);
    }
    const first = marked[0];
    if (!first)
        return undefined;
    const names = [...new Set(marked.map((e) => `<${e.name}>`))];
    return {
        code: 'template-generated-attributes',
        severity: 'info',
        message: `The template writes the attributes of ${names.join(', ')} itself: lint-deploy takes nothing from ${marked.length === 1 ? 'that element' : 'those elements'} for granted (no default stands in for an attribute the template may write) and reads the rest of the file`,
        range: first.range,
    };
}
