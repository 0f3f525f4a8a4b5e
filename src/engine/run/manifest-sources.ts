/**
 * The ConfigMaps and Secrets of a YAML manifest that is read as something else, or as nothing but its embedded keys:
 * a ConfigMap whose one `*.mqsc` key makes the file MQSC (src/parse/mqsc.ts), one holding an nginx.conf or a
 * `.properties` file (read as embedded documents). Its keys are still what a Pod mounting the ConfigMap by its name sees
 * (src/model/kubernetes-sources.ts), and a chart's templated name is still tied to the mount written alike: so the file
 * yields a `kubernetes` document of its sources too, beside what it yields today. Only its sources: its own reading (the
 * MQSC, the embedded documents) keeps every finding; workloads are read when the file is classified a manifest.
 */
import type { KubernetesData } from '../../parse/kubernetes';
import { kubernetesFormat } from '../../parse/kubernetes';
import type { RenderedText } from '../../parse/rendered';
import type { TemplateInfo } from '../../parse/template';
import type { ParsedDocument, SourceFile } from '../../parse/types';
import { parseTemplate } from './parse-template';

const YAML_NAME = /\.ya?ml$/i;
const API_VERSION = /^apiVersion:/m;
const SOURCE_KIND = /^kind:\s*["']?(ConfigMap|Secret)["']?\s*$/m;

/**
 * The `kubernetes` document of the ConfigMaps and Secrets of `source` (named `name`, the name it renders to when a
 * template), its text with any template syntax set aside being `text`; undefined when it holds none.
 */
export function manifestSourcesDocument(
  source: SourceFile,
  name: string,
  text: string,
  template: TemplateInfo | undefined,
  helm: { masked: RenderedText; firstBranch?: RenderedText } | undefined,
): ParsedDocument<KubernetesData> | undefined {
  if (!YAML_NAME.test(name) || !API_VERSION.test(text) || !SOURCE_KIND.test(text)) return undefined;
  const classified = { kind: 'kubernetes', handler: kubernetesFormat };
  const manifest = (
    template
      ? parseTemplate(classified, source, template, false, undefined, helm)
      : kubernetesFormat.parse(source, 'kubernetes')
  ) as ParsedDocument<KubernetesData>;
  const { sources, envSources } = manifest.data;
  if (sources.length === 0) return undefined;
  // Its problems and entries are the file's own reading's to report (a YAML error is said once). No finding rests on
  // it, so it brings no template value to defer one (./template-values.ts): of its template, only the directives that
  // say where a chart rebinds `.` (src/parse/helm-object-names.ts).
  return {
    ...manifest,
    entries: [],
    problems: [],
    data: { containers: [], envSources, sources, strimziKafkas: [], strimziClients: [] },
    ...(manifest.template && {
      template: {
        ...manifest.template,
        spans: manifest.template.spans.filter((s) => s.kind === 'directive').map((s) => ({ ...s, inline: false })),
        branches: [],
        copied: [],
      },
    }),
  };
}
