/**
 * A RabbitMQ broker's TLS listeners as a TLS server (`rabbitmq.listener`), and the links of the Spring Boot apps'
 * RabbitMQ connections (./spring-rabbit-end.ts) to it. The broker runs Erlang/OTP's ssl application: its
 * `ssl_options` (rabbitmq.conf, or the classic rabbitmq.config under the same names: ../parse/rabbitmq-conf.ts) are
 * handed to ssl:listen as they are (rabbitmq-server v4.1.0 deps/rabbit/priv/schema/rabbit.schema: `ssl_options.versions.$version`,
 * `ssl_options.ciphers.$cipher`, `ssl_options.honor_cipher_order`, `ssl_options.certfile`, `keyfile`, `cacertfile`,
 * `verify`, `fail_if_no_peer_cert`; https://www.rabbitmq.com/docs/ssl#tls-versions, #cipher-suites):
 * - `versions` (`tlsv1.3`, `tlsv1.2`…) are the versions it negotiates. Unwritten, OTP's default for the release that runs,
 *   which the tree rarely settles: missing (the link is unknown), never guessed.
 * - `ciphers` are OpenSSL-style suite names (`ECDHE-RSA-AES256-GCM-SHA384`) or the TLS 1.3 suites' standard names. A name
 *   the knowledge base does not know, an item written as an Erlang map or tuple (the classic file), or versions with TLS
 *   1.3 and no TLS 1.3 suite leave the list unknown: what OTP then does is not modelled. Unwritten: missing, as versions.
 * - `honor_cipher_order = true`: the server's order wins (OTP's default: the client's).
 * - `certfile` (with `keyfile`) is the certificate it presents, `cacertfile` the anchors it checks a client's with; a path
 *   is read in the broker's container (a Compose bind mount that puts a tree file there: ./compose-mounts.ts).
 * - `verify verify_peer` asks for a client certificate, `fail_if_no_peer_cert true` requires one (./rabbitmq-brokers.ts).
 */
import { said } from '../core/phrase';
import type { Location, RelatedLocation } from '../core/types';
import { findCipherSuite, normaliseProtocol, parseProtocol, protocolRank, protocolsBetween } from '../knowledge';
import type { Traced } from '../core/traced';
import type { Entry, ParsedDocument } from '../parse/types';
import type { ModelContext, ModelContributor } from './contributor';
import { reachedBrokers } from './broker-projects';
import { traced } from './java-shared';
import { pemThroughMounts } from './nginx-stores';
import { PLACEHOLDER, type TreeStores } from './store-files';
import type {
  RabbitBrokerRecord,
  RabbitListenerComponent,
  TlsSettings,
  TlsTrustSettings,
  TreeMount,
  UnlinkedEnd,
} from './types';
import { keyStoreOrUnknown } from './attributes-tls';

/** A value only the run knows: a template's placeholder or an environment variable. */
const RUN_TIME = new RegExp(`${PLACEHOLDER.source}|\\$[A-Za-z_]`);

/** The entries of a list option (`ssl_options.versions.1`, `ssl_options.ciphers.x`), in the file's order. */
function listOf(entries: readonly Entry[], option: string): Entry[] {
  const prefix = `ssl_options.${option}.`;
  return entries.filter((e) => e.key.startsWith(prefix) && !e.key.slice(prefix.length).includes('.'));
}

