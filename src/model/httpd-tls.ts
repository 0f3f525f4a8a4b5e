/**
 * The TLS settings of an Apache httpd (mod_ssl) end — a virtual host serving TLS, or its proxy towards an https
 * backend — from the directives in effect and the OpenSSL httpd runs with. mod_ssl keeps one value per server: a
 * virtual host's own directive replaces the main server's (ssl_engine_config.c, ssl_config_server_merge), and of two in
 * one place the later wins.
 */
import type { RelatedLocation } from '../core/types';
import type { RunMemo } from '../core/run-memo';
import type { HttpdData, HttpdDirective } from '../parse/httpd';
import type { ParsedDocument } from '../parse/types';
import { expandCipherString } from '../knowledge/openssl-cipher-string';
import { findCipherSuite } from '../knowledge/ciphers';
import { CRYPTO_POLICY_WHY, HTTPD_FACTS, namesCryptoPolicy } from '../knowledge/openssl';
import { argsRange, cryptoPolicyUnknown, tracedAt, withUnknown } from './nginx-placed';
import { signatureFloorSettings } from './openssl-floor';
import type { ServerOpenssl } from './server-openssl';
import type { TlsSettings } from './types';
import type { HttpdProtocolOverride } from './attributes-httpd';
import type { NginxSecurityLevel } from './attributes';
import { opensslSecurityLevel } from './openssl-level';
import { protocolsOfLine, withoutHoles } from './httpd-protocol-words';

/** What the ends of one top-level httpd file share: the file, the OpenSSL that runs it, whether the tree holds its main configuration. */
export interface HttpdContext {
  doc: ParsedDocument<HttpdData>;
  openssl: ServerOpenssl;
  mainHeld: boolean;
  /** The ServerRoot in the tree (a held main configuration's place). */
  serverRoot?: string;
  host: string;
  root: string;
  /** The paths of the deployment's documents. */
  treeFiles: ReadonlySet<string>;
}

/** A directive with the file it was written in and the `Include`s that brought it. */
export interface HttpdPlaced {
  directive: HttpdDirective;
  file: string;
  block?: HttpdPlaced[];
  via?: RelatedLocation[];
  /**
   * Read from the body of a section whose condition the tree does not settle and the model takes as holding
   * (`<IfVersion>`, `<IfFile>`, `<IfDirective>`, `<IfSection>`): where the line's presence decides a verdict on its own
   * (which virtual host comes first), that verdict is unknown.
   */
  assumed?: true;
}

/** The directive of that (lower-case) name in effect: the last one of the innermost level that has one. */
export function inEffect(levels: readonly HttpdPlaced[][], key: string): HttpdPlaced | undefined {
  for (let i = levels.length - 1; i >= 0; i--) {
    const found = (levels[i] ?? []).filter((p) => !p.block && p.directive.key === key).at(-1);
    if (found) return found;
  }
  return undefined;
}

/** The port of a `Listen` / `<VirtualHost>` address (`443`, `*:443`, `[::]:8443`, `10.0.0.1:443`, IHS's `:8008`). */
export function portOf(address: string): number[] {
  const port = /(?:^|:)(\d+)$/.exec(address)?.[1];
  return port ? [Number(port)] : [];
}

