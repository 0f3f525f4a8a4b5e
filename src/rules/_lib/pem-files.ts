import { ours } from '../../core/phrase';
import type { MarkedPemFile } from '../../derive/pem-byte-order-mark';
import type { TreeCertificate } from '../../model/attributes-mq';
import type { PemData } from '../../parse/pem';
import type { PemCertificate } from '../../parse/certificate';
import type { ParsedDocument } from '../../parse/types';
import type { RuleRelated } from '../types';
import { relativePosix } from '../../core/posix-path';

/**
 * The tree PEM file a server's certificate reference resolves to (derive's presented certificates; the reference
 * itself is the path as written) and the certificate the server takes from it, the file's first. Undefined for a key
 * store entry or a reference the tree does not resolve.
 */
export function presentedPemFile(
  certificates: readonly TreeCertificate[],
  pemByPath: ReadonlyMap<string, ParsedDocument<PemData>>,
): { file: string; leaf: PemCertificate } | undefined {
  const named = certificates[0];
  if (!named || named.store) return undefined;
  const file = named.doc.file.path;
  const leaf = pemByPath.get(file)?.data.certificates[0];
  return leaf ? { file, leaf } : undefined;
}

/**
 * A PEM file whose byte order mark a Java reader refuses (derive/pem-byte-order-mark.ts), as the rules that say so
 * name it: its path in the tree, and the place of the mark (the file's first character).
 */
export function markedPemPlace(root: string, marked: MarkedPemFile): { file: string; mark: RuleRelated } {
  const start = { line: 0, character: 0 };
  return {
    file: relativePosix(root, marked.file) || marked.file,
    mark: {
      file: marked.file,
      range: { start, end: start },
      message: ours('a UTF-8 byte order mark (EF BB BF) before the first -----BEGIN line'),
    },
  };
}