/** The TLS settings of a broker's listeners (see the header). */
export function rabbitListenerTls(
  doc: ParsedDocument,
  record: RabbitBrokerRecord,
  stores: TreeStores,
  mounts: TreeMount[],
): TlsSettings {
  const file = doc.file.path;
  const at = (e: Entry): Location => ({ file, range: e.valueRange });
  const tls: TlsSettings = { implementation: 'erlang', enabled: traced(true, file, record.location.range) };
  const unknown: string[] = [];
  const unknownAt: RelatedLocation[] = [];
  const notSettled = (what: string, e: Entry, why: string) => {
    unknown.push(what);
    unknownAt.push({ ...at(e), message: why });
  };
  const settings = new Map(doc.entries.map((e) => [e.key, e]));
  const versions = listOf(doc.entries, 'versions');
  const versionNames = versions.map((e) => parseProtocol(normaliseProtocol(e.value.trim())));
  const strange = versions.find((e, i) => RUN_TIME.test(e.value) || !versionNames[i]);
  if (strange) notSettled(`${strange.key} = ${strange.value.trim()}`, strange, 'a version the model does not read');
  else if (versions[0])
    tls.protocols = traced(
      versionNames.flatMap((v) => v ?? []),
      file,
      versions[0].valueRange,
    );
  const ciphers = listOf(doc.entries, 'ciphers');
  const unread = ciphers.find((e) => RUN_TIME.test(e.value) || !findCipherSuite(e.value.trim()));
  const tls13 = tls.protocols?.value.some((p) => protocolRank(p) > protocolRank('TLSv1.2'));
  if (unread) notSettled(`${unread.key} = ${unread.value.trim()}`, unread, 'a suite the model does not read');
  else if (ciphers[0] && tls13 && !ciphers.some((e) => findCipherSuite(e.value.trim())?.flags.tls13))
    notSettled(
      `${ciphers[0].key} (no TLS 1.3 suite, with TLS 1.3 among the versions)`,
      ciphers[0],
      'what Erlang/OTP then does with TLS 1.3 is not modelled',
    );
  else if (ciphers[0])
    tls.cipherSuites = traced(
      ciphers.map((e) => e.value.trim()),
      file,
      ciphers[0].valueRange,
    );
  const honor = settings.get('ssl_options.honor_cipher_order');
  if (honor && RUN_TIME.test(honor.value)) notSettled(honor.key, honor, 'set at start');
  else if (honor) tls.serverOrderWins = traced(honor.value.trim() === 'true', file, honor.valueRange);
  const auth = record.clientAuth;
  if (auth.mode === 'unknown') {
    const verify = settings.get('ssl_options.verify') ?? settings.get('ssl_options.fail_if_no_peer_cert');
    if (verify) notSettled(verify.key, verify, 'whether the broker asks for a client certificate');
  } else {
    const mode = auth.mode === 'requested' ? 'optional' : auth.mode;
    tls.clientAuth = auth.at
      ? { value: mode, from: { kind: 'file', location: auth.at } }
      : { value: mode, from: { kind: 'default', origin: 'RabbitMQ default ssl_options.verify verify_none' } };
  }
  if (unknown.length > 0) {
    tls.unknownValues = unknown;
    tls.unknownAt = unknownAt;
  }
  tls.trust = listenerTrust(doc, record, stores, mounts);
  return tls;
}

function listenerTrust(
  doc: ParsedDocument,
  record: RabbitBrokerRecord,
  stores: TreeStores,
  mounts: TreeMount[],
  prefix = 'ssl_options',
): TlsTrustSettings {
  const file = doc.file.path;
  const pem = pemThroughMounts(file, stores, mounts, 'rabbitmq');
  const written = (key: string) => {
    const e = doc.entries.find((x) => x.key === `${prefix}.${key}`);
    return e && e.value.trim() !== '' && !RUN_TIME.test(e.value)
      ? { ...pem({ value: e.value.trim(), location: { file, range: e.valueRange } }), setting: e.key }
      : undefined;
  };
  const keyStore = written('certfile');
  const keyFile = written('keyfile');
  const trustStore = written('cacertfile');
  return {
    ...keyStoreOrUnknown(keyStore, {
      why: said`the certificate of ${record.name} (no ${prefix}.certfile)`,
      at: record.location,
    }),
    ...(keyFile && { keyFile }),
    ...(trustStore && { trustStore }),
    defaultTrust: 'none',
  };
}

/**
 * The management plugin's HTTPS listener (`management.ssl.*`, the classic file's `rabbitmq_management` listener
 * `ssl_opts`) as an end no link reaches (browsers and HTTP API clients are not modelled): the certificate it presents
 * and the CA file it verifies clients against (`management.ssl.verify` verify_peer) or only builds its chain from
 * (knowledge rabbitmq.json cacertfileUse). Undefined when the file opens no such listener.
 */
