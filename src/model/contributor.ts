import type { LintConfig } from '../core/config';
import type { RunMemo } from '../core/run-memo';
import type { ParsedDocument } from '../parse/types';
import type { ImageFiles } from '../parse/image-files';
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
  /**
   * The document kinds (prefixes, as `documentsOf`) whose documents are all it builds from: on a deployment that
   * holds none of them it would add nothing, so it is not run there (as a rule's `meta.appliesTo`; a fleet of
   * several products runs each product's contributors on its own deployments only). Unset: run on every deployment
   * (a contributor that reads the components others added, or too many kinds to name).
   */
  reads?: readonly string[];
  contribute(ctx: ModelContext): void;
}

/** Whether a contributor may add anything to a deployment whose documents have these kinds. */
export function contributorApplies(contributor: ModelContributor, kinds: ReadonlySet<string>): boolean {
  if (!contributor.reads) return true;
  for (const kind of kinds) if (contributor.reads.some((prefix) => kind.startsWith(prefix))) return true;
  return false;
}

export interface ModelContext {
  readonly deployment: Deployment;
  readonly config: LintConfig;
  /** Answers of pure knowledge computations shared by the run's deployments (read-only). */
  readonly memo: RunMemo;
  /** Documents of the given kinds (prefix match: `cleartrust.` matches every ClearTrust kind). */
  documentsOf(kindPrefix: string): ParsedDocument[];
  addComponent(component: Component): void;
  /** Adds the link unless one of the same id (`client->server`) is there already; says whether it added it. */
  addLink(link: Link): boolean;
  /** The Java runtime that applies to a file (nearest JDK in the tree, config `components`, `--java-version`). */
  runtimeFor(file: string, request?: RuntimeRequest): JavaRuntime | undefined;
  /** A value computed once per build of this deployment (asked by several contributors; read-only). */
  once<T>(name: string, compute: () => T): T;
  /** Where the deployment's Dockerfiles put the tree's files in their images (one reader a build: ./store-files.ts). */
  readonly images: ImageFiles;
  /** Every certificate in the tree (computed once per build; the derive stage keeps it). */
  certificates(): TreeCertificate[];
  /** Directory of `file` relative to the deployment root ('' at the root), used as the component's host. */
  hostOf(file: string): string;
}
