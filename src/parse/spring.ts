import * as path from 'node:path';
import type { Comment, Entry, FormatHandler, ParsedDocument, ParseProblem } from './types';
import { duplicateKeyProblem, parseProperties } from './properties';
import { springPropertiesDocumentStarts } from './spring-properties-documents';
import { LineIndex, yamlLineBreaks } from './text';
import { basenameOf } from './java/jvm-args';
import { simpleYamlPairs } from './yaml-simple';
import { foldShallowQuotedLines } from './yaml-quoted';
import { duplicateKeys, snakeYamlPlain } from './yaml-snake';
import {
  flattenYamlDocument,
  MAX_ALIAS_ENTRIES,
  yaml,
  yamlEntry,
  yamlTextErrors,
  type YamlScalars,
} from './yaml-flatten';

const hasErrors = (documents: ReturnType<typeof import('yaml').parseAllDocuments>): boolean =>
  (Array.isArray(documents) ? documents : [documents]).some((d) => yamlTextErrors(d).length > 0);

/** A CAS or Spring Boot setting at a line start (`cas.server.name=`, `server:`), to know a `cas.properties` of CAS. */
const CAS_SETTINGS = /^(?:cas|server|spring|management|logging)(?:\.[\w-]|:)/m;

/**
 * A Kubernetes object at the top of a YAML document (`apiVersion:` with a `kind:` beside it), which Spring Boot's
 * configuration never is: GitOps repositories name Argo CD's `Application` manifests `application.yaml`, and a chart's
 * rendering is named for its release (SonarSource/helm-chart-sonarqube@b6f9b63's `helm template` output
 * tests/unit-compatibility-test/fixtures/sonarqube-dce/application-values.yaml, a Secret and StatefulSets).
 */
const isKubernetesObject = (head: string): boolean =>
  /^apiVersion:[ \t]*\S/m.test(head) && /^kind:[ \t]*[A-Z]\w*[ \t]*$/m.test(head);
const SPRING_YAML_NAME = /^(application|bootstrap)(-[\w.-]+)?\.ya?ml$/;

/** A Kubernetes manifest under a name Spring Boot reads (`application.yaml`): read as Kubernetes, its YAML still checked. */
export function kubernetesUnderSpringName(filePath: string, head: string): boolean {
  return SPRING_YAML_NAME.test(basenameOf(filePath)) && isKubernetesObject(head);
}

export interface SpringConfigData {
  /** Profile from the file name (`application-prod.yml` → `prod`). */
  fileProfile?: string;
  /** One part per YAML document (`---`); a properties file is one part (or several with `#---`). */
  parts: { profile?: string; entries: Entry[] }[];
  /** A Spring Cloud Config repository's file (`orders-service.yml`): an app elsewhere reads it (./spring-config-repository.ts). */
  servedFile?: boolean;
}

/**
 * Spring Boot `application[-profile].properties|yml|yaml` and `bootstrap*`. YAML is
 * flattened to Spring's relaxed keys (`server.ssl.enabled-protocols[0]`) with the
 * ranges of each key and scalar; `spring.config.activate.on-profile` (or the older
 * `spring.profiles`) names a document's profile. Entries carry the profile in `section`.
 */
/** A file of an Ansible role's `tasks/` or `handlers/` directory. */
const ROLE_TASKS_DIR = /(?:^|[\\/])roles[\\/][^\\/]+[\\/](?:tasks|handlers)[\\/]/;

