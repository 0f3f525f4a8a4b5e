/**
 * A connector configuration's overrides of its clients' settings (KIP-458, Kafka 2.3.0 on): `producer.override.<key>`,
 * `consumer.override.<key>` and `admin.override.<key>` replace the worker's settings for that connector's producers,
 * consumers and admin clients — only when the worker's `connector.client.config.override.policy` allows them:
 * `None` allows none, `Principal` only sasl.jaas.config and sasl.mechanism (and, in later releases, security.protocol:
 * not judged), `All` every one. Unset, the policy is `None` before Kafka 3.0.0 and `All` from it (data/kafka.json
 * connectorClientConfigOverridePolicy). A refused override fails the connector's validation: Connect answers the POST
 * with "Connector configuration is invalid and contains the following 1 error(s): The 'None' policy does not allow
 * 'ssl.truststore.location' to be overridden in the connector configuration." (apache/kafka 3.8.0
 * AbstractConnectorClientConfigOverridePolicy.validate, AbstractHerder.validateClientOverrides). Which worker runs a
 * connector is not written anywhere: every Connect worker of the deployment is taken as a candidate, and a verdict
 * stands only where they all agree (Deployment.kafkaConnectorOverrides). Where the overrides are allowed, the
 * connector's clients whose TLS they change make an end of their own (Deployment.unlinkedEnds) with their effective
 * settings: each key's override, else what the worker gives that client (`producer.*` over its bootstrap.servers; the
 * admin client's `admin.*` over the unprefixed ones: ConnectWorkerClients) — so `consumer.override.ssl.truststore.location`
 * alone takes the worker's `consumer.security.protocol`. Their stores are paths of the worker's machine (its bind
 * mounts), their `localhost` the worker's.
 */
import type { RelatedLocation } from '../core/types';
import { connectOverridePolicyDefault } from '../knowledge/kafka';
import { KAFKA_CONNECTOR_CONFIG_KIND, type KafkaConnectorConfigData } from '../parse/kafka-connector-config';
import { entryIn, type Entry, type ParsedDocument } from '../parse/types';
import { relativePosix } from '../core/posix-path';
import type { ModelContributor } from './contributor';
import { kafkaViewEnds, type KafkaView } from './kafka-clients';
import { treeStoresOf } from './store-files';
import type { ConnectWorkerClients, KafkaConnectorOverride, KafkaConnectWorkerRecord } from './types';

const OVERRIDE = /^(producer|consumer|admin)\.override\.(.+)$/;
/** The client settings of the handshake: the security protocol and every ssl.* setting. */
const TLS_KEY = /^(?:security\.protocol|ssl\..+)$/;
/** What Principal allows in every release (PrincipalConnectorClientConfigOverridePolicy.ALLOWED_CONFIG). */
const PRINCIPAL_ALLOWS = new Set(['sasl.jaas.config', 'sasl.mechanism']);

export const kafkaConnectorOverridesContributor: ModelContributor = {
  id: 'kafka-connector-overrides',
  reads: [KAFKA_CONNECTOR_CONFIG_KIND],
  contribute(ctx) {
    const workers = ctx.deployment.kafkaConnectWorkers ?? [];
    for (const doc of ctx.documentsOf(KAFKA_CONNECTOR_CONFIG_KIND) as ParsedDocument<KafkaConnectorConfigData>[]) {
      const file = doc.file.path;
      const relative = relativePosix(ctx.deployment.root, file);
      const connector = doc.data.name ? `connector ${doc.data.name} (${relative})` : `connector (${relative})`;
      // A key written twice: the last one (JSON's and java.util.Properties' reading alike).
      const settings = new Map<string, Entry>();
      for (const entry of doc.entries) settings.set(entry.key, entry);
      const overrides: KafkaConnectorOverride[] = [];
      for (const entry of settings.values()) {
        const m = OVERRIDE.exec(entry.key);
        if (!m || !TLS_KEY.test(m[2]!) || workers.length === 0) continue;
        overrides.push({
          connector,
          key: entry.key,
          clientKey: m[2]!,
          at: entryIn(file, entry, 'key'),
          ...judged(m[2]!, workers),
        });
      }
      if (overrides.length > 0) (ctx.deployment.kafkaConnectorOverrides ??= []).push(...overrides);
      // The connector's clients with their own TLS settings, where every worker lets them through.
      if (overrides.length === 0 || overrides.some((o) => o.verdict !== 'allowed')) continue;
      const worker = workers.length === 1 ? workers[0]!.clients : undefined;
      const ends = kafkaViewEnds({
        name: `Kafka clients of ${connector}`,
        nameOf: (labels) => `Kafka ${labels.join(', ')} of ${connector}`,
        file,
        role: 'client',
        stores: treeStoresOf(ctx),
        storeFile: worker?.storeFile ?? (() => undefined),
        ...(worker?.runtime ? { runtime: worker.runtime } : {}),
        ...(worker?.runsAs.service !== undefined ? { service: worker.runsAs.service } : {}),
        ...(worker ? { runsIn: worker.runsAs.file } : {}),
        views: effectiveViews(overrides, settings, worker),
      });
      // The workers' policy lets the settings through: it decides a finding on them too.
      const allowedBy = [...new Map(overrides.flatMap((o) => o.because).map((b) => [JSON.stringify(b), b])).values()];
      for (const end of ends)
        if (end.hostnameVerificationOff)
          end.hostnameVerificationOff.via = [...(end.hostnameVerificationOff.via ?? []), ...allowedBy];
      if (ends.length > 0) (ctx.deployment.unlinkedEnds ??= []).push(...ends);
    }
  },
};

