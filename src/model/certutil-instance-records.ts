/**
 * An instance elasticsearch-certutil makes a certificate for, with the instances file that declares it
 * (Deployment.certutilInstances, built by ./certutil-instances.ts): kept apart from the builder so that ./types.ts
 * imports types only.
 */
import type { CertutilInstance } from '../parse/certutil-instances';

export interface CertutilInstanceRecord {
  /** The instances file (absolute path). */
  file: string;
  instance: CertutilInstance;
}