export const springFormat: FormatHandler<SpringConfigData> = {
  id: 'spring',
  classify(filePath, head) {
    const base = basenameOf(filePath);
    // Apereo CAS (a Spring Boot app) reads `(cas|application).(yml|properties)` from its configuration directory
    // (/etc/cas/config) as Spring property sources: https://apereo.github.io/cas/7.0.x/configuration/Configuration-Server-Management-Standalone.html
    const cas = /^cas\.(properties|ya?ml)$/.exec(base);
    if (cas)
      return CAS_SETTINGS.test(head) ? (cas[1] === 'properties' ? 'spring.properties' : 'spring.yaml') : undefined;
    const m = /^(application|bootstrap)(-[\w.-]+)?\.(properties|ya?ml)$/.exec(base);
    if (!m) return undefined;
    // Names that lie: Liberty's bootstrap.properties (`default.https.port=9443`) and the files of a Liberty
    // `variables/` directory are server variables, not Spring; Spring Cloud's bootstrap file sets `spring.*`.
    if (/(^|[\\/])variables[\\/][^\\/]+$/.test(filePath)) return undefined;
    if (base === 'bootstrap.properties' && !/^\s*spring\./m.test(head)) return undefined;
    if (kubernetesUnderSpringName(filePath, head)) return undefined;
    // An Ansible role's task or handler list (rciam/rciam-deploy@c778acb roles/rciam-metrics/tasks/bootstrap.yml):
    // Ansible reads the YAML of those directories as tasks, and no Spring app reads its configuration from there.
    if (m[3] !== 'properties' && ROLE_TASKS_DIR.test(filePath)) return undefined;
    return m[3] === 'properties' ? 'spring.properties' : 'spring.yaml';
  },
  parse(file, kind): ParsedDocument<SpringConfigData> {
    const fileProfile = /^(?:application|bootstrap)-([\w.-]+)\.(?:properties|ya?ml)$/.exec(basenameOf(file.path))?.[1];
    const result =
      kind === 'spring.properties'
        ? parseSpringProperties(file.text, file.hadBom)
        : parseSpringYaml(file.text, true, 'snakeyaml');
    for (const part of result.parts) {
      part.profile ??= fileProfile;
      for (const entry of part.entries) entry.section = part.profile;
    }
    const entries = result.parts.flatMap((p) => p.entries);
    const micronaut = kind === 'spring.yaml' && entries.some((e) => e.key.startsWith('micronaut.'));
    return {
      file,
      kind,
      entries,
      comments: result.comments,
      problems: micronaut ? result.problems.map(micronautDuplicate) : result.problems,
      data: { fileProfile, parts: result.parts },
    };
  },
};

/**
 * A YAML key set twice in a Micronaut app's file (one that sets `micronaut.*`): Micronaut's loader builds its SnakeYAML
 * with the default LoaderOptions, which allow duplicate keys (micronaut-projects/micronaut-core@6a1c9e8
 * inject/src/main/java/io/micronaut/context/env/yaml/CustomSafeConstructor.java: `super(new LoaderOptions())`), so the
 * file loads and the later value replaces the earlier one whole (measured with SnakeYAML 2.2: two `micronaut:` mappings
 * load as the second alone). jgnoonan/registration-service@b7d35e3 (micronaut-parent 4.6.3): said as Spring Boot's
 * DuplicateKeyException, an error.
 */
function micronautDuplicate(problem: ParseProblem): ParseProblem {
  if (problem.code !== 'duplicate-key') return problem;
  return {
    ...problem,
    severity: 'warning',
    message: `Duplicate key '{{key}}' (first set on line {{first}}): Micronaut loads the file and keeps only the later value, so everything set under the first one is lost`,
  };
}

export interface SpringParse {
  parts: { profile?: string; entries: Entry[] }[];
  comments: Comment[];
  problems: ParseProblem[];
}

function profileOf(entries: Entry[]): string | undefined {
  const keys = [springKey('spring.config.activate.on-profile'), springKey('spring.profiles')];
  return entries.find((e) => keys.includes(springKey(e.key)))?.value;
}

function parseSpringProperties(text: string, byteOrderMark: boolean): SpringParse {
  // Spring Boot 2.4+ splits a properties file into documents: a key set in two documents is no duplicate.
  const { entries, comments, problems } = parseProperties(text, {
    reportDuplicate: () => false,
    commentsInValues: true,
    byteOrderMark,
  });
  const bounds = [-1, ...springPropertiesDocumentStarts(text, entries), Number.MAX_SAFE_INTEGER];
  const parts: SpringParse['parts'] = [];
  for (const [i, low] of bounds.slice(0, -1).entries()) {
    const high = bounds[i + 1]!; // i + 1 < bounds.length
    const part = entries.filter((e) => e.keyRange.start.line > low && e.keyRange.start.line < high);
    parts.push({ profile: profileOf(part), entries: part });
    const seen = new Map<string, Entry>();
    for (const entry of part) {
      const previous = seen.get(entry.key);
      if (previous) problems.push(duplicateKeyProblem(entry, previous));
      seen.set(entry.key, entry);
    }
  }
  return { parts, comments, problems };
}

