"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.locatedAttr = locatedAttr;
exports.locatedAttrs = locatedAttrs;
exports.rootElementName = rootElementName;
const xml_1 = require("../xml");
function locatedAttr(element, name) {
    const a = (0, xml_1.attr)(element, name);
    return a ? { value: a.value, range: a.valueRange } : undefined;
}
/** Reads the listed attributes of an element into a record of located values. */
function locatedAttrs(element, names) {
    const out = {};
    for (const name of names) {
        const v = locatedAttr(element, name);
        if (v)
            out[name] = v;
    }
    return out;
}
/** The first element name of an XML head, skipping the declaration, comments and doctype. */
function rootElementName(head) {
    const stripped = head
        .replace(/<\?[\s\S]*?\?>/g, '')
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/<!DOCTYPE[\s\S]*?>/gi, '');
    const m = /<([A-Za-z_][\w:.-]*)/.exec(stripped);
    return m?.[1];
}
