/**
 * TLS settings without which nginx refuses to start, for the http and stream servers of one top-level file (nginx
 * checks them when it reads its configuration, so `nginx -t` fails too):
 * - http: the default server of an address with `listen … ssl` needs a certificate (`ssl_certificate`, its own or the
 *   http level's), unless it has `ssl_reject_handshake on`, and then every server of that address needs one or that:
 *   `[emerg] no "ssl_certificate" is defined for the "listen ... ssl" directive` (ngx_http_ssl_init);
 * - http: every `ssl_certificate` needs an `ssl_certificate_key`: `[emerg] no "ssl_certificate_key" is defined for
 *   certificate "…"` (ngx_http_ssl_merge_srv_conf);
 * - stream: a server with `listen … ssl` needs a certificate and a key for it, its own or the stream level's (the same
 *   [emerg] texts; up to 1.25.4 ngx_stream_ssl_merge_conf checks each such server, from 1.25.5, which brought several
 *   servers per address, ngx_stream_ssl_init checks the default server as http does). Said for the only server of its
 *   address, which both check alike; several servers of one address (1.25.5 and later only) and
 *   `ssl_reject_handshake` (stream: 1.25.5 and later) are left unsaid.
 * Both arrays are inherited whole by a level that sets none (ngx_conf_merge_ptr_value).
 * Sources: https://github.com/nginx/nginx/blob/master/src/http/modules/ngx_http_ssl_module.c,
 * https://github.com/nginx/nginx/blob/release-1.22.1/src/stream/ngx_stream_ssl_module.c and
 * https://github.com/nginx/nginx/blob/master/src/stream/ngx_stream_ssl_module.c; measured with Debian's nginx 1.22.1
 * (`nginx -t`, libnginx-mod-stream for stream). Said only when the tree holds all that decides it: the server inside
 * an `http` or `stream` block of the file (a conf.d snippet's level above is elsewhere), no include the tree does not
 * hold, no template syntax.
 */
import type { Location, Range } from '../core/types';
import type { ParsedDocument } from '../parse/types';
import type { NginxStartupFailure } from './attributes';
import type {
  NamedNginxRelease,
  NginxRemovedSyntax,
  NginxSpdyDirective,
  NginxSpdyListen,
  NginxSslDirective,
} from './nginx-records';
import { NGINX_FACTS } from '../knowledge/openssl';
import { isNginxSpdyDirective, nginxVerifyClientTakesTrustedCertificate } from '../knowledge/server-releases';
import { argsRange, innermostDirectives, last, type Placed } from './nginx-placed';
import { hasUnresolvedInclude } from './nginx-unresolved';

export interface NginxServerBlock {
  server: Placed;
  /** The directives of the levels around it (main and http), outermost first. */
  inherited: Placed[];
  /** The block of this file the server is inside: `http`, `stream`, or neither (a conf.d snippet). */
  level: 'http' | 'stream' | undefined;
}

const DEFAULT_PARAMS = new Set(['default_server', 'default']);

/** `443`, `*:443`, `0.0.0.0:443` → `*:443`; `[::]:443` and `10.0.0.1:443` as written; undefined for a unix socket. */
function addressKey(listen: string): string | undefined {
  if (listen.startsWith('unix:')) return undefined;
  const m = /^(?:(.*):)?(\d+)$/.exec(listen);
  if (!m) return `${listen.toLowerCase()}:80`;
  const host = !m[1] || m[1] === '*' || m[1] === '0.0.0.0' ? '*' : m[1].toLowerCase();
  return `${host}:${m[2]}`;
}

