"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/**
 * `SSLProtocol TLSv1.2 TLSv1.3` (also SSLProxyProtocol): mod_ssl reads a word without `+` or `-` as "only this", so
 * each such word after the first replaces what came before (ssl_cmd_protocol_parse; httpd warns at start, AH02532)
 * and the line enables far less than it lists. One finding per line, whatever number of virtual hosts inherit it.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'httpd/protocol-overridden',
        description: 'Warn about httpd SSLProtocol / SSLProxyProtocol lines where a protocol without + or - replaces the ones before it (AH02532)',
        severity: 'warning',
        appliesTo: { components: ['httpd.server', 'httpd.proxy'] },
        messages: {
            overridden: "{{directive}} {{written}} enables only {{enabled}}: '{{word}}' has no + or -, so it replaces the protocols written before it. httpd starts; at most it warns \"{{directive}}: Protocol '{{word}}' overrides already set parameter(s). Check if a +/- prefix is missing.\" (AH02532, not logged for a line inside <VirtualHost> without its own LogLevel); a peer that does not speak {{enabled}} fails the handshake. Write {{directive}} {{fix}}",
        },
        options: {},
        symptoms: ['AH02532', 'overrides already set parameter(s)'],
    },
    check(ctx) {
        const seen = new Set();
        for (const component of ctx.deployment.components) {
            if (component.type !== 'httpd.server' && component.type !== 'httpd.proxy')
                continue;
            const override = component.attributes.protocolOverride;
            if (!override)
                continue;
            const at = override.location;
            const key = `${at.file}\u0000${at.range?.start.line ?? -1}\u0000${at.range?.start.character ?? -1}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            ctx.report({
                messageId: 'overridden',
                data: {
                    directive: override.directive,
                    written: override.written,
                    enabled: override.enabled.length > 0 ? override.enabled.join(', ') : (0, phrase_1.ours)('no protocol'),
                    word: override.word,
                    fix: intended(override),
                },
                location: at,
                fingerprint: ['httpd-protocol-overridden', key],
            });
        }
    },
});
/** The line as its words say it was meant: every protocol it names without `-` added to `-all` (or to `all`). */
function intended(override) {
    const words = override.written.split(/\s+/).filter(Boolean);
    const all = words[0] === 'all' || words[0] === '+all';
    const rest = (all ? words.slice(1) : words).map((w) => (/^[+-]/.test(w) ? w : `+${w}`));
    return [all ? 'all' : '-all', ...rest].join(' ');
}
