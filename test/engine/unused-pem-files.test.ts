/**
 * A damaged PEM block fails only what loads the file (src/engine/run/unused-pem-files.ts). Shaped like
 * square/keywhiz@52e77fd (Apache-2.0): `server/src/test/resources/certificates/truncated.crt`, cut short on purpose
 * for a parser test and named by no configuration, made the whole run exit 1.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { leaf } from '../helpers/pki';
import { writeTree } from '../helpers/rule-tester';

const TRUNCATED_CERT =
  '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\nRTESMBAGA1UEChMJQmFsdGltb3Jl\n-----END CERTIFICATE-----\n';
const TRUNCATED_KEY =
  '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n';

const DAMAGED = new Set([
  'parse/pem-invalid-certificate',
  'parse/pem-invalid-key',
  'parse/pem-encoding',
  'parse/keystore-invalid',
]);

function damaged(files: Record<string, string | Buffer>) {
  const root = writeTree(files);
  try {
    return lint({ paths: [root], cwd: root, config: defaultConfig(root) })
      .findings.filter((f) => DAMAGED.has(f.ruleId))
      .map((f) => ({
        file: path.relative(root, f.location.file).split(path.sep).join('/'),
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
      }));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

describe('damaged PEM files', () => {
  it.each([
    ['a test fixture no configuration names', 'server/src/test/resources/certificates/truncated.crt', TRUNCATED_CERT],
    ['a key file no configuration names', 'certs/old.key', TRUNCATED_KEY],
  ])('%s: info, saying nothing uses it', (_, file, text) => {
    const found = damaged({ [file]: text, 'nginx/nginx.conf': 'events {}\nhttp { server { listen 80; } }\n' });
    expect(found).toEqual([expect.objectContaining({ file, severity: 'info' })]);
    expect(found[0]!.message).toContain(
      `No server, client or store setting lint-deploy models in this deployment names ${path.basename(file)}`,
    );
  });

  it('named by an nginx server: the error stays (nginx does not start)', () => {
    const found = damaged({
      'nginx/nginx.conf':
        'events {}\nhttp { server { listen 443 ssl; ssl_certificate /etc/nginx/certs/site.crt; ssl_certificate_key /etc/nginx/certs/site.key; } }\n',
      'nginx/certs/site.crt': TRUNCATED_CERT,
    });
    expect(found).toEqual([
      expect.objectContaining({
        file: 'nginx/certs/site.crt',
        ruleId: 'parse/pem-invalid-certificate',
        severity: 'error',
      }),
    ]);
    expect(found[0]!.message).not.toContain('lint-deploy models');
  });
});

// xipki/xipki@10c3450 (Apache-2.0) commits 18 empty assemblies/xipki-qa/…/qa/p12/<curve>/cab-*.p12 that its QA script
// writes over: 18 warnings on files nothing names.
describe('key stores a runtime cannot load', () => {
  it('an empty store no configuration names: info, saying nothing uses it', () => {
    const file = 'qa/p12/ED25519/cab-domain-validated1.p12';
    const found = damaged({ [file]: '', 'tomcat/conf/server.xml': '<Server><Service name="C"/></Server>\n' });
    expect(found).toEqual([expect.objectContaining({ file, ruleId: 'parse/keystore-invalid', severity: 'info' })]);
    expect(found[0]!.message).toContain(
      'No server, client or store setting lint-deploy models in this deployment names cab-domain-validated1.p12',
    );
  });

  it('an empty store a Tomcat connector loads: the warning stays', () => {
    const found = damaged({
      'tomcat/conf/server.xml':
        '<Server><Service name="C"><Connector port="8443" SSLEnabled="true"><SSLHostConfig><Certificate certificateKeystoreFile="conf/key.p12" certificateKeystorePassword="x" type="RSA"/></SSLHostConfig></Connector></Service></Server>\n',
      'tomcat/conf/key.p12': '',
    });
    expect(found).toEqual([
      expect.objectContaining({ file: 'tomcat/conf/key.p12', ruleId: 'parse/keystore-invalid', severity: 'warning' }),
    ]);
  });
});

// Measured on Debian 12 with a UTF-16 LE certificate (FF FE, then the text): nginx 1.22.1 refuses it
// (`PEM_read_bio_X509_AUX() failed (... no start line ...)`), so do HAProxy 2.6.12, httpd 2.4.71, keytool and Tomcat's PEMFile.
describe('PEM files saved as UTF-16', () => {
  const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const site = leaf('www.example.com');
  const nginx = {
    'nginx/nginx.conf':
      'events {}\nhttp { server { listen 443 ssl; ssl_certificate /etc/nginx/certs/site.crt; ssl_certificate_key /etc/nginx/certs/site.key; } }\n',
    'nginx/certs/site.key': site.keyPem,
  };

  it('named by an nginx server: an error, its certificate not read', () => {
    const found = damaged({ ...nginx, 'nginx/certs/site.crt': utf16(site.pem) });
    expect(found).toEqual([
      expect.objectContaining({ file: 'nginx/certs/site.crt', ruleId: 'parse/pem-encoding', severity: 'error' }),
    ]);
    expect(found[0]!.message).toContain('UTF-16 byte order mark \\xff\\xfe');
  });

  it('named by nothing: an info', () => {
    const found = damaged({ ...nginx, 'nginx/certs/site.crt': site.pem, 'old/site.crt': utf16(site.pem) });
    expect(found).toEqual([
      expect.objectContaining({ file: 'old/site.crt', ruleId: 'parse/pem-encoding', severity: 'info' }),
    ]);
  });
});