/** The startup failures of a file's http servers, by server block; `nginx`: the release the tree's image names. */
export function nginxStartupFailures(
  doc: ParsedDocument,
  servers: NginxServerBlock[],
  nginx?: NamedNginxRelease,
): Map<Placed, NginxStartupFailure> {
  const failures = new Map<Placed, NginxStartupFailure>();
  if (doc.template) return failures;
  const own = (s: NginxServerBlock) => (s.server.block ?? []).filter((p) => !p.block);
  const levels = (s: NginxServerBlock) => [s.inherited, own(s)];
  const known = (s: NginxServerBlock) => s.level !== undefined && !hasUnresolvedInclude(levels(s));
  // SPIFFE's nginx fork with `ssl_spiffe on` requires no ssl_certificate: the Workload API gives it at run time.
  const hasCertificate = (s: NginxServerBlock) =>
    innermostDirectives(levels(s), 'ssl_certificate').length > 0 ||
    workloadApiOf(levels(s).flat(), NGINX_FACTS.workloadApiDirectives.value.server) !== undefined;
  const rejects = (s: NginxServerBlock) =>
    last([...s.inherited, ...own(s)], 'ssl_reject_handshake')?.directive.args[0]?.value === 'on';
  // The servers of each address, in file order (with the listen that puts them there), its default, and whether
  // any listen makes it a TLS address.
  const byAddress = new Map<
    string,
    { on: { s: NginxServerBlock; listen: Placed }[]; defaultIndex: number; tls: boolean }
  >();
  for (const s of servers) {
    if (s.level !== 'http') continue;
    const sslOn = last([...s.inherited, ...own(s)], 'ssl')?.directive.args[0]?.value === 'on';
    for (const listen of own(s).filter((p) => p.directive.name === 'listen')) {
      const [address, ...params] = listen.directive.args.map((a) => a.value);
      const key = address !== undefined ? addressKey(address) : undefined;
      if (!key) continue;
      const entry = byAddress.get(key) ?? { on: [], defaultIndex: 0, tls: false };
      byAddress.set(key, entry);
      entry.tls ||= sslOn || params.includes('ssl');
      if (params.some((a) => DEFAULT_PARAMS.has(a))) entry.defaultIndex = entry.on.length;
      entry.on.push({ s, listen });
    }
  }
  for (const [key, { on, defaultIndex, tls }] of byAddress) {
    const byDefault = on[defaultIndex];
    if (!tls || !byDefault) continue;
    // With ssl_reject_handshake on the default server, every server of the address is checked.
    const checked = rejects(byDefault.s) ? on : [byDefault];
    for (const { s, listen } of checked) {
      if (!known(s) || hasCertificate(s) || rejects(s) || failures.has(s.server)) continue;
      failures.set(s.server, {
        kind: 'no-certificate',
        level: 'http',
        listen: key,
        at: { file: listen.file, range: argsRange(listen) },
      });
    }
  }
  for (const [s, listen, key] of lonelyStreamTlsServers(servers, own)) {
    if (!known(s) || hasCertificate(s) || rejects(s)) continue;
    failures.set(s.server, {
      kind: 'no-certificate',
      level: 'stream',
      listen: key,
      at: { file: listen.file, range: argsRange(listen) },
    });
  }
  const streamTls = new Set(lonelyStreamTlsServers(servers, own).map(([s]) => s));
  for (const s of servers) {
    if (!known(s) || failures.has(s.server)) continue;
    // A stream server without listen … ssl: its key is checked by 1.25.5 and later only.
    if (s.level === 'stream' && (!streamTls.has(s) || rejects(s))) continue;
    // `ssl_spiffe on` loads no ssl_certificate file, so none needs a key.
    if (workloadApiOf(levels(s).flat(), NGINX_FACTS.workloadApiDirectives.value.server)) continue;
    const certificates = innermostDirectives(levels(s), 'ssl_certificate');
    const keys = innermostDirectives(levels(s), 'ssl_certificate_key');
    const unpaired = certificates[keys.length];
    if (unpaired)
      failures.set(s.server, {
        kind: 'no-key',
        level: s.level ?? 'http',
        certificate: unpaired.directive.args[0]?.value ?? '',
        at: { file: unpaired.file, range: argsRange(unpaired) },
      });
  }
  for (const s of servers) {
    if (!known(s) || failures.has(s.server) || (s.level === 'stream' && !streamTls.has(s))) continue;
    const failure = clientCaFailure(s.level ?? 'http', levels(s), rejects(s), nginx);
    if (failure) failures.set(s.server, failure);
  }
  return failures;
}

