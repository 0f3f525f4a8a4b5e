"use strict";
/**
 * Rule options described once, as a JSON Schema per option with a description and an optional default
 * (after typescript-eslint's RuleCreator: the schema is the single source of the options' type, their
 * defaults, the generated config schema and the docs header).
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.optionsObjectSchema = optionsObjectSchema;
exports.defaultsOf = defaultsOf;
exports.resolveOptions = resolveOptions;
/** The options object schema (what the config validator and the generated config schema use). */
function optionsObjectSchema(options) {
    return { type: 'object', properties: options, additionalProperties: false };
}
/** The defaults the option schemas declare, by option name (options without a default are left out). */
function defaultsOf(options) {
    return Object.fromEntries(Object.entries(options).flatMap(([name, schema]) => ('default' in schema ? [[name, schema.default]] : [])));
}
/**
 * The options a rule runs with: its defaults, then what the user set. The one place defaults are merged
 * (the engine calls it; rules never repeat a default).
 */
function resolveOptions(defaultOptions, userOptions) {
    return { ...defaultOptions, ...userOptions };
}
