/**
 * HAProxy as a TLS server and client: one `haproxy.bind` component per `bind … ssl` line of a `frontend` or `listen`
 * section, one `haproxy.server` per `server … ssl` line of a `backend` or `listen` section (after the `default-server`
 * lines of its `defaults` and its own section). Global `ssl-default-bind-*` / `ssl-default-server-*` apply to both, as
 * HAProxy merges them (src/cfgparse-ssl.c: the line's min/max win, the flags add up).
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import type { RunMemo } from '../core/run-memo';
import { HAPROXY_KIND, type HaproxyData, type HaproxyLine, type HaproxySection } from '../parse/haproxy';
import { CRT_LIST_KIND, type CrtListData } from '../parse/haproxy-crt-list';
import type { ParsedDocument } from '../parse/types';
import type { DockerfileData } from '../parse/dockerfile';
import { HAPROXY_FACTS } from '../knowledge/openssl';
import { haproxyBindFloorApplies } from '../knowledge/server-releases';
import type { ModelContributor } from './contributor';
import { opensslAttribute, serverOpenssl, type ServerOpenssl } from './server-openssl';
import { haproxyReleaseOf, keyFileLookupOf, removedKeywords } from './haproxy-release';
import { bindCertificateSources } from './haproxy-certificates';
import { bindCertificates } from './haproxy-crt-lists';
import { crtDirectoryStrays } from './haproxy-crt-directory';
import { listedFilesOf, type ListedFiles } from './listed-files';
import { haproxyFiniteFieldGroups } from './haproxy-groups';
import { bindHostnames, bindPorts, tlsOnlyBindPorts, tlsOnlyOf } from './haproxy-addresses';
import { deploymentMounts, type TreeMount } from './compose-mounts';
import { containerRunners } from './loopback';
import { haproxyLocalhost, serverLoopback } from './haproxy-loopback';
import type { HaproxyLocalhost } from './attributes-edge';
import { treeStoresOf, type TreeStores } from './store-files';
import {
  haproxyCiphers,
  haproxyTls,
  haproxyVersions,
  isPlaceholder,
  lastOf,
  lastOption,
  optionLocation,
  optionsOf,
  withTls13Suites,
  type HaproxyOption,
} from './haproxy-tls';
import type { Component, TlsSettings, Traced } from './types';
import { globalsOf, pathOf, type HaproxyGlobals } from './haproxy-globals';
import type { ClientUrl } from './attributes';
import { relativePosix } from '../core/posix-path';

interface Context {
  doc: ParsedDocument<HaproxyData>;
  globals: HaproxyGlobals;
  openssl: ServerOpenssl;
  release?: { value: string; at: Location };
  memo: RunMemo;
  root: string;
  host: string;
  crtLists: ParsedDocument<CrtListData>[];
  stores: TreeStores;
  mounts: readonly TreeMount[];
  listed: ListedFiles;
  /** The ports each `bind … ssl` line serves with TLS only (tlsOnlyBindPorts). */
  tlsOnly: Map<HaproxyLine, number[]>;
  /** The network namespace HAProxy's `localhost` is, when the tree shows it (haproxyLocalhost). */
  localhost: HaproxyLocalhost;
}

