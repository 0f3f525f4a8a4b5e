import { springFormat, type SpringConfigData } from '../../src/parse/spring';
import { problemMessage, type FormatHandler, type ParsedDocument } from '../../src/parse/types';
import { kafkaPropertiesFormat } from '../../src/parse/kafka-properties';
import { javaSecurityFormat } from '../../src/parse/jdk';
import { tomcatCatalinaPropertiesFormat } from '../../src/parse/tomcat';
import { activemqJndiFormat } from '../../src/parse/activemq-jndi';

function parse(path: string, text: string): ParsedDocument<SpringConfigData> {
  const kind = springFormat.classify(path, text);
  if (!kind) throw new Error(`spring does not classify ${path}`);
  return springFormat.parse({ path, text, hadBom: false }, kind);
}

/** Each document's keys (`key@profile`), and the lines (one-based) of the duplicate-key problems. */
function documents(text: string) {
  const doc = parse('/app/src/main/resources/application.properties', text);
  return {
    parts: doc.data.parts.map((p) => p.entries.map((e) => `${e.key}${p.profile ? `@${p.profile}` : ''}`)),
    duplicates: doc.problems.filter((p) => p.code === 'duplicate-key').map((p) => p.range.start.line + 1),
  };
}

describe('Spring Boot properties documents (OriginTrackedPropertiesLoader)', () => {
  const profiled = (separator: string, between = '') =>
    ['a=1', 'b=2', between, separator, 'spring.config.activate.on-profile=dev', 'a=3', '']
      .filter((l, i) => i !== 2 || l)
      .join('\n');

  /** Not split: the whole file is one document of profile dev. */
  const ONE = [['a@dev', 'b@dev', 'spring.config.activate.on-profile@dev', 'a@dev']];

  it.each([
    // eugenp/tutorials spring-boot-properties-3 application.properties: keys set again per profile document.
    [
      '#--- splits',
      profiled('#---'),
      [
        ['a', 'b'],
        ['spring.config.activate.on-profile@dev', 'a@dev'],
      ],
      [],
    ],
    [
      '!--- splits (Spring Boot 2.7.5+)',
      profiled('!---'),
      [
        ['a', 'b'],
        ['spring.config.activate.on-profile@dev', 'a@dev'],
      ],
      [],
    ],
    [
      'trailing blanks allowed',
      profiled('#---  \t'),
      [
        ['a', 'b'],
        ['spring.config.activate.on-profile@dev', 'a@dev'],
      ],
      [],
    ],
    ['text after the hyphens: a comment', profiled('#--- dev'), ONE, [5]],
    ['four hyphens: a comment', profiled('#----'), ONE, [5]],
    ['indented: a comment', profiled('  #---'), ONE, [5]],
    ['right after a comment: a comment', profiled('#---', '# dev'), ONE, [6]],
    [
      'after a comment of the other prefix: splits',
      profiled('#---', '! dev'),
      [
        ['a', 'b'],
        ['spring.config.activate.on-profile@dev', 'a@dev'],
      ],
      [],
    ],
    [
      'a blank line after the comment: splits',
      profiled('#---', '# dev\n'),
      [
        ['a', 'b'],
        ['spring.config.activate.on-profile@dev', 'a@dev'],
      ],
      [],
    ],
  ])('%s', (_name, text, parts, duplicates) => {
    expect(documents(text)).toEqual({ parts, duplicates });
  });

  it('a comment right after the separator re-opens the document before it', () => {
    expect(documents('a=1\n#---\n# dev profile\na=2\n')).toEqual({ parts: [['a', 'a']], duplicates: [4] });
    expect(documents('a=1\n#---\n\n# dev profile\na=2\n')).toEqual({ parts: [['a', 'a']], duplicates: [5] });
  });

  it('keeps duplicates inside one document, and a separator inside a continued value is value text', () => {
    expect(documents('a=1\na=2\n#---\na=3\n')).toEqual({ parts: [['a', 'a'], ['a']], duplicates: [2] });
    expect(documents('a=1 \\\n#---\na=2\n')).toEqual({ parts: [['a', 'a']], duplicates: [3] });
  });

  it('drops documents without keys and reads CRLF files alike', () => {
    expect(documents('#---\na=1\n#---\n#---\na=2\n#---\n')).toEqual({ parts: [['a'], ['a']], duplicates: [] });
    expect(documents('a=1\r\n#---\r\na=2\r\n')).toEqual({ parts: [['a'], ['a']], duplicates: [] });
  });
});

