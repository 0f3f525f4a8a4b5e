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
exports.runCli = runCli;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const types_1 = require("../core/types");
const safe_fs_1 = require("../core/safe-fs");
const baseline_1 = require("../engine/run/baseline");
const lint_1 = require("../engine/lint");
const handshake_1 = require("./handshake");
const report_1 = require("../report");
const rules_1 = require("../rules");
const args_1 = require("./args");
const color_1 = require("./color");
const explain_error_1 = require("./explain-error");
const init_1 = require("./init");
const package_info_1 = require("./package-info");
const performance_1 = require("./performance");
const discover_1 = require("../discover/discover");
const lint_inputs_1 = require("./lint-inputs");
const debug_resolution_1 = require("./debug-resolution");
/** Runs the CLI and returns the exit code (0, 1 or 2). Never throws. */
function runCli(argv, io) {
    let debug = argv.includes('--debug');
    try {
        // `handshake` has its own options (src/cli/handshake.ts).
        if (argv[0] === 'handshake')
            return (0, handshake_1.runHandshakeCommand)(argv.slice(1), io);
        const args = (0, args_1.parseCliArgs)(argv);
        debug = args.debug;
        return runParsed(args, io, argv);
    }
    catch (error) {
        if (error instanceof types_1.UsageError) {
            io.stderr(`lint-deploy: ${error.message}\n`);
        }
        else {
            const message = error?.message ?? String(error);
            io.stderr(`lint-deploy: internal error: ${message.split('\n')[0]} (run with --debug for details)\n`);
            if (debug)
                io.stderr(`${error?.stack ?? ''}\n`);
        }
        return 2;
    }
}
function runParsed(args, io, argv) {
    if (args.help) {
        io.stdout(`${args_1.USAGE}\n`);
        return 0;
    }
    if (args.version) {
        io.stdout(`${(0, package_info_1.readPackageVersion)()}\n`);
        return 0;
    }
    if (args.listRules) {
        const width = Math.max(...rules_1.ALL_RULES.map((r) => r.meta.id.length));
        io.stdout(rules_1.ALL_RULES.map((r) => `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ${r.meta.description}`).join('\n') + '\n');
        return 0;
    }
    if (args.explain !== undefined) {
        io.stdout(explainRule(args.explain, (0, color_1.colorSupport)(args.color, io.env, io.stdoutIsTTY)));
        return 0;
    }
    if (args.explainJdk !== undefined) {
        const { explainJdk } = require('../knowledge');
        io.stdout(explainJdk(args.explainJdk, args.javaVendor) + '\n');
        return 0;
    }
    if (args.init) {
        const file = (0, init_1.writeStarterConfig)(io.cwd);
        io.stdout(`Wrote ${path.relative(io.cwd, file)}: edit it, then run lint-deploy (docs/configuration.md describes every key)\n`);
        return 0;
    }
    // Unknown formats fail before any work is done.
    const formatters = args.formats.map((format) => (0, report_1.getFormatter)(format));
    const perf = (0, performance_1.performanceOptions)(args, io);
    const inputs = (0, lint_inputs_1.resolveLintInputs)(args, io.cwd, (run) => perf.stats.time('config', run));
    if (inputs.errorMatches) {
        const text = (0, explain_error_1.formatErrorMatches)(args.explainError, inputs.errorMatches);
        if (!args.paths.length || !inputs.errorMatches.matches.length) {
            io.stdout(text);
            return 0;
        }
        // With paths: the explanation goes to stderr, the report of just those rules to stdout.
        io.stderr(text);
    }
    let workers = perf.workerCount();
    // With threads, the main thread finds the deployments once and deals them out (each thread walked the whole tree).
    const discovered = workers !== 1
        ? perf.stats.time('discover', () => (0, discover_1.discover)({
            paths: inputs.options.paths,
            cwd: inputs.options.cwd,
            config: inputs.options.config,
            ignorePatterns: inputs.options.ignorePatterns,
        }))
        : undefined;
    if (workers === 'auto')
        workers = (0, performance_1.autoWorkerCount)(discovered?.length ?? 0);
    const inThreads = (targets, count) => {
        const { lintInWorkers } = require('./parallel');
        return lintInWorkers({ argv, cwd: io.cwd, env: io.env }, targets, count, inputs.options.extraRules ?? []);
    };
    const result = workers > 1 && discovered
        ? inThreads(discovered, workers)
        : (0, lint_1.lint)({
            ...inputs.options,
            ...perf.lintOptions(inputs.config, inputs.extraRules, inputs.ruleOverrides),
            discovered,
            onDiscovered: args.debug ? (found) => printDeployments(found, io) : undefined,
        });
    perf.afterLint();
    // How the tree was read (templates, embedded configuration, overrides, Liberty includes): --debug only.
    if (args.debug)
        for (const line of (0, debug_resolution_1.debugResolution)(result.deployments, io.cwd))
            io.stderr(`lint-deploy: ${line}\n`);
    let all = result.findings;
    if (args.updateBaseline) {
        const file = path.resolve(io.cwd, args.baseline ?? baseline_1.DEFAULT_BASELINE_FILE);
        const baseline = (0, baseline_1.createBaseline)(all, file);
        (0, baseline_1.writeBaseline)(file, baseline, args.baseline !== undefined);
        io.stderr(`lint-deploy: recorded ${baseline.findings.length} finding${baseline.findings.length === 1 ? '' : 's'} in ${path.relative(io.cwd, file) || file}\n`);
        all = (0, baseline_1.applyBaseline)(all, baseline);
    }
    else if (args.baseline !== undefined) {
        all = (0, baseline_1.applyBaseline)(all, (0, baseline_1.readBaseline)(path.resolve(io.cwd, args.baseline)));
    }
    const findings = args.quiet ? all.filter((f) => f.severity === 'error') : all;
    // Like ESLint's unmatched-pattern error: a CI job given a wrong path must not pass silently. A file
    // refused with a finding (binary, unreadable, too large) was checked: its finding decides the exit code.
    if (result.fileCount === 0 && !all.length && args.errorOnUnmatched && args.shard === undefined) {
        throw new types_1.UsageError(`no files to check under ${(args.paths.length ? args.paths : ['.']).join(', ')} (lint-deploy reads ${KNOWN_FILES}; --no-error-on-unmatched accepts an empty run)`);
    }
    const context = {
        cwd: io.reportRoot ?? io.cwd,
        toolName: 'lint-deploy',
        toolVersion: (0, package_info_1.readPackageVersion)(),
        rules: result.rules.map((r) => r.meta),
        deployments: result.deployments,
        fileCount: result.fileCount,
        runtimes: result.runtimes,
        color: (0, color_1.colorSupport)(args.color, io.env, io.stdoutIsTTY),
    };
    perf.stats.time('report', () => formatters.forEach((format, i) => {
        const output = args.outputFiles[i];
        const text = format(findings, output ? { ...context, color: false } : context);
        if (output)
            writeOutput(path.resolve(io.cwd, output), text);
        else
            io.stdout(text);
    }));
    perf.printStats();
    if (result.internalError) {
        io.stderr('lint-deploy: a rule crashed (see the internal-error finding); the other rules ran\n');
        return 2;
    }
    return exitCode(findings, args.maxWarnings, io);
}
/** What "files to check" are, for the empty-run message. */
const KNOWN_FILES = 'ClearTrust, MQ, WebSphere/Liberty, Tomcat, nginx, Spring, JDK, systemd and Dockerfile configuration';
function printDeployments(found, io) {
    for (const d of found)
        io.stderr(`lint-deploy: deployment ${path.relative(io.cwd, d.name) || '.'} (${d.files} file${d.files === 1 ? '' : 's'}): ${d.reason}\n`);
}
function exitCode(findings, maxWarnings, io) {
    const active = findings.filter((f) => !f.suppressed);
    const warnings = active.filter((f) => f.severity === 'warning').length;
    const tooManyWarnings = maxWarnings !== undefined && maxWarnings >= 0 && warnings > maxWarnings;
    // As ESLint does: say why the run failed when the warnings, not an error, fail it.
    if (tooManyWarnings)
        io.stderr(`lint-deploy found too many warnings: ${warnings} (maximum: ${maxWarnings})\n`);
    return active.some((f) => f.severity === 'error') || tooManyWarnings ? 1 : 0;
}
/** `-o` names its path on the command line: a symbolic link there is the user's choice and is followed. */
function writeOutput(file, text) {
    (0, safe_fs_1.writeFileAtomic)(file, text, { explicit: true, what: 'report' });
}
function explainRule(id, color) {
    const rule = rules_1.ALL_RULES.find((r) => r.meta.id === id);
    if (!rule && !id.startsWith('parse/'))
        throw new types_1.UsageError(`Unknown rule '${id}' (see lint-deploy --list-rules)`);
    const page = path.join((0, package_info_1.packageRoot)(), 'docs', 'rules', `${id.startsWith('parse/') ? 'parse' : id}.md`);
    try {
        // Loaded here, not at start-up: the Markdown lexer is only needed for --explain.
        const { renderMarkdownForTerminal } = require('./markdown');
        return renderMarkdownForTerminal(fs.readFileSync(page, 'utf8'), color);
    }
    catch {
        return rule
            ? `${rule.meta.id}: ${rule.meta.description} (default severity: ${rule.meta.severity})\n`
            : `${id}: a file could not be parsed.\n`;
    }
}