/** The names a virtual host's own `ServerName` (first word) and `ServerAlias` lines give, lower case. */
export function serverNamesOf(own: readonly HttpdPlaced[]): string[] {
  return (
    [
      ...own.filter((p) => p.directive.key === 'servername').flatMap((p) => p.directive.args.slice(0, 1)),
      ...own.filter((p) => p.directive.key === 'serveralias').flatMap((p) => p.directive.args),
    ]
      .map((a) =>
        a.value
          .replace(/^[a-z]+:\/\//i, '')
          .replace(/:\d+$/, '')
          .toLowerCase(),
      )
      // A host name, not a placeholder (`${DOMAIN}`, a template's `[PRIMARY-DOMAIN-NAME]`).
      .filter((n) => /^[a-z0-9*][a-z0-9._-]*$/.test(n))
  );
}

/** Every directive of that name in the levels, outermost first. */
export function allOf(levels: readonly HttpdPlaced[][], key: string): HttpdPlaced[] {
  return levels.flatMap((level) => level.filter((p) => !p.block && p.directive.key === key));
}

/** What an end's directive names are: the server's (`SSLProtocol`…) or the proxy's (`SSLProxyProtocol`…). */
export interface HttpdSide {
  protocol: 'sslprotocol' | 'sslproxyprotocol';
  cipherSuite: 'sslciphersuite' | 'sslproxyciphersuite';
  /** As messages name the cipher directive. */
  cipherDirective: string;
  role: 'server' | 'client';
}

export const SERVER_SIDE: HttpdSide = {
  protocol: 'sslprotocol',
  cipherSuite: 'sslciphersuite',
  cipherDirective: 'SSLCipherSuite',
  role: 'server',
};
export const PROXY_SIDE: HttpdSide = {
  protocol: 'sslproxyprotocol',
  cipherSuite: 'sslproxyciphersuite',
  cipherDirective: 'SSLProxyCipherSuite',
  role: 'client',
};

type HttpdTls = TlsSettings & {
  unknown: string[];
  ciphersAsWritten?: string;
  /** A protocol line whose word without + or - replaces the words before it (httpd warns: AH02532). */
  protocolOverride?: HttpdProtocolOverride;
  securityLevel?: NginxSecurityLevel;
};

/** `SSLCipherSuite [protocol] string`: the string for TLS 1.3 (`TLSv1.3`) or for the older protocols (`SSL`, none). */
function cipherLines(levels: readonly HttpdPlaced[][], key: string): { older?: HttpdPlaced; tls13?: HttpdPlaced } {
  const lines = allOf(levels, key);
  // The protocol word is compared with case (strcmp): `SSL` or `TLSv1.3`.
  const tls13 = (p: HttpdPlaced) => p.directive.args.length > 1 && p.directive.args[0]!.value === 'TLSv1.3';
  // A virtual host's line replaces the main server's for its protocol only (cipher_suite and tls13_ciphers merge apart).
  return {
    older: lines.filter((p) => !tls13(p)).at(-1),
    tls13: lines.filter(tls13).at(-1),
  };
}

const stringOf = (p: HttpdPlaced) => p.directive.args.at(-1)?.value ?? '';
/** A value a template or httpd's `${VAR}` sets when the file is rendered or read (no verdict on it). */
export const isPlaceholder = (value: string) => /\$\{|\{\{|<%|%\{/.test(value);

/** What an end's attributes keep of its TLS settings. */
export interface HttpdKept {
  ciphersAsWritten?: string;
  unknownCipherElements: string[];
  protocolOverride?: HttpdProtocolOverride;
  /** The security levels OpenSSL may load its certificates at, when the tree settles what decides them. */
  securityLevel?: NginxSecurityLevel;
}

/**
 * The TLS settings of an httpd end over its levels (main server, virtual host; outermost first) with what the tree does
 * not hold made unknown (`at`: the place that says so), and what its attributes keep of them.
 */
export function httpdEnd(
  levels: readonly HttpdPlaced[][],
  side: HttpdSide,
  context: HttpdContext,
  memo: RunMemo,
  at: HttpdPlaced,
): { tls: TlsSettings; kept: HttpdKept } {
  const { unknown, ciphersAsWritten, protocolOverride, securityLevel, ...tls } = httpdTls(
    levels,
    side,
    context.openssl,
    memo,
  );
  // A cipher line a configuration the tree does not hold may write (with its @SECLEVEL) leaves the level open.
  const levelKnown = !unheldSettings(tls, levels, side, context.mainHeld, at).ciphers;
  return {
    tls,
    kept: {
      unknownCipherElements: unknown,
      ...(ciphersAsWritten ? { ciphersAsWritten } : {}),
      ...(protocolOverride ? { protocolOverride } : {}),
      ...(securityLevel && levelKnown ? { securityLevel } : {}),
    },
  };
}

function httpdTls(levels: readonly HttpdPlaced[][], side: HttpdSide, openssl: ServerOpenssl, memo: RunMemo): HttpdTls {
  const { facts, assumed } = openssl;
  const { older, tls13 } = cipherLines(levels, side.cipherSuite);
  const cipherString = older ? stringOf(older) : HTTPD_FACTS.ciphersDefault.value;
  // mod_ssl appends `:!aNULL:!eNULL:!EXP` to every cipher string it sets (ssl_cmd_SSLCipherSuite).
  const applied = `${cipherString}${HTTPD_FACTS.ciphersAppended.value}`;
  const expanded = memo.get('httpdCipherString', `${facts.series}\u0000${applied}`, () =>
    expandCipherString(applied, { series: facts }),
  );
  const tls: HttpdTls = { implementation: 'openssl', unknown: [...expanded.unknown] };
  if (older) tls.ciphersAsWritten = cipherString;
  const commands = allOf(levels, 'sslopensslconfcmd');
  // The level certificates are loaded at: @SECLEVEL of the cipher string, else the image's OpenSSL's. A placeholder, a
  // crypto-policy profile (the host's policy sets the level) or an OpenSSL configuration command leaves it unknown.
  if (!isPlaceholder(cipherString) && !namesCryptoPolicy(cipherString) && commands.length === 0)
    tls.securityLevel = opensslSecurityLevel({
      openssl,
      explicit: expanded.securityLevel,
      cipherAt: older ? { file: older.file, range: argsRange(older) } : undefined,
      directive: side.cipherDirective,
      product: 'httpd',
    });

  const protocolLine = inEffect(levels, side.protocol);
  const protocolWords = protocolLine?.directive.args.map((a) => a.value).join(' ') ?? '';
  const read = protocolLine && !isPlaceholder(protocolWords) ? protocolsOfLine(protocolLine.directive) : undefined;
  if (protocolLine && read?.overriding && !read.invalid)
    tls.protocolOverride = {
      directive: protocolLine.directive.name,
      written: protocolWords,
      word: read.overriding,
      enabled: read.protocols,
      location: { file: protocolLine.file, range: argsRange(protocolLine) },
    };
  if (protocolLine && (!read || read.invalid)) {
    // A placeholder, or a word httpd refuses at start: no protocol is known (never an empty list, which fails every link).
    withUnknown(tls, {
      unknownValues: [`${protocolLine.directive.name} ${protocolWords}`],
      unknownAt: [
        {
          file: protocolLine.file,
          range: argsRange(protocolLine),
          message: read?.invalid ? `httpd refuses to start: ${read.invalid}` : 'a value set when the file is rendered',
        },
      ],
    });
  } else {
    const usable = withoutHoles(
      (read?.protocols ?? HTTPD_FACTS.protocolsDefault.value).filter((p) => facts.tls13 || p !== 'TLSv1.3'),
    );
    tls.protocols = protocolLine
      ? tracedAt(protocolLine, usable)
      : {
          value: usable,
          from: {
            kind: 'default',
            origin: `httpd default ${side.protocol === 'sslprotocol' ? 'SSLProtocol' : 'SSLProxyProtocol'} ${HTTPD_FACTS.protocolsDefault.written} (${HTTPD_FACTS.protocolsDefault.source.split(' ')[0]})`,
            confidence: 'verified',
          },
        };
  }

  const iana = expanded.ciphers.map((c) => c.iana);
  tls.cipherSuites = older
    ? tracedAt(older, iana)
    : {
        value: iana,
        from: {
          kind: 'default',
          origin: `httpd default ${side.cipherDirective} ${cipherString} (${HTTPD_FACTS.ciphersDefault.source.split(' ')[0]})`,
          confidence: 'verified',
        },
      };
  if (older && expanded.credentialCiphers.length > 0)
    tls.credentialSuites = tracedAt(
      older,
      expanded.credentialCiphers.map((c) => c.iana),
    );
  if (tls13 && facts.tls13) withTls13Line(tls, tls13);
  // A crypto-policy profile, a placeholder, or an `@` command this OpenSSL lacks (httpd then refuses to start): unknown.
  if (older && (namesCryptoPolicy(cipherString) || isPlaceholder(cipherString) || expanded.invalidCommand))
    cryptoPolicyUnknown(tls, older, side.cipherDirective, cipherString);
  // RHEL's and Fedora's httpd, which take the suites from the host's crypto policy, take the protocols from it too when
  // the configuration sets none (their mod_ssl leaves the range to the policy): not httpd's default.
  if (older && namesCryptoPolicy(cipherString) && !protocolLine) {
    delete tls.protocols;
    withUnknown(tls, {
      unknownValues: [`${side.role === 'server' ? 'SSLProtocol' : 'SSLProxyProtocol'} (the host's crypto policy)`],
      unknownAt: [
        {
          file: older.file,
          range: argsRange(older),
          message: `${side.cipherDirective} ${cipherString} names ${CRYPTO_POLICY_WHY}; with no ${side.role === 'server' ? 'SSLProtocol' : 'SSLProxyProtocol'}, the policy sets the protocols too`,
        },
      ],
    });
  }

  Object.assign(
    tls,
    signatureFloorSettings({
      openssl: facts,
      assumed,
      level: expanded.securityLevel,
      ciphers: older,
      directive: side.cipherDirective,
      role: side.role,
      product: 'httpd',
    }),
  );
  if (!facts.tls13)
    tls.legacyVersionNegotiation = {
      value: facts.versionMismatchAlert ? { versionMismatchAlert: facts.versionMismatchAlert } : {},
      from: {
        kind: 'default',
        origin: `OpenSSL ${facts.series} reads no supported_versions (${facts.source.split(' ')[0]})`,
        confidence: 'verified',
      },
    };
  // OpenSSL configuration commands can set protocols and suites themselves: lint-deploy does not apply them.
  if (commands.length > 0)
    withUnknown(tls, {
      unknownValues: commands.map((p) => `SSLOpenSSLConfCmd ${p.directive.args.map((a) => a.value).join(' ')}`),
      unknownAt: commands.map((p) => ({
        file: p.file,
        range: argsRange(p),
        message: 'OpenSSL configuration commands lint-deploy does not apply',
      })),
    });
  return tls;
}

/** `SSLCipherSuite TLSv1.3 TLS_AES_256_GCM_SHA384:…`: the TLS 1.3 suites the end offers before its older ones. */
function withTls13Line(tls: HttpdTls, line: HttpdPlaced): void {
  const written = stringOf(line);
  const names = written.split(':').filter(Boolean);
  const suites = names.map((n) => findCipherSuite(n)).filter((c) => c?.flags.tls13);
  if (isPlaceholder(written) || names.length === 0 || suites.length !== names.length) {
    delete tls.cipherSuites;
    delete tls.credentialSuites;
    withUnknown(tls, {
      unknownValues: [`${line.directive.name} ${line.directive.args.map((a) => a.value).join(' ')}`],
      unknownAt: [{ file: line.file, range: argsRange(line), message: 'TLS 1.3 suites lint-deploy cannot read' }],
    });
    return;
  }
  const older = (tls.cipherSuites?.value ?? []).filter((s) => !findCipherSuite(s)?.flags.tls13);
  const from = tls.cipherSuites?.from.kind === 'file' ? tls.cipherSuites.from : tracedAt(line, []).from;
  tls.cipherSuites = { value: [...suites.flatMap((c) => c?.iana ?? []), ...older], from };
}

/**
 * What the tree does not hold of an end's settings: a file that no main configuration of the tree includes (a
 * `sites-available` virtual host) inherits the main server's SSLProtocol and SSLCipherSuite from a file the tree does not
 * hold, and an `Include` the tree cannot resolve may set them too. A setting the held levels do not write is then
 * unknown, never httpd's default. Says whether the cipher string is (and so its @SECLEVEL).
 */
function unheldSettings(
  tls: TlsSettings,
  levels: readonly HttpdPlaced[][],
  side: HttpdSide,
  mainHeld: boolean,
  at: HttpdPlaced,
): { ciphers: boolean } {
  const why = unheldWhy(levels, mainHeld);
  if (!why) return { ciphers: false };
  const names = {
    protocol: side.role === 'server' ? 'SSLProtocol' : 'SSLProxyProtocol',
    ciphers: side.cipherDirective,
  };
  const unknownValues: string[] = [];
  const ciphers = allOf(levels, side.cipherSuite).length === 0;
  if (allOf(levels, side.protocol).length === 0) {
    delete tls.protocols;
    unknownValues.push(`${names.protocol} (${why})`);
  }
  if (ciphers) {
    delete tls.cipherSuites;
    delete tls.credentialSuites;
    unknownValues.push(`${names.ciphers} (${why})`);
  }
  if (unknownValues.length > 0)
    withUnknown(tls, {
      unknownValues,
      unknownAt: [{ file: at.file, range: at.directive.nameRange, message: unknownValues.join('; ') }],
    });
  return { ciphers };
}

/** Why a setting the held levels do not write is unknown (see unheldSettings); undefined when the tree holds them all. */
export function unheldWhy(levels: readonly HttpdPlaced[][], mainHeld: boolean): string | undefined {
  const flat = levels.flat();
  const unresolved = flat.filter((p) => p.directive.key === 'include' || p.directive.key === 'includeoptional');
  // An <IfDefine X> body the model did not read (./httpd.ts): httpd reads it when started with -DX.
  const conditional = flat.filter((p) => p.directive.key === 'ifdefine');
  if (mainHeld && unresolved.length === 0 && conditional.length === 0) return undefined;
  if (!mainHeld)
    return 'the main configuration (httpd.conf, apache2.conf) that includes this file is not in the tree: add it, or set it here';
  const name = (p: HttpdPlaced) => p.directive.args[0]?.value ?? '';
  return [
    ...unresolved.map((p) => `${p.directive.name} ${name(p)}: the tree does not hold it (add it to the tree)`),
    ...conditional.map((p) => `<IfDefine ${name(p)}>: read only when httpd starts with -D${name(p)}`),
  ].join('; ');
}
