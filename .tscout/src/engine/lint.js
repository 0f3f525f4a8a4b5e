"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.lint = lint;
const path = __importStar(require("node:path"));
const types_1 = require("../core/types");
const discover_1 = require("../discover/discover");
const derive_1 = require("../derive/derive");
const build_1 = require("../model/build");
const mq_access_words_1 = require("../model/mq-access-words");
const types_2 = require("../parse/types");
const dockerignore_1 = require("../parse/dockerignore");
const rules_1 = require("../rules");
const build_files_1 = require("../core/build-files");
const run_memo_1 = require("../core/run-memo");
const read_1 = require("./run/read");
const parse_cache_1 = require("./run/parse-cache");
const redact_1 = require("./run/redact");
const run_rules_1 = require("./run/run-rules");
const rule_settings_1 = require("./config/rule-settings");
const suppressions_1 = require("./run/suppressions");
const shard_1 = require("./performance/shard");
const stats_1 = require("./performance/stats");
const runtime_uses_1 = require("./runtime-uses");
const template_values_1 = require("./run/template-values");
const conditional_scripts_1 = require("./run/conditional-scripts");
const locked_stores_1 = require("./run/locked-stores");
const unused_pem_files_1 = require("./run/unused-pem-files");
const unnamed_files_1 = require("./run/unnamed-files");
/** The library entry point: paths → findings (DESIGN.md pipeline). Throws only `UsageError`. */
function lint(options) {
    const rules = [...rules_1.ALL_RULES, ...(options.extraRules ?? [])];
    const settings = (0, rule_settings_1.resolveRuleSettings)(rules, options.config, options.ruleOverrides ?? {});
    const knownRuleIds = new Set(rules.map((r) => r.meta.id));
    // The model's own words a secret may be part of (a channel's ways in, which the JSON report and rules quote as text;
    // rules' own words are Phrases: src/core/phrase.ts).
    const ownWords = Object.values(mq_access_words_1.ACCESS_WORDS);
    const stats = options.stats ?? new stats_1.RunStats();
    const found = options.discovered ??
        stats.time('discover', () => (0, discover_1.discover)({
            paths: options.paths,
            cwd: options.cwd,
            config: options.config,
            ignorePatterns: options.ignorePatterns,
        }));
    options.onDiscovered?.(found.map((d) => ({ name: d.name ?? d.root, reason: d.reason, files: d.files.length })));
    // An ordinary deployment is sharded and cached by its root, as before file sets; a file set by its name.
    const discovered = found.filter((target) => (0, shard_1.inShard)(target.name ?? target.root, options.config.baseDir, options.shard));
    const findings = [];
    const deployments = [];
    let fileCount = 0;
    let internalError = false;
    const runtimes = [];
    const { cache } = options;
    // Documents parsed once per distinct content in this run (fleets copy the same JDK and CA files everywhere). One
    // deployment never hits the cache (inside a deployment a repeated content is parsed again): no cache, and no
    // content hash of each file read (a pre-commit run then never loads node:crypto for it).
    const parsed = options.parseCache ?? (discovered.length > 1 ? new parse_cache_1.ParseCache() : undefined);
    // Answers of pure knowledge computations (cipher strings, defaults) shared by the run's deployments.
    const memo = new run_memo_1.RunMemo();
    for (const [done, target] of discovered.entries()) {
        const name = target.name ?? target.root;
        const named = target.name ? { name: target.name } : {};
        const files = cache ? cache.withoutOwnFiles(target.files) : target.files;
        const hash = cache && stats.time('cache', () => cache.hashDeployment(name, files));
        const cached = hash ? cache.get(name, hash) : undefined;
        let checked;
        let uses;
        if (cached) {
            checked = {
                findings: cached.findings,
                fileCount: cached.fileCount,
                deployment: { root: target.root, ...named, documents: [], components: [], links: [], derived: (0, derive_1.emptyDerived)() },
                internalError: false,
            };
            uses = cached.runtimes ?? [];
            stats.cacheHits++;
        }
        else {
            const result = checkDeployment(target, files, options, stats, { rules, settings, knownRuleIds, ownWords, parsed, memo }, target.notes ?? []);
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
        deployments.push(options.keepModel === false
            ? { root: target.root, ...named, documents: [], components: [], links: [], derived: (0, derive_1.emptyDerived)() }
            : checked.deployment);
        for (const finding of checked.findings) {
            if (target.focus && !involves(finding, target.focus))
                continue;
            findings.push({ ...finding, deployment: name });
        }
        stats.files += checked.fileCount;
        stats.deployments++;
        options.onProgress?.({ filesRead: fileCount, deploymentsDone: done + 1, deploymentsTotal: discovered.length });
    }
    findings.sort(types_1.compareFindings);
    return { findings, deployments, fileCount, rules, internalError, runtimes };
}
/** One deployment through parse → model → rules → suppressions → redaction. */
function checkDeployment({ root, name }, files, options, stats, { rules, settings, knownRuleIds, ownWords, parsed, memo }, walkNotes) {
    const { documents, findings: readFindings } = stats.time('parse', () => (0, read_1.readDocuments)(files, parsed, root));
    const buildProjects = files.filter(build_files_1.isBuildFile).map((file) => path.dirname(file));
    const derive = (from) => {
        const model = stats.time('model', () => (0, build_1.buildModel)(root, from, { config: options.config, java: options.java, memo, buildProjects }));
        if (name)
            model.deployment.name = name;
        return stats.time('derive', () => (0, derive_1.deriveDeployment)(model.deployment, model.certificates, memo));
    };
    const deployment = derive(documents);
    // Scripts applied only under a condition the tree does not settle: the deployment is also checked without them.
    const conditional = (0, conditional_scripts_1.conditionalDocuments)(documents);
    const withoutConditional = conditional.length > 0 ? derive(documents.filter((d) => !conditional.some((c) => c.doc === d))) : undefined;
    return stats.time('rules', () => {
        const mask = (0, redact_1.secretMasker)(documents, () => modelNames(deployment), ownWords, () => deployment.derived.certificates.map((c) => c.cert.subjectText));
        // Findings of the walk and the read are masked here, parse problems as they become findings (their quoted
        // values only, when they say which), rule messages as they are built: the last pass masks the rest.
        // Which certificate and store files nothing uses, asked by both parse-finding passes (homes built once).
        const unnamed = (0, unnamed_files_1.unnamedFileTest)(deployment);
        const deploymentFindings = settings.applySeverity([
            ...(0, redact_1.redactFindings)([...walkNotes, ...readFindings], mask),
            ...(0, unused_pem_files_1.unusedDamagedPemAsInfo)((0, locked_stores_1.groupUnnamedLockedStores)(parseFindings(documents, mask), deployment, unnamed), unnamed),
        ]);
        const ruleRun = (0, run_rules_1.runRules)(deployment, rules, settings, options.config, options.cwd, mask, memo);
        let ruleFindings = settings.applySeverity(ruleRun.findings);
        let internalError = ruleRun.internalError;
        if (withoutConditional) {
            const other = (0, run_rules_1.runRules)(withoutConditional, rules, settings, options.config, options.cwd, mask, memo);
            ruleFindings = (0, conditional_scripts_1.withConditionalScripts)(ruleFindings, settings.applySeverity(other.findings), conditional);
            internalError ||= other.internalError;
        }
        const findings = [...(0, locked_stores_1.withoutLockedBesideWrongPassword)(deploymentFindings, ruleFindings), ...ruleFindings];
        // Inline `lint-deploy-disable…` directives (src/engine/run/suppressions.ts), after severities.
        const suppressed = (0, suppressions_1.applySuppressions)((0, template_values_1.deferTemplateValues)(findings, documents), documents, {
            reportUnused: options.reportUnusedDisableDirectives,
            knownRuleIds,
        });
        return {
            findings: (0, redact_1.redactFindings)(suppressed, mask, maskedRuleIds(rules)),
            // A .dockerignore only qualifies a Dockerfile's COPY/ADD: alone it is no file to check (DESIGN.md: a run that
            // checks no file exits 2); a pattern Docker refuses is a finding, which decides the exit code anyway.
            fileCount: new Set(documents.filter((d) => d.kind !== dockerignore_1.DOCKERIGNORE_KIND).map((d) => d.file.path)).size,
            deployment,
            internalError,
            runtimes: (0, runtime_uses_1.runtimeUses)(deployment, mask),
        };
    });
}
function parseFindings(documents, mask) {
    return documents.flatMap((doc) => doc.problems.map((problem) => (0, types_2.problemFinding)(doc.file.path, problem, mask)));
}
/** Rule ids whose messages are masked where they are made: every rule's, and `parse/…` (walk, read and parse findings). */
function maskedRuleIds(rules) {
    const ids = new Set(rules.map((r) => r.meta.id));
    return { has: (ruleId) => ids.has(ruleId) || ruleId.startsWith('parse/') };
}
function involves(finding, files) {
    return files.has(finding.location.file) || (finding.related ?? []).some((r) => files.has(r.file));
}
/**
 * The names the model gives a deployment's things, which messages quote whole or inside longer text: components and
 * the Kafka and Spring ends linked to nothing. A short password that is also a word of one (a Compose service `kafka`)
 * is left there. Certificates' subjects are published texts (secretMasker's `published`: every handshake sends them);
 * a key-store alias is neither: it is the store's own label, and an alias equal to a password stays masked.
 */
function modelNames(deployment) {
    return [...deployment.components.map((c) => c.name), ...(deployment.unlinkedEnds ?? []).map((end) => end.name)];
}
