import type { Finding, Location, Range, RelatedLocation } from '../../core/types';
import type { ParsedDocument } from '../../parse/types';
import { disjointLeftmost, SecretSearch } from './secret-search';
import { basicCredentialTokens } from '../../parse/basic-auth';
import { holdsJaasEntry, jaasOptions } from '../../parse/jaas';
import { connectionCredentials } from '../../parse/connection-credentials';
import type { KubernetesData } from '../../parse/kubernetes';
import { isSecretKey } from '../../parse/types';
import { configMapSecretValues, secretVariables } from '../../parse/kubernetes-secret-values';
import type { DockerfileData } from '../../parse/dockerfile';
import type { ComposeData } from '../../parse/compose';
import { entryLines, placeLines, SecretPlaces, type Lines } from './secret-places';

export const MASK = '***';

/** Masks the secret values in a display string (see secretMasker). */
export interface Masker {
  (text: string): string;
  /**
   * The masker of a message about these places (a finding's location and related places): an identifier a file of
   * them writes, spelled like a secret, is left unless a place is one of that secret's own (./secret-places.ts).
   */
  about?(where: readonly Location[]): (text: string) => string;
}
const HARMLESS = /^(true|false|yes|no|none|null)?$/i;

/** Secrets shorter than this are matched as whole tokens. */
const SHORT_SECRET = 8;
const ALNUM = /[A-Za-z0-9]/;
/** Characters of a key name or a path: a secret that is also a word of one is masked only standing alone. */
const NAME_CHAR = /[A-Za-z0-9._/\\-]/;

/**
 * A function that masks every secret value of the given documents (entries flagged `secret`) in a
 * display string, in one pass over the string (src/engine/run/secret-search.ts), longest secret first.
 * A short secret ('admin') is masked as a whole token only, so messages keep words like
 * 'administrator'; a long one wherever it appears, except that a secret which is also a word inside
 * some key name of the documents ('password' in `server.ssl.key-store-password`) is masked only
 * where it stands alone: key names are never masked, nor is a whole key name given as a message value
 * (`user@password`, the attribute that holds the secret), nor a short secret inside a whole name the model gives
 * a thing (`names`: `Liberty HTTPS endpoint …` when a password is `Liberty`; a Kafka broker `… service kafka` and a
 * certificate subject `O=kafka,CN=broker` when a JAAS password is `kafka`). The documents' file paths count as
 * names too: the password 'trader' must not turn `test-stock-trader/server.xml` into `test-stock-[masked]/server.xml`.
 * `ownWords` are the model's fixed phrases ("password checked for administrators"): a secret found inside one of
 * them, and not the whole phrase, is left as it is (it is our word, not the tree's value). `published` gives texts the
 * tree shows anyone anyway (certificate subjects): a secret of any length inside one, and not the whole text, is left.
 * A message about places none of which writes the secret leaves an identifier the tree writes elsewhere
 * (./secret-places.ts): `backend keycloak` when a database password is `keycloak`.
 */
