/**
 * mod_jk's worker map as one httpd configuration builds it, its AJP fronts, and its mounts (`JkMount` lines, the lines
 * of the mount file `JkMountFile` names) with the worker each names, against the workers mod_jk really has (data/tomcat.json
 * ajpFronts.modJk.mounts; tomcat-connectors JK_1_2_50 native/apache-2.0/mod_jk.c): the `JkWorkerProperty` lines and the
 * one `JkWorkersFile` (relative to the ServerRoot, no default file) fill one property map, whose `worker.list` (default
 * `ajp13`) names the workers of the worker map. A balancer's members are not in it. A request a mount sends to a worker
 * the map does not hold gets a 500. Nothing is said when the tree does not settle the map: a workers file it does not
 * hold, a list from the environment, an Include it cannot follow.
 */
import * as path from 'node:path';
import type { Location, RelatedLocation } from '../core/types';
import { TOMCAT_AJP_FRONTS } from '../knowledge/tomcat';
import { parseJkWorkers, type JkSetting, type JkWorkersData } from '../parse/modjk-workers';
import type { ParsedDocument } from '../parse/types';
import type { HttpdData } from '../parse/httpd';
import { heldUnder, leavesNothingOpen } from './httpd-mains';
import type { HttpdPlaced } from './httpd-tls';
import type { JkMountUnknownWorker } from './attributes-httpd';
import type { AjpFront } from './ajp-records';
import { jkFrontsOf, type PlacedJkSetting } from './modjk-workers';
import { relativePosix } from '../core/posix-path';
import { jkFileOf, PLACEHOLDER, type JkInputs } from './modjk-paths';
import { packageWorkersFile } from './modjk-package';

const JK = TOMCAT_AJP_FRONTS.modJk;
const LIST_SEPARATOR = /[\s,]+/;

/** Where a JkMount is written: its server (the main one, or a virtual host) and its `<Location>`, if any. */
interface JkMountLine {
  placed: HttpdPlaced;
  vhost?: HttpdPlaced;
  inLocation: boolean;
}

export interface Gathered {
  workersFiles: HttpdPlaced[];
  /** The JkMountFile lines, each with its server (a server keeps its last). */
  mountFiles: { placed: HttpdPlaced; vhost?: HttpdPlaced }[];
  properties: HttpdPlaced[];
  mountLines: JkMountLine[];
  vhosts: HttpdPlaced[];
  /** `JkMountCopy All` in the main server, or `JkMountCopy On` in a virtual host: main-server mounts reach it. */
  mountCopy: boolean;
}

function gather(top: readonly HttpdPlaced[]): Gathered {
  const g: Gathered = {
    workersFiles: [],
    mountFiles: [],
    properties: [],
    mountLines: [],
    vhosts: [],
    mountCopy: false,
  };
  const walk = (list: readonly HttpdPlaced[], vhost: HttpdPlaced | undefined, inLocation: boolean) => {
    for (const p of list) {
      const key = p.directive.key;
      if (p.block) {
        if (key === 'virtualhost') g.vhosts.push(p);
        walk(p.block, key === 'virtualhost' ? p : vhost, inLocation || key === 'location' || key === 'locationmatch');
        continue;
      }
      if (key === 'jkworkersfile') g.workersFiles.push(p);
      else if (key === 'jkworkerproperty') g.properties.push(p);
      else if (key === 'jkmountfile') {
        // One mount file a server (conf->mount_file): a later line replaces the earlier.
        g.mountFiles = g.mountFiles.filter((m) => m.vhost !== vhost);
        g.mountFiles.push({ placed: p, ...(vhost ? { vhost } : {}) });
      } else if (key === 'jkmount') g.mountLines.push({ placed: p, ...(vhost ? { vhost } : {}), inLocation });
      else if (key === 'jkmountcopy') {
        const value = p.directive.args[0]?.value.toLowerCase() ?? '';
        if (vhost ? value !== 'off' : value === 'all') g.mountCopy = true;
      }
    }
  };
  walk(top, undefined, false);
  return g;
}

/** The worker map's names as mod_jk builds it from the properties, or undefined when the environment gives the list. */
export function workerNames(
  settings: readonly JkSetting[],
): { listed: string[]; members: Map<string, string> } | undefined {
  const listLines = settings.filter((s) => s.worker === '' && s.attribute === 'list');
  if (listLines.some((s) => s.fromEnvironment)) return undefined;
  const written = listLines.flatMap((s) => s.value.split(LIST_SEPARATOR).filter(Boolean));
  const listed = listLines.length > 0 ? written : [JK.mounts.defaultWorkerList];
  // The members of the balancers listed: mounting one is a common slip, said so in the message.
  const members = new Map<string, string>();
  for (const lb of listed)
    for (const s of settings)
      if (s.worker === lb && (s.attribute === 'balance_workers' || s.attribute === 'balanced_workers'))
        for (const m of s.value.split(LIST_SEPARATOR).filter(Boolean)) members.set(m, lb);
  return { listed, members };
}

