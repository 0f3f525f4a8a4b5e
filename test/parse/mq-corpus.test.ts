import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyFile } from '../../src/parse/registry';

/**
 * Every real MQ / WebSphere / Liberty file of the corpus parses without a crash and without a false error
 * (test/fixtures/corpus: public files, origin, commit and licence of each in its MANIFEST.tsv).
 */
const CORPUS = path.resolve(__dirname, '../fixtures/corpus');
const DIRS = ['mqsc', 'ccdt', 'ini', 'liberty', 'websphere'];

const files = DIRS.flatMap((d) => fs.readdirSync(path.join(CORPUS, d)).map((f) => [d, f] as const));
/** The one deliberate problem in the corpus: a trailing comma IBM's own sample carries (a warning, not an error). */
const EXPECTED: Record<string, string[]> = {
  'bdsaen__mqtoolbox__MQSamples__AMQCLCHL_QMGR1_SSL.JSON': ['json-trailing-comma'],
};

describe('MQ/WAS/Liberty corpus', () => {
  it.each(files)('%s/%s', (dir, name) => {
    const file = path.join(CORPUS, dir, name);
    let text = fs.readFileSync(file, 'utf8');
    const hadBom = text.charCodeAt(0) === 0xfeff;
    if (hadBom) text = text.slice(1);
    const classified = classifyFile(file, text.slice(0, 4096));
    expect(classified?.kind).toMatch(dir === 'liberty' ? /^liberty\./ : dir === 'websphere' ? /^was\./ : /^mq\./);
    const doc = classified!.handler.parse({ path: file, text, hadBom }, classified!.kind);
    expect(doc.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(doc.problems.map((p) => p.code)).toEqual(EXPECTED[name] ?? []);
  });
});
