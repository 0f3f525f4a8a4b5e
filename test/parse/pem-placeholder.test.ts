import * as fs from 'node:fs';
import * as path from 'node:path';
import { readDocuments } from '../../src/engine/run/read';
import { parsePem } from '../../src/parse/pem';
import { problemMessage } from '../../src/parse/types';
import { writeTree } from '../helpers/rule-tester';

const problemsOf = (text: string) => parsePem({ path: '/x/cert.pem', text, hadBom: false }).problems;

describe('certificate blocks that hold placeholder text', () => {
  it.each([
    [
      'words',
      '-----BEGIN CERTIFICATE-----\nthis is a test certificate\n-----END CERTIFICATE-----\n',
      "'this is a test certificate'",
    ],
    [
      'an escaped one-line block',
      '-----BEGIN CERTIFICATE-----\\n<<certificate content>>\\n-----END CERTIFICATE-----\n',
      "'<<certificate content>>'",
    ],
    ['an empty block', '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n', 'no text'],
    [
      // sreymja/mtls-proxy@cd5cd09 test.crt: the start of a key's base64 and '...' (no base64 character): an elision.
      'base64 cut off with an ellipsis',
      '-----BEGIN CERTIFICATE-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA...\n-----END CERTIFICATE-----\n',
      "'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKC…'",
    ],
    [
      'a Unicode ellipsis between base64 lines',
      '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n…\nRTESMBAGA1UEChMJQmFsdGltb3Jl\n-----END CERTIFICATE-----\n',
      "'MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0B…'",
    ],
    [
      // pramodksahoo/keycloak-on-kubernetes@1859a19 certs/server.crt.pem (no licence; shape only): the start of a
      // certificate's base64, then a line of words where the rest should be.
      'a line of words after some base64',
      '-----BEGIN CERTIFICATE-----\nMIIDQjCCAioCCQDkOewEIo7hZDANBgkqhkiG9w0BAQsFADBjMQswCQYDVQQGEwJV\nNeed to place here the cert file\n-----END CERTIFICATE-----\n',
      "'Need to place here the cert file'",
    ],
  ])('%s: an info naming the text, no error', (_name, text, shown) => {
    const problems = problemsOf(text);
    expect(problems).toEqual([expect.objectContaining({ code: 'pem-placeholder', severity: 'info' })]);
    expect(problemMessage(problems[0]!)).toContain(shown);
  });

  it.each([
    // yurpetr/nps@a7ee3c1 docker/conf.example/private.key (no licence; shape only): beside a certificate.crt holding the same word.
    [
      'words (yurpetr/nps shape)',
      '-----BEGIN PRIVATE KEY-----\nblahblahblah\n-----END PRIVATE KEY-----\n',
      'text that is not base64',
    ],
    ['an empty RSA key block', '-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----\n', 'no text'],
    [
      'base64 elided with an ellipsis',
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7...\n-----END PRIVATE KEY-----\n',
      'base64 elided with an ellipsis',
    ],
  ])('a private key block holding %s: an info that quotes none of it', (_name, text, shown) => {
    const problems = parsePem({ path: '/x/private.key', text, hadBom: false }, 'pem.private-key').problems;
    expect(problems).toEqual([expect.objectContaining({ code: 'pem-placeholder', severity: 'info' })]);
    const message = problemMessage(problems[0]!);
    expect(message).toContain(`(${shown})`);
    expect(message).not.toMatch(/blah|MIIE/);
  });

  it('a damaged private key (base64 cut short) is still a warning', () => {
    const text =
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n';
    expect(parsePem({ path: '/x/private.key', text, hadBom: false }, 'pem.private-key').problems).toEqual([
      expect.objectContaining({ code: 'pem-invalid-key', severity: 'warning' }),
    ]);
  });

  it('a damaged certificate (base64 cut short) is still an error', () => {
    const text =
      '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\nRTESMBAGA1UEChMJQmFsdGltb3Jl\n-----END CERTIFICATE-----\n';
    expect(problemsOf(text)).toEqual([expect.objectContaining({ code: 'pem-invalid-certificate', severity: 'error' })]);
  });

  it('in the values of a Helm chart test (pegasystems/pega-helm-charts shape): info, not a certificate error', () => {
    // pegasystems/pega-helm-charts@c383eadf (Apache-2.0) terratest/src/test/pega/data/values_with_artifactory_cert.yaml
    const root = writeTree({
      'terratest/data/values_with_cert.yaml':
        '---\nglobal:\n  customArtifactory:\n    enableSSLVerification: true\n    certificate:\n      self-signed-certificate.cer: |\n        -----BEGIN CERTIFICATE-----\n        certificate content\n        -----END CERTIFICATE-------\n',
    });
    try {
      const { documents } = readDocuments([path.join(root, 'terratest/data/values_with_cert.yaml')]);
      const problems = documents.flatMap((d) => d.problems);
      expect(problems).toEqual([expect.objectContaining({ code: 'pem-placeholder', severity: 'info' })]);
      expect(problems[0]!.range.start.line).toBe(6);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
