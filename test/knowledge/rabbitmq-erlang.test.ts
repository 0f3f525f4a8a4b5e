import { rabbitmqImageChecksAnchorDates } from '../../src/knowledge/rabbitmq';

/**
 * Whether the official image's RabbitMQ series runs only on Erlang/OTP releases that check a trust anchor's dates
 * (23.3 and later; data rabbitmq.json erlangAnchorDates, minimumErlang from the which-erlang matrix).
 */
describe('rabbitmqImageChecksAnchorDates', () => {
  it.each([
    ['rabbitmq:3.13-management', { series: '3.13', otp: '26.0' }],
    ['rabbitmq:3.11.28', { series: '3.11', otp: '25.0' }],
    ['docker.io/library/rabbitmq:4.1.0-management-alpine', { series: '4.1', otp: '26.0' }],
    ['rabbitmq:3.10-management', undefined],
    ['rabbitmq:3.7-management', undefined],
    ['rabbitmq:management', undefined],
    ['rabbitmq', undefined],
    ['bitnami/rabbitmq:3.13', undefined],
    [undefined, undefined],
  ])('%s', (image, expected) => {
    expect(rabbitmqImageChecksAnchorDates(image)).toEqual(expected);
  });
});
