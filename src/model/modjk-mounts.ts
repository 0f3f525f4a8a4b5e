/**
 * mod_jk's `JkMount` lines and the worker each names, against the workers mod_jk really has (data/tomcat.json
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
import type { ImageFiles } from '../parse/image-files';
import { treeFileInContainer, type TreeMount } from './compose-mounts';
import { heldUnder, leavesNothingOpen, serverRootOf } from './httpd-mains';
import type { ListedFiles } from './listed-files';
import type { HttpdPlaced } from './httpd-tls';
import type { JkMountUnknownWorker } from './attributes-httpd';
import type { AjpFront } from './deployment-records';
import { jkFrontsOf, type PlacedJkSetting } from './modjk-workers';
import { relativePosix } from '../core/posix-path';

const JK = TOMCAT_AJP_FRONTS.modJk;
const LIST_SEPARATOR = /[\s,]+/;
/** A value a template or httpd's `Define` fills in: not known from the tree. */
const PLACEHOLDER = /\$\{|\{\{|\{%|<%|@[A-Z_]+@/;

/** What the model reads the workers with: the tree's workers files, and where images and Compose put files. */
export interface JkInputs {
  workers: readonly ParsedDocument<JkWorkersData>[];
  images: ImageFiles;
  mounts: TreeMount[];
  /** The tree's files, read or not: an Include of a file the tree holds leaves nothing open. */
  listed: ListedFiles;
}

/** Where a JkMount is written: its server (the main one, or a virtual host) and its `<Location>`, if any. */
interface JkMountLine {
  placed: HttpdPlaced;
  vhost?: HttpdPlaced;
  inLocation: boolean;
}

interface Gathered {
  workersFiles: HttpdPlaced[];
  properties: HttpdPlaced[];
  mountLines: JkMountLine[];
  vhosts: HttpdPlaced[];
  /** `JkMountCopy All` in the main server, or `JkMountCopy On` in a virtual host: main-server mounts reach it. */
  mountCopy: boolean;
}

function gather(top: readonly HttpdPlaced[]): Gathered {
  const g: Gathered = { workersFiles: [], properties: [], mountLines: [], vhosts: [], mountCopy: false };
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
      else if (key === 'jkmount') g.mountLines.push({ placed: p, ...(vhost ? { vhost } : {}), inLocation });
      else if (key === 'jkmountcopy') {
        const value = p.directive.args[0]?.value.toLowerCase() ?? '';
        if (vhost ? value !== 'off' : value === 'all') g.mountCopy = true;
      }
    }
  };
  walk(top, undefined, false);
  return g;
}

/** The workers file a `JkWorkersFile` names, in the tree, or why the tree does not say which it is. */
function workersFileOf(
  line: HttpdPlaced,
  main: ParsedDocument<HttpdData> | undefined,
  inputs: JkInputs,
): { doc: ParsedDocument<JkWorkersData>; by?: Location } | string {
  const written = line.directive.args[0]?.value ?? '';
  if (written === '' || PLACEHOLDER.test(written)) return `JkWorkersFile ${written} is set when httpd starts`;
  const byPath = (file: string | undefined) => inputs.workers.find((d) => d.file.path === file);
  // A relative path is the ServerRoot's (ap_server_root_relative): where the main configuration writes one, that
  // installed path is where Compose or a Dockerfile may put the file.
  const serverRoot = main ? serverRootWritten(main) : undefined;
  const installed = path.posix.isAbsolute(written)
    ? written
    : serverRoot
      ? path.posix.join(serverRoot, written)
      : undefined;
  if (installed) {
    // Where Compose or a Dockerfile puts the tree's files, the path names the file put there.
    const mounted = treeFileInContainer(inputs.mounts, line.file, installed, 'httpd');
    const placed = mounted
      ? { file: mounted.file, by: { file: mounted.by.file, range: mounted.by.mount.range } }
      : inputs.images.resolve(line.file, installed);
    if (placed) {
      const doc = byPath(placed.file);
      return doc ? { doc, by: placed.by } : `the tree's ${path.basename(placed.file)} sets no worker`;
    }
  }
  const candidates = main ? installedPlaces(main) : [];
  const found = [
    ...(installed
      ? candidates.flatMap(({ installed: dir, tree }) =>
          installed.startsWith(dir + '/') ? [path.join(tree, ...installed.slice(dir.length + 1).split('/'))] : [],
        )
      : []),
    ...(path.posix.isAbsolute(written)
      ? []
      : [path.resolve(main ? serverRootOf(main) : layoutRoot(line.file), written)]),
  ];
  for (const file of found) {
    const doc = byPath(file);
    if (doc) return { doc };
  }
  return `the tree holds no file the web server reads as ${written}`;
}

/** A file in `conf/` without a main configuration: the ServerRoot is the directory above (`Include conf/mod_jk.conf`). */
const layoutRoot = (file: string) =>
  path.basename(path.dirname(file)) === 'conf' ? path.dirname(path.dirname(file)) : path.dirname(file);

/** The installed ServerRoot a main configuration writes (Debian's for apache2.conf), or undefined when not known. */
function serverRootWritten(main: ParsedDocument<HttpdData>): string | undefined {
  const debian = path.basename(main.file.path).toLowerCase() === 'apache2.conf';
  const written = main.data.directives.find((d) => d.key === 'serverroot')?.args[0]?.value.replace(/\/+$/, '');
  const serverRoot = written && !PLACEHOLDER.test(written) ? written : debian ? JK.mounts.debianServerRoot : undefined;
  return serverRoot?.startsWith('/') ? serverRoot : undefined;
}

/**
 * The installed directories a main configuration's place in the tree stands for: its own directory (the ServerRoot's
 * conf/ for httpd.conf, the ServerRoot for Debian's apache2.conf) and, when the tree keeps the ServerRoot's layout, the
 * ServerRoot. The ServerRoot is the written one, or Debian's for apache2.conf; otherwise not known.
 */
function installedPlaces(main: ParsedDocument<HttpdData>): { installed: string; tree: string }[] {
  const debian = path.basename(main.file.path).toLowerCase() === 'apache2.conf';
  const serverRoot = serverRootWritten(main);
  if (!serverRoot) return [];
  const dir = path.dirname(main.file.path);
  return [
    { installed: debian ? serverRoot : `${serverRoot}/conf`, tree: dir },
    ...(debian || path.basename(dir) === 'conf' ? [{ installed: serverRoot, tree: serverRootOf(main) }] : []),
  ];
}

/** The worker map's names as mod_jk builds it from the properties, or undefined when the environment gives the list. */
function workerNames(settings: readonly JkSetting[]): { listed: string[]; members: Map<string, string> } | undefined {
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
interface JkWorkerMap {
  gathered: Gathered;
  /** An Include the tree does not hold, or an `<IfDefine>` body a `-D` flag may read: more lines may be there. */
  open: boolean;
  fileLine?: HttpdPlaced;
  workersFile?: ParsedDocument<JkWorkersData>;
  /** What puts the workers file where the JkWorkersFile names it (a Compose mount, a COPY). */
  by?: Location;
  properties: { settings: JkSetting[]; at: Location[] };
}

/**
 * The worker map of one configuration httpd starts from (a main configuration with its includes read, or a file no
 * main of the tree includes that sets its own JkWorkersFile), and the workers files its JkWorkersFile lines name; no
 * map when the tree does not settle it.
 */
function jkWorkerMapOf(
  top: readonly HttpdPlaced[],
  main: ParsedDocument<HttpdData> | undefined,
  inputs: JkInputs,
): { named: string[]; map?: JkWorkerMap } {
  const gathered = gather(top);
  const found = gathered.workersFiles.map((line) => workersFileOf(line, main, inputs));
  const named = found.flatMap((f) => (typeof f === 'string' ? [] : [f.doc.file.path]));
  const open = !main || !leavesNothingOpen([...top], heldUnder(main, inputs.listed));
  // Twice is a syntax error ("JkWorkersFile only allowed once"): httpd does not start.
  if (gathered.workersFiles.length > 1) return { named };
  const [fileLine] = gathered.workersFiles;
  const [resolved] = found;
  // Without a JkWorkersFile, the map is the JkWorkerProperty lines alone: only when the configuration is all read.
  if ((!fileLine && open) || typeof resolved === 'string') return { named };
  const properties = propertySettings(gathered.properties);
  return {
    named,
    map: {
      gathered,
      open,
      ...(fileLine ? { fileLine } : {}),
      ...(resolved ? { workersFile: resolved.doc, ...(resolved.by ? { by: resolved.by } : {}) } : {}),
      properties,
    },
  };
}

/**
 * The ajp13 workers of the map one httpd configuration reads (its JkWorkerProperty lines, then its JkWorkersFile, in
 * mod_jk's order; `worker.list` defaults to `ajp13` when some Jk line sets the map), and the workers files it names.
 */
export function jkFrontsRead(
  top: readonly HttpdPlaced[],
  main: ParsedDocument<HttpdData> | undefined,
  inputs: JkInputs,
  root: string,
): { named: string[]; fronts: AjpFront[] } {
  const { named, map } = jkWorkerMapOf(top, main, inputs);
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
  ];
  return { named, fronts: jkFrontsOf([...fromLines, ...fromFile], { label, defaultList: !map.open, readBy }) };
}

/** The JkMount lines of one configuration httpd starts from that name a worker mod_jk's worker map does not hold. */
export function jkMountsUnknownWorker(
  top: readonly HttpdPlaced[],
  main: ParsedDocument<HttpdData> | undefined,
  inputs: JkInputs,
): JkMountUnknownWorker[] {
  const { map } = jkWorkerMapOf(top, main, inputs);
  if (!map || map.gathered.mountLines.length === 0) return [];
  const { gathered: g, open, fileLine, workersFile, properties } = map;
  const names = workerNames([...properties.settings, ...(workersFile?.data.settings ?? [])]);
  if (!names) return [];
  const listLine = workersFile?.data.settings.find((s) => s.worker === '' && s.attribute === 'list');
  const defined = new Set((workersFile?.data.settings ?? []).map((s) => s.worker).filter(Boolean));
  const found: JkMountUnknownWorker[] = [];
  for (const { placed, vhost, inLocation } of g.mountLines) {
    const args = placed.directive.args;
    // One argument inside <Location>, two outside: otherwise httpd refuses the line.
    if (args.length !== (inLocation ? 1 : 2)) continue;
    const uri = inLocation ? undefined : args[0]!.value;
    if (uri !== undefined && !uri.startsWith('/')) continue;
    const worker = args.at(-1)!.value.split(';')[0]!;
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
    const own = workersFile?.data.settings.find((s) => s.worker === worker);
    if (workersFile)
      related.push({
        file: workersFile.file.path,
        ...(listLine ? { range: listLine.keyRange } : own ? { range: own.keyRange } : {}),
        message: listLine ? `worker.list: ${names.listed.join(', ')}` : 'no worker.list here',
      });
    if (properties.at.length > 0) related.push({ ...properties.at[0]!, message: 'a JkWorkerProperty line' });
    if (main && main.file.path !== placed.file)
      related.push({ file: main.file.path, message: 'the main configuration, which reads this mount' });
    found.push({
      at: { file: placed.file, range: placed.directive.range },
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
