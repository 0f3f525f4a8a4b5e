import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyFile, neverConfiguration } from '../parse/registry';
import { commonDirectory, separateBuildProjects } from './build-projects';
import { kustomizeOverlays, type KustomizeOverlay } from './kustomize';
import { relativePosix } from '../core/posix-path';

/**
 * Environment boundaries detected from content (DESIGN.md "Deployments", docs/deployments.md):
 * the heuristic named "sibling complete sets". A directory splits into environments when
 *  - it holds no component file itself,
 *  - every child directory that holds component files holds a *complete component set* (below), and
 *  - each of those children shares a complete family with at least one sibling (`envs/dev`, `envs/prod`…).
 * A directory with one component-holding child is looked through (`fleet/` → `fleet/envs/`), and each
 * environment is examined again (`envs/<region>/<env>`). A host directory of one deployment holds part of a
 * set (`authz1/aserver.conf`), so the hosts of a deployment never split; nor do they when a sibling (the web
 * agents beside two all-in-one server hosts) holds an incomplete set.
 */
export interface ComponentFamily {
  name: string;
  /** Whether these components make a set that can run on its own. */
  complete(found: FoundComponents): boolean;
}

/** The components found anywhere under a directory. */
export interface FoundComponents {
  /** Component kinds, each with how many files of it. */
  kinds: ReadonlyMap<string, number>;
  /** Tomcat and Liberty files named `server.xml`: each is one server (its includes and drop-ins have other names). */
  serverXmls: number;
}

/** How many distinct kinds match. */
const countOf = ({ kinds }: FoundComponents, pattern: RegExp) =>
  [...kinds.keys()].filter((k) => pattern.test(k)).length;
const has = ({ kinds }: FoundComponents, kind: string) => kinds.has(kind);

export const COMPONENT_FAMILIES: readonly ComponentFamily[] = [
  // Its own ClearTrust servers: two server kinds (authorization + dispatcher…) or a server and its web agent.
  {
    name: 'ClearTrust servers',
    complete: (k) =>
      countOf(k, /^cleartrust\.(?!webagent)/) >= 2 ||
      (countOf(k, /^cleartrust\.(?!webagent)/) >= 1 && has(k, 'cleartrust.webagent')),
  },
  // Its own queue manager and the clients that connect to it, or queue managers that talk to each other (a
  // cluster, sender and receiver): each queue manager has exactly one qm.ini, so two of them are two queue managers.
  {
    name: 'IBM MQ queue managers and clients',
    complete: (k) =>
      ((has(k, 'mq.mqsc') || has(k, 'mq.qm-ini')) &&
        ['mq.ccdt', 'mq.client-ini', 'was.resources-xml', 'spring.properties'].some((c) => has(k, c))) ||
      (k.kinds.get('mq.qm-ini') ?? 0) >= 2,
  },
  // A Java web tier: two of Tomcat, Liberty, WebSphere, nginx, Spring (a server and its proxy or client), or two
  // Tomcat or Liberty servers (an OpenLiberty guide's frontend and system: two server.xml).
  {
    name: 'Java web servers and clients',
    complete: (k) => countOf(k, /^(tomcat|liberty|nginx|spring|was)\./) >= 2 || k.serverXmls >= 2,
  },
];

/**
 * Kinds that describe a runtime, a key, a start script or a realm's users (Tomcat's tomcat-users.xml beside its
 * server.xml is one server, not two), not a component: they never make a set. Nor do a Spring Cloud Config
 * repository's files (`spring.served.*`): each configures an app that may be elsewhere.
 */
const INFRASTRUCTURE_KIND = /^(jdk\.|java\.|pem\.|systemd\.|dockerfile|tomcat\.users$|spring\.served\.)/;
/** A Spring Cloud Config repository's file: it makes no build project a deployment (it configures an app elsewhere). */
const SERVED_KIND = /^spring\.served\./;

/**
 * Kinds read only for a fact about another file's component (a build file's Spring Boot release): a directory holding
 * one holds nothing to lint, so such a file neither makes nor splits a deployment. Nor do an Ansible role's variables
 * and tasks, read for the Tomcat release of the server.xml the role writes, nor a Kubernetes Ingress or Service
 * manifest, read for the route to a container another manifest runs.
 */
const ANNOTATION_KIND = /^(?:build\.spring-boot|ansible\.vars|ansible\.tasks|kubernetes\.routing)$/;

