/**
 * Apache httpd (mod_ssl) as a TLS server and client: one `httpd.server` per `<VirtualHost>` that serves TLS
 * (`SSLEngine on` there or in the main server, which every virtual host inherits), one `httpd.proxy` per `ProxyPass`
 * or `BalancerMember` towards an `https://`/`wss://` backend. `Include`/`IncludeOptional` are resolved in the tree
 * (relative paths against the ServerRoot the main file's place implies, installed paths by their tail); conditional
 * sections as conditionHolds says (`<IfModule mod_ssl.c>` taken, `<IfModule !…>` skipped, `<IfDefine X>` after a
 * `Define X` only, else its SSL lines unknown). Files a stock-layout main configuration leaves out are not read
 * (./httpd-mains.ts leftOutFiles; docs/deployments.md § An httpd configuration as httpd reads it).
 */
import * as path from 'node:path';
import type { Location, RelatedLocation } from '../core/types';
import type { ParsedDocument } from '../parse/types';
import { HTTPD_KIND, type HttpdData, type HttpdDirective } from '../parse/httpd';
import type { DockerfileData } from '../parse/dockerfile';
import type { ModelContributor } from './contributor';
import { byReadingOrder, includeResolver, MAX_INCLUDED_DIRECTIVES } from './nginx-includes';
import { opensslAttribute, serverOpenssl } from './server-openssl';
import { deploymentMounts, readThroughMounts } from './compose-mounts';
import { readThroughImages } from './image-copies';
import { treeStoresOf } from './store-files';
import { argsRange } from './nginx-placed';
import {
  allOf,
  portOf,
  serverNamesOf,
  httpdEnd,
  inEffect,
  PROXY_SIDE,
  SERVER_SIDE,
  type HttpdContext,
  type HttpdPlaced,
  unheldWhy,
} from './httpd-tls';
import { clientAuthOf, serverOrder } from './httpd-server-choices';
import { httpdProxies } from './httpd-proxy';
import { ajpProxyFronts, secretRefusals } from './httpd-ajp-passes';
import { jkFrontsRead, jkMountsUnknownWorker, jkWorkerMapOf } from './modjk-mounts';
import { writesWorkersFile } from './modjk-package';
import { ansibleModJkHost } from './modjk-package-ansible';
import { jkRefusedProperties } from './modjk-refused';
import { MODJK_WORKERS_KIND, type JkWorkersData } from '../parse/modjk-workers';
import { MODJK_URIMAP_KIND, type JkUriMapData } from '../parse/modjk-urimap';
import { httpdImageRelease } from '../knowledge/floating-images';
import { ignoredProxyTls } from './httpd-proxy-ignored';
import { refusedDirectives } from './httpd-refused';
import { certificateKeyPairs, startRefusals } from './httpd-start';
import { tlsBehindPlain } from './httpd-order';
import { ihsServerComponent } from './ihs';
import { INCLUDE, isMain, leftOutFiles, serverRootOf } from './httpd-mains';
import { listedFilesOf } from './listed-files';
import type {
  HttpdIgnoredProxyTls,
  HttpdPath,
  HttpdRefusedDirective,
  HttpdStartRefusal,
  HttpdTlsBehindPlain,
  JkMountUnknownWorker,
  JkRefusedProperty,
} from './attributes-httpd';
import type { AjpFront, Component } from './types';
import { shownRelative } from '../core/posix-path';

/** Sections whose directives httpd reads as if written around them when their condition holds at start. */
const CONDITIONAL = new Set(['ifmodule', 'ifdefine', 'ifversion', 'iffile', 'ifdirective', 'ifsection']);
/** Conditions conditionHolds decides from the configuration (a `Define`, mod_ssl's own sections); the others are assumed. */
const SETTLED = new Set(['ifmodule', 'ifdefine']);
/** How deep below an included directory its files are looked for. */
const MAX_DIRECTORY_DEPTH = 4;

