"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.overlaps = void 0;
exports.environmentNames = environmentNames;
exports.defaultsOverridden = defaultsOverridden;
/** The names the deployment's Dockerfiles (`ENV`) and Compose services (`environment:`) set. */
function environmentNames(dockerfiles, composeFiles) {
    const names = new Set();
    for (const d of dockerfiles)
        for (const e of d.entries)
            if (e.section === 'ENV')
                names.add(e.key);
    for (const c of composeFiles)
        for (const service of c.data.services)
            for (const v of service.environment)
                names.add(v.name);
    return names;
}
/** Where the embedded document's text holds a default of a variable the environment sets (`names`, read on demand). */
function defaultsOverridden(doc, names) {
    const defaults = doc.embedded?.defaults ?? [];
    return defaults.length === 0 ? [] : defaults.filter((d) => names().has(d.name)).map((d) => d.range);
}
/** Whether two ranges share a character. */
const overlaps = (a, b) => a.start.line <= b.end.line &&
    b.start.line <= a.end.line &&
    !(a.end.line === b.start.line && a.end.character <= b.start.character) &&
    !(b.end.line === a.start.line && b.end.character <= a.start.character);
exports.overlaps = overlaps;
