"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/**
 * A Spring Boot app that gives a Kafka client's SSL settings both a bundle and a store: `spring.kafka.ssl.bundle` beside
 * `spring.kafka.ssl.key-store-location` (or `key-store-key`, `trust-store-location`, `trust-store-certificates`), or
 * the same within one client's `spring.kafka.<client>.ssl.*`. Spring Boot 3.2+ checks them as mutually exclusive when it
 * builds the client's properties (KafkaProperties.Ssl.validate, v3.2.0 and v3.4.0) and fails the start; before 3.2 the
 * bundle property does not exist and is ignored (the model then reports nothing). Where the project's build file names
 * a release that refuses them (model/spring-boot-release.ts, knowledge spring-boot.json) this is an error; where the
 * tree does not say the release, a warning. Read from model/kafka-spring.ts springKafkaSslConflicts.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'kafka/ssl-bundle-with-store',
        description: "Report a Spring Boot Kafka client's SSL settings that name both a bundle and a key or trust store: Spring Boot 3.2+ refuses to start",
        severity: 'error',
        messages: {
            refused: "{{bundle}} and {{store}} are both set for {{app}}, built with Spring Boot {{version}} ({{by}}): it refuses them together and the app does not start (MutuallyExclusiveConfigurationPropertiesException: The configuration properties '…bundle, …' are mutually exclusive and '…' have been configured together). Keep one: the bundle (and move the store into spring.ssl.bundle.*) or the store settings",
            both: "{{bundle}} and {{store}} are both set for {{app}}: Spring Boot 3.2 and later refuse them together and the app does not start (MutuallyExclusiveConfigurationPropertiesException: The configuration properties '…bundle, …' are mutually exclusive and '…' have been configured together); before 3.2 the bundle property does not exist and is ignored. The tree does not say the project's Spring Boot release (no pom.xml or build.gradle above the configuration names it). Keep one: the bundle (and move the store into spring.ssl.bundle.*) or the store settings",
        },
        defaultOptions: {},
        appliesTo: { components: ['java.app'] },
        symptoms: ['MutuallyExclusiveConfigurationPropertiesException', 'are mutually exclusive and'],
    },
    check(ctx) {
        for (const app of ctx.deployment.components) {
            if (app.type !== 'java.app')
                continue;
            for (const { bundle, store, refusedBy } of app.attributes.kafkaSslConflicts ?? [])
                ctx.report({
                    messageId: refusedBy ? 'refused' : 'both',
                    ...(refusedBy ? {} : { severity: 'warning' }),
                    data: {
                        app: app.name,
                        bundle: bundle.setting,
                        store: store.setting,
                        ...(refusedBy && { version: refusedBy.version, by: refusedBy.by }),
                    },
                    location: store.at,
                    related: [
                        { ...bundle.at, message: (0, phrase_1.said) `${bundle.setting} names the SSL bundle here` },
                        ...(refusedBy
                            ? [{ ...refusedBy.at, message: (0, phrase_1.said) `${refusedBy.by} names Spring Boot ${refusedBy.version}` }]
                            : []),
                    ],
                    fingerprint: [app.id, bundle.setting, store.setting],
                });
        }
    },
});
