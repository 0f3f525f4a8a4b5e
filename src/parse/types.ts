import * as path from 'node:path';
import type { Finding, Location, Position, Range, Severity } from '../core/types';
import { formatMessage } from '../core/message';
import type { TemplateInfo } from './template';

/**
 * A file kind: what a file is, e.g. `cleartrust.aserver`, `mq.mqsc`, `java.security`.
 * Kinds are plain strings so that areas can add their own without touching a union.
 */
export type FileKind = string;

/**
 * A source file as read from disk. `text` has its BOM removed; `hadBom` says whether it started with a UTF-8 byte order
 * mark (which nginx, HAProxy and httpd read as text); a UTF-16 file's mark belongs to its encoding and is not counted.
 */
export interface SourceFile {
  /** Absolute path. */
  path: string;
  text: string;
  hadBom: boolean;
  /**
   * The file was UTF-16 with its byte order mark, little- or big-endian (`text` is decoded from it): a program that
   * reads its configuration as bytes (nginx, HAProxy, httpd) sees the mark and a NUL byte in every ASCII character.
   */
  utf16?: 'le' | 'be';
  /** The raw bytes, only for binary formats (key stores, `FormatHandler.classifyBytes`); `text` is then empty. */
  bytes?: Uint8Array;
}

/**
 * One key = value setting, wherever it came from (a properties line, an XML
 * attribute, an MQSC keyword, a JSON member). Generic entries let
 * cross-format rules (declarative rules, secret detection, suppressions) work
 * on every format.
 */
export interface Entry {
  /** Key as written (for XML: `element@attribute`; for MQSC: `CHANNEL(NAME).SSLCIPH`). */
  key: string;
  /** Value after unescaping, as the runtime sees it. */
  value: string;
  keyRange: Range;
  valueRange: Range;
  /** Section or element path the entry sits in, e.g. `Pool id=__default__`. */
  section?: string;
  /** True when the key names a secret: its value must never be printed. */
  secret: boolean;
  /** XML: the name an element gives the secret its attribute holds (`<variable name="ibmmq.password" value="…">`). */
  secretName?: string;
  /**
   * How users name the setting where its key alone does not say it (HAProxy `stats auth`, `user admin
   * insecure-password`): said in messages. Fingerprints keep the key, so a baseline made before still matches.
   */
  label?: string;
  /**
   * YAML: read through an alias or a merge key (`<<: *defaults`): the value is written at its anchor, which has an
   * entry of its own there; a rule about the text as written (a plaintext secret) judges that one.
   */
  throughAlias?: boolean;
  /**
   * The file the entry is written in when it is not its document's: a Compose service's variable that its `env_file:`
   * sets (./compose-service-variables.ts variableEntries), which a finding about it names.
   */
  file?: string;
}

/** Where configuration embedded in another file sits: a ConfigMap key, a heredoc to runmqsc (src/parse/embedded.ts). */
export interface EmbeddedOrigin {
  /** What holds it, as users say it: `YAML key mq.ini`, `heredoc to runmqsc`. */
  container: string;
  /** The name the content would have as a file. */
  name: string;
  range: Range;
  /** The text is the value decoded (a Secret's base64 `data:` key: src/parse/kubernetes-secret-files.ts). */
  decoded?: 'base64';
  /**
   * Where the shell puts in a default the script writes (`${CIPHER:-TLS_…}`): the variable, and the expansion's place.
   * The value holds unless the environment the script runs with sets the variable (src/parse/shell-assignments.ts).
   */
  defaults?: { name: string; range: Range }[];
}

export interface Comment {
  text: string;
  range: Range;
}

/** A problem a parser found: becomes a finding with rule id `parse/<code>`. */
export interface ParseProblem {
  code: string;
  /** Which kind of problem of its code this is, when later stages tell them apart (Finding.messageId). */
  messageId?: string;
  /** The message; with `data`, a template naming each value by `{{name}}`. */
  message: string;
  /**
   * The tree's own text the message quotes (a file name, an alias, a library's error). When set, only these
   * values are masked for secrets (src/engine/run/redact.ts) and the template's words never are, as with a
   * rule's messages: "no password tried opens it" stays readable when some store's password is `password`.
   * A problem without `data` is masked whole.
   */
  data?: Record<string, string>;
  /**
   * Places the message names by their line (`first set on line {{first}}`), shown one-based. Kept as positions, not
   * text, so that a document embedded in another file (a ConfigMap key, a heredoc to runmqsc) or rendered from a
   * template moves them with its ranges: the line said is the enclosing file's.
   */
  lines?: Record<string, Position>;
  range: Range;
  severity: Severity;
  /** The problem is about the template value at its place (Finding.locationRole): that value defers nothing. */
  locationRole?: 'context';
}

