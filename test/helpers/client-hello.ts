/**
 * A ClientHello decoder for recorded and captured handshakes: the TLS record form (RFC 8446 4.1.2,
 * RFC 5246 7.4.1.2) and the SSLv2-compatible form old JDKs send (RFC 5246 appendix E.2). Throws on
 * a truncated or malformed record: a test fixture that does not decode is a broken fixture.
 */
import { effectiveJdkTls, findCipherSuite } from '../../src/knowledge';
import type { JavaRuntime, JdkVendorFamily } from '../../src/model/types';

export interface DecodedClientHello {
  /** `ssl2` for an SSLv2-format hello (JDK 6 with SSLv2Hello enabled). */
  format: 'tls' | 'ssl2';
  /** client_version / legacy_version as a protocol name (`TLSv1.2` for 0x0303). */
  legacyVersion: string;
  /** Two-byte suite code points in wire order, `0xC0,0x2C` style; SSLv2-only (3-byte) specs left out. */
  suiteCodes: string[];
  /** IANA names in wire order (unknown code points as `0xHH,0xHH`), signalling values removed. */
  suites: string[];
  /** supported_versions (43), highest first as sent; absent when the extension is absent. */
  supportedVersions?: string[];
  /** supported_groups (10) as two-byte code points. */
  supportedGroups?: number[];
  /** signature_algorithms (13) as two-byte code points. */
  signatureAlgorithms?: number[];
  extensionTypes: number[];
}

const VERSIONS: Record<number, string> = {
  0x0002: 'SSLv2',
  0x0300: 'SSLv3',
  0x0301: 'TLSv1',
  0x0302: 'TLSv1.1',
  0x0303: 'TLSv1.2',
  0x0304: 'TLSv1.3',
};
const SIGNALLING = new Set(['0x00,0xFF', '0x56,0x00']); // renegotiation SCSV, fallback SCSV
const versionName = (v: number) => VERSIONS[v] ?? `0x${v.toString(16).padStart(4, '0')}`;
const code = (hi: number, lo: number) =>
  `0x${hi.toString(16).padStart(2, '0').toUpperCase()},0x${lo.toString(16).padStart(2, '0').toUpperCase()}`;

class Reader {
  constructor(
    private readonly buf: Buffer,
    public at = 0,
  ) {}
  private need(n: number) {
    if (this.at + n > this.buf.length) throw new Error(`ClientHello truncated at byte ${this.at} (needs ${n} more)`);
  }
  u8() {
    this.need(1);
    return this.buf[this.at++];
  }
  u16() {
    this.need(2);
    const v = this.buf.readUInt16BE(this.at);
    this.at += 2;
    return v;
  }
  u24() {
    return (this.u8() << 16) | this.u16();
  }
  bytes(n: number) {
    this.need(n);
    const b = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return b;
  }
  get remaining() {
    return this.buf.length - this.at;
  }
}

const pairs = (b: Buffer) => Array.from({ length: b.length / 2 }, (_, i) => b.readUInt16BE(i * 2));

function finish(
  format: 'tls' | 'ssl2',
  legacy: number,
  suiteCodes: string[],
  extensions: Map<number, Buffer>,
  order: number[],
): DecodedClientHello {
  const names = suiteCodes.filter((c) => !SIGNALLING.has(c)).map((c) => findCipherSuite(c)?.iana ?? c);
  const versions = extensions.get(43);
  const groups = extensions.get(10);
  const sigalgs = extensions.get(13);
  return {
    format,
    legacyVersion: versionName(legacy),
    suiteCodes,
    suites: names,
    ...(versions ? { supportedVersions: pairs(versions.subarray(1, 1 + versions[0])).map(versionName) } : {}),
    ...(groups ? { supportedGroups: pairs(groups.subarray(2, 2 + groups.readUInt16BE(0))) } : {}),
    ...(sigalgs ? { signatureAlgorithms: pairs(sigalgs.subarray(2, 2 + sigalgs.readUInt16BE(0))) } : {}),
    extensionTypes: order,
  };
}

export function decodeClientHello(hex: string): DecodedClientHello {
  const buf = Buffer.from(hex.trim(), 'hex');
  const r = new Reader(buf);
  if ((buf[0] & 0x80) !== 0) {
    // SSLv2 record: 2-byte length with the top bit set, msg_type 1, version, three lengths, specs, challenge.
    r.u16();
    if (r.u8() !== 1) throw new Error('SSLv2 record is not a CLIENT-HELLO');
    const version = r.u16();
    const specLength = r.u16();
    r.u16(); // session id length
    r.u16(); // challenge length
    const specs = r.bytes(specLength);
    const codes: string[] = [];
    for (let i = 0; i < specs.length; i += 3) if (specs[i] === 0) codes.push(code(specs[i + 1], specs[i + 2]));
    return finish('ssl2', version, codes, new Map(), []);
  }
  if (r.u8() !== 22) throw new Error('not a handshake record');
  r.u16(); // record version
  const recordLength = r.u16();
  if (r.remaining < recordLength) throw new Error('ClientHello record truncated');
  if (r.u8() !== 1) throw new Error('handshake message is not a ClientHello');
  r.u24();
  const legacy = r.u16();
  r.bytes(32); // random
  r.bytes(r.u8()); // session id
  const suites = r.bytes(r.u16());
  const codes = Array.from({ length: suites.length / 2 }, (_, i) => code(suites[i * 2], suites[i * 2 + 1]));
  r.bytes(r.u8()); // compression methods
  const extensions = new Map<number, Buffer>();
  const order: number[] = [];
  if (r.remaining > 0) {
    const end = r.u16() + r.at;
    while (r.at < end) {
      const type = r.u16();
      extensions.set(type, r.bytes(r.u16()));
      order.push(type);
    }
  }
  return finish('tls', legacy, codes, extensions, order);
}

/** The `names+=("…")` and `handshakebytes+=("…")` pairs of testssl.sh's client-simulation.txt. */
export function readClientSimulation(text: string): { name: string; handshakeBytes: string }[] {
  const entries: { name: string; handshakeBytes: string }[] = [];
  let name: string | undefined;
  for (const line of text.split('\n')) {
    const n = /^\s*names\+=\("([^"]*)"\)/.exec(line);
    if (n) name = n[1];
    const h = /^\s*handshakebytes\+=\("([0-9a-fA-F]*)"\)/.exec(line);
    if (h && name !== undefined) entries.push({ name, handshakeBytes: h[1] });
  }
  return entries;
}

export const isTls13 = (name: string): boolean => findCipherSuite(name)?.flags.tls13 === true;
const PROTOCOLS = ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1', 'SSLv3'];

/** What the knowledge base says a JDK puts in its ClientHello (java.security `securityProperties` override optional). */
export function predictedHello(vendor: JdkVendorFamily, version: string, disabledAlgorithms?: string) {
  const from = { kind: 'config' as const, origin: 'client-hello test' };
  const runtime: JavaRuntime = {
    vendor: { value: vendor, from },
    version: { value: version, from },
    securityProperties:
      disabledAlgorithms === undefined ? {} : { 'jdk.tls.disabledAlgorithms': { value: disabledAlgorithms, from } },
    systemProperties: {},
  };
  const effective = effectiveJdkTls(runtime);
  const protocols = PROTOCOLS.filter((p) => effective.clientProtocols.value.includes(p));
  return { effective, protocols, ssl2Format: effective.clientProtocols.value.includes('SSLv2Hello') };
}
