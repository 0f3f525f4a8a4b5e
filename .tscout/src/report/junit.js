"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.junit = void 0;
exports.escapeAttribute = escapeAttribute;
exports.cdata = cdata;
const types_1 = require("./types");
/** Characters XML 1.0 cannot hold at all (even escaped). */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
function escapeAttribute(text) {
    return text
        .replace(INVALID_XML, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;')
        .replace(/\n/g, '&#10;')
        .replace(/\r/g, '&#13;')
        .replace(/\t/g, '&#9;');
}
/** A CDATA section; every `]]>` is split across two sections so none ends early. */
function cdata(text) {
    return `<![CDATA[${text.replace(INVALID_XML, '').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}
/**
 * JUnit XML: one <testsuite> per file, one <testcase> per rule × file
 * (every rule that ran, on every file read, so passing checks show too).
 * Error and warning findings are failures; info findings are printed in
 * <system-out>; suppressed findings make the testcase <skipped> with the reason.
 */
const junit = (findings, context) => {
    const files = new Set();
    for (const deployment of context.deployments)
        for (const doc of deployment.documents)
            files.add(doc.file.path);
    for (const f of findings)
        files.add(f.location.file);
    const ruleIds = new Set(context.rules.map((r) => r.id));
    for (const f of findings)
        ruleIds.add(f.ruleId);
    const byKey = new Map();
    for (const f of findings) {
        const key = `${f.location.file}\u0000${f.ruleId}`;
        const list = byKey.get(key);
        if (list)
            list.push(f);
        else
            byKey.set(key, [f]);
    }
    const suites = [];
    let totalTests = 0;
    let totalFailures = 0;
    for (const file of [...files].sort()) {
        const name = (0, types_1.displayPath)(file, context.cwd);
        const cases = [];
        let failures = 0;
        for (const ruleId of [...ruleIds].sort()) {
            const list = byKey.get(`${file}\u0000${ruleId}`) ?? [];
            const active = list.filter((f) => !f.suppressed);
            const failing = active.filter((f) => f.severity !== 'info');
            const open = `    <testcase name="${escapeAttribute(ruleId)}" classname="${escapeAttribute(name)}" file="${escapeAttribute(name)}">`;
            const lines = (fs) => fs
                .map((f) => {
                const at = (0, types_1.oneBased)(f.location);
                return `${name}:${at.line}:${at.column} ${f.severity} ${f.message}`;
            })
                .join('\n');
            const [firstFailing] = failing;
            if (firstFailing) {
                failures++;
                const severity = failing.some((f) => f.severity === 'error') ? 'error' : 'warning';
                cases.push(`${open}\n      <failure message="${escapeAttribute(firstFailing.message)}" type="${severity}">${cdata(lines(active))}</failure>\n    </testcase>`);
            }
            else if (active.length) {
                cases.push(`${open}\n      <system-out>${cdata(lines(active))}</system-out>\n    </testcase>`);
            }
            else if (list.length) {
                const reasons = [...new Set(list.map((f) => `${f.suppressed?.kind}: ${f.suppressed?.reason}`))].join('; ');
                cases.push(`${open}\n      <skipped message="${escapeAttribute(`suppressed (${reasons})`)}"/>\n    </testcase>`);
            }
            else {
                cases.push(`${open}</testcase>`);
            }
        }
        totalTests += cases.length;
        totalFailures += failures;
        suites.push(`  <testsuite name="${escapeAttribute(name)}" tests="${cases.length}" failures="${failures}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
    }
    return (`<?xml version="1.0" encoding="UTF-8"?>\n` +
        `<testsuites name="${escapeAttribute(context.toolName)}" tests="${totalTests}" failures="${totalFailures}" errors="0">\n` +
        (suites.length ? suites.join('\n') + '\n' : '') +
        `</testsuites>\n`);
};
exports.junit = junit;
