"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compareReleaseParts = compareReleaseParts;
/**
 * Orders two releases given as [major, minor, patch] (a missing part counts as 0): negative, zero or positive. The
 * knowledge modules read release names their own way (Jetty's floating image tags, Spring Boot's milestones) and
 * compare the numbers alike.
 */
function compareReleaseParts(a, b) {
    for (let i = 0; i < 3; i++)
        if ((a[i] ?? 0) !== (b[i] ?? 0))
            return (a[i] ?? 0) - (b[i] ?? 0);
    return 0;
}
