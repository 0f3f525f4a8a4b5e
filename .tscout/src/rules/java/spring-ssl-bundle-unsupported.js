"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/**
 * `server.ssl.bundle` in a project whose build file names a Spring Boot release before SSL bundles (3.1.0; knowledge
 * spring-boot.json sslBundles, model/unserved-tls.ts): Boot binds no such property and ignores unknown ones, so the
 * embedded web server gets no TLS from the bundle. With no other `server.ssl.*` store or certificate it serves plain
 * HTTP on its port (ServerProperties' Ssl stays unset), or with `server.ssl.enabled=true` fails to start for want of
 * a key store: HTTPS clients fail either way. An error, as the release is written in the build file; an unknown
 * release (a placeholder, no build file) decides nothing and the bundle is read as 3.1+ reads it.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'java/spring-ssl-bundle-unsupported',
        description: 'Report server.ssl.bundle in a project built with a Spring Boot release before 3.1, which has no SSL bundles and ignores the setting, so the embedded web server serves no HTTPS',
        severity: 'error',
        messages: {
            unsupported: '{{server}} hands its web server the SSL bundle {{bundle}} here, but its project builds with Spring Boot {{release}} ({{by}}), which has no SSL bundles (server.ssl.bundle and spring.ssl.bundle.* came in {{since}}): Boot ignores both, so the embedded web server serves plain HTTP, where HTTPS clients fail with "Unsupported or unrecognized SSL message" (or, with server.ssl.enabled=true, it fails to start for want of a key store). Move to Spring Boot {{since}} or later, or set server.ssl.key-store (or server.ssl.certificate) and its password instead',
        },
        defaultOptions: {},
        appliesTo: { components: ['java.app'] },
        symptoms: ['Unsupported or unrecognized SSL message'],
    },
    check(ctx) {
        for (const server of ctx.deployment.unservedTls ?? []) {
            const why = server.why;
            if (why.kind !== 'spring-bundle-unsupported')
                continue;
            ctx.report({
                messageId: 'unsupported',
                data: {
                    server: server.server,
                    bundle: why.bundle,
                    release: why.release.version,
                    by: why.release.by,
                    since: why.since,
                },
                location: why.at,
                related: [
                    { ...why.release.at, message: (0, phrase_1.said) `${why.release.by} names Spring Boot ${why.release.version} here` },
                ],
                fingerprint: [server.server, 'spring-bundle-unsupported'],
            });
        }
    },
});
