"use strict";
/** IBM MQ releases (V.R.M.F) compared as numbers, for the knowledge functions that place a release against the data. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.compareMqReleases = void 0;
exports.parts = parts;
exports.compare = compare;
/** V.R.M.F as numbers (missing parts are 0). */
function parts(release) {
    const p = release.split('.').map(Number);
    return [0, 1, 2, 3].map((i) => p[i] ?? 0);
}
function compare(a, b) {
    for (let i = 0; i < 4; i++)
        if (a[i] !== b[i])
            return a[i] - b[i];
    return 0;
}
/** Orders two V.R.M.F releases (missing parts are 0): negative when `a` is older. */
const compareMqReleases = (a, b) => compare(parts(a), parts(b));
exports.compareMqReleases = compareMqReleases;
