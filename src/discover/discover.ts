import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Ignore } from 'ignore';
import type { Finding, TreeLink } from '../core/types';
import { UsageError } from '../core/types';
import { walk, type WalkResult } from './walk';
import { describeEnvironment, detectEnvironments, fileSetName, type DetectedEnvironment } from './environments';
import type { LintConfig } from '../core/config';
import { CONFIG_FILE_NAMES, DEFAULT_CACHE_FILE } from '../core/config';
import { describeReadFailure, isInside, readRegularFile, realPathResolver } from '../core/safe-fs';
import { posixPath, relativePosix } from '../core/posix-path';

export interface DiscoverOptions {
  paths: string[];
  cwd: string;
  config: LintConfig;
  /** `--ignore-pattern` values (gitignore syntax, relative to cwd). */
  ignorePatterns?: string[];
}

/** A deployment to lint: its root, every file in it, and the files the user asked about. */
export interface DiscoveredDeployment {
  root: string;
  /**
   * Set when the deployment is the files of these directories below `root` (each without the deployments nested in
   * it), not everything under `root`: build projects that run together across the linted directory.
   */
  members?: string[];
  /** How reports, `--shard` and `--cache` name it when that is not `root`: a file set's root and members. */
  name?: string;
  files: string[];
  /** When set, only findings that involve these files are reported (pre-commit passes single files). */
  focus?: Set<string>;
  /** Paths the walk could not or would not read (unreadable directories, broken links, FIFOs) as findings. */
  notes?: Finding[];
  /** The symbolic links its walk met (./walk.ts WalkResult.links). */
  links?: TreeLink[];
  /** Editor and patch leftovers of its directories (./walk.ts isEditorLeftover): read only when a file read names one. */
  setAside?: string[];
  /** How its root was found (`--debug`): a config glob, content detection, the git root, the path itself. */
  reason: string;
  /** Files of its directories that are not its own: a base's generator inputs a Kustomize overlay replaces. */
  leftOut?: ReadonlySet<string>;
}

export const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/** lint-deploy's own files: a directory outside every deployment glob holding only these is no deployment. */
const OWN_FILES = new Set([
  ...CONFIG_FILE_NAMES,
  '.lint-deployignore',
  'package.json',
  'lint-deploy.baseline.json',
  DEFAULT_CACHE_FILE,
]);

/**
 * Turns command-line paths into deployments (DESIGN.md "Deployments", docs/deployments.md):
 * a directory holds several deployments when config `deployments` globs match inside it, else
 * when its content splits into environments (src/discover/environments.ts), else it is one.
 * A single file is linted with the rest of the deployment that holds it: the glob root, else the
 * nearest config file's directory, else the environment of its git root that holds it (or the git
 * root), else its own directory — never the working directory.
 */
