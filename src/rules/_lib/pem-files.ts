import type { Deployment } from '../../model/types';
import type { PemData } from '../../parse/pem';
import type { ParsedDocument } from '../../parse/types';

/** The deployment's PEM files (certificates, keys, DH parameters) by path: a server's key file is found beside its certificate. */
export function pemFilesByPath(deployment: Deployment): Map<string, ParsedDocument<PemData>> {
  return new Map(
    deployment.documents
      .filter((d): d is ParsedDocument<PemData> => d.kind.startsWith('pem.'))
      .map((d) => [d.file.path, d]),
  );
}
