import * as path from 'node:path';
import { within, type Location, type RelatedLocation } from '../core/types';
import type { NginxData, NginxDirective } from '../parse/nginx';
import type { ParsedDocument } from '../parse/types';
import { NGINX_FACTS } from '../knowledge/openssl';
import type { DockerfileData } from '../parse/dockerfile';
import type { RunMemo } from '../core/run-memo';
import type { ModelContributor } from './contributor';
import { deploymentMounts, readThroughMounts } from './compose-mounts';
import { readThroughImages } from './image-copies';
import { treeStoresOf } from './store-files';
import { argsRange, last, type Placed } from './nginx-placed';
import { includeResolver, MAX_INCLUDED_DIRECTIVES } from './nginx-includes';
import { ignoredPassTls, nginxPasses, verifyWithoutTrustedCertificate } from './nginx-passes';
import { nginxPlainPasses, nginxTlsOnlyPorts } from './nginx-plain-calls';
import { proxyComponents } from './nginx-proxy';
import {
  nginxStartupFailures,
  spdyDirectives,
  spdyListens,
  sslDirectives,
  workloadApiOf,
  type NginxServerBlock,
} from './nginx-startup';
import { SERVER_DEFAULTED, withUnheldSettings } from './nginx-unresolved';
import type { Component } from './types';
import type { NginxRemovedSyntax } from './nginx-records';
import { floatingNginxFor } from './nginx-floating-image';
import { scriptsInImages } from './dockerfile-downloads';
import { SHELL_SCRIPT_KIND } from '../parse/script-file-placements';
import { nginxLoadingOf } from './nginx-unloaded';
import { filePlacementDocuments } from './script-placements';
import { CONTAINER_RUNS_KIND, type ContainerRunsData } from '../parse/container-runs';
import type { KubernetesData } from '../parse/kubernetes';
import type { NginxServerAttributes } from './attributes';
import { storeDirectivesOf, tlsFrom, withoutNginxExtras } from './nginx-tls';
import { opensslAttribute, serverOpenssl, nginxImagesNamed, type ServerOpenssl } from './server-openssl';
import { relativePosix } from '../core/posix-path';

