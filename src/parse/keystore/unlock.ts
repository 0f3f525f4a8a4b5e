/**
 * Opens PKCS#12 stores whose certificates are encrypted, with the passwords the configuration that
 * names the store gives, then the JDK's default `changeit`. Passwords live only in local variables
 * here: never in a document, the model, a message or the cache; the store's document records only
 * which kind of password opened it.
 */
import * as path from 'node:path';
import type { Location } from '../../core/types';
import type { Entry, ParsedDocument } from '../types';
import { isKeystoreDocument, openPkcs12, type KeystoreData } from './format';
import type { PasswordCandidate } from './pkcs12';
import { springResourceBases } from '../spring';
import { catalinaBase, ImageFiles } from '../image-files';
import { confluentCredentials } from './confluent-credentials';
import { bitnamiCredentials } from './bitnami-credentials';
import { connectionCredentials } from '../connection-credentials';
import { testResourcesDir } from '../../core/test-fixture-dirs';
import { libertyResolved, passwordsOf, variablePasswords } from './password-values';
import {
  closeness,
  isOwnPasswordSetting,
  mentions,
  storePasswordVariables,
  withAlsoRefused,
  withWrongOwnPassword,
  writtenAsLiteral,
} from './own-password';
import { posixPath } from '../../core/posix-path';
import { nearestUnlessTied } from '../../core/nearest-files';
import { atEmbeddedValue } from '../kubernetes-secret-files';
import { secretVariables, type SecretVariable } from '../kubernetes-secret-values';
import { libertyDefaultAnchors, libertyGeneratedPassword, type Candidate } from './liberty-passwords';

/** How many configuration passwords are tried per store (each try costs a key derivation). */
const MAX_CONFIGURATION_PASSWORDS = 8;
/** After the configuration's: no password, the empty one, and the JDK's default (keytool's documented example password). */
const DEFAULT_PASSWORDS: PasswordCandidate[] = [
  { password: '', kind: 'empty' },
  { password: 'changeit', kind: 'default' },
];
const JKS_TYPES: ReadonlySet<string> = new Set(['JKS', 'JCEKS']);
/**
 * JKS and JCEKS stores, and PKCS#12 ones whose certificates are not encrypted (`openssl pkcs12 -export -certpbe NONE`,
 * keytool with keystore.pkcs12.certProtectionAlgorithm=NONE): JDK 17 still checks a given password (digest, MAC).
 */
const readsWithoutPassword = (data: KeystoreData) =>
  JKS_TYPES.has(data.storeType) || (data.storeType === 'PKCS12' && data.readable && data.openedWith === 'none');
