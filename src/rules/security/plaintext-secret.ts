import type { RuleRelated } from '../types';
import * as path from 'node:path';

import { entryLocation, type Entry, type ParsedDocument } from '../../parse/types';
import { SCRIPT_SUBSTITUTIONS_KIND, type ScriptSubstitutionsData } from '../../parse/script-substitutions';
import { undeployedPlace } from './_lib/test-place';
import { reportFolded, type HeldFinding } from './_lib/wildfly-copies';
import { defineRule } from '../types';
import { isJasyptEncrypted, isJasyptPassword, jasyptWrappers } from '../../parse/jasypt';
import { basicCredentialTokens } from '../../parse/basic-auth';
import { connectionCredentials } from '../../parse/connection-credentials';
import { holdsJaasEntry, jaasOptions } from '../../parse/jaas';
import { USER_PASSWORD_KINDS } from '../../parse/activemq-users';
import { activemqShippedDefault, classicUsersFileMarker } from './_lib/activemq-defaults';
import { referenceAdvice } from './_lib/secret-advice';
import { echoedByRun } from './_lib/echoed-secrets';
import { setsQuarkus } from '../../model/quarkus-settings';
import { elytronCredentialUse } from './_lib/elytron-credentials';
import { keyStoreSharingTrustStore } from './_lib/trust-store-is-key-store';
import { isTrustStorePassword, keyStoreSharingPassword } from './_lib/trust-store-password';
import { keyLabel, storeKey } from './_lib/secret-key-label';
import { trustStoreHoldingKey } from './_lib/trust-store-holds-key';
import { inMemoryDatabaseUrl } from './_lib/in-memory-database';
import { credentialsWhat, withOwner } from './_lib/secret-words';
import { composeReferences, fromEnvSecret } from './_lib/compose-env-secrets';
import { helmSecretNames } from './_lib/helm-secret-names';
import { ours, said, type Phrase } from '../../core/phrase';
import {
  isDigestOfSecret,
  isFillInMark,
  JETTY_OBF,
  namesNoSecret,
  NOT_A_SECRET_VALUE,
  standsInForSecret,
  TRUST_STORE_PASSWORD,
  XOR,
} from './_lib/secret-shapes';

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
      trustStoreHoldsKey:
        "{{key}} in {{file}} is a trust store's password, written in plaintext, but the trust store it opens, {{store}}, holds a private key (entry {{alias}}): its password guards that key, so anyone who can read the file, its backups or its repository has it. {{fix}}; and a trust store needs only CA certificates: keep the key out of it",
      trustStoreSharesKeyStorePassword:
        "{{key}} in {{file}} is a trust store's password, written in plaintext, and {{keyStoreKey}} ({{keyStoreFile}}) gives a key store the same password: the text opens that store's private key, so anyone who can read the file, its backups or its repository has it. {{fix}}",
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
      example:
        '{{key}} in {{file}} is written in plaintext, in an example of {{dir}}: what a user copies and fills in, never read as it is (the product reads {{dir}}), so it is a sample value as a rule. If it is a real credential, remove it from the repository and change it',
      inMemoryDatabase:
        '{{key}} in {{file}} is the password of an in-memory database ({{url}}): the database lives inside the JVM that opens it, and no other process reaches it unless the application serves it itself (an H2 TCP server), so the password guards nothing outside the application. If the same credentials open a real database elsewhere, remove them from the repository and change them',
      historySnapshot:
        '{{key}} in {{file}} is written in plaintext in a copy WildFly wrote of {{live}} in its configuration history ({{now}}): an old snapshot the server does not read, but the secret is in the repository all the same. If it was a real credential, rotate it, and keep the history directory out of the repository',
      distributionDefault:
        "{{key}} in {{file}} is the password ActiveMQ Classic's distribution ships, unchanged, in the distribution's own conf/ ({{dir}}): the same in every download, so the repository tells it to no one anew, but it is the first password anyone tries. Before the broker is reachable, change it (and keep the new one out of the repository)",
      distributionSample:
        "{{key}} in {{file}} is written in plaintext in a sample configuration a WildFly/JBoss distribution ships ({{dir}}): the vendor's example, which the server never reads (it reads jboss.server.config.dir), so its password is a demo value. If the file is copied into use, give it a secret of its own",
      fillIn:
        '{{key}} in {{file}} holds a fill-in mark, not a secret: its value asks to be replaced, so the file tells no one a password. A deployment that keeps it runs with a password anyone can guess: give the real one when deploying. {{fix}}',
      ciService:
        "{{key}} in {{file}} is written in plaintext, for a CI job's service container ({{dir}}): the runner starts it for that job alone, reachable from the job's steps, and removes it after the job, so it is a test fixture's secret as a rule. If it is a real credential (it opens anything outside the job), remove it from the repository and change it, and give the container a CI secret instead (a GitHub Actions secret, a masked GitLab CI/CD variable)",
      testFixture:
        "{{key}} in {{file}} is written in plaintext, in a test fixture directory ({{dir}}, of Test Kitchen, Molecule, ansible-test or Helm chart-testing): its files are what the role's, formula's, collection's or chart's tests read or compare against, never what it deploys, so it is a test fixture's secret as a rule. If it is a real credential (it opens anything outside the tests), remove it from the repository and change it",
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
    // Once per document: whether a file is a Quarkus app's looks at all its entries (a file of 40,000 secrets).
    const adviceKinds = new Map<ParsedDocument, string>();
    const adviceKindOf = (doc: ParsedDocument) => {
      let kind = adviceKinds.get(doc);
      if (kind === undefined) adviceKinds.set(doc, (kind = adviceKind(doc)));
      return kind;
    };
    const jasypt = jasyptWrappers(ctx.deployment.documents);
    // Reported once the tree is read: a WildFly history copy of a live file's secret is a place of that finding.
    type Descriptor = Parameters<typeof ctx.report>[0];
    const held: HeldFinding<Descriptor['messageId']>[] = [];
    const hold = (doc: ParsedDocument, entry: Entry, descriptor: Descriptor) => held.push({ doc, entry, descriptor });
    /** An info on a secret entry's value with its file's advice: a digest of the secret, a fill-in mark. */
    const holdAdvised = (
      doc: ParsedDocument,
      entry: Entry,
      messageId: 'hashed' | 'fillIn',
      key: Phrase | string,
      kind: 'hashed' | 'plain',
    ) =>
      hold(doc, entry, {
        messageId,
        severity: 'info',
        data: { key, file: path.basename(doc.file.path), fix: referenceAdvice(adviceKindOf(doc), entry.key) },
        location: entryLocation(doc, entry, 'value'),
        related: envReferences.get(`${doc.file.path}\0${entry.key}`),
        fingerprint: [path.basename(doc.file.path), entry.section ?? '', entry.key, kind],
      });
    /** Whether a value reads as the secret itself: not empty, a flag, a placeholder, an encryption or a file path. */
    const plaintext = (value: string) =>
      !(standsInForSecret(value) || substituted.has(value) || isJasyptEncrypted(value, jasypt));
    /** A secret inside a value whose key names none (HTTP Basic credentials, a JAAS entry's password): once per value. */
    const reportInValue = (
      doc: ParsedDocument,
      entry: Entry,
      messageId: 'jaasPassword' | 'basicCredentials' | 'connectionString' | 'connectionStringTrust',
      data: Record<string, string | Phrase>,
    ) => {
      const testDir = undeployedPlace(ctx.deployment.root, ctx.deployment.files ?? [], doc, entry);
      hold(doc, entry, {
        messageId: testDir?.messageId ?? messageId,
        severity: testDir !== undefined || messageId === 'connectionStringTrust' ? 'info' : undefined,
        data: {
          key: entry.key,
          file: path.basename(doc.file.path),
          ...data,
          ...(testDir !== undefined ? { dir: testDir.dir } : {}),
          fix: referenceAdvice(adviceKindOf(doc), entry.key),
        },
        location: entryLocation(doc, entry, 'value'),
        related: withRelated(envReferences.get(`${doc.file.path}\0${entry.key}`), testDir?.related),
        fingerprint: [
          path.basename(doc.file.path),
          entry.section ?? '',
          entry.key,
          messageId === 'jaasPassword' ? 'jaas' : messageId === 'basicCredentials' ? 'basic' : 'connection',
        ],
      });
    };
    const echoed = echoedByRun(ctx.deployment.documents);
    // A chart value that the chart uses as a Secret's name is that name, not a secret.
    const secretName = helmSecretNames(ctx.deployment.documents);
    for (const doc of ctx.deployment.documents) {
      for (const entry of doc.entries) {
        // A YAML alias's or merge key's copy: the text is judged once, at its anchor.
        if (entry.throughAlias || echoed(doc, entry)) continue;
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
            // Option names are keys, never secrets, and the rest is ours: a password that is the word `password`
            // (fkshom/kafka-train@dede206's KAFKA_MANAGER_PASSWORD) no longer reads 'the option ***', which told it.
            if (secrets.length > 0) reportInValue(doc, entry, 'jaasPassword', { options: ours(options.join(' and ')) });
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
        if (fromEnvSecret(doc, entry) || secretName(doc, entry)) continue;
        const key = entry.key.split(/[.@]/).pop() ?? entry.key;
        if (!plaintext(value) || namesNoSecret(key, entry.secretName, value, entry.key)) continue;
        if (isDigestOfSecret(key, value)) {
          holdAdvised(doc, entry, 'hashed', entry.label ?? entry.key, 'hashed');
          continue;
        }
        const elytron = elytronCredentialUse(doc, entry);
        if (elytron?.serves?.kind === 'generated') {
          hold(doc, entry, {
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
        const shipped = activemqShippedDefault(ctx.deployment.root, ctx.deployment.files ?? [], doc, entry);
        if (shipped !== undefined) {
          hold(doc, entry, {
            messageId: 'distributionDefault',
            severity: 'info',
            data: {
              key: USER_PASSWORD_KINDS.has(doc.kind) ? said`the password of user ${entry.key}` : entry.key,
              file: path.basename(doc.file.path),
              dir: shipped.dir,
            },
            location: entryLocation(doc, entry, 'value'),
            related: shipped.related,
            fingerprint: [path.basename(doc.file.path), entry.section ?? '', entry.key, 'plain'],
          });
          continue;
        }
        // WildFly's stock ExampleDS (`jdbc:h2:mem:test`, `sa`/`sa`) is in every standalone.xml: rodrigolacan/wildfly-template
        // @b26b17b gave 28 warnings of it. Said at info, with the fingerprint of the plaintext finding (baselines hold).
        const inMemoryUrl = inMemoryDatabaseUrl(doc, entry);
        if (inMemoryUrl !== undefined) {
          hold(doc, entry, {
            messageId: 'inMemoryDatabase',
            severity: 'info',
            data: { key: entry.label ?? entry.key, file: path.basename(doc.file.path), url: inMemoryUrl },
            location: entryLocation(doc, entry, 'value'),
            fingerprint: [path.basename(doc.file.path), entry.section ?? '', entry.key, 'plain'],
          });
          continue;
        }
        const xor = XOR.test(value);
        const obf = JETTY_OBF.test(value);
        // A trust store's password guards the store's integrity only; it is a secret when it is also a key store's: the
        // trust store is the key store's file, or the same password opens a key store of the deployment.
        const trustStore = isTrustStorePassword(ctx.deployment.documents, doc, entry);
        // A test's or an example's fill-in is said by its place (a sample value as a rule).
        if (isFillInMark(value) && !undeployedPlace(ctx.deployment.root, ctx.deployment.files ?? [], doc, entry)) {
          holdAdvised(doc, entry, 'fillIn', keyLabel(doc, entry, elytron, trustStore), 'plain');
          continue;
        }
        const sharedKeyStore = trustStore ? keyStoreSharingTrustStore(doc, entry) : undefined;
        const sharedPassword =
          trustStore && !sharedKeyStore ? keyStoreSharingPassword(ctx.deployment.documents, entry, value) : undefined;
        // The trust store's own file may hold a key entry (a server's keystore handed out as a trust store).
        const heldKey =
          trustStore && !sharedKeyStore && !sharedPassword
            ? trustStoreHoldingKey(ctx.deployment, entryLocation(doc, entry, 'value'))
            : undefined;
        const trustOnly = trustStore && !sharedKeyStore && !sharedPassword && !heldKey;
        // A test source set's resources (`src/test/resources`) configure the tests only (Fornitx/demo-mtls: 12
        // warnings, all fixtures' store passwords): still said, at info, as a real credential there would be a leak.
        const testDir = undeployedPlace(ctx.deployment.root, ctx.deployment.files ?? [], doc, entry);
        hold(doc, entry, {
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
                    : sharedPassword
                      ? 'trustStoreSharesKeyStorePassword'
                      : heldKey
                        ? 'trustStoreHoldsKey'
                        : isJasyptPassword(entry.key)
                          ? 'jasyptPassword'
                          : 'plaintext',
          severity: xor || obf || trustOnly || testDir !== undefined ? 'info' : undefined,
          data: {
            key: keyLabel(doc, entry, elytron, trustStore),
            file: path.basename(doc.file.path),
            ...(testDir !== undefined ? { dir: testDir.dir } : {}),
            ...(sharedKeyStore ? { keyStoreKey: sharedKeyStore.key } : {}),
            ...(heldKey ? { store: heldKey.store, alias: heldKey.alias } : {}),
            ...(sharedPassword
              ? {
                  keyStoreKey: storeKey(sharedPassword.doc, sharedPassword.entry),
                  keyStoreFile: path.basename(sharedPassword.doc.file.path),
                }
              : {}),
            // A secret on a RUN line (dockerfile-run-secrets): a build secret, not a runtime one, keeps it out.
            fix: referenceAdvice(
              doc.kind === 'dockerfile' && entry.section === 'RUN' ? 'dockerfile.run' : adviceKindOf(doc),
              entry.key,
            ),
          },
          location: entryLocation(doc, entry, 'value'),
          // A `.env` value a Compose file takes: the file that reads it decides too. The key store setting that names
          // the trust store's file decides that the password is a secret.
          related: withRelated(
            sharedPassword
              ? [
                  ...(envReferences.get(`${doc.file.path}\0${entry.key}`) ?? []),
                  {
                    ...entryLocation(sharedPassword.doc, sharedPassword.entry, 'key'),
                    message: said`${storeKey(sharedPassword.doc, sharedPassword.entry)} gives a key store the same password`,
                  },
                ]
              : sharedKeyStore
                ? [
                    ...(envReferences.get(`${doc.file.path}\0${entry.key}`) ?? []),
                    {
                      ...entryLocation(doc, sharedKeyStore, 'value'),
                      message: said`${sharedKeyStore.key} names the same file: the key store`,
                    },
                  ]
                : heldKey
                  ? [
                      ...(envReferences.get(`${doc.file.path}\0${entry.key}`) ?? []),
                      { file: heldKey.file, message: said`the trust store, which holds the key entry` },
                    ]
                  : envReferences.get(`${doc.file.path}\0${entry.key}`),
            xor || obf || trustOnly
              ? classicUsersFileMarker(doc)
              : withRelated(testDir?.related, classicUsersFileMarker(doc)),
          ),
          fingerprint: [
            path.basename(doc.file.path),
            entry.section ?? '',
            entry.key,
            xor ? 'xor' : obf ? 'obf' : 'plain',
          ],
        });
      }
    }
    reportFolded((d) => ctx.report(d), held, 'historySnapshot', ctx.deployment.documents);
  },
});

/** Related places and those of an undeployed place (a distribution's home), if any. */
function withRelated(related: RuleRelated[] | undefined, more: RuleRelated[] | undefined): RuleRelated[] | undefined {
  return more === undefined ? related : [...(related ?? []), ...more];
}

/** The kind whose advice fits: a Spring-read properties or YAML file that sets quarkus.* is a Quarkus app's. */
function adviceKind(doc: ParsedDocument): string {
  return doc.kind.startsWith('spring.') && setsQuarkus(doc) ? 'quarkus' : doc.kind;
}
