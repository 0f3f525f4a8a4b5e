import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../core/types';
import { lexists, writeFileAtomic } from '../core/safe-fs';
import { CONFIG_FILE_NAMES, DEFAULT_CONFIG_FILE_NAME } from '../core/config';
import { describeErrors, validateAgainst } from '../engine/config/validate';
import { packageRoot, readPackageVersion } from './package-info';
import { relativePosix } from '../core/posix-path';

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

/** The schema as published with each release (release tags carry schemas/, see scripts/release/). */
export const publishedSchemaUrl = (version: string) =>
  `https://raw.githubusercontent.com/lint-deploy/lint-deploy/v${version}/schemas/config.schema.json`;

/**
 * The `$schema` for a config written in `configDir`: the relative path to the schema of the install
 * that runs, when that install belongs to the project (its node_modules is in `configDir` or above, or
 * `configDir` is inside the install); otherwise — a global install, npx's cache — the published URL of
 * this version's schema, since a path into this machine's global folders would not resolve elsewhere.
 */
export function schemaReference(configDir: string, root = packageRoot(), version = readPackageVersion()): string {
  const schema = path.join(root, 'schemas', 'config.schema.json');
  const segments = root.split(path.sep);
  const modules = segments.lastIndexOf('node_modules');
  const owner = modules > 0 ? segments.slice(0, modules).join(path.sep) || path.sep : root;
  const inside = (dir: string, parent: string) =>
    !path.relative(parent, dir).startsWith('..') && !path.isAbsolute(path.relative(parent, dir));
  if (!fs.existsSync(schema) || !inside(configDir, owner)) return publishedSchemaUrl(version);
  const relative = relativePosix(configDir, schema);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** Writes lint-deploy.config.json in `cwd`; refuses to overwrite an existing config. Returns the file written. */
export function writeStarterConfig(cwd: string): string {
  for (const name of CONFIG_FILE_NAMES) {
    if (lexists(path.join(cwd, name)))
      throw new UsageError(`${name} already exists here; edit it instead (see docs/configuration.md)`);
  }
  const config = { ...STARTER_CONFIG, $schema: schemaReference(cwd) };
  const errors = validateAgainst(config);
  if (errors.length) throw new Error(`the starter config is invalid: ${describeErrors(errors)}`);
  const file = path.join(cwd, DEFAULT_CONFIG_FILE_NAME);
  // Exclusive: a name taken by anything (a dangling symbolic link too) is never written through.
  writeFileAtomic(file, JSON.stringify(config, null, 2) + '\n', {
    explicit: false,
    exclusive: true,
    what: 'starter config',
  });
  return file;
}
