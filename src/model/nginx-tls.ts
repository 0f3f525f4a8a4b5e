/**
 * The TLS settings of an nginx end (a `server { }` block or a policy snippet) from the directives it inherits, and the
 * OpenSSL it runs with (the image of the nearest Dockerfile, else the assumed series): ciphers expanded by that
 * OpenSSL, protocols, DH parameters, the signature floor, server order and client authentication.
 */
import type { Location } from '../core/types';
import type { RunMemo } from '../core/run-memo';
import { expandCipherString } from '../knowledge/openssl-cipher-string';
import { namesCryptoPolicy, NGINX_FACTS } from '../knowledge/openssl';
import {
  argsRange,
  cryptoPolicyUnknown,
  innermostDirectives,
  last,
  protocolsOf,
  tracedAt,
  type Placed,
} from './nginx-placed';
import { signatureFloorSettings } from './openssl-floor';
import { nginxFiniteFieldGroups } from './openssl-groups';
import { opensslSecurityLevel } from './openssl-level';
import type { ServerOpenssl } from './server-openssl';
import type { ClientAuthMode, TlsSettings } from './types';
import type { NginxSecurityLevel, NginxStoreDirectives } from './attributes';

/** nginx's `ssl_ciphers` default (knowledge: openssl-servers.json `nginx.ciphersDefault`). */
const NGINX_DEFAULT_CIPHERS = NGINX_FACTS.ciphersDefault.value;
const CLIENT_AUTH: Record<string, ClientAuthMode> = {
  on: 'required',
  optional: 'optional',
  optional_no_ca: 'optional',
  off: 'none',
};

export function storeDirectivesOf(scope: Placed[]): NginxStoreDirectives {
  const out: NginxStoreDirectives = {};
  for (const name of ['ssl_client_certificate', 'ssl_trusted_certificate', 'ssl_verify_depth'] as const) {
    const p = last(scope, name);
    const value = p?.directive.args[0]?.value;
    if (p && value) out[name] = { value, location: { file: p.file, range: argsRange(p) } };
  }
  return out;
}

export type NginxTls = TlsSettings & {
  unknown: string[];
  ciphersAsWritten?: string;
  dheWithoutParameters: string[];
  invalidCipherCommand?: string;
  securityLevel: NginxSecurityLevel;
  dhParameters?: { file: string; location: Location };
};

