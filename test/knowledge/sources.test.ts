/**
 * Every fact in the knowledge data cites a public address (a JDK source at a tag, a bug or pull request,
 * vendor documentation, a registry), never a file outside this repository.
 */
import * as fs from 'fs';
import * as path from 'path';

const DATA = path.join(__dirname, '..', '..', 'src', 'knowledge', 'data');

function sources(value: unknown, at: string, out: { at: string; text: string }[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => sources(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (/source$/i.test(key) && typeof v === 'string') out.push({ at: `${at}.${key}`, text: v });
      else sources(v, `${at}.${key}`, out);
    }
  }
}

describe('knowledge sources', () => {
  for (const file of fs.readdirSync(DATA).filter((f) => f.endsWith('.json'))) {
    it(`${file}: every source names a public address and no file outside the repository`, () => {
      const found: { at: string; text: string }[] = [];
      sources(JSON.parse(fs.readFileSync(path.join(DATA, file), 'utf8')), file, found);
      expect(found.length).toBeGreaterThan(0);
      const bad = found.filter(
        (s) => !/https:\/\/\S+/.test(s.text) || /shared\/(research|corpus)|\/work\//.test(s.text),
      );
      expect(bad).toEqual([]);
    });
  }
});
