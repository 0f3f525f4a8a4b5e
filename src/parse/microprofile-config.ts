import type { FormatHandler, ParsedDocument, SourceFile } from './types';
import { parseProperties } from './properties';
import { basenameOf } from './java/jvm-args';

/**
 * MicroProfile Config's `META-INF/microprofile-config.properties` (the application's own config source, ordinal 100
 * unless its `config_ordinal` says otherwise): Liberty, Quarkus, Helidon and Payara applications read their Rest
 * Client settings (`<interface or configKey>/mp-rest/url`, `…/mp-rest/trustStore`) from it.
 */
export const microprofileConfigFormat: FormatHandler<undefined> = {
  id: 'microprofile-config',
  classify(filePath) {
    return basenameOf(filePath) === 'microprofile-config.properties' ? 'microprofile.config' : undefined;
  },
  parse(file: SourceFile, kind): ParsedDocument<undefined> {
    const { entries, comments, problems } = parseProperties(file.text, {
      commentsInValues: true,
      byteOrderMark: file.hadBom,
    });
    return { file, kind, entries, comments, problems, data: undefined };
  },
};
