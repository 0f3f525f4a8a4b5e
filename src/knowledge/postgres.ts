/**
 * PostgreSQL as Docker's official `postgres` image runs it, and the PostgreSQL JDBC driver's SSL behaviour
 * (data/postgres-servers.json): the image runs the server with ssl off unless the user turns it on, and pgjdbc with a
 * mode that requires SSL fails at connect against a server that refuses it.
 */
import data from './data/postgres-servers.json';
import { compareReleaseParts } from './release-parts';
import { serverImageNamed } from './server-images';

/** Docker's official postgres image an image reference names (any tag: every release runs with ssl off), or undefined. */
export function postgresServerImage(reference: string): { name: string; source: string } | undefined {
  return serverImageNamed(data.images, reference);
}

/** `42.2.2`, `9.4.1212`, `9.4-1201-jdbc41`, `42.2.2.jre7`: pgjdbc's major, minor and build numbers. */
function pgjdbcRelease(version: string): number[] | undefined {
  const m = /^(\d+)\.(\d+)(?:[.-](\d+))?/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

/**
 * False when pgjdbc `version` refuses the URL's `sslmode` value ("Invalid sslmode value"): a release that reads sslmode
 * and predates the one that knows every mode, for a value it does not know (compared with case, as it does); true
 * when it knows it (or, before it read sslmode, ignores it); undefined when not known (an unreadable version, or a
 * later release, whose own list this does not judge).
 */
export function pgjdbcKnowsMode(version: string, mode: string): boolean | undefined {
  const { readSince, allSince, knownBefore } = data.driver.modes;
  const release = pgjdbcRelease(version);
  if (!release) return undefined;
  if (compareReleaseParts(release, pgjdbcRelease(readSince)!) < 0) return true;
  if (compareReleaseParts(release, pgjdbcRelease(allSince)!) >= 0) return undefined;
  return knownBefore.includes(mode);
}

/** The facts a verdict on a PostgreSQL connection rests on, with their sources. */
export const POSTGRES = {
  sslOff: data.sslOffByDefault,
  configuration: data.serverConfiguration,
  driver: {
    ...data.driver,
    /** The sslmode values that make pgjdbc refuse a plain connection. */
    requiringModes: data.driver.requiringModes as readonly string[],
  },
};
