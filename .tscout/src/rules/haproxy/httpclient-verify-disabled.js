"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const haproxy_1 = require("../../parse/haproxy");
const types_1 = require("../types");
/** Global keywords that load Lua scripts, which call HAProxy's HTTP client with core.httpclient(). */
const LOADS_LUA = new Set(['lua-load', 'lua-load-per-thread']);
/**
 * Global `httpclient.ssl.verify none` in a configuration that uses HAProxy's HTTP client: "Works the same way as the
 * verify option on server lines. If specified to 'none', servers certificates are not verified. Default option is
 * 'required'" (doc/configuration.txt, 2.6 and later). Its callers the tree can show are the Lua scripts the
 * configuration loads (core.httpclient()); without them the line is often there only to quiet HAProxy's start-up alert
 * about the HTTP client's default CA file, and calls nothing unverified that the tree shows: no finding. (OCSP updates
 * use the client too, but an OCSP response is signed, so the transport's certificate does not decide.) A line under
 * `.if` is read only when its condition holds.
 * Shape of 3kho/haproxy-protection@923957d haproxy/haproxy.cfg, whose Lua bot check posts the captcha secret to the
 * captcha provider's siteverify URL with core.httpclient().
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'haproxy/httpclient-verify-disabled',
        description: "Warn about httpclient.ssl.verify none in a HAProxy configuration that loads Lua scripts, the HTTP client's callers: it accepts any server's certificate",
        severity: 'warning',
        appliesTo: { documents: [haproxy_1.HAPROXY_KIND] },
        messages: {
            disabled: "httpclient.ssl.verify none: HAProxy's HTTP client does not verify the certificates of the HTTPS servers it calls, and this configuration loads what calls it ({{users}}). Anyone on the path to those servers can answer in their name, read what HAProxy sends them (API secrets, tokens) and forge their replies. Remove the line (verify required is the default), and set httpclient.ssl.ca-file to the CA certificates that issued those servers' certificates if the system's do not",
        },
        options: {},
        symptoms: [],
    },
    check(ctx) {
        for (const doc of ctx.deployment.documents) {
            if (doc.kind !== haproxy_1.HAPROXY_KIND)
                continue;
            const { sections } = doc.data;
            const global = sections.filter((s) => s.kind === 'global').flatMap((s) => s.lines);
            const off = global.find((l) => l.keyword.value === 'httpclient.ssl.verify' && l.args[0]?.value === 'none' && !l.conditional);
            if (!off)
                continue;
            const users = usersOf(global);
            if (users.length === 0)
                continue;
            ctx.report({
                messageId: 'disabled',
                data: { users: users.map((u) => u.what).join('; ') },
                location: { file: doc.file.path, range: off.range },
                related: users.map((u) => ({ file: doc.file.path, range: u.line.range, message: u.what })),
                fingerprint: ['httpclient.ssl.verify'],
            });
        }
    },
});
/** The global lines that load Lua scripts: the HTTP client's callers (core.httpclient()) that the tree shows. */
function usersOf(global) {
    return global
        .filter((l) => LOADS_LUA.has(l.keyword.value))
        .map((line) => ({
        line,
        what: `${line.keyword.value} ${line.args[0]?.value ?? ''}: a Lua script, which may call it (core.httpclient())`,
    }));
}
