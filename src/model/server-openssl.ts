/**
 * The OpenSSL an nginx, HAProxy or httpd file runs with: the image that holds it (the nearest Dockerfile's, a Compose
 * service's that bind-mounts it), else the assumed series; and the nginx images a deployment names without tying a file
 * to them. Kept apart from ./nginx-tls.ts, which reads the TLS settings with it.
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import type { ParsedDocument } from '../parse/types';
import { type DockerfileData } from '../parse/dockerfile';
import { runtimeStage } from '../parse/dockerfile-stages';
import {
  assumedOpensslSeries,
  opensslFromImage,
  type ImageOpenssl,
  type OpensslSeriesFacts,
} from '../knowledge/openssl';
import { nginxReleaseFromImage } from '../knowledge/server-releases';
import type { ComposeData } from '../parse/compose';
import { mountBrings, type TreeMount } from './compose-mounts';
import { floatingImageFor } from './nginx-floating-image';
import { floatingImageOpenssl } from '../knowledge/floating-images';
import { nginxReleaseOfDockerfile } from './nginx-package-release';
import type { ScriptInImage } from './dockerfile-downloads';
import type { NamedNginxRelease } from './nginx-records';
import type { FloatingOpenssl, NginxServerAttributes } from './attributes';

export interface ServerOpenssl {
  facts: OpensslSeriesFacts;
  assumed: boolean;
  source: string;
  /** When the tree names it: the release (`1.1.0l`), how the image leads to it, and the `FROM` that names the image. */
  release?: string;
  via?: string;
  at?: Location;
  /** The image reference that `at` names (`httpd:2.4.41`), when the tree names one. */
  image?: string;
  /** The nginx release the image tag names (`nginx:1.25` → `1.25`), with its `FROM`, or the image's RUN installs. */
  nginx?: NamedNginxRelease;
  /** The security level the image's libssl starts at, when a source gives it. */
  securityLevel?: { level: number; source: string };
  /** When assumed: the images of the product the tree names without tying the file to them (./openssl-level.ts). */
  untied?: UntiedImage[];
  /** When assumed: the official image under a tag that names no release which runs the file (./nginx-floating-image.ts). */
  floating?: FloatingOpenssl;
}

/** An image the deployment names for a server whose file it does not hold, with the level its OpenSSL starts at. */
export interface UntiedImage {
  level: number;
  via: string;
  at: Location;
}

/** The OpenSSL facts nginx attributes carry (src/derive/stack.ts labels the stack from them). */
export function opensslAttribute(openssl: ServerOpenssl): NonNullable<NginxServerAttributes['openssl']> {
  const { facts, assumed, source, release, via, at, floating } = openssl;
  return {
    series: facts.series,
    assumed,
    source,
    ...(release && via ? { release, via } : {}),
    ...(at ? { at } : {}),
    ...(floating ? { floating } : {}),
  };
}

/** What ties a server's file to an image besides the Dockerfile beside it: Compose mounts, and the COPYs that place it. */
interface ServerImages {
  mounts: readonly TreeMount[];
  files: readonly ParsedDocument[];
  /** The deployment's root, for the paths messages name. */
  root?: string;
  /** The Dockerfiles whose image a COPY or ADD puts the file in. */
  copiedInto?: (file: string) => readonly string[];
  /** The tree's shell scripts by the path an image holds them at (a RUN may run one that installs nginx). */
  scriptAt?: ScriptInImage;
}

/**
 * The nginx release of the images a file is copied into when no image beside it names its OpenSSL (`FROM spire`, built
 * by another Dockerfile of the tree on ubuntu:xenial with an nginx archive it downloads): the release alone, when they
 * name one; the OpenSSL stays assumed (what an nginx built from source links is the builder's choice).
 */
function copiedRelease(
  file: string,
  dockerfiles: readonly ParsedDocument<DockerfileData>[],
  copiedInto: ServerImages['copiedInto'],
  releaseOf: (d: ParsedDocument<DockerfileData>) => NamedNginxRelease | undefined,
): NamedNginxRelease | undefined {
  const into = new Set(copiedInto?.(file) ?? []);
  if (into.size === 0) return undefined;
  const named = dockerfiles.filter((d) => into.has(d.file.path)).map(releaseOf);
  const [first] = named;
  return first && named.every((n) => n?.release === first.release) ? first : undefined;
}

/**
 * The OpenSSL an nginx or HAProxy file runs with: the image of the nearest Dockerfile whose directory holds the file
 * (`FROM nginx:1.14` → Debian stretch → OpenSSL 1.1.0), else the `image:` of the Docker Compose services that
 * bind-mount the file (or a directory above it) and build nothing, when they name one image (`image: nginx:1.25` with
 * `./nginx.conf:/etc/nginx/nginx.conf`), else the assumed series, said so.
 */
