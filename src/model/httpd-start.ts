/**
 * mod_ssl settings `apachectl configtest` passes and httpd still refuses when it starts (mod_ssl initialises each
 * server's SSL context after the configuration is read: ssl_engine_init.c at 2.4.62), measured with httpd 2.4.71 on
 * Debian 12 (OpenSSL 3.0): a protocol line that leaves no protocol (ssl_init_ctx_protocol, AH02231) and a cipher string
 * that selects no cipher (ssl_init_ctx_cipher_suite, AH01898 + `no cipher match`). Judged only where the line is the
 * last word: no placeholder, no crypto-policy profile, and nothing after it the tree does not hold (an Include it
 * cannot resolve, an `<IfDefine>` a start's -D may open) that could set it again.
 */
import type { Location } from '../core/types';
import { everyOpensslSeries, HTTPD_FACTS, namesCryptoPolicy } from '../knowledge/openssl';
import { expandCipherString } from '../knowledge/openssl-cipher-string';
import { argsRange } from './nginx-placed';
import { isPlaceholder, type HttpdPlaced, type HttpdSide } from './httpd-tls';
import { protocolsOfLine } from './httpd-protocol-words';
import type { ServerOpenssl } from './server-openssl';
import type { HttpdStartRefusal } from './attributes-httpd';

/** Lines in a level that may set anything when httpd reads them: an Include the tree lacks, an `<IfDefine>` not read. */
const UNHELD = new Set(['include', 'includeoptional', 'ifdefine']);
/** Build-time placeholders of httpd's own test framework (`@SSLCA@`). */
const BUILD_PLACEHOLDER = /@\w+@/;

/** The last line of that name over the levels (innermost wins), and whether nothing unheld may come after it. */
function decisive(levels: readonly HttpdPlaced[][], keys: (p: HttpdPlaced) => boolean): HttpdPlaced | undefined {
  for (let i = levels.length - 1; i >= 0; i--) {
    const level = levels[i] ?? [];
    let index = level.length - 1;
    while (index >= 0 && (level[index]!.block || !keys(level[index]!))) index--;
    // What the tree does not hold, after the line or in a level inside it, may set it again.
    const after = index < 0 ? level : level.slice(index + 1);
    if (after.some((p) => UNHELD.has(p.directive.key))) return undefined;
    if (index >= 0) return level[index];
  }
  return undefined;
}

const at = (p: HttpdPlaced): Location => ({ file: p.file, range: argsRange(p) });
const written = (p: HttpdPlaced) => p.directive.args.map((a) => a.value).join(' ');
const judged = (p: HttpdPlaced) => !isPlaceholder(written(p)) && !BUILD_PLACEHOLDER.test(written(p));

/** A protocol line that leaves nothing: `SSLProtocol -TLSv1.3`, `-all`, `TLSv1.2 -TLSv1.2`, no word at all. */
function noProtocol(levels: readonly HttpdPlaced[][], side: HttpdSide, server: string): HttpdStartRefusal[] {
  const line = decisive(levels, (p) => p.directive.key === side.protocol);
  if (!line || !judged(line)) return [];
  const read = protocolsOfLine(line.directive);
  if (read.invalid || read.protocols.length > 0) return [];
  return [
    {
      at: at(line),
      directive: line.directive.name,
      written: written(line),
      server,
      code: 'AH02231',
      httpdSays: 'No SSL protocols available [hint: SSLProtocol]',
      why: 'the line enables no protocol',
    },
  ];
}

/**
 * A cipher string with the `:!aNULL:!eNULL:!EXP` mod_ssl appends that selects no TLS 1.2-or-older cipher:
 * SSL_CTX_set_cipher_list fails. With the OpenSSL not named by the tree, only a string no series selects from.
 */
