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
exports.publishedSchemaUrl = exports.STARTER_CONFIG = void 0;
exports.schemaReference = schemaReference;
exports.writeStarterConfig = writeStarterConfig;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const types_1 = require("../core/types");
const safe_fs_1 = require("../core/safe-fs");
const config_1 = require("../core/config");
const validate_1 = require("../engine/config/validate");
const package_info_1 = require("./package-info");
/** The config `lint-deploy --init` writes: valid against schemas/config.schema.json, every section present. */
exports.STARTER_CONFIG = {
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
const publishedSchemaUrl = (version) => `https://raw.githubusercontent.com/lint-deploy/lint-deploy/v${version}/schemas/config.schema.json`;
exports.publishedSchemaUrl = publishedSchemaUrl;
/**
 * The `$schema` for a config written in `configDir`: the relative path to the schema of the install
 * that runs, when that install belongs to the project (its node_modules is in `configDir` or above, or
 * `configDir` is inside the install); otherwise — a global install, npx's cache — the published URL of
 * this version's schema, since a path into this machine's global folders would not resolve elsewhere.
 */
function schemaReference(configDir, root = (0, package_info_1.packageRoot)(), version = (0, package_info_1.readPackageVersion)()) {
    const schema = path.join(root, 'schemas', 'config.schema.json');
    const segments = root.split(path.sep);
    const modules = segments.lastIndexOf('node_modules');
    const owner = modules > 0 ? segments.slice(0, modules).join(path.sep) || path.sep : root;
    const inside = (dir, parent) => !path.relative(parent, dir).startsWith('..') && !path.isAbsolute(path.relative(parent, dir));
    if (!fs.existsSync(schema) || !inside(configDir, owner))
        return (0, exports.publishedSchemaUrl)(version);
    const relative = path.relative(configDir, schema).split(path.sep).join('/');
    return relative.startsWith('.') ? relative : `./${relative}`;
}
/** Writes lint-deploy.config.json in `cwd`; refuses to overwrite an existing config. Returns the file written. */
function writeStarterConfig(cwd) {
    for (const name of config_1.CONFIG_FILE_NAMES) {
        if ((0, safe_fs_1.lexists)(path.join(cwd, name)))
            throw new types_1.UsageError(`${name} already exists here; edit it instead (see docs/configuration.md)`);
    }
    const config = { ...exports.STARTER_CONFIG, $schema: schemaReference(cwd) };
    const errors = (0, validate_1.validateAgainst)(config);
    if (errors.length)
        throw new Error(`the starter config is invalid: ${(0, validate_1.describeErrors)(errors)}`);
    const file = path.join(cwd, config_1.DEFAULT_CONFIG_FILE_NAME);
    // Exclusive: a name taken by anything (a dangling symbolic link too) is never written through.
    (0, safe_fs_1.writeFileAtomic)(file, JSON.stringify(config, null, 2) + '\n', {
        explicit: false,
        exclusive: true,
        what: 'starter config',
    });
    return file;
}
