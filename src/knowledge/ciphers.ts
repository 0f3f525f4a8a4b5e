import registryData from './data/cipher-suites.json';
import type { CipherSuite } from './types';

const SUITES: readonly CipherSuite[] = registryData.suites;

let index: Map<string, CipherSuite> | undefined;
const normalKey = (name: string) => name.trim().toUpperCase().replace(/\s+/g, '');
/** Whether every key of the index is its own normal form (the data has no blank in a name). */
let keysAreNormal = false;

/** Upper-cased lookup keys: IANA, OpenSSL, IBM `SSL_`, JSSE, MQ CipherSpec, `0x00,0x3D`, `0x003D`, `003D`. */
function buildIndex(): Map<string, CipherSuite> {
  const map = new Map<string, CipherSuite>();
  const add = (key: string | undefined, suite: CipherSuite) => {
    const upper = key?.toUpperCase();
    if (upper && !map.has(upper)) map.set(upper, suite);
  };
  for (const suite of SUITES) add(suite.iana, suite);
  for (const suite of SUITES) {
    // The IANA name was added above; the JSSE and IBM names are often the same string.
    if (suite.jsse !== suite.iana) add(suite.jsse, suite);
    add(suite.openssl, suite);
    if (suite.ibm !== suite.iana && suite.ibm !== suite.jsse) add(suite.ibm, suite);
    const hex = suite.code.replace(/0x|,/gi, '');
    add(suite.code, suite);
    add(`0x${hex}`, suite);
    add(hex, suite);
  }
  for (const suite of SUITES) for (const spec of suite.mq ?? []) add(spec, suite);
  keysAreNormal = [...map.keys()].every((key) => normalKey(key) === key);
  return map;
}

/**
 * Finds a suite by any spelling: IANA (`TLS_RSA_WITH_AES_256_CBC_SHA256`), OpenSSL (`AES256-SHA256`),
 * IBM/JSSE `SSL_` names (`SSL_RSA_WITH_AES_256_CBC_SHA256`), an MQ CipherSpec (`TLS_RSA_WITH_AES_256_CBC_SHA256`,
 * `ECDHE_RSA_AES_128_CBC_SHA256`), or the code point (`0x00,0x3D`, `0x003D`, `003D`). Case-insensitive.
 */
export function findCipherSuite(name: string): CipherSuite | undefined {
  index ??= buildIndex();
  // A name written as a key is (upper case, no blanks) is its own normal form: looked up as it is, without
  // the three string copies below (asked for every suite of every link end).
  const asWritten = keysAreNormal ? index.get(name) : undefined;
  if (asWritten) return asWritten;
  const key = normalKey(name);
  const direct = index.get(key);
  if (direct) return direct;
  // Any SSL_ spelling of a TLS_ suite (IBM accepts TLS_ for SSL_, JSSE keeps SSL_ for legacy suites).
  if (key.startsWith('SSL_')) return index.get(`TLS_${key.slice(4)}`);
  if (key.startsWith('TLS_')) return index.get(`SSL_${key.slice(4)}`);
  return undefined;
}

export function allCipherSuites(): readonly CipherSuite[] {
  return SUITES;
}

/** The name SunJSSE uses for a suite (its canonical `SSL_` name for legacy suites). */
export function jsseName(suite: CipherSuite): string {
  return suite.jsse ?? suite.iana;
}

const PROTOCOL_ORDER = ['SSLv2Hello', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** The protocol versions a handshake can negotiate, in JSSE spelling. */
export type ProtocolName = 'SSLv3' | 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

/** `TLSv1.0`, `TLS1.2`, `TLSv12`, `tlsv1_1`, `SSLV3` → canonical JSSE spelling; undefined when not a protocol. */
export function parseProtocol(raw: string): ProtocolName | undefined {
  const s = raw
    .trim()
    .toUpperCase()
    .replace(/[\s_]/g, '.')
    .replace(/^TLSV?/, 'TLS');
  if (/^SSLV?3(\.0)?$/.test(s)) return 'SSLv3';
  const m = /^TLS(1)(?:\.?([0-3]))?$/.exec(s);
  if (!m) return undefined;
  return m[2] === undefined || m[2] === '0' ? 'TLSv1' : (`TLSv1.${m[2]}` as ProtocolName);
}

/**
 * The one protocol normaliser: a protocol name in canonical JSSE spelling (`parseProtocol`), `SSLv2Hello`
 * and `SSLv2` as JSSE spells them; other spellings unchanged.
 */
export function normaliseProtocol(protocol: string): string {
  // Asked for every suite × protocol of every link end: a handful of distinct spellings per run.
  let normalised = NORMALISED.get(protocol);
  if (normalised === undefined) {
    normalised = normaliseUncached(protocol);
    if (NORMALISED.size >= 10_000) NORMALISED.clear();
    NORMALISED.set(protocol, normalised);
  }
  return normalised;
}
const NORMALISED = new Map<string, string>();

function normaliseUncached(protocol: string): string {
  const p = protocol.trim();
  const known = parseProtocol(p);
  if (known) return known;
  const m = /^(TLS|SSL)v?(\d)(?:\.(\d))?$/i.exec(p);
  if (!m) return /^sslv2hello$/i.test(p) ? 'SSLv2Hello' : p;
  if (m[1]!.toUpperCase() === 'SSL') return `SSLv${m[2]}`;
  const minor = m[3] && m[3] !== '0' ? `.${m[3]}` : '';
  return `TLSv${m[2]}${minor}`;
}

/** The TLS versions from `min` to `max` (`TLSv1.2`, `TLSv1.3` → both), lowest first. */
export function protocolsBetween(min: string, max: string): string[] {
  return PROTOCOL_ORDER.filter(
    (p) => p.startsWith('TLS') && protocolRank(p) >= protocolRank(min) && protocolRank(p) <= protocolRank(max),
  );
}

export function protocolRank(protocol: string): number {
  return PROTOCOL_ORDER.indexOf(normaliseProtocol(protocol));
}

/** True when the suite can be negotiated with this protocol version. */
export function suiteUsableWith(suite: CipherSuite, protocol: string): boolean {
  const rank = protocolRank(protocol);
  return rank >= protocolRank(suite.minProtocol) && rank <= protocolRank(suite.maxProtocol);
}
