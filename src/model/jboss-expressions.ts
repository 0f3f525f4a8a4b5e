/**
 * WildFly / JBoss EAP expressions in a server configuration file: `${name}`, `${name:default}`, `${a,b:default}`
 * (the first of the comma-separated names that is set, else the text after the first colon) and `${env.NAME}`
 * (jboss-dmr ValueExpressionResolver, https://docs.wildfly.org/26/Admin_Guide.html#Expression_Resolution). The tree
 * settles a name only by a `<system-properties><property name value>` of the same file; an environment variable or a
 * `-D` option is the run's. A default stands while the name is unset: the value is then said to be that default.
 */
import type { XmlData } from '../parse/xml';
import { attr } from '../parse/xml';

/** A value as WildFly reads it: `value` when the tree settles it, with the defaults it took; undefined when unknown. */
export interface JbossValue {
  value: string;
  /** The expressions whose defaults were taken (`${jboss.https.port:8443}`): what a run can change. */
  defaults: string[];
}

const EXPRESSION = /\$\{([^{}]*)\}/g;

/** The `<system-properties>` of a configuration file, by name (the last written wins). */
export function jbossSystemProperties(data: XmlData): Map<string, string> {
  const properties = new Map<string, string>();
  for (const element of data.elements) {
    if (element.localName !== 'property' || element.parent?.localName !== 'system-properties') continue;
    const name = attr(element, 'name')?.value;
    const value = attr(element, 'value')?.value;
    if (name && value !== undefined && !/\$\{/.test(value)) properties.set(name, value);
  }
  return properties;
}

/** `written` with its expressions resolved from `properties` or their defaults; undefined when one stays unknown. */
export function resolveJboss(written: string, properties: ReadonlyMap<string, string>): JbossValue | undefined {
  let unknown = false;
  const defaults: string[] = [];
  const value = written.replace(EXPRESSION, (whole, body: string) => {
    const colon = body.indexOf(':');
    const names = (colon < 0 ? body : body.slice(0, colon)).split(',').map((n) => n.trim());
    for (const name of names) {
      const set = name.startsWith('env.') ? undefined : properties.get(name);
      if (set !== undefined) return set;
    }
    if (colon < 0) {
      unknown = true;
      return whole;
    }
    defaults.push(whole);
    return body.slice(colon + 1);
  });
  return unknown ? undefined : { value, defaults };
}
