import { nodeCrypto } from '../core/node-crypto';
import { escapeHtml as esc } from './graph/escape';
import { extractGraphs } from './graph/extract';
import { outcomeLine } from './graph/labels';
import { PAGE_CSS, PAGE_JS } from './graph/page-assets';
import { ids, renderSvg } from './graph/svg';
import type { DeploymentGraph, GraphFinding } from './graph/types';
import type { Formatter } from './types';
import { countBySeverity } from './types';

/**
 * `--format html`: one self-contained page (inline CSS, inline script, static
 * SVG; a Content-Security-Policy forbids every network request) with one section
 * per deployment: the component graph, its findings beside it, and its links.
 * Output is deterministic (no timestamps) so reports diff cleanly.
 */
export const html: Formatter = (findings, context) => {
  const { graphs, orphans } = extractGraphs(findings, context);
  const totals = countBySeverity(findings);
  const body: string[] = [];
  body.push(`<header><h1>lint-deploy report</h1>`);
  body.push(
    `<p class="meta">${esc(context.toolName)} ${esc(context.toolVersion)} · ${context.fileCount} file(s) · ${graphs.length} deployment(s) · ` +
      `${totals.errors} error(s), ${totals.warnings} warning(s), ${totals.infos} info(s)</p></header>`,
  );
  body.push(summaryTable(graphs));
  graphs.forEach((g, d) => body.push(deploymentSection(g, d)));
  if (orphans.length > 0) {
    body.push(
      `<section class="deployment" id="other"><h2>Other findings</h2><div class="findings">${findingList(orphans, graphs.length)}</div></section>`,
    );
  }
  const script = PAGE_JS;
  const csp = `default-src 'none'; style-src '${sha256(PAGE_CSS)}'; script-src '${sha256(script)}'; img-src data:; base-uri 'none'; form-action 'none'`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>lint-deploy report${graphs.length === 1 ? `: ${esc(graphs[0]?.root ?? '')}` : ''}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head><body>',
    ...body,
    `<script>${script}</script>`,
    '</body></html>',
    '',
  ].join('\n');
};

function summaryTable(graphs: DeploymentGraph[]): string {
  const rows = graphs.map((g, d) => {
    const active = g.findings.filter((f) => !f.suppressed);
    const count = (s: string) => active.filter((f) => f.severity === s).length;
    const failing = g.edges.filter((e) => e.outcome.status === 'failure').length;
    const errors = count('error');
    return (
      `<tr><td><a href="#d${d}">${esc(g.root)}</a></td><td class="num">${g.nodes.length}</td><td class="num">${g.edges.length}</td>` +
      `<td class="num${failing ? ' bad' : ''}">${failing}</td><td class="num${errors ? ' bad' : ''}">${errors}</td>` +
      `<td class="num">${count('warning')}</td><td class="num">${count('info')}</td></tr>`
    );
  });
  return (
    '<table class="summary"><thead><tr><th>Deployment</th><th>Components</th><th>Links</th><th>Failing links</th>' +
    `<th>Errors</th><th>Warnings</th><th>Infos</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function deploymentSection(g: DeploymentGraph, d: number): string {
  const graph =
    g.nodes.length > 0 ? renderSvg(g, d) : '<p class="muted">No components recognised in this deployment.</p>';
  return [
    `<section class="deployment" id="d${d}" data-root="${esc(g.root)}">`,
    `<h2>${esc(g.root)}</h2>`,
    `<div class="legend"><span>${g.nodes.length} component(s) on ${g.groups.length} host(s), ${g.edges.length} TLS link(s)</span>` +
      '<span><i class="swatch negotiated"></i>handshake negotiated</span><span><i class="swatch failure"></i>handshake fails</span>' +
      '<span><i class="swatch unknown"></i>outcome unknown</span><span>click a finding, node or link to see what it involves</span></div>',
    `<div class="layout"><div class="graph-pane">${graph}</div>`,
    `<aside class="findings"><h3>Findings (${g.findings.length})</h3>${findingList(g.findings, d, g)}</aside></div>`,
    linkTable(g, d),
    '</section>',
  ].join('\n');
}

function findingList(findings: GraphFinding[], d: number, g?: DeploymentGraph): string {
  if (findings.length === 0) return '<p class="muted">No findings.</p>';
  const items = findings.map((f) => {
    const targets = [...f.nodes.map((n) => ids.node(d, n)), ...f.edges.map((e) => ids.edge(d, e))].join(' ');
    const on = g
      ? [...f.nodes.map((n) => g.nodes[n]?.name ?? ''), ...f.edges.map((e) => edgeName(g, e))]
          .map((name) => `<span class="chip">${esc(name)}</span>`)
          .join('')
      : '';
    const related = f.related.map((r) => `<li><code>${esc(r.where)}</code> ${esc(r.message)}</li>`).join('');
    return (
      `<li class="finding ${f.severity}${f.suppressed ? ' suppressed' : ''}" id="${ids.finding(d, f.index)}" data-targets="${targets}" tabindex="0">` +
      `<div><span class="sev ${f.severity}">${f.severity}</span><a href="${esc(f.docsUrl)}" target="_blank" rel="noopener noreferrer">${esc(f.ruleId)}</a>` +
      `${f.suppressed ? ' <span class="muted">(suppressed)</span>' : ''}</div>` +
      `<p class="msg">${esc(f.message)}</p><div class="where"><code>${esc(f.where)}</code></div>` +
      (related ? `<ul class="related muted">${related}</ul>` : '') +
      (on ? `<div class="on">on ${on}</div>` : '') +
      '</li>'
    );
  });
  return `<ol>${items.join('')}</ol>`;
}

function edgeName(g: DeploymentGraph, e: number): string {
  const edge = g.edges[e];
  return edge ? `${g.nodes[edge.from]?.name ?? '?'} → ${g.nodes[edge.to]?.name ?? '?'}` : '';
}

function linkTable(g: DeploymentGraph, d: number): string {
  if (g.edges.length === 0) return '';
  const rows = g.edges.map(
    (e) =>
      `<tr class="link-row" data-targets="${ids.edge(d, e.index)} ${ids.node(d, e.from)} ${ids.node(d, e.to)}" tabindex="0">` +
      `<td>${esc(g.nodes[e.from]?.name ?? '')}</td><td>${esc(g.nodes[e.to]?.name ?? '')}</td>` +
      `<td class="outcome ${e.outcome.status}">${esc(outcomeLine(e))}</td><td>${esc(e.reason)}</td></tr>`,
  );
  return (
    `<details class="links"><summary>Links (${g.edges.length})</summary><table><thead><tr><th>Client</th><th>Server</th>` +
    `<th>Predicted handshake</th><th>Why they talk</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`
  );
}

function sha256(text: string): string {
  return `sha256-${nodeCrypto().createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
