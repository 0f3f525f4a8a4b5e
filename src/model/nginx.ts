import * as path from 'node:path';
import { relativePosix } from './paths';
import { compileGlob, MAX_PATTERN_LENGTH } from '../core/glob';
import { within, type Location, type RelatedLocation } from '../core/types';
import type { NginxData, NginxDirective } from '../parse/nginx';
import type { ParsedDocument } from '../parse/types';
import { NGINX_FACTS } from '../knowledge/openssl';
import type { DockerfileData } from '../parse/dockerfile';
import { DirectoryTree } from '../core/dir-tree';
import { countWork } from '../core/work';
import type { RunMemo } from '../core/run-memo';
import type { ModelContributor } from './contributor';
import { deploymentMounts, readThroughMounts } from './compose-mounts';
import { readThroughImages } from './image-copies';
import { treeStoresOf } from './store-files';
import { argsRange, last, type Placed } from './nginx-placed';
import { ignoredPassTls, nginxPasses, verifyWithoutTrustedCertificate } from './nginx-passes';
import { nginxPlainPasses, nginxTlsOnlyPorts } from './nginx-plain-calls';
import { proxyComponents } from './nginx-proxy';
import {
  nginxStartupFailures,
  spdyListens,
  sslDirectives,
  workloadApiOf,
  type NginxServerBlock,
} from './nginx-startup';
import { SERVER_DEFAULTED, withUnheldSettings } from './nginx-unresolved';
import type { Component } from './types';
import type { NginxServerAttributes } from './attributes';
import {
  opensslAttribute,
  serverOpenssl,
  nginxImagesNamed,
  storeDirectivesOf,
  tlsFrom,
  withoutNginxExtras,
  type ServerOpenssl,
} from './nginx-tls';

/**
 * One `nginx.server` component per `server { }` block that listens with TLS
 * (`listen … ssl` or `ssl on`), with `ssl_*` directives inherited from `http`
 * and `include`d files resolved inside the tree (relative to the including file,
 * to the main nginx.conf, or — for absolute paths — by their tail under it).
 * A TLS policy file included by nothing (a snippet like h5bp's `policy_*.conf`)
 * becomes an `nginx.tls-policy` component so its settings are checked too.
 */
/** Characters that make an include path a glob; without them it names one file. */
const GLOB_CHARS = /[*?[\]\\]/;
/**
 * Directives one top-level file may gather through includes: `include *.conf` in every file of a
 * directory multiplies (3 files including each other twice: millions); past this the rest of the
 * includes are not expanded and the file gets a warning.
 */
export const MAX_INCLUDED_DIRECTIVES = 20_000;

/**
 * The matcher for one include candidate: plain equality for a path without glob characters (almost
 * every include), else glob(3) syntax as nginx uses it (no braces, no `**`) in linear time
 * (src/core/glob.ts). The directories before the first glob character (the deployment's root, another in
 * every deployment of a fleet) are compared as a string and only the rest (`conf.d/*.conf`) is compiled,
 * once per distinct rest and run (`memo`, the run's).
 */
function includeMatcher(pattern: string, memo: RunMemo): (file: string) => boolean {
  const firstGlob = pattern.search(GLOB_CHARS);
  if (firstGlob < 0) return (file) => file === pattern;
  if (pattern.length > MAX_PATTERN_LENGTH) return () => false;
  // Cut after a `/`: the rest starts a path segment as it did in the whole pattern (glob(3)'s hidden `.`).
  const cut = pattern.lastIndexOf('/', firstGlob) + 1;
  const rest = pattern.slice(cut);
  const match = memo.get('nginx include glob', rest, (): ((file: string) => boolean) => {
    try {
      return compileGlob(rest, { braces: false, globstar: false, negation: false });
    } catch {
      return () => false;
    }
  });
  if (cut === 0) return match;
  const dir = pattern.slice(0, cut);
  const matchRest = match;
  return (file) => file.startsWith(dir) && matchRest(file.slice(cut));
}

