import type { Comment, Entry } from './types';
import type { FormatHandler, ParsedDocument } from './types';
import { isSecretKey } from './types';
import { LineIndex } from './text';
import { basenameOf, logicalLines, propertyEntries, scanJvmProperties, type JvmOptionsData, type JvmProperty } from './java/jvm-args';

export interface DockerfileData extends JvmOptionsData {
  /** `FROM` images in order (the last is the runtime stage). */
  baseImages: string[];
}

/**
 * Dockerfiles: `ENV` (both `ENV K=V …` and `ENV K V`), `CMD`/`ENTRYPOINT` in shell
 * or JSON form, `\` continuations, `#` comments. JVM `-D` options come from `ENV`
 * values (`JAVA_OPTS`, `JAVA_TOOL_OPTIONS`…) and from `CMD`/`ENTRYPOINT`.
 */
export const dockerfileFormat: FormatHandler<DockerfileData> = {
  id: 'dockerfile',
  classify(filePath) {
    const base = basenameOf(filePath);
    return /^(Dockerfile|Containerfile)([.-].*)?$/.test(base) || base.endsWith('.Dockerfile') || base.endsWith('.dockerfile') ? 'dockerfile' : undefined;
  },
  parse(file, kind): ParsedDocument<DockerfileData> {
    const index = new LineIndex(file.text);
    const comments: Comment[] = [];
    const entries: Entry[] = [];
    const properties: JvmProperty[] = [];
    const baseImages: string[] = [];
    for (const logical of logicalLines(file.text)) {
      const text = file.text.slice(logical.start, logical.end);
      const lead = text.length - text.trimStart().length;
      const body = text.trim();
      if (body.startsWith('#')) {
        comments.push({ text: body.slice(1), range: index.rangeAt(logical.start + lead, logical.end) });
        continue;
      }
      const instruction = /^([A-Za-z]+)\s+/.exec(body);
      if (!instruction) continue;
      const name = instruction[1].toUpperCase();
      const argsStart = logical.start + lead + instruction[0].length;
      if (name === 'FROM') baseImages.push(body.slice(instruction[0].length).split(/\s+/)[0]);
      if (name === 'ENV') {
        const args = file.text.slice(argsStart, logical.end);
        const pairs = /^[A-Za-z_]\w*=/.test(args)
          ? [...args.matchAll(/([A-Za-z_]\w*)=("((?:[^"\\]|\\.)*)"|'([^']*)'|((?:[^\s\\]|\\.)*))/g)].map((m) => ({
              key: m[1],
              value: m[3] ?? m[4] ?? m[5] ?? '',
              keyStart: argsStart + (m.index ?? 0),
              valueStart: argsStart + (m.index ?? 0) + m[1].length + 1 + (m[3] !== undefined || m[4] !== undefined ? 1 : 0),
            }))
          : [/^([A-Za-z_]\w*)\s+(.*)$/s.exec(args)].filter((m): m is RegExpExecArray => !!m).map((m) => ({
              key: m[1],
              value: m[2].replace(/\\\r?\n\s*/g, ' ').trim(),
              keyStart: argsStart,
              valueStart: argsStart + args.indexOf(m[2], m[1].length),
            }));
        for (const pair of pairs) {
          const valueEnd = Math.min(logical.end, pair.valueStart + pair.value.length);
          entries.push({
            key: pair.key,
            value: pair.value,
            keyRange: index.rangeAt(pair.keyStart, pair.keyStart + pair.key.length),
            valueRange: index.rangeAt(pair.valueStart, valueEnd),
            section: 'ENV',
            secret: isSecretKey(pair.key),
          });
          for (const property of scanJvmProperties(file.text, index, pair.valueStart, valueEnd, pair.key)) properties.push(property);
        }
      } else if (name === 'CMD' || name === 'ENTRYPOINT') {
        for (const property of scanJvmProperties(file.text, index, argsStart, logical.end, name)) properties.push(property);
      }
    }
    return { file, kind, entries: [...entries, ...propertyEntries(properties)], comments, problems: [], data: { properties, baseImages } };
  },
};
