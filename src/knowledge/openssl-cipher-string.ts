import type { OpensslCipherRow } from './openssl-ciphers.data';
import { lazy } from '../core/lazy';
import type { OpensslSeriesFacts } from './openssl';

/**
 * Expands an OpenSSL cipher string (`ssl_ciphers` in nginx, `SSLCipherSuite` in
 * Apache, `ciphers` in Tomcat's OpenSSL syntax) into the ordered list of TLS 1.2-
 * and-older cipher suites OpenSSL would enable — the algorithm of OpenSSL's
 * `ssl_create_cipher_list` (ssl/ssl_ciph.c) over the cipher table of the OpenSSL
 * build in `openssl-ciphers.data.ts`:
 *
 * - elements separated by `:` `,` `;` or blanks; `A+B` = ciphers matching A and B;
 * - no prefix: add (append the matching, not yet active ciphers in current order);
 *   `-`: delete (they can come back); `!`: kill (never come back); `+`: move to end;
 * - `@STRENGTH`: stable sort by symmetric key bits; `@SECLEVEL=n`: recorded only; an `@` command the series
 *   does not know (`@SECLEVEL` on 1.0.2) fails the whole string (`invalidCommand`), as SSL_CTX_set_cipher_list does;
 * - `DEFAULT` at the start: `ALL:!COMPLEMENTOFDEFAULT:!eNULL`.
 *
 * TLS 1.3 suites are not selected by cipher strings (they have their own setting).
 */
export interface OpensslCipher {
  code: string;
  iana: string;
  openssl: string;
  minProtocol: string;
  kx: string;
  au: string;
  enc: string;
  bits: number;
  mac: string;
  level: string;
  inDefault: boolean;
}

export interface CipherStringResult {
  /** Suites the endpoint offers, most preferred first (after the PSK/SRP and security-level filters). */
  ciphers: OpensslCipher[];
  /** Every suite the string selects, before those filters. */
  selected: OpensslCipher[];
  /**
   * The PSK and SRP suites the string selects that pass the security level, when `ciphers` leaves them out: a server
   * without such a credential never negotiates them, but OpenSSL counts them when it checks at start that its highest
   * version has a suite (measured with s_server 3.0: a PSK-only TLS 1.2 server answers a TLS 1.0 hello with
   * protocol_version, not handshake_failure).
   */
  credentialCiphers: OpensslCipher[];
  /** Elements that matched nothing in this OpenSSL build (unknown names or aliases). */
  unknown: string[];
  /** `@SECLEVEL=n` when present. */
  securityLevel?: number;
  /** True when the result is empty: OpenSSL refuses the string (`no cipher match`). */
  noMatch: boolean;
  /**
   * An `@` command the series' parser does not know (`@SECLEVEL=0` on OpenSSL 1.0.2): OpenSSL refuses the whole
   * string (`invalid command`) and nginx does not start; `ciphers` and `selected` are then empty.
   */
  invalidCommand?: string;
}

type OpensslCipherTable = typeof import('./openssl-ciphers.data');
/**
 * The generated OpenSSL 3.0 table (openssl-ciphers.data.ts, 19 KB), required on first use: only a tree with an OpenSSL
 * cipher string asks (the bundle keeps it in a chunk of its own, scripts/build.mjs; start-up: docs/performance.md).
 */
const cipherTable = lazy(() => require('./openssl-ciphers.data') as OpensslCipherTable);

/** The `openssl version` the table was generated from. */
export const opensslTableVersion = (): string => cipherTable().OPENSSL_VERSION;

const fromRow = (r: OpensslCipherRow): OpensslCipher => ({
  code: r[0],
  iana: r[1],
  openssl: r[2],
  minProtocol: r[3],
  kx: r[4],
  au: r[5],
  enc: r[6],
  bits: r[7],
  mac: r[8],
  level: r[9],
  inDefault: r[10] === 1,
});

/** The OpenSSL 3.0 table, made from its rows on first use (not at start-up). */
let baseCiphers: readonly OpensslCipher[] | undefined;
const opensslCiphers = (): readonly OpensslCipher[] => (baseCiphers ??= cipherTable().OPENSSL_CIPHER_ROWS.map(fromRow));

