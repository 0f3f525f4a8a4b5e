import type { GraphEdge, GraphNode } from './types';

/** The second line of a node: role and TLS stack (with its JDK for Java). */
export function roleLine(node: GraphNode): string {
  return [node.role, node.stack].join(' · ');
}

/** The third line of a node: its TLS settings (or that the runtime's defaults apply). */
export function protocolLine(node: GraphNode): string {
  return node.protocols ?? 'TLS: runtime defaults';
}

/** One line saying what the link's handshake does, for tooltips and edge labels. */
export function outcomeLine(edge: GraphEdge): string {
  const o = edge.outcome;
  if (o.status === 'negotiated' && o.byUpdate)
    return `negotiated${o.protocol ? ` ${o.protocol}` : ''} on every JDK update its name leaves open, ${o.byUpdate}`;
  if (o.status === 'negotiated')
    return `negotiated ${[o.protocol, o.cipherSuite].filter(Boolean).join(' ') || ''}`.trim();
  if (o.status === 'failure') return `fails${o.alert ? `: ${o.alert}` : ''}`;
  return 'outcome unknown';
}

export const OUTCOME_COLOURS: Record<GraphEdge['outcome']['status'], string> = {
  negotiated: '#2e7d32',
  failure: '#c62828',
  unknown: '#9e9e9e',
};
