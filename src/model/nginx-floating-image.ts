/**
 * The official nginx image under a tag that names no release (`FROM nginx`, `image: nginx:alpine`): it runs the newest
 * release of its line whenever it is built or pulled, which the knowledge base bounds from below
 * (openssl-servers.json nginx.imageFloatingTags). Said of a file the nearest Dockerfile whose directory holds it is
 * built from, else of a file Compose services that build nothing mount, all from one such image. A Compose service
 * that builds the Dockerfile under an `image:` name may run an image of that name built or pushed earlier, whose
 * release the tree does not say (credemol/websocket-https-nginx-springboot@d901498: docker/nginx/Dockerfile `FROM
 * nginx`, built as `credemol/md3-nginx:1.0.0`). The nearest Dockerfile does not run a file its COPY/ADD leave out (when
 * it copies any) and no Compose service mounts: which nginx reads it is unknown (lucirr/httpd-tomcat-log-custom@a387baa:
 * nginx-homepage/https/Dockerfile copies default-https.conf, the directory holds default.conf).
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import type { ParsedDocument } from '../parse/types';
import type { DockerfileData } from '../parse/dockerfile';
import { serviceBuild, type ComposeData } from '../parse/compose';
import { runtimeStage } from '../parse/dockerfile-stages';
import { nginxFloatingImage } from '../knowledge/server-releases';
import type { NginxFloatingImage } from './nginx-records';
import type { TreeMount } from './types';
import { mountBrings } from './compose-mounts';

export function floatingNginxFor(
  dockerfiles: readonly ParsedDocument<DockerfileData>[],
  composeFiles: readonly ParsedDocument[],
  mounts: readonly TreeMount[],
  copiedInto?: (file: string) => readonly string[],
): (file: string) => NginxFloatingImage | undefined {
  return floatingImageFor(dockerfiles, composeFiles, mounts, nginxFloatingImage, copiedInto);
}

/** A floating tag's image that runs a file, as floatingNginxFor finds it, with what `bound` says of the tag. */
export type FloatingImage<T> = T & {
  image: string;
  at: Location;
  prebuilt?: { image: string; at: Location };
};

/**
 * The image under a floating tag that runs a file, found as floatingNginxFor says, with what `bound` knows of the tag
 * (undefined for a tag it does not know: the file's nearest Dockerfile decides, else the Compose services mounting it).
 * `copiedInto`: the Dockerfiles whose images hold the file (parse/image-files.ts); without it, the nearest decides.
 */
export function floatingImageFor<T extends object>(
  dockerfiles: readonly ParsedDocument<DockerfileData>[],
  composeFiles: readonly ParsedDocument[],
  mounts: readonly TreeMount[],
  bound: (image: string) => T | undefined,
  copiedInto?: (file: string) => readonly string[],
): (file: string) => FloatingImage<T> | undefined {
  const built = dockerfiles.flatMap((d) => {
    const stage = runtimeStage(d.data);
    return stage?.image ? [{ doc: d, stage, dir: path.dirname(d.file.path) }] : [];
  });
  const mounted = (file: string) => mounts.some((m) => mountBrings(m, file));
  return (file) => {
    const nearest = built
      .filter((b) => file.startsWith(b.dir + path.sep))
      .sort((a, b) => b.dir.length - a.dir.length)[0];
    // Its COPY/ADD bring other files and not this one, and no service mounts it: its image does not hold this file. A
    // Dockerfile that copies nothing (`FROM nginx` alone) still runs the files beside it, mounted at run time.
    if (nearest && copiedInto && nearest.doc.data.copies.length > 0) {
      if (!copiedInto(file).includes(nearest.doc.file.path) && !mounted(file)) return undefined;
    }
    if (nearest) {
      const known = bound(nearest.stage.image!);
      if (!known) return undefined;
      const prebuilt = prebuiltAs(nearest.doc.file.path, composeFiles);
      return {
        ...known,
        image: nearest.stage.image!,
        at: { file: nearest.doc.file.path, range: nearest.stage.range },
        ...(prebuilt ? { prebuilt } : {}),
      };
    }
    const mounting = mounts.filter((m) => m.image && m.mount.service && mountBrings(m, file));
    const [first] = mounting;
    if (!first?.image || mounting.some((m) => m.image !== first.image)) return undefined;
    const known = bound(first.image);
    const service = (
      composeFiles.find((d) => d.file.path === first.file) as ParsedDocument<ComposeData> | undefined
    )?.data.services.find((s) => s.name === first.mount.service);
    if (!known || !service || service.build !== undefined) return undefined;
    const range = service.imageRange;
    return { ...known, image: first.image, at: { file: first.file, ...(range ? { range } : {}) } };
  };
}

/** The `image:` a Compose service that builds this Dockerfile names, when one does. */
function prebuiltAs(
  dockerfile: string,
  composeFiles: readonly ParsedDocument[],
): { image: string; at: Location } | undefined {
  const wanted = path.resolve(dockerfile);
  for (const doc of composeFiles as ParsedDocument<ComposeData>[])
    for (const service of doc.data.services)
      if (service.image && serviceBuild(doc.file.path, service)?.dockerfile === wanted)
        return {
          image: service.image,
          at: { file: doc.file.path, ...(service.imageRange ? { range: service.imageRange } : {}) },
        };
  return undefined;
}
