/**
 * httpd/start-refused against the real Apache httpd: each configuration is started (apache2 -X) and linted as a tree
 * (the same text and PEM files, with a Dockerfile naming Debian 12, whose OpenSSL 3.0 the installed apache2 links), and the rule
 * must report httpd's own code (AH02231, AH01898, AH02565, AH02564) exactly where the real server stops with it — configtest passes on
 * every one of them. Skipped (with a note) without apache2, failed without it when CI is set.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { describeWithHttpd, startHttpd } from '../helpers/httpd';
import { leaf } from '../helpers/pki';

const RULE = 'httpd/start-refused';
const CODES = ['AH02231', 'AH01898', 'AH02565', 'AH02564'];
const certificate = leaf('localhost');
const other = leaf('other.example');
const FILES = {
  'server.crt': certificate.pem,
  'server.key': certificate.keyPem,
  'other.crt': other.pem,
  'other.key': other.keyPem,
  'combined.pem': `${certificate.pem}${certificate.keyPem}`,
};
const PAIR = ['SSLCertificateFile "@DIR@/server.crt"', 'SSLCertificateKeyFile "@DIR@/server.key"'];

/** Lines of an `SSLEngine on` virtual host (after its certificate lines), and of the main server before it. */
const CASES: Record<string, { outside?: string[]; vhost: string[]; certificate?: string[] }> = {
  'SSLProtocol -all +TLSv1.2': { vhost: ['SSLProtocol -all +TLSv1.2'] },
  'SSLProtocol -TLSv1.3': { vhost: ['SSLProtocol -TLSv1.3'] },
  'SSLProtocol -all': { vhost: ['SSLProtocol -all'] },
  'SSLProtocol TLSv1.2 -TLSv1.2': { vhost: ['SSLProtocol TLSv1.2 -TLSv1.2'] },
  'SSLProtocol with no word': { vhost: ['SSLProtocol'] },
  'SSLProtocol -ALL TLSv1.2': { vhost: ['SSLProtocol -ALL TLSv1.2'] },
  'main all, virtual host -TLSv1.2 (starts from nothing)': {
    outside: ['SSLProtocol all'],
    vhost: ['SSLProtocol -TLSv1.2'],
  },
  'main -all, virtual host +TLSv1.2 (replaces it)': { outside: ['SSLProtocol -all'], vhost: ['SSLProtocol +TLSv1.2'] },
  'SSLCipherSuite NOSUCHCIPHER': { vhost: ['SSLCipherSuite NOSUCHCIPHER'] },
  'SSLCipherSuite SSL NOSUCHCIPHER': { vhost: ['SSLCipherSuite SSL NOSUCHCIPHER'] },
  'SSLCipherSuite HIGH:!aNULL:NOSUCHCIPHER': { vhost: ['SSLCipherSuite HIGH:!aNULL:NOSUCHCIPHER'] },
  'SSLCipherSuite eNULL (mod_ssl appends !eNULL)': { vhost: ['SSLCipherSuite eNULL'] },
  'SSLCipherSuite RC4-SHA (not in OpenSSL 3)': { vhost: ['SSLCipherSuite RC4-SHA'] },
  'TLS 1.3 names in the older suites string': {
    vhost: ['SSLCipherSuite TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256'],
  },
  'SSLCipherSuite PSK (selected, then unused)': { vhost: ['SSLCipherSuite PSK'] },
  'SSLCipherSuite ECDHE-ECDSA-AES128-GCM-SHA256': { vhost: ['SSLCipherSuite ECDHE-ECDSA-AES128-GCM-SHA256'] },
  'SSLCipherSuite TLSv1.3 with one unknown name': {
    vhost: ['SSLCipherSuite TLSv1.3 TLS_AES_256_GCM_SHA384:NOSUCHSUITE'],
  },
  'SSLProxyEngine on, SSLProxyProtocol -all': { vhost: ['SSLProxyEngine on', 'SSLProxyProtocol -all'] },
  'SSLProxyProtocol -all without SSLProxyEngine': { vhost: ['SSLProxyProtocol -all'] },
  'SSLProxyEngine on in the main server, SSLProxyCipherSuite NOSUCHCIPHER': {
    outside: ['SSLProxyEngine on', 'SSLProxyCipherSuite NOSUCHCIPHER'],
    vhost: [],
  },
  'a certificate with another key': {
    certificate: ['SSLCertificateFile "@DIR@/server.crt"', 'SSLCertificateKeyFile "@DIR@/other.key"'],
    vhost: [],
  },
  "the main server's key, the virtual host's certificate (replaced index by index)": {
    outside: PAIR,
    certificate: ['SSLCertificateFile "@DIR@/other.crt"'],
    vhost: [],
  },
  "the main server's pair, the virtual host's own pair": {
    outside: PAIR,
    certificate: ['SSLCertificateFile "@DIR@/other.crt"', 'SSLCertificateKeyFile "@DIR@/other.key"'],
    vhost: [],
  },
  'the key file is the certificate': {
    certificate: ['SSLCertificateFile "@DIR@/server.crt"', 'SSLCertificateKeyFile "@DIR@/server.crt"'],
    vhost: [],
  },
  'certificate and key in one file, no SSLCertificateKeyFile': {
    certificate: ['SSLCertificateFile "@DIR@/combined.pem"'],
    vhost: [],
  },
  'a certificate and no key anywhere': { certificate: ['SSLCertificateFile "@DIR@/server.crt"'], vhost: [] },
  'two pairs, each its own key': {
    certificate: [...PAIR, 'SSLCertificateFile "@DIR@/other.crt"', 'SSLCertificateKeyFile "@DIR@/other.key"'],
    vhost: [],
  },
};

