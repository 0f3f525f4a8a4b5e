/**
 * The TLS settings of an HAProxy end from the words of its `bind` or `server` line (after `default-server`) and the
 * global `ssl-default-bind-*` / `ssl-default-server-*` lines: protocols as HAProxy computes them from
 * `ssl-min-ver`/`ssl-max-ver`/`no-tlsv1x`/`force-tlsv1x` (src/ssl_sock.c ssl_sock_initial_ctx and
 * ssl_sock_prepare_srv_ssl_ctx), the cipher string expanded by the OpenSSL it runs with.
 */
import type { Location, Range } from '../core/types';
import type { RunMemo } from '../core/run-memo';
import type { HaproxyWord } from '../parse/haproxy';
import { expandCipherString } from '../knowledge/openssl-cipher-string';
import { findCipherSuite } from '../knowledge/ciphers';
import { HAPROXY_FACTS, namesCryptoPolicy } from '../knowledge/openssl';
import { signatureFloorSettings } from './openssl-floor';
import type { ServerOpenssl } from './server-openssl';
import type { Provenance, TlsSettings, Traced } from './types';

/** A keyword of a line and its value (when it takes one), with the file that writes it. */
export interface HaproxyOption {
  keyword: HaproxyWord;
  value?: HaproxyWord;
  file: string;
}

/** Keywords of bind and server lines that take a value (doc/configuration.txt 5.1 and 5.2): their value is no keyword. */
const VALUED = new Set([
  'accept-netscaler-cip',
  'addr',
  'agent-addr',
  'agent-inter',
  'agent-port',
  'agent-send',
  'alpn',
  'backlog',
  'ca-file',
  'ca-ignore-err',
  'ca-sign-file',
  'ca-sign-pass',
  'ca-verify-file',
  'check-alpn',
  'check-proto',
  'check-sni',
  'ciphers',
  'ciphersuites',
  'client-sigalgs',
  'cookie',
  'crl-file',
  'crt',
  'crt-ignore-err',
  'crt-list',
  'default-crt',
  'curves',
  'ech',
  'downinter',
  'ecdhe',
  'error-limit',
  'expose-fd',
  'fall',
  'fastinter',
  'gid',
  'group',
  'guid',
  'hash-key',
  'id',
  'init-addr',
  'inter',
  'interface',
  'label',
  'level',
  'log-proto',
  'max-reuse',
  'maxconn',
  'maxqueue',
  'minconn',
  'mode',
  'mss',
  'name',
  'namespace',
  'nice',
  'npn',
  'observe',
  'on-error',
  'on-marked-down',
  'on-marked-up',
  'pool-conn-name',
  'pool-low-conn',
  'pool-max-conn',
  'pool-purge-delay',
  'port',
  'process',
  'proto',
  'quic-cc-algo',
  'redir',
  'resolve-net',
  'resolve-opts',
  'resolve-prefer',
  'resolvers',
  'rise',
  'send-proxy-v2-options',
  'severity-output',
  'shard',
  'shards',
  'sigalgs',
  'slowstart',
  'sni',
  'socks4',
  'source',
  'ssl-max-ver',
  'ssl-min-ver',
  'tcp-ut',
  'thread',
  'tls-ticket-keys',
  'track',
  'uid',
  'user',
  'verify',
  'verifyhost',
  'weight',
  'ws',
]);

/** The words of a line (or of `ssl-default-*-options`) as keywords with their values. */
export function optionsOf(words: readonly HaproxyWord[], file: string): HaproxyOption[] {
  const out: HaproxyOption[] = [];
  for (let i = 0; i < words.length; i++) {
    const keyword = words[i]!; // i < words.length
    const value = VALUED.has(keyword.value) ? words[i + 1] : undefined;
    out.push({ keyword, file, ...(value ? { value } : {}) });
    if (value) i++;
  }
  return out;
}

/** The last option of that keyword (a later word overrides an earlier one, as HAProxy parses left to right). */
export function lastOption(options: readonly HaproxyOption[], keyword: string): HaproxyOption | undefined {
  return lastOf(options, (o) => o.keyword.value === keyword);
}

