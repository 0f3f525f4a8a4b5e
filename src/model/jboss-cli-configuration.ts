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
 * A resource the script only writes to (one the image's configuration defines) is not built: its other attributes are
 * not in the tree. A listener is built as the script names it; what the image's file gives it (its socket binding) is not.
 * Every attribute is located at the script's line, so findings point there.
 */
import type { Range } from '../core/types';
import { JBOSS_CLI_KIND, type CliOperation, type JbossCliData } from '../parse/jboss-cli';
import type { ParsedDocument } from '../parse/types';
import type { XmlAttribute, XmlData, XmlElement } from '../parse/xml';

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

function setAttribute(target: XmlElement, name: string, value: string, range: Range): void {
  target.attributes = target.attributes.filter((a) => a.name !== name);
  const written: XmlAttribute = { name, value: xmlValue(value), nameRange: range, valueRange: range };
  target.attributes.push(written);
}

/** The child element an attribute of the management model is written on in XML, made when first needed. */
function holderOf(resource: XmlElement, key: string): { holder: XmlElement; name: string } {
  const dot = key.indexOf('.');
  const [childName, name] =
    dot > 0 && key.slice(0, dot) === 'credential-reference'
      ? ['credential-reference', key.slice(dot + 1)]
      : resource.localName === 'key-store' && FILE_ATTRIBUTES.has(key)
        ? ['file', key]
        : [undefined, key];
  if (!childName) return { holder: resource, name };
  const holder =
    resource.children.find((c) => c.localName === childName) ?? element(childName, resource.range, resource);
  return { holder, name };
}

function write(resource: XmlElement, o: CliOperation, key: string, value: string): void {
  const { holder, name } = holderOf(resource, key);
  setAttribute(holder, name, value, o.valueRanges.get(key) ?? o.range);
}

/** The resource an address names, when it is one read here: its element's name and the key it is kept by. */
function resourceOf(address: string): { localName: string; key: string } | undefined {
  const segments = address.split('/');
  const last = segments.at(-1)!;
  const type = last.slice(0, last.indexOf('='));
  if (ELYTRON_RESOURCES.has(type) && segments.at(-2) === 'subsystem=elytron') return { localName: type, key: last };
  if (type === 'https-listener' && segments.includes('subsystem=undertow')) return { localName: type, key: last };
  if (type === 'system-property' && segments.length === 1) return { localName: 'property', key: last };
  return undefined;
}

/**
 * The script's configuration as XML elements, in a document of the script (its file, its entries); undefined when it
 * writes no HTTPS listener.
 */
export function cliServerConfiguration(doc: ParsedDocument<JbossCliData>): ParsedDocument<XmlData> | undefined {
  if (doc.kind !== JBOSS_CLI_KIND) return undefined;
  const start: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const root = element('server', start);
  const containers = {
    'key-store': element('key-stores', start, root),
    property: element('system-properties', start, root),
  };
  const resources = new Map<string, XmlElement>();
  for (const o of doc.data.operations) {
    const resource = o.address !== undefined ? resourceOf(o.address) : undefined;
    if (!resource) continue;
    const existing = resources.get(resource.key);
    if (o.operation === 'remove') {
      if (existing) existing.parent!.children.splice(existing.parent!.children.indexOf(existing), 1);
      resources.delete(resource.key);
      continue;
    }
    // A listener exists in the image's configuration when the script writes to it; an Elytron resource is read
    // only from the :add that gives all its attributes.
    let target = o.operation === 'add' ? undefined : existing;
    if (o.operation === 'add' || (!existing && resource.localName === 'https-listener')) {
      if (existing) existing.parent!.children.splice(existing.parent!.children.indexOf(existing), 1);
      const parent =
        resource.localName in containers ? containers[resource.localName as keyof typeof containers] : root;
      target = element(resource.localName, o.range, parent);
      const name = resource.key.slice(resource.key.indexOf('=') + 1);
      setAttribute(target, 'name', name, o.nameRange ?? o.range);
      resources.set(resource.key, target);
    }
    if (!target) continue;
    if (o.operation === 'undefine-attribute') {
      const named = o.params.get('name');
      const { holder, name } = named ? holderOf(target, named) : { holder: target, name: '' };
      holder.attributes = holder.attributes.filter((a) => a.name !== name);
      continue;
    }
    if (resource.localName === 'https-listener') target.range = o.range;
    for (const [key, value] of o.params) write(target, o, key, value);
  }
  const elements: XmlElement[] = [];
  const collect = (e: XmlElement) => {
    elements.push(e);
    e.children.forEach(collect);
  };
  collect(root);
  if (!elements.some((e) => e.localName === 'https-listener')) return undefined;
  return { ...doc, problems: [], data: { root, elements } };
}
