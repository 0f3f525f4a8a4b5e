/**
 * IBM HTTP Server's key database: `KeyFile` names the CMS key database whose personal certificate (the one
 * `SSLServerCert` labels) the virtual host presents. A container path Compose mounts from the tree is that tree file
 * (robert0714/vagrant_ihs_liberty_sticky-session mounts ../ssl/ihsserverkey.kdb at /opt/IBM/HTTPServer/conf); a
 * relative path is read from the ServerRoot.
 */
import { said } from '../core/phrase';
import * as path from 'node:path';
import { treeFileInContainer, type TreeMount } from './compose-mounts';
import { PLACEHOLDER, storeRef, type TreeStores } from './store-files';
import type { IhsServerComponent, StoreRef, TlsTrustSettings } from './types';

export function ihsServerTrust(
  component: IhsServerComponent,
  stores: TreeStores,
  mounts: TreeMount[],
): TlsTrustSettings {
  const { keyFile, keyFileUnknown, serverCert, serverRoot, enabledAt } = component.attributes;
  if (!keyFile || PLACEHOLDER.test(keyFile.value))
    return {
      defaultTrust: 'none',
      unknown: {
        why:
          keyFileUnknown ??
          (keyFile
            ? said`${component.name}'s KeyFile ${keyFile.value} is a placeholder the tree does not resolve`
            : said`${component.name} names no KeyFile (the key database of its certificate) the tree holds`),
        at: keyFile?.location ?? enabledAt,
      },
    };
  const from = { kind: 'file' as const, location: keyFile.location };
  const mounted = treeFileInContainer(mounts, keyFile.location.file, keyFile.value);
  const bases = [...(serverRoot ? [serverRoot] : []), path.dirname(keyFile.location.file)];
  // Compose mounts a host path the tree does not hold there: the key database is outside the tree.
  const outside = mounted && !stores.index.has(mounted.file) ? mounted : undefined;
  const store: StoreRef = outside
    ? {
        path: { value: keyFile.value, from },
        type: { value: 'CMS', from },
        mountedFromOutside: { file: outside.by.file, range: outside.by.mount.range },
      }
    : storeRef({ value: keyFile.value, from }, bases, stores, { value: 'CMS', from }, undefined, mounted?.file);
  store.setting = 'KeyFile';
  if (mounted && !outside && store.file === mounted.file)
    store.mountedAt = { file: mounted.by.file, range: mounted.by.mount.range };
  // One label, not a PKCS#11 token's (`token:label`): the certificate it names. Otherwise which one is unknown.
  const [label, ...more] = serverCert?.labels ?? [];
  const single = label && more.length === 0 && !label.includes(':') ? label : undefined;
  return {
    defaultTrust: 'none',
    keyStore: store,
    ...(single && serverCert
      ? { keyAlias: { value: single, from: { kind: 'file', location: serverCert.location } } }
      : {}),
  };
}
