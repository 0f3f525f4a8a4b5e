"use strict";
/** The report page's stylesheet and script, inlined into every HTML report (no network, no library). */
Object.defineProperty(exports, "__esModule", { value: true });
exports.PAGE_JS = exports.PAGE_CSS = void 0;
exports.PAGE_CSS = `
:root{--ok:#2e7d32;--fail:#c62828;--unknown:#9e9e9e;--hl:#1565c0;--line:#cfd8dc;--muted:#546e7a}
*{box-sizing:border-box}
body{margin:0;padding:16px 24px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1c2529;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:0 0 8px}code{font:12px ui-monospace,"DejaVu Sans Mono",monospace}
.meta,.muted{color:var(--muted)}
table{border-collapse:collapse}th,td{border:1px solid var(--line);padding:4px 10px;text-align:left}th{background:#f5f7f8}
td.num{text-align:right}td.bad{color:var(--fail);font-weight:600}
.legend{display:flex;gap:18px;flex-wrap:wrap;color:var(--muted);font-size:13px;margin:6px 0 10px}
.swatch{display:inline-block;width:22px;height:0;border-top:3px solid;vertical-align:middle;margin-right:6px}
.swatch.negotiated{border-color:var(--ok)}.swatch.failure{border-color:var(--fail)}.swatch.unknown{border-color:var(--unknown);border-top-style:dashed}
.layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(300px,440px);gap:16px;align-items:start}
@media (max-width:1000px){.layout{grid-template-columns:1fr}}
.graph-pane{overflow:auto;max-height:78vh;border:1px solid var(--line);border-radius:6px;background:#fbfcfc}
.findings{overflow:auto;max-height:78vh;border:1px solid var(--line);border-radius:6px;padding:10px}
.findings ol{list-style:none;margin:0;padding:0}
.finding{border:1px solid var(--line);border-left:4px solid var(--muted);border-radius:4px;padding:6px 8px;margin:0 0 8px;cursor:pointer}
.finding.error{border-left-color:var(--fail)}.finding.warning{border-left-color:#ef6c00}.finding.info{border-left-color:#0277bd}
.finding.suppressed{opacity:.55}
.finding .msg{margin:2px 0}.finding .where{color:var(--muted)}
.finding .on{font-size:12px;color:var(--muted)}
.chip{display:inline-block;border:1px solid var(--line);border-radius:10px;padding:0 6px;margin:1px 2px;font-size:12px}
.sev{font-size:11px;font-weight:700;text-transform:uppercase;margin-right:6px}
.sev.error{color:var(--fail)}.sev.warning{color:#ef6c00}.sev.info{color:#0277bd}
.hl.finding,.hl.link-row{background:#e3f2fd;outline:2px solid var(--hl)}
svg.graph{display:block}
.group rect{fill:#eef2f6;stroke:#b0bec5}
.group text{font:600 12px system-ui,"DejaVu Sans",sans-serif;fill:#37474f}
.node{cursor:pointer}.node rect{fill:#fff;stroke:#78909c;stroke-width:1.2}
.node.sev-error rect{stroke:var(--fail);stroke-width:2}.node.sev-warning rect{stroke:#ef6c00;stroke-width:1.6}
.node text{font:11px system-ui,"DejaVu Sans",sans-serif;fill:#455a64}
.node text.name{font-weight:600;font-size:12px;fill:#102027}
.node text.count{font-weight:700;fill:var(--fail)}
.node.hl rect{stroke:var(--hl);stroke-width:4;fill:#e3f2fd}
.edge{cursor:pointer}.edge .line{fill:none;stroke-width:2}.edge .hit{fill:none;stroke:transparent;stroke-width:12}
.edge.failure .line{stroke-width:3}.edge.unknown .line{stroke-dasharray:6 4}
.edge.hl .line{stroke-width:5}.edge:hover .line{stroke-width:4}
.node:focus,.edge:focus{outline:none}.node:focus rect{stroke-dasharray:3 2}
details.links{margin-top:10px}details.links table{font-size:13px}
.link-row{cursor:pointer}.outcome.negotiated{color:var(--ok)}.outcome.failure{color:var(--fail);font-weight:600}.outcome.unknown{color:var(--muted)}
`;
/**
 * Selecting: an element with `data-targets` (a finding, a node, an edge, a link
 * row) highlights itself and the elements it names, and scrolls the first into view.
 */
exports.PAGE_JS = `
(function () {
  function targetsOf(el) {
    return (el.getAttribute('data-targets') || '').split(' ').filter(Boolean)
      .map(function (id) { return document.getElementById(id); }).filter(Boolean);
  }
  function select(el) {
    var previous = document.querySelectorAll('.hl');
    for (var i = 0; i < previous.length; i++) previous[i].classList.remove('hl');
    var targets = targetsOf(el);
    el.classList.add('hl');
    targets.forEach(function (t) { t.classList.add('hl'); });
    if (targets[0] && targets[0].scrollIntoView) targets[0].scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
  document.addEventListener('click', function (event) {
    var t = event.target;
    if (!(t instanceof Element) || t.closest('a')) return;
    var el = t.closest('[data-targets]');
    if (el) select(el);
  });
  document.addEventListener('keydown', function (event) {
    var t = event.target;
    if ((event.key === 'Enter' || event.key === ' ') && t instanceof Element && t.hasAttribute('data-targets')) {
      event.preventDefault();
      select(t);
    }
  });
})();
`;
