/**
 * The AJP workers mod_jk makes of a workers.properties (../parse/modjk-workers.ts), as mod_jk does
 * (data/tomcat.json ajpFronts.modJk): the workers `worker.list` names, and the members (`balance_workers`) of the load
 * balancers among them; a worker's `reference` brings the referenced worker's attributes it does not set; type, host and
 * port take mod_jk's defaults; a member without a secret takes its load balancer's. Only ajp13/ajp14 workers speak AJP.
 * The map is the one an httpd reads (its JkWorkerProperty lines and its one JkWorkersFile: ./modjk-mounts.ts), or a
 * workers file no httpd configuration of the tree names, whose fronts are marked unread.
 */
import { sha256Hex } from '../core/sha256';
import { relativePosix } from '../core/posix-path';
import type { Location, RelatedLocation } from '../core/types';
import { TOMCAT_AJP_FRONTS } from '../knowledge/tomcat';
import { MODJK_WORKERS_KIND, type JkSetting, type JkWorkersData } from '../parse/modjk-workers';
import type { ParsedDocument } from '../parse/types';
import type { ModelContext } from './contributor';
import type { AjpFront, AjpSecret } from './ajp-records';

const JK = TOMCAT_AJP_FRONTS.modJk;
/** jk_map_resolve_references gives up deeper than this (JK_MAP_RECURSION). */
const MAX_REFERENCE_DEPTH = 20;
const LIST_SEPARATOR = /[\s,]+/;

/** A worker setting and the file it is written in (a workers file, or httpd's configuration for JkWorkerProperty). */
export interface PlacedJkSetting extends JkSetting {
  file: string;
  /** A template fills the value in (a JkWorkerProperty line of a template): not known from the tree. */
  templated?: true;
}

type Attributes = Map<string, PlacedJkSetting>;

/** Each worker's attributes as mod_jk's map holds them: the last line of a unique attribute, lists appended. */
function workerAttributes(settings: readonly PlacedJkSetting[]): {
  workers: Map<string, Attributes>;
  list: string[];
  listWritten: boolean;
} {
  const workers = new Map<string, Attributes>();
  const list: string[] = [];
  let listWritten = false;
  for (const s of settings) {
    if (s.worker === '') {
      listWritten = true;
      list.push(...s.value.split(LIST_SEPARATOR).filter(Boolean));
      continue;
    }
    const own = workers.get(s.worker) ?? new Map<string, PlacedJkSetting>();
    workers.set(s.worker, own);
    const before = own.get(s.attribute);
    own.set(
      s.attribute,
      before && JK.listAttributes.includes(s.attribute) ? { ...s, value: `${before.value},${s.value}` } : s,
    );
  }
  return { workers, list, listWritten };
}

/** The worker's attributes with those its `reference` (`worker.template`) brings, resolved as mod_jk does. */
function resolved(workers: Map<string, Attributes>, name: string, depth = 0): Attributes {
  const own = workers.get(name) ?? new Map<string, PlacedJkSetting>();
  const reference = own.get('reference')?.value;
  const target = reference?.startsWith('worker.') ? reference.slice('worker.'.length) : undefined;
  if (!target || target === name || depth >= MAX_REFERENCE_DEPTH) return own;
  const inherited = resolved(workers, target, depth + 1);
  return new Map([...inherited, ...own]);
}

const at = (s: PlacedJkSetting, part: 'key' | 'value' = 'value'): Location => ({
  file: s.file,
  range: part === 'key' ? s.keyRange : s.valueRange,
});

/** A value the tree does not settle: the environment httpd starts with, or a template. */
const unsettled = (s: PlacedJkSetting | undefined) => s?.fromEnvironment === true || s?.templated === true;

function secretOf(setting: PlacedJkSetting | undefined, via?: Location): AjpSecret {
  if (!setting) return { state: 'none' };
  if (unsettled(setting))
    return {
      state: 'unknown',
      at: at(setting),
      why: setting.templated
        ? 'a template fills its value in'
        : 'its value comes from the environment httpd starts with',
    };
  return { state: 'set', digest: sha256Hex(setting.value), at: at(setting), ...(via ? { via } : {}) };
}

