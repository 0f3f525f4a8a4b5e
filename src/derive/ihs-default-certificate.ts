/**
 * The certificate an IBM HTTP Server virtual host presents when no `SSLServerCert` names one: its key database's
 * default personal certificate (IBM's example creates it with `gskcapicmd -cert -create … -default_cert yes` and sets no
 * SSLServerCert: data/ihs.json `defaultCertificate`). Which entry a CMS key database marks as default is not read
 * (src/parse/keystore/cms.ts reads no such mark), so it is unknown, never "its only certificate".
 */
import { said, type Phrase } from '../core/phrase';
import type { Component } from '../model/types';

/** Called for an end with no single label (keyAlias): why its certificate is unknown, for an IHS virtual host. */
export function ihsDefaultCertificate(component: Component): { unknown: Phrase } | undefined {
  if (component.type !== 'ihs.server') return undefined;
  const written = component.attributes.serverCert?.labels.join(' ');
  return {
    unknown: written
      ? said`${component.name}'s SSLServerCert ${written} names a crypto token's certificate or more than one (RSA and ECDSA, chosen per client): which one is sent is not modelled`
      : said`${component.name} sets no SSLServerCert: IBM HTTP Server presents the key database's default certificate, and which entry is the default is not read from a .kdb (name it: SSLServerCert <label>)`,
  };
}
