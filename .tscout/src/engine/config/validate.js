"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateAgainst = validateAgainst;
exports.keyPath = keyPath;
exports.describeErrors = describeErrors;
exports.validateRuleOptions = validateRuleOptions;
/** Valid snippets shown when a top-level key is wrong (the message says what, the example says how). */
const EXAMPLES = {
    $schema: '"$schema": "./node_modules/lint-deploy/schemas/config.schema.json"',
    extends: '"extends": ["recommended", "./shared/lint-deploy.base.json"]',
    rules: '"rules": { "cleartrust/ssl-settings-ignored": "off", "cleartrust/auth-without-keystore": ["error", {}] }',
    overrides: '"overrides": [{ "files": ["envs/dev/**"], "rules": { "cleartrust/ssl-mode-mismatch": "warning" } }]',
    ignorePatterns: '"ignorePatterns": ["**/backup/**", "*.orig"]',
    deployments: '"deployments": ["envs/*"]',
    components: '"components": [{ "files": "envs/prod/aserver/**", "java": { "version": "1.8.0_202", "vendor": "oracle" }, "role": "server", "host": "authz1.example.com" }]', // not a version fact: example of the config syntax
    links: '"links": [{ "client": "webagent", "server": "dispatcher" }]',
    java: '"java": { "version": "11.0.2", "vendor": "openjdk" }', // not a version fact: example of the config syntax
    agentVersion: '"agentVersion": "4.7.2"',
    customRules: '"customRules": [{ "id": "custom/keyserver-mode", "type": "same-value", "kinds": ["cleartrust.keyserver"], "key": "cleartrust.net.ssl.use" }]',
    plugins: '"plugins": ["./lint-deploy-rules/my-plugin.js"]',
};
let ajv;
let validateConfig;
function getAjv() {
    // strict: false: rule authors' option schemas may use keywords ajv's strict mode rejects (e.g. `examples`).
    // Loaded when a rule's options are first checked, not at start-up (the config itself has a precompiled validator).
    return (ajv ??= new (require('ajv/dist/2020').default)({
        allErrors: true,
        strict: false,
    }));
}
/** Validates a raw config object against schemas/config.schema.json (precompiled by `npm run generate`). */
function validateAgainst(raw) {
    validateConfig ??= require('./validator.generated');
    return validateConfig(raw) ? [] : [...(validateConfig.errors ?? [])];
}
/** `/rules/cleartrust~1x/0` → `rules["cleartrust/x"][0]`. */
function keyPath(instancePath) {
    const parts = instancePath
        .split('/')
        .slice(1)
        .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    let out = '';
    for (const part of parts)
        out += /^\d+$/.test(part)
            ? `[${part}]`
            : /^[A-Za-z_$][\w$]*$/.test(part)
                ? out
                    ? `.${part}`
                    : part
                : `["${part}"]`;
    return out || '(top level)';
}
/**
 * One readable sentence for the most specific schema error, with a valid example.
 * `oneOf`/`anyOf` summaries are dropped in favour of the deepest concrete error.
 */
function describeErrors(errors) {
    const concrete = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if');
    const pool = concrete.length ? concrete : errors;
    const depth = (e) => e.instancePath.split('/').length + (e.keyword === 'additionalProperties' ? 1 : 0);
    const best = [...pool].sort((a, b) => depth(b) - depth(a) || rank(a) - rank(b))[0];
    if (!best)
        return 'the configuration is invalid';
    let where = best.instancePath;
    let what;
    if (best.keyword === 'additionalProperties') {
        const extra = String(best.params.additionalProperty);
        where = `${where}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        what = where.split('/').length === 2 ? 'is not a lint-deploy config key' : 'is not allowed here';
    }
    else if (best.keyword === 'enum') {
        what = `must be one of ${best.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    else if (best.keyword === 'propertyNames') {
        what = `has a name that ${best.message ?? 'is not allowed'}`;
    }
    else {
        what = best.message ?? 'is invalid';
    }
    const top = where.split('/')[1]?.replace(/~1/g, '/') ?? '';
    const known = top in EXAMPLES;
    const example = known ? EXAMPLES[top] : `one of the keys ${Object.keys(EXAMPLES).join(', ')}`;
    return `${keyPath(where)} ${what}. ${known ? 'Example' : 'Valid keys'}: ${example}`;
}
/** Prefer errors that say what is wrong with a value over structural ones. */
function rank(e) {
    return ['enum', 'type', 'pattern', 'required', 'additionalProperties'].indexOf(e.keyword) + 1 || 9;
}
const optionValidators = new WeakMap();
/** Checks options against a rule's `optionsSchema`; returns a message or undefined when valid. */
function validateRuleOptions(rule, options) {
    if (!rule.meta.optionsSchema) {
        return options && typeof options === 'object' && Object.keys(options).length
            ? 'this rule takes no options'
            : undefined;
    }
    let validate = optionValidators.get(rule);
    if (!validate) {
        validate = getAjv().compile(rule.meta.optionsSchema);
        optionValidators.set(rule, validate);
    }
    if (validate(options))
        return undefined;
    const e = validate.errors?.[0];
    const at = e?.instancePath ? keyPath(e.instancePath) : 'options';
    return `${at} ${e?.keyword === 'additionalProperties' ? `has unknown option '${String(e.params.additionalProperty)}'` : (e?.message ?? 'are invalid')}. Example: ["${rule.meta.severity}", ${JSON.stringify(rule.meta.defaultOptions ?? {})}]`;
}
