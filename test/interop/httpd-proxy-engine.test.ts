/**
 * httpd/proxy-engine-off against the real Apache httpd: each configuration is both served (apache2 -X, a ProxyPass or
 * BalancerMember towards an `openssl s_server` backend) and linted, and the rule must report an error exactly where the
 * real server answers the proxied request with 500 and logs AH01961 (mod_ssl refusing TLS without SSLProxyEngine on).
 * Skipped (with a note) without apache2, failed without it when CI is set.
 */
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { describeWithHttpd, startHttpd, startTlsBackend, statusOf } from '../helpers/httpd';
import { leaf } from '../helpers/pki';

const RULE = 'httpd/proxy-engine-off';
const certificate = leaf('localhost');

/** Virtual host bodies; `@BACKEND@` is the backend's https URL. */
const CASES: Record<string, { outside?: string[]; vhost: string[]; files?: Record<string, string> }> = {
  'no SSLProxyEngine': { vhost: ['ProxyPass /app @BACKEND@/'] },
  'SSLProxyEngine on in the virtual host': { vhost: ['SSLProxyEngine on', 'ProxyPass /app @BACKEND@/'] },
  'SSLProxyEngine off in the virtual host': { vhost: ['SSLProxyEngine off', 'ProxyPass /app @BACKEND@/'] },
  'SSLProxyEngine on in the main server': { outside: ['SSLProxyEngine on'], vhost: ['ProxyPass /app @BACKEND@/'] },
  'sslproxyengine on, lower case': { vhost: ['sslproxyengine on', 'ProxyPass /app @BACKEND@/'] },
  'SSLProxyEngine on in an included file': {
    vhost: ['Include @DIR@/proxy-tls.conf', 'ProxyPass /app @BACKEND@/'],
    files: { 'proxy-tls.conf': 'SSLProxyEngine on\n' },
  },
  'SSLProxyEngine on in a <Proxy> section of the backend': {
    vhost: ['<Proxy "@BACKEND@/">', '  SSLProxyEngine on', '</Proxy>', 'ProxyPass /app @BACKEND@/'],
  },
  'BalancerMember, SSLProxyEngine on in its <Proxy balancer://> section': {
    vhost: [
      '<Proxy balancer://cluster>',
      '  SSLProxyEngine on',
      '  BalancerMember @BACKEND@',
      '</Proxy>',
      'ProxyPass /app balancer://cluster/',
    ],
  },
  'BalancerMember, no SSLProxyEngine': {
    vhost: [
      '<Proxy balancer://cluster>',
      '  BalancerMember @BACKEND@',
      '</Proxy>',
      'ProxyPass /app balancer://cluster/',
    ],
  },
};

function siteOf(c: (typeof CASES)[string], backend: string) {
  const body = [
    ...(c.outside ?? []),
    'Listen 127.0.0.1:@PORT@',
    '<VirtualHost *:@PORT@>',
    ...c.vhost.map((d) => `  ${d}`),
    '</VirtualHost>',
    '',
  ].join('\n');
  return { config: body.replaceAll('@BACKEND@', backend), files: c.files };
}

/** Whether the linted tree of the served configuration has the rule's error. */
function predicted(dir: string): boolean {
  const result = lint({ paths: [dir], cwd: dir, config: defaultConfig(dir) });
  return result.findings.some((f) => f.ruleId === RULE && f.severity === 'error');
}

describeWithHttpd('httpd/proxy-engine-off against the real apache2', () => {
  it('reports an error exactly where httpd answers 500 with AH01961', async () => {
    const backend = await startTlsBackend(certificate.pem, certificate.keyPem);
    const rows: string[] = [];
    try {
      for (const [name, c] of Object.entries(CASES)) {
        const server = await startHttpd(siteOf(c, `https://localhost:${backend.port}`));
        try {
          const status = await statusOf(server.port, '/app');
          const refused = status === 500 && server.errorLog().includes('AH01961');
          const error = predicted(server.dir);
          rows.push(`${name}: real ${refused ? 'AH01961' : status} / predicted ${error ? 'error' : 'none'}`);
        } finally {
          await server.stop();
        }
      }
    } finally {
      await backend.stop();
    }
    const disagreements = rows.filter((r) => /real AH01961 \/ predicted none|real \d+ \/ predicted error/.test(r));
    expect({ rows, disagreements }).toEqual({ rows, disagreements: [] });
  }, 60_000);
});
