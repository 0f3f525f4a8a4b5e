import { classifyFile } from '../../src/parse/registry';
import { holdsJaasEntry, JAAS_KIND, jaasFormat, jaasOptions } from '../../src/parse/jaas';

// haiphamcoder/kafka-kraft-scram@508ccfb kafka_server_jaas.conf (MIT licence file), shortened.
const SCRAM =
  'KafkaServer {\n   org.apache.kafka.common.security.scram.ScramLoginModule required\n   username="admin"\n   password="admin-secret";\n};\n\nClient {\n   org.apache.zookeeper.server.auth.DigestLoginModule required\n   username="kafka"\n   password="kafka-secret";\n};\n';

describe('JAAS login configuration', () => {
  it.each([
    ['/t/kafka_server_jaas.conf', SCRAM],
    ['/t/config/zookeeper_jaas.conf', SCRAM],
    ['/t/jaas.conf', SCRAM],
    ['/t/secrets/broker.jaas', SCRAM],
    ['/t/kafka-jaas.config', SCRAM],
  ])('%s is JAAS', (file, text) => {
    expect(classifyFile(file, text)?.kind).toBe(JAAS_KIND);
  });

  it.each([
    ['/t/nginx.conf', 'server { listen 443 ssl; }\n'],
    ['/t/kafka_server_jaas.conf', '# rendered at start\n'],
    ['/t/login.conf', SCRAM],
  ])('%s is not', (file, text) => {
    expect(jaasFormat.classify(file, text)).toBeUndefined();
  });

  it('keeps each option with its section, module and places; a name that says secret, or user_<name>, is secret', () => {
    const text =
      '/* users */\nKafkaServer {\n  a.PlainLoginModule required username="admin" password="p w" user_bob=bob;\n};\n// end\n';
    const doc = jaasFormat.parse({ path: '/t/jaas.conf', text, hadBom: false }, JAAS_KIND);
    expect(
      doc.entries.map((e) => [e.key, e.value, e.secret, e.valueRange.start.line, e.valueRange.start.character]),
    ).toEqual([
      ['KafkaServer.username', 'admin', false, 2, 40],
      ['KafkaServer.password', 'p w', true, 2, 57],
      ['KafkaServer.user_bob', 'bob', true, 2, 71],
    ]);
    expect(doc.comments.map((c) => [c.text, c.range.start.line])).toEqual([
      [' users ', 0],
      [' end', 4],
    ]);
    expect(doc.problems).toEqual([]);
  });

  it('reads the entries of a sasl.jaas.config value (no section), and nothing that is no entry', () => {
    const value =
      'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="x=y;z" user_u="q";';
    expect(holdsJaasEntry(value)).toBe(true);
    expect(jaasOptions(value).map((o) => [o.section, o.name, o.value, o.secret])).toEqual([
      [undefined, 'username', 'u', false],
      [undefined, 'password', 'x=y;z', true],
      [undefined, 'user_u', 'q', true],
    ]);
    expect(holdsJaasEntry('sasl.mechanism=PLAIN')).toBe(false);
    expect(jaasOptions('PlainLoginModule is configured elsewhere')).toEqual([]);
  });

  it('never throws on broken text: an unterminated quote or block, a missing `;`, stray punctuation', () => {
    for (const text of [
      'KafkaServer {\n  x.PlainLoginModule required password="open\n',
      'KafkaServer {\n  x.PlainLoginModule required password="a"\n',
      '};;{ = = "" x.LoginModule required = ; password=',
      '/* never closed',
    ])
      expect(() => jaasOptions(text)).not.toThrow();
    expect(jaasOptions('K {\n  x.PlainLoginModule required password="a"\n').map((o) => o.value)).toEqual(['a']);
  });
});
