"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.yamlBlocks = yamlBlocks;
const BLOCK_KEY = /^(\s*)(?:-\s+)?(["']?)([\w./-]+)\2\s*:\s*[|>][-+0-9]*\s*(#.*)?$/;
/** A block scalar as a list item (`args:` then `- |`, a Kubernetes container's script). */
const LIST_BLOCK = /^(\s*)-\s+[|>][-+0-9]*\s*(#.*)?$/;
/** Block scalars of a YAML text, each with its lines and the columns they start at. */
function yamlBlocks(lines) {
    const regions = [];
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i]; // i < lines.length (the loop skips block bodies, so no for…of)
        const keyed = BLOCK_KEY.exec(line);
        const listed = keyed ? undefined : LIST_BLOCK.exec(line);
        const m = keyed ?? listed;
        if (!m)
            continue;
        const name = keyed ? keyed[3] : 'list item';
        const keyIndent = m[1].length;
        let blockIndent = -1;
        const body = [];
        let j = i + 1;
        for (let text = lines[j]; text !== undefined; text = lines[++j]) {
            if (text.trim() === '') {
                body.push({ line: j, column: 0, text: '' });
                continue;
            }
            const indent = text.length - text.trimStart().length;
            if (indent <= keyIndent)
                break;
            if (blockIndent < 0)
                blockIndent = indent;
            const column = Math.min(indent, blockIndent);
            body.push({ line: j, column, text: text.slice(column) });
        }
        while (body.at(-1)?.text === '')
            body.pop();
        if (body.length)
            regions.push({ name, container: `YAML key ${name}`, lines: body });
        i = j - 1;
    }
    return regions;
}
