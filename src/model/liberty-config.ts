import * as path from 'node:path';
import type { Location, Range } from '../core/types';
import type { Located } from '../parse/mq/xml-values';
import type { LibertyData } from '../parse/liberty';
import type { ParsedDocument } from '../parse/types';
import { attr, elementsNamed, type XmlElement } from '../parse/xml';
import type { ModelContext } from './contributor';
import type { LibertyIncludesMissing } from './types';
import {
  baseVariables,
  libertyLocationSymbols,
  resolveLibertyValue,
  setVariables,
  VARIABLE,
  type LibertyVariable,
} from '../parse/liberty-variable-values';
import { posixPath } from '../core/posix-path';

/** A `${…}` part (VARIABLE is global, so its test() would keep state). */
const HOLDS_VARIABLE = /\$\{[^}]+\}/;

/**
 * A Liberty server's configuration as the server assembles it: `configDropins/defaults/*.xml`, the
 * root `server.xml` with its `<include>`s in place (relative to the including file, or through
 * `${server.config.dir}` and variables), then `configDropins/overrides/*.xml`. Variables follow
 * Liberty's precedence (IBM docs "Using variables in configuration files", Open Liberty runtime guide
 * "Variable substitution"): `<variable value>` over bootstrap.properties over the environment
 * (server.env) over `<variable defaultValue>`. An include whose location still holds an unknown
 * variable is not active: the files it could name are alternatives, never linted as the server's.
 */
export interface LibertyServerConfig {
  root: ParsedDocument<LibertyData>;
  /** Every document of the configuration in the order Liberty merges them. */
  documents: ParsedDocument<LibertyData>[];
  /** The root's data with every document's elements, `<ssl>`, keystores and variables merged. */
  data: LibertyData;
  /** The file each merged element comes from. */
  fileOf: (element: XmlElement) => string;
  /** The file an attribute of a merged `<ssl>`/`<keyStore>` comes from (a merge combines several files' attributes). */
  fileOfAttribute: (attribute: Located) => string | undefined;
  /** How each variable was resolved: value and where it was set. */
  variables: Map<string, LibertyVariable>;
  /** Includes whose location depends on a variable nothing sets: the files they may name are not active. */
  unresolvedIncludes: Array<{ location: Location; written: string; candidates: string[] }>;
  /**
   * Includes of a file the tree does not hold (`optional` as written: Liberty's default is false). `keys`: the
   * ConfigMap keys of the tree named like it when there are several (which one a pod mounts is unknown).
   */
  missingIncludes: LibertyIncludesMissing['includes'];
}

/** The deployment's Liberty servers, assembled once per model build (three contributors read them). */
export function libertyServersOf(ctx: Pick<ModelContext, 'deployment' | 'once'>): LibertyServerConfig[] {
  return ctx.once('libertyServers', () => libertyServers(ctx.deployment.documents));
}

/**
 * Each Liberty server's includes of files the tree does not hold: kept by the model on the deployment (one assembly
 * of the servers per deployment, shared with the contributors), assembled here for a deployment built without it.
 */
export function libertyIncludesMissing(deployment: {
  documents: ParsedDocument[];
  libertyIncludesMissing?: LibertyIncludesMissing[];
}): LibertyIncludesMissing[] {
  return deployment.libertyIncludesMissing ?? includesMissingOf(libertyServers(deployment.documents));
}

export function includesMissingOf(servers: readonly LibertyServerConfig[]): LibertyIncludesMissing[] {
  return servers.map((server) => ({ serverXml: server.root.file.path, includes: server.missingIncludes }));
}

