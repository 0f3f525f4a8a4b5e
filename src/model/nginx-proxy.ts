/**
 * nginx as a TLS client: one `nginx.proxy` component per `proxy_pass https://…` (`grpc_pass grpcs://…`, or a
 * stream `proxy_pass` with `proxy_ssl on`), with the `proxy_ssl_*` (`grpc_ssl_*`) directives inherited
 * http → server → location as nginx merges them (an inner level that sets one replaces the outer one), and
 * its target resolved as nginx does: a literal `host[:port]` (443 by default) or the servers of an `upstream`
 * block (port 80 by default). A target with a variable (`https://$backend`) is resolved per request: no server
 * is known, the component says so and the lint-deploy config `links` can name it.
 */
import type { Location } from '../core/types';
import type { RunMemo } from '../core/run-memo';
import { expandCipherString } from '../knowledge/openssl-cipher-string';
import { namesCryptoPolicy, NGINX_FACTS, type OpensslSeriesFacts } from '../knowledge/openssl';
import { nginxProxyProtocolDefaults } from '../knowledge/server-releases';
import type { ParsedDocument } from '../parse/types';
import type {
  ClientUrl,
  NginxProxyAttributes,
  NginxProxyStoreDirectives,
  NginxSecurityLevel,
  NginxServerAttributes,
} from './attributes';
import {
  argsRange,
  cryptoPolicyUnknown,
  innermostDirectives,
  last,
  protocolsOf,
  tracedAt,
  type Placed,
} from './nginx-placed';
import type { NginxPass } from './nginx-passes';
import { workloadApiOf } from './nginx-startup';
import { withUnheldSettings } from './nginx-unresolved';
import { signatureFloorSettings } from './openssl-floor';
import { opensslSecurityLevel, type LevelOpenssl } from './openssl-level';
import type { NginxProxyComponent, TlsSettings, Traced } from './types';
import { relativePosix } from '../core/posix-path';

export interface ProxyInput {
  /** The top-level file's directives with includes expanded. */
  top: Placed[];
  /** Its pass directives. */
  passes: NginxPass[];
  doc: ParsedDocument;
  host: string;
  root: string;
  openssl: OpensslSeriesFacts;
  opensslAttribute: NginxServerAttributes['openssl'];
  /** The OpenSSL as found, for its security level. */
  levelOpenssl: LevelOpenssl;
  /** The nginx release the tree's image names, and where. */
  nginx?: { release: string; at: Location };
  memo: RunMemo;
}

/** The pass directives lint-deploy models as TLS clients, and the scheme their target starts with. */
const TLS_SCHEMES: Record<string, RegExp> = { proxy_pass: /^https:\/\//i, grpc_pass: /^grpcs:\/\//i };
const DEFAULT_TLS_PORT = 443;
/** nginx's default port of an upstream `server` entry, whatever the scheme (ngx_http_upstream_server). */
const UPSTREAM_DEFAULT_PORT = 80;

/** The `upstream` blocks of a top-level file by name, http's and stream's (a snippet's count for both). */
export function upstreamsOf(top: Placed[]): { http: Map<string, Placed>; stream: Map<string, Placed> } {
  const upstreams = { http: new Map<string, Placed>(), stream: new Map<string, Placed>() };
  const collect = (list: Placed[], context: 'main' | 'http' | 'stream') => {
    for (const p of list) {
      if (!p.block) continue;
      const name = p.directive.args[0]?.value;
      if (p.directive.name === 'upstream' && name) {
        if (context !== 'stream') upstreams.http.set(name, p);
        if (context !== 'http') upstreams.stream.set(name, p);
      } else if (p.directive.name === 'http' || p.directive.name === 'stream') collect(p.block, p.directive.name);
    }
  };
  collect(top, 'main');
  return upstreams;
}

/** The `nginx.proxy` components of one top-level nginx file. */
export function proxyComponents(input: ProxyInput): NginxProxyComponent[] {
  const upstreams = upstreamsOf(input.top);
  const out: NginxProxyComponent[] = [];
  for (const { pass, levels, stream, server, prefix, transport } of input.passes) {
    const target = pass.directive.args[0]?.value ?? '';
    const scheme = TLS_SCHEMES[pass.directive.name];
    if (transport !== 'tls') continue;
    if (stream) out.push(proxyComponent(input, pass, levels, prefix, target, upstreams.stream, server));
    else if (scheme)
      out.push(proxyComponent(input, pass, levels, prefix, target.replace(scheme, ''), upstreams.http, server));
  }
  return out;
}

/** `host`, `host:port`, `[v6]:port` → host and port (undefined when the text is no address). */
function hostPort(address: string, defaultPort: number): { host: string; port: number } | undefined {
  const m = /^(\[[^\]]+\]|[^:/[\]]+)(?::(\d+))?$/.exec(address);
  if (!m?.[1]) return undefined;
  return { host: m[1].toLowerCase(), port: m[2] ? Number(m[2]) : defaultPort };
}

