"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isBitmaskSetting = void 0;
exports.last = last;
exports.innermostDirectives = innermostDirectives;
exports.protocolsOf = protocolsOf;
exports.argsRange = argsRange;
exports.tracedAt = tracedAt;
exports.confCommandsUnknown = confCommandsUnknown;
exports.withUnknown = withUnknown;
exports.cryptoPolicyUnknown = cryptoPolicyUnknown;
const ciphers_1 = require("../knowledge/ciphers");
const openssl_1 = require("../knowledge/openssl");
const java_shared_1 = require("./java-shared");
/** The last `name` directive of a scope (outer levels first, so the innermost setting wins). */
function last(list, name) {
    return [...list].reverse().find((p) => !p.block && p.directive.name === name);
}
/**
 * The directives of the innermost block that has any of that name, `levels` outermost first: how a bitmask setting
 * (`ssl_protocols`, `proxy_ssl_protocols`) is decided — each one of a block adds its values
 * (ngx_conf_set_bitmask_slot only warns on a repeated value, it refuses no second directive) and the innermost block
 * that has one replaces the outer ones (ngx_conf_merge_bitmask_value) — and how `ssl_conf_command` is inherited
 * ("if and only if there are no ssl_conf_command directives defined on the current level").
 */
function innermostDirectives(levels, name) {
    for (let i = levels.length - 1; i >= 0; i--) {
        const here = (levels[i] ?? []).filter((p) => !p.block && p.directive.name === name);
        if (here.length > 0)
            return here;
    }
    return [];
}
/**
 * The protocols a block's `ssl_protocols` (`proxy_ssl_protocols`) directives enable together, traced to the one that
 * enables the oldest (the place a finding on a legacy protocol names); undefined when there is none.
 */
function protocolsOf(directives) {
    const [first] = directives;
    if (!first)
        return undefined;
    const written = (p) => p.directive.args.map((a) => a.value);
    if (directives.length === 1)
        return tracedAt(first, written(first));
    // Unknown names rank -1 and so are never the oldest: nginx refuses them anyway.
    const oldest = (p) => Math.min(...written(p)
        .map((v) => (0, ciphers_1.protocolRank)(v))
        .filter((r) => r >= 0), Infinity);
    const enabling = directives.reduce((best, p) => (oldest(p) < oldest(best) ? p : best));
    return tracedAt(enabling, [...new Set(directives.flatMap(written))]);
}
/** nginx's bitmask settings: the directives of one block add up (innermostDirectives). */
const isBitmaskSetting = (name) => name.endsWith('_protocols');
exports.isBitmaskSetting = isBitmaskSetting;
/** From the first argument to the last (the directive's name when it has none). */
function argsRange(p) {
    const args = p.directive.args;
    const [first] = args;
    const last = args.at(-1);
    return first && last ? { start: first.range.start, end: last.range.end } : p.directive.nameRange;
}
/** A value traced to the directive's arguments, with the includes that brought it. */
function tracedAt(p, value) {
    const t = (0, java_shared_1.traced)(value, p.file, argsRange(p));
    return p.via && t.from.kind === 'file' ? { value, from: { ...t.from, via: p.via } } : t;
}
/**
 * `ssl_conf_command` / `proxy_ssl_conf_command` (nginx 1.19.4+): OpenSSL configuration commands, which can set the
 * protocols and ciphers themselves (`Ciphersuites`, `MinProtocol`…). lint-deploy does not apply them, so an end that
 * has them has unknown lists.
 */
function confCommandsUnknown(levels, name) {
    const commands = innermostDirectives(levels, name);
    if (commands.length === 0)
        return undefined;
    return {
        unknownValues: commands.map((p) => `${name} ${p.directive.args.map((a) => a.value).join(' ')}`),
        unknownAt: commands.map((p) => ({
            file: p.file,
            range: argsRange(p),
            message: 'OpenSSL configuration commands lint-deploy does not apply',
        })),
    };
}
/** The settings with these unknown values added to any they have. */
function withUnknown(tls, extra) {
    if (!extra)
        return;
    tls.unknownValues = [...(tls.unknownValues ?? []), ...extra.unknownValues];
    tls.unknownAt = [...(tls.unknownAt ?? []), ...extra.unknownAt];
}
/**
 * A cipher string that names a crypto-policy profile (`PROFILE=SYSTEM`): the suites are unknown from the tree (links to
 * the end are unknown, never "no cipher match" nor a weak-suite verdict), said where the directive is.
 */
function cryptoPolicyUnknown(tls, ciphers, directive, cipherString) {
    delete tls.cipherSuites;
    delete tls.credentialSuites;
    if (tls.unknown)
        tls.unknown = [];
    tls.unknownValues = [...(tls.unknownValues ?? []), `${directive} ${cipherString}`];
    tls.unknownAt = [
        ...(tls.unknownAt ?? []),
        { file: ciphers.file, range: argsRange(ciphers), message: `${directive} names ${openssl_1.CRYPTO_POLICY_WHY}` },
    ];
}