/**
 * `ssl_verify_client on|optional` without the CA certificates to verify with, in a server nginx builds a TLS context
 * for (a certificate, or ssl_reject_handshake on): `[emerg] no ssl_client_certificate for ssl_verify_client`
 * (ngx_http_ssl_merge_srv_conf, ngx_stream_ssl_merge_conf; measured with nginx 1.22.1, also for a plain http server
 * that inherits a certificate). From 1.27.2 ssl_trusted_certificate suffices: with it, said only when the image names
 * an older release. Not for SPIFFE's fork with `ssl_spiffe on` (the bundle comes from the Workload API).
 */
function clientCaFailure(
  level: 'http' | 'stream',
  levels: Placed[][],
  rejects: boolean,
  nginx: NamedNginxRelease | undefined,
): NginxStartupFailure | undefined {
  const scope = levels.flat();
  if (workloadApiOf(scope, NGINX_FACTS.workloadApiDirectives.value.server)) return undefined;
  if (innermostDirectives(levels, 'ssl_certificate').length === 0 && !rejects) return undefined;
  const verify = last(scope, 'ssl_verify_client');
  const mode = verify?.directive.args[0]?.value ?? '';
  if (!verify || (mode !== 'on' && mode !== 'optional') || last(scope, 'ssl_client_certificate')) return undefined;
  const trusted = last(scope, 'ssl_trusted_certificate');
  if (trusted && (!nginx || nginxVerifyClientTakesTrustedCertificate(nginx.release) !== false)) return undefined;
  const at = (p: Placed): Location => ({ file: p.file, range: argsRange(p) });
  return {
    kind: 'no-client-ca',
    level,
    mode,
    at: at(verify),
    ...(trusted && nginx ? { trusted: { at: at(trusted), nginx } } : {}),
  };
}

/**
 * The stream servers with a `listen … ssl` that are the only server of that address in the file, each with that listen
 * and its address.
 */
function lonelyStreamTlsServers(
  servers: NginxServerBlock[],
  own: (s: NginxServerBlock) => Placed[],
): [NginxServerBlock, Placed, string][] {
  const byAddress = new Map<string, { s: NginxServerBlock; listen: Placed; ssl: boolean }[]>();
  for (const s of servers) {
    if (s.level !== 'stream') continue;
    for (const listen of own(s).filter((p) => p.directive.name === 'listen')) {
      const [address, ...params] = listen.directive.args.map((a) => a.value);
      const key = address !== undefined ? addressKey(address) : undefined;
      if (!key) continue;
      byAddress.set(key, [...(byAddress.get(key) ?? []), { s, listen, ssl: params.includes('ssl') }]);
    }
  }
  const out: [NginxServerBlock, Placed, string][] = [];
  for (const [key, on] of byAddress) {
    const [only, ...others] = on;
    if (only?.ssl && others.length === 0 && !out.some(([s]) => s === only.s)) out.push([only.s, only.listen, key]);
  }
  return out;
}

/**
 * The `ssl_spiffe on` (a server) or `proxy_ssl_spiffe on` (a proxy) of SPIFFE's nginx fork in effect in a scope: the
 * certificate, its key and the trust bundle come from the SPIFFE Workload API at run time, not from the files the
 * ssl_* directives name (openssl-servers.json nginx.workloadApiDirectives).
 */
export function workloadApiOf(scope: Placed[], name: string): { directive: string; at: Location } | undefined {
  const p = last(scope, name);
  if (p?.directive.args[0]?.value !== 'on') return undefined;
  return { directive: `${name} on`, at: { file: p.file, range: argsRange(p) } };
}

/** The blocks whose directives may be an `ssl` directive: main, http, mail and their servers (not map, geo, location…). */
const SSL_DIRECTIVE_BLOCKS = new Set(['http', 'mail', 'server']);
/** The blocks whose `listen` may carry `spdy`: main (a conf.d snippet's servers), http and its servers. */
const HTTP_LISTEN_BLOCKS = new Set(['http', 'server']);
/** The http blocks whose lines are directives (not map or geo entries), where a spdy_* directive is read. */
const HTTP_DIRECTIVE_BLOCKS = new Set(['http', 'server', 'location', 'if', 'limit_except']);

