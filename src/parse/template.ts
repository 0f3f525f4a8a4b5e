import type { Location, Range } from '../core/types';
import { LineIndex } from './text';
import { lastPathSegment } from '../core/path-name';
import { withGroovyExpressions } from './template-groovy';
import { scanTags, type Tag, type TemplateEngine, type TemplateSpanKind } from './template-tags';
import { aloneOnLine, blankToLineEnd, codeUnits, CR, LF, overwrite, SPACE, TAB, textOf } from './template-text';
import { terraformTags } from './template-terraform';
import { xmlFillIns } from './template-fill-ins';
import { conditionals, type TemplateBranch } from './template-branches';

/**
 * Configuration as it is committed: Go/gomplate/Helm `{{ }}`, Jinja2 `{{ }}`/`{% %}`/`{# #}`,
 * ERB `<% %>` and PHP `<?php ?>` templates. The file is parsed with its template syntax set aside, keeping every
 * offset (so positions stay true): directives and comments become spaces, an output expression
 * becomes a same-length `${name}` placeholder that parsers already treat as a variable, and an
 * expression alone on its line (it generates whole lines) becomes spaces. The spans are kept so
 * that a finding resting on a template value is reported as depending on it, never as an error.
 */
export type { TemplateEngine, TemplateSpanKind } from './template-tags';
export type { TemplateBranch } from './template-branches';

export interface TemplateSpan {
  kind: TemplateSpanKind;
  engine: TemplateEngine;
  /** The template text as written, e.g. `{{ .Env.SSL_PROTOCOLS }}`. */
  text: string;
  start: number;
  end: number;
  range: Range;
  /** A directive inside a line (`Enabled={{ if .x }}No{{ else }}Yes{{ end }}`): the value around it is unknown. */
  inline?: boolean;
  /**
   * A Helm `{{ .Values.x }}` rendered with the chart's default (src/parse/helm-values.ts), or a Compose `${VAR}` with
   * the value of its `.env` (src/parse/compose-env.ts): no longer unknown.
   */
  substituted?: HelmSubstitution;
  /** Why the value stays unknown, when more can be said than "until rendered". */
  unknownBecause?: string;
}

export interface HelmSubstitution {
  /** `.Values.tls.cipherSpec`; for Compose, the variable (`KEYSTORE_NAME`). */
  key: string;
  /** The text the value renders to. */
  value: string;
  /** The `values.yaml` value (the `.env` assignment) it came from. */
  from: Location;
  /** The value is under a key named like a secret: never printed. */
  secret: boolean;
  /** The comment above the `values.yaml` key says its value is a Kubernetes Secret's name (`# Secret name containing…`). */
  documentedSecretName?: true;
}

export interface TemplateInfo {
  engines: TemplateEngine[];
  spans: TemplateSpan[];
  /** The text with the template syntax set aside, both branches of every conditional kept. */
  masked: string;
  /** The same with every `else` branch blanked (only the first branch of each conditional), when there is one. */
  firstBranch?: string;
  /** The text under each conditional, with the condition that selects it. */
  branches: TemplateBranch[];
  /** Where a script copies a tree file into the file it writes (`cat part2.cfg >> …`): said as branches, no conditional. */
  copied?: TemplateBranch[];
  /**
   * Zero-based lines that a `{{-` tag alone on them removes when the file is rendered (YAML only): empty in `masked`,
   * and no line of a block scalar (`server.xml: |` then `{{- if … }}` then `<?xml …?>`: the value starts with `<?xml`).
   */
  emptiedLines?: ReadonlySet<number>;
}

/** Suffixes that say "this is a template (or sample) of the file named before them". */
export const TEMPLATE_SUFFIX =
  /_template$|\.(tpl|tftpl|j2|jinja2?|template|tmpl|gotmpl|gtpl|ctmpl|mustache|erb|epp|sample|example|dist)$/i;

/** `nginx.conf.j2` → `nginx.conf`; undefined when the name has no template suffix. */
export function innerTemplateName(filePath: string): string | undefined {
  const stripped = filePath.replace(TEMPLATE_SUFFIX, '');
  if (stripped === filePath) return undefined;
  const base = lastPathSegment(stripped);
  // A partial (Helm `_helpers.tpl`) renders to no file of its own.
  return !base.startsWith('_') && (base.includes('.') || /^[\w-]+$/.test(base)) ? stripped : undefined;
}