/** How much of a file classification looks at (as when the file is read for parsing). */
const HEAD_BYTES = 64 * 1024;
const MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface DetectedEnvironment {
  root: string;
  /** The directory whose children are the environments. */
  parent: string;
  /** How many sibling environments, and the complete families they hold (`--debug`). */
  siblings: number;
  families: string[];
  /** Set when the environment is a git checkout of its own inside the linted path (heuristic "separate repositories"). */
  repository?: boolean;
  /** The test code that makes the environment a module of a test suite (heuristic "test scenarios"). */
  testCode?: string;
  /** The build projects the environment holds (heuristic "separate build projects"). */
  buildProjects?: { projects: number; buildFile?: string };
  /**
   * Set when the environment is the files of these directories only (build projects that run together across the
   * linted directory), each without the environments nested in it, not everything under `root`.
   */
  members?: string[];
  /** The Kustomize overlay the environment is, with its bases (heuristic "Kustomize overlays"). */
  kustomize?: KustomizeOverlay;
}

/**
 * Heuristic "test scenarios": a directory right below a test suite's directory (`test/`, `tests/`…) that holds its own test
 * code (nginx-proxy's `test/test_ssl/test_*.py`) is a module of the suite, and the files beside it are its fixtures:
 * each module starts its own containers, so nothing in one is a peer or a copy of another's. A directory named `test`
 * alone says nothing (a `test` environment of dev/test/prod is one deployment); the test code beside the files does.
 */
const TEST_CODE = /^(test_.+\.py|.+_test\.(py|go)|.+\.bats|.+_spec\.rb|.+\.(test|spec)\.[cm]?[jt]s)$/;
const TEST_SUITE_DIR = /^(tests?|testing|spec|e2e|integration[-_]?tests?)$/i;

/**
 * The directories that hold test code and files lint-deploy reads, two or more in one test suite's directory (one
 * `smoke_test.py` in a host directory of a `test` environment makes no suite).
 */
function testModules(root: string, files: readonly string[], holdsRead: (dir: string) => boolean) {
  const bySuite = new Map<string, Map<string, string>>();
  for (const file of files) {
    if (!TEST_CODE.test(path.basename(file))) continue;
    const dir = path.dirname(file);
    const suite = path.dirname(dir);
    if (dir === root || !TEST_SUITE_DIR.test(path.basename(suite)) || !holdsRead(dir)) continue;
    let modules = bySuite.get(suite);
    if (!modules) bySuite.set(suite, (modules = new Map<string, string>()));
    if (!modules.has(dir)) modules.set(dir, file);
  }
  return [...bySuite.values()]
    .filter((modules) => modules.size >= 2)
    .flatMap((modules) => [...modules].map(([dir, testCode]) => ({ root: dir, testCode })))
    .sort((a, b) => (a.root < b.root ? -1 : 1));
}

/**
 * How a deployment of some directories' files is named in reports, `--shard` and `--cache`: its root and the
 * directories in shell brace form (`tutorials/{feign,spring-boot-modules/spring-boot-3-2}`), a path a user can
 * expand to find its files, distinct from the directory deployment of the root and from any other set.
 */
export function fileSetName(root: string, members: readonly string[]): string {
  return `${path.join(root, '{')}${members.map((dir) => path.relative(root, dir)).join(',')}}`;
}

const describeMembers = (root: string, members: readonly string[], cwd: string) =>
  relativePosix(cwd, fileSetName(root, members));

/** Why a detected environment is a deployment of its own, for `--debug` (names the heuristic of the docs). */
export function describeEnvironment(environment: DetectedEnvironment, cwd: string): string {
  const where = relativePosix(cwd, environment.parent) || '.';
  const at = relativePosix(cwd, environment.root);
  if (environment.testCode)
    return `content: ${at} holds its own test code (${path.basename(environment.testCode)}) in the test suite ${where}; heuristic "test scenarios"`;
  const { buildProjects, members, kustomize } = environment;
  if (kustomize && members) return describeOverlay(kustomize, environment, cwd);
  if (members)
    return `content: ${describeMembers(environment.root, members, cwd)} are ${members.length} build projects whose files say they run together, linted apart from the other files of ${at || '.'}; heuristic "separate build projects"`;
  if (buildProjects) {
    const what =
      buildProjects.projects > 1
        ? `holds ${buildProjects.projects} build projects whose files say they run together`
        : `is a build project of its own${buildProjects.buildFile ? ` (${buildProjects.buildFile})` : ''}`;
    return `content: ${at} ${what} and no other project's files name it; heuristic "separate build projects"`;
  }
  if (environment.repository)
    return `content: ${at || '.'} is a git checkout of its own inside ${where}; heuristic "separate repositories"`;
  return `content: each of the ${environment.siblings} directories in ${where} holds a complete component set (${environment.families.join('; ')}); heuristic "sibling complete sets"`;
}

