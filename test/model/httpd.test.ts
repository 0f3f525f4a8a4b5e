import * as fs from 'node:fs';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import type { Component } from '../../src/model/types';
import { writeTree, type Tree } from '../helpers/rule-tester';

function components(files: Tree): Component[] {
  const root = writeTree(files);
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    return result.deployments.flatMap((d) => d.components).filter((c) => c.type.startsWith('httpd.'));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** What a test compares of an httpd end. */
function summary(c: Component) {
  const line = (from: { kind: string; location?: { range?: { start: { line: number } } } } | undefined) =>
    from?.kind === 'file' ? `line ${(from.location?.range?.start.line ?? -1) + 1}` : from?.kind;
  const tls = c.tls;
  return {
    type: c.type,
    protocols: tls?.protocols?.value.join(' '),
    protocolsFrom: line(tls?.protocols?.from),
    firstSuite: tls?.cipherSuites?.value[0],
    suitesFrom: line(tls?.cipherSuites?.from),
    unknown: tls?.unknownValues?.map((u) => u.split(' (')[0]),
    ...(c.type === 'httpd.server'
      ? {
          ports: c.attributes.tlsPorts,
          names: c.attributes.hostnames,
          certificate: tls?.certificate?.file,
          serverOrder: tls?.serverOrderWins?.value,
        }
      : {}),
    ...(c.type === 'httpd.proxy'
      ? {
          urls: c.attributes.urls.map((u) => u.url),
          engine: c.attributes.engine.value,
          verify: c.attributes.verify.value,
        }
      : {}),
  };
}

const MAIN = 'ServerRoot "/usr/local/apache2"\nListen 443\n';
const VHOST = (...lines: string[]) =>
  ['<VirtualHost *:443>', '  ServerName www.example.com', '  SSLEngine on', ...lines, '</VirtualHost>'].join('\n') +
  '\n';

/** The stock httpd.conf's shape: mod_ssl not loaded, httpd-ssl.conf not included. */
const LEAVES_OUT_SSL =
  'ServerRoot "/usr/local/apache2"\nListen 80\n#LoadModule ssl_module modules/mod_ssl.so\nInclude conf/extra/proxy-html.conf\n#Include conf/extra/httpd-ssl.conf\n';
const STOCK_SSL = 'Listen 443\nSSLProtocol all -SSLv3\n' + VHOST('  SSLCertificateFile conf/server.crt');

describe('Apache httpd servers and proxies', () => {
  it.each<[string, Tree, Partial<ReturnType<typeof summary>>[]]>([
    [
      'defaults: SSLProtocol all -SSLv3, SSLCipherSuite DEFAULT, SSLHonorCipherOrder off',
      { 'conf/httpd.conf': MAIN + VHOST('  SSLCertificateFile conf/server.crt') },
      [
        {
          type: 'httpd.server',
          protocols: 'TLSv1 TLSv1.1 TLSv1.2 TLSv1.3',
          protocolsFrom: 'default',
          suitesFrom: 'default',
          ports: [443],
          names: ['www.example.com'],
          certificate: 'conf/server.crt',
          serverOrder: false,
          unknown: undefined,
        },
      ],
    ],
    [
      // The shape of apache/httpd docs/conf/extra/httpd-ssl.conf.in (Apache-2.0): the main server's settings.
      'the main server sets protocols and ciphers, the virtual host inherits them',
      {
        'conf/httpd.conf':
          MAIN +
          'SSLCipherSuite HIGH:MEDIUM:!MD5:!RC4:!3DES\nSSLHonorCipherOrder on\nSSLProtocol all -SSLv3 -TLSv1 -TLSv1.1\n' +
          VHOST(),
      },
      [{ protocols: 'TLSv1.2 TLSv1.3', protocolsFrom: 'line 5', suitesFrom: 'line 3', serverOrder: true }],
    ],
    [
      "a virtual host's SSLProtocol replaces the main server's; a word without + or - replaces the words before it",
      { 'conf/httpd.conf': MAIN + 'SSLProtocol -all +TLSv1.3\n' + VHOST('  SSLProtocol +TLSv1.3 TLSv1.2') },
      [{ protocols: 'TLSv1.2', protocolsFrom: 'line 7' }],
    ],
    [
      // Measured with httpd 2.4.71 (test/interop/httpd-protocol.test.ts): OpenSSL gets a range without holes.
      'a hole between enabled protocols drops the ones below it',
      { 'conf/httpd.conf': MAIN + VHOST('  SSLProtocol TLSv1 +TLSv1.2') },
      [{ protocols: 'TLSv1.2' }],
    ],
    [
      'SSLCipherSuite TLSv1.3 …: those suites first, the older string apart',
      {
        'conf/httpd.conf':
          MAIN +
          VHOST('  SSLCipherSuite ECDHE-RSA-AES128-GCM-SHA256', '  SSLCipherSuite TLSv1.3 TLS_AES_256_GCM_SHA384'),
      },
      [{ firstSuite: 'TLS_AES_256_GCM_SHA384', suitesFrom: 'line 6' }],
    ],
    [
      'a virtual host no main configuration of the tree includes: what it does not set is unknown',
      { 'apache2/sites-available/default-ssl.conf': VHOST('  SSLProtocol -all +TLSv1.2') },
      [{ protocols: 'TLSv1.2', unknown: ['SSLCipherSuite'] }],
    ],
    [
      // Debian's layout: apache2.conf includes mods-enabled/*.conf (ssl.conf sets the protocols) and sites-enabled.
      'Debian: the included ssl.conf sets the main server, the site is its virtual host',
      {
        'etc/apache2/apache2.conf':
          'IncludeOptional mods-enabled/*.conf\nInclude ports.conf\nIncludeOptional sites-enabled/*.conf\n',
        'etc/apache2/ports.conf': 'Listen 80\n<IfModule ssl_module>\n\tListen 443\n</IfModule>\n',
        'etc/apache2/mods-enabled/ssl.conf':
          '<IfModule mod_ssl.c>\n\tSSLCipherSuite HIGH:!aNULL\n\tSSLProtocol all -SSLv3\n</IfModule>\n',
        'etc/apache2/sites-enabled/default-ssl.conf':
          '<IfModule mod_ssl.c>\n\t<VirtualHost _default_:443>\n\t\tSSLEngine on\n\t\tSSLCertificateFile /etc/ssl/certs/ssl-cert-snakeoil.pem\n\t</VirtualHost>\n</IfModule>\n',
      },
      [{ protocols: 'TLSv1 TLSv1.1 TLSv1.2 TLSv1.3', protocolsFrom: 'line 3', suitesFrom: 'line 2', ports: [443] }],
    ],
    [
      // apache2 -t -D DUMP_INCLUDES: a directory includes every file in it and its subdirectories (a.conf, b.conf,
      // sub/a.conf). It was unresolved: 'the main configuration that includes this file is not in the tree'.
      'Include of a directory: its files and its subdirectories’, in byte order',
      {
        'conf/httpd.conf': MAIN + 'Include conf/extra/\n',
        'conf/extra/ssl.conf': 'SSLProtocol -all +TLSv1.2\nSSLCipherSuite HIGH:!aNULL\n',
        'conf/extra/vhosts/site.conf': VHOST(),
      },
      [{ protocols: 'TLSv1.2', protocolsFrom: 'line 1', suitesFrom: 'line 2', unknown: undefined, ports: [443] }],
    ],
    [
      'no SSLEngine on: a plain virtual host is no TLS server',
      { 'conf/httpd.conf': MAIN + '<VirtualHost *:80>\nServerName a\n</VirtualHost>\n' },
      [],
    ],
    [
      'a proxy: SSLProxyProtocol and the backend URL (default port 443), SSLProxyVerify none by default',
      {
        'conf/httpd.conf':
          MAIN +
          VHOST(
            '  SSLProxyEngine on',
            '  SSLProxyProtocol TLSv1.2',
            '  ProxyPass /a https://tomcat.internal/a',
            '  ProxyPass /b ${BACKEND}/b',
          ),
      },
      [
        { type: 'httpd.server' },
        {
          type: 'httpd.proxy',
          protocols: 'TLSv1.2',
          urls: ['https://tomcat.internal:443'],
          engine: true,
          verify: 'none',
        },
      ],
    ],
    [
      // hiwattc/staroot_httpd_conf conf.d/ssl.conf (RHEL): the suites and, with no SSLProtocol, the protocols are the policy's.
      'SSLCipherSuite PROFILE=SYSTEM and no SSLProtocol: both the host crypto policy decides',
      { 'conf/httpd.conf': MAIN + 'SSLCipherSuite PROFILE=SYSTEM\n' + VHOST() },
      [{ protocols: undefined, firstSuite: undefined, unknown: ['SSLCipherSuite PROFILE=SYSTEM', 'SSLProtocol'] }],
    ],
    [
      // projektmotor/docker-apache-load-balancer sites-template/*.conf.dist: sed placeholders for the backend.
      'a backend whose host and port are placeholders is linked to nothing; a placeholder ServerName is no host name',
      {
        'conf/httpd.conf':
          MAIN +
          VHOST(
            '  ServerAlias [PRIMARY-DOMAIN-NAME]',
            '  SSLProxyEngine On',
            '  ProxyPass / https://[TARGET_IP]:[TARGET_PORT]/',
          ),
      },
      [{ names: ['www.example.com'] }, { type: 'httpd.proxy', urls: [] }],
    ],
    [
      '<IfDefine X> is read after a Define X only; <IfModule !mod_ssl.c> never',
      {
        'conf/httpd.conf':
          MAIN +
          '<IfDefine SSL>\nSSLProtocol TLSv1.2\n</IfDefine>\nDefine STRICT\n<IfDefine STRICT>\nSSLProtocol TLSv1.3\n</IfDefine>\n<IfModule !mod_ssl.c>\nSSLProtocol TLSv1\n</IfModule>\n' +
          VHOST(),
      },
      [{ protocols: 'TLSv1.3', protocolsFrom: 'line 8' }],
    ],
    [
      // Ermax81/docker-apache-tomcat@cbf48bd0 (MIT): Compose mounts apache/conf over the httpd image's conf; httpd.conf
      // loads no mod_ssl and keeps #Include conf/extra/httpd-ssl.conf; conf/original/ holds the pristine copies.
      'files under the ServerRoot that a main configuration leaving nothing open does not include are not read',
      {
        'conf/httpd.conf': LEAVES_OUT_SSL,
        'conf/extra/proxy-html.conf': 'ProxyHTMLLinks a href\n',
        'conf/extra/httpd-ssl.conf': STOCK_SSL,
        'conf/original/extra/httpd-ssl.conf': STOCK_SSL,
      },
      [],
    ],
    [
      'a Dockerfile RUN that edits the main configuration may include them: still read',
      {
        'conf/httpd.conf': LEAVES_OUT_SSL,
        'conf/extra/proxy-html.conf': 'ProxyHTMLLinks a href\n',
        'conf/extra/httpd-ssl.conf': STOCK_SSL,
        Dockerfile:
          "FROM httpd:2.4.53\nCOPY conf/ /usr/local/apache2/conf/\nRUN sed -i 's|^#Include conf/extra/httpd-ssl.conf|Include conf/extra/httpd-ssl.conf|' conf/httpd.conf\n",
      },
      [{ type: 'httpd.server', ports: [443] }],
    ],
    [
      'a main configuration whose Include the tree lacks may include them: still read',
      {
        'conf/httpd.conf': LEAVES_OUT_SSL + 'Include conf/local/*.conf\n',
        'conf/extra/proxy-html.conf': 'ProxyHTMLLinks a href\n',
        'conf/extra/httpd-ssl.conf': STOCK_SSL,
      },
      [{ type: 'httpd.server', ports: [443] }],
    ],
  ])('%s', (_name, files, expected) => {
    const found = components(files).map(summary);
    expect(found).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(found[i]).toMatchObject(e));
  });

  it('an illegal SSLProtocol word keeps the end unknown, never a guessed protocol', () => {
    const [server] = components({ 'conf/httpd.conf': MAIN + VHOST('  SSLProtocol +TLSv1.2 +TLSv1.4') });
    expect(server?.tls?.protocols).toBeUndefined();
    expect(server?.tls?.unknownAt?.[0]?.message).toContain(
      "httpd refuses to start: SSLProtocol: Illegal protocol 'TLSv1.4'",
    );
  });
});
