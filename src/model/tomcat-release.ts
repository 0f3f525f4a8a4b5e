/**
 * Which Tomcat release runs a server.xml, as the tree says it (docs/deployments.md § Which Tomcat release): the
 * `FROM tomcat:<tag>` of the Dockerfiles whose image holds it (a COPY/ADD puts it there), else the image of the
 * Docker Compose services that bind-mount it (`image: tomcat:<tag>`, or the `FROM` of the Dockerfile they build), else
 * the installation beside it, else the Ansible role whose tasks write it (./tomcat-role-release.ts).
 * Read once per server.xml by the Tomcat contributor; every connector of the file gets the same answer.
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import { tomcatReleaseFromImage } from '../knowledge/tomcat';
import { serviceBuild, type ComposeData } from '../parse/compose';
import type { TomcatCatalinaJarData } from '../parse/tomcat-catalina-jar';
import { type DockerfileData } from '../parse/dockerfile';
import { runtimeStage } from '../parse/dockerfile-stages';
import { SCRIPT_IMAGE_BUILDS_KIND } from '../parse/script-image-builds';
import type { ParsedDocument } from '../parse/types';
import { SHELL_SCRIPT_KIND } from '../parse/script-file-placements';
import { deploymentMounts } from './compose-mounts';
import {
  archiveInWords,
  BASE_HOPS,
  baseDockerfileOf,
  downloadedRelease,
  scriptDownloadedRelease,
  scriptsInImages,
  type ScriptInImage,
} from './dockerfile-downloads';
import type { ModelContext } from './contributor';
import { shortPath } from './runtime-named';
import { tomcatRoleRelease } from './tomcat-role-release';
import { tomcatCookbookRelease } from './tomcat-cookbook-release';
import { treeStoresOf } from './store-files';

export interface TomcatReleaseRead {
  /** The release as tomcatTlsFacts reads it: `9.0.85`, `10.1`, or a major's newest branch (`tomcat:9` → `9.0`). */
  release: string;
  /** Where the tree says it, in words: `Dockerfile:1 FROM tomcat:9.0.85-jdk17`. */
  text: string;
  at: Location;
  /**
   * The places that lead to `at` from the Dockerfile that holds the file: a `FROM` of an image the tree builds, its
   * `image:`; or the Ansible task that writes the file (`writesTo`: the file it writes).
   */
  via?: (Location & { writesTo?: string })[];
  /** The tag names a major alone: its branch is inferred. */
  majorOnly: boolean;
}

/** The release the tree names for a server.xml; `conflicting` when the images (or the role) that run it name different ones. */
export type TomcatReleaseAnswer = { read: TomcatReleaseRead } | { conflicting: TomcatReleaseRead[] } | undefined;

/** An image that runs a server.xml, with the place that names it. */
export interface TomcatImage {
  /** The image reference (`tomcat:9.0.85-jdk17`, build arguments filled in). */
  image: string;
  /** Where the tree says it, in words: `Dockerfile:1 FROM tomcat:9.0.85-jdk17`. */
  text: string;
  at: Location;
  /** The places that lead to `at`: a `FROM` of an image the tree builds, and the Compose `image:` that builds it. */
  via?: Location[];
}

/** The images that run a server.xml: those it is copied into, and those of the Compose services that mount it. */
export interface TomcatImages {
  copied: TomcatImage[];
  mounted: TomcatImage[];
  /** The Tomcat installation of the tree the server.xml belongs to (`<home>/conf/server.xml` beside `<home>/lib/catalina.jar`). */
  installed?: TomcatReleaseRead;
  /**
   * The release of the Ansible role whose tasks write the file into a server.xml (./tomcat-role-release.ts), else of the
   * Chef cookbook whose recipe does (./tomcat-cookbook-release.ts); the releases the role names when they differ.
   */
  role?: NonNullable<TomcatReleaseAnswer>;
}

/** An image read as a Tomcat release. */
function fromImage({ image, text, at, via }: TomcatImage): TomcatReleaseRead | undefined {
  const named = tomcatReleaseFromImage(image);
  if (!named) return undefined;
  return {
    release: named.release,
    text: named.note ? `${text}: ${named.note}` : text,
    at,
    ...(via ? { via } : {}),
    majorOnly: named.majorOnly,
  };
}

