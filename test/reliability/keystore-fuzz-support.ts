/**
 * Fuzzing the binary key store readers (src/parse/keystore): byte-level mutations of real stores
 * (test/fixtures/keystores: keytool- and OpenSSL-made, Apache Tomcat's, IBM Stock Trader's, IBM MQ Helm's CMS key
 * databases) and random
 * bytes behind each magic number. Shared by the fast tier (fuzz.test.ts) and `npm run fuzz`.
 * Property: classification and parsing never throw; every problem is well formed; the same bytes give
 * the same result; opening with a configured password never throws either.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { keystoreFormat } from '../../src/parse/keystore/format';
import { unlockStores } from '../../src/parse/keystore/unlock';
import type { ParsedDocument } from '../../src/parse/types';

/** Beside this file under jest; from the repository root when bundled by `npm run fuzz`. */
const STORES =
  [path.resolve(__dirname, '../fixtures/keystores'), path.resolve('test/fixtures/keystores')].find((dir) =>
    fs.existsSync(dir),
  ) ?? '';

export interface StoreSeed {
  name: string;
  bytes: Buffer;
}

export function storeSeeds(): StoreSeed[] {
  const out: StoreSeed[] = [];
  for (const dir of fs.readdirSync(STORES, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const file of fs.readdirSync(path.join(STORES, dir.name))) {
      if (/\.(jks|jceks|p12|kdb)$/.test(file))
        out.push({ name: `${dir.name}/${file}`, bytes: fs.readFileSync(path.join(STORES, dir.name, file)) });
    }
  }
  return out;
}

type ByteEdit = {
  op: 'flip' | 'set' | 'truncate' | 'insert' | 'delete' | 'u32';
  at: number;
  value: number;
  length: number;
};
const byteEdit: fc.Arbitrary<ByteEdit> = fc.record({
  op: fc.constantFrom('flip', 'set', 'truncate', 'insert', 'delete', 'u32'),
  at: fc.nat(),
  value: fc.nat({ max: 0xffffffff }),
  length: fc.nat({ max: 64 }),
});

function applyByteEdit(bytes: Buffer, e: ByteEdit): Buffer {
  if (bytes.length === 0) return bytes;
  const at = e.at % bytes.length;
  const out = Buffer.from(bytes);
  switch (e.op) {
    case 'flip':
      out[at] ^= 1 << e.value % 8;
      return out;
    case 'set':
      out[at] = e.value & 0xff;
      return out;
    case 'truncate':
      return out.subarray(0, at);
    case 'insert':
      return Buffer.concat([out.subarray(0, at), Buffer.alloc(e.length, e.value & 0xff), out.subarray(at)]);
    case 'delete':
      return Buffer.concat([out.subarray(0, at), out.subarray(at + e.length)]);
    case 'u32':
      // Length and count fields are where readers go wrong: write a 32-bit value anywhere.
      if (at + 4 <= out.length) out.writeUInt32BE(e.value >>> 0, at);
      return out;
  }
}

/** A seed store with a few byte edits (named as the seed, so it is classified as that kind). */
export function arbitraryStoreMutation(seeds: StoreSeed[]): fc.Arbitrary<StoreSeed> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(byteEdit, { minLength: 1, maxLength: 5 }))
    .map(([seed, edits]) => ({ name: seed.name, bytes: edits.reduce(applyByteEdit, seed.bytes) }));
}

/** Random bytes behind a JKS/JCEKS magic or a PFX header. */
export const arbitraryStoreNoise: fc.Arbitrary<StoreSeed> = fc
  .tuple(
    fc.constantFrom(
      ['x.jks', 'feedfeed00000002'],
      ['x.jceks', 'cececece00000002'],
      ['x.p12', '3082'],
      ['x.p12', '308000'],
      ['x.kdb', ''],
      // A CMS key database's header (v4, record length 5000, count 1): the reader checks the rest.
      ['x.kdb', '3748040200000000583530394b455900000013880000000100'],
    ),
    fc.uint8Array({ maxLength: 300 }),
  )
  .map(([[name, head], rest]) => ({ name, bytes: Buffer.concat([Buffer.from(head, 'hex'), Buffer.from(rest)]) }));

/** Parses the bytes as a store: never throws, problems well formed, deterministic; opening with a configured password never throws. */
export function checkStoreParse(seed: StoreSeed): void {
  const file = `/fuzz/${seed.name}`;
  const kind = keystoreFormat.classifyBytes?.(file, seed.bytes);
  if (!kind) return;
  const parse = () => keystoreFormat.parse({ path: file, text: '', hadBom: false, bytes: seed.bytes }, kind);
  let doc: ParsedDocument;
  try {
    doc = parse();
    const config: ParsedDocument = {
      file: { path: '/fuzz/jvm.options', text: '', hadBom: false },
      kind: 'java.jvm-options',
      entries: [
        {
          key: '-Djavax.net.ssl.keyStore',
          value: path.basename(file),
          secret: false,
          keyRange: ZERO,
          valueRange: ZERO,
        },
        {
          key: '-Djavax.net.ssl.keyStorePassword',
          value: 'Pk12-planted-Zq9',
          secret: true,
          keyRange: ZERO,
          valueRange: ZERO,
        },
      ],
      comments: [],
      problems: [],
      data: {},
    };
    unlockStores([doc, config]);
  } catch (error) {
    throw new Error(
      `keystore reader threw on ${seed.name} (${seed.bytes.length} bytes, ${seed.bytes.subarray(0, 48).toString('hex')}…): ${(error as Error).stack}`,
    );
  }
  for (const p of doc.problems) {
    if (!/^[a-z0-9-]+$/.test(p.code) || !p.message || p.range.start.line !== 0 || p.range.start.character !== 0)
      throw new Error(`malformed problem ${JSON.stringify(p)} on ${seed.name}`);
  }
  const strip = (d: ParsedDocument) => JSON.stringify({ problems: d.problems, data: d.data });
  if (strip(doc) !== strip(parse())) throw new Error(`keystore reader is not deterministic on ${seed.name}`);
}

const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