/** The clients a connector overrides the settings of, by the prefix of its overrides and the worker's view of them. */
const CLIENTS = [
  ['producer', 'producers'],
  ['consumer', 'consumers'],
  ['admin', 'admin'],
] as const;

/**
 * The connector's clients whose TLS its overrides change, each reading the override of a key, else the worker's setting
 * (Worker.producerConfigs, consumerConfigs, adminConfigs: the connector's overrides `putAll` over the worker's prefixed
 * settings). The worker is known only where the tree has one: with several, which runs the connector is not written
 * and only the overrides are read. A client whose overrides all equal the worker's is the worker's end already.
 */
function effectiveViews(
  overrides: readonly KafkaConnectorOverride[],
  settings: ReadonlyMap<string, Entry>,
  worker: ConnectWorkerClients | undefined,
): KafkaView[] {
  return CLIENTS.flatMap(([client, label]) => {
    const own = (key: string) => settings.get(`${client}.override.${key}`);
    const inherited = worker?.[label];
    const changes = overrides.some(
      (o) =>
        o.key.startsWith(`${client}.override.`) &&
        own(o.clientKey)?.value.trim() !== inherited?.(o.clientKey)?.value.trim(),
    );
    if (!changes) return [];
    return [
      {
        label: `${client}s`,
        setting: (key: string) => own(key) ?? inherited?.(key),
        ...(worker?.bootstrapDefault !== undefined ? { bootstrapDefault: worker.bootstrapDefault } : {}),
      },
    ];
  });
}

type Verdict = Pick<KafkaConnectorOverride, 'verdict' | 'policy' | 'because' | 'why'>;

/** Whether every worker lets the connector override `key`, and where each worker's policy is decided. */
function judged(key: string, workers: readonly KafkaConnectWorkerRecord[]): Verdict {
  const each = workers.map((w) => workerVerdict(key, w));
  const because = each.flatMap((v) => v.because);
  const [first] = each;
  if (first && each.every((v) => v.verdict === first.verdict && v.policy === first.policy))
    return { ...first, because };
  const unknown = each.find((v) => v.why);
  return {
    verdict: 'unknown',
    because,
    why: unknown?.why ?? `the Connect workers of this tree do not agree (${workers.map((w) => w.name).join(', ')})`,
  };
}

function workerVerdict(key: string, worker: KafkaConnectWorkerRecord): Verdict {
  const written = worker.policy?.value;
  const fallback =
    written === undefined && worker.release ? connectOverridePolicyDefault(worker.release.kafka) : undefined;
  const policy = written === undefined ? fallback : policyName(written);
  const because: RelatedLocation[] = worker.policy
    ? [{ ...worker.policy.at, message: `${worker.name} sets connector.client.config.override.policy ${written}` }]
    : worker.release && fallback
      ? [
          {
            ...worker.release.at,
            message: `${worker.name} runs Kafka ${worker.release.kafka} (${worker.release.by}), whose default connector.client.config.override.policy is ${fallback}`,
          },
        ]
      : [{ ...worker.location, message: `${worker.name} sets no connector.client.config.override.policy` }];
  if (policy === 'None') return { verdict: 'refused', policy, because };
  if (policy === 'All') return { verdict: 'allowed', policy, because };
  if (policy === 'Principal' && key.startsWith('ssl.')) return { verdict: 'refused', policy, because };
  if (policy === 'Principal' && PRINCIPAL_ALLOWS.has(key)) return { verdict: 'allowed', policy, because };
  return {
    verdict: 'unknown',
    because,
    why:
      written !== undefined
        ? `${worker.name} sets connector.client.config.override.policy ${written}, a policy whose allowed settings lint-deploy does not know`
        : `${worker.name} sets no connector.client.config.override.policy and the tree does not say which Kafka release it runs (the default is None before 3.0.0, All from it)`,
  };
}

/** A policy's alias as Connect accepts it: `None`, `NoneConnectorClientConfigOverridePolicy` or the class name. */
function policyName(written: string): string {
  const simple = written.split('.').at(-1) ?? written;
  return simple.replace(/ConnectorClientConfigOverridePolicy$/, '');
}
