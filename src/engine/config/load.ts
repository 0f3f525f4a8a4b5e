import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ParseError } from 'jsonc-parser';
import { jsonc } from '../../core/jsonc';
import { describeReadFailure, isInside, lexists, readRegularFile } from '../../core/safe-fs';
import { UsageError } from '../../core/types';
import type { AnyRule } from '../../rules/types';
import type { LintConfig, OverrideConfig, RuleSetting } from '../../core/config';
import { CONFIG_FILE_NAMES, defaultConfig } from '../../core/config';
import { validateAgainst, describeErrors, validateRuleOptions } from './validate';
import { PRESETS } from './presets.generated';
import { relativePosix } from '../../core/posix-path';

export const PRESET_NAMES = Object.keys(PRESETS);

/** A config file (or package.json) larger than this is refused: real ones are a few KB. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/**
 * Searches upward from `cwd` for a config file (or a `"lint-deploy"` key in package.json). Whatever has
 * a config name is returned (a FIFO or a link too: loading it then fails with one line); package.json
 * is looked into only when it is a regular file of bounded size (never a FIFO or /dev/zero).
 */
export function findConfigFile(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (lexists(candidate)) return candidate;
    }
    const pkg = readRegularFile(path.join(dir, 'package.json'), MAX_CONFIG_BYTES);
    if (pkg.ok) {
      try {
        if ((JSON.parse(pkg.bytes.toString('utf8')) as Record<string, unknown>)['lint-deploy'])
          return path.join(dir, 'package.json');
      } catch {
        // an unreadable package.json is not our config
      }
    }
    if (dir === path.dirname(dir)) return undefined;
  }
}

/** The raw JSON of a config file, as written (extends unresolved). */
type RawConfig = Partial<Omit<LintConfig, 'baseDir' | 'file'>> & { extends?: string | string[]; $schema?: string };

/**
 * Loads a config file into a `LintConfig`: reads it, validates it against
 * schemas/config.schema.json, resolves `extends` (presets and files), and
 * makes plugin paths absolute. Any problem is a `UsageError` naming the file,
 * the key path and a valid example. Without a file the `recommended` preset applies.
 */
export function loadConfig(file: string | undefined, cwd: string, options: { trusted?: boolean } = {}): LintConfig {
  if (!file) return withRecommended(defaultConfig(cwd));
  // Its directory's real path: discover reports the linted paths by their real paths (the working directory is
  // real), so globs, overrides and ignore patterns must be read from the same directory. A config reached through
  // a symbolic link (macOS /tmp, a linked checkout) otherwise matched no deployment and no override.
  const given = path.resolve(cwd, file);
  const absolute = path.join(realDir(path.dirname(given)), path.basename(given));
  // A config found in the tree is data from the tree: what it `extends` must stay in its directory.
  const confine = options.trusted ? undefined : path.dirname(absolute);
  const config = loadFile(absolute, displayName(absolute, cwd), cwd, [], confine);
  return { ...config, baseDir: path.dirname(absolute), file: absolute, ...(options.trusted ? {} : { confined: true }) };
}

/** A directory's real path (itself when it cannot be resolved: the caller reports what is missing). */
export function realDir(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return dir;
  }
}

/** A config as the CLI uses it without a config file (`--no-config` or none found): the recommended preset. */
export function withRecommended(config: LintConfig): LintConfig {
  return { ...config, rules: { ...PRESETS.recommended, ...config.rules } };
}

function displayName(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative && !relative.startsWith('..') ? relative : absolute;
}

function readRaw(absolute: string, name: string): RawConfig {
  const read = readRegularFile(absolute, MAX_CONFIG_BYTES);
  if (!read.ok) {
    if (read.reason === 'unreadable' || read.reason === 'missing')
      throw new UsageError(`Cannot read config file ${name}: ${read.code ?? 'EIO'}`);
    throw new UsageError(`Config file ${name} ${describeReadFailure(read, MAX_CONFIG_BYTES)}: not read`);
  }
  const text = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // The position only: JSON.parse's own message quotes the file's first characters.
    throw new UsageError(`Config file ${name} is not valid JSON: ${jsonErrorAt(text)}`);
  }
  if (path.basename(absolute) === 'package.json') raw = (raw as Record<string, unknown>)['lint-deploy'];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new UsageError(`Config file ${name} must hold a JSON object`);
  const errors = validateAgainst(raw);
  if (errors.length) throw new UsageError(`Invalid config file ${name}: ${describeErrors(errors)}`);
  return raw;
}

