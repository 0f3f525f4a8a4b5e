/**
 * Liberty's configuration variables as the server resolves `${name}` in server.xml: from server.env, bootstrap.properties
 * and the `variables/` directory beside it, and `<variable>` elements (IBM docs "Using variables in configuration files",
 * Open Liberty "Variable substitution"). Read by the model (./../model/liberty-config.ts assembles a server with its
 * includes) and by the parse stage (a key store's password written as a variable, src/parse/keystore/unlock.ts).
 */
import * as path from 'node:path';
import { entryLocation, type ParsedDocument } from './types';
import type { Location } from '../core/types';
import { LineIndex } from './text';
import { attr, elementsNamed } from './xml';
import type { LibertyData } from './liberty';

/** A variable's value and where it is set (the file, and the `<variable>` element or line when known). */
export interface LibertyVariable {
  value: string;
  from: string;
  location?: Location;
}

export const VARIABLE = /\$\{([^}]+)\}/g;

/**
 * A variable by name as Liberty looks it up: the name itself, then (19.0.0.3+) the environment variable
 * spellings `my_env_var` and `MY_ENV_VAR` of `${my.env.var}`, and `${env.X}` as the environment variable X.
 */
export function libertyVariable(
  variables: ReadonlyMap<string, LibertyVariable>,
  name: string,
  symbols?: ReadonlyMap<string, LibertyVariable>,
): LibertyVariable | undefined {
  const underscored = name.replace(/[^A-Za-z0-9_]/g, '_');
  return (
    variables.get(name) ??
    variables.get(underscored) ??
    variables.get(underscored.toUpperCase()) ??
    (name.startsWith('env.') ? variables.get(name.slice(4)) : undefined) ??
    symbols?.get(name)
  );
}

/**
 * Liberty's location symbols for the server whose server.xml is in `configDir` (Open Liberty "Directory locations and
 * properties", https://openliberty.io/docs/latest/reference/directory-locations-properties.html): `server.config.dir`,
 * and `server.output.dir`, which is the same directory unless WLP_OUTPUT_DIR moves it; in the layout
 * `<install>/usr/servers/<name>` also `wlp.user.dir` (`<install>/usr`), `wlp.install.dir` and the shared directories
 * below `usr/shared`. Each ends in a separator, as Liberty's symbols do (SymbolicRootResource), so both
 * `${server.config.dir}tls.xml` and `${server.config.dir}/tls.xml` name a file below it. A variable the configuration
 * sets under the same name wins (the docs: wlp.install.dir "can be set in the server.xml or bootstrap.properties").
 */
export function libertyLocationSymbols(configDir: string): Map<string, LibertyVariable> {
  const symbols = new Map<string, LibertyVariable>();
  const set = (name: string, dir: string) => symbols.set(name, { value: dir + path.sep, from: configDir });
  set('server.config.dir', configDir);
  set('server.output.dir', configDir);
  const servers = path.dirname(configDir);
  const user = path.dirname(servers);
  if (path.basename(servers) === 'servers' && path.basename(user) === 'usr') {
    set('wlp.user.dir', user);
    set('wlp.install.dir', path.dirname(user));
    set('shared.config.dir', path.join(user, 'shared', 'config'));
    set('shared.resource.dir', path.join(user, 'shared', 'resources'));
    set('shared.app.dir', path.join(user, 'shared', 'apps'));
  }
  return symbols;
}

/** A value with its `${…}` parts resolved: the value when every part is known, the variables used, and the unknown names. */
export interface ResolvedLibertyValue {
  value?: string;
  used: Array<{ name: string; variable: LibertyVariable }>;
  unknown: string[];
}

/**
 * Resolves `${var}` parts (nested variables too, a few levels deep: a variable's value may name another, Open Liberty
 * "Variable substitution"), then `symbols` (libertyLocationSymbols); `value` is undefined when a part stays unknown.
 */
export function resolveLibertyValue(
  variables: ReadonlyMap<string, LibertyVariable>,
  text: string,
  symbols?: ReadonlyMap<string, LibertyVariable>,
): ResolvedLibertyValue {
  const used: ResolvedLibertyValue['used'] = [];
  const unknown: string[] = [];
  let value = text;
  for (let depth = 0; depth < 5 && /\$\{[^}]+\}/.test(value); depth++) {
    value = value.replace(VARIABLE, (all, name: string) => {
      const variable = libertyVariable(variables, name, symbols);
      if (!variable) {
        if (!unknown.includes(name)) unknown.push(name);
        return all;
      }
      used.push({ name, variable });
      return variable.value;
    });
    if (unknown.length) break;
  }
  return { value: unknown.length || /\$\{[^}]+\}/.test(value) ? undefined : value, used, unknown };
}

/**
 * The variables set outside the XML, lowest precedence first (Open Liberty "Variable substitution"):
 * the environment (server.env), bootstrap.properties, then files of the `variables/` directory beside
 * server.xml (the default VARIABLE_SOURCE_DIRS: each file's name is a variable, its content the value).
 */
export function baseVariables(documents: ParsedDocument[], configDir: string): Map<string, LibertyVariable> {
  const variables = new Map<string, LibertyVariable>();
  const beside = (name: string) => {
    const file = path.join(configDir, name);
    return documents.filter((d) => d.file.path === file);
  };
  for (const doc of beside('server.env')) {
    const index = new LineIndex(doc.file.text);
    for (const m of doc.file.text.matchAll(/^[ \t]*(?:export[ \t]+)?([\w.]+)=["']?([^"'\r\n]*)["']?[ \t]*$/gm)) {
      variables.set(m[1]!, {
        value: m[2]!,
        from: doc.file.path,
        location: { file: doc.file.path, range: index.rangeAt(m.index, m.index + m[0].length) },
      });
    }
  }
  for (const doc of beside('bootstrap.properties'))
    for (const entry of doc.entries)
      variables.set(entry.key, { value: entry.value, from: doc.file.path, location: entryLocation(doc, entry) });
  const variablesDir = path.join(configDir, 'variables') + path.sep;
  for (const doc of documents.filter(
    (d) => d.kind === 'liberty.variable-file' && d.file.path.startsWith(variablesDir),
  )) {
    for (const entry of doc.entries)
      variables.set(entry.key, { value: entry.value, from: doc.file.path, location: entryLocation(doc, entry) });
  }
  return variables;
}

/** `<variable value>` wins over everything; `defaultValue` only fills a gap. */
export function setVariables(doc: ParsedDocument<LibertyData>, variables: Map<string, LibertyVariable>): void {
  for (const v of elementsNamed(doc.data.xml, 'variable')) {
    const name = attr(v, 'name')?.value;
    if (!name) continue;
    const value = attr(v, 'value')?.value;
    const fallback = attr(v, 'defaultValue')?.value;
    const location = { file: doc.file.path, range: v.range };
    if (value !== undefined) variables.set(name, { value, from: doc.file.path, location });
    else if (fallback !== undefined && !variables.has(name))
      variables.set(name, { value: fallback, from: doc.file.path, location });
  }
}
