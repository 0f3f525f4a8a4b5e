import * as path from 'node:path';
import type { RuntimeUse } from '../model/types';
import type { Finding } from '../core/types';
import { compareFindings } from '../core/types';
import { discover, type DiscoveredDeployment } from '../discover/discover';
import { deriveDeployment, emptyDerived } from '../derive/derive';
import type { DerivedDeployment } from '../derive/types';
import { buildModel } from '../model/build';
import { ACCESS_WORDS } from '../model/mq-access-words';
import { HOME_WORDS } from '../derive/file-use';
import { problemFinding, type ParsedDocument } from '../parse/types';
import { DOCKERIGNORE_KIND } from '../parse/dockerignore';
import { ANSIBLE_TASKS_KIND, ANSIBLE_VARS_KIND } from '../parse/ansible';
import { CONTAINER_RUNS_KIND } from '../parse/container-runs';
import { SCRIPT_IMAGE_BUILDS_KIND } from '../parse/script-image-builds';
import { CHEF_COOKBOOK_KIND } from '../parse/chef-cookbook';
import { FILE_PLACEMENTS_KIND, SHELL_SCRIPT_KIND } from '../parse/script-file-placements';
import { YAML_STEPS_KIND } from '../parse/yaml-file-placements';
import { ALL_RULES } from '../rules';
import type { AnyRule } from '../rules/types';
import type { LintConfig } from '../core/config';
import { isBuildFile } from '../core/build-files';
import { RunMemo } from '../core/run-memo';
import { readDocuments } from './run/read';
import { namedLeftovers } from './run/leftovers';
import { ParseCache } from './run/parse-cache';
import { imageReferencePhrases, redactFindings, secretMasker } from './run/redact';
import { runRules } from './run/run-rules';
import { resolveRuleSettings } from './config/rule-settings';
import { applySuppressions } from './run/suppressions';
import type { LintCache } from './performance/cache';
import type { ProgressSink } from './performance/progress';
import { inShard, type ShardSpec } from './performance/shard';
import { RunStats } from './performance/stats';
import { runtimeUses } from './runtime-uses';
import { deferTemplateValues } from './run/template-values';
import { conditionalDocuments, withConditionalScripts } from './run/conditional-scripts';
import { withImageRecords } from './run/image-records';
import { groupUnnamedLockedStores, withoutLockedBesideWrongPassword } from './run/locked-stores';
import { unusedDamagedPemAsInfo } from './run/unused-pem-files';
import { unnamedMarkdownSnippetsAsInfo } from './run/markdown-snippets';
import { unloadedFileErrorsAsWarnings } from './run/unloaded-files';
import { IDT_CONFIG_KIND } from '../parse/image-build';
import { unnamedFileTest } from './run/unnamed-files';
import { withNamingPlaces } from './run/naming-places';
import { undeployedRoleFindingsAsInfo } from './run/undeployed-role-files';
import { ANSIBLE_YAML_KIND } from '../parse/ansible-yaml';

/** Documents that only qualify others (what a build copies, the release a run mounts them with): no file to check. */
const QUALIFIERS_ONLY = new Set([
  DOCKERIGNORE_KIND,
  CONTAINER_RUNS_KIND,
  SCRIPT_IMAGE_BUILDS_KIND,
  CHEF_COOKBOOK_KIND,
  FILE_PLACEMENTS_KIND,
  SHELL_SCRIPT_KIND,
  YAML_STEPS_KIND,
  ANSIBLE_VARS_KIND,
  ANSIBLE_TASKS_KIND,
  ANSIBLE_YAML_KIND,
  IDT_CONFIG_KIND,
]);

