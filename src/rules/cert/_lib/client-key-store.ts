import type { RuleRelated } from '../../types';
import * as path from 'node:path';

import type { TreeCertificate } from '../../../model/mq-certs';
import type { DerivedDeployment } from '../../../derive/types';
import { said } from '../../../core/phrase';

const CLIENT_PROPS_KIND = 'was.ssl-client-props';

/**
 * Where a WebSphere client configuration (ssl.client.props, com.ibm.ssl.keyStore) names the store of a key entry's
 * certificate, when such configurations are all that name it (`by`, the places certificateUse found). Such a store
 * holds the client's own certificate, which JSSE sends only to a server that asks for one (a CertificateRequest: client
 * authentication); WebSphere's profile creation writes the setting into every profile, whether any server asks or not.
 */
export function websphereClientKeyStore(
  deployment: DerivedDeployment,
  c: TreeCertificate,
  by: readonly RuleRelated[],
): RuleRelated | undefined {
  if (c.store?.entry !== 'private-key' || by.length === 0) return undefined;
  const props = deployment.documents.filter((d) => d.kind === CLIENT_PROPS_KIND);
  if (!by.every((place) => props.some((d) => d.file.path === place.file))) return undefined;
  const store = path.basename(c.doc.file.path);
  for (const d of props)
    for (const e of d.entries)
      if (e.key === 'com.ibm.ssl.keyStore' && e.value.split(/[\\/]/).at(-1) === store)
        return {
          file: d.file.path,
          range: e.valueRange,
          message: said`${path.basename(d.file.path)}, a WebSphere client configuration, names ${store} as its key store here`,
        };
  return undefined;
}