/**
 * The Tomcat a `RUN` of the running image downloads and unpacks (geeeoff/alpine-linux-openjdk-tomcat-docker-hardened:
 * `ENV tomcatVersion=…` and `wget http://archive.apache.org/dist/tomcat/…/apache-tomcat-${tomcatVersion}.tar.gz` on an
 * image that is no Tomcat; ./dockerfile-downloads.ts): read as the official image of that release would be.
 */
function downloadedTomcat(
  doc: ParsedDocument<DockerfileData>,
  root: string,
  scriptAt: ScriptInImage,
): TomcatImage | undefined {
  const downloaded = downloadedRelease(doc, 'tomcat');
  if (downloaded)
    return {
      image: `tomcat:${downloaded.release}`,
      text: `${shortPath(doc.file.path, root)}:${downloaded.line} ${downloaded.how} ${archiveInWords(downloaded, 'Tomcat')}`,
      at: downloaded.at,
    };
  const scripted = scriptDownloadedRelease(doc, 'tomcat', scriptAt);
  if (!scripted) return undefined;
  const script = shortPath(scripted.script.file, root);
  return {
    image: `tomcat:${scripted.release}`,
    text: `${shortPath(doc.file.path, root)}:${scripted.line} RUN, which runs ${script}, whose line ${scripted.script.line} names ${scripted.written}`,
    at: scripted.named,
    via: [scripted.at],
  };
}

/**
 * The Dockerfiles, Compose files and scripts' `docker build -t`s of the deployment, to follow a `FROM` to the Dockerfile
 * of the tree that builds it.
 */
interface TreeBuilds {
  dockerfiles: readonly ParsedDocument<DockerfileData>[];
  builders: readonly ParsedDocument[];
  /** The tree's shell scripts by the path an image holds them at (a RUN may run one that installs Tomcat). */
  scriptAt: ScriptInImage;
}

/**
 * A Dockerfile's runtime stage `FROM`, or the Tomcat distribution it downloads when that image is no Tomcat, or else the
 * Tomcat of the image the `FROM` names when a Dockerfile of the tree builds it (Compose `image: spire` with `build:`).
 */
function fromDockerfile(
  doc: ParsedDocument | undefined,
  root: string,
  builds: TreeBuilds,
  hops = 0,
): TomcatImage | undefined {
  if (!doc || doc.kind !== 'dockerfile') return undefined;
  const dockerfile = doc as ParsedDocument<DockerfileData>;
  const stage = runtimeStage(dockerfile.data);
  if (!stage?.image) return undefined;
  if (!tomcatReleaseFromImage(stage.image)) {
    const downloaded = downloadedTomcat(dockerfile, root, builds.scriptAt);
    if (downloaded) return downloaded;
    const base = hops < BASE_HOPS ? baseDockerfileOf(dockerfile, builds.dockerfiles, builds.builders, root) : undefined;
    const inBase = base && fromDockerfile(base.doc, root, builds, hops + 1);
    if (base && inBase && tomcatReleaseFromImage(inBase.image))
      return { ...inBase, text: `${base.text}: ${inBase.text}`, via: [...base.via, ...(inBase.via ?? [])] };
  }
  const written = stage.image === stage.written ? stage.written : `${stage.written} (${stage.image})`;
  return {
    image: stage.image,
    text: `${shortPath(doc.file.path, root)}:${stage.line} FROM ${written}`,
    at: { file: doc.file.path, range: stage.range },
  };
}

