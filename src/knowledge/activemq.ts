/**
 * ActiveMQ Classic's binary distribution (data/activemq.json): the credentials it ships in conf/, and the files that
 * mark a distribution's home (its start script beside conf/).
 */
import data from './data/activemq.json';

/** A credential the distribution ships: the conf/ file, the key (a user's name, or a property), the value. */
export interface ShippedCredential {
  file: string;
  key: string;
  value: string;
  source: string;
}

export const ACTIVEMQ_SHIPPED_CREDENTIALS: readonly ShippedCredential[] = data.shippedCredentials;

/** Paths under a distribution's home that mark it as one. */
export const ACTIVEMQ_HOME_MARKERS: readonly string[] = data.homeMarkers.value;
