import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../../src/core/types';
import { checkRuleOptions, findConfigFile, loadConfig } from '../../src/engine/config/load';
import { validateAgainst } from '../../src/engine/config/validate';
import { PRESETS } from '../../src/engine/config/presets.generated';
import { ALL_RULES } from '../../src/rules';
import { defineRule } from '../../src/rules/types';
import { STARTER_CONFIG, writeStarterConfig } from '../../src/cli/init';
import { writeTree } from '../helpers/rule-tester';

const repo = path.resolve(__dirname, '../..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function tree(files: Record<string, unknown>): string {
  const dir = writeTree(
    Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])),
  );
  dirs.push(dir);
  return dir;
}
function loadError(config: unknown): string {
  const dir = tree({ 'lint-deploy.config.json': config });
  try {
    loadConfig('lint-deploy.config.json', dir);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('config validation errors name the key path and show a valid example', () => {
  it('an unknown top-level key', () => {
    expect(loadError({ rulez: {} })).toBe(
      'Invalid config file lint-deploy.config.json: rulez is not a lint-deploy config key. Valid keys: one of the keys $schema, extends, rules, overrides, ignorePatterns, deployments, components, links, java, agentVersion, customRules, plugins',
    );
  });

  it('a bad severity', () => {
    const message = loadError({ rules: { 'cleartrust/ssl-mode-mismatch': 'fatal' } });
    expect(message).toContain('rules["cleartrust/ssl-mode-mismatch"] must be one of "off", "info", "warning", "error"');
    expect(message).toContain('Example: "rules": {');
  });

  it('a wrongly typed nested value', () => {
    expect(loadError({ components: [{ files: 'a/**', java: { version: 8 } }] })).toContain(
      'components[0].java.version must be string. Example: "components": [{ "files"',
    );
    expect(loadError({ overrides: [{ files: 'a/**' }] })).toContain("overrides[0] must have required property 'rules'");
    expect(loadError({ agentVersion: 'four' })).toMatch(
      /^Invalid config file lint-deploy.config.json: agentVersion must match pattern .*Example: "agentVersion": "4.7.2"$/,
    );
  });

  it('an unknown key inside an object', () => {
    expect(loadError({ links: [{ client: 'a', server: 'b', port: 1 }] })).toContain(
      'links[0].port is not allowed here. Example: "links"',
    );
  });

  it('not JSON, or not an object', () => {
    expect(loadError('{ "rules": ')).toMatch(/is not valid JSON/);
    expect(loadError('[]')).toMatch(/must hold a JSON object/);
  });

  it('options of plugin and custom rules are checked against their optionsSchema', () => {
    const rule = defineRule({
      meta: {
        id: 'acme/max-age',
        description: 'x',
        severity: 'warning',
        messages: { m: 'm' },
        defaultOptions: { days: 30 },
        optionsSchema: { type: 'object', additionalProperties: false, properties: { days: { type: 'integer' } } },
      },
      check() {},
    });
    const config = {
      ...loadConfig(undefined, repo),
      rules: { 'acme/max-age': ['warning', { days: 'ten' }] as [string, Record<string, unknown>] },
    } as never;
    expect(() => checkRuleOptions(config, [rule])).toThrow(
      'Invalid options for rule acme/max-age in config "rules": days must be integer. Example: ["warning", {"days":30}]',
    );
    const unknown = { ...loadConfig(undefined, repo), rules: { 'acme/max-age': ['warning', { weeks: 1 }] } } as never;
    expect(() => checkRuleOptions(unknown, [rule])).toThrow("has unknown option 'weeks'");
  });
});

describe('config loading', () => {
  it('finds the config upward, also as a "lint-deploy" key in package.json', () => {
    const dir = tree({
      'package.json': { name: 'x', 'lint-deploy': { rules: { 'cleartrust/ssl-settings-ignored': 'off' } } },
      'envs/prod/aserver.conf': 'x=1\n',
    });
    const found = findConfigFile(path.join(dir, 'envs/prod'));
    expect(found).toBe(path.join(dir, 'package.json'));
    expect(loadConfig(found, dir).rules['cleartrust/ssl-settings-ignored']).toBe('off');
  });

  it('applies the recommended preset when nothing is extended, and lets rules override it', () => {
    const dir = tree({ 'lint-deploy.config.json': { rules: { 'cleartrust/ssl-mode-mismatch': 'warning' } } });
    const config = loadConfig('lint-deploy.config.json', dir);
    expect(config.rules['cleartrust/ssl-mode-mismatch']).toBe('warning');
    expect(config.rules['cleartrust/keyserver-ssl-mode-mismatch']).toBe('error');
    expect(loadConfig(undefined, dir).rules).toEqual(PRESETS.recommended);
  });

  it('presets are generated from rule metadata: strict has every rule at its default severity', () => {
    expect(Object.keys(PRESETS.strict).sort()).toEqual(ALL_RULES.map((r) => r.meta.id).sort());
    for (const rule of ALL_RULES) {
      expect(PRESETS.strict[rule.meta.id]).toBe(rule.meta.severity);
      expect(PRESETS.recommended[rule.meta.id]).toBe(rule.meta.recommended === false ? 'off' : rule.meta.severity);
    }
  });

  it('extends a file: its rules come first, its globs stay relative to it, lists are concatenated', () => {
    const dir = tree({
      'shared/base.json': {
        extends: 'strict',
        rules: { 'cleartrust/ssl-settings-ignored': 'off', 'cleartrust/ssl-mode-mismatch': 'info' },
        overrides: [{ files: 'legacy/**', rules: { 'cleartrust/*': 'warning' } }],
        plugins: ['./rules.js'],
      },
      'lint-deploy.config.json': {
        extends: ['./shared/base.json'],
        rules: { 'cleartrust/ssl-mode-mismatch': 'error' },
        deployments: ['envs/*'],
      },
    });
    const config = loadConfig('lint-deploy.config.json', dir);
    expect(config.rules['cleartrust/ssl-settings-ignored']).toBe('off');
    expect(config.rules['cleartrust/ssl-mode-mismatch']).toBe('error');
    expect(config.overrides).toEqual([{ files: 'shared/legacy/**', rules: { 'cleartrust/*': 'warning' } }]);
    expect(config.plugins).toEqual([path.join(dir, 'shared/rules.js')]);
    expect(config.deployments).toEqual(['envs/*']);
    expect(config.baseDir).toBe(dir);
  });

  it('rejects extends cycles, missing files and unknown presets', () => {
    const dir = tree({ 'a.json': { extends: './b.json' }, 'b.json': { extends: './a.json' } });
    expect(() => loadConfig('a.json', dir)).toThrow('Config file a.json extends itself (a.json → b.json → a.json)');
    expect(loadError({ extends: './nope.json' })).toContain('"extends" file ./nope.json does not exist');
    expect(loadError({ extends: 'airbnb' })).toContain(
      '"extends" names \'airbnb\', which is neither a preset (recommended, strict) nor a path',
    );
  });
});

describe('lint-deploy --init', () => {
  it('writes a starter config that validates and loads, and will not overwrite it', () => {
    expect(validateAgainst(STARTER_CONFIG)).toEqual([]);
    const dir = tree({});
    const file = writeStarterConfig(dir);
    expect(validateAgainst(JSON.parse(fs.readFileSync(file, 'utf8')))).toEqual([]);
    expect(loadConfig(file, dir).rules).toEqual(PRESETS.recommended);
    expect(() => writeStarterConfig(dir)).toThrow('lint-deploy.config.json already exists here');
  });
});

describe('generated files', () => {
  it('are up to date (schemas/config.schema.json, presets, rule index, docs headers): run npm run generate', () => {
    const result = spawnSync(process.execPath, [path.join(repo, 'scripts/generate.mjs'), '--check'], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('the examples and the starter config point at the published schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(repo, 'schemas/config.schema.json'), 'utf8'));
    expect(schema.$defs.rules.properties['cleartrust/ssl-mode-mismatch']).toBeDefined();
    expect(STARTER_CONFIG.$schema).toBe('./node_modules/lint-deploy/schemas/config.schema.json');
  });
});
