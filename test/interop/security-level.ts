/**
 * nginx trees whose certificate (ssl_certificate, proxy_ssl_certificate) an OpenSSL security level may refuse, read
 * by the whole pipeline (nginx/security-level-refuses-certificate), against the real OpenSSL loading the same files:
 * `openssl s_server -cert -key [-cert_chain] [-cipher]` for a server, `openssl s_client -cert -key [-cipher]` for a
 * proxy, `-dhparam` for ssl_dhparam (both set the cipher string, and its @SECLEVEL, before loading the certificate, as nginx does from 1.21.2).
 * The image decides the default level: `nginx:1.25` (Debian bookworm) runs Debian's libssl3, the build on this
 * machine, so its cases run openssl with no level of their own; an image whose default is 1 (Alpine up to OpenSSL
 * 3.1) is run with `@SECLEVEL=1` added to the cipher string, the same level set by hand.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { spawnBounded } from './stacks';

const RULES = new Set(['nginx/security-level-refuses-certificate', 'nginx/security-level-refuses-dh-parameters']);

/** The key material a case loads: a leaf (and the rest of its file). */
type Material = 'rsa1024' | 'rsa2048' | 'ec192' | 'ec224' | 'sha1-leaf' | 'sha256-leaf' | 'chain-ca1024';

export interface LevelCase {
  name: string;
  role: 'server' | 'proxy';
  material: Material;
  image: string;
  /** The image's default security level as the real OpenSSL here gets it: undefined is this machine's own (Debian's). */
  imageLevel?: number;
  /** ssl_ciphers / proxy_ssl_ciphers as written. */
  ciphers?: string;
  /** An ssl_dhparam file of this many bits (made by `openssl dhparam`). */
  dhparam?: 1024 | 2048;
}

export function levelCases(): LevelCase[] {
  const alpine = { image: 'nginx:1.25-alpine', imageLevel: 1 };
  const debian = { image: 'nginx:1.25' };
  return [
    { name: 'RSA 1024 on Debian', role: 'server', material: 'rsa1024', ...debian },
    { name: 'RSA 2048 on Debian', role: 'server', material: 'rsa2048', ...debian },
    { name: 'RSA 1024 on Alpine 3.19 (level 1)', role: 'server', material: 'rsa1024', ...alpine },
    {
      name: 'RSA 1024 on Debian with @SECLEVEL=1',
      role: 'server',
      material: 'rsa1024',
      ...debian,
      ciphers: 'HIGH:!aNULL:!MD5:@SECLEVEL=1',
    },
    { name: 'RSA 2048 with @SECLEVEL=3', role: 'server', material: 'rsa2048', ...debian, ciphers: 'HIGH:@SECLEVEL=3' },
    { name: 'EC P-192 on Debian', role: 'server', material: 'ec192', ...debian },
    { name: 'EC P-192 on Alpine 3.19', role: 'server', material: 'ec192', ...alpine },
    { name: 'EC P-224 on Debian', role: 'server', material: 'ec224', ...debian },
    { name: 'SHA-1 signed leaf at level 1', role: 'server', material: 'sha1-leaf', ...alpine },
    { name: 'SHA-256 signed leaf on Debian', role: 'server', material: 'sha256-leaf', ...debian },
    { name: 'a 1024-bit CA after the leaf on Debian', role: 'server', material: 'chain-ca1024', ...debian },
    { name: 'a 1024-bit CA after the leaf at level 1', role: 'server', material: 'chain-ca1024', ...alpine },
    { name: 'DH 1024 on Debian', role: 'server', material: 'rsa2048', ...debian, dhparam: 1024 },
    { name: 'DH 2048 on Debian', role: 'server', material: 'rsa2048', ...debian, dhparam: 2048 },
    { name: 'DH 1024 on Alpine 3.19', role: 'server', material: 'rsa2048', ...alpine, dhparam: 1024 },
    {
      name: 'DH 1024 on Debian with @SECLEVEL=1',
      role: 'server',
      material: 'rsa2048',
      ...debian,
      dhparam: 1024,
      ciphers: 'HIGH:@SECLEVEL=1',
    },
    { name: 'proxy client certificate RSA 1024 on Debian', role: 'proxy', material: 'rsa1024', ...debian },
    {
      name: 'proxy client certificate RSA 1024, @SECLEVEL=1',
      role: 'proxy',
      material: 'rsa1024',
      ...debian,
      ciphers: 'DEFAULT:@SECLEVEL=1',
    },
  ];
}

