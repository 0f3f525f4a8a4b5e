/**
 * A Java app's store and certificate paths as the Kubernetes containers that run it read them: a path below the
 * `mountPath` of a Secret or ConfigMap volume (`secret:`, `configMap:`, `projected:` sources; `items:` and `subPath`)
 * is that key of the manifest (./kubernetes-sources.ts), whatever the image or the tree holds at that path, since the
 * volume hides it. Which containers run the app: those bound to its directory by a build of the tree
 * (./container-starts.ts). Several containers are alternatives (variant directories): the file is known when every
 * one mounts the same key there; a Secret the tree does not hold, a placeholder, or containers that disagree leave it
 * unknown, saying which (never a tree file of the same name).
 */
import type { Location, Range } from '../core/types';
import { decodedPassword } from '../parse/keystore/password-values';
import { writtenAsLiteral } from '../parse/keystore/own-password';
import { COMPOSE_START } from './container-starts';
import type { SpringSettings, StartVariable } from './spring-settings';
import { isKeystoreDocument } from '../parse/keystore/format';
import type { ModelContext } from './contributor';
import { boundContainers, startersByGroup } from './java-shared';
import { containerVariable, mountedSourceFile, type MountedSourceFile } from './kubernetes-sources';
import { placedStore, unplacedStore, withPasswordJudged, type OwnPassword } from './store-files';
import { springVariablePassword } from './spring-stores';
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

/**
 * A store of the app's settings as its containers read it (unchanged where no volume of theirs holds its path), with
 * the password it is loaded with (`password`) judged against the key store the volume puts there.
 */
export function storeThroughVolumes(ctx: ModelContext, group: string, ref: StoreRef, password?: OwnPassword): StoreRef {
  const placed = placedByContainers(ctx, group, ref.path.value);
  if (!placed) return ref;
  // What was resolved from the tree or the image no longer holds: the volume hides the path.
  const kept = unplacedStore(ref);
  if ('unknown' in placed) return { ...kept, mountedFromOutside: placed.mountedAt, volumeUnknown: placed.unknown };
  const doc = ctx.deployment.documents.find(
    (d) => d.file.path === placed.file && d.embedded?.range.start.line === placed.embeddedAt?.[0]?.start.line,
  );
  const type = doc && (isKeystoreDocument(doc) ? doc.data.storeType : 'PEM');
  const store = placedStore(kept, placed.file, type, {
    ...(placed.embeddedAt && { embeddedAt: placed.embeddedAt }),
    mountedAt: placed.mountedAt,
  });
  return password && doc && isKeystoreDocument(doc) ? withPasswordJudged(store, password, doc) : store;
}

/** The app's key and trust stores as its containers read them. */
export function trustThroughVolumes(
  ctx: ModelContext,
  group: string,
  trust: TlsTrustSettings | undefined,
  settings?: SpringSettings,
): TlsTrustSettings | undefined {
  if (!trust || !boundContainers(ctx).some((b) => b.group === group)) return trust;
  const through = (ref: StoreRef) =>
    storeThroughVolumes(ctx, group, ref, settings && springStorePassword(settings, ref));
  return {
    ...trust,
    ...(trust.keyStore && { keyStore: through(trust.keyStore) }),
    ...(trust.trustStore && { trustStore: through(trust.trustStore) }),
  };
}

/**
 * The password a Spring store setting loads `ref` with, when the tree shows it: the setting at `ref.passwordAt` written
 * as a literal (a Kubernetes Secret's decoded value Spring binds, `SERVER_SSL_KEY_STORE_PASSWORD`, included), or a
 * setting that is one variable the app's starts set alike (springVariablePassword). Its value is never kept.
 */
function springStorePassword(settings: SpringSettings, ref: StoreRef): OwnPassword | undefined {
  const at = ref.passwordAt;
  const placed =
    at && settings.placed.find(({ doc, entry }) => doc.file.path === at.file && sameStart(entry.keyRange, at.range));
  if (!at || !placed) return undefined;
  const { entry } = placed;
  const context = settings.via(entry) ?? [];
  if (writtenAsLiteral(entry.value) && decodedPassword(entry.value) !== undefined)
    return { value: entry.value, at, key: settings.nameAsWritten(entry), ...(context.length > 0 && { context }) };
  return springVariablePassword(settings, entry, at);
}

/**
 * The value every Kubernetes container running the app gives the variable `name`, alike (./kubernetes-sources.ts
 * containerVariable), when they are the app's only starts (a Docker Compose service may set another).
 */
export function startsVariable(ctx: ModelContext, group: string, name: string): StartVariable | undefined {
  const starts = boundContainers(ctx).filter((b) => b.group === group);
  if (
    startersByGroup(ctx)
      .get(group)
      ?.some((s) => s.id === COMPOSE_START)
  )
    return undefined;
  const each = starts.map(({ start }) => containerVariable(ctx, start.doc, start.container, name));
  const [first] = each;
  return first && each.every((v) => v?.value === first.value) ? first : undefined;
}

const sameStart = (a: Range, b: Range | undefined) =>
  b !== undefined && a.start.line === b.start.line && a.start.character === b.start.character;

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
