import type { Finding, Location, RelatedLocation } from '../../core/types';
import type { ParsedDocument } from '../../parse/types';
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
 * Errors and warnings whose location — or a related location — lies on such a value become infos
 * that say which template value they depend on, with that value as a related location. A finding on
 * a Helm value rendered with the chart's default keeps its severity and names the values.yaml line
 * the value came from.
 */
export function deferTemplateValues(findings: Finding[], documents: ParsedDocument[]): Finding[] {
  const templates = new Map<string, TemplateInfo>();
  for (const doc of documents) {
    if (!doc.template) continue;
    // Several documents of one file (heredocs of one script) each bring their own spans.
    const known = templates.get(doc.file.path);
    templates.set(
      doc.file.path,
      known && known !== doc.template ? { ...known, spans: [...known.spans, ...doc.template.spans] } : doc.template,
    );
  }
  if (templates.size === 0) return findings;
  const spanOf = (location: Location): TemplateSpan | undefined => {
    const info = templates.get(location.file);
    return info && location.range ? templateSpanAt(info, location.range) : undefined;
  };
  return findings.map((finding) => {
    let file = finding.location.file;
    let span = spanOf(finding.location);
    for (const related of finding.related ?? []) {
      if (span) break;
      span = spanOf(related);
      file = related.file;
    }
    if (span) {
      const because = span.unknownBecause ? ` (${span.unknownBecause})` : '';
      return {
        ...finding,
        severity: 'info',
        message: `${finding.message} — depends on template value ${span.text}, unknown until the template is rendered${because}`,
        related: [...(finding.related ?? []), { file, range: span.range, message: `template value ${span.text}` }],
      };
    }
    return inBranch(withChartDefaults(finding, templates), templates);
  });
}

/** A finding on a value put in from the chart's values.yaml: says so, with the values.yaml line. */
function withChartDefaults(finding: Finding, templates: Map<string, TemplateInfo>): Finding {
  const used = new Map<string, TemplateSpan>();
  for (const location of [finding.location, ...(finding.related ?? [])]) {
    const info = templates.get(location.file);
    if (info && location.range)
      for (const span of substitutedSpansAt(info, location.range)) used.set(span.substituted?.key ?? '', span);
  }
  if (used.size === 0) return finding;
  const keys = [...used.keys()];
  const related: RelatedLocation[] = [...used.values()].flatMap((span) =>
    span.substituted
      ? [
          {
            ...span.substituted.from,
            message: `${span.substituted.key}: the chart's default (an install-time --set or -f overrides it)`,
          },
        ]
      : [],
  );
  return {
    ...finding,
    message: `${finding.message} (with the chart's default ${keys.join(', ')} from values.yaml)`,
    related: [...(finding.related ?? []), ...related],
  };
}

/** A finding inside a conditional is true of that branch: says which one. */
function inBranch(finding: Finding, templates: Map<string, TemplateInfo>): Finding {
  const info = templates.get(finding.location.file);
  const branch = info && finding.location.range ? templateBranchAt(info, finding.location.range.start) : undefined;
  if (!branch) return finding;
  return {
    ...finding,
    message: `${finding.message} (when the template takes the branch ${branch.condition})`,
    related: [
      ...(finding.related ?? []),
      { file: finding.location.file, range: branch.range, message: `template branch ${branch.condition}` },
    ],
  };
}
