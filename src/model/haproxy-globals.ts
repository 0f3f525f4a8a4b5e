/**
 * HAProxy's global TLS defaults (`ssl-default-bind-*`, `ssl-default-server-*`, `ssl-server-verify`, `crt-base`,
 * `ca-base`, `ssl-load-extra-*`) as the bind and server components of ./haproxy.ts merge them, and the paths options
 * name joined to their base directory.
 */
import * as path from 'node:path';
import type { HaproxyData, HaproxyLine } from '../parse/haproxy';
import type { ParsedDocument } from '../parse/types';
import { isPlaceholder, optionLocation, optionsOf, wordsRange, type HaproxyOption } from './haproxy-tls';
import type { HaproxyKeyFileLookup, HaproxyPath } from './attributes';

/** The global section's TLS defaults, each as options. */
export interface HaproxyGlobals {
  bindOptions: HaproxyOption[];
  serverOptions: HaproxyOption[];
  bindCiphers?: HaproxyOption;
  serverCiphers?: HaproxyOption;
  bindCiphersuites?: HaproxyOption;
  bindCurves?: HaproxyOption;
  serverCiphersuites?: HaproxyOption;
  serverVerify?: HaproxyOption;
  crtBase?: string;
  caBase?: string;
  /** `ssl-load-extra-del-ext`, `ssl-load-extra-files`: where HAProxy looks for a certificate's separate key file. */
  keyFile: HaproxyKeyFileLookup;
  /** Whether an ssl-load-extra-* line is there: releases before 2.2 refuse the keyword, so the release reads key files. */
  keyFileSettings: boolean;
}

export function globalsOf(doc: ParsedDocument<HaproxyData>): HaproxyGlobals {
  const out: HaproxyGlobals = {
    bindOptions: [],
    serverOptions: [],
    keyFile: { name: 'appended' },
    keyFileSettings: false,
  };
  const file = doc.file.path;
  const single = (line: HaproxyLine): HaproxyOption => ({
    keyword: line.keyword,
    file,
    ...(line.args[0]
      ? { value: { value: line.args.map((a) => a.value).join(' '), range: wordsRange(line.args, line.keyword.range) } }
      : {}),
  });
  for (const section of doc.data.sections.filter((s) => s.kind === 'global'))
    for (const line of section.lines) {
      switch (line.keyword.value) {
        case 'ssl-default-bind-options':
          out.bindOptions.push(...optionsOf(line.args, file));
          break;
        case 'ssl-default-server-options':
          out.serverOptions.push(...optionsOf(line.args, file));
          break;
        case 'ssl-default-bind-ciphers':
          out.bindCiphers = single(line);
          break;
        case 'ssl-default-server-ciphers':
          out.serverCiphers = single(line);
          break;
        case 'ssl-default-bind-ciphersuites':
          out.bindCiphersuites = single(line);
          break;
        case 'ssl-default-bind-curves':
          out.bindCurves = single(line);
          break;
        case 'ssl-default-server-ciphersuites':
          out.serverCiphersuites = single(line);
          break;
        case 'ssl-server-verify':
          out.serverVerify = single(line);
          break;
        case 'crt-base':
          if (line.args[0]) out.crtBase = line.args[0].value;
          break;
        case 'ca-base':
          if (line.args[0]) out.caBase = line.args[0].value;
          break;
        // `foobar.crt` → `foobar.key` instead of `foobar.crt.key` (only a .crt extension is removed).
        case 'ssl-load-extra-del-ext':
          out.keyFileSettings = true;
          if (out.keyFile.name !== 'none')
            out.keyFile = { name: 'extension-replaced', at: { file, range: line.keyword.range } };
          break;
        // Without `key` (or `all`) among its words, no separate key file is read.
        case 'ssl-load-extra-files': {
          out.keyFileSettings = true;
          const words = line.args.map((a) => a.value);
          if (words.some((w) => /\$|\{/.test(w))) out.keyFile = { name: 'unknown' };
          else if (!words.includes('all') && !words.includes('key'))
            out.keyFile = { name: 'none', at: { file, range: wordsRange(line.args, line.keyword.range) } };
          break;
        }
        default:
          break;
      }
    }
  return out;
}

/** A path an option names, joined to its base directory when relative (`crt-base`, `ca-base`). */
export function pathOf(option: HaproxyOption | undefined, base: string | undefined): HaproxyPath | undefined {
  const value = option?.value?.value;
  if (!option || value === undefined) return undefined;
  const joined = base && !value.startsWith('/') && !isPlaceholder(value) ? path.posix.join(base, value) : value;
  return { value: joined, location: optionLocation(option) };
}
