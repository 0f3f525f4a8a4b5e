/**
 * mod_jk's mount file, `uriworkermap.properties` (the file `JkMountFile` names), read as mod_jk reads it
 * (tomcat-connectors JK_1_2_50 native/common/jk_uri_worker_map.c uri_worker_map_load, native/common/jk_map.c): the
 * lines of a workers file (./modjk-workers.ts parseJkWorkers: split at the first `=`, `#` starts a comment anywhere,
 * `$(name)` replaced), each `uri=worker`. A key written twice keeps its last worker (JK_MAP_HANDLE_NORMAL: "Duplicate
 * key … will be overwritten"). `-` before the path disables a mount, `!` makes it an exclusion; `a|b` is two mounts,
 * `a` and `ab`; a path must start with `/` ("invalid context"). The worker name ends at the first `;` (rule extensions).
 * https://tomcat.apache.org/connectors-doc/reference/uriworkermap.html
 */
import type { Range } from '../core/types';
import { basenameOf } from './java/jvm-args';
import { parseJkWorkers } from './modjk-workers';
import type { FormatHandler } from './types';

export const MODJK_URIMAP_KIND = 'modjk.urimap';

/** One mount line of the file, its key's first path. */
export interface JkUriMount {
  /** The path as written after its `-`/`!` marks (`/app/*`, `/a|/*`). */
  uri: string;
  /** The worker's name (before any `;` extension). */
  worker: string;
  /** `-/path`: the mount is disabled. */
  disabled?: true;
  /** `!/path`: requests it matches are not sent to the worker. */
  exclusion?: true;
  keyRange: Range;
  valueRange: Range;
}

export interface JkUriMapData {
  /** The mounts mod_jk keeps (the last line of a key written twice), in file order. */
  mounts: JkUriMount[];
}

/** `uriworkermap.properties`, `uriworkermap-prod.properties`, `uri_worker_map.properties`. */
const URIMAP_NAME = /(^|[._-])uri_?worker_?map([._-][^/]*)?\.properties$/i;
/** A mount line: `/path=worker`, `!/path=worker`, `-/path=worker`. */
const MOUNT_LINE = /^[ \t]*-?!?\/[^=\n#]*=[ \t]*[^\s#]/m;
const MARKS = /^(-?)(!?)(.*)$/s;

export function parseJkUriMap(text: string) {
  const { entries, comments } = parseJkWorkers(text);
  // The map keeps one value a key; the later line replaces the earlier one where the first stood.
  const last = new Map<string, number>();
  entries.forEach((e, i) => last.set(e.key, i));
  const mounts: JkUriMount[] = [];
  entries.forEach((e, i) => {
    if (last.get(e.key) !== i) return;
    const [, disabled, exclusion, uri] = MARKS.exec(e.key)!;
    if (!uri!.startsWith('/')) return;
    mounts.push({
      uri: uri!,
      worker: e.value.split(';')[0]!.trim(),
      ...(disabled ? { disabled: true as const } : {}),
      ...(exclusion ? { exclusion: true as const } : {}),
      keyRange: e.keyRange,
      valueRange: e.valueRange,
    });
  });
  return { entries, comments, data: { mounts } };
}

/** A `uriworkermap*.properties` file with a mount line. */
export const modjkUriMapFormat: FormatHandler<JkUriMapData> = {
  id: 'modjk-urimap',
  classify(filePath, head) {
    return URIMAP_NAME.test(basenameOf(filePath)) && MOUNT_LINE.test(head) ? MODJK_URIMAP_KIND : undefined;
  },
  parse(file, kind) {
    const { entries, comments, data } = parseJkUriMap(file.text);
    return { file, kind, entries, comments, problems: [], data };
  },
};