/** The cipher table of a release series: the 3.0 table plus the names that series adds (3DES, RC4), last. */
interface CipherTable {
  ciphers: readonly OpensslCipher[];
  byName: ReadonlyMap<string, OpensslCipher>;
}
const table = (ciphers: readonly OpensslCipher[]): CipherTable => ({
  ciphers,
  byName: new Map(ciphers.map((c) => [c.openssl, c])),
});
let baseTable: CipherTable | undefined;
const TABLES = new Map<string, CipherTable>();
function tableOf(series: OpensslSeriesFacts | undefined): CipherTable {
  if (!series || (series.extraCiphers.length === 0 && !series.lacksEnc?.length))
    return (baseTable ??= table(opensslCiphers()));
  let found = TABLES.get(series.series);
  if (!found) {
    const lacks = series.lacksEnc ?? [];
    found = table([...opensslCiphers().filter((c) => !lacks.includes(c.enc)), ...series.extraCiphers.map(fromRow)]);
    TABLES.set(series.series, found);
  }
  return found;
}

type Predicate = (c: OpensslCipher) => boolean;

const isPskKx = (c: OpensslCipher) => c.kx === 'PSK' || c.kx === 'ECDHEPSK' || c.kx === 'DHEPSK' || c.kx === 'RSAPSK';
const encIs =
  (...names: string[]): Predicate =>
  (c) =>
    names.includes(c.enc);
const encPrefix =
  (prefix: string, bits?: number): Predicate =>
  (c) =>
    c.enc.startsWith(prefix) && (bits === undefined || c.bits === bits);

const ALIASES: Record<string, Predicate> = {
  ALL: (c) => c.enc !== 'None',
  COMPLEMENTOFALL: (c) => c.enc === 'None',
  COMPLEMENTOFDEFAULT: (c) => !c.inDefault && c.enc !== 'None',
  HIGH: (c) => c.level === 'HIGH',
  MEDIUM: (c) => c.level === 'MEDIUM',
  LOW: (c) => c.level === 'LOW',
  eNULL: (c) => c.enc === 'None',
  NULL: (c) => c.enc === 'None',
  aNULL: (c) => c.au === 'None',
  kRSA: (c) => c.kx === 'RSA',
  RSA: (c) => c.kx === 'RSA',
  aRSA: (c) => c.au === 'RSA',
  kDHE: (c) => c.kx === 'DH',
  kEDH: (c) => c.kx === 'DH',
  DH: (c) => c.kx === 'DH',
  DHE: (c) => c.kx === 'DH' && c.au !== 'None',
  EDH: (c) => c.kx === 'DH' && c.au !== 'None',
  ADH: (c) => c.kx === 'DH' && c.au === 'None',
  kECDHE: (c) => c.kx === 'ECDH',
  kEECDH: (c) => c.kx === 'ECDH',
  ECDH: (c) => c.kx === 'ECDH',
  ECDHE: (c) => c.kx === 'ECDH' && c.au !== 'None',
  EECDH: (c) => c.kx === 'ECDH' && c.au !== 'None',
  AECDH: (c) => c.kx === 'ECDH' && c.au === 'None',
  aECDSA: (c) => c.au === 'ECDSA',
  ECDSA: (c) => c.au === 'ECDSA',
  aDSS: (c) => c.au === 'DSS',
  DSS: (c) => c.au === 'DSS',
  kPSK: (c) => c.kx === 'PSK',
  kECDHEPSK: (c) => c.kx === 'ECDHEPSK',
  kDHEPSK: (c) => c.kx === 'DHEPSK',
  kRSAPSK: (c) => c.kx === 'RSAPSK',
  aPSK: (c) => c.au === 'PSK',
  PSK: isPskKx,
  kSRP: (c) => c.kx === 'SRP',
  SRP: (c) => c.kx === 'SRP',
  aSRP: (c) => c.au === 'SRP',
  AES128: encPrefix('AES', 128),
  AES256: encPrefix('AES', 256),
  AES: encPrefix('AES'),
  AESGCM: encIs('AESGCM'),
  AESCCM: encIs('AESCCM', 'AESCCM8'),
  AESCCM8: encIs('AESCCM8'),
  CHACHA20: encIs('CHACHA20/POLY1305'),
  CAMELLIA128: encPrefix('Camellia', 128),
  CAMELLIA256: encPrefix('Camellia', 256),
  CAMELLIA: encPrefix('Camellia'),
  ARIA128: encPrefix('ARIA', 128),
  ARIA256: encPrefix('ARIA', 256),
  ARIA: encPrefix('ARIA'),
  ARIAGCM: encPrefix('ARIAGCM'),
  '3DES': encIs('3DES'),
  DES: encIs('DES'),
  RC4: encIs('RC4'),
  RC2: encIs('RC2'),
  IDEA: encIs('IDEA'),
  SEED: encIs('SEED'),
  MD5: (c) => c.mac === 'MD5',
  SHA1: (c) => c.mac === 'SHA1',
  SHA: (c) => c.mac === 'SHA1',
  SHA256: (c) => c.mac === 'SHA256',
  SHA384: (c) => c.mac === 'SHA384',
  'TLSv1.2': (c) => c.minProtocol === 'TLSv1.2',
  'TLSv1.0': (c) => c.minProtocol === 'TLSv1',
  TLSv1: (c) => c.minProtocol === 'TLSv1',
  SSLv3: (c) => c.minProtocol === 'SSLv3',
};

