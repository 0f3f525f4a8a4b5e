/**
 * The worker properties mod_jk refuses in the map one httpd configuration reads (data/tomcat.json
 * ajpFronts.modJk.refused, tomcat-connectors JK_1_2_50): a `worker.` property whose name ends with no attribute
 * jk_util.c knows (a typo such as `worker.node1.hots`, case included) stops the reading of the workers file and httpd
 * does not start; on a JkWorkerProperty line it is a syntax error. A worker of `worker.list` whose type is none of
 * mod_jk's factories (`AJP13` included: compared case-sensitively) cannot be created, and httpd does not start either.
 * A value or name a template or the environment gives is not judged; a worker whose type a `reference` may bring is
 * not either.
 */
import type { RelatedLocation } from '../core/types';
import { TOMCAT_AJP_FRONTS } from '../knowledge/tomcat';
import { parseJkWorkers, type JkSetting } from '../parse/modjk-workers';
import type { JkRefusedProperty } from './attributes-httpd';
import { workerNames, type JkWorkerMap } from './modjk-mounts';
import { PLACEHOLDER } from './modjk-paths';

const REFUSED = TOMCAT_AJP_FRONTS.modJk.refused;

/** jk_is_valid_property: any name not starting with `worker.` is a variable; a `worker.` one must end with `.<attribute>`. */
const validName = (key: string) => !key.startsWith('worker.') || REFUSED.attributes.some((a) => key.endsWith(`.${a}`));

/** The properties mod_jk refuses in the worker map of one httpd configuration (none when the map is not settled). */
export function jkRefusedProperties(map: JkWorkerMap | undefined): JkRefusedProperty[] {
  if (!map) return [];
  const found: JkRefusedProperty[] = [];
  const readBy: RelatedLocation[] = [
    ...(map.fileLine
      ? [{ file: map.fileLine.file, range: map.fileLine.directive.range, message: 'httpd reads this workers file' }]
      : []),
    ...(map.by ? [{ ...map.by, message: 'this puts the workers file where JkWorkersFile names it' }] : []),
    ...(map.packaged ?? []),
  ];
  for (const line of map.gathered.properties) {
    const text = line.directive.args.map((a) => a.value).join(' ');
    if (PLACEHOLDER.test(text)) continue;
    for (const e of parseJkWorkers(text).entries)
      if (!validName(e.key))
        found.push({
          at: { file: line.file, range: line.directive.range },
          reason: 'attribute',
          key: e.key,
          jkWorkerProperty: true,
          related: [],
        });
  }
  const file = map.workersFile;
  for (const e of file?.entries ?? [])
    if (!validName(e.key) && !PLACEHOLDER.test(e.key))
      found.push({
        at: { file: file!.file.path, range: e.keyRange },
        reason: 'attribute',
        key: e.key,
        related: readBy,
      });
  // The types of the listed workers, the last line of each winning (JkWorkerProperty lines first, the file after).
  const settings: { s: JkSetting; file?: string }[] = [
    ...map.properties.settings.map((s, i) => ({ s, file: map.properties.at[i]!.file })),
    ...(file?.data.settings ?? []).map((s) => ({ s, file: file!.file.path })),
  ];
  const names = workerNames(settings.map((x) => x.s));
  for (const worker of names?.listed ?? []) {
    const own = settings.filter((x) => x.s.worker === worker);
    const type = own.filter((x) => x.s.attribute === 'type').at(-1);
    if (!type || own.some((x) => x.s.attribute === 'reference' && x.s.value !== type.s.value)) continue;
    const value = type.s.value;
    if (type.s.fromEnvironment || PLACEHOLDER.test(value) || REFUSED.workerTypes.includes(value)) continue;
    const fromLine = !(file?.data.settings.includes(type.s) ?? false);
    const at = fromLine
      ? { file: type.file!, range: map.properties.at[map.properties.settings.indexOf(type.s)]!.range }
      : { file: type.file!, range: type.s.valueRange };
    found.push({
      at,
      reason: 'type',
      key: `worker.${worker}.type`,
      worker,
      type: value,
      ...(fromLine ? { jkWorkerProperty: true as const } : {}),
      related: fromLine ? [] : readBy,
    });
  }
  return found;
}
