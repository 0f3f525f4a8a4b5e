/**
 * The RabbitMQ broker's TLS facts (data/rabbitmq.json): where the official image reads its configuration file, and the
 * peer verification the broker does when `ssl_options.verify` is not written.
 */
import data from './data/rabbitmq.json';

export const RABBITMQ_BROKER = {
  imageConfigFiles: data.imageConfigFiles.value,
  verifyDefault: data.verifyDefault.value,
};
