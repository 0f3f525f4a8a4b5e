import * as path from 'node:path';
import { isBuildFile, isChartFile, projectOfFile } from '../core/build-files';
import { readRegularFile } from '../core/safe-fs';

/**
 * Heuristic "separate build projects" (docs/deployments.md): a repository of Java samples or lectures
 * (spring-projects/spring-security-samples, one Gradle or Maven project per sample) holds many applications that
 * are built and run on their own. Linted as one deployment, a key pair every sample copies from a template is "a
 * key copied between machines", and a client of one sample is paired with another sample's server on a port they
 * happen to share. Each build project below the linted directory that holds files lint-deploy reads is a
 * deployment of its own, unless the projects' files say they run together: one names another (a URL host or a
 * `../<project>` path) or calls a local port another declares, or a Compose file outside every project names it;
 * projects that run together are merged up to their common directory, or, when other deployments are rooted there
 * too (the linted directory), are a deployment of their own files only.
 */
/**
 * Files whose text may name another project or a port: configuration, scripts and JVM source, not documentation
 * (two samples' READMEs both telling the reader to open `localhost:1080` share nothing).
 */
const SCANNED_FILE =
  /\.(properties|ya?ml|xml|json|env|conf|cfg|ini|sh|bat|cmd|java|kt|kts|groovy|scala|options)$|^(Dockerfile|Containerfile)/i;
