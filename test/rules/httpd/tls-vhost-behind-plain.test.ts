import rule from '../../../src/rules/httpd/tls-vhost-behind-plain';
import { ruleTester } from '../../helpers/rule-tester';

const MAIN = 'ServerRoot "/etc/httpd"\nListen 443\n';
const CERT = 'SSLCertificateFile /etc/pki/tls/certs/site.crt\nSSLCertificateKeyFile /etc/pki/tls/private/site.key\n';
/** A virtual host on `address`, with `lines`. */
const vhost = (address: string, name: string, ...lines: string[]) =>
  [`<VirtualHost ${address}>`, `ServerName ${name}`, ...lines, '</VirtualHost>'].join('\n') + '\n';
const plain = (address = '*:443', name = 'example.com') => vhost(address, name, 'Redirect / https://www.example.com/');
const tls = (address = '*:443', name = 'www.example.com') => vhost(address, name, 'SSLEngine on', CERT.trim());

/** Debian's layout with certbot's virtual host, whose SSLEngine on comes from /etc/letsencrypt/options-ssl-apache.conf. */
const certbot = () => ({
  'apache2/apache2.conf': 'Include ports.conf\nIncludeOptional sites-enabled/*.conf\n',
  'apache2/ports.conf': 'Listen 80\n<IfModule ssl_module>\n  Listen 443\n</IfModule>\n',
  'apache2/sites-enabled/000-default-le-ssl.conf':
    '<IfModule mod_ssl.c>\n<VirtualHost *:443>\n  ServerName example.com\n  SSLCertificateFile /etc/letsencrypt/live/example.com/fullchain.pem\n  SSLCertificateKeyFile /etc/letsencrypt/live/example.com/privkey.pem\n  Include /etc/letsencrypt/options-ssl-apache.conf\n</VirtualHost>\n</IfModule>\n',
});

