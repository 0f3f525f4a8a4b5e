"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MODEL_CONTRIBUTORS = void 0;
const cleartrust_1 = require("./cleartrust");
const mq_1 = require("./mq");
const was_1 = require("./was");
const mq_links_1 = require("./mq-links");
const mq_message_links_1 = require("./mq-message-links");
const java_1 = require("./java");
const spring_image_services_1 = require("./spring-image-services");
const tomcat_1 = require("./tomcat");
const nginx_1 = require("./nginx");
const haproxy_1 = require("./haproxy");
const httpd_1 = require("./httpd");
const was_plugin_1 = require("./was-plugin");
const activemq_brokers_1 = require("./activemq-brokers");
const liberty_https_1 = require("./liberty-https");
const jboss_https_1 = require("./jboss-https");
const dropwizard_https_1 = require("./dropwizard-https");
const jetty_https_1 = require("./jetty-https");
const java_links_1 = require("./java-links");
const stores_1 = require("./stores");
const kafka_brokers_1 = require("./kafka-brokers");
const kafka_connect_1 = require("./kafka-connect");
const kafka_properties_1 = require("./kafka-properties");
const image_runtime_1 = require("./image-runtime");
/** Model contributors in the order they run. Add yours with one import and one entry. */
exports.MODEL_CONTRIBUTORS = [
    cleartrust_1.cleartrustContributor,
    mq_1.mqContributor,
    was_1.wasContributor,
    // Before mq-links: a Spring app's `ibm.mq.*` settings are a JMS connection factory to link (./spring-mq.ts).
    java_1.javaAppContributor,
    // Spring Boot apps of Compose services that only name an image (their environment configures them).
    spring_image_services_1.springImageServicesContributor,
    mq_links_1.mqLinksContributor,
    mq_message_links_1.mqMessageLinksContributor,
    tomcat_1.tomcatContributor,
    nginx_1.nginxContributor,
    haproxy_1.haproxyContributor,
    httpd_1.httpdContributor,
    was_plugin_1.wasPluginContributor,
    liberty_https_1.libertyHttpsContributor,
    jboss_https_1.jbossHttpsContributor,
    dropwizard_https_1.dropwizardHttpsContributor,
    jetty_https_1.jettyHttpsContributor,
    activemq_brokers_1.activemqBrokersContributor,
    java_links_1.javaLinksContributor,
    stores_1.storesContributor,
    kafka_brokers_1.kafkaBrokersContributor,
    kafka_connect_1.kafkaConnectComposeContributor,
    kafka_properties_1.kafkaPropertiesContributor,
    // After stores: a server's default trust is settled before its image's cacerts imports join it.
    image_runtime_1.imageRuntimeContributor,
];
