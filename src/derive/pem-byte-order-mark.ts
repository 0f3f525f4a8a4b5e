/**
 * The PEM files a Tomcat connector on JSSE reads that start with a UTF-8 byte order mark right before their first
 * `-----BEGIN ` line: Tomcat's PEMFile never opens that block and the connector does not start
 * (knowledge/tomcat TOMCAT_PEM_BYTE_ORDER_MARK). Computed once per deployment from the parsed PEM files' flag
 * (parse/pem.ts `byteOrderMark`); a connector on OpenSSL reads such a file as without the mark.
 */
import type { Location } from '../core/types';
import type { Component, StoreRef } from '../model/types';
import type { PemData } from '../parse/pem';
import type { ParsedDocument } from '../parse/types';
import type { TlsStack } from './stack';

/** A PEM file a connector reads through Tomcat's PEMFile whose first block the byte order mark hides. */
export interface MarkedPemFile {
  component: Component;
  /** The tree file. */
  file: string;
  /** What the connector reads from it: its certificate (`certificateFile`), key (`certificateKeyFile`) or chain. */
  role: 'certificate' | 'key' | 'chain';
  /** The setting that names it, when written in a file. */
  at?: Location;
}

/** The marked PEM files each Tomcat connector on JSSE reads, in component order. */
export function markedPemFiles(
  components: readonly Component[],
  stacks: ReadonlyMap<string, TlsStack>,
  pemFiles: ReadonlyMap<string, ParsedDocument<PemData>>,
): MarkedPemFile[] {
  const found: MarkedPemFile[] = [];
  for (const component of components) {
    if (component.type !== 'tomcat.connector') continue;
    const kind = stacks.get(component.id)?.kind;
    if (kind !== 'jsse' && kind !== 'ibmjsse2') continue;
    const trust = component.tls?.trust;
    const read: [StoreRef | undefined, MarkedPemFile['role']][] = [
      [trust?.keyStore, 'certificate'],
      [trust?.keyFile, 'key'],
      ...(trust?.chainStores ?? []).map((chain): [StoreRef, MarkedPemFile['role']] => [chain, 'chain']),
    ];
    const seen = new Set<string>();
    for (const [store, role] of read) {
      if (!store?.file || store.type?.value !== 'PEM' || seen.has(store.file)) continue;
      if (!pemFiles.get(store.file)?.data.byteOrderMark?.beforeBlock) continue;
      seen.add(store.file);
      const at = store.path.from.kind === 'file' ? store.path.from.location : undefined;
      found.push({ component, file: store.file, role, ...(at ? { at } : {}) });
    }
  }
  return found;
}
