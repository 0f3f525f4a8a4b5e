"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ids = void 0;
exports.renderSvg = renderSvg;
const escape_1 = require("./escape");
const labels_1 = require("./labels");
const layout_1 = require("./layout");
/** Element ids inside one deployment's section (`d0-n3`, `d0-e1`, `d0-f2`). */
exports.ids = {
    node: (d, n) => `d${d}-n${n}`,
    edge: (d, e) => `d${d}-e${e}`,
    finding: (d, f) => `d${d}-f${f}`,
};
/** A static SVG picture of one deployment graph; interactivity comes from the page script (data-* attributes). */
function renderSvg(graph, d, layout = (0, layout_1.layoutGraph)(graph)) {
    const out = [];
    out.push(`<svg class="graph" xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="${(0, escape_1.escapeHtml)(`Components and TLS links of ${graph.root}`)}">`);
    out.push('<defs>');
    for (const [status, colour] of Object.entries(labels_1.OUTCOME_COLOURS)) {
        out.push(`<marker id="d${d}-arrow-${status}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${colour}"/></marker>`);
    }
    out.push('</defs>');
    graph.groups.forEach((g, i) => {
        const b = layout.groups[i];
        if (!b)
            return;
        out.push(`<g class="group"><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="8"/><text x="${b.x + 10}" y="${b.y + 17}">${(0, escape_1.escapeHtml)((0, escape_1.clip)(g.label, Math.floor(b.w / 7)))}<title>${(0, escape_1.escapeHtml)(g.label)}</title></text></g>`);
    });
    out.push('<g class="edges">');
    // Failing links drawn last, so a grey or green link never hides a red one.
    const order = { unknown: 0, negotiated: 1, failure: 2 };
    [...graph.edges]
        .sort((a, b) => order[a.outcome.status] - order[b.outcome.status] || a.index - b.index)
        .forEach((e) => out.push(renderEdge(e, d, layout.edges[e.index] ?? '')));
    out.push('</g><g class="nodes">');
    graph.nodes.forEach((n, i) => {
        const b = layout.nodes[i];
        if (b)
            out.push(renderNode(n, d, b.x, b.y, b.w, b.h));
    });
    out.push('</g></svg>');
    return out.join('\n');
}
function renderEdge(e, d, path) {
    const tip = [
        (0, labels_1.outcomeLine)(e),
        e.outcome.reason && e.outcome.status !== 'negotiated' ? e.outcome.reason : '',
        `link: ${e.reason}`,
    ]
        .filter(Boolean)
        .join('\n');
    const findings = e.findings.map((f) => exports.ids.finding(d, f)).join(' ');
    return (`<g class="edge ${e.outcome.status}" id="${exports.ids.edge(d, e.index)}" data-targets="${findings}" data-outcome="${e.outcome.status}" tabindex="0">` +
        `<title>${(0, escape_1.escapeHtml)(tip)}</title><path class="hit" d="${path}"/>` +
        `<path class="line" d="${path}" stroke="${labels_1.OUTCOME_COLOURS[e.outcome.status]}" marker-end="url(#d${d}-arrow-${e.outcome.status})"/></g>`);
}
function renderNode(n, d, x, y, w, h) {
    const findings = n.findings.map((f) => exports.ids.finding(d, f)).join(' ');
    const tip = [
        n.name,
        n.type,
        (0, labels_1.roleLine)(n),
        n.jdkFrom,
        (0, labels_1.protocolLine)(n),
        n.where,
        n.findings.length ? `${n.findings.length} finding(s)` : '',
    ]
        .filter(Boolean)
        .join('\n');
    const chars = Math.floor((w - 16) / 6.6);
    return (`<g class="node${n.worst ? ` sev-${n.worst}` : ''}" id="${exports.ids.node(d, n.index)}" data-targets="${findings}" tabindex="0">` +
        `<title>${(0, escape_1.escapeHtml)(tip)}</title><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6"/>` +
        `<text class="name" x="${x + 8}" y="${y + 17}">${(0, escape_1.escapeHtml)((0, escape_1.clip)(n.name, chars - 2 - (n.findings.length ? 3 : 0)))}</text>` +
        `<text x="${x + 8}" y="${y + 34}">${(0, escape_1.escapeHtml)((0, escape_1.clip)((0, labels_1.roleLine)(n), chars))}</text>` +
        `<text x="${x + 8}" y="${y + 50}">${(0, escape_1.escapeHtml)((0, escape_1.clip)((0, labels_1.protocolLine)(n), chars))}</text>` +
        (n.findings.length
            ? `<text class="count" x="${x + w - 8}" y="${y + 17}" text-anchor="end">${n.findings.length}</text>`
            : '') +
        `</g>`);
}
