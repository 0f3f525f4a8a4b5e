/**
 * mod_ssl's SSLProtocol as the real Apache httpd (Debian's apache2, installed by .ci/run) applies it, measured with
 * `openssl s_client` on loopback — facts an httpd parser and model are held to:
 * each SSLProtocol line starts from nothing, a bare token replaces what came before it on the line, a hole between
 * enabled versions drops the lower ones, an unknown token fails `apache2 -t`, and a list that leaves no protocol passes
 * `apache2 -t` but stops the start. Cipher strings at @SECLEVEL=0 on both sides, so that only the protocols decide.
 * Skipped (with a note) without apache2, failed without it when CI is set.
 */
import { configTest, describeWithHttpd, startHttpd } from '../helpers/httpd';
import { leaf } from '../helpers/pki';
import { acceptedProtocols, type Protocol } from '../helpers/loopback';

const certificate = leaf('localhost');
const files = { 'site.crt': certificate.pem, 'site.key': certificate.keyPem };

/** A TLS virtual host on the free port with the given directives. */
const site = (...directives: string[]) => ({
  config: [
    'Listen 127.0.0.1:@PORT@',
    '<VirtualHost *:@PORT@>',
    '  SSLEngine on',
    '  SSLCertificateFile @DIR@/site.crt',
    '  SSLCertificateKeyFile @DIR@/site.key',
    '  SSLCipherSuite ALL:@SECLEVEL=0',
    ...directives.map((d) => `  ${d}`),
    '</VirtualHost>',
    '',
  ].join('\n'),
  files,
});

describeWithHttpd('SSLProtocol on the real apache2', () => {
  it.each<[string, string[], Protocol[]]>([
    ['-all +TLSv1.2', ['SSLProtocol -all +TLSv1.2'], ['TLSv1.2']],
    ['absent: all -SSLv3', [], ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']],
    ['a bare token replaces what is before it', ['SSLProtocol TLSv1.2 TLSv1.3'], ['TLSv1.3']],
    ['a second line replaces the first', ['SSLProtocol TLSv1.2', 'SSLProtocol +TLSv1.3'], ['TLSv1.3']],
    ['a hole drops the versions below it', ['SSLProtocol TLSv1 +TLSv1.2'], ['TLSv1.2']],
  ])('%s', async (_name, directives, expected) => {
    const server = await startHttpd(site(...directives));
    try {
      expect(acceptedProtocols(server.port)).toEqual(expected);
    } finally {
      await server.stop();
    }
  });

  it('an unknown token fails the configuration test', () => {
    const { status, output } = configTest(site('SSLProtocol -all +TLSv1.4'));
    expect({ status, output }).toEqual({
      status: 1,
      output: expect.stringContaining("SSLProtocol: Illegal protocol 'TLSv1.4'"),
    });
  });

  it('a list that leaves no protocol passes the configuration test but stops the start', async () => {
    expect(configTest(site('SSLProtocol -TLSv1.3')).output).toContain('Syntax OK');
    await expect(startHttpd(site('SSLProtocol -TLSv1.3'))).rejects.toThrow(
      'AH02231: No SSL protocols available [hint: SSLProtocol]',
    );
  });
});