const SCANNED_BYTES = 256 * 1024;
/** Build output and IDE state: copies of the sources, not more of the project. */
const GENERATED_DIR = /[\\/](target|build|bin|out|\.gradle|\.idea|\.mvn)[\\/]/;
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal)$/i;
/** A test source set of Maven or Gradle (`src/test/…`, `src/integrationTest/…`, `src/it/…`). */
const TEST_SOURCES = /[\\/]src[\\/](test|it|integrationTest|intTest|testFixtures)[\\/]/;
const URL = /\b[a-z][a-z0-9+.-]*:\/\/(\[::1\]|[a-z0-9_.-]+)(?::(\d{2,5}))?/gi;
/** `server.port: 8443`, `httpsPort="9443"`, `-Dserver.port=8081`, `containerPort: 8443`, `EXPOSE 8443`. */
const DECLARED_PORT = /(?:port|EXPOSE)["']?\s*[:=\s]\s*["']?(\d{2,5})\b/gi;
/** A Compose port mapping publishes its host port: `- "1080:1080"`, `- 127.0.0.1:5671:5671`. */
const PUBLISHED_PORT = /^\s*-\s*["']?(?:[\d.]+:)?(\d{2,5}):\d{2,5}/gm;
/**
 * The ports Spring Boot and Tomcat (8080) and Liberty (9080, 9443) listen on when nothing sets one: a sample's tests
 * call its own server there without declaring it, so such a call ties a project to no other (8443 is no default:
 * whoever calls it calls the project that declares it).
 */
const DEFAULT_APP_PORTS = new Set(['8080', '9080', '9443']);
/**
 * URL schemes of databases and caches (`jdbc:postgresql://localhost:5432/db`, `mongodb://`, `redis://`): lint-deploy
 * links none of them, so a call there ties no project to the one that publishes the port. In eugenp/tutorials@2430217
 * such calls tied dozens of unrelated samples, whose files then ended up linted together at the top.
 */
const NOT_A_COMPONENT_SCHEME =
  /^(postgres(ql)?|mysql|mariadb|sqlserver|oracle|db2|h2|mongodb(\+srv)?|rediss?|cassandra|neo4j|bolt|memcached|couchbase|influxdb|clickhouse|r2dbc)\b/i;

/**
 * A line that is a comment (`#`, `//`, `/*`, `*`, `;`, `<!--` first on it): a URL there is a link for the reader.
 * bitnami/charts@5165628's values.yaml files say `## ref: https://cert-manager.io/docs/…` in 100 charts, which tied
 * each of them to the `cert-manager` chart. Not `--`: in a start script that is an option continuing a command
 * (`  --server.url=https://greet-svc:8443 \`), which does name a peer.
 */
function onCommentLine(content: string, at: number): boolean {
  const start = content.lastIndexOf('\n', at - 1) + 1;
  return /^\s*(#|\/\/|\/\*|\*|;|<!--)/.test(content.slice(start, at));
}
/**
 * A registered domain of two labels (`grafana.com`, `prometheus.io`, `keycloak.org`): a vendor's site, whose first
 * label is no service of the tree, unlike `kafka.default` or `greet-svc.internal`.
 */
const PUBLIC_DOMAIN = /^[a-z0-9-]+\.(com|org|net|io|dev|app|cloud|co|info|biz|edu|gov|de|uk|fr|eu|ai|sh|me|tech)$/;

export interface BuildProject {
  /** The directory it is rooted at: the projects' common directory, the linted one for a file set. */
  root: string;
  /**
   * Set when the deployment is only these projects' directories (each without the deployments nested in it), not
   * everything under `root`: projects that run together whose common directory is the linted one, where the files
   * outside every deployment and other such groups are rooted too.
   */
  members?: string[];
  /** How many build projects the deployment holds (several when their files say they run together). */
  projects: number;
  /** The build file that makes a one-project deployment a project (`pom.xml`, `build.gradle`…). */
  buildFile?: string;
}

/** What a project's (or an outside directory's) files say about the network. */
interface UnitText {
  /** Local ports it serves or publishes. */
  ports: Set<string>;
  /**
   * Local ports only its tests declare: a test's own server or stub (a WireMock on 8443 standing in for the server
   * the app calls), which the app itself does not serve.
   */
  testPorts: Set<string>;
  /** Lower-cased URL hosts (and their first labels). */
  hosts: Set<string>;
  /** Ports of URLs to a local host. */
  localCalls: Set<string>;
  /** Ports of URLs to a local host in its tests. */
  testCalls: Set<string>;
  /** Directories named by relative paths that leave the unit (`../greet-svc/…`). */
  upwardNames: Set<string>;
  /** Every name-like word (outside units only: a Compose file at the top builds `./greet-svc`). */
  words?: Set<string>;
}

/** A build project holding files lint-deploy reads, or a directory of components outside every project. */
interface Unit {
  root: string;
  project: boolean;
  /** A Helm chart: its `localhost` is its own pod, so a local call there reaches no other project. */
  chart: boolean;
  text: UnitText;
}

function scan(files: readonly string[], keepWords: boolean): UnitText {
  const text: UnitText = {
    ports: new Set(),
    testPorts: new Set(),
    hosts: new Set(),
    localCalls: new Set(),
    testCalls: new Set(),
    upwardNames: new Set(),
  };
  if (keepWords) text.words = new Set();
  for (const file of files) {
    const name = path.basename(file);
    if (!SCANNED_FILE.test(name) || GENERATED_DIR.test(file) || isBuildFile(name) || isChartFile(name)) continue;
    const read = readRegularFile(file, SCANNED_BYTES);
    if (!read.ok) continue;
    const content = read.bytes.toString('utf8');
    const test = TEST_SOURCES.test(file);
    const ports = test ? text.testPorts : text.ports;
    for (const m of content.matchAll(DECLARED_PORT)) ports.add(m[1]!);
    for (const m of content.matchAll(PUBLISHED_PORT)) ports.add(m[1]!);
    for (const m of content.matchAll(URL)) {
      if (onCommentLine(content, m.index)) continue;
      const host = m[1]!.toLowerCase();
      if (LOCAL_HOST.test(host)) {
        if (m[2] && !NOT_A_COMPONENT_SCHEME.test(m[0])) (test ? text.testCalls : text.localCalls).add(m[2]);
      } else {
        text.hosts.add(host);
        if (!PUBLIC_DOMAIN.test(host)) text.hosts.add(host.split('.')[0]!);
      }
    }
    // All the `../` first: `../../../../secure-client/src/…` names secure-client (matched one `../` at a time, the
    // `..` after each stood for the name, and an even count never reached it).
    for (const m of content.matchAll(/(?:\.\.[\\/])+([A-Za-z0-9_.-]+)/g)) text.upwardNames.add(m[1]!);
    if (text.words) for (const word of content.split(/[^A-Za-z0-9_.-]+/)) text.words.add(word);
  }
  return text;
}

/**
 * Whether unit `a` names project `b`: a URL host, a path that leaves `a`, or (outside units) any word. A word names a
 * project across the linted directory only when `a` is no file of another top directory that holds projects of its
 * own (an example of a repository of examples): there a word is that example's vocabulary.
 * oktadev/java-microservices-examples@d971f66's reactive-jhipster/docker-compose says `jhipster` (its Keycloak realm,
 * the `jhipster/jhipster-registry` image, the `jhipster:` settings), the name of the jhipster/ example's directory.
 */
function names(a: Unit, b: Unit, root: string, wordsAcrossTop: boolean): boolean {
  const name = path.basename(b.root);
  if (a.text.hosts.has(name.toLowerCase()) || a.text.upwardNames.has(name)) return true;
  if (!a.text.words?.has(name)) return false;
  return wordsAcrossTop || commonDirectory(a.root, b.root).length > root.length;
}

/** The directory right below `root` that holds `dir` (`dir` itself at that depth), or `root` for `root`. */
function topDirectory(dir: string, root: string): string {
  const first = path.relative(root, dir).split(path.sep)[0];
  return first ? path.join(root, first) : root;
}

/**
 * Of the units that answer one call or name of `a`, the nearest (those sharing the deepest directory with it). Several
 * equally near that share only the linted directory with it are a coincidence of a repository of samples, not a peer
 * the tree points at: eugenp/tutorials@2430217's feign sample calls localhost:8081, which 66 other tutorials declare,
 * and its apache-seata Compose file names `order-service`, as two other tutorials' projects are called.
 */
function nearestOf(a: Unit, candidates: readonly Unit[], root: string): Unit[] {
  const depth = (b: Unit) => commonDirectory(a.root, b.root).length;
  const nearest = Math.max(...candidates.map(depth));
  const near = candidates.filter((b) => depth(b) === nearest);
  return near.length > 1 && nearest <= root.length ? [] : near;
}

/** The projects unit `a` names (of several projects of one name, the nearest). */
function namedBy(a: Unit, units: readonly Unit[], root: string): Unit[] {
  const byName = new Map<string, Unit[]>();
  const top = topDirectory(a.root, root);
  const wordsAcrossTop = top === root || !units.some((u) => u.project && u.root.startsWith(top + path.sep));
  for (const b of units) {
    if (b === a || !b.project || !names(a, b, root, wordsAcrossTop)) continue;
    const name = path.basename(b.root);
    byName.set(name, [...(byName.get(name) ?? []), b]);
  }
  return [...byName.values()].flatMap((same) => nearestOf(a, same, root));
}

/**
 * The units whose server unit `a` calls on a local port it does not serve itself: of the units that declare
 * that port, the nearest (a client beside its server; another sample elsewhere that uses the same port is a
 * coincidence, as the nearest queue manager is the one an MQ client means).
 */
function calledBy(a: Unit, units: readonly Unit[], root: string): Unit[] {
  const called: Unit[] = [];
  // In Kubernetes `localhost` is the pod's own network: a chart's local call stays in its pod, and a chart's port is
  // served in a cluster, not on the machine of another project's local call.
  if (a.chart) return called;
  const calls = [
    ...[...a.text.localCalls].map((port) => ({ port, test: false })),
    ...[...a.text.testCalls].map((port) => ({ port, test: true })),
  ];
  for (const { port, test } of calls) {
    // A call to a port of its own is the project's own server (a test calling the sample it tests, or a stub its
    // test starts); a port only its tests serve is no server of the app, which calls another project there
    // (GeorgeLvov/spring-boot-mtls: the client calls the server's 8443, where its own WireMock test listens too).
    if (a.text.ports.has(port) || (test && a.text.testPorts.has(port)) || DEFAULT_APP_PORTS.has(port)) continue;
    called.push(
      ...nearestOf(
        a,
        units.filter((b) => b !== a && !b.chart && b.text.ports.has(port)),
        root,
      ),
    );
  }
  return called;
}

/**
 * The build projects that are deployments of their own under `root`, or none. `files` are the walked files,
 * `readFiles` those lint-deploy reads, and `isComponent` tells those that hold components (not certificates, JDK
 * files or start scripts).
 */
export function separateBuildProjects(
  root: string,
  files: readonly string[],
  readFiles: Iterable<string>,
  isComponent: (file: string) => boolean,
): BuildProject[] {
  const buildFiles = new Map<string, string>();
  const chartDirs: string[] = [];
  for (const file of files) {
    const dir = path.dirname(file);
    if (dir === root) continue;
    if (isBuildFile(file) && !buildFiles.has(dir)) buildFiles.set(dir, path.basename(file));
    else if (isChartFile(file)) chartDirs.push(dir);
  }
  // A Helm chart is a project of its own unless it lies inside another project or chart: a subchart under its
  // parent's `charts/` is installed with the parent, and a chart inside a Maven or Gradle project deploys that
  // application.
  const enclosing = [...buildFiles.keys(), ...chartDirs];
  for (const dir of chartDirs) {
    if (!enclosing.some((other) => dir.startsWith(other + path.sep)) && !buildFiles.has(dir))
      buildFiles.set(dir, 'Chart.yaml');
  }
  if (buildFiles.size < 2) return [];
  // The nearest project: a module of a Maven parent is a project too (teiniker's lecture samples under one
  // aggregator pom); modules that run together say so as any projects do, and merge up to the parent.
  const projectOf = projectOfFile([...buildFiles.keys()]);
  const projectFiles = new Map<string, string[]>();
  const outsideFiles = new Map<string, string[]>();
  for (const file of readFiles) {
    const project = projectOf(file);
    // A project with only certificates is a sample configured in code (spring-security-samples' saml2 login
    // samples): its key pair is its own. Certificates outside every project tie nothing.
    if (project) projectFiles.set(project, []);
    else if (isComponent(file)) {
      const dir = path.dirname(file);
      let list = outsideFiles.get(dir);
      if (!list) outsideFiles.set(dir, (list = []));
      list.push(file);
    }
  }
  if (projectFiles.size < 2) return [];
  for (const file of files) projectFiles.get(projectOf(file) ?? '')?.push(file);
  const units: Unit[] = [
    ...[...projectFiles].map(([dir, own]) => ({
      root: dir,
      project: true,
      chart: buildFiles.get(dir) === 'Chart.yaml',
      text: scan(own, false),
    })),
    ...[...outsideFiles].map(([dir, own]) => ({ root: dir, project: false, chart: false, text: scan(own, true) })),
  ].sort((x, y) => (x.root < y.root ? -1 : 1));
  const groups = groupUnits(units, root);
  // Units tied across the top with a directory of components outside every project (a Compose file at the top that
  // starts projects) stay with the files outside every deployment, linted together; so do outside units tied to none.
  const withOutside = groups.filter((g) => g.top && g.members.some((unit) => !unit.project));
  const deployments = groups.filter((g) => !withOutside.includes(g) && g.members.some((unit) => unit.project));
  const projectsWithOutside = withOutside.some((g) => g.members.some((unit) => unit.project));
  if (deployments.length + (projectsWithOutside ? 1 : 0) < 2) return [];
  return deployments
    .map((g) => {
      const projects = g.members.filter((unit) => unit.project).length;
      if (!g.top) return { root: g.root, projects, buildFile: buildFiles.get(g.root) };
      return { root: g.root, projects, members: g.members.map((unit) => unit.root).sort() };
    })
    .sort((x, y) => (deploymentKey(x) < deploymentKey(y) ? -1 : 1));
}

/** Orders deployments by root, a file set after the directory deployment of its root, file sets by first member. */
const deploymentKey = (d: BuildProject) => [d.root, ...(d.members ?? [])].join('\0');

interface UnitGroup {
  root: string;
  members: Unit[];
  /**
   * Units tied across the linted directory: a deployment of their own files (or, with a directory outside every
   * project, of the files outside every deployment), not of everything under `root`.
   */
  top?: boolean;
}

/**
 * Units that run together are merged up to their common directory, with every unit below it. Units whose common
 * directory is the linted one (the reactive OAuth 2 login sample and the servlet authorization server it calls)
 * are a group of their own files: the linted directory also holds other samples and such groups.
 */
function groupUnits(units: readonly Unit[], root: string): UnitGroup[] {
  let groups: UnitGroup[] = units.map((unit) => ({ root: unit.root, members: [unit] }));
  const groupOf = (unit: Unit) => groups.find((g) => g.members.includes(unit))!;
  const joinTop = (...joined: UnitGroup[]) => {
    groups = [
      ...groups.filter((g) => !joined.includes(g)),
      { root, members: [...new Set(joined)].flatMap((g) => g.members), top: true },
    ];
  };
  /**
   * Groups across the top linted with the files outside every deployment (./build-projects.ts separateBuildProjects)
   * with a unit in `dir`: a directory deployment there would claim that unit's files. A file set keeps its own.
   */
  const leftoverGroupsIn = (dir: string) =>
    groups.filter(
      (g) =>
        g.top &&
        g.members.some((unit) => !unit.project) &&
        g.members.some((unit) => unit.root === dir || unit.root.startsWith(dir + path.sep)),
    );
  for (const a of units) {
    for (const b of [...namedBy(a, units, root), ...calledBy(a, units, root)]) {
      const [ga, gb] = [groupOf(a), groupOf(b)];
      if (ga === gb) continue;
      const common = commonDirectory(ga.root, gb.root);
      if (ga.top || gb.top || common.length <= root.length) {
        joinTop(ga, gb);
        continue;
      }
      if (leftoverGroupsIn(common).length) {
        joinTop(ga, gb, ...leftoverGroupsIn(common));
        continue;
      }
      // The two groups become one rooted at their common directory, with any group whose root lies between that
      // directory and a member's (it would claim the member's files: a file belongs to the nearest deployment root
      // above it). Other groups below stay deployments of their own: in bitnami/charts@5165628 the cert-manager chart
      // names the vault chart, and the 112 other charts of bitnami/ call neither.
      const below = (dir: string) => dir === common || dir.startsWith(common + path.sep);
      const memberRoots = [...ga.members, ...gb.members].map((unit) => unit.root);
      const merged = groups.filter(
        (g) =>
          g === ga ||
          g === gb ||
          (!g.top && below(g.root) && memberRoots.some((dir) => dir === g.root || dir.startsWith(g.root + path.sep))),
      );
      groups = [
        ...groups.filter((g) => !merged.includes(g)),
        { root: common, members: merged.flatMap((g) => g.members) },
      ];
    }
  }
  // A unit linted with the files outside every deployment inside another group's directory (a module tied across the
  // top with a Compose file there, its parent not) would be claimed by that directory's deployment: the enclosing
  // group joins them. A module in a file set is claimed by its set, and its parent stays a deployment of its own.
  const enclosing = () => groups.find((g) => !g.top && leftoverGroupsIn(g.root).length);
  for (let g = enclosing(); g; g = enclosing()) joinTop(g, ...leftoverGroupsIn(g.root));
  return groups;
}

/** The deepest directory holding two directories. */
export function commonDirectory(a: string, b: string): string {
  const [pa, pb] = [a.split(path.sep), b.split(path.sep)];
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  return pa.slice(0, i).join(path.sep);
}