export function libertyServers(documents: ParsedDocument[]): LibertyServerConfig[] {
  const libertyDocs = documents.filter((d) => d.kind === 'liberty.server-xml') as ParsedDocument<LibertyData>[];
  const byPath = new Map(libertyDocs.map((d) => [d.file.path, d]));
  const included = new Set<string>();
  // ConfigMap keys are files where the pod mounts them: a ConfigMap's server.xml includes its siblings by key.
  const includedKeys = new Set<ParsedDocument<LibertyData>>();
  const keysNamed = (name: string) => libertyDocs.filter((d) => d.embedded?.name === name);
  const assemble = (root: ParsedDocument<LibertyData>): LibertyServerConfig => {
    const configDir = path.dirname(root.file.path);
    const variables = baseVariables(documents, configDir);
    const symbols = libertyLocationSymbols(configDir);
    const inDir = (sub: string) => {
      const dir = path.join(configDir, 'configDropins', sub);
      return libertyDocs.filter((d) => path.dirname(d.file.path) === dir).sort(byLowerCaseName);
    };
    const ordered: ParsedDocument<LibertyData>[] = [];
    const unresolvedIncludes: LibertyServerConfig['unresolvedIncludes'] = [];
    const includesOf = new Map<ParsedDocument<LibertyData>, IncludeEdge[]>();
    const missingIncludes: LibertyServerConfig['missingIncludes'] = [];
    const visit = (doc: ParsedDocument<LibertyData>, depth: number) => {
      if (ordered.includes(doc) || depth > 20) return;
      ordered.push(doc);
      setVariables(doc, variables);
      for (const include of elementsNamed(doc.data.xml, 'include')) {
        const written = attr(include, 'location')?.value;
        if (!written) continue;
        // Liberty's own directories in place (a variable of the configuration named like one wins); what is left
        // are the configuration's variables. Every file a variable part could name is an alternative, never a server
        // of its own (`includes/${AUTH_TYPE}.xml`: basic.xml, ldap.xml, oidc.xml…), even when a default picks one.
        // The files of this server already read (the including file itself: `${ENV}.xml` beside server.xml) are no
        // alternatives.
        const located = written.replace(VARIABLE, (all, name: string) =>
          variables.has(name) ? all : (symbols.get(name)?.value ?? all),
        );
        const candidates = HOLDS_VARIABLE.test(located)
          ? alternatives(located, doc.file.path, libertyDocs).filter((c) => !ordered.some((o) => o.file.path === c))
          : [];
        for (const c of candidates) included.add(c);
        // A variable's value may name another (`${tls.dir}` set to `${server.config.dir}/tls`): resolved to the end.
        const resolved = resolveLibertyValue(variables, written, symbols).value;
        if (resolved === undefined) {
          unresolvedIncludes.push({ location: { file: doc.file.path, range: include.range }, written, candidates });
          continue;
        }
        // path.resolve also folds the double separator of `${server.config.dir}/x` (the symbol ends in one).
        const absolute = path.resolve(path.dirname(doc.file.path), resolved);
        const keys = doc.embedded && !byPath.has(absolute) ? keysNamed(path.basename(absolute)) : [];
        const target = byPath.get(absolute) ?? (keys.length === 1 ? keys[0] : undefined);
        const onConflict = mergeMode(attr(include, 'onConflict')?.value);
        const edge = (to: ParsedDocument<LibertyData>) => {
          includesOf.set(doc, [...(includesOf.get(doc) ?? []), { at: include.range, target: to, onConflict }]);
          visit(to, depth + 1);
        };
        if (!target) {
          // An include of a URL or of a file the tree does not hold (or holds but does not read as Liberty's).
          if (!/^[a-z]+:\/\//i.test(resolved) && !documents.some((d) => d.file.path === absolute)) {
            const directoryDocs = libertyDocs.filter((d) => path.dirname(d.file.path) === absolute);
            for (const d of directoryDocs) included.add(d.file.path);
            // A location ending in '/' names a directory: Liberty 23.0.0.10 and later include its `.xml` files (not
            // its subdirectories) in place, in the order of their lower-cased names, each with the include's
            // onConflict (XMLConfigParser.parseInclude/getChildXMLFiles/AlphaComparator). Without the '/', Liberty
            // resolves the location as a file, and a directory there is not read (the rule says so).
            if (directoryDocs.length > 0 && /[\\/]$/.test(resolved)) {
              const xmlFiles = directoryDocs.filter((d) => /\.xml$/i.test(d.file.path));
              for (const d of xmlFiles.sort(byLowerCaseName)) edge(d);
              continue;
            }
            const directoryFiles = directoryDocs.map((d) => d.file.path);
            missingIncludes.push({
              ...(directoryFiles.length > 0 && { directoryFiles }),
              location: { file: doc.file.path, range: include.range },
              written,
              resolved: absolute,
              optional: attr(include, 'optional')?.value.trim().toLowerCase() === 'true',
              keys: keys.length > 1 ? keys.map((k) => ({ file: k.file.path, key: k.embedded?.name ?? '' })) : undefined,
            });
          }
          continue;
        }
        if (target.embedded) includedKeys.add(target);
        else included.add(target.file.path);
        edge(target);
      }
    };
    for (const d of inDir('defaults')) visit(d, 0);
    visit(root, 0);
    for (const d of inDir('overrides')) visit(d, 0);
    for (const d of [...inDir('defaults'), ...inDir('overrides')]) included.add(d.file.path);
    const tops = [...inDir('defaults'), root, ...inDir('overrides')];
    return {
      ...merge(root, ordered, variables, unresolvedIncludes, (pick) => mergedById(tops, includesOf, pick)),
      missingIncludes,
    };
  };
  const roots = libertyDocs.filter(
    (d) => !/[\\/]configDropins[\\/](defaults|overrides)$/.test(path.dirname(d.file.path)),
  );
  const configs = roots.map(assemble);
  return configs.filter((c) => !included.has(c.root.file.path) && !includedKeys.has(c.root));
}

