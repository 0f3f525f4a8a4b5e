import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../core/types';
import { UsageError } from '../core/types';
import { writeFileAtomic } from '../core/safe-fs';
import {
  applyBaseline,
  createBaseline,
  DEFAULT_BASELINE_FILE,
  readBaseline,
  writeBaseline,
} from '../engine/run/baseline';
import { lint } from '../engine/lint';
import { runHandshakeCommand } from './handshake';
import { getFormatter } from '../report';
import type { ReportContext } from '../report/types';
import { ALL_RULES } from '../rules';
import { USAGE, parseCliArgs, type CliArgs } from './args';
import { colorSupport } from './color';
import { formatErrorMatches } from './explain-error';
import type { CliIo } from './io';
import { writeStarterConfig } from './init';
import { packageRoot, readPackageVersion } from './package-info';
import { autoWorkerCount, performanceOptions } from './performance';
import { discover } from '../discover/discover';
import { resolveLintInputs } from './lint-inputs';
import { debugResolution } from './debug-resolution';

/** Runs the CLI and returns the exit code (0, 1 or 2). Never throws. */
export function runCli(argv: string[], io: CliIo): number {
  let debug = argv.includes('--debug');
  try {
    // `handshake` has its own options (src/cli/handshake.ts).
    if (argv[0] === 'handshake') return runHandshakeCommand(argv.slice(1), io);
    const args = parseCliArgs(argv);
    debug = args.debug;
    return runParsed(args, io, argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`lint-deploy: ${error.message}\n`);
    } else {
      const message = (error as Error)?.message ?? String(error);
      io.stderr(`lint-deploy: internal error: ${message.split('\n')[0]} (run with --debug for details)\n`);
      if (debug) io.stderr(`${(error as Error)?.stack ?? ''}\n`);
    }
    return 2;
  }
}