export function lastOf(
  options: readonly HaproxyOption[],
  test: (o: HaproxyOption) => boolean,
): HaproxyOption | undefined {
  for (let i = options.length - 1; i >= 0; i--) {
    const option = options[i]!; // i in bounds
    if (test(option)) return option;
  }
  return undefined;
}

/** HAProxy's version names as the model writes them (TLSv1.0 → TLSv1). */
const VERSIONS: readonly { haproxy: string; model: string; flag: string; force: string }[] = [
  { haproxy: 'SSLv3', model: 'SSLv3', flag: 'no-sslv3', force: 'force-sslv3' },
  { haproxy: 'TLSv1.0', model: 'TLSv1', flag: 'no-tlsv10', force: 'force-tlsv10' },
  { haproxy: 'TLSv1.1', model: 'TLSv1.1', flag: 'no-tlsv11', force: 'force-tlsv11' },
  { haproxy: 'TLSv1.2', model: 'TLSv1.2', flag: 'no-tlsv12', force: 'force-tlsv12' },
  { haproxy: 'TLSv1.3', model: 'TLSv1.3', flag: 'no-tlsv13', force: 'force-tlsv13' },
];

export const isPlaceholder = (value: string) => /\$\{|\{\{|%\{/.test(value);

export const optionLocation = (o: HaproxyOption): Location => ({
  file: o.file,
  range: o.value ? { start: o.keyword.range.start, end: o.value.range.end } : o.keyword.range,
});

const at = <T>(o: HaproxyOption, value: T): Traced<T> => ({
  value,
  from: { kind: 'file', location: optionLocation(o) },
});

export interface HaproxyVersionInput {
  /** The line's options, then the global defaults (`ssl-default-bind-options`): the line's win. */
  own: readonly HaproxyOption[];
  global: readonly HaproxyOption[];
  role: 'bind' | 'server';
  /** The OpenSSL speaks TLS 1.3. */
  tls13: boolean;
  /** Whether the bind's TLSv1.2 floor applies (HAProxy 2.2+); undefined when the release is unknown. */
  floor: boolean | undefined;
  release?: string;
}

export interface HaproxyVersions {
  protocols?: Traced<string[]>;
  protocolsAlternative?: { what: string; value: string[] };
  /** Written versions that are placeholders: the protocols are unknown. */
  unknown: Location[];
}

/**
 * The versions HAProxy enables: min and max (the line's, else the global default's), the `no-*` flags of both (ignored
 * when a min or max is set), `force-*` as min = max; a bind without a min gets TLSv1.2 from 2.2 on. A server line
 * that sets nothing keeps OpenSSL's own versions (unset here).
 */
export function haproxyVersions(input: HaproxyVersionInput): HaproxyVersions {
  const { own, global, role, tls13 } = input;
  const both = [...global, ...own];
  const unknown: Location[] = [];
  const rank = (o: HaproxyOption | undefined): number | undefined => {
    if (!o?.value) return undefined;
    if (isPlaceholder(o.value.value)) {
      unknown.push(optionLocation(o));
      return undefined;
    }
    const i = VERSIONS.findIndex((v) => v.haproxy === o.value?.value);
    return i < 0 ? undefined : i;
  };
  const forced = [...own, ...global].find((o) => VERSIONS.some((v) => v.force === o.keyword.value));
  const minOption = forced ?? lastOption(own, 'ssl-min-ver') ?? lastOption(global, 'ssl-min-ver');
  const maxOption = forced ?? lastOption(own, 'ssl-max-ver') ?? lastOption(global, 'ssl-max-ver');
  const forcedRank = forced ? VERSIONS.findIndex((v) => v.force === forced.keyword.value) : undefined;
  let min = forcedRank ?? rank(minOption);
  const max = forcedRank ?? rank(maxOption);
  if (unknown.length > 0) return { unknown };
  const flags = both.filter((o) => VERSIONS.some((v) => v.flag === o.keyword.value));
  const flagsApply = min === undefined && max === undefined;
  const top = tls13 ? VERSIONS.length - 1 : VERSIONS.length - 2;
  const range = (low: number) =>
    VERSIONS.slice(1)
      .filter((v, i) => i + 1 >= low && i + 1 <= Math.min(max ?? top, top))
      .filter((v) => !flagsApply || !flags.some((f) => f.keyword.value === v.flag))
      .map((v) => v.model);
  const written = minOption ?? maxOption ?? flags.at(-1);
  if (role === 'server') {
    if (!written) return { unknown };
    return { protocols: at(written, range(min ?? 1)), unknown };
  }
  if (min !== undefined) return { protocols: at(minOption ?? written!, range(min)), unknown };
  const floor = VERSIONS.findIndex((v) => v.model === HAPROXY_FACTS.bindMinVersionDefault.value);
  // Below the floor's max (ssl-max-ver TLSv1.1): HAProxy sets the min to the max and warns.
  if (max !== undefined && max < floor) min = max;
  const withFloor = range(min ?? floor);
  const without = range(min ?? 1);
  const since = HAPROXY_FACTS.bindMinVersionDefault.since;
  const source = HAPROXY_FACTS.bindMinVersionDefault.source.split(' ')[0] ?? '';
  if (input.floor === false) {
    const origin: Provenance = written
      ? { kind: 'file', location: optionLocation(written) }
      : {
          kind: 'default',
          origin: `HAProxy ${input.release ?? ''} (before ${since}) sets no minimum version on a bind: OpenSSL's apply (${source})`,
          confidence: 'verified',
        };
    return { protocols: { value: without, from: origin }, unknown };
  }
  const protocols: Traced<string[]> = {
    value: withFloor,
    from: {
      kind: 'default',
      origin: `HAProxy ${since}+ bind default ssl-min-ver ${HAPROXY_FACTS.bindMinVersionDefault.value} (${source})`,
      confidence: 'verified',
    },
  };
  const differs = without.join() !== withFloor.join();
  return {
    protocols,
    unknown,
    ...(input.floor === undefined && differs
      ? {
          protocolsAlternative: {
            what: `the HAProxy release (before ${since} a bind without ssl-min-ver also accepts ${without.filter((p) => !withFloor.includes(p)).join(', ')}): name the haproxy image in a Dockerfile FROM or a Compose image, or set ssl-min-ver`,
            value: without,
          },
        }
      : {}),
  };
}

export interface HaproxyCiphers {
  cipherSuites?: Traced<string[]>;
  credentialSuites?: Traced<string[]>;
  ciphersAsWritten?: string;
  unknownCipherElements: string[];
  signatureFloor?: Traced<string>;
  signatureFloorAlternative?: { what: string; value?: string };
  /** The cipher string is a placeholder: where. */
  unknownAt?: Location;
  /** Where the TLS 1.3 suites in `cipherSuites` are set (`ciphersuites`). */
  tls13SuitesAt?: Location;
}

/** The cipher string in effect (`option`, else the global default's, else OpenSSL's DEFAULT), expanded. */
export function haproxyCiphers(
  option: HaproxyOption | undefined,
  openssl: ServerOpenssl,
  memo: RunMemo,
  role: 'client' | 'server',
): HaproxyCiphers {
  const written = option?.value?.value;
  // `PROFILE=SYSTEM` (Fedora's and RHEL's haproxy.cfg ship `ssl-default-bind-ciphers PROFILE=SYSTEM`): the host's policy.
  if (option && (written === undefined || isPlaceholder(written) || namesCryptoPolicy(written)))
    return { unknownCipherElements: [], unknownAt: optionLocation(option) };
  const cipherString = written ?? HAPROXY_FACTS.ciphersDefault.value;
  const facts = openssl.facts;
  const expanded = memo.get('haproxyCipherString', `${facts.series}\u0000${cipherString}`, () =>
    expandCipherString(cipherString, { series: facts }),
  );
  const iana = expanded.ciphers.map((c) => c.iana);
  const out: HaproxyCiphers = {
    unknownCipherElements: [...expanded.unknown],
    cipherSuites: option
      ? at(option, iana)
      : {
          value: iana,
          from: {
            kind: 'default',
            origin: `HAProxy sets no cipher list without ciphers: OpenSSL ${facts.series}'s ${cipherString} (${HAPROXY_FACTS.ciphersDefault.source.split(' ')[0]})`,
            confidence: 'verified',
          },
        },
    ...(written !== undefined ? { ciphersAsWritten: written } : {}),
  };
  if (option && expanded.credentialCiphers.length > 0)
    out.credentialSuites = at(
      option,
      expanded.credentialCiphers.map((c) => c.iana),
    );
  Object.assign(
    out,
    signatureFloorSettings({
      openssl: facts,
      assumed: openssl.assumed,
      level: expanded.securityLevel,
      ciphers: undefined,
      directive: option?.keyword.value ?? 'ciphers',
      role,
      product: 'HAProxy',
      ...(option ? { writtenAt: (floor: string) => at(option, floor) } : {}),
    }),
  );
  return out;
}

/**
 * The ciphers with the TLS 1.3 suites `ciphersuites` (else global `ssl-default-bind-ciphersuites` /
 * `ssl-default-server-ciphersuites`) sets: OpenSSL offers them before the others (SSL_CTX_set_ciphersuites; HAProxy
 * passes the list as written, src/ssl_sock.c). Unset: OpenSSL's default TLS 1.3 suites (added by the predictor). A name
 * that is no TLS 1.3 suite, or a placeholder, leaves the suites unknown. Ignored without TLS 1.3 in the OpenSSL.
 */
export function withTls13Suites(
  ciphers: HaproxyCiphers,
  option: HaproxyOption | undefined,
  tls13: boolean,
): HaproxyCiphers {
  const written = option?.value?.value;
  if (!option || !tls13 || ciphers.unknownAt) return ciphers;
  const names = (written ?? '').split(':').filter(Boolean);
  const suites = names.map((n) => findCipherSuite(n)).filter((c) => c?.flags.tls13);
  if (written === undefined || isPlaceholder(written) || names.length === 0 || suites.length !== names.length) {
    const { cipherSuites: _dropped, credentialSuites: _credentials, ...rest } = ciphers;
    return { ...rest, unknownAt: optionLocation(option) };
  }
  const older = (ciphers.cipherSuites?.value ?? []).filter((s) => !findCipherSuite(s)?.flags.tls13);
  const iana = suites.flatMap((c) => c?.iana ?? []);
  return {
    ...ciphers,
    // Provenance: the written cipher string, else the ciphersuites line (the TLS 1.3 suites are then all it sets).
    cipherSuites: {
      value: [...iana, ...older],
      from: ciphers.cipherSuites?.from.kind === 'file' ? ciphers.cipherSuites.from : at(option, []).from,
    },
    tls13SuitesAt: optionLocation(option),
  };
}

/** The range from the first to the last word of a line. */
export function wordsRange(words: readonly HaproxyWord[], fallback: Range): Range {
  const first = words[0];
  const last = words.at(-1);
  return first && last ? { start: first.range.start, end: last.range.end } : fallback;
}

/** TLS settings assembled from the parts (the placeholders found make the end's handshake unknown). */
export function haproxyTls(parts: {
  versions: HaproxyVersions;
  ciphers: HaproxyCiphers;
  extra: Partial<TlsSettings>;
}): TlsSettings {
  const { versions, ciphers, extra } = parts;
  const tls: TlsSettings = { implementation: 'openssl', ...extra };
  if (versions.protocols) tls.protocols = versions.protocols;
  if (versions.protocolsAlternative) tls.protocolsAlternative = versions.protocolsAlternative;
  if (ciphers.cipherSuites) tls.cipherSuites = ciphers.cipherSuites;
  if (ciphers.credentialSuites) tls.credentialSuites = ciphers.credentialSuites;
  if (ciphers.signatureFloor) tls.signatureFloor = ciphers.signatureFloor;
  if (ciphers.signatureFloorAlternative) tls.signatureFloorAlternative = ciphers.signatureFloorAlternative;
  const unknownAt = [...versions.unknown, ...(ciphers.unknownAt ? [ciphers.unknownAt] : [])];
  if (unknownAt.length > 0) {
    tls.unknownValues = [
      ...(versions.unknown.length > 0 ? ['the protocol versions (ssl-min-ver/ssl-max-ver)'] : []),
      ...(ciphers.unknownAt ? ['the cipher suites (ciphers, ciphersuites)'] : []),
    ];
    tls.unknownAt = unknownAt.map((location) => ({ ...location, message: 'written as a placeholder' }));
  }
  return tls;
}