function clientUrl(
  address: { host: string; port: number },
  location: Location,
  key: string,
  scheme = 'https',
): ClientUrl {
  return { url: `${scheme}://${address.host}:${address.port}`, scheme, ...address, location, key };
}

/**
 * The addresses a pass's target reaches, each as the URL nginx calls with `scheme`: the servers of the `upstream` it
 * names (port 80 by default; `down` ones never), else the literal `host[:port]` (`defaultPort`). None for a target with
 * a variable (resolved per request) or a unix socket; `upstream`: the block it names.
 */
export function passUrls(
  pass: Placed,
  authority: string,
  upstreams: Map<string, Placed>,
  scheme: string,
  defaultPort: number,
): { urls: ClientUrl[]; upstream?: Placed } {
  const at: Location = { file: pass.file, range: argsRange(pass) };
  if (authority.includes('$')) return { urls: [] };
  const upstream = upstreams.get(authority);
  if (upstream) {
    const urls: ClientUrl[] = [];
    for (const entry of upstream.block ?? []) {
      const server = entry.directive.args[0]?.value;
      if (entry.block || entry.directive.name !== 'server' || !server) continue;
      // A `down` server is never used; `backup` ones are, when the others fail.
      if (entry.directive.args.some((a) => a.value === 'down')) continue;
      const found = hostPort(server, UPSTREAM_DEFAULT_PORT);
      const where = { file: entry.file, range: argsRange(entry) };
      if (found) urls.push(clientUrl(found, where, `upstream ${authority} server`, scheme));
    }
    return { urls, upstream };
  }
  if (authority.startsWith('unix:')) return { urls: [] };
  const found = hostPort(authority, defaultPort);
  return { urls: found ? [clientUrl(found, at, pass.directive.name, scheme)] : [] };
}

