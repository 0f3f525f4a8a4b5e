/**
 * Passwords written inside a connection string, whatever the key that holds it is called:
 * - a parameter `name=value` after `?`, `&` or `;`, its name saying secret: a JDBC URL's
 *   `password` (PgJDBC takes every connection property in the URL, `jdbc:postgresql://h/db?user=fred&password=secret`:
 *   https://jdbc.postgresql.org/documentation/use/; SQL Server and DataDirect drivers `;password=…`), an ActiveMQ
 *   Artemis connector's `keyStorePassword`/`trustStorePassword` transport parameters
 *   (https://activemq.apache.org/components/artemis/documentation/latest/configuring-transports.html), written in a
 *   Spring `spring.artemis.broker-url` or in a Liberty `<jndiEntry value="host=…;keyStorePassword=…">`
 *   (alizard0/liberty-mutual-tls-amq-broker src/main/liberty/config/server.xml);
 * - the password of a URL's user information, `scheme://user:password@host` (RFC 3986 §3.2.1, which deprecates it):
 *   `amqps://app:…@rabbit:5671`, `rediss://:…@redis:6380`.
 * Only the names are given to messages; the values, as written (percent-encoded or not), go to the masker. `-Dname=value` JVM options are entries of their
 * own (./java/jvm-args.ts), not parameters: a name must follow one of the separators, never `-D`.
 */
import { isSecretKey } from './types';

export interface ConnectionCredential {
  /** The parameter's name (`keyStorePassword`), or `user:password@` for a URL's user information. */
  name: string;
  value: string;
}

const PARAMETER = /(?:[?&;])\s*([A-Za-z][\w.-]*)\s*=\s*([^&;\s"'<>]*)/g;
const USER_INFO = /\b[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/?#@:]*:([^\s/?#@]+)@/g;
export const USER_INFO_NAME = 'user:password@';

/** The passwords a value holds as connection-string parameters or URL user information (none for most values). */
export function connectionCredentials(value: string): ConnectionCredential[] {
  // Every value of every file is asked (the rule and the masker): most hold neither `=` nor `://`.
  const found: ConnectionCredential[] = [];
  if (value.includes('=')) {
    for (const m of value.matchAll(PARAMETER)) {
      const [, name, secret] = m;
      if (name && secret && isSecretKey(name)) found.push({ name, value: secret });
    }
  }
  if (value.includes('://') && value.includes('@')) {
    for (const m of value.matchAll(USER_INFO)) if (m[1]) found.push({ name: USER_INFO_NAME, value: m[1] });
  }
  return found;
}
