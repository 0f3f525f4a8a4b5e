/**
 * The service containers a CI file's jobs start beside their steps, which ./container-runs.ts reads as the `docker run`s
 * they stand for: a GitHub Actions job's `services.<id>` with its `image:` and `env:`
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idservices; the runner
 * creates the container with those variables only: a workflow's or job's `env:` is the steps'), and a GitLab CI job's
 * `services:` items (and the whole pipeline's, top-level or under `default:`), an image name or a map with `name:`,
 * `alias:` and `variables:` (https://docs.gitlab.com/ci/services/#available-settings-for-services), which also get the
 * job's `variables:`
 * (https://docs.gitlab.com/ci/services/#passing-cicd-variables-to-services); the file's own `variables:`, a
 * `default:` or an `extends:` may set others, so a GitLab service's variables are never all known. An image an
 * expression or a variable names (`${{ matrix.image }}`, `$CI_REGISTRY_IMAGE`) is unknown: that service is left out.
 * Nothing a step of the job does is in the container when it starts (the checkout comes later), so its volumes mount
 * no file of the tree.
 */
import type { Node, Pair, Scalar, YAMLMap } from 'yaml';
import type { Range } from '../core/types';
import { yaml } from './yaml-flatten';
import { LineIndex } from './text';

/** The `section` of the entries a CI service's variables give (plaintext-secret says where they are). */
export const CI_SERVICE_SECTION = 'CI service';

/** A variable a CI service's container gets, as written, with the setting that gives it. */
export interface CiServiceVariable {
  name: string;
  value: string;
  range: Range;
  nameRange: Range;
  valueRange: Range;
  /** The setting as the file names it (`jobs.build.services.mq.env.MQ_APP_PASSWORD`). */
  key: string;
}

/** A CI job's service container. */
export interface CiService {
  /** The service as the file names it (`jobs.build.services.mq`, `test.services[1]`). */
  label: string;
  image: string;
  range: Range;
  /** In the order the runner gives them (a later one wins). */
  environment: CiServiceVariable[];
  /** True when a setting the file does not show here may give it any other variable (GitLab). */
  variablesUnknown: boolean;
}

const WORKFLOW = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/;
const GITLAB_CI = /(?:^|\/)(?:[^/]*\.)?gitlab-ci\.ya?ml$/;
/** Worth parsing: a `services:` key (most CI files have none). */
const HAS_SERVICES = /^\s*services\s*:/m;
/** GitLab's top-level keys that are no job (https://docs.gitlab.com/ci/yaml/#global-keywords). */
const GITLAB_GLOBAL = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache']);

/** The service containers of a CI file's jobs; none for another file. */
export function ciServices(file: string, text: string): CiService[] {
  const posix = file.split('\\').join('/');
  const actions = WORKFLOW.test(posix);
  if ((!actions && !GITLAB_CI.test(posix)) || !HAS_SERVICES.test(text)) return [];
  const lib = yaml();
  let root: unknown;
  try {
    root = lib.parseDocument(text, { uniqueKeys: false }).contents;
  } catch {
    return [];
  }
  if (!lib.isMap(root)) return [];
  const index = new LineIndex(text);
  const runs: CiService[] = [];
  if (actions) {
    const jobs = valueOf(root, 'jobs');
    if (!lib.isMap(jobs)) return [];
    for (const job of jobs.items) {
      const services = lib.isMap(job.value) ? valueOf(job.value, 'services') : undefined;
      if (!lib.isMap(services)) continue;
      for (const service of services.items) {
        if (!lib.isMap(service.value)) continue;
        const label = `jobs.${keyText(job)}.services.${keyText(service)}`;
        const run = serviceRun(index, label, valueOf(service.value, 'image'), [
          { map: valueOf(service.value, 'env'), key: `${label}.env` },
        ]);
        if (run) runs.push(run);
      }
    }
    return runs;
  }
  // The pipeline's own `services:` (top-level, or under `default:`) start beside every job that sets none of its own,
  // with the pipeline's `variables:` (https://docs.gitlab.com/ci/yaml/#default).
  const pipelineVariables = { map: valueOf(root, 'variables'), key: 'variables' };
  const defaults = valueOf(root, 'default');
  runs.push(...gitlabServices(index, root, '', pipelineVariables));
  if (lib.isMap(defaults)) runs.push(...gitlabServices(index, defaults, 'default.', pipelineVariables));
  for (const job of root.items) {
    if (GITLAB_GLOBAL.has(keyText(job)) || !lib.isMap(job.value)) continue;
    const jobVariables = { map: valueOf(job.value, 'variables'), key: `${keyText(job)}.variables` };
    runs.push(...gitlabServices(index, job.value, `${keyText(job)}.`, jobVariables));
  }
  return runs;
}