function proxyComponent(
  input: ProxyInput,
  pass: Placed,
  levels: Placed[][],
  prefix: string,
  address: string,
  upstreams: Map<string, Placed>,
  server: Placed | undefined,
): NginxProxyComponent {
  const scope = levels.flat();
  const written = pass.directive.args[0]?.value ?? '';
  const at: Location = { file: pass.file, range: argsRange(pass) };
  // The address without the URI part (`https://app:8443/api/` → `app:8443`).
  const authority = address.split('/')[0] ?? '';
  const { urls, upstream: upstreamBlock } = passUrls(pass, authority, upstreams, 'https', DEFAULT_TLS_PORT);
  const upstream: NginxProxyAttributes['upstream'] = upstreamBlock && {
    name: authority,
    location: { file: upstreamBlock.file, range: upstreamBlock.directive.nameRange },
  };
  const unresolvedTarget: NginxProxyAttributes['unresolvedTarget'] = authority.includes('$')
    ? { written, location: at }
    : undefined;
  const { tls, unknownCipherElements, ciphersAsWritten, invalidCipherCommand, securityLevel } = proxyTls(
    input,
    levels,
    prefix,
  );
  const bool = (name: string, fallback: boolean, source: string): Traced<boolean> => {
    const p = last(scope, `${prefix}_${name}`);
    return p
      ? tracedAt(p, p.directive.args[0]?.value === 'on')
      : {
          value: fallback,
          from: {
            kind: 'default',
            origin: `nginx default ${prefix}_${name} ${fallback ? 'on' : 'off'} (${source.split(' ')[0]})`,
            confidence: 'verified',
          },
        };
  };
  const verify = bool('verify', NGINX_FACTS.proxyVerifyDefault.value, NGINX_FACTS.proxyVerifyDefault.source);
  const serverName = bool(
    'server_name',
    NGINX_FACTS.proxyServerNameDefault.value,
    NGINX_FACTS.proxyServerNameDefault.source,
  );
  const sslName = last(scope, `${prefix}_name`);
  const workloadApi =
    prefix === 'proxy_ssl' ? workloadApiOf(scope, NGINX_FACTS.workloadApiDirectives.value.proxy) : undefined;
  const relative = relativePosix(input.root, pass.file);
  const line = pass.directive.nameRange.start.line + 1;
  return {
    id: `nginx.proxy:${relative}:${line}`,
    type: 'nginx.proxy',
    name: `nginx ${pass.directive.name} ${written} (${relative}:${line})`,
    role: 'client',
    location: { file: pass.file, range: pass.directive.nameRange },
    host: input.host,
    tls,
    documents: [input.doc],
    attributes: {
      directive: pass.directive.name,
      target: written,
      ...(upstream ? { upstream } : {}),
      urls,
      ...(server ? { serverBlock: { file: server.file, range: server.directive.nameRange } } : {}),
      ...(unresolvedTarget ? { unresolvedTarget } : {}),
      verify,
      serverName,
      ...(sslName?.directive.args[0] ? { sslName: tracedAt(sslName, sslName.directive.args[0].value) } : {}),
      openssl: input.opensslAttribute,
      ciphersAsWritten,
      unknownCipherElements,
      ...(invalidCipherCommand ? { invalidCipherCommand } : {}),
      ...(input.nginx && tls.protocols?.from.kind !== 'file' ? { defaultsFrom: input.nginx } : {}),
      storeDirectives: storeDirectivesOf(scope, prefix),
      securityLevel,
      ...(workloadApi ? { workloadApi } : {}),
    },
  };
}

function storeDirectivesOf(scope: Placed[], prefix: string): NginxProxyStoreDirectives {
  const out: NginxProxyStoreDirectives = {};
  for (const name of ['certificate', 'trusted_certificate', 'verify_depth'] as const) {
    const p = last(scope, `${prefix}_${name}`);
    const value = p?.directive.args[0]?.value;
    if (p && value)
      out[`proxy_ssl_${name}`] = {
        value,
        location: { file: p.file, range: argsRange(p) },
        written: `${prefix}_${name}`,
      };
  }
  return out;
}

