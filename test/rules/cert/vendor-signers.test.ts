/**
 * GSKit's own signer certificates (src/knowledge/data/gskit-signers.json) in a CMS key database are the vendor's, as a
 * JDK's cacerts entries are: the cert rules leave them out (unusedOrVendors). Matched by fingerprint, never by label.
 * The certificates themselves are in lchudinov/tls-examples@85b37a1 key.kdb (no licence: not a fixture; see
 * test/parse/keystore-cms.test.ts), so a parsed entry stands in with the fingerprint of one of them.
 */
import { unusedOrVendors } from '../../../src/rules/cert/_lib/shared';
import { parseKeystore, type KeystoreData } from '../../../src/parse/keystore/format';
import type { ParsedDocument } from '../../../src/parse/types';
import type { TreeCertificate } from '../../../src/model/mq-certs';
import { cmsKeyDatabase } from '../../helpers/cms-kdb';
import { ca } from '../../helpers/pki';

/** VeriSign Class 3 Public Primary CA (1024-bit RSA), a signer gskkyman put in lchudinov/tls-examples' key.kdb. */
const VERISIGN_CLASS_3 =
  'E7:68:56:34:EF:AC:F6:9A:CE:93:9A:6B:25:5B:7B:4F:AB:EF:42:93:5B:50:A2:65:AC:B5:CB:60:27:E4:4E:70';

function storeCertificate(
  label: string,
  fingerprint: string | undefined,
  type: 'CMS' | 'JKS' = 'CMS',
): TreeCertificate {
  const root = ca('Some Root');
  const doc = parseKeystore(
    {
      path: '/x/key.kdb',
      text: '',
      hadBom: false,
      bytes: cmsKeyDatabase([{ label, kind: 'signer', certificate: root.der }]),
    },
    'keystore.cms',
  ) as ParsedDocument<KeystoreData>;
  const [entry] = doc.data.entries;
  const cert = { ...entry!.chain[0]!, ...(fingerprint ? { fingerprintSha256: fingerprint } : {}) };
  return {
    cert,
    doc,
    ownerDir: '/x',
    hasPrivateKey: false,
    store: { alias: label, entry: 'trusted-cert', chainIndex: 0, type },
  };
}

describe('GSKit default signers in a CMS key database', () => {
  it.each<[string, TreeCertificate, boolean]>([
    [
      'a GSKit signer, by its fingerprint',
      storeCertificate('VeriSign Class 3 Public Primary CA', VERISIGN_CLASS_3),
      true,
    ],
    ['the same fingerprint under another label', storeCertificate('my label', VERISIGN_CLASS_3), true],
    [
      "the deployment's own signer under a GSKit label",
      storeCertificate('VeriSign Class 3 Public Primary CA', undefined),
      false,
    ],
    ['the same fingerprint in a JKS (not GSKit-made)', storeCertificate('verisign', VERISIGN_CLASS_3, 'JKS'), false],
  ])('%s: vendor %s', (_name, certificate, vendor) => {
    expect(unusedOrVendors(certificate)).toBe(vendor);
  });
});
