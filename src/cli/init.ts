import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../core/types';
import { CONFIG_FILE_NAMES } from '../core/config';
import { describeErrors, validateAgainst } from '../engine/config-validate';

/** The config `lint-deploy --init` writes: valid against schemas/config.schema.json, every section present. */
export const STARTER_CONFIG = {
  $schema: './node_modules/lint-deploy/schemas/config.schema.json',
  extends: ['recommended'],
  rules: {},
  overrides: [],
  ignorePatterns: ['**/backup/**', '**/*.orig'],
  deployments: [],
  components: [],
  links: [],
  customRules: [],
  plugins: [],
};

/** Writes lint-deploy.config.json in `cwd`; refuses to overwrite an existing config. Returns the file written. */
export function writeStarterConfig(cwd: string): string {
  for (const name of CONFIG_FILE_NAMES) {
    if (fs.existsSync(path.join(cwd, name))) throw new UsageError(`${name} already exists here; edit it instead (see docs/configuration.md)`);
  }
  const errors = validateAgainst(STARTER_CONFIG);
  if (errors.length) throw new Error(`the starter config is invalid: ${describeErrors(errors)}`);
  const file = path.join(cwd, CONFIG_FILE_NAMES[0]);
  fs.writeFileSync(file, JSON.stringify(STARTER_CONFIG, null, 2) + '\n');
  return file;
}
