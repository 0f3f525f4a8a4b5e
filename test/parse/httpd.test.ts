import { classifyFile } from '../../src/parse/registry';
import { httpdFormat, HTTPD_KIND, parseHttpd, type HttpdDirective } from '../../src/parse/httpd';
import { problemMessage } from '../../src/parse/types';

// The shape of apache/httpd docs/conf/extra/httpd-ssl.conf.in (Apache-2.0), shortened.
const HTTPD_SSL =
  'Listen 443\n\n##  SSL Global Context\nSSLCipherSuite HIGH:MEDIUM:!MD5:!RC4:!3DES\nSSLProxyCipherSuite HIGH:MEDIUM:!MD5:!RC4:!3DES\nSSLHonorCipherOrder on \nSSLProtocol all -SSLv3\nSSLPassPhraseDialog  builtin\n\n<VirtualHost _default_:443>\nDocumentRoot "/usr/local/apache2/htdocs"\nServerName www.example.com:443\nSSLEngine on\nSSLCertificateFile "/usr/local/apache2/conf/server.crt"\nSSLCertificateKeyFile "/usr/local/apache2/conf/server.key"\n<FilesMatch "\\.(cgi|shtml|phtml|php)$">\n    SSLOptions +StdEnvVars\n</FilesMatch>\n</VirtualHost>\n';
// The shape of Debian's /etc/apache2/sites-available/default-ssl.conf (Apache-2.0), shortened.
const DEBIAN_DEFAULT_SSL =
  '<IfModule mod_ssl.c>\n\t<VirtualHost _default_:443>\n\t\tServerAdmin webmaster@localhost\n\n\t\tDocumentRoot /var/www/html\n\t\t#   SSL Engine Switch:\n\t\tSSLEngine on\n\n\t\tSSLCertificateFile\t/etc/ssl/certs/ssl-cert-snakeoil.pem\n\t\tSSLCertificateKeyFile /etc/ssl/private/ssl-cert-snakeoil.key\n\t</VirtualHost>\n</IfModule>\n';

const names = (list: HttpdDirective[]): unknown[] =>
  list.map((d) => (d.block ? { [d.name]: names(d.block) } : `${d.name} ${d.args.map((a) => a.value).join('|')}`));

