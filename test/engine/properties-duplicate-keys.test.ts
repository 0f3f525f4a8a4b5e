import { lintTree } from './lint-helper';

/**
 * A key set twice in a .properties file: java.util.Properties keeps the last value. A different value hides the first
 * (a warning); the same value again changes nothing (an info). fkshom/kafka-train@dede206 consumer.properties sets
 * security.protocol=SASL_SSL on lines 2 and 13.
 */
describe('.properties duplicate keys', () => {
  const findings = (files: Record<string, string>) =>
    lintTree(files)
      .findings.filter((f) => f.ruleId === 'parse/duplicate-key')
      .map(
        (f) => `${f.location.file.split('/').slice(-1)[0]}:${(f.location.range?.start.line ?? -1) + 1} ${f.severity}`,
      );

  it.each([
    [
      'a Kafka client file that repeats security.protocol with the same value: an info, nothing changes',
      'security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsecurity.protocol=SASL_SSL\n',
      ['consumer.properties:3 info'],
    ],
    [
      'the same key with another value: a warning, the first value is lost',
      'security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsecurity.protocol=PLAINTEXT\n',
      ['consumer.properties:3 warning'],
    ],
    [
      'the same value written with other spacing and separator is the same value',
      'security.protocol = SASL_SSL\nsecurity.protocol:SASL_SSL\n',
      ['consumer.properties:2 info'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findings({ 'kafka/consumer.properties': text })).toEqual(expected);
  });

  it("the info's message says the line repeats the value and names the first line, never the value", () => {
    const found = lintTree({
      'kafka/consumer.properties': 'ssl.keystore.password=s3cret-value\nssl.keystore.password=s3cret-value\n',
    }).findings.filter((f) => f.ruleId === 'parse/duplicate-key');
    expect(found.map((f) => [f.severity, f.message])).toEqual([
      [
        'info',
        "Key 'ssl.keystore.password' is set again to the value it has on line 1: the repeated line changes nothing",
      ],
    ]);
  });
});