/** `levels`: the blocks whose directives the end inherits, outermost first (http, server). */
export function tlsFrom(levels: Placed[][], server: ServerOpenssl, memo: RunMemo): NginxTls {
  const scope = levels.flat();
  const { facts: openssl, assumed } = server;
  const at = tracedAt;
  const ciphers = last(scope, 'ssl_ciphers');
  const cipherString = ciphers?.directive.args[0]?.value ?? NGINX_DEFAULT_CIPHERS;
  // Every environment of a fleet writes the same few strings: expanded once per (string, OpenSSL series) in a
  // run. The answer is shared: only new arrays are taken from it.
  const expanded = memo.get('nginxCipherString', `${openssl.series}\u0000${cipherString}`, () =>
    expandCipherString(cipherString, { series: openssl }),
  );
  const tls: NginxTls = {
    implementation: 'openssl',
    unknown: [],
    dheWithoutParameters: [],
    securityLevel: opensslSecurityLevel({
      openssl: server,
      explicit: expanded.securityLevel,
      cipherAt: ciphers ? { file: ciphers.file, range: argsRange(ciphers) } : undefined,
      directive: 'ssl_ciphers',
      product: 'nginx',
      nginx: server.nginx,
    }),
  };
  const protocols = protocolsOf(innermostDirectives(levels, 'ssl_protocols'));
  if (protocols)
    tls.protocols = { ...protocols, value: protocols.value.filter((p) => openssl.tls13 || p !== 'TLSv1.3') };
  else if (!openssl.tls13) {
    // An OpenSSL without TLS 1.3 runs an nginx from before TLS 1.3 was on by default.
    const fact = NGINX_FACTS.protocolsDefaultWithoutTls13;
    tls.protocols = {
      value: fact.value,
      from: {
        kind: 'default',
        origin: `nginx default ssl_protocols ${fact.value.join(' ')} with OpenSSL ${openssl.series} (no TLS 1.3; ${fact.source.split(' ')[0]})`,
        confidence: 'verified',
      },
    };
  }
  tls.unknown = [...expanded.unknown];
  tls.ciphersAsWritten = cipherString;
  if (expanded.invalidCommand) tls.invalidCipherCommand = expanded.invalidCommand;
  tls.cipherSuites = ciphers
    ? at(
        ciphers,
        expanded.ciphers.map((c) => c.iana),
      )
    : {
        value: expanded.ciphers.map((c) => c.iana),
        from: { kind: 'default', origin: `nginx default ssl_ciphers ${NGINX_DEFAULT_CIPHERS}`, confidence: 'verified' },
      };
  if (ciphers && expanded.credentialCiphers.length > 0)
    tls.credentialSuites = at(
      ciphers,
      expanded.credentialCiphers.map((c) => c.iana),
    );
  // `ssl_ciphers PROFILE=SYSTEM` (Fedora's and RHEL's nginx.conf): the host's crypto policy decides, not the file.
  if (ciphers && namesCryptoPolicy(cipherString)) cryptoPolicyUnknown(tls, ciphers, 'ssl_ciphers', cipherString);
  // Without ssl_dhparam nginx sets no DH parameters, so OpenSSL never negotiates a DHE suite.
  const dhparam = last(scope, 'ssl_dhparam');
  const dhFile = dhparam?.directive.args[0]?.value;
  if (dhparam) {
    tls.dheParameters = at(dhparam, true);
    if (dhFile) tls.dhParameters = { file: dhFile, location: { file: dhparam.file, range: argsRange(dhparam) } };
  } else if (NGINX_FACTS.dhParametersRequired.value) {
    tls.dheParameters = {
      value: false,
      from: {
        kind: 'default',
        origin: `nginx sets no DH parameters without ssl_dhparam (since ${NGINX_FACTS.dhParametersRequired.since}; ${NGINX_FACTS.dhParametersRequired.source.split(' ')[0]})`,
        confidence: 'verified',
      },
    };
    tls.dheWithoutParameters = expanded.ciphers.filter((c) => c.kx === 'DH').map((c) => c.iana);
  }
  if (!openssl.tls13)
    tls.legacyVersionNegotiation = {
      value: openssl.versionMismatchAlert ? { versionMismatchAlert: openssl.versionMismatchAlert } : {},
      from: {
        kind: 'default',
        origin: `OpenSSL ${openssl.series} reads no supported_versions (${openssl.source.split(' ')[0]})`,
        confidence: 'verified',
      },
    };
  Object.assign(
    tls,
    signatureFloorSettings({
      openssl,
      assumed,
      level: expanded.securityLevel,
      ciphers,
      directive: 'ssl_ciphers',
      role: 'server',
    }),
  );
  if (openssl.tls13) tls.finiteFieldGroups = nginxFiniteFieldGroups(levels, openssl, assumed);
  const prefer = last(scope, 'ssl_prefer_server_ciphers');
  tls.serverOrderWins = prefer
    ? at(prefer, prefer.directive.args[0]?.value === 'on')
    : {
        value: false,
        from: { kind: 'default', origin: 'nginx default ssl_prefer_server_ciphers off', confidence: 'verified' },
      };
  const verify = last(scope, 'ssl_verify_client');
  const mode = verify && CLIENT_AUTH[verify.directive.args[0]?.value ?? ''];
  if (verify && mode) tls.clientAuth = at(verify, mode);
  return tls;
}

/** The TLS settings alone (the tls-policy component kept `unknown` and `ciphersAsWritten` in them before). */
export function withoutNginxExtras(
  tls: Omit<NginxTls, 'securityLevel'>,
): TlsSettings & { unknown: string[]; ciphersAsWritten?: string } {
  const { dheWithoutParameters: _dropped, dhParameters: _file, ...rest } = tls;
  return rest;
}
