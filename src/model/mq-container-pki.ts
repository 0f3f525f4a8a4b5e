/**
 * The key repository IBM MQ's container image (ibm-messaging/mq-container) builds for its queue manager when it starts,
 * from the PEM files mounted in its key directory (`/etc/mqm/pki/keys/<label>/`: a `*.key` private key, the `*.crt`
 * of the same name stem its certificate, other `*.crt` CA certificates; the first label in name order is the queue
 * manager's CERTLABL) and its trust directory (`/etc/mqm/pki/trust/<n>/*.crt`, trusted): mq.json
 * queueManagerKeyRepository. Read for a Kubernetes container of such an image that runs the MQSC of a ConfigMap (a
 * key of it mounted into /etc/mqm, which the image applies when it creates its queue manager) and mounts Secrets or
 * ConfigMaps in those directories: the files are the keys' content as the manifests hold them
 * (./kubernetes-sources.ts). An MQSC that no such container runs but a QueueManager resource of the IBM MQ Operator
 * applies gets the files of its `spec.pki` Secrets, which the operator mounts in the same directories
 * (./mq-operator-pki.ts). A Secret not in the tree, a placeholder or several containers that disagree leave the
 * repository unknown, with why.
 */
import { listedFilesOf } from './listed-files';
import * as path from 'node:path';
import type { Location } from '../core/types';
import { isMqContainerImage, mqQueueManagerKeyRepository } from '../knowledge';
import type { KubernetesContainer, KubernetesData } from '../parse/kubernetes';
import type { MqscData } from '../parse/mqsc';
import type { ParsedDocument } from '../parse/types';
import type { ModelContext } from './contributor';
import { mountedFilesBelow, type MountedDirectoryFile } from './kubernetes-sources';
import { queueManagersApplying } from './mq-resources';
import { operatorPkiFiles } from './mq-operator-pki';
import type { StoreRef } from './types';

/** Where IBM MQ's container image takes the MQSC files it runs on the queue manager it creates. */
const MQSC_DIRECTORY = '/etc/mqm';

/** The queue manager's key (its label) and anchors as the image builds them, or why they are unknown. */
export type ContainerPki =
  | { label: string; keyStore: StoreRef; trustStore: StoreRef }
  | { unknown: string; at: Location; path: string };

/** A Kubernetes container of an mq-container image that runs an MQSC document: its ConfigMap key mounted into /etc/mqm. */
export interface KubernetesMqscRun {
  doc: ParsedDocument<KubernetesData>;
  container: KubernetesContainer;
  /** The key's paths in the container (one per mount of the document's keys). */
  paths: string[];
  mountedAt: Location;
}

/** For each MQSC document a ConfigMap volume mounts into /etc/mqm of an mq-container image, the containers (once per build). */
export function kubernetesMqscRuns(ctx: ModelContext): Map<ParsedDocument, KubernetesMqscRun[]> {
  return ctx.once('mqContainersRunningMqsc', () => {
    const found = new Map<ParsedDocument, KubernetesMqscRun[]>();
    for (const doc of ctx.documentsOf('kubernetes') as ParsedDocument<KubernetesData>[])
      for (const container of doc.data.containers) {
        const image = container.image?.value;
        if (!image || !isMqContainerImage(image)) continue;
        for (const file of mountedFilesBelow(ctx, doc, container, MQSC_DIRECTORY)) {
          if (!('doc' in file) || file.doc.kind !== 'mq.mqsc' || path.posix.extname(file.path) !== '.mqsc') continue;
          const runs = found.get(file.doc) ?? [];
          const same = runs.find((r) => r.container === container);
          if (same) same.paths.push(file.path);
          else found.set(file.doc, [...runs, { doc, container, paths: [file.path], mountedAt: file.mountedAt }]);
        }
      }
    return found;
  });
}

/**
 * The key repository the containers running `mqsc` build from their mounted key and trust directories; undefined when
 * none runs it or none mounts a key set (the queue manager's repository is then what it was without).
 */
export function containerPkiOf(ctx: ModelContext, mqsc: ParsedDocument): ContainerPki | undefined {
  // A script the image's own files are joined to (./mq-image-scripts.ts) is run as its one member of the tree.
  const members = (mqsc.data as Partial<MqscData> | undefined)?.members ?? [mqsc];
  const runs = members.flatMap((m) => kubernetesMqscRuns(ctx).get(m) ?? []);
  if (runs.length === 0) return operatorPkiOf(ctx, mqsc);
  const each = runs.map((r) => pkiOfContainer(ctx, r));
  const [first] = each;
  if (!first || each.some((p) => p === undefined)) return undefined;
  const key = (p: ContainerPki | undefined) =>
    p && 'label' in p
      ? `${p.label}\n${JSON.stringify(p.keyStore.embeddedAt)}\n${JSON.stringify(p.trustStore.embeddedAt)}`
      : '';
  if (each.some((p) => key(p) !== key(first)))
    return {
      unknown: `the containers that run its MQSC mount different keys or trusted certificates in ${keyDirectory()}`,
      at: 'label' in first ? (first.keyStore.mountedAt as Location) : first.at,
      path: keyDirectory(),
    };
  return first;
}

