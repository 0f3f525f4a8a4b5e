/**
 * The OpenSSL an official nginx or httpd image runs under a tag that names no release (`nginx`, `nginx:alpine`,
 * `httpd:2.4`), as built or pulled now: such a tag names the newest release of its line, so now it stands for the
 * releases from the lowest one it has named for a while (nginx: openssl-servers.json nginx.imageFloatingTags; httpd: the
 * first of the newest releases of images.httpd whose bases all ship one OpenSSL series, 2.4.58 on), each built on the
 * bases images.nginx / images.httpd give. An image built or pulled earlier may be older: said by whoever uses this.
 */
import data from './data/openssl-servers.json';
import { splitImageReference } from './jdk-locations';
import { basesOpenssl, type OpensslSeriesFacts } from './openssl';
import { nginxFloatingImage } from './server-releases';

export interface FloatingImageOpenssl {
  facts: OpensslSeriesFacts;
  /** The lowest release the tag names now (`nginx 1.26.0`, `httpd 2.4.58`). */
  lowest: string;
  /** The date since which it names no lower one, when the source gives it. */
  since?: string;
  /** The images those releases are built on (`debian:bookworm-slim`, `alpine:3.20`). */
  bases: string[];
  source: string;
}

const OFFICIAL_HTTPD = /^(?:(?:docker\.io|index\.docker\.io)\/)?(?:library\/)?httpd$/;
/** `latest`, `alpine`, `2`, `2.4`, `2-alpine`, `2.4-alpine`: no patch release, no base (`2.4-bookworm` names one). */
const HTTPD_FLOATING_TAG = /^(?:(\d+(?:\.\d+)?)(?:-alpine)?|latest|alpine)$/;

/** Strings only, each once: the bases of rows where a variant may be missing (no Alpine image of that release). */
const basesOf = (cells: readonly unknown[]): string[] => [
  ...new Set(cells.flatMap((c) => [c].flat()).filter((c): c is string => typeof c === 'string')),
];

function floatingNginx(reference: string, alpine: boolean): FloatingImageOpenssl | undefined {
  const bound = nginxFloatingImage(reference);
  if (!bound) return undefined;
  const minor = Number(bound.atLeast.split('.')[1]); // nginx image rows are keyed by the minor of 1.<minor>
  const bases = basesOf(data.images.nginx.filter((row) => Number(row[0]) >= minor).map((row) => row[alpine ? 2 : 1]));
  const facts = basesOpenssl(bases)?.at(-1)?.facts;
  if (!facts) return undefined;
  return {
    facts,
    lowest: `nginx ${bound.atLeast}`,
    since: bound.since,
    bases,
    source: `${data.nginx.imageFloatingTags.source.split(' ')[0]}; ${data.images.nginxSource.split(' ')[0]}`,
  };
}

function floatingHttpd(tag: string, alpine: boolean): FloatingImageOpenssl | undefined {
  const match = HTTPD_FLOATING_TAG.exec(tag);
  if (!match) return undefined;
  const line = match[1];
  const rows = data.images.httpd.filter(
    (row) => !line || String(row[0]) === line || String(row[0]).startsWith(`${line}.`),
  );
  // From the newest release back, while every base shares the newest one's series.
  let first = rows.length;
  let facts: OpensslSeriesFacts | undefined;
  for (let i = rows.length - 1; i >= 0; i--) {
    const series = basesOpenssl(basesOf([rows[i]![alpine ? 2 : 1]]))?.at(-1)?.facts;
    if (!series || (facts && series.series !== facts.series)) break;
    facts = series;
    first = i;
  }
  if (!facts || first >= rows.length) return undefined;
  return {
    facts,
    lowest: `httpd ${String(rows[first]![0])}`,
    bases: basesOf(rows.slice(first).map((row) => row[alpine ? 2 : 1])),
    source: data.images.httpdSource.split(' ')[0] ?? data.images.httpdSource,
  };
}

/** The OpenSSL a floating tag of the official nginx or httpd image runs when built or pulled now; else undefined. */
export function floatingImageOpenssl(reference: string): FloatingImageOpenssl | undefined {
  const { name, tag } = splitImageReference(reference.toLowerCase());
  const alpine = /alpine/.test(tag);
  if (OFFICIAL_HTTPD.test(name)) return floatingHttpd(tag, alpine);
  return floatingNginx(reference, alpine);
}

/** The httpd release an official image's tag names to the patch (`httpd:2.4.41`, `httpd:2.4.41-alpine`); else undefined. */
export function httpdImageRelease(reference: string): string | undefined {
  const { name, tag } = splitImageReference(reference.toLowerCase());
  return OFFICIAL_HTTPD.test(name) ? /^(\d+\.\d+\.\d+)(?:-|$)/.exec(tag)?.[1] : undefined;
}