/** Where a text stops being JSON, as `line L, column C: <what>` (never the text itself). */
function jsonErrorAt(text: string): string {
  const errors: ParseError[] = [];
  const { parse: parseJsonc, printParseErrorCode } = jsonc();
  parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (!first) return 'unexpected content';
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < first.offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${first.offset - lineStart + 1}: ${printParseErrorCode(first.error)}`;
}

function loadFile(
  absolute: string,
  name: string,
  cwd: string,
  chain: string[],
  confine: string | undefined,
): LintConfig {
  if (chain.includes(absolute))
    throw new UsageError(
      `Config file ${name} extends itself (${[...chain, absolute].map((f) => displayName(f, cwd)).join(' → ')})`,
    );
  const raw = readRaw(absolute, name);
  const dir = path.dirname(absolute);
  const extendsList =
    raw.extends === undefined ? ['recommended'] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
  let merged = defaultConfig(dir);
  for (const base of extendsList) {
    if (base in PRESETS) {
      merged = merge(merged, { ...defaultConfig(dir), rules: { ...PRESETS[base as keyof typeof PRESETS] } });
      continue;
    }
    if (!base.startsWith('.') && !path.isAbsolute(base)) {
      throw new UsageError(
        `Invalid config file ${name}: "extends" names '${base}', which is neither a preset (${PRESET_NAMES.join(', ')}) nor a path. Example: "extends": ["recommended", "./shared/lint-deploy.base.json"]`,
      );
    }
    const target = path.resolve(dir, base);
    if (confine && !isInside(target, confine)) {
      throw new UsageError(
        `Config file ${name}: "extends" names ${base}, outside the directory of a config found in the linted tree (${confine}): not read (name a config outside the tree with --config)`,
      );
    }
    if (!fs.existsSync(target)) throw new UsageError(`Config file ${name}: "extends" file ${base} does not exist`);
    merged = merge(merged, rebase(loadFile(target, displayName(target, cwd), cwd, [...chain, absolute], confine), dir));
  }
  const own: LintConfig = {
    ...defaultConfig(dir),
    ...(raw as Partial<LintConfig>),
    plugins: (raw.plugins ?? []).map((p) => (p.startsWith('.') ? path.resolve(dir, p) : p)),
  };
  return merge(merged, own);
}

/** `later` wins for scalars and per-rule settings; lists are concatenated (base first). */
function merge(base: LintConfig, later: LintConfig): LintConfig {
  return {
    baseDir: later.baseDir,
    rules: { ...base.rules, ...later.rules },
    overrides: [...base.overrides, ...later.overrides],
    ignorePatterns: [...base.ignorePatterns, ...later.ignorePatterns],
    deployments: [...base.deployments, ...later.deployments],
    components: [...base.components, ...later.components],
    links: [...base.links, ...later.links],
    java: later.java ?? base.java,
    agentVersion: later.agentVersion ?? base.agentVersion,
    customRules: [...base.customRules, ...later.customRules],
    plugins: [...base.plugins, ...later.plugins],
  };
}

/** Globs of an extended file are relative to that file: rewrite them relative to the extending file's directory. */
function rebase(config: LintConfig, toDir: string): LintConfig {
  const prefix = relativePosix(toDir, config.baseDir);
  if (!prefix) return config;
  const glob = (g: string) => (g.startsWith('**/') || path.isAbsolute(g) ? g : `${prefix}/${g}`);
  return {
    ...config,
    overrides: config.overrides.map(
      (o): OverrideConfig => ({ ...o, files: Array.isArray(o.files) ? o.files.map(glob) : glob(o.files) }),
    ),
    deployments: config.deployments.map(glob),
    components: config.components.map((c) => ({ ...c, files: glob(c.files) })),
  };
}

/**
 * Checks every rule's options (built-in rules are covered by the schema; custom and
 * plugin rules are checked here against their `optionsSchema`).
 */
export function checkRuleOptions(config: LintConfig, rules: readonly AnyRule[]): void {
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const check = (table: Record<string, RuleSetting>, where: string) => {
    for (const [id, setting] of Object.entries(table)) {
      const rule = byId.get(id);
      if (!rule || !Array.isArray(setting) || setting[1] === undefined) continue;
      const problem = validateRuleOptions(rule, setting[1]);
      if (problem) throw new UsageError(`Invalid options for rule ${id} in ${where}: ${problem}`);
    }
  };
  const where = config.file ? `config file ${path.basename(config.file)}` : 'config';
  check(config.rules, `${where} "rules"`);
  config.overrides.forEach((o, i) => check(o.rules, `${where} "overrides[${i}].rules"`));
}
