import { jbossCliFormat } from '../../src/parse/jboss-cli';

const parse = (text: string) => jbossCliFormat.parse({ path: '/t/configure.cli', text, hadBom: false }, 'jboss.cli');

describe('jboss-cli scripts', () => {
  it.each([
    ['configure.cli', '# setup\nbatch\n/subsystem=elytron/key-store=ks:add(path=k.p12)\n', 'jboss.cli'],
    ['x.cli', '  ./subsystem=undertow/server=default-server:write-attribute(name=x, value=y)\n', 'jboss.cli'],
    ['provider.tf.cli', 'terraform {\n}\n', undefined],
    ['commands.txt', '/subsystem=elytron/key-store=ks:add(path=k.p12)\n', undefined],
  ])('%s is read as one: %s', (file, head, kind) => {
    expect(jbossCliFormat.classify(`/t/${file}`, head)).toBe(kind);
  });

  it('reads operations, nested objects, continued lines, write-attribute and command arguments with their places', () => {
    const text =
      '/subsystem=elytron/key-store=ks:add(path="a b.p12", relative-to=jboss.server.config.dir, \\\n' +
      '    credential-reference={clear-text="pw,1"}, type=PKCS12)\n' +
      '/subsystem=elytron/key-manager=km:add(key-store=ks, credential-reference={clear-text=${env.KP:${env.X}}}, algorithm => "PKIX")\n' +
      '/subsystem=datasources/data-source=DS:write-attribute(name=password, value=dbpw)\n' +
      '/subsystem=elytron/server-ssl-context=ssc:add(key-manager=km, protocols=["TLSv1.2", "TLSv1.3"])\n' +
      'data-source add --name=PgDS --password="p w" --enabled=true\n';
    const doc = parse(text);
    const lines = text.split('\n');
    expect(
      doc.entries.map((e) => [
        e.key,
        e.value,
        e.secret,
        lines[e.valueRange.start.line]!.slice(e.valueRange.start.character, e.valueRange.end.character),
      ]),
    ).toEqual([
      ['key-store=ks.path', 'a b.p12', false, 'a b.p12'],
      ['key-store=ks.relative-to', 'jboss.server.config.dir', false, 'jboss.server.config.dir'],
      ['key-store=ks.credential-reference.clear-text', 'pw,1', true, 'pw,1'],
      ['key-store=ks.type', 'PKCS12', false, 'PKCS12'],
      ['key-manager=km.key-store', 'ks', false, 'ks'],
      ['key-manager=km.credential-reference.clear-text', '${env.KP:${env.X}}', true, '${env.KP:${env.X}}'],
      ['key-manager=km.algorithm', 'PKIX', false, 'PKIX'],
      ['data-source=DS.password', 'dbpw', true, 'dbpw'],
      ['server-ssl-context=ssc.key-manager', 'km', false, 'km'],
      ['server-ssl-context=ssc.protocols', '["TLSv1.2", "TLSv1.3"]', false, '["TLSv1.2", "TLSv1.3"]'],
      ['data-source.add.name', 'PgDS', false, 'PgDS'],
      ['data-source.add.password', 'p w', true, 'p w'],
      ['data-source.add.enabled', 'true', false, 'true'],
    ]);
    expect(doc.data.operations.map((o) => o.resource)).toEqual([
      'key-store=ks',
      'key-manager=km',
      'data-source=DS',
      'server-ssl-context=ssc',
      'data-source.add',
    ]);
    // An operation's address, name and where its resource's name is written; a command has none.
    expect(
      doc.data.operations.map((o) => [
        o.address,
        o.operation,
        o.nameRange && lines[o.nameRange.start.line]!.slice(o.nameRange.start.character, o.nameRange.end.character),
      ]),
    ).toEqual([
      ['subsystem=elytron/key-store=ks', 'add', 'ks'],
      ['subsystem=elytron/key-manager=km', 'add', 'km'],
      ['subsystem=datasources/data-source=DS', 'write-attribute', 'DS'],
      ['subsystem=elytron/server-ssl-context=ssc', 'add', 'ssc'],
      [undefined, undefined, undefined],
    ]);
    const protocols = doc.data.operations[3]!.valueRanges.get('protocols')!;
    expect(lines[protocols.start.line]!.slice(protocols.start.character, protocols.end.character)).toBe(
      '["TLSv1.2", "TLSv1.3"]',
    );
  });

  it('keeps the configuration file each embed-server line names (--server-config=, -c, none)', () => {
    const doc = parse(
      'embed-server --server-config=standalone-full.xml --std-out=echo\nstop-embedded-server\nembed-server -c "standalone-ha.xml"\nembed-server\n# embed-server --server-config=x.xml\nembed-server-x\n',
    );
    expect(doc.data.embeds.map((e) => [e.serverConfig, e.range.start.line])).toEqual([
      ['standalone-full.xml', 0],
      ['standalone-ha.xml', 2],
      [undefined, 3],
    ]);
  });
});