function bindComponent(ctx: Context, section: HaproxySection, line: HaproxyLine): Component | undefined {
  const file = ctx.doc.file.path;
  const [addressWord, ...rest] = line.args;
  const own = optionsOf(rest, file);
  if (!own.some((o) => o.keyword.value === 'ssl')) return undefined;
  const { globals, openssl } = ctx;
  const floor = haproxyBindFloorApplies(ctx.release?.value);
  const versions = haproxyVersions({
    own,
    global: globals.bindOptions,
    role: 'bind',
    tls13: openssl.facts.tls13,
    floor,
    ...(ctx.release ? { release: ctx.release.value } : {}),
  });
  const ciphers = withTls13Suites(
    haproxyCiphers(lastOption(own, 'ciphers') ?? globals.bindCiphers, openssl, ctx.memo, 'server'),
    lastOption(own, 'ciphersuites') ?? globals.bindCiphersuites,
    openssl.facts.tls13,
  );
  const sources = bindCertificateSources(section, line, own, file);
  const crt = sources.crt.flatMap((o) => pathOf(o, globals.crtBase) ?? []);
  // A crt-list's own path is opened as written (src/cfgparse-ssl.c bind_parse_crt_list), not below crt-base.
  const crtList = sources.crtList.flatMap((o) => pathOf(o, undefined) ?? []);
  const certificates = bindCertificates(own, globals.crtBase, ctx.crtLists, file, ctx.stores);
  const strays = crtDirectoryStrays(own, globals.crtBase, file, ctx.stores, ctx.mounts, ctx.listed, ctx.release);
  // ca-verify-file: CA certificates to verify with that HAProxy does not name in its CertificateRequest.
  const caFile = pathOf(lastOption(own, 'ca-file') ?? lastOption(own, 'ca-verify-file'), globals.caBase);
  const extra: Partial<TlsSettings> = {};
  const preferClient = lastOption([...globals.bindOptions, ...own], 'prefer-client-ciphers');
  extra.serverOrderWins = preferClient
    ? { value: false, from: { kind: 'file', location: optionLocation(preferClient) } }
    : {
        value: HAPROXY_FACTS.serverCipherOrderDefault.value,
        from: {
          kind: 'default',
          origin: `HAProxy enforces the server's cipher order unless prefer-client-ciphers (${HAPROXY_FACTS.serverCipherOrderDefault.source.split(' ')[0]})`,
          confidence: 'verified',
        },
      };
  const verify = lastOption(own, 'verify');
  const mode = verify?.value?.value;
  if (verify && (mode === 'none' || mode === 'optional' || mode === 'required'))
    extra.clientAuth = { value: mode, from: { kind: 'file', location: optionLocation(verify) } };
  // A crt that is a file: written with a certificate's extension, or a PEM file of the tree (those of a directory).
  const [first, ...more] = certificates.files.filter(
    (c) => /\.(pem|crt|cer)$/i.test(c.value) || ctx.stores.typeOf(c.value) === 'PEM',
  );
  if (first) extra.certificate = { file: first.value, reference: first.location, storeType: 'PEM' };
  if (first && more.length > 0)
    extra.moreCertificates = more.map((c) => ({ file: c.value, reference: c.location, storeType: 'PEM' }));
  const groups = openssl.facts.tls13 ? haproxyFiniteFieldGroups(own, globals.bindCurves, openssl) : undefined;
  if (groups) extra.finiteFieldGroups = groups;
  const tls = haproxyTls({ versions, ciphers, extra });
  if (certificates.perCertificateTls.length > 0) {
    tls.unknownValues = [...(tls.unknownValues ?? []), 'the protocols and ciphers its crt-list sets per certificate'];
    tls.unknownAt = [
      ...(tls.unknownAt ?? []),
      ...certificates.perCertificateTls.map((at) => ({ ...at, message: 'set for the certificates of this line only' })),
    ];
  }
  const address = addressWord?.value ?? '';
  const relative = relativePosix(ctx.root, file) || path.basename(file);
  const proxy = `${section.kind} ${section.name?.value ?? ''}`.trim();
  return {
    id: `haproxy.bind:${relative}:${proxy}:${address}:${line.range.start.line + 1}`,
    type: 'haproxy.bind',
    name: `HAProxy bind ${address} (${proxy}, ${relative})`,
    role: 'server',
    location: { file, range: line.range },
    host: ctx.host,
    tls,
    documents: [ctx.doc, ...certificates.lists],
    attributes: {
      proxy,
      address,
      tlsPorts: isPlaceholder(address) ? [] : bindPorts(address),
      hostnames: isPlaceholder(address) ? [] : bindHostnames(address),
      ...tlsOnlyOf(ctx.tlsOnly, ctx.doc.file.path, line, address),
      ...(ciphers.ciphersAsWritten !== undefined ? { ciphersAsWritten: ciphers.ciphersAsWritten } : {}),
      unknownCipherElements: ciphers.unknownCipherElements,
      openssl: opensslAttribute(openssl),
      crt,
      crtList,
      strictSni: sources.strictSni,
      ...(section.head.conditional || line.conditional ? { conditional: true as const } : {}),
      ...(sources.unknown ? { certificatesUnknown: sources.unknown } : {}),
      keyFile: keyFileLookupOf(globals.keyFile, ctx.release, globals.keyFileSettings),
      ...(strays.length > 0 ? { crtDirectoryStrays: strays } : {}),
      ...(certificates.verifyWithoutCaFile.length > 0
        ? { crtListVerifyWithoutCaFile: certificates.verifyWithoutCaFile }
        : {}),
      ...(caFile ? { caFile } : {}),
      ...(ctx.release ? { release: ctx.release } : {}),
    },
  };
}