export interface LintOptions {
  paths: string[];
  cwd: string;
  config: LintConfig;
  ignorePatterns?: string[];
  /** `--rule id:severity` overrides, applied after the config. */
  ruleOverrides?: Record<string, string>;
  java?: { version?: string; vendor?: string };
  /** Extra rules (plugins, declarative rules) besides the built-in ones. */
  extraRules?: AnyRule[];
  /** Report inline disable directives that suppressed nothing (`--report-unused-disable-directives`). */
  reportUnusedDisableDirectives?: boolean;
  /** `--shard k/n`: only the deployments of that shard (src/engine/performance/shard.ts). */
  shard?: ShardSpec;
  /** Deployments already found (`--concurrency`: the main thread discovers once, each thread checks its share). */
  discovered?: DiscoveredDeployment[];
  /** `--cache`: unchanged deployments are not re-checked (src/engine/performance/cache.ts); the caller saves it. */
  cache?: LintCache;
  /** `--stats`: time per stage is added here (src/engine/performance/stats.ts). */
  stats?: RunStats;
  /** Called after each deployment (the TTY progress line, src/engine/performance/progress.ts). */
  onProgress?: ProgressSink;
  /** Called once with the deployments found and why each is one (`--debug`). */
  onDiscovered?: (deployments: { name: string; reason: string; files: number }[]) => void;
  /** Documents parsed once per distinct content in the run (default: a new cache; tests pass one that freezes what it stores). */
  parseCache?: ParseCache;
  /**
   * Keep each deployment's documents, model and runtime in the result (graph and junit reports, --debug); default
   * true. False keeps only each deployment's root, which bounds memory on large fleets.
   */
  keepModel?: boolean;
}

export interface LintResult {
  findings: Finding[];
  deployments: DerivedDeployment[];
  /** Number of files lint-deploy recognised and parsed. */
  fileCount: number;
  rules: AnyRule[];
  /** True when a rule crashed (the run must exit 2). */
  internalError: boolean;
  /** Which JDK runs which components, with the attachment's provenance (JSON report `runtimes`). */
  runtimes: RuntimeUse[];
}

/** The library entry point: paths → findings (DESIGN.md pipeline). Throws only `UsageError`. */
export function lint(options: LintOptions): LintResult {
  const rules = [...ALL_RULES, ...(options.extraRules ?? [])];
  const settings = resolveRuleSettings(rules, options.config, options.ruleOverrides ?? {});
  const knownRuleIds = new Set(rules.map((r) => r.meta.id));
  // The model's own words a secret may be part of (a channel's ways in, which the JSON report and rules quote as text;
  // why a file's directory may use it; rules' own words are Phrases: src/core/phrase.ts), and the rule ids a folded
  // note names (`mq/channel-runs-as-admin` when a password is `admin`).
  const ownWords = [...Object.values(ACCESS_WORDS), ...HOME_WORDS, ...knownRuleIds];
  const stats = options.stats ?? new RunStats();
  const found =
    options.discovered ??
    stats.time('discover', () =>
      discover({
        paths: options.paths,
        cwd: options.cwd,
        config: options.config,
        ignorePatterns: options.ignorePatterns,
      }),
    );
  options.onDiscovered?.(found.map((d) => ({ name: d.name ?? d.root, reason: d.reason, files: d.files.length })));
  // An ordinary deployment is sharded and cached by its root, as before file sets; a file set by its name.
  const discovered = found.filter((target) =>
    inShard(target.name ?? target.root, options.config.baseDir, options.shard),
  );
  const findings: Finding[] = [];
  const deployments: DerivedDeployment[] = [];
  let fileCount = 0;
  let internalError = false;
  const runtimes: RuntimeUse[] = [];
  const { cache } = options;
  // Documents parsed once per distinct content in this run (fleets copy the same JDK and CA files everywhere). One
  // deployment never hits the cache (inside a deployment a repeated content is parsed again): no cache, and no
  // content hash of each file read (a pre-commit run then never loads node:crypto for it).
  const parsed = options.parseCache ?? (discovered.length > 1 ? new ParseCache() : undefined);
  // Answers of pure knowledge computations (cipher strings, defaults) shared by the run's deployments.
  const memo = new RunMemo();

  for (const [done, target] of discovered.entries()) {
    const name = target.name ?? target.root;
    const named = target.name ? { name: target.name } : {};
    const files = cache ? cache.withoutOwnFiles(target.files) : target.files;
    // The leftovers set aside too: one a file comes to name is read (checkDeployment).
    const hash =
      cache &&
      stats.time('cache', () => cache.hashDeployment(name, [...files, ...(target.setAside ?? [])], target.links));
    const cached = hash ? cache.get(name, hash) : undefined;
    let checked: { findings: Finding[]; fileCount: number; deployment: DerivedDeployment; internalError: boolean };
    let uses: RuntimeUse[];
    if (cached) {
      checked = {
        findings: cached.findings,
        fileCount: cached.fileCount,
        deployment: { root: target.root, ...named, documents: [], components: [], links: [], derived: emptyDerived() },
        internalError: false,
      };
      uses = cached.runtimes ?? [];
      stats.cacheHits++;
    } else {
      const result = checkDeployment(
        target,
        files,
        options,
        stats,
        { rules, settings, knownRuleIds, ownWords, parsed, memo },
        target.notes ?? [],
      );
      checked = result;
      uses = result.runtimes;
      // A run where a rule crashed is never cached: the next run must try again.
      if (cache && hash && !checked.internalError)
        cache.set(name, { hash, fileCount: checked.fileCount, findings: checked.findings, runtimes: uses });
    }
    runtimes.push(...uses);
    fileCount += checked.fileCount;
    internalError ||= checked.internalError;
    // Without the model only the root is kept: what a deployment read is released once its findings are made.
    deployments.push(
      options.keepModel === false
        ? { root: target.root, ...named, documents: [], components: [], links: [], derived: emptyDerived() }
        : checked.deployment,
    );
    for (const finding of checked.findings) {
      if (target.focus && !involves(finding, target.focus)) continue;
      findings.push({ ...finding, deployment: name });
    }
    stats.files += checked.fileCount;
    stats.deployments++;
    options.onProgress?.({ filesRead: fileCount, deploymentsDone: done + 1, deploymentsTotal: discovered.length });
  }
  findings.sort(compareFindings);
  return { findings, deployments, fileCount, rules, internalError, runtimes };
}

