import type { Node } from 'yaml';
import type { Range } from '../core/types';
import { RenderedText, type Replacement } from './rendered';
import { MAX_YAML_DEPTH, yamlNestingDepth } from './spring';
import { scanTemplate, type TemplateInfo, type TemplateSpan } from './template';
import { LineIndex, yamlLineBreaks } from './text';
import { yaml, yamlTextErrors } from './yaml-flatten';
import { isSecretKey, type ParseProblem } from './types';

/**
 * Helm charts: a plain `{{ .Values.a.b }}` (optionally `| quote`, with trim markers) in a chart's
 * `templates/` renders to the default the chart's `values.yaml` gives, so the configuration it feeds
 * is checked with that value; anything else (`include`, `.Release`, `default`, `tpl`, conditions, a
 * value inside `range`/`with` where `.` is rebound) stays unknown. The rendering keeps a position map
 * (src/parse/rendered.ts) so findings point at the `{{ … }}` in the template, with the `values.yaml`
 * line as provenance. An install-time `--set`/`-f` overrides these defaults: they are what the chart
 * deploys when nothing is overridden.
 */

/** A value looked up in values.yaml: its rendered text, or why it has none. */
export type HelmLookup =
  | { found: true; text: string; range: Range; secret: boolean; documentedSecretName?: true }
  | { found: false; why: string; range?: Range };

/** One chart's `values.yaml`, parsed with positions. */
export class HelmValues {
  readonly problems: ParseProblem[] = [];
  private readonly root: Node | null = null;
  private readonly index: LineIndex;

  constructor(
    readonly file: string,
    private readonly text: string,
  ) {
    this.index = new LineIndex(text);
    const depth = yamlNestingDepth(text);
    if (depth > MAX_YAML_DEPTH) {
      this.problem(`Helm values nested ${depth} levels deep (over ${MAX_YAML_DEPTH}): not read`, 0, 0);
      return;
    }
    try {
      // Helm reads a values.yaml's first YAML document only (helm/helm@v3.16.0 pkg/chartutil/values.go ReadValues:
      // sigs.k8s.io/yaml's Unmarshal, go-yaml's "decodes the first document found"): a `---` after it, and any
      // document after that, is no error (CDCgov/NEDSS-Helm@1a36127 charts/dibbs/values.yaml ends with `---`).
      const [doc, ...later] = yaml().parseAllDocuments(yamlLineBreaks(text), { uniqueKeys: false });
      if (!doc) return;
      const error = yamlTextErrors(doc)[0];
      const ignored = later.filter(
        (d) => d.contents !== null && !(yaml().isScalar(d.contents) && d.contents.value === null),
      );
      if (!error && ignored[0]?.range)
        this.problems.push({
          code: 'helm-values-later-documents',
          severity: 'info',
          message: `values.yaml holds ${ignored.length} more YAML document(s) after the first: Helm reads only the first, so none of their values is a default of the chart`,
          range: this.index.rangeAt(ignored[0].range[0], ignored[0].range[0]),
        });
      const tag = error && templateTagBefore(text, error.pos[0]);
      if (tag)
        // A values.yaml that is itself a template (`repository: {{ harbor_url }}/app`, filled by Ansible before Helm
        // reads it): it is YAML only once rendered, so its values are unknown, not broken (as for other templates).
        this.problem(
          `Helm values depend on template value ${tag.text}, unknown until the template is rendered (not YAML as written)`,
          tag.start,
          tag.end,
          'info',
        );
      else if (error)
        this.problem(
          `Helm values are not valid YAML: ${(error.message.split('\n')[0] ?? '').replace(/:$/, '')}`,
          ...error.pos,
        );
      else this.root = doc.contents;
    } catch (error) {
      this.problem(`Helm values are not valid YAML: ${(error as Error).message.split('\n')[0]}`, 0, 0);
    }
  }

  private problem(reason: string, start: number, end: number, severity: ParseProblem['severity'] = 'error'): void {
    this.problems.push({
      code: 'invalid-yaml',
      severity,
      message: `${reason}; the chart's {{ .Values.… }} stay unknown`,
      range: this.index.rangeAt(start, end),
    });
  }

  /** Whether the file parsed (else every value is unknown). */
  get readable(): boolean {
    return this.problems.every((p) => p.code !== 'invalid-yaml');
  }

  /** The node at a key path: undefined when a key is missing, null when one is not a map. */
  private nodeAt(path: string[]): { node: Node | null; range?: Range } | undefined {
    let node: Node | null = this.root;
    let range: Range | undefined;
    for (const key of path) {
      if (!yaml().isMap(node)) return { node: null, range };
      const pairs = node.items.filter((p) => yaml().isScalar(p.key) && String(p.key.value) === key);
      const [pair, ...others] = pairs;
      if (!pair) return undefined;
      // Duplicate keys: which one Helm keeps is not worth predicting.
      if (others.length > 0) return { node: null, range };
      node = pair.value as Node | null;
      const at = (node ?? pair.key) as Node;
      range = at.range ? this.index.rangeAt(at.range[0], at.range[1]) : undefined;
    }
    return { node, range };
  }

