"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.jettyReleaseOf = jettyReleaseOf;
const jetty_1 = require("../knowledge/jetty");
const text_1 = require("../parse/text");
/** The one Jetty release the deployment's Dockerfiles name, `conflict` when they name different ones, else undefined. */
function jettyReleaseOf(ctx) {
    const found = [];
    for (const doc of ctx.documentsOf('dockerfile')) {
        const last = doc.data.stages.at(-1);
        const tagged = last?.image ? (0, jetty_1.jettyReleaseOfImage)(last.image) : undefined;
        if (last && tagged)
            found.push({ version: tagged, at: { file: doc.file.path, range: last.range }, by: `FROM ${last.image}` });
        const index = new text_1.LineIndex(doc.file.text);
        for (const m of (0, jetty_1.jettyReleasesIn)(doc.file.text))
            found.push({
                version: m.release,
                at: { file: doc.file.path, range: index.rangeAt(m.index, m.index + m.length) },
                by: doc.file.text.slice(m.index, m.index + m.length),
            });
    }
    const first = found[0];
    if (!first)
        return undefined;
    if (!found.every((f) => found.every((g) => (0, jetty_1.sameJettyRelease)(f.version, g.version))))
        return 'conflict';
    // The most precise name (`9.3.27` over `9.3`).
    return found.reduce((a, b) => (b.version.length > a.version.length ? b : a), first);
}
