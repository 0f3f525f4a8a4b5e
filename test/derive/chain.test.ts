import { dateFailure, signatureCheck, validatePath, type PathInput } from '../../src/derive/chain';
import { RunMemo } from '../../src/core/run-memo';
import { parsePem } from '../../src/parse/pem';
import { type PemCertificate } from '../../src/parse/certificate';
import { ca, daysFromNow, issue, leaf, type Issued } from '../helpers/pki';

const pem = (i: Issued): PemCertificate =>
  parsePem({ path: `/t/${i.name}.pem`, text: i.pem } as never).data.certificates[0];

const root = ca('Root CA');
const otherRoot = ca('Other Root CA');
const int = ca('Issuing CA', root);
const int2 = ca('Second Issuing CA', int);
const server = leaf('api.test', int);
const deep = leaf('deep.test', int2);
const direct = leaf('direct.test', root);
const selfSigned = leaf('self.test');
const expiredRoot = ca('Expired Root', undefined, { notBefore: daysFromNow(-400), notAfter: daysFromNow(-10) });
const underExpiredRoot = leaf('under-expired.test', expiredRoot);
const expiredInt = ca('Expired Issuing CA', root, { notBefore: daysFromNow(-400), notAfter: daysFromNow(-10) });
const underExpiredInt = leaf('under-expired-int.test', expiredInt);
const expiredSelf = leaf('expired-self.test', undefined, { notBefore: daysFromNow(-400), notAfter: daysFromNow(-10) });
const notCa = issue({ cn: 'Not A CA', issuer: root, ca: false, keyUsage: ['digitalSignature'] });
const underNotCa = leaf('under-not-ca.test', notCa);
const clientOnly = leaf('client-only.test', int, { extKeyUsage: ['clientAuth'] });
const anyEku = leaf('any.test', int, { extKeyUsage: ['anyExtendedKeyUsage'] });
const encipherOnly = leaf('rsa-kx.test', int, { keyUsage: ['keyEncipherment'] });
const pathLen0 = ca('Path Zero CA', root, { pathLen: 0 });
const int3 = ca('Under Path Zero', pathLen0);
const underPathLen = leaf('pathlen.test', int3);

