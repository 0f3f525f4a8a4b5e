/** lint-deploy as a library: `lint()` runs the pipeline; formatters turn findings into text. */
export { lint } from './engine/lint';
export type { LintOptions, LintResult } from './engine/lint';
export { loadConfig, findConfigFile } from './engine/config/load';
export { defaultConfig } from './core/config';
export type { LintConfig } from './core/config';
export { getFormatter, formatterNames } from './report';
export type { Finding, Location, Range, Position, Severity } from './core/types';
export { ALL_RULES } from './rules';
export { runCli } from './cli/main';