/**
 * One `nginx.server` component per `server { }` block that listens with TLS
 * (`listen … ssl` or `ssl on`), with `ssl_*` directives inherited from `http`
 * and `include`d files resolved inside the tree (relative to the including file,
 * to the main nginx.conf, or — for absolute paths — by their tail under it).
 * A TLS policy file included by nothing (a snippet like h5bp's `policy_*.conf`)
 * becomes an `nginx.tls-policy` component so its settings are checked too.
 */
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
    const copies = treeStoresOf(ctx).images;
    const opensslFor = serverOpenssl(
      dockerfiles,
      {
        mounts,
        files: composeFiles,
        root: ctx.deployment.root,
        copiedInto: (file) => (copies?.holding(file) ?? []).map((h) => h.dockerfile),
        scriptAt: scriptsInImages(ctx.documentsOf(SHELL_SCRIPT_KIND), (file) => copies?.holding(file) ?? []),
      },
      nginxImagesNamed(dockerfiles, composeFiles),
    );
    const floatingFor = floatingNginxFor(dockerfiles, composeFiles, mounts, (file) =>
      (copies?.holding(file) ?? []).map((h) => h.dockerfile),
    );
    const loadingFor = nginxLoadingOf(docs, {
      dockerfiles,
      scripts: () => filePlacementDocuments(ctx),
      mounts,
      runs: ctx.documentsOf(CONTAINER_RUNS_KIND) as ParsedDocument<ContainerRunsData>[],
      manifests: ctx.documentsOf('kubernetes') as ParsedDocument<KubernetesData>[],
      links: ctx.deployment.treeLinks ?? [],
    });
    const treeFiles = new Set(mounts.length > 0 ? ctx.deployment.documents.map((d) => d.file.path) : []);
    const resolveInclude = includeResolver(docs, ctx.deployment.root, ctx.memo);
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
    // Whether a template may render the line at `at` otherwise: anything but values inside other lines may.
    const templateOf = new Map(docs.flatMap((d) => (d.template ? [[d.file.path, d.template] as const] : [])));
    const rendersOtherwise = (at: Location) => {
      const t = templateOf.get(at.file);
      const line = at.range?.start.line;
      return (
        t !== undefined &&
        (line === undefined ||
          t.branches.length > 0 ||
          t.spans.some((s) => s.kind !== 'value' || (s.range.start.line <= line && s.range.end.line >= line)))
      );
    };
    const conditional = (at: Location) =>
      (branchesByFile.get(at.file) ?? []).some((b) => at.range !== undefined && within(at.range, b.range));
    for (const doc of docs) {
      if (included.has(doc.file.path)) continue;
      const top = expanded.get(doc.file.path)!;
      // The image (or mount) that runs this file: its OpenSSL and nginx release, asked once per file.
      const openssl = opensslFor(doc.file.path);
      const passes = nginxPasses(top);
      (ctx.deployment.nginxIgnoredPassTls ??= []).push(...ignoredPassTls(passes, isTemplate));
      // A snippet in a `*-available` directory nothing enables stops nginx only once enabled: the rules that say nginx
      // does not start ask this (src/rules/nginx/_lib/unloaded.ts).
      const loading = loadingFor(doc.file.path);
      const loaded = <T extends object>(found: T[]) => (loading ? found.map((r) => ({ ...r, loading })) : found);
      (ctx.deployment.nginxVerifyWithoutAnchors ??= []).push(
        ...loaded(verifyWithoutTrustedCertificate(passes, isTemplate)),
      );
      // No release named: the official image under a tag that names none still bounds it from below.
      const floating = openssl.nginx ? undefined : floatingFor(doc.file.path);
      const bounded = <T extends NginxRemovedSyntax>(found: T[]) =>
        loaded(floating ? found.map((r) => ({ ...r, floating })) : found);
      (ctx.deployment.nginxSslDirectives ??= []).push(
        ...bounded(sslDirectives(top, openssl.nginx, rendersOtherwise, conditional)),
      );
      (ctx.deployment.nginxSpdyListens ??= []).push(
        ...bounded(spdyListens(top, openssl.nginx, rendersOtherwise, conditional)),
      );
      (ctx.deployment.nginxSpdyDirectives ??= []).push(
        ...bounded(spdyDirectives(top, openssl.nginx, rendersOtherwise, conditional)),
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
      const startupFailures = nginxStartupFailures(doc, servers, openssl.nginx);
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
          openssl,
          ctx.memo,
        );
        if (component?.type === 'nginx.server' && mounts.length > 0) readThroughMounts(component, mounts, treeFiles);
        if (component?.type === 'nginx.server') readThroughImages(component, treeStoresOf(ctx));
        const startupFailure = startupFailures.get(server);
        if (component?.type === 'nginx.server' && startupFailure) component.attributes.startupFailure = startupFailure;
        const tlsOnlyPorts = tlsOnly.get(server);
        if (component?.type === 'nginx.server' && tlsOnlyPorts) component.attributes.tlsOnlyPorts = tlsOnlyPorts;
        if (component?.type === 'nginx.server' && loading) component.attributes.loading = loading;
        if (component) ctx.addComponent(component);
      }
      const hasSsl = top.some((p) => !p.block && p.directive.name.startsWith('ssl_'));
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
      for (const proxy of proxies) {
        if (loading) proxy.attributes.loading = loading;
        ctx.addComponent(proxy);
      }
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
            ...(loading ? { loading } : {}),
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
  const relative = relativePosix(root, server.file);
  // The name as written: `server_name ${domainName}` (a placeholder a script fills) reads `${domainname}` lower-cased
  // (garganttua/garganttua-fullstack-java-react-next-mongo-kafka@bd547cb envs/prod/${projectName}-nginx.conf).
  const writtenName = (server.block ?? [])
    .filter((p) => p.directive.name === 'server_name')
    .flatMap((p) => p.directive.args.map((a) => a.value))
    .find((n) => n && n !== '_' && n !== '""');
  const label = `${writtenName ?? '_'}:${ports[0] ?? '?'}`;
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
