"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const path = __importStar(require("node:path"));
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/**
 * `SSLCipherSpec`, `SSLProtocolDisable` or `SSLProtocolEnable` written at the main server of an IBM HTTP Server
 * configuration whose SSLEnable virtual hosts do not write their own: IHS does not copy those directives into a virtual
 * host ("you must explicitly specify them within the SSL enabled virtual host for the directives to take effect", IBM
 * HTTP Server 9.0, SSL directives: data/ihs.json `notInherited`), so the virtual hosts run with IHS's defaults for
 * them. A warning: the server works, but not with the protocols and ciphers the line asks for.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'ihs/global-setting-not-applied',
        description: 'Report SSLCipherSpec and SSLProtocolDisable/Enable lines at the IBM HTTP Server main server that its SSLEnable virtual hosts do not take',
        severity: 'warning',
        appliesTo: { components: ['ihs.server'] },
        messages: {
            notApplied: "{{directive}} is written at the main server, but IBM HTTP Server does not copy it into virtual hosts: {{vhosts}} {{verb}} IBM HTTP Server's defaults for it instead of {{them}}. Write {{them}} inside each <VirtualHost> that has SSLEnable",
        },
        options: {},
        symptoms: ['SSLProtocolDisable has no effect', 'TLS 1.0 still enabled'],
    },
    check(ctx) {
        // One finding per directive of a file (nine SSLCipherSpec lines are one thing to move), its other lines related.
        const byDirective = new Map();
        for (const component of ctx.deployment.components) {
            if (component.type !== 'ihs.server')
                continue;
            for (const line of component.attributes.globalNotApplied ?? []) {
                if (line.ownToo)
                    continue;
                const key = `${line.location.file}\u0000${line.directive.toLowerCase()}`;
                const entry = byDirective.get(key) ?? { directive: line.directive, lines: [], hosts: [] };
                const start = line.location.range?.start.line;
                if (!entry.lines.some((l) => l.range?.start.line === start))
                    entry.lines.push(line.location);
                if (!entry.hosts.includes(component))
                    entry.hosts.push(component);
                byDirective.set(key, entry);
            }
        }
        for (const { directive, lines, hosts } of byDirective.values()) {
            const [at, ...more] = [...lines].sort((a, b) => (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0));
            if (!at)
                continue;
            const names = hosts.map((h) => h.name.replace(/^IBM HTTP Server /, ''));
            ctx.report({
                messageId: 'notApplied',
                data: {
                    directive: (0, phrase_1.said) `${directive}${more.length > 0 ? ` (${more.length + 1} lines)` : ''}`,
                    vhosts: (0, phrase_1.said) `${names.join(', ')}`,
                    verb: (0, phrase_1.said) `${hosts.length === 1 ? 'uses' : 'use'}`,
                    them: (0, phrase_1.said) `${more.length > 0 ? 'these lines' : 'this line'}`,
                },
                location: at,
                related: [
                    ...more.map((l) => ({ ...l, message: `another ${directive} line at the main server` })),
                    ...hosts.flatMap((h) => [
                        {
                            ...h.location,
                            message: `an SSLEnable virtual host that writes no ${directive} of its own (${path.basename(h.location.file)})`,
                        },
                        // The Includes that bring the virtual host into the main configuration decide that IHS reads it.
                        ...(h.attributes.includedBy ?? []),
                    ]),
                ],
                fingerprint: [directive, path.basename(at.file)],
            });
        }
    },
});
