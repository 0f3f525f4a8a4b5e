"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatterNames = formatterNames;
exports.getFormatter = getFormatter;
const types_1 = require("../core/types");
/** Formatters by name (add one line per format); loaded on first use so a run pays only for what it prints. */
const LOADERS = {
    stylish: () => require('./stylish').stylish,
    json: () => require('./json').json,
    html: () => require('./html').html,
    dot: () => require('./dot').dot,
    mermaid: () => require('./mermaid').mermaid,
    compact: () => require('./compact').compact,
    sarif: () => require('./sarif').sarif,
    github: () => require('./github').github,
    junit: () => require('./junit').junit,
};
function formatterNames() {
    return Object.keys(LOADERS).sort();
}
function getFormatter(name) {
    const load = LOADERS[name];
    if (!load)
        throw new types_1.UsageError(`Unknown format '${name}' (use one of: ${formatterNames().join(', ')})`);
    return load();
}