/** The proxy's protocols, cipher list and client certificate, with nginx's defaults where unset. */
function proxyTls(
  input: ProxyInput,
  levels: Placed[][],
  prefix: string,
): {
  tls: TlsSettings;
  unknownCipherElements: string[];
  ciphersAsWritten: string;
  invalidCipherCommand?: string;
  securityLevel: NginxSecurityLevel;
} {
  const { openssl, memo } = input;
  const tls: TlsSettings = { implementation: 'openssl' };
  // nginx passes TLSv1.3 to an OpenSSL without it, which then offers what it has.
  const usable = (list: string[]) => list.filter((p) => openssl.tls13 || p !== 'TLSv1.3');
  const scope = levels.flat();
  const protocols = protocolsOf(innermostDirectives(levels, `${prefix}_protocols`));
  if (protocols) tls.protocols = { ...protocols, value: usable(protocols.value) };
  else {
    // The default changed between nginx releases: those the tree's image may run (all when it names none),
    // the newest one's list, and the oldest one's as the alternative the outcome checks (newest first).
    const fact = NGINX_FACTS.proxyProtocolsDefault;
    const rows = nginxProxyProtocolDefaults(input.nginx?.release);
    const [newest] = rows;
    const oldest = rows.at(-1);
    if (newest && oldest) {
      const source = fact.source.split(' ')[0] ?? '';
      const image = input.nginx ? `the image's nginx ${input.nginx.release}` : `nginx ${newest.since} and later`;
      tls.protocols = {
        value: usable(newest.protocols),
        from: {
          kind: 'default',
          origin: `nginx default ${prefix}_protocols ${newest.protocols.join(' ')} (${image}; ${source})`,
          confidence: rows.length === 1 ? 'verified' : 'inferred',
        },
      };
      const before = usable(oldest.protocols);
      if (before.join() !== tls.protocols.value.join())
        tls.protocolsAlternative = {
          what: `the nginx release${input.nginx ? ` (the image names ${input.nginx.release}, not its patch release)` : ''} (its default ${prefix}_protocols is ${rows.map((r) => `${r.protocols.join(' ')} from ${r.since}`).join(', ')}; set ${prefix}_protocols to know)`,
          value: before,
        };
    }
  }
  const ciphers = last(scope, `${prefix}_ciphers`);
  const cipherString = ciphers?.directive.args[0]?.value ?? NGINX_FACTS.proxyCiphersDefault.value;
  // The same expansion, shared with the server side by (OpenSSL series, string) in a run.
  const expanded = memo.get('nginxCipherString', `${openssl.series}\u0000${cipherString}`, () =>
    expandCipherString(cipherString, { series: openssl }),
  );
  const suites = expanded.ciphers.map((c) => c.iana);
  tls.cipherSuites = ciphers
    ? tracedAt(ciphers, suites)
    : {
        value: suites,
        from: {
          kind: 'default',
          origin: `nginx default ${prefix}_ciphers ${cipherString} (${NGINX_FACTS.proxyCiphersDefault.source.split(' ')[0]})`,
          confidence: 'verified',
        },
      };
  if (ciphers && namesCryptoPolicy(cipherString)) cryptoPolicyUnknown(tls, ciphers, `${prefix}_ciphers`, cipherString);
  // As a client, OpenSSL 3 above security level 0 accepts no signed TLS 1.0/1.1 key exchange.
  Object.assign(
    tls,
    signatureFloorSettings({
      openssl,
      assumed: input.opensslAttribute?.assumed ?? true,
      level: expanded.securityLevel,
      ciphers,
      directive: `${prefix}_ciphers`,
      role: 'client',
    }),
  );
  const certificate = last(scope, `${prefix}_certificate`);
  const file = certificate?.directive.args[0]?.value;
  if (certificate && file)
    tls.certificate = { file, reference: { file: certificate.file, range: argsRange(certificate) } };
  // What the tree does not hold (OpenSSL commands, a shared proxy_ssl snippet) may set the lists.
  withUnheldSettings(tls, levels, {
    names: [`${prefix}_protocols`, `${prefix}_ciphers`],
    confCommand: `${prefix}_conf_command`,
    who: 'the proxy',
    tls13: openssl.tls13,
  });
  return {
    tls,
    unknownCipherElements: [...expanded.unknown],
    ciphersAsWritten: cipherString,
    ...(expanded.invalidCommand ? { invalidCipherCommand: expanded.invalidCommand } : {}),
    securityLevel: opensslSecurityLevel({
      openssl: input.levelOpenssl,
      explicit: expanded.securityLevel,
      cipherAt: ciphers ? { file: ciphers.file, range: argsRange(ciphers) } : undefined,
      directive: `${prefix}_ciphers`,
      product: 'nginx',
      nginx: input.nginx,
    }),
  };
}
