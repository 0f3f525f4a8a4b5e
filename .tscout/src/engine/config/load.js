"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_CONFIG_BYTES = exports.PRESET_NAMES = void 0;
exports.findConfigFile = findConfigFile;
exports.loadConfig = loadConfig;
exports.withRecommended = withRecommended;
exports.checkRuleOptions = checkRuleOptions;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const jsonc_1 = require("../../core/jsonc");
const safe_fs_1 = require("../../core/safe-fs");
const types_1 = require("../../core/types");
const config_1 = require("../../core/config");
const validate_1 = require("./validate");
const presets_generated_1 = require("./presets.generated");
exports.PRESET_NAMES = Object.keys(presets_generated_1.PRESETS);
/** A config file (or package.json) larger than this is refused: real ones are a few KB. */
exports.MAX_CONFIG_BYTES = 4 * 1024 * 1024;
/**
 * Searches upward from `cwd` for a config file (or a `"lint-deploy"` key in package.json). Whatever has
 * a config name is returned (a FIFO or a link too: loading it then fails with one line); package.json
 * is looked into only when it is a regular file of bounded size (never a FIFO or /dev/zero).
 */
function findConfigFile(cwd) {
    for (let dir = cwd;; dir = path.dirname(dir)) {
        for (const name of config_1.CONFIG_FILE_NAMES) {
            const candidate = path.join(dir, name);
            if ((0, safe_fs_1.lexists)(candidate))
                return candidate;
        }
        const pkg = (0, safe_fs_1.readRegularFile)(path.join(dir, 'package.json'), exports.MAX_CONFIG_BYTES);
        if (pkg.ok) {
            try {
                if (JSON.parse(pkg.bytes.toString('utf8'))['lint-deploy'])
                    return path.join(dir, 'package.json');
            }
            catch {
                // an unreadable package.json is not our config
            }
        }
        if (dir === path.dirname(dir))
            return undefined;
    }
}
/**
 * Loads a config file into a `LintConfig`: reads it, validates it against
 * schemas/config.schema.json, resolves `extends` (presets and files), and
 * makes plugin paths absolute. Any problem is a `UsageError` naming the file,
 * the key path and a valid example. Without a file the `recommended` preset applies.
 */
