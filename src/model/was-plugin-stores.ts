/**
 * The WebSphere plug-in's stores: the GSKit key database its https transport's `keyring` property names is both the
 * signers it trusts and the certificate it would present (certLabel). lint-deploy does not read CMS key databases, so
 * a keyring in the tree is still unknown, said as what it is.
 */
import { said } from '../core/phrase';
import * as path from 'node:path';
import { PLACEHOLDER, storeRef, type TreeStores } from './store-files';
import type { TlsTrustSettings, WasPluginComponent } from './types';

export function wasPluginTrust(component: WasPluginComponent, stores: TreeStores): TlsTrustSettings {
  const { keyring, certLabel, transport } = component.attributes;
  if (!keyring || PLACEHOLDER.test(keyring.value))
    return {
      defaultTrust: 'none',
      unknown: {
        why: keyring
          ? said`${component.name}'s keyring ${keyring.value} is a placeholder the tree does not resolve`
          : said`${component.name} names no keyring (the key database of the signers it trusts)`,
        at: keyring?.location ?? transport,
      },
    };
  const from = { kind: 'file' as const, location: keyring.location };
  const store = {
    ...storeRef({ value: keyring.value, from }, [path.dirname(transport.file)], stores, { value: 'CMS', from }),
    setting: keyring.name,
  };
  return {
    defaultTrust: 'none',
    keyStore: store,
    trustStore: store,
    ...(certLabel
      ? { keyAlias: { value: certLabel.value, from: { kind: 'file', location: certLabel.location } } }
      : {}),
  };
}
