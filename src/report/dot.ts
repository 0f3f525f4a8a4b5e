import { extractGraphs } from './graph/extract';
import { outcomeLine, OUTCOME_COLOURS, protocolLine, roleLine } from './graph/labels';
import type { DeploymentGraph } from './graph/types';
import type { Formatter } from './types';

/**
 * `--format dot`: the component graph as Graphviz (`dot -Tsvg report.dot`), one
 * `digraph` per deployment, hosts as clusters, links coloured by predicted outcome.
 */
export const dot: Formatter = (findings, context) => {
  const { graphs } = extractGraphs(findings, context);
  return graphs.map((g, d) => digraph(g, d)).join('\n');
};

function digraph(g: DeploymentGraph, d: number): string {
  const lines: string[] = [];
  lines.push(`digraph ${quote(`deployment ${d + 1}: ${g.root}`)} {`);
  lines.push(`  label=${quote(g.root)}; labelloc=t; rankdir=LR; fontname="Helvetica";`);
  lines.push('  node [shape=box, style="rounded,filled", fillcolor="white", fontname="Helvetica", fontsize=10];');
  lines.push('  edge [fontname="Helvetica", fontsize=9];');
  for (const group of g.groups) {
    lines.push(`  subgraph ${quote(`cluster_${group.index}`)} {`);
    lines.push(`    label=${quote(group.label)}; style="rounded,filled"; fillcolor="#eef2f6"; color="#b0bec5";`);
    for (const n of group.nodes) {
      const node = g.nodes[n];
      if (!node) continue;
      const colour = node.worst === 'error' ? '#c62828' : node.worst === 'warning' ? '#ef6c00' : '#78909c';
      const label = [node.name, roleLine(node), protocolLine(node)].join('\n');
      lines.push(`    n${n} [label=${quote(label)}, color=${quote(colour)}, tooltip=${quote(node.where)}];`);
    }
    lines.push('  }');
  }
  for (const e of g.edges) {
    const style =
      e.outcome.status === 'unknown' ? ', style=dashed' : e.outcome.status === 'failure' ? ', penwidth=2' : '';
    lines.push(
      `  n${e.from} -> n${e.to} [color=${quote(OUTCOME_COLOURS[e.outcome.status])}, label=${quote(outcomeLine(e))}, tooltip=${quote(e.reason)}${style}];`,
    );
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

/**
 * A DOT double-quoted string. Inside one only `"` needs escaping, but a
 * backslash starts Graphviz label escapes (`\N`, `\G`, `\l`…), so it is doubled;
 * line breaks become `\n` (centred lines).
 */
export function quote(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n|\r|\n/g, '\\n')}"`;
}
