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
exports.resolveRuleSettings = resolveRuleSettings;
const path = __importStar(require("node:path"));
const glob_1 = require("../../core/glob");
const types_1 = require("../../core/types");
const options_1 = require("../../rules/options");
const VALID = [...types_1.SEVERITIES, 'off'];
function split(setting) {
    return Array.isArray(setting) ? { severity: setting[0], options: setting[1] } : { severity: setting };
}
/** Rule ids a setting may name: built-in and extra rules, `parse/<code>`, `internal-error`, or `<area>/*`. */
function checkRuleId(id, known, where) {
    if (known.has(id) || id.startsWith('parse/') || id === 'internal-error')
        return;
    if (id.endsWith('/*') && [...known].some((k) => k.startsWith(id.slice(0, -1))))
        return;
    throw new types_1.UsageError(`Unknown rule '${id}' in ${where} (see lint-deploy --list-rules)`);
}
function lookup(table, ruleId) {
    return table[ruleId] ?? table[`${ruleId.slice(0, ruleId.indexOf('/') + 1)}*`];
}
function resolveRuleSettings(rules, config, cliOverrides) {
    const known = new Set(rules.map((r) => r.meta.id));
    for (const id of Object.keys(config.rules))
        checkRuleId(id, known, 'config "rules"');
    for (const [i, override] of config.overrides.entries())
        for (const id of Object.keys(override.rules))
            checkRuleId(id, known, `config "overrides[${i}]"`);
    for (const [id, severity] of Object.entries(cliOverrides)) {
        checkRuleId(id, known, '--rule');
        if (!VALID.includes(severity))
            throw new types_1.UsageError(`Invalid severity '${severity}' for --rule ${id} (use ${VALID.join(', ')})`);
    }
    const overrides = config.overrides.map((o, i) => ({
        match: (0, glob_1.compileConfigGlob)(o.files, { dot: true, matchBase: true }, `config "overrides[${i}]"`),
        rules: o.rules,
    }));
    const defaults = new Map(rules.map((r) => [r.meta.id, r.meta.severity]));
    /** The user's explicit severity for a rule in a file, or undefined when they said nothing. */
    const configured = (ruleId, file) => {
        if (cliOverrides[ruleId])
            return cliOverrides[ruleId];
        let setting = lookup(config.rules, ruleId);
        if (file && overrides.length) {
            const relative = path.relative(config.baseDir, file).split(path.sep).join('/');
            for (const o of overrides)
                if (o.match(relative))
                    setting = lookup(o.rules, ruleId) ?? setting;
        }
        return setting === undefined ? undefined : split(setting).severity;
    };
    /** Asked for every rule of every deployment; the answer depends on the rule id alone. */
    const enabled = new Map();
    const enabledAnywhere = (ruleId) => {
        if (configured(ruleId) !== 'off')
            return true;
        // Off at top level but maybe on for some files.
        return overrides.some((o) => {
            const s = lookup(o.rules, ruleId);
            return s !== undefined && split(s).severity !== 'off';
        });
    };
    return {
        isEnabled(ruleId) {
            let answer = enabled.get(ruleId);
            if (answer === undefined)
                enabled.set(ruleId, (answer = enabledAnywhere(ruleId)));
            return answer;
        },
        optionsOf(rule) {
            const setting = lookup(config.rules, rule.meta.id);
            return (0, options_1.resolveOptions)(rule.meta.defaultOptions, setting ? split(setting).options : undefined);
        },
        applySeverity(findings) {
            const out = [];
            for (const finding of findings) {
                const severity = configured(finding.ruleId, finding.location.file);
                if (severity === 'off')
                    continue;
                // A setting equal to the rule's default (e.g. from the `recommended` preset) keeps a
                // rule's per-finding severity, such as a warning when the JDK is unknown.
                const keepFindingSeverity = severity === undefined || severity === defaults.get(finding.ruleId);
                out.push({ ...finding, severity: keepFindingSeverity ? finding.severity : severity });
            }
            return out;
        },
    };
}
