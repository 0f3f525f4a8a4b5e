/**
 * mod_proxy_ajp's backends: a `ProxyPass` / `ProxyPassMatch` or a `BalancerMember` to `ajp://host:port`, with the
 * `secret=` parameter it sends (httpd 2.4.42 and later: data/tomcat.json ajpFronts.modProxyAjp). `secret=` is a worker
 * parameter: a balancer takes none (`ProxyPass … balancer://… secret=`, `ProxySet secret=` in `<Proxy balancer://…>`
 * are syntax errors in every release, and httpd before 2.4.42 refuses it on a worker too): those lines are refusals
 * (httpd/directive-refused), and the members of such a balancer are no fronts, since httpd does not start. A host or
 * port a variable gives is not a front: its target is known only when httpd runs.
 */
import { sha256Hex } from '../core/sha256';
import { relativePosix } from '../core/posix-path';
import type { Location } from '../core/types';
import { httpdTakesWorkerSecret, TOMCAT_AJP_FRONTS } from '../knowledge/tomcat';
import type { HttpdArg } from '../parse/httpd';
import type { AjpFront, AjpSecret } from './ajp-records';
import type { HttpdRefusedDirective } from './attributes-httpd';
import { passesOf, schemeOf, targetOf } from './httpd-proxy';
import type { HttpdPlaced } from './httpd-tls';

const PROXY_AJP = TOMCAT_AJP_FRONTS.modProxyAjp;

const AJP_URL = /^ajp:\/\/(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d+))?(?=[/?#]|$)/i;
const SECRET = /^secret=(.*)$/i;

const secretArg = (args: readonly HttpdArg[]) => args.find((a) => SECRET.test(a.value));

function secretOf(file: string, arg: HttpdArg | undefined): AjpSecret {
  if (!arg) return { state: 'none' };
  const value = SECRET.exec(arg.value)![1]!;
  const at: Location = { file, range: arg.range };
  if (/\$\{/.test(value)) return { state: 'unknown', at, why: 'a variable gives its value' };
  return value === '' ? { state: 'none' } : { state: 'set', digest: sha256Hex(value), at };
}

const balancerName = (url: string) => url.replace(/^balancer:\/\/([^/]*).*$/i, '$1').toLowerCase();

/** A `secret=` written on a mod_proxy line, with the name of the worker or balancer it is given to. */
interface SecretParameter {
  line: HttpdPlaced;
  arg: HttpdArg;
  /** The worker URL or `balancer://name` the parameter is given to. */
  target: string;
}

/**
 * Every `secret=` of the lines httpd reads: after a ProxyPass / ProxyPassMatch target, on a BalancerMember, on a ProxySet
 * (of its `<Proxy url>` section, or of the URL it names first). A line of a section whose condition the tree does not
 * settle (`<IfVersion>`, `<IfModule>`) is left out: httpd may not read it.
 */
function secretParameters(placed: readonly HttpdPlaced[], section?: HttpdPlaced): SecretParameter[] {
  return placed.flatMap((p): SecretParameter[] => {
    if (p.assumed) return [];
    if (p.block) return secretParameters(p.block, /^proxy(match)?$/.test(p.directive.key) ? p : section);
    const { key, args } = p.directive;
    if (key === 'proxyset') {
      const named = section?.directive.args[0]?.value.replace(/>$/, '') ?? args[0]?.value;
      const arg = secretArg(section ? args : args.slice(1));
      return named && arg ? [{ line: p, arg, target: named }] : [];
    }
    if (key !== 'proxypass' && key !== 'proxypassmatch' && key !== 'balancermember') return [];
    const target = targetOf(p);
    const arg = target && secretArg(args.slice(target.index + 1));
    return target && arg ? [{ line: p, arg, target: target.value }] : [];
  });
}

/** The prefix httpd puts before a parameter's error (mod_proxy.c add_pass, add_member, set_proxy_param). */
const prefixOf = (p: SecretParameter) => {
  const { key, name } = p.line.directive;
  if (key === 'proxyset') return 'ProxySet: ';
  return key === 'balancermember' ? `${name} ` : 'ProxyPass ';
};

/** What httpd says of a parameter, the secret left out (`ProxySet: … secret=<value>; <name>` would print it). */
const said = (p: SecretParameter, error: string) =>
  p.line.directive.key === 'proxyset' ? `${prefixOf(p)}${error} secret=\u2026; ${p.target}` : `${prefixOf(p)}${error}`;

/**
 * The `secret=` parameters httpd refuses when it reads its configuration: on a balancer, in every release; on a worker,
 * when the image that runs the file names an httpd release before 2.4.42 (`httpd`: that release, where its image tag
 * names it). An unknown release says nothing.
 */
export function secretRefusals(
  top: readonly HttpdPlaced[],
  httpd: { release: string; at: Location } | undefined,
): HttpdRefusedDirective[] {
  return secretParameters(top).flatMap((p): HttpdRefusedDirective[] => {
    const at = { file: p.line.file, range: p.arg.range };
    const directive = p.line.directive.name;
    if (schemeOf(p.target) === 'balancer')
      return [{ at, directive, message: said(p, PROXY_AJP.balancerRefuses.message), secret: { onBalancer: true } }];
    if (!httpd || httpdTakesWorkerSecret(httpd.release)) return [];
    return [
      {
        at,
        directive,
        message: said(p, PROXY_AJP.refusedBefore.worker),
        secret: { release: httpd.release, at: httpd.at },
      },
    ];
  });
}

/** Every `ajp://` backend of a main configuration's lines (its includes read), main server and virtual hosts alike. */
export function ajpProxyFronts(top: readonly HttpdPlaced[], root: string): AjpFront[] {
  const fronts: AjpFront[] = [];
  const scopes = [
    top.filter((p) => p.directive.key !== 'virtualhost'),
    ...top.flatMap((p) => (p.directive.key === 'virtualhost' ? [p.block ?? []] : [])),
  ];
  // A balancer given a secret: httpd refuses the line and does not start; what its members send is not what runs.
  const refusedBalancers = new Set(
    secretParameters(top)
      .filter((p) => schemeOf(p.target) === 'balancer')
      .map((p) => balancerName(p.target)),
  );
  for (const scope of scopes)
    for (const { pass, section } of passesOf(scope)) {
      const target = targetOf(pass);
      const url = target && AJP_URL.exec(target.value);
      if (!target || !url) continue;
      const file = pass.file;
      const own = secretArg(pass.directive.args.slice(target.index + 1));
      const balancer = section?.directive.args[0]?.value;
      if (!own && balancer && schemeOf(balancer) === 'balancer' && refusedBalancers.has(balancerName(balancer)))
        continue;
      const relative = relativePosix(root, file);
      const line = pass.directive.nameRange.start.line + 1;
      fronts.push({
        name: `httpd ${pass.directive.name} ${target.value} (${relative}:${line})`,
        module: 'mod_proxy_ajp',
        at: { file, range: pass.directive.nameRange },
        host: url[1]!.replace(/^\[|\]$/g, '').toLowerCase(),
        hostAt: { file, range: pass.directive.args[target.index]!.range },
        port: Number(url[2] ?? PROXY_AJP.defaultPort),
        secret: secretOf(file, own),
      });
    }
  return fronts;
}