/** An overlay's deployment for `--debug`: its directories, the base files it leaves out and what it names unread. */
function describeOverlay(overlay: KustomizeOverlay, environment: DetectedEnvironment, cwd: string): string {
  const rel = (p: string) => relativePosix(cwd, p) || '.';
  const bases = overlay.bases.map(rel).join(', ');
  const lines = [
    `content: ${describeMembers(environment.root, environment.members!, cwd)} is the Kustomize overlay ${rel(overlay.dir)} with the base${overlay.bases.length > 1 ? 's' : ''} it builds on (${bases}), one of the ${environment.siblings} overlays of ${rel(environment.parent)}; heuristic "Kustomize overlays"`,
    ...overlay.setAside.map(
      (s) =>
        `${rel(s.file)} left out: ${rel(s.by.file)}:${s.by.line} generates ${s.generator} with behavior: ${s.behavior}, ${s.instead ? `its key ${s.key} from ${rel(s.instead)}` : "none of the base's keys"}`,
    ),
    ...overlay.unknown,
  ];
  return lines.join('; ');
}

/** The kind of a file from its name and first bytes, or undefined (unreadable, not ours). */
function kindOf(file: string): string | undefined {
  // Not opened: most files of a source tree are sources no format reads (eugenp/tutorials@2430217: 25,000 of 35,000).
  if (neverConfiguration(file)) return undefined;
  let head: string;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const stat = fs.fstatSync(fd);
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
      const buffer = Buffer.alloc(Math.min(HEAD_BYTES, stat.size));
      const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
      head = decodeHead(buffer.subarray(0, read));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
  return classifyFile(file, head)?.kind;
}

function decodeHead(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)))
      .swap16()
      .toString('utf16le');
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // Lenient: a multi-byte character cut at the end of the head must not hide the markers before it.
  return bytes.subarray(start).toString('utf8');
}

export interface Detection {
  /** Empty when `root` is one deployment. */
  environments: DetectedEnvironment[];
  /** The files lint-deploy reads (any kind): a directory outside every environment with none is no deployment. */
  recognised: Set<string>;
}

/**
 * The environments under `root` (whose walked `files` are given). Reads the head of each file
 * once to classify it.
 */
