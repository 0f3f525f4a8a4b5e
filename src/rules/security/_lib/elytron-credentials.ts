import type { Entry, ParsedDocument } from '../../../parse/types';
import { JBOSS_SERVER_KIND } from '../../../parse/jboss';
import { attr, type XmlData, type XmlElement } from '../../../parse/xml';

/** How an Elytron `<credential-reference clear-text=…>` is used: which element holds it, and what its store serves. */
export interface ElytronCredentialUse {
  /** `key-store appSecKeyStore`, `key-manager httpsKM`, `credential-store cs`: for the message. */
  owner: string;
  /**
   * `generated`: the store a key-manager fills with a self-signed certificate it makes on first use
   * (`generate-self-signed-certificate-host`, WildFly's stock `applicationKS`); `trust`: a key-store only trust-managers
   * read (public CA certificates).
   */
  serves?: { kind: 'generated'; store: string; host: string } | { kind: 'trust'; store: string };
}

/**
 * The `<credential-reference>` of a WildFly / JBoss configuration that writes this entry's `clear-text` password: a
 * key store's, a key manager's (the key's password) or a credential store's. The attribute specifies "a clear text
 * password" (https://docs.wildfly.org/wildfly-proposals/elytron/WFCORE-4150-credential-store-automatic-updates.html).
 */
export function elytronCredentialUse(doc: ParsedDocument, entry: Entry): ElytronCredentialUse | undefined {
  if (doc.kind !== JBOSS_SERVER_KIND || entry.key !== 'credential-reference@clear-text') return undefined;
  const data = doc.data as XmlData;
  const reference = data.elements.find((e) => e.path === entry.section);
  const holder = reference?.parent;
  if (!holder) return undefined;
  const name = attr(holder, 'name')?.value ?? '';
  const owner = name ? `${holder.localName} ${name}` : holder.localName;
  const store =
    holder.localName === 'key-store'
      ? name
      : holder.localName === 'key-manager'
        ? attr(holder, 'key-store')?.value
        : '';
  if (!store) return { owner };
  const using = (localName: string): XmlElement[] =>
    data.elements.filter((e) => e.localName === localName && attr(e, 'key-store')?.value === store);
  const managers = using('key-manager');
  const host = managers.map((m) => attr(m, 'generate-self-signed-certificate-host')?.value).find((h) => h);
  if (host) return { owner, serves: { kind: 'generated', store, host } };
  if (holder.localName === 'key-store' && managers.length === 0 && using('trust-manager').length > 0)
    return { owner, serves: { kind: 'trust', store } };
  return { owner };
}