/** The documents whose directory shares the deepest ancestor with `from`'s. */
function nearestTo(from: string, docs: ParsedDocument<NginxData>[]): ParsedDocument<NginxData>[] {
  const own = path.dirname(from).split(path.sep);
  const depth = (d: ParsedDocument) => {
    const other = path.dirname(d.file.path).split(path.sep);
    let n = 0;
    while (n < own.length && n < other.length && own[n] === other[n]) n++;
    return n;
  };
  const depths = docs.map(depth);
  const best = Math.max(...depths);
  return docs.filter((_, i) => depths[i] === best);
}

export const nginxContributor: ModelContributor = {
  id: 'nginx',
  reads: ['nginx.'],
  contribute(ctx) {
    const docs = ctx.documentsOf('nginx.') as ParsedDocument<NginxData>[];
    const included = new Set<string>();
    // What a container reads at /etc/nginx/certs/… when Compose mounts the configuration and the certificates into it.
    const mounts = deploymentMounts(ctx);
    const dockerfiles = ctx.documentsOf('dockerfile') as ParsedDocument<DockerfileData>[];
    const composeFiles = ctx.documentsOf('compose');
    const opensslFor = serverOpenssl(
      dockerfiles,
      { mounts, files: composeFiles },
      nginxImagesNamed(dockerfiles, composeFiles),
    );
    const treeFiles = new Set(mounts.length > 0 ? ctx.deployment.documents.map((d) => d.file.path) : []);
    // The same include in the same file always resolves alike: once per (pattern, file).
    const resolvedIncludes = new Map<string, ParsedDocument<NginxData>[]>();
    const resolveInclude = (pattern: string, from: string): ParsedDocument<NginxData>[] => {
      const key = `${from}\u0000${pattern}`;
      let found = resolvedIncludes.get(key);
      if (!found) resolvedIncludes.set(key, (found = resolveIncludeUncached(pattern, from)));
      return found;
    };
    // The documents by file name and by directory name: an include is matched against those that can
    // match it, not against every nginx file of the deployment (O(files²) in one that holds many hosts).
    const byName = new Map<string, ParsedDocument<NginxData>[]>();
    const byDirName = new Map<string, ParsedDocument<NginxData>[]>();
    const push = (map: Map<string, ParsedDocument<NginxData>[]>, key: string, doc: ParsedDocument<NginxData>) => {
      const list = map.get(key);
      if (list) list.push(doc);
      else map.set(key, [doc]);
    };
    for (const doc of docs) {
      push(byName, path.basename(doc.file.path), doc);
      push(byDirName, path.basename(path.dirname(doc.file.path)), doc);
    }
    const docsNamedLike = (candidate: string): ParsedDocument<NginxData>[] => {
      const name = path.basename(candidate);
      if (!GLOB_CHARS.test(name)) return byName.get(name) ?? [];
      const dirName = path.basename(path.dirname(candidate));
      return GLOB_CHARS.test(dirName) ? docs : (byDirName.get(dirName) ?? []);
    };
    const mains = docs.filter((d) => path.basename(d.file.path) === 'nginx.conf');
    /** The files a candidate path (or glob) matches, with their directory tree: the same for every including file. */
    const matched = new Map<
      string,
      { files: ParsedDocument<NginxData>[]; paths: Set<string>; tree: DirectoryTree<ParsedDocument<NginxData>> }
    >();
    const matchesOf = (candidate: string) => {
      let found = matched.get(candidate);
      if (!found) {
        const match = includeMatcher(candidate.split(path.sep).join('/'), ctx.memo);
        const pool = docsNamedLike(candidate);
        countWork('nginx include candidates', pool.length);
        const files = pool.filter((d) => match(d.file.path.split(path.sep).join('/')));
        matched.set(
          candidate,
          (found = {
            files,
            paths: new Set(files.map((d) => d.file.path)),
            tree: new DirectoryTree(files, (d) => path.dirname(d.file.path), path.sep),
          }),
        );
      }
      return found;
    };
    const resolveIncludeUncached = (pattern: string, from: string): ParsedDocument<NginxData>[] => {
      if (path.isAbsolute(pattern)) {
        // An installed path (`/etc/nginx/conf.d/*.conf`) maps to the files of the tree that end with its
        // longest suffix (`deploy/nginx/conf.d/a.conf`); a glob file name alone (`*.conf`) maps to nothing.
        const parts = pattern.split('/').filter(Boolean);
        const last = /[*?[{]/.test(parts.at(-1) ?? '') ? parts.length - 2 : parts.length - 1;
        for (let k = 0; k <= last; k++) {
          const { files, paths, tree } = matchesOf(path.join(ctx.deployment.root, '**', ...parts.slice(k)));
          // Of the tree's files that end alike (one per host of a deployment that holds several nginx
          // hosts), those nearest to the including file: an installed path names its own host's files.
          const found = paths.has(from)
            ? nearestTo(
                from,
                files.filter((d) => d.file.path !== from),
              )
            : tree.lookup(path.dirname(from)).nearest;
          if (found.length) return [...found].sort((a, b) => a.file.path.localeCompare(b.file.path));
        }
        return [];
      }
      // Relative to the including file, else to the directory of an nginx.conf (the prefix nginx runs with).
      for (const base of [from, ...mains.map((m) => m.file.path)]) {
        const dir = path.dirname(base);
        const found = matchesOf(path.resolve(dir, pattern)).files.filter((d) => d.file.path !== from);
        if (found.length) return found.sort((a, b) => a.file.path.localeCompare(b.file.path));
      }
      return [];
    };
    /**
     * Directives with includes replaced by the included files' directives. Each file (by path; the
     * walk lists a linked file once, by its real path) is included once per block and never into
     * itself through a chain; `budget` bounds the whole expansion of one top-level file.
     */
    const expand = (
      list: NginxDirective[],
      file: string,
      chain: string[],
      budget: { left: number; exceeded: boolean },
      via: RelatedLocation[] = [],
    ): Placed[] => {
      const out: Placed[] = [];
      const includedHere = new Set<string>();
      for (const directive of list) {
        if (budget.left <= 0) {
          budget.exceeded = true;
          break;
        }
        if (directive.name === 'include' && directive.args[0] && chain.length < 10) {
          const targets = resolveInclude(directive.args[0].value, file);
          for (const t of targets) {
            included.add(t.file.path);
            if (includedHere.has(t.file.path) || chain.includes(t.file.path)) continue;
            includedHere.add(t.file.path);
            budget.left--; // an include of files that only include others still costs
            const hop = {
              file,
              range: directive.nameRange,
              message: `include ${directive.args[0].value} brings in ${path.basename(t.file.path)}`,
            };
            for (const placed of expand(t.data.directives, t.file.path, [...chain, t.file.path], budget, [...via, hop]))
              out.push(placed);
          }
          // An include of a file the tree does not hold stays in its scope: what it may set is unknown.
          if (targets.length === 0) out.push({ directive, file, ...(via.length ? { via } : {}) });
          continue;
        }
        budget.left--;
        out.push({
          directive,
          file,
          block: directive.block ? expand(directive.block, file, chain, budget, via) : undefined,
          ...(via.length ? { via } : {}),
        });
      }
      return out;
    };
    const expanded = new Map(
      docs.map((d) => {
        const budget = { left: MAX_INCLUDED_DIRECTIVES, exceeded: false };
        const placed = expand(d.data.directives, d.file.path, [d.file.path], budget);
        if (budget.exceeded) {
          d.problems.push({
            code: 'include-budget',
            severity: 'warning',
            message: `Includes bring more than ${MAX_INCLUDED_DIRECTIVES} directives into this file (includes that repeat or nest too much): the rest were not checked`,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          });
        }
        return [d.file.path, placed];
      }),
    );
    // What a template renders is not known here: no verdict on what it may put in or leave out.
    const templates = new Set(docs.filter((d) => d.template).map((d) => d.file.path));
    const isTemplate = (file: string) => templates.has(file);
    // Whether a place of a template lies under a conditional (`<% if nginx_version < '1.15.0' -%>`), which decides it.
    const branchesByFile = new Map(docs.map((d) => [d.file.path, d.template?.branches ?? []]));
    const conditional = (at: Location) =>
      (branchesByFile.get(at.file) ?? []).some((b) => at.range !== undefined && within(at.range, b.range));
    for (const doc of docs) {
      if (included.has(doc.file.path)) continue;
      const top = expanded.get(doc.file.path)!;
      const passes = nginxPasses(top);
      (ctx.deployment.nginxIgnoredPassTls ??= []).push(...ignoredPassTls(passes, isTemplate));
      (ctx.deployment.nginxVerifyWithoutAnchors ??= []).push(...verifyWithoutTrustedCertificate(passes, isTemplate));
      (ctx.deployment.nginxSslDirectives ??= []).push(
        ...sslDirectives(top, opensslFor(doc.file.path).nginx, isTemplate, conditional),
      );
      (ctx.deployment.nginxSpdyListens ??= []).push(
        ...spdyListens(top, opensslFor(doc.file.path).nginx, isTemplate, conditional),
      );
      const servers: NginxServerBlock[] = [];
      const walk = (list: Placed[], inherited: Placed[], level: NginxServerBlock['level']) => {
        const here = [...inherited, ...list.filter((p) => !p.block)];
        for (const p of list) {
          if (!p.block) continue;
          if (p.directive.name === 'server') servers.push({ server: p, inherited: here, level });
          else if (p.directive.name === 'http' || p.directive.name === 'stream') walk(p.block, here, p.directive.name);
        }
      };
      walk(top, [], undefined);
      const startupFailures = nginxStartupFailures(doc, servers, opensslFor(doc.file.path).nginx);
      const host = ctx.hostOf(doc.file.path);
      const tlsOnly = nginxTlsOnlyPorts(servers, isTemplate);
      const context = { root: ctx.deployment.root, host, skip: isTemplate };
      (ctx.deployment.nginxPlainPasses ??= []).push(...nginxPlainPasses(top, passes, context));
      for (const { server, inherited } of servers) {
        const component = serverComponent(
          ctx.hostOf(doc.file.path),
          doc,
          server,
          inherited,
          ctx.deployment.root,
          opensslFor(doc.file.path),
          ctx.memo,
        );
        if (component?.type === 'nginx.server' && mounts.length > 0) readThroughMounts(component, mounts, treeFiles);
        if (component?.type === 'nginx.server') readThroughImages(component, treeStoresOf(ctx));
        const startupFailure = startupFailures.get(server);
        if (component?.type === 'nginx.server' && startupFailure) component.attributes.startupFailure = startupFailure;
        const tlsOnlyPorts = tlsOnly.get(server);
        if (component?.type === 'nginx.server' && tlsOnlyPorts) component.attributes.tlsOnlyPorts = tlsOnlyPorts;
        if (component) ctx.addComponent(component);
      }
      const hasSsl = top.some((p) => !p.block && p.directive.name.startsWith('ssl_'));
      const openssl = opensslFor(doc.file.path);
      const proxies = proxyComponents({
        top,
        passes,
        doc,
        host: ctx.hostOf(doc.file.path),
        root: ctx.deployment.root,
        openssl: openssl.facts,
        opensslAttribute: opensslAttribute(openssl),
        levelOpenssl: openssl,
        ...(openssl.nginx ? { nginx: openssl.nginx } : {}),
        memo: ctx.memo,
      });
      for (const proxy of proxies) ctx.addComponent(proxy);
      if (servers.length === 0 && !top.some((p) => p.block) && hasSsl) {
        const relative = relativePosix(ctx.deployment.root, doc.file.path) || path.basename(doc.file.path);
        const { invalidCipherCommand, securityLevel, ...policy } = tlsFrom([top], openssl, ctx.memo);
        ctx.addComponent({
          id: `nginx.tls-policy:${relative}`,
          type: 'nginx.tls-policy',
          name: `nginx TLS policy (${relative})`,
          role: 'server',
          location: { file: doc.file.path },
          host: ctx.hostOf(doc.file.path),
          tls: withoutNginxExtras(policy),
          documents: [doc],
          attributes: {
            tlsPorts: [],
            hostnames: [],
            defaultServer: false,
            ciphersAsWritten: policy.ciphersAsWritten,
            unknownCipherElements: policy.unknown,
            openssl: opensslAttribute(openssl),
            ...(invalidCipherCommand ? { invalidCipherCommand } : {}),
            dheWithoutParameters: policy.dheWithoutParameters,
            securityLevel,
          } satisfies NginxServerAttributes,
        });
      }
    }
  },
};

/** Every `name` directive of the server block, else the inherited ones (a level that sets it replaces the outer ones). */
function innermost(own: Placed[], inherited: Placed[], name: string): Placed[] {
  const mine = own.filter((p) => !p.block && p.directive.name === name);
  return mine.length > 0 ? mine : inherited.filter((p) => !p.block && p.directive.name === name);
}

/**
 * The server's `name` files (ssl_certificate: nginx takes several, an RSA and an ECDSA one, chosen per handshake;
 * ssl_certificate_key: the key of the certificate in the same place, ngx_ssl_certificates pairs them by index).
 */
function filesOf(own: Placed[], inherited: Placed[], name: string): { file: string; reference: Location }[] {
  return innermost(own, inherited, name).flatMap((p) =>
    p.directive.args[0] ? [{ file: p.directive.args[0].value, reference: { file: p.file, range: argsRange(p) } }] : [],
  );
}

function serverComponent(
  host: string,
  doc: ParsedDocument,
  server: Placed,
  inherited: Placed[],
  root: string,
  openssl: ServerOpenssl,
  memo: RunMemo,
): Component | undefined {
  const levels = [inherited, (server.block ?? []).filter((p) => !p.block)];
  const scope = levels.flat();
  const listens = (server.block ?? []).filter((p) => p.directive.name === 'listen');
  const sslOn = last(scope, 'ssl')?.directive.args[0]?.value === 'on';
  const tlsListens = listens.filter((l) => sslOn || l.directive.args.some((a) => a.value === 'ssl'));
  if (tlsListens.length === 0) return undefined;
  const ports = tlsListens
    .map((l) => /(?:^|:)(\d+)$/.exec(l.directive.args[0]?.value ?? '')?.[1])
    .filter((p): p is string => !!p)
    .map(Number);
  const names = (server.block ?? [])
    .filter((p) => p.directive.name === 'server_name')
    .flatMap((p) => p.directive.args.map((a) => a.value.toLowerCase()))
    .filter((n) => n && n !== '_' && n !== '""');
  const { unknown, ciphersAsWritten, dheWithoutParameters, invalidCipherCommand, securityLevel, dhParameters, ...tls } =
    tlsFrom(levels, openssl, memo);
  // Merged with any unknown values tlsFrom set, never replacing them.
  withUnheldSettings(tls, levels, {
    names: SERVER_DEFAULTED,
    confCommand: 'ssl_conf_command',
    who: 'the server',
    tls13: openssl.facts.tls13,
  });
  const certificates = filesOf(server.block ?? [], inherited, 'ssl_certificate');
  const certificateKeys = filesOf(server.block ?? [], inherited, 'ssl_certificate_key');
  const workloadApi = workloadApiOf(scope, NGINX_FACTS.workloadApiDirectives.value.server);
  if (certificates[0]) tls.certificate = certificates[0];
  if (certificates.length > 1) tls.moreCertificates = certificates.slice(1);
  const relative = path.relative(root, server.file).split(path.sep).join('/');
  const label = `${names[0] ?? '_'}:${ports[0] ?? '?'}`;
  return {
    id: `nginx.server:${relative}:${label}`,
    type: 'nginx.server',
    name: `nginx server ${label} (${relative})`,
    role: 'server',
    location: { file: server.file, range: server.directive.nameRange },
    host,
    tls,
    documents: [doc],
    attributes: {
      tlsPorts: ports,
      hostnames: names,
      defaultServer: tlsListens.some((l) => l.directive.args.some((a) => a.value === 'default_server')),
      ciphersAsWritten,
      unknownCipherElements: unknown,
      openssl: opensslAttribute(openssl),
      ...(invalidCipherCommand ? { invalidCipherCommand } : {}),
      dheWithoutParameters,
      storeDirectives: storeDirectivesOf(scope),
      ...(certificateKeys.length > 0 ? { certificateKeys } : {}),
      securityLevel,
      ...(dhParameters ? { dhParameters } : {}),
      ...(workloadApi ? { workloadApi } : {}),
    } satisfies NginxServerAttributes,
  };
}