describe('comments written after a value (parse/comment-in-value)', () => {
  const problems = (text: string) =>
    parse('/app/application.properties', text)
      .problems.filter((p) => p.code === 'comment-in-value')
      .map((p) => [p.range.start.line + 1, p.range.start.character + 1, problemMessage(p)]);

  it.each([
    [
      'server.ssl.enabled=true  # TLS on',
      [[1, 26, "The value of 'server.ssl.enabled' is 'true  # TLS on', comment included"]],
    ],
    [
      'spring.datasource.password=  # Leave this empty',
      [[1, 30, "'spring.datasource.password' is set to the text that starts with '#'"]],
    ],
    [
      'spring.datasource.password=s3cret # old one',
      [[1, 35, "The value of 'spring.datasource.password' goes on past a '#'"]],
    ],
    ['app.title=Issue #42', []],
    ['app.colour=#ff0000', []],
    ['# server.ssl.enabled=true # off', []],
    // A continuation line has no comments, even one that starts with '#' (OpenJDK 17 java.util.Properties.load:
    // "TLSv1.2,# TLSv1.1,TLSv1.3"); a list then holds an entry that names nothing.
    [
      'server.ssl.enabled-protocols=TLSv1.2,\\\n  # TLSv1.1,\\\n  TLSv1.3',
      [[2, 3, "The value of 'server.ssl.enabled-protocols' is 'TLSv1.2,# TLSv1.1,TLSv1.3', comment included"]],
    ],
    ['app.key=a\\\n  b # old', [[2, 5, "The value of 'app.key' is 'ab # old', comment included"]]],
    [
      'spring.datasource.password=a\\\n  # b',
      [[2, 3, "The value of 'spring.datasource.password' is continued over a line"]],
    ],
    ['app.list=a,\\\n  b,\\\n  c', []],
  ])('%s', (text, expected) => {
    const found = problems(`${text}\n`);
    expect(
      found.map(([line, column, message]) => [
        line,
        column,
        (message as string).slice(0, (expected[0]?.[2] as string | undefined)?.length),
      ]),
    ).toEqual(expected);
    for (const [, , message] of found) expect(message).not.toMatch(/s3cret|Leave/);
  });
});

describe('comments after a value in the other files java.util.Properties loads', () => {
  const codes = (handler: FormatHandler, path: string, text: string) => {
    const kind = handler.classify(path, text);
    if (!kind) throw new Error(`${handler.id} does not classify ${path}`);
    return handler.parse({ path, text, hadBom: false }, kind).problems.map((p) => [p.code, p.range.start.line + 1]);
  };

  it.each<[string, FormatHandler, string, string, (string | number)[][]]>([
    // KeyStore.getInstance("JKS # JKS, PKCS12, PEM") finds no such type: the broker does not start.
    [
      'Kafka',
      kafkaPropertiesFormat,
      '/k/server.properties',
      'listeners=SSL://:9093\nssl.keystore.type=JKS # JKS, PKCS12, PEM\n',
      [['comment-in-value', 2]],
    ],
    // OpenJDK 17 measured: 'Error in security property. Constraint unknown: # old' (ExceptionInInitializerError): no TLS at all.
    [
      'java.security',
      javaSecurityFormat,
      '/jdk/conf/security/java.security',
      'jdk.tls.disabledAlgorithms=SSLv3, TLSv1 # old\n',
      [['comment-in-value', 1]],
    ],
    // CatalinaProperties.loadProperties: server.xml's ${tomcat.https.port} would read "8443 # HTTPS" (no port).
    [
      'Tomcat catalina.properties',
      tomcatCatalinaPropertiesFormat,
      '/tomcat/conf/catalina.properties',
      'package.access=sun.,org.apache.catalina.\ntomcat.https.port=8443 # HTTPS\n',
      [['comment-in-value', 2]],
    ],
    // InitialContext loads every jndi.properties resource with java.util.Properties: the broker URL takes the comment.
    [
      'ActiveMQ jndi.properties',
      activemqJndiFormat,
      '/app/src/main/resources/jndi.properties',
      'java.naming.factory.initial = org.apache.activemq.jndi.ActiveMQInitialContextFactory\njava.naming.provider.url = ssl://broker:61617 # TLS\n',
      [['comment-in-value', 2]],
    ],
    [
      'librdkafka (not Java)',
      kafkaPropertiesFormat,
      '/k/client.properties',
      'bootstrap.servers=b:9093\nsecurity.protocol=ssl\nssl.ca.location=/c/ca.pem # CA\n',
      [],
    ],
  ])('%s', (_name, handler, path, text, expected) => expect(codes(handler, path, text)).toEqual(expected));
});

describe('Spring Boot YAML line breaks', () => {
  it('reads a lone CR as a line break, as SnakeYAML does', () => {
    // eugenp/tutorials spring-cloud-gateway application-oauth-client.yml: `filters:\r        - TokenRelay=\n`.
    const text =
      'spring:\n  cloud:\n    gateway:\n      routes:\n      - id: quotes\n        filters:\r        - TokenRelay=\n  security:\r    user:\r      name: admin\n';
    const doc = parse('/app/application.yml', text);
    expect(doc.problems).toEqual([]);
    expect(doc.entries.map((e) => [e.key, e.value, e.keyRange.start.line + 1])).toEqual([
      ['spring.cloud.gateway.routes[0].id', 'quotes', 5],
      ['spring.cloud.gateway.routes[0].filters[0]', 'TokenRelay=', 6],
      ['spring.security.user.name', 'admin', 10],
    ]);
  });
});