function noCipher(
  levels: readonly HttpdPlaced[][],
  side: HttpdSide,
  openssl: ServerOpenssl,
  server: string,
): HttpdStartRefusal[] {
  // `SSLCipherSuite TLSv1.3 …` sets the TLS 1.3 suites apart (its failure, AH10127, depends on the 3.x release).
  const line = decisive(
    levels,
    (p) =>
      p.directive.key === side.cipherSuite &&
      !(p.directive.args.length > 1 && p.directive.args[0]?.value === 'TLSv1.3'),
  );
  const cipherString = line?.directive.args.at(-1)?.value;
  if (!line || cipherString === undefined || !judged(line) || namesCryptoPolicy(cipherString)) return [];
  const applied = `${cipherString}${HTTPD_FACTS.ciphersAppended.value}`;
  const series = openssl.assumed ? everyOpensslSeries() : [openssl.facts];
  const selectsNothing = series.every((facts) => {
    const expanded = expandCipherString(applied, { series: facts });
    return expanded.noMatch && !expanded.invalidCommand;
  });
  if (!selectsNothing) return [];
  return [
    {
      at: at(line),
      directive: line.directive.name,
      written: cipherString,
      server,
      code: 'AH01898',
      httpdSays: 'Unable to configure permitted SSL ciphers … no cipher match',
      ...(!openssl.assumed && openssl.at && openssl.via && openssl.release
        ? { openssl: { at: openssl.at, via: openssl.via, release: openssl.release } }
        : {}),
      why: `with the ${HTTPD_FACTS.ciphersAppended.value} mod_ssl appends, it selects no cipher of OpenSSL ${series.map(seriesName).join(', ')}${openssl.assumed ? ' (any release: the tree does not name the OpenSSL)' : ''}`,
    },
  ];
}

/** `3` is every 3.x release. */
const seriesName = (facts: { series: string }) => (facts.series === '3' ? '3.x' : facts.series);

/** What stops httpd when it initialises this end's SSL context (server: SSLEngine on; proxy: SSLProxyEngine on). */
export function startRefusals(
  levels: readonly HttpdPlaced[][],
  side: HttpdSide,
  openssl: ServerOpenssl,
  server: string,
): HttpdStartRefusal[] {
  return [...noProtocol(levels, side, server), ...noCipher(levels, side, openssl, server)];
}

/** CERTKEYS_IDX_MAX + 1 (ssl_private.h, builds with ECC): how many of a virtual host's lines replace the main server's by index. */
const REPLACED_BY_INDEX = 3;

/** A certificate file and the key file mod_ssl reads with it (none written: the certificate file itself). */
export interface HttpdCertificatePair {
  certificate: HttpdPlaced;
  key?: HttpdPlaced;
}

/**
 * The SSLCertificateFile / SSLCertificateKeyFile pairs mod_ssl loads (ssl_init_server_certs: the i-th key file goes
 * with the i-th certificate file, else the certificate file is read for the key) after a virtual host's lines replace
 * the main server's index by index (modssl_ctx_cfg_merge_certkeys; measured: a main-server key with a virtual host's
 * certificate is paired, AH02565). When a level the tree does not hold may add lines (and shift the indexes), only the
 * pairs the virtual host writes itself, with nothing unheld among its lines.
 */
export function certificateKeyPairs(levels: readonly HttpdPlaced[][], complete: boolean): HttpdCertificatePair[] {
  const merged = (key: string, over: readonly HttpdPlaced[][]) =>
    over.reduce<HttpdPlaced[]>((base, level) => {
      const add = level.filter((p) => !p.block && p.directive.key === key);
      const kept = Math.min(add.length, REPLACED_BY_INDEX);
      return [...add.slice(0, kept), ...base.slice(kept), ...add.slice(REPLACED_BY_INDEX)];
    }, []);
  const own = levels.at(-1) ?? [];
  if (!complete && (levels.length < 2 || own.some((p) => UNHELD.has(p.directive.key)))) return [];
  const over = complete ? levels : [own];
  const keys = merged('sslcertificatekeyfile', over);
  return merged('sslcertificatefile', over).flatMap((certificate, i) => {
    const key = keys[i];
    // Without the main server's lines, a pair needs the virtual host's own key (a main-server key may take the index).
    if (!complete && !key) return [];
    return [{ certificate, ...(key ? { key } : {}) }];
  });
}
