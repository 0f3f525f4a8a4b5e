/**
 * mod_ssl's proxy side (SSLProxyEngine, SSLProxyVerify, SSLProxyCheckPeer*) as the real Apache httpd (Debian's
 * apache2) applies it to a `ProxyPass /app https://localhost:<port>/` towards an `openssl s_server` backend: the HTTP
 * status the client gets and mod_ssl's log line. Facts an httpd proxy model is held to: the peer name and expiry
 * checks act even with the default `SSLProxyVerify none`; `require` without SSLProxyCACertificateFile starts but
 * fails every request (the system CA store is not used); without SSLProxyEngine each request fails with AH01961, and
 * SSLProxyEngine on counts in a `<Proxy>` section of the backend or of the balancer as in the virtual host.
 * Skipped (with a note) without apache2, failed without it when CI is set.
 */
import { describeWithHttpd, startHttpd, startTlsBackend, statusOf } from '../helpers/httpd';
import { ca, daysFromNow, leaf } from '../helpers/pki';

const issuer = ca('Backend Test CA');
const BACKENDS = {
  'for localhost': leaf('localhost', issuer),
  'for another name': leaf('app.example.internal', issuer),
  expired: leaf('localhost', issuer, { notBefore: daysFromNow(-30), notAfter: daysFromNow(-1) }),
};

interface Case {
  name: string;
  backend: keyof typeof BACKENDS;
  /** Directives of the front-end virtual host (`@BACKEND@` is the backend's https URL), before its ProxyPass. */
  directives: string[];
  /** The virtual host's ProxyPass (absent: `ProxyPass /app @BACKEND@/`). */
  proxyPass?: string;
  status: number;
  /** What the error log says about the request (absent: nothing asserted). */
  log?: string;
}

const CASES: Case[] = [
  { name: 'SSLProxyEngine on, nothing else', backend: 'for localhost', directives: ['SSLProxyEngine on'], status: 200 },
  {
    name: 'the name is checked with SSLProxyVerify none',
    backend: 'for another name',
    directives: ['SSLProxyEngine on'],
    status: 500,
    log: 'AH02411: SSL Proxy: Peer certificate does not match for hostname localhost',
  },
  {
    name: 'SSLProxyCheckPeerName off',
    backend: 'for another name',
    directives: ['SSLProxyEngine on', 'SSLProxyCheckPeerName off'],
    status: 200,
  },
  {
    name: 'the expiry is checked with SSLProxyVerify none',
    backend: 'expired',
    directives: ['SSLProxyEngine on'],
    status: 500,
    log: 'AH02004: SSL Proxy: Peer certificate is expired',
  },
  {
    name: 'SSLProxyVerify require without SSLProxyCACertificateFile',
    backend: 'for localhost',
    directives: ['SSLProxyEngine on', 'SSLProxyVerify require'],
    status: 500,
    log: 'certificate verify failed',
  },
  {
    name: 'SSLProxyVerify require with the issuing CA',
    backend: 'for localhost',
    directives: ['SSLProxyEngine on', 'SSLProxyVerify require', 'SSLProxyCACertificateFile @DIR@/ca.crt'],
    status: 200,
  },
  {
    name: 'SSLProxyEngine on in a <Proxy> section of the backend',
    backend: 'for localhost',
    directives: ['<Proxy "@BACKEND@/">', '  SSLProxyEngine on', '</Proxy>'],
    status: 200,
  },
  {
    name: 'a BalancerMember, no SSLProxyEngine',
    backend: 'for localhost',
    directives: ['<Proxy balancer://cluster>', '  BalancerMember @BACKEND@', '</Proxy>'],
    proxyPass: 'ProxyPass /app balancer://cluster/',
    status: 500,
    log: 'AH01961',
  },
  {
    name: 'a BalancerMember, SSLProxyEngine on in its <Proxy balancer://> section',
    backend: 'for localhost',
    directives: ['<Proxy balancer://cluster>', '  SSLProxyEngine on', '  BalancerMember @BACKEND@', '</Proxy>'],
    proxyPass: 'ProxyPass /app balancer://cluster/',
    status: 200,
  },
  {
    name: 'no SSLProxyEngine',
    backend: 'for localhost',
    directives: [],
    status: 500,
    log: 'AH01961:  failed to enable ssl support [Hint: if using mod_ssl, see SSLProxyEngine]',
  },
];

describeWithHttpd('mod_ssl proxy checks on the real apache2', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const certificate = BACKENDS[c.backend];
    const backend = await startTlsBackend(certificate.pem, certificate.keyPem);
    try {
      const config = [
        'Listen 127.0.0.1:@PORT@',
        '<VirtualHost *:@PORT@>',
        ...c.directives.map((d) => `  ${d}`),
        `  ${c.proxyPass ?? 'ProxyPass /app @BACKEND@/'}`,
        '</VirtualHost>',
        '',
      ]
        .join('\n')
        .replaceAll('@BACKEND@', `https://localhost:${backend.port}`);
      const server = await startHttpd({ config, files: { 'ca.crt': issuer.pem } });
      try {
        const status = await statusOf(server.port, '/app');
        const log = c.log && server.errorLog().includes(c.log) ? c.log : undefined;
        expect({ status, log }).toEqual({ status: c.status, log: c.log });
      } finally {
        await server.stop();
      }
    } finally {
      await backend.stop();
    }
  });
});
