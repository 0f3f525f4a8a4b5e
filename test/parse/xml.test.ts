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
