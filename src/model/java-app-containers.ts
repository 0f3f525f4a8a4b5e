/**
 * The containers that run a Java app group (./java.ts): the Compose services built from it and the Kubernetes
 * containers bound to it, which decide whether `java` starts its embedded server and where its stores are mounted.
 */
import type { ModelContext } from './contributor';
import type { SpringServerComponent, TreeMount } from './types';
import { boundContainers, builtServices } from './java-shared';
import { deploymentMounts } from './compose-mounts';
import { treeStoresOf, withTrust } from './store-files';
import { springTrust } from './spring-stores';
import { valueWrittenAt, type SpringSettings } from './spring-settings';
import { certificateThroughVolumes, trustThroughVolumes } from './kubernetes-app-stores';

/** The Compose bind mounts into the containers of services built from the app group. */
export function appMounts(ctx: ModelContext, group: string): TreeMount[] {
  const services = builtServices(ctx).filter(([g]) => g === group);
  return deploymentMounts(ctx).filter((m) =>
    services.some(([, doc, service]) => m.file === doc.file.path && m.mount.service === service.name),
  );
}

/** Whether a container start of app group `group` (a Compose service built for it, a bound Kubernetes container) runs `java`. */
export function startsRunJava(ctx: ModelContext, group: string): boolean {
  return (
    builtServices(ctx).some(([g, , service]) => g === group && service.jvm.runsJava === true) ||
    boundContainers(ctx).some((b) => b.group === group && b.start.container.jvm.runsJava === true)
  );
}

/**
 * The Spring HTTPS server with its stores, and the certificate its key store or PEM setting names, as the Kubernetes
 * containers that run the app read them (./kubernetes-app-stores.ts).
 */
export function throughVolumes(
  ctx: ModelContext,
  group: string,
  settings: SpringSettings,
  server: SpringServerComponent,
): SpringServerComponent {
  const served = withTrust(
    server,
    trustThroughVolumes(ctx, group, springTrust(server, settings, treeStoresOf(ctx)), settings),
  );
  const certificate = served.tls?.certificate;
  if (!served.tls || !certificate) return served;
  const written = valueWrittenAt(settings, certificate.reference);
  return {
    ...served,
    tls: { ...served.tls, certificate: certificateThroughVolumes(ctx, group, certificate, written) },
  };
}
