import type { ModelContributor } from './contributor';
import { cleartrustContributor } from './cleartrust';
import { mqContributor } from './mq';
import { wasContributor } from './was';
import { jmsBindingsContributor } from './jms-bindings';
import { mqLinksContributor } from './mq-links';
import { mqMessageLinksContributor } from './mq-message-links';
import { javaAppContributor } from './java';
import { springImageServicesContributor } from './spring-image-services';
import { tomcatContributor } from './tomcat';
import { nginxContributor } from './nginx';
import { haproxyContributor } from './haproxy';
import { httpdContributor } from './httpd';
import { ajpFrontsContributor } from './ajp-fronts';
import { wasPluginContributor } from './was-plugin';
import { wasSslConfigsContributor } from './was-ssl-configs';
import { activemqBrokersContributor } from './activemq-brokers';
import { libertyHttpsContributor } from './liberty-https';
import { jbossHttpsContributor } from './jboss-https';
import { dropwizardHttpsContributor } from './dropwizard-https';
import { jettyHttpsContributor } from './jetty-https';
import { keycloakHttpsContributor } from './keycloak-https';
import { javaLinksContributor } from './java-links';
import { ingressBackendsContributor } from './kubernetes-ingress-backends';
import { storesContributor } from './stores';
import { kafkaBrokersContributor } from './kafka-brokers';
import { kafkaStrimziContributor } from './kafka-strimzi';
import { kafkaStrimziClientsContributor } from './kafka-strimzi-clients';
import { rabbitmqBrokersContributor } from './rabbitmq-brokers';
import { logstashEndsContributor } from './logstash-ends';
import { searchNodesContributor } from './search-node';
import { elasticLinksContributor } from './elastic-links';
import { certutilInstancesContributor } from './certutil-instances';
import { kibanaBeatsContributor } from './kibana-beats';
import { logstashSettingsContributor } from './logstash-settings';
import { kafkaConnectComposeContributor } from './kafka-connect';
import { kafkaSchemaRegistryContributor } from './kafka-schema-registry';
import { kafkaUiContributor } from './kafka-ui';
import { kafkaPropertiesContributor } from './kafka-properties';
import { brokerProjectsContributor } from './broker-projects';
import { kafkaLoopbackContributor } from './kafka-loopback';
import { kafkaConnectorOverridesContributor } from './kafka-connector-overrides';
import { kafkaConnectCoverageContributor } from './kafka-connect-coverage';
import { rabbitmqLinksContributor } from './rabbitmq-listener';
import { imageRuntimeContributor } from './image-runtime';

/** Model contributors in the order they run. Add yours with one import and one entry. */
export const MODEL_CONTRIBUTORS: readonly ModelContributor[] = [
  cleartrustContributor,
  mqContributor,
  wasContributor,
  jmsBindingsContributor,
  // Before mq-links: a Spring app's `ibm.mq.*` settings are a JMS connection factory to link (./spring-mq.ts).
  javaAppContributor,
  // Spring Boot apps of Compose services that only name an image (their environment configures them).
  springImageServicesContributor,
  mqLinksContributor,
  mqMessageLinksContributor,
  tomcatContributor,
  nginxContributor,
  haproxyContributor,
  httpdContributor,
  // After tomcat and httpd: it ties their AJP fronts and connectors.
  ajpFrontsContributor,
  wasPluginContributor,
  wasSslConfigsContributor,
  libertyHttpsContributor,
  jbossHttpsContributor,
  dropwizardHttpsContributor,
  jettyHttpsContributor,
  keycloakHttpsContributor,
  activemqBrokersContributor,
  javaLinksContributor,
  // After java and keycloak-https: an Ingress's backend is a Spring or Keycloak server they made.
  ingressBackendsContributor,
  storesContributor,
  kafkaBrokersContributor,
  kafkaStrimziContributor,
  kafkaStrimziClientsContributor,
  rabbitmqBrokersContributor,
  logstashEndsContributor,
  searchNodesContributor,
  kibanaBeatsContributor,
  logstashSettingsContributor,
  // After logstash-ends, search-nodes, kibana-beats and logstash-settings: their records are linked.
  elasticLinksContributor,
  certutilInstancesContributor,
  kafkaConnectComposeContributor,
  kafkaSchemaRegistryContributor,
  kafkaUiContributor,
  kafkaPropertiesContributor,
  // After every contributor that records Connect workers.
  kafkaConnectorOverridesContributor,
  // After kafka-connector-overrides: the overrides' verdicts decide whether a worker's gap is filled.
  kafkaConnectCoverageContributor,
  // After every contributor that adds Kafka or RabbitMQ brokers and client ends.
  brokerProjectsContributor,
  kafkaLoopbackContributor,
  // After broker-projects: an app is linked to the RabbitMQ broker of its own Compose project.
  rabbitmqLinksContributor,
  // After stores: a server's default trust is settled before its image's cacerts imports join it.
  imageRuntimeContributor,
];
