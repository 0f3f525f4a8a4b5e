/**
 * IBM CMS key databases (.kdb): src/parse/keystore/cms.ts and the store entries format.ts makes of them.
 * Real files: test/fixtures/keystores/mq-helm (ibm-messaging/mq-helm@a2b261f, Apache-2.0, made by runmqckm as the
 * repository's generate-test-cert.sh says). Other layouts and damaged files come from test/helpers/cms-kdb.ts, a
 * writer of the same layout.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { readCms } from '../../src/parse/keystore/cms';
import { keystoreFormat, parseKeystore, type KeystoreData } from '../../src/parse/keystore/format';
import type { ParsedDocument } from '../../src/parse/types';
import { cmsKeyDatabase } from '../helpers/cms-kdb';
import { ca, leaf } from '../helpers/pki';

const FIXTURES = path.join(__dirname, '../fixtures/keystores/mq-helm');
const sha256 = (der: Buffer) => createHash('sha256').update(der).digest('hex');

/** `openssl x509 -noout -fingerprint -sha256` of server.crt and application.crt beside the databases (same commit). */
const SERVER_CRT = 'd2952e2a6df8fd6314139db3fe6ae502711aee6704ade997f67647b20c23b458';
const APPLICATION_CRT = '135f5c2bcce2db153a45f6fd600de06e8e409f1fdafae3f3ffafc2e901c48827';

function parse(name: string, bytes: Buffer): ParsedDocument<KeystoreData> {
  const file = { path: `/x/${name}`, text: '', hadBom: false, bytes };
  return parseKeystore(file, keystoreFormat.classifyBytes?.(file.path, bytes) ?? 'none');
}

describe('IBM CMS key databases made by runmqckm (ibm-messaging/mq-helm)', () => {
  it.each([
    // generate-test-cert.sh: `-cert -add -file application.crt` (no -label: GSKit labels it by its DN), then
    // `-cert -import -file server.p12` (the p12's key has no friendly name: label "1").
    [
      'server.kdb',
      [
        ['signer', 'OU=app team1, CN=application1', APPLICATION_CRT],
        ['personal', '1', SERVER_CRT],
      ],
    ],
    // The same, with `-label 1 -new_label aceclient`.
    [
      'application.kdb',
      [
        ['signer', 'OU=ibm mq, CN=mq queuemanager', SERVER_CRT],
        ['personal', 'aceclient', APPLICATION_CRT],
      ],
    ],
  ])(
    '%s: every record, its label and the certificate openssl reads from the PEM file it was made from',
    (name, want) => {
      const read = readCms(fs.readFileSync(path.join(FIXTURES, name)));
      if (!read.ok) throw new Error(read.problem);
      expect(read.records.map((r) => [r.kind, r.label, sha256(r.certificate)])).toEqual(want);
    },
  );

  it('becomes a readable CMS store: signers are trusted entries, a personal certificate a key entry', () => {
    const doc = parse('server.kdb', fs.readFileSync(path.join(FIXTURES, 'server.kdb')));
    expect(doc.problems).toEqual([]);
    expect(doc.data).toMatchObject({ storeType: 'CMS', readable: true });
    expect(doc.data.entries.map((e) => [e.alias, e.entry, e.chain.map((c) => c.subjectText)])).toEqual([
      ['OU=app team1, CN=application1', 'trusted-cert', ['OU=app team1,CN=application1']],
      ['1', 'private-key', ['OU=ibm mq,CN=mq queuemanager']],
    ]);
    // Never a key, never the stash's password.
    expect(JSON.stringify(doc.data)).not.toMatch(/PRIVATE KEY|"password"/);
  });
});

