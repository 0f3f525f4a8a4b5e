/**
 * An expired CA certificate sent by httpd, from SSLCertificateChainFile or from a full-chain SSLCertificateFile, on the
 * real apache2 with two clients that trust only the root: `openssl s_client` and a JSSE client (OpenJDK 17). Both
 * refuse an expired intermediate ('certificate has expired', CertificateExpiredException); an expired root sent beside
 * a valid intermediate is refused by OpenSSL only (JSSE ends the path at its anchor without checking its dates). The
 * same lines linted as a tree with no client must get cert/expired at the severity that says so: an error when every
 * client fails, a warning when the client's stack decides, nothing when both verify. A chain file was judged as an
 * unlinked CA bundle before (a warning for an intermediate every client refuses).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { describeWithHttpd, startHttpd } from '../helpers/httpd';
import { ca, leaf, type Issued } from '../helpers/pki';
import { writeTree } from '../helpers/rule-tester';
import { startTrustLab, type TrustLab } from './trust-lab';

const past = { notBefore: new Date('2020-01-01'), notAfter: new Date('2021-01-01') };
const future = { notAfter: new Date('2040-01-01') };

interface Chain {
  root: Issued;
  intermediate: Issued;
  site: Issued;
}

/** A root, an intermediate and the site's leaf; `expired` names the one whose dates are past. */
function chain(expired: 'intermediate' | 'root' | 'none'): Chain {
  const root = ca(`Expiry ${expired} Root`, undefined, expired === 'root' ? past : future);
  const intermediate = ca(`Expiry ${expired} Intermediate`, root, expired === 'intermediate' ? past : future);
  return { root, intermediate, site: leaf('web', intermediate, future) };
}

interface Case {
  name: string;
  expired: 'intermediate' | 'root' | 'none';
  /** The CA certificates httpd sends, in a chain file or after the leaf in the certificate file. */
  sends: ('intermediate' | 'root')[];
  from: 'chain file' | 'certificate file';
}

const CASES: Case[] = [
  {
    name: 'an expired intermediate in the chain file',
    expired: 'intermediate',
    sends: ['intermediate'],
    from: 'chain file',
  },
  {
    name: 'the same in a full-chain certificate file',
    expired: 'intermediate',
    sends: ['intermediate'],
    from: 'certificate file',
  },
  {
    name: 'an expired root beside a valid intermediate in the chain file',
    expired: 'root',
    sends: ['intermediate', 'root'],
    from: 'chain file',
  },
  {
    name: 'the same in a full-chain certificate file',
    expired: 'root',
    sends: ['intermediate', 'root'],
    from: 'certificate file',
  },
  { name: 'a valid chain in the chain file', expired: 'none', sends: ['intermediate', 'root'], from: 'chain file' },
];

/** The files httpd reads for the case, by name, and the virtual host's certificate lines naming them under `dir`. */
function served(c: Case, pki: Chain, dir: string): { files: Record<string, string>; lines: string[] } {
  const cas = c.sends.map((s) => pki[s].pem).join('');
  const full = c.from === 'certificate file';
  return {
    files: {
      'web.crt': pki.site.pem + (full ? cas : ''),
      'web.key': pki.site.keyPem,
      ...(full ? {} : { 'chain.crt': cas }),
    },
    lines: [
      `  SSLCertificateFile ${dir}/web.crt`,
      `  SSLCertificateKeyFile ${dir}/web.key`,
      ...(full ? [] : [`  SSLCertificateChainFile ${dir}/chain.crt`]),
    ],
  };
}

const vhost = (lines: string[], port: string) =>
  [`<VirtualHost *:${port}>`, '  ServerName web', '  SSLEngine on', ...lines, '</VirtualHost>', ''].join('\n');

/** Whether `openssl s_client` trusting only `rootFile` verifies what the server on `port` sends. */
function opensslVerifies(port: number, rootFile: string): boolean {
  const result = spawnSync(
    'openssl',
    ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', 'web', '-CAfile', rootFile],
    {
      input: '',
      encoding: 'utf8',
      timeout: 20_000,
    },
  );
  return /Verify return code: 0 \(ok\)/.test(result.stdout);
}

/** The highest severity of cert/expired on the tree of the same lines and files, with no client in it. */
function predicted(c: Case, pki: Chain): string {
  const { files, lines } = served(c, pki, '/etc/httpd/certs');
  const tree = writeTree({
    'web/conf/httpd.conf': ['ServerRoot "/etc/httpd"', 'Listen 443 https', vhost(lines, '443')].join('\n'),
    ...Object.fromEntries(
      Object.entries(files)
        .filter(([n]) => n.endsWith('.crt'))
        .map(([n, t]) => [`web/certs/${n}`, t]),
    ),
  });
  try {
    const severities = lint({ paths: [tree], cwd: tree, config: defaultConfig(tree) })
      .findings.filter((f) => f.ruleId === 'cert/expired')
      .map((f) => f.severity);
    return ['error', 'warning', 'info'].find((s) => severities.includes(s as never)) ?? 'none';
  } finally {
    fs.rmSync(tree, { recursive: true, force: true });
  }
}

describeWithHttpd('an expired CA certificate httpd sends: real clients and cert/expired', () => {
  let lab: TrustLab;
  beforeAll(async () => {
    lab = await startTrustLab();
  }, 120_000);
  afterAll(async () => {
    await lab?.close();
  });

  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      const pki = chain(c.expired);
      const rootFile = path.join(lab.dir, `${c.expired}-${c.from.replace(' ', '-')}-root.crt`);
      const trustStore = `${rootFile}.p12`;
      fs.writeFileSync(rootFile, pki.root.pem);
      await lab.keytool([
        '-importcert',
        '-noprompt',
        '-alias',
        'root',
        '-file',
        rootFile,
        '-keystore',
        trustStore,
        '-storetype',
        'PKCS12',
        '-storepass',
        'changeit',
      ]);
      const { files, lines } = served(c, pki, '@DIR@');
      const server = await startHttpd({
        config: ['Listen 127.0.0.1:@PORT@', vhost(lines, '@PORT@')].join('\n'),
        files,
      });
      let openssl: boolean;
      let jsse: boolean;
      try {
        openssl = opensslVerifies(server.port, rootFile);
        jsse = (await lab.jsseConnect({ truststore: trustStore }, server.port, 'TLSv1.3')).ok;
      } finally {
        await server.stop();
      }
      const failing = [openssl, jsse].filter((ok) => !ok).length;
      const expected = failing === 2 ? 'error' : failing === 1 ? 'warning' : 'none';
      expect({ openssl, jsse, severity: predicted(c, pki) }).toEqual({ openssl, jsse, severity: expected });
    },
    120_000,
  );
});
