/**
 * A Java app's store and certificate paths as the Kubernetes containers that run it read them: a path below the
 * `mountPath` of a Secret or ConfigMap volume (`secret:`, `configMap:`, `projected:` sources; `items:` and `subPath`)
 * is that key of the manifest (./kubernetes-sources.ts), whatever the image or the tree holds at that path, since the
 * volume hides it. Which containers run the app: those bound to its directory by a build of the tree
 * (./container-starts.ts). Several containers are alternatives (variant directories): the file is known when every
 * one mounts the same key there; a Secret the tree does not hold, a placeholder, or containers that disagree leave it
 * unknown, saying which (never a tree file of the same name).
 */
import type { Location } from '../core/types';
import { isKeystoreDocument } from '../parse/keystore/format';
import type { ModelContext } from './contributor';
import { boundContainers } from './java-shared';
import { mountedSourceFile, type MountedSourceFile } from './kubernetes-sources';
import { placedStore, unplacedStore } from './store-files';
import type { CertificateRef, StoreRef, TlsTrustSettings } from './types';

/** What the app's containers put at a path: one mounted file, why it is unknown, or nothing (not a mounted path). */
type Placed = Extract<MountedSourceFile, { file: string }> | { unknown: string; mountedAt: Location } | undefined;

/** The file the containers running the app `group` put at `written` (see the header). */
export function placedByContainers(ctx: ModelContext, group: string, written: string): Placed {
  const containerPath = written.trim().replace(/^file:/, '');
  if (!containerPath.startsWith('/') || /\$\{|\{\{|\$\(/.test(containerPath)) return undefined;
  const each = boundContainers(ctx)
    .filter((b) => b.group === group)
    .map((b) => mountedSourceFile(ctx, b.start.doc, b.start.container, containerPath));
  const mounted = each.filter((p): p is NonNullable<typeof p> => p !== undefined);
  const [first] = mounted;
  if (!first) return undefined;
  const same = (p: MountedSourceFile) =>
    'file' in p && 'file' in first
      ? p.file === first.file && JSON.stringify(p.embeddedAt) === JSON.stringify(first.embeddedAt)
      : 'unknown' in p && 'unknown' in first && p.unknown === first.unknown;
  if (mounted.length === each.length && mounted.every(same)) return first;
  return {
    unknown:
      mounted.length < each.length
        ? `only some of the Kubernetes workloads that run the app mount a volume at ${containerPath}`
        : `the Kubernetes workloads that run the app mount different files at ${containerPath}`,
    mountedAt: first.mountedAt,
  };
}

/** A store of the app's settings as its containers read it (unchanged where no volume of theirs holds its path). */
export function storeThroughVolumes(ctx: ModelContext, group: string, ref: StoreRef): StoreRef {
  const placed = placedByContainers(ctx, group, ref.path.value);
  if (!placed) return ref;
  // What was resolved from the tree or the image no longer holds: the volume hides the path.
  const kept = unplacedStore(ref);
  if ('unknown' in placed) return { ...kept, mountedFromOutside: placed.mountedAt, volumeUnknown: placed.unknown };
  const doc = ctx.deployment.documents.find(
    (d) => d.file.path === placed.file && d.embedded?.range.start.line === placed.embeddedAt?.[0]?.start.line,
  );
  const type = doc && (isKeystoreDocument(doc) ? doc.data.storeType : 'PEM');
  return placedStore(kept, placed.file, type, {
    ...(placed.embeddedAt && { embeddedAt: placed.embeddedAt }),
    mountedAt: placed.mountedAt,
  });
}

/** The app's key and trust stores as its containers read them. */
export function trustThroughVolumes(
  ctx: ModelContext,
  group: string,
  trust: TlsTrustSettings | undefined,
): TlsTrustSettings | undefined {
  if (!trust || !boundContainers(ctx).some((b) => b.group === group)) return trust;
  return {
    ...trust,
    ...(trust.keyStore && { keyStore: storeThroughVolumes(ctx, group, trust.keyStore) }),
    ...(trust.trustStore && { trustStore: storeThroughVolumes(ctx, group, trust.trustStore) }),
  };
}

/**
 * The server's certificate as its containers read it: the path the setting at its `reference` writes (`written`), else
 * unchanged. Outside the tree: named by the path, and no tree file of its name is it.
 */
export function certificateThroughVolumes(
  ctx: ModelContext,
  group: string,
  ref: CertificateRef,
  written: string | undefined,
): CertificateRef {
  const placed = written === undefined ? undefined : placedByContainers(ctx, group, written);
  if (!placed) return ref;
  const {
    file: _file,
    embeddedAt: _embedded,
    mountedAt: _mounted,
    mountedFromOutside: _outside,
    copiedAt: _copied,
    ...rest
  } = ref;
  return 'file' in placed
    ? {
        ...rest,
        file: placed.file,
        ...(placed.embeddedAt && { embeddedAt: placed.embeddedAt }),
        mountedAt: placed.mountedAt,
      }
    : { ...rest, file: written!.trim().replace(/^file:/, ''), mountedFromOutside: placed.mountedAt };
}