interface RuleSetup {
  rules: AnyRule[];
  settings: ReturnType<typeof resolveRuleSettings>;
  knownRuleIds: Set<string>;
  ownWords: string[];
  parsed: ParseCache | undefined;
  memo: RunMemo;
}

/** One deployment through parse → model → rules → suppressions → redaction. */
function checkDeployment(
  { root, name, setAside, links }: DiscoveredDeployment,
  files: string[],
  options: LintOptions,
  stats: RunStats,
  { rules, settings, knownRuleIds, ownWords, parsed, memo }: RuleSetup,
  walkNotes: Finding[],
) {
  const parsedFiles = stats.time('parse', () => {
    const read = readDocuments(files, parsed, root, links);
    // Editor and patch leftovers the walk set aside are read when a file read names one (an include, a mount, a COPY
    // of `default.conf~`): then with the rest, as the files of one deployment are (rare: a second read costs little).
    const named = namedLeftovers(setAside ?? [], read.documents);
    if (named.length === 0) return { ...read, listed: files };
    const listed = [...files, ...named].sort();
    return { ...readDocuments(listed, parsed, root, links), listed };
  });
  const { documents, findings: readFindings } = parsedFiles;
  const buildProjects = files.filter(isBuildFile).map((file) => path.dirname(file));
  const derive = (from: ParsedDocument[]) => {
    const model = stats.time('model', () =>
      buildModel(root, from, {
        config: options.config,
        java: options.java,
        memo,
        buildProjects,
        ...(links && { treeLinks: links }),
        files: parsedFiles.listed,
      }),
    );
    if (name) model.deployment.name = name;
    return stats.time('derive', () => deriveDeployment(model.deployment, model.certificates, memo));
  };
  const deployment = derive(documents);
  // Scripts applied only under a condition the tree does not settle: the deployment is also checked without them.
  const conditional = conditionalDocuments(documents, root);
  const withoutConditional =
    conditional.length > 0 ? derive(documents.filter((d) => !conditional.some((c) => c.doc === d))) : undefined;
  return stats.time('rules', () => {
    const mask = secretMasker(
      documents,
      () => modelNames(deployment),
      ownWords,
      () => [...deployment.derived.certificates.map((c) => c.cert.subjectText), ...imageReferencePhrases(documents)],
    );
    // Findings of the walk and the read are masked here, parse problems as they become findings (their quoted
    // values only, when they say which), rule messages as they are built: the last pass masks the rest.
    // Which certificate and store files nothing uses, asked by both parse-finding passes (homes built once).
    const unnamed = unnamedFileTest(deployment);
    const deploymentFindings = settings.applySeverity([
      ...redactFindings([...walkNotes, ...readFindings], mask),
      ...unloadedFileErrorsAsWarnings(
        unnamedMarkdownSnippetsAsInfo(
          unusedDamagedPemAsInfo(
            groupUnnamedLockedStores(parseFindings(documents, mask), deployment, unnamed),
            unnamed,
          ),
          documents,
        ),
        documents,
        root,
      ),
    ]);
    const ruleRun = runRules(deployment, rules, settings, options.config, options.cwd, mask, memo);
    let ruleFindings = settings.applySeverity(ruleRun.findings);
    let internalError = ruleRun.internalError;
    if (withoutConditional) {
      const other = runRules(withoutConditional, rules, settings, options.config, options.cwd, mask, memo);
      ruleFindings = withConditionalScripts(ruleFindings, settings.applySeverity(other.findings), conditional);
      internalError ||= other.internalError;
    }
    ruleFindings = withImageRecords(ruleFindings, deployment);
    const findings = withNamingPlaces(
      undeployedRoleFindingsAsInfo(
        [...withoutLockedBesideWrongPassword(deploymentFindings, ruleFindings), ...ruleFindings],
        deployment,
      ),
      parsedFiles.namedBy,
      mask,
    );
    // Inline `lint-deploy-disable…` directives (src/engine/run/suppressions.ts), after severities.
    const suppressed = applySuppressions(deferTemplateValues(findings, documents), documents, {
      reportUnused: options.reportUnusedDisableDirectives,
      knownRuleIds,
    });
    return {
      findings: redactFindings(suppressed, mask, maskedRuleIds(knownRuleIds)),
      // A .dockerignore only qualifies a Dockerfile's COPY/ADD, a script's `docker run` lines only name the release of
      // the files they mount, and its `ln`/`cp` lines what may enable a file: alone none is a file to check (DESIGN.md:
      // a run that checks no file exits 2); a pattern Docker refuses is a finding, which decides the exit code anyway.
      // A script's docker runs with settings of their own (`-e NAME=secret`) are a file checked.
      fileCount: new Set(
        documents
          .filter((d) => !QUALIFIERS_ONLY.has(d.kind) || (d.kind === CONTAINER_RUNS_KIND && d.entries.length > 0))
          .map((d) => d.file.path),
      ).size,
      deployment,
      internalError,
      runtimes: runtimeUses(deployment, mask),
    };
  });
}

