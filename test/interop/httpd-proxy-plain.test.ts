/**
 * httpd/proxy-ssl-ignored against the real apache2: each configuration proxies `/app` to a backend that records whether
 * the first bytes it receives are a TLS ClientHello (0x16) or a plain HTTP request, and the same text is linted as a
 * tree. Facts the rule rests on: mod_proxy speaks TLS to the backend only for an https:// URL, and SSLProxyVerify
 * require, SSLProxyCACertificateFile and the rest change nothing for an http:// one (the request arrives in clear, and
 * neither `apache2 -t` nor the start says a word). The rule must fire exactly where the backend receives plain HTTP
 * and the configuration asks for the backend's certificate to be checked or presents the proxy's own.
 */
import * as net from 'node:net';
import { configTest, describeWithHttpd, startHttpd, statusOf } from '../helpers/httpd';
import { ca, leaf } from '../helpers/pki';
import { lintTree } from '../engine/lint-helper';

const issuer = ca('Backend Test CA');
const client = leaf('proxy.example', issuer);
const VERIFY = ['SSLProxyEngine on', 'SSLProxyVerify require', 'SSLProxyCACertificateFile @DIR@/ca.crt'];

interface Case {
  name: string;
  /** httpd.conf after `Listen`; `@BACKEND@` is the capturing backend's host:port, `@DIR@` the files' directory. */
  config: string;
  /** Whether the configuration asks for the backend to be authenticated or presents a client certificate. */
  intent: boolean;
}

const vhost = (...lines: string[]) =>
  ['<VirtualHost *:@PORT@>', ...lines.map((l) => `  ${l}`), '</VirtualHost>', ''].join('\n');

const CASES: Case[] = [
  {
    name: 'SSLProxyVerify require and a CA file, ProxyPass http://',
    config: vhost(...VERIFY, 'ProxyPass /app http://@BACKEND@/'),
    intent: true,
  },
  {
    name: 'the same towards https://',
    config: vhost(...VERIFY, 'ProxyPass /app https://@BACKEND@/'),
    intent: true,
  },
  {
    name: 'a client certificate, ProxyPass http://',
    config: vhost(
      'SSLProxyEngine on',
      'SSLProxyMachineCertificateFile @DIR@/client.pem',
      'ProxyPass /app http://@BACKEND@/',
    ),
    intent: true,
  },
  {
    name: 'SSLProxyEngine on alone, ProxyPass http:// (nothing asked of the backend)',
    config: vhost('SSLProxyEngine on', 'SSLProxyVerify none', 'ProxyPass /app http://@BACKEND@/'),
    intent: false,
  },
  {
    name: 'a BalancerMember http:// with SSLProxyVerify require in its <Proxy> section',
    config: vhost(
      '<Proxy balancer://cluster>',
      `  ${VERIFY.join('\n    ')}`,
      '  BalancerMember http://@BACKEND@',
      '</Proxy>',
      'ProxyPass /app balancer://cluster/',
    ),
    intent: true,
  },
  {
    name: 'RewriteRule [P] to http:// with $1 in the path',
    config: vhost(...VERIFY, 'RewriteEngine on', 'RewriteRule ^/app(.*)$ http://@BACKEND@$1 [P]'),
    intent: true,
  },
  {
    name: 'main-server SSLProxyVerify, one virtual host plain, another to https://',
    config:
      VERIFY.join('\n') +
      '\n' +
      vhost('ServerName a.example', 'ProxyPass /app http://@BACKEND@/') +
      vhost('ServerName b.example', 'ProxyPass /app https://@BACKEND@/'),
    intent: true,
  },
];

/** A backend that answers plain HTTP with 200 and records the first byte of every connection. */
async function startCapture(): Promise<{ port: number; firstBytes: number[]; stop(): Promise<void> }> {
  const firstBytes: number[] = [];
  const server = net.createServer((socket) => {
    socket.once('data', (data: Buffer) => {
      firstBytes.push(data[0] ?? -1);
      if (data[0] === 0x16) socket.destroy();
      else socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok');
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { port, firstBytes, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Whether httpd/proxy-ssl-ignored fires on the same text, linted as a tree. */
function fires(config: string): boolean {
  const text = config
    .replaceAll('@PORT@', '80')
    .replaceAll('@DIR@', '/etc/httpd/conf')
    .replaceAll('@BACKEND@', 'app:8443');
  const { findings } = lintTree(
    { 'web/conf/httpd.conf': `ServerRoot "/etc/httpd"\nListen 80\n${text}` },
    { builtIn: ['httpd/proxy-ssl-ignored'] },
  );
  return findings.some((f) => f.ruleId === 'httpd/proxy-ssl-ignored');
}

describeWithHttpd('mod_proxy and SSLProxy* lines on plain backends: apache2 and httpd/proxy-ssl-ignored', () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      const backend = await startCapture();
      try {
        const config = `Listen 127.0.0.1:@PORT@\n${c.config}`.replaceAll('@BACKEND@', `127.0.0.1:${backend.port}`);
        const files = { 'ca.crt': issuer.pem, 'client.pem': client.pem + client.keyPem };
        // The configuration test passes: httpd says nothing of the lines it will not use.
        expect(configTest({ config, files }).status).toBe(0);
        const server = await startHttpd({ config, files });
        try {
          for (const host of ['a.example', 'b.example']) await statusOf(server.port, '/app', host);
        } finally {
          await server.stop();
        }
        const plain = backend.firstBytes.filter((b) => b !== 0x16).length;
        const tls = backend.firstBytes.length - plain;
        // Every request reached the backend, and the rule fires exactly where none of them spoke TLS.
        expect(backend.firstBytes.length).toBeGreaterThan(0);
        expect({ plain: plain > 0, tls: tls > 0, fires: fires(c.config) }).toEqual({
          plain: plain > 0,
          tls: tls > 0,
          fires: c.intent && tls === 0,
        });
      } finally {
        await backend.stop();
      }
    },
    60_000,
  );
});
