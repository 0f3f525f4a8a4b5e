import type { RuleRelated } from '../types';
import * as path from 'node:path';

import { isWholePlaceholder } from '../../core/placeholder';
import { entryLocation, isSecretKey, type Entry, type ParsedDocument } from '../../parse/types';
import { substitutedSpansAt } from '../../parse/template';
import { SCRIPT_SUBSTITUTIONS_KIND, type ScriptSubstitutionsData } from '../../parse/script-substitutions';
import { testPlace } from './_lib/test-place';
import { defineRule } from '../types';
import { isJasyptEncrypted, isJasyptPassword, jasyptWrappers } from '../../parse/jasypt';
import { basicCredentialTokens } from '../../parse/basic-auth';
import { connectionCredentials, USER_INFO_NAME } from '../../parse/connection-credentials';
import { holdsJaasEntry, jaasOptions } from '../../parse/jaas';
import { referenceAdvice } from './_lib/secret-advice';
import { elytronCredentialUse } from './_lib/elytron-credentials';
import { keyStoreSharingTrustStore } from './_lib/trust-store-is-key-store';
import { said, type Phrase } from '../../core/phrase';

/**
 * Values that are not the secret itself: environment/template placeholders. `$[name]` is xipki's (its prepare.sh runs
 * BatchReplace over conf/server.xml with setup/conf.json: xipki/xipki assemblies/xipki-setup). `$${name}` is Compose's
 * (and Terraform's) escape for the text `${name}`, a placeholder of the program that reads it: JHipster's Compose files
 * pass `http://admin:$${jhipster.registry.password}@jhipster-registry:8761/eureka`, which Spring resolves.
 */
const PLACEHOLDER = /^(\$\$?\{[^}]*\}|\$\[[\w.-]+\]|\$[A-Za-z_]\w*|%[A-Za-z_]\w*%|\{\{.*\}\}|@[\w.-]+@|<[^>]*>)$/;
/**
 * The name of a placeholder another program replaces, not a secret: an upper-case identifier of several words, one of
 * which names a secret (OpenLiberty/open-liberty-operator@ec1ea07 internal/controller/assets: ltpa.xml's
 * `keysPassword="LTPA_KEYS_PASSWORD"` and encryption-key-password.xml's `value="WLP_PASSWORD_ENCRYPTION_KEY"`, which
 * utils/utils.go fills with strings.Replace before the operator mounts them). One word (`CHANGEME`) is judged a secret.
 */
const PLACEHOLDER_NAME = /^(?=.*(PASSWORD|PASSWD|PASSPHRASE|PWD|SECRET|KEY|TOKEN))[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;
/**
 * A value that says it is a placeholder, as a word of its own: Bitnami's Kafka chart writes
 * `password="zookeeper-password-placeholder"` (and `password-placeholder-0`, `interbroker-password-placeholder`) into
 * the JAAS and server.properties its start script then fills with `replace_placeholder … "$KAFKA_ZOOKEEPER_PASSWORD"`
 * (jays-codes/ud-microservices-springboot-helm@24a0767 helm/kafka/templates/scripts-configmap.yaml, chart 29.3.9).
 */
const PLACEHOLDER_WORD = /(^|[-_.])placeholder([-_.]|$)/i;
/**
 * A fill-in written as words in braces, `{API Secret or Password}` (confluentinc/demo-scene@dc2b351
 * python-microservices/<service>/config.properties: `sasl.password={API Secret or Password}`): prose for the reader to replace.
 */
const PLACEHOLDER_PROSE = /^\{[A-Za-z][^{}]*\s[^{}]*\}$/;
/**
 * WebSphere/Liberty encodings: `{aes}`/`{hash}` are encrypted or one-way; `{xor}` is reversible obfuscation. Spring
 * Cloud Config's `{cipher}` is encrypted with the config server's key, which decrypts it before serving it
 * (https://docs.spring.io/spring-cloud-config/reference/server/encryption-and-decryption.html).
 */
const ENCODED =
  /^\{(cipher|aes|aes-\d+|hash|custom[\w:-]*|pbkdf2[\w-]*|sha\d*|ssha\d*|bcrypt|scrypt|argon2[\w@.-]*)\}/i;
/**
 * A one-way hash in the modular crypt format: bcrypt `$2a$10$…` (Spring Security's BCryptPasswordEncoder, which
 * Engineering-Research-and-Development/true-connector's ConfigMaps hold), SHA-crypt `$5$`/`$6$`, yescrypt `$y$`,
 * Argon2 `$argon2id$`: what the application compares a password with, not the password.
 */
const CRYPT_HASH =
  /^\$(2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}|[56]\$(rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}|y\$[./A-Za-z0-9]+\$[./A-Za-z0-9]+\$[./A-Za-z0-9]+|argon2(id|i|d)\$v=\d+\$[^$\s]+\$[^$\s]+\$[^$\s]+)$/;
