/** Whether a component uses a certificate or store file of the tree, from DerivedModel.certificateFiles. */
import * as path from 'node:path';
import type { RelatedLocation } from '../core/types';
import type { CertificateFileUse, NotServedBy, UnresolvedReference } from './types';

/** Store types that are key store containers: a setting typed so never reads a PEM file, and a PEM-typed one never reads them. */
const CONTAINER_TYPES = new Set(['JKS', 'JCEKS', 'PKCS12', 'PKCS#12', 'P12', 'CMS', 'BCFKS']);

/**
 * Whether an unresolved reference may name this file: one of its kind (a PEM file, or a key store container) and, for
 * a relative path, of its name.
 */
export function mayName(ref: UnresolvedReference, file: string, pem: boolean): boolean {
  if (ref.relative && path.basename(ref.path.replace(/^(classpath\*?|file):/i, '')) !== path.basename(file))
    return false;
  if (!ref.type) return true;
  return pem ? !CONTAINER_TYPES.has(ref.type) : ref.type !== 'PEM';
}

/**
 * Whether a component of the deployment uses a certificate or store file, as far as the tree says: `named` (some
 * component names it by a path the tree resolves, or it lies in the home of an MQ, WebSphere,
 * Liberty or JMS configuration, `homeConfig`, which picks certificates by label), `not-served` (only servers that serve
 * no TLS in the run the tree shows name it or own it: CertificateFileUse.notServed), `perhaps` (nothing names it, but
 * some component names a file by a placeholder nothing resolves, or by a relative path of its name found beside no
 * configuration, or by an absolute path of its name the tree does not place: it may be this one), or `unnamed` (test
 * data, a copy left behind: seen by no peer lint-deploy knows of).
 */
export function fileUse(
  files: CertificateFileUse,
  file: string,
  homeConfig: string | undefined,
  keyEntryAlias?: string,
  pem = false,
):
  | { use: 'named'; by: RelatedLocation[] }
  | { use: 'other-alias'; by: RelatedLocation[]; selected: string[] }
  | { use: 'not-served'; by: readonly NotServedBy[] }
  | { use: 'perhaps' | 'unnamed' } {
  // A file named only through the file name of a path outside the tree (`/etc/ssl/app.p12` → `app.p12`) may be the
  // one deployed or not: `perhaps` below, as the reference is also unresolved.
  const resolved = files.inUse.get(file) ?? [];
  const named = resolved.length > 0 ? [...resolved, ...(files.namedOutside.get(path.basename(file)) ?? [])] : [];
  // A key entry of a store whose every naming setting selects another alias (server.ssl.key-alias, keyAlias…) is
  // in a store something uses, but no peer is sent it.
  if (named.length > 0 && keyEntryAlias !== undefined) {
    const selections = [files.keyAliases.get(file), files.keyAliases.get(`name:${path.basename(file)}`)].filter(
      (s) => s !== undefined,
    );
    const selected = selections.every((s) => s !== 'any') ? selections.flatMap((s) => [...(s as Set<string>)]) : [];
    if (selections.length > 0 && selected.length > 0 && !selected.includes(keyEntryAlias.toLowerCase()))
      return { use: 'other-alias', by: named, selected: [...new Set(selected)] };
  }
  // The home directory of an MQ, WebSphere, Liberty or JMS configuration: named only when no setting names it. MQ and
  // WebSphere pick certificates there by label; a Liberty server only through a <keyStore> the tree may not settle.
  const home = homeConfig
    ? [
        {
          file: homeConfig,
          message:
            'it lies in the directory of this configuration, which may use it (MQ and WebSphere pick certificates there by label)',
        },
      ]
    : [];
  if (named.length > 0) return { use: 'named', by: named };
  // A setting that names the file but serves no TLS says more than the directory it lies in.
  const notServed = files.notServed.get(file);
  if (notServed) return { use: 'not-served', by: notServed };
  if (home.length > 0) return { use: 'named', by: home };
  return { use: files.unresolved.some((u) => mayName(u, file, pem)) ? 'perhaps' : 'unnamed' };
}
