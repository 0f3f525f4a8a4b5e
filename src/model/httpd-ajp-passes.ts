/**
 * mod_proxy_ajp's backends: a `ProxyPass` / `ProxyPassMatch` or a `BalancerMember` to `ajp://host:port`, with the
 * `secret=` parameter it sends (httpd 2.4.42 and later: data/tomcat.json ajpFronts.modProxyAjp). A member without one
 * takes the `ProxySet secret=` of its `<Proxy balancer://…>` section (a balancer's parameters are its members' defaults);
 * a `ProxyPass … balancer://… secret=` leaves its members' secret unknown here. A host or port a variable gives is not
 * a front: its target is known only when httpd runs.
 */
import { sha256Hex } from '../core/sha256';
import { relativePosix } from '../core/posix-path';
import type { Location } from '../core/types';
import { TOMCAT_AJP_FRONTS } from '../knowledge/tomcat';
import type { HttpdArg } from '../parse/httpd';
import type { AjpFront, AjpSecret } from './deployment-records';
import { passesOf, schemeOf, targetOf } from './httpd-proxy';
import type { HttpdPlaced } from './httpd-tls';

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

/** Every `ajp://` backend of a main configuration's lines (its includes read), main server and virtual hosts alike. */
export function ajpProxyFronts(top: readonly HttpdPlaced[], root: string): AjpFront[] {
  const fronts: AjpFront[] = [];
  const scopes = [
    top.filter((p) => p.directive.key !== 'virtualhost'),
    ...top.flatMap((p) => (p.directive.key === 'virtualhost' ? [p.block ?? []] : [])),
  ];
  // `ProxyPass /x balancer://name/ secret=…`: the balancer's members send it unless they set their own.
  const balancerSecrets = new Set(
    scopes
      .flatMap((s) => passesOf(s))
      .filter(({ pass }) => schemeOf(targetOf(pass)?.value ?? '') === 'balancer' && secretArg(pass.directive.args))
      .map(({ pass }) =>
        targetOf(pass)!
          .value.replace(/^balancer:\/\/([^/]*).*$/i, '$1')
          .toLowerCase(),
      ),
  );
  for (const scope of scopes)
    for (const { pass, section } of passesOf(scope)) {
      const target = targetOf(pass);
      const url = target && AJP_URL.exec(target.value);
      if (!target || !url) continue;
      const file = pass.file;
      const own = secretArg(pass.directive.args.slice(target.index + 1));
      const balancer = section?.directive.args[0]?.value.replace(/^balancer:\/\/([^/]*).*$/i, '$1').toLowerCase();
      const set = section?.block?.find((p) => p.directive.key === 'proxyset' && secretArg(p.directive.args));
      let secret = secretOf(file, own);
      if (!own && set) secret = secretOf(set.file, secretArg(set.directive.args));
      else if (!own && balancer && balancerSecrets.has(balancer)) continue;
      const relative = relativePosix(root, file);
      const line = pass.directive.nameRange.start.line + 1;
      fronts.push({
        name: `httpd ${pass.directive.name} ${target.value} (${relative}:${line})`,
        module: 'mod_proxy_ajp',
        at: { file, range: pass.directive.nameRange },
        host: url[1]!.replace(/^\[|\]$/g, '').toLowerCase(),
        hostAt: { file, range: pass.directive.args[target.index]!.range },
        port: Number(url[2] ?? TOMCAT_AJP_FRONTS.modProxyAjp.defaultPort),
        secret,
      });
    }
  return fronts;
}
