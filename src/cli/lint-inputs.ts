import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../core/types';
import { checkRuleOptions, findConfigFile, loadConfig, realDir, withRecommended } from '../engine/config/load';
import { defaultConfig } from '../core/config';
import type { LintConfig } from '../core/config';
import { compileCustomRules } from '../engine/custom-rules/compile';
import type { LintOptions } from '../engine/lint';
import { loadPlugins } from '../engine/custom-rules/plugins';
import { ALL_RULES } from '../rules';
import type { AnyRule } from '../rules/types';
import type { CliArgs } from './args';
import { matchError, type MqCodeInfo } from './explain-error';

type ErrorMatches = ReturnType<typeof matchError>;

/** What a lint run needs from the command line, resolved the same way in the main thread and in workers. */
export interface LintInputs {
  config: LintConfig;
  extraRules: AnyRule[];
  ruleOverrides: Record<string, string>;
  /** `explain-error <text> <paths>`: the rules that predict the error (the others are switched off). */
  errorMatches?: ErrorMatches;
  options: LintOptions;
}

export function resolveLintInputs(
  args: CliArgs,
  cwd: string,
  timeConfig: <T>(run: () => T) => T = (run) => run(),
): LintInputs {
  const config = timeConfig(() => resolveConfig(args, cwd));
  const builtInIds = new Set(ALL_RULES.map((r) => r.meta.id));
  const extraRules = [
    ...compileCustomRules(config.customRules, builtInIds),
    ...loadPlugins(config.plugins, config.baseDir, builtInIds, args.allowPlugins),
  ];
  checkRuleOptions(config, [...ALL_RULES, ...extraRules]);
  const ruleOverrides = { ...args.rules };
  let errorMatches: ErrorMatches | undefined;
  if (args.explainError !== undefined) {
    errorMatches = matchError(args.explainError, [...ALL_RULES, ...extraRules], mqLookup());
    if (args.paths.length && errorMatches.matches.length) {
      const matched = new Set(errorMatches.matches.map((m) => m.rule.meta.id));
      for (const rule of [...ALL_RULES, ...extraRules])
        if (!matched.has(rule.meta.id)) ruleOverrides[rule.meta.id] = 'off';
    }
  }
  const options: LintOptions = {
    paths: args.paths,
    cwd,
    config,
    ignorePatterns: args.ignorePatterns,
    ruleOverrides,
    java: args.javaVersion || args.javaVendor ? { version: args.javaVersion, vendor: args.javaVendor } : undefined,
    extraRules,
    reportUnusedDisableDirectives: args.reportUnusedDisableDirectives,
  };
  return { config, extraRules, ruleOverrides, errorMatches, options };
}

function resolveConfig(args: CliArgs, cwd: string): LintConfig {
  const config = args.noConfig
    ? withRecommended(defaultConfig(cwd))
    : args.config !== undefined
      ? loadConfig(args.config, cwd, { trusted: true })
      : loadConfig(findConfigForPaths(args.paths, cwd), cwd);
  return args.agentVersion ? { ...config, agentVersion: args.agentVersion } : config;
}

/**
 * The config file that applies to the linted paths: searched upward from each path (a file's
 * directory), else from the working directory (DESIGN.md "Deployments"). Paths under different
 * config files cannot share one run's settings: that is a usage error naming both.
 */
export function findConfigForPaths(paths: readonly string[], cwd: string): string | undefined {
  const found = new Map<string, string>();
  for (const given of paths.length ? paths : ['.']) {
    const absolute = path.resolve(cwd, given);
    let start = absolute;
    try {
      if (!fs.statSync(absolute).isDirectory()) start = path.dirname(absolute);
    } catch {
      continue; // a missing path is reported by discover, naming it
    }
    const file = findConfigFile(start);
    // By its real path: one config reached through a symbolic link and directly is one config.
    const real = file && path.join(realDir(path.dirname(file)), path.basename(file));
    if (real && !found.has(real)) found.set(real, given);
  }
  const [first, second] = [...found];
  if (first && second) {
    const [[a, pathA], [b, pathB]] = [first, second];
    throw new UsageError(
      `${pathA} and ${pathB} are under different config files (${path.relative(cwd, a) || a}, ${path.relative(cwd, b) || b}): lint them in separate runs, or choose one with --config`,
    );
  }
  return found.size ? [...found.keys()][0] : findConfigFile(cwd);
}

/** MQ reason codes from the knowledge base (loaded only for explain-error). */
function mqLookup(): (code: string) => MqCodeInfo | undefined {
  const { mqReasonCode } = require('../knowledge') as typeof import('../knowledge');
  return (code) => mqReasonCode(code);
}