function openssl(args: string[], cwd: string): void {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
}

/** Makes every material once in `dir`: `<name>.crt` (leaf first, then the rest of its chain) and `<name>.key`. */
export function makeMaterials(dir: string): void {
  const self = (name: string, key: string[]) =>
    openssl(
      [
        'req',
        '-x509',
        ...key,
        '-nodes',
        '-sha256',
        '-days',
        '30',
        '-subj',
        `/CN=${name}`,
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.crt`,
      ],
      dir,
    );
  self('rsa1024', ['-newkey', 'rsa:1024']);
  self('rsa2048', ['-newkey', 'rsa:2048']);
  self('ec192', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime192v1']);
  self('ec224', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:secp224r1']);
  self('ca2048', ['-newkey', 'rsa:2048']);
  self('ca1024', ['-newkey', 'rsa:1024']);
  const issued = (name: string, ca: string, digest: string) => {
    openssl(
      ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.csr`],
      dir,
    );
    openssl(
      [
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        `${ca}.crt`,
        '-CAkey',
        `${ca}.key`,
        '-CAcreateserial',
        `-${digest}`,
        '-days',
        '30',
        '-out',
        `${name}.crt`,
      ],
      dir,
    );
  };
  issued('sha1-leaf', 'ca2048', 'sha1');
  issued('sha256-leaf', 'ca2048', 'sha256');
  issued('chain-ca1024', 'ca1024', 'sha256');
  // DH parameters take long to generate (a 2048-bit prime): the fixtures made once by test/fixtures/certs/gen.sh.
  for (const bits of [1024, 2048])
    fs.copyFileSync(path.join(__dirname, '../fixtures/certs', `dh${bits}.pem`), path.join(dir, `dh${bits}.pem`));
  // The leaf's file holds its CA after it, as an nginx ssl_certificate bundle does.
  fs.appendFileSync(path.join(dir, 'chain-ca1024.crt'), fs.readFileSync(path.join(dir, 'ca1024.crt')));
}

function nginxConf(c: LevelCase): string {
  const ciphers = c.ciphers ? `${c.role === 'server' ? 'ssl' : 'proxy_ssl'}_ciphers ${c.ciphers};` : '';
  if (c.role === 'server')
    return `http {\n  server {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/ssl/site.crt;\n    ssl_certificate_key /etc/nginx/ssl/site.key;\n    ${ciphers}\n    ${c.dhparam ? 'ssl_dhparam /etc/nginx/ssl/dhparam.pem;' : ''}\n  }\n}\n`;
  return `http {\n  server {\n    listen 80;\n    location / {\n      proxy_pass https://backend:8443;\n      proxy_ssl_certificate /etc/nginx/ssl/site.crt;\n      proxy_ssl_certificate_key /etc/nginx/ssl/site.key;\n      ${ciphers}\n    }\n  }\n}\n`;
}

/** What the pipeline predicts: nginx refuses the certificate (error), loads it (nothing), or cannot tell (info). */
export function predictLoad(dir: string): 'refused' | 'loaded' | 'unknown' {
  const result = lint({ paths: [dir], cwd: dir, config: defaultConfig(dir) });
  const findings = result.findings.filter((f) => RULES.has(f.ruleId));
  if (findings.some((f) => f.severity === 'error')) return 'refused';
  return findings.length > 0 ? 'unknown' : 'loaded';
}