/**
 * Template syntax of a text, or undefined when it holds none. `namedTemplate`: the file's name says it
 * is a template, so `${VAR}` and `$UPPER_CASE` placeholders (envsubst) are template values too, and Terraform's
 * `%{ for … }` directives are directives. `terraform`: a `.tftpl` file, every `${…}` and `%{…}` is Terraform's.
 * `yaml`: the file renders to YAML (a Helm manifest, `*.yaml.j2`), whose lines a `{{-` tag alone on its line may empty.
 * `xml`: the file is XML (`*.xml`), whose fill-in placeholders `<NAME>` are template values (./template-fill-ins.ts).
 */
export function scanTemplate(
  text: string,
  namedTemplate = false,
  mavenFiltered = false,
  terraform = false,
  yaml = false,
  xml = false,
): TemplateInfo | undefined {
  const scanned = /\{\{|\{%|\{#|<%|<\?(php|=)|\[%|\[#|\[\/|\[\[|\[\(/i.test(text) ? scanTags(text) : [];
  const terraformScanned =
    namedTemplate && /[$%]\{/.test(text)
      ? terraformTags(text, terraform).filter((t) => !scanned.some((s) => s.start < t.end && t.start < s.end))
      : [];
  const withTerraform = terraformScanned.length
    ? [...scanned, ...terraformScanned].sort((a, b) => a.start - b.start)
    : scanned;
  const tags = namedTemplate && text.includes('${') ? withGroovyExpressions(text, withTerraform) : withTerraform;
  // Most files of a tree hold no template syntax: they are answered before the line index and the per-character copy
  // below (generator-jhipster@b622d1a: a third of a run's CPU went there for files that are no template).
  const fillIns = xml ? xmlFillIns(text, (start, end) => tags.some((t) => t.start < end && start < t.end)) : [];
  if (tags.length === 0 && !namedTemplate && !(mavenFiltered && text.includes('@')) && fillIns.length === 0)
    return undefined;
  const index = new LineIndex(text);
  const fillInSpans = fillIns.map(
    ({ start, end }): TemplateSpan => ({
      kind: 'value',
      engine: 'fill-in',
      text: text.slice(start, end),
      start,
      end,
      range: index.rangeAt(start, end),
      unknownBecause: 'a fill-in placeholder, replaced before the file is used',
    }),
  );
  const groovy = tags.some((t) => t.engine === 'groovy');
  // A Groovy template writes a literal dollar `\$`.
  const envSpans = namedTemplate
    ? placeholderSpans(text, index, tags, ENV_PLACEHOLDER, 'env').filter((s) => !groovy || text[s.start - 1] !== '\\')
    : [];
  const mavenSpans =
    mavenFiltered && text.includes('@')
      ? placeholderSpans(
          text,
          index,
          tags,
          MAVEN_PLACEHOLDER,
          'maven',
          'Maven resource filtering puts it in when the app is built',
        )
      : [];
  const chars = codeUnits(text);
  // A build-time value becomes a same-length `${name}` placeholder, as a template's output expression does.
  for (const span of [...mavenSpans, ...fillInSpans]) overwrite(chars, span.start, placeholder(span.text, 1));
  if (tags.length === 0) {
    const spans = [...envSpans, ...mavenSpans, ...fillInSpans].sort((a, b) => a.start - b.start);
    const engines: TemplateEngine[] = [
      ...(envSpans.length ? ['env' as const] : []),
      ...(mavenSpans.length ? ['maven' as const] : []),
      ...(fillInSpans.length ? ['fill-in' as const] : []),
    ];
    return spans.length > 0 ? { engines, spans, masked: textOf(chars), branches: [] } : undefined;
  }
  const blank = (out: Uint16Array, start: number, end: number) => {
    for (let k = start; k < end; k++) if (out[k] !== LF && out[k] !== CR) out[k] = SPACE;
  };
  const spans: TemplateSpan[] = [];
  for (const t of tags) {
    const source = text.slice(t.start, t.end);
    const alone = aloneOnLine(text, t.start, t.end) || /[\r\n]/.test(source) || rendersBlockBelow(text, t, source);
    // An include inside a line (`Name={{ include "x.name" . }}`) is a value like any other.
    const kind =
      (t.kind === 'value' || t.kind === 'generated') && !alone ? 'value' : t.kind === 'value' ? 'generated' : t.kind;
    spans.push({
      kind,
      engine: t.engine,
      text: source,
      start: t.start,
      end: t.end,
      range: index.rangeAt(t.start, t.end),
      inline: kind === 'directive' && !alone,
    });
    if (kind === 'value')
      overwrite(chars, t.start, placeholder(source, 2, t.engine === 'groovy' || t.engine === 'terraform' ? 1 : 2));
    else blank(chars, t.start, t.end);
  }
  const emptiedLines = yaml ? hoistTrimmedLines(chars, tags, text, index) : [];
  const masked = textOf(chars);
  const { elseRegions, branches } = conditionals(tags, text, index);
  let firstBranch: string | undefined;
  if (elseRegions.length > 0) {
    const alt = chars.slice();
    for (const [start, end] of elseRegions) blank(alt, start, end);
    firstBranch = textOf(alt);
  }
  const engines = [...new Set(tags.map((t) => t.engine))];
  // `{{ x }}` reads alike in Go and Mustache: a file with Mustache's own tags (sections, comments, partials) is Mustache.
  if (engines.includes('mustache') && engines.includes('go')) engines.splice(engines.indexOf('go'), 1);
  if (envSpans.length > 0) engines.push('env');
  if (mavenSpans.length > 0) engines.push('maven');
  if (fillInSpans.length > 0) engines.push('fill-in');
  const all = [...spans, ...envSpans, ...mavenSpans, ...fillInSpans].sort((a, b) => a.start - b.start);
  return {
    engines,
    spans: all,
    masked,
    firstBranch,
    branches,
    ...(emptiedLines.length > 0 && { emptiedLines: new Set(emptiedLines) }),
  };
}

/** `@project.version@`, `'@spring.profiles.active@'`: a name of two characters or more between `@`s. */
const MAVEN_PLACEHOLDER = /@[A-Za-z_][\w.-]*\w@/g;

/**
 * Whether Maven resource filtering replaces `@name@` in this file when the app is built: the Spring Boot parent
 * POM filters `application*.yml|yaml|properties` under `src/main/resources` with `resource.delimiter` `@`
 * (https://docs.spring.io/spring-boot/how-to/properties-and-configuration.html#howto.properties-and-configuration.expand-properties.maven).
 */
export function mavenFiltered(filePath: string): boolean {
  return /(?:^|[\\/])src[\\/]main[\\/]resources[\\/](?:[^\\/]+[\\/])*application[^\\/]*\.(?:ya?ml|properties)$/.test(
    filePath,
  );
}

/**
 * `${VAR}` (with a shell default), or `$VAR` whose name starts with a capital or `_` and may go on in mixed case
 * (`$CHANNELa`, `$QMnamea`: jjodl/mqoncp4i's unicluster.yaml_template, filled by envsubst). A name starting lower case
 * (`$host`, `$remote_addr`) is left alone: in an nginx template it is nginx's own variable, which envsubst must keep.
 */
const ENV_PLACEHOLDER = /\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-=?+][^}]*)?\}|\$[A-Z_][A-Za-z0-9_]*/g;

/** The matches of a placeholder pattern outside the template tags, as template values of that engine. */
function placeholderSpans(
  text: string,
  index: LineIndex,
  tags: Tag[],
  pattern: RegExp,
  engine: TemplateEngine,
  unknownBecause?: string,
): TemplateSpan[] {
  const spans: TemplateSpan[] = [];
  for (const m of text.matchAll(pattern)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (tags.some((t) => t.start < end && start < t.end)) continue;
    const range = index.rangeAt(start, end);
    spans.push({ kind: 'value', engine, text: m[0], start, end, range, ...(unknownBecause ? { unknownBecause } : {}) });
  }
  return spans;
}

/**
 * A Go tag alone on its line that trims the whitespace before it (`{{- if … }}`, `{{- include … | nindent 4 }}`) takes
 * its line away when rendered, line break before it included. Blanked, it left a line of spaces: inside a block scalar
 * (`- |` then `{{- if eq … "auto" }}` then the script: bitnami/charts@5165628 redis and valkey) a line more indented than
 * the text after it, which YAML refuses ("more-indented leading empty lines"). Its spaces move to the end of the line
 * before, whose line break moves down: no other character moves, so every position the parsers report stays.
 * Bottom-up, so that a run of such lines all empty into the line above them. YAML only: trailing blanks end no YAML
 * value, but a `.properties` value keeps them (java.util.Properties trims only leading ones). Returns the lines emptied.
 */
function hoistTrimmedLines(
  chars: Uint16Array,
  tags: readonly { engine: string; start: number; end: number }[],
  text: string,
  index: LineIndex,
): number[] {
  const emptied: number[] = [];
  for (let i = tags.length - 1; i >= 0; i--) {
    const t = tags[i]!;
    // `{{ if … -}}` alone on its line renders nothing there either: its trim takes the line break and the next line's
    // indentation (IBM/charts@951c317 community/gitlab/templates/application.yaml: `notes: |-` then `{{ if not … -}}`).
    if (t.engine !== 'go' || !(text.startsWith('{{-', t.start) || text.startsWith('-}}', t.end - 3))) continue;
    // Line breaks as they stand now: a line below may already have emptied into this one.
    let lineStart = t.start;
    while (lineStart > 0 && chars[lineStart - 1] !== LF) lineStart--;
    let lineEnd = t.end;
    while (lineEnd < chars.length && chars[lineEnd] !== LF) lineEnd++;
    if (lineStart < 2 || lineEnd === chars.length || chars[lineStart - 2] === CR) continue;
    let blank = true;
    for (let k = lineStart; k < lineEnd && blank; k++) blank = chars[k] === SPACE || chars[k] === TAB;
    if (!blank) continue;
    chars[lineStart - 1] = SPACE;
    chars[lineEnd - 1] = LF;
    emptied.push(index.positionAt(t.start).line);
  }
  return emptied;
}

/**
 * A Go template output that ends its line with `| nindent N` writes a newline and an indented block: what the key before
 * it (`labels: {{- include "common.labels.standard" … | nindent 4 }}`) holds starts on the next line, where the lines
 * after it may go on (bitnami/charts@5165628: minio, redis, valkey, grafana templates). Generated lines, like an
 * include alone on its line, not a value in the line: as `${…}` the key held a scalar and the lines below broke the YAML.
 */
function rendersBlockBelow(text: string, t: { engine: string; start: number; end: number }, source: string): boolean {
  return t.engine === 'go' && /\|\s*nindent\s+\d+\s*-?\}\}$/.test(source) && blankToLineEnd(text, t.end);
}

