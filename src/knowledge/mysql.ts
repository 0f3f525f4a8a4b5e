/**
 * The MySQL servers Docker's official `mysql` image runs (data/mysql-servers.json): the TLS protocols the server of a
 * release speaks, and whether the image's first start leaves TLS on. Only an image named with its full release
 * (`mysql:5.7.26`) says which server runs: a floating tag (`mysql:5.7`, `mysql:8`, `latest`) names whatever release
 * was current when it was pulled.
 */
import data from './data/mysql-servers.json';
import { splitImageReference } from './jdk-locations';
import { compareReleaseParts } from './release-parts';

/** What the server of an image speaks, with the facts' sources. */
export interface MysqlServerTls {
  /** The release the image's tag names (`5.7.26`). */
  release: string;
  /** The image's name as data says it (`Docker's official mysql image`). */
  image: string;
  /** Whether the image's first start makes certificates and so turns TLS on; with the source. */
  tlsAtFirstStart: { value: boolean; source: string };
  /** The protocols the server speaks, when data has a row for the release. */
  protocols?: { value: readonly string[]; source: string; confidence: 'verified' | 'inferred' };
}

const parts = (release: string) => release.split('.').map(Number);

/** The MySQL server an image reference runs, when it is the official image named with a full release; else undefined. */
export function mysqlServerFromImage(reference: string): MysqlServerTls | undefined {
  const { name, tag } = splitImageReference(reference.trim().toLowerCase());
  const image = data.images.find((i) => i.repository.includes(name));
  const release = image ? /^(\d+\.\d+\.\d+)(?:-|$)/.exec(tag)?.[1] : undefined;
  if (!image || !release) return undefined;
  const at = parts(release);
  const row = data.tlsProtocols.find(
    (r) => compareReleaseParts(at, parts(r.from)) >= 0 && compareReleaseParts(at, parts(r.before)) < 0,
  );
  const first = data.tlsAtFirstStart;
  return {
    release,
    image: image.name,
    tlsAtFirstStart: { value: compareReleaseParts(at, parts(first.since)) >= 0, source: first.source },
    ...(row && {
      protocols: { value: row.value, source: row.source, confidence: row.confidence as 'verified' | 'inferred' },
    }),
  };
}

/**
 * The first release of the same line (`5.7`) whose server speaks `protocol`, after `release`: what to upgrade to. Undefined
 * when data knows none.
 */
export function mysqlReleaseSpeaking(protocol: string, release: string): string | undefined {
  const line = release.split('.').slice(0, 2).join('.');
  const at = parts(release);
  return data.tlsProtocols.find(
    (r) =>
      r.from.startsWith(`${line}.`) &&
      compareReleaseParts(parts(r.from), at) > 0 &&
      (r.value as readonly string[]).includes(protocol),
  )?.from;
}

/** Where Connector/J's behaviour the verdicts rest on is written (data/mysql-servers.json connectorJ). */
export const CONNECTOR_J = data.connectorJ;
