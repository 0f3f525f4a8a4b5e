/**
 * The Compose projects that run the files of the Kafka and RabbitMQ brokers and client ends (Deployment.brokerProjects),
 * when a host is the name of brokers of several files: an example repository's alternatives each define their broker
 * under one name in a Compose project of their own (confluentinc/examples@4f840b6 replicator-security's
 * dest_ssl_auth and dest_ssl_encryption both run `destKafka1`, one requiring client certificates, one asking for none).
 * Compose gives each project a network of its own, where a service's names are host names: a client reaches the broker
 * of its own project (cert/expired's clientKeyStoreOf; an app's RabbitMQ link: ./rabbitmq-listener.ts).
 */
import type { Location } from '../core/types';
import { nearestAll } from '../core/nearest-files';
import type { ModelContributor } from './contributor';
import { callerProjects, containerRunners } from './loopback';
import type { KafkaBrokerRecord, RabbitBrokerRecord } from './types';

export const brokerProjectsContributor: ModelContributor = {
  id: 'broker-projects',
  reads: ['compose'],
  contribute(ctx) {
    const { kafkaBrokers = [], rabbitBrokers = [], unlinkedEnds = [] } = ctx.deployment;
    if (!namedInSeveralFiles(kafkaBrokers) && !namedInSeveralFiles(rabbitBrokers)) return;
    const servicesOf = containerRunners(ctx);
    const files = new Set([
      ...[...kafkaBrokers, ...rabbitBrokers].map((b) => b.location.file),
      ...unlinkedEnds.filter((e) => e.kafkaClient || e.rabbitClient).map((e) => e.location.file),
    ]);
    const projects = new Map<string, string[]>();
    for (const file of files) {
      const running = [...callerProjects(ctx, servicesOf, file)];
      if (running.length > 0) projects.set(file, running);
    }
    ctx.deployment.brokerProjects = projects;
  },
};

/** Whether some host is a name of brokers defined in two or more files. */
function namedInSeveralFiles(brokers: readonly (KafkaBrokerRecord | RabbitBrokerRecord)[]): boolean {
  const fileOf = new Map<string, string>();
  for (const b of brokers)
    for (const host of b.hosts) {
      const seen = fileOf.get(host);
      if (seen !== undefined && seen !== b.location.file) return true;
      fileOf.set(host, b.location.file);
    }
  return false;
}

/**
 * The brokers named by one host that a client defined in `clientFile` reaches (Kafka brokers, RabbitMQ brokers or their
 * listener components). Brokers of one file are all reached (the names of one broker, a cluster's brokers). Several
 * files' are alternatives of one name (an example repository's variants, each in a Compose project of its own;
 * confluentinc/examples' replicator-security): those of the client's own Compose project (Compose gives each project its
 * own network), else those of the file sharing the most directories with the client's; when several files share as
 * many, it reaches one of them (`alternatives`), which one is unknown.
 */
export function reachedBrokers<T extends { location: Location }>(
  found: readonly T[],
  clientFile: string,
  projects: ReadonlyMap<string, readonly string[]> | undefined,
): { brokers: T[]; alternatives: boolean } {
  const files = [...new Set(found.map((b) => b.location.file))];
  if (files.length === 1) return { brokers: [...found], alternatives: false };
  const mine = projects?.get(clientFile) ?? [];
  const own = found.filter((b) => projects?.get(b.location.file)?.some((p) => mine.includes(p)));
  if (own.length > 0) return { brokers: own, alternatives: false };
  const nearest = nearestAll(clientFile, files, (f) => f);
  return { brokers: found.filter((b) => nearest.includes(b.location.file)), alternatives: nearest.length > 1 };
}
