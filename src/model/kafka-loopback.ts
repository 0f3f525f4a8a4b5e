/**
 * Which Kafka brokers a client's loopback bootstrap addresses (`localhost:9092`, `127.0.0.1:9093`) reach
 * (UnlinkedEnd.kafkaClient.loopback, read by cert/expired's clientKeyStoreOf). `localhost` is the network namespace the
 * client runs in (./loopback.ts): a client a Compose service runs reaches a broker by it only when the broker runs in
 * the same namespace (one service, `network_mode: service:<name>`, both `network_mode: host`) — another service's
 * container is not its `localhost`, whatever that broker advertises; a client no container of the tree runs (a
 * properties file used on the host) reaches a broker that Compose runs only through a port the broker's service
 * publishes on the host (`ports: ["9092:9092"]`: the host port its address names) or from the host's network
 * (`network_mode: host`, version 1's `net: host`), and a broker no container runs when that broker names the loopback
 * host itself (https://docs.docker.com/reference/compose-file/services/#ports, #network_mode). Both Compose formats
 * are read alike (parse/compose.ts: version 1's services at the root).
 */
import type { ComposeData, ComposeService } from '../parse/compose';
import type { ParsedDocument } from '../parse/types';
import type { ModelContributor } from './contributor';
import { composeProjectOf } from './compose-mounts';
import { containerRunners, LOOPBACK, sharedNetwork, type ServiceOf } from './loopback';
import type { KafkaLoopback } from './types';

export const kafkaLoopbackContributor: ModelContributor = {
  id: 'kafka-loopback',
  contribute(ctx) {
    const { unlinkedEnds = [], kafkaBrokers = [] } = ctx.deployment;
    const clients = unlinkedEnds.filter((e) => e.kafkaClient?.bootstrapHosts?.some((h) => LOOPBACK.test(h)));
    if (clients.length === 0) return;
    const composeFiles = ctx.documentsOf('compose') as ParsedDocument<ComposeData>[];
    const runners = containerRunners(ctx);
    const composed = (file: string, name: string): ServiceOf[] => {
      const doc = composeFiles.find((d) => d.file.path === file);
      const service = doc?.data.services.find((s) => s.name === name);
      return doc && service ? [serviceOf(doc, service)] : [];
    };
    const placeOf = (file: string, service: string | undefined) =>
      service === undefined ? runners(file) : composed(file, service);
    const brokers = kafkaBrokers.map((broker) => ({
      broker,
      services: placeOf(broker.location.file, broker.service),
    }));
    for (const end of clients) {
      const client = end.kafkaClient!;
      const services = placeOf(client.runsIn ?? end.location.file, client.service);
      const reached = brokers.filter(({ broker, services: theirs }) =>
        theirs.length === 0
          ? services.length === 0
            ? broker.hosts.some((h) => LOOPBACK.test(h))
            : services.some((s) => s.networkMode === 'host')
          : services.length === 0
            ? theirs.some((s) => s.networkMode === 'host' || publishes(composeFiles, s, client.loopbackPorts))
            : services.some((mine) => theirs.some((t) => sharedNetwork(mine, t) !== undefined)),
      );
      client.loopback = { brokers: reached.map((r) => r.broker), where: namespaceOf(services) };
    }
  },
};

/** The network namespace a client's `localhost` is, in words. */
function namespaceOf(services: readonly ServiceOf[]): KafkaLoopback['where'] {
  const [first] = services;
  if (!first) return 'the host that runs it (no container of this tree runs it)';
  if (first.networkMode === 'host') return `the host, whose network Compose service ${first.name} shares`;
  return first.pod ? `the Pod of ${first.name}` : `the container of Compose service ${first.name}`;
}

/** A Compose service as ./loopback.ts compares namespaces, with its `network_mode:`. */
function serviceOf(doc: ParsedDocument<ComposeData>, service: ComposeService): ServiceOf {
  return {
    name: service.name,
    project: composeProjectOf(doc.file.path),
    at: { file: doc.file.path },
    ...(service.networkMode
      ? {
          networkMode: service.networkMode.value,
          networkModeAt: { file: doc.file.path, range: service.networkMode.range },
        }
      : {}),
  };
}

/**
 * Whether a Compose service publishes on the host one of `ports` (any fixed host port when the client's ports are not
 * all written): `ports:` items `9092:9092`, `127.0.0.1:9092:9092/tcp`, or the long syntax's `published`. A port written
 * with a variable or a range, or a container port alone (a random host port), proves nothing.
 */
function publishes(
  composeFiles: readonly ParsedDocument<ComposeData>[],
  service: ServiceOf,
  ports: readonly number[] | undefined,
): boolean {
  if (service.pod) return false;
  // Every file of the project may add ports to the service (an override file), in either Compose format.
  const published = composeFiles
    .filter((d) => composeProjectOf(d.file.path) === service.project)
    .flatMap((d) => d.data.services.filter((s) => s.name === service.name).flatMap((s) => s.ports ?? []))
    .flatMap((p) => {
      const parts = p.value
        .trim()
        .replace(/\/\w+$/, '')
        .split(':');
      const host = p.long ? parts[0] : parts.length >= 2 ? parts.at(-2) : undefined;
      return host !== undefined && /^\d+$/.test(host) ? [Number(host)] : [];
    });
  return ports === undefined ? published.length > 0 : published.some((p) => ports.includes(p));
}

/** The ports of a Kafka host list's loopback addresses; undefined when one has none written (or a placeholder). */
export function loopbackPortsOf(list: string): number[] | undefined {
  const ports: number[] = [];
  for (const written of list.split(/[,\s]+/)) {
    const address = written.trim().replace(/^[A-Za-z0-9_-]+:\/\//, '');
    const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(address);
    if (!m || !LOOPBACK.test(m[1]!)) continue;
    if (m[2] === undefined) return undefined;
    ports.push(Number(m[2]));
  }
  return ports;
}
