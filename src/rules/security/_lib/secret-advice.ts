import { ours, type Phrase } from '../../../core/phrase';
/**
 * How to keep a secret out of a file, said in the words of what reads the file: `{aes}` means something to Liberty,
 * nothing to Spring or Docker Compose.
 * - Spring: a `${NAME}` placeholder resolved from the environment; Spring Cloud Config `{cipher}` values
 *   (https://docs.spring.io/spring-cloud-config/reference/server/encryption-and-decryption.html); Jasypt `ENC(…)`
 *   (https://github.com/ulisesbocchio/jasypt-spring-boot).
 * - MicroProfile Config: environment variables are a default config source (ordinal 300,
 *   https://download.eclipse.org/microprofile/microprofile-config-3.0/microprofile-config-spec-3.0.html).
 * - Liberty: `${env.NAME}` variables; `securityUtility encode --encoding=aes` gives `{aes}`
 *   (https://openliberty.io/docs/latest/password-encryption.html).
 * - WebSphere traditional: PropFilePasswordEncoder for properties files; AES password encryption since 8.5.5.18
 *   (https://www.ibm.com/docs/SSEQTP_8.5.5/com.ibm.websphere.base.doc/ae/tsec_aes_pwd_encrypt_server.html).
 * - Tomcat: server.xml `${name}` is replaced from system properties, which catalina.properties sets.
 * - IBM MQ: a key repository's password belongs in its stash file (`runmqakm -keydb -stashpw`).
 * - Quarkus (an application.properties that sets `quarkus.*`, read as Spring's): every property is read from the
 *   environment variable of its name (https://quarkus.io/guides/config-reference#environment-variables), a value may be
 *   a `${NAME}` expression, `quarkus config set --encrypt` writes `${aes-gcm-nopadding::…}` whose key is
 *   smallrye.config.secret-handler.aes-gcm-nopadding.encryption-key (https://quarkus.io/guides/config-secrets), and a
 *   datasource, OIDC or RabbitMQ client takes its credentials from a credentials provider such as the Vault extension
 *   (https://quarkus.io/guides/credentials-provider). Spring Cloud Config's {cipher} means nothing to Quarkus.
 */
