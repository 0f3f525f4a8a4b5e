/**
 * The instances `elasticsearch-certutil cert --in <file>` makes certificates for (Deployment.certutilInstances), from
 * the tree's instances files (../parse/certutil-instances.ts): each with the file that declares it, so that a node
 * presenting `<filename>/<filename>.crt` from outside the tree can be known by the names its certificate will hold.
 */
import { CERTUTIL_INSTANCES_KIND, type CertutilInstancesData } from '../parse/certutil-instances';
import type { ParsedDocument } from '../parse/types';
import type { ModelContributor } from './contributor';

export const certutilInstancesContributor: ModelContributor = {
  id: 'certutil-instances',
  reads: [CERTUTIL_INSTANCES_KIND],
  contribute(ctx) {
    const docs = ctx.documentsOf(CERTUTIL_INSTANCES_KIND) as ParsedDocument<CertutilInstancesData>[];
    const records = docs.flatMap((doc) => doc.data.instances.map((instance) => ({ file: doc.file.path, instance })));
    if (records.length > 0) ctx.deployment.certutilInstances = records;
  },
};
