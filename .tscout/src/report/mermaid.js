"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mermaid = void 0;
exports.label = label;
const extract_1 = require("./graph/extract");
const labels_1 = require("./graph/labels");
/**
 * `--format mermaid`: the component graph as a Mermaid flowchart, ready to paste
 * into Markdown (GitHub renders ```mermaid blocks). One fenced block per deployment.
 */
const mermaid = (findings, context) => {
    const { graphs } = (0, extract_1.extractGraphs)(findings, context);
    return graphs.map((g, d) => flowchart(g, d)).join('\n');
};
exports.mermaid = mermaid;
function flowchart(g, d) {
    const lines = [];
    lines.push(`<!-- lint-deploy: ${comment(g.root)} -->`);
    lines.push('```mermaid');
    lines.push('flowchart LR');
    lines.push('  classDef error stroke:#c62828,stroke-width:2px');
    lines.push('  classDef warning stroke:#ef6c00,stroke-width:2px');
    for (const group of g.groups) {
        lines.push(`  subgraph d${d}g${group.index}[${label(group.label)}]`);
        for (const n of group.nodes) {
            const node = g.nodes[n];
            if (!node)
                continue;
            lines.push(`    d${d}n${n}[${label([node.name, (0, labels_1.roleLine)(node), (0, labels_1.protocolLine)(node)].join('\n'))}]${node.worst === 'error' || node.worst === 'warning' ? `:::${node.worst}` : ''}`);
        }
        lines.push('  end');
    }
    for (const e of g.edges) {
        const arrow = e.outcome.status === 'unknown' ? '-.->' : e.outcome.status === 'failure' ? '==>' : '-->';
        lines.push(`  d${d}n${e.from} ${arrow}|${label((0, labels_1.outcomeLine)(e))}| d${d}n${e.to}`);
    }
    g.edges.forEach((e, i) => lines.push(`  linkStyle ${i} stroke:${labels_1.OUTCOME_COLOURS[e.outcome.status]}${e.outcome.status === 'failure' ? ',stroke-width:3px' : ''}`));
    lines.push('```');
    return lines.join('\n') + '\n';
}
/**
 * A Mermaid quoted label. Mermaid reads `#name;` entity codes inside labels and
 * renders labels as (sanitised) HTML, so every character that means something to
 * the parser or to HTML becomes an entity code; line breaks become `<br>`.
 */
function label(text) {
    const escaped = text.replace(/[#"&<>|`[\]{}();]/g, (c) => `#${c.charCodeAt(0)};`).replace(/\r\n|\r|\n/g, '<br>');
    return `"${escaped}"`;
}
/** Text safe inside an HTML comment. */
function comment(text) {
    return text.replace(/--/g, '- -').replace(/[<>]/g, '_');
}
