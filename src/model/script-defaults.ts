/**
 * A script's defaults (`${CIPHER:-TLS_…}`, `CIPHER="${CIPHER:-TLS_…}"`) are the values it runs with unless its
 * environment sets the variable (bash(1) "Parameter Expansion": "If parameter is unset or null, the expansion of word
 * is substituted"). The parser puts them in (src/parse/shell-assignments.ts); where an image (`ENV`) or a Compose
 * service (`environment:` or an env file, as Compose reads them: ./compose-variables.ts) of the deployment sets the
 * same name, the script may run with that value instead, so a value
 * written there is known only when the script runs.
 */
import type { Range } from '../core/types';
import type { ComposeData } from '../parse/compose';
import type { ParsedDocument } from '../parse/types';
import { composeVariablesOf } from './compose-variables';
import type { ModelContext } from './contributor';

/** The names the deployment's Dockerfiles (`ENV`) and Compose services (`environment:`, env files) set. */
export function environmentNames(ctx: ModelContext): Set<string> {
  const names = new Set<string>();
  for (const d of ctx.documentsOf('dockerfile')) for (const e of d.entries) if (e.section === 'ENV') names.add(e.key);
  for (const c of ctx.documentsOf('compose') as ParsedDocument<ComposeData>[])
    for (const service of c.data.services)
      for (const name of composeVariablesOf(ctx, c, service).variables.keys()) names.add(name);
  return names;
}

/** Where the embedded document's text holds a default of a variable the environment sets (`names`, read on demand). */
export function defaultsOverridden(doc: ParsedDocument, names: () => ReadonlySet<string>): Range[] {
  const defaults = doc.embedded?.defaults ?? [];
  return defaults.length === 0 ? [] : defaults.filter((d) => names().has(d.name)).map((d) => d.range);
}

/** Whether two ranges share a character. */
export const overlaps = (a: Range, b: Range): boolean =>
  a.start.line <= b.end.line &&
  b.start.line <= a.end.line &&
  !(a.end.line === b.start.line && a.end.character <= b.start.character) &&
  !(b.end.line === a.start.line && b.end.character <= a.start.character);
