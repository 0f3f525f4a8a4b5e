/**
 * Compose services run from Confluent Platform images that turn every `<PREFIX>_*` variable into a setting of their
 * properties file, the name lower case with `_` as `.` (`envToProps`/`env_to_props` of the images' templates): Kafka
 * Connect workers (./kafka-connect.ts) and Schema Registry (./kafka-schema-registry.ts). This module finds the services
 * of an image, reads their variables as settings and makes the ends of their Kafka views, with the stores a bind mount
 * of the service puts at the paths they name and the JDK the image (or the Dockerfile it builds) runs.
 */
import { serviceBuild, type ComposeData, type ComposeService } from '../parse/compose';
import { type DockerfileData } from '../parse/dockerfile';
import { runtimeStage } from '../parse/dockerfile-stages';
import type { Entry, ParsedDocument } from '../parse/types';
import type { ModelContext } from './contributor';
import { deploymentMounts } from './compose-mounts';
import { serviceImageRuntime } from './kafka-brokers';
import { kafkaViewEnds, type KafkaView, type SettingOf, type StoreFileOf } from './kafka-clients';
import { kafkaServiceVariables, mountedStoreFile } from './kafka-protocols';
import { variableEntries, type ServiceVariables } from '../parse/compose-service-variables';
import { treeStoresOf } from './store-files';
import type { JavaRuntime, TreeMount, UnlinkedEnd } from './types';
import type { Location } from '../core/types';
import { relativePosix } from '../core/posix-path';
import { listedFilesOf, type ListedFiles } from './listed-files';

/** A service of such an image, as its variables say. */
export interface PlatformService {
  /** `Kafka Connect worker (docker-compose.yml service connect)`. */
  name: string;
  file: string;
  /** The Compose service's name. */
  service: string;
  /** The setting a key is written as, through its variable (`kafkastore.ssl.keystore.location`). */
  setting: SettingOf;
  /** Its variables with the prefix, by name, each placed where it is written (Entry.file: an env file's line). */
  env: Map<string, Entry>;
  /** Its `image:` as written and where, when it names one. */
  image?: { value: string; at: Location };
  /** The images it runs as written: its `image:` and the runtime stage's FROM of the Dockerfile it builds. */
  images: string[];
  /** All its variables (an image may read some without the prefix: Debezium's BOOTSTRAP_SERVERS). */
  variables: ServiceVariables;
  /** The tree file a container path of a store is, through the service's bind mounts. */
  storeFile: StoreFileOf;
  /** The JDK it runs on, when the tree says. */
  runtime?: JavaRuntime;
}

/** A group of views of a service that make ends together: a client's (worker, producers…) or a listener's. */
export interface PlatformViews {
  name: string;
  nameOf(labels: readonly string[]): string;
  views: KafkaView[];
  role: 'client' | 'listener';
}

export interface PlatformImage {
  /** The images, from any registry. */
  image: RegExp;
  /** What a service is called: `Kafka Connect worker`. */
  what: string;
  /** The variable a setting is written as (`CONNECT_PRODUCER_SSL_TRUSTSTORE_LOCATION`). */
  variable(key: string): string;
  /** The variables' prefix (`CONNECT_`). */
  prefix: string;
  /**
   * The settings by variable that the service's mounted files give in place of its variables (kafka-ui's dynamic
   * configuration file); undefined: its variables.
   */
  mountedSettings?(
    variables: ServiceVariables,
    mounts: readonly TreeMount[],
    listed: ListedFiles,
  ): Map<string, Entry> | undefined;
  /** The service's views, and anything else the image's contributor records of it. */
  views(service: PlatformService, ctx: ModelContext): PlatformViews[];
}

/** Whether a `listeners` setting (Connect's REST server, Schema Registry's API) holds an `https://` listener. */
export function listensOverHttps(listeners: Entry | undefined): boolean {
  return listeners !== undefined && /(^|,)\s*https:\/\//i.test(listeners.value);
}

/** The image a service runs, and the one the Dockerfile it builds starts its runtime stage from (as written). */
function serviceImages(service: ComposeService, composeFile: string, documents: ReadonlyMap<string, ParsedDocument>) {
  const dockerfile = serviceBuild(composeFile, service)?.dockerfile;
  const built = dockerfile === undefined ? undefined : documents.get(dockerfile);
  const stage = built?.kind === 'dockerfile' ? runtimeStage(built.data as DockerfileData) : undefined;
  return [service.image ?? '', stage?.written ?? ''];
}

/** The ends of every Compose service of the deployment that runs one of `platform`'s images, in Deployment.unlinkedEnds. */
export function addPlatformServiceEnds(ctx: ModelContext, platform: PlatformImage): void {
  const composeFiles = ctx.documentsOf('compose') as ParsedDocument<ComposeData>[];
  if (composeFiles.length === 0) return;
  const stores = treeStoresOf(ctx);
  const mounts = deploymentMounts(ctx);
  const documents = new Map(ctx.documentsOf('dockerfile').map((d) => [d.file.path, d]));
  for (const doc of composeFiles)
    for (const service of doc.data.services) {
      const images = serviceImages(service, doc.file.path, documents).filter((image) => image !== '');
      if (!images.some((image) => platform.image.test(image))) continue;
      // Each <PREFIX>_<NAME> is the setting <name>; the entry keeps the variable's name, where it is written.
      const name = `${platform.what} (${relativePosix(ctx.deployment.root, doc.file.path)} service ${service.name})`;
      const own = mounts.filter((m) => m.file === doc.file.path && m.mount.service === service.name);
      const variables = kafkaServiceVariables(ctx, doc, service, name);
      const env =
        platform.mountedSettings?.(variables, own, listedFilesOf(ctx)) ?? variableEntries(variables, platform.prefix);
      const setting: SettingOf = (key) => env.get(platform.variable(key));
      // The image's JDK, else the JDK the Dockerfile it builds names (its FROM: namedRuntimes).
      const built = serviceBuild(doc.file.path, service)?.dockerfile;
      const runtime =
        serviceImageRuntime(doc, service, ctx.memo) ??
        (built !== undefined && documents.has(built) ? ctx.runtimeFor(built) : undefined);
      // A container path that a bind mount of the service fills with a store of the tree; else unknown.
      const storeFile = mountedStoreFile(own, stores);
      const ends: UnlinkedEnd[] = platform
        .views(
          {
            name,
            file: doc.file.path,
            service: service.name,
            setting,
            env,
            images,
            variables,
            storeFile,
            ...(runtime ? { runtime } : {}),
            ...(service.image && service.imageRange
              ? { image: { value: service.image, at: { file: doc.file.path, range: service.imageRange } } }
              : {}),
          },
          ctx,
        )
        .flatMap((group) =>
          kafkaViewEnds({
            ...group,
            ...(runtime ? { runtime } : {}),
            file: doc.file.path,
            service: service.name,
            stores,
            storeFile,
          }),
        );
      if (ends.length > 0) (ctx.deployment.unlinkedEnds ??= []).push(...ends);
    }
}
