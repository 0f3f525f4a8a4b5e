"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const placeholder_1 = require("../../core/placeholder");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/**
 * A Spring Boot app whose HTTPS server exists only in profiles the tree does not say are active
 * (jhipster/jhipster-sample-app's `application-tls.yml` beside `spring.profiles.active: '@spring.profiles.active@'`).
 * The same for `server.ssl.enabled: ${SSL_ENABLED:false}`: HTTPS only when the environment turns it on.
 * lint-deploy makes no server of guessed settings, so without this info the app would pass in silence.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'java/https-only-in-profile',
        description: 'Say when a Spring Boot app serves HTTPS only in profiles whose activation the tree does not settle, or only when a variable turns server.ssl.enabled on, so its server is not checked',
        severity: 'info',
        messages: {
            unknownActivation: '{{app}} turns its HTTPS server on only in {{profiles}}, and the tree does not settle which profiles are active (no start of the app that lint-deploy can tie to it sets them, or its starts disagree): whether it serves HTTPS, and with which settings, is unknown, so its server and its links are not checked. Declare the active profiles where the app starts (SPRING_PROFILES_ACTIVE in the Compose service or Kubernetes env, -Dspring.profiles.active or --spring.profiles.active in the Dockerfile or start script)',
            onlyIfSet: '{{app}} serves HTTPS only when {{written}} resolves to true at run time ({{unset}}): the run this tree shows serves plain HTTP, so its HTTPS server, its key store and its links are not checked. To have them checked, set server.ssl.enabled: true where HTTPS is meant to be on (the Compose service or Kubernetes env that sets the variable, a profile, the start script)',
        },
        defaultOptions: {},
        appliesTo: { components: ['java.app'] },
        symptoms: [],
    },
    check(ctx) {
        for (const app of ctx.deployment.components) {
            if (app.type !== 'java.app')
                continue;
            const { httpsOnlyIfSet } = app.attributes;
            if (httpsOnlyIfSet) {
                const fallback = (0, placeholder_1.placeholderDefault)(httpsOnlyIfSet.written);
                ctx.report({
                    messageId: 'onlyIfSet',
                    data: {
                        app: app.name,
                        written: httpsOnlyIfSet.written,
                        unset: fallback
                            ? (0, phrase_1.said) `while the variable is unset it is ${fallback}`
                            : (0, phrase_1.ours)('the tree gives the variable no value and no default'),
                    },
                    location: httpsOnlyIfSet.at,
                    related: [{ ...app.location, message: (0, phrase_1.said) `${app.name} is configured here` }],
                    fingerprint: [app.id, 'server.ssl.enabled'],
                });
            }
            const places = app.attributes.httpsOnlyInProfiles;
            if (!places?.length)
                continue;
            const profiles = [...new Set(places.map((p) => p.profile))];
            ctx.report({
                messageId: 'unknownActivation',
                data: {
                    app: app.name,
                    profiles: (0, phrase_1.said) `profile${profiles.length === 1 ? '' : (0, phrase_1.ours)('s')} ${profiles.join(', ')}`,
                },
                location: places[0].at,
                related: [
                    ...places.slice(1).map((p) => ({ ...p.at, message: (0, phrase_1.said) `profile ${p.profile} sets ${p.setting}` })),
                    { ...app.location, message: (0, phrase_1.said) `${app.name} is configured here` },
                ],
                fingerprint: [app.id, ...profiles],
            });
        }
    },
});
