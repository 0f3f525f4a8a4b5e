import type { Comment, FormatHandler, ParsedDocument } from './types';
import { isSecretKey } from './types';
import { LineIndex } from './text';
import {
  basenameOf,
  lineOffsets,
  PLACEHOLDER,
  propertyEntries,
  type JvmOptionsData,
  type JvmProperty,
} from './java/jvm-args';

/**
 * Liberty / OpenJ9-style `jvm.options`: one JVM option per line, `#` comments
 * (https://openliberty.io/docs/latest/reference/config/server-configuration-overview.html#jvm-options).
 */
export const jvmOptionsFormat: FormatHandler<JvmOptionsData> = {
  id: 'jvm-options',
  classify(filePath) {
    const base = basenameOf(filePath);
    return base === 'jvm.options' || base.endsWith('.jvm.options') ? 'java.jvm-options' : undefined;
  },
  parse(file, kind): ParsedDocument<JvmOptionsData> {
    const index = new LineIndex(file.text);
    const comments: Comment[] = [];
    const properties: JvmProperty[] = [];
    for (const [lineNo, line] of lineOffsets(file.text).entries()) {
      const trimmed = line.text.trimStart();
      if (trimmed.startsWith('#')) {
        const col = line.text.length - trimmed.length;
        comments.push({
          text: trimmed.slice(1),
          range: { start: { line: lineNo, character: col }, end: { line: lineNo, character: line.text.length } },
        });
        continue;
      }
      // Each line is one option as the JVM sees it: `-Dname=value with blanks` keeps its blanks.
      const option = /^(\s*)-D([^=\s]+)(=?)(.*?)\s*$/.exec(line.text);
      if (option) {
        const nameStart = line.start + option[1]!.length + 2;
        const valueStart = nameStart + option[2]!.length + option[3]!.length;
        properties.push({
          name: option[2]!,
          value: option[4]!,
          nameRange: index.rangeAt(nameStart, nameStart + option[2]!.length),
          valueRange: index.rangeAt(valueStart, valueStart + option[4]!.length),
          via: 'jvm.options',
          secret: isSecretKey(option[2]!),
          unresolved: PLACEHOLDER.test(option[4]!),
        });
      }
    }
    return { file, kind, entries: propertyEntries(properties), comments, problems: [], data: { properties } };
  },
};
