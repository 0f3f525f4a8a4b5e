"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.html = void 0;
const node_crypto_1 = require("../core/node-crypto");
const escape_1 = require("./graph/escape");
const extract_1 = require("./graph/extract");
const labels_1 = require("./graph/labels");
const page_assets_1 = require("./graph/page-assets");
const svg_1 = require("./graph/svg");
const types_1 = require("./types");
/**
 * `--format html`: one self-contained page (inline CSS, inline script, static
 * SVG; a Content-Security-Policy forbids every network request) with one section
 * per deployment: the component graph, its findings beside it, and its links.
 * Output is deterministic (no timestamps) so reports diff cleanly.
 */
const html = (findings, context) => {
    const { graphs, orphans } = (0, extract_1.extractGraphs)(findings, context);
    const totals = (0, types_1.countBySeverity)(findings);
    const body = [];
    body.push(`<header><h1>lint-deploy report</h1>`);
    body.push(`<p class="meta">${(0, escape_1.escapeHtml)(context.toolName)} ${(0, escape_1.escapeHtml)(context.toolVersion)} · ${context.fileCount} file(s) · ${graphs.length} deployment(s) · ` +
        `${totals.errors} error(s), ${totals.warnings} warning(s), ${totals.infos} info(s)</p></header>`);
    body.push(summaryTable(graphs));
    graphs.forEach((g, d) => body.push(deploymentSection(g, d)));
    if (orphans.length > 0) {
        body.push(`<section class="deployment" id="other"><h2>Other findings</h2><div class="findings">${findingList(orphans, graphs.length)}</div></section>`);
    }
    const script = page_assets_1.PAGE_JS;
    const csp = `default-src 'none'; style-src '${sha256(page_assets_1.PAGE_CSS)}'; script-src '${sha256(script)}'; img-src data:; base-uri 'none'; form-action 'none'`;
    return [
        '<!DOCTYPE html>',
        '<html lang="en"><head><meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${(0, escape_1.escapeHtml)(csp)}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>lint-deploy report${graphs.length === 1 ? `: ${(0, escape_1.escapeHtml)(graphs[0]?.root ?? '')}` : ''}</title>`,
        `<style>${page_assets_1.PAGE_CSS}</style>`,
        '</head><body>',
        ...body,
        `<script>${script}</script>`,
        '</body></html>',
        '',
    ].join('\n');
};
exports.html = html;
function summaryTable(graphs) {
    const rows = graphs.map((g, d) => {
        const active = g.findings.filter((f) => !f.suppressed);
        const count = (s) => active.filter((f) => f.severity === s).length;
        const failing = g.edges.filter((e) => e.outcome.status === 'failure').length;
        const errors = count('error');
        return (`<tr><td><a href="#d${d}">${(0, escape_1.escapeHtml)(g.root)}</a></td><td class="num">${g.nodes.length}</td><td class="num">${g.edges.length}</td>` +
            `<td class="num${failing ? ' bad' : ''}">${failing}</td><td class="num${errors ? ' bad' : ''}">${errors}</td>` +
            `<td class="num">${count('warning')}</td><td class="num">${count('info')}</td></tr>`);
    });
    return ('<table class="summary"><thead><tr><th>Deployment</th><th>Components</th><th>Links</th><th>Failing links</th>' +
        `<th>Errors</th><th>Warnings</th><th>Infos</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
}
function deploymentSection(g, d) {
    const graph = g.nodes.length > 0 ? (0, svg_1.renderSvg)(g, d) : '<p class="muted">No components recognised in this deployment.</p>';
    return [
        `<section class="deployment" id="d${d}" data-root="${(0, escape_1.escapeHtml)(g.root)}">`,
        `<h2>${(0, escape_1.escapeHtml)(g.root)}</h2>`,
        `<div class="legend"><span>${g.nodes.length} component(s) on ${g.groups.length} host(s), ${g.edges.length} TLS link(s)</span>` +
            '<span><i class="swatch negotiated"></i>handshake negotiated</span><span><i class="swatch failure"></i>handshake fails</span>' +
            '<span><i class="swatch unknown"></i>outcome unknown</span><span>click a finding, node or link to see what it involves</span></div>',
        `<div class="layout"><div class="graph-pane">${graph}</div>`,
        `<aside class="findings"><h3>Findings (${g.findings.length})</h3>${findingList(g.findings, d, g)}</aside></div>`,
        linkTable(g, d),
        '</section>',
    ].join('\n');
}
function findingList(findings, d, g) {
    if (findings.length === 0)
        return '<p class="muted">No findings.</p>';
    const items = findings.map((f) => {
        const targets = [...f.nodes.map((n) => svg_1.ids.node(d, n)), ...f.edges.map((e) => svg_1.ids.edge(d, e))].join(' ');
        const on = g
            ? [...f.nodes.map((n) => g.nodes[n]?.name ?? ''), ...f.edges.map((e) => edgeName(g, e))]
                .map((name) => `<span class="chip">${(0, escape_1.escapeHtml)(name)}</span>`)
                .join('')
            : '';
        const related = f.related.map((r) => `<li><code>${(0, escape_1.escapeHtml)(r.where)}</code> ${(0, escape_1.escapeHtml)(r.message)}</li>`).join('');
        return (`<li class="finding ${f.severity}${f.suppressed ? ' suppressed' : ''}" id="${svg_1.ids.finding(d, f.index)}" data-targets="${targets}" tabindex="0">` +
            `<div><span class="sev ${f.severity}">${f.severity}</span><a href="${(0, escape_1.escapeHtml)(f.docsUrl)}" target="_blank" rel="noopener noreferrer">${(0, escape_1.escapeHtml)(f.ruleId)}</a>` +
            `${f.suppressed ? ' <span class="muted">(suppressed)</span>' : ''}</div>` +
            `<p class="msg">${(0, escape_1.escapeHtml)(f.message)}</p><div class="where"><code>${(0, escape_1.escapeHtml)(f.where)}</code></div>` +
            (related ? `<ul class="related muted">${related}</ul>` : '') +
            (on ? `<div class="on">on ${on}</div>` : '') +
            '</li>');
    });
    return `<ol>${items.join('')}</ol>`;
}
function edgeName(g, e) {
    const edge = g.edges[e];
    return edge ? `${g.nodes[edge.from]?.name ?? '?'} → ${g.nodes[edge.to]?.name ?? '?'}` : '';
}
function linkTable(g, d) {
    if (g.edges.length === 0)
        return '';
    const rows = g.edges.map((e) => `<tr class="link-row" data-targets="${svg_1.ids.edge(d, e.index)} ${svg_1.ids.node(d, e.from)} ${svg_1.ids.node(d, e.to)}" tabindex="0">` +
        `<td>${(0, escape_1.escapeHtml)(g.nodes[e.from]?.name ?? '')}</td><td>${(0, escape_1.escapeHtml)(g.nodes[e.to]?.name ?? '')}</td>` +
        `<td class="outcome ${e.outcome.status}">${(0, escape_1.escapeHtml)((0, labels_1.outcomeLine)(e))}</td><td>${(0, escape_1.escapeHtml)(e.reason)}</td></tr>`);
    return (`<details class="links"><summary>Links (${g.edges.length})</summary><table><thead><tr><th>Client</th><th>Server</th>` +
        `<th>Predicted handshake</th><th>Why they talk</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`);
}
function sha256(text) {
    return `sha256-${(0, node_crypto_1.nodeCrypto)().createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
