/**
 * A trust store whose file holds a private key: the store a component loads as its trust store, with the password
 * written at a given place, is a key store with a key entry (a server's own PKCS#12 handed to its clients as their
 * trust store, or a key kept beside the CA certificates: felipewind/quarkus-mutual-tls-demo@ca89a36's
 * server-truststore-clients.jks, a PKCS#12 holding the clients' keys). Its password then guards that key, whatever
 * the setting's name says.
 */
import type { Location } from '../../../core/types';
import type { DerivedDeployment } from '../../../derive/types';
import { keyEntries, storeLabel } from '../../../derive/stores';
import { isKeystoreDocument } from '../../../parse/keystore/format';

export interface HeldKey {
  /** The trust store as the configuration names it. */
  store: string;
  /** The alias of its (first) key entry. */
  alias: string;
  /** The store file. */
  file: string;
}

/**
 * The first key entry of a trust store that a component of the deployment loads with the password written on the
 * line of `passwordAt` (file and line, as the model records a store's password setting); undefined when none does, or
 * its file is not in the tree. Only a PKCS#12 store: one password opens its keys and its certificates (JDK 17 keytool
 * ignores a key password of its own: "Different store and key passwords not supported for PKCS12 KeyStores"), where a
 * JKS key entry has a password of its own and a PEM file none.
 */
export function trustStoreHoldingKey(deployment: DerivedDeployment, passwordAt: Location): HeldKey | undefined {
  const line = passwordAt.range?.start.line;
  for (const component of deployment.components) {
    const store = component.tls?.trust?.trustStore;
    if (!store?.file || store.passwordAt?.file !== passwordAt.file) continue;
    if (store.passwordAt.range?.start.line !== line) continue;
    const key = keyEntries(deployment.derived.certificates, store.file)[0];
    const doc = key?.chain[0]?.doc;
    if (key && doc && isKeystoreDocument(doc) && doc.data.storeType === 'PKCS12')
      return { store: storeLabel(store), alias: key.alias, file: store.file };
  }
  return undefined;
}
