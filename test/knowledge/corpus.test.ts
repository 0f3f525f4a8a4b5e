import * as fs from 'fs';
import * as path from 'path';
import { jdkProfile, parseJavaVersion, splitAlgorithmList, vendorFromRelease } from '../../src/knowledge';
import { parseProperties } from '../../src/parse/properties';

/** Real public files: origin, commit and licence of each in test/fixtures/corpus/MANIFEST.tsv. */
const corpus = path.resolve(__dirname, '../fixtures/corpus');

interface ManifestLine {
  kind: string;
  repo: string;
  file: string;
  note: string;
}

function manifest(): ManifestLine[] {
  const [header, ...lines] = fs.readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8').split('\n').filter(Boolean);
  const cols = header.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    const at = (name: string) => cells[cols.indexOf(name)] ?? '';
    return { kind: at('kind'), repo: at('repo'), file: at('file'), note: at('note') };
  });
}

const property = (text: string, key: string) =>
  parseProperties(text)
    .entries.filter((e) => e.key === key)
    .pop()?.value;

/** The version a java.security stands for: its `@tag` suffix, else the paired release file of the same repository. */
function versionOf(
  line: ManifestLine,
  lines: ManifestLine[],
): { raw: string; fields?: Record<string, string> } | undefined {
  const tag = /@(.+)$/.exec(line.file)?.[1];
  // after-8211883: the commit that went into 8u201 (JDK-8211883); the tag name carries no version.
  if (tag === 'after-8211883') return { raw: '8u201' };
  if (tag) return { raw: tag };
  const release = lines.find((l) => l.kind === 'jdk-release' && l.repo === line.repo);
  if (!release) return undefined;
  const text = fs.readFileSync(path.join(corpus, release.file), 'utf8');
  const fields: Record<string, string> = {};
  for (const entry of parseProperties(text).entries) fields[entry.key] = entry.value.replace(/^"|"$/g, '');
  return { raw: fields.JAVA_VERSION, fields };
}

describe('corpus java.security files agree with the JDK dataset', () => {
  const lines = manifest();
  const files = lines.filter((l) => l.kind === 'java.security');

  test('the corpus has java.security files', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  test.each(files.map((f) => [path.basename(f.file), f] as const))('%s', (_name, line) => {
    const version = versionOf(line, lines);
    expect(version).toBeDefined();
    const parsed = parseJavaVersion(version!.raw);
    expect(parsed).toBeDefined();
    const vendor = version!.fields ? vendorFromRelease(version!.fields) : 'openjdk';
    const profile = jdkProfile(vendor, parsed!);
    expect(profile).toBeDefined();
    const text = fs.readFileSync(path.join(corpus, line.file), 'utf8');
    const value = property(text, 'jdk.tls.disabledAlgorithms');
    expect({ version: version!.raw, tls: value === undefined ? [] : splitAlgorithmList(value) }).toEqual({
      version: version!.raw,
      tls: profile!.tlsDisabledAlgorithms.value,
    });
    const certpath = property(text, 'jdk.certpath.disabledAlgorithms');
    if (certpath !== undefined) expect(splitAlgorithmList(certpath)).toEqual(profile!.certpathDisabledAlgorithms.value);
  });
});
