/**
 * Which password setting is a store's own: the one the runtime loads the store with. When its literal value does not
 * pass the store's password check, the runtime refuses the store (JDK 17 `KeyStore.load`: PKCS12 "keystore password was
 * incorrect", JKS "Keystore was tampered with, or password was incorrect") — cert/store-password-wrong.
 */
import type { Entry } from '../types';

/** A setting's name without case and separators: `key-store`, `keyStore`, `KEYSTORE` and `key_store` compare equal. */
export const settingWords = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

/** What ends the name of a setting that locates a store (`ssl.keystore.location`, `keystoreFile`, `keyStore@location`). */
const LOCATION_SUFFIX = /(location|path|file|resource|url|uri)$/;
/** What ends a store password setting's name (`key-store-password`, `keystorePass`, `trustStorePassword`). */
const PASSWORD_SUFFIX = /(password|pass|passwd|pwd|psw)$/;

/**
 * Whether `password` is the store password setting of the store `anchor` names: its name is the anchor's with
 * `password` for `location` (`ssl.keystore.location` → `ssl.keystore.password`, `server.ssl.key-store` →
 * `server.ssl.key-store-password`, `certificateKeystoreFile` → `certificateKeystorePassword`), in the same section.
 * A key's password (`key-password`, `keyPass`) and another store's (`trust-store-password` beside `key-store`) are not.
 */
export function isOwnPasswordSetting(password: Entry, anchor: Entry): boolean {
  // Liberty's default key store: its keyStore element's password attribute is what names it (libertyDefaultAnchors).
  if (password === anchor) return true;
  if (password.section !== anchor.section) return false;
  const words = settingWords(password.secretName ?? password.key);
  const stem = settingWords(anchor.key).replace(LOCATION_SUFFIX, '');
  if (!/store$/.test(stem) || !PASSWORD_SUFFIX.test(words)) return false;
  return words.replace(PASSWORD_SUFFIX, '') === stem;
}

/**
 * Whether a value is a password as written, for the runtime to use as is: not a placeholder (`${KS_PW}`, `$KS_PW`,
 * `%KS_PW%`, `{{ ks_pw }}`, `<password>`) nor an encoding some other program decodes (Jetty's OBF:/MD5:/CRYPT:; {aes},
 * {cipher} and ENC(…) decodedPassword leaves unread).
 */
export function writtenAsLiteral(value: string): boolean {
  const trimmed = value.trim();
  return trimmed !== '' && !/\$[A-Za-z_{(]|%[A-Za-z_]\w*%|\{\{|^<.*>$|^(OBF|MD5|CRYPT):/i.test(trimmed);
}