const keyDirectory = () => mqQueueManagerKeyRepository().containerKeyDirectory.value;
const trustDirectory = () => mqQueueManagerKeyRepository().containerTrustDirectory.value;

/**
 * The key repository the IBM MQ Operator's QueueManager resources that apply `mqsc` give it from their `spec.pki`
 * Secrets (./mq-operator-pki.ts), read once per MQSC of the build.
 */
function operatorPkiOf(ctx: ModelContext, mqsc: ParsedDocument): ContainerPki | undefined {
  const known = ctx.once('mqOperatorPki', () => new Map<ParsedDocument, ContainerPki | undefined>());
  if (known.has(mqsc)) return known.get(mqsc);
  const data = mqsc.data as Partial<MqscData> | undefined;
  const at = mqsc.embedded?.range.start.line ?? data?.commands?.[0]?.range.start.line ?? 0;
  const files = operatorPkiFiles(ctx, queueManagersApplying(mqsc.file.path, mqsc.file.text, at, listedFilesOf(ctx)));
  const pki = files && pkiOfFiles(files.keys, files.trusted);
  known.set(mqsc, pki);
  return pki;
}

/** One container's key repository: undefined when it mounts no key set. */
function pkiOfContainer(ctx: ModelContext, { doc, container }: KubernetesMqscRun): ContainerPki | undefined {
  const keys = mountedFilesBelow(ctx, doc, container, keyDirectory());
  if (keys.length === 0) return undefined;
  return pkiOfFiles(keys, mountedFilesBelow(ctx, doc, container, trustDirectory()));
}

/** The key repository built from the files of the key and trust directories; undefined when they hold no key set. */
function pkiOfFiles(keys: MountedDirectoryFile[], trusted: MountedDirectoryFile[]): ContainerPki | undefined {
  const keysDir = keyDirectory();
  const trustDir = trustDirectory();
  const unknown = [...keys, ...trusted].find((f) => 'unknown' in f);
  if (unknown && 'unknown' in unknown) return { unknown: unknown.unknown, at: unknown.mountedAt, path: unknown.path };
  const read = (files: MountedDirectoryFile[]) => files.flatMap((f) => ('doc' in f ? [{ ...f, doc: f.doc }] : []));
  // A set is a directory below the key directory; files directly in it are no set (mq-container reads directories).
  const bySet = new Map<string, ReturnType<typeof read>>();
  for (const file of read(keys)) {
    const [label, name, ...deeper] = file.path.slice(keysDir.length + 1).split('/');
    if (!label || !name || deeper.length > 0) continue;
    bySet.set(label, [...(bySet.get(label) ?? []), file]);
  }
  const labels = [...bySet.keys()].sort();
  const label = labels.find((l) => bySet.get(l)!.some((f) => f.path.endsWith('.key')));
  if (!label) return undefined;
  const set = bySet.get(label)!;
  const privateKey = set.find((f) => f.path.endsWith('.key'))!;
  const stem = path.posix.basename(privateKey.path, '.key');
  const isCertificate = (f: { path: string }) => f.path.endsWith('.crt');
  const own = set.filter((f) => isCertificate(f) && path.posix.basename(f.path).startsWith(stem));
  const [certificate] = own;
  // Every certificate of the repository: all sets' certificates and CA certificates, and the trust directory's.
  const anchors = [
    ...labels.flatMap((l) => bySet.get(l)!.filter(isCertificate)),
    ...read(trusted).filter((f) => {
      const parts = f.path.slice(trustDir.length + 1).split('/');
      return parts.length === 2 && isCertificate(f);
    }),
  ];
  const files = new Set([certificate, ...anchors].flatMap((f) => (f ? [f.doc.file.path] : [])));
  if (!certificate || files.size > 1)
    return {
      unknown: certificate
        ? `its key and trusted certificates come from several files (${[...files].map((f) => path.basename(f)).join(', ')}), which lint-deploy does not join into one key repository`
        : `the key set ${label} holds no certificate named like its key ${path.posix.basename(privateKey.path)}`,
      at: privateKey.mountedAt,
      path: `${keysDir}/${label}`,
    };
  const file = certificate.doc.file.path;
  const store = (written: string, at: Location, parts: typeof anchors): StoreRef => ({
    path: {
      value: written,
      from: { kind: 'file', location: at, note: "IBM MQ's container image builds its key repository from here" },
    },
    file,
    // A file a Secret is made of (src/model/kubernetes-made-sources.ts) is the store whole.
    ...(parts.every((p) => p.doc.embedded) && { embeddedAt: parts.map((p) => p.doc.embedded!.range) }),
    type: { value: 'PEM', from: { kind: 'file', location: at } },
    mountedAt: at,
  });
  return {
    label,
    keyStore: store(certificate.path, certificate.mountedAt, [certificate]),
    trustStore: store(
      trusted.length > 0 ? trustDir : `${keysDir}/${label}`,
      (trusted[0] ?? certificate).mountedAt,
      anchors,
    ),
  };
}