export const httpdContributor: ModelContributor = {
  id: 'httpd',
  reads: [HTTPD_KIND, MODJK_WORKERS_KIND, MODJK_URIMAP_KIND],
  contribute(ctx) {
    const docs = ctx.documentsOf(HTTPD_KIND) as ParsedDocument<HttpdData>[];
    if (docs.length === 0) return;
    const mains = docs.filter(isMain);
    const roots = [...new Set(mains.map(serverRootOf))];
    const resolveFiles = includeResolver(docs, ctx.deployment.root, ctx.memo, roots);
    // `Include conf/extra/` names a directory: httpd reads every file in it and in its subdirectories, level by level
    // in byte order (measured: apache2 -t -D DUMP_INCLUDES lists inc/a.conf, inc/b.conf, inc/sub/a.conf).
    const resolve = (target: string, from: string): ParsedDocument<HttpdData>[] => {
      const files = resolveFiles(target, from);
      if (files.length > 0 || /[*?[]/.test(target)) return files;
      const inDirectory = new Map<string, ParsedDocument<HttpdData>>();
      for (let depth = 1; depth <= MAX_DIRECTORY_DEPTH; depth++)
        for (const doc of resolveFiles(`${target.replace(/\/+$/, '')}${'/*'.repeat(depth)}`, from))
          inDirectory.set(doc.file.path, doc);
      return [...inDirectory.values()].sort((a, b) => byReadingOrder(a.file.path, b.file.path));
    };
    const included = new Set<string>();
    const expand = (
      list: HttpdDirective[],
      file: string,
      chain: string[],
      budget: { left: number },
      via: RelatedLocation[],
    ): HttpdPlaced[] => {
      const out: HttpdPlaced[] = [];
      for (const directive of list) {
        if (budget.left-- <= 0) break;
        const target = directive.args[0]?.value;
        if (INCLUDE.has(directive.key) && target && chain.length < 10) {
          const found = resolve(target, file).filter((t) => !chain.includes(t.file.path));
          for (const t of found) {
            included.add(t.file.path);
            const hop = {
              file,
              range: directive.nameRange,
              message: `${directive.name} ${target} brings in ${path.basename(t.file.path)}`,
            };
            out.push(...expand(t.data.directives, t.file.path, [...chain, t.file.path], budget, [...via, hop]));
          }
          if (found.length === 0) out.push({ directive, file, ...(via.length ? { via } : {}) });
          continue;
        }
        if (directive.key === 'define' && target) defined.add(target);
        if (directive.key === 'undefine' && target) defined.delete(target);
        if (directive.block && CONDITIONAL.has(directive.key)) {
          if (conditionHolds(directive, defined)) {
            const body = expand(directive.block, file, chain, budget, via);
            out.push(...(SETTLED.has(directive.key) ? body : body.map((p): HttpdPlaced => ({ ...p, assumed: true }))));
          }
          // An <IfDefine X> body not read stays in its scope as a section without body: a start with -DX reads it, so
          // what it may set is unknown (httpd-tls.ts unheldWhy), not absent.
          else if (
            directive.key === 'ifdefine' &&
            !directive.args[0]?.value.startsWith('!') &&
            setsTls(directive.block)
          )
            out.push({ directive: { ...directive, block: undefined }, file, ...(via.length ? { via } : {}) });
          continue;
        }
        out.push({
          directive,
          file,
          ...(directive.block ? { block: expand(directive.block, file, chain, budget, via) } : {}),
          ...(via.length ? { via } : {}),
        });
      }
      return out;
    };
    // The names `Define` sets, in the order httpd reads them (a start's `-D` flags are not known: not set).
    let defined = new Set<string>();
    const expanded = docs.map((doc) => {
      defined = new Set();
      return {
        doc,
        top: expand(doc.data.directives, doc.file.path, [doc.file.path], { left: MAX_INCLUDED_DIRECTIVES }, []),
      };
    });
    const mounts = deploymentMounts(ctx);
    const dockerfiles = ctx.documentsOf('dockerfile') as ParsedDocument<DockerfileData>[];
    const opensslFor = serverOpenssl(dockerfiles, { mounts, files: ctx.documentsOf('compose') });
    const treeFiles = new Set(mounts.length > 0 ? ctx.deployment.documents.map((d) => d.file.path) : []);
    const stores = treeStoresOf(ctx);
    const documentPaths = new Set(ctx.deployment.documents.map((d) => d.file.path));
    const refused = new Map<string, HttpdRefusedDirective>();
    const startRefused = new Map<string, HttpdStartRefusal>();
    const behindPlain: HttpdTlsBehindPlain[] = [];
    const ignoredProxy: HttpdIgnoredProxyTls[] = [];
    const ajpFronts: AjpFront[] = [];
    const jkMounts = new Map<string, JkMountUnknownWorker>();
    const jkFronts = new Map<string, AjpFront>();
    const jkFilesRead = new Set<string>();
    const jkRefused = new Map<string, JkRefusedProperty>();
    const jkInputs = {
      workers: ctx.documentsOf(MODJK_WORKERS_KIND) as ParsedDocument<JkWorkersData>[],
      uriMaps: ctx.documentsOf(MODJK_URIMAP_KIND) as ParsedDocument<JkUriMapData>[],
      images: ctx.images,
      mounts,
      listed: listedFilesOf(ctx),
      dockerfiles,
      treeWritesWorkersFile: expanded.some(({ top }) => writesWorkersFile(top)),
      ansible: ansibleModJkHost(ctx),
    };
    const leftOut = leftOutFiles(expanded, included, dockerfiles, jkInputs.listed);
    for (const { doc, top } of expanded) {
      if (included.has(doc.file.path) || leftOut.has(doc.file.path)) continue;
      // A template's values are set when it is rendered: no verdict on what httpd would refuse.
      if (!doc.template) for (const r of refusedDirectives(top)) refused.set(keyOf(r.at), r);
      const openssl = opensslFor(doc.file.path);
      // A file no main configuration of the tree includes: what the main server sets around it is not known.
      const mainHeld = isMain(doc);
      // Which virtual host comes first is known only from the main configuration, its includes read.
      if (mainHeld && !doc.template) behindPlain.push(...tlsBehindPlain(top));
      // Which backends a virtual host reaches is known only with the main server's proxy lines.
      if (mainHeld && !doc.template) ignoredProxy.push(...ignoredProxyTls(top));
      // The workers a template reads are fronts too: its JkWorkerProperty values a template fills in are unknown.
      // One worker map per configuration, read by the fronts, the JkMount check and the refused properties.
      const workerMap = jkWorkerMapOf(top, mainHeld ? doc : undefined, jkInputs);
      const read = jkFrontsRead(workerMap, ctx.deployment.root);
      for (const file of read.named) jkFilesRead.add(file);
      for (const f of read.fronts) jkFronts.set(`${f.name}\u0000${keyOf(f.at)}`, f);
      if (!doc.template) {
        for (const m of jkMountsUnknownWorker(workerMap.map, mainHeld ? doc : undefined, jkInputs))
          jkMounts.set(keyOf(m.at), m);
        for (const r of jkRefusedProperties(workerMap.map)) jkRefused.set(keyOf(r.at), r);
        ajpFronts.push(...ajpProxyFronts(top, ctx.deployment.root));
        // The httpd release the image tag names, for the parameters it does not know yet.
        const release = openssl.image ? httpdImageRelease(openssl.image) : undefined;
        const httpd = release && openssl.at ? { release, at: openssl.at } : undefined;
        for (const r of secretRefusals(top, httpd)) refused.set(keyOf(r.at), r);
      }
      const serverLevel = top.filter((p) => !p.block);
      const listenPorts = allOf([serverLevel], 'listen').flatMap((p) => portOf(p.directive.args[0]?.value ?? ''));
      const vhosts = top.filter((p) => p.block && p.directive.key === 'virtualhost');
      const context: HttpdContext = {
        doc,
        openssl,
        mainHeld,
        ...(mainHeld ? { serverRoot: serverRootOf(doc) } : {}),
        host: ctx.hostOf(doc.file.path),
        root: ctx.deployment.root,
        treeFiles: documentPaths,
      };
      const hosts: { levels: HttpdPlaced[][]; vhost?: HttpdPlaced }[] = vhosts.map((vhost) => ({
        levels: [serverLevel, (vhost.block ?? []).filter((p) => !p.block)],
        vhost,
      }));
      // The main server serves TLS on its Listen ports when it says so and no virtual host takes the connections.
      if (vhosts.length === 0) hosts.push({ levels: [serverLevel] });
      for (const { levels, vhost } of hosts) {
        const ihs = ihsServerComponent(levels, vhost, listenPorts, context);
        if (ihs) ctx.addComponent(ihs);
        const server = serverComponent(levels, vhost, listenPorts, context, ctx.memo);
        if (server) {
          if (mounts.length > 0) readThroughMounts(server, mounts, treeFiles, 'httpd');
          readThroughImages(server, stores);
          ctx.addComponent(server);
        }
        if (!doc.template)
          for (const r of endsRefusedAtStart(levels, vhost, mainHeld, openssl))
            if (!startRefused.has(keyOf(r.at))) startRefused.set(keyOf(r.at), r);
        const mainScope = top.filter((p) => p.directive.key !== 'virtualhost');
        const scope = vhost ? (vhost.block ?? []) : mainScope;
        for (const proxy of httpdProxies(scope, levels, vhost, context, ctx.memo, vhost ? mainScope : []))
          ctx.addComponent(proxy);
      }
    }
    if (refused.size > 0) (ctx.deployment.httpdRefusedDirectives ??= []).push(...refused.values());
    if (startRefused.size > 0) (ctx.deployment.httpdStartRefusals ??= []).push(...startRefused.values());
    if (behindPlain.length > 0) (ctx.deployment.httpdTlsBehindPlain ??= []).push(...behindPlain);
    if (ignoredProxy.length > 0) (ctx.deployment.httpdIgnoredProxyTls ??= []).push(...ignoredProxy);
    if (ajpFronts.length > 0) (ctx.deployment.ajpProxyFronts ??= []).push(...ajpFronts);
    if (jkMounts.size > 0) (ctx.deployment.jkMountsUnknownWorker ??= []).push(...jkMounts.values());
    if (jkRefused.size > 0) (ctx.deployment.jkRefusedProperties ??= []).push(...jkRefused.values());
    if (jkFronts.size > 0) (ctx.deployment.jkFronts ??= []).push(...jkFronts.values());
    if (jkFilesRead.size > 0) (ctx.deployment.jkWorkersFilesRead ??= []).push(...jkFilesRead);
  },
};

/** One finding per line: a main-server line every virtual host inherits is one line to fix. */
const keyOf = (at: Location) => `${at.file}\u0000${at.range?.start.line}\u0000${at.range?.start.character}`;

/**
 * What stops httpd when it initialises a virtual host's (or the main server's) SSL contexts: the server's when
 * SSLEngine is on, the proxy's when SSLProxyEngine is. In a file no main configuration of the tree includes, only the
 * virtual host's own lines decide (what includes the file may set more after them).
 */
function endsRefusedAtStart(
  levels: HttpdPlaced[][],
  vhost: HttpdPlaced | undefined,
  mainHeld: boolean,
  openssl: HttpdContext['openssl'],
): HttpdStartRefusal[] {
  const judged = mainHeld ? levels : vhost ? levels.slice(-1) : [];
  const on = (key: string) => inEffect(judged, key)?.directive.args[0]?.value.toLowerCase() === 'on';
  const name = vhost ? `<VirtualHost ${vhost.directive.args.map((a) => a.value).join(' ')}>` : 'the main server';
  return [
    ...(on('sslengine') ? startRefusals(judged, SERVER_SIDE, openssl, name) : []),
    ...(on('sslproxyengine') ? startRefusals(judged, PROXY_SIDE, openssl, `the proxy of ${name}`) : []),
  ];
}

/**
 * Whether httpd reads a conditional section's body: `<IfModule !mod_ssl.c>` holds what it reads without mod_ssl (not
 * the TLS configuration), `<IfDefine X>` is read when a `Define X` came before it (httpd run without `-DX`: the start's
 * flags are not in the tree, so a body that needs one is not judged), `<IfDefine !X>` when none did; the other
 * conditions (`<IfVersion>`, `<IfModule mod_ssl.c>`) are taken as holding for a TLS configuration.
 */
function conditionHolds(section: HttpdDirective, defined: ReadonlySet<string>): boolean {
  const condition = section.args[0]?.value ?? '';
  const negated = condition.startsWith('!');
  const name = negated ? condition.slice(1) : condition;
  if (section.key === 'ifmodule') return !negated;
  if (section.key === 'ifdefine') return defined.has(name) !== negated;
  return true;
}

/**
 * Whether a section body sets anything of mod_ssl's (an `SSL…` directive, at any depth) or a backend mod_proxy may
 * reach over TLS (its proxy lines).
 */
function setsTls(block: readonly HttpdDirective[]): boolean {
  return block.some(
    (d) => d.key.startsWith('ssl') || PROXY_LINES.has(d.key) || (d.block !== undefined && setsTls(d.block)),
  );
}
const PROXY_LINES = new Set(['proxypass', 'proxypassmatch', 'balancermember', 'rewriterule']);

function pathAt(p: HttpdPlaced): HttpdPath | undefined {
  const value = p.directive.args[0]?.value;
  return value ? { value, location: { file: p.file, range: argsRange(p) } } : undefined;
}

function serverComponent(
  levels: HttpdPlaced[][],
  vhost: HttpdPlaced | undefined,
  listenPorts: number[],
  context: HttpdContext,
  memo: Parameters<typeof httpdEnd>[3],
): Component | undefined {
  const engine = inEffect(levels, 'sslengine');
  if (engine?.directive.args[0]?.value.toLowerCase() !== 'on') return undefined;
  const addresses = (vhost?.directive.args ?? []).map((a) => a.value);
  const ports = [...new Set(addresses.length > 0 ? addresses.flatMap(portOf) : listenPorts)];
  const own = levels.at(-1) ?? [];
  const names = serverNamesOf(own);
  const { tls, kept } = httpdEnd(levels, SERVER_SIDE, context, memo, vhost ?? engine);
  tls.serverOrderWins = serverOrder(levels);
  const clientAuth = clientAuthOf(levels);
  if (clientAuth) tls.clientAuth = clientAuth;
  // mod_ssl appends a virtual host's certificate files to the main server's, and the later file of a key type wins.
  const certificateLines = allOf(levels.slice(-1), 'sslcertificatefile');
  const certificates = (certificateLines.length > 0 ? certificateLines : allOf(levels, 'sslcertificatefile'))
    .map(pathAt)
    .filter((c): c is HttpdPath => !!c);
  const keys = allOf(levels, 'sslcertificatekeyfile')
    .map(pathAt)
    .filter((c): c is HttpdPath => !!c);
  // A relative path is read from the ServerRoot (measured): the tree's file there, when the tree holds it.
  const fromRoot = (value: string) => {
    const candidate = context.serverRoot && !path.isAbsolute(value) ? path.join(context.serverRoot, value) : undefined;
    return candidate && context.treeFiles.has(candidate) ? candidate : value;
  };
  const [first, ...more] = certificates.map((c) => ({ file: fromRoot(c.value), reference: c.location }));
  if (first) tls.certificate = first;
  if (more.length > 0) tls.moreCertificates = more;
  // No SSLCertificateFile anywhere the tree holds: httpd does not start, unless a level it does not hold sets one.
  const certificateUnknown = certificates.length === 0 ? unheldWhy(levels, context.mainHeld) : undefined;
  const pairs = certificateKeyPairs(levels, !unheldWhy(levels, context.mainHeld)).flatMap((pair) => {
    const certificate = pathAt(pair.certificate);
    const key = pair.key && pathAt(pair.key);
    return certificate && (key || !pair.key) ? [{ certificate, ...(key ? { key } : {}) }] : [];
  });
  const caLine = inEffect(levels, 'sslcacertificatefile');
  const caFile = caLine && pathAt(caLine);
  const chainLine = inEffect(levels, 'sslcertificatechainfile');
  const chainFile = chainLine && pathAt(chainLine);
  const at: Location = vhost
    ? { file: vhost.file, range: vhost.directive.nameRange }
    : { file: engine.file, range: engine.directive.nameRange };
  const relative = shownRelative(context.root, at.file);
  const written = addresses.find((a) => !/[$[{<%]/.test(a))?.replace(/:\d+$/, '');
  // A name or port a template writes (`<VirtualHost *:{{ https_port }}>`, `ServerName {{ vhost_name }}`) is named as
  // written, not `_:?` (el1638en/apache_tomcat_load_balancer@aa1097b roles/apache2/templates/vhost_mod_jk.conf.j2).
  const templated = addresses.find((a) => /[$[{<%]/.test(a));
  const writtenName = own.find((p) => p.directive.key === 'servername')?.directive.args[0]?.value;
  const host = names[0] ?? written ?? writtenName ?? templated?.replace(/:[^:]*$/, '') ?? '_';
  const port = ports[0] ?? (templated ? /:([^:]+)$/.exec(templated)?.[1] : undefined) ?? '?';
  const label = `${host}:${port}`;
  // Settings outside any <VirtualHost>: the main server's, or (in a file no main configuration of the tree includes)
  // those of whatever virtual host includes the file.
  const name = vhost
    ? `httpd virtual host ${label} (${relative})`
    : context.mainHeld
      ? `httpd main server${ports.length > 0 ? ` :${ports.join(', :')}` : ''} (${relative})`
      : `httpd TLS settings (${relative})`;
  return {
    id: `httpd.server:${relative}:${label}:${at.range?.start.line ?? 0}`,
    type: 'httpd.server',
    name,
    role: 'server',
    location: at,
    host: context.host,
    tls,
    documents: [context.doc],
    attributes: {
      tlsPorts: ports,
      hostnames: names,
      addresses,
      openssl: opensslAttribute(context.openssl),
      ...kept,
      ...(keys.length > 0 ? { certificateKeys: keys } : {}),
      ...(pairs.length > 0 ? { certificatePairs: pairs } : {}),
      ...(caFile ? { caFile } : {}),
      ...(chainFile ? { chainFile } : {}),
      ...(certificateUnknown ? { certificateUnknown } : {}),
      ...((vhost ?? engine).via ? { includedBy: (vhost ?? engine).via } : {}),
      ...(context.serverRoot ? { serverRoot: context.serverRoot } : {}),
    },
  };
}
