import { secretMasker } from '../../src/engine/redact';
import type { ParsedDocument } from '../../src/parse/types';
import { parseProperties } from '../../src/parse/properties';

const doc = (text: string) => ({ ...parseProperties(text), file: { path: '/x', text, hadBom: false }, kind: 'x', data: undefined }) as ParsedDocument;

describe('secretMasker', () => {
  const mask = secretMasker([doc('keyStorePassword=admin\ntrustStorePassword=only\napi.secret=Very$Long.Secret(1)\nplain=admin\nenabled=true\n')]);

  it('masks short secrets as whole tokens, keeping ordinary words', () => {
    expect(mask('an administrator may allow only TLSv1.2')).toBe('an administrator may allow *** TLSv1.2');
    expect(mask("password 'admin' is weak")).toBe("password '***' is weak");
  });

  it('masks long secrets anywhere, regex characters included', () => {
    expect(mask('url=https://u:Very$Long.Secret(1)@host')).toBe('url=https://u:***@host');
  });

  it('leaves harmless values alone', () => {
    expect(mask('enabled is true')).toBe('enabled is true');
  });
});