export function discover(options: DiscoverOptions): DiscoveredDeployment[] {
  const { cwd, config } = options;
  const isIgnored = makeIgnoreFilter(options);
  // Deployment roots share their parent directories: each directory's real path is looked up once.
  const realpath = realPathResolver();
  if (config.confined) checkDeploymentGlobs(config);
  // fast-glob is loaded only when the config names deployments (start-up of the one-directory run).
  const globRoots = config.deployments.length
    ? (require('fast-glob') as typeof import('fast-glob'))
        .sync(config.deployments, {
          cwd: config.baseDir,
          onlyDirectories: true,
          absolute: true,
          dot: true,
          ignore: ALWAYS_IGNORED,
          suppressErrors: true,
        })
        .map((p) => path.resolve(p))
        .sort()
    : [];
  if (config.confined) {
    const base = fs.realpathSync(config.baseDir);
    const outside = globRoots.find((root) => !isInside(root, base, realpath));
    if (outside)
      throw new UsageError(
        `Config file ${config.file ?? config.baseDir}: "deployments" reaches ${outside}, outside the config's directory: not linted (name such a config with --config)`,
      );
  }
  const byRoot = new Map<string, DiscoveredDeployment>();
  const wholeRoots = new Set<string>();
  const leftovers = new Set<string>();
  /** Roots of environments that are not deployments of this run but whose files belong to no other. */
  const fenced = new Set<string>();
  /** Files already walked for content detection: deployments under these roots are not walked again. */
  const walkedTrees: { root: string; walked: WalkResult }[] = [];
  /** Files given alone that every deployment holding their directory leaves out (keepLeftOutFiles). */
  const leftOutGiven = new Set<string>();
  const add = (root: string, reason: string, focus?: string[], members?: string[], leftOut?: readonly string[]) => {
    const key = members ? fileSetName(root, members) : root;
    const deployment =
      byRoot.get(key) ?? (members ? { root, members, name: key, files: [], reason } : { root, files: [], reason });
    if (leftOut?.length) deployment.leftOut = new Set(leftOut);
    byRoot.set(key, deployment);
    if (!focus) {
      // A request for the whole deployment supersedes requests for some of its files.
      wholeRoots.add(key);
      deployment.focus = undefined;
    } else if (!wholeRoots.has(key)) {
      deployment.focus ??= new Set();
      for (const f of focus) deployment.focus.add(f);
    }
  };
  const containingGlobRoot = (p: string) => globRoots.filter((r) => p === r || p.startsWith(r + path.sep)).pop();
  const detected = new Map<string, ReturnType<typeof detectEnvironments>>();
  /** Environments under `dir` detected from content (each tree once per run). */
  const environmentsUnder = (dir: string) => {
    let detection = detected.get(dir);
    if (!detection) {
      const walked = walk(dir, isIgnored);
      detection = detectEnvironments(dir, walked.files);
      detected.set(dir, detection);
      walkedTrees.push({ root: dir, walked });
    }
    return detection.environments;
  };
  /** Whether a file is one lint-deploy reads, when content detection classified it. */
  const unrecognised = (file: string) => [...detected.values()].every((d) => !d.recognised.has(file));
  const globReason = (root: string) =>
    `config "deployments" in ${path.relative(cwd, config.file ?? config.baseDir) || '.'} matches ${relativePosix(config.baseDir, root) || '.'}`;

  for (const given of options.paths.length ? options.paths : ['.']) {
    let absolute: string;
    let stat: fs.Stats;
    try {
      // The real path: the working directory is real too, so reported paths stay short and stable
      // when a path on the command line goes through a symbolic link.
      absolute = fs.realpathSync(path.resolve(cwd, given));
      stat = fs.statSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        code === 'ENOENT' ? `No such file or directory: ${given}` : `Cannot read ${given}: ${code ?? String(error)}`,
      );
    }
    if (stat.isDirectory()) {
      const holder = containingGlobRoot(absolute);
      if (holder && holder !== absolute) {
        add(holder, globReason(holder), walk(absolute, isIgnored).files);
        continue;
      }
      const inner = globRoots.length
        ? globRoots.filter((r) => r === absolute || r.startsWith(absolute + path.sep))
        : [];
      const environments = globRoots.length ? [] : environmentsUnder(absolute);
      if (inner.length || environments.length) {
        for (const r of inner) add(r, globReason(r));
        for (const e of environments) add(e.root, describeEnvironment(e, cwd), undefined, e.members, leftOutOf(e));
        // Files outside every deployment still get linted, as a deployment of their own.
        if (!inner.includes(absolute)) {
          add(absolute, 'files outside every deployment');
          leftovers.add(absolute);
        }
        continue;
      }
      add(absolute, 'the path itself');
    } else {
      const globRoot = containingGlobRoot(absolute);
      const configDir = globRoot ? undefined : nearestConfigDir(absolute);
      const repository = globRoot || configDir ? undefined : gitRoot(absolute);
      const environments = repository ? environmentsUnder(repository) : [];
      const holders = holdersOf(absolute, environments);
      // The file is linted with its environment's files alone: no other environment's, nested ones included.
      for (const e of environments) for (const dir of e.members ?? [e.root]) fenced.add(dir);
      if (globRoot) add(globRoot, globReason(globRoot), [absolute]);
      else if (configDir) add(configDir, `the directory of the nearest config file above ${given}`, [absolute]);
      else if (holders.length)
        for (const e of holders) add(e.root, describeEnvironment(e, cwd), [absolute], e.members, leftOutOf(e));
      else if (repository) {
        add(repository, `the git root above ${given}`, [absolute]);
        if (environments.some((e) => leftOutOf(e)?.includes(absolute))) leftOutGiven.add(absolute);
      } else add(path.dirname(absolute), `the directory of ${given} (no config file or git root above it)`, [absolute]);
    }
  }
  // Files of a nested deployment root belong to it, not to the enclosing one: the walk does not enter
  // other roots (a Set lookup per directory; filtering every file against every root was O(files × roots)). A file
  // set claims its members' directories, not its root.
  const claimedRoots = new Set(fenced);
  for (const d of byRoot.values()) for (const dir of d.members ?? [d.root]) claimedRoots.add(dir);
  const partitions = new Map<WalkResult, Map<string, WalkResult>>();
  for (const deployment of byRoot.values()) {
    const tree = walkedTrees.find((t) => deployment.root === t.root || deployment.root.startsWith(t.root + path.sep));
    let walked: WalkResult;
    if (tree) {
      let parts = partitions.get(tree.walked);
      if (!parts) partitions.set(tree.walked, (parts = partition(tree.walked, claimedRoots)));
      walked = joinParts(parts, deployment.members ?? [deployment.root]);
    } else {
      walked = walk(deployment.root, isIgnored, claimedRoots, realpath);
    }
    const { leftOut, focus } = deployment;
    // A leftover given by name on the command line is read as any file given is.
    const given = focus ? walked.setAside.filter((f) => focus.has(f)) : [];
    const files = given.length > 0 ? [...walked.files, ...given].sort() : walked.files;
    deployment.files = leftOut ? files.filter((f) => !leftOut.has(f)) : files;
    deployment.notes = walked.notes;
    deployment.links = walked.links ?? [];
    if (walked.setAside.length > given.length) deployment.setAside = walked.setAside.filter((f) => !given.includes(f));
  }
  keepLeftOutFiles([...byRoot.values()], leftovers, leftOutGiven);
  const worthLinting = (d: DiscoveredDeployment) =>
    detected.has(d.root)
      ? d.files.some((f) => !unrecognised(f))
      : d.files.some((f) => !OWN_FILES.has(path.basename(f)));
  return [...byRoot.values()]
    .filter((d) => !leftovers.has(d.root) || worthLinting(d) || (d.notes?.length ?? 0) > 0)
    .sort((a, b) => {
      const [ka, kb] = [a.name ?? a.root, b.name ?? b.root];
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
}

const leftOutOf = (environment: DetectedEnvironment) => environment.kustomize?.setAside.map((s) => s.file);

/**
 * The environments that hold a file: those with the nearest directory above it (a chart below a group rooted at
 * its parent directory is the chart's; a file set's directories are its members; a Kustomize base is every overlay's
 * but those that leave the file out), or none.
 */
function holdersOf(file: string, environments: readonly DetectedEnvironment[]): DetectedEnvironment[] {
  let holders: DetectedEnvironment[] = [];
  let nearest = '';
  for (const environment of environments)
    for (const dir of environment.members ?? [environment.root]) {
      if (!file.startsWith(dir + path.sep) || dir.length < nearest.length || leftOutOf(environment)?.includes(file))
        continue;
      if (dir.length > nearest.length) [holders, nearest] = [[], dir];
      holders.push(environment);
    }
  return holders;
}

/**
 * A file every deployment that holds its directory leaves out (a base's generator input each overlay replaces) is in
 * none of them: it stays with the files outside every deployment of the linted directory above it — given alone
 * (`given`), with the git root's files outside every deployment.
 */
function keepLeftOutFiles(
  deployments: readonly DiscoveredDeployment[],
  leftovers: ReadonlySet<string>,
  given: ReadonlySet<string>,
): void {
  const held = new Set(deployments.flatMap((d) => d.files));
  const orphans = [...new Set([...given, ...deployments.flatMap((d) => [...(d.leftOut ?? [])])])].filter(
    (f) => !held.has(f),
  );
  for (const d of deployments)
    if ((leftovers.has(d.root) || d.focus) && !d.members) {
      const own = orphans.filter((f) => f.startsWith(d.root + path.sep));
      if (own.length) d.files = [...d.files, ...own].sort();
    }
}

/** The files and notes of some claimed directories, sorted as a walk's. */
function joinParts(parts: ReadonlyMap<string, WalkResult>, dirs: readonly string[]): WalkResult {
  const own = dirs.map((dir) => parts.get(dir)).filter((part) => part !== undefined);
  if (own.length <= 1) return own[0] ?? { files: [], setAside: [], notes: [] };
  return {
    files: own.flatMap((part) => part.files).sort(),
    setAside: own.flatMap((part) => part.setAside).sort(),
    notes: own.flatMap((part) => part.notes),
    links: own.flatMap((part) => part.links ?? []),
  };
}

/** An already walked tree split by claimed root: each file and note goes to the nearest root above it. */
function partition(tree: WalkResult, claimedRoots: ReadonlySet<string>): Map<string, WalkResult> {
  const ownerOf = new Map<string, string | undefined>();
  const ownerOfDir = (start: string) => {
    const seen: string[] = [];
    let owner: string | undefined;
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (ownerOf.has(dir)) {
        owner = ownerOf.get(dir);
        break;
      }
      seen.push(dir);
      if (claimedRoots.has(dir)) {
        owner = dir;
        break;
      }
      if (dir === path.dirname(dir)) break;
    }
    for (const dir of seen) ownerOf.set(dir, owner);
    return owner;
  };
  const parts = new Map<string, WalkResult>();
  const partOf = (file: string) => {
    const owner = ownerOfDir(path.dirname(file));
    if (owner === undefined) return undefined;
    let part = parts.get(owner);
    if (!part) parts.set(owner, (part = { files: [], setAside: [], notes: [] }));
    return part;
  };
  for (const file of tree.files) partOf(file)?.files.push(file);
  for (const file of tree.setAside) partOf(file)?.setAside.push(file);
  for (const note of tree.notes) partOf(note.location.file)?.notes.push(note);
  for (const link of tree.links ?? []) {
    const part = partOf(link.link);
    if (part) (part.links ??= []).push(link);
  }
  return parts;
}