/** What the real OpenSSL does loading the same files at the same level. */
export async function realLoad(
  c: LevelCase,
  materials: string,
): Promise<{ outcome: 'refused' | 'loaded'; text: string }> {
  const cert = path.join(materials, `${c.material}.crt`);
  const key = path.join(materials, `${c.material}.key`);
  const level = c.imageLevel !== undefined && !c.ciphers?.includes('@SECLEVEL') ? `:@SECLEVEL=${c.imageLevel}` : '';
  const dh = c.dhparam ? ['-dhparam', path.join(materials, `dh${c.dhparam}.pem`)] : [];
  const cipher = c.ciphers || level ? ['-cipher', `${c.ciphers ?? 'DEFAULT'}${level}`] : [];
  const args =
    c.role === 'server'
      ? // -cert takes the file's first certificate; -cert_chain the whole file, as nginx's SSL_CTX_set0_chain does.
        [
          's_server',
          '-accept',
          '127.0.0.1:0',
          '-naccept',
          '1',
          '-cert',
          cert,
          '-cert_chain',
          cert,
          '-key',
          key,
          ...cipher,
          ...dh,
        ]
      : // Port 1 of loopback: nothing listens, so a client that loaded its certificate fails to connect instead.
        ['s_client', '-connect', '127.0.0.1:1', '-cert', cert, '-cert_chain', cert, '-key', key, ...cipher];
  const { stdout, stderr } = await spawnBounded(args, c.role === 'proxy' ? '' : undefined, (text, child) => {
    // Listening: the certificate and chain were loaded; nothing more to learn.
    if (/ACCEPT/.test(text) && child.pid) process.kill(child.pid, 'SIGKILL');
  });
  const text = stdout + stderr;
  return {
    outcome: /error setting certificate|error setting temp DH parameters/i.test(text) ? 'refused' : 'loaded',
    text,
  };
}