export function detectEnvironments(root: string, files: readonly string[]): Detection {
  const recognised = new Set<string>();
  /** Directories below the root with a file lint-deploy reads (certificates too) somewhere under them. */
  const readBelow = new Set<string>();
  /** Components anywhere under each directory, and the kinds directly in it. */
  const below = new Map<string, { kinds: Map<string, number>; serverXmls: number }>();
  const direct = new Map<string, Set<string>>();
  const children = new Map<string, Set<string>>();
  const componentFiles = new Set<string>();
  const servedFiles = new Set<string>();
  const addTo = (map: Map<string, Set<string>>, key: string, value: string) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(value);
  };
  for (const file of files) {
    const kind = kindOf(file);
    if (!kind || ANNOTATION_KIND.test(kind)) continue;
    recognised.add(file);
    if (SERVED_KIND.test(kind)) servedFiles.add(file);
    for (let dir = path.dirname(file); dir.length > root.length && !readBelow.has(dir); dir = path.dirname(dir))
      readBelow.add(dir);
    if (INFRASTRUCTURE_KIND.test(kind)) continue;
    componentFiles.add(file);
    let dir = path.dirname(file);
    addTo(direct, dir, kind);
    const serverXml = /^(tomcat|liberty)\.server-xml$/.test(kind) && path.basename(file) === 'server.xml';
    while (dir.length >= root.length) {
      let found = below.get(dir);
      if (!found) below.set(dir, (found = { kinds: new Map<string, number>(), serverXmls: 0 }));
      found.kinds.set(kind, (found.kinds.get(kind) ?? 0) + 1);
      if (serverXml) found.serverXmls++;
      if (dir === root) break;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      addTo(children, parent, dir);
      dir = parent;
    }
  }
  const familiesOf = (dir: string) =>
    COMPONENT_FAMILIES.filter((f) => f.complete(below.get(dir) ?? { kinds: new Map(), serverXmls: 0 })).map(
      (f) => f.name,
    );

  const split = (dir: string): DetectedEnvironment[] => {
    if (direct.has(dir)) return [];
    const holders = [...(children.get(dir) ?? [])].sort();
    const [only, ...others] = holders;
    if (only === undefined) return [];
    if (others.length === 0) return split(only);
    const families = holders.map(familiesOf);
    const paired = families.every(
      (own, i) => own.length > 0 && families.some((other, j) => j !== i && other.some((name) => own.includes(name))),
    );
    if (!paired) return [];
    const names = [...new Set(families.flat())].sort();
    return holders.flatMap((child) => {
      const inner = split(child);
      return inner.length ? inner : [{ root: child, parent: dir, siblings: holders.length, families: names }];
    });
  };
  /** Sibling complete sets under `dir`, else its separate build projects. */
  const byContent = (dir: string): DetectedEnvironment[] => {
    const sets = split(dir);
    if (sets.length) return sets;
    const under = (f: string) => dir === root || f.startsWith(dir + path.sep);
    const read = [...recognised].filter((f) => under(f) && !servedFiles.has(f));
    const projects = separateBuildProjects(dir, files.filter(under), read, (f) => componentFiles.has(f));
    return projects.map((p) => ({
      root: p.root,
      parent: dir,
      siblings: projects.length,
      families: familiesOf(p.root),
      buildProjects: { projects: p.projects, buildFile: p.buildFile },
      ...(p.members ? { members: p.members } : {}),
    }));
  };
  // Checkouts of other repositories inside the linted path (a directory of cloned projects) are projects of
  // their own: nothing pairs their files with another project's but a name coincidence.
  const modules = testModules(root, files, (dir) => readBelow.has(dir));
  const withModules = (environments: DetectedEnvironment[]): DetectedEnvironment[] => [
    ...environments.filter((e) => !modules.some((m) => m.root === e.root)),
    ...modules.map((m) => ({
      root: m.root,
      parent: path.dirname(m.root),
      siblings: modules.length,
      families: familiesOf(m.root),
      testCode: m.testCode,
    })),
  ];
  const repositories = [...below.keys()].filter((dir) => dir !== root && fs.existsSync(path.join(dir, '.git'))).sort();
  const outermost = repositories.filter(
    (dir) => !repositories.some((other) => other !== dir && dir.startsWith(other + path.sep)),
  );
  if (outermost.length) {
    return {
      environments: withOverlays(
        root,
        files,
        withModules(
          outermost.flatMap((repository) => {
            const inner = byContent(repository);
            return inner.length
              ? inner
              : [
                  {
                    root: repository,
                    parent: root,
                    siblings: outermost.length,
                    families: familiesOf(repository),
                    repository: true,
                  },
                ];
          }),
        ),
      ),
      recognised,
    };
  }
  return { environments: withOverlays(root, files, withModules(byContent(root))), recognised };
}

/**
 * Kustomize overlays first: an environment found otherwise inside an overlay's or a base's directory is part of the
 * overlays' deployments (one found above them keeps the rest of its files).
 */
function withOverlays(
  root: string,
  files: readonly string[],
  environments: DetectedEnvironment[],
): DetectedEnvironment[] {
  const overlays = kustomizeOverlays(root, files);
  if (!overlays.length) return environments;
  const dirs = overlays.flatMap((o) => [o.dir, ...o.bases]);
  const inside = (e: DetectedEnvironment) =>
    (e.members ?? [e.root]).some((m) => dirs.some((dir) => m === dir || m.startsWith(dir + path.sep)));
  const parent = overlays.map((o) => o.dir).reduce(commonDirectory);
  return [
    ...overlays.map((overlay) => {
      const members = [overlay.dir, ...overlay.bases].sort();
      return {
        root: members.reduce(commonDirectory),
        parent,
        siblings: overlays.length,
        families: [],
        members,
        kustomize: overlay,
      };
    }),
    ...environments.filter((e) => !inside(e)),
  ];
}
