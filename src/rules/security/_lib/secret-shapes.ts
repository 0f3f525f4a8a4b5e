/**
 * The shapes of values and keys security/plaintext-secret judges: what reads as a stand-in for a secret (a placeholder,
 * a redaction mark, an encryption or hash, a file path, a flag), which keys name something other than the secret, and
 * the obfuscations and trust store passwords it reports at info. Values are tested, never printed.
 */
import { isWholePlaceholder } from '../../../core/placeholder';

/**
 * Values that are not the secret itself: environment/template placeholders. `$[name]` is xipki's (its prepare.sh runs
 * BatchReplace over conf/server.xml with setup/conf.json: xipki/xipki assemblies/xipki-setup). `$${name}` is Compose's
 * (and Terraform's) escape for the text `${name}`, a placeholder of the program that reads it: JHipster's Compose files
 * pass `http://admin:$${jhipster.registry.password}@jhipster-registry:8761/eureka`, which Spring resolves.
 */
const PLACEHOLDER = /^(\$\$?\{[^}]*\}|\$\[[\w.-]+\]|\$[A-Za-z_]\w*|%[A-Za-z_]\w*%|\{\{.*\}\}|@[\w.-]+@|<[^>]*>)$/;
/**
 * A shell command substitution as the whole value (`$(cat /etc/kafka/secrets/user.password)`, backquotes): what a script
 * writes through an unquoted heredoc (sempernow/strimzi-kafka's `tee /tmp/clients.properties <<EOH`) is the command's
 * output when it runs, read from a file the tree does not hold, not the text.
 */
const COMMAND_SUBSTITUTION = /^(\$\([^()]*\)|`[^`]*`)$/;
/**
 * The name of a placeholder another program replaces, not a secret: an upper-case identifier of several words, one of
 * which names a secret (OpenLiberty/open-liberty-operator@ec1ea07 internal/controller/assets: ltpa.xml's
 * `keysPassword="LTPA_KEYS_PASSWORD"` and encryption-key-password.xml's `value="WLP_PASSWORD_ENCRYPTION_KEY"`, which
 * utils/utils.go fills with strings.Replace before the operator mounts them). One word is a password (`CHANGEME` a fill-in mark).
 */
const PLACEHOLDER_NAME = /^(?=.*(PASSWORD|PASSWD|PASSPHRASE|PWD|SECRET|KEY|TOKEN))[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;
/**
 * A substitution token: an upper-case identifier between the markers of a tool that replaces it before the program
 * starts. `_NAME_`: rwlxxvii/containers@81bd1d5 (no licence) data/opensearch/logstash/pipelines/output/
 * 99_opensearch_output.conf `password => "_LOGSTASH_OPENSEARCH_PASSWORD_"`, one of the tokens its logstash-start.sh
 * fills with `sed -i "s/_MALCOLM_LOGSTASH_OPENSEARCH_PASSWORD_/…/g"`. `__NAME__`: IBM/charts@951c317 (no licence)
 * ibm-fci-platform-prod case-manager values.yaml `fciadmin_password: __FCI_GENERATED_PW__`, which nothing in the tree
 * fills. `#{NAME}#`: the default markers of Azure DevOps' Replace Tokens task (qetza/replacetokens-task);
 * eclipse/packages@5de8062 (EPL-2.0) charts/ditto fills `#{PLACEHOLDER_MONGODB_HOSTNAME}#` with Helm's `replace`.
 * Nothing is said whether the tree shows the replacing step or not: every secret setting of this shape in 1,347
 * public trees is such a token.
 * Lower or mixed case (`_Secret123_`) is judged as a password. `@NAME@`, `%NAME%`, `{{NAME}}` are PLACEHOLDER's.
 */
