import * as fs from 'node:fs';
import * as path from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import type { Finding } from '../core/types';
import { UsageError } from '../core/types';
import { walk } from './walk';
import type { LintConfig } from '../core/config';
import { CONFIG_FILE_NAMES, DEFAULT_CACHE_FILE } from '../core/config';
import { describeReadFailure, isInside, readRegularFile } from '../core/safe-fs';

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
  files: string[];
  /** When set, only findings that involve these files are reported (pre-commit passes single files). */
  focus?: Set<string>;
  /** Paths the walk could not or would not read (unreadable directories, broken links, FIFOs) as findings. */
  notes?: Finding[];
}

export const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/** lint-deploy's own files: a directory outside every deployment glob holding only these is no deployment. */
const OWN_FILES = new Set([...CONFIG_FILE_NAMES, '.lint-deployignore', 'package.json', 'lint-deploy.baseline.json', DEFAULT_CACHE_FILE]);

/**
 * Turns command-line paths into deployments (DESIGN.md "Deployments"):
 * each directory is one deployment, or several when config `deployments`
 * globs match inside it; a single file is linted with the rest of the
 * deployment that holds it (glob root, else nearest config dir, else git root, else cwd).
 */
export function discover(options: DiscoverOptions): DiscoveredDeployment[] {
  const { cwd, config } = options;
  const isIgnored = makeIgnoreFilter(options);
  if (config.confined) checkDeploymentGlobs(config);
  const globRoots = config.deployments.length
    ? fg.sync(config.deployments, { cwd: config.baseDir, onlyDirectories: true, absolute: true, dot: true, ignore: ALWAYS_IGNORED, suppressErrors: true }).map((p) => path.resolve(p)).sort()
    : [];
  if (config.confined) {
    const base = fs.realpathSync(config.baseDir);
    const outside = globRoots.find((root) => !isInside(root, base));
    if (outside) throw new UsageError(`Config file ${config.file ?? config.baseDir}: "deployments" reaches ${outside}, outside the config's directory: not linted (name such a config with --config)`);
  }
  const byRoot = new Map<string, DiscoveredDeployment>();
  const wholeRoots = new Set<string>();
  const leftovers = new Set<string>();
  const add = (root: string, focus?: string[]) => {
    const deployment = byRoot.get(root) ?? { root, files: [] };
    byRoot.set(root, deployment);
    if (!focus) {
      // A request for the whole deployment supersedes requests for some of its files.
      wholeRoots.add(root);
      deployment.focus = undefined;
    } else if (!wholeRoots.has(root)) {
      deployment.focus ??= new Set();
      for (const f of focus) deployment.focus.add(f);
    }
  };
  const containingGlobRoot = (p: string) => globRoots.filter((r) => p === r || p.startsWith(r + path.sep)).pop();

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
      throw new UsageError(code === 'ENOENT' ? `No such file or directory: ${given}` : `Cannot read ${given}: ${code ?? String(error)}`);
    }
    if (stat.isDirectory()) {
      const holder = containingGlobRoot(absolute);
      if (holder && holder !== absolute) {
        add(holder, walk(absolute, isIgnored).files);
        continue;
      }
      const inner = globRoots.filter((r) => r === absolute || r.startsWith(absolute + path.sep));
      if (inner.length) {
        for (const r of inner) add(r);
        // Files outside every deployment glob still get linted, as a deployment of their own.
        if (!inner.includes(absolute)) {
          add(absolute);
          leftovers.add(absolute);
        }
        continue;
      }
      add(absolute);
    } else {
      const found = containingGlobRoot(absolute) ?? nearestConfigDir(absolute, cwd) ?? gitRoot(absolute) ?? cwd;
      // A file named on the command line through a link lives elsewhere: lint it where it lives (the
      // walk of the working directory would only see the link, out of the tree, and report nothing).
      const root = absolute.startsWith(found.endsWith(path.sep) ? found : found + path.sep) ? found : path.dirname(absolute);
      add(root, [absolute]);
    }
  }
  // Files of a nested deployment root belong to it, not to the enclosing one: the walk does not enter
  // other roots (a Set lookup per directory; filtering every file against every root was O(files × roots)).
  const claimedRoots = new Set(byRoot.keys());
  for (const deployment of byRoot.values()) {
    const walked = walk(deployment.root, isIgnored, claimedRoots);
    deployment.files = walked.files;
    deployment.notes = walked.notes;
  }
  return [...byRoot.values()].filter((d) => !leftovers.has(d.root) || d.files.some((f) => !OWN_FILES.has(path.basename(f))) || (d.notes?.length ?? 0) > 0).sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
}

/** A config found in the tree names deployments inside its own directory: no absolute path, no `..`. */
function checkDeploymentGlobs(config: LintConfig): void {
  const bad = config.deployments.find((glob) => path.isAbsolute(glob) || /^[a-zA-Z]:/.test(glob) || glob.split(/[\\/]/).includes('..'));
  if (bad !== undefined) throw new UsageError(`Config file ${config.file ?? config.baseDir}: "deployments" pattern '${bad}' reaches outside the config's directory: not linted (name such a config with --config)`);
}

/** An ignore file larger than this is refused (real ones are a few lines). */
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

function makeIgnoreFilter(options: DiscoverOptions): (file: string) => boolean {
  const filters: { base: string; ig: Ignore }[] = [];
  const addFile = (dir: string) => {
    const file = path.join(dir, '.lint-deployignore');
    const read = readRegularFile(file, MAX_IGNORE_FILE_BYTES);
    if (read.ok) filters.push({ base: dir, ig: ignore().add(read.bytes.toString('utf8')) });
    else if (read.reason !== 'missing') throw new UsageError(`${file} ${describeReadFailure(read, MAX_IGNORE_FILE_BYTES)}: not read (it decides which files are linted)`);
  };
  addFile(options.cwd);
  if (options.config.baseDir !== options.cwd) addFile(options.config.baseDir);
  if (options.ignorePatterns?.length) filters.push({ base: options.cwd, ig: ignore().add(options.ignorePatterns) });
  if (options.config.ignorePatterns.length) filters.push({ base: options.config.baseDir, ig: ignore().add(options.config.ignorePatterns) });
  return (file) =>
    filters.some(({ base, ig }) => {
      const relative = path.relative(base, file);
      return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) && ig.ignores(relative.split(path.sep).join('/'));
    });
}

function nearestConfigDir(file: string, cwd: string): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (CONFIG_FILE_NAMES.some((name) => fs.existsSync(path.join(dir, name)))) return dir;
    if (dir === path.dirname(dir) || dir === path.dirname(cwd)) return undefined;
  }
}

function gitRoot(file: string): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (dir === path.dirname(dir)) return undefined;
  }
}
