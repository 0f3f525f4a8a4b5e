import { ours, renderPhrase, said } from '../../src/core/phrase';

describe('phrases: our words are never masked, the tree values inside them are', () => {
  // A mask that hides the word `only`, as the masker does when some password of the tree is `only`.
  const mask = (text: string) => text.replace(/\bonly\b/g, '***');

  it.each([
    ['a string value is the tree text, masked whole', 'only', '***'],
    ['a number is written as it is', 8009, '8009'],
    ['our words are kept', ours('the loopback address only'), 'the loopback address only'],
    ['a said template keeps its words and masks its values', said`only ${'only'} here`, 'only *** here'],
    [
      'a phrase inside a phrase keeps its words',
      said`on ${ours('the loopback address only')}`,
      'on the loopback address only',
    ],
    ['an absent value reads as a template writes it', said`port ${undefined}`, 'port undefined'],
  ])('%s', (_name, value, expected) => expect(renderPhrase(value, mask)).toBe(expected));

  it('refuses to become a string unrendered (its values would go unmasked)', () => {
    expect(() => `${said`x ${'only'}`}`).toThrow(/renderPhrase/);
  });
});