/** What a parser returns. `data` carries the format's own typed tree. */
export interface ParsedDocument<Data = unknown> {
  file: SourceFile;
  kind: FileKind;
  entries: Entry[];
  comments: Comment[];
  problems: ParseProblem[];
  data: Data;
  /** Template syntax set aside before parsing (src/parse/template.ts), when the file is a template. */
  template?: TemplateInfo;
  /** Set when the document is configuration embedded in `file` (a ConfigMap key, a heredoc to runmqsc). */
  embedded?: EmbeddedOrigin;
}

/**
 * A format handler: recognises files of one or more kinds and parses them.
 * Handlers never throw for bad input: they return problems.
 */
export interface FormatHandler<Data = unknown> {
  /** Stable id, e.g. `properties`, `mqsc`. */
  id: string;
  /** Classify a file by path (basename and dirs) and the first bytes of its text; return its kind or undefined. */
  classify(path: string, head: string): FileKind | undefined;
  /** Binary formats: classify a file by path and its bytes before any text decoding (key stores). */
  classifyBytes?(path: string, bytes: Uint8Array): FileKind | undefined;
  parse(file: SourceFile, kind: FileKind): ParsedDocument<Data>;
  /** Why a file its name gives to this handler is not of its kind, in words, when the first bytes say. */
  notOfKind?(head: string): string | undefined;
}

/**
 * A parse problem of a file as a `parse/<code>` finding, its secrets masked by `mask`: the quoted values of a
 * problem with `data`, the whole message of one without. The fingerprint names the file by its base name (and
 * the masked message), so a baseline recorded on one machine matches on another.
 */
export function problemFinding(file: string, problem: ParseProblem, mask: (text: string) => string): Finding {
  const message = problemMessage(problem, mask);
  return {
    ruleId: `parse/${problem.code}`,
    ...(problem.messageId ? { messageId: problem.messageId } : {}),
    severity: problem.severity,
    message,
    location: { file, range: problem.range },
    ...(problem.locationRole ? { locationRole: problem.locationRole } : {}),
    fingerprint: `parse/${problem.code}|${path.basename(file)}|${message}`,
  };
}

/** A problem's message as a report shows it, its secrets masked by `mask` (see ParseProblem.data). */
export function problemMessage(problem: ParseProblem, mask: (text: string) => string = (text) => text): string {
  const { data, lines } = problem;
  if (!data && !lines) return mask(problem.message);
  return formatMessage(problem.message, {
    ...Object.fromEntries(Object.entries(data ?? {}).map(([name, value]) => [name, mask(value)])),
    ...Object.fromEntries(Object.entries(lines ?? {}).map(([name, at]) => [name, at.line + 1])),
  });
}

export function entryLocation(doc: ParsedDocument, entry: Entry, part: 'key' | 'value' | 'line' = 'line'): Location {
  return entryIn(doc.file.path, entry, part);
}

/** Where an entry of `file` is written (its own file when it names one: Entry.file). */
export function entryIn(file: string, entry: Entry, part: 'key' | 'value' | 'line' = 'line'): Location {
  const at = entry.file ?? file;
  if (part === 'key') return { file: at, range: entry.keyRange };
  if (part === 'value') return { file: at, range: entry.valueRange };
  return { file: at, range: { start: entry.keyRange.start, end: entry.valueRange.end } };
}

/**
 * `psw`/`pswd` as the key's last word: Apereo CAS names its trust store password `cas.http-client.truststore.psw`
 * (apereo/cas@609401941402c3e175786411bf56d16ba8ad2bc8 HttpClientTrustStoreProperties: `private String psw`, "The
 * truststore password").
 */
const SECRET_KEY =
  /password|passphrase|passwd|secret|credential|pwd|stashpw|private_?key|(^|[._\-\s])(pass|psw|pswd|token|api_?key)$/i;
/** camelCase keystore passwords: Tomcat `keystorePass`, `truststorePass`, `keyPass`. */
const CAMEL_PASS = /[a-z]Pass$/;
/**
 * The user name of a credential (`spring.ldap.embedded.credential.username`, `credentials.user`): it names who logs in,
 * it is no secret, whatever the words of the key before it. So is the user name kept beside a password secret:
 * IBM/charts@951c317 components/ug finley.yaml `IIS_USERNAME_SECRET: isadmin` beside `IIS_PASSWORD_SECRET`.
 */
const IDENTITY =
  /([._\-\s@]|^)(user(_?name|-name|_?id)?|login|principal)$|[a-z](User|UserName|Username|UserId)$|(^|[^a-z])user[-_]?name[-_]secret$/i;
