import { parseXml, attr, elementsNamed } from '../../src/parse/xml';

describe('parseXml', () => {
  it('keeps element and attribute positions', () => {
    const text =
      '<?xml version="1.0"?>\r\n<Server port="8005">\r\n  <!-- a comment -->\r\n  <Connector port="8443"\r\n     sslProtocol=\'TLSv1.2\' keystorePass="s&amp;cret"/>\r\n</Server>\r\n';
    const { data, comments, problems, entries } = parseXml(text);
    expect(problems).toEqual([]);
    expect(data.root?.name).toBe('Server');
    const connector = elementsNamed(data, 'connector')[0];
    expect(connector.range.start).toEqual({ line: 3, character: 2 });
    const proto = attr(connector, 'sslProtocol')!;
    expect(proto.value).toBe('TLSv1.2');
    expect(proto.valueRange).toEqual({ start: { line: 4, character: 18 }, end: { line: 4, character: 25 } });
    expect(attr(connector, 'keystorePass')!.value).toBe('s&cret');
    expect(entries.find((e) => e.key === 'Connector@keystorePass')!.secret).toBe(true);
    expect(comments[0].text).toBe(' a comment ');
    expect(comments[0].range.start).toEqual({ line: 2, character: 2 });
    expect(connector.path).toBe('Server/Connector');
  });

  it('reports the first well-formedness error with a position and keeps going', () => {
    const { problems, data } = parseXml('<a>\n  <b x="1">\n</a>\n');
    expect(problems).toHaveLength(1);
    expect(problems[0].code).toBe('invalid-xml');
    expect(problems[0].range.start.line).toBe(2);
    expect(data.elements.map((e) => e.name)).toEqual(['a', 'b']);
  });

  // saxes reads past such an ampersand to the end of the file and says only "unclosed tag" there.
  it.each([
    [
      'a JDBC URL in an attribute',
      '<Context>\n  <Resource url="jdbc:mysql://db/app?useSSL=true&requireSSL=true"/>\n</Context>\n',
      1,
      48,
    ],
    // apache/activemq-artemis@6700541 tests/soak-tests/.../page-oscillation/live/broker.xml:49, replaced by its test.
    [
      'a placeholder a program replaces',
      '<core>\n  <purge-page-folders>&&REPLACE-HERE&&</purge-page-folders>\n</core>\n',
      1,
      22,
    ],
    ['AT&T in text', '<a>\n<!-- R&D -->\n<![CDATA[x & y]]>\n<b>AT&T</b>\n</a>\n', 3, 5],
  ])('an ampersand that starts no reference is the error, at the ampersand: %s', (_, text, line, character) => {
    const { problems } = parseXml(text);
    expect(problems.map((p) => [p.code, p.severity, p.range.start])).toEqual([
      ['invalid-xml', 'error', { line, character }],
    ]);
    expect(problems[0].message).toContain("this '&' starts no entity reference");
    // Java's words, without the name (it may be part of a password).
    expect(problems[0].message).toContain(
      text.includes('&&') ? 'The entity name must immediately follow' : 'The reference to entity … must end',
    );
  });

  it('references, and ampersands in comments, CDATA and processing instructions, are no error', () => {
    const text = '<?pi a&b?>\n<a x="&amp;&lt;&#38;&#x26;">\n<!-- & -->\n<![CDATA[ & ]]>\n&quot;</a>\n';
    expect(parseXml(text).problems).toEqual([]);
  });

  it("another error than an ampersand keeps saxes' words and place", () => {
    const { problems } = parseXml('<a>\n  <b x="1">\n</a>\n<!-- & -->\n');
    expect(problems[0].message).toContain('unexpected close tag');
    expect(problems[0].range.start.line).toBe(2);
  });

  // zmoore-usgs/cookbook-tomcat@d24e052 server.xml.erb writes SSLCACertificatePath twice on one Connector, lines apart.
  it.each([
    [
      'the repeated attribute',
      '<Server>\n  <Connector port="1"\n    a="x"\n    b="y"\n    a="z"\n  />\n</Server>\n',
      'duplicate attribute: a. (Java\'s: \'Attribute "a" was already specified for element "Connector".\')',
      4,
      4,
    ],
    ['the place saxes stops', '<a>\n  <b x="1">\n</a>\n', 'unexpected close tag.', 2, 3],
  ])("names %s, its position said once (the finding's)", (_, text, reason, line, character) => {
    const { problems } = parseXml(text);
    expect(problems.map((p) => [p.message, p.range.start])).toEqual([
      [`Not well-formed XML: ${reason}`, { line, character }],
    ]);
  });

  it('does not throw on garbage', () => {
    for (const text of ['', '<', '<<<>>>', '\u0000', '<a b=>', '<!-- x', '<a></b></a>']) {
      expect(() => parseXml(text)).not.toThrow();
    }
  });

  // timidri/puppet-tomcat@7de4425 templates/server.xml.erb: Tomcat's start digester inserts the files an internal DTD
  // subset declares as external entities (checked with Tomcat 10.1.60's Catalina digester, tools in the commit message).
  it('reads a document whose DTD declares entities: internal ones expand, external ones are an info, not an error', () => {
    const text = [
      "<?xml version='1.0' encoding='utf-8'?>",
      '<!DOCTYPE server-xml [',
      '  <!ENTITY connectors SYSTEM "connectors.xml">',
      "  <!ENTITY host-valves SYSTEM 'host-valves.xml'>",
      '  <!ENTITY pass "changeme">',
      '  <!ENTITY % unused SYSTEM "unused.dtd">',
      ']>',
      '<Server port="8005">',
      '  <Service name="Catalina">',
      '    &connectors;',
      '    <Connector port="8443" keystorePass="&pass;"/>',
      '    &host-valves;',
      '  </Service>',
      '</Server>',
      '',
    ].join('\n');
    const { problems, data } = parseXml(text);
    expect(problems.map((p) => [p.code, p.severity, p.range.start.line])).toEqual([['xml-external-entity', 'info', 9]]);
    expect(problems[0].message).toContain('connectors.xml');
    expect(problems[0].message).toContain('host-valves.xml');
    expect(attr(elementsNamed(data, 'Connector')[0], 'keystorePass')!.value).toBe('changeme');
  });

  it('still reports an entity nothing declares', () => {
    const { problems } = parseXml('<a>&nope;</a>\n');
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['invalid-xml', 'error']]);
  });
});
