import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../core/types';
import { readRegularFile } from '../../core/safe-fs';
import { HelmValues, renderHelmValues, type HelmRendering, type HelmValuesChain } from '../../parse/helm-values';
import type { TemplateInfo } from '../../parse/template';
import { decodeFile } from '../../parse/text';
import { problemFinding } from '../../parse/types';

/** values.yaml above this size is not read (the chart's values then stay unknown). */
const MAX_VALUES_BYTES = 2 * 1024 * 1024;

/**
 * The Helm charts of a run: a template under `<chart>/templates/` (`<chart>/Chart.yaml` beside it) gets
 * the defaults of `<chart>/values.yaml`, and of its parent's when the chart sits in `<parent>/charts/`.
 * Each values.yaml is read once; one that does not parse is a finding on it (its values stay unknown).
 */
export class HelmCharts {
  private readonly charts = new Map<string, HelmValuesChain | undefined>();
  private readonly values = new Map<string, HelmValues | undefined>();

  constructor(private readonly findings: Finding[]) {}

  /** The template rendered with its chart's defaults, when it is in a chart and some value is put in. */
  render(file: string, source: string, template: TemplateInfo): HelmRendering | undefined {
    if (!template.engines.includes('go') || !source.includes('.Values')) return undefined;
    const chain = this.chainFor(file);
    return chain ? renderHelmValues(source, template, chain) : undefined;
  }

  private chainFor(file: string): HelmValuesChain | undefined {
    const parts = path.resolve(file).split(path.sep);
    const at = parts.lastIndexOf('templates');
    if (at < 1) return undefined;
    const root = parts.slice(0, at).join(path.sep) || path.sep;
    if (this.charts.has(root)) return this.charts.get(root);
    let chain: HelmValuesChain | undefined;
    const values = isChart(root) ? this.valuesOf(root) : undefined;
    if (values) {
      chain = { values };
      const above = path.dirname(root);
      const parentRoot = path.dirname(above);
      const parent = path.basename(above) === 'charts' && isChart(parentRoot) ? this.valuesOf(parentRoot) : undefined;
      if (parent) chain.parent = { values: parent, name: path.basename(root) };
    }
    this.charts.set(root, chain);
    return chain;
  }

  private valuesOf(root: string): HelmValues | undefined {
    const file = path.join(root, 'values.yaml');
    if (this.values.has(file)) return this.values.get(file);
    const read = readRegularFile(file, MAX_VALUES_BYTES);
    const decoded = read.ok ? decodeFile(read.bytes) : undefined;
    const values = decoded?.ok ? new HelmValues(file, decoded.text) : undefined;
    for (const problem of values?.problems ?? []) this.findings.push(problemFinding(file, problem, (text) => text)); // masked with the read findings
    this.values.set(file, values);
    return values;
  }
}

function isChart(dir: string): boolean {
  try {
    return fs.statSync(path.join(dir, 'Chart.yaml')).isFile();
  } catch {
    return false;
  }
}