function serverComponent(
  ctx: Context,
  section: HaproxySection,
  line: HaproxyLine,
  defaults: readonly HaproxyOption[],
): Component | undefined {
  const file = ctx.doc.file.path;
  const [nameWord, addressWord, ...rest] = line.args;
  const own = [...defaults, ...optionsOf(rest, file)];
  // `ssl` turns TLS on, `no-ssl` (a server line undoing its default-server) off: the last one wins.
  const sslSwitch = lastOf(own, (o) => o.keyword.value === 'ssl' || o.keyword.value === 'no-ssl');
  if (sslSwitch?.keyword.value !== 'ssl') return undefined;
  const { globals, openssl } = ctx;
  const versions = haproxyVersions({
    own,
    global: globals.serverOptions,
    role: 'server',
    tls13: openssl.facts.tls13,
    floor: undefined,
  });
  const ciphers = withTls13Suites(
    haproxyCiphers(lastOption(own, 'ciphers') ?? globals.serverCiphers, openssl, ctx.memo, 'client'),
    lastOption(own, 'ciphersuites') ?? globals.serverCiphersuites,
    openssl.facts.tls13,
  );
  const verifyOption = lastOption(own, 'verify');
  const verifyWritten = verifyOption?.value?.value;
  const globalVerify = ctx.globals.serverVerify;
  const verify: Traced<'none' | 'required'> =
    verifyOption && (verifyWritten === 'none' || verifyWritten === 'required')
      ? { value: verifyWritten, from: { kind: 'file', location: optionLocation(verifyOption) } }
      : globalVerify?.value?.value === 'none'
        ? { value: 'none', from: { kind: 'file', location: optionLocation(globalVerify) } }
        : {
            value: HAPROXY_FACTS.serverVerifyDefault.value === 'none' ? 'none' : 'required',
            from: {
              kind: 'default',
              origin: `HAProxy's default verify ${HAPROXY_FACTS.serverVerifyDefault.value} on servers (${HAPROXY_FACTS.serverVerifyDefault.source.split(' ')[0]})`,
              confidence: 'verified',
            },
          };
  const caFile = pathOf(lastOption(own, 'ca-file'), globals.caBase);
  const crt = pathOf(lastOption(own, 'crt'), globals.crtBase);
  // `verify required … check-ssl verify none`: the later none wins for traffic and checks alike.
  const overridden =
    verify.value === 'none' && verifyOption
      ? own.find((o) => o.keyword.value === 'verify' && o.value?.value === 'required' && o !== verifyOption)
      : undefined;
  const sni = pathOf(lastOption(own, 'sni'), undefined);
  const verifyhost = pathOf(lastOption(own, 'verifyhost'), undefined);
  const extra: Partial<TlsSettings> = {};
  if (crt && !isPlaceholder(crt.value))
    extra.certificate = { file: crt.value, reference: crt.location, storeType: 'PEM' };
  const tls = haproxyTls({ versions, ciphers, extra });
  const address = addressWord?.value ?? '';
  const relative = relativePosix(ctx.root, file) || path.basename(file);
  const proxy = `${section.kind} ${section.name?.value ?? ''}`.trim();
  const serverName = nameWord?.value ?? '';
  const loopback = serverLoopback(address, ctx.localhost);
  const urls: ClientUrl[] = [];
  const target = /^(?:[a-z0-9]+@)?(\[[^\]]+\]|[^:]+):(\d+)$/i.exec(address);
  if (addressWord && target && !isPlaceholder(address))
    urls.push({
      url: `https://${target[1]}:${target[2]}`,
      scheme: 'https',
      host: target[1]!.replace(/^\[|\]$/g, '').toLowerCase(), // group 1 is not optional
      port: Number(target[2]),
      location: { file, range: addressWord.range },
      key: `server ${serverName}`,
    });
  return {
    id: `haproxy.server:${relative}:${proxy}:${serverName}`,
    type: 'haproxy.server',
    name: `HAProxy server ${serverName} ${address} (${proxy}, ${relative})`,
    role: 'client',
    location: { file, range: line.range },
    host: ctx.host,
    tls,
    documents: [ctx.doc],
    attributes: {
      proxy,
      serverName,
      address,
      urls,
      verify,
      ...(section.head.conditional || line.conditional ? { conditional: true as const } : {}),
      ...(overridden ? { verifyOverrides: optionLocation(overridden) } : {}),
      ...(loopback !== undefined ? { loopback } : {}),
      ...(caFile ? { caFile } : {}),
      ...(crt ? { crt } : {}),
      ...(sni ? { sni } : {}),
      ...(verifyhost ? { verifyhost } : {}),
      ...(ciphers.ciphersAsWritten !== undefined ? { ciphersAsWritten: ciphers.ciphersAsWritten } : {}),
      unknownCipherElements: ciphers.unknownCipherElements,
      openssl: opensslAttribute(openssl),
    },
  };
}