  /** The text `{{ .Values.<path> }}` renders to, Go's printing of the value Helm read. */
  lookup(path: string[]): HelmLookup {
    if (!this.readable) return { found: false, why: 'the chart values.yaml does not parse' };
    const at = this.nodeAt(path);
    if (!at) return { found: false, why: 'the chart values.yaml has no default for it' };
    const { node, range } = at;
    if (!node || (yaml().isScalar(node) && node.value === null))
      return { found: false, why: 'its default in values.yaml is empty (null)', range };
    if (!yaml().isScalar(node) || !node.range)
      return { found: false, why: 'its default in values.yaml is not a single value', range };
    const source = this.text.slice(node.range[0], node.range[1]);
    const text = scalarText(node.value, node.type === 'PLAIN', source);
    if (text === undefined)
      return { found: false, why: `how Helm prints its default ${printable(source)} is not predicted`, range };
    if (text.includes('\n') || text.includes('\r'))
      return {
        found: false,
        why: 'its default is several lines (their indentation once rendered is not predicted)',
        range,
      };
    const documented = SECRET_NAME_COMMENT.test(this.commentAbove((range as Range).start.line));
    return {
      found: true,
      text,
      range: range as Range,
      secret: path.some(isSecretKey),
      ...(documented && { documentedSecretName: true as const }),
    };
  }

  /** The comment lines right above line `line` (a key's own documentation), joined. */
  private commentAbove(line: number): string {
    const lines = this.text.split(/\r\n|\r|\n/);
    const comments: string[] = [];
    for (let at = line - 1; at >= 0 && /^\s*#/.test(lines[at] ?? ''); at--) comments.unshift(lines[at]!);
    return comments.join(' ');
  }
}

/**
 * A values.yaml comment saying the key holds a Kubernetes Secret's name, not a secret: `# Secret name containing client
 * authorization data` (IBM/charts@951c317 entitled/ibm-cloud-appmgmt-prod/values.yaml), `# Name of an existing secret`,
 * `# The name of the Kubernetes secret that holds…`.
 */
const SECRET_NAME_COMMENT =
  /\bsecret\s+name\b|\bname\s+of\s+(?:the\s+|an?\s+)?(?:existing\s+)?(?:kubernetes\s+|k8s\s+)?secret\b|\bexisting\s+secret\b/i;

/** Plain scalars YAML 1.1 (Helm's reader) types differently from YAML 1.2: `yes`, `on`, `0777`, `1:30`, dates. */
const YAML11_AMBIGUOUS =
  /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$|^[-+.]?[0-9][0-9a-fA-FxXoObB_:.+-]*$|^\d{4}-\d\d?-\d\d?/;

/**
 * Go's printing of a value Helm read from YAML (through JSON: numbers are float64, printed in %v's
 * shortest form, 1e+06 from a million on): decimal integers under a million, booleans and strings
 * whose type YAML 1.1 and 1.2 agree on; undefined for anything else.
 */
function scalarText(value: unknown, plain: boolean, source: string): string | undefined {
  if (typeof value === 'boolean') return /^(true|false)$/i.test(source) ? String(value) : undefined;
  if (typeof value === 'number')
    return /^-?(0|[1-9][0-9]{0,5})$/.test(source) && Math.abs(value) < 1e6 ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  if (plain && YAML11_AMBIGUOUS.test(source)) return undefined;
  return value;
}

function printable(source: string): string {
  return source.length > 40 ? `${source.slice(0, 40)}…` : source;
}

/** Go's `%q` of a string (Helm's `quote`); undefined for control characters it escapes in other ways. */
function goQuote(text: string): string | undefined {
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text)) return undefined;
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\t/g, '\\t')}"`;
}

/**
 * Where a chart's values come from, in Helm's order: a subchart's values are first those its parent
 * gives under the subchart's name (and `global`), then its own values.yaml.
 */
export interface HelmValuesChain {
  /** Parent chart values and the key prefix the subchart's values sit under (`[subchart name]`). */
  parent?: { values: HelmValues; name: string };
  values: HelmValues;
}

export function lookupValue(chain: HelmValuesChain, path: string[]): HelmLookup & { file: string } {
  if (chain.parent) {
    const { values, name } = chain.parent;
    if (!values.readable)
      return { found: false, why: 'the parent chart values.yaml does not parse', file: values.file };
    const parentPath = path[0] === 'global' ? path : [name, ...path];
    const fromParent = values.lookup(parentPath);
    if (fromParent.found || fromParent.range) return { ...fromParent, file: values.file };
  }
  return { ...chain.values.lookup(path), file: chain.values.file };
}