/** `simple: false` always uses the yaml library (test/parse/yaml-simple.test.ts compares the two ways). */
export function parseSpringYaml(text: string, simple = true, scalars: YamlScalars = 'core'): SpringParse {
  const index = new LineIndex(text);
  const comments: Comment[] = [];
  const problems: ParseProblem[] = [];
  const parts: SpringParse['parts'] = [];
  // Comments: `#` at line start or after a blank, outside quotes (good enough for config files).
  for (const m of text.matchAll(/(^|[ \t])#([^\r\n]*)/gm)) {
    const start = (m.index ?? 0) + m[1]!.length;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const before = text.slice(lineStart, start);
    if ((before.match(/"/g)?.length ?? 0) % 2 === 1 || (before.match(/'/g)?.length ?? 0) % 2 === 1) continue;
    comments.push({ text: m[2]!, range: index.rangeAt(start, start + 1 + m[2]!.length) });
  }
  // The yaml library recurses per nesting level: a few thousand `{` overflow its stack (and can abort the
  // process in V8's regexp compiler). Real configuration nests a dozen levels; refuse deeper input.
  const depth = yamlNestingDepth(text);
  if (depth > MAX_YAML_DEPTH) {
    problems.push({
      code: 'yaml-too-deep',
      severity: 'error',
      message: `YAML nested ${depth} levels deep (over ${MAX_YAML_DEPTH}): not checked`,
      range: index.rangeAt(0, 0),
    });
    return { parts, comments, problems };
  }
  // Most application.yml files are nested keys with one-line plain values: read without the library.
  const pairs = simple ? simpleYamlPairs(text) : undefined;
  if (pairs) {
    // The simple reader keeps only plain scalars: their text is what SnakeYAML types.
    const value = (p: (typeof pairs)[number]) =>
      scalars === 'snakeyaml' && p.valueRange[1] > p.valueRange[0]
        ? snakeYamlPlain(text.slice(p.valueRange[0], p.valueRange[1]))
        : p.value;
    const entries = pairs.map((p) => yamlEntry(p.key, value(p), p.keyRange, p.valueRange, index));
    parts.push({ profile: profileOf(entries), entries });
    return { parts, comments, problems };
  }
  let documents;
  try {
    const yamlText = yamlLineBreaks(text);
    documents = yaml().parseAllDocuments(yamlText, { uniqueKeys: false });
    // What libyaml (Compose, Kubernetes) and SnakeYAML (Spring Boot) read, the yaml library may refuse: a quoted
    // scalar continued no deeper than its key. Read it folded, when that is all that was wrong.
    const folded = hasErrors(documents) ? foldShallowQuotedLines(yamlText) : undefined;
    if (folded !== undefined) {
      const again = yaml().parseAllDocuments(folded, { uniqueKeys: false });
      if (!hasErrors(again)) documents = again;
    }
  } catch (error) {
    problems.push({
      code: 'invalid-yaml',
      severity: 'error',
      message: `Not valid YAML: ${(error as Error).message}`,
      range: index.rangeAt(0, 0),
    });
    return { parts, comments, problems };
  }
  const list = Array.isArray(documents) ? documents : [documents];
  for (const doc of list) {
    for (const error of yamlTextErrors(doc).slice(0, 1)) {
      problems.push({
        code: 'invalid-yaml',
        severity: 'error',
        message: `Not valid YAML: ${error.message.split('\n')[0]}`,
        range: index.rangeAt(error.pos[0], error.pos[1]),
      });
    }
    const { entries, aliasBudgetExceeded } = flattenYamlDocument(doc, text, index, scalars);
    if (aliasBudgetExceeded)
      problems.push({
        code: 'yaml-alias-budget',
        severity: 'warning',
        message: `YAML aliases and merge keys expand to more than ${MAX_ALIAS_ENTRIES} settings: the rest is not read`,
        range: index.rangeAt(0, 0),
      });
    if (scalars === 'snakeyaml') duplicateKeys(doc.contents, yaml(), index, problems);
    parts.push({ profile: profileOf(entries), entries });
  }
  return { parts, comments, problems };
}

export const MAX_YAML_DEPTH = 64;

/** An upper bound of a YAML text's nesting: flow brackets plus block indentation levels (quotes ignored: over-counts, never under). */
export function yamlNestingDepth(text: string): number {
  let max = 0;
  let flow = 0;
  const indents: number[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const leadText = /^[ \t]*(?:[-?:][ \t]+)*/.exec(line)?.[0] ?? '';
    const lead = leadText.length;
    const indicators = leadText.replace(/[ \t]/g, '').length;
    if (lead < line.length && line[lead] !== '#') {
      while ((indents.at(-1) ?? -1) >= lead) indents.pop();
      indents.push(lead);
    }
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (ch === '[' || ch === '{') max = Math.max(max, indents.length + indicators + ++flow);
      else if ((ch === ']' || ch === '}') && flow > 0) flow--;
    }
    max = Math.max(max, indents.length + indicators + flow);
  }
  return max;
}

/**
 * A Spring property name in Spring Boot's uniform form, the one relaxed binding compares: each element
 * lower-cased without `-` and `_`, so `server.ssl.keyStore`, `server.ssl.key_store` and `server.ssl.key-store`
 * are one setting (ConfigurationPropertyName, "Relaxed Binding" in Spring Boot's reference).
 * https://docs.spring.io/spring-boot/reference/features/external-config.html#features.external-config.typesafe-configuration-properties.relaxed-binding
 */
export function springKey(key: string): string {
  return key.replace(/[-_]/g, '').toLowerCase();
}

/** The setting of that name as Spring binds it (any relaxed spelling; the last one wins), if set. */
export function springSetting(entries: readonly Entry[], key: string): Entry | undefined {
  const wanted = springKey(key);
  for (let i = entries.length - 1; i >= 0; i--) if (springKey((entries[i] as Entry).key) === wanted) return entries[i];
  return undefined;
}

/**
 * A Spring boolean setting as Spring binds its text: `true`/`on`/`yes`/`1` and `false`/`off`/`no`/`0` in any case
 * (spring-core's StringToBooleanConverter); undefined for anything else (a placeholder, a typo Spring refuses).
 */
export function springBoolean(value: string): boolean | undefined {
  const word = value.trim().toLowerCase();
  if (['true', 'on', 'yes', '1'].includes(word)) return true;
  if (['false', 'off', 'no', '0'].includes(word)) return false;
  return undefined;
}

/** Whether a setting is under that prefix (`server.ssl.`) in any relaxed spelling. */
export function springKeyUnder(entry: Entry, prefix: string): boolean {
  return springKey(entry.key).startsWith(springKey(prefix));
}

/**
 * A Spring list property as Spring binds it: `key=a,b` or `key[0]=a`, `key[1]=b` (any relaxed spelling of key).
 * Returns the values and the entries they came from, or undefined when unset.
 */
export function springList(entries: Entry[], key: string): { values: string[]; entries: Entry[] } | undefined {
  const wanted = springKey(key);
  const indexed = entries.filter((e) => {
    const k = springKey(e.key);
    return k.startsWith(`${wanted}[`) && /^\[\d+\]$/.test(k.slice(wanted.length));
  });
  const direct = springSetting(entries, key);
  // The later source wins: a `key=a,b` system property after a file's `key[0]` list, or the other way round.
  const directWins = direct && (indexed.length === 0 || entries.indexOf(direct) > entries.indexOf(indexed.at(-1)!));
  if (!directWins)
    return indexed.length
      ? { values: indexed.map((e) => e.value.trim()).filter(Boolean), entries: indexed }
      : undefined;
  return { values: listItems(direct.value), entries: [direct] };
}

/** A comma-separated value's items (`TLSv1.2, TLSv1.3`, `prod,tls`), trimmed, without empty ones. */
export function listItems(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * The directories a Spring resource location is read from. `classpath:` is the resources directory the
 * configuration file sits in (src/main/resources, BOOT-INF/classes). A `file:` or unprefixed location is a
 * file-system path relative to the working directory (Spring's `ResourceUtils.getURL`, and from Boot 3.3
 * `ApplicationResourceLoader`: "plain paths without a qualifier will resolve to file system resources"):
 * for a file under `<project>/src/{main,test}/resources` that is the project directory `gradle bootRun` /
 * `mvn spring-boot:run` starts in; the configuration's own directory is kept as the last candidate (an
 * `application.yml` beside the jar is in the working directory).
 */
export function springResourceBases(configPath: string, location: string): string[] {
  const configDir = path.dirname(configPath);
  if (/^classpath\*?:/.test(location.trim())) return [configDir];
  const project = /^(.*)[\\/]src[\\/](?:main|test)[\\/]resources(?:[\\/]|$)/.exec(configDir + path.sep)?.[1];
  return project ? [project, configDir] : [configDir];
}
