/**
 * A Helm value that holds the name of a Kubernetes Secret, not a secret: `clientSecret: "icam-ingress-client"` rendered
 * into an env item named like a secret (IBM/charts@951c317 entitled/ibm-cloud-appmgmt-prod templates/cacerts-job.yaml).
 * Decided by how the chart says it uses the value: a template of the chart writes the same `.Values` key where
 * Kubernetes takes a Secret's name (`secretName:`, `existingSecret:`, the `name:` of a `secretKeyRef:`/`secretRef:`/
 * `secret:`), or the values.yaml comment above the key says so (`# Secret name containing…`). Never by the value's
 * shape: a password may look like a name.
 */
import { chartOf } from '../../../parse/helm-object-names';
import { substitutedSpansAt } from '../../../parse/template';
import type { Entry, ParsedDocument } from '../../../parse/types';

/** A key whose value Kubernetes or a chart reads as a Secret's name. */
const SECRET_NAME_KEY = /^\s*(?:-\s*)?(?:secretName|existingSecret\w*|secretRef)\s*:/;
/** A `name:` under one of these is a Secret's name. */
const NAME_KEY = /^(\s*)(?:-\s*)?name\s*:/;
const SECRET_HOLDER = /^\s*(?:-\s*)?(?:secretKeyRef|secretRef|secret)\s*:\s*$/;

/**
 * Whether `entry`'s value is wholly one Helm value the chart uses as a Secret's name (see the header). The chart's
 * templates are the documents of the deployment under its `templates/` (a template the tree does not read is not seen).
 */
export function helmSecretNames(documents: readonly ParsedDocument[]): (doc: ParsedDocument, entry: Entry) => boolean {
  // Per chart, the text of each of its templates (one per path: a file's several documents share its text).
  let byChart: Map<string, string[]> | undefined;
  const templatesOf = (chart: string) => {
    if (!byChart) {
      byChart = new Map();
      const seen = new Set<string>();
      for (const d of documents) {
        const of = chartOf(d.file.path);
        if (of === undefined || seen.has(d.file.path) || !d.file.text.includes('.Values')) continue;
        seen.add(d.file.path);
        byChart.set(of, [...(byChart.get(of) ?? []), d.file.text]);
      }
    }
    return byChart.get(chart) ?? [];
  };
  return (doc, entry) => {
    if (!doc.template) return false;
    const spans = substitutedSpansAt(doc.template, entry.valueRange).filter(
      (s) => s.engine === 'go' && s.substituted?.key.startsWith('.Values.'),
    );
    const put = spans.length === 1 ? spans[0]!.substituted : undefined;
    if (!put || unquoted(entry.value) !== unquoted(put.value)) return false;
    if (put.documentedSecretName) return true;
    const chart = chartOf(doc.file.path);
    return chart !== undefined && templatesOf(chart).some((text) => namesSecretIn(text, put.key));
  };
}

const unquoted = (text: string) => text.trim().replace(/^(["'])(.*)\1$/, '$2');

/** Whether a template writes `.Values.<path>` (`key`) where a Secret's name goes. */
function namesSecretIn(text: string, key: string): boolean {
  const written = new RegExp(`\\{\\{[^}]*${key.replace(/\./g, '\\.')}(?![\\w.])[^}]*\\}\\}`);
  const lines = text.split(/\r\n|\r|\n/);
  return lines.some((line, i) => {
    if (!written.test(line)) return false;
    if (SECRET_NAME_KEY.test(line)) return true;
    const indent = NAME_KEY.exec(line)?.[1]?.length;
    if (indent === undefined) return false;
    // The nearest line above at a smaller indent holds it.
    for (let at = i - 1; at >= 0; at--) {
      const above = lines[at]!;
      if (!above.trim()) continue;
      const aboveIndent = /^\s*/.exec(above)![0].length;
      if (aboveIndent < indent) return SECRET_HOLDER.test(above);
    }
    return false;
  });
}
