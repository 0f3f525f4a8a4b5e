/**
 * What a Dockerfile's running image installs from a release archive, and the Dockerfile of the tree that builds the
 * image a `FROM` names. maxlambrecht/spiffe-nginx-tomcat@73c50e5: spire/Dockerfile is `FROM ubuntu:xenial` with
 * `ARG TOMCAT_VERSION=8.5.32`, `ARG TOMCAT_RELEASE="…/apache-tomcat-${TOMCAT_VERSION}.tar.gz"` and `RUN curl …
 * ${TOMCAT_RELEASE} | tar -xzf -`; docker-compose.yml builds it as `image: spire`; back-end/Dockerfile is `FROM spire`
 * and copies its server.xml and nginx.conf into that Tomcat and nginx.
 */
import * as path from 'node:path';
import type { Location, Range } from '../core/types';
import { serviceBuild, type ComposeData } from '../parse/compose';
import type { DockerfileData } from '../parse/dockerfile';
import { substituteVariables, type StageVariables } from '../parse/dockerfile-copies';
import { heldCommands, heldCopies, runtimeStage } from '../parse/dockerfile-stages';
import { SCRIPT_IMAGE_BUILDS_KIND, type ScriptImageBuildsData } from '../parse/script-image-builds';
import type { ParsedDocument } from '../parse/types';
import { LineIndex } from '../parse/text';
import { shortPath } from './runtime-named';

/** A release archive a RUN of the running image names. */
export interface DownloadedRelease {
  /** The numeric release (`1.13.9`), without the build label the archive's name may carry. */
  release: string;
  /** The archive's name without its extension, the variables the RUN sees filled in (`nginx-1.13.9spiffe5`). */
  archive: string;
  /** The build label after the release (`spiffe5` of `1.13.9spiffe5`), when there is one. */
  label?: string;
  /** The RUN that names it, or the ADD that unpacks it (a local archive) or fetches it (a URL). */
  at: Location;
  /** What that line does with it, in words (`Dockerfile:2 ADD, which unpacks apache-tomcat-8.5.43`). */
  how: 'RUN, which downloads' | 'ADD, which downloads' | 'ADD, which unpacks';
  /** Its line, one-based. */
  line: number;
}

