"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const report_checks_off_1 = require("./_lib/report-checks-off");
/**
 * A Spring Boot app whose RabbitMQ connection uses TLS with `spring.rabbitmq.ssl.verify-hostname=false`: Spring Boot
 * hands it to RabbitConnectionFactoryBean.setEnableHostnameVerification, and the RabbitMQ client then checks the broker's
 * certificate against the trust store but not that it names the host connected to (spring-amqp v3.1.0 setUpSSL and
 * useDefaultTrustStoreMechanism; Spring Boot 3.2+ SslBundleRabbitConnectionFactoryBean alike). Not said where
 * rabbitmq/certificate-validation-disabled is: that connection checks no host name either. Read from
 * model/spring-rabbit.ts.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'rabbitmq/hostname-verification-disabled',
        description: "Warn when a Spring Boot app's RabbitMQ TLS connection sets verify-hostname=false: it does not check that the broker's certificate names the host it connects to",
        severity: 'warning',
        messages: {
            disabled: "{{setting}} is false for {{app}}, whose RabbitMQ connection uses TLS: the broker's certificate is checked against the trust store but not that it names the host connected to (Spring Boot's default is true), so anyone holding a certificate that trust store accepts can stand in for the broker and read the messages and the credentials the app logs in with. Remove the setting and give the broker a certificate whose subjectAltName names the host the app connects to (spring.rabbitmq.host or the addresses' hosts)",
        },
        defaultOptions: {},
        appliesTo: { components: ['java.app'] },
        symptoms: [],
    },
    check(ctx) {
        (0, report_checks_off_1.reportRabbitChecksOff)(ctx, 'hostname', 'disabled');
    },
});