/** The export aliases Tomcat's OpenSSLCipherConfigurationParser defines (none of its ciphers is an export one today). */
const TOMCAT_EXPORT_ALIASES = ['EXP', 'EXPORT', 'EXPORT40', 'EXPORT56'];

/**
 * Aliases OpenSSL 3.0 knows that select nothing in this build (GOST, LOW…): not "unknown". The export aliases are
 * known only where the series says so (OpensslSeriesFacts.exportAliases: 1.0.2).
 */
const EMPTY_ALIASES = new Set([
  'LOW',
  'MEDIUM',
  'aGOST',
  'aGOST01',
  'kGOST',
  'GOST94',
  'GOST89MAC',
  'kDH',
  'kDHr',
  'kDHd',
  'kECDH',
  'kECDHr',
  'kECDHe',
  'aDH',
  'aECDH',
  'FIPS',
  'SUITEB128',
  'SUITEB128ONLY',
  'SUITEB192',
  'NULL-MD5',
  'RC4-MD5',
]);

function predicateFor(
  element: string,
  byName: ReadonlyMap<string, OpensslCipher>,
  exportAliases: readonly string[],
): Predicate | undefined {
  const parts = element.split('+');
  const predicates: Predicate[] = [];
  for (const part of parts) {
    const alias = ALIASES[part];
    if (alias) {
      predicates.push(alias);
      continue;
    }
    const cipher = byName.get(part);
    if (cipher) {
      predicates.push((c) => c === cipher);
      continue;
    }
    if (EMPTY_ALIASES.has(part) || exportAliases.includes(part)) {
      predicates.push(() => false);
      continue;
    }
    return undefined;
  }
  return (c) => predicates.every((p) => p(c));
}

export interface ExpandOptions {
  /** Keep PSK and SRP suites (offered only when a PSK/SRP callback is configured). Default false, as `openssl ciphers -s`. */
  includePskSrp?: boolean;
  /** OpenSSL security level when the string has no `@SECLEVEL` (OpenSSL's built-in default is 1; Debian/RHEL raise it to 2). */
  defaultSecurityLevel?: number;
  /** The OpenSSL release series whose cipher names apply (default: the 3.0 table of openssl-ciphers.data.ts). */
  series?: OpensslSeriesFacts;
  /**
   * Read as Tomcat's own OpenSSLCipherConfigurationParser does (a JSSE connector's `ciphers`): a rule ends only at a
   * separator (`:`, `,`, blank: `HIGH!aNULL` is one unknown name there), and the export aliases are known.
   */
  tomcatParser?: boolean;
}

const MIN_BITS = [0, 80, 112, 128, 192, 256] as const;

/** OpenSSL's default security callback for a cipher (ssl/t1_lib.c `ssl_security_default_callback`). */
export function allowedAtSecurityLevel(c: OpensslCipher, level: number): boolean {
  if (level <= 0) return true; // not a version fact: OpenSSL security level
  const minBits = MIN_BITS[Math.min(level, 5)] ?? 0; // level is >= 1 here: always an entry
  if (c.bits < minBits) return false;
  if (c.au === 'None') return false;
  if (c.mac === 'MD5') return false;
  if (minBits > 160 && c.mac === 'SHA1') return false;
  if (level >= 2 && c.enc === 'RC4') return false; // not a version fact: OpenSSL security level
  if (level >= 3 && !(c.kx === 'DH' || c.kx === 'ECDH' || c.kx === 'DHEPSK' || c.kx === 'ECDHEPSK')) return false; // not a version fact: OpenSSL security level
  return true;
}

