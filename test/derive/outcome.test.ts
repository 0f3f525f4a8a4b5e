/** The derive stage's link outcomes: the server key from the certificate it presents, and unknown when an input is missing. */
import * as fs from 'node:fs';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import type { LinkOutcome } from '../../src/handshake/types';
import { certFile } from '../rules/cert/cert-files';
import { javaClient, nginx } from '../rules/tls/trees';
import { writeTree, type Tree } from '../helpers/rule-tester';

const RSA = certFile('api-san.crt');
const ECDSA = certFile('api-ec256.crt');
const TLS12 = '-Djdk.tls.client.protocols=TLSv1.2';
const OFFER_ECDSA = '-Djdk.tls.client.cipherSuites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256';
const OFFER_RSA = '-Djdk.tls.client.cipherSuites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256';
const BOTH_SUITES = 'ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256;';

function run(files: Tree) {
  const root = writeTree(files);
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    const deployment = result.deployments[0];
    const outcomes: LinkOutcome[] = deployment ? deployment.derived.predictions.map((p) => p.outcome) : [];
    return { outcomes, errors: result.findings.filter((f) => f.severity === 'error'), findings: result.findings };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const nginxWith = (certs: Record<string, string>, client: string) => ({
  ...javaClient([TLS12, client]),
  'api/nginx.conf': nginx(
    'ssl_protocols TLSv1.2;',
    BOTH_SUITES,
    ...Object.keys(certs).map((f) => `ssl_certificate /etc/nginx/${f}; ssl_certificate_key /etc/nginx/${f}.key;`),
  ),
  ...Object.fromEntries(Object.entries(certs).map(([f, pem]) => [`api/${f}`, pem])),
});

const tomcatWith = (certificates: string[], client: string, extra: Tree = {}) => ({
  ...javaClient([TLS12, client]),
  'api/jdk/release': 'JAVA_VERSION="17.0.15"\nIMPLEMENTOR="Eclipse Adoptium"\n',
  'api/conf/server.xml': `<Server port="8005"><Service name="C">\n<Connector port="8443" SSLEnabled="true"><SSLHostConfig protocols="TLSv1.2">${certificates.join('')}</SSLHostConfig></Connector>\n</Service></Server>\n`,
  ...extra,
});

describe('server key type from the certificate presented', () => {
  it.each([
    [
      'nginx ECDSA certificate, client offers ECDSA suites',
      nginxWith({ 'ssl/ec.crt': ECDSA }, OFFER_ECDSA),
      { kind: 'negotiates', cipherSuite: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256' },
    ],
    [
      'nginx ECDSA certificate, client offers RSA suites only',
      nginxWith({ 'ssl/ec.crt': ECDSA }, OFFER_RSA),
      { kind: 'fails', reason: 'no-cipher-for-certificate' },
    ],
    [
      'nginx RSA certificate, client offers ECDSA suites only',
      nginxWith({ 'ssl/rsa.crt': RSA }, OFFER_ECDSA),
      { kind: 'fails', reason: 'no-cipher-for-certificate' },
    ],
    [
      'nginx RSA certificate, client offers RSA suites',
      nginxWith({ 'ssl/rsa.crt': RSA }, OFFER_RSA),
      { kind: 'negotiates', cipherSuite: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' },
    ],
    [
      'nginx RSA + ECDSA, client offers RSA suites',
      nginxWith({ 'ssl/rsa.crt': RSA, 'ssl/ec.crt': ECDSA }, OFFER_RSA),
      { kind: 'negotiates', cipherSuite: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' },
    ],
    [
      'nginx RSA + ECDSA, client offers ECDSA suites',
      nginxWith({ 'ssl/rsa.crt': RSA, 'ssl/ec.crt': ECDSA }, OFFER_ECDSA),
      { kind: 'negotiates', cipherSuite: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256' },
    ],
    [
      'Tomcat certificateFile with an ECDSA PEM in the tree',
      tomcatWith(['<Certificate certificateFile="conf/ec.crt" certificateKeyFile="conf/ec.key"/>'], OFFER_ECDSA, {
        'api/conf/ec.crt': ECDSA,
      }),
      { kind: 'negotiates', cipherSuite: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256' },
    ],
    [
      'Tomcat RSA + EC certificates (type declared, keystores not in the tree)',
      tomcatWith(
        [
          '<Certificate certificateKeystoreFile="conf/rsa.p12" type="RSA"/>',
          '<Certificate certificateKeystoreFile="conf/ec.p12" type="EC"/>',
        ],
        OFFER_ECDSA,
      ),
      { kind: 'negotiates', cipherSuite: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256' },
    ],
    [
      'Tomcat type="RSA", client offers ECDSA only',
      tomcatWith(['<Certificate certificateKeystoreFile="conf/rsa.p12" type="RSA"/>'], OFFER_ECDSA),
      { kind: 'fails', reason: 'no-cipher-for-certificate' },
    ],
  ])('%s', (_name, files, expected) => {
    const { outcomes } = run(files);
    expect(outcomes).toEqual([expect.objectContaining(expected)]);
  });

  it('a certificate outside the tree: unknown where RSA or ECDSA decides, and no error', () => {
    const { outcomes, errors } = run({
      ...javaClient([TLS12, OFFER_ECDSA]),
      'api/nginx.conf': nginx(
        'ssl_protocols TLSv1.2;',
        BOTH_SUITES,
        'ssl_certificate /etc/nginx/ssl/api.crt;',
        'ssl_certificate_key /etc/nginx/ssl/api.key;',
      ),
    });
    expect(outcomes).toEqual([
      { kind: 'unknown', missing: [expect.stringContaining('/etc/nginx/ssl/api.crt is not in the tree')] },
    ]);
    expect(errors).toEqual([]);
  });

  it('a Tomcat certificate without a declared type outside the tree: unknown', () => {
    const { outcomes } = run(tomcatWith(['<Certificate certificateKeystoreFile="conf/api.p12"/>'], OFFER_ECDSA));
    expect(outcomes.map((o) => o.kind)).toEqual(['unknown']);
  });
});

describe('missing inputs give unknown, never an error', () => {
  it('ClearTrust auth with no JDK: every link unknown, no error finding, one info per link', () => {
    const { outcomes, errors, findings } = run({
      'authz/aserver.conf': 'cleartrust.net.ssl.use=auth\n',
      'es/eserver.conf': 'cleartrust.net.ssl.use=auth\n',
      'disp/dispatcher.conf': 'cleartrust.net.ssl.use=auth\n',
    });
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.every((o) => o.kind === 'unknown')).toBe(true);
    expect(errors).toEqual([]);
    const infos = findings.filter((f) => f.ruleId === 'tls/link-outcome-unknown');
    expect(infos).toHaveLength(outcomes.length);
    expect(infos.every((f) => f.severity === 'info' && f.outcome === 'unknown')).toBe(true);
  });

  it.each(['1.5.0_22', '1.6.0_211', '28.0.1', '28'])('JDK %s (no profile): unknown naming the version', (version) => {
    const { outcomes, errors } = run({
      ...javaClient([TLS12, OFFER_ECDSA], `JAVA_VERSION="${version}"\n`),
      'api/nginx.conf': nginx(
        'ssl_protocols TLSv1.2;',
        'ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256;',
        'ssl_certificate /etc/nginx/ssl/rsa.crt;',
        'ssl_certificate_key /etc/nginx/ssl/rsa.key;',
      ),
      'api/ssl/rsa.crt': RSA,
    });
    expect(outcomes).toEqual([{ kind: 'unknown', missing: [expect.stringContaining('no profile for')] }]);
    expect(errors).toEqual([]);
  });
});
