/**
 * The instances file `elasticsearch-certutil cert --in <file>` reads (conventionally `instances.yml`): a top-level
 * `instances:` list whose items give a `name` (the certificate's subject: `CN=<name>`, or the name itself when it holds
 * `=`), an optional `filename` (the directory and file prefix in the output: `<filename>/<filename>.crt`, default the
 * name), and the `ip`, `dns` and `cn` lists that become its subject alternative names (knowledge
 * certutil-instances.json, after CertificateTool.java). Read with ./spring.ts's YAML reader (line and column kept); a
 * list item is `instances[0].dns[1]`. Classified by its name and an `instances:` key at the top of its head, so that
 * another YAML file of a similar name is not read as one.
 */
import { lastPathSegment } from '../core/path-name';
import type { Range } from '../core/types';
import { parseSpringYaml } from './spring';
import type { FormatHandler, ParsedDocument } from './types';

export const CERTUTIL_INSTANCES_KIND = 'elastic.certutil-instances';

/** A value as written in the file, with its place. */
export interface CertutilWritten {
  value: string;
  range: Range;
}

/** One instance: the certificate certutil makes for it. */
export interface CertutilInstance {
  name: CertutilWritten;
  /** The output's directory and file prefix: `filename`, else the name. */
  filename: string;
  ip: CertutilWritten[];
  dns: CertutilWritten[];
  cn: CertutilWritten[];
}

export interface CertutilInstancesData {
  instances: CertutilInstance[];
}

const NAME = /(?:^|[-_.])instances\.ya?ml$/i;
const HEAD = /^instances:[^\S\n]*(?:#.*)?$/m;
const ITEM = /^instances\[(\d+)\]\.(name|filename|ip|dns|cn)(?:\[(\d+)\])?$/;

export const certutilInstancesFormat: FormatHandler<CertutilInstancesData> = {
  id: 'certutil-instances',
  classify(filePath, head) {
    return NAME.test(lastPathSegment(filePath)) && HEAD.test(head) ? CERTUTIL_INSTANCES_KIND : undefined;
  },
  parse(file, kind): ParsedDocument<CertutilInstancesData> {
    const { parts, comments, problems } = parseSpringYaml(file.text, true, 'core');
    const entries = parts.flatMap((p) => p.entries);
    const byIndex = new Map<number, Partial<CertutilInstance> & Pick<CertutilInstance, 'ip' | 'dns' | 'cn'>>();
    const filenames = new Map<number, string>();
    for (const entry of entries) {
      const m = ITEM.exec(entry.key);
      if (!m) continue;
      const index = Number(m[1]);
      const field = m[2] as 'name' | 'filename' | 'ip' | 'dns' | 'cn';
      const item = byIndex.get(index) ?? { ip: [], dns: [], cn: [] };
      byIndex.set(index, item);
      const written = { value: entry.value.trim(), range: entry.valueRange };
      if (field === 'name') item.name = written;
      else if (field === 'filename') filenames.set(index, written.value);
      // certutil reads these as string arrays; a single scalar is not a list it accepts, so it is left unread.
      else if (m[3] !== undefined) item[field].push(written);
    }
    const instances = [...byIndex.entries()]
      .sort(([a], [b]) => a - b)
      .flatMap(([index, item]): CertutilInstance[] =>
        item.name
          ? [
              {
                name: item.name,
                filename: filenames.get(index) ?? item.name.value,
                ip: item.ip,
                dns: item.dns,
                cn: item.cn,
              },
            ]
          : [],
      );
    return { file, kind, entries, comments, problems, data: { instances } };
  },
};
