/**
 * Jetty XML as XmlConfiguration reads it, for the SslContextFactory settings of a Jetty base: `<Set>` and `<Call>`
 * on the factory, their values from text, `<Property name deprecated default>` (a `<Default>` inside), `<Array><Item>`,
 * `<Call name="resolvePath">` and the Set's `property` attribute (Jetty 10+: no call when the property is unset),
 * resolved against the base's start properties. What the tree does not decide (a SystemProperty, an Env, a `<Ref>`, a
 * property set differently by two start files) is unknown, never guessed.
 * https://jetty.org/docs/jetty/12/operations-guide/xml/index.html
 */
import type { Location } from '../core/types';
import type { LineIndex } from '../parse/text';
import { attr, type XmlData, type XmlElement } from '../parse/xml';

/** `jetty.base` as a value: a path below it is the base's (resolved by the model against the tree). */
export const JETTY_BASE = '${jetty.base}';

/** A start property as the base's start files set it; null: two start files set it differently. */
export interface StartProperty {
  value: string;
  at: Location;
}

export interface Environment {
  properties: ReadonlyMap<string, StartProperty | null>;
  /** The XML file the element is in; undefined for the ssl module's own Sets (knowledge). */
  file: string | undefined;
  /** The XML's text, to tell whether text beside an element comes before it (`/opt/<Property/>`) or after it. */
  source: { text: string; index: LineIndex };
}

/** Whether an element's own text comes before its one child element: undefined when it cannot be told. */
function textFirst(el: XmlElement, child: XmlElement, env: Environment): boolean {
  const between = env.source.text.slice(
    env.source.index.offsetAt(el.range.end),
    env.source.index.offsetAt(child.range.start),
  );
  return between.replace(/<!--[\s\S]*?-->/g, '').trim() !== '';
}

/** What an element gives: a value (null: Jetty passes null), a list, nothing (a Set not made), or unknown. */
export type JettyValue =
  | { kind: 'value'; value: string | null; at: Location | undefined }
  | { kind: 'list'; items: string[]; at: Location | undefined }
  | { kind: 'skipped' }
  | { kind: 'unknown'; why: string; at: Location | undefined };

const here = (el: XmlElement, env: Environment): Location | undefined =>
  env.file ? { file: env.file, range: el.range } : undefined;

const unknown = (why: string, at: Location | undefined): JettyValue => ({ kind: 'unknown', why, at });

/** `${name}` references inside a start property's value, as start.jar expands them. */
function expand(raw: string, env: Environment, at: Location, depth = 0): JettyValue {
  let failed: string | undefined;
  const value = raw.replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
    if (name === 'jetty.base') return JETTY_BASE;
    const p = depth < 5 ? env.properties.get(name) : undefined;
    if (!p) {
      failed ??= whole;
      return whole;
    }
    const inner = expand(p.value, env, p.at, depth + 1);
    if (inner.kind !== 'value' || inner.value === null) {
      failed ??= whole;
      return whole;
    }
    return inner.value;
  });
  return failed
    ? unknown(`${failed} is a property the tree's start files do not set`, at)
    : { kind: 'value', value, at };
}

function lookup(name: string, env: Environment): JettyValue | undefined {
  const p = env.properties.get(name);
  if (p === null) return unknown(`the start files set ${name} to different values`, undefined);
  return p ? expand(p.value, env, p.at) : undefined;
}

function property(el: XmlElement, env: Environment): JettyValue {
  const name = attr(el, 'name')?.value.trim() ?? '';
  if (name === 'jetty.base') return { kind: 'value', value: JETTY_BASE, at: undefined };
  const names = [name, ...(attr(el, 'deprecated')?.value.split(',') ?? []).map((n) => n.trim()).filter(Boolean)];
  for (const n of names) {
    const found = lookup(n, env);
    if (found) return found;
  }
  const fallback = attr(el, 'default');
  if (fallback) return { kind: 'value', value: fallback.value, at: here(el, env) };
  const inner = el.children.find((c) => c.localName === 'Default');
  if (inner) return content(inner, env);
  return { kind: 'value', value: null, at: here(el, env) };
}

