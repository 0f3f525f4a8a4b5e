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
exports.resolveLintInputs = resolveLintInputs;
exports.findConfigForPaths = findConfigForPaths;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const types_1 = require("../core/types");
const load_1 = require("../engine/config/load");
const config_1 = require("../core/config");
const compile_1 = require("../engine/custom-rules/compile");
const plugins_1 = require("../engine/custom-rules/plugins");
const rules_1 = require("../rules");
const explain_error_1 = require("./explain-error");
function resolveLintInputs(args, cwd, timeConfig = (run) => run()) {
    const config = timeConfig(() => resolveConfig(args, cwd));
    const builtInIds = new Set(rules_1.ALL_RULES.map((r) => r.meta.id));
    const extraRules = [
        ...(0, compile_1.compileCustomRules)(config.customRules, builtInIds),
        ...(0, plugins_1.loadPlugins)(config.plugins, config.baseDir, builtInIds, args.allowPlugins),
    ];
    (0, load_1.checkRuleOptions)(config, [...rules_1.ALL_RULES, ...extraRules]);
    const ruleOverrides = { ...args.rules };
    let errorMatches;
    if (args.explainError !== undefined) {
        errorMatches = (0, explain_error_1.matchError)(args.explainError, [...rules_1.ALL_RULES, ...extraRules], mqLookup());
        if (args.paths.length && errorMatches.matches.length) {
            const matched = new Set(errorMatches.matches.map((m) => m.rule.meta.id));
            for (const rule of [...rules_1.ALL_RULES, ...extraRules])
                if (!matched.has(rule.meta.id))
                    ruleOverrides[rule.meta.id] = 'off';
        }
    }
    const options = {
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
function resolveConfig(args, cwd) {
    const config = args.noConfig
        ? (0, load_1.withRecommended)((0, config_1.defaultConfig)(cwd))
        : args.config !== undefined
            ? (0, load_1.loadConfig)(args.config, cwd, { trusted: true })
            : (0, load_1.loadConfig)(findConfigForPaths(args.paths, cwd), cwd);
    return args.agentVersion ? { ...config, agentVersion: args.agentVersion } : config;
}
/**
 * The config file that applies to the linted paths: searched upward from each path (a file's
 * directory), else from the working directory (DESIGN.md "Deployments"). Paths under different
 * config files cannot share one run's settings: that is a usage error naming both.
 */
function findConfigForPaths(paths, cwd) {
    const found = new Map();
    for (const given of paths.length ? paths : ['.']) {
        const absolute = path.resolve(cwd, given);
        let start = absolute;
        try {
            if (!fs.statSync(absolute).isDirectory())
                start = path.dirname(absolute);
        }
        catch {
            continue; // a missing path is reported by discover, naming it
        }
        const file = (0, load_1.findConfigFile)(start);
        if (file && !found.has(file))
            found.set(file, given);
    }
    const [first, second] = [...found];
    if (first && second) {
        const [[a, pathA], [b, pathB]] = [first, second];
        throw new types_1.UsageError(`${pathA} and ${pathB} are under different config files (${path.relative(cwd, a) || a}, ${path.relative(cwd, b) || b}): lint them in separate runs, or choose one with --config`);
    }
    return found.size ? [...found.keys()][0] : (0, load_1.findConfigFile)(cwd);
}
/** MQ reason codes from the knowledge base (loaded only for explain-error). */
function mqLookup() {
    const { mqReasonCode } = require('../knowledge');
    return (code) => mqReasonCode(code);
}
