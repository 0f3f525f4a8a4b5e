/**
 * SSLCertificateChainFile on the real apache2: httpd sends the file's certificates after SSLCertificateFile's (2.4.71;
 * the directive is deprecated since 2.4.8, not removed), so a client that trusts only the root verifies the chain. The
 * pipeline, given the same lines in a tree with a client that trusts that root (an nginx proxy with
 * proxy_ssl_verify on), must predict the same: tls/incomplete-chain exactly when httpd sends no intermediate.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { describeWithHttpd, startHttpd } from '../helpers/httpd';
import { ca, leaf } from '../helpers/pki';
import { writeTree } from '../helpers/rule-tester';

const root = ca('Chain Test Root');
const intermediate = ca('Chain Test Intermediate', root);
const site = leaf('web', intermediate);

/** The certificate lines of the virtual host, from `dir`. */
const certificateLines = (dir: string, chainFile: boolean) => [
  `  SSLCertificateFile ${dir}/web.crt`,
  `  SSLCertificateKeyFile ${dir}/web.key`,
  ...(chainFile ? [`  SSLCertificateChainFile ${dir}/intermediate.crt`] : []),
];

/** Whether `openssl s_client` trusting only the root verifies what the server on `port` sends. */
function verifiesWithRootOnly(port: number): boolean {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-chain-'));
  try {
    fs.writeFileSync(path.join(dir, 'root.crt'), root.pem);
    const result = spawnSync(
      'openssl',
      ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', 'web', '-CAfile', path.join(dir, 'root.crt')],
      { input: '', encoding: 'utf8', timeout: 20_000 },
    );
    return /Verify return code: 0 \(ok\)/.test(result.stdout);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The rules that fire on a tree of httpd serving those lines and an nginx proxy that trusts only the root. */
function predictedRules(chainFile: boolean): string[] {
  const tree = writeTree({
    'web/conf/httpd.conf': [
      'ServerRoot "/etc/httpd"',
      'Listen 443 https',
      '<VirtualHost *:443>',
      '  ServerName web',
      '  SSLEngine on',
      ...certificateLines('/etc/httpd/certs', chainFile),
      '</VirtualHost>',
      '',
    ].join('\n'),
    'web/certs/web.crt': site.pem,
    'web/certs/intermediate.crt': intermediate.pem,
    'proxy/nginx.conf': [
      'events {}',
      'http {',
      '  server {',
      '    listen 80;',
      '    location / {',
      '      proxy_pass https://web:443;',
      '      proxy_ssl_verify on;',
      '      proxy_ssl_name web;',
      '      proxy_ssl_trusted_certificate /etc/nginx/certs/root.crt;',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n'),
    'proxy/certs/root.crt': root.pem,
  });
  try {
    const result = lint({ paths: [tree], cwd: tree, config: defaultConfig(tree) });
    return result.findings.map((f) => f.ruleId);
  } finally {
    fs.rmSync(tree, { recursive: true, force: true });
  }
}

describeWithHttpd('SSLCertificateChainFile: what httpd sends and what the pipeline predicts', () => {
  it.each([
    ['with SSLCertificateChainFile', true],
    ['without it (the leaf alone)', false],
  ])('%s', async (_name, chainFile) => {
    const server = await startHttpd({
      config: [
        'Listen 127.0.0.1:@PORT@',
        '<VirtualHost *:@PORT@>',
        '  ServerName web',
        '  SSLEngine on',
        ...certificateLines('@DIR@', chainFile),
        '</VirtualHost>',
        '',
      ].join('\n'),
      files: { 'web.crt': site.pem, 'web.key': site.keyPem, 'intermediate.crt': intermediate.pem },
    });
    let verified: boolean;
    try {
      verified = verifiesWithRootOnly(server.port);
    } finally {
      await server.stop();
    }
    const rules = predictedRules(chainFile);
    expect({ verified, incompleteChainPredicted: rules.includes('tls/incomplete-chain') }).toEqual({
      verified: chainFile,
      incompleteChainPredicted: !chainFile,
    });
  });
});
