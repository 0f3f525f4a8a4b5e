/**
 * The AJP workers mod_jk makes of a workers.properties (../parse/modjk-workers.ts), as mod_jk does
 * (data/tomcat.json ajpFronts.modJk): the workers `worker.list` names, and the members (`balance_workers`) of the load
 * balancers among them; a worker's `reference` brings the referenced worker's attributes it does not set; type, host and
 * port take mod_jk's defaults; a member without a secret takes its load balancer's. Only ajp13/ajp14 workers speak AJP.
 */
import { sha256Hex } from '../core/sha256';
import { relativePosix } from '../core/posix-path';
import type { Location } from '../core/types';
import { TOMCAT_AJP_FRONTS } from '../knowledge/tomcat';
import type { JkSetting, JkWorkersData } from '../parse/modjk-workers';
import type { ParsedDocument } from '../parse/types';
import type { ModelContext } from './contributor';
import type { AjpFront, AjpSecret } from './deployment-records';

const JK = TOMCAT_AJP_FRONTS.modJk;
/** jk_map_resolve_references gives up deeper than this (JK_MAP_RECURSION). */
const MAX_REFERENCE_DEPTH = 20;
const LIST_SEPARATOR = /[\s,]+/;

type Attributes = Map<string, JkSetting>;

/** Each worker's attributes as mod_jk's map holds them: the last line of a unique attribute, lists appended. */
function workerAttributes(settings: readonly JkSetting[]): { workers: Map<string, Attributes>; list: string[] } {
  const workers = new Map<string, Attributes>();
  const list: string[] = [];
  for (const s of settings) {
    if (s.worker === '') {
      list.push(...s.value.split(LIST_SEPARATOR).filter(Boolean));
      continue;
    }
    const own = workers.get(s.worker) ?? new Map<string, JkSetting>();
    workers.set(s.worker, own);
    const before = own.get(s.attribute);
    own.set(
      s.attribute,
      before && JK.listAttributes.includes(s.attribute) ? { ...s, value: `${before.value},${s.value}` } : s,
    );
  }
  return { workers, list };
}

/** The worker's attributes with those its `reference` (`worker.template`) brings, resolved as mod_jk does. */
function resolved(workers: Map<string, Attributes>, name: string, depth = 0): Attributes {
  const own = workers.get(name) ?? new Map<string, JkSetting>();
  const reference = own.get('reference')?.value;
  const target = reference?.startsWith('worker.') ? reference.slice('worker.'.length) : undefined;
  if (!target || target === name || depth >= MAX_REFERENCE_DEPTH) return own;
  const inherited = resolved(workers, target, depth + 1);
  return new Map([...inherited, ...own]);
}

const at = (file: string, s: JkSetting, part: 'key' | 'value' = 'value'): Location => ({
  file,
  range: part === 'key' ? s.keyRange : s.valueRange,
});

function secretOf(file: string, setting: JkSetting | undefined, via?: Location): AjpSecret {
  if (!setting) return { state: 'none' };
  if (setting.fromEnvironment)
    return { state: 'unknown', at: at(file, setting), why: 'its value comes from the environment httpd starts with' };
  return { state: 'set', digest: sha256Hex(setting.value), at: at(file, setting), ...(via ? { via } : {}) };
}

/** The ajp13/ajp14 workers one workers.properties makes, as fronts of the Tomcat they reach. */
export function jkFrontsOf(doc: ParsedDocument<JkWorkersData>, root: string): AjpFront[] {
  const file = doc.file.path;
  const { workers, list } = workerAttributes(doc.data.settings);
  const relative = relativePosix(root, file);
  const fronts: AjpFront[] = [];
  const seen = new Set<string>();
  const add = (name: string, lbSecret?: JkSetting) => {
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
    // A host or port the environment gives: the worker's target is not known.
    if (host?.fromEnvironment || port?.fromEnvironment) return;
    const portNumber = port ? Number(port.value) : JK.defaultPort;
    if (!Number.isInteger(portNumber)) return;
    const own = attributes.get('secret');
    const first = (workers.get(name) ?? attributes).values().next().value;
    fronts.push({
      name: `mod_jk worker ${name} (${relative})`,
      module: 'mod_jk',
      at: first ? at(file, first, 'key') : { file },
      host: (host?.value ?? JK.defaultHost).toLowerCase(),
      ...(host ? { hostAt: at(file, host) } : {}),
      port: portNumber,
      ...(port ? { portAt: at(file, port) } : {}),
      secret: own ? secretOf(file, own) : lbSecret ? secretOf(file, lbSecret, at(file, lbSecret)) : { state: 'none' },
    });
  };
  for (const name of list) add(name);
  return fronts;
}

/** Every mod_jk worker of the deployment's workers files. */
export function modjkFronts(ctx: ModelContext): AjpFront[] {
  return (ctx.documentsOf('modjk.workers') as ParsedDocument<JkWorkersData>[]).flatMap((doc) =>
    jkFrontsOf(doc, ctx.deployment.root),
  );
}