function parseFindings(documents: ParsedDocument[], mask: (text: string) => string): Finding[] {
  return documents.flatMap((doc) => doc.problems.map((problem) => problemFinding(doc.file.path, problem, mask)));
}

/** Rule ids whose messages are masked where they are made: every rule's, and `parse/…` (walk, read and parse findings). */
function maskedRuleIds(ids: ReadonlySet<string>): { has(ruleId: string): boolean } {
  return { has: (ruleId) => ids.has(ruleId) || ruleId.startsWith('parse/') };
}

function involves(finding: Finding, files: Set<string>): boolean {
  return files.has(finding.location.file) || (finding.related ?? []).some((r) => files.has(r.file));
}

/**
 * The names the model gives a deployment's things, which messages quote whole or inside longer text: components and
 * the Kafka and Spring ends linked to nothing, the servers that serve no TLS. A short password that is also a word of one (a Compose service `kafka`)
 * is left there. Certificates' subjects are published texts (secretMasker's `published`: every handshake sends them);
 * a key-store alias is neither: it is the store's own label, and an alias equal to a password stays masked.
 */
function modelNames(deployment: DerivedDeployment): string[] {
  return [
    ...deployment.components.map((c) => c.name),
    ...(deployment.unlinkedEnds ?? []).map((end) => end.name),
    // Servers that serve no TLS are no components, but messages about the stores they name quote their names.
    ...(deployment.unservedTls ?? []).map((unserved) => unserved.server),
  ];
}