export function managementListenerEnd(
  doc: ParsedDocument,
  record: RabbitBrokerRecord,
  stores: TreeStores,
  mounts: TreeMount[],
): UnlinkedEnd | undefined {
  const port = doc.entries.find((e) => e.key === 'management.ssl.port');
  if (!port) return undefined;
  const file = doc.file.path;
  const verify = doc.entries.find((e) => e.key === 'management.ssl.verify');
  const name = record.name.replace(/^RabbitMQ broker/, 'RabbitMQ management listener');
  return {
    name,
    location: { file, range: port.keyRange },
    implementation: 'erlang',
    trust: {
      ...listenerTrust(
        doc,
        { ...record, name, location: { file, range: port.keyRange } },
        stores,
        mounts,
        'management.ssl',
      ),
      ...(verify && !RUN_TIME.test(verify.value)
        ? { verifiesPeer: traced(verify.value.trim() === 'verify_peer', file, verify.valueRange) }
        : {}),
    },
    ...(record.image && { image: record.image }),
  };
}

/** The broker's TLS listeners as one server component. */
export function rabbitListener(
  ctx: ModelContext,
  doc: ParsedDocument,
  record: RabbitBrokerRecord,
  mounts: TreeMount[],
  stores: TreeStores,
): RabbitListenerComponent {
  const ports = doc.entries
    .filter((e) => /^listeners\.ssl\.[^.]+$/.test(e.key))
    .flatMap((e) => (/^\d+$/.test(e.value.trim()) ? [Number(e.value.trim())] : []));
  const where = record.location.file;
  return {
    id: `rabbitmq.listener:${record.name}`,
    type: 'rabbitmq.listener',
    name: record.name,
    role: 'server',
    location: record.location,
    host: ctx.hostOf(where),
    tls: rabbitListenerTls(doc, record, stores, mounts),
    documents: [doc],
    attributes: {
      hostnames: record.hosts,
      tlsPorts: ports,
      ...(record.mountedAt && { mountedAt: record.mountedAt }),
      ...(record.image && { image: record.image }),
    },
  };
}

/**
 * Links each Spring Boot app's RabbitMQ connection (an unlinked end with `rabbitClient.app`) to the brokers whose names
 * its hosts are, with the stores and protocol its own settings name (the app's JVM runs it). A name the brokers of
 * several files answer to is that of alternatives: the app reaches its own Compose project's broker, else the nearest
 * file's (./broker-projects.ts reachedBrokers, as cert/expired ties a client key store to the brokers it reaches), so
 * a variant's app is not linked to another variant's broker.
 */
export const rabbitmqLinksContributor: ModelContributor = {
  id: 'rabbitmq-links',
  reads: ['rabbitmq.'],
  contribute(ctx) {
    const listeners = ctx.deployment.components.filter(
      (c): c is RabbitListenerComponent => c.type === 'rabbitmq.listener',
    );
    if (listeners.length === 0) return;
    for (const end of ctx.deployment.unlinkedEnds ?? []) {
      const client = end.rabbitClient;
      if (!client?.app || !client.hosts) continue;
      for (const host of client.hosts) {
        const named = listeners.filter((l) => l.attributes.hostnames.includes(host));
        for (const listener of reachedBrokers(named, end.location.file, ctx.deployment.brokerProjects).brokers)
          ctx.addLink({
            id: `${client.app}->${listener.id}`,
            client: client.app,
            server: listener.id,
            reason: `its RabbitMQ connection's host ${host}`,
            location: client.hostsAt ?? end.location,
            clientTrust: end.trust,
            clientTls: {
              trust: end.trust,
              ...(end.protocols && { protocols: algorithmProtocols(end.protocols.value) }),
            },
            ...(listener.attributes.mountedAt && {
              evidence: [
                {
                  ...listener.attributes.mountedAt,
                  message: `this mount makes ${host} the service that runs the broker`,
                },
              ],
            }),
          });
      }
    }
  },
};

/**
 * The protocols a client SSLContext of one version enables (`spring.rabbitmq.ssl.algorithm=TLSv1.2`): that version and
 * the TLS versions below it (JSSE's SSLContextImpl TLS12Context and the like; the runtime's disabled algorithms then
 * drop the old ones: measured with OpenJDK 17.0.15, SSLContext.getInstance("TLSv1.2") enables [TLSv1.2]).
 */
function algorithmProtocols(version: Traced<string[]>): Traced<string[]> {
  const [named] = version.value;
  const between = named ? protocolsBetween('TLSv1', normaliseProtocol(named)) : [];
  return between.length > 0 ? { ...version, value: between } : version;
}
