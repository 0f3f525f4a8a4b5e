/**
 * Liberty `<keyStore>` elements nothing refers to (UnservedWhy `liberty-keystore-unreferenced`). A key store is used
 * only through a reference to its id: an `<ssl keyStoreRef|trustStoreRef>`, or another element's `…Ref` attribute
 * (jwtBuilder keyStoreRef, openidConnectClient trustStoreRef…); `defaultKeyStore` is the one Liberty builds its
 * default SSL configuration, defaultSSLConfig, around (https://openliberty.io/docs/latest/reference/config/keyStore.html,
 * https://openliberty.io/docs/latest/reference/config/ssl.html: "trustStoreRef … If unspecified, the same keystore is
 * used for both key and trusted certificate entries"). msolberg/was-demo@bba6513 liberty/config/server.xml defines
 * validationKeystore beside an ssl on defaultKeyStore: its expired 1024-bit DSA certificate is sent to no one.
 */
import * as path from 'node:path';
import { libertyFeatureSsl } from '../knowledge/liberty-features';
import type { XmlElement } from '../parse/xml';
import type { ModelContext } from './contributor';
import { libertyServersOf, type LibertyServerConfig } from './liberty-config';
import { libertyStoreOf } from './liberty-stores';
import { libertyTlsOf } from './liberty-tls';
import type { TreeStores } from './store-files';
import type { LibertyStoreHome, UnservedTls } from './types';
import { relativePosix } from '../core/posix-path';

/** The key store Liberty's default SSL configuration (defaultSSLConfig) is built on without any reference to it. */
const DEFAULT_KEY_STORE = 'defaultKeyStore';

/**
 * The ids the configuration refers to, as tokens of any attribute of an element other than a `<keyStore>`; undefined
 * when a `…Ref` attribute is a variable (it may name any key store). A `<keyStore>` nested in another element is that
 * element's own and counts as referred to.
 */
function referencedIds(config: LibertyServerConfig): Set<string> | undefined {
  const ids = new Set<string>([DEFAULT_KEY_STORE]);
  for (const element of config.data.xml.elements) {
    if (element.localName === 'keyStore') {
      const id = element.attributes.find((a) => a.name === 'id')?.value;
      if (id && element.parent && element.parent.localName !== 'server') ids.add(id);
      continue;
    }
    for (const a of element.attributes) {
      if (/ref$/i.test(a.name) && a.value.includes('${')) return undefined;
      for (const token of a.value.split(/[\s,]+/)) if (token) ids.add(token);
    }
  }
  return ids;
}

/**
 * Whether the tree settles everything that could refer to a key store: every include resolved and held, every feature
 * an Open Liberty one the knowledge lists (a feature it does not know, such as WebSphere Liberty ND's collective
 * features, may look key stores up by id).
 */
function settled(config: LibertyServerConfig): boolean {
  if (config.unresolvedIncludes.length > 0 || config.missingIncludes.length > 0) return false;
  return config.data.features.every((f) => !f.includes('${') && libertyFeatureSsl(f).ssl !== 'unknown');
}

/** Each key store of a Liberty server serving TLS that nothing refers to, when the tree settles the server's configuration. */
export function libertyKeyStoresUnreferenced(
  ctx: Pick<ModelContext, 'deployment' | 'once'>,
  stores: TreeStores,
): UnservedTls[] {
  const tls = libertyTlsOf(ctx);
  return libertyServersOf(ctx).flatMap((config): UnservedTls[] => {
    const file = config.root.file.path;
    if (tls.get(file)?.state !== 'enabled' || !settled(config)) return [];
    const referenced = referencedIds(config);
    if (!referenced) return [];
    // The last element of an id wins (Liberty merges elements of one id).
    const byId = new Map<string, XmlElement>();
    for (const k of config.data.keyStores) if (k.attrs.id) byId.set(k.attrs.id.value, k.element);
    return [...byId].flatMap(([id, element]): UnservedTls[] => {
      if (referenced.has(id)) return [];
      const store = libertyStoreOf(config, id, stores);
      if (!store?.file) return [];
      return [
        {
          server: `Liberty server ${relativePosix(ctx.deployment.root, file)}`,
          why: {
            kind: 'liberty-keystore-unreferenced',
            id,
            at: { file: config.fileOf(element), range: element.range },
          },
          stores: [{ ...store, setting: `<keyStore id="${id}">` }],
        },
      ];
    });
  });
}

/**
 * Each Liberty server serving TLS whose every include the tree holds and every `<keyStore>` location it resolves, with
 * the store files they name (and Liberty's default key store when the tree holds it): Liberty opens no other store, so
 * another one lying in its directory is not its own (Deployment.libertyStoreHomes).
 */
export function libertyStoreHomes(
  ctx: Pick<ModelContext, 'deployment' | 'once'>,
  stores: TreeStores,
): LibertyStoreHome[] {
  const tls = libertyTlsOf(ctx);
  return libertyServersOf(ctx).flatMap((config): LibertyStoreHome[] => {
    const file = config.root.file.path;
    if (tls.get(file)?.state !== 'enabled') return [];
    if (config.unresolvedIncludes.length > 0 || config.missingIncludes.length > 0) return [];
    const ids = new Set([DEFAULT_KEY_STORE, ...config.data.keyStores.flatMap((k) => k.attrs.id?.value ?? [])]);
    const refs = [...ids].map((id) => libertyStoreOf(config, id, stores));
    // A location a variable nothing sets still holds `${…}`: it may be any file.
    if (refs.some((ref) => ref && !ref.file && ref.path.value.includes('${'))) return [];
    return [{ home: path.dirname(file), files: refs.flatMap((ref) => ref?.file ?? []) }];
  });
}