const XOR = /^\{xor\}/i;
/**
 * Jetty's `OBF:` obfuscation (org.eclipse.jetty.util.security.Password), which its start files and XML take for store
 * passwords: reversible by anyone with Jetty's jar ("OBF passwords are not secure, just protected from casual
 * observation": the ssl module's ini template, jetty.project@ec6782f jetty-server/src/main/config/modules/ssl.mod).
 */
const JETTY_OBF = /^OBF:[0-9a-z]+$/;
/**
 * A value that is a redaction mark, not a password (`XXXXXXXX` where a published example left the secret out), also in
 * the shape of the secret it stands for: Haufe-Lexware/demo-spring-boot-tls-material-from-vault@b6416c3's
 * bootstrap-token-sample.yml gives `spring.cloud.vault.token: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (a Vault token's
 * UUID shape) for each developer to replace.
 */
const REDACTED = /^(?:X{4,}(?:[-_.]X+)*|x{4,}(?:[-_.]x+)*|\*{4,})$/;
/**
 * A key that names a digest of the secret: Graylog's `GRAYLOG_ROOT_PASSWORD_SHA2` / `root_password_sha2`, which it
 * compares with the SHA-256 of the password typed (Graylog2/graylog2-server misc/graylog.conf: "echo -n yourpassword |
 * shasum -a 256"), `…_HASH`, `…-digest`, `…Md5`.
 */
const NAMES_A_DIGEST = /(^|[-_.\s])(sha-?\d*|hash(ed)?|digest|md5)$|[a-z0-9](Sha\d*|SHA\d*|Hash(ed)?|Digest|Md5|MD5)$/i;
/**
 * A digest's shape: hex of MD5/SHA-1/SHA-224/SHA-256/SHA-384/SHA-512 length, or their padded base64. A random hex
 * secret (`openssl rand -hex 32`) has the same shape, so the shape alone proves nothing: the key must name a digest.
 */
