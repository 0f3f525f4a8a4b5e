/**
 * What an nginx server reads where a Dockerfile copies its configuration and certificates into the image
 * (src/parse/image-files.ts; docs/deployments.md § Dockerfile COPY and ADD).
 */
import type { TreeStores } from './store-files';
import type { Component } from './types';

/**
 * A server's ssl_certificate files as the image its configuration is copied into holds them: the tree file a COPY
 * puts at the written absolute path (`COPY certs/certificate.crt /etc/ssl/certs/server.crt`). A path a Compose mount
 * decides (./compose-mounts.ts) or nothing copies stays as it was, matched by its name.
 */
export function readThroughImages(component: Component, stores: TreeStores): void {
  const tls = component.tls;
  for (const ref of tls?.certificate ? [tls.certificate, ...(tls.moreCertificates ?? [])] : []) {
    if (!ref.file || !ref.reference || ref.mountedAt || ref.mountedFromOutside) continue;
    const copied = stores.images?.resolve(ref.reference.file, ref.file);
    if (!copied || stores.typeOf(copied.file) === undefined) continue;
    ref.file = copied.file;
    ref.copiedAt = copied.by;
  }
}