function configOf(c: (typeof CASES)[string]): string {
  return [
    ...(c.outside ?? []),
    'Listen 127.0.0.1:@PORT@',
    '<VirtualHost *:@PORT@>',
    '  SSLEngine on',
    ...(c.certificate ?? PAIR).map((d) => `  ${d}`),
    ...c.vhost.map((d) => `  ${d}`),
    '</VirtualHost>',
    '',
  ].join('\n');
}

/** httpd's code when it stopped at start, 'started' when it served. */
async function realOutcome(config: string): Promise<string> {
  try {
    const server = await startHttpd({ config, files: FILES });
    await server.stop();
    return 'started';
  } catch (e) {
    const log = String(e);
    return CODES.find((code) => log.includes(code)) ?? `failed otherwise: ${log.slice(-300)}`;
  }
}

/** The rule's codes on the same configuration, linted as a tree. */
function predicted(config: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-httpd-start-'));
  try {
    for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), text);
    fs.writeFileSync(path.join(dir, 'httpd.conf'), config.replaceAll('@PORT@', '443').replaceAll('@DIR@', dir));
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM debian:bookworm\nRUN apt-get install -y apache2\n');
    const result = lint({ paths: [dir], cwd: dir, config: defaultConfig(dir) });
    const codes = result.findings
      .filter((f) => f.ruleId === RULE && f.severity === 'error')
      .map((f) => CODES.find((code) => f.message.includes(code)) ?? f.message);
    return codes.length > 0 ? codes.join(', ') : 'started';
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describeWithHttpd('httpd/start-refused against the real apache2', () => {
  it("reports httpd's code exactly where the real server does not start", async () => {
    const rows: string[] = [];
    for (const [name, c] of Object.entries(CASES)) {
      const config = configOf(c);
      rows.push(`${name}: real ${await realOutcome(config)} / predicted ${predicted(config)}`);
    }
    const disagreements = rows.filter((r) => {
      const [, real, model] = /: real (.*) \/ predicted (.*)$/.exec(r) ?? [];
      return real !== model;
    });
    expect({ rows, disagreements }).toEqual({ rows, disagreements: [] });
  }, 120_000);
});