/**
 * A last word that names a setting beside a secret, not the secret: confluentinc/cp-demo@10846ae configures Connect's
 * secret provider with `CONNECT_CONFIG_PROVIDERS_SECRET_PARAM_KAFKASTORE_SSL_TRUSTSTORE_LOCATION: /etc/kafka/…jks` and
 * `…_SECRET_PARAM_KAFKASTORE_SECURITY_PROTOCOL: SASL_SSL`; masked, every message naming that path or protocol read `***`.
 * Spring Cloud Azure's `spring.cloud.azure.keyvault.secret.endpoint` is the vault's URL (eugenp/tutorials@2430217
 * spring-cloud-modules/spring-cloud-azure application.yaml); Spring Cloud Vault's
 * `spring.cloud.vault.database.password-property: spring.datasource.password` names the property the password goes to
 * (spring-cloud-vault application.yml there): masked, every message naming that key read `***`. Quarkus's
 * `quarkus.security.jdbc.principal-query.bcrypt-password-mapper.password-index=1` (and `salt-index`,
 * `iteration-count-index`) is a column of the query's result (quarkusio/quarkus-quickstarts@ddfa3a6
 * security-jdbc-quickstart); a `…password.min-length` is a policy; Apereo CAS's
 * `cas.authn.jdbc.query[0].passwordEncoder.encodingAlgorithm=MD5` and `…characterEncoding=UTF-8` (daix23/cas-overlay-
 * template-5.3@33340bf) and `cas.authn.pm.core.password-policy-pattern` (a regular expression) say how passwords are
 * checked; Spring Security's form login `password-parameter: password` names a form field. A `description` is text about
 * the setting: a CustomResourceDefinition's schema says `…properties.passCredentials.description: PassCredentials pass
 * credentials to all domains` (bitnami/charts@5165628 argo-cd crds/application.yaml, 12 warnings).
 * InseeFr/sugoi-api@18b0cd7's `fr.insee.sugoi.ui-mapping.userFields.PwdLastChange=PasswordLastChange;Dernier changement
 * de mdp;;metadatas.passwordLastChange;…` describes a UI field showing when the password last changed (a date, a time).
 * `ssl_password_file` (nginx) names a file of passwords, not one. A `role` is what a login may do: ONAP SO's
 * `spring.security.usercredentials[0].role: SiteControl-Client` beside the user's bcrypt `password` (onap/oom@4f72676
 * kubernetes/so/resources/config/overrides/override.yaml, 42 warnings). A `realm` is the name of the protection space
 * a login prompt shows: the Docker registry's `REGISTRY_AUTH_HTPASSWD_REALM: Registry Realm` (`auth.htpasswd.realm`,
 * `realm: basic-realm` beside its `path` in distribution/distribution#2362's cmd/registry/config-example.yml;
 * Aliakovl/Quoridor-Game@3575794 registry/docker-compose.yml). A `namespace` is the Kubernetes namespace a Secret is
 * looked up in: Knative's `DEFAULT_SECRET_NAMESPACE: knative-eventing` (IBM/charts@951c317 community/knative
 * gcp-pubsub-channel-controller-pod.yaml). `…_KEY`, `…_CONFIG`, `…_SECRET` stay secret.
 */
const SETTING_WORDS = new Set(
  (
    'location protocol protocols server servers factor mechanism class classname topic type path file dir directory ' +
    'url uri endpoint property index count length enabled disabled required host port pattern regex format ' +
    'algorithm encoding charset encryption mode name alias parameter param attribute attr field column header label ' +
    'prompt hint template size source helper stacking strength rounds iterations complexity attempts retries history ' +
    'age duration ms millis seconds minutes hours days interval period description title summary help example ' +
    'change changed date time timestamp role roles realm namespace'
  ).split(' '),
);
/**
 * A word after a key's last secret word that makes the whole key a kind of thing, whatever words follow: a policy, a
 * strategy, an encoder, a provider, a reference to where the secret is kept. Its settings configure how passwords are
 * made, checked or found, never hold one: Apereo CAS `cas.authn.ldap[0].password-policy.enabled`,
 * `cas.authn.jdbc.query[0].password-encoder.type=BCRYPT`, Flowable `flowable.idm.password-encoder=spring_delegating`
 * (flowable/flowable-engine FlowableIdmProperties: "The type of the password encoder"), Keycloak's `passwordPolicy:
 * length(8)`, Kafka's `password.encoder.keygen.algorithm` (its `password.encoder.secret` stays secret: the last secret
 * word is the last word), a Kubernetes container's `valueFrom.secretKeyRef.key: db-password` (the key inside the
 * Secret, not its value), `credentialsProvider`, `accessTokenValidity`. Masked, their values (`bcrypt`, `UTF-8`, a
 * Secret's name) read `***` in every message that named them. A `label` or `annotation` is metadata put on a Secret
 * (IBM/charts@951c317 ibm-spectrum-protect-plus-prod certmon-job.yaml `SECRET_LABEL_MANAGED_BY: Helm`).
 */