function runParsed(args: CliArgs, io: CliIo, argv: string[]): number {
  if (args.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (args.version) {
    io.stdout(`${readPackageVersion()}\n`);
    return 0;
  }
  if (args.listRules) {
    const width = Math.max(...ALL_RULES.map((r) => r.meta.id.length));
    io.stdout(
      ALL_RULES.map((r) => `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ${r.meta.description}`).join(
        '\n',
      ) + '\n',
    );
    return 0;
  }
  if (args.explain !== undefined) {
    io.stdout(explainRule(args.explain, colorSupport(args.color, io.env, io.stdoutIsTTY)));
    return 0;
  }
  if (args.explainJdk !== undefined) {
    const { explainJdk } = require('../knowledge') as typeof import('../knowledge');
    io.stdout(explainJdk(args.explainJdk, args.javaVendor) + '\n');
    return 0;
  }
  if (args.init) {
    const file = writeStarterConfig(io.cwd);
    io.stdout(
      `Wrote ${path.relative(io.cwd, file)}: edit it, then run lint-deploy (docs/configuration.md describes every key)\n`,
    );
    return 0;
  }
  // Unknown formats fail before any work is done.
  const formatters = args.formats.map((format) => getFormatter(format));
  const perf = performanceOptions(args, io);
  const inputs = resolveLintInputs(args, io.cwd, (run) => perf.stats.time('config', run));
  if (inputs.errorMatches) {
    const text = formatErrorMatches(args.explainError as string, inputs.errorMatches);
    if (!args.paths.length || !inputs.errorMatches.matches.length) {
      io.stdout(text);
      return 0;
    }
    // With paths: the explanation goes to stderr, the report of just those rules to stdout.
    io.stderr(text);
  }
  let workers = perf.workerCount();
  // With threads, the main thread finds the deployments once and deals them out (each thread walked the whole tree).
  const discovered =
    workers !== 1
      ? perf.stats.time('discover', () =>
          discover({
            paths: inputs.options.paths,
            cwd: inputs.options.cwd,
            config: inputs.options.config,
            ignorePatterns: inputs.options.ignorePatterns,
          }),
        )
      : undefined;
  if (workers === 'auto') workers = autoWorkerCount(discovered?.length ?? 0);
  const inThreads = (targets: NonNullable<typeof discovered>, count: number) => {
    const { lintInWorkers } = require('./parallel') as typeof import('./parallel');
    return lintInWorkers({ argv, cwd: io.cwd, env: io.env }, targets, count, inputs.options.extraRules ?? []);
  };
  const result =
    workers > 1 && discovered
      ? inThreads(discovered, workers)
      : lint({
          ...inputs.options,
          ...perf.lintOptions(inputs.config, inputs.extraRules, inputs.ruleOverrides),
          discovered,
          onDiscovered: args.debug ? (found) => printDeployments(found, io) : undefined,
        });
  perf.afterLint();
  // How the tree was read (templates, embedded configuration, overrides, Liberty includes): --debug only.
  if (args.debug) for (const line of debugResolution(result.deployments, io.cwd)) io.stderr(`lint-deploy: ${line}\n`);
  let all = result.findings;
  if (args.updateBaseline) {
    const file = path.resolve(io.cwd, args.baseline ?? DEFAULT_BASELINE_FILE);
    const baseline = createBaseline(all, file);
    writeBaseline(file, baseline, args.baseline !== undefined);
    io.stderr(
      `lint-deploy: recorded ${baseline.findings.length} finding${baseline.findings.length === 1 ? '' : 's'} in ${path.relative(io.cwd, file) || file}\n`,
    );
    all = applyBaseline(all, baseline);
  } else if (args.baseline !== undefined) {
    all = applyBaseline(all, readBaseline(path.resolve(io.cwd, args.baseline)));
  }
  const findings = args.quiet ? all.filter((f) => f.severity === 'error') : all;
  // Like ESLint's unmatched-pattern error: a CI job given a wrong path must not pass silently. A file
  // refused with a finding (binary, unreadable, too large) was checked: its finding decides the exit code.
  if (result.fileCount === 0 && !all.length && args.errorOnUnmatched && args.shard === undefined) {
    throw new UsageError(
      `no files to check under ${(args.paths.length ? args.paths : ['.']).join(', ')} (lint-deploy reads ${KNOWN_FILES}; --no-error-on-unmatched accepts an empty run)`,
    );
  }
  const context: ReportContext = {
    cwd: io.reportRoot ?? io.cwd,
    toolName: 'lint-deploy',
    toolVersion: readPackageVersion(),
    rules: result.rules.map((r) => r.meta),
    deployments: result.deployments,
    fileCount: result.fileCount,
    runtimes: result.runtimes,
    color: colorSupport(args.color, io.env, io.stdoutIsTTY),
  };
  perf.stats.time('report', () =>
    formatters.forEach((format, i) => {
      const output = args.outputFiles[i];
      const text = format(findings, output ? { ...context, color: false } : context);
      if (output) writeOutput(path.resolve(io.cwd, output), text);
      else io.stdout(text);
    }),
  );
  perf.printStats();
  if (result.internalError) {
    io.stderr('lint-deploy: a rule crashed (see the internal-error finding); the other rules ran\n');
    return 2;
  }
  return exitCode(findings, args.maxWarnings, io);
}

/** What "files to check" are, for the empty-run message. */
const KNOWN_FILES =
  'ClearTrust, MQ, WebSphere/Liberty, Tomcat, nginx, Spring, JDK, systemd and Dockerfile configuration';

function printDeployments(found: { name: string; reason: string; files: number }[], io: CliIo): void {
  for (const d of found)
    io.stderr(
      `lint-deploy: deployment ${path.relative(io.cwd, d.name) || '.'} (${d.files} file${d.files === 1 ? '' : 's'}): ${d.reason}\n`,
    );
}

function exitCode(findings: Finding[], maxWarnings: number | undefined, io: CliIo): number {
  const active = findings.filter((f) => !f.suppressed);
  const warnings = active.filter((f) => f.severity === 'warning').length;
  const tooManyWarnings = maxWarnings !== undefined && maxWarnings >= 0 && warnings > maxWarnings;
  // As ESLint does: say why the run failed when the warnings, not an error, fail it.
  if (tooManyWarnings) io.stderr(`lint-deploy found too many warnings: ${warnings} (maximum: ${maxWarnings})\n`);
  return active.some((f) => f.severity === 'error') || tooManyWarnings ? 1 : 0;
}

/** `-o` names its path on the command line: a symbolic link there is the user's choice and is followed. */
function writeOutput(file: string, text: string): void {
  writeFileAtomic(file, text, { explicit: true, what: 'report' });
}

function explainRule(id: string, color: boolean): string {
  const rule = ALL_RULES.find((r) => r.meta.id === id);
  if (!rule && !id.startsWith('parse/')) throw new UsageError(`Unknown rule '${id}' (see lint-deploy --list-rules)`);
  const page = path.join(packageRoot(), 'docs', 'rules', `${id.startsWith('parse/') ? 'parse' : id}.md`);
  try {
    // Loaded here, not at start-up: the Markdown lexer is only needed for --explain.
    const { renderMarkdownForTerminal } = require('./markdown') as typeof import('./markdown');
    return renderMarkdownForTerminal(fs.readFileSync(page, 'utf8'), color);
  } catch {
    return rule
      ? `${rule.meta.id}: ${rule.meta.description} (default severity: ${rule.meta.severity})\n`
      : `${id}: a file could not be parsed.\n`;
  }
}
