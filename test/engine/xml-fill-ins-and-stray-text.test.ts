import { lintTree } from './lint-helper';

/**
 * XML files with fill-in placeholders where XML cannot hold them: kishkulk/cicstg-jca-liberty-docker-sample@3664378
 * server.xml (`connectionUrl="tcp://<CICSTG_IP_ADDRESS>"`, the comments above saying what to put there). Before, one
 * error "Not well-formed XML: disallowed character." that named neither the `<` nor the placeholder.
 */
const liberty = (properties: string, more = '') =>
  [
    '<server description="CICS TG Liberty sample">',
    '   <featureManager><feature>jca-1.6</feature></featureManager>',
    '   <connectionFactory id="eciTest" jndiName="eis/ECI">',
    `   ${properties}`,
    '   </connectionFactory>',
    more,
    '</server>',
    '',
  ].join('\n');

const builtIn = ['security/plaintext-secret'];
const shown = (files: Record<string, string>) =>
  lintTree(files, { builtIn }).findings.map(
    (f) =>
      `${f.ruleId} ${f.severity} ${(f.location.range?.start.line ?? 0) + 1}:${(f.location.range?.start.character ?? 0) + 1}`,
  );

describe('XML fill-in placeholders', () => {
  const cases: Array<[string, string, string[]]> = [
    [
      'placeholders in attribute values: an info naming them, the file read',
      liberty(
        `<properties.eciResourceAdapter connectionUrl="tcp://<CICSTG_IP_ADDRESS>" portNumber="<CICSTG_PORT_NUMBER>" userName='<CICS_USER_NAME>' password='<CICS_USER_PASSWORD>'/>`,
      ),
      ['parse/template-placeholders info 4:56'],
    ],
    [
      'what follows a placeholder is read (before: nothing after the error)',
      liberty(
        '<properties.eciResourceAdapter connectionUrl="tcp://<CICSTG_IP_ADDRESS>"/>',
        '<dataSource id="db"><properties.db2.jcc user="app" password="s3cretPassw0rd"/></dataSource>',
      ),
      ['parse/template-placeholders info 4:56', 'security/plaintext-secret warning 6:62'],
    ],
    [
      'a placeholder as the whole text of an element',
      liberty('<properties.eciResourceAdapter serverName="A"/>', '<variable name="x"><SERVER_NAME></variable>'),
      ['parse/template-placeholders info 6:20'],
    ],
    [
      'an upper-case element that is one stays an element',
      liberty('<properties.eciResourceAdapter serverName="A"/>', '<CONFIG><NAME>x</NAME></CONFIG>'),
      [],
    ],
    [
      'a lower-case name in an attribute value is one too (cicsdev/cics-java-liberty-mq-jms: <path>, <port>; an error before)',
      liberty('<properties.eciResourceAdapter connectionUrl="tcp://<host>" portNumber="<port>"/>'),
      ['parse/template-placeholders info 4:56'],
    ],
    [
      "Tomcat's tomcat-users.xml comments out users whose password is `<must-be-changed>`: a comment is no fill-in",
      liberty(
        '<properties.eciResourceAdapter serverName="A"/>',
        '<!--\n  <user username="tomcat" password="<must-be-changed>" roles="tomcat"/>\n-->\n<![CDATA[ <x a="<B_C>"/> ]]>',
      ),
      [],
    ],
    [
      'a lower-case word in angle brackets as the text of an element is an element: the parse error stays',
      liberty('<properties.eciResourceAdapter serverName="A"/>', '<variable name="x"><host></variable>'),
      ['parse/invalid-xml error 6:36'],
    ],
    [
      'a < in an attribute value that is no name in brackets stays a parse error, at the <',
      liberty('<properties.eciResourceAdapter connectionUrl="a < b"/>'),
      ['parse/invalid-xml error 4:52'],
    ],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(shown({ 'server.xml': text })).toEqual(expected);
  });

  it('names the placeholders and what a parser says of them', () => {
    const text = liberty(
      `<properties.eciResourceAdapter connectionUrl="tcp://<CICSTG_IP_ADDRESS>" portNumber="<CICSTG_PORT_NUMBER>" serverName='<CICS_SERVER_NAME>' userName='<CICS_USER_NAME>' password='<CICS_USER_PASSWORD>'/>`,
    );
    const [finding] = lintTree({ 'server.xml': text }).findings;
    expect(finding?.message).toContain(
      '5 fill-in placeholders (<CICSTG_IP_ADDRESS>, <CICSTG_PORT_NUMBER>, <CICS_SERVER_NAME> and 2 more)',
    );
    expect(finding?.message).toContain("must not contain the '<' character");
  });
});

/**
 * Text outside the root element: saxes notices it where it ends, so the error stood on the line after it.
 * OktaySavdi/Liberty@44188e5 Example/SpringBoot_server.xml is a Markdown code block saved as .xml (line 1 a fence,
 * line 2 `<?xml …?>`), which nothing includes: reported as an error on line 2.
 */
describe('text outside the root element', () => {
  const server = '<?xml version="1.0" encoding="UTF-8"?>\n<server description="x">\n  <featureManager/>\n</server>\n';
  const cases: Array<[string, Record<string, string>, string[]]> = [
    [
      'a Markdown snippet nothing names: an info at the fence',
      { 'Example/SpringBoot_server.xml': '```xml\n' + server + '```\n' },
      ['parse/invalid-xml info 1:1'],
    ],
    [
      'the same snippet a Dockerfile copies: an error at the fence',
      {
        'Example/SpringBoot_server.xml': '```xml\n' + server + '```\n',
        Dockerfile: 'FROM open-liberty\nCOPY Example/SpringBoot_server.xml /config/server.xml\n',
      },
      ['parse/invalid-xml error 1:1'],
    ],
    [
      'a Markdown heading in a server.xml, which Liberty reads by its name: an error',
      { 'server.xml': '# Liberty\n\n' + server },
      ['parse/invalid-xml error 1:1'],
    ],
    [
      'stray text after the root element: at its first character',
      { 'server.xml': server + '\n  trailing words\n' },
      ['parse/invalid-xml error 6:3'],
    ],
  ];
  it.each(cases)('%s', (_name, files, expected) => {
    expect(shown(files)).toEqual(expected);
  });

  it("says what the file is, in Java's words too", () => {
    const [snippet] = lintTree({ 'Example/SpringBoot_server.xml': '```xml\n' + server + '```\n' }).findings;
    expect(snippet?.message).toContain("a code fence '```xml'");
    expect(snippet?.message).toContain('Content is not allowed in prolog.');
    const [trailing] = lintTree({ 'server.xml': server + 'trailing\n' }).findings;
    expect(trailing?.message).toContain('Content is not allowed in trailing section.');
  });
});