/**
 * The `services:` items of a GitLab job (or of the pipeline, `holder` its top or `default:`): an image name, or a map
 * with `name:` and `variables:`, after `variables`; a variable may always come from elsewhere.
 */
function gitlabServices(
  index: LineIndex,
  holder: YAMLMap,
  prefix: string,
  variables: { map: unknown; key: string },
): CiService[] {
  const lib = yaml();
  const services = valueOf(holder, 'services');
  if (!lib.isSeq(services)) return [];
  return services.items.flatMap((item, k) => {
    const label = `${prefix}services[${k}]`;
    const run = lib.isMap(item)
      ? serviceRun(index, label, valueOf(item, 'name'), [
          variables,
          { map: valueOf(item, 'variables'), key: `${label}.variables` },
        ])
      : serviceRun(index, label, item, [variables]);
    return run ? [{ ...run, variablesUnknown: true }] : [];
  });
}

/** A service: its image (a literal), and the variables of `sources` in order (a later one wins). */
function serviceRun(
  index: LineIndex,
  label: string,
  image: unknown,
  sources: { map: unknown; key: string }[],
): CiService | undefined {
  const lib = yaml();
  if (!lib.isScalar(image) || typeof image.value !== 'string' || image.value === '' || /[$]/.test(image.value))
    return undefined;
  const environment: CiServiceVariable[] = [];
  for (const { map, key } of sources)
    if (lib.isMap(map)) for (const pair of map.items) environment.push(...variableOf(index, pair, key));
  return { label, image: image.value, range: rangeOf(index, image), environment, variablesUnknown: false };
}

/** A `NAME: value` pair of an env map as a variable; a value that is no scalar (a map, a list) is none. */
function variableOf(index: LineIndex, pair: Pair, key: string): CiServiceVariable[] {
  const lib = yaml();
  const name = pair.key;
  const value = pair.value;
  if (!lib.isScalar(name) || (value !== null && !lib.isScalar(value))) return [];
  const nameRange = rangeOf(index, name);
  const valueRange = value ? rangeOf(index, value) : { start: nameRange.end, end: nameRange.end };
  return [
    {
      name: scalarText(name),
      // `NAME:` with nothing after it: the runner sets it empty.
      value: value && value.value !== null ? scalarText(value) : '',
      range: { start: nameRange.start, end: valueRange.end },
      nameRange,
      valueRange,
      key: `${key}.${scalarText(name)}`,
    },
  ];
}

function valueOf(map: YAMLMap, key: string): unknown {
  return map.items.find((p) => keyText(p) === key)?.value;
}

function keyText(pair: Pair): string {
  return yaml().isScalar(pair.key) ? scalarText(pair.key) : '';
}

/** A scalar's value as the runner reads it: text, a number or a boolean as written in the YAML core schema. */
function scalarText(node: Scalar): string {
  const value: unknown = node.value;
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? `${value}` : '';
}

function rangeOf(index: LineIndex, node: Node): Range {
  const [start, end] = node.range ?? [0, 0];
  return index.rangeAt(start, end);
}