/** `{{ .Values.a.b }}`, `{{- $.Values.a.b | quote -}}`: the key path, whether quoted, whether rooted at `$`. */
const PLAIN_VALUES =
  /^\{\{(-[ \t\r\n])?\s*(\$?)\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)\s*(\|\s*quote\s*)?([ \t\r\n]-)?\}\}$/;

/** A Go control tag's body (`if`, `end`…) without its delimiters and trim markers. */
function tagBody(text: string): string {
  return text
    .slice(2, -2)
    .replace(/^-?\s*/, '')
    .replace(/\s*-?$/, '')
    .trim();
}

export interface HelmRendering {
  /** The text with template syntax set aside and the chart defaults put in. */
  masked: RenderedText;
  /** The same for the first-branch reading, when the template has one. */
  firstBranch?: RenderedText;
  substituted: number;
}

/**
 * Puts the chart defaults into a template's plain `{{ .Values.x }}` values, marking each span it fills
 * (`substituted`) or leaves unknown with a reason (`unknownBecause`). Undefined when no value is put in.
 */
export function renderHelmValues(
  source: string,
  template: TemplateInfo,
  chain: HelmValuesChain,
): HelmRendering | undefined {
  const replacements: Replacement[] = [];
  // `.` is the root only outside `with`/`range` (there `$` still is) and outside `define` (a partial's argument).
  const blocks: string[] = [];
  for (const span of template.spans) {
    if (span.engine !== 'go') continue;
    if (span.kind === 'directive') {
      const word = /^\w+/.exec(tagBody(span.text))?.[0] ?? '';
      if (['if', 'range', 'with', 'define', 'block'].includes(word)) blocks.push(word);
      else if (word === 'end') blocks.pop();
      continue;
    }
    if (span.kind !== 'value' && span.kind !== 'generated') continue;
    const m = PLAIN_VALUES.exec(span.text);
    if (!m) continue;
    const [, trimBefore, rooted, keys, quoted, trimAfter] = m;
    if (blocks.includes('define') || blocks.includes('block')) continue;
    if (!rooted && (blocks.includes('with') || blocks.includes('range'))) {
      span.unknownBecause = '`.` is not the chart root inside with/range';
      continue;
    }
    const path = keys!.slice(1).split('.');
    const value = lookupValue(chain, path);
    if (!value.found) {
      span.unknownBecause = value.why;
      continue;
    }
    const text = quoted ? goQuote(value.text) : value.text;
    if (text === undefined) {
      span.unknownBecause = 'how Helm quotes its default is not predicted';
      continue;
    }
    span.substituted = {
      key: `.Values${keys}`,
      value: text,
      from: { file: value.file, range: value.range },
      secret: value.secret || isSecretKey(keyBefore(source, span.start)),
      ...(value.documentedSecretName && { documentedSecretName: true }),
    };
    const floor = replacements[replacements.length - 1]?.cutEnd ?? 0;
    replacements.push(trimmed(source, span, text, floor, trimBefore !== undefined, trimAfter !== undefined));
  }
  if (replacements.length === 0) return undefined;
  const masked = new RenderedText(source, template.masked, replacements);
  const firstBranch =
    template.firstBranch === undefined
      ? undefined
      : new RenderedText(
          source,
          template.firstBranch,
          // A value inside a blanked `else` branch is not put back.
          replacements.filter((r) => template.firstBranch?.slice(r.spanStart, r.spanEnd).trim() !== ''),
        );
  return { masked, firstBranch, substituted: replacements.length };
}

/** The key a value is written after on its line (`keystorePass="{{ … }}"` → keystorePass), to know a secret. */
function keyBefore(source: string, at: number): string {
  const line = source.slice(source.lastIndexOf('\n', at - 1) + 1, at);
  return /([\w.-]+)\s*[=:]?\s*["'(]?\s*$/.exec(line)?.[1] ?? '';
}

/** The last template tag of the text that starts at or before `offset` (a YAML error there may be the template's). */
function templateTagBefore(text: string, offset: number): TemplateSpan | undefined {
  const first = text.indexOf('{{');
  if (first < 0 || first > offset) return undefined;
  return scanTemplate(text)
    ?.spans.filter((span) => span.start <= offset)
    .at(-1);
}

/** `{{-` eats every whitespace character before the tag, `-}}` every one after it (Go text/template). */
function trimmed(
  source: string,
  span: TemplateSpan,
  text: string,
  floor: number,
  before: boolean,
  after: boolean,
): Replacement {
  let cutStart = span.start;
  let cutEnd = span.end;
  if (before) while (cutStart > floor && /[ \t\r\n]/.test(source.charAt(cutStart - 1))) cutStart--;
  if (after) while (cutEnd < source.length && /[ \t\r\n]/.test(source.charAt(cutEnd))) cutEnd++;
  return { cutStart, cutEnd, spanStart: span.start, spanEnd: span.end, text };
}
