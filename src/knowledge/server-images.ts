/** A server product's container images as data lists them, matched by repository name whatever the tag. */
import { splitImageReference } from './jdk-locations';

interface ImageRow {
  repository: string[];
  name: string;
  source: string;
}

/** The row of `images` whose repositories name `reference`'s repository (any tag), as name and source; or undefined. */
export function serverImageNamed(
  images: readonly ImageRow[],
  reference: string,
): { name: string; source: string } | undefined {
  const { name } = splitImageReference(reference.trim().toLowerCase());
  const image = images.find((i) => i.repository.includes(name));
  return image && { name: image.name, source: image.source };
}