const KIND_WORDS = new Set(
  (
    'policy policies strategy encoder encoders decoder hasher validator validation validity provider providers mapper ' +
    'handler manager service factory generator ref refs reference references lifespan lifetime ttl timeout ' +
    'expiration expiry expires expire label labels annotation annotations'
  ).split(' '),
);
/** SECRET_KEY as a global search: where its last match ends, the words that follow say what the setting is. */
const SECRET_WORD = new RegExp(SECRET_KEY.source, 'gi');

/** The words of a key after its last secret word, lower case (`passwordEncoderClass` → encoder, class). */
function wordsAfterSecret(key: string): string[] | undefined {
  let end = -1;
  for (const match of key.matchAll(SECRET_WORD)) end = match.index + match[0].length;
  if (end === -1) return undefined;
  const words = key
    .slice(end)
    .split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
  // A plural (`passwords`, `credentials.access-key`) is the secret word still.
  return key[end]?.toLowerCase() === 's' && words[0] === 's' ? words.slice(1) : words;
}

/** Whether the words after a key's last secret word say it is a kind of thing or a setting beside the secret. */
function namesAThing(key: string): boolean {
  const words = wordsAfterSecret(key);
  if (!words || words.length === 0) return false;
  return SETTING_WORDS.has(words[words.length - 1]!) || words.some((word) => KIND_WORDS.has(word));
}
/** nginx directives that pass requests on (`proxy_pass http://…`): nothing secret. */
const NGINX_PASS = /^(proxy|fastcgi|uwsgi|scgi|grpc|memcached)_pass$/;
/**
 * etcd's `--initial-cluster-token` (`ETCD_INITIAL_CLUSTER_TOKEN`, a chart's `initialClusterToken`): a name that makes
 * a new cluster's member and cluster IDs unique ("Initial cluster token for the etcd cluster during bootstrap",
 * https://etcd.io/docs/v3.5/op-guide/configuration/; the clustering guide gives each cluster its own so two clusters
 * bootstrapped alike do not join), not a credential: bitnami/charts@5165628 etcd sets `etcd-cluster-k8s`.
 */
const ETCD_CLUSTER_TOKEN = /(^|[^a-z])initial[-_.]?cluster[-_.]?token$/i;

/**
 * A logger's level, keyed by the logger's name: Spring Boot's `logging.level.<logger>` (and its environment form
 * `LOGGING_LEVEL_<LOGGER>`), Micronaut's `logger.levels.<logger>`, Quarkus's `quarkus.log.category."<logger>".level`.
 * The name is a Java package (minhducnguyen189/com.springboot.cloud@b8e7d33 openfeign-client-credentials-interceptor
 * application.yml sets `logging.level.com.springboot.cloud.openfeign.client.credentials.interceptor.api: DEBUG`), the
 * value a level: no secret, whatever words the package has.
 */
const LOGGER_LEVEL =
  /^(%[\w-]+\.)?(logging\.level\.|logger\.levels\.)|^LOGGING_LEVEL_|(^|\.)log\.category\..*\.(min-)?level$/;

/**
 * Quarkus settings whose value lists Kubernetes Secrets by name: `quarkus.kubernetes.env.secrets` (also openshift,
 * knative), "the optional list of Secret names to load environment variables from" into the generated Deployment, and
 * the kubernetes-config extension's `quarkus.kubernetes-config.secrets`, the Secrets it reads configuration from
 * (https://quarkus.io/guides/deploying-to-kubernetes, https://quarkus.io/guides/kubernetes-config).
 * quarkusio/quarkus-super-heroes@91d6974 sets `quarkus.kubernetes.env.secrets=${quarkus.application.name}-config-creds`.
 */
const KUBERNETES_SECRET_NAMES =
  /(^|[._])quarkus[._](kubernetes|openshift|knative)[._]env[._]secrets$|(^|[._])quarkus[._]kubernetes[-_]config[._]secrets$/i;

/** Whether a key names a secret value (DESIGN.md "Secrets"). */
export function isSecretKey(key: string): boolean {
  if (NGINX_PASS.test(key) || IDENTITY.test(key) || ETCD_CLUSTER_TOKEN.test(key) || LOGGER_LEVEL.test(key))
    return false;
  if (KUBERNETES_SECRET_NAMES.test(key)) return false;
  if (CAMEL_PASS.test(key)) return true;
  return SECRET_KEY.test(key) && !namesAThing(key);
}

/**
 * A line that did not parse, for a message: when its first word names a secret, everything after
 * that word is masked whatever the separator (`keystore_passphrase Hunter2`, `password: x`), as it
 * would be on a well-formed line. Cut to `max` characters.
 */
export function lineForMessage(body: string, max = 60): string {
  const word = /^[^\s=:]+/.exec(body)?.[0] ?? '';
  if (word && word.length < body.length && isSecretKey(word)) return `${word.slice(0, max)} ***`;
  return body.slice(0, max);
}
