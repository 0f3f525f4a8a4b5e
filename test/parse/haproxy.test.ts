import { classifyFile } from '../../src/parse/registry';
import { haproxyFormat, HAPROXY_KIND, parseHaproxy } from '../../src/parse/haproxy';

// aerohive/HiveClass@a28565d (GPL) hiveclass-server-master/deploy/roles/rp/templates/haproxy.cfg.tpl, shortened.
const HIVECLASS =
  'global\n    log /dev/log\tlocal0\n    ssl-default-bind-options   no-sslv3 no-tls-tickets\n    ssl-default-bind-ciphers ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA:!aNULL\n\ndefaults\n    mode \t\thttp\n    timeout connect \t5s\n\nfrontend https-in\n    bind    *:443 ssl crt /etc/ssl/hiveschool.pem\n    default_backend http\n\nbackend http\n    server http   127.0.0.1:8080\n';

/** A haproxy.cfg of `text`, parsed as the reader does. */
const parseCfg = (text: string) => haproxyFormat.parse({ path: '/t/haproxy.cfg', text, hadBom: false }, HAPROXY_KIND);

describe('HAProxy configuration', () => {
  it.each([
    ['/t/haproxy.cfg', HIVECLASS],
    ['/t/etc/haproxy/haproxy.cfg', HIVECLASS],
    ['/t/lb/haproxy-prod.cfg', HIVECLASS],
    ['/t/haproxy/conf.d/10-web.cfg', 'frontend web\n  bind :443 ssl crt /certs/\n'],
    ['/t/lb/proxy.cfg', 'frontend web\n  bind *:443 ssl crt site.pem\n  default_backend app\n'],
  ])('%s is HAProxy configuration', (file, text) => {
    expect(classifyFile(file, text)?.kind).toBe(HAPROXY_KIND);
  });

  it.each([
    ['/t/setup.cfg', '[metadata]\nname = x\n\n[options]\npackages = find:\n'],
    ['/t/nagios/hosts.cfg', 'define host {\n  host_name web\n  address 10.0.0.1\n}\n'],
    ['/t/app.cfg', 'global\nsomething = 1\n'],
    ['/t/haproxy.cfg', '# nothing but a comment\n'],
  ])('%s is not', (file, text) => {
    expect(haproxyFormat.classify(file, text)).toBeUndefined();
  });

  it('an HAProxy .conf is not nginx (`if !{ ssl_fc }` reads like a block)', () => {
    const text = 'frontend web\n  bind :80\n  http-request redirect scheme https if !{ ssl_fc }\n';
    expect(classifyFile('/t/haproxy/haproxy.conf', text)?.kind).toBe(HAPROXY_KIND);
  });

  it('keeps sections, words and their places (zero-based), quotes and comments', () => {
    const { sections, comments, problems } = parseHaproxy(
      'global # g\n  ssl-default-bind-ciphers "ECDHE+AESGCM:!aNULL" # policy\nfrontend  web\n\tbind *:443 ssl crt \'/etc/ssl/a b.pem\' alpn h2\\,http/1.1\n',
    );
    expect(problems).toEqual([]);
    expect(comments.map((c) => c.text)).toEqual([' g', ' policy']);
    expect(sections.map((s) => [s.kind, s.name?.value])).toEqual([
      ['global', undefined],
      ['frontend', 'web'],
    ]);
    const ciphers = sections[0].lines[0];
    expect(ciphers.keyword.value).toBe('ssl-default-bind-ciphers');
    expect(ciphers.args[0]).toEqual({
      value: 'ECDHE+AESGCM:!aNULL',
      range: { start: { line: 1, character: 27 }, end: { line: 1, character: 48 } },
    });
    const bind = sections[1].lines[0];
    expect(bind.args.map((a) => a.value)).toEqual(['*:443', 'ssl', 'crt', '/etc/ssl/a b.pem', 'alpn', 'h2,http/1.1']);
    expect(bind.keyword.range.start).toEqual({ line: 3, character: 1 });
  });

  it('an unterminated quote is a parse problem; a line before any section is left alone', () => {
    const { sections, problems } = parseHaproxy('maxconn 10\nbackend b\n  server s "10.0.0.1:443\n');
    expect(sections).toHaveLength(1);
    expect(problems.map((p) => p.code)).toEqual(['unterminated-quote']);
  });

  it('masks userlist passwords and stats credentials', () => {
    const doc = parseCfg(
      'userlist admins\n  user admin insecure-password s3cret\nlisten stats\n  bind :8404\n  stats auth admin:s3cret\n',
    );
    expect(doc.entries.filter((e) => e.secret).map((e) => e.key)).toEqual(['user', 'stats']);
  });

  it("takes a secret line's password alone as its value: the word after password/insecure-password, stats auth after the colon", () => {
    const doc = parseCfg(
      'userlist admins\n  user admin insecure-password s3cret groups ops\nlisten stats\n  stats auth admin:{{ pw }}\n  stats auth "ad min":x\n',
    );
    const where = (e: { valueRange: { start: { line: number; character: number } } }) =>
      `${e.valueRange.start.line + 1}:${e.valueRange.start.character + 1}`;
    expect(doc.entries.filter((e) => e.secret).map((e) => `${e.key} ${where(e)} ${e.value}`)).toEqual([
      'user 2:32 s3cret',
      'stats 4:20 {{ pw }}',
      // A quoted word: its text is not the value, so the whole word is the place.
      'stats 5:14 x',
    ]);
  });

  it('marks the lines and section heads inside .if … .endif (nested too) as conditional', () => {
    const { sections } = parseHaproxy(
      'frontend a\n.if defined(A)\n  bind :1\n.if defined(B)\n  bind :2\n.endif\n.else\n  bind :3\n.endif\n  bind :4\n' +
        '.if defined(C)\nfrontend b\n.endif\n  bind :5\n',
    );
    const marked = (s: (typeof sections)[number]) =>
      s.lines.filter((l) => l.keyword.value === 'bind').map((l) => `${l.args[0]?.value}:${l.conditional ?? false}`);
    expect(marked(sections[0])).toEqual([':1:true', ':2:true', ':3:true', ':4:false']);
    expect([sections[1].head.conditional, marked(sections[1])]).toEqual([true, [':5:false']]);
  });
});
