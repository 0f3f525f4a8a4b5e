import { haproxyCrtListFormat, parseCrtList } from '../../src/parse/haproxy-crt-list';

describe('HAProxy crt-list', () => {
  it('splits a line into the certificate, the bracketed ssl options and the SNI filters, with ranges', () => {
    const { entries } = parseCrtList(
      '# comment\n\ncert1.pem !*\n  certS.pem [curves X25519:P-256 ciphers ECDHE-ECDSA-AES256-GCM-SHA384] secure.domain.tld\ncertW.pem[alpn h2]*.domain.tld',
    );
    expect(
      entries.map((e) => [e.certificate.value, e.options.map((w) => w.value), e.filters.map((w) => w.value)]),
    ).toEqual([
      ['cert1.pem', [], ['!*']],
      ['certS.pem', ['curves', 'X25519:P-256', 'ciphers', 'ECDHE-ECDSA-AES256-GCM-SHA384'], ['secure.domain.tld']],
      ['certW.pem', ['alpn', 'h2'], ['*.domain.tld']],
    ]);
    expect(entries[1].certificate.range).toEqual({ start: { line: 3, character: 2 }, end: { line: 3, character: 11 } });
  });

  it.each([
    ['crt-list.txt', 'site.pem\n', 'haproxy.crt-list'],
    ['haproxy/crt_list', '/etc/ssl/a.pem [alpn h2] a.example.com\n', 'haproxy.crt-list'],
    ['certs.list', 'a.example.com.pem a.example.com\n', 'haproxy.crt-list'],
    ['crt-list.txt', 'key = value\n', undefined],
    ['crt-list.txt', 'a.pem [x] [y]\n', undefined],
    ['sites.txt', 'site.pem\n', undefined],
  ])('classifies %s holding %j as %s', (name, text, kind) => {
    expect(haproxyCrtListFormat.classify(`/t/${name}`, text)).toBe(kind);
  });
});
