/**
 * PostgreSQL as Docker's official `postgres` image runs it, and the PostgreSQL JDBC driver's SSL behaviour
 * (data/postgres-servers.json): the image runs the server with ssl off unless the user turns it on, and pgjdbc with a
 * mode that requires SSL fails at connect against a server that refuses it.
 */
import data from './data/postgres-servers.json';
import { serverImageNamed } from './server-images';

/** Docker's official postgres image an image reference names (any tag: every release runs with ssl off), or undefined. */
export function postgresServerImage(reference: string): { name: string; source: string } | undefined {
  return serverImageNamed(data.images, reference);
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
