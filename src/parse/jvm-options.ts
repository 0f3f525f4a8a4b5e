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
 * One option a line, as the JVM sees it (`-Dname=value with blanks` keeps its blanks), after the JDK feature releases
 * it applies on when the line names them: `8:` that one, `8-:` that one and later, `8-9:` those.
 */
const OPTION_LINE = /^(\s*)(?:(\d+)(?:(-)(\d+)?)?:)?-D([^=\s]+)(=?)(.*?)\s*$/;

/** A `jvm.options.d/<name>.options` file: the launcher adds each to jvm.options, in the order of their names. */
const OPTIONS_DIRECTORY_FILE = /(?:^|[\\/])jvm\.options\.d[\\/][^\\/]+\.options$/;

/**
 * `jvm.options`: one JVM option per line, `#` comments — Liberty's and OpenJ9's
 * (https://openliberty.io/docs/latest/reference/config/server-configuration-overview.html#jvm-options), and
 * Elasticsearch's, OpenSearch's and Logstash's, whose lines may name the JDK releases they apply on and whose
 * `jvm.options.d/*.options` files add to them
 * (https://www.elastic.co/guide/en/elasticsearch/reference/7.11/jvm-options.html).
 */
export const jvmOptionsFormat: FormatHandler<JvmOptionsData> = {
  id: 'jvm-options',
  classify(filePath) {
    const base = basenameOf(filePath);
    return base === 'jvm.options' || base.endsWith('.jvm.options') || OPTIONS_DIRECTORY_FILE.test(filePath)
      ? 'java.jvm-options'
      : undefined;
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
      const option = OPTION_LINE.exec(line.text);
      if (option) {
        const [, indent, min, orLater, max, name, equals, value] = option;
        const prefix = min === undefined ? 0 : line.text.indexOf(':') + 1 - indent!.length;
        const nameStart = line.start + indent!.length + prefix + 2;
        const valueStart = nameStart + name!.length + equals!.length;
        properties.push({
          name: name!,
          value: value!,
          nameRange: index.rangeAt(nameStart, nameStart + name!.length),
          valueRange: index.rangeAt(valueStart, valueStart + value!.length),
          via: 'jvm.options',
          secret: isSecretKey(name!),
          unresolved: PLACEHOLDER.test(value!),
          ...(min !== undefined && {
            jdkFeatures: orLater && max === undefined ? { min: +min } : { min: +min, max: +(max ?? min) },
          }),
        });
      }
    }
    return { file, kind, entries: propertyEntries(properties), comments, problems: [], data: { properties } };
  },
};