export function secretMasker(
  documents: Iterable<ParsedDocument>,
  names: Iterable<string> | (() => Iterable<string>) = [],
  ownWords: Iterable<string> = [],
  published: () => Iterable<string> = () => [],
): Masker {
  const phrases = [...ownWords];
  let publishedTexts: string[] | undefined;
  const docs = [...documents];
  // Listed the first time a message holds a secret (most deployments' messages hold none).
  let nameSet: Set<string> | undefined;
  const componentNames = () => (nameSet ??= new Set(typeof names === 'function' ? names() : names));
  const secrets = new Set<string>();
  const places = new SecretPlaces(docs);
  // A secret and where the tree writes it (undefined: not known).
  const add = (value: string, at: Lines | undefined) => {
    if (value.length < 3 || HARMLESS.test(value)) return;
    secrets.add(value);
    places.add(value, at);
  };
  for (const doc of docs) {
    for (const entry of doc.entries) {
      const lines = entryLines(doc, entry);
      // HTTP Basic credentials in any value (`Authorization: Basic …`): base64 of user:password.
      for (const token of basicCredentialTokens(entry.value)) add(token, lines);
      // A login module's password inside a value (Kafka's `sasl.jaas.config`: `… password="…";`).
      if (!entry.secret && holdsJaasEntry(entry.value))
        for (const option of jaasOptions(entry.value)) if (option.secret) add(option.value, lines);
      // A connection string's password (`jdbc:…?password=…`, `keyStorePassword=…;`, `amqps://user:…@host`).
      if (!entry.secret) for (const credential of connectionCredentials(entry.value)) add(credential.value, lines);
      if (entry.secret) add(entry.value.trim(), lines);
    }
    for (const key of secretKeyValues(doc)) add(key.value, placeLines({ file: doc.file.path, range: key.range }));
  }
  // A Secret's key a container variable takes by `secretKeyRef` is a secret whatever its name (`pw`, `store`).
  for (const given of secretVariables(docs))
    if (given.via === 'env' && given.value !== undefined) add(given.value.trim(), placeLines(given.at));
  // Where the ConfigMap's key is written is not said: such a value is masked everywhere.
  for (const value of configMapSecretValues(docs)) add(value.trim(), undefined);
  if (secrets.size === 0) return (text) => text;
  const search = new SecretSearch(secrets);
  // Component names that are not themselves a secret, listed the first time a message holds a short secret.
  let plainNames: string[] | undefined;
  const nameList = () => (plainNames ??= [...componentNames()].filter((name) => !secrets.has(name)));
  // Which secrets occur inside a key name or a path (one pass over all of them), found the first time a
  // message holds a secret at all: most deployments' messages hold none, and their keys are not scanned.
  let inKeyNamesFound: Set<string> | undefined;
  let keyNames: Set<string> | undefined;
  const inKeyNames = (): Set<string> => {
    if (inKeyNamesFound) return inKeyNamesFound;
    const found = new Set<string>();
    const keys = (keyNames = new Set<string>());
    for (const doc of docs) {
      keys.add(doc.file.path);
      for (const entry of doc.entries) {
        keys.add(entry.key);
        // The element's name that made an attribute secret is the setting's name (`<property
        // name="ejbremoteuserpassword" value="password"/>`, kidaak/jboss7@9711d10 host.xml): masked inside it, the
        // name read `ejbremoteuser***` and told the value.
        if (entry.secretName) keys.add(entry.secretName);
      }
    }
    for (const key of keys) {
      search.matches(key, (start, end) => {
        if (end - start < key.length) found.add(key.slice(start, end));
        return false;
      });
    }
    return (inKeyNamesFound = found);
  };
  const maskAbout = (text: string, where: readonly Location[]): string => {
    if (text.length < 3) return text;
    const standsAlone = (start: number, end: number, word: RegExp) =>
      !word.test(text[start - 1] ?? ' ') && !word.test(text[end] ?? ' ');
    const found = search.matches(text, (start, end) => {
      if (inKeyNames().has(text.slice(start, end))) return standsAlone(start, end, NAME_CHAR);
      return end - start >= SHORT_SECRET || standsAlone(start, end, ALNUM);
    });
    if (found.length === 0) return text;
    // A whole key name given as a message value (`user@password`, the attribute that holds a secret) is a name,
    // a list of them (`a, b`) too.
    const parts = text.split(', ');
    const isKeyName = (part: string) => keyNames?.has(part) === true && !secrets.has(part);
    if (parts.every(isKeyName)) return text;
    // A component's name (or a list of them) is the model's words around the tree's identifiers: a short secret
    // there is a word (`Liberty HTTPS endpoint …` when some password is `Liberty`); a long one is still masked.
    const names = parts.every((part) => isKeyName(part) || (componentNames().has(part) && !secrets.has(part)));
    const ours = ownSpans(text, phrases);
    // The same inside a longer text (`Spring Boot HTTPS server (…) names it here` when a password is `server`).
    const inNames = ownSpans(text, nameList());
    const inside = (spans: [number, number][], start: number, end: number) =>
      spans.some(([from, to]) => from <= start && end <= to && end - start < to - from);
    // What the tree publishes anyway (a certificate's subject, which every handshake sends in clear): a secret of any
    // length inside one is a word of it (`CN=localhost,OU=…` when a store password is `localhost`).
    const inPublished = ownSpans(text, (publishedTexts ??= [...published()]));
    const masked = found.filter(
      ([start, end]) =>
        !inside(ours, start, end) &&
        !inside(inPublished, start, end) &&
        (end - start >= SHORT_SECRET || (!names && !inside(inNames, start, end))) &&
        !places.isIdentifier(text, start, end, where, search),
    );
    let out = '';
    let at = 0;
    for (const [start, end] of disjointLeftmost(masked)) {
      out += text.slice(at, start) + MASK;
      at = end;
    }
    return out + text.slice(at);
  };
  const masker: Masker = (text) => maskAbout(text, []);
  masker.about = (where) => (text) => maskAbout(text, where);
  return masker;
}

