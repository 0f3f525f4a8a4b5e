import type { Entry, FormatHandler } from './types';
import { basenameOf } from './java/jvm-args';
import { parseProperties } from './properties';

export const ARTEMIS_USERS_KIND = 'artemis.users';

/**
 * ActiveMQ Artemis's PropertiesLoginModule users file, `etc/artemis-users.properties` (the name login.config gives
 * `org.apache.activemq.jaas.properties.user` in every instance `artemis create` makes): one `user = password` line per
 * user, read with java.util.Properties. A password is either written as it is or masked by the broker's codec as
 * `ENC(…)`, which `artemis user add` writes unless told `--plaintext`
 * (https://activemq.apache.org/components/artemis/documentation/latest/security.html#propertiesloginmodule).
 * miqbal-redhat/custom-amq@b3040c4's config/artemis-users.properties gives four users their names as passwords.
 * Each user's password is a secret entry; a masked one is not (the masker and the secret rules leave it alone).
 */
const MASKED = /^ENC\(.+\)$/;

export const artemisUsersFormat: FormatHandler<undefined> = {
  id: 'artemis-users',
  classify(filePath) {
    return basenameOf(filePath) === 'artemis-users.properties' ? ARTEMIS_USERS_KIND : undefined;
  },
  parse(file, kind) {
    const { entries, comments, problems } = parseProperties(file.text, { byteOrderMark: file.hadBom });
    // The key is the user's name: the secret rule names the setting `the password of user <name>` (its words ours).
    const users: Entry[] = entries.map((e) => ({
      ...e,
      secret: e.value.trim() !== '' && !MASKED.test(e.value.trim()),
    }));
    return { file, kind, entries: users, comments, problems, data: undefined };
  },
};
