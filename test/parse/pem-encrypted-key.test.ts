import { parsePem } from '../../src/parse/pem';

const parse = (text: string) => parsePem({ path: '/x/key.pem', text, hadBom: false }, 'pem.private-key');

// `openssl ec -aes256` (OpenSSL 3.0.19) writes the legacy encrypted form: a `Proc-Type: 4,ENCRYPTED` header and a
// `DEK-Info` line inside an `EC PRIVATE KEY` block; `openssl ec -passin` reads it back with its passphrase.
// brotherhui/18-practice-ssl-2way@44e5013975bb keys_chain/private/*.key.pem hold RSA keys of that form (`openssl genrsa -aes256`).
const LEGACY_ENCRYPTED = `-----BEGIN EC PRIVATE KEY-----
Proc-Type: 4,ENCRYPTED
DEK-Info: AES-256-CBC,DC16FD6DD883B222D5FB75AF0A090F6A

EKRyEk4zfaXKYxuGTU6P1AfYaKc/dvxc7npbPn4i6ZYVmECv+TnIfJh9Ra1KtT1J
aGTfPz1QOY522s5EPLk0DF/HhIsLupUg8HvWZILHsB9q71HQlvBdc2UJIMEiURK/
gcmxWDcskuKqrLCASPxdl9i3uLqif7jhbS5vqm+XeaM=
-----END EC PRIVATE KEY-----
`;

describe('private key blocks', () => {
  it('a passphrase-protected key in the legacy OpenSSL form is a key, not an unreadable block', () => {
    const doc = parse(LEGACY_ENCRYPTED);
    expect(doc.problems).toEqual([]);
    expect(doc.data.privateKeys).toEqual([expect.objectContaining({ publicKeySha256: undefined })]);
  });

  it('a PKCS#8 encrypted key (ENCRYPTED PRIVATE KEY) is a key too', () => {
    const doc = parse(
      '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG\n-----END ENCRYPTED PRIVATE KEY-----\n',
    );
    expect(doc.problems).toEqual([]);
    expect(doc.data.privateKeys).toHaveLength(1);
  });

  it('a damaged unencrypted key is still reported', () => {
    const doc = parse('-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n');
    expect(doc.problems).toEqual([expect.objectContaining({ code: 'pem-invalid-key', severity: 'warning' })]);
  });
});