/** The settings of the `JkWorkerProperty` lines, in order (their locations: the lines). */
function propertySettings(lines: readonly HttpdPlaced[]): { settings: JkSetting[]; at: Location[] } {
  const settings: JkSetting[] = [];
  const at: Location[] = [];
  for (const p of lines) {
    const parsed = parseJkWorkers(p.directive.args.map((a) => a.value).join(' ')).data.settings;
    for (const s of parsed) {
      settings.push(s);
      at.push({ file: p.file, range: p.directive.range });
    }
  }
  return { settings, at };
}

/** The worker property map one httpd configuration makes: its JkWorkerProperty lines, then its one JkWorkersFile. */
export interface JkWorkerMap {
  gathered: Gathered;
  /** An Include the tree does not hold, or an `<IfDefine>` body a `-D` flag may read: more lines may be there. */
  open: boolean;
  fileLine?: HttpdPlaced;
  workersFile?: ParsedDocument<JkWorkersData>;
  /** What puts the workers file where the JkWorkersFile names it (a Compose mount, a COPY). */
  by?: Location;
  /** No JkWorkersFile line: the package's jk.conf names the file (what installs it, what puts the file there). */
  packaged?: RelatedLocation[];
  properties: { settings: JkSetting[]; at: Location[] };
}

/** The worker map of one configuration httpd starts from, and the workers files its JkWorkersFile lines name. */
export interface JkWorkerMapRead {
  named: string[];
  map?: JkWorkerMap;
}

/**
 * The worker map of one configuration httpd starts from (a main configuration with its includes read, or a file no
 * main of the tree includes that sets its own JkWorkersFile), and the workers files its JkWorkersFile lines name; no
 * map when the tree does not settle it.
 */
export function jkWorkerMapOf(
  top: readonly HttpdPlaced[],
  main: ParsedDocument<HttpdData> | undefined,
  inputs: JkInputs,
): JkWorkerMapRead {
  const gathered = gather(top);
  const found = gathered.workersFiles.map((line) => jkFileOf(line, main, inputs, inputs.workers));
  const named = found.flatMap((f) => (typeof f === 'string' ? [] : [f.doc.file.path]));
  const open = !main || !leavesNothingOpen([...top], heldUnder(main, inputs.listed));
  // Twice is a syntax error ("JkWorkersFile only allowed once"): httpd does not start.
  if (gathered.workersFiles.length > 1) return { named };
  const [fileLine] = gathered.workersFiles;
  const [resolved] = found;
  // Without a JkWorkersFile line, the one the installed package's jk.conf writes (Debian, Ubuntu), if any.
  const packaged = fileLine ? undefined : packageWorkersFile(top, inputs);
  // Without a JkWorkersFile, the map is the JkWorkerProperty lines alone: only when the configuration is all read.
  if ((!fileLine && !packaged && open) || typeof resolved === 'string') return { named };
  const properties = propertySettings(gathered.properties);
  return {
    named: packaged ? [packaged.doc.file.path] : named,
    map: {
      gathered,
      open,
      ...(fileLine ? { fileLine } : {}),
      ...(resolved ? { workersFile: resolved.doc, ...(resolved.by ? { by: resolved.by } : {}) } : {}),
      ...(packaged ? { workersFile: packaged.doc, packaged: packaged.readBy } : {}),
      properties,
    },
  };
}

/**
 * The ajp13 workers of the map one httpd configuration reads (its JkWorkerProperty lines, then its JkWorkersFile, in
 * mod_jk's order; `worker.list` defaults to `ajp13` when some Jk line sets the map), and the workers files it names.
 */
export function jkFrontsRead({ named, map }: JkWorkerMapRead, root: string): { named: string[]; fronts: AjpFront[] } {
  if (!map || (!map.workersFile && map.properties.settings.length === 0)) return { named, fronts: [] };
  const fromLines: PlacedJkSetting[] = map.properties.settings.map((s, i) => ({
    ...s,
    file: map.properties.at[i]!.file,
    keyRange: map.properties.at[i]!.range!,
    valueRange: map.properties.at[i]!.range!,
    ...(PLACEHOLDER.test(s.value) ? { templated: true as const } : {}),
  }));
  const file = map.workersFile;
  const fromFile: PlacedJkSetting[] = (file?.data.settings ?? []).map((s) => ({ ...s, file: file!.file.path }));
  const label = relativePosix(root, file?.file.path ?? map.properties.at[0]!.file);
  const readBy: RelatedLocation[] = [
    ...(map.fileLine
      ? [
          {
            file: map.fileLine.file,
            range: map.fileLine.directive.range,
            message: 'httpd reads its mod_jk workers from this file',
          },
        ]
      : []),
    ...(map.by ? [{ ...map.by, message: 'this puts the workers file where JkWorkersFile names it' }] : []),
    ...(map.packaged ?? []),
  ];
  return { named, fronts: jkFrontsOf([...fromLines, ...fromFile], { label, defaultList: !map.open, readBy }) };
}

