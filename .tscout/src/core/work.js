"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.work = void 0;
exports.countWork = countWork;
/**
 * A deterministic work counter (issue 21): the candidate comparisons made by the lookups that pair
 * components with each other or with files (certificates a server names, the JDK nearest a file, the
 * servers a client URL or MQ channel names) and the links predicted. test/perf/growth.test.ts asserts
 * that it grows linearly with the size of one deployment; CPU time is left to `npm run bench`.
 */
exports.work = { comparisons: 0, bySite: {} };
function countWork(site, n) {
    exports.work.comparisons += n;
    exports.work.bySite[site] = (exports.work.bySite[site] ?? 0) + n;
}
