/**
 * What an image does to the JDK of a server it runs (Tomcat, Liberty, WebSphere, a JMS connection factory of
 * theirs): the Dockerfile that COPYs the server's configuration into its image (`COPY server.xml
 * /usr/local/tomcat/conf/`, `COPY --chown=1001:0 server.xml /config/`), or that a Docker Compose service bind-mounting
 * it builds, is the image the server runs in. Its `RUN` edits of java.security (./image-security.ts) reach the
 * server's runtime, and the certificates it adds to the JDK's cacerts (keytool, or the system CA store the JDK
 * follows: ./image-cacerts.ts) or the key store it copies over them (./image-cacerts-replaced.ts) the cacerts the
 * server trusts by default, as they reach a Java application's
 * (./java.ts, ./stores.ts). Runs after the stores contributor, which settles each component's trust.
 */
import * as path from 'node:path';
import { serviceBuild, type ComposeData } from '../parse/compose';
import type { DockerfileData } from '../parse/dockerfile';
import type { ParsedDocument } from '../parse/types';
import { deploymentMounts } from './compose-mounts';
import type { ModelContext, ModelContributor } from './contributor';
import { imagesCacerts, imageTrustInputs } from './image-cacerts';
import { withImageEdits } from './image-security';
import { imageTreeFilesOf } from './image-security-copy';
import { treeStoresOf } from './store-files';
import type { Component, JavaRuntime } from './types';

/** The Dockerfiles whose images hold a file of the tree: those that COPY it in, else those Compose builds to mount it. */
function imagesHolding(ctx: ModelContext, file: string): ParsedDocument<DockerfileData>[] {
  // The documents by path, once per deployment (asked for every document of every component).
  const { byPath } = imageTreeFilesOf(ctx);
  const dockerfile = (at: string) => {
    const doc = byPath.get(at);
    return doc?.kind === 'dockerfile' ? [doc as ParsedDocument<DockerfileData>] : [];
  };
  const copied = (treeStoresOf(ctx).images?.holding(file) ?? []).flatMap((h) => dockerfile(h.dockerfile));
  if (copied.length > 0) return [...new Set(copied)];
  const built = deploymentMounts(ctx)
    .filter((m) => m.mount.service !== undefined && (file === m.hostPath || file.startsWith(m.hostPath + path.sep)))
    .flatMap((m) => {
      const compose = byPath.get(m.file);
      const service =
        compose?.kind === 'compose'
          ? (compose.data as ComposeData).services.find((s) => s.name === m.mount.service)
          : undefined;
      const built = service && serviceBuild(m.file, service)?.dockerfile;
      return built ? dockerfile(built) : [];
    });
  return [...new Set(built)];
}

export const imageRuntimeContributor: ModelContributor = {
  id: 'image-runtime',
  reads: ['dockerfile'],
  contribute(ctx) {
    const components = ctx.deployment.components;
    // A Java application's runtime carries its image's edits already (./java.ts); its Spring server and MQ
    // connection factory share that runtime object.
    const appRuntimes = new Set(components.filter((c) => c.type === 'java.app').map((c) => c.runtime));
    const treeFiles = imageTreeFilesOf(ctx).paths;
    /** One edited runtime per runtime and image set: the connectors of one server.xml keep sharing theirs. */
    const edited = new Map<JavaRuntime, Map<string, JavaRuntime>>();
    for (const component of components) {
      const runtime = component.runtime;
      if (component.type === 'java.app' || !runtime || appRuntimes.has(runtime)) continue;
      const images = imagesOf(ctx, component);
      if (images.length === 0) continue;
      const key = images.map((d) => d.file.path).join('\n');
      const byImages = edited.get(runtime) ?? new Map<string, JavaRuntime>();
      edited.set(runtime, byImages);
      const withEdits = byImages.get(key) ?? withImageEdits(runtime, images, ctx.memo, imageTreeFilesOf(ctx));
      byImages.set(key, withEdits);
      component.runtime = withEdits;
      const trust = component.tls?.trust;
      if (trust?.defaultTrust === 'jdk-cacerts' && !trust.trustStore && !trust.cacertsAdded && !trust.cacertsReplaced) {
        const imageInputs = ctx.once('imageTrustInputs', () => imageTrustInputs(ctx, treeStoresOf(ctx).images));
        const image = imagesCacerts(images, treeFiles, imageInputs);
        if (component.tls) component.tls.trust = { ...trust, ...image };
      }
    }
  },
};

/** The images a component's configuration files are in (a component's own files first, in its document order). */
function imagesOf(ctx: ModelContext, component: Component): ParsedDocument<DockerfileData>[] {
  const found = component.documents
    .filter((d) => d.kind !== 'dockerfile')
    .flatMap((d) => imagesHolding(ctx, d.file.path));
  return [...new Set(found)];
}
