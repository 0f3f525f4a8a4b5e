"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.releaseBoundOf = releaseBoundOf;
/**
 * Ansible's `x is version('1.4', '<=')` (also `version_compare`, the filter form `x | version('1.4', 'le')` and the
 * operator words lt/le/gt/ge, https://docs.ansible.com/ansible/latest/playbook_guide/playbooks_tests.html#comparing-versions),
 * and a plain comparison of a variable named like a version (`haproxy_version < 1.5`, ERB `@version.to_f < 1.5`).
 * Group 1 is the variable in each.
 */
const TEST = /([\w.@[\]'"]*version[\w.[\]'"]*)\s*(?:is|\|)\s*version(?:_compare)?\(\s*['"]([\d.]+)['"]\s*,\s*['"]?(<=|<|>=|>|lt|le|gt|ge)['"]?\s*\)/i;
const COMPARISON = /([\w.@[\]'"]*version[\w.[\]'"]*?)(?:\.to_f|\s*\|\s*float)?\s*(<=|<|>=|>)\s*['"]?(\d+(?:\.\d+)*)['"]?/i;
const WORDS = { lt: '<', le: '<=', gt: '>', ge: '>=' };
const OPPOSITE = { '<': '>=', '<=': '>', '>': '<=', '>=': '<' };
/**
 * Whether the variable is the product's version: named for the product (`haproxy_version`, `node['haproxy']['version']`,
 * `@haproxy_version`) or a bare `version` (a Puppet or Chef resource's own). An operating system's
 * (`ansible_distribution_version`) is not.
 */
function namesProductVersion(variable, product) {
    const name = variable.toLowerCase();
    return name.includes(product) || /^[@$]?version$/.test(name);
}
/** The bound an `if` tag's condition states, or undefined (no version test, or one that `or`/`not` may undo). */
function boundOfCondition(tag, product) {
    const condition = /^(?:\{%|<%|\{\{)[-+~]?\s*if\b(.*?)[-+~]?\s*(?:%\}|%>|\}\})$/is.exec(tag.trim())?.[1];
    // `a and b` still holds the bound of `a`; `or` and `not` could let other releases in.
    if (condition === undefined || /\b(or|not)\b|\|\||!(?!=)/.test(condition))
        return undefined;
    const test = TEST.exec(condition);
    if (test && namesProductVersion(test[1], product)) {
        const op = (WORDS[test[3].toLowerCase()] ?? test[3]);
        return { op, release: test[2] };
    }
    const comparison = COMPARISON.exec(condition);
    return comparison && namesProductVersion(comparison[1], product)
        ? { op: comparison[2], release: comparison[3] }
        : undefined;
}
/**
 * The bound a branch puts on the release of `product` (lower case, `haproxy`): its `if`'s, or the opposite of it for
 * the plain `else` of that `if`.
 */
function releaseBoundOf(branch, product) {
    if (branch.otherwise === undefined)
        return boundOfCondition(branch.condition, product);
    const taken = boundOfCondition(branch.otherwise, product);
    return taken ? { op: OPPOSITE[taken.op], release: taken.release } : undefined;
}
