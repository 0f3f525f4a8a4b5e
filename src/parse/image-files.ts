/**
 * Which files of the tree a Dockerfile's image holds, and where: its `COPY`/`ADD` instructions (./dockerfile-copies.ts)
 * played against the tree's files from the build context (the Dockerfile's directory, or the `build:` context of the
 * Docker Compose services that build it). A configuration copied into the image reads the paths it names in the
 * image: `keystoreFile="ssl/tomcat.keystore"` of a server.xml copied to /usr/local/tomcat/conf/ is the tree file
 * copied to /usr/local/tomcat/ssl/tomcat.keystore (docs/deployments.md § Dockerfile COPY and ADD).
 */
import * as path from 'node:path';
import type { Location, RelatedLocation } from '../core/types';
import { contextSources, type DockerCopy } from './dockerfile-copies';
import { parseDockerfile, type DockerfileData } from './dockerfile';
import type { ParsedDocument } from './types';
import { relativePosix } from '../core/posix-path';
import { fromStage, globPattern, WILDCARD } from './image-copy-sources';
import { composeBuildsIn, type ComposeBuild } from './compose-builds';
import { contextExcludes, dockerignoreOf } from './build-context-ignores';

/**
 * A `.dockerignore` line that leaves a tree file out of the build context of one Dockerfile (`line`: where, and what it
 * means for that Dockerfile's COPY/ADD). Per Dockerfile: two Dockerfiles of one context may read different ignore files
 * (`Dockerfile.dev.dockerignore`), and each one's COPY is its own.
 */
export interface ContextExclusion {
  dockerfile: string;
  line: RelatedLocation;
}

/** A tree file in an image, and the instruction that put it there. */
export interface ImagePlacement {
  file: string;
  copy: DockerCopy;
}

interface Image {
  dockerfile: string;
  context: string;
  /** The Dockerfile as this build reads it: with the build arguments its Compose services give (./dockerfile.ts). */
  data: DockerfileData;
  /** Container path → the tree file there, for the final stage (the one that runs). */
  files: Map<string, ImagePlacement>;
  /** Container paths Docker Compose bind-mounts over in the services that run it (a mount hides the copy). */
  mountTargets: string[];
}

/** How a configuration's relative paths resolve, from where the image holds it; undefined: only absolute paths. */
export type ContainerBase = (containerFile: string) => string | undefined;

/** A configuration's `${catalina.base}`: the directory above its conf/ (Tomcat reads `$CATALINA_BASE/conf/server.xml`). */
export const catalinaBase: ContainerBase = (file) => {
  const dir = path.posix.dirname(file);
  return path.posix.basename(dir) === 'conf' ? path.posix.dirname(dir) : dir;
};

export class ImageFiles {
  private built: Image[] | undefined;
  private builds: ComposeBuild[] | undefined;
  /** Tree file → where the images hold it. */
  private placements: Map<string, { image: Image; containerPath: string }[]> | undefined;
  /** The tree files in code-unit order, each with its place in the tree's: the files under a path are one run. */
  private readonly sortedFiles: readonly { file: string; order: number }[];
  private readonly treeFileSet: ReadonlySet<string>;
  /** Tree files a COPY/ADD names that a build context leaves out, with the Dockerfile and the `.dockerignore` line. */
  private readonly leftOut = new Map<string, ContextExclusion[]>();