export function serverOpenssl(
  dockerfiles: ParsedDocument<DockerfileData>[],
  compose: ServerImages = { mounts: [], files: [] },
  untied: readonly UntiedImage[] = [],
): (file: string) => ServerOpenssl {
  const builds = {
    dockerfiles,
    composeFiles: compose.files,
    root: compose.root ?? '',
    ...(compose.scriptAt ? { scriptAt: compose.scriptAt } : {}),
  };
  // The image's tag, else the release its own RUN pins (nginx.org's package on debian:jessie) or downloads.
  const releaseOf = (d: ParsedDocument<DockerfileData>) => nginxReleaseOfDockerfile(d, builds);
  const images = dockerfiles.flatMap((d) => {
    const stage = runtimeStage(d.data);
    const found = stage?.image ? opensslFromImage(stage.image) : undefined;
    const at = stage ? { file: d.file.path, range: stage.range } : undefined;
    return found && at && stage?.image
      ? [{ dir: path.dirname(d.file.path), found, nginx: releaseOf(d), at, image: stage.image, copies: d.data.copies }]
      : [];
  });
  const assumed = assumedOpensslSeries();
  // A build of the Dockerfile under a Compose image name may be an older image of the tag: said with `prebuilt`.
  const floatingAt = floatingImageFor(
    dockerfiles,
    compose.files,
    compose.mounts,
    floatingImageOpenssl,
    compose.copiedInto,
  );
  const floatingOf = (file: string): FloatingOpenssl | undefined => {
    const found = floatingAt(file);
    if (!found) return undefined;
    const { image, at, facts, lowest, since, bases, prebuilt } = found;
    return {
      image,
      at,
      series: facts.series,
      lowest,
      ...(since ? { since } : {}),
      bases,
      ...(prebuilt ? { prebuilt } : {}),
    };
  };
  const mounted = (file: string) => compose.mounts.some((m) => mountBrings(m, file));
  // The nearest Dockerfile's image, unless its COPY/ADD bring other files and not this one and no mount brings it
  // (./nginx-floating-image.ts says the same of a floating tag).
  const holds = (image: (typeof images)[number], file: string) =>
    !compose.copiedInto ||
    image.copies.length === 0 ||
    compose.copiedInto(file).includes(image.at.file) ||
    mounted(file);
  return (file) => {
    const nearest = images
      .filter((i) => file.startsWith(i.dir + path.sep))
      .sort((a, b) => b.dir.length - a.dir.length)[0];
    const holding =
      (nearest && holds(nearest, file) ? nearest : undefined) ?? mountingImage(file, compose.mounts, compose.files);
    if (!holding) {
      const nginx = copiedRelease(file, dockerfiles, compose.copiedInto, releaseOf);
      const floating = floatingOf(file);
      return {
        facts: assumed.facts,
        assumed: true,
        source: assumed.source,
        ...(untied.length > 0 ? { untied: [...untied] } : {}),
        ...(nginx ? { nginx } : {}),
        ...(floating ? { floating } : {}),
      };
    }
    const { facts, release, via, source, securityLevel } = holding.found;
    return {
      ...(securityLevel ? { securityLevel } : {}),
      facts,
      assumed: false,
      source: `${via}: OpenSSL ${release} (${source})`,
      release,
      via,
      at: holding.at,
      image: holding.image,
      ...(holding.nginx ? { nginx: holding.nginx } : {}),
    };
  };
}

/**
 * The nginx images the deployment names (the `image:` of a Compose service that builds nothing, a Dockerfile's FROM) whose
 * OpenSSL starts at a level a source gives, or has none (1.0.x: level 0): for a file no image holds, each may be the one
 * that runs it (remiq/nginx-ssl-client@c0ea118 names nginx:1.9, Debian jessie's OpenSSL 1.0.1t, in a Compose file
 * whose named volumes tie none of its files to it).
 */
export function nginxImagesNamed(
  dockerfiles: readonly ParsedDocument<DockerfileData>[],
  composeFiles: readonly ParsedDocument[],
): UntiedImage[] {
  const named = [
    ...dockerfiles.flatMap((d) => {
      const stage = runtimeStage(d.data);
      return stage?.image ? [{ image: stage.image, at: { file: d.file.path, range: stage.range } }] : [];
    }),
    ...(composeFiles as ParsedDocument<ComposeData>[]).flatMap((doc) =>
      doc.data.services.flatMap(({ image, imageRange, build }) =>
        image && imageRange && build === undefined ? [{ image, at: { file: doc.file.path, range: imageRange } }] : [],
      ),
    ),
  ];
  return named.flatMap(({ image, at }) => {
    if (nginxReleaseFromImage(image) === undefined) return [];
    const found = opensslFromImage(image);
    const level = found?.securityLevel?.level ?? (found?.facts.defaultSecurityLevel === 0 ? 0 : undefined);
    return found && level !== undefined ? [{ level, via: `${found.via} (OpenSSL ${found.release})`, at }] : [];
  });
}

/** The image of the Compose services that bind-mount `file` and build nothing, with its `image:` entry; one or none. */
function mountingImage(
  file: string,
  mounts: readonly TreeMount[],
  composeFiles: readonly ParsedDocument[],
):
  | { found: ImageOpenssl; nginx: { release: string; at: Location } | undefined; at: Location; image: string }
  | undefined {
  const named = mounts.flatMap((m) => {
    if (!m.image || !m.mount.service || !mountBrings(m, file)) return [];
    const doc = composeFiles.find((d) => d.file.path === m.file) as ParsedDocument<ComposeData> | undefined;
    const service = doc?.data.services.find((s) => s.name === m.mount.service);
    // A service that builds its image names the built image, not its base.
    if (!doc || !service || service.build !== undefined) return [];
    const range = service.imageRange;
    return [{ image: m.image, at: { file: m.file, ...(range ? { range } : {}) } }];
  });
  const [first] = named;
  if (!first || named.some((n) => n.image !== first.image)) return undefined;
  const found = opensslFromImage(first.image);
  const release = nginxReleaseFromImage(first.image);
  return found
    ? { found, nginx: release ? { release, at: first.at } : undefined, at: first.at, image: first.image }
    : undefined;
}
