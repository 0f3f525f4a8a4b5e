/**
 * Predictions for the trust slices, two ways:
 * - derive level (`predictDerived`): the case's components and store entries built as the model would
 *   give them, through `deriveTrust` (the code the rules read), without files;
 * - tree level (`observedFromLint`): what the pipeline says on the case's tree (trust-trees.ts).
 * Both end in the same `Observed` (verdict + alert) as the real handshake.
 */
import type { ClientAuthMode, Component, Link, TlsSettings } from '../../src/model/types';
import type { TreeCertificate } from '../../src/model/mq-certs';
import { parsePem } from '../../src/parse/pem';
import type { ParsedDocument } from '../../src/parse/types';
import { deriveTrust, type LinkTrust } from '../../src/derive/trust';
import { namedByComponent } from '../../src/derive/presented';
import { checkFailure, trustSignals } from '../../src/derive/trust-signals';
import type { Issued } from '../helpers/pki';
import { sentChain, type Observed, type TrustCase } from './trust-cases';
import type { Universe } from './trust-pki';

const traced = <T>(value: T) => ({ value, from: { kind: 'default' as const, origin: 'interop case' } });

function storeCertificates(
  file: string,
  entries: { alias: string; entry: 'private-key' | 'trusted-cert'; certs: Issued[] }[],
): TreeCertificate[] {
  const doc = {
    file: { path: file, text: '' },
    kind: 'keystore',
    entries: [],
    comments: [],
    problems: [],
    data: {},
  } as unknown as ParsedDocument<never>;
  return entries.flatMap((e) =>
    e.certs.map(
      (c, chainIndex) =>
        ({
          cert: parsePem({ path: file, text: c.pem } as never).data.certificates[0],
          doc,
          ownerDir: '/case',
          hasPrivateKey: e.entry === 'private-key',
          store: { alias: e.alias, entry: e.entry, chainIndex, type: 'PKCS12' },
        }) as unknown as TreeCertificate,
    ),
  );
}

/** The case as the model would give it, judged by deriveTrust. */
export function predictDerived(c: TrustCase, u: Universe): LinkTrust | undefined {
  const certs: TreeCertificate[] = [
    ...storeCertificates('/case/server/key.store', [
      { alias: 'server', entry: 'private-key', certs: sentChain(u, c.serverLeaf, c.serverSent) },
    ]),
    ...storeCertificates(
      '/case/server/trust.store',
      c.serverTrusts.map((n, i) => ({ alias: `ca${i}`, entry: 'trusted-cert' as const, certs: [u.all[n]] })),
    ),
    ...(c.clientLeaf
      ? storeCertificates('/case/client/key.store', [
          { alias: 'client', entry: 'private-key', certs: sentChain(u, c.clientLeaf, c.clientSent ?? 'chain') },
        ])
      : []),
    ...(c.clientTrusts !== 'cacerts'
      ? storeCertificates(
          '/case/client/trust.store',
          c.clientTrusts.map((n, i) => ({ alias: `ca${i}`, entry: 'trusted-cert' as const, certs: [u.all[n]] })),
        )
      : []),
  ];
  const store = (file: string) => ({ path: traced(file), file });
  const serverTls: TlsSettings = {
    implementation: c.server === 'jsse' ? 'jsse' : 'openssl',
    clientAuth: traced<ClientAuthMode>(c.clientAuth),
    trust: {
      keyStore: store('/case/server/key.store'),
      trustStore: store('/case/server/trust.store'),
      ...(c.verifyDepth !== undefined ? { verifyDepth: traced(c.verifyDepth) } : {}),
    },
  };
  const clientTls: TlsSettings = {
    implementation: 'jsse',
    trust: {
      ...(c.clientLeaf ? { keyStore: store('/case/client/key.store') } : {}),
      ...(c.clientTrusts !== 'cacerts'
        ? { trustStore: store('/case/client/trust.store') }
        : { defaultTrust: 'jdk-cacerts' as const }),
    },
  };
  const common = (id: string, tls: TlsSettings) => ({
    id,
    name: id,
    location: { file: `/case/${id}` },
    host: id,
    tls,
    documents: [],
  });
  // A JSSE client of no particular product (a `java.app` without a key store is known to send no certificate).
  const client: Component = {
    ...common('client', clientTls),
    type: 'cleartrust.client',
    role: 'client',
    attributes: { cleartrustRole: 'test client' },
  };
  const endpoint = { tlsPorts: [], hostnames: [] };
  const server: Component =
    c.server === 'jsse'
      ? {
          ...common('server', serverTls),
          type: 'tomcat.connector',
          role: 'server',
          attributes: { ...endpoint, placeholders: [] },
        }
      : {
          ...common('server', serverTls),
          type: 'nginx.server',
          role: 'server',
          attributes: { ...endpoint, defaultServer: false, unknownCipherElements: [] },
        };
  const link: Link = { id: 'l', client: 'client', server: 'server', reason: 'case' };
  return deriveTrust(certs, namedByComponent(certs, [client, server]), [{ link, client, server }])[0];
}

/** The verdict and alert a LinkTrust predicts (`unknown` when it does not decide). */
export function observedFrom(lt: LinkTrust | undefined, protocol: string, now = new Date()): Observed | 'unknown' {
  if (!lt) return 'unknown';
  const server = lt.serverCertificate;
  if (server?.verdict.kind === 'unknown') return 'unknown';
  // No server check at all (nginx proxy_ssl_verify off): only the client certificate can fail.
  const serverFailure = server ? checkFailure(server, now, 'none') : undefined;
  if (server && serverFailure)
    return { verdict: 'server-rejected', alert: trustSignals(server, serverFailure.kind, protocol).alert };
  const client = lt.clientCertificate;
  if (!client) return { verdict: 'ok', alert: '' };
  if (client.verdict.kind === 'unknown') return 'unknown';
  const failure = checkFailure(client, now, lt.clientAuth);
  if (!failure) return { verdict: 'ok', alert: '' };
  return {
    verdict: failure.kind === 'no-certificate' ? 'no-client-certificate' : 'client-rejected',
    alert: trustSignals(client, failure.kind, protocol).alert,
  };
}

/** Agreement: the same verdict, and the same alert wherever the real run shows one. */
export function agrees(real: Observed, predicted: Observed | 'unknown'): boolean {
  if (predicted === 'unknown') return false;
  if (real.verdict !== predicted.verdict) return false;
  return real.alert === predicted.alert || real.alert === 'none';
}