/** The JkMount lines of one configuration httpd starts from that name a worker mod_jk's worker map does not hold. */
export function jkMountsUnknownWorker(
  map: JkWorkerMap | undefined,
  main: ParsedDocument<HttpdData> | undefined,
  inputs: JkInputs,
): JkMountUnknownWorker[] {
  if (!map || map.gathered.mountLines.length + map.gathered.mountFiles.length === 0) return [];
  const { gathered: g, open, fileLine, workersFile, properties } = map;
  const names = workerNames([...properties.settings, ...(workersFile?.data.settings ?? [])]);
  if (!names) return [];
  const listLine = workersFile?.data.settings.find((s) => s.worker === '' && s.attribute === 'list');
  const defined = new Set((workersFile?.data.settings ?? []).map((s) => s.worker).filter(Boolean));
  const found: JkMountUnknownWorker[] = [];
  for (const { at, uri, worker, vhost, via } of mountsOf(g, main, inputs)) {
    if (worker === '' || PLACEHOLDER.test(worker) || worker.includes('$(') || names.listed.includes(worker)) continue;
    // A main-server mount reaches the virtual hosts only with JkMountCopy: with one of them and none, it maps nothing.
    // A virtual host the tree does not show (no main configuration, an Include it cannot follow) may take its requests.
    const reached = vhost || g.mountCopy ? 'yes' : g.vhosts.length > 0 ? 'no' : open ? 'unknown' : 'yes';
    if (reached === 'no') continue;
    const related: RelatedLocation[] = [];
    if (fileLine)
      related.push({
        file: fileLine.file,
        range: fileLine.directive.range,
        message: `mod_jk reads its workers from ${path.basename(workersFile!.file.path)}`,
      });
    if (map.by) related.push({ ...map.by, message: 'this puts the workers file there' });
    related.push(...(map.packaged ?? []));
    const own = workersFile?.data.settings.find((s) => s.worker === worker);
    if (workersFile)
      related.push({
        file: workersFile.file.path,
        ...(listLine ? { range: listLine.keyRange } : own ? { range: own.keyRange } : {}),
        message: listLine ? `worker.list: ${names.listed.join(', ')}` : 'no worker.list here',
      });
    if (properties.at.length > 0) related.push({ ...properties.at[0]!, message: 'a JkWorkerProperty line' });
    related.push(...via);
    if (main && main.file.path !== (via[0]?.file ?? at.file))
      related.push({ file: main.file.path, message: 'the main configuration, which reads this mount' });
    found.push({
      at,
      ...(via.length > 0 ? { mountFile: true as const } : {}),
      worker,
      ...(uri ? { uri } : {}),
      listed: names.listed,
      ...(names.members.has(worker) ? { memberOf: names.members.get(worker)! } : {}),
      ...(defined.has(worker) ? { definedNotListed: true } : {}),
      ...(listLine || properties.settings.some((s) => s.attribute === 'list') ? {} : { defaultList: true }),
      reached: reached === 'yes',
      related,
    });
  }
  return found;
}

/** A mount that sends requests to a worker: a JkMount line, or a line of the mount file a JkMountFile names. */
interface JkMountOf {
  at: Location;
  uri?: string;
  worker: string;
  vhost?: HttpdPlaced;
  /** For a mount file's line: the JkMountFile line, and what puts the file where it names. */
  via: RelatedLocation[];
}

/** Every mount of the configuration that sends requests to a worker (a mount file's exclusions and disabled lines do not). */
function mountsOf(g: Gathered, main: ParsedDocument<HttpdData> | undefined, inputs: JkInputs): JkMountOf[] {
  const mounts: JkMountOf[] = [];
  for (const { placed, vhost, inLocation } of g.mountLines) {
    const args = placed.directive.args;
    // One argument inside <Location>, two outside: otherwise httpd refuses the line.
    if (args.length !== (inLocation ? 1 : 2)) continue;
    const uri = inLocation ? undefined : args[0]!.value;
    if (uri !== undefined && !uri.startsWith('/')) continue;
    const worker = args.at(-1)!.value.split(';')[0]!;
    mounts.push({
      at: { file: placed.file, range: placed.directive.range },
      ...(uri ? { uri } : {}),
      worker,
      ...(vhost ? { vhost } : {}),
      via: [],
    });
  }
  for (const { placed, vhost } of g.mountFiles) {
    // A mount file the tree does not hold (or one set when httpd starts): its mounts are not known.
    const file = jkFileOf(placed, main, inputs, inputs.uriMaps);
    if (typeof file === 'string') continue;
    const via: RelatedLocation[] = [
      {
        file: placed.file,
        range: placed.directive.range,
        message: `JkMountFile: mod_jk reads these mounts from ${path.basename(file.doc.file.path)}`,
      },
      ...(file.by ? [{ ...file.by, message: 'this puts the mount file there' }] : []),
    ];
    for (const m of file.doc.data.mounts)
      if (!m.disabled && !m.exclusion)
        mounts.push({
          at: { file: file.doc.file.path, range: m.valueRange },
          uri: m.uri,
          worker: m.worker,
          ...(vhost ? { vhost } : {}),
          via,
        });
  }
  return mounts;
}