describe('Apache httpd configuration', () => {
  it.each([
    ['/t/conf/httpd.conf', 'ServerRoot "/etc/httpd"\n'],
    ['/t/apache2/apache2.conf', ''],
    ['/t/conf/extra/httpd-ssl.conf', HTTPD_SSL],
    ['/t/etc/apache2/sites-available/default-ssl.conf', DEBIAN_DEFAULT_SSL],
    ['/t/etc/apache2/sites-enabled/app.conf', DEBIAN_DEFAULT_SSL],
    ['/t/httpd/conf.d/ssl.conf', 'Listen 443 https\nSSLProtocol all -SSLv3\n'],
    ['/t/deploy/proxy.conf', '# front\nProxyPass /app https://tomcat:8443/app\nSSLProxyEngine on\n'],
    // mod_jk's directives are httpd's alone: one line is enough.
    ['/t/httpd/conf.d/mod_jk.conf', '# workers\nJkWorkersFile /etc/httpd/conf.d/workers.properties\n'],
    ['/t/mod_jk.conf', 'JkMount /* loadbalancer\n'],
  ])('%s is httpd configuration', (file, text) => {
    expect(classifyFile(file, text)?.kind).toBe(HTTPD_KIND);
  });

  it.each([
    // nginx writes the same words with a `;` and inside `server { }`.
    ['/t/nginx/conf.d/ssl.conf', 'server {\n  listen 443 ssl;\n  server_name a;\n  ssl_protocols TLSv1.2;\n}\n'],
    ['/t/etc/nginx/sites-enabled/app.conf', 'listen 443 ssl;\nserver_name a;\n'],
    // One httpd-like line alone says nothing.
    ['/t/app.conf', 'Listen 8080\n'],
    ['/t/app.conf', 'listen = 8080\nlog = x\n'],
    ['/t/httpd.conf.txt', 'Listen 443\nSSLEngine on\n'],
    ['/t/notes.conf', '# JkMount names a worker\njkmount = x\n'],
  ])('%s is not', (file, text) => {
    expect(httpdFormat.classify(file, text)).toBeUndefined();
  });

  it('keeps sections, arguments and their places (zero-based), continued lines and comments', () => {
    const { directives, comments, problems } = parseHttpd(
      '# top\n<IfModule ssl_module>\n  SSLProtocol all \\\n    -SSLv3\n  SSLCipherSuite "HIGH:!aNULL"  \n</IfModule>\n<VirtualHost *:443 [::]:8443>\nServerName a.example # not a comment\n</virtualhost>\n',
    );
    expect(problems).toEqual([]);
    expect(names(directives)).toEqual([
      { IfModule: ['SSLProtocol all|-SSLv3', 'SSLCipherSuite HIGH:!aNULL'] },
      { VirtualHost: ['ServerName a.example|#|not|a|comment'] },
    ]);
    expect(comments.map((c) => c.text)).toEqual([' top']);
    const ifModule = directives[0]!;
    expect(ifModule.args.map((a) => a.value)).toEqual(['ssl_module']);
    const protocol = ifModule.block![0]!;
    expect(protocol.key).toBe('sslprotocol');
    expect(protocol.nameRange).toEqual({ start: { line: 2, character: 2 }, end: { line: 2, character: 13 } });
    // `-SSLv3` sits on the continued line.
    expect(protocol.args[1]!.range).toEqual({ start: { line: 3, character: 4 }, end: { line: 3, character: 10 } });
    expect(ifModule.block![1]!.args[0]!.range).toEqual({
      start: { line: 4, character: 17 },
      end: { line: 4, character: 30 },
    });
    const vhost = directives[1]!;
    expect(vhost.args.map((a) => a.value)).toEqual(['*:443', '[::]:8443']);
    // The section runs to its closing tag, matched without case as httpd does.
    expect(vhost.range.end).toEqual({ line: 8, character: 14 });
  });

  it.each([
    ['<VirtualHost *:443>\nSSLEngine on\n', 'httpd-section-not-closed', '<VirtualHost> is not closed'],
    ['<VirtualHost *:443>\n</IfModule>\n', 'httpd-unexpected-close', 'Expected </VirtualHost> but saw </IfModule>'],
    ['SSLEngine on\n</VirtualHost>\n', 'httpd-unexpected-close', 'closes no section'],
    ['<VirtualHost *:443\n</VirtualHost>\n', 'httpd-section-unclosed-tag', "missing closing '>'"],
    // Measured with Debian 12's apache2 -t: "<VirtualHost> directive requires additional arguments".
    ['<VirtualHost>\n</VirtualHost>\n', 'httpd-section-missing-argument', 'requires additional arguments'],
    // junseon1234/conf.d@(real-trees) vhost.conf, lines joined by no-break spaces: apache2 -t reads line 4 as the
    // command '\xc2\xa0ServerName' (AH00526) and line 1's section up to its `>`, dropping the rest.
    [
      '<VirtualHost *:80>\n\u00a0ServerName "t.example"\u00a0JkMount /* tomcat\n</VirtualHost>\n',
      'httpd-foreign-space',
      "Invalid command '\\xc2\\xa0ServerName'",
    ],
    [
      '<VirtualHost *:80>\u00a0\u00a0DocumentRoot "/var/www/html"\u00a0ServerName "h.example"\n</VirtualHost>\n',
      'httpd-section-text-after-tag',
      'DocumentRoot "/var/www/html"\u00a0ServerName "h.example" does not apply',
    ],
  ])('%j: %s', (text, code, words) => {
    const { problems } = parseHttpd(text);
    expect(problems.map((p) => p.code)).toContain(code);
    expect(problemMessage(problems.find((p) => p.code === code)!)).toContain(words);
  });

  // cws-khuntly/WebSphere@3daf161 IHS/IHSConfig/conf/httpd.conf: `<IfDefine>` written for `</IfDefine>`. apache2 -t says
  // "Expected </IfDefine> before end of configuration" on the first line, or with -D admin "<IfDefine> directive
  // requires additional arguments" on the second: one problem, on the line to fix (there were two "not closed").
  it('a closing tag written without its "/": one problem on that line', () => {
    const { problems } = parseHttpd(
      '<IfDefine admin>\n  Include conf.d/admin.conf\n<IfDefine>\n\n<IfDefine App>\n  Include conf.d/app.conf\n</IfDefine>\n',
    );
    expect(problems.map((p) => [p.code, p.severity, p.range.start.line])).toEqual([
      ['httpd-section-not-closed', 'error', 2],
    ]);
    expect(problemMessage(problems[0]!)).toContain('line 3 writes <IfDefine> where </IfDefine> would close it');
  });

  it('a section without its argument inside a conditional section fails only where that section is read', () => {
    // apache2 -t: Syntax OK with <IfModule nosuch_module> around it (the body is skipped unread).
    const { problems } = parseHttpd('<IfModule nosuch_module>\n<VirtualHost>\n</VirtualHost>\n</IfModule>\n');
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['httpd-section-missing-argument', 'warning']]);
  });

  it('a section tag with text after its ">": read up to it (no unclosed tag), the rest said to be dropped', () => {
    const { directives, problems } = parseHttpd(
      '<VirtualHost *:80>\u00a0DocumentRoot "/srv/www"\n</VirtualHost>\n<VirtualHost *:81> # the admin site\n</VirtualHost>\n',
    );
    expect(problems.map((p) => [p.code, p.severity, p.range.start.line])).toEqual([
      ['httpd-section-text-after-tag', 'warning', 0],
    ]);
    expect(directives.map((d) => d.args.map((a) => a.value))).toEqual([['*:80'], ['*:81']]);
  });

  it('a no-break space is a blank httpd does not skip: an error where read, a warning inside a conditional section', () => {
    const problemsOf = (text: string) => parseHttpd(text).problems.map((p) => [p.code, p.severity, p.range.start.line]);
    expect(problemsOf('\u00a0# a comment\n#\u00a0another one\nServerName\u00a0www.example.com\n')).toEqual([
      ['httpd-foreign-space', 'error', 0],
      ['httpd-foreign-space', 'error', 2],
    ]);
    expect(problemsOf('<IfModule nosuch_module>\n\u00a0SSLEngine on\n</IfModule>\n')).toEqual([
      ['httpd-foreign-space', 'warning', 1],
    ]);
    // A no-break space among the arguments is inside a word, not a separator: no problem of this kind.
    expect(problemsOf('ServerAdmin "web\u00a0master@example.com"\n')).toEqual([]);
  });

  it('reads CRLF files and a last line without a line break', () => {
    const { directives, problems } = parseHttpd('<VirtualHost *:443>\r\nSSLEngine on\r\n</VirtualHost>');
    expect(problems).toEqual([]);
    expect(names(directives)).toEqual([{ VirtualHost: ['SSLEngine on'] }]);
  });
});
