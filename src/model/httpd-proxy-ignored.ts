/**
 * mod_ssl's proxy directives that no TLS connection uses: `SSLProxyVerify require`, `SSLProxyCACertificateFile`,
 * `SSLProxyMachineCertificateFile`… where every `ProxyPass` / `ProxyPassMatch` / `BalancerMember` (and `RewriteRule
 * [P]`) they apply to names a plain backend (`http://`, `ws://`, `ajp://`…). mod_proxy speaks TLS only to `https://`,
 * `wss://` and `h2://` URLs, whatever port or SSLProxy* lines are written: the backend is reached in clear and its
 * certificate never checked, and `apache2 -t` and the start say nothing (measured by
 * test/interop/httpd-proxy-plain.test.ts on apache2 2.4). The twin of ./nginx-passes.ts ignoredPassTls.
 *
 * Only the directives that say the hop is meant to be authenticated count: the verification, its anchors, the proxy's
 * own certificate. `SSLProxyEngine on` and `SSLProxyCheckPeerCN on` / `SSLProxyCheckPeerExpire on` (httpd's defaults,
 * copied as a block beside plain backends: nubenetes/apache-reverse-proxy-jenkins@ee4fed2) and protocol or cipher lists
 * (httpd's own httpd-ssl.conf sets SSLProxyProtocol and SSLProxyCipherSuite for the whole server) do not.
 * Nothing is said where a pass is TLS or its target unknown (a variable, `$1`, a `unix:` socket, a balancer whose
 * members the tree lacks), where forward proxying is on, or where a line the model could not read may add a pass.
 */
import type { HttpdIgnoredProxyTls } from './attributes-httpd';
import { unread } from './httpd-order';
import { PLAIN_SCHEMES, TLS_SCHEMES, passesOf, schemeOf, targetOf } from './httpd-proxy';
import type { HttpdPlaced } from './httpd-tls';

/** A directive that says the hop to the backend is meant to be authenticated, by its value (lower case). */
const INTENT: Record<string, (value: string) => boolean> = {
  sslproxyverify: (v) => v !== 'none' && v !== 'off',
  sslproxycacertificatefile: () => true,
  sslproxycacertificatepath: () => true,
  sslproxymachinecertificatefile: () => true,
  sslproxymachinecertificatepath: () => true,
  sslproxymachinecertificatechainfile: () => true,
};

/** How a virtual host (or the main server without any) connects to its backends. */
type Transport = 'plain' | 'tls' | 'unknown' | 'none';

type PassRef = HttpdIgnoredProxyTls['passes'][number];

/** A proxy line as mod_proxy takes it: how it connects, and the written target when that is plain. */
interface Classified {
  transport: Transport | 'balancer';
  plain?: PassRef;
}

/** The transport a written scheme gives: TLS, plain, or unknown (none written, or one mod_proxy has no module for). */
function transportOfScheme(scheme: string | undefined): Transport {
  if (scheme && TLS_SCHEMES[scheme]) return 'tls';
  return scheme && PLAIN_SCHEMES.has(scheme) ? 'plain' : 'unknown';
}

/**
 * `http://app:8080/` → plain; `https://…` → tls; a placeholder, `$1`, a socket → unknown; `!` → none; `balancer://` → its
 * members decide. A `RewriteRule` counts only with the proxy flag, by its substitution's scheme alone
 * (`http://%{ENV:BACKEND}/$1` is plain whatever the host).
 */
function classify(p: HttpdPlaced): Classified {
  const rewrite = p.directive.key === 'rewriterule';
  if (rewrite) {
    const flags = p.directive.args[2]?.value;
    if (!flags || !/^\[(?:.*,)?\s*(?:p|proxy)\s*(?:,.*)?\]$/i.test(flags)) return { transport: 'none' };
  } else if (p.directive.key === 'proxypass' && p.directive.args.some((a) => a.value === '!'))
    return { transport: 'none' };
  const arg = rewrite ? p.directive.args[1] : p.directive.args[targetOf(p)?.index ?? -1];
  const scheme = arg && schemeOf(arg.value);
  if (scheme === 'balancer' && !rewrite) return { transport: 'balancer' };
  const transport = transportOfScheme(scheme);
  return transport === 'plain' && arg && scheme
    ? {
        transport,
        plain: { written: p.directive.name, target: arg.value, scheme, at: { file: p.file, range: arg.range } },
      }
    : { transport };
}