type CaseInput = Partial<Omit<PathInput, 'presented' | 'anchors' | 'elsewhere'>> & {
  presented: Issued[];
  anchors: Issued[];
  elsewhere?: Issued[];
};
type Case = [string, CaseInput, string];
const cases: Case[] = [
  ['jsse: root anchor, intermediate sent', { presented: [server, int], anchors: [root] }, 'ok'],
  ['openssl: root anchor, intermediate sent', { stack: 'openssl', presented: [server, int], anchors: [root] }, 'ok'],
  ['jsse: intermediate not sent, tree holds it', { presented: [server], anchors: [root] }, 'missing-intermediate'],
  [
    'jsse: intermediate not sent, tree does not hold it',
    { presented: [server], anchors: [root], elsewhere: [] },
    'no-anchor',
  ],
  ['jsse: intermediate is the anchor', { presented: [server], anchors: [int] }, 'ok'],
  [
    'openssl: intermediate is the anchor (no partial chain)',
    { stack: 'openssl', presented: [server], anchors: [int] },
    'anchor-not-self-signed',
  ],
  ['jsse: other root', { presented: [server, int], anchors: [otherRoot] }, 'no-anchor'],
  ['jsse: self-signed leaf trusted directly', { presented: [selfSigned], anchors: [selfSigned] }, 'ok leaf-anchor'],
  [
    'openssl: self-signed leaf trusted directly',
    { stack: 'openssl', presented: [selfSigned], anchors: [selfSigned] },
    'ok leaf-anchor',
  ],
  ['jsse: self-signed leaf not trusted', { presented: [selfSigned], anchors: [root] }, 'no-anchor'],
  ['jsse: non-self-signed leaf in the trust store', { presented: [server], anchors: [server] }, 'ok leaf-anchor'],
  [
    'openssl: non-self-signed leaf in the trust store',
    { stack: 'openssl', presented: [server], anchors: [server], elsewhere: [] },
    'no-anchor',
  ],
  [
    'openssl: depth 1, one intermediate',
    { stack: 'openssl', verifyDepth: 1, presented: [server, int], anchors: [root] },
    'ok',
  ],
  [
    'openssl: depth 0, one intermediate',
    { stack: 'openssl', verifyDepth: 0, presented: [server, int], anchors: [root] },
    'depth',
  ],
  [
    'openssl: depth 0, issued by the root',
    { stack: 'openssl', verifyDepth: 0, presented: [direct], anchors: [root] },
    'ok',
  ],
  [
    'openssl: depth 1, two intermediates',
    { stack: 'openssl', verifyDepth: 1, presented: [deep, int2, int], anchors: [root] },
    'depth',
  ],
  ['jsse: issuer is not a CA', { presented: [underNotCa, notCa], anchors: [root] }, 'not-ca'],
  ['jsse: pathLen 0 exceeded', { presented: [underPathLen, int3, pathLen0], anchors: [root] }, 'path-length'],
  ['jsse: server leaf with clientAuth only', { presented: [clientOnly, int], anchors: [root] }, 'key-usage'],
  ['jsse: client leaf with clientAuth', { purpose: 'clientAuth', presented: [clientOnly, int], anchors: [root] }, 'ok'],
  ['jsse: anyExtendedKeyUsage accepted', { presented: [anyEku, int], anchors: [root] }, 'ok'],
  [
    'openssl: anyExtendedKeyUsage alone refused',
    { stack: 'openssl', purpose: 'clientAuth', presented: [anyEku, int], anchors: [root] },
    'key-usage',
  ],
  [
    'jsse: ECDHE needs digitalSignature',
    { serverKeyUsage: 'digitalSignature', presented: [encipherOnly, int], anchors: [root] },
    'key-usage',
  ],
  [
    'jsse: RSA key exchange needs keyEncipherment',
    { serverKeyUsage: 'keyEncipherment', presented: [encipherOnly, int], anchors: [root] },
    'ok',
  ],
  ['jsse: expired anchor not date-checked', { presented: [underExpiredRoot], anchors: [expiredRoot] }, 'ok'],
  [
    'openssl: expired anchor date-checked',
    { stack: 'openssl', presented: [underExpiredRoot], anchors: [expiredRoot] },
    'expired Expired Root',
  ],
  [
    'jsse: expired intermediate',
    { presented: [underExpiredInt, expiredInt], anchors: [root] },
    'expired Expired Issuing CA',
  ],
  [
    'jsse: expired self-signed leaf trusted directly',
    { presented: [expiredSelf], anchors: [expiredSelf] },
    'ok leaf-anchor',
  ],
  [
    'jsse, revocation checked with nothing to answer: a leaf below the anchor fails',
    { purpose: 'clientAuth', revocationWithoutSource: 'no CRL', presented: [server, int], anchors: [root] },
    'revocation',
  ],
  [
    'jsse, revocation checked with nothing to answer: a leaf trusted directly passes (PKIXValidator returns first)',
    { purpose: 'clientAuth', revocationWithoutSource: 'no CRL', presented: [selfSigned], anchors: [selfSigned] },
    'ok leaf-anchor',
  ],
  [
    'openssl: expired self-signed leaf trusted directly',
    { stack: 'openssl', presented: [expiredSelf], anchors: [expiredSelf] },
    'expired expired-self.test',
  ],
];

const everything = [root, otherRoot, int, int2, server, deep, direct, selfSigned, notCa, pathLen0, int3].map(pem);

describe('validatePath', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    const result = validatePath({
      stack: 'jsse',
      purpose: 'serverAuth',
      signed: signatureCheck(),
      ...input,
      presented: input.presented.map(pem),
      anchors: input.anchors.map(pem),
      elsewhere: input.elsewhere ? input.elsewhere.map(pem) : everything,
    });
    let got: string;
    if (!result.ok) got = result.reason;
    else {
      const date = dateFailure(result, new Date());
      got = date ? `${date.kind} ${date.at.subject[0].value}` : result.leafIsAnchor ? 'ok leaf-anchor' : 'ok';
    }
    expect(got).toBe(expected);
  });
});

describe('signatureCheck', () => {
  it("verifies each issuer/child pair once per run: the answer is the run memo's, not module state", () => {
    const memo = new RunMemo();
    const [issuer, child, stranger] = [int, server, otherRoot].map(pem);
    const signed = signatureCheck(memo);
    expect(signed(issuer, child)).toBe(true);
    expect(signed(stranger, child)).toBe(false);
    // Asked again, the run's memo answers: a compute that would fail is never called.
    const never = () => {
      throw new Error('verified twice');
    };
    expect(memo.get('certificate signatures', `${issuer.fingerprintSha256}>${child.fingerprintSha256}`, never)).toBe(
      true,
    );
    expect(memo.get('certificate signatures', `${stranger.fingerprintSha256}>${child.fingerprintSha256}`, never)).toBe(
      false,
    );
    // Another run starts with nothing remembered.
    expect(() =>
      new RunMemo().get('certificate signatures', `${issuer.fingerprintSha256}>${child.fingerprintSha256}`, never),
    ).toThrow('verified twice');
  });
});