const SUBSTITUTION_TOKEN = /^((_{1,2})[A-Z][A-Z0-9]*(_[A-Z0-9]+)*\2|#\{[A-Z][A-Z0-9]*(_[A-Z0-9]+)*\}#)$/;
/**
 * A value that says it is a placeholder, as a word of its own: Bitnami's Kafka chart writes
 * `password="zookeeper-password-placeholder"` (and `password-placeholder-0`, `interbroker-password-placeholder`) into
 * the JAAS and server.properties its start script then fills with `replace_placeholder … "$KAFKA_ZOOKEEPER_PASSWORD"`
 * (jays-codes/ud-microservices-springboot-helm@24a0767 helm/kafka/templates/scripts-configmap.yaml, chart 29.3.9).
 */
const PLACEHOLDER_WORD = /(^|[-_.])placeholder([-_.]|$)/i;
/**
 * A to-do marker as the whole value, `TODO` (wyona/katie-backend@88aeb9b env/docker/run/docker-compose.yml:
 * `APP_MAIL_PASSWORD=TODO`, `DISCORD_BOT_TOKEN=TODO`, `MS_CLIENT_SECRET=TODO`): a note that the value is still to be
 * written, which no product ships as a default password (unlike `CHANGEME`: FILL_IN_MARK).
 */
const TO_DO_MARKER = /^(TODO|TBD|FIXME)$/i;
/**
 * A value that asks to be replaced, which tells no one a secret: `changeme` and its spellings (electric-cloud/EC-WebSphere
 * @50ea531 specs/environments/default/docker-compose.yml `EF_SERVER_ADMIN_PASS=changeme`, Apache-2.0;
 * quarkusio/quarkus-super-heroes@91d6974 deploy/k8s/native-kubernetes.yml `OPENAI_API_KEY: change-me`, Apache-2.0;
 * OpenLiberty/open-liberty-deep-dive@b780474 metrics-prod.xml `value="change_it"`), a fill-in addressed to the reader
 * (OpenLiberty/sample.daytrader9@ca0df35 server.xml `password="yourPassword"`, Apache-2.0; 030/docker-pega7-tomcat-ready
 * @3df8dbd tomcat-users.xml `SETPASSWORDHERE`, Apache-2.0) and a dummy (IBM/charts@951c317 ibm-wml-prod
 * wmlruntimemanager-configmap.yaml `SSL_KEYSTORE_PASSWORD: DUMMY_VALUE`). Unlike a placeholder, the product starts with
 * it as the password when nobody replaces it: said at info. `changeit`, the JDK cacerts password, is a real one.
 */
const FILL_IN_MARK =
  /^((please[-_.]?)?change[-_.]?me([-_.]?(please|now|before[-_.]?\w+))?|change[-_.]it|(please[-_.]?)?replace[-_.]?me|(set|enter|insert|put)[-_.]?(your[-_.]?)?[a-z]*[-_.]?(password|passwd|pwd|secret|key|token)[-_.]?here|your[-_.a-z0-9]*(password|passwd|passphrase|pwd|pass|secret|key|token)([-_.]?here)?|dummy([-_.][a-z0-9]+)*|([a-z0-9]+[-_.])+dummy)$/i;
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
export const XOR = /^\{xor\}/i;
/**
 * Jetty's `OBF:` obfuscation (org.eclipse.jetty.util.security.Password), which its start files and XML take for store
 * passwords: reversible by anyone with Jetty's jar ("OBF passwords are not secure, just protected from casual
 * observation": the ssl module's ini template, jetty.project@ec6782f jetty-server/src/main/config/modules/ssl.mod).
 */
export const JETTY_OBF = /^OBF:[0-9a-z]+$/;
/**
 * A value that is a redaction mark, not a password (`XXXXXXXX` where a published example left the secret out), also in
 * the shape of the secret it stands for: Haufe-Lexware/demo-spring-boot-tls-material-from-vault@b6416c3's
 * bootstrap-token-sample.yml gives `spring.cloud.vault.token: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (a Vault token's
 * UUID shape) for each developer to replace. Three are enough: saurabhsharmaj/kafka-ssl@bd9bb9d (no licence; the shape
 * only) writes `xxx` for every store and SCRAM password of its broker and client files, and no store password is that
 * short (keytool 17: "Keystore password must be at least 6 characters"). An ellipsis too: kai-niemi/pestcontrol
 * @d19f7a2 config/application-cloud.yml `password: "..."` beside a `login-url` whose host is `xxxx.cockroachlabs.cloud`.
 */
const REDACTED = /^(?:X{3,}(?:[-_.]X+)*|x{3,}(?:[-_.]x+)*|\*{4,}|\.{3,}|\u2026)$/;
/**
 * A key that names a digest of the secret: Graylog's `GRAYLOG_ROOT_PASSWORD_SHA2` / `root_password_sha2`, which it
 * compares with the SHA-256 of the password typed (Graylog2/graylog2-server misc/graylog.conf: "echo -n yourpassword |
 * shasum -a 256"), `…_HASH`, `…-digest`, `…Md5`.
 */
const NAMES_A_DIGEST = /(^|[-_.\s])(sha-?\d*|hash(ed)?|digest|md5)$|[a-z0-9](Sha\d*|SHA\d*|Hash(ed)?|Digest|Md5|MD5)$/i;
/**
 * Keys a product's own convention fills with a digest though their name says password: the HiveMQ images put
 * HIVEMQ_CONTROL_CENTER_PASSWORD into config.xml's control-center user `<password>`, "a SHA256 hash" (of the user name
 * followed by the password: the default a68f…caf8 is sha256("adminhivemq")), hivemq/hivemq4-docker-images@c051d4c
 * README.md.
 */
const PRODUCT_DIGEST_KEY = /^HIVEMQ_CONTROL_CENTER_PASSWORD$/;
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
export const TRUST_STORE_PASSWORD = /trust[-_.]?store[-_.]?(pass|psw|pwd)/i;
/**
 * A password set inside a trust store's own object, whatever its key says (MASS-VETS/MASS's MicroserviceMonitor
 * application.yaml: `monitor.trustStore.keyStorePassword`, the same keys as its `monitor.keyStore` object), or as an
 * attribute of a trust store element (WildFly's security realm `<truststore path=… keystore-password=…>`:
 * girirajsharma/wildfly-ssl-examples standalone.xml), and the password of an object named for a trust store
 * (alphagov/verify-hub's Dropwizard `clientTrustStoreConfiguration: {path, password}`, read by
 * uk.gov.ida.truststore.ClientTrustStoreConfiguration); not one named for keys too (`keyAndTrustStore`). One entry's
 * name may come between: Alfresco's `-Dssl-truststore.<alias>.password`, the password of a trusted certificate entry
 * (Alfresco/alfresco-docker-installer@f5dc7b7 generators/app/templates/7.3/docker-compose.yml), not a key's one.
 */
export const UNDER_TRUST_STORE =
  /(^|[.@])(?![^.@]*key)[^.@]*trust[-_]?store[^.@]*(?:\.(?![^.@]*key)[^.@]+)?[.@][^.@]*(pass|psw)[^.@]*$/i;
/**
 * Keys whose value names a file, a policy or a flag rather than holding the secret; also a setting under a secret's
 * namespace (confluentinc/cp-demo's `…_BASIC_AUTH_CREDENTIALS_SOURCE: USER_INFO`, and `CONNECT_CONFIG_PROVIDERS_SECRET_
 * PARAM_KAFKASTORE_BOOTSTRAP_SERVERS`, `…_SECURITY_PROTOCOL`, `…_SASL_MECHANISM`, `…_REPLICATION_FACTOR`), and a JBoss
 * login module's `password-stacking` option, whose value (`useFirstPass`) says how stacked modules share one login
 * (https://docs.jboss.org/jbossas/docs/Server_Configuration_Guide/4/html/Using_JBoss_Login_Modules-Password_Stacking.html).
 * A key ending in `name` names where the secret is kept (`DB_PASSWORD_SECRET_NAME: db-creds`, the Kubernetes Secret a
 * container or an operator reads it from), as a `…_REF` does. A key ending in `domain` names the security domain that
 * checks the password: JBoss Negotiation's SPNEGOLoginModule option `usernamePasswordDomain` (`value="krb5"`) names the
 * domain it hands a username/password login to (zanata/zanata-wildfly@4061d4f standalone/configuration/standalone.xml).
 */
export const NOT_A_SECRET_VALUE =
  /(file|path|stash|policy|required|encryption|encoding|type|algorithm|expir\w*|length|ref|alias|provider|mode|prompt|helper|class|source|protocol|mechanism|servers|factor|stacking|name|domain)$/i;
/**
 * A switch or an absent value, not a secret; `unused` / `NotUsed` says the setting is not used (onap/oom@4f72676:
 * aai-babel's `KEY_STORE_PASSWORD: NotUsed`, cds's `blueprintprocessor.k8s.plugin.password=unused`). `0`/`1` switch
 * something on or off (Tecnativa's docker-socket-proxy `SECRETS=1` opens the Docker API's secrets endpoints:
 * rwlxxvii/containers@81bd1d5 auth/authentik/docker-compose.yml); one character guards nothing as a password.
 */
const FLAG = /^(true|false|yes|no|none|null|on|off|enabled|disabled|required|optional|unused|not[-_ ]?used|0|1)$/i;
/**
 * A bound of a password policy (`application.password.validator.minUpperCase=1`, `maxLength`, `minimum_digits`): the
 * secret word is the namespace, the setting counts characters. Engineering-Research-and-Development/true-connector.
 */
const POLICY_BOUND = /^(min|max)(imum)?([A-Z_-]|$)/;
/**
 * A key whose secret word is `token` holding a number of up to five digits: the token's lifetime or a count, not a
 * token, which its issuer makes as a long random or signed string. Kamegatze/file-manager@4302c82's
 * authorization-microservice application.yml sets `app.access-token: 30` and `app.refresh-token: 1440`, the minutes
 * its JwtServiceImp reads into `Integer timeAccess` and `timeRefresh` (`@Value("${app.access-token}")`).
 */
const TOKEN_WORD = /(^|[-_.])token$/i;
/**
 * An OAuth 2.0 token endpoint (RFC 6749 section 3.2) under a key whose secret word is `token`: an http(s) URL with no
 * user information, query or fragment whose last path segment is `token` or `…_token` (Google's
 * https://oauth2.googleapis.com/token, Microsoft's …/oauth2/v2.0/token, GitHub's …/login/oauth/access_token). It says
 * where tokens are asked for, not a token. wyona/katie-backend@88aeb9b src/main/resources/application.properties:
 * `iam.oauth.token=https://oauth2.googleapis.com/token` beside `iam.oauth.auth` and `iam.oauth.userinfo` (read by its
 * OAuthController as `@Value("${iam.oauth.token}")`, the URL it posts the authorization code to).
 */
const TOKEN_ENDPOINT = /^https?:\/\/[^\s/@?#]+(\/[^\s/@?#]+)*\/([\w-]*_)?token$/i;
/**
 * Confluent images' `<COMPONENT>_SSL_(KEYSTORE|KEY|TRUSTSTORE)_CREDENTIALS`: never the password that opens a store.
 * confluentinc/kafka-images@2b0127d kafka/include/etc/confluent/docker/configure reads the key store password from the
 * file "/etc/kafka/secrets/$KAFKA_SSL_KEYSTORE_CREDENTIALS" (and KEY, TRUSTSTORE alike); the other images turn their
 * variables into properties (confluentinc/schema-registry-images@0cd6f14 schema-registry.properties.template:
 * `envToProps "SCHEMA_REGISTRY_"`), so SCHEMA_REGISTRY_SSL_KEY_CREDENTIALS becomes `ssl.key.credentials`, a setting no
 * Confluent component reads (albenakoteva/kafka-poc gives it the broker's file name, `kafka_sslkey_creds`).
 * `…_SSL_*_PASSWORD` still holds one.
 */
const NAMES_A_SECRET_FILE = /^[A-Z][A-Z0-9_]*?_SSL_(KEYSTORE|KEY|TRUSTSTORE)_CREDENTIALS$/;
/**
 * The same settings written as properties (`ssl.key.credentials=kafka_sslkey_creds`, fkshom/kafka-train@dede206
 * kafka.properties, no licence stated; the shape only): the file name the images' variables take, which no Kafka
 * component reads as a property.
 */
const NAMES_A_SECRET_FILE_PROPERTY = /(^|[._])ssl[._](keystore|key|truststore)[._]credentials$/i;
/**
 * Image switches about a password, not a password: the MySQL and MariaDB images' `MYSQL_ALLOW_EMPTY_PASSWORD`,
 * `MYSQL_RANDOM_ROOT_PASSWORD`, `MYSQL_ONETIME_PASSWORD` (and `MARIADB_ALLOW_EMPTY_ROOT_PASSWORD`, `…_RANDOM_ROOT_…`) are
 * "boolean variables … made true by setting them with any strings of non-zero lengths" (`1`, `yes`:
 * https://dev.mysql.com/doc/refman/8.0/en/docker-mysql-more-topics.html; docker-library/mysql docker-entrypoint.sh
 * tests them with `-z`). JamesPoon/docker@2df235fe mysql/repl/docker-compose.yml `MYSQL_ALLOW_EMPTY_PASSWORD: 1`.
 */
const NAMES_A_SWITCH = /(^|[-_.])(allow[-_.]?empty|random|one[-_.]?time)([-_.]root)?[-_.]?password$/i;
/**
 * A value that is a file path names where the secret is kept (`GOOGLE_APPLICATION_CREDENTIALS=/config/key.json`,
 * a stash file, a mounted Secret): absolute, home- or dot-relative, under a variable (`${HOME}/…`, Spring's
 * `${certs.basedir}/…`), a `file:` URL, or a relative path (or Spring `classpath:` resource) ending in a
 * key/credential file's extension. One word with no separator is judged a secret.
 */
const FILE_PATH =
  /^((\/|~\/|\.{1,2}[\\/]|[A-Za-z]:[\\/]|\$\w+[\\/]|\$\{[\w.-]+\}[\\/]|file:)\S*|(classpath\*?:\/?)?[\w.-]+([\\/][\w.-]+)*\.(json|pem|crt|cer|key|p12|pfx|jks|jceks|kdb|sth|keystore|truststore|txt|properties|conf))$/i;

/**
 * A value wholly in one pair of quotes that the format keeps as text: a `.properties` file takes
 * `ssl.keystore.password="${KAFKA_SSL_PASSWORD}"` with its quotes (m-stojanovic/kafka-zk-cluster-docker-ssl@452e791
 * secrets/host.consumer.ssl.config), so what the quotes enclose says whether the file holds the secret. Empty quotes
 * (`ssl.keystore.password=""`) hold none: java.util.Properties reads the two quote characters (OpenJDK 17.0.15), a
 * password nobody keeps secret, which opens only a store whose password is exactly `""` — a store with an empty password
 * refuses it ("keystore password was incorrect"), which cert/store-password-wrong says where the store is in the tree.
 */
const QUOTED = /^(["'])([^]*)\1$/;

/**
 * Whether a value stands for a secret rather than holding it: empty, a flag, a placeholder (of any engine, whole or with
 * a default), a redaction mark, an encryption or one-way hash, a file path, or a `.properties` comment taken for the
 * value; also written in quotes the format keeps (a quoted password is still one: its text is judged the same way).
 */
export function standsInForSecret(value: string): boolean {
  const quoted = QUOTED.exec(value)?.[2];
  return isStandIn(value) || (quoted !== undefined && isStandIn(quoted));
}

function isStandIn(value: string): boolean {
  return (
    !value ||
    FLAG.test(value) ||
    PLACEHOLDER.test(value) ||
    COMMAND_SUBSTITUTION.test(value) ||
    PLACEHOLDER_NAME.test(value) ||
    SUBSTITUTION_TOKEN.test(value) ||
    PLACEHOLDER_WORD.test(value) ||
    PLACEHOLDER_PROSE.test(value) ||
    TO_DO_MARKER.test(value) ||
    REDACTED.test(value) ||
    ENCODED.test(value) ||
    CRYPT_HASH.test(value) ||
    FILE_PATH.test(value) ||
    // `password=  # Leave this empty` in a .properties file: a comment taken for the value (parse/comment-in-value).
    /^#[ \t\f]/.test(value) ||
    // A placeholder reference inside text (`${env.PW}` with a default, nested ones, `{{ .Values.pw }}`) is not plaintext.
    isWholePlaceholder(value) ||
    /^\{\{[^}]*\}\}$/.test(value)
  );
}

/**
 * A Helm chart's `existingSecret`: by the charts' convention (Bitnami's and those that follow it) the name of a
 * Kubernetes Secret the release reads the password from instead of the chart's own value, so no secret. helmforgedev/charts
 * @dd8d969 (Apache-2.0) charts/wordpress/values.yaml: `# -- Use an existing secret for admin credentials` above
 * `admin.existingSecret: ""`, which its examples/bootstrap.yaml sets to `wordpress-admin`. (`existingSecretName` ends in
 * `name`, and a chart template that writes the value where Kubernetes takes a Secret's name is ./helm-secret-names.ts.)
 */
const NAMES_AN_EXISTING_SECRET = /^existing[-_]?secret$/i;

/**
 * Whether a secret key's setting holds something other than the secret (its last key segment `key`, the whole key
 * `fullKey`, and the element name `secretName` that made an XML attribute secret): a file, a policy, a flag, a Kafka image's secret file name, an
 * image's switch about a password, a password policy's numeric bound, or a token's lifetime or endpoint.
 */
export function namesNoSecret(key: string, secretName: string | undefined, value: string, fullKey = key): boolean {
  return (
    NOT_A_SECRET_VALUE.test(key) ||
    NAMES_A_SECRET_FILE_PROPERTY.test(fullKey) ||
    // An XML attribute made secret by its element's name (`<module-option name="password-stacking" value=…>`).
    NOT_A_SECRET_VALUE.test(secretName ?? '') ||
    NAMES_A_SECRET_FILE.test(key) ||
    NAMES_A_SWITCH.test(key) ||
    NAMES_AN_EXISTING_SECRET.test(key) ||
    (POLICY_BOUND.test(key) && /^\d+$/.test(value)) ||
    (TOKEN_WORD.test(key) && (/^\d{1,5}$/.test(value) || TOKEN_ENDPOINT.test(value)))
  );
}

/** Whether a key names a digest of the secret and the value has a digest's shape (the key must say so: see DIGEST_SHAPE). */
export function isDigestOfSecret(key: string, value: string): boolean {
  return (NAMES_A_DIGEST.test(key) || PRODUCT_DIGEST_KEY.test(key)) && DIGEST_SHAPE.test(value);
}

/** Whether a value is a fill-in mark that asks to be replaced (`changeme`, `yourPassword`, `dummy`): see FILL_IN_MARK. */
export function isFillInMark(value: string): boolean {
  const quoted = QUOTED.exec(value)?.[2];
  return FILL_IN_MARK.test(value) || (quoted !== undefined && FILL_IN_MARK.test(quoted));
}
