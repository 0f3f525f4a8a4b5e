"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.composeVariable = composeVariable;
const spring_environment_1 = require("./java/spring-environment");
const yaml_go_1 = require("./yaml-go");
/**
 * The variable an `environment:` entry sets: `mappedName` is the map form's key (the entry's key after
 * `environment.`), undefined for a list item. A list item that names no variable (`- =x`) sets none.
 */
function composeVariable(entry, mappedName, text, index) {
    const [start, end] = (0, spring_environment_1.scalarOffsets)(text, index, entry);
    if (mappedName !== undefined) {
        const nameEnd = index.offsetAt(entry.keyRange.end);
        const written = text.slice(index.offsetAt(entry.valueRange.start), index.offsetAt(entry.valueRange.end));
        // A plain scalar is typed by go-yaml's resolver (`0123` is 83, `~` is null): the container gets Go's text of it.
        // A quoted or block scalar is the string as parsed.
        const isPlain = written.trim() === '' || /^[^"'|>\s][^\r\n]*$/.test(written);
        return {
            name: mappedName,
            value: isPlain ? (0, yaml_go_1.goYamlPlain)(written.trim()) : entry.value,
            form: 'map',
            nameRange: index.rangeAt(nameEnd - mappedName.length, nameEnd),
            valueRange: index.rangeAt(start, end),
            entry,
        };
    }
    const eq = entry.value.indexOf('=');
    const name = eq < 0 ? entry.value.trim() : entry.value.slice(0, eq);
    if (name === '')
        return undefined;
    // Offsets inside the item: its text between the quotes is the value unescaped but for escapes, which an
    // environment item rarely holds; a range is only a place to point at.
    const equals = eq < 0 ? end : Math.min(start + eq, end);
    return {
        name,
        value: eq < 0 ? undefined : entry.value.slice(eq + 1),
        form: 'list',
        nameRange: index.rangeAt(start, Math.min(start + name.length, end)),
        valueRange: index.rangeAt(Math.min(equals + 1, end), end),
        entry,
    };
}
