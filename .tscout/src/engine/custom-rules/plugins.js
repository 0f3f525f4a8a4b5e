"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadPlugins = loadPlugins;
/**
 * Code rules from plugins. Only modules named in config `plugins` are ever
 * loaded (nothing is discovered from node_modules), and only when the command line says
 * `--allow-plugins` (a tree cannot give that opt-in; docs/security.md): a path starting with `.`
 * is relative to the config file that names it (made absolute by the loader),
 * anything else is a package resolved from the config file's directory.
 * A plugin module exports `rules`: an array of rules made with `defineRule`
 * (or `{ rules }` as its default export).
 */
const types_1 = require("../../core/types");
const RULE_ID = /^[a-z0-9-]+\/[a-z0-9-]+$/;
function loadPlugins(specifiers, baseDir, builtInIds, allowed) {
    // A config can come from the linted tree (a pull request): it may name code, it may not run it.
    if (specifiers.length && !allowed) {
        throw new types_1.UsageError(`The config names plugins (${specifiers.map((s) => `'${s}'`).join(', ')}): plugins run code, so they load only with --allow-plugins (docs/security.md)`);
    }
    const rules = [];
    const seen = new Map();
    for (const specifier of specifiers) {
        let resolved;
        try {
            resolved = require.resolve(specifier, { paths: [baseDir] });
        }
        catch {
            throw new types_1.UsageError(`Cannot find plugin '${specifier}' (named in config "plugins"; paths are relative to the config file)`);
        }
        let loaded;
        try {
            loaded = require(resolved);
        }
        catch (error) {
            throw new types_1.UsageError(`Plugin '${specifier}' failed to load: ${error.message.split('\n')[0]}`);
        }
        const exported = loaded;
        const list = exported.rules ?? exported.default?.rules;
        if (!Array.isArray(list))
            throw new types_1.UsageError(`Plugin '${specifier}' must export "rules": an array of rules made with defineRule`);
        for (const [i, rule] of list.entries()) {
            const r = rule;
            const id = r?.meta?.id;
            if (typeof id !== 'string' ||
                !RULE_ID.test(id) ||
                typeof r.check !== 'function' ||
                typeof r.meta?.messages !== 'object' ||
                !r.meta?.severity) {
                throw new types_1.UsageError(`Plugin '${specifier}' rules[${i}] is not a rule: it needs meta.id ("<area>/<name>"), meta.severity, meta.messages and check()`);
            }
            if (builtInIds.has(id))
                throw new types_1.UsageError(`Plugin '${specifier}' rule '${id}' has the id of a built-in rule`);
            if (seen.has(id))
                throw new types_1.UsageError(`Rule '${id}' is defined by both '${seen.get(id)}' and '${specifier}'`);
            seen.set(id, specifier);
            rules.push({
                ...r,
                meta: { ...r.meta, defaultOptions: r.meta?.defaultOptions ?? {} },
            });
        }
    }
    return rules;
}