const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The documents with every PKCS#12 store that needs a password opened if a candidate does, else with an info problem.
 * `readTreeFile` reads a file of the deployment that holds a password by itself (a Confluent broker's credentials file).
 */
export function unlockStores(
  documents: ParsedDocument[],
  readTreeFile: (file: string) => string | undefined = () => undefined,
): ParsedDocument[] {
  return withNamingSettings(unlocked(documents, readTreeFile));
}

function unlocked(documents: ParsedDocument[], readTreeFile: (file: string) => string | undefined): ParsedDocument[] {
  const checked = (d: ParsedDocument) =>
    isKeystoreDocument(d) && (d.data.needsPassword || readsWithoutPassword(d.data));
  if (!documents.some(checked)) return documents;
  // Where the tree's Dockerfiles copy files, and the passwords credentials files give, worked out once.
  const images = new ImageFiles(documents);
  const credentials = [...confluentCredentials(documents, readTreeFile), ...bitnamiCredentials(documents)];
  const fromSecrets = secretVariables(documents);
  // A store decoded from a Secret's base64 value keeps its place there when it is opened again.
  return documents.map((doc) => {
    if (!isKeystoreDocument(doc) || !checked(doc)) return doc;
    const opened = unlockedStore(doc, documents, images, credentials, fromSecrets);
    return doc.embedded && opened !== doc ? atEmbeddedValue(opened, doc.embedded) : opened;
  });
}

/** One store that needs a password, opened if a candidate does (see `unlockStores`), else with an info problem. */
function unlockedStore(
  doc: ParsedDocument<KeystoreData>,
  documents: ParsedDocument[],
  images: ImageFiles,
  credentials: { store: string; password: string; at: Location }[],
  fromSecrets: readonly SecretVariable[],
): ParsedDocument<KeystoreData> {
  // Certificates read without a password: only its own setting's password is checked, as the JVM does.
  if (readsWithoutPassword(doc.data))
    return withWrongOwnPassword(doc, configurationCandidates(doc, documents, images, fromSecrets));
  const fromFiles = credentials
    .filter((c) => c.store === doc.file.path)
    .map(({ password, at }): Candidate => ({ password, at, how: 'near' }));
  // A store password variable a container takes from a Secret (SERVER_SSL_KEY_STORE_PASSWORD): Spring binds it over
  // the files' setting, which may name no password at all.
  const fromContainers = fromSecrets
    .filter((v) => v.value !== undefined && STORE_PASSWORD_KEY.test(v.variable))
    .map(({ value, at }): Candidate => ({ password: value!, at, how: 'far' }));
  // Every setting's candidate (distinct() keeps one per password: the others are where it is written too).
  const everySetting = configurationCandidates(doc, documents, images, fromSecrets);
  const candidates = [...fromFiles, ...distinct(everySetting), ...fromContainers];
  const found = distinct(candidates);
  // The literal password of the store's own setting that fails its password check: the runtime refuses the store
  // whatever else opens it here (cert/store-password-wrong says so at that setting, in place of the locked info).
  let wrong: Pick<KeystoreData, 'wrongPassword'> = {};
  for (const { password, at, own } of found) {
    // One password at a time, so that the setting that opened the store is known (its location, never its value).
    const opened = openPkcs12(doc.file, doc.kind, [{ password, kind: 'configuration' }], false);
    if (opened.data.readable) return { ...opened, data: { ...opened.data, openedBy: at, ...wrong } };
    if (!opened.data.needsPassword) return opened;
    if (own && !wrong.wrongPassword) wrong = { wrongPassword: { ...at, key: own } };
    if (own && wrong.wrongPassword)
      wrong = { wrongPassword: withAlsoRefused(wrong.wrongPassword, everySetting, password) };
  }
  const opened = openPkcs12(doc.file, doc.kind, DEFAULT_PASSWORDS, true);
  if (opened.data.readable || !opened.data.needsPassword) return { ...opened, data: { ...opened.data, ...wrong } };
  // No setting that names the store gives a password that opens it: the deployment's other store passwords are
  // tried, also past a wrong password of its own setting, which a start may override (a Compose service's
  // SERVER_SSL_KEY_STORE_PASSWORD over the file's): the model decides which one loads it (cert/store-password-wrong).
  const others =
    found.some((f) => f.how === 'near') && !wrong.wrongPassword ? [] : otherStorePasswords(documents, found);
  for (const { password, at } of others) {
    const other = openPkcs12(doc.file, doc.kind, [{ password, kind: 'configuration' }], false);
    if (other.data.readable)
      return { ...other, data: { ...other.data, openedBy: at, openedByOtherStoreSetting: true, ...wrong } };
  }
  const named =
    (found.length > 0 ? ', the password its configuration gives' : '') +
    (others.length > 0 ? ", the deployment's other store passwords" : '');
  // A password variable of this store from a Secret the tree does not hold: which one to add (names only, never a value).
  const variables = storePasswordVariables(doc, documents);
  const missing = fromSecrets.find((v) => v.value === undefined && variables.has(v.variable));
  const unheld = missing
    ? ` A Kubernetes container sets ${missing.variable} from the Secret ${missing.secret} key ${missing.key}, which the tree does not hold: add that Secret's manifest to have the store opened with it.`
    : '';
  // An IBM key database (.kdb) that GSKit wrote in PKCS#12 form: IBM MQ takes its password from the stash file of the
  // same stem (.sth) beside it (https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_8.0.0/com.ibm.mq.ref.dev.doc/q099920_.htm
  // "Each key database file has an associated password stash file … same file stem … suffix .sth"), which is not
  // read here; no configuration names that password.
  const kdb = /\.kdb$/i.test(doc.file.path);
  const advice = kdb
    ? 'IBM MQ takes its password from its stash file ({{stash}}), which lint-deploy does not read: export the certificates as PEM beside it (runmqakm -cert -extract) to have them checked'
    : "Name the store and its password in the component's configuration (an {aes}, {cipher}, Jasypt ENC(…) or environment-variable password cannot be read)";
  // With a wrong password of its own setting, cert/store-password-wrong says the store stays unread, and this info is
  // dropped beside it (withoutLockedBesideWrongPassword); it stays when a start's password overrides that setting.
  return withProblem(
    { ...opened, data: { ...opened.data, ...wrong } },
    `PKCS#12 store {{store}}: its certificates are encrypted and no password tried opens it (no password, an empty one, the default changeit${named}); its certificates are not checked. ${advice}${unheld}`,
    {
      store: doc.embedded?.container ?? path.basename(doc.file.path),
      ...(kdb ? { stash: path.basename(doc.file.path).replace(/\.kdb$/i, '.sth') } : {}),
    },
  );
}

/** Spring Boot's own namespaces: lint-deploy reads what it models there, and an unused one names a store for nothing. */
const SPRING_BOOT_KEY = /^(spring|server|management)\./;

/**
 * Each store with the first Spring setting whose value is that very store (`camel.ssl.config.key-managers.key-store.resource=
 * classpath:/keystore.p12`, an app's own `ibm.mq.security.keystore: /config/q.jks`), outside Spring Boot's own
 * namespaces (in a test source set's resources, any setting, `tests`): what says the tree does name it when no component
 * lint-deploy models reads that setting (cert/expired). Its key and place only, never a value.
 */
function withNamingSettings(documents: ParsedDocument[]): ParsedDocument[] {
  const springs = documents.filter((d) => d.kind.startsWith('spring.') && d.entries.length > 0);
  if (springs.length === 0) return documents;
  // A test source set's files (src/test/resources) configure the tests: nothing models them, Spring Boot's namespaces
  // included; the deployed app's files are looked at first.
  const testsOf = (d: ParsedDocument) => testResourcesDir(posixPath(d.file.path));
  const ordered = [...springs.filter((d) => !testsOf(d)), ...springs.filter((d) => testsOf(d))];
  const stores = new Set(documents.filter(isKeystoreDocument).map((d) => d.file.path));
  return documents.map((doc) => {
    if (!isKeystoreDocument(doc)) return doc;
    const base = path.basename(doc.file.path);
    for (const spring of ordered) {
      const tests = testsOf(spring);
      const entry = spring.entries.find(
        (e) =>
          !e.secret &&
          (tests !== undefined || !SPRING_BOOT_KEY.test(e.key)) &&
          mentions(e.value, base) &&
          names(e.value, doc.file.path, referenceBases(spring, e.value), stores) === 'near',
      );
      if (entry)
        return {
          ...doc,
          data: {
            ...doc.data,
            namedBySetting: {
              file: spring.file.path,
              range: entry.keyRange,
              key: entry.key,
              ...(tests !== undefined ? { tests: true as const } : {}),
            },
          },
        };
    }
    return doc;
  });
}

function withProblem(
  doc: ParsedDocument<KeystoreData>,
  message: string,
  data: Record<string, string>,
): ParsedDocument<KeystoreData> {
  return {
    ...doc,
    problems: [...doc.problems, { code: 'keystore-locked', severity: 'info', message, data, range: ZERO }],
  };
}

/**
 * Passwords written beside a reference to the store: in each text document with an entry whose value
 * names the store's file (or, for Liberty's default key store, a `keyStore` without a location in the
 * server directory above it), its secret entries nearest that reference first (the store's own password setting before others).
 */
function configurationCandidates(
  store: ParsedDocument,
  documents: ParsedDocument[],
  images: ImageFiles,
  fromSecrets: readonly SecretVariable[],
): Candidate[] {
  const base = path.basename(store.file.path);
  const stores = new Set(documents.filter(isKeystoreDocument).map((d) => d.file.path));
  // Passwords of settings that name this very store first, then of settings whose path only ends like it.
  const near: Candidate[] = [];
  const far: Candidate[] = [];
  for (const doc of documents) {
    const generated = libertyGeneratedPassword(doc, store.file.path);
    if (generated) near.push(generated);
    if (isKeystoreDocument(doc) || doc.entries.length === 0) continue;
    for (const entry of doc.entries) near.push(...parameterPasswords(doc, entry, store.file.path, stores, far));
    const references = doc.entries.flatMap((e) => {
      const how =
        !e.secret &&
        (copiedTo(images, doc, e.value, store.file.path) ||
          (mentions(e.value, base) && names(e.value, store.file.path, referenceBases(doc, e.value), stores)));
      return how ? [{ anchor: e, how }] : [];
    });
    const anchors =
      references.length > 0
        ? references
        : libertyDefaultAnchors(doc, store.file.path).map((anchor) => ({ anchor, how: 'near' as const }));
    for (const { anchor, how } of anchors) {
      const secrets = doc.entries.filter((e) => e.secret && e.value.trim() !== '');
      secrets.sort((a, b) => closeness(a, anchor) - closeness(b, anchor));
      for (const entry of secrets) {
        const own =
          how === 'near' &&
          isOwnPasswordSetting(entry, anchor) &&
          writtenAsLiteral(entry.value) &&
          meant(doc, anchor.value, store.file.path, stores);
        for (const password of [
          ...passwordsOf(libertyResolved(doc, entry.value, documents)),
          ...variablePasswords(entry.value, documents, fromSecrets),
        ])
          (how === 'near' ? near : far).push({
            password,
            at: { file: doc.file.path, range: entry.keyRange },
            how,
            ...(own ? { own: entry.secretName ?? entry.key } : {}),
          });
      }
    }
  }
  return [...near, ...far];
}

/** A store named by a connection-string parameter (`keyStorePath=…`, `trustStorePath=…`), its side and the reference. */
const STORE_PATH_PARAMETER = /[?&;]\s*(key|trust)StorePath\s*=\s*([^&;\s"'<>]+)/g;

/**
 * The password a connection string gives beside the store it names: an ActiveMQ Artemis acceptor's or connector's
 * `keyStorePath=server-keystore.p12;keyStorePassword=…` (apache/activemq-artemis-examples@c05f8e2
 * examples/features/broker-connection/amqp-federation-over-ssl server0/broker.xml), a JNDI `connectionFactory.*=tcp://…
 * ?trustStorePath=…&trustStorePassword=…`. Names that resolve to this store give `near` candidates, pushed to `far`
 * when they only end like it.
 */
function parameterPasswords(
  doc: ParsedDocument,
  entry: Entry,
  storePath: string,
  stores: ReadonlySet<string>,
  far: Candidate[],
): Candidate[] {
  if (entry.secret || !/StorePath\s*=/.test(entry.value)) return [];
  const near: Candidate[] = [];
  for (const [, side, reference] of entry.value.matchAll(STORE_PATH_PARAMETER)) {
    if (!side || !reference) continue;
    const how = names(reference, storePath, referenceBases(doc, reference), stores);
    const password = how
      ? connectionCredentials(entry.value).find((c) => c.name === `${side}StorePassword`)?.value
      : undefined;
    if (password)
      (how === 'near' ? near : far).push({
        password,
        at: { file: doc.file.path, range: entry.keyRange },
        how: how || 'far',
        ...(how === 'near' && writtenAsLiteral(password) && meant(doc, reference, storePath, stores)
          ? { own: `${side}StorePassword` }
          : {}),
      });
  }
  return near;
}

/** Whether this store is the one of the tree's stores a reference names that lies nearest the file naming it. */
function meant(doc: ParsedDocument, reference: string, storePath: string, stores: ReadonlySet<string>): boolean {
  const bases = referenceBases(doc, reference);
  const named = [...stores].filter(
    (s) => mentions(reference, path.basename(s)) && names(reference, s, bases, stores) === 'near',
  );
  return named.length === 0 || nearestUnlessTied(doc.file.path, named, (s) => s) === storePath;
}

function distinct(candidates: Candidate[], tried: Candidate[] = []): Candidate[] {
  const out: Candidate[] = [];
  for (const candidate of candidates)
    if (![...tried, ...out].some((o) => o.password === candidate.password)) out.push(candidate);
  return out.slice(0, MAX_CONFIGURATION_PASSWORDS);
}

/** Whether a Dockerfile copies the store to the path a value of a configuration it copies too names (src/parse/image-files.ts). */
function copiedTo(images: ImageFiles, doc: ParsedDocument, value: string, storePath: string): 'near' | false {
  if (!/[\\/.]/.test(value)) return false;
  const base = doc.kind === 'tomcat.server-xml' ? catalinaBase : undefined;
  return images.resolve(doc.file.path, value, base)?.file === storePath ? 'near' : false;
}

/** A setting that holds a key or trust store's password (`keystore.password`, `trustStorePassword`, `keystorePass`). */
const STORE_PASSWORD_KEY = /(key|trust)[-_.@]?store[-_.@]?(pass|psw|pwd)|storepass/i;

/**
 * The store passwords of the deployment's settings not tried yet: a store named by no setting (a sample, a store
 * named only in commented-out lines) often shares the password of the deployment's other stores. Only store
 * passwords: a data source's or a user's password is no guess at a store's.
 */
function otherStorePasswords(documents: ParsedDocument[], tried: Candidate[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const doc of documents) {
    if (isKeystoreDocument(doc)) continue;
    for (const entry of doc.entries)
      if (entry.secret && STORE_PASSWORD_KEY.test(entry.secretName ?? entry.key))
        for (const password of passwordsOf(entry.value))
          candidates.push({ password, at: { file: doc.file.path, range: entry.keyRange }, how: 'other' });
  }
  return distinct(candidates, tried);
}

const PLACEHOLDER = /\$\{|\{\{/;
const segments = (p: string) => p.split(/[\\/]+/).filter((part) => part && part !== '.' && !PLACEHOLDER.test(part));

/** Where a relative reference is read from: a Spring resource location's directories, else the file's own. */
function referenceBases(doc: ParsedDocument, reference: string): string[] {
  return doc.kind.startsWith('spring.') ? springResourceBases(doc.file.path, reference) : [path.dirname(doc.file.path)];
}

/**
 * Whether a reference (`key.p12`, `${server.config.dir}/resources/security/key.p12`, `/opt/app/trust.p12`)
 * names this store: `near` when the store is what the reference resolves to from a directory it is read from
 * (or lies below one), `far` when only the reference's last two path segments are the store's. A bare `key.p12`
 * elsewhere in the tree is another component's store. A relative reference that resolves to another store of the
 * tree names this one at most `far`: `classpath:./certs/server.p12` of one sample project is its own
 * `src/main/resources/certs/server.p12`, not first a sibling project's.
 */
function names(
  reference: string,
  storePath: string,
  bases: string[],
  stores: ReadonlySet<string>,
): 'near' | 'far' | false {
  const written = reference.trim().replace(/^(classpath\*?|file):/, '');
  const resolved =
    PLACEHOLDER.test(written) || path.isAbsolute(written)
      ? undefined
      : bases.map((b) => path.resolve(b, written)).find((candidate) => stores.has(candidate));
  if (resolved === storePath) return 'near';
  const want = segments(written);
  const have = segments(storePath);
  let tail = 0;
  while (tail < want.length && tail < have.length && want[want.length - 1 - tail] === have[have.length - 1 - tail])
    tail++;
  if (tail === 0) return false;
  if (resolved !== undefined) return tail >= 2 ? 'far' : false;
  return tail >= 2 || bases.some((base) => storePath.startsWith(base + path.sep)) ? 'near' : false;
}