ruleTester(rule, {
  valid: [
    { name: 'the SSL virtual host first', files: { 'conf/httpd.conf': MAIN + tls() + plain() } },
    {
      // urshila19/scd-scanner@215a386 ibm-httpd-profile/config/ssl.conf mixes SSLEnable with mod_ssl's words: an IHS
      // SSLEnable virtual host first is TLS under IBM HTTP Server, not a plain one.
      name: 'an IBM HTTP Server SSLEnable virtual host first',
      files: { 'conf/httpd.conf': MAIN + vhost('*:443', 'ihs.example.com', 'SSLEnable') + tls() },
    },
    {
      name: 'the plain one on another port',
      files: { 'conf/httpd.conf': MAIN + 'Listen 80\n' + plain('*:80') + tls() },
    },
    {
      name: 'the main server turns SSLEngine on: the first virtual host inherits it',
      files: { 'conf/httpd.conf': MAIN + 'SSLEngine on\n' + CERT + plain() + tls() },
    },
    {
      // Measured: a literal address's virtual hosts take its connections whatever their order (127.0.0.1 TLS).
      name: 'the SSL virtual host on a literal address, a plain wildcard one first',
      files: { 'conf/httpd.conf': MAIN + plain() + tls('127.0.0.1:443') },
    },
    {
      name: 'a plain virtual host on a literal address, the SSL one on the wildcard: reached on every other address',
      files: { 'conf/httpd.conf': MAIN + plain('10.0.0.1:443') + tls() },
    },
    {
      name: '*:* first: a port-specific set wins (measured)',
      files: { 'conf/httpd.conf': MAIN + plain('*:*') + tls() },
    },
    {
      // certbot's -le-ssl.conf: SSLEngine on comes from options-ssl-apache.conf, which the tree does not hold.
      name: 'the first virtual host includes a file the tree does not hold: unknown',
      files: {
        'conf/httpd.conf':
          MAIN + vhost('*:443', 'example.com', 'Include /etc/letsencrypt/options-ssl-apache.conf') + tls(),
      },
    },
    {
      name: 'an Include the tree does not hold at the server level: it may turn SSLEngine on or add hosts (unknown)',
      files: { 'conf/httpd.conf': MAIN + 'IncludeOptional sites-enabled/*.conf\n' + plain() + tls() },
    },
    {
      // <IfVersion>, <IfFile>, <IfDirective>, <IfSection> are taken as holding elsewhere; here the plain virtual host's
      // presence alone would decide an error, and where httpd runs the condition may be false.
      name: 'the plain virtual host inside an <IfFile> the tree does not settle: unknown',
      files: {
        'conf/httpd.conf': MAIN + '<IfFile /etc/httpd/conf/redirect.enabled>\n' + plain() + '</IfFile>\n' + tls(),
      },
    },
    {
      name: 'an <IfDefine> body read only with -D at the server level: unknown',
      files: { 'conf/httpd.conf': MAIN + '<IfDefine SSL>\nSSLEngine on\n</IfDefine>\n' + plain() + tls() },
    },
    {
      name: 'an address the tree does not settle (a placeholder) may come first: unknown',
      files: { 'conf/httpd.conf': MAIN + vhost('_default_:${HTTPS}', 'a', 'SSLEngine on') + plain() + tls() },
    },
    {
      name: 'a host-name address on the port: the literal sets are not judged',
      files: { 'conf/httpd.conf': MAIN + plain('127.0.0.1:443') + plain('web.internal:443') + tls('127.0.0.1:443') },
    },
    {
      // mod_macro: `Use` writes the macro's virtual host where it stands, before the plain one here.
      name: 'a virtual host a mod_macro Use writes: not expanded, unknown',
      files: {
        'conf/httpd.conf':
          MAIN +
          '<Macro Site $name>\n' +
          tls('*:443', '$name') +
          '</Macro>\nUse Site first.example\n' +
          plain() +
          tls(),
      },
    },
    {
      name: 'no Listen for the port: nothing connects there',
      files: { 'conf/httpd.conf': 'ServerRoot "/etc/httpd"\nListen 80\n' + plain() + tls() },
    },
    {
      name: 'no main configuration in the tree: what includes the file is unknown',
      files: { 'conf.d/sites.conf': plain() + tls() },
    },
    {
      // httpd reads a pattern's files in strcmp order: B.conf (SSL) before a.conf (plain).
      name: 'an Include pattern whose files sort in byte order, the SSL one first (B before a)',
      files: {
        'conf/httpd.conf': MAIN + 'Include conf.d/*.conf\n',
        'conf.d/a.conf': plain(),
        'conf.d/B.conf': tls(),
      },
    },
    {
      name: 'the SSL virtual host on *:*, httpd listening on another port too where it comes first',
      files: { 'conf/httpd.conf': MAIN + 'Listen 8443\n' + plain() + tls('*:*') },
    },
    {
      name: 'the SSL virtual host on two addresses, first on one of them',
      files: { 'conf/httpd.conf': MAIN + plain('127.0.0.1:443') + tls('127.0.0.1:443 *:443') },
    },
    {
      name: "certbot's virtual host, its SSLEngine on in options-ssl-apache.conf the tree does not hold: unknown",
      files: { ...certbot(), 'apache2/sites-enabled/0-old.conf': plain() },
    },
  ],
  invalid: [
    {
      // The same with /etc/letsencrypt in the tree: 0-old.conf sorts first (strcmp: '-' before '0') and starts plain.
      name: "certbot's virtual host behind a plain one that sorts first, options-ssl-apache.conf in the tree",
      files: {
        ...certbot(),
        'apache2/sites-enabled/0-old.conf': plain(),
        'letsencrypt/options-ssl-apache.conf': 'SSLEngine on\nSSLProtocol all -SSLv2 -SSLv3 -TLSv1 -TLSv1.1\n',
      },
      errors: [{ messageId: 'behindPlain', file: 'apache2/sites-enabled/000-default-le-ssl.conf', line: 2 }],
    },
    {
      // strcmp order (httpd's ap_dir_fnmatch): 'B' (0x42) before 'a' (0x61), whatever the locale says.
      name: 'an Include pattern whose files sort in byte order, the plain one first (B before a)',
      files: {
        'conf/httpd.conf': MAIN + 'Include conf.d/*.conf\n',
        'conf.d/B.conf': plain(),
        'conf.d/a.conf': tls(),
      },
      errors: [{ messageId: 'behindPlain', file: 'conf.d/a.conf', line: 1 }],
    },
    {
      name: 'a plain virtual host first on *:443',
      files: { 'conf/httpd.conf': MAIN + plain() + tls() },
      errors: [
        {
          messageId: 'behindPlain',
          file: 'conf/httpd.conf',
          line: 7,
          severity: 'error',
          messageIncludes: ['<VirtualHost *:443> (ServerName example.com), listed before it on *:443'],
        },
      ],
    },
    {
      // <IfModule mod_ssl.c> is settled (an SSL virtual host needs mod_ssl anyway), unlike <IfFile>: still judged.
      name: "both virtual hosts inside Debian's <IfModule mod_ssl.c>, the plain one first",
      files: { 'conf/httpd.conf': MAIN + '<IfModule mod_ssl.c>\n' + plain() + tls() + '</IfModule>\n' },
      errors: [{ messageId: 'behindPlain', file: 'conf/httpd.conf', line: 8, severity: 'error' }],
    },
    {
      // Measured: *, _default_, 0.0.0.0 and [::] are one set.
      name: '_default_ first, the SSL one on *',
      files: { 'conf/httpd.conf': MAIN + plain('_default_:443') + tls() },
      errors: [{ messageId: 'behindPlain', file: 'conf/httpd.conf', line: 7 }],
    },
    {
      name: '[::] first, the SSL one on 0.0.0.0',
      files: { 'conf/httpd.conf': MAIN + plain('[::]:443') + tls('0.0.0.0:443') },
      errors: [{ messageId: 'behindPlain', file: 'conf/httpd.conf', line: 7 }],
    },
    {
      name: 'SSLEngine optional in the first (the RFC 2817 upgrade: it starts plain)',
      files: { 'conf/httpd.conf': MAIN + vhost('*:443', 'example.com', 'SSLEngine optional') + tls() },
      errors: [{ messageId: 'behindPlain', file: 'conf/httpd.conf', line: 7 }],
    },
    {
      name: 'the main server turns it on, the first virtual host off',
      files: { 'conf/httpd.conf': MAIN + 'SSLEngine on\n' + CERT + vhost('*:443', 'a', 'SSLEngine off') + tls() },
      errors: [{ messageId: 'behindPlain', file: 'conf/httpd.conf', line: 10 }],
    },
    {
      // Measured: *:443's own set takes port 443's connections, so a *:* SSL virtual host is not reached there.
      name: 'the SSL virtual host on *:*, a plain *:443 one on the only port httpd listens on',
      files: { 'conf/httpd.conf': MAIN + plain() + tls('*:*') },
      errors: [
        { messageId: 'behindPlain', file: 'conf/httpd.conf', line: 7, messageIncludes: ['listed before it on *:443'] },
      ],
    },
    {
      name: 'the same literal address, plain first',
      files: { 'conf/httpd.conf': MAIN + plain('127.0.0.1:443') + tls('127.0.0.1:443') },
      errors: [{ messageId: 'behindPlain', file: 'conf/httpd.conf', line: 7 }],
    },
    {
      // Debian's layout: apache2.conf includes ports.conf and sites-enabled/*.conf, read in byte order.
      name: 'the plain site sorts first among the included files',
      files: {
        'apache2/apache2.conf': 'Include ports.conf\nIncludeOptional sites-enabled/*.conf\n',
        'apache2/ports.conf': 'Listen 80\nListen 443\n',
        'apache2/sites-enabled/000-redirect.conf': plain(),
        'apache2/sites-enabled/010-site-ssl.conf': tls(),
      },
      errors: [{ messageId: 'behindPlain', file: 'apache2/sites-enabled/010-site-ssl.conf', line: 1 }],
    },
  ],
});
