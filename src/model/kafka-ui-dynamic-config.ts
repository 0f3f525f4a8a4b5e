/**
 * kafka-ui's dynamic configuration file: with `DYNAMIC_CONFIG_ENABLED` true, kafka-ui loads the YAML file at
 * `DYNAMIC_CONFIG_PATH` (default `/etc/kafkaui/dynamic_config.yaml`) as a property source it puts first, over the
 * environment (kafbat/kafka-ui@afc9c918 api/src/main/java/io/kafbat/ui/util/DynamicConfigOperations.java
 * loadDynamicPropertySource, `addFirst`; README.md mounts `~/kui/config.yml:/etc/kafkaui/dynamic_config.yaml`).
 * Spring binds a list from the first property source that holds any of its elements, so when the file lists
 * `kafka.clusters`, those are the clusters and no `KAFKA_CLUSTERS_<n>_*` variable is read. Only a file that a bind
 * mount of the kafka-ui service puts at that path is read here: no other YAML file is taken for kafka-ui's, and only a
 * file the deployment lists (./listed-files.ts: an ignored one is not the tree's, and `--cache` sees an edit to one).
 */
import * as path from 'node:path';
import { readRegularFile } from '../core/safe-fs';
import type { ServiceVariables } from '../parse/compose-service-variables';
import { parseSpringYaml } from '../parse/spring';
import type { Entry } from '../parse/types';
import type { TreeMount } from './types';
import type { ListedFiles } from './listed-files';

const DEFAULT_PATH = '/etc/kafkaui/dynamic_config.yaml';
const MAX_BYTES = 1024 * 1024;

/** The tree file a bind mount puts at `containerPath` (the mount with the longest target that holds it). */
function mountedHostFile(mounts: readonly TreeMount[], containerPath: string): string | undefined {
  let best: { target: string; file: string } | undefined;
  for (const m of mounts) {
    const target = m.mount.target.replace(/\/+$/, '');
    const file =
      containerPath === target
        ? m.hostPath
        : containerPath.startsWith(`${target}/`)
          ? path.join(m.hostPath, containerPath.slice(target.length + 1))
          : undefined;
    if (file !== undefined && (!best || target.length > best.target.length)) best = { target, file };
  }
  return best?.file;
}

/**
 * The clusters of the dynamic configuration file the service mounts, as the variables that would write them
 * (`kafka.clusters[0].properties.ssl.truststore.location` as `KAFKA_CLUSTERS_0_PROPERTIES_SSL_TRUSTSTORE_LOCATION`,
 * each entry placed in the file); undefined when the file is not enabled, not known (a placeholder, outside the tree,
 * unreadable) or lists no cluster: then the variables are the clusters.
 */
export function dynamicConfigClusters(
  variables: ServiceVariables,
  mounts: readonly TreeMount[],
  listed: ListedFiles,
): Map<string, Entry> | undefined {
  const value = (name: string) => variables.variables.get(name)?.value?.trim();
  if (value('DYNAMIC_CONFIG_ENABLED')?.toLowerCase() !== 'true') return undefined;
  const configPath = value('DYNAMIC_CONFIG_PATH') || DEFAULT_PATH;
  if (configPath.includes('$') || !configPath.startsWith('/')) return undefined;
  const file = mountedHostFile(mounts, path.posix.normalize(configPath));
  if (file === undefined || !listed.has(file)) return undefined;
  const read = readRegularFile(file, MAX_BYTES);
  if (!read.ok) return undefined;
  const clusters = new Map<string, Entry>();
  for (const part of parseSpringYaml(read.bytes.toString('utf8'), true, 'snakeyaml').parts) {
    if (part.profile !== undefined) continue;
    for (const entry of part.entries) {
      const m = /^kafka\.clusters\[(\d+)\]\.(.+)$/i.exec(entry.key);
      // Spring's relaxed names drop `-` and case (`bootstrap-servers` is `bootstrapServers`); Kafka's keys hold no `-`.
      if (m)
        clusters.set(`KAFKA_CLUSTERS_${m[1]}_${m[2]!.toUpperCase().replaceAll('.', '_').replaceAll('-', '')}`, {
          ...entry,
          file,
        });
    }
  }
  return clusters.size > 0 ? clusters : undefined;
}
