import { parseProperties } from '../../src/parse/properties';

const one = (text: string) => parseProperties(text).entries.map((e) => [e.key, e.value]);

describe('parseProperties (java.util.Properties semantics)', () => {
  it.each([
    ['key=value', [['key', 'value']]],
    ['key: value', [['key', 'value']]],
    ['key value', [['key', 'value']]],
    ['key   =   value  ', [['key', 'value  ']]],
    ['  \tindented=yes', [['indented', 'yes']]],
    ['key', [['key', '']]],
    ['key=', [['key', '']]],
    ['a\\=b=c', [['a=b', 'c']]],
    ['a\\ b=c', [['a b', 'c']]],
    ['k=a=b:c', [['k', 'a=b:c']]],
    ['k=\\u0041\\t\\n', [['k', 'A\t\n']]],
    ['k=\\q\\\\', [['k', 'q\\']]],
    ['# comment\n! also\nk=v', [['k', 'v']]],
    ['k=one \\\n    two \\\n three', [['k', 'one two three']]],
    [
      'k=ends with even backslashes\\\\\nnext=1',
      [
        ['k', 'ends with even backslashes\\'],
        ['next', '1'],
      ],
    ],
    ['k=trailing backslash on last line\\', [['k', 'trailing backslash on last line']]],
    [
      'a=1\r\nb=2\rc=3\n',
      [
        ['a', '1'],
        ['b', '2'],
        ['c', '3'],
      ],
    ],
    ['# not continued \\\nk=v', [['k', 'v']]],
  ])('%j', (text, expected) => {
    expect(one(text)).toEqual(expected);
  });

  it('keeps key and value ranges across continuation lines (zero-based)', () => {
    const { entries } = parseProperties('# header\njdk.tls.disabledAlgorithms=SSLv3, RC4, \\\r\n    anon, NULL\r\n');
    expect(entries[0].keyRange).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 26 } });
    expect(entries[0].valueRange).toEqual({ start: { line: 1, character: 27 }, end: { line: 2, character: 14 } });
    expect(entries[0].value).toBe('SSLv3, RC4, anon, NULL');
  });

  it('value range starts after the separator and blanks', () => {
    const { entries } = parseProperties('  key :  value');
    expect(entries[0].keyRange.start).toEqual({ line: 0, character: 2 });
    expect(entries[0].valueRange.start).toEqual({ line: 0, character: 9 });
  });

  it('reports duplicate keys (the last one wins) and malformed \\u escapes', () => {
    const { problems, entries } = parseProperties('a=1\nb=2\na=3\nc=\\u12G4\n');
    expect(entries.map((e) => e.value)).toEqual(['1', '2', '3', '12G4']);
    expect(problems.map((p) => [p.code, p.range.start.line])).toEqual([
      ['duplicate-key', 2],
      ['malformed-unicode-escape', 3],
    ]);
  });

  it('collects comments with ranges and flags secret keys', () => {
    const { comments, entries } = parseProperties(
      '  # lint-deploy-disable-next-line x -- why\ncleartrust.net.ssl.keystore_passphrase=s3cret\n',
    );
    expect(comments[0]).toEqual({
      text: ' lint-deploy-disable-next-line x -- why',
      range: { start: { line: 0, character: 2 }, end: { line: 0, character: 42 } },
    });
    expect(entries[0].secret).toBe(true);
  });

  // JDK 17 ignores `jdk.tls.disabledAlgorithms=…` on the first line of a -Djava.security.properties file saved with a
  // UTF-8 BOM (measured): java.util.Properties and Spring Boot's loader (ISO-8859-1, no case for the mark:
  // spring-projects/spring-boot@13ec95d7 OriginTrackedPropertiesLoader) read the mark as the key's first characters.
  it.each([
    [
      'a setting on the first line',
      'server.port=8443\nserver.ssl.enabled=true\n',
      ['\ufeffserver.port', 'server.ssl.enabled'],
      1,
    ],
    ['a comment on the first line', '# TLS\nserver.port=8443\n', ['server.port'], 0],
    ['a blank first line', '\nserver.port=8443\n', ['server.port'], 0],
  ])('after a UTF-8 byte order mark, %s', (_name, text, keys, warnings) => {
    const marked = parseProperties(text, { byteOrderMark: true });
    expect(marked.entries.map((e) => e.key)).toEqual(keys);
    expect(marked.problems.map((p) => [p.code, p.severity, p.range.start.line])).toEqual(
      warnings ? [['byte-order-mark', 'warning', 0]] : [],
    );
    expect(parseProperties(text).entries.map((e) => e.key)).toEqual(keys.map((k) => k.replace('\ufeff', '')));
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\\', '=', ':', '\\u', '\\\n\\\n', '\u0000=\u0000', 'a'.repeat(10000)]) {
      expect(() => parseProperties(text)).not.toThrow();
    }
  });
});
