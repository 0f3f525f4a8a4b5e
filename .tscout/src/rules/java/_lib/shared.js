"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.relatedFrom = relatedFrom;
exports.locationOf = locationOf;
exports.originText = originText;
exports.jvmOptionsLocation = jvmOptionsLocation;
exports.componentById = componentById;
exports.rangeOfItem = rangeOfItem;
const java_shared_1 = require("../../../model/java-shared");
/** A provenance as a related location, when it points into a file. */
function relatedFrom(from, message) {
    return from.kind === 'file' ? [{ ...from.location, message }] : [];
}
function locationOf(t) {
    return t.from.kind === 'file' ? t.from.location : undefined;
}
/** Where a provenance comes from, in words: a file, a runtime default, the config. */
function originText(from) {
    if (from.kind === 'default')
        return `the ${from.origin}`;
    if (from.kind === 'config')
        return from.origin;
    return 'a file in the tree';
}
/** Where JVM options of a component live (the place to add a `-D` fix), else its own location. */
function jvmOptionsLocation(component) {
    const doc = component.documents.find((d) => java_shared_1.JVM_OPTION_KINDS.includes(d.kind));
    if (doc)
        return { file: doc.file.path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
    return component.location;
}
function componentById(deployment, id) {
    return deployment.components.find((c) => c.id === id);
}
/** The sub-range of `name` inside a one-line list value range (falls back to the whole value). */
function rangeOfItem(valueRange, value, name) {
    const at = value.indexOf(name);
    if (at === -1 || valueRange.start.line !== valueRange.end.line)
        return valueRange;
    const start = valueRange.start.character + at;
    return {
        start: { line: valueRange.start.line, character: start },
        end: { line: valueRange.start.line, character: start + name.length },
    };
}