/** Where the worker map comes from: named in the fronts, and whether an httpd configuration of the tree reads it. */
export interface JkMapSource {
  /** The workers file, or the httpd configuration whose JkWorkerProperty lines make the map (relative path). */
  label: string;
  /** No httpd configuration of the tree names this workers file (JkWorkersFile): which httpd reads it is not known. */
  unread?: true;
  /** mod_jk's default worker list when no `worker.list` is written: only for a map httpd is known to read whole. */
  defaultList?: boolean;
  /** What makes httpd read the map (the JkWorkersFile line, what puts the file there). */
  readBy?: RelatedLocation[];
}

/** The ajp13/ajp14 workers a worker property map makes (in mod_jk's order), as fronts of the Tomcat they reach. */
export function jkFrontsOf(settings: readonly PlacedJkSetting[], source: JkMapSource): AjpFront[] {
  const { workers, list, listWritten } = workerAttributes(settings);
  const listed = listWritten || !source.defaultList ? list : [JK.mounts.defaultWorkerList];
  const fronts: AjpFront[] = [];
  const seen = new Set<string>();
  const add = (name: string, lbSecret?: PlacedJkSetting) => {
    if (seen.has(name)) return;
    seen.add(name);
    const attributes = resolved(workers, name);
    const type = attributes.get('type')?.value.toLowerCase() ?? JK.defaultType;
    if (type === 'lb') {
      const members = (attributes.get('balance_workers') ?? attributes.get('balanced_workers'))?.value ?? '';
      for (const member of members.split(LIST_SEPARATOR).filter(Boolean)) add(member, attributes.get('secret'));
      return;
    }
    if (!JK.ajpTypes.includes(type)) return;
    const host = attributes.get('host');
    const port = attributes.get('port');
    // A host or port the environment (or a template) gives: the worker's target is not known.
    if (unsettled(host) || unsettled(port)) return;
    const portNumber = port ? Number(port.value) : JK.defaultPort;
    if (!Number.isInteger(portNumber)) return;
    const own = attributes.get('secret');
    const first = (workers.get(name) ?? attributes).values().next().value;
    // A worker nothing sets (mod_jk's default ajp13): no line of its own; the list's is where it comes from.
    const listLine = settings.find((s) => s.worker === '');
    fronts.push({
      name: `mod_jk worker ${name} (${source.label})`,
      module: 'mod_jk',
      at: first ? at(first, 'key') : listLine ? at(listLine, 'key') : { file: settings[0]?.file ?? '' },
      host: (host?.value ?? JK.defaultHost).toLowerCase(),
      ...(host ? { hostAt: at(host) } : {}),
      port: portNumber,
      ...(port ? { portAt: at(port) } : {}),
      secret: own ? secretOf(own) : lbSecret ? secretOf(lbSecret, at(lbSecret)) : { state: 'none' },
      ...(source.unread ? { unread: true as const } : {}),
      ...(source.readBy?.length ? { readBy: source.readBy } : {}),
    });
  };
  for (const name of listed) add(name);
  return fronts;
}

/**
 * The workers of the workers files no httpd configuration of the tree names (src/model/modjk-mounts.ts records those it
 * does, with the JkWorkerProperty lines, as `jkFronts`): fronts whose httpd is not known.
 */
export function unreadJkFronts(ctx: ModelContext): AjpFront[] {
  const read = new Set(ctx.deployment.jkWorkersFilesRead ?? []);
  return (ctx.documentsOf(MODJK_WORKERS_KIND) as ParsedDocument<JkWorkersData>[])
    .filter((doc) => !read.has(doc.file.path))
    .flatMap((doc) =>
      jkFrontsOf(
        doc.data.settings.map((s) => ({ ...s, file: doc.file.path })),
        { label: relativePosix(ctx.deployment.root, doc.file.path), unread: true },
      ),
    );
}
