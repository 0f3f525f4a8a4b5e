/**
 * The key and trust stores of a WildFly / JBoss EAP HTTPS listener: an Elytron `server-ssl-context`'s key-manager and
 * trust-manager, each naming a `<key-store>` of `<tls><key-stores>`, or a legacy security realm's
 * `<server-identities><ssl><keystore>` and `<authentication><truststore>`. A path `relative-to="jboss.server.config.dir"`
 * (in a managed domain's domain.xml or host.xml also `jboss.domain.config.dir`) is placed only where the tree says where that directory is (knowledge: wildfly.json configDir): the configuration
 * file's own directory when it is a `configuration` directory (standalone/configuration), or the image directory a
 * Dockerfile copies the file into. Elsewhere, and for any other `relative-to`, the store is unknown: named, never found
 * by its bare name, so never "missing".
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import { JBOSS_CONFIG_DIR } from '../knowledge/wildfly';
import type { ContainerBase } from '../parse/image-files';
import type { ParsedDocument } from '../parse/types';
import { attr, type XmlAttribute, type XmlData, type XmlElement } from '../parse/xml';
import { resolveJboss } from './jboss-expressions';
import { traced } from './java-shared';
import { storeRef, withRefusedPassword, type OwnPassword, type TreeStores } from './store-files';
import type { StoreRef, Traced } from './types';

/** The configuration directory of a configuration file the image holds at `containerFile`, when it is one. */
const configDirInImage: ContainerBase = (containerFile) => {
  const dir = path.posix.dirname(containerFile);
  return path.posix.basename(dir) === JBOSS_CONFIG_DIR.directory ? dir : undefined;
};

/** What a store reader needs of the configuration file. */
export interface JbossFile {
  doc: ParsedDocument<XmlData>;
  /** The file a node is written in: a jboss-cli script's for what the script writes, else the configuration file. */
  fileOf: (node: XmlAttribute | XmlElement) => string;
  properties: ReadonlyMap<string, string>;
  stores: TreeStores;
}

/** The tree directory `jboss.server.config.dir` is, when the configuration file sits in a `configuration` directory. */
function treeConfigDir(file: string): string | undefined {
  const dir = path.dirname(file);
  return path.basename(dir) === JBOSS_CONFIG_DIR.directory ? dir : undefined;
}

/** A managed domain's domain.xml or host.xml: read from jboss.domain.config.dir, as the standalone file from its own. */
function isDomainFile(f: JbossFile): boolean {
  const root = f.doc.data.root?.localName;
  return root === 'domain' || root === 'host';
}

/**
 * A store file named by `path` and `relative-to` attributes (Elytron `<file>`, a realm's `<keystore>`), with its type
 * and where its password is set. `generatedFor`: the host a key manager generates a self-signed certificate for when
 * the file does not exist (`generate-self-signed-certificate-host`).
 */
export function jbossStore(
  f: JbossFile,
  pathAttribute: XmlAttribute,
  relativeTo: XmlAttribute | undefined,
  type: XmlAttribute | undefined,
  passwordAt: Location | undefined,
  generatedFor?: string,
  own?: OwnPassword,
): StoreRef {
  const file = f.doc.file.path;
  const at = f.fileOf(pathAttribute);
  const written = resolveJboss(pathAttribute.value, f.properties)?.value;
  const base = relativeTo ? resolveJboss(relativeTo.value, f.properties)?.value : undefined;
  const configDir = base === JBOSS_CONFIG_DIR.property || (base === JBOSS_CONFIG_DIR.domainProperty && isDomainFile(f));
  const treeBase = configDir ? treeConfigDir(file) : undefined;
  // An image that holds the file in a configuration directory places it there (storeRef below resolves the path).
  const inImage = f.stores.images?.holding(file).find((h) => configDirInImage(h.containerPath) !== undefined);
  const notes: string[] = [];
  if (relativeTo && !treeBase && !(configDir && inImage))
    notes.push(
      configDir
        ? `relative to ${base}, which the tree does not place`
        : `relative to ${relativeTo.value}, which the tree does not place`,
    );
  else if (relativeTo && inImage && !treeBase)
    notes.push(`relative to ${path.posix.dirname(inImage.containerPath)} in the image`);
  if (generatedFor)
    notes.push(`WildFly creates it with a self-signed certificate for ${generatedFor} when it does not exist`);
  const shown: Traced<string> = traced(
    pathAttribute.value,
    at,
    pathAttribute.valueRange,
    notes.length > 0 ? notes.join('; ') : undefined,
  );
  const storeType = type ? resolveJboss(type.value, f.properties)?.value : undefined;
  const typeTrace = type && storeType ? traced(storeType, f.fileOf(type), type.valueRange) : undefined;
  // A path the tree cannot place (an unresolved expression, a directory it does not know): named, never matched.
  const placeable =
    written !== undefined && (!relativeTo || configDir) && (relativeTo || path.posix.isAbsolute(written));
  if (!placeable) return unplaced(shown, typeTrace, passwordAt);
  const bases = treeBase ? [treeBase] : [];
  const containerBase = configDir ? configDirInImage : undefined;
  const ref = storeRef(shown, bases, f.stores, typeTrace, passwordAt, written, containerBase);
  return withRefusedPassword(ref, own, f.stores, written, bases);
}

