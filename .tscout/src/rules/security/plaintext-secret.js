"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const path = __importStar(require("node:path"));
const types_1 = require("../../parse/types");
const template_1 = require("../../parse/template");
const script_substitutions_1 = require("../../parse/script-substitutions");
const test_place_1 = require("./_lib/test-place");
const types_2 = require("../types");
const jasypt_1 = require("../../parse/jasypt");
const basic_auth_1 = require("../../parse/basic-auth");
const connection_credentials_1 = require("../../parse/connection-credentials");
const jaas_1 = require("../../parse/jaas");
const secret_advice_1 = require("./_lib/secret-advice");
const elytron_credentials_1 = require("./_lib/elytron-credentials");
const trust_store_is_key_store_1 = require("./_lib/trust-store-is-key-store");
const in_memory_database_1 = require("./_lib/in-memory-database");
const phrase_1 = require("../../core/phrase");
const secret_shapes_1 = require("./_lib/secret-shapes");
/**
 * Flags secrets written in plaintext in configuration (DESIGN.md "Secrets"):
 * never prints the value, only the key and where it is.
 */
exports.default = (0, types_2.defineRule)({
    meta: {
        id: 'security/plaintext-secret',
        description: 'Warn when a password or passphrase is stored in plaintext in a configuration file',
        severity: 'warning',
        messages: {
            plaintext: '{{key}} in {{file}} holds a plaintext secret: anyone who can read the file, its backups or its repository has it. {{fix}}',
            jasyptPassword: "{{key}} in {{file}} is Jasypt's encryptor password, in plaintext: with it anyone who reads the file decrypts every ENC(…) value of the application. Pass it when the application starts instead (the JASYPT_ENCRYPTOR_PASSWORD environment variable, -Djasypt.encryptor.password)",
            obfuscated: '{{key}} in {{file}} is {xor}-encoded: XOR is obfuscation, not encryption — anyone can decode it. Prefer {aes} or a reference to the secret',
            jettyObfuscated: "{{key}} in {{file}} is Jetty-obfuscated (OBF:): obfuscation, not encryption — anyone with Jetty's jar decodes it (org.eclipse.jetty.util.security.Password). Keep the password out of the repository: give the start property on the command line, or from a secret the deployment provides",
            trustStore: "{{key}} in {{file}} is a trust store's password, written in plaintext: the store holds only public CA certificates, so it guards no secret (who can write the store file can replace it whatever its password). If a key store shares this password, that key store's setting is the secret: reference both instead",
            trustStoreIsKeyStore: "{{key}} in {{file}} is a trust store's password, written in plaintext, but the trust store is the key store ({{keyStoreKey}} names the same file): that file holds the private key, so its password is a secret: anyone who can read the file, its backups or its repository has it. {{fix}}",
            jaasPassword: '{{key}} in {{file}} is a JAAS login module entry that holds {{options}} in plaintext (`name="…"` inside the value): anyone who can read the file, its backups or its repository has the password. {{fix}}',
            basicCredentials: '{{key}} in {{file}} holds HTTP Basic credentials: `Basic` and base64 of user:password, an encoding, not encryption: anyone who can read the file, its backups or its repository has the password. {{fix}}',
            connectionString: '{{key}} in {{file}} holds {{what}} in plaintext inside its value: anyone who can read the file, its backups or its repository has it. {{fix}}',
            connectionStringTrust: "{{key}} in {{file}} holds {{what}} in plaintext inside its value: a trust store's password, which guards no secret (the store holds only public CA certificates). If a key store shares this password, that one is the secret: reference both instead",
            hashed: '{{key}} in {{file}} holds a digest of the secret, not the secret itself: the program compares it with the digest of what is typed. Anyone who reads it can still test guesses offline, and an unsalted fast digest (SHA-256) of a dictionary word is reversed at once: choose a strong password. {{fix}}',
            generatedStore: '{{key}} in {{file}} opens key store {{store}}, which WildFly fills on first use with a self-signed certificate it makes for {{host}} (generate-self-signed-certificate-host): a development store, guarding no key anyone issued. Before real clients connect, give the server a key store of its own and take its password from a credential store (credential-reference store=… alias=…)',
            testResource: "{{key}} in {{file}} is written in plaintext, in the resources of a test source set ({{dir}}): they are on the tests' classpath only and never packaged with the app, so it is a test fixture's secret as a rule (often of a store generated for the tests). If it is a real credential (it opens anything outside the tests), remove it from the repository and change it",
            testSources: "{{key}} in {{file}} is written in plaintext, in a test source set ({{dir}}): what the project's tests read (the configuration of a server or broker they start, beside the test classes), never packaged with the app, so it is a test fixture's secret as a rule. If it is a real credential (it opens anything outside the tests), remove it from the repository and change it",
            testGolden: "{{key}} in {{file}} is written in plaintext, in the golden files of a code base's tests ({{dir}}): the rendering a test compares the templates' output against, never deployed itself, so it repeats what the templates and their default values render. If it is a real credential, remove it from the repository, with its source, and change it",
            example: '{{key}} in {{file}} is written in plaintext, in an example of {{dir}}: what a user copies and fills in, never read as it is (the product reads {{dir}}), so it is a sample value as a rule. If it is a real credential, remove it from the repository and change it',
            inMemoryDatabase: '{{key}} in {{file}} is the password of an in-memory database ({{url}}): the database lives inside the JVM that opens it, and no other process reaches it unless the application serves it itself (an H2 TCP server), so the password guards nothing outside the application. If the same credentials open a real database elsewhere, remove them from the repository and change them',
            testFixture: "{{key}} in {{file}} is written in plaintext, in a test fixture directory ({{dir}}, of Test Kitchen or Molecule): its files are what the role's or formula's tests read or compare against, never what it deploys, so it is a test fixture's secret as a rule. If it is a real credential (it opens anything outside the tests), remove it from the repository and change it",
        },
        defaultOptions: {},
        symptoms: [],
    },
    check(ctx) {
        // Values a script of the deployment replaces when it runs (`sed s|REPLACE|$PASSWORD|`): placeholders.
        const substituted = new Set(ctx.deployment.documents
            .filter((d) => d.kind === script_substitutions_1.SCRIPT_SUBSTITUTIONS_KIND)
            .flatMap((d) => d.data.substitutions.map((s) => s.literal)));
        const envReferences = composeReferences(ctx.deployment.documents);
        const jasypt = (0, jasypt_1.jasyptWrappers)(ctx.deployment.documents);
        /** Whether a value reads as the secret itself: not empty, a flag, a placeholder, an encryption or a file path. */
        const plaintext = (value) => !((0, secret_shapes_1.standsInForSecret)(value) || substituted.has(value) || (0, jasypt_1.isJasyptEncrypted)(value, jasypt));
        /** A secret inside a value whose key names none (HTTP Basic credentials, a JAAS entry's password): once per value. */
        const reportInValue = (doc, entry, messageId, data) => {
            const testDir = (0, test_place_1.undeployedPlace)(ctx.deployment.root, doc);
            ctx.report({
                messageId: testDir?.messageId ?? messageId,
                severity: testDir !== undefined || messageId === 'connectionStringTrust' ? 'info' : undefined,
                data: {
                    key: entry.key,
                    file: path.basename(doc.file.path),
                    ...data,
                    ...(testDir !== undefined ? { dir: testDir.dir } : {}),
                    fix: (0, secret_advice_1.referenceAdvice)(doc.kind),
                },
                location: (0, types_1.entryLocation)(doc, entry, 'value'),
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
                if (entry.throughAlias)
                    continue;
                if (!entry.secret) {
                    if ((0, jaas_1.holdsJaasEntry)(entry.value)) {
                        // Kafka's `sasl.jaas.config` (`… PlainLoginModule required username="u" password="…";`): the value holds
                        // the login module's password options, whatever the key is called.
                        const secrets = (0, jaas_1.jaasOptions)(entry.value).filter((o) => o.secret && plaintext(o.value.trim()));
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
                        if (secrets.length > 0)
                            reportInValue(doc, entry, 'jaasPassword', { options: (0, phrase_1.ours)(options.join(' and ')) });
                    }
                    else if ((0, basic_auth_1.basicCredentialTokens)(entry.value).length > 0) {
                        // A header written with its credentials (`Authorization: Basic …`), whatever the key is called.
                        reportInValue(doc, entry, 'basicCredentials', {});
                    }
                    else {
                        // A JDBC URL's `password=`, an Artemis connector's `keyStorePassword=`, a URL's `user:password@`.
                        const names = [
                            ...new Set((0, connection_credentials_1.connectionCredentials)(entry.value)
                                .filter((c) => plaintext(c.value) && !secret_shapes_1.NOT_A_SECRET_VALUE.test(c.name))
                                .map((c) => c.name)),
                        ];
                        if (names.length > 0) {
                            const trustOnly = names.every((n) => secret_shapes_1.TRUST_STORE_PASSWORD.test(n));
                            reportInValue(doc, entry, trustOnly ? 'connectionStringTrust' : 'connectionString', {
                                what: credentialsWhat(names),
                            });
                        }
                    }
                    continue;
                }
                const value = entry.value.trim();
                if (fromEnvSecret(doc, entry))
                    continue;
                const key = entry.key.split(/[.@]/).pop() ?? entry.key;
                if (!plaintext(value) || (0, secret_shapes_1.namesNoSecret)(key, entry.secretName, value))
                    continue;
                if ((0, secret_shapes_1.isDigestOfSecret)(key, value)) {
                    ctx.report({
                        messageId: 'hashed',
                        severity: 'info',
                        data: { key: entry.label ?? entry.key, file: path.basename(doc.file.path), fix: (0, secret_advice_1.referenceAdvice)(doc.kind) },
                        location: (0, types_1.entryLocation)(doc, entry, 'value'),
                        related: envReferences.get(`${doc.file.path}\0${entry.key}`),
                        fingerprint: [path.basename(doc.file.path), entry.section ?? '', entry.key, 'hashed'],
                    });
                    continue;
                }
                const elytron = (0, elytron_credentials_1.elytronCredentialUse)(doc, entry);
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
                        location: (0, types_1.entryLocation)(doc, entry, 'value'),
                        fingerprint: [path.basename(doc.file.path), entry.section ?? '', entry.key, 'generated'],
                    });
                    continue;
                }
                // WildFly's stock ExampleDS (`jdbc:h2:mem:test`, `sa`/`sa`) is in every standalone.xml: rodrigolacan/wildfly-template
                // @b26b17b gave 28 warnings of it. Said at info, with the fingerprint of the plaintext finding (baselines hold).
                const inMemoryUrl = (0, in_memory_database_1.inMemoryDatabaseUrl)(doc, entry);
                if (inMemoryUrl !== undefined) {
                    ctx.report({
                        messageId: 'inMemoryDatabase',
                        severity: 'info',
                        data: { key: entry.label ?? entry.key, file: path.basename(doc.file.path), url: inMemoryUrl },
                        location: (0, types_1.entryLocation)(doc, entry, 'value'),
                        fingerprint: [path.basename(doc.file.path), entry.section ?? '', entry.key, 'plain'],
                    });
                    continue;
                }
                const xor = secret_shapes_1.XOR.test(value);
                const obf = secret_shapes_1.JETTY_OBF.test(value);
                const trustStore = secret_shapes_1.TRUST_STORE_PASSWORD.test(entry.secretName ?? entry.key) ||
                    secret_shapes_1.UNDER_TRUST_STORE.test(entry.key) ||
                    elytron?.serves?.kind === 'trust';
                // A trust store that is the key store (the same file named for both) holds the private key.
                const sharedKeyStore = trustStore ? (0, trust_store_is_key_store_1.keyStoreSharingTrustStore)(doc, entry) : undefined;
                const trustOnly = trustStore && !sharedKeyStore;
                // A test source set's resources (`src/test/resources`) configure the tests only (Fornitx/demo-mtls: 12
                // warnings, all fixtures' store passwords): still said, at info, as a real credential there would be a leak.
                const testDir = (0, test_place_1.undeployedPlace)(ctx.deployment.root, doc);
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
                                        : (0, jasypt_1.isJasyptPassword)(entry.key)
                                            ? 'jasyptPassword'
                                            : 'plaintext',
                    severity: xor || obf || trustOnly || testDir !== undefined ? 'info' : undefined,
                    // An XML attribute made secret by its element's name is said with that name: `variable@value (ibmmq.password)`.
                    data: {
                        key: entry.secretName
                            ? (0, phrase_1.said) `${entry.key} (${entry.secretName})`
                            : elytron
                                ? withOwner(entry.key, elytron.owner)
                                : (entry.label ?? entry.key),
                        file: path.basename(doc.file.path),
                        ...(testDir !== undefined ? { dir: testDir.dir } : {}),
                        ...(sharedKeyStore ? { keyStoreKey: sharedKeyStore.key } : {}),
                        // A secret on a RUN line (dockerfile-run-secrets): a build secret, not a runtime one, keeps it out.
                        fix: (0, secret_advice_1.referenceAdvice)(doc.kind === 'dockerfile' && entry.section === 'RUN' ? 'dockerfile.run' : doc.kind),
                    },
                    location: (0, types_1.entryLocation)(doc, entry, 'value'),
                    // A `.env` value a Compose file takes: the file that reads it decides too. The key store setting that names
                    // the trust store's file decides that the password is a secret.
                    related: sharedKeyStore
                        ? [
                            ...(envReferences.get(`${doc.file.path}\0${entry.key}`) ?? []),
                            {
                                ...(0, types_1.entryLocation)(doc, sharedKeyStore, 'value'),
                                message: (0, phrase_1.said) `${sharedKeyStore.key} names the same file: the key store`,
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
function fromEnvSecret(doc, entry) {
    return (doc.template !== undefined &&
        (0, template_1.substitutedSpansAt)(doc.template, entry.valueRange).some((s) => s.engine === 'compose' && (0, types_1.isSecretKey)(s.substituted?.key ?? '')));
}
/** Per `.env` variable (`<file>\0<name>`), the first Compose reference that takes its value. */
function composeReferences(documents) {
    const found = new Map();
    for (const doc of documents)
        for (const span of doc.template?.spans ?? []) {
            const put = span.substituted;
            const key = put?.from.file !== undefined ? `${put.from.file}\0${put.key}` : '';
            if (span.engine !== 'compose' || !put || found.has(key))
                continue;
            const message = `${path.basename(doc.file.path)} takes ${put.key} from the .env`;
            found.set(key, [{ file: doc.file.path, range: span.range, message }]);
        }
    return found;
}
/** What a value holds, said by name, never by value: `the parameters keyStorePassword, trustStorePassword`. */
function credentialsWhat(names) {
    const parameters = names.filter((n) => n !== connection_credentials_1.USER_INFO_NAME);
    const parts = [
        ...(parameters.length > 0
            ? [`the connection-string ${parameters.length === 1 ? 'parameter' : 'parameters'} ${parameters.join(', ')}`]
            : []),
        ...(names.includes(connection_credentials_1.USER_INFO_NAME) ? ["a URL's password (scheme://user:password@host)"] : []),
    ];
    return parts.join(' and ');
}
/**
 * A WildFly credential's key with the Elytron resource that holds it (`credential-reference@clear-text (key-store ks)`),
 * unless the key names that resource already: a jboss-cli script's keys start with it (`key-store=ks.credential-…`).
 */
function withOwner(key, owner) {
    return key.startsWith(`${owner.replace(' ', '=')}.`) ? key : (0, phrase_1.said) `${key} (${owner})`;
}