export async function runLevelCase(
  c: LevelCase,
  materials: string,
  dir: string,
): Promise<{ predicted: ReturnType<typeof predictLoad>; real: Awaited<ReturnType<typeof realLoad>> }> {
  fs.mkdirSync(path.join(dir, 'ssl'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConf(c));
  fs.writeFileSync(
    path.join(dir, 'Dockerfile'),
    `FROM ${c.image}\nCOPY nginx.conf /etc/nginx/nginx.conf\nCOPY ssl/ /etc/nginx/ssl/\n`,
  );
  fs.copyFileSync(path.join(materials, `${c.material}.crt`), path.join(dir, 'ssl', 'site.crt'));
  if (c.dhparam) fs.copyFileSync(path.join(materials, `dh${c.dhparam}.pem`), path.join(dir, 'ssl', 'dhparam.pem'));
  return { predicted: predictLoad(dir), real: await realLoad(c, materials) };
}

/** A gateway with proxy_ssl_verify on verifying an upstream nginx (Alpine: level 1, so it loads what it presents). */
export interface VerifyCase {
  name: string;
  /** What the upstream presents (its ssl_certificate file) and what the gateway trusts. */
  material: Material;
  anchor: 'rsa1024' | 'rsa2048' | 'ca1024' | 'ca2048';
  image: string;
  imageLevel?: number;
  ciphers?: string;
}

export function verifyCases(): VerifyCase[] {
  return [
    {
      name: 'verify a 1024-bit self-signed upstream on Debian',
      material: 'rsa1024',
      anchor: 'rsa1024',
      image: 'nginx:1.25',
    },
    {
      name: 'verify it on Alpine 3.19',
      material: 'rsa1024',
      anchor: 'rsa1024',
      image: 'nginx:1.25-alpine',
      imageLevel: 1,
    },
    {
      name: 'verify a leaf under a 1024-bit CA on Debian',
      material: 'chain-ca1024',
      anchor: 'ca1024',
      image: 'nginx:1.25',
    },
    {
      name: 'verify a leaf under a 1024-bit CA, @SECLEVEL=1',
      material: 'chain-ca1024',
      anchor: 'ca1024',
      image: 'nginx:1.25',
      ciphers: 'DEFAULT:@SECLEVEL=1',
    },
    { name: 'verify a 2048-bit upstream on Debian', material: 'sha256-leaf', anchor: 'ca2048', image: 'nginx:1.25' },
  ];
}

/** What the pipeline predicts of the gateway's verification: refused (error), passes (nothing) or unknown (info). */
function predictVerify(dir: string): 'refused' | 'loaded' | 'unknown' {
  const result = lint({ paths: [dir], cwd: dir, config: defaultConfig(dir) });
  const findings = result.findings.filter((f) => f.messageId?.startsWith('verify') && RULES.has(f.ruleId));
  if (findings.some((f) => f.severity === 'error')) return 'refused';
  return findings.length > 0 ? 'unknown' : 'loaded';
}

/** The real verification: s_client at the gateway's level against s_server (level 0) presenting the same file. */
async function realVerify(c: VerifyCase, materials: string): Promise<{ outcome: 'refused' | 'loaded'; text: string }> {
  const file = (name: string) => path.join(materials, name);
  let setPort: (p: number) => void = () => undefined;
  const port = new Promise<number>((resolve) => (setPort = resolve));
  const server = spawnBounded(
    [
      's_server',
      '-accept',
      '127.0.0.1:0',
      '-naccept',
      '1',
      '-www',
      '-cipher',
      'DEFAULT:@SECLEVEL=0',
      '-cert',
      file(`${c.material}.crt`),
      '-cert_chain',
      file(`${c.material}.crt`),
      '-key',
      file(`${c.material}.key`),
    ],
    undefined,
    (text) => {
      const m = /ACCEPT 127\.0\.0\.1:(\d+)/.exec(text);
      if (m) setPort(Number(m[1]));
    },
  );
  void server.then(() => setPort(-1));
  const p = await port;
  const level = c.imageLevel !== undefined && !c.ciphers?.includes('@SECLEVEL') ? `:@SECLEVEL=${c.imageLevel}` : '';
  const cipher = c.ciphers || level ? ['-cipher', `${c.ciphers ?? 'DEFAULT'}${level}`] : [];
  const { stdout, stderr } = await spawnBounded(
    ['s_client', '-connect', `127.0.0.1:${p}`, '-CAfile', file(`${c.anchor}.crt`), '-verify_return_error', ...cipher],
    'Q\n',
  );
  await server;
  const text = stdout + stderr;
  return { outcome: /Verify return code: 6[678]|certificate verify failed/.test(text) ? 'refused' : 'loaded', text };
}

export async function runVerifyCase(
  c: VerifyCase,
  materials: string,
  dir: string,
): Promise<{ predicted: ReturnType<typeof predictVerify>; real: Awaited<ReturnType<typeof realVerify>> }> {
  for (const sub of ['gw', 'api']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const ciphers = c.ciphers ? `\n      proxy_ssl_ciphers ${c.ciphers};` : '';
  fs.writeFileSync(
    path.join(dir, 'gw', 'nginx.conf'),
    `http {\n  server {\n    listen 80;\n    location / {\n      proxy_ssl_verify on;\n      proxy_ssl_trusted_certificate ca.crt;${ciphers}\n      proxy_pass https://api.example.internal:8443;\n    }\n  }\n}\n`,
  );
  fs.writeFileSync(path.join(dir, 'gw', 'Dockerfile'), `FROM ${c.image}\n`);
  fs.copyFileSync(path.join(materials, `${c.anchor}.crt`), path.join(dir, 'gw', 'ca.crt'));
  fs.writeFileSync(
    path.join(dir, 'api', 'nginx.conf'),
    'http {\n  server {\n    listen 8443 ssl;\n    server_name api.example.internal;\n    ssl_certificate api.crt;\n    ssl_certificate_key api.key;\n  }\n}\n',
  );
  fs.writeFileSync(path.join(dir, 'api', 'Dockerfile'), 'FROM nginx:1.25-alpine\n');
  fs.copyFileSync(path.join(materials, `${c.material}.crt`), path.join(dir, 'api', 'api.crt'));
  return { predicted: predictVerify(dir), real: await realVerify(c, materials) };
}

/**
 * The real outcome of each case beside the predicted one, for the httpd oracles: they must agree on every row, and
 * both outcomes must occur (a rule that never fires, or always does, cannot pass).
 */
export async function expectOutcomesAgree<C>(
  cases: Record<string, C>,
  real: (c: C) => Promise<string>,
  predicted: (c: C) => string,
  outcomes: [failing: string, passing: string],
): Promise<void> {
  const rows: string[] = [];
  for (const [name, c] of Object.entries(cases))
    rows.push(`${name}: real ${await real(c)} / predicted ${predicted(c)}`);
  const disagreements = rows.filter((r) => {
    const [, realOne, model] = /: real (.*) \/ predicted (.*)$/.exec(r) ?? [];
    return realOne !== model;
  });
  for (const outcome of outcomes) expect(rows.some((r) => r.includes(`real ${outcome}`))).toBe(true);
  expect({ rows, disagreements }).toEqual({ rows, disagreements: [] });
}