function unplaced(shown: Traced<string>, type: Traced<string> | undefined, passwordAt: Location | undefined): StoreRef {
  return {
    path: shown,
    ...(type ? { type: { value: type.value.toUpperCase(), from: type.from } } : {}),
    ...(passwordAt ? { passwordAt } : {}),
  };
}

/** Where a `<credential-reference>` (a clear-text password, or a credential store's alias) is written. */
export function credentialAt(f: JbossFile, element: XmlElement | undefined): Location | undefined {
  const reference = element?.children.find((c) => c.localName === 'credential-reference');
  if (!reference) return undefined;
  const clear = attr(reference, 'clear-text');
  return clear
    ? { file: f.fileOf(clear), range: clear.valueRange }
    : { file: f.fileOf(reference), range: reference.range };
}

/** An Elytron `<key-store name>` of `<tls><key-stores>` as a store. */
export function elytronKeyStore(f: JbossFile, name: string, generatedFor?: string): StoreRef | undefined {
  const element = f.doc.data.elements.find(
    (e) => e.localName === 'key-store' && e.parent?.localName === 'key-stores' && attr(e, 'name')?.value === name,
  );
  const fileElement = element?.children.find((c) => c.localName === 'file');
  const pathAttribute = fileElement && attr(fileElement, 'path');
  if (!element || !fileElement || !pathAttribute) return undefined;
  const implementation = element.children.find((c) => c.localName === 'implementation');
  const type = (implementation && attr(implementation, 'type')) ?? attr(element, 'type');
  // Its own password as written: a credential reference's clear text, not a credential store's alias.
  const reference = element.children.find((c) => c.localName === 'credential-reference');
  const clear = reference && !attr(reference, 'store') ? attr(reference, 'clear-text') : undefined;
  const own = clear && ownPassword(f, clear, `credential-reference clear-text of key-store ${name}`);
  return jbossStore(
    f,
    pathAttribute,
    attr(fileElement, 'relative-to'),
    type,
    credentialAt(f, element),
    generatedFor,
    own,
  );
}

const ownPassword = (f: JbossFile, a: XmlAttribute, key: string): OwnPassword => ({
  value: a.value,
  at: { file: f.fileOf(a), range: a.valueRange },
  key,
});

/** A legacy realm's `<keystore>` or `<truststore>`: `path`, `relative-to`, `provider` (its type), `keystore-password`. */
export function realmStore(f: JbossFile, element: XmlElement): StoreRef | undefined {
  const pathAttribute = attr(element, 'path');
  if (!pathAttribute) return undefined;
  const password = attr(element, 'keystore-password');
  const generated = attr(element, 'generate-self-signed-certificate-host')?.value;
  return jbossStore(
    f,
    pathAttribute,
    attr(element, 'relative-to'),
    attr(element, 'provider'),
    password ? { file: f.fileOf(password), range: password.valueRange } : undefined,
    generated,
    password && ownPassword(f, password, `${element.localName} keystore-password`),
  );
}
