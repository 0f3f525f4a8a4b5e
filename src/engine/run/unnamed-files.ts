/**
 * Whether nothing lint-deploy read in a deployment uses a certificate or store file (derive/file-use.ts `unnamed`):
 * the test the parse-finding passes share (locked stores grouped by directory, damaged PEM blocks told as infos), with
 * the component homes built once per deployment, on the first file asked about.
 */
import { fileUse } from '../../derive/file-use';
import type { DerivedDeployment } from '../../derive/types';
import { componentHomes } from '../../model/mq-certs';

/** `pem`: the file is a PEM file (a setting typed as a key store container never reads it). */
export type UnnamedFileTest = (file: string, pem?: boolean) => boolean;

export function unnamedFileTest(deployment: DerivedDeployment): UnnamedFileTest {
  let homeOf: ReturnType<typeof componentHomes> | undefined;
  return (file, pem = false) => {
    homeOf ??= componentHomes(
      deployment.documents,
      deployment.root,
      deployment.tlsLessHomes,
      deployment.libertyStoreHomes,
    );
    return fileUse(deployment.derived.certificateFiles, file, homeOf(file), undefined, pem).use === 'unnamed';
  };
}
