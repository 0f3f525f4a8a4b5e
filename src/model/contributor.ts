import type { LintConfig } from '../core/config';
import type { RunMemo } from '../core/run-memo';
import type { ParsedDocument } from '../parse/types';
import type { TreeCertificate } from './mq-certs';
import type { Component, Deployment, JavaRuntime, Link } from './types';
import type { RuntimeRequest } from './runtime';

/**
 * Builds part of a deployment model from its parsed documents. Contributors
 * run in registry order: runtimes first (so later ones can read
 * `ctx.runtimeFor`), then components, then links.
 */
export interface ModelContributor {
  id: string;
  contribute(ctx: ModelContext): void;
}

export interface ModelContext {
  readonly deployment: Deployment;
  readonly config: LintConfig;
  /** Answers of pure knowledge computations shared by the run's deployments (read-only). */
  readonly memo: RunMemo;
  /** Documents of the given kinds (prefix match: `cleartrust.` matches every ClearTrust kind). */
  documentsOf(kindPrefix: string): ParsedDocument[];
  addComponent(component: Component): void;
  addLink(link: Link): void;
  /** The Java runtime that applies to a file (nearest JDK in the tree, config `components`, `--java-version`). */
  runtimeFor(file: string, request?: RuntimeRequest): JavaRuntime | undefined;
  /** A value computed once per build of this deployment (asked by several contributors; read-only). */
  once<T>(name: string, compute: () => T): T;
  /** Every certificate in the tree (computed once per build; the derive stage keeps it). */
  certificates(): TreeCertificate[];
  /** Directory of `file` relative to the deployment root ('' at the root), used as the component's host. */
  hostOf(file: string): string;
}
