import { checkRuleOptions, findConfigFile, loadConfig, withRecommended } from '../engine/config/load';
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

export function resolveLintInputs(args: CliArgs, cwd: string, timeConfig: <T>(run: () => T) => T = (run) => run()): LintInputs {
  const config = timeConfig(() => resolveConfig(args, cwd));
  const builtInIds = new Set(ALL_RULES.map((r) => r.meta.id));
  const extraRules = [...compileCustomRules(config.customRules, builtInIds), ...loadPlugins(config.plugins, config.baseDir, builtInIds, args.allowPlugins)];
  checkRuleOptions(config, [...ALL_RULES, ...extraRules]);
  const ruleOverrides = { ...args.rules };
  let errorMatches: ErrorMatches | undefined;
  if (args.explainError !== undefined) {
    errorMatches = matchError(args.explainError, [...ALL_RULES, ...extraRules], mqLookup());
    if (args.paths.length && errorMatches.matches.length) {
      const matched = new Set(errorMatches.matches.map((m) => m.rule.meta.id));
      for (const rule of [...ALL_RULES, ...extraRules]) if (!matched.has(rule.meta.id)) ruleOverrides[rule.meta.id] = 'off';
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
  const config = args.noConfig ? withRecommended(defaultConfig(cwd)) : args.config !== undefined ? loadConfig(args.config, cwd, { trusted: true }) : loadConfig(findConfigFile(cwd), cwd);
  return args.agentVersion ? { ...config, agentVersion: args.agentVersion } : config;
}

/** MQ reason codes from the knowledge base (loaded only for explain-error). */
function mqLookup(): (code: string) => MqCodeInfo | undefined {
  const { mqReasonCode } = require('../knowledge') as typeof import('../knowledge');
  return (code) => mqReasonCode(code);
}
