/**
 * Apache httpd as a TLS client: a `ProxyPass` / `ProxyPassMatch` towards an `https://`, `wss://` or `h2://` backend,
 * or a `BalancerMember` of a `<Proxy balancer://…>` with such a URL (mod_proxy, mod_proxy_balancer), is an
 * `httpd.proxy` whose TLS settings are the SSLProxy* directives of its virtual host (else the main server's).
 */
import type { RunMemo } from '../core/run-memo';
import { opensslAttribute } from './server-openssl';
import { httpdEnd, PROXY_SIDE, type HttpdContext, type HttpdPlaced } from './httpd-tls';
import { proxySettings } from './httpd-proxy-settings';
import type { HttpdProxyComponent } from './types';
import type { ClientUrl } from './attributes-tls';
import { shownRelative } from '../core/posix-path';

/** Schemes mod_proxy speaks TLS to, and the one the model links by (`h2://` is HTTP/2 over TLS: mod_proxy_http2). */
export const TLS_SCHEMES: Record<string, string> = { https: 'https', wss: 'wss', h2: 'https' };
/** Schemes mod_proxy's modules speak in clear (mod_proxy_http, _wstunnel, _ajp, _fcgi, _scgi, _uwsgi, _http2's h2c). */
export const PLAIN_SCHEMES = new Set(['http', 'ws', 'ajp', 'fcgi', 'scgi', 'uwsgi', 'h2c']);
/** A URL's scheme, host (an IPv6 literal in brackets) and port, when they are written out (no placeholder). */
const URL = /^([a-z][a-z0-9+.-]*):\/\/(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d+))?(?=[/?#]|$)/i;
/** Any scheme: a ProxyPass argument that names a backend, even one whose host is a placeholder (`https://[TARGET_IP]/`). */
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
/** A URL's scheme in lower case (`HTTPS://x` → `https`), undefined when the text does not start with one. */
export const schemeOf = (url: string): string | undefined => SCHEME.exec(url)?.[1]?.toLowerCase();

/** A proxy directive with the `<Proxy>` / `<ProxyMatch>` section it is written in, if any. */
interface PassIn {
  pass: HttpdPlaced;
  section?: HttpdPlaced;
}

/** Every proxy directive of the scope, sections included (`<Location>`, `<Proxy balancer://…>`). */
export function passesOf(scope: readonly HttpdPlaced[], section?: HttpdPlaced): PassIn[] {
  return scope.flatMap((p) => {
    if (p.block) return passesOf(p.block, isProxySection(p) ? p : section);
    return PASS_KEYS.has(p.directive.key) ? [{ pass: p, ...(section ? { section } : {}) }] : [];
  });
}

const PASS_KEYS = new Set(['proxypass', 'proxypassmatch', 'balancermember']);
const isProxySection = (p: HttpdPlaced) => p.directive.key === 'proxy' || p.directive.key === 'proxymatch';

/** The `<Proxy url>` / `<ProxyMatch regex>` sections of the scope (and the main server's) whose URL covers `target`. */
function sectionsFor(target: string, scopes: readonly (readonly HttpdPlaced[])[]): HttpdPlaced[] {
  return scopes.flatMap((scope) =>
    scope.filter((p) => {
      if (!p.block || !isProxySection(p)) return false;
      const written = p.directive.args[0]?.value ?? '';
      if (p.directive.key === 'proxy') return written === '*' || target.startsWith(written.replace(/\*$/, ''));
      try {
        return new RegExp(written).test(target);
      } catch {
        return false;
      }
    }),
  );
}

/** The backend URL a proxy directive names: the first argument with a scheme (a `ProxyPass` path comes before it). */
export function targetOf(p: HttpdPlaced): { value: string; index: number } | undefined {
  const index = p.directive.args.findIndex((a) => SCHEME.test(a.value) || a.value === '!');
  const arg = index >= 0 ? p.directive.args[index] : undefined;
  return arg && arg.value !== '!' ? { value: arg.value, index } : undefined;
}

export function httpdProxies(
  scope: readonly HttpdPlaced[],
  levels: HttpdPlaced[][],
  vhost: HttpdPlaced | undefined,
  context: HttpdContext,
  memo: RunMemo,
  /** The main server's directives and sections (a virtual host's `<Proxy>` sections may be written there). */
  mainScope: readonly HttpdPlaced[] = [],
): HttpdProxyComponent[] {
  const out: HttpdProxyComponent[] = [];
  const passes = passesOf(scope);
  for (const { pass, section } of passes) {
    const target = targetOf(pass);
    const scheme = target && TLS_SCHEMES[schemeOf(target.value)!];
    if (!target || !scheme) continue;
    // A host or port a placeholder gives (`${BACKEND}`, `$1` of ProxyPassMatch, a template's `[TARGET_IP]`) is known
    // only when httpd runs: no backend to link.
    const match = URL.exec(target.value);
    const location = { file: pass.file, range: pass.directive.args[target.index]!.range };
    const host = match?.[2]!.replace(/^\[|\]$/g, '').toLowerCase();
    const port = Number(match?.[3] ?? 443);
    const urls: ClientUrl[] =
      match && host
        ? [{ url: `${scheme}://${host}:${port}`, scheme, host, port, location, key: pass.directive.name }]
        : [];
    // mod_ssl's SSLProxy* directives also apply from the `<Proxy>` section the member is written in, or whose URL covers
    // the target (2.4.30+; measured by test/interop/httpd-proxy.test.ts), innermost.
    const sections = [...(section ? [section] : []), ...sectionsFor(target.value, [scope, mainScope])];
    const passLevels = [...levels, ...sections.map((x) => (x.block ?? []).filter((d) => !d.block))];
    // The level is the one OpenSSL verifies the backend's chain at (SSLProxyVerify other than none): derive/openssl-levels.ts.
    const { tls, kept } = httpdEnd(passLevels, PROXY_SIDE, context, memo, pass);
    const settings = proxySettings(passLevels, context);
    const relative = shownRelative(context.root, pass.file);
    const line = (pass.directive.nameRange.start.line ?? 0) + 1;
    out.push({
      id: `httpd.proxy:${relative}:${line}:${target.value}`,
      type: 'httpd.proxy',
      name: `httpd ${pass.directive.name} ${target.value} (${relative}:${line})`,
      role: 'client',
      location: { file: pass.file, range: pass.directive.nameRange },
      host: context.host,
      tls,
      documents: [context.doc],
      attributes: {
        directive: pass.directive.name,
        target: target.value,
        urls,
        ...settings,
        ...(pass.via ? { includedBy: pass.via } : {}),
        ...(context.serverRoot ? { serverRoot: context.serverRoot } : {}),
        ...(vhost ? { serverBlock: { file: vhost.file, range: vhost.directive.nameRange } } : {}),
        openssl: opensslAttribute(context.openssl),
        ...kept,
      },
    });
  }
  return out;
}
