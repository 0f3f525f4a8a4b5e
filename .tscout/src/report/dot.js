"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dot = void 0;
exports.quote = quote;
const extract_1 = require("./graph/extract");
const labels_1 = require("./graph/labels");
/**
 * `--format dot`: the component graph as Graphviz (`dot -Tsvg report.dot`), one
 * `digraph` per deployment, hosts as clusters, links coloured by predicted outcome.
 */
const dot = (findings, context) => {
    const { graphs } = (0, extract_1.extractGraphs)(findings, context);
    return graphs.map((g, d) => digraph(g, d)).join('\n');
};
exports.dot = dot;
function digraph(g, d) {
    const lines = [];
    lines.push(`digraph ${quote(`deployment ${d + 1}: ${g.root}`)} {`);
    lines.push(`  label=${quote(g.root)}; labelloc=t; rankdir=LR; fontname="Helvetica";`);
    lines.push('  node [shape=box, style="rounded,filled", fillcolor="white", fontname="Helvetica", fontsize=10];');
    lines.push('  edge [fontname="Helvetica", fontsize=9];');
    for (const group of g.groups) {
        lines.push(`  subgraph ${quote(`cluster_${group.index}`)} {`);
        lines.push(`    label=${quote(group.label)}; style="rounded,filled"; fillcolor="#eef2f6"; color="#b0bec5";`);
        for (const n of group.nodes) {
            const node = g.nodes[n];
            if (!node)
                continue;
            const colour = node.worst === 'error' ? '#c62828' : node.worst === 'warning' ? '#ef6c00' : '#78909c';
            const label = [node.name, (0, labels_1.roleLine)(node), (0, labels_1.protocolLine)(node)].join('\n');
            lines.push(`    n${n} [label=${quote(label)}, color=${quote(colour)}, tooltip=${quote(node.where)}];`);
        }
        lines.push('  }');
    }
    for (const e of g.edges) {
        const style = e.outcome.status === 'unknown' ? ', style=dashed' : e.outcome.status === 'failure' ? ', penwidth=2' : '';
        lines.push(`  n${e.from} -> n${e.to} [color=${quote(labels_1.OUTCOME_COLOURS[e.outcome.status])}, label=${quote((0, labels_1.outcomeLine)(e))}, tooltip=${quote(e.reason)}${style}];`);
    }
    lines.push('}');
    return lines.join('\n') + '\n';
}
/**
 * A DOT double-quoted string. Inside one only `"` needs escaping, but a
 * backslash starts Graphviz label escapes (`\N`, `\G`, `\l`…), so it is doubled;
 * line breaks become `\n` (centred lines).
 */
function quote(text) {
    return `"${text
        .replace(/\\/g, '\\\\')
        .replace(/"/g, '\\"')
        .replace(/\r\n|\r|\n/g, '\\n')}"`;
}