/** A config found in the tree names deployments inside its own directory: no absolute path, no `..`. */
function checkDeploymentGlobs(config: LintConfig): void {
  const bad = config.deployments.find(
    (glob) => path.isAbsolute(glob) || /^[a-zA-Z]:/.test(glob) || glob.split(/[\\/]/).includes('..'),
  );
  if (bad !== undefined)
    throw new UsageError(
      `Config file ${config.file ?? config.baseDir}: "deployments" pattern '${bad}' reaches outside the config's directory: not linted (name such a config with --config)`,
    );
}

/** An ignore file larger than this is refused (real ones are a few lines). */
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

function makeIgnoreFilter(options: DiscoverOptions): (file: string) => boolean {
  // The library is required when an ignore file or pattern is found (a chunk of its own: docs/performance.md).
  const ignoreList = (): Ignore => (require('ignore') as typeof import('ignore'))();
  const filters: { base: string; ig: Ignore }[] = [];
  const addFile = (dir: string) => {
    const file = path.join(dir, '.lint-deployignore');
    const read = readRegularFile(file, MAX_IGNORE_FILE_BYTES);
    if (read.ok) filters.push({ base: dir, ig: ignoreList().add(read.bytes.toString('utf8')) });
    else if (read.reason !== 'missing')
      throw new UsageError(
        `${file} ${describeReadFailure(read, MAX_IGNORE_FILE_BYTES)}: not read (it decides which files are linted)`,
      );
  };
  addFile(options.cwd);
  if (options.config.baseDir !== options.cwd) addFile(options.config.baseDir);
  if (options.ignorePatterns?.length) filters.push({ base: options.cwd, ig: ignoreList().add(options.ignorePatterns) });
  if (options.config.ignorePatterns.length)
    filters.push({ base: options.config.baseDir, ig: ignoreList().add(options.config.ignorePatterns) });
  return (file) =>
    filters.some(({ base, ig }) => {
      const relative = path.relative(base, file);
      return (
        relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) && ig.ignores(posixPath(relative))
      );
    });
}

/** The directory of the nearest config file above a file, up to its git root (a config above the repository is someone else's). */
function nearestConfigDir(file: string): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (CONFIG_FILE_NAMES.some((name) => fs.existsSync(path.join(dir, name)))) return dir;
    if (dir === path.dirname(dir) || fs.existsSync(path.join(dir, '.git'))) return undefined;
  }
}

function gitRoot(file: string): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (dir === path.dirname(dir)) return undefined;
  }
}
