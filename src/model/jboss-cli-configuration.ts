/**
 * What a jboss-cli script (../parse/jboss-cli.ts) writes into a WildFly server's configuration, as the elements
 * standalone.xml would hold, so that a listener the script configures is modelled as one the file configures
 * (./jboss-https.ts). Read: the Elytron `key-store`, `key-manager`, `trust-manager` and `server-ssl-context` resources a
 * script adds (`/subsystem=elytron/server-ssl-context=ssc:add(key-manager=km, protocols=["TLSv1.2"])`), the attributes it
 * then writes or undefines on them (`:write-attribute(name=protocols, value=[…])`, `:undefine-attribute(name=…)`), the
 * ones it removes, its system properties, and Undertow's `https-listener`s it adds or binds to an `ssl-context`
 * (`/subsystem=undertow/server=default-server/https-listener=https:write-attribute(name=ssl-context, value=ssc)`).
 * The management model's attribute names are the XML's, except that a key store's `path` and `relative-to` are its
 * `<file>` element's and a `credential-reference` is an element of its own (wildfly/wildfly-core@7f1dae0, tag
 * 29.0.1.Final: elytron/…/KeyStoreDefinition.java CONFIG_ATTRIBUTES, SSLDefinitions.java; ElytronSubsystemParser).
 * The operations apply, in script order, on the configuration file the script edits (./jboss-cli-target.ts): a copy of
 * its elements, so that the file and the script are one server; a value the script writes is located at its line, the
 * others at the file. Socket bindings and system properties it writes count too. When the tree does not hold that
 * file the script is read alone: a resource it only writes to (one the image's configuration defines) is then not
 * built, and a listener is built as the script names it, without what the image's file gives it (its socket binding).
 */
import type { Range } from '../core/types';
import { JBOSS_CLI_KIND, type CliOperation, type JbossCliData } from '../parse/jboss-cli';
import type { ParsedDocument } from '../parse/types';
import { attr, type XmlAttribute, type XmlData, type XmlElement } from '../parse/xml';

/** The Elytron resources read, as their elements' names; a key store's elements sit in `<key-stores>`. */
const ELYTRON_RESOURCES = new Set(['key-store', 'key-manager', 'trust-manager', 'server-ssl-context']);
/** Key-store attributes that are its `<file>` element's. */
const FILE_ATTRIBUTES = new Set(['path', 'relative-to']);

function element(localName: string, range: Range, parent?: XmlElement): XmlElement {
  const made: XmlElement = {
    name: localName,
    localName,
    attributes: [],
    children: [],
    range,
    path: parent ? `${parent.path}/${localName}` : localName,
    text: '',
    ...(parent && { parent }),
  };
  parent?.children.push(made);
  return made;
}

/** A list as the CLI writes it (`["TLSv1.2", "TLSv1.3"]`) as the XML's blank-separated value; other values as written. */
function xmlValue(value: string): string {
  const list = /^\[(.*)\]$/s.exec(value.trim());
  return list
    ? list[1]!
        .split(',')
        .map((item) => item.trim().replace(/^"(.*)"$/s, '$1'))
        .filter(Boolean)
        .join(' ')
    : value;
}

function setAttribute(target: XmlElement, name: string, value: string, range: Range): XmlAttribute {
  target.attributes = target.attributes.filter((a) => a.name !== name);
  const written: XmlAttribute = { name, value: xmlValue(value), nameRange: range, valueRange: range };
  target.attributes.push(written);
  return written;
}

/** The child element an attribute of the management model is written on in XML, made (at the operation) when first needed. */
function holderOf(
  resource: XmlElement,
  key: string,
  o: CliOperation,
  written: Map<XmlAttribute | XmlElement, string>,
  file: string,
): { holder: XmlElement; name: string } {
  const dot = key.indexOf('.');
  const [childName, name] =
    dot > 0 && key.slice(0, dot) === 'credential-reference'
      ? ['credential-reference', key.slice(dot + 1)]
      : resource.localName === 'key-store' && FILE_ATTRIBUTES.has(key)
        ? ['file', key]
        : [undefined, key];
  if (!childName) return { holder: resource, name };
  let holder = resource.children.find((c) => c.localName === childName);
  if (!holder) {
    holder = element(childName, o.range, resource);
    written.set(holder, file);
  }
  return { holder, name };
}