function loadConfig(file, cwd, options = {}) {
    if (!file)
        return withRecommended((0, config_1.defaultConfig)(cwd));
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
function realDir(dir) {
    try {
        return fs.realpathSync(dir);
    }
    catch {
        return dir;
    }
}
/** A config as the CLI uses it without a config file (`--no-config` or none found): the recommended preset. */
function withRecommended(config) {
    return { ...config, rules: { ...presets_generated_1.PRESETS.recommended, ...config.rules } };
}
function displayName(absolute, cwd) {
    const relative = path.relative(cwd, absolute);
    return relative && !relative.startsWith('..') ? relative : absolute;
}
function readRaw(absolute, name) {
    const read = (0, safe_fs_1.readRegularFile)(absolute, exports.MAX_CONFIG_BYTES);
    if (!read.ok) {
        if (read.reason === 'unreadable' || read.reason === 'missing')
            throw new types_1.UsageError(`Cannot read config file ${name}: ${read.code ?? 'EIO'}`);
        throw new types_1.UsageError(`Config file ${name} ${(0, safe_fs_1.describeReadFailure)(read, exports.MAX_CONFIG_BYTES)}: not read`);
    }
    const text = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        // The position only: JSON.parse's own message quotes the file's first characters.
        throw new types_1.UsageError(`Config file ${name} is not valid JSON: ${jsonErrorAt(text)}`);
    }
    if (path.basename(absolute) === 'package.json')
        raw = raw['lint-deploy'];
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        throw new types_1.UsageError(`Config file ${name} must hold a JSON object`);
    const errors = (0, validate_1.validateAgainst)(raw);
    if (errors.length)
        throw new types_1.UsageError(`Invalid config file ${name}: ${(0, validate_1.describeErrors)(errors)}`);
    return raw;
}
/** Where a text stops being JSON, as `line L, column C: <what>` (never the text itself). */
function jsonErrorAt(text) {
    const errors = [];
    const { parse: parseJsonc, printParseErrorCode } = (0, jsonc_1.jsonc)();
    parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    if (!first)
        return 'unexpected content';
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < first.offset; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
    }
    return `line ${line}, column ${first.offset - lineStart + 1}: ${printParseErrorCode(first.error)}`;
}
function loadFile(absolute, name, cwd, chain, confine) {
    if (chain.includes(absolute))
        throw new types_1.UsageError(`Config file ${name} extends itself (${[...chain, absolute].map((f) => displayName(f, cwd)).join(' → ')})`);
    const raw = readRaw(absolute, name);
    const dir = path.dirname(absolute);
    const extendsList = raw.extends === undefined ? ['recommended'] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
    let merged = (0, config_1.defaultConfig)(dir);
    for (const base of extendsList) {
        if (base in presets_generated_1.PRESETS) {
            merged = merge(merged, { ...(0, config_1.defaultConfig)(dir), rules: { ...presets_generated_1.PRESETS[base] } });
            continue;
        }
        if (!base.startsWith('.') && !path.isAbsolute(base)) {
            throw new types_1.UsageError(`Invalid config file ${name}: "extends" names '${base}', which is neither a preset (${exports.PRESET_NAMES.join(', ')}) nor a path. Example: "extends": ["recommended", "./shared/lint-deploy.base.json"]`);
        }
        const target = path.resolve(dir, base);
        if (confine && !(0, safe_fs_1.isInside)(target, confine)) {
            throw new types_1.UsageError(`Config file ${name}: "extends" names ${base}, outside the directory of a config found in the linted tree (${confine}): not read (name a config outside the tree with --config)`);
        }
        if (!fs.existsSync(target))
            throw new types_1.UsageError(`Config file ${name}: "extends" file ${base} does not exist`);
        merged = merge(merged, rebase(loadFile(target, displayName(target, cwd), cwd, [...chain, absolute], confine), dir));
    }
    const own = {
        ...(0, config_1.defaultConfig)(dir),
        ...raw,
        plugins: (raw.plugins ?? []).map((p) => (p.startsWith('.') ? path.resolve(dir, p) : p)),
    };
    return merge(merged, own);
}
/** `later` wins for scalars and per-rule settings; lists are concatenated (base first). */
function merge(base, later) {
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
function rebase(config, toDir) {
    const prefix = path.relative(toDir, config.baseDir).split(path.sep).join('/');
    if (!prefix)
        return config;
    const glob = (g) => (g.startsWith('**/') || path.isAbsolute(g) ? g : `${prefix}/${g}`);
    return {
        ...config,
        overrides: config.overrides.map((o) => ({ ...o, files: Array.isArray(o.files) ? o.files.map(glob) : glob(o.files) })),
        deployments: config.deployments.map(glob),
        components: config.components.map((c) => ({ ...c, files: glob(c.files) })),
    };
}
/**
 * Checks every rule's options (built-in rules are covered by the schema; custom and
 * plugin rules are checked here against their `optionsSchema`).
 */
function checkRuleOptions(config, rules) {
    const byId = new Map(rules.map((r) => [r.meta.id, r]));
    const check = (table, where) => {
        for (const [id, setting] of Object.entries(table)) {
            const rule = byId.get(id);
            if (!rule || !Array.isArray(setting) || setting[1] === undefined)
                continue;
            const problem = (0, validate_1.validateRuleOptions)(rule, setting[1]);
            if (problem)
                throw new types_1.UsageError(`Invalid options for rule ${id} in ${where}: ${problem}`);
        }
    };
    const where = config.file ? `config file ${path.basename(config.file)}` : 'config';
    check(config.rules, `${where} "rules"`);
    config.overrides.forEach((o, i) => check(o.rules, `${where} "overrides[${i}].rules"`));
}