/** A URL source of `ADD`, which Docker fetches without unpacking it. */
const REMOTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Archive names. nginx.org's source archives (https://nginx.org/download/) and builds of them: the release, then a build
 * label that starts with a letter and so cannot continue the number (SPIFFE's `nginx-1.13.9spiffe5.tgz`,
 * https://github.com/spiffe/spiffe-nginx/releases), then the extension. Apache Tomcat's binary distributions
 * (https://archive.apache.org/dist/tomcat/): the release alone, as Tomcat's suffixes name other artifacts (`-src`,
 * `-deployer`, `-fulldocs`, `-embed`) or Windows builds.
 */
const ARCHIVES = {
  nginx: /(?<![\w.-])nginx-(\d+\.\d+\.\d+)(?:[-+~_]?([A-Za-z][\w+~-]*))?\.(?:tar\.gz|tgz)(?![\w.])/,
  tomcat: /(?<![\w.-])apache-tomcat-(\d+\.\d+\.\d+)\.(?:tar\.gz|zip)(?![\w.])/,
};

/** An archive's name without its extension. */
const withoutExtension = (archive: string) => archive.replace(/\.(?:tar\.gz|tgz|zip)$/, '');

/**
 * The Tomcat distribution archives a text names (an Ansible role's download URL, ./tomcat-role-release.ts): each
 * archive's name without its extension, and its release.
 */
export function tomcatArchiveReleases(text: string): { archive: string; release: string }[] {
  const anywhere = new RegExp(ARCHIVES.tomcat.source, 'g');
  return [...text.matchAll(anywhere)].map((m) => ({
    archive: m[0].replace(/\.(?:tar\.gz|zip)$/, ''),
    release: m[1]!,
  }));
}

/**
 * A word with the stage's ARG and ENV values in place (the parser already put earlier variables into their values:
 * `ARG URL=…${VERSION}…`); as written when one is given at build time.
 */
function expanded(word: string, variables: StageVariables): string {
  return substituteVariables(word, variables) ?? word;
}

/**
 * The release archive of `product` the running image's RUNs name first, each word with the variables the RUN sees
 * substituted (ARG and ENV defaults of its stage only; a build argument without a default leaves the word as written,
 * which names no release).
 */
export function downloadedRelease(
  doc: ParsedDocument<DockerfileData>,
  product: keyof typeof ARCHIVES,
): DownloadedRelease | undefined {
  const release = (word: string, how: DownloadedRelease['how'], range: Range): DownloadedRelease | undefined => {
    const m = ARCHIVES[product].exec(word);
    if (!m) return undefined;
    const [archive, named, label] = m;
    return {
      release: named!,
      archive: withoutExtension(archive),
      ...(label ? { label } : {}),
      at: { file: doc.file.path, range },
      how,
      line: range.start.line + 1,
    };
  };
  const run = firstOf(
    heldCommands(doc.data).filter((command) => command.instruction === 'RUN'),
    (command) =>
      firstOf(command.joined.split(/[\s"'=;|&]+/), (word) =>
        word ? release(expanded(word, command.variables ?? {}), 'RUN, which downloads', command.range) : undefined,
      ),
  );
  // `ADD apache-tomcat-8.5.43.tar.gz /apps`: Docker unpacks a local tar archive it adds (and fetches a URL), so the
  // image holds that release as a RUN's download would (As9530272755/k8s-nginx-tomcat@1df3090 tomcat-base/Dockerfile).
  const added = firstOf(
    heldCopies(doc.data).filter((copy) => copy.instruction === 'ADD'),
    (copy) =>
      firstOf(copy.sources, (source) =>
        release(
          source.split('/').pop() ?? source,
          REMOTE.test(source) ? 'ADD, which downloads' : 'ADD, which unpacks',
          copy.range,
        ),
      ),
  );
  return run && added ? (run.line <= added.line ? run : added) : (run ?? added);
}

/** The tree script an image holds at a path (a COPY/ADD put it there), or undefined. */
export type ScriptInImage = (dockerfile: string, containerPath: string) => ParsedDocument | undefined;

/** Where the images of the tree hold a file: each Dockerfile that places it, and the path it lands at. */
type ImagePlaces = (file: string) => readonly { dockerfile: string; containerPath: string }[];

/** The tree's shell scripts (SHELL_SCRIPT_KIND documents) by the path an image holds each at. */
export function scriptsInImages(scripts: readonly ParsedDocument[], placed: ImagePlaces): ScriptInImage {
  return (dockerfile, containerPath) =>
    scripts.find((script) =>
      placed(script.file.path).some((held) => held.dockerfile === dockerfile && held.containerPath === containerPath),
    );
}

/** A release a tree script names, and the RUN of the running image that runs the script. */
export interface ScriptRelease {
  release: string;
  /** What names it in the script: an archive's name without its extension (`nginx-1.18.0`), a package pin (`nginx=1.18.*`). */
  written: string;
  /** The RUN. */
  at: Location;
  /** Its line, one-based. */
  line: number;
  /** The script, and the one-based line of it that names the archive. */
  script: { file: string; line: number };
  /** The archive's name in the script. */
  named: Location;
}

/** What names a release in a script's text: the release, where it is written and how (ScriptRelease.written). */
export interface NamedInScript {
  release: string;
  index: number;
  length: number;
  written: string;
}

/**
 * The release that a script of the tree names first (`find` reads the script's text), when a RUN of the running image
 * runs that script by the path the image holds it at (PkayJava/tomcat-docker@8845022 Dockerfile: `COPY script
 * /script`, `RUN /script/installation.sh`, whose `wget …/apache-tomcat-9.0.46.tar.gz` and `tar -zxvf` install Tomcat
 * under /opt/tomcat-9.0.46, the home its CMD starts). Read as a RUN that named it itself would be.
 */
export function scriptNamedRelease(
  doc: ParsedDocument<DockerfileData>,
  scriptAt: ScriptInImage,
  find: (text: string) => NamedInScript | undefined,
): ScriptRelease | undefined {
  return firstOf(
    heldCommands(doc.data).filter((command) => command.instruction === 'RUN'),
    (command) =>
      firstOf(command.joined.split(/[\s"';|&()]+/), (word) => {
        const written = expanded(word, command.variables ?? {});
        if (!written.startsWith('/')) return undefined;
        const script = scriptAt(doc.file.path, path.posix.normalize(written));
        const named = script && find(script.file.text);
        if (!script || !named) return undefined;
        const start = new LineIndex(script.file.text).positionAt(named.index);
        return {
          release: named.release,
          written: named.written,
          at: { file: doc.file.path, range: command.range },
          line: command.range.start.line + 1,
          script: { file: script.file.path, line: start.line + 1 },
          named: {
            file: script.file.path,
            range: { start, end: { line: start.line, character: start.character + named.length } },
          },
        };
      }),
  );
}

/** The release archive of `product` a script a RUN of the running image runs names first (scriptNamedRelease). */
export function scriptDownloadedRelease(
  doc: ParsedDocument<DockerfileData>,
  product: keyof typeof ARCHIVES,
  scriptAt: ScriptInImage,
): ScriptRelease | undefined {
  return scriptNamedRelease(doc, scriptAt, (text) => archiveInScript(text, product));
}

/** Archive names whose release is a shell variable (`nginx-${NGINX_VERSION}.tar.gz`, `apache-tomcat-$TOMCAT.zip`). */
const VARIABLE_ARCHIVES = {
  nginx: /(?<![\w.-])nginx-\$\{?([A-Za-z_]\w*)\}?\.(?:tar\.gz|tgz)(?![\w.])/g,
  tomcat: /(?<![\w.-])apache-tomcat-\$\{?([A-Za-z_]\w*)\}?\.(?:tar\.gz|zip)(?![\w.])/g,
};

/**
 * The archive of `product` a script's text names first: as written (`nginx-1.18.0.tar.gz`), or with its release in a
 * variable the script assigns once, to a release as written (`NGINX_VERSION=1.18.0`, `export NGINX_VERSION="1.18.0"`):
 * then located at the assignment. A variable assigned twice, from the environment or with an expansion stays unread.
 */
function archiveInScript(text: string, product: keyof typeof ARCHIVES): NamedInScript | undefined {
  const literal = ARCHIVES[product].exec(text);
  const found: NamedInScript[] = literal
    ? [{ release: literal[1]!, index: literal.index, length: literal[0].length, written: withoutExtension(literal[0]) }]
    : [];
  for (const m of text.matchAll(VARIABLE_ARCHIVES[product])) {
    const name = m[1]!;
    const assignments = [...text.matchAll(new RegExp(`(?<![\\w$])${name}=`, 'g'))];
    const value = new RegExp(
      `^[ \\t]*(?:export[ \\t]+|readonly[ \\t]+|local[ \\t]+)?${name}=(["']?)(\\d+\\.\\d+\\.\\d+)\\1[ \\t]*(?:[;#].*)?$`,
      'm',
    ).exec(text);
    if (assignments.length !== 1 || !value || m.index < value.index) continue;
    const release = value[2]!;
    const index = value.index + value[0].indexOf(release, name.length);
    found.push({
      release,
      index,
      length: release.length,
      written: `${withoutExtension(m[0])} with ${name}=${release}`,
    });
    break;
  }
  return found.sort((a, b) => a.index - b.index)[0];
}

/** The first item's answer that is not undefined (the items after it are not asked). */
function firstOf<Item, Answer>(items: readonly Item[], answer: (item: Item) => Answer | undefined): Answer | undefined {
  for (const item of items) {
    const found = answer(item);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The archive and the release read from it, in words: `nginx-1.13.9spiffe5 (nginx 1.13.9; spiffe5 is a build label)`. */
export function archiveInWords(downloaded: DownloadedRelease, product: string): string {
  const { archive, release, label } = downloaded;
  return label ? `${archive} (${product} ${release}; ${label} is a build label)` : archive;
}

/** The Dockerfile of the tree whose image a `FROM` names, and how the tree says so. */
export interface BaseDockerfile {
  doc: ParsedDocument<DockerfileData>;
  /** `app/Dockerfile:1 FROM spire, which docker-compose.yml:4 builds from base/Dockerfile`. */
  text: string;
  /** The places that tie the image to that Dockerfile: the `FROM`, and the service's `image:`. */
  via: Location[];
}

/** An image reference as Docker resolves it for comparison: `spire` and `spire:latest` are one image. */
const normalImage = (reference: string) => reference.trim().replace(/:latest$/, '');

/** The Dockerfile of the tree that builds an image (undefined: one the tree does not say), and the place that says so. */
interface ImageBuilt {
  built: string | undefined;
  at: Location;
  line: number;
}

/**
 * The Compose services whose `image:` is `wanted` and that build it: from a Dockerfile of the tree, or from one only the
 * run decides (`dockerfile: Dockerfile.${MODE}`) or written inline, which is no file of the tree (built undefined).
 */
function composeBuilds(composeFiles: readonly ParsedDocument[], wanted: string): ImageBuilt[] {
  return (composeFiles as ParsedDocument<ComposeData>[]).flatMap((compose) =>
    compose.data.services.flatMap((service) => {
      if (!service.image || normalImage(service.image) !== wanted) return [];
      const built = serviceBuild(compose.file.path, service)?.dockerfile;
      const at: Location = { file: compose.file.path, ...(service.imageRange ? { range: service.imageRange } : {}) };
      return service.build !== undefined ? [{ built, at, line: (service.imageRange?.start.line ?? 0) + 1 }] : [];
    }),
  );
}

/**
 * The scripts' and Makefiles' `docker build -t wanted CONTEXT` (../parse/script-image-builds.ts): the `-f` Dockerfile,
 * else CONTEXT's Dockerfile, read from the script's directory, where make runs a recipe and where a build script such
 * as `build-command.sh` with `docker build -t … .` is run (docker reads `-f` from there too, not from the context).
 * A variable in the word that decides the Dockerfile (`-f $DOCKERFILE`, or `$DIR` without `-f`) leaves the build
 * unknown (built undefined): it still builds the image, so another build of it is no longer the only one. A variable
 * elsewhere (`--build-arg V=$V`, another `-t $IMAGE`, a `$DIR` context with a literal `-f`) changes nothing.
 */
function scriptBuilds(scripts: readonly ParsedDocument<ScriptImageBuildsData>[], wanted: string): ImageBuilt[] {
  return scripts.flatMap((script) =>
    script.data.builds.flatMap(({ tags, context, file }) => {
      const tag = tags.find((t) => normalImage(t.name) === wanted);
      if (!tag) return [];
      const dir = script.data.directory;
      const built =
        dir === undefined || /[$`]/.test(file ?? context)
          ? undefined
          : file !== undefined
            ? path.resolve(dir, file)
            : path.join(path.resolve(dir, context), 'Dockerfile');
      return [{ built, at: { file: script.file.path, range: tag.range }, line: tag.range.start.line + 1 }];
    }),
  );
}

/**
 * The tree Dockerfile a script's `docker build -t image` builds the image from, when every such build builds the same
 * one (a variable deciding one of them leaves it unknown).
 */
export function scriptBuiltDockerfile(
  scripts: readonly ParsedDocument<ScriptImageBuildsData>[],
  image: string,
): string | undefined {
  const built = new Set(scriptBuilds(scripts, normalImage(image)).map((b) => b.built));
  return built.size === 1 ? [...built][0] : undefined;
}

/**
 * The Dockerfile of the tree that builds the image a Dockerfile's running stage is `FROM`: the Compose services whose
 * `image:` is that reference and whose `build:` is a Dockerfile of the tree, and the scripts that `docker build -t`
 * it, when they all build the same one (another than this: an image named after its own base is no image the tree
 * builds). `builders`: the Compose files, and the scripts' image builds (SCRIPT_IMAGE_BUILDS_KIND) when the caller
 * follows those too.
 */
export function baseDockerfileOf(
  doc: ParsedDocument<DockerfileData>,
  dockerfiles: readonly ParsedDocument<DockerfileData>[],
  builders: readonly ParsedDocument[],
  root: string,
): BaseDockerfile | undefined {
  const stage = runtimeStage(doc.data);
  if (!stage?.image) return undefined;
  const wanted = normalImage(stage.image);
  const scripts = builders.filter((d) => d.kind === SCRIPT_IMAGE_BUILDS_KIND);
  const builds = [
    ...composeBuilds(
      builders.filter((d) => d.kind !== SCRIPT_IMAGE_BUILDS_KIND),
      wanted,
    ),
    ...scriptBuilds(scripts as ParsedDocument<ScriptImageBuildsData>[], wanted),
  ];
  const [first] = builds;
  if (!first || first.built === doc.file.path || builds.some((b) => b.built !== first.built)) return undefined;
  const base = dockerfiles.find((d) => d.file.path === first.built);
  if (!base) return undefined;
  const where = `${shortPath(first.at.file, root)}:${first.line}`;
  return {
    doc: base,
    via: [{ file: doc.file.path, range: stage.range }, first.at],
    text: `${shortPath(doc.file.path, root)}:${stage.line} FROM ${stage.written}, which ${where} builds from ${shortPath(base.file.path, root)}`,
  };
}

/** How many `FROM`s of tree-built images are followed (an image built on one built on another…). */
export const BASE_HOPS = 3;
