import { ours, renderPhrase, said } from '../../src/core/phrase';
import { secretMasker } from '../../src/engine/run/redact';
import { parseProperties } from '../../src/parse/properties';
import type { ParsedDocument } from '../../src/parse/types';
import { lintTree } from './lint-helper';

// A Spring mTLS demo whose store passwords are `client` and `server` (timsazon/two-way-ssl) read "(*** authentication
// required)", "Empty *** certificate chain" and "its HTTP ***": our words given to a message as plain strings were
// masked as the tree's values, which garbled the message and told the password. Our words are Phrases now; a value of
// the tree inside them is still masked.

const WORDS = ['client', 'server', 'HTTPS', 'certificate', 'required'];

/** A back end that needs a client certificate, called by a front end whose own settings are `front`. */
const tree = (password: string, front: string[]) => ({
  'docker-compose.yml': 'services:\n  front:\n    build: ./front\n  back:\n    build: ./back\n',
  'back/Dockerfile':
    'FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app.jar\nENTRYPOINT ["java","-jar","/app.jar"]\n',
  'front/Dockerfile':
    'FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app.jar\nENTRYPOINT ["java","-jar","/app.jar"]\n',
  'back/src/main/resources/application.yaml': [
    'server:',
    '  port: 8443',
    '  ssl:',
    '    enabled: true',
    '    client-auth: need',
    '    key-store: classpath:back.p12',
    `    key-store-password: ${password}`,
    '    trust-store: classpath:back.p12',
    `    trust-store-password: ${password}`,
    '',
  ].join('\n'),
  'front/src/main/resources/application.yaml': ['backend:', '  url: https://back:8443', ...front, ''].join('\n'),
});

const NO_KEY = ['server:', '  ssl:', '    trust-store: classpath:front.p12', '    trust-store-password: PASSWORD'];
const OWN_SERVER_KEY = [
  'server:',
  '  ssl:',
  '    enabled: false',
  '    key-store: classpath:front.p12',
  '    key-store-password: PASSWORD',
];

describe('a password that is a word of the message: the message keeps its words', () => {
  it.each(WORDS)('password %s, a client without a key store: tls/client-certificate-required', (password) => {
    const front = NO_KEY.map((line) => line.replace('PASSWORD', password));
    const { findings } = lintTree(tree(password, front), { builtIn: ['tls/client-certificate-required'] });
    const [finding] = findings.filter((f) => f.ruleId === 'tls/client-certificate-required');
    expect(finding?.message).toContain('requires a client certificate (client authentication required)');
    expect(finding?.message).toContain('it logs "Empty client certificate chain" and sends bad_certificate');
    expect(finding?.message).not.toContain('***');
  });

  it.each(WORDS)('password %s, a client with its own HTTPS key store: tls/certificate-trust-unknown', (password) => {
    const front = OWN_SERVER_KEY.map((line) => line.replace('PASSWORD', password));
    const { findings } = lintTree(tree(password, front), { builtIn: ['tls/certificate-trust-unknown'] });
    const [finding] = findings.filter((f) => f.ruleId === 'tls/certificate-trust-unknown');
    expect(finding?.message).toContain(
      'names the key store of its own HTTPS server (server.ssl.enabled is false: that server does not use it), which its code can also give its HTTP client',
    );
    expect(finding?.message).not.toContain('***');
  });
});

describe('a value of the tree equal to the password, inside our words: still masked', () => {
  const doc = (password: string) => {
    const text = `store.password=${password}\n`;
    return { ...parseProperties(text), file: { path: '/t/app.properties', text, hadBom: false } } as ParsedDocument;
  };
  it.each(WORDS)('password %s', (password) => {
    const mask = secretMasker([doc(password)]);
    expect(renderPhrase(said`which key ${password} presents: client authentication required`, mask)).toBe(
      'which key *** presents: client authentication required',
    );
    expect(renderPhrase(ours(`Empty ${password} chain`), mask)).toBe(`Empty ${password} chain`);
    // A plain string is the tree's: masked where the password stands alone.
    expect(renderPhrase(`the ${password} store`, mask)).toBe('the *** store');
  });
});