/** The images a server.xml is copied into, and those of the Compose services that mount it. */
export function tomcatImagesOf(ctx: ModelContext, serverXml: string): TomcatImages {
  const { root } = ctx.deployment;
  // By kind: a file is also the path of the documents read from it (a Compose file's YAML steps, a Dockerfile's heredocs).
  const dockerfileAt = new Map(ctx.documentsOf('dockerfile').map((d) => [d.file.path, d]));
  const composeAt = new Map(ctx.documentsOf('compose').map((d) => [d.file.path, d]));
  const images = treeStoresOf(ctx).images;
  const builds: TreeBuilds = {
    dockerfiles: ctx.documentsOf('dockerfile') as ParsedDocument<DockerfileData>[],
    builders: [...ctx.documentsOf('compose'), ...ctx.documentsOf(SCRIPT_IMAGE_BUILDS_KIND)],
    scriptAt: scriptsInImages(ctx.documentsOf(SHELL_SCRIPT_KIND), (file) => images?.holding(file) ?? []),
  };
  // One image per Dockerfile, however many of its instructions place the file (`COPY conf/ …` and `COPY
  // conf/server.xml …`): each copy would name it again in every message.
  const dockerfiles = new Set((images?.holding(serverXml) ?? []).map((i) => i.dockerfile));
  const copied = [...dockerfiles].flatMap(
    (dockerfile) => fromDockerfile(dockerfileAt.get(dockerfile), root, builds) ?? [],
  );
  const mounted = deploymentMounts(ctx)
    .filter((m) => m.mount.service !== undefined)
    .filter((m) => serverXml === m.hostPath || serverXml.startsWith(m.hostPath + path.sep))
    .flatMap((m): TomcatImage[] => {
      const compose = composeAt.get(m.file);
      const service = (compose?.data as ComposeData | undefined)?.services.find((s) => s.name === m.mount.service);
      if (!compose || !service) return [];
      const dockerfile = serviceBuild(m.file, service)?.dockerfile;
      if (dockerfile !== undefined) {
        const built = fromDockerfile(dockerfileAt.get(dockerfile), root, builds);
        // The built image, unless it names no release and the service's `image:` may (which the release reads).
        if (built && (tomcatReleaseFromImage(built.image) || !service.image)) return [built];
      }
      const range = service.imageRange;
      if (!service.image || !range) return [];
      return [
        {
          image: service.image,
          text: `${shortPath(m.file, root)}:${range.start.line + 1} image: ${service.image}`,
          at: { file: m.file, range },
        },
      ];
    });
  const installed = installationOf(ctx, serverXml);
  const cookbook = tomcatCookbookRelease(ctx, serverXml);
  const role = tomcatRoleRelease(ctx, serverXml) ?? (cookbook ? { read: cookbook } : undefined);
  return { copied, mounted: uniqueImages(mounted), ...(installed ? { installed } : {}), ...(role ? { role } : {}) };
}

/**
 * The release of the Tomcat installation a server.xml belongs to: `<home>/conf/server.xml` with the same home's
 * `lib/catalina.jar` in the tree, whose ServerInfo.properties names the release (../parse/tomcat-catalina-jar.ts).
 * That jar is the Tomcat that reads this conf/ (`bin/catalina.sh` of the home, CATALINA_BASE left to CATALINA_HOME):
 * DreamInSun/orange.img.Tomcat@886b2d2c ADDs its apache-tomcat-6.0.47 directory, jar and all, to a java:8-jre image.
 */
function installationOf(ctx: ModelContext, serverXml: string): TomcatReleaseRead | undefined {
  const conf = path.dirname(serverXml);
  if (path.basename(conf) !== 'conf') return undefined;
  const jarPath = path.join(path.dirname(conf), 'lib', 'catalina.jar');
  const jar = ctx.documentsOf('tomcat.catalina-jar').find((d) => d.file.path === jarPath) as
    | ParsedDocument<TomcatCatalinaJarData>
    | undefined;
  const release = jar?.data.release;
  if (!jar || !release) return undefined;
  return {
    release,
    text: `${shortPath(jarPath, ctx.deployment.root)}: ${jar.data.serverInfo ?? release}, the installation this conf/ belongs to`,
    at: { file: jarPath },
    majorOnly: false,
  };
}

/** The images once each (two mounts of one service, or of services built from one Dockerfile, name it twice). */
function uniqueImages(images: TomcatImage[]): TomcatImage[] {
  const seen = new Set<string>();
  return images.filter((i) => !seen.has(i.text) && seen.add(i.text));
}

/**
 * The Tomcat release of the images a server.xml is copied into, else of the Compose services that mount it, else of
 * the installation of the tree it belongs to, else of the Ansible role whose tasks write it.
 */
export function tomcatReleaseOf({ copied, mounted, installed, role }: TomcatImages): TomcatReleaseAnswer {
  const fromCopies = copied.flatMap((i) => fromImage(i) ?? []);
  if (fromCopies.length > 0) return decide(fromCopies);
  const fromMounts = mounted.flatMap((i) => fromImage(i) ?? []);
  if (fromMounts.length > 0) return decide(fromMounts);
  return installed ? { read: installed } : role;
}

function decide(found: TomcatReleaseRead[]): TomcatReleaseAnswer {
  const releases = new Map(found.map((f) => [f.release, f]));
  const [only, ...more] = releases.values();
  if (!only) return undefined;
  return more.length === 0 ? { read: only } : { conflicting: [only, ...more] };
}