function element(el: XmlElement, env: Environment): JettyValue {
  switch (el.localName) {
    case 'Property':
      return property(el, env);
    case 'Array': {
      const items: string[] = [];
      for (const item of el.children.filter((c) => c.localName === 'Item')) {
        const v = content(item, env);
        if (v.kind === 'unknown') return v;
        if (v.kind !== 'value' || v.value === null) return unknown('an array item without a value', here(item, env));
        items.push(v.value);
      }
      return { kind: 'list', items, at: here(el, env) };
    }
    case 'Call': {
      // XmlConfiguration.resolvePath(base, path): the path itself when absolute, else below the base (Jetty 10.0.2+).
      const args = el.children.filter((c) => c.localName === 'Arg');
      if (attr(el, 'name')?.value !== 'resolvePath' || args.length !== 2) break;
      const [base, rel] = args.map((a) => content(a, env));
      if (base?.kind !== 'value' || rel?.kind !== 'value')
        return [base, rel].find((v) => v?.kind === 'unknown') ?? unknown('resolvePath without a path', here(el, env));
      if (rel.value === null) return rel;
      return { ...rel, value: rel.value.startsWith('/') ? rel.value : `${base.value ?? '.'}/${rel.value}` };
    }
    default:
      break;
  }
  return unknown(`<${el.name}> is not read here`, here(el, env));
}

/** An element's content: its text, the one element inside it, or `<Property/>/<Property/>` joined as Jetty joins them. */
export function content(el: XmlElement, env: Environment): JettyValue {
  const kids = el.children;
  if (kids.length === 0) return { kind: 'value', value: el.text, at: here(el, env) };
  if (kids.length === 1 && el.text === '') return element(kids[0]!, env);
  // `<Property name="jetty.base" default="."/>/etc/store.jks`: the value and the text joined in their order.
  if (kids.length === 1) {
    const child = kids[0]!;
    const v = element(child, env);
    if (v.kind !== 'value' || v.value === null)
      return v.kind === 'unknown' ? v : unknown('a path part without a value', here(el, env));
    return {
      kind: 'value',
      value: textFirst(el, child, env) ? el.text + v.value : v.value + el.text,
      at: v.at ?? here(el, env),
    };
  }
  if (kids.length === 2 && el.text === '/') {
    const [a, b] = kids.map((k) => element(k, env));
    if (a?.kind === 'value' && b?.kind === 'value' && a.value !== null && b.value !== null)
      // Plain concatenation (Jetty 9.x's `<Property name="jetty.base"/>/<Property …/>`): an absolute path lands below the
      // base (Jetty 9.4.57 reads keyStorePath=/opt/k.p12 as ${jetty.base}/opt/k.p12; resolvePath came in 10.0.2).
      return { kind: 'value', value: `${a.value}/${b.value}`, at: b.at ?? a.at };
    return [a, b].find((v) => v?.kind === 'unknown') ?? unknown('a path part without a value', here(el, env));
  }
  return unknown(`<${el.name}> holds content not read here`, here(el, env));
}

/** One change a factory's XML makes: a setter (`Set`, a `Call name="setX"`) or an `addExcludeX` call. */
export interface FactoryOperation {
  /** The setting, lower-cased without `set`/`add`: `keystorepath`, `excludeprotocols`. */
  setting: string;
  op: 'set' | 'add';
  value: JettyValue;
}

/** The `<Set>`s and setter `<Call>`s directly on a factory element, in order. */
export function factoryOperations(factory: XmlElement, env: Environment): FactoryOperation[] {
  const out: FactoryOperation[] = [];
  for (const child of factory.children) {
    const name = attr(child, 'name')?.value.trim() ?? '';
    if (child.localName === 'Set') {
      const prop = attr(child, 'property')?.value.trim();
      const value = prop ? (lookup(prop, env) ?? { kind: 'skipped' as const }) : content(child, env);
      out.push({ setting: name.toLowerCase(), op: 'set', value });
      continue;
    }
    if (child.localName !== 'Call') continue;
    const m = /^(set|add)(\w+)$/.exec(name);
    if (!m) continue;
    const args = child.children.filter((c) => c.localName === 'Arg');
    const value: JettyValue =
      args.length === 1 ? content(args[0]!, env) : unknown(`${name} with ${args.length} arguments`, here(child, env));
    out.push({ setting: m[2]!.toLowerCase(), op: m[1] === 'add' ? 'add' : 'set', value });
  }
  return out;
}

/** A server-side SslContextFactory class: Jetty's (`SslContextFactory`, `SslContextFactory$Server`) or a subclass. */
const SERVER_FACTORY = /SslContextFactory(\$Server)?$/;

/** The elements of a Jetty XML file that make or configure a server SslContextFactory, with their ids. */
export function sslFactories(data: XmlData): { element: XmlElement; id: string | undefined; defines: boolean }[] {
  const out: { element: XmlElement; id: string | undefined; defines: boolean }[] = [];
  for (const el of data.elements) {
    if (el.localName !== 'New' && el.localName !== 'Configure') continue;
    const cls = attr(el, 'class')?.value.trim() ?? '';
    const id = attr(el, 'id')?.value.trim();
    if (SERVER_FACTORY.test(cls) || (el.localName === 'Configure' && id === 'sslContextFactory'))
      out.push({ element: el, id, defines: el.localName === 'New' });
  }
  return out;
}
