import type { Comment, Entry } from './types';
import type { FormatHandler, ParsedDocument } from './types';
import { isSecretKey } from './types';
import { LineIndex } from './text';
import { basenameOf, logicalLines, propertyEntries, type JvmOptionsData, type JvmProperty } from './java/jvm-args';
import { scanLaunchProperties } from './java/java-launch';
import { scanJavaHomes, type JavaHomeReference } from './java/java-home';

import { environmentEntries, scanSpringEnvironment } from './java/spring-environment';
import { scanSpringArguments } from './java/spring-arguments';
export interface SystemdUnitData extends JvmOptionsData {
  /** `Environment=` assignments, by variable name. */
  environment: Record<string, string>;
}

/**
 * systemd unit files (`*.service`, drop-ins `*.service.d/*.conf`): `[Section]`,
 * `Key=Value`, `#`/`;` comments, `\` continuations (systemd.syntax(7)). JVM `-D`
 * options are read from `Environment=` (`JAVA_OPTS=…`, `JAVA_TOOL_OPTIONS=…`) and `ExecStart=`.
 */
export const systemdFormat: FormatHandler<SystemdUnitData> = {
  id: 'systemd',
  classify(filePath, head) {
    const base = basenameOf(filePath);
    if (base.endsWith('.service')) return 'systemd.unit';
    if (
      /\.service\.d$/.test(filePath.split(/[\\/]/).slice(-2, -1)[0] ?? '') &&
      base.endsWith('.conf') &&
      /^\s*\[(Service|Unit)\]/m.test(head)
    )
      return 'systemd.unit';
    return undefined;
  },
  parse(file, kind): ParsedDocument<SystemdUnitData> {
    const index = new LineIndex(file.text);
    const comments: Comment[] = [];
    const entries: Entry[] = [];
    const properties: JvmProperty[] = [];
    /** Secret `-D` words no application's JVM receives (./java/java-launch.ts): still secrets in the file. */
    const elsewhereSecrets: JvmProperty[] = [];
    const springEnvironment: JvmProperty[] = [];
    const springArguments: JvmProperty[] = [];
    const environment: Record<string, string> = {};
    const javaHomes: JavaHomeReference[] = [];
    let section = '';
    for (const logical of logicalLines(file.text)) {
      const text = file.text.slice(logical.start, logical.end);
      const lead = text.length - text.trimStart().length;
      const body = text.trim();
      if (body === '') continue;
      if (body.startsWith('#') || body.startsWith(';')) {
        comments.push({ text: body.slice(1), range: index.rangeAt(logical.start + lead, logical.end) });
        continue;
      }
      const header = /^\[([^\]]+)\]$/.exec(body);
      if (header) {
        section = header[1]!;
        continue;
      }
      const eq = text.indexOf('=');
      if (eq === -1) continue;
      const key = text.slice(lead, eq).trim();
      const valueStart = logical.start + eq + 1;
      const value = file.text.slice(valueStart, logical.end).trim();
      entries.push({
        key,
        value,
        keyRange: index.rangeAt(logical.start + lead, logical.start + lead + key.length),
        valueRange: index.rangeAt(valueStart, logical.end),
        section,
        secret: isSecretKey(key),
      });
      if (key === 'Environment') {
        for (const m of value.matchAll(/"([A-Za-z_]\w*)=([^"]*)"|([A-Za-z_]\w*)=(\S*)/g))
          environment[m[1] ?? m[3]!] = m[2] ?? m[4]!;
        for (const setting of scanSpringEnvironment(file.text, index, valueStart, logical.end))
          springEnvironment.push(setting);
      }
      if (key === 'ExecStart')
        for (const argument of scanSpringArguments(file.text, index, valueStart, logical.end))
          springArguments.push(argument);
      if (key === 'Environment' || key === 'ExecStart' || key === 'ExecStartPre') {
        const variable = key === 'Environment' ? /([A-Za-z_]\w*)=/.exec(value)?.[1] : key;
        const launched = scanLaunchProperties(file.text, index, valueStart, logical.end, variable ?? key);
        properties.push(...launched.jvm);
        elsewhereSecrets.push(...launched.elsewhere.filter((p) => p.secret));
        for (const reference of scanJavaHomes(file.text, index, valueStart, logical.end)) javaHomes.push(reference);
      }
    }
    return {
      file,
      kind,
      entries: [
        ...entries,
        ...propertyEntries(properties),
        ...propertyEntries(elsewhereSecrets),
        ...environmentEntries(springEnvironment),
        ...propertyEntries(springArguments),
      ],
      comments,
      problems: [],
      data: { properties, environment, javaHomes, springEnvironment, springArguments },
    };
  },
};
