"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatMessage = void 0;
exports.defineRule = defineRule;
const options_1 = require("./options");
function defineRule(rule) {
    const { meta } = rule;
    if (meta.defaultOptions !== undefined || meta.optionsSchema !== undefined)
        return { ...rule, meta: { ...meta, defaultOptions: meta.defaultOptions ?? {} } };
    const options = meta.options ?? {};
    const schema = Object.keys(options).length ? { optionsSchema: (0, options_1.optionsObjectSchema)(options) } : {};
    return { ...rule, meta: { ...meta, ...schema, defaultOptions: (0, options_1.defaultsOf)(options) } };
}
var message_1 = require("../core/message");
Object.defineProperty(exports, "formatMessage", { enumerable: true, get: function () { return message_1.formatMessage; } });