const every = (scope: readonly HttpdPlaced[]): HttpdPlaced[] =>
  scope.flatMap((p) => (p.block ? [p, ...every(p.block)] : [p]));

/** The backends of one host's scopes (the main server's proxy lines are merged into each virtual host's). */
function hostTransport(scopes: readonly (readonly HttpdPlaced[])[]): { transport: Transport; passes: PassRef[] } {
  const lines = scopes.flatMap(every);
  const forward = lines.some(
    (p) =>
      (p.directive.key === 'proxyrequests' && p.directive.args[0]?.value.toLowerCase() === 'on') ||
      p.directive.key === 'proxyremote' ||
      p.directive.key === 'proxyremotematch',
  );
  if (forward || lines.some(unread)) return { transport: 'unknown', passes: [] };
  const passes = scopes.flatMap((s) => passesOf(s)).map(({ pass }) => ({ pass, ...classify(pass) }));
  const rewrites = lines.filter((p) => p.directive.key === 'rewriterule').map(classify);
  // A balancer's members are passes of their own; one the tree does not hold may be TLS.
  if (passes.some((p) => p.transport === 'balancer') && !passes.some((p) => p.pass.directive.key === 'balancermember'))
    return { transport: 'unknown', passes: [] };
  const all = [...passes, ...rewrites];
  const kinds = new Set(all.map((p) => p.transport));
  const transport = kinds.has('unknown') ? 'unknown' : kinds.has('tls') ? 'tls' : kinds.has('plain') ? 'plain' : 'none';
  return { transport, passes: all.flatMap((p) => (p.plain ? [p.plain] : [])) };
}

/** The intent directives of a scope: its own lines and those of its `<Proxy>` sections (not of other vhosts). */
function intentLines(scope: readonly HttpdPlaced[]): HttpdPlaced[] {
  return scope.flatMap((p) => {
    if (p.block) return p.directive.key === 'proxy' || p.directive.key === 'proxymatch' ? intentLines(p.block) : [];
    const test = INTENT[p.directive.key];
    return test?.(p.directive.args[0]?.value.toLowerCase() ?? '') ? [p] : [];
  });
}

const keyOf = (p: HttpdPlaced) => `${p.file}\u0000${p.directive.nameRange.start.line}`;

/**
 * The intent directives of a main configuration (its includes read) whose every host is plain: one record per
 * virtual host, and one for the main server's lines (they apply to every virtual host, so each must be plain).
 */
export function ignoredProxyTls(top: readonly HttpdPlaced[]): HttpdIgnoredProxyTls[] {
  const mainScope = top.filter((p) => p.directive.key !== 'virtualhost');
  const vhosts = top.filter((p) => p.block && p.directive.key === 'virtualhost');
  const hosts = vhosts.length > 0 ? vhosts.map((v) => [mainScope, v.block ?? []]) : [[mainScope]];
  const judged = hosts.map((scopes) => hostTransport(scopes));
  const out: HttpdIgnoredProxyTls[] = [];
  const record = (lines: HttpdPlaced[], hostsUsing: typeof judged) => {
    const using = hostsUsing.filter((h) => h.transport !== 'none');
    if (lines.length === 0 || using.length === 0 || using.some((h) => h.transport !== 'plain')) return;
    const seen = new Set<string>();
    const passes = using
      .flatMap((h) => h.passes)
      .filter((p) => {
        const key = `${p.at.file}\u0000${p.at.range?.start.line}`;
        return !seen.has(key) && seen.add(key);
      });
    out.push({
      directives: lines.map((p) => ({
        name: p.directive.name,
        written: [p.directive.name, ...p.directive.args.map((a) => a.value)].join(' '),
        at: { file: p.file, range: p.directive.nameRange },
        ...(p.via ? { via: p.via } : {}),
      })),
      passes,
    });
  };
  const mainLines = intentLines(mainScope);
  record(mainLines, judged);
  const mainKeys = new Set(mainLines.map(keyOf));
  vhosts.forEach((v, i) =>
    record(
      intentLines(v.block ?? []).filter((p) => !mainKeys.has(keyOf(p))),
      [judged[i]!],
    ),
  );
  return out;
}
