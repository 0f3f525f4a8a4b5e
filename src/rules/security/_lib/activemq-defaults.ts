import * as path from 'node:path';

import { ACTIVEMQ_HOME_MARKERS, ACTIVEMQ_SHIPPED_CREDENTIALS } from '../../../knowledge/activemq';
import { ACTIVEMQ_CREDENTIALS_KIND, ACTIVEMQ_USERS_KIND, JETTY_REALM_KIND } from '../../../parse/activemq-users';
import type { Entry, ParsedDocument } from '../../../parse/types';
import { relativePosix } from '../../../core/posix-path';
import { ours } from '../../../core/phrase';
import type { RuleRelated } from '../../types';
import type { ActivemqUsersData } from '../../../parse/activemq-users';

/** The ActiveMQ conf/ file that makes a users.properties the broker's users file, as a place of its findings. */
export function classicUsersFileMarker(doc: ParsedDocument): RuleRelated[] | undefined {
  const beside = doc.kind === ACTIVEMQ_USERS_KIND ? (doc.data as ActivemqUsersData | undefined)?.beside : undefined;
  return beside ? [{ file: beside, message: ours("beside users.properties: ActiveMQ Classic's conf/") }] : undefined;
}

const KINDS = new Set([ACTIVEMQ_USERS_KIND, ACTIVEMQ_CREDENTIALS_KIND, JETTY_REALM_KIND]);

/**
 * A credential ActiveMQ Classic's binary distribution ships (knowledge: activemq.json shippedCredentials, `admin=admin`)
 * left as it is in the conf/ of a distribution's copy (its home holds bin/activemq, a file the deployment lists): the value every download has, which
 * the repository tells no one anew. Graded as a distribution's shipped samples are (an info, the home as related place);
 * the same value in a conf/ of the tree's own (copied into an image) stays a plaintext secret.
 */
export function activemqShippedDefault(
  root: string,
  listed: readonly string[],
  doc: ParsedDocument,
  entry: Entry,
): { dir: string; related: RuleRelated[] } | undefined {
  if (!KINDS.has(doc.kind)) return undefined;
  const name = path.basename(doc.file.path).replace(/-enc(?=\.properties$)/, '');
  const value = entry.value.trim();
  if (!ACTIVEMQ_SHIPPED_CREDENTIALS.some((c) => c.file === name && c.key === entry.key && c.value === value))
    return undefined;
  const conf = path.dirname(doc.file.path);
  if (path.basename(conf) !== 'conf') return undefined;
  const home = path.dirname(conf);
  const marker = ACTIVEMQ_HOME_MARKERS.map((m) => path.join(home, m)).find((m) => listed.includes(m));
  if (marker === undefined) return undefined;
  return {
    dir: relativePosix(root, conf),
    related: [
      { file: marker, message: ours("the distribution's start script: this conf/ is the distribution's own") },
      ...(classicUsersFileMarker(doc) ?? []),
    ],
  };
}
