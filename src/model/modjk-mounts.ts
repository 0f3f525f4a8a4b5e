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
  if (path.posix.isAbsolute(written)) {
    // Where Compose or a Dockerfile puts the tree's files, the path names the file put there.
    const mounted = treeFileInContainer(inputs.mounts, line.file, written, 'httpd');
    const placed = mounted
      ? { file: mounted.file, by: { file: mounted.by.file, range: mounted.by.mount.range } }
      : inputs.images.resolve(line.file, written);
    if (placed) {
      const doc = byPath(placed.file);
      return doc ? { doc, by: placed.by } : `the tree's ${path.basename(placed.file)} sets no worker`;
    }
  }
  const candidates = main ? installedPlaces(main) : [];
  const found = path.posix.isAbsolute(written)
    ? candidates.flatMap(({ installed, tree }) =>
        written.startsWith(installed + '/') ? [path.join(tree, ...written.slice(installed.length + 1).split('/'))] : [],
      )
    : [path.resolve(main ? serverRootOf(main) : layoutRoot(line.file), written)];
  for (const file of found) {
    const doc = byPath(file);
    if (doc) return { doc };
  }
  return `the tree holds no file the web server reads as ${written}`;
}

/** A file in `conf/` without a main configuration: the ServerRoot is the directory above (`Include conf/mod_jk.conf`). */
const layoutRoot = (file: string) =>
  path.basename(path.dirname(file)) === 'conf' ? path.dirname(path.dirname(file)) : path.dirname(file);

/**
 * The installed directories a main configuration's place in the tree stands for: its own directory (the ServerRoot's
 * conf/ for httpd.conf, the ServerRoot for Debian's apache2.conf) and, when the tree keeps the ServerRoot's layout, the
 * ServerRoot. The ServerRoot is the written one, or Debian's for apache2.conf; otherwise not known.
 */
function installedPlaces(main: ParsedDocument<HttpdData>): { installed: string; tree: string }[] {
  const debian = path.basename(main.file.path).toLowerCase() === 'apache2.conf';
  const written = main.data.directives.find((d) => d.key === 'serverroot')?.args[0]?.value.replace(/\/+$/, '');
  const serverRoot = written && !PLACEHOLDER.test(written) ? written : debian ? JK.mounts.debianServerRoot : undefined;
  if (!serverRoot?.startsWith('/')) return [];
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

/**
 * The JkMount lines of one configuration httpd starts from (a main configuration with its includes read, or a file no
 * main of the tree includes that sets its own JkWorkersFile) that name a worker mod_jk's worker map does not hold.
 */
export function jkMountsUnknownWorker(
  top: readonly HttpdPlaced[],
  main: ParsedDocument<HttpdData> | undefined,
  inputs: JkInputs,
): JkMountUnknownWorker[] {
  const g = gather(top);
  // An Include the tree does not hold, or an `<IfDefine>` body a `-D` flag may read: more lines may be there.
  const open = !main || !leavesNothingOpen([...top], heldUnder(main, inputs.listed));
  // Twice is a syntax error ("JkWorkersFile only allowed once"): httpd does not start, nothing to say of a request.
  if (g.mountLines.length === 0 || g.workersFiles.length > 1) return [];
  const [fileLine] = g.workersFiles;
  // Without a JkWorkersFile, the map is the JkWorkerProperty lines alone: only when the configuration is all read.
  if (!fileLine && open) return [];
  const resolved = fileLine ? workersFileOf(fileLine, main, inputs) : undefined;
  if (typeof resolved === 'string') return [];
  const workersFile = resolved?.doc;
  const properties = propertySettings(g.properties);
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
    if (resolved?.by) related.push({ ...resolved.by, message: 'this puts the workers file there' });
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
