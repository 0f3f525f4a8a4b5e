"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.USER_INFO_NAME = void 0;
exports.connectionCredentials = connectionCredentials;
/**
 * Passwords written inside a connection string, whatever the key that holds it is called:
 * - a parameter `name=value` after `?`, `&` or `;`, its name saying secret: a JDBC URL's
 *   `password` (PgJDBC takes every connection property in the URL, `jdbc:postgresql://h/db?user=fred&password=secret`:
 *   https://jdbc.postgresql.org/documentation/use/; SQL Server and DataDirect drivers `;password=…`), an ActiveMQ
 *   Artemis connector's `keyStorePassword`/`trustStorePassword` transport parameters
 *   (https://activemq.apache.org/components/artemis/documentation/latest/configuring-transports.html), written in a
 *   Spring `spring.artemis.broker-url` or in a Liberty `<jndiEntry value="host=…;keyStorePassword=…">`
 *   (alizard0/liberty-mutual-tls-amq-broker src/main/liberty/config/server.xml);
 * - the password of a URL's user information, `scheme://user:password@host` (RFC 3986 §3.2.1, which deprecates it):
 *   `amqps://app:…@rabbit:5671`, `rediss://:…@redis:6380`.
 * Only the names are given to messages; the values, as written (percent-encoded or not), go to the masker. `-Dname=value` JVM options are entries of their
 * own (./java/jvm-args.ts), not parameters: a name must follow one of the separators, never `-D`.
 */
const types_1 = require("./types");
const PARAMETER = /(?:[?&;])\s*([A-Za-z][\w.-]*)\s*=\s*([^&;\s"'<>]*)/g;
const SCHEME = /\b[A-Za-z][A-Za-z0-9+.-]*:\/\//g;
exports.USER_INFO_NAME = 'user:password@';
/** The passwords a value holds as connection-string parameters or URL user information (none for most values). */
function connectionCredentials(value) {
    // Every value of every file is asked (the rule and the masker): most hold neither `=` nor `://`.
    const found = [];
    if (value.includes('=')) {
        for (const m of value.matchAll(PARAMETER)) {
            const [, name, secret] = m;
            if (name && secret && (0, types_1.isSecretKey)(name))
                found.push({ name, value: secret });
        }
    }
    if (value.includes('://') && value.includes('@')) {
        for (const m of value.matchAll(SCHEME)) {
            const password = userInfoPassword(value, (m.index ?? 0) + m[0].length);
            if (password)
                found.push({ name: exports.USER_INFO_NAME, value: password });
        }
    }
    return found;
}
/**
 * The password of the user information that starts at `from` (`user:password@`), read past `${…}` placeholders: a
 * user or password written as one with a default holds a colon of its own (hkhuang07/EInvoiceHub…@68da82a config.yaml
 * `mongodb://${MONGODB_USERNAME:admin}:${MONGODB_PASSWORD:password}@…`, Compose's `${POSTGRES_PASSWORD:-synapse_local}`),
 * which is not where the user ends. The user ends at the first colon outside them, the password at the `@`.
 */
function userInfoPassword(value, from) {
    let depth = 0;
    let colon = -1;
    for (let i = from; i < value.length; i++) {
        const c = value[i];
        if (c === '$' && value[i + 1] === '{') {
            depth++;
            i++;
        }
        else if (depth > 0) {
            if (c === '{')
                depth++;
            else if (c === '}')
                depth--;
        }
        else if (c === ':' && colon < 0)
            colon = i;
        else if (c === '@')
            return colon >= 0 && i > colon + 1 ? value.slice(colon + 1, i) : undefined;
        else if (/[\s/?#]/.test(c ?? ''))
            return undefined;
    }
    return undefined;
}
