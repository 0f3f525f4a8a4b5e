"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.escapeHtml = escapeHtml;
exports.clip = clip;
/** Escapes text for HTML/SVG element content and double- or single-quoted attribute values. */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Shortens a label to `max` characters with an ellipsis (the full text goes in a tooltip). */
function clip(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