  /** `unread`: tree files not read (yet) that a COPY/ADD may still place (the read stage asks before reading them). */
  constructor(
    private readonly documents: readonly ParsedDocument[],
    unread: readonly string[] = [],
  ) {
    // Built by push, not by `map`: an optimized `map` returns an array of another hidden class than the interpreter's,
    // and the deployment's store index (treeStores) was compiled again for each (docs/performance.md, session 57).
    const sorted: { file: string; order: number }[] = [];
    for (const d of documents) sorted.push({ file: d.file.path, order: sorted.length });
    for (const file of unread) sorted.push({ file, order: sorted.length });
    const treeFiles = new Set<string>();
    for (const { file } of sorted) treeFiles.add(file);
    this.treeFileSet = treeFiles;
    this.sortedFiles = sorted.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.order - b.order));
  }

  /**
   * The tree file a configuration file reads at the path it writes, in the images it is copied into (or, for an
   * absolute path, the images whose build context holds it, as a jar's application.properties): when they agree.
   */
  resolve(configFile: string, written: string, baseOf?: ContainerBase): { file: string; by: Location } | undefined {
    const cleaned = written.trim().replace(/^file:/, '');
    if (!cleaned || /\$\{|\{\{|^classpath\*?:/.test(cleaned)) return undefined;
    const images = this.images();
    if (images.length === 0) return undefined;
    const absolute = cleaned.startsWith('/');
    const wanted: { image: Image; target: string }[] = [];
    for (const { image, containerPath } of this.placements?.get(configFile) ?? []) {
      const base = absolute ? '/' : baseOf?.(containerPath);
      if (base !== undefined) wanted.push({ image, target: path.posix.resolve(base, cleaned) });
    }
    if (wanted.length === 0 && absolute)
      for (const image of images)
        if (configFile.startsWith(image.context + path.sep))
          wanted.push({ image, target: path.posix.normalize(cleaned) });
    const found = new Map<string, Location>();
    for (const { image, target } of wanted) {
      // A bind mount over the path decides at run time, not the copy.
      if (image.mountTargets.some((t) => target === t || target.startsWith(t + '/'))) return undefined;
      const placed = image.files.get(target);
      if (placed) found.set(placed.file, { file: image.dockerfile, range: placed.copy.range });
    }
    const [only, ...more] = found.entries();
    return only && more.length === 0 ? { file: only[0], by: only[1] } : undefined;
  }

  /**
   * Where a `.dockerignore` leaves a tree file out of the build context of a Dockerfile whose COPY/ADD names it (or
   * its directory): the image does not hold it there, whatever the COPY says.
   */
  leftOutOfContexts(): ReadonlyMap<string, readonly ContextExclusion[]> {
    this.images();
    return this.leftOut;
  }

  /** The Dockerfiles whose final image holds a tree file (a COPY/ADD puts it there), with the path it has in each. */
  holding(file: string): { dockerfile: string; containerPath: string }[] {
    this.images();
    const held: { dockerfile: string; containerPath: string }[] = [];
    for (const { image, containerPath } of this.placements?.get(file) ?? [])
      held.push({ dockerfile: image.dockerfile, containerPath });
    return held;
  }

  /**
   * The COPY/ADD instructions that put a tree file into the final images, with the path it has there: not where a
   * Compose bind mount over that path hides it (the container reads the mounted file).
   */
  copiesOf(file: string): { dockerfile: string; containerPath: string; copy: DockerCopy }[] {
    this.images();
    const copies: { dockerfile: string; containerPath: string; copy: DockerCopy }[] = [];
    for (const { image, containerPath } of this.placements?.get(file) ?? []) {
      const placed = image.files.get(containerPath);
      const hidden = image.mountTargets.some((t) => containerPath === t || containerPath.startsWith(t + '/'));
      if (placed && !hidden) copies.push({ dockerfile: image.dockerfile, containerPath, copy: placed.copy });
    }
    return copies;
  }

  /** The build contexts a Dockerfile is built from: those of the Compose services that build it, else its directory. */
  contextsOf(dockerfile: string): string[] {
    this.builds ??= composeBuildsIn(this.documents);
    const contexts = this.builds.filter((b) => b.dockerfile === dockerfile).map((b) => b.context);
    return contexts.length > 0 ? [...new Set(contexts)] : [path.dirname(dockerfile)];
  }

  /** Where the Compose services that build a Dockerfile write their build (its context decides what it copies). */
  composeBuildsOf(dockerfile: string): Location[] {
    this.builds ??= composeBuildsIn(this.documents);
    return this.builds.flatMap((b) => (b.dockerfile === dockerfile && b.by ? [b.by] : []));
  }

  private images(): Image[] {
    if (this.built) return this.built;
    const composeBuilds = (this.builds ??= composeBuildsIn(this.documents));
    this.built = [];
    for (const doc of this.documents) {
      if (doc.kind !== 'dockerfile') continue;
      const data = doc.data as DockerfileData;
      const builds = composeBuilds.filter((b) => b.dockerfile === doc.file.path);
      // A copy a build argument leaves unknown (`COPY $conf/* …`) is read again with each service's arguments.
      const argued = data.copies.some((c) => c.unknown) && builds.some((b) => b.args);
      if (!argued && !data.copies?.some((c) => c.destination !== undefined || contextSources(c).length > 0)) continue;
      // One image per context and set of build arguments (two services building one Dockerfile with `conf: tomcat1/conf`
      // and `conf: tomcat2/conf` copy different files).
      const variants = new Map<string, { context: string; data: DockerfileData; builds: ComposeBuild[] }>();
      const add = (context: string, args: Readonly<Record<string, string>> | undefined, build?: ComposeBuild) => {
        const key = `${context}\0${JSON.stringify(args ?? {})}`;
        const known = variants.get(key);
        if (!known)
          variants.set(key, {
            context,
            data: args ? parseDockerfile(doc.file, doc.kind, args).data : data,
            builds: build ? [build] : [],
          });
        else if (build) known.builds.push(build);
      };
      if (builds.length === 0) add(path.dirname(doc.file.path), undefined);
      for (const build of builds) add(build.context, argued ? build.args : undefined, build);
      for (const { context, data: read, builds: by } of variants.values()) {
        const inContext = this.contextFilter(doc.file.path, context);
        this.built.push({
          dockerfile: doc.file.path,
          context,
          data: read,
          files: this.finalFiles(read, context, inContext),
          mountTargets: by.flatMap((b) => b.mountTargets),
        });
        // A copy whose destination the Dockerfile does not resolve (`$JAVA_HOME/…` of the base image) places nothing
        // the tree can follow, but a source the .dockerignore leaves out still stops the build there: recorded too.
        for (const copy of read.copies ?? [])
          if (!copy.destination)
            for (const source of contextSources(copy))
              if (!WILDCARD.test(source)) inContext(path.join(context, source));
      }
    }
    this.placements = new Map();
    for (const image of this.built)
      for (const [containerPath, placed] of image.files) {
        const known = this.placements.get(placed.file);
        if (known) known.push({ image, containerPath });
        else this.placements.set(placed.file, [{ image, containerPath }]);
      }
    return this.built;
  }

  /**
   * The tree directories a Dockerfile copies whole into `containerDir` of its final image: a COPY/ADD of one directory
   * of the build context to it, or to a directory above it. A program that loads every file of that directory reads
   * each file of the tree directory the context holds (`inContext`: not one `.dockerignore` leaves out). A Compose bind
   * mount over the path hides the copy: none then.
   */
  directoryCopies(containerDir: string): { treeDir: string; by: Location; inContext: (file: string) => boolean }[] {
    const out: { treeDir: string; by: Location; inContext: (file: string) => boolean }[] = [];
    for (const image of this.images()) {
      if (image.mountTargets.some((t) => containerDir === t || containerDir.startsWith(t + '/'))) continue;
      const final = image.data.stages.length - 1;
      for (const copy of image.data.copies ?? []) {
        const [source, ...more] = copy.sources;
        if (copy.stage !== final || copy.from !== undefined || copy.unknown || !copy.destination) continue;
        if (source === undefined || more.length > 0 || WILDCARD.test(source)) continue;
        const dest = copy.destination.replace(/\/+$/, '') || '/';
        const below =
          containerDir === dest
            ? ''
            : containerDir.startsWith(dest === '/' ? '/' : dest + '/')
              ? path.posix.relative(dest, containerDir)
              : undefined;
        if (below === undefined) continue;
        const treeDir = path.resolve(image.context, source, ...below.split('/').filter(Boolean));
        if (treeDir !== image.context && !treeDir.startsWith(image.context + path.sep)) continue;
        const excludes = contextExcludes(this.documents, image.dockerfile, image.context);
        out.push({
          treeDir,
          by: { file: image.dockerfile, range: copy.range },
          inContext: (file) => excludes(file) === undefined,
        });
      }
    }
    return out;
  }

  /**
   * Whether the build context holds a tree file: not when the Dockerfile's `<name>.dockerignore`, else the context's
   * `.dockerignore`, leaves it out (./dockerignore.ts). A refused pattern stops the build: the context holds nothing.
   */
  private contextFilter(dockerfile: string, context: string): (file: string) => boolean {
    const ignore = dockerignoreOf(this.documents, dockerfile, context);
    if (!ignore) return () => true;
    const excludes = contextExcludes(this.documents, dockerfile, context);
    return (file) => {
      const pattern = excludes(file);
      if (!pattern) return true;
      if (pattern === 'refused') return false;
      const known = this.leftOut.get(file) ?? [];
      const same = (k: ContextExclusion) =>
        k.dockerfile === dockerfile && k.line.file === ignore.file.path && k.line.range === pattern.range;
      if (!known.some(same))
        known.push({
          dockerfile,
          line: {
            file: ignore.file.path,
            range: pattern.range,
            message: `'${pattern.pattern}' leaves ${relativePosix(context, file)} out of the build context of ${path.basename(dockerfile)}: its COPY/ADD puts nothing in the image`,
          },
        });
      this.leftOut.set(file, known);
      return false;
    };
  }

  /** The files each stage holds, built on the stage it starts from; the last stage's. */
  private finalFiles(
    data: DockerfileData,
    context: string,
    inContext: (file: string) => boolean,
  ): Map<string, ImagePlacement> {
    const stageFiles: Map<string, ImagePlacement>[] = [];
    data.stages.forEach((stage, index) => {
      const parent = stage.fromStage === undefined ? undefined : stageFiles[stage.fromStage];
      const files = new Map(parent ?? []);
      for (const copy of data.copies) {
        if (copy.stage !== index || copy.destination === undefined) continue;
        const items =
          copy.from === undefined ? this.fromContext(copy, context, inContext) : fromStage(copy, data, stageFiles);
        if (!items) continue;
        const intoDirectory = copy.destination.endsWith('/') || copy.sources.length > 1 || items.wildcard;
        const dest = copy.destination.replace(/\/+$/, '') || '/';
        for (const item of items.files) {
          const placed = { file: item.file, copy };
          if (item.under !== undefined) files.set(path.posix.join(dest, item.under), placed);
          else {
            files.set(path.posix.join(dest, path.basename(item.file)), placed);
            // `COPY a.jks /opt/app/conf` is /opt/app/conf/a.jks when the base image has that directory, else the file.
            if (!intoDirectory) files.set(dest, placed);
          }
        }
      }
      stageFiles.push(files);
    });
    return stageFiles[stageFiles.length - 1] ?? new Map<string, ImagePlacement>();
  }

  /** The tree files whose paths start with `prefix`, in the tree's order. */
  private filesStartingWith(prefix: string): string[] {
    const sorted = this.sortedFiles;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle]!.file < prefix) low = middle + 1;
      else high = middle;
    }
    const found: { file: string; order: number }[] = [];
    for (let i = low; i < sorted.length && sorted[i]!.file.startsWith(prefix); i++) found.push(sorted[i]!);
    return found.sort((a, b) => a.order - b.order).map((f) => f.file);
  }

  /** Tree files a copy takes from the build context: a file (no `under`), or a directory's files (`under` it). */
  private fromContext(
    copy: DockerCopy,
    context: string,
    inContext: (file: string) => boolean,
  ): { files: { file: string; under?: string }[]; wildcard: boolean } | undefined {
    const files: { file: string; under?: string }[] = [];
    let wildcard = false;
    for (const source of copy.sources) {
      const absolute = path.resolve(context, source);
      // Docker refuses a source outside the context.
      if (absolute !== context && !absolute.startsWith(context + path.sep)) continue;
      if (WILDCARD.test(source)) {
        wildcard = true;
        const pattern = globPattern(absolute);
        // Only the files under the pattern's literal start can match: found by search, not by a scan of the tree
        // (one deployment of hundreds of images copying directories was quadratic in its size).
        for (const file of this.filesStartingWith(absolute.slice(0, absolute.search(WILDCARD))))
          if (pattern.test(file)) files.push({ file });
      } else if (this.treeFileSet.has(absolute)) files.push({ file: absolute });
      else
        for (const file of this.filesStartingWith(absolute + path.sep))
          files.push({ file, under: relativePosix(absolute, file) });
    }
    return { files: files.filter((f) => f.file.startsWith(context + path.sep) && inContext(f.file)), wildcard };
  }
}
