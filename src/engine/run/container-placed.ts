/**
 * A file whose name does not classify it (`apache_default`) is what the image or container that holds it makes it: a
 * Dockerfile's `COPY`/`ADD` (`ADD apache_default /etc/apache2/sites-available/000-default.conf`:
 * tykoh/docker-jdk7-tomcat7-ssl@0d8ad3f) or a Docker Compose bind mount (`./site:/etc/apache2/sites-enabled/site.conf`)
 * puts it where a server reads it, and it is classified by that path, by the same handlers that classify a file by its
 * own name and head, as ./ansible-placed.ts does for an Ansible task's `dest`. Docker's rules
 * (https://docs.docker.com/reference/dockerfile/#copy): a destination that ends in `/` (or takes several sources) is a
 * directory and the file keeps its name there; a directory copied keeps the files' paths below it. What the tree does
 * not decide stays unknown (no classification): a `--from=` copy (a stage's or an image's file, not the tree's), a
 * wildcard source, a `$VARIABLE` in the instruction (a build argument may change it), a mount target with a variable,
 * a place a bind mount hides, and places that would read the file as two different formats (a place no format reads
 * says nothing).
 *
 * Kept apart from the Ansible pass so that either may move (into the model) without the other.
 */
import * as path from 'node:path';
import { classifyFile } from '../../parse/registry';
import { ImageFiles } from '../../parse/image-files';
import { WILDCARD } from '../../parse/image-copy-sources';
import type { DockerCopy } from '../../parse/dockerfile-copies';
import type { DockerfileData } from '../../parse/dockerfile';
import type { TreeLink } from '../../core/types';
import type { ParsedDocument, SourceFile } from '../../parse/types';
import { composeMountsOf } from '../../model/compose-mounts';
import { parseClassified } from './read-followed';
import { debianSite } from './ansible-placed';

/** Whether a COPY/ADD says by itself which tree file goes where: no stage or image source, no wildcard, no variable. */
const decided = (copy: DockerCopy): boolean =>
  copy.from === undefined &&
  copy.unknown === undefined &&
  !copy.sources.some((s) => WILDCARD.test(s)) &&
  !copy.written.some((w) => w.includes('$'));

/** The paths the images' COPY/ADD instructions put a tree file at (as ImageFiles places it, Docker's rules). */
function copiedTo(images: ImageFiles, file: string): string[] {
  const copies = images.copiesOf(file).filter((c) => decided(c.copy));
  return copies.flatMap(({ containerPath, copy }) => {
    const dest = copy.destination?.replace(/\/+$/, '') || '/';
    // `COPY a /opt/x` is /opt/x itself (ImageFiles also keeps /opt/x/a, for a base image with such a directory).
    const asFile = copies.some((c) => c.copy === copy && c.containerPath === dest);
    return asFile && containerPath !== dest ? [] : [containerPath];
  });
}

/** The paths the Compose bind mounts put a tree file at in their containers (the target, or a path below it). */
function mountedTo(mounts: ReturnType<typeof composeMountsOf>, file: string): string[] {
  return mounts.flatMap(({ hostPath, mount }) => {
    const target = mount.target.replace(/\/+$/, '');
    if (!target.startsWith('/') || target.includes('$')) return [];
    if (file === hostPath) return [target];
    return file.startsWith(hostPath + path.sep)
      ? [path.posix.join(target, ...path.relative(hostPath, file).split(path.sep))]
      : [];
  });
}

/**
 * The documents of the files no name or head classified (`unread`, as the main pass decoded them) that a Dockerfile's
 * COPY/ADD or a Compose bind mount puts where a format reads them, each read as that format; none when the places
 * disagree.
 */
export function containerPlacedDocuments(
  documents: readonly ParsedDocument[],
  unread: readonly SourceFile[],
  root: string,
  links: readonly TreeLink[],
): ParsedDocument[] {
  if (unread.length === 0) return [];
  const copying = documents.some((d) => d.kind === 'dockerfile' && (d.data as DockerfileData).copies.length > 0);
  const unreadPaths = unread.map((source) => source.path);
  const images = copying ? new ImageFiles(documents, unreadPaths) : undefined;
  const mounts = documents.some((d) => d.kind === 'compose') ? composeMountsOf(documents, root, links) : [];
  if (!images && mounts.length === 0) return [];
  const out: ParsedDocument[] = [];
  for (const source of unread) {
    const file = source.path;
    const places = new Set([...(images ? copiedTo(images, file) : []), ...mountedTo(mounts, file)].map(debianSite));
    if (places.size === 0) continue;
    // A place no format reads (a backup copy) says nothing; two places read as two formats leave it unknown.
    const read = [...places]
      .map((placed) =>
        // Parsed from the text the main pass decoded: the file is not opened again.
        parseClassified(source, (head) => classifyFile(placed, head), placed, /\.xml$/i.test(placed)),
      )
      .filter((docs) => docs.length > 0);
    if (new Set(read.map((docs) => docs[0]!.kind)).size === 1) out.push(...read[0]!);
  }
  return out;
}
