import { USER_INFO_NAME } from '../../../parse/connection-credentials';
import { ours, said, type Phrase } from '../../../core/phrase';

/**
 * What a value holds, said by name, never by value: `the parameters keyStorePassword, trustStorePassword`. Our words
 * stay ours (a URL whose password is `password` otherwise read "holds a URL's *** (scheme://user:***@host)":
 * win-llc/pki-ra-acme-server@2570d91), and so do the parameters' names, as key names are never masked.
 */
export function credentialsWhat(names: string[]): Phrase {
  const parameters = names.filter((n) => n !== USER_INFO_NAME);
  const userInfo = names.includes(USER_INFO_NAME) ? ours("a URL's password (scheme://user:password@host)") : undefined;
  if (parameters.length === 0) return userInfo ?? ours('');
  // A parameter's name says it holds a secret (isSecretKey), it is no secret: shown as key names are, never masked.
  const listed = ours(
    `the connection-string ${parameters.length === 1 ? 'parameter' : 'parameters'} ${parameters.join(', ')}`,
  );
  return userInfo ? said`${listed} and ${userInfo}` : listed;
}

/**
 * A WildFly credential's key with the Elytron resource that holds it (`credential-reference@clear-text (key-store ks)`),
 * unless the key names that resource already: a jboss-cli script's keys start with it (`key-store=ks.credential-…`).
 */
export function withOwner(key: string, owner: string): Phrase | string {
  return key.startsWith(`${owner.replace(' ', '=')}.`) ? key : said`${key} (${owner})`;
}
