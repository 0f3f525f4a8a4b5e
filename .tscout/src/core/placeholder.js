"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.placeholderDefaults = placeholderDefaults;
exports.placeholderDefault = placeholderDefault;
exports.valueWhileUnset = valueWhileUnset;
exports.isWholePlaceholder = isWholePlaceholder;
/**
 * A whole value that is one placeholder with a default: Spring's `${NAME:default}`, the shell's `${NAME:-default}`.
 * The default is what a program uses while the variable is unset (gmjdev/microservices-demo names its key alias
 * `${KEYSTORE_ALIAS:localhost}`, its store `${KEYSTORE_PATH:classpath:cert/keystore.p12}`).
 */
const WHOLE_PLACEHOLDER = /^\$\{([A-Za-z_][\w.-]*):(-?)([^{}$]*)\}$/;
/**
 * The readings of a placeholder's default, most likely first; undefined when `value` is not one whole placeholder
 * with a default. `${X:-a}` is `a` to a shell and `-a` to Spring: both readings, the shell's first.
 */
function placeholderDefaults(value) {
    const match = WHOLE_PLACEHOLDER.exec(value.trim());
    if (!match)
        return undefined;
    const rest = match[3] ?? '';
    return match[2] ? [rest, `-${rest}`] : [rest];
}
/** The default a whole placeholder falls back to (the shell's reading of `:-`), when it is not empty. */
function placeholderDefault(value) {
    const fallback = placeholderDefaults(value)?.[0];
    return fallback ? fallback : undefined;
}
/** A placeholder inside a value: `${NAME}` or `${NAME:default}` (no nesting). */
const INNER_PLACEHOLDER = /\$\{([A-Za-z_][\w.-]*)(?::(-?)([^{}$]*))?\}/g;
/**
 * The value a program reads while its variables are unset, each placeholder replaced by its default (the shell's
 * reading of `:-`, as `placeholderDefault`): `classpath:${KEYSTORE:keystore.jks}` → `classpath:keystore.jks`
 * (shibadog/sample-mtls-spring-boot). The value itself when it holds none; undefined when one has no default.
 */
function valueWhileUnset(value) {
    let undecided = false;
    const replaced = value.replace(INNER_PLACEHOLDER, (_whole, _name, _dash, fallback) => {
        if (fallback === undefined)
            undecided = true;
        return fallback ?? '';
    });
    return undecided ? undefined : replaced;
}
/**
 * Whether a whole value is one `${…}` placeholder, nested ones included: Spring resolves `${A:${B:}}` as A, else B,
 * else empty, and `${A:${B}}` has no text of its own (camunda/camunda-platform-helm's identity configmap:
 * `secret: ${CAMUNDA_CONNECTORS_SECRET:${VALUES_KEYCLOAK_INIT_CONNECTORS_SECRET:}}`).
 */
function isWholePlaceholder(value) {
    if (!value.startsWith('${') || !value.endsWith('}'))
        return false;
    let depth = 0;
    for (let i = 0; i < value.length; i++) {
        if (value[i] === '{')
            depth++;
        else if (value[i] === '}' && --depth === 0)
            return i === value.length - 1 && i > 2;
    }
    return false;
}
