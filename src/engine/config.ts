import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../core/types';
import type { LintConfig } from './config-types';
import { defaultConfig } from './config-types';

export const CONFIG_FILE_NAMES = ['lint-deploy.config.json', '.lint-deployrc.json'];

/** Searches upward from `cwd` for a config file (or a `"lint-deploy"` key in package.json). */
export function findConfigFile(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as Record<string, unknown>)['lint-deploy']) return pkg;
      } catch {
        // an unreadable package.json is not our config
      }
    }
    if (dir === path.dirname(dir)) return undefined;
  }
}

/** Loads a config file into a `LintConfig`; any problem is a `UsageError` naming the file. */
export function loadConfig(file: string | undefined, cwd: string): LintConfig {
  if (!file) return defaultConfig(cwd);
  const absolute = path.resolve(cwd, file);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read config file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`Config file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (path.basename(absolute) === 'package.json') raw = (raw as Record<string, unknown>)['lint-deploy'];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new UsageError(`Config file ${file} must hold a JSON object`);
  const base = defaultConfig(path.dirname(absolute));
  return { ...base, ...(raw as Partial<LintConfig>), baseDir: base.baseDir, file: absolute };
}
