import type { ParseProblem, SourceFile } from './types';

/**
 * Programs whose configuration reader takes a UTF-8 byte order mark (EF BB BF, which Windows editors write) as
 * the first characters of the first word, and refuse the file. Measured on Debian 12 (nginx 1.22.1, HAProxy
 * 2.6.12, Apache httpd 2.4) with a mark before a directive, a comment or a blank line, and read in the sources:
 * nginx's ngx_conf_file.c (nginx/nginx@3f6f7824, 1.31.4) and HAProxy's cfgparse.c (haproxy/haproxy@50872daa) have
 * no case for it; httpd's ap_pcfg_openfile skips it only in Windows builds (apache/httpd@0cb68044 server/util.c,
 * `#ifdef WIN32`), so there the platform decides and the tree rarely says which.
 */
const READERS = {
  nginx: { program: 'nginx', refusal: '[emerg] unknown directive "\\xef\\xbb\\xbf{{word}}"', everywhere: true },
  haproxy: {
    program: 'HAProxy',
    refusal: "unknown keyword '\\xef\\xbb\\xbf{{word}}' out of section",
    everywhere: true,
  },
  httpd: { program: 'Apache httpd', refusal: "AH00526: Invalid command '\\xef\\xbb\\xbf{{word}}'", everywhere: false },
} as const;

/** A problem when the file starts with a UTF-8 byte order mark that `reader` refuses; nothing otherwise. */
export function byteOrderMarkProblem(file: SourceFile, reader: keyof typeof READERS): ParseProblem | undefined {
  if (!file.hadBom) return undefined;
  const { program, refusal, everywhere } = READERS[reader];
  const start = { line: 0, character: 0 };
  // The word the program names: the mark and what follows it up to a space (nginx also ends a word at `;` and `{`).
  const word = /^[^\s;{]*/.exec(file.text)?.[0] ?? '';
  return {
    code: 'byte-order-mark',
    severity: everywhere ? 'error' : 'warning',
    message: everywhere
      ? `The file starts with a UTF-8 byte order mark: ${program} reads it as part of the first word and refuses the configuration at start (${refusal}). Save the file as UTF-8 without a byte order mark`
      : `The file starts with a UTF-8 byte order mark: ${program} on Linux and other Unix systems reads it as part of the first word and refuses the configuration at start (${refusal}); only its Windows builds skip it. Save the file as UTF-8 without a byte order mark`,
    data: { word },
    range: { start, end: start },
  };
}
