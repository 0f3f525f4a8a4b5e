/**
 * RabbitMQ brokers with a TLS listener (Deployment.rabbitBrokers): each rabbitmq.conf or classic rabbitmq.config of the
 * tree (src/parse/rabbitmq-conf.ts) that opens one (`listeners.ssl.*`, `ssl_listeners`), with whether it asks its
 * clients for a certificate. A Compose service of the official `rabbitmq` image that bind-mounts the file where the
 * image reads its configuration (knowledge rabbitmq.json imageConfigFiles) runs it: the broker answers to that
 * service's names. A file no service mounts is a broker of its own with no known host. Each broker is also a TLS server
 * component that the apps' RabbitMQ connections link to (./rabbitmq-listener.ts rabbitmqLinksContributor, once the
 * brokers' Compose projects are known). The official image's
 * RABBITMQ_SSL_* variables (3.8 and older; removed in 3.9) are not read.
 */
import * as path from 'node:path';
import type { ParsedDocument } from '../parse/types';
import type { ComposeData, ComposeService } from '../parse/compose';
import type { Entry } from '../parse/types';
import { RABBITMQ_BROKER } from '../knowledge/rabbitmq';
import { relativePosix } from '../core/posix-path';
import type { ModelContributor } from './contributor';
import { deploymentMounts } from './compose-mounts';
import { mountedTreeFile } from './kafka-protocols';
import { managementListenerEnd, rabbitListener } from './rabbitmq-listener';
import { PLACEHOLDER, treeStoresOf } from './store-files';
import type { RabbitBrokerRecord, TreeMount } from './types';
import type { Location } from '../core/types';

/** The official image, as Compose names it (`rabbitmq:3.13-management`, `docker.io/library/rabbitmq`). */
const OFFICIAL_IMAGE = /^(docker\.io\/)?(library\/)?rabbitmq(:|@|$)/;

/** A value only the run knows: a template's placeholder or an environment variable. */
const RUN_TIME = new RegExp(`${PLACEHOLDER.source}|\\$[A-Za-z_]`);

export const rabbitmqBrokersContributor: ModelContributor = {
  id: 'rabbitmq-brokers',
  reads: ['rabbitmq.'],
  contribute(ctx) {
    const configs = ctx.documentsOf('rabbitmq.');
    const composeFiles = ctx.documentsOf('compose') as ParsedDocument<ComposeData>[];
    const mounts = composeFiles.length > 0 ? deploymentMounts(ctx) : [];
    for (const doc of configs) {
      const settings = new Map<string, Entry>(doc.entries.map((e) => [e.key, e]));
      const listener = tlsListener(doc.entries, settings);
      if (!listener) continue;
      const where = relativePosix(ctx.deployment.root, doc.file.path);
      const services = composeFiles.flatMap((compose) =>
        compose.data.services.flatMap((service) => {
          const at = OFFICIAL_IMAGE.test(service.image ?? '') ? mountOf(mounts, compose, service, doc) : undefined;
          return at ? [{ service, at }] : [];
        }),
      );
      const hosts = services.flatMap(({ service }) => serviceHosts(service));
      const run = services[0];
      const name = run
        ? `RabbitMQ broker (${where}, Compose service ${run.service.name})`
        : `RabbitMQ broker (${where})`;
      const record: RabbitBrokerRecord = {
        name,
        location: { file: doc.file.path, range: listener.keyRange },
        hosts: [...new Set(hosts)],
        ...(run && { mountedAt: run.at }),
        ...(run?.service.image && { image: run.service.image }),
        clientAuth: clientAuthOf(settings, doc.file.path),
      };
      (ctx.deployment.rabbitBrokers ??= []).push(record);
      const stores = treeStoresOf(ctx);
      ctx.addComponent(rabbitListener(ctx, doc, record, mounts, stores));
      const management = managementListenerEnd(doc, record, stores, mounts);
      if (management) (ctx.deployment.unlinkedEnds ??= []).push(management);
    }
  },
};

/** The setting that opens a TLS listener, unless `listeners.ssl = none` closes them. */
function tlsListener(entries: readonly Entry[], settings: ReadonlyMap<string, Entry>): Entry | undefined {
  if (settings.get('listeners.ssl')?.value.trim() === 'none') return undefined;
  return entries.find((e) => /^listeners\.ssl\.[^.]+$/.test(e.key) && e.value.trim() !== '');
}

/** Whether a bind mount of the service puts the file where the image reads its configuration. */
function mountOf(
  mounts: readonly TreeMount[],
  compose: ParsedDocument<ComposeData>,
  service: ComposeService,
  doc: ParsedDocument,
): Location | undefined {
  const own = mounts.filter((m) => m.file === compose.file.path && m.mount.service === service.name);
  for (const target of RABBITMQ_BROKER.imageConfigFiles) {
    const mounted = mountedTreeFile(own, target);
    if (mounted && path.resolve(mounted.file) === doc.file.path) return mounted.at;
  }
  return undefined;
}

export function serviceHosts(service: ComposeService): string[] {
  return [
    service.name,
    service.hostname?.value,
    service.containerName?.value,
    ...service.networkAliases.map((a) => a.value),
  ]
    .filter((h): h is string => !!h)
    .map((h) => h.toLowerCase());
}

/**
 * `ssl_options.verify` verify_peer asks every client for a certificate: `fail_if_no_peer_cert` true makes it required
 * (a client without one fails the handshake), else requested. verify_none, or none written (RabbitMQ's default): none.
 */
function clientAuthOf(settings: ReadonlyMap<string, Entry>, file: string): RabbitBrokerRecord['clientAuth'] {
  const verify = settings.get('ssl_options.verify');
  const fail = settings.get('ssl_options.fail_if_no_peer_cert');
  if ([verify, fail].some((e) => e && RUN_TIME.test(e.value))) return { mode: 'unknown' };
  const verifyValue = verify?.value.trim() ?? RABBITMQ_BROKER.verifyDefault;
  const at = verify && { file, range: verify.valueRange };
  if (verifyValue === 'verify_none') return { mode: 'none', ...(at && { at }) };
  if (verifyValue !== 'verify_peer') return { mode: 'unknown' };
  const failValue = fail?.value.trim();
  if (failValue === undefined || failValue === 'false') return { mode: 'requested', ...(at && { at }) };
  return failValue === 'true' ? { mode: 'required', ...(at && { at }) } : { mode: 'unknown' };
}
