/**
 * Apache httpd as a TLS client: a `ProxyPass` / `ProxyPassMatch` towards an `https://`, `wss://` or `h2://` backend,
 * or a `BalancerMember` of a `<Proxy balancer://…>` with such a URL (mod_proxy, mod_proxy_balancer), is an
 * `httpd.proxy` whose TLS settings are the SSLProxy* directives of its virtual host (else the main server's).
 */
import * as path from 'node:path';
import type { RunMemo } from '../core/run-memo';
import { HTTPD_FACTS } from '../knowledge/openssl';
import { argsRange, tracedAt } from './nginx-placed';
import { opensslAttribute } from './nginx-tls';
import { allOf, httpdEnd, inEffect, PROXY_SIDE, unheldWhy, type HttpdContext, type HttpdPlaced } from './httpd-tls';
import type { HttpdPath, HttpdProxyAttributes } from './attributes-httpd';
import type { HttpdProxyComponent, Traced } from './types';
import type { ClientUrl } from './attributes-tls';

/** Schemes mod_proxy speaks TLS to, and the one the model links by (`h2://` is HTTP/2 over TLS: mod_proxy_http2). */
const TLS_SCHEMES: Record<string, string> = { https: 'https', wss: 'wss', h2: 'https' };
/** A URL's scheme, host (an IPv6 literal in brackets) and port, when they are written out (no placeholder). */
const URL = /^([a-z][a-z0-9+.-]*):\/\/(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d+))?(?=[/?#]|$)/i;
/** Any scheme: a ProxyPass argument that names a backend, even one whose host is a placeholder (`https://[TARGET_IP]/`). */
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/** Every directive of the scope, sections included (`<Location>`, `<Proxy>`), with the sections around it. */
function walk(scope: readonly HttpdPlaced[]): HttpdPlaced[] {
  return scope.flatMap((p) => (p.block ? [p, ...walk(p.block)] : [p]));
}

/** The backend URL a proxy directive names: the first argument with a scheme (a `ProxyPass` path comes before it). */
function targetOf(p: HttpdPlaced): { value: string; index: number } | undefined {
  const index = p.directive.args.findIndex((a) => SCHEME.test(a.value) || a.value === '!');
  const arg = index >= 0 ? p.directive.args[index] : undefined;
  return arg && arg.value !== '!' ? { value: arg.value, index } : undefined;
}

function traced<T>(
  levels: readonly HttpdPlaced[][],
  key: string,
  read: (value: string) => T | undefined,
  fallback: Traced<T>,
): Traced<T> {
  const line = inEffect(levels, key);
  const value = line && read(line.directive.args[0]?.value.toLowerCase() ?? '');
  return line && value !== undefined ? tracedAt(line, value) : fallback;
}

const pathOf = (levels: readonly HttpdPlaced[][], key: string): HttpdPath | undefined => {
  const line = inEffect(levels, key);
  const value = line?.directive.args[0]?.value;
  return line && value ? { value, location: { file: line.file, range: argsRange(line) } } : undefined;
};

/** ssl_cmd_verify_parse's words (without case); `on` and `off` are read as require and none. */
const VERIFY = new Set(['none', 'optional', 'require', 'optional_no_ca']);
/** A flag directive's value (httpd refuses anything but On or Off). */
const onOff = (v: string) => (v === 'on' ? true : v === 'off' ? false : undefined);

export function httpdProxies(
  scope: readonly HttpdPlaced[],
  levels: HttpdPlaced[][],
  vhost: HttpdPlaced | undefined,
  context: HttpdContext,
  memo: RunMemo,
): HttpdProxyComponent[] {
  const out: HttpdProxyComponent[] = [];
  const passes = walk(scope).filter(
    (p) =>
      !p.block &&
      (p.directive.key === 'proxypass' || p.directive.key === 'proxypassmatch' || p.directive.key === 'balancermember'),
  );
  const engine = traced(levels, 'sslproxyengine', onOff, {
    value: HTTPD_FACTS.proxyEngineDefault.value,
    from: {
      kind: 'default',
      origin: `httpd default SSLProxyEngine off (${HTTPD_FACTS.proxyEngineDefault.source.split(' ')[0]})`,
      confidence: 'verified',
    },
  });
  const verify = traced(
    levels,
    'sslproxyverify',
    (v) =>
      v === 'on'
        ? 'require'
        : v === 'off'
          ? 'none'
          : VERIFY.has(v)
            ? (v as HttpdProxyAttributes['verify']['value'])
            : undefined,
    {
      value: HTTPD_FACTS.proxyVerifyDefault.value as HttpdProxyAttributes['verify']['value'],
      from: {
        kind: 'default',
        origin: `httpd default SSLProxyVerify none (${HTTPD_FACTS.proxyVerifyDefault.source.split(' ')[0]})`,
        confidence: 'verified',
      },
    },
  );
  const checkDefault = (what: 'name' | 'cn' | 'expire', directive: string): Traced<boolean> => ({
    value: HTTPD_FACTS.proxyPeerChecksDefault.value[what],
    from: {
      kind: 'default',
      origin: `httpd default ${directive} on (${HTTPD_FACTS.proxyPeerChecksDefault.source.split(' ')[0]})`,
      confidence: 'verified',
    },
  });
  const peerChecks = {
    name: traced(levels, 'sslproxycheckpeername', onOff, checkDefault('name', 'SSLProxyCheckPeerName')),
    cn: traced(levels, 'sslproxycheckpeercn', onOff, checkDefault('cn', 'SSLProxyCheckPeerCN')),
    expire: traced(levels, 'sslproxycheckpeerexpire', onOff, checkDefault('expire', 'SSLProxyCheckPeerExpire')),
  };
  const peerChecksUnknown = Object.values(peerChecks).some((c) => c.from.kind !== 'file')
    ? unheldWhy(levels, context.mainHeld)
    : undefined;
  const preserve = inEffect(levels, 'proxypreservehost');
  const preserveHost =
    preserve?.directive.args[0]?.value.toLowerCase() === 'on'
      ? { file: preserve.file, range: preserve.directive.nameRange }
      : undefined;
  // SSLProxyEngine the held levels do not write may be on in a main configuration the tree does not hold.
  const engineWhy = allOf(levels, 'sslproxyengine').length === 0 ? unheldWhy(levels, context.mainHeld) : undefined;
  const caFile = pathOf(levels, 'sslproxycacertificatefile');
  // A directory of hashed CA certificates: anchors the tree does not list.
  const caPath = pathOf(levels, 'sslproxycacertificatepath');
  const caUnknown = caFile
    ? undefined
    : caPath
      ? `SSLProxyCACertificatePath ${caPath.value}: a directory of CA certificates by hash`
      : unheldWhy(levels, context.mainHeld);
  const machineCertificate = pathOf(levels, 'sslproxymachinecertificatefile');
  for (const pass of passes) {
    const target = targetOf(pass);
    const scheme = target && TLS_SCHEMES[SCHEME.exec(target.value)![1]!.toLowerCase()];
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
    const { tls, kept } = httpdEnd(levels, PROXY_SIDE, context, memo, pass);
    const relative = path.relative(context.root, pass.file).split(path.sep).join('/') || path.basename(pass.file);
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
        engine,
        ...(engineWhy ? { engineUnknown: engineWhy } : {}),
        verify,
        ...(caFile ? { caFile } : {}),
        ...(caPath ? { caPath } : {}),
        ...(caUnknown ? { caUnknown } : {}),
        peerChecks,
        ...(peerChecksUnknown ? { peerChecksUnknown } : {}),
        ...(preserveHost ? { preserveHost } : {}),
        ...(pass.via ? { includedBy: pass.via } : {}),
        ...(context.serverRoot ? { serverRoot: context.serverRoot } : {}),
        ...(machineCertificate ? { machineCertificate } : {}),
        ...(vhost ? { serverBlock: { file: vhost.file, range: vhost.directive.nameRange } } : {}),
        openssl: opensslAttribute(context.openssl),
        ...kept,
      },
    });
  }
  return out;
}
