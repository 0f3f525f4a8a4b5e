/**
 * The PEM files Java readers refuse because they start with a UTF-8 byte order mark right before their first
 * `-----BEGIN ` line: a Tomcat connector on JSSE, whose PEMFile never opens that block, so the connector does not
 * start (knowledge/tomcat TOMCAT_PEM_BYTE_ORDER_MARK); an image's `keytool -importcert` into its JDK's cacerts before
 * JDK 25, which refuses the file (knowledge keytoolPemByteOrderMark). Computed once per deployment from the parsed PEM
 * files' flag (parse/pem.ts `byteOrderMark`); OpenSSL (a connector on Tomcat Native) and keytool of JDK 25 read such a
 * file as without the mark, and a JDK the tree does not name leaves it unknown.
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import { joined, ours, said, type Phrase } from '../core/phrase';
import { keytoolPemByteOrderMark } from '../knowledge';
import { knownFeature } from '../knowledge/version';
import type { Component, StoreRef } from '../model/types';
import type { PemData } from '../parse/pem';
import type { ParsedDocument } from '../parse/types';
import type { TlsStack } from './stack';

/** A PEM file a Java reader refuses because the byte order mark hides its first block's BEGIN line. */
export interface MarkedPemFile {
  component: Component;
  /** The tree file. */
  file: string;
  /**
   * What reads it: a Tomcat connector, for its certificate (`certificateFile`), key (`certificateKeyFile`) or chain;
   * the keytool of the component's image, which imports it into the JDK's cacerts (`cacerts`, JDK `feature`).
   */
  role: 'certificate' | 'key' | 'chain' | 'cacerts';
  /** The setting that names it, when written in a file; for `cacerts` the Dockerfile RUN. */
  at?: Location;
  feature?: number;
}

/**
 * Whether the keytool of the component's image refuses to import this PEM file into its JDK's cacerts: the file's
 * byte order mark hides its first BEGIN line, and the image's JDK is known to be older than 25 (one the tree does not
 * name: undefined, not known either way).
 */
export function keytoolRefusesImport(
  component: Component,
  data: PemData | object | undefined,
): { feature: number } | undefined {
  if (!markedBeforeBlock(data)) return undefined;
  const feature = knownFeature(component.runtime);
  return feature !== undefined && feature < keytoolPemByteOrderMark().readsFromFeature ? { feature } : undefined;
}

/**
 * Why nobody can say whether the keytool of the component's image imports these PEM files (`files`, tree paths) into its
 * JDK's cacerts: each starts with a byte order mark right before its BEGIN line, and the tree does not name the image's
 * JDK; undefined when one of them is not marked so or the JDK is known (keytoolRefusesImport decides then).
 */
export function keytoolImportUnknown(
  component: Component,
  marked: readonly { file: string; data: PemData | object | undefined }[],
): Phrase | undefined {
  if (marked.length === 0 || !marked.every((m) => markedBeforeBlock(m.data))) return undefined;
  if (knownFeature(component.runtime) !== undefined) return undefined;
  const names = joined(
    marked.map((m) => path.basename(m.file)),
    ', ',
  );
  const one = marked.length === 1;
  return said`${component.name}'s image imports ${names} into its JDK's cacerts, but ${ours(one ? 'the file starts' : 'the files start')} with a UTF-8 byte order mark, which keytool refuses before JDK ${keytoolPemByteOrderMark().readsFromFeature}, and the tree does not name the image's JDK (name it, or remove the mark)`;
}

function markedBeforeBlock(data: PemData | object | undefined): boolean {
  return !!data && 'byteOrderMark' in data && data.byteOrderMark?.beforeBlock === true;
}

/** The marked PEM files each component's image imports with keytool or each Tomcat connector on JSSE reads, in component order. */
export function markedPemFiles(
  components: readonly Component[],
  stacks: ReadonlyMap<string, TlsStack>,
  pemFiles: ReadonlyMap<string, ParsedDocument<PemData>>,
): MarkedPemFile[] {
  const found: MarkedPemFile[] = [];
  const marked = (file: string) => pemFiles.get(file)?.data.byteOrderMark?.beforeBlock === true;
  for (const component of components) {
    // The JDK facts are a chunk of their own (scripts/build.mjs): asked for only when an import is of a marked file.
    for (const added of component.tls?.trust?.cacertsAdded ?? []) {
      const refused = keytoolRefusesImport(component, pemFiles.get(added.file)?.data);
      if (refused) found.push({ component, file: added.file, role: 'cacerts', at: added.at, feature: refused.feature });
    }
    if (component.type !== 'tomcat.connector') continue;
    const kind = stacks.get(component.id)?.kind;
    if (kind !== 'jsse' && kind !== 'ibmjsse2') continue;
    const trust = component.tls?.trust;
    // The chain files pushed, not spread from `map` (an optimized `map`'s holey result recompiled this: session 57).
    const read: [StoreRef | undefined, MarkedPemFile['role']][] = [
      [trust?.keyStore, 'certificate'],
      [trust?.keyFile, 'key'],
    ];
    for (const chain of trust?.chainStores ?? []) read.push([chain, 'chain']);
    const seen = new Set<string>();
    for (const [store, role] of read) {
      if (!store?.file || store.type?.value !== 'PEM' || seen.has(store.file)) continue;
      if (!marked(store.file)) continue;
      seen.add(store.file);
      const at = store.path.from.kind === 'file' ? store.path.from.location : undefined;
      found.push({ component, file: store.file, role, ...(at ? { at } : {}) });
    }
  }
  return found;
}