export const haproxyContributor: ModelContributor = {
  id: 'haproxy',
  reads: ['haproxy.'],
  contribute(ctx) {
    const docs = ctx.documentsOf(HAPROXY_KIND) as ParsedDocument<HaproxyData>[];
    const crtLists = ctx.documentsOf(CRT_LIST_KIND) as ParsedDocument<CrtListData>[];
    if (docs.length === 0) return;
    const mounts = deploymentMounts(ctx);
    // The OpenSSL of the image that runs the configuration: a Dockerfile's FROM, else the Compose image of the service
    // that bind-mounts it (as nginx's).
    const opensslFor = serverOpenssl(ctx.documentsOf('dockerfile') as ParsedDocument<DockerfileData>[], {
      mounts,
      files: ctx.documentsOf('compose'),
    });
    const releaseFor = haproxyReleaseOf(ctx);
    const runners = containerRunners(ctx);
    for (const doc of docs) {
      const release = releaseFor(doc.file.path);
      removedKeywords(ctx, doc, release);
      const context: Context = {
        doc,
        globals: globalsOf(doc),
        openssl: opensslFor(doc.file.path),
        ...(release ? { release } : {}),
        memo: ctx.memo,
        root: ctx.deployment.root,
        host: ctx.hostOf(doc.file.path),
        crtLists,
        stores: treeStoresOf(ctx),
        mounts,
        listed: listedFilesOf(ctx),
        tlsOnly: tlsOnlyBindPorts(doc.data, doc.template !== undefined),
        localhost: haproxyLocalhost(runners(doc.file.path)),
      };
      // `default-server` of the last `defaults` section before a proxy, then the proxy's own (HAProxy applies the
      // defaults section above each proxy; a later default-server line of the proxy adds to them).
      let defaults: HaproxyOption[] = [];
      for (const section of doc.data.sections) {
        const defaultServer = (s: HaproxySection) =>
          s.lines.filter((l) => l.keyword.value === 'default-server').flatMap((l) => optionsOf(l.args, doc.file.path));
        if (section.kind === 'defaults') {
          defaults = defaultServer(section);
          continue;
        }
        if (section.kind === 'frontend' || section.kind === 'listen')
          for (const line of section.lines.filter((l) => l.keyword.value === 'bind')) {
            const component = bindComponent(context, section, line);
            if (component) ctx.addComponent(component);
          }
        if (section.kind === 'backend' || section.kind === 'listen') {
          const inherited = [...defaults];
          for (const line of section.lines) {
            if (line.keyword.value === 'default-server') inherited.push(...optionsOf(line.args, doc.file.path));
            if (line.keyword.value !== 'server') continue;
            const component = serverComponent(context, section, line, inherited);
            if (component) ctx.addComponent(component);
          }
        }
      }
    }
  },
};
