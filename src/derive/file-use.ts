/** Whether a component uses a certificate or store file of the tree, from DerivedModel.certificateFiles. */
import * as path from 'node:path';
import type { RelatedLocation } from '../core/types';
import type { ConfigProduct, TreeCertificate } from '../model/attributes';
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
 * component names it by a path the tree resolves, or it lies in the home of an MQ, WebSphere or Liberty configuration,
 * `homeConfig`, which may use it: the message says how, for the products `homeProducts` names), `not-served` (only servers that serve
 * no TLS in the run the tree shows name it or own it: CertificateFileUse.notServed), `perhaps` (nothing names it, but
 * some component names a file by a placeholder nothing resolves, or by a relative path of its name found beside no
 * configuration, or by an absolute path of its name the tree does not place: it may be this one), or `unnamed` (test
 * data, a copy left behind: seen by no peer lint-deploy knows of).
 */
export function fileUse(
  files: CertificateFileUse,
  file: string,
  {
    homeConfig,
    homeProducts = [],
    doc,
  }: Pick<TreeCertificate, 'homeConfig' | 'homeProducts'> & Partial<Pick<TreeCertificate, 'doc'>>,
  keyEntryAlias?: string,
  pem = false,
):
  | { use: 'named'; by: RelatedLocation[] }
  | { use: 'other-alias'; by: RelatedLocation[]; selected: string[] }
  | { use: 'not-served'; by: readonly NotServedBy[] }
  | { use: 'perhaps' | 'unnamed' } {
  // A file named only through the file name of a path outside the tree (`/etc/ssl/app.p12` → `app.p12`) may be the
  // one deployed or not: `perhaps` below, as the reference is also unresolved.
  // Named only at some documents embedded in the file (a Secret's mounted keys): another key's certificate is not named.
  const only = files.embeddedUse?.get(file);
  const at = doc?.embedded?.range.start;
  const embeddedElsewhere =
    only !== undefined &&
    !only.some((r) => at !== undefined && r.start.line === at.line && r.start.character === at.character);
  const resolved = embeddedElsewhere ? [] : (files.inUse.get(file) ?? []);
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
  if (named.length > 0) return { use: 'named', by: named };
  // A setting that names the file but serves no TLS says more than the directory it lies in.
  const notServed = files.notServed.get(file);
  if (notServed) return { use: 'not-served', by: notServed };
  // The home directory of an MQ, WebSphere or Liberty configuration: named only when no setting names it.
  if (homeConfig) return { use: 'named', by: [{ file: homeConfig, message: homeMessage(homeProducts) }] };
  return { use: files.unresolved.some((u) => mayName(u, file, pem)) ? 'perhaps' : 'unnamed' };
}

/** How each product's configuration may use a file of its directory that no setting of the tree names. */
const HOME_USE: Record<ConfigProduct, string> = {
  mq: 'MQ selects its certificates by label, not by file name',
  was: 'WebSphere opens the key stores its configuration names and selects certificates in them by alias',
  liberty: 'a Liberty server opens the key stores its <keyStore> elements name',
};
const IN_HOME = 'it lies in the directory of this configuration, which may use it';

/**
 * The fixed words of the home messages: a secret that is a word of them (a key store password `Liberty`) is not the
 * tree's value there (src/engine/run/redact.ts `ownWords`).
 */
export const HOME_WORDS: readonly string[] = [IN_HOME, ...Object.values(HOME_USE)];

/** Why a home configuration may use a file, for the products whose configuration its directory holds. */
function homeMessage(products: readonly ConfigProduct[]): string {
  return products.length === 0 ? IN_HOME : `${IN_HOME}: ${products.map((p) => HOME_USE[p]).join('; ')}`;
}
