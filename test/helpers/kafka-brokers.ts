/**
 * A Confluent broker as a Compose service, for the tests of which brokers a Kafka client reaches (cert/expired's client
 * key stores): one SSL listener on 9093 advertised under the service's name, with ssl.client.auth when given.
 */
export const confluentBroker = (name: string, clientAuth?: string): string[] => [
  `  ${name}:`,
  '    image: confluentinc/cp-kafka:7.6.0',
  '    environment:',
  '      KAFKA_LISTENERS: SSL://0.0.0.0:9093',
  `      KAFKA_ADVERTISED_LISTENERS: SSL://${name}:9093`,
  ...(clientAuth ? [`      KAFKA_SSL_CLIENT_AUTH: ${clientAuth}`] : []),
];