/**
 * Where the phrases occur in the text. An empty phrase occurs nowhere: indexOf('') finds it at every position and at
 * the end forever (an empty certificate subject among the published texts made this loop until the heap ran out).
 */
function ownSpans(text: string, phrases: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const phrase of phrases)
    if (phrase)
      for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1))
        spans.push([at, at + phrase.length]);
  return spans;
}

/** Related messages a rule's report masked as it made them (src/engine/run/run-rules.ts): their words are the rule's. */
const MASKED_RELATED = new WeakSet<RelatedLocation>();

/** Marks a related place whose message is masked already (its tree values only), so the last pass leaves it. */
export function maskedRelated(related: RelatedLocation): RelatedLocation {
  MASKED_RELATED.add(related);
  return related;
}

/**
 * Defence in depth for DESIGN.md "Secrets": rules should never quote a secret. The messages of the
 * rules in `maskedRuleIds` were built from masked data (src/engine/run/run-rules.ts; parse problems in
 * problemFinding), so their own words ("holds a plaintext password") are never masked, nor are those of the related
 * messages a rule reported; every other message (directive and internal-error findings, and walk and read findings
 * before they join them) and every other related message (a template branch added after the rules ran) is masked whole
 * before a formatter sees it.
 */
export function redactFindings(
  findings: Finding[],
  mask: (text: string) => string,
  maskedRuleIds: { has(ruleId: string): boolean } = new Set(),
): Finding[] {
  for (const finding of findings) {
    if (!maskedRuleIds.has(finding.ruleId)) finding.message = mask(finding.message);
    for (const related of finding.related ?? [])
      if (!MASKED_RELATED.has(related)) related.message = mask(related.message);
  }
  return findings;
}

/**
 * The image references of the tree as messages quote them (`FROM tomcat`, `image: tomcat:9`): the name of an image a
 * registry serves is no secret, so a password that is also an image's name (jlquiroscass/tomcat-ssl: a
 * tomcat-users.xml password `tomcat` beside `FROM tomcat`) is left inside one. Given as published texts
 * (secretMasker's `published`), which leave a secret only inside the whole quoted instruction, never standing alone.
 */
export function imageReferencePhrases(documents: Iterable<ParsedDocument>): string[] {
  const phrases = new Set<string>();
  for (const doc of documents) {
    if (doc.kind === 'dockerfile')
      for (const stage of (doc.data as DockerfileData | undefined)?.stages ?? []) {
        phrases.add(`FROM ${stage.written}`);
        if (stage.image) phrases.add(`FROM ${stage.image}`);
      }
    if (doc.kind === 'compose')
      for (const service of (doc.data as ComposeData | undefined)?.services ?? [])
        if (service.image) phrases.add(`image: ${service.image}`);
  }
  return [...phrases];
}

/**
 * The values of a manifest's Secret keys named like secrets (`keystore-password`), as written and, for base64 `data:`,
 * decoded: a store opened with one (src/parse/kubernetes-secret-files.ts) or a variable an `envFrom:` gives never
 * shows it in a message.
 */
function secretKeyValues(doc: ParsedDocument): { value: string; range: Range }[] {
  if (doc.kind !== 'kubernetes') return [];
  const values: { value: string; range: Range }[] = [];
  for (const source of (doc.data as KubernetesData).sources ?? [])
    for (const key of source.keys) {
      if (source.source !== 'secret' || !isSecretKey(key.key) || key.value.includes('\n')) continue;
      const range = { start: key.keyRange.start, end: key.valueRange.end };
      values.push({ value: key.value.trim(), range });
      const compact = key.value.replace(/\s+/g, '');
      const decoded =
        key.encoded && /^[A-Za-z0-9+/]+={0,2}$/.test(compact) ? Buffer.from(compact, 'base64') : undefined;
      const text = decoded?.toString('utf8').trim();
      if (text && /^[\x20-\x7e]+$/.test(text)) values.push({ value: text, range });
    }
  return values;
}