/** The resource an address names, when it is one read here: its element's name and the key it is kept by. */
function resourceOf(address: string): { localName: string; key: string } | undefined {
  const segments = address.split('/');
  const last = segments.at(-1)!;
  const type = last.slice(0, last.indexOf('='));
  if (ELYTRON_RESOURCES.has(type) && segments.at(-2) === 'subsystem=elytron') return { localName: type, key: last };
  if (type === 'https-listener' && segments.includes('subsystem=undertow')) return { localName: type, key: last };
  if (type === 'system-property' && segments.length === 1) return { localName: 'property', key: last };
  if (type === 'socket-binding' && segments.at(-2)?.startsWith('socket-binding-group='))
    return { localName: type, key: last };
  return undefined;
}

/** A server configuration as the model reads it, and the file each element or attribute is written in. */
export interface ServerConfiguration {
  doc: ParsedDocument<XmlData>;
  /** The file a node is written in: a script's for what a script wrote, else the document's. */
  fileOf: (node: XmlAttribute | XmlElement) => string;
  /** The documents it is read from: the configuration file, then the scripts that changed it, in order. */
  sources: ParsedDocument[];
}

/** A configuration file read as it is written, every node in its own file. */
export function configurationOf(doc: ParsedDocument<XmlData>): ServerConfiguration {
  return { doc, fileOf: () => doc.file.path, sources: [doc] };
}

/** A copy of an element and its subtree, below `parent`: the scripts change the copy, never the parsed document. */
function copyOf(e: XmlElement, parent?: XmlElement): XmlElement {
  const { parent: _parent, ...rest } = e;
  const copy: XmlElement = { ...rest, attributes: [...e.attributes], children: [], ...(parent && { parent }) };
  copy.children = e.children.map((c) => copyOf(c, copy));
  return copy;
}

/** The resources a script can address that the configuration defines, keyed as the script names them. */
function definedResources(elements: readonly XmlElement[]): Map<string, XmlElement> {
  const resources = new Map<string, XmlElement>();
  for (const e of elements) {
    const name = attr(e, 'name')?.value;
    if (!name) continue;
    const parent = e.parent?.localName;
    if (ELYTRON_RESOURCES.has(e.localName) || e.localName === 'https-listener')
      resources.set(`${e.localName}=${name}`, e);
    else if (e.localName === 'property' && parent === 'system-properties') resources.set(`system-property=${name}`, e);
    else if (e.localName === 'socket-binding' && parent === 'socket-binding-group')
      resources.set(`socket-binding=${name}`, e);
  }
  return resources;
}

/** Where an added resource's element goes: the configuration's container of its kind, else one made for it. */
function containerFor(root: XmlElement, elements: readonly XmlElement[], localName: string, at: Range): XmlElement {
  const [container, under] =
    localName === 'key-store'
      ? ['key-stores', 'tls']
      : localName === 'property'
        ? ['system-properties', undefined]
        : localName === 'socket-binding'
          ? ['socket-binding-group', undefined]
          : [undefined, undefined];
  if (!container) return root;
  return (
    elements.find((e) => e.localName === container && (!under || e.parent?.localName === under)) ??
    element(container, at, root)
  );
}

/**
 * `scripts` applied, in order, on a configuration: a copy of `base`'s elements (or, with no base, an empty server,
 * the script's own configuration). Each operation changes that model as the server would: `:add` (re)defines a
 * resource, `:write-attribute` and `:undefine-attribute` change one the configuration or an earlier line defines,
 * `:remove` deletes it. What a script writes is located at its line, what it leaves at the configuration file.
 */
