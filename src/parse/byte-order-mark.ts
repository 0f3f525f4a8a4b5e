import type { Range } from '../core/types';
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
  nginx: { program: 'nginx', refusal: '[emerg] unknown directive "{{mark}}{{word}}"', everywhere: true },
  haproxy: { program: 'HAProxy', refusal: "unknown keyword '{{mark}}{{word}}' out of section", everywhere: true },
  httpd: { program: 'Apache httpd', refusal: "AH00526: Invalid command '{{mark}}{{word}}'", everywhere: false },
} as const;

/** The byte order marks as these programs print them. */
const MARKS = { 'utf-8': '\\xef\\xbb\\xbf', le: '\\xff\\xfe', be: '\\xfe\\xff' } as const;

/**
 * A problem when the file starts with a byte order mark that `reader` refuses; nothing otherwise. A UTF-16 file
 * (decoded by lint-deploy) is refused too: these programs read bytes, so the mark starts the first word and the NUL
 * byte of each ASCII character ends it. Measured on Debian 12 with the mark and UTF-16 LE and BE text: nginx 1.22.1
 * `[emerg] unknown directive "\xff\xfes"` (an included `server {…}`), HAProxy 2.6.12 `unknown keyword '\xff\xfeg'
 * out of section` and `Stray NUL character`, httpd 2.4.71 `AH00526: Invalid command '\xff\xfeI'` (an included file);
 * in big-endian files the word is the mark alone. httpd on Windows was not run: a warning there too.
 */
export function byteOrderMarkProblem(file: SourceFile, reader: keyof typeof READERS): ParseProblem | undefined {
  if (!file.hadBom && !file.utf16) return undefined;
  const { program, refusal, everywhere } = READERS[reader];
  const start = { line: 0, character: 0 };
  // The word the program names: the mark and what follows it up to a space (nginx also ends a word at `;` and `{`);
  // in UTF-16 up to the first NUL byte: the first character in little-endian, nothing in big-endian.
  const word = file.utf16 === 'be' ? '' : (/^[^\s;{]*/.exec(file.text)?.[0] ?? '').slice(0, file.utf16 ? 1 : undefined);
  const mark = MARKS[file.utf16 ?? 'utf-8'];
  const saved = 'Save the file as UTF-8 without a byte order mark';
  return {
    code: 'byte-order-mark',
    severity: everywhere ? 'error' : 'warning',
    message: file.utf16
      ? `The file is UTF-16 (it starts with the UTF-16 byte order mark {{mark}}): ${program} reads its configuration as bytes, takes the mark for the first word's start and a NUL byte for its end, and refuses the configuration at start (${refusal}${everywhere ? '' : ', measured on Linux'}). ${saved}`
      : everywhere
        ? `The file starts with a UTF-8 byte order mark: ${program} reads it as part of the first word and refuses the configuration at start (${refusal}). ${saved}`
        : `The file starts with a UTF-8 byte order mark: ${program} on Linux and other Unix systems reads it as part of the first word and refuses the configuration at start (${refusal}); only its Windows builds skip it. ${saved}`,
    data: { mark, word },
    range: { start, end: start },
  };
}

/**
 * Where the first command of a shell script ends, when the script starts with a UTF-8 byte order mark and that
 * command is not a blank line or a comment: bash and dash read the mark as part of the first word, so that command is
 * not found and does not run (measured: bash 5.2.15 and dash 0.5.12 on Debian 12, `. ./setenv.sh` whose first line is
 * `export JAVA_OPTS=…` reports "\xef\xbb\xbfexport: command not found" and leaves JAVA_OPTS unset, the next line
 * runs); `shellCommandEnd` says where the first command ends. A comment behind the mark is a command that is not
 * found too, and harmless.
 *
 * Liberty's server.env is read by Liberty's `server` script line by line (readServerEnv,
 * OpenLiberty/open-liberty@f0d22b6c dev/com.ibm.ws.kernel.boot.ws-server/publish/bin/server): a name that is not
 * `[a-zA-Z0-9_]+` is listed as invalid and not set, so the mark costs the first line (measured: that function run in
 * bash and dash leaves `JVM_ARGS` on a marked first line unset, and sets it without the mark).
 * `undefined` when nothing fails.
 */
export function failedFirstCommand(
  file: SourceFile,
  libertyServerEnv: boolean,
  shellCommandEnd: (text: string) => number,
): FailedFirstCommand | undefined {
  if (!file.hadBom) return undefined;
  const text = file.text;
  const word = /^[^\s=;&|]*/.exec(text)?.[0] ?? '';
  const lineEnd = text.search(/\r?\n|$/);
  if (/^\s*(#|$)/.test(text.slice(0, lineEnd))) return undefined;
  if (libertyServerEnv)
    return text.slice(0, lineEnd).includes('=') ? { end: lineEnd, word, libertyServerEnv } : undefined;
  return { end: shellCommandEnd(text), word, libertyServerEnv };
}

export interface FailedFirstCommand {
  /** Offset in the text (the mark removed) where what does not run ends. */
  end: number;
  /** The first word as written after the mark, up to a blank or `=` (a value is never shown). */
  word: string;
  libertyServerEnv: boolean;
}

/** The warning for a script's first command that does not run, naming what lint-deploy no longer counts. */
export function failedFirstCommandProblem(failed: FailedFirstCommand, range: Range, dropped: string[]): ParseProblem {
  return {
    code: 'byte-order-mark',
    severity: 'warning',
    message: failed.libertyServerEnv
      ? "The file starts with a UTF-8 byte order mark, which Liberty's server script reads as part of the first line's variable name: it takes '\\xef\\xbb\\xbf{{word}}' for an invalid name and does not set it, so {{dropped}} is not set. Save the file as UTF-8 without a byte order mark"
      : "The file starts with a UTF-8 byte order mark, which bash and dash read as part of the first word: the first line's command is not found ('\\xef\\xbb\\xbf{{word}}: command not found') and does not run, so it does not set {{dropped}}. Save the file as UTF-8 without a byte order mark",
    data: { word: failed.word, dropped: dropped.join(', ') },
    range,
  };
}
