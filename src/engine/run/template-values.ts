import * as path from 'node:path';
import type { Finding, Location, RelatedLocation } from '../../core/types';
import type { ParsedDocument } from '../../parse/types';
import { SCRIPT_SUBSTITUTIONS_KIND, type ScriptSubstitutionsData } from '../../parse/script-substitutions';
import { LineIndex } from '../../parse/text';
import {
  substitutedSpansAt,
  templateBranchAt,
  templateSpanAt,
  type TemplateInfo,
  type TemplateSpan,
} from '../../parse/template';

/**
 * Unknown is not an error: a finding that rests on a template value (`{{ .Env.SSL_PROTOCOLS }}`,
 * `${NGINX_PORT}` in a `.template`) is about a value nobody knows until the template is rendered.
 * Errors and warnings whose location — or a related location that decides them — lies on such a value
 * become infos that say which template value they depend on, with that value as a related location.
 * A related place the rule marks `role: 'context'` (named for the reader, no value there could make the
 * finding false) defers nothing, nor does the finding's own place when the rule marks it so (`locationRole`). A finding on a Helm value rendered with the chart's default keeps its
 * severity and names the values.yaml line the value came from.
 */
export function deferTemplateValues(findings: Finding[], documents: ParsedDocument[]): Finding[] {
  const templates = new Map<string, TemplateInfo>();
  const add = (file: string, template: TemplateInfo) => {
    // Several documents of one file (heredocs of one script) each bring their own spans.
    const known = templates.get(file);
    templates.set(
      file,
      known && known !== template
        ? {
            ...known,
            spans: [...known.spans, ...template.spans],
            branches: [...known.branches, ...template.branches],
            copied: [...(known.copied ?? []), ...(template.copied ?? [])],
          }
        : template,
    );
  };
  for (const doc of documents) if (doc.template) add(doc.file.path, doc.template);
  const scripted = scriptFilledValues(documents);
  for (const [file, { template }] of scripted) add(file, template);
  if (templates.size === 0) return findings;
  const spanOf = (location: Location): TemplateSpan | undefined => {
    const info = templates.get(location.file);
    return info && location.range ? templateSpanAt(info, location.range) : undefined;
  };
  return findings.map((finding) =>
    asWritten(filledByScript(deferred(finding, templates, spanOf), templates, scripted), templates),
  );
}

/**
 * A file's fill-in placeholders (`keystorePass="<changeit>"`: parse/template-placeholders) that a script of the tree
 * replaces with sed: the info says which line fills each in (JeffTsengTwn/tomcat_letsencrypt_setup@e599562's
 * tomcat_ssl.sh), with that line as a related place.
 */
function filledByScript(
  finding: Finding,
  templates: Map<string, TemplateInfo>,
  scripted: Map<string, ScriptFilled>,
): Finding {
  const filled = finding.ruleId === 'parse/template-placeholders' && scripted.get(finding.location.file);
  if (!filled) return finding;
  const fillIns = new Set(
    (templates.get(finding.location.file)?.spans ?? []).filter((s) => s.engine === 'fill-in').map((s) => s.text),
  );
  const literals = [...new Set(filled.template.spans.map((s) => s.text))].filter((t) => fillIns.has(t));
  if (literals.length === 0) return finding;
  const by = literals.map((literal) => filled.by.get(literal)!);
  return {
    ...finding,
    message: `${finding.message}; ${literals.map((literal, i) => `${by[i]!.line} replaces ${literal} when it runs`).join('; ')}`,
    related: [
      ...(finding.related ?? []),
      ...by.map(({ at }, i) => ({
        ...at,
        message: `this script replaces ${literals[i]} with the value it puts there`,
      })),
    ],
  };
}

/** A finding resting on a template value becomes an info naming it; others say the chart default or branch they take. */
function deferred(
  finding: Finding,
  templates: Map<string, TemplateInfo>,
  spanOf: (location: Location) => TemplateSpan | undefined,
): Finding {
  let file = finding.location.file;
  let span = finding.locationRole === 'context' ? undefined : spanOf(finding.location);
  for (const related of deciding(finding)) {
    if (span) break;
    span = spanOf(related);
    file = related.file;
  }
  if (span) {
    const because = span.unknownBecause ? ` (${span.unknownBecause})` : '';
    // Inside a conditional, the branch matters as much as the value (m11y/ansible-tomcat@1f7813d: the AJP connector
    // sits under `{% if tomcat_ajp_port != -1 %}`, and the role's default is -1).
    return inBranch(
      {
        ...finding,
        severity: 'info',
        message: `${finding.message} — depends on template value ${span.text}, unknown until the template is rendered${because}`,
        related: [...(finding.related ?? []), { file, range: span.range, message: `template value ${span.text}` }],
      },
      templates,
    );
  }
  return inBranch(withChartDefaults(finding, templates), templates);
}

/**
 * The parsers read `${name___}` where a template value stands (src/parse/template.ts): a message quoting one
 * (`AJP connector ${tomcat_ajp_port___}`, `nginx server ${_hostname___}`), or a related place's message (`nginx server
 * … names /etc/ssl/${item_certificate___} here` on an expired certificate, shyanta/part-up@750c780), shows the value as
 * written instead.
 */
function asWritten(finding: Finding, templates: Map<string, TemplateInfo>): Finding {
  const locations = [finding.location, ...(finding.related ?? [])];
  const rewrite = (text: string): string => {
    if (!text.includes('${')) return text;
    let written = text;
    for (const location of locations) {
      const info = templates.get(location.file);
      for (const span of info?.spans ?? []) {
        const masked = info?.masked.slice(span.start, span.end) ?? '';
        if (!span.substituted && masked !== span.text && masked.startsWith('${') && written.includes(masked))
          written = written.split(masked).join(span.text);
      }
    }
    return written;
  };
  const message = rewrite(finding.message);
  const related = finding.related?.map((r) => {
    const said = rewrite(r.message);
    return said === r.message ? r : { ...r, message: said };
  });
  const same = message === finding.message && (related ?? []).every((r, i) => r === finding.related?.[i]);
  return same ? finding : { ...finding, message, ...(related ? { related } : {}) };
}

