"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const report_checks_off_1 = require("./_lib/report-checks-off");
/**
 * A Spring Boot app whose RabbitMQ connection uses TLS with `spring.rabbitmq.ssl.validate-server-certificate=false` and
 * no key store, trust store or SSL bundle: Spring AMQP's RabbitConnectionFactoryBean.setUpSSL then calls the RabbitMQ
 * client's `useSslProtocol()`, whose trust manager trusts every server certificate (its javadoc: "only suitable for
 * development and QA environments", rabbitmq/rabbitmq-java-client ConnectionFactory), and checks no host name. With a
 * store or a bundle set the setting is not applied. Read from model/spring-rabbit.ts.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'rabbitmq/certificate-validation-disabled',
        description: "Warn when a Spring Boot app's RabbitMQ TLS connection sets validate-server-certificate=false with no store: it accepts any certificate from the broker",
        severity: 'warning',
        messages: {
            trustsAny: "{{setting}} is false for {{app}}, whose RabbitMQ connection uses TLS, and no key store, trust store or SSL bundle is set: Spring AMQP then sets up TLS with the RabbitMQ client's trust-everything manager (ConnectionFactory.useSslProtocol()), so the app accepts whatever certificate the broker presents — no chain to a trusted CA, no dates, no host name — and anyone on the path to the broker can stand in for it and read the messages and the credentials the app logs in with. Remove the setting (the default, true, verifies the broker against the JVM's trust store) or set spring.rabbitmq.ssl.trust-store to a store holding the CA that issued the broker's certificate",
        },
        defaultOptions: {},
        appliesTo: { components: ['java.app'] },
        symptoms: ['SECURITY ALERT: this trust manager trusts every certificate', 'TrustEverythingTrustManager'],
    },
    check(ctx) {
        (0, report_checks_off_1.reportRabbitChecksOff)(ctx, 'certificate', 'trustsAny');
    },
});
