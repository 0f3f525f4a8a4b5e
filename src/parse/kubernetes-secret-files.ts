/**
 * The PEM files a Kubernetes Secret's `data:` (a ConfigMap's `binaryData:`) holds in base64 (`tls.crt: LS0tLS1CRUdJTi…`,
 * as `kubectl create secret tls` writes them): each key whose name is a certificate or key file's and whose decoded
 * bytes are PEM text is read as a document of its own, embedded in the manifest at the key's value (a base64 value
 * has no line of the PEM text: every position of the document is the whole value). A volume that mounts the key then
 * reads it (src/model/kubernetes-sources.ts). https://kubernetes.io/docs/concepts/configuration/secret/#tls-secrets
 */
import * as path from 'node:path';
import type { KubernetesData } from './kubernetes';
import { pemFormat } from './pem';
import { visitPositions } from './rendered';
import type { EmbeddedOrigin, ParsedDocument } from './types';

/** Base64 text (RFC 4648 alphabet, padded), spaces and line breaks removed. */
const BASE64_ALPHABET = /^[A-Za-z0-9+/]+={0,2}$/;

/** The PEM documents of a manifest's base64 Secret keys, each at its key's value in the manifest. */
export function secretDataDocuments(manifest: ParsedDocument<KubernetesData>): ParsedDocument[] {
  const out: ParsedDocument[] = [];
  for (const source of manifest.data.sources)
    for (const key of source.keys) {
      if (!key.encoded) continue;
      const compact = key.value.replace(/\s+/g, '');
      if (compact.length < 64 || compact.length % 4 !== 0 || !BASE64_ALPHABET.test(compact)) continue;
      const text = Buffer.from(compact, 'base64').toString('utf8');
      const named = path.join(path.dirname(manifest.file.path), key.key);
      const kind = text.includes('-----BEGIN ') ? pemFormat.classify(named, text) : undefined;
      if (!kind) continue;
      const doc = pemFormat.parse({ path: manifest.file.path, text, hadBom: false }, kind);
      const { start, end } = key.valueRange;
      visitPositions(doc, (p, side) => {
        const at = side === 'start' ? start : end;
        p.line = at.line;
        p.character = at.character;
      });
      const embedded: EmbeddedOrigin = {
        container: `${source.source === 'secret' ? 'Secret' : 'ConfigMap'} ${source.name} key ${key.key} (base64)`,
        name: key.key,
        range: { start: { ...start }, end: { ...end } },
        decoded: 'base64',
      };
      out.push({ ...doc, file: manifest.file, embedded });
    }
  return out;
}
