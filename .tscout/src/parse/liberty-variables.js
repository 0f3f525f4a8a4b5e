"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.libertyVariablesFormat = void 0;
const types_1 = require("./types");
const properties_1 = require("./properties");
const text_1 = require("./text");
/**
 * Files of a Liberty server's `variables/` directory (the default VARIABLE_SOURCE_DIRS, Open Liberty 22.0.0.4+):
 * each file is one variable, named by its path below `variables/`, whose value is the file's content (how
 * Kubernetes mounts a Secret or ConfigMap); a `.properties` file there sets one variable per key. Only a
 * directory where a Liberty configuration directory keeps it is read (`…/config/variables/`,
 * `…/servers/<name>/variables/`), so other `variables/` folders stay someone else's.
 */
const LIBERTY_VARIABLES_DIR = /(?:^|[\\/])(?:config|servers[\\/][^\\/]+)[\\/]variables[\\/](.+)$/;
exports.libertyVariablesFormat = {
    id: 'liberty-variables',
    classify(filePath) {
        const match = LIBERTY_VARIABLES_DIR.exec(filePath);
        if (!match)
            return undefined;
        const name = match[1];
        // Hidden files (Kubernetes' `..data` links) are not variables.
        return name.split(/[\\/]/).some((part) => part.startsWith('.')) ? undefined : 'liberty.variable-file';
    },
    parse(file, kind) {
        return parseVariableFile(file, kind);
    },
};
function parseVariableFile(file, kind) {
    const name = (LIBERTY_VARIABLES_DIR.exec(file.path)?.[1] ?? '').split(/[\\/]/).join('/');
    if (name.endsWith('.properties')) {
        const { entries, comments, problems } = (0, properties_1.parseProperties)(file.text);
        return { file, kind, entries, comments, problems, data: undefined };
    }
    // The content is the value; a trailing line break (as editors and `kubectl create secret --from-file` leave it) is not part of it.
    const value = file.text.replace(/\r?\n$/, '');
    const index = new text_1.LineIndex(file.text);
    const range = { start: index.positionAt(0), end: index.positionAt(value.length) };
    return {
        file,
        kind,
        entries: [{ key: name, value, keyRange: range, valueRange: range, secret: (0, types_1.isSecretKey)(name) }],
        comments: [],
        problems: [],
        data: undefined,
    };
}