/** An include's `onConflict` as Liberty reads it (any other value: MERGE, with a warning). */
function mergeMode(written: string | undefined): IncludeEdge['onConflict'] {
  const mode = (written ?? 'MERGE').toUpperCase();
  return mode === 'REPLACE' || mode === 'IGNORE' ? mode : 'MERGE';
}

/**
 * Liberty's order of a directory's configuration files (configDropins, a directory include): by name, lower-cased, then
 * compared as Java's String.compareTo does, UTF-16 unit by unit (Open Liberty's AlphaComparator; the docs' "file names
 * are converted to lowercase before sorting alphabetically"). A locale's collation orders `a_tls.xml` before
 * `a-tls.xml`; Liberty the other way round.
 */
const byLowerCaseName = (a: ParsedDocument, b: ParsedDocument) => {
  const [x, y] = [path.basename(a.file.path).toLowerCase(), path.basename(b.file.path).toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
};

/** The Liberty files a location with `${…}` parts could name (each part as `*`). */
function alternatives(location: string, from: string, libertyDocs: ParsedDocument<LibertyData>[]): string[] {
  const absolute = path.resolve(path.dirname(from), location);
  // Required here, on the one path that needs it (a chunk of its own: docs/performance.md).
  const picomatch = require('picomatch') as typeof import('picomatch');
  const match = picomatch(posixPath(absolute.replace(VARIABLE, '*')));
  return libertyDocs.filter((d) => match(posixPath(d.file.path))).map((d) => d.file.path);
}

/** An `<include>` that names a file of the tree: where it is, the file, and how conflicts with it resolve. */
interface IncludeEdge {
  at: Range;
  target: ParsedDocument<LibertyData>;
  onConflict: 'MERGE' | 'REPLACE' | 'IGNORE';
}

const before = (a: Range, b: Range) =>
  a.start.line < b.start.line || (a.start.line === b.start.line && a.start.character < b.start.character);

/**
 * Elements with an `id` (`<ssl id=…>`, `<keyStore id=…>`) as Liberty resolves several definitions of one id:
 * in processing order (an included file's elements at the place of its `<include>`; configDropins/defaults
 * first, overrides last), a later definition merges over the earlier one (its attributes win), or replaces it
 * (`onConflict="REPLACE"`), or is ignored (`onConflict="IGNORE"`). Elements without an id are all kept.
 */
function mergedById<T extends { element: XmlElement; attrs: Partial<Record<string, Located>> }>(
  tops: ParsedDocument<LibertyData>[],
  includesOf: ReadonlyMap<ParsedDocument<LibertyData>, IncludeEdge[]>,
  pick: (d: LibertyData) => T[],
): T[] {
  const sequence: Array<{ item: T; mode: IncludeEdge['onConflict'] }> = [];
  const seen = new Set<ParsedDocument<LibertyData>>();
  const walk = (doc: ParsedDocument<LibertyData>, mode: IncludeEdge['onConflict']) => {
    if (seen.has(doc)) return;
    seen.add(doc);
    const includes = [...(includesOf.get(doc) ?? [])];
    for (const item of pick(doc.data)) {
      while (includes.length && before((includes[0] as IncludeEdge).at, item.element.range)) {
        const edge = includes.shift() as IncludeEdge;
        walk(edge.target, edge.onConflict);
      }
      sequence.push({ item, mode });
    }
    for (const edge of includes) walk(edge.target, edge.onConflict);
  };
  for (const doc of tops) walk(doc, 'MERGE');
  const out: T[] = [];
  const modes: IncludeEdge['onConflict'][] = [];
  const byId = new Map<string, number>();
  for (const { item, mode } of sequence) {
    const id = item.attrs.id?.value;
    const at = id === undefined ? undefined : byId.get(id);
    if (id === undefined || at === undefined) {
      if (id !== undefined) byId.set(id, out.length);
      out.push(item);
      modes.push(mode);
      continue;
    }
    // REPLACE: the included file's element wins whole; IGNORE: it is dropped; MERGE: the later attribute wins.
    const earlier = modes[at];
    if (mode === 'IGNORE' || (mode === 'MERGE' && earlier === 'REPLACE')) continue;
    if (mode === 'REPLACE' || earlier === 'IGNORE') out[at] = item;
    else out[at] = { ...item, attrs: { ...(out[at] as T).attrs, ...item.attrs } };
    modes[at] = mode;
  }
  return out;
}

function merge(
  root: ParsedDocument<LibertyData>,
  ordered: ParsedDocument<LibertyData>[],
  variables: LibertyServerConfig['variables'],
  unresolvedIncludes: LibertyServerConfig['unresolvedIncludes'],
  byId: <T extends { element: XmlElement; attrs: Partial<Record<string, Located>> }>(
    pick: (d: LibertyData) => T[],
  ) => T[],
): Omit<LibertyServerConfig, 'missingIncludes'> {
  const files = new Map<XmlElement, string>();
  for (const doc of ordered) for (const e of doc.data.xml.elements) files.set(e, doc.file.path);
  const all = (pick: (d: LibertyData) => unknown[]) => ordered.flatMap((d) => pick(d.data));
  const data: LibertyData = {
    ...root.data,
    xml: { root: root.data.xml.root, elements: all((d) => d.xml.elements) as XmlElement[] },
    ssl: byId((d) => d.ssl),
    keyStores: byId((d) => d.keyStores),
    connectionFactories: all((d) => d.connectionFactories) as LibertyData['connectionFactories'],
    sslDefault: [...ordered].reverse().find((d) => d.data.sslDefault)?.data.sslDefault,
    variables: Object.fromEntries([...variables].map(([k, v]) => [k, v.value])),
    features: all((d) => d.features) as string[],
  };
  const attributeFiles = new Map<Located, string>();
  for (const doc of ordered)
    for (const item of [...doc.data.ssl, ...doc.data.keyStores])
      for (const l of Object.values(item.attrs)) if (l) attributeFiles.set(l, doc.file.path);
  return {
    root,
    documents: ordered,
    data,
    fileOf: (e) => files.get(e) ?? root.file.path,
    fileOfAttribute: (l) => attributeFiles.get(l),
    variables,
    unresolvedIncludes,
  };
}