const ADVICE: readonly { kinds: RegExp; advice: string }[] = [
  {
    kinds: /^quarkus$/,
    advice:
      "Reference it instead: Quarkus reads every property from the environment variable of its name ({{variable}}), set outside the repository, or from a ${NAME} expression in the value; or encrypt it (quarkus config set --encrypt writes ${aes-gcm-nopadding::…}, its encryption key then kept out of the repository), or take a datasource's credentials from a credentials provider (the Vault extension)",
  },
  {
    kinds: /^spring\./,
    advice:
      'Reference it instead (a ${NAME} placeholder filled from the environment, a vault) or encrypt it (Spring Cloud Config {cipher}, Jasypt ENC(…))',
  },
  {
    kinds: /^microprofile\./,
    advice: 'Reference it instead: MicroProfile Config reads environment variables, or a vault',
  },
  {
    kinds: /^liberty\./,
    advice:
      'Reference it instead (a ${env.NAME} variable set outside the repository) or encrypt it ({aes} with securityUtility encode --encoding=aes)',
  },
  {
    kinds: /^was\./,
    advice:
      "Encode it with WebSphere's AES password encryption (enablePasswordEncryption; PropFilePasswordEncoder for properties files) — not {xor}, which anyone can decode",
  },
  {
    kinds: /^tomcat\./,
    advice:
      'Reference it instead: a ${name} property Tomcat fills from the system properties (set outside the repository, or in a catalina.properties kept out of it)',
  },
  {
    // A RUN's command line stays in the image's history; a build secret is mounted for one RUN only and is written
    // to no layer (https://docs.docker.com/build/building/secrets/).
    kinds: /^dockerfile\.run$/,
    advice:
      'Give it to the build as a secret instead (RUN --mount=type=secret,id=…, docker build --secret): it is mounted for that RUN only, in no layer and not in the history',
  },
  {
    // `-e NAME` without a value gives the container the caller's NAME
    // (https://docs.docker.com/reference/cli/docker/container/run/#env).
    kinds: /^script\.container-runs$/,
    advice:
      "Pass it from outside the repository instead: -e NAME without a value gives the container the caller's NAME (a CI secret, a variable the deployment sets), or --env-file a file kept out of the repository",
  },
  {
    kinds: /^(compose|env-file|dockerfile|kubernetes)$/,
    advice:
      'Pass it from outside the repository instead (a Docker or Kubernetes secret, an environment variable the deployment sets, a vault)',
  },
  {
    // WildFly resolves ${env.NAME} expressions; Elytron credential stores hold passwords encrypted, referenced by
    // credential-reference (https://docs.wildfly.org/32/WildFly_Elytron_Security.html#CredentialStore).
    kinds: /^jboss\./,
    advice:
      'Reference it instead (a ${env.NAME} expression WildFly resolves at start) or move it into an Elytron credential store (credential-reference store=… alias=…)',
  },
  {
    // librdkafka reads its file as written (no placeholders, no config providers: those are Java Kafka's); kcat
    // takes a property on its command line too (-X name=value), which a deployment can fill from its environment.
    kinds: /^kafka\.librdkafka$/,
    advice:
      "Keep it out of the file: librdkafka expands nothing in it (Java Kafka's config providers are not librdkafka's), so give it at run time instead (kcat -X ssl.key.password=\"$KEY_PASSWORD\", the client's configuration built from the environment, a vault)",
  },
  {
    // Kafka reads a properties file as it is (no environment expansion); a config provider resolves ${provider:path:key}
    // references when config.providers names it (https://kafka.apache.org/41/configuration/configuration-providers):
    // FileConfigProvider, and EnvVarConfigProvider since 3.5 (KIP-887).
    kinds: /^kafka\./,
    advice:
      'Reference it instead through a Kafka config provider (config.providers=file with ${file:/path/secrets.properties:key}, or env with ${env:NAME} since Kafka 3.5), the file kept out of the repository',
  },
  {
    // A JAAS file is read from the path -Djava.security.auth.login.config (or java.security's login.config.url.N) names.
    kinds: /^java\.jaas$/,
    advice:
      'Keep the file out of the repository: the JVM reads it from the path -Djava.security.auth.login.config names, so render or mount it when the service is deployed (a Docker or Kubernetes secret, a vault)',
  },
  {
    // HAProxy expands ${NAME} from its environment inside double quotes (docs.haproxy.org/2.6/configuration.html#2.3;
    // measured on 2.6.12: `stats auth "admin:${STATS_PASSWORD}"` admits the variable's value, not the text), and a
    // userlist's `password` takes a crypt(3) hash where `insecure-password` takes the password.
    kinds: /^haproxy\./,
    advice:
      'Reference it instead: HAProxy expands environment variables inside double quotes ("${NAME}", as in stats auth "admin:${STATS_PASSWORD}"), which the service\'s environment sets outside the repository; a userlist takes a crypt(3) hash with password instead of insecure-password',
  },
  {
    // Artemis masks a users file's password as ENC(…) with its codec; `artemis user add` does so unless --plaintext
    // (https://activemq.apache.org/components/artemis/documentation/latest/security.html#propertiesloginmodule).
    kinds: /^artemis\.users$/,
    advice:
      "Mask it instead: `artemis user add` (and `artemis user reset`) writes the password as ENC(…) with the broker's codec; or keep the file out of the repository and mount it when the broker is deployed",
  },
  {
    // ActiveMQ Classic's distribution ships conf/credentials-enc.properties beside credentials.properties: the same
    // keys as Jasypt ENC(…), which activemq.xml's EncryptablePropertyPlaceholderConfigurer decrypts
    // (https://activemq.apache.org/components/classic/documentation/encrypted-passwords).
    kinds: /^activemq-classic\.credentials$/,
    advice:
      'Encrypt it instead: write it as ENC(…) in credentials-enc.properties (bin/activemq encrypt), which the broker decrypts with the password it is given at start (ACTIVEMQ_ENCRYPTION_PASSWORD), kept out of the repository',
  },
  {
    kinds: /^activemq-classic\.users$/,
    advice: 'Keep the file out of the repository: mount or write it where the broker is deployed, from a secret store',
  },
  {
    // Jetty's PropertyUserStore reads a credential as MD5:… or CRYPT:… digests, OBF:… obfuscated
    // (org.eclipse.jetty.util.security.Credential).
    kinds: /^jetty\.realm$/,
    advice:
      "Write a digest instead (CRYPT:… or MD5:…, which Jetty's Credential compares with what the user types; OBF:… only obfuscates), or keep the file out of the repository and mount it where the server is deployed",
  },
  {
    kinds: /^mq\./,
    advice:
      'Keep it out of the repository: a key repository password belongs in its stash file (runmqakm -keydb -stashpw), other credentials in a vault',
  },
];

const GENERIC =
  'Reference it instead (an environment placeholder such as ${KEYSTORE_PASSWORD}, a stash file, a vault) or encrypt it with what the product offers';

/**
 * The fix for a plaintext secret in a document of this kind (`dockerfile.run`: a Dockerfile RUN's command line), in our
 * words: a password `vault` is never masked inside "… a vault".
 */
export function referenceAdvice(kind: string, key = ''): Phrase {
  const advice = ADVICE.find((a) => a.kinds.test(kind))?.advice ?? GENERIC;
  // Quarkus's name for the variable: each character neither letter nor digit becomes `_`, upper-cased
  // (https://quarkus.io/guides/config-reference#environment-variables); a profile's key `%prod.a.b` so becomes
  // `_PROD_A_B`, the form its profiles section gives (`_DEV_QUARKUS_HTTP_PORT`). Other keys get the example.
  const variable = /^%?[\w.-]+$/.test(key)
    ? `${key.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()} for ${key}`
    : 'QUARKUS_DATASOURCE_PASSWORD for quarkus.datasource.password';
  return ours(advice.replace('{{variable}}', variable));
}