export function expandCipherString(cipherString: string, options: ExpandOptions = {}): CipherStringResult {
  const { ciphers: all, byName } = tableOf(options.series);
  let order: OpensslCipher[] = [...all];
  const active = new Set<OpensslCipher>();
  const unknown: string[] = [];
  let securityLevel: number | undefined;
  let invalidCommand: string | undefined;
  // Without a series: the commands of the 3.0 table's parser, which knows them all.
  const commands: readonly string[] = options.series?.cipherStringCommands ?? ['STRENGTH', 'SECLEVEL'];
  const exportAliases = options.series?.exportAliases ?? [];

  const apply = (op: 'add' | 'del' | 'kill' | 'ord', match: Predicate) => {
    const snapshot = [...order];
    if (op === 'add') {
      for (const c of snapshot) {
        if (match(c) && !active.has(c)) {
          order = order.filter((x) => x !== c);
          order.push(c);
          active.add(c);
        }
      }
    } else if (op === 'ord') {
      for (const c of snapshot) {
        if (match(c) && active.has(c)) {
          order = order.filter((x) => x !== c);
          order.push(c);
        }
      }
    } else if (op === 'del') {
      for (const c of [...snapshot].reverse()) {
        if (match(c) && active.has(c)) {
          order = order.filter((x) => x !== c);
          order.unshift(c);
          active.delete(c);
        }
      }
    } else {
      order = order.filter((c) => {
        if (!match(c)) return true;
        active.delete(c);
        return false;
      });
    }
  };

  let rest = cipherString.trim();
  if (rest.startsWith('DEFAULT')) {
    for (const element of ['ALL', '!COMPLEMENTOFDEFAULT', '!eNULL']) processElement(element);
    rest = rest.slice('DEFAULT'.length);
  }
  // OpenSSL's rule parser (ssl/ssl_ciph.c ssl_cipher_process_rulestr): a name is letters, digits and `-._=`, so a `!`
  // or an `@` ends it and starts the next rule even without a separator (`HIGH!aNULL!MD5`, `HIGH@SECLEVEL=0`). After a
  // name it does not know, and after a command, it skips the rest of the element up to the next separator.
  const ruleStart = options.tomcatParser ? /(?=@)/ : /(?=[!@])/;
  for (const element of rest.split(/[:,; \t]+/))
    for (const rule of element.split(ruleStart)) if (!rule || !processElement(rule)) break;

  /** Applies one rule; false when OpenSSL skips what follows it in its element (an unknown name, a command). */
  function processElement(element: string): boolean {
    if (invalidCommand) return false;
    const command = /^@([A-Z]+)/.exec(element)?.[1];
    if (command && !commands.includes(command)) {
      invalidCommand = element;
      return false;
    }
    if (element === '@STRENGTH') {
      const sorted = order.filter((c) => active.has(c)).sort((a, b) => b.bits - a.bits);
      order = [...order.filter((c) => !active.has(c)), ...sorted];
      return false;
    }
    const level = /^@SECLEVEL=(\d+)$/.exec(element);
    if (level) {
      securityLevel = Number(level[1]);
      return false;
    }
    const op = element[0] === '!' ? 'kill' : element[0] === '-' ? 'del' : element[0] === '+' ? 'ord' : 'add';
    const body = op === 'add' ? element : element.slice(1);
    const match = predicateFor(body, byName, options.tomcatParser ? TOMCAT_EXPORT_ALIASES : exportAliases);
    if (!match) {
      unknown.push(element);
      return false;
    }
    apply(op, match);
    return true;
  }

  if (invalidCommand)
    return { ciphers: [], selected: [], credentialCiphers: [], unknown, noMatch: false, invalidCommand };
  const selected = order.filter((c) => active.has(c));
  // A series without security levels (1.0.2: default level 0) filters nothing, MD5 and RC4 suites included.
  const level = securityLevel ?? options.defaultSecurityLevel ?? options.series?.defaultSecurityLevel ?? 1;
  const needsCredential = (c: OpensslCipher) => isPskKx(c) || c.kx === 'SRP';
  const allowed = selected.filter((c) => allowedAtSecurityLevel(c, level));
  const ciphers = options.includePskSrp ? allowed : allowed.filter((c) => !needsCredential(c));
  const credentialCiphers = options.includePskSrp ? [] : allowed.filter(needsCredential);
  return { ciphers, selected, credentialCiphers, unknown, securityLevel, noMatch: selected.length === 0 };
}
