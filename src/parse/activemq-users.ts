import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Entry, FormatHandler } from './types';
import { basenameOf } from './java/jvm-args';
import { parseProperties } from './properties';

export const ACTIVEMQ_USERS_KIND = 'activemq-classic.users';
export const ACTIVEMQ_CREDENTIALS_KIND = 'activemq-classic.credentials';
export const JETTY_REALM_KIND = 'jetty.realm';

/** The kinds whose keys are users' names and whose values their passwords (said `the password of user <name>`). */
export const USER_PASSWORD_KINDS: ReadonlySet<string> = new Set([ACTIVEMQ_USERS_KIND, JETTY_REALM_KIND]);

/** A password the broker's codec or Jetty keeps out of sight: ENC(…) (Jasypt), or a Jetty digest (MD5:, CRYPT:). */
const MASKED = /^ENC\(.+\)$/;
const JETTY_DIGEST = /^(?:MD5|CRYPT):/;

/**
 * Files of an ActiveMQ Classic broker's conf/ beside users.properties: a `users.properties` alone says nothing of what
 * its values are (Karaf's holds `user = password,roles`, a Keycloak example's its users), so it is read only beside one.
 */
const CLASSIC_CONF_MARKERS = ['activemq.xml', 'login.config', 'jetty-realm.properties', 'credentials.properties'];

/** What made a users.properties ActiveMQ Classic's: the conf/ file beside it (a finding names it: it decides). */
export interface ActivemqUsersData {
  beside: string;
}

function classicConfMarker(filePath: string): string | undefined {
  const dir = path.dirname(filePath);
  return CLASSIC_CONF_MARKERS.map((marker) => path.join(dir, marker)).find((marker) => fs.existsSync(marker));
}

/** `activemq.username=` or `activemq.password=`: the keys of ActiveMQ Classic's conf/credentials.properties. */
const CREDENTIALS_KEYS = /^[ \t]*activemq\.(?:username|password)[ \t]*[=:]/m;

/**
 * ActiveMQ Classic's users files, as its distribution ships them in conf/
 * (apache/activemq@ce9be7b assembly/src/release/conf/, Apache-2.0):
 * - `users.properties`, the PropertiesLoginModule's `user=password` file login.config names
 *   (https://activemq.apache.org/components/classic/documentation/security): each value is a password;
 * - `credentials.properties` and `credentials-enc.properties`, what the web console and activemq.xml's
 *   `${activemq.password}` use to reach the broker: `activemq.username`, `activemq.password`, `guest.password`
 *   (the -enc file holds them as Jasypt `ENC(…)`);
 * - `jetty-realm.properties`, the web console's Jetty HashLoginService realm: `user: password [,role …]`, the password
 *   the first item, written as it is or as `OBF:` (obfuscated), `MD5:` or `CRYPT:` (digests)
 *   (https://jetty.org/docs/jetty/12/operations-guide/security/index.html, PropertyUserStore).
 * A password is a secret entry unless masked as `ENC(…)` or a digest; `OBF:` stays one (the rule says it decodes).
 */
export const activemqUsersFormat: FormatHandler<ActivemqUsersData | undefined> = {
  id: 'activemq-users',
  classify(filePath, head) {
    const name = basenameOf(filePath);
    if (name === 'jetty-realm.properties') return JETTY_REALM_KIND;
    if (/^credentials(?:-enc)?\.properties$/.test(name) && CREDENTIALS_KEYS.test(head))
      return ACTIVEMQ_CREDENTIALS_KIND;
    if (name !== 'users.properties') return undefined;
    const dir = path.dirname(filePath);
    return CLASSIC_CONF_MARKERS.some((marker) => fs.existsSync(path.join(dir, marker)))
      ? ACTIVEMQ_USERS_KIND
      : undefined;
  },
  parse(file, kind) {
    const { entries, comments, problems } = parseProperties(file.text, { byteOrderMark: file.hadBom });
    const lines = file.text.split(/\r?\n/);
    const read = (e: Entry): Entry => {
      if (kind === ACTIVEMQ_CREDENTIALS_KIND)
        return { ...e, secret: e.secret && !MASKED.test(e.value.trim()) && e.value.trim() !== '' };
      // A realm line's password is its first item; the roles after it are no secret.
      const credential = kind === JETTY_REALM_KIND ? (e.value.split(',')[0] ?? '').trim() : e.value.trim();
      const start = e.valueRange.start;
      const written = lines[start.line]?.slice(start.character).startsWith(credential) === true;
      return {
        ...e,
        value: credential,
        ...(written && {
          valueRange: { start, end: { line: start.line, character: start.character + credential.length } },
        }),
        secret: credential !== '' && !MASKED.test(credential) && !JETTY_DIGEST.test(credential),
      };
    };
    const beside = kind === ACTIVEMQ_USERS_KIND ? classicConfMarker(file.path) : undefined;
    return { file, kind, entries: entries.map(read), comments, problems, data: beside ? { beside } : undefined };
  },
};
