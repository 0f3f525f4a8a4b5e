"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.refusalOf = refusalOf;
exports.refusedDirectives = refusedDirectives;
/**
 * mod_ssl lines httpd refuses when it reads its configuration (`apachectl configtest` fails, exit 1, and httpd does not
 * start), in httpd's own words — measured with httpd 2.4.71 (Debian 12) and read in modules/ssl/ssl_engine_config.c at
 * 2.4.62. Only lines httpd reads: a section whose condition does not hold is skipped (./httpd.ts), and a value a
 * placeholder gives is not judged.
 */
const nginx_placed_1 = require("./nginx-placed");
const httpd_tls_1 = require("./httpd-tls");
const httpd_protocol_words_1 = require("./httpd-protocol-words");
/** Flag directives (ap_set_flag): On or Off, in any case. */
const FLAGS = new Set([
    'sslproxyengine',
    'sslproxycheckpeername',
    'sslproxycheckpeercn',
    'sslproxycheckpeerexpire',
    'sslhonorcipherorder',
]);
/** ssl_cmd_verify_parse's words (without case; `off` is none, `on` require). */
const VERIFY = new Set(['none', 'off', 'optional', 'require', 'on', 'optional_no_ca']);
/** Build-time placeholders of httpd's own test framework (`@SSLCA@`) besides those of httpd-tls's isPlaceholder. */
const BUILD_PLACEHOLDER = /@\w+@/;
/** What httpd says when it refuses this line; undefined when it takes it (or a placeholder leaves it open). */
function refusalOf(p) {
    const { key, name, args } = p.directive;
    const written = args.map((a) => a.value).join(' ');
    if ((0, httpd_tls_1.isPlaceholder)(written) || BUILD_PLACEHOLDER.test(written))
        return undefined;
    if (key === 'sslprotocol' || key === 'sslproxyprotocol')
        return (0, httpd_protocol_words_1.protocolsOfLine)(p.directive).invalid;
    if (FLAGS.has(key))
        return /^(on|off)$/i.test(written) ? undefined : `${name} must be On or Off`;
    if (key === 'sslproxyverify' || key === 'sslverifyclient')
        return args.length === 1 && VERIFY.has(args[0].value.toLowerCase())
            ? undefined
            : `${name}: Invalid argument '${written}'`;
    // `SSLCipherSuite [protocol] string`: the protocol is `SSL` or `TLSv1.3`, compared with case.
    if ((key === 'sslciphersuite' || key === 'sslproxyciphersuite') && args.length === 2) {
        const protocol = args[0].value;
        return protocol === 'SSL' || protocol === 'TLSv1.3' ? undefined : `protocol '${protocol}' not supported`;
    }
    return undefined;
}
/** Every line of the read directives httpd refuses, in order. */
function refusedDirectives(placed) {
    return placed.flatMap((p) => {
        if (p.block)
            return refusedDirectives(p.block);
        const message = refusalOf(p);
        return message ? [{ at: { file: p.file, range: (0, nginx_placed_1.argsRange)(p) }, directive: p.directive.name, message }] : [];
    });
}
