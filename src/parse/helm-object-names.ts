/**
 * A ConfigMap's or Secret's name as a Helm chart's template writes it (`{{ .Release.Name }}-mqsc`,
 * `{{ include "x.fullname" . }}-config`), normalised so that two writings that render alike in every release are one
 * text: Go's trim markers applied (`{{-` removes the white space before it, `-}}` after), the white space inside each
 * action collapsed. Only actions that mean the same in every template of the chart count: what they read is the release
 * (`.Release`, `.Chart`, `.Values`, `.Capabilities`, a named template given `.` or `$`) and `.` is the chart's root
 * there (no enclosing `range`, `with` or `define` rebinds it). A `$variable` (a template's own), `.Template` (the
 * file's own) or a rebound `.` leaves the name a template value, unknown until rendered
 * (https://helm.sh/docs/chart_template_guide/control_structures/#modifying-scope-using-with,
 * https://pkg.go.dev/text/template#hdr-Text_and_spaces).
 */
import type { Range } from '../core/types';
import type { TemplateInfo } from './template';
import { LineIndex } from './text';
import type { SourceFile } from './types';

const ACTION = /\{\{(-?)\s*([\s\S]*?)\s*(-?)\}\}/g;
/** A directive that opens a block rebinding `.` (`range`, `with`, a `define`'s own argument), or one that does not. */
const OPENS = /^\{\{-?\s*(if|range|with|define|block)\b/;
const REBINDS = new Set(['range', 'with', 'define', 'block']);
const ENDS = /^\{\{-?\s*end\b/;
/** A template variable other than `$` (the root). */
const OWN_VARIABLE = /\$\w/;
/** `.Template.Name` is the file's own name. */
const FILE_OWN = /(^|[\s(])\.Template\b/;

/** The chart a template belongs to: the directory above its (last) `templates` directory; undefined outside one. */
export function chartOf(file: string): string | undefined {
  const parts = file.split(/[\\/]/);
  const at = parts.lastIndexOf('templates');
  return at >= 1 ? parts.slice(0, at).join('/') : undefined;
}

/**
 * The name written at `range` of a chart's template, normalised (see the header); undefined when the file is no chart
 * template, the name holds no action, or an action of it may render differently in another template of the chart.
 */
export function releaseWideName(
  doc: { file: SourceFile; template?: TemplateInfo | undefined },
  range: Range,
): string | undefined {
  if (chartOf(doc.file.path) === undefined) return undefined;
  const text = doc.file.text;
  const index = new LineIndex(text);
  const start = index.offsetAt(range.start);
  const written = text
    .slice(start, index.offsetAt(range.end))
    .trim()
    .replace(/^(["'])(.*)\1$/s, '$2');
  if (!written.includes('{{')) return undefined;
  let releaseWide = true;
  const normalised = written
    .replace(/\s*\{\{-/g, '{{')
    .replace(/-\}\}\s*/g, '}}')
    .replace(ACTION, (_all, _left: string, inner: string) => {
      if (OWN_VARIABLE.test(inner) || FILE_OWN.test(inner)) releaseWide = false;
      return `{{ ${inner.replace(/\s+/g, ' ')} }}`;
    });
  if (!releaseWide || (/(^|[\s(])\./.test(written) && dotRebound(doc.template, start))) return undefined;
  return normalised;
}

/** Whether a block that rebinds `.` encloses `offset` (the template's directives before it, in order). */
function dotRebound(template: TemplateInfo | undefined, offset: number): boolean {
  if (!template) return false;
  const open: boolean[] = [];
  for (const span of template.spans) {
    if (span.start >= offset) break;
    if (span.kind !== 'directive' || span.engine !== 'go') continue;
    const opens = OPENS.exec(span.text);
    if (opens) open.push(REBINDS.has(opens[1]!));
    else if (ENDS.test(span.text)) open.pop();
  }
  return open.includes(true);
}