/** The related places whose values decide the finding: all but those the rule names as context. */
function deciding(finding: Finding): RelatedLocation[] {
  return (finding.related ?? []).filter((r) => r.role !== 'context');
}

/**
 * A finding on a value put in from the chart's values.yaml, or from the `.env` beside a Compose file: says so, with
 * the values.yaml (`.env`) line.
 */
function withChartDefaults(finding: Finding, templates: Map<string, TemplateInfo>): Finding {
  const used = new Map<string, TemplateSpan>();
  for (const location of [finding.location, ...deciding(finding)]) {
    const info = templates.get(location.file);
    if (info && location.range)
      // A finding on the `.env` itself, naming a Compose file that takes its value, is already where the value is.
      for (const span of substitutedSpansAt(info, location.range))
        if (span.substituted?.from.file !== finding.location.file) used.set(span.substituted?.key ?? '', span);
  }
  if (used.size === 0) return finding;
  const spans = [...used.values()];
  const fromEnv = spans.filter((s) => s.engine === 'compose').map((s) => s.substituted?.key ?? '');
  const fromChart = spans.filter((s) => s.engine !== 'compose').map((s) => s.substituted?.key ?? '');
  const related: RelatedLocation[] = spans.flatMap((span) =>
    span.substituted
      ? [
          {
            ...span.substituted.from,
            message:
              span.engine === 'compose'
                ? `${span.substituted.key}: the value .env gives (the environment of the shell that runs docker compose overrides it)`
                : `${span.substituted.key}: the chart's default (an install-time --set or -f overrides it)`,
          },
        ]
      : [],
  );
  const said = [
    ...(fromChart.length ? [`with the chart's default ${fromChart.join(', ')} from values.yaml`] : []),
    ...(fromEnv.length ? [`with ${fromEnv.join(', ')} from .env`] : []),
  ];
  return {
    ...finding,
    message: `${finding.message} (${said.join('; ')})`,
    related: [...(finding.related ?? []), ...related],
  };
}

/** A finding inside a conditional is true of that branch: says which one. */
function inBranch(finding: Finding, templates: Map<string, TemplateInfo>): Finding {
  const info = templates.get(finding.location.file);
  const at = finding.location.range?.start;
  // A file the script copies in is named (with the branch it is copied in, if any), else the branch.
  const copied =
    at && info?.copied?.find((c) => c.range.start.line === at.line && c.range.start.character === at.character);
  const branch = copied ?? (info && at ? templateBranchAt(info, at) : undefined);
  if (!branch) return finding;
  if (branch.clause)
    return {
      ...finding,
      message: `${finding.message} (${branch.clause})`,
      related: [
        ...(finding.related ?? []),
        branch.related
          ? { ...branch.related, file: branch.related.file ?? finding.location.file }
          : { file: finding.location.file, range: branch.range, message: branch.clause },
      ],
    };
  return {
    ...finding,
    message: `${finding.message} (when the template takes the branch ${branch.condition})`,
    related: [
      ...(finding.related ?? []),
      { file: finding.location.file, range: branch.range, message: `template branch ${branch.condition}` },
    ],
  };
}

/**
 * The literals a script of the deployment replaces with `sed` (`s/<changeit>/'${password}'/` over server.xml), where
 * other files of the deployment hold them: template values, unknown until the script runs. A file holding
 * `keystorePass="<changeit>"` is not the file the server reads, so its XML error there is the script's placeholder.
 */
function scriptFilledValues(documents: ParsedDocument[]): Map<string, ScriptFilled> {
  const by = new Map<string, ScriptLine>();
  for (const doc of documents) {
    if (doc.kind !== SCRIPT_SUBSTITUTIONS_KIND) continue;
    for (const { literal, range } of (doc.data as ScriptSubstitutionsData).substitutions)
      if (!by.has(literal))
        by.set(literal, {
          line: `${path.basename(doc.file.path)}:${range.start.line + 1}`,
          at: { file: doc.file.path, range },
        });
  }
  const literals = new Map([...by].map(([literal, { line }]) => [literal, `${line} replaces it when it runs`]));
  const out = new Map<string, ScriptFilled>();
  if (literals.size === 0) return out;
  const scripts = new Set(documents.filter((d) => d.kind === SCRIPT_SUBSTITUTIONS_KIND).map((d) => d.file.path));
  for (const doc of documents) {
    const file = doc.file.path;
    if (out.has(file) || scripts.has(file) || !doc.file.text) continue;
    const text = doc.file.text;
    let index: LineIndex | undefined;
    const spans: TemplateSpan[] = [];
    for (const [literal, because] of literals) {
      for (let at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + literal.length)) {
        index ??= new LineIndex(text);
        spans.push({
          kind: 'value',
          engine: 'script',
          text: literal,
          start: at,
          end: at + literal.length,
          range: index.rangeAt(at, at + literal.length),
          unknownBecause: because,
        });
      }
    }
    if (spans.length) out.set(file, { template: { engines: ['script'], spans, masked: text, branches: [] }, by });
  }
  return out;
}

/** The script line that replaces a literal (`tomcat_ssl.sh:2`), and its place. */
interface ScriptLine {
  line: string;
  at: Location;
}

/** A file's values that scripts of the tree fill in, and the script line that fills each literal. */
interface ScriptFilled {
  template: TemplateInfo;
  by: ReadonlyMap<string, ScriptLine>;
}
