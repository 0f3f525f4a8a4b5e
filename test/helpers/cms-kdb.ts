/**
 * Writes IBM CMS key databases (.kdb) in the layout src/parse/keystore/cms.ts reads, the layout of real files
 * (ibm-messaging/mq-helm@d218ef6 samples/genericresources/createcerts/server.kdb, version 4; lchudinov/tls-examples@85b37a1
 * key.kdb, version 3): a header of 80 (v3) or 88 (v4) bytes with the record length and count at offsets 16 and 20, then
 * fixed-length slots `u32 1, u32 id, u32 length` + DER { INTEGER id, [1] certificate | [2] { certificate, key },
 * VisibleString label, BIT STRING flags }. The header's integrity bytes and a personal record's encrypted key are
 * filler: the reader reads neither.
 */
import { tlv } from './pki';

export interface CmsRecordSpec {
  label: string;
  kind: 'signer' | 'personal';
  /** The certificate's DER. */
  certificate: Buffer;
  /** The record's flags (BIT STRING content); every real record has 07 80. */
  flags?: Buffer;
}

const der = (tag: number, ...content: Buffer[]): Buffer => tlv(tag, Buffer.concat(content));
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};

/** The DER of one record, as a slot holds it after its 12-byte prefix. */
function cmsRecord(id: number, spec: CmsRecordSpec): Buffer {
  // An EncryptedPrivateKeyInfo's outer shape: SEQUENCE { AlgorithmIdentifier, OCTET STRING } (contents are filler).
  const key = der(0x30, der(0x30, der(0x06, Buffer.from('2a864886f70d01050d', 'hex'))), der(0x04, Buffer.alloc(32, 7)));
  const body = spec.kind === 'signer' ? der(0xa1, spec.certificate) : der(0xa2, der(0x30, spec.certificate, key));
  return der(
    0x30,
    der(0x02, Buffer.from([id])),
    body,
    der(0x1a, Buffer.from(spec.label, 'latin1')),
    der(0x03, spec.flags ?? Buffer.from([0x07, 0x80])),
  );
}

/** A whole key database: `version` 3 or 4, slots of `recordLength` bytes (5000 in every real file). */
export function cmsKeyDatabase(records: CmsRecordSpec[], version: 3 | 4 = 4, recordLength = 5000): Buffer {
  const headerLength = version === 3 ? 80 : 88;
  const header = Buffer.alloc(headerLength, 0x5a);
  Buffer.from([0x37, 0x48, version, 0x02, 0, 0, 0, 0]).copy(header, 0);
  Buffer.from('X509KEY\0', 'latin1').copy(header, 8);
  u32(recordLength).copy(header, 16);
  u32(records.length).copy(header, 20);
  const slots = records.map((spec, i) => {
    const der = cmsRecord(i + 1, spec);
    const slot = Buffer.alloc(recordLength);
    Buffer.concat([u32(1), u32(i + 1), u32(der.length), der]).copy(slot, 0);
    return slot;
  });
  return Buffer.concat([header, ...slots]);
}