function applied(base: ParsedDocument<XmlData> | undefined, scripts: readonly ParsedDocument<JbossCliData>[]) {
  const start: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const root = base?.data.root ? copyOf(base.data.root) : element('server', start);
  const written = new Map<XmlAttribute | XmlElement, string>();
  /** The scripts that changed the configuration (a script whose operations address nothing read here did not). */
  const changedBy = new Set<ParsedDocument<JbossCliData>>();
  let elements = collected(root);
  const resources = definedResources(elements);
  for (const script of scripts) {
    const file = script.file.path;
    for (const o of script.data.operations) {
      const resource = o.address !== undefined ? resourceOf(o.address) : undefined;
      if (!resource) continue;
      const existing = resources.get(resource.key);
      const detach = (e: XmlElement) => e.parent?.children.splice(e.parent.children.indexOf(e), 1);
      if (o.operation === 'remove') {
        if (existing) {
          detach(existing);
          changedBy.add(script);
        }
        resources.delete(resource.key);
        continue;
      }
      // A listener the script writes to exists in the server's configuration; an Elytron resource the script does
      // not add is read only from a configuration that defines it.
      let target = o.operation === 'add' ? undefined : existing;
      if (o.operation === 'add' || (!existing && resource.localName === 'https-listener')) {
        const parent = existing?.parent ?? containerFor(root, elements, resource.localName, o.range);
        if (existing) detach(existing);
        target = element(resource.localName, o.range, parent);
        written.set(target, file);
        const name = resource.key.slice(resource.key.indexOf('=') + 1);
        written.set(setAttribute(target, 'name', name, o.nameRange ?? o.range), file);
        resources.set(resource.key, target);
        elements = collected(root);
      }
      if (!target) continue;
      changedBy.add(script);
      if (o.operation === 'undefine-attribute') {
        const named = o.params.get('name');
        const { holder, name } = named ? holderOf(target, named, o, written, file) : { holder: target, name: '' };
        holder.attributes = holder.attributes.filter((a) => a.name !== name);
        continue;
      }
      if (resource.localName === 'https-listener' && written.get(target) === file) target.range = o.range;
      for (const [key, value] of o.params) {
        const { holder, name } = holderOf(target, key, o, written, file);
        written.set(setAttribute(holder, name, value, o.valueRanges.get(key) ?? o.range), file);
      }
    }
  }
  return { root, elements: collected(root), written, changedBy };
}

/** An element and its subtree, in document order. */
function collected(root: XmlElement): XmlElement[] {
  const elements: XmlElement[] = [];
  const collect = (e: XmlElement) => {
    elements.push(e);
    e.children.forEach(collect);
  };
  collect(root);
  return elements;
}

/**
 * The server configuration `scripts` leave `base` in (./jboss-cli-target.ts says which file a script edits): read
 * as the file, with what the scripts write located at their lines.
 */
export function editedConfiguration(
  base: ParsedDocument<XmlData>,
  scripts: readonly ParsedDocument<JbossCliData>[],
): ServerConfiguration {
  const { root, elements, written, changedBy } = applied(base, scripts);
  return {
    doc: { ...base, data: { root, elements } },
    fileOf: (node) => written.get(node) ?? base.file.path,
    sources: [base, ...scripts.filter((s) => changedBy.has(s))],
  };
}

/**
 * A script's configuration when the tree does not hold the file it edits: as XML elements, in a document of the script
 * (its file, its entries); undefined when it writes no HTTPS listener.
 */
export function cliServerConfiguration(doc: ParsedDocument<JbossCliData>): ServerConfiguration | undefined {
  if (doc.kind !== JBOSS_CLI_KIND) return undefined;
  const { root, elements } = applied(undefined, [doc]);
  if (!elements.some((e) => e.localName === 'https-listener')) return undefined;
  return configurationOf({ ...doc, problems: [], data: { root, elements } });
}