const DIGEST_SHAPE =
  /^([0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128}|[A-Za-z0-9+/]{22}==|[A-Za-z0-9+/]{27}=|[A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{64}|[A-Za-z0-9+/]{86}==)$/i;
/**
 * The password of a trust store (`javax.net.ssl.trustStorePassword`, Spring `trust-store-password`, Tomcat
 * `truststorePass`, Kafka `ssl.truststore.password`, `com.ibm.ssl.trustStorePassword`, Apereo CAS
 * `cas.http-client.truststore.psw`): the store holds public CA certificates only, so the password guards no secret. JSSE loads a JKS trust store without it (no integrity check);
 * a PKCS12 one made by keytool 17 needs it to decrypt the certificate bag (checked with JDK 17: `KeyStore.load(in,
 * null)` gives 1 entry for JKS, 0 for PKCS12) — public certificates either way.
 */
const TRUST_STORE_PASSWORD = /trust[-_.]?store[-_.]?(pass|psw|pwd)/i;
/**
 * A password set inside a trust store's own object, whatever its key says (MASS-VETS/MASS's MicroserviceMonitor
 * application.yaml: `monitor.trustStore.keyStorePassword`, the same keys as its `monitor.keyStore` object), or as an
 * attribute of a trust store element (WildFly's security realm `<truststore path=… keystore-password=…>`:
 * girirajsharma/wildfly-ssl-examples standalone.xml), and the password of an object named for a trust store
 * (alphagov/verify-hub's Dropwizard `clientTrustStoreConfiguration: {path, password}`, read by
 * uk.gov.ida.truststore.ClientTrustStoreConfiguration); not one named for keys too (`keyAndTrustStore`).
 */
const UNDER_TRUST_STORE = /(^|[.@])(?![^.@]*key)[^.@]*trust[-_]?store[^.@]*[.@][^.@]*(pass|psw)[^.@]*$/i;
/**
 * Keys whose value names a file, a policy or a flag rather than holding the secret; also a setting under a secret's
 * namespace (confluentinc/cp-demo's `…_BASIC_AUTH_CREDENTIALS_SOURCE: USER_INFO`, and `CONNECT_CONFIG_PROVIDERS_SECRET_
 * PARAM_KAFKASTORE_BOOTSTRAP_SERVERS`, `…_SECURITY_PROTOCOL`, `…_SASL_MECHANISM`, `…_REPLICATION_FACTOR`), and a JBoss
 * login module's `password-stacking` option, whose value (`useFirstPass`) says how stacked modules share one login
 * (https://docs.jboss.org/jbossas/docs/Server_Configuration_Guide/4/html/Using_JBoss_Login_Modules-Password_Stacking.html).
 * A key ending in `name` names where the secret is kept (`DB_PASSWORD_SECRET_NAME: db-creds`, the Kubernetes Secret a
 * container or an operator reads it from), as a `…_REF` does.
 */
const NOT_A_SECRET_VALUE =
  /(file|path|stash|policy|required|encryption|encoding|type|algorithm|expir\w*|length|ref|alias|provider|mode|prompt|helper|class|source|protocol|mechanism|servers|factor|stacking|name)$/i;
const FLAG = /^(true|false|yes|no|none|null|on|off|enabled|disabled|required|optional)$/i;
/**
 * A bound of a password policy (`application.password.validator.minUpperCase=1`, `maxLength`, `minimum_digits`): the
 * secret word is the namespace, the setting counts characters. Engineering-Research-and-Development/true-connector.
 */
const POLICY_BOUND = /^(min|max)(imum)?([A-Z_-]|$)/;
/**
 * Kafka images' settings that name the file holding the password, under /etc/kafka/secrets, not the password:
 * confluentinc/kafka-images@2b0127d kafka/include/etc/confluent/docker/configure reads the key store password from
 * "/etc/kafka/secrets/$KAFKA_SSL_KEYSTORE_CREDENTIALS" (and KEY, TRUSTSTORE alike). `KAFKA_SSL_*_PASSWORD` still holds one.
 */
const NAMES_A_SECRET_FILE = /^KAFKA_SSL_(KEYSTORE|KEY|TRUSTSTORE)_CREDENTIALS$/;
/**
 * A value that is a file path names where the secret is kept (`GOOGLE_APPLICATION_CREDENTIALS=/config/key.json`,
 * a stash file, a mounted Secret): absolute, home- or dot-relative, under a variable (`${HOME}/…`, Spring's
 * `${certs.basedir}/…`), a `file:` URL, or a relative path (or Spring `classpath:` resource) ending in a
 * key/credential file's extension. One word with no separator is judged a secret.
 */
const FILE_PATH =
  /^((\/|~\/|\.{1,2}[\\/]|[A-Za-z]:[\\/]|\$\w+[\\/]|\$\{[\w.-]+\}[\\/]|file:)\S*|(classpath\*?:\/?)?[\w.-]+([\\/][\w.-]+)*\.(json|pem|crt|cer|key|p12|pfx|jks|jceks|kdb|sth|keystore|truststore|txt|properties|conf))$/i;

/**
 * Flags secrets written in plaintext in configuration (DESIGN.md "Secrets"):
 * never prints the value, only the key and where it is.
 */
export default defineRule({
  meta: {
    id: 'security/plaintext-secret',
    description: 'Warn when a password or passphrase is stored in plaintext in a configuration file',
    severity: 'warning',
    messages: {
      plaintext:
        '{{key}} in {{file}} holds a plaintext secret: anyone who can read the file, its backups or its repository has it. {{fix}}',
      jasyptPassword:
        "{{key}} in {{file}} is Jasypt's encryptor password, in plaintext: with it anyone who reads the file decrypts every ENC(…) value of the application. Pass it when the application starts instead (the JASYPT_ENCRYPTOR_PASSWORD environment variable, -Djasypt.encryptor.password)",
      obfuscated:
        '{{key}} in {{file}} is {xor}-encoded: XOR is obfuscation, not encryption — anyone can decode it. Prefer {aes} or a reference to the secret',
      jettyObfuscated:
        "{{key}} in {{file}} is Jetty-obfuscated (OBF:): obfuscation, not encryption — anyone with Jetty's jar decodes it (org.eclipse.jetty.util.security.Password). Keep the password out of the repository: give the start property on the command line, or from a secret the deployment provides",
      trustStore:
        "{{key}} in {{file}} is a trust store's password, written in plaintext: the store holds only public CA certificates, so it guards no secret (who can write the store file can replace it whatever its password). If a key store shares this password, that key store's setting is the secret: reference both instead",
      trustStoreIsKeyStore:
        "{{key}} in {{file}} is a trust store's password, written in plaintext, but the trust store is the key store ({{keyStoreKey}} names the same file): that file holds the private key, so its password is a secret: anyone who can read the file, its backups or its repository has it. {{fix}}",
      jaasPassword:
        '{{key}} in {{file}} is a JAAS login module entry that holds {{options}} in plaintext (`name="…"` inside the value): anyone who can read the file, its backups or its repository has the password. {{fix}}',
      basicCredentials:
        '{{key}} in {{file}} holds HTTP Basic credentials: `Basic` and base64 of user:password, an encoding, not encryption: anyone who can read the file, its backups or its repository has the password. {{fix}}',
      connectionString:
        '{{key}} in {{file}} holds {{what}} in plaintext inside its value: anyone who can read the file, its backups or its repository has it. {{fix}}',
      connectionStringTrust:
        "{{key}} in {{file}} holds {{what}} in plaintext inside its value: a trust store's password, which guards no secret (the store holds only public CA certificates). If a key store shares this password, that one is the secret: reference both instead",
      hashed:
        '{{key}} in {{file}} holds a digest of the secret, not the secret itself: the program compares it with the digest of what is typed. Anyone who reads it can still test guesses offline, and an unsalted fast digest (SHA-256) of a dictionary word is reversed at once: choose a strong password. {{fix}}',
      generatedStore:
        '{{key}} in {{file}} opens key store {{store}}, which WildFly fills on first use with a self-signed certificate it makes for {{host}} (generate-self-signed-certificate-host): a development store, guarding no key anyone issued. Before real clients connect, give the server a key store of its own and take its password from a credential store (credential-reference store=… alias=…)',
      testResource:
        "{{key}} in {{file}} is written in plaintext, in the resources of a test source set ({{dir}}): they are on the tests' classpath only and never packaged with the app, so it is a test fixture's secret as a rule (often of a store generated for the tests). If it is a real credential (it opens anything outside the tests), remove it from the repository and change it",
      testSources:
        "{{key}} in {{file}} is written in plaintext, in a test source set ({{dir}}): what the project's tests read (the configuration of a server or broker they start, beside the test classes), never packaged with the app, so it is a test fixture's secret as a rule. If it is a real credential (it opens anything outside the tests), remove it from the repository and change it",
      testGolden:
        "{{key}} in {{file}} is written in plaintext, in the golden files of a code base's tests ({{dir}}): the rendering a test compares the templates' output against, never deployed itself, so it repeats what the templates and their default values render. If it is a real credential, remove it from the repository, with its source, and change it",
      testFixture:
        "{{key}} in {{file}} is written in plaintext, in a test fixture directory ({{dir}}, of Test Kitchen or Molecule): its files are what the role's or formula's tests read or compare against, never what it deploys, so it is a test fixture's secret as a rule. If it is a real credential (it opens anything outside the tests), remove it from the repository and change it",
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    // Values a script of the deployment replaces when it runs (`sed s|REPLACE|$PASSWORD|`): placeholders.
    const substituted = new Set(
      ctx.deployment.documents
        .filter((d) => d.kind === SCRIPT_SUBSTITUTIONS_KIND)
        .flatMap((d) => (d.data as ScriptSubstitutionsData).substitutions.map((s) => s.literal)),
    );
    const envReferences = composeReferences(ctx.deployment.documents);
    const jasypt = jasyptWrappers(ctx.deployment.documents);
    /** Whether a value reads as the secret itself: not empty, a flag, a placeholder, an encryption or a file path. */
    const plaintext = (value: string) =>
      !(
        !value ||
        substituted.has(value) ||
        FLAG.test(value) ||
        PLACEHOLDER.test(value) ||
        PLACEHOLDER_NAME.test(value) ||
        PLACEHOLDER_WORD.test(value) ||
        PLACEHOLDER_PROSE.test(value) ||
        REDACTED.test(value) ||
        ENCODED.test(value) ||
        isJasyptEncrypted(value, jasypt) ||
        CRYPT_HASH.test(value) ||
        FILE_PATH.test(value) ||
        // `password=  # Leave this empty` in a .properties file: a comment taken for the value (parse/comment-in-value).
        /^#[ \t\f]/.test(value) ||
        // A placeholder reference inside text (`${env.PW}` with a default, nested ones, `{{ .Values.pw }}`) is not plaintext.
        isWholePlaceholder(value) ||
        /^\{\{[^}]*\}\}$/.test(value)
      );
    /** A secret inside a value whose key names none (HTTP Basic credentials, a JAAS entry's password): once per value. */
    const reportInValue = (
      doc: ParsedDocument,
      entry: Entry,
      messageId: 'jaasPassword' | 'basicCredentials' | 'connectionString' | 'connectionStringTrust',
      data: Record<string, string>,
    ) => {
      const testDir = testPlace(ctx.deployment.root, doc);
      ctx.report({
        messageId: testDir?.messageId ?? messageId,
        severity: testDir !== undefined || messageId === 'connectionStringTrust' ? 'info' : undefined,
        data: {
          key: entry.key,
          file: path.basename(doc.file.path),
          ...data,
          ...(testDir !== undefined ? { dir: testDir.dir } : {}),
          fix: referenceAdvice(doc.kind),
        },
        location: entryLocation(doc, entry, 'value'),
        related: envReferences.get(`${doc.file.path}\0${entry.key}`),
        fingerprint: [
          path.basename(doc.file.path),
          entry.section ?? '',
          entry.key,
          messageId === 'jaasPassword' ? 'jaas' : messageId === 'basicCredentials' ? 'basic' : 'connection',
        ],
      });
    };
    for (const doc of ctx.deployment.documents) {
      for (const entry of doc.entries) {
        // A YAML alias's or merge key's copy: the text is judged once, at its anchor.
        if (entry.throughAlias) continue;
        if (!entry.secret) {
          if (holdsJaasEntry(entry.value)) {
            // Kafka's `sasl.jaas.config` (`… PlainLoginModule required username="u" password="…";`): the value holds
            // the login module's password options, whatever the key is called.
            const secrets = jaasOptions(entry.value).filter((o) => o.secret && plaintext(o.value.trim()));
            // PlainLoginModule's `user_<name>` options are counted, not named: a user name is often its password too.
            const named = [...new Set(secrets.filter((o) => !o.name.startsWith('user_')).map((o) => o.name))];
            const users = secrets.filter((o) => o.name.startsWith('user_')).length;
            const options = [
              ...(named.length > 0 ? [`${named.length === 1 ? 'the option' : 'the options'} ${named.join(', ')}`] : []),
              ...(users > 0
                ? [`${users === 1 ? "one user's password" : `${users} users' passwords`} (user_<name>)`]
                : []),
            ];
            if (secrets.length > 0) reportInValue(doc, entry, 'jaasPassword', { options: options.join(' and ') });
          } else if (basicCredentialTokens(entry.value).length > 0) {
            // A header written with its credentials (`Authorization: Basic …`), whatever the key is called.
            reportInValue(doc, entry, 'basicCredentials', {});
          } else {
            // A JDBC URL's `password=`, an Artemis connector's `keyStorePassword=`, a URL's `user:password@`.
            const names = [
              ...new Set(
                connectionCredentials(entry.value)
                  .filter((c) => plaintext(c.value) && !NOT_A_SECRET_VALUE.test(c.name))
                  .map((c) => c.name),
              ),
            ];
            if (names.length > 0) {
              const trustOnly = names.every((n) => TRUST_STORE_PASSWORD.test(n));
              reportInValue(doc, entry, trustOnly ? 'connectionStringTrust' : 'connectionString', {
                what: credentialsWhat(names),
              });
            }
          }
          continue;
        }
        const value = entry.value.trim();
        if (fromEnvSecret(doc, entry)) continue;
        const key = entry.key.split(/[.@]/).pop() ?? entry.key;
        if (
          !plaintext(value) ||
          NOT_A_SECRET_VALUE.test(key) ||
          // An XML attribute made secret by its element's name (`<module-option name="password-stacking" value=…>`).
          NOT_A_SECRET_VALUE.test(entry.secretName ?? '') ||
          NAMES_A_SECRET_FILE.test(key) ||
          (POLICY_BOUND.test(key) && /^\d+$/.test(value))
        )
          continue;
        if (NAMES_A_DIGEST.test(key) && DIGEST_SHAPE.test(value)) {
          ctx.report({
            messageId: 'hashed',
            severity: 'info',
            data: { key: entry.key, file: path.basename(doc.file.path), fix: referenceAdvice(doc.kind) },
            location: entryLocation(doc, entry, 'value'),
            related: envReferences.get(`${doc.file.path}\0${entry.key}`),
            fingerprint: [path.basename(doc.file.path), entry.section ?? '', entry.key, 'hashed'],
          });
          continue;
        }
        const elytron = elytronCredentialUse(doc, entry);
        if (elytron?.serves?.kind === 'generated') {
          ctx.report({
            messageId: 'generatedStore',
            severity: 'info',
            data: {
              key: withOwner(entry.key, elytron.owner),
              file: path.basename(doc.file.path),
              store: elytron.serves.store,
              host: elytron.serves.host,
            },
            location: entryLocation(doc, entry, 'value'),
            fingerprint: [path.basename(doc.file.path), entry.section ?? '', entry.key, 'generated'],
          });
          continue;
        }
        const xor = XOR.test(value);
        const obf = JETTY_OBF.test(value);
        const trustStore =
          TRUST_STORE_PASSWORD.test(entry.secretName ?? entry.key) ||
          UNDER_TRUST_STORE.test(entry.key) ||
          elytron?.serves?.kind === 'trust';
        // A trust store that is the key store (the same file named for both) holds the private key.
        const sharedKeyStore = trustStore ? keyStoreSharingTrustStore(doc, entry) : undefined;
        const trustOnly = trustStore && !sharedKeyStore;
        // A test source set's resources (`src/test/resources`) configure the tests only (Fornitx/demo-mtls: 12
        // warnings, all fixtures' store passwords): still said, at info, as a real credential there would be a leak.
        const testDir = testPlace(ctx.deployment.root, doc);
        ctx.report({
          messageId: xor
            ? 'obfuscated'
            : obf
              ? 'jettyObfuscated'
              : trustOnly
                ? 'trustStore'
                : testDir !== undefined
                  ? testDir.messageId
                  : sharedKeyStore
                    ? 'trustStoreIsKeyStore'
                    : isJasyptPassword(entry.key)
                      ? 'jasyptPassword'
                      : 'plaintext',
          severity: xor || obf || trustOnly || testDir !== undefined ? 'info' : undefined,
          // An XML attribute made secret by its element's name is said with that name: `variable@value (ibmmq.password)`.
          data: {
            key: entry.secretName
              ? said`${entry.key} (${entry.secretName})`
              : elytron
                ? withOwner(entry.key, elytron.owner)
                : entry.key,
            file: path.basename(doc.file.path),
            ...(testDir !== undefined ? { dir: testDir.dir } : {}),
            ...(sharedKeyStore ? { keyStoreKey: sharedKeyStore.key } : {}),
            // A secret on a RUN line (dockerfile-run-secrets): a build secret, not a runtime one, keeps it out.
            fix: referenceAdvice(doc.kind === 'dockerfile' && entry.section === 'RUN' ? 'dockerfile.run' : doc.kind),
          },
          location: entryLocation(doc, entry, 'value'),
          // A `.env` value a Compose file takes: the file that reads it decides too. The key store setting that names
          // the trust store's file decides that the password is a secret.
          related: sharedKeyStore
            ? [
                ...(envReferences.get(`${doc.file.path}\0${entry.key}`) ?? []),
                {
                  ...entryLocation(doc, sharedKeyStore, 'value'),
                  message: said`${sharedKeyStore.key} names the same file: the key store`,
                },
              ]
            : envReferences.get(`${doc.file.path}\0${entry.key}`),
          fingerprint: [
            path.basename(doc.file.path),
            entry.section ?? '',
            entry.key,
            xor ? 'xor' : obf ? 'obf' : 'plain',
          ],
        });
      }
    }
  },
});

/**
 * A value a Compose file takes from a `.env` variable named like a secret (`KEYSTORE_PASSWORD=${KEYSTORE_PASSWORD}`):
 * written in the `.env`, where its own entry is judged once, not at each reference.
 */
function fromEnvSecret(doc: ParsedDocument, entry: Entry): boolean {
  return (
    doc.template !== undefined &&
    substitutedSpansAt(doc.template, entry.valueRange).some(
      (s) => s.engine === 'compose' && isSecretKey(s.substituted?.key ?? ''),
    )
  );
}

/** Per `.env` variable (`<file>\0<name>`), the first Compose reference that takes its value. */
function composeReferences(documents: readonly ParsedDocument[]): Map<string, RuleRelated[]> {
  const found = new Map<string, RuleRelated[]>();
  for (const doc of documents)
    for (const span of doc.template?.spans ?? []) {
      const put = span.substituted;
      const key = put?.from.file !== undefined ? `${put.from.file}\0${put.key}` : '';
      if (span.engine !== 'compose' || !put || found.has(key)) continue;
      const message = `${path.basename(doc.file.path)} takes ${put.key} from the .env`;
      found.set(key, [{ file: doc.file.path, range: span.range, message }]);
    }
  return found;
}

/** What a value holds, said by name, never by value: `the parameters keyStorePassword, trustStorePassword`. */
function credentialsWhat(names: string[]): string {
  const parameters = names.filter((n) => n !== USER_INFO_NAME);
  const parts = [
    ...(parameters.length > 0
      ? [`the connection-string ${parameters.length === 1 ? 'parameter' : 'parameters'} ${parameters.join(', ')}`]
      : []),
    ...(names.includes(USER_INFO_NAME) ? ["a URL's password (scheme://user:password@host)"] : []),
  ];
  return parts.join(' and ');
}

/**
 * A WildFly credential's key with the Elytron resource that holds it (`credential-reference@clear-text (key-store ks)`),
 * unless the key names that resource already: a jboss-cli script's keys start with it (`key-store=ks.credential-…`).
 */
function withOwner(key: string, owner: string): Phrase | string {
  return key.startsWith(`${owner.replace(' ', '=')}.`) ? key : said`${key} (${owner})`;
}
