import type { SeveritySetting } from './types';

/** Config file names, searched upward from the working directory (discover skips them as inputs). */
/** The name `--init` writes. */
export const DEFAULT_CONFIG_FILE_NAME = 'lint-deploy.config.json';
export const CONFIG_FILE_NAMES = [DEFAULT_CONFIG_FILE_NAME, '.lint-deployrc.json'];

/** Default `--cache` file name (discover skips it as an input). */
export const DEFAULT_CACHE_FILE = '.lint-deploy-cache';

/** A rule setting: a severity, or [severity, options]. */
export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>?];

export interface ComponentConfig {
  /** Glob (relative to the config file) of the files or directory that make the component. */
  files: string;
  java?: { version?: string; vendor?: string };
  /** The IBM MQ release (V.R.M.F) of the queue managers whose MQSC the glob matches, when the tree does not say. */
  mqRelease?: string;
  role?: string;
  host?: string;
}

export interface LinkConfig {
  client: string;
  server: string;
}

export interface OverrideConfig {
  files: string | string[];
  rules: Record<string, RuleSetting>;
}

/** The resolved lint-deploy configuration (file + CLI flags). */
export interface LintConfig {
  /** Directory the config file lives in (globs are relative to it); the cwd when there is no file. */
  baseDir: string;
  /** Path of the config file, when one was used. */
  file?: string;
  /**
   * The config was found in the linted tree, not named with --config (docs/security.md): its
   * `extends` and `deployments` must stay inside its directory.
   */
  confined?: boolean;
  rules: Record<string, RuleSetting>;
  overrides: OverrideConfig[];
  ignorePatterns: string[];
  /** Globs of deployment roots, e.g. `envs/*`. */
  deployments: string[];
  components: ComponentConfig[];
  links: LinkConfig[];
  /** Default JDK when the tree does not say. */
  java?: { version?: string; vendor?: string };
  /** Version of ClearTrust web agents when the tree does not say (e.g. `4.7.2`). */
  agentVersion?: string;
  /** Declarative custom rules (see docs/configuration.md). */
  customRules: Record<string, unknown>[];
  /** Modules of code rules, loaded only when named here. */
  plugins: string[];
}

export function defaultConfig(baseDir: string): LintConfig {
  return {
    baseDir,
    rules: {},
    overrides: [],
    ignorePatterns: [],
    deployments: [],
    components: [],
    links: [],
    customRules: [],
    plugins: [],
  };
}
