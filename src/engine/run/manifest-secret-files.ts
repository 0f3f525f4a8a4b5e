import type { ParsedDocument, SourceFile } from '../../parse/types';
import { kubernetesFormat, type KubernetesData } from '../../parse/kubernetes';
import { secretDataDocuments } from '../../parse/kubernetes-secret-files';

/**
 * A Kubernetes manifest's Secret keys that are PEM files in base64 (src/parse/kubernetes-secret-files.ts). A manifest
 * read as MQSC (its ConfigMap's `*.mqsc` keys, src/parse/mqsc.ts) is read as a manifest too, for its workloads: the
 * container that mounts the MQSC and the Secrets it mounts beside it (src/model/mq-container-pki.ts).
 */
export function manifestSecretFiles(
  kind: string,
  source: SourceFile,
  read: ParsedDocument | undefined,
  inner: string | undefined,
): ParsedDocument[] {
  if (kind === 'kubernetes' && read?.kind === 'kubernetes')
    return secretDataDocuments(read as ParsedDocument<KubernetesData>);
  if (kind !== 'mq.mqsc' || kubernetesFormat.classify(inner ?? source.path, source.text) !== 'kubernetes') return [];
  const manifest = kubernetesFormat.parse(source, 'kubernetes');
  return [manifest, ...secretDataDocuments(manifest)];
}
