import type { Severity } from '../../core/types';

/**
 * The deployment as a picture: what the html, dot and mermaid formatters draw.
 * Every string here is display text, already free of secrets (extraction masks
 * them); formatters still escape it for their own syntax.
 */
export interface DeploymentGraph {
  /** Deployment root (a file set's name), relative to the working directory. */
  root: string;
  groups: HostGroup[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  findings: GraphFinding[];
}

/** The components of one host (the directory that stands for it). */
export interface HostGroup {
  index: number;
  /** Directory relative to the deployment root; '' for the root itself. */
  host: string;
  label: string;
  nodes: number[];
}

export interface GraphNode {
  index: number;
  /** Component id (unique inside the deployment). */
  id: string;
  group: number;
  name: string;
  type: string;
  role: 'client' | 'server' | 'both' | 'none';
  /** `IBM 8.0.6.25`, `Oracle 1.8.0_202`, or undefined when the model does not know. */
  jdk?: string;
  /** The TLS stack: `JSSE · Oracle 1.8.0_202`, `OpenSSL 3.x (assumed…)`, `GSKit (IBM MQ)`, `native TLS (ClearTrust web agent)`. */
  stack: string;
  /** Where that JDK comes from: "JDK from Dockerfile:1 FROM eclipse-temurin:8u202-b08-jre" (issue 13). */
  jdkFrom?: string;
  /**
   * TLS as configured: SSL mode, protocols (`TLSv1.2, TLSv1.3`), the cipher suite or how many,
   * `plaintext`; undefined when the runtime's defaults apply.
   */
  protocols?: string;
  /** `file:line` where the component is defined. */
  where: string;
  findings: number[];
  /** Worst active finding severity on this node. */
  worst?: Severity;
}

export type OutcomeStatus = 'negotiated' | 'failure' | 'unknown';

/** What happens when the client of a link connects to its server. */
export interface LinkOutcome {
  status: OutcomeStatus;
  protocol?: string;
  cipherSuite?: string;
  /** TLS alert (or product error) the failing side reports. */
  alert?: string;
  /**
   * Negotiated on every update of a JDK named by its feature only, with a suite (or protocol) that depends on the updates:
   * which give which (`protocol`/`cipherSuite` are then set only when every update negotiates the same).
   */
  byUpdate?: string;
  /** Why: the predictor's reason, or the findings that decided the colour. */
  reason?: string;
  /** Who decided: the handshake predictor or the findings involving both ends. */
  source: 'predictor' | 'findings' | 'none';
}

export interface GraphEdge {
  index: number;
  id: string;
  from: number;
  to: number;
  reason: string;
  outcome: LinkOutcome;
  findings: number[];
}

export interface GraphFinding {
  index: number;
  ruleId: string;
  severity: Severity;
  suppressed: boolean;
  message: string;
  /** `path/to/file:line:column`, relative to the working directory. */
  where: string;
  docsUrl: string;
  related: { where: string; message: string }[];
  nodes: number[];
  edges: number[];
}
