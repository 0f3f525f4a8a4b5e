"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatMessage = formatMessage;
/** Fills `{{name}}` placeholders; an unfilled placeholder is a bug and throws (caught as internal-error). */
function formatMessage(template, data = {}) {
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => {
        if (!(name in data))
            throw new Error(`message placeholder {{${name}}} has no data`);
        return String(data[name]);
    });
}