/**
 * `{{ .Env.PORT }}` → `${_Env_PORT____}`: same length, one word, an identifier parsers know as a placeholder.
 * `edge`: the width of the delimiters on each side (2 for `{{ }}`, 1 for Maven's `@ @`).
 */
function placeholder(source: string, edge = 2, right = edge): string {
  const inner = source
    .slice(edge, -right)
    .replace(/^[-+=~]+/, '')
    .replace(/[-+]$/, '')
    .trim();
  let name = inner.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z_]/.test(name)) name = `_${name}`;
  const width = source.length - 3;
  name = (name + '_'.repeat(width)).slice(0, width);
  return `\${${name}}`;
}

/** The template span a range rests on (a value, generated lines or a directive inside the line), if any. */
export function templateSpanAt(info: TemplateInfo, range: Range): TemplateSpan | undefined {
  const before = (a: Range['start'], b: Range['start']) =>
    a.line < b.line || (a.line === b.line && a.character < b.character);
  const same = (a: Range['start'], b: Range['start']) => a.line === b.line && a.character === b.character;
  // An empty range (a parser's error position) is a point: on the span from its first character.
  const point = same(range.start, range.end);
  return info.spans.find(
    (s) =>
      (s.kind === 'value' || s.kind === 'generated' || s.inline) &&
      !s.substituted &&
      (before(s.range.start, range.end) || (point && same(s.range.start, range.start))) &&
      before(range.start, s.range.end),
  );
}

/** The Helm values put in (chart defaults) that a range rests on. */
export function substitutedSpansAt(info: TemplateInfo, range: Range): TemplateSpan[] {
  const before = (a: Range['start'], b: Range['start']) =>
    a.line < b.line || (a.line === b.line && a.character < b.character);
  const same = (a: Range['start'], b: Range['start']) => a.line === b.line && a.character === b.character;
  return info.spans.filter(
    (s) =>
      s.substituted &&
      (before(s.range.start, range.end) || same(s.range.start, range.start)) &&
      before(range.start, s.range.end),
  );
}

/** The innermost conditional branch a position lies in, if any. */
export function templateBranchAt(info: TemplateInfo, at: Range['start']): TemplateBranch | undefined {
  const le = (a: Range['start'], b: Range['start']) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  let found: TemplateBranch | undefined;
  for (const b of info.branches)
    if (le(b.range.start, at) && le(at, b.range.end) && (!found || le(found.range.start, b.range.start))) found = b;
  return found;
}
