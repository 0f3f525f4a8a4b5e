import { wsadminFormat } from '../../src/parse/wsadmin';

const parse = (text: string) => wsadminFormat.parse({ path: '/t/ssl.py', text, hadBom: false }, 'wsadmin.script');

/** A value as the file writes it at its range (one line). */
const at = (text: string, l: { range: { start: { line: number; character: number }; end: { character: number } } }) =>
  text.split('\n')[l.range.start.line]!.slice(l.range.start.character, l.range.end.character);

describe('wsadmin Jython scripts', () => {
  it.each([
    ['updateSSLConfigs.py', "cell = AdminConfig.list('Cell')\n", 'wsadmin.script'],
    ['ssl.jy', "AdminTask.createSSLConfig('[-alias A]')\n", 'wsadmin.script'],
    ['setup.py', 'from setuptools import setup\nsetup(name="x")\n', undefined],
    ['notes.txt', 'AdminConfig.save()\n', undefined],
  ])('%s is read as one: %s', (file, head, kind) => {
    expect(wsadminFormat.classify(`/t/${file}`, head)).toBe(kind);
  });

  it('reads createSSLConfig and modifySSLConfig settings with their places, in both argument forms', () => {
    // bpaskin/tWASScripts@6c9e9d0 updateSSLConfigs.py:23 (no licence file; one line quoted), then a list-form call.
    const text = [
      '# Add new SSL Configuration for Microsoft AD',
      "AdminTask.createSSLConfig('[-alias ADSSL -type JSSE -keyStoreName CellDefaultKeyStore -trustStoreName CellDefaultTrustStore -sslProtocol TLSv1]')",
      "AdminTask.modifySSLConfig(['-alias', 'ADSSL', '-scopeName', '(cell):c1',",
      "    '-enabledCiphers', 'SSL_RSA_WITH_AES_128_CBC_SHA SSL_RSA_WITH_3DES_EDE_CBC_SHA'])  # ) in a comment",
      'AdminTask.modifySSLConfig(\'[-alias B -enabledCiphers "SSL_A SSL_B" -securityLevel CUSTOM]\')',
      '',
    ].join('\n');
    const doc = parse(text);
    expect(doc.comments.map((c) => c.text)).toEqual(['# Add new SSL Configuration for Microsoft AD']);
    expect(
      doc.data.sslConfigs.map((c) => ({
        command: c.command,
        alias: at(text, c.alias),
        scope: c.managementScope && at(text, c.managementScope),
        settings: Object.fromEntries(Object.entries(c.setting).map(([k, v]) => [k, [v.value, at(text, v)]])),
      })),
    ).toEqual([
      { command: 'create', alias: 'ADSSL', scope: undefined, settings: { sslProtocol: ['TLSv1', 'TLSv1'] } },
      {
        command: 'modify',
        alias: 'ADSSL',
        scope: '(cell):c1',
        settings: {
          enabledCiphers: [
            'SSL_RSA_WITH_AES_128_CBC_SHA SSL_RSA_WITH_3DES_EDE_CBC_SHA',
            'SSL_RSA_WITH_AES_128_CBC_SHA SSL_RSA_WITH_3DES_EDE_CBC_SHA',
          ],
        },
      },
      {
        command: 'modify',
        alias: 'B',
        scope: undefined,
        settings: { enabledCiphers: ['SSL_A SSL_B', 'SSL_A SSL_B'], securityLevel: ['CUSTOM', 'CUSTOM'] },
      },
    ]);
  });

  it('leaves a configuration whose alias the script computes, and a value it computes, unknown', () => {
    // bpaskin/tWASScripts updateSSLConfigs.py:20: every configuration listed at run time.
    const text = [
      "AdminTask.modifySSLConfig('[-alias ' + aliasName + ' -sslProtocol TLSv1]')",
      "AdminTask.createSSLConfig('[-alias C -sslProtocol ' + protocol + ']')",
      "AdminTask.createSSLConfig('[-alias D -sslProtocol TLSv1.2'",
      '',
    ].join('\n');
    expect(parse(text).data.sslConfigs.map((c) => [c.alias.value, c.setting])).toEqual([['C', {}]]);
  });
});