/**
 * The directives of a top-level file (includes expanded) that `pick` takes, at its main level and inside the `blocks`
 * nested in it, each with what decides its finding: the release the image names and whether a template may render it
 * otherwise. A template's conditional decides whether it is rendered (voxpupuli/puppet-nginx writes `ssl on;` for
 * nginx < 1.15.0); a template whose only syntax is values inside other lines renders this line as written
 * (arillo/docker-nginx-ssl-proxy: `server {{TARGET_SERVICE}};`, which its entrypoint fills in with sed).
 */
function removedSyntax(
  top: Placed[],
  blocks: ReadonlySet<string>,
  pick: (p: Placed) => { value: string; range: Range } | undefined,
  nginx: NamedNginxRelease | undefined,
  rendersOtherwise: (at: Location) => boolean,
  conditional: (at: Location) => boolean,
): NginxRemovedSyntax[] {
  const found: NginxRemovedSyntax[] = [];
  const walk = (list: Placed[]) => {
    for (const p of list) {
      if (p.block) {
        if (blocks.has(p.directive.name)) walk(p.block);
        continue;
      }
      const picked = pick(p);
      if (picked === undefined) continue;
      const at = { file: p.file, range: picked.range };
      if (conditional(at)) continue;
      found.push({
        at,
        value: picked.value,
        ...(p.via ? { via: p.via } : {}),
        ...(nginx ? { nginx } : {}),
        template: rendersOtherwise(at),
      });
    }
  };
  walk(top);
  return found;
}

/**
 * The `ssl` directives of a top-level file (includes expanded): at the main level (a conf.d snippet's), in `http`,
 * `mail` and their `server` blocks, where the http and mail modules took it until 1.25.1.
 */
export function sslDirectives(
  top: Placed[],
  nginx: NamedNginxRelease | undefined,
  rendersOtherwise: (at: Location) => boolean,
  conditional: (at: Location) => boolean,
): NginxSslDirective[] {
  const pick = (p: Placed) =>
    p.directive.name === 'ssl' ? { value: p.directive.args[0]?.value ?? '', range: argsRange(p) } : undefined;
  return removedSyntax(top, SSL_DIRECTIVE_BLOCKS, pick, nginx, rendersOtherwise, conditional);
}

/**
 * The `listen … spdy` of a top-level file's http servers (includes expanded): nginx spoke SPDY with it until 1.9.4,
 * skipped it with a warning from 1.9.5 (HTTP/2 superseded SPDY) and refuses it from 1.19.7.
 */
export function spdyListens(
  top: Placed[],
  nginx: NamedNginxRelease | undefined,
  rendersOtherwise: (at: Location) => boolean,
  conditional: (at: Location) => boolean,
): NginxSpdyListen[] {
  // At the parameter itself: a templated address (`listen <%= @port %> ssl spdy;`) does not decide it.
  const pick = (p: Placed) => {
    const spdy = p.directive.name === 'listen' ? p.directive.args.slice(1).find((a) => a.value === 'spdy') : undefined;
    return spdy ? { value: p.directive.args[0]?.value ?? '', range: spdy.range } : undefined;
  };
  return removedSyntax(top, HTTP_LISTEN_BLOCKS, pick, nginx, rendersOtherwise, conditional);
}

/**
 * The spdy_* directives of a top-level file's http blocks (includes expanded): ngx_http_spdy_module's until 1.9.4,
 * skipped with a warning by the HTTP/2 module from 1.9.5, unknown from 1.19.7 (`[emerg] unknown directive`).
 */
export function spdyDirectives(
  top: Placed[],
  nginx: NamedNginxRelease | undefined,
  rendersOtherwise: (at: Location) => boolean,
  conditional: (at: Location) => boolean,
): NginxSpdyDirective[] {
  const pick = (p: Placed) =>
    isNginxSpdyDirective(p.directive.name) ? { value: p.directive.name, range: p.directive.nameRange } : undefined;
  return removedSyntax(top, HTTP_DIRECTIVE_BLOCKS, pick, nginx, rendersOtherwise, conditional);
}
