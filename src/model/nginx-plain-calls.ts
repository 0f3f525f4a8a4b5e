/**
 * nginx's two ends of a plain call to a TLS-only port:
 * - the plain http passes of a top-level file (`proxy_pass http://app:8443`, `grpc_pass grpc://app:8443`, and their
 *   upstreams' servers) with the URLs they call: java-links ties them to servers that serve TLS only on that port
 *   (Deployment.plainCallsToTls). A stream `proxy_pass` without `proxy_ssl on` is not one: it relays the client's own
 *   bytes, TLS included (TLS passthrough);
 * - the ports a file's http servers serve with TLS only (`listen 8443 ssl`, or `ssl on`): nginx makes an address TLS
 *   when any listen of it says `ssl` (ngx_http_add_addresses), and answers a plain request there with 400 "The plain
 *   HTTP request was sent to HTTPS port" (data/openssl-servers.json nginx.plainRequestToTlsPort). A port some server of
 *   the file also lists without `ssl` (another address, or a file read in a way the tree does not show) is left open.
 */
import type { Location } from '../core/types';
import type { TlsOnlyPort } from './attributes';
import { argsRange, last, type Placed } from './nginx-placed';
import type { NginxPass } from './nginx-passes';
import { passUrls, upstreamsOf } from './nginx-proxy';
import type { NginxServerBlock } from './nginx-startup';
import { hasUnresolvedInclude } from './nginx-unresolved';
import type { NginxPlainPass } from './types';
import { relativePosix } from '../core/posix-path';

/** The plain http pass directives lint-deploy follows, with their scheme and default port (0: none, a port is needed). */
const PLAIN_PASSES: Record<string, { scheme: RegExp; defaultPort: number }> = {
  proxy_pass: { scheme: /^http:\/\//i, defaultPort: 80 },
  grpc_pass: { scheme: /^(?:grpc:\/\/)?/i, defaultPort: 0 },
};

/** The plain http passes of a top-level file with the URLs they call (none for a template with conditionals). */
export function nginxPlainPasses(
  top: Placed[],
  passes: NginxPass[],
  context: { root: string; host: string; skip: (file: string) => boolean },
): NginxPlainPass[] {
  const upstreams = upstreamsOf(top).http;
  return passes.flatMap((p): NginxPlainPass[] => {
    const kind = PLAIN_PASSES[p.pass.directive.name];
    const target = p.pass.directive.args[0]?.value ?? '';
    if (!kind || p.stream || p.transport !== 'plain' || context.skip(p.pass.file)) return [];
    const authority = target.replace(kind.scheme, '').split('/')[0] ?? '';
    const scheme = p.pass.directive.name === 'grpc_pass' ? 'grpc' : 'http';
    const urls = passUrls(p.pass, authority, upstreams, scheme, kind.defaultPort).urls.filter((u) => u.port > 0);
    if (urls.length === 0) return [];
    const relative = relativePosix(context.root, p.pass.file);
    const line = p.pass.directive.nameRange.start.line + 1;
    return [
      {
        name: `nginx ${p.pass.directive.name} ${target} (${relative}:${line})`,
        host: context.host,
        urls,
        at: { file: p.pass.file, range: argsRange(p.pass) },
        ...(p.server ? { serverBlock: { file: p.server.file, range: p.server.directive.nameRange } } : {}),
      },
    ];
  });
}

/** `8443`, `*:8443`, `[::]:8443`, `10.0.0.1:8443` → 8443; a name alone is port 80; undefined for a unix socket. */
function listenPort(address: string): number | undefined {
  if (address.startsWith('unix:')) return undefined;
  const m = /(?:^|:)(\d+)$/.exec(address);
  return m ? Number(m[1]) : /^[\w.-]+$/.test(address) ? 80 : undefined;
}

/**
 * The ports each http server of a file serves with TLS only, by server block, with the listen that says so; none in a
 * template, for a server whose scope holds an include the tree does not hold, or for a port another listen of the file
 * (or of that server) names without `ssl`.
 */
export function nginxTlsOnlyPorts(
  servers: NginxServerBlock[],
  skip: (file: string) => boolean,
): Map<Placed, TlsOnlyPort[]> {
  const http = servers.filter((s) => s.level !== 'stream');
  const own = (s: NginxServerBlock) => (s.server.block ?? []).filter((p) => !p.block);
  const listensOf = (s: NginxServerBlock) => {
    const sslOn = last([...s.inherited, ...own(s)], 'ssl')?.directive.args[0]?.value === 'on';
    return own(s)
      .filter((p) => p.directive.name === 'listen' && !p.directive.args.some((a) => a.value === 'quic'))
      .map((listen) => {
        const args = listen.directive.args.map((a) => a.value);
        return { listen, port: listenPort(args[0] ?? ''), tls: sslOn || args.includes('ssl') };
      });
  };
  const plainPorts = new Set(
    http.flatMap((s) =>
      listensOf(s)
        .filter((l) => !l.tls)
        .map((l) => l.port),
    ),
  );
  const out = new Map<Placed, TlsOnlyPort[]>();
  for (const s of http) {
    if (skip(s.server.file) || hasUnresolvedInclude([s.inherited, own(s)])) continue;
    const ports = listensOf(s).flatMap(({ listen, port, tls }): TlsOnlyPort[] => {
      if (!tls || port === undefined || plainPorts.has(port) || skip(listen.file)) return [];
      const at: Location = { file: listen.file, range: argsRange(listen) };
      return [{ port, setting: ['listen', ...listen.directive.args.map((a) => a.value)].join(' '), at }];
    });
    if (ports.length > 0) out.set(s.server, ports);
  }
  return out;
}