describe('CMS key databases of the same layout, written by test/helpers/cms-kdb.ts', () => {
  const root = ca('Test Root');
  const server = leaf('qm1.example', root);

  it.each([3, 4] as const)(
    'version %d: a personal certificate is sent with the issuers found among the signers',
    (version) => {
      const bytes = cmsKeyDatabase(
        [
          { label: 'ibmwebspheremqqm1', kind: 'personal', certificate: server.der },
          { label: 'Test Root', kind: 'signer', certificate: root.der },
        ],
        version,
      );
      const doc = parse('key.kdb', bytes);
      expect(doc.problems).toEqual([]);
      expect(doc.data.entries.map((e) => [e.alias, e.entry, e.chain.map((c) => c.subjectText)])).toEqual([
        ['ibmwebspheremqqm1', 'private-key', ['CN=qm1.example', 'CN=Test Root']],
        ['Test Root', 'trusted-cert', ['CN=Test Root']],
      ]);
    },
  );

  it('an empty database (desamsett/bank@d02bdcc key.kdb: 80 bytes, no record) is read: it holds nothing', () => {
    const doc = parse('key.kdb', cmsKeyDatabase([], 3));
    expect(doc.problems).toEqual([]);
    expect(doc.data).toMatchObject({ readable: true, entries: [] });
  });

  const one = () => cmsKeyDatabase([{ label: 'a', kind: 'signer', certificate: root.der }]);
  it.each<[string, () => Buffer, string]>([
    // Kopites/Hubs@a8a1b88 key.kdb starts 03d9a29a and holds no certificate in clear.
    ['another layout (encrypted)', () => Buffer.from('03d9a29a65fb4bb503000000040003001345c042', 'hex'), 'its header'],
    ['a version not seen', () => Buffer.from([...one().subarray(0, 2), 5, ...one().subarray(3)]), 'its header'],
    ['a truncated file', () => one().subarray(0, 4000), 'its length does not match'],
    [
      'a record whose flags were never seen (its trust is unknown)',
      () => cmsKeyDatabase([{ label: 'a', kind: 'signer', certificate: root.der, flags: Buffer.from([0x07, 0x00]) }]),
      "a record's flags (0700) are unknown",
    ],
    [
      'a slot not in use',
      () => {
        const bytes = one();
        bytes.writeUInt32BE(0, 88);
        return bytes;
      },
      'record 1 is not in use',
    ],
    [
      'a record whose certificate is damaged',
      () => cmsKeyDatabase([{ label: 'a', kind: 'signer', certificate: root.der.subarray(0, 40) }]),
      'runs past',
    ],
  ])('%s: not read, and it says why (an info, never a throw)', (_name, bytes, why) => {
    const doc = parse('key.kdb', bytes());
    expect(doc.data).toMatchObject({ readable: false, entries: [] });
    expect(doc.problems).toEqual([expect.objectContaining({ code: 'keystore-not-read', severity: 'info' })]);
    expect(doc.problems[0]!.data?.problem).toContain(why);
  });
});

/**
 * The real key databases found in public repositories without a licence (evidence, not fixtures), compared with what
 * was recorded when they were read (/work/briefs/cms42.REPORT.md). Skipped where the files are absent: set
 * LINT_DEPLOY_KDB_SAMPLES to a directory holding them under these names.
 */
const SAMPLES = process.env.LINT_DEPLOY_KDB_SAMPLES ?? '/work/try/cms42/kdb';
const RECORDED: [string, string | number][] = [
  ['lchudinov+tls-examples/key.kdb', 19],
  ['alexandrezanetti+claro/key.kdb', 1],
  ['alexandrezanetti+claro/old/key.kdb', 1],
  ['desamsett+bank/key.kdb', 0],
  ['robert0714+vagrant_ihs_liberty_sticky-session/docker-compose-ihs/plugin-key.kdb', 1],
  ['robert0714+vagrant_ihs_liberty_sticky-session/ssl/ihsserverkey.kdb', 1],
  ['Kopites+Hubs/key.kdb', 'its header is not that of the CMS key databases lint-deploy reads'],
];
const present = RECORDED.filter(([file]) => fs.existsSync(path.join(SAMPLES, file)));
(present.length > 0 ? describe : describe.skip)('real key databases without a licence (when present)', () => {
  it.each(present)('%s', (file, want) => {
    const read = readCms(fs.readFileSync(path.join(SAMPLES, file)));
    expect(read.ok ? read.records.length : read.problem).toEqual(want);
  });

  it('lchudinov/tls-examples@85b37a1: its 17 signers are the GSKit signers the knowledge lists, its 2 keys are not', () => {
    const file = path.join(SAMPLES, 'lchudinov+tls-examples/key.kdb');
    if (!fs.existsSync(file)) return;
    const known = new Set(
      (
        JSON.parse(fs.readFileSync(path.join(__dirname, '../../src/knowledge/data/gskit-signers.json'), 'utf8')) as {
          signers: { sha256: string }[];
        }
      ).signers.map((s) => s.sha256),
    );
    const read = readCms(fs.readFileSync(file));
    if (!read.ok) throw new Error(read.problem);
    expect(read.records.map((r) => [r.kind, known.has(sha256(r.certificate))])).toEqual([
      ...Array.from({ length: 17 }, () => ['signer', true]),
      ['personal', false],
      ['personal', false],
    ]);
  });
});
