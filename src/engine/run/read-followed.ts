import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeFile } from '../../parse/text';
import { classifyFile } from '../../parse/registry';
import type { TreeFileReader } from '../../parse/shell-file-pieces';
import type { DecodeResult } from '../../parse/text';
import type { Range } from '../../core/types';
import type { FormatHandler, ParsedDocument, SourceFile } from '../../parse/types';
import { innerTemplateName, scanTemplate } from '../../parse/template';
import { isTerraformTemplateName } from '../../parse/template-terraform';
import { rendersYaml } from './template-names';
import { parseTemplate } from './parse-template';
import { nginxDocuments, nginxIncludedFilesToRead } from '../../model/nginx-included-files';
import { nginxPrefixes } from '../../model/nginx-includes';
import { nginxFormat, readsAsNginx, type NginxData } from '../../parse/nginx';
import {
  channelsChangedByFeedingScripts,
  runmqscFedFilesToRead,
  streamOfFedFile,
} from '../../model/mq-runmqsc-fed-files';
import { mqscFormat, readsAsMqsc, type MqscData } from '../../parse/mqsc';
import { dockerfileFormat } from '../../parse/dockerfile';
import { serviceBuild, type ComposeData } from '../../parse/compose';

// Opening one file, and the files read after the main pass of read.ts because documents read there name them (nginx
// includes, files fed to runmqsc, java.security overrides, the files a Spring Cloud Config server serves).

/** Files above this size are not parsed (configuration files are small; this bounds memory). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** How much of a file classification may look at. */
export const HEAD_CHARS = 64 * 1024;

/** What opening a listed path found: its bytes, or that it is no regular file, or too large (its size). */
type Opened = { bytes: Buffer } | { notRegular: true } | { tooLarge: number };

/**
 * One open, fstat and read per file (a statSync before readFileSync looked the path up twice). O_NONBLOCK:
 * a FIFO that replaced a file since the walk is opened without blocking, then refused by its fstat.
 */
export function openRegularFile(file: string): Opened {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { notRegular: true };
    if (stat.size > MAX_FILE_BYTES) return { tooLarge: stat.size };
    const bytes = Buffer.allocUnsafe(stat.size);
    let length = 0;
    for (let read = -1; length < bytes.length && read !== 0; length += read)
      read = fs.readSync(fd, bytes, length, bytes.length - length, null);
    // Like readFileSync: up to the size fstat gave (a file that shrank since is read to its end).
    return { bytes: length < bytes.length ? bytes.subarray(0, length) : bytes };
  } finally {
    fs.closeSync(fd);
  }
}

/** Include levels followed to files no name or content test took (an included `.inc` that includes another). */
const MAX_NGINX_INCLUDE_ROUNDS = 10;

/**
 * The files nginx includes that no name or content test took (`include ssl-params.inc;` beside a `site.conf`), read as
 * nginx files, which they are to the nginx that includes them (src/model/nginx-included-files.ts).
 */
export function nginxIncludedDocuments(
  documents: readonly ParsedDocument[],
  files: string[],
  root: string,
): ParsedDocument[] {
  const added: ParsedDocument[] = [];
  const tried = new Set(documents.map((d) => d.file.path));
  const nginx = nginxDocuments(documents);
  // Files read here are never named nginx.conf (such a file was read by its name): the prefixes stay those of the tree.
  const prefixes = nginxPrefixes(nginx);
  // Each round follows the includes of the files the round before read; the earlier ones are resolved already.
  let including = nginx;
  for (let round = 0; round < MAX_NGINX_INCLUDE_ROUNDS && including.length > 0; round++) {
    const more = nginxIncludedFilesToRead(including, nginx, prefixes, files, tried, root);
    including = [];
    for (const file of more) {
      tried.add(file);
      // Only a file that reads as nginx: an installed path (`/etc/nginx/mime.types`) maps to the tree's file of the same
      // name by suffix, which may be another program's.
      for (const doc of readDocumentsAs(file, nginxFormat, 'nginx.conf'))
        if (readsAsNginx(doc.file.text.slice(0, HEAD_CHARS))) including.push(doc as ParsedDocument<NginxData>);
    }
    added.push(...including);
    nginx.push(...including);
  }
  return added;
}

/**
 * The files scripts feed runmqsc that no name test took (`runmqsc QM1 < /etc/mqm/mq-dev-config`), read as MQSC when
 * their content reads as MQSC (src/model/mq-runmqsc-fed-files.ts).
 */
export function runmqscFedDocuments(
  documents: readonly ParsedDocument[],
  files: string[],
  root: string,
): ParsedDocument[] {
  const read = new Set(documents.map((d) => d.file.path));
  return [...runmqscFedFilesToRead(documents, files, read, root)].flatMap(([file, scripts]) =>
    readDocumentsAs(file, mqscFormat, 'mq.mqsc').filter(
      (doc) =>
        readsAsMqsc(doc.file.text.slice(0, HEAD_CHARS)) &&
        !channelsChangedByFeedingScripts(
          doc as ParsedDocument<MqscData>,
          scripts,
          documents,
          streamOfFedFile(doc as ParsedDocument<MqscData>, documents, root),
        ),
    ),
  );
}

/** A file read only because another file names it: where that one names it, and the name it is given there. */
export interface NamingPlace {
  file: string;
  range: Range;
  /** The Compose service that builds from the file. */
  service: string;
  /** The file as the naming place writes it. */
  written: string;
}

/**
 * The Dockerfiles Compose services build (`build.dockerfile: ./DockerfileTomcat`) that no name test took: Compose names
 * them as what `docker build -f` reads, so they are read as Dockerfiles (jistol/docker-compose-nginx-tomcat-clustering-sample
 * @6c7e160: its DockerfileTomcat, which copies each Tomcat's conf/, was never read), at the path `serviceBuild` resolves.
 * With each, the `build.dockerfile` lines that name it: without them it is not read, so they decide what rests on it.
 */
export function composeNamedDockerfiles(
  documents: readonly ParsedDocument[],
  files: readonly string[],
): { documents: ParsedDocument[]; namedBy: Map<string, NamingPlace[]> } {
  const listed = new Set(files);
  const read = new Set(documents.map((d) => d.file.path));
  const namedBy = new Map<string, NamingPlace[]>();
  for (const doc of documents) {
    if (doc.kind !== 'compose') continue;
    for (const service of (doc.data as ComposeData).services) {
      const { dockerfile: written, dockerfileRange: range } = service;
      const file = written === undefined ? undefined : serviceBuild(doc.file.path, service)?.dockerfile;
      if (!file || !range || !listed.has(file) || read.has(file)) continue;
      const place = { file: doc.file.path, range, service: service.name, written: written! };
      namedBy.set(file, [...(namedBy.get(file) ?? []), place]);
    }
  }
  return {
    documents: [...namedBy.keys()].flatMap((file) => readDocumentsAs(file, dockerfileFormat, 'dockerfile')),
    namedBy,
  };
}

/** Largest file read as a password by itself (a Confluent credentials file holds one line). */
const MAX_PASSWORD_FILE_BYTES = 4096;

/** A reader of the deployment's own small files (any other path, or a larger file, reads as undefined). */
export function smallTreeFile(listed: ReadonlySet<string>): (file: string) => string | undefined {
  return (file) => {
    if (!listed.has(file)) return undefined;
    try {
      const opened = openRegularFile(file);
      return 'bytes' in opened && opened.bytes.length <= MAX_PASSWORD_FILE_BYTES
        ? opened.bytes.toString('utf8')
        : undefined;
    } catch {
      return undefined;
    }
  };
}

/** Largest file a script's `cat`/`cp` is read copying into a configuration file. */
const MAX_PIECE_BYTES = 256 * 1024;

/**
 * The text of the tree's file that a path a script copies names (`/etc/nginx/ssl-template-part2.cfg`, which a
 * Dockerfile `ADD configs/ssl-template-part2.cfg` put there): the one file whose path ends with the most of its
 * segments, at least its name; none or several such files, a `$` in its name, or a large file: undefined. A file read
 * as configuration on its own is named without its text (`readAlone`: vijay2181/kafka-SSL-architecture-on-docker's
 * start-kafka.sh copies kafka.properties and echoes lines after it): its findings are its own, and said again at the
 * script's `cp` line they would repeat.
 */
export function treeFileBySuffix(files: readonly string[]): TreeFileReader {
  return (written) => {
    const segments = written.split('/').filter((s) => s !== '' && s !== '.');
    const name = segments.at(-1);
    if (!name || name.includes('$')) return undefined;
    let best: string[] = [];
    let most = 0;
    for (const file of files) {
      const parts = file.split(path.sep);
      if (parts.at(-1) !== name) continue;
      let n = 1;
      while (n < segments.length && parts.at(-1 - n) === segments.at(-1 - n)) n++;
      if (n > most) [best, most] = [[file], n];
      else if (n === most) best.push(file);
    }
    if (best.length !== 1) return undefined;
    try {
      const opened = openRegularFile(best[0]!);
      if (!('bytes' in opened) || opened.bytes.length > MAX_PIECE_BYTES) return undefined;
      const text = opened.bytes.toString('utf8');
      const file = best[0]!;
      return classifyFile(innerTemplateName(file) ?? file, text.slice(0, HEAD_CHARS))
        ? { file, readAlone: true }
        : { file, text };
    } catch {
      return undefined;
    }
  };
}

/** The directory that holds every file (a caller that names no deployment root). */
export function commonDirectory(files: readonly string[]): string {
  let common = path.dirname(files[0] ?? '.');
  for (const file of files)
    while (!file.startsWith(common + path.sep) && path.dirname(common) !== common) common = path.dirname(common);
  return common;
}

/** A decoded file as parsers see it: `hadBom` for a UTF-8 byte order mark only, `utf16` for a UTF-16 file. */
export function sourceOf(file: string, decoded: DecodeResult & { ok: true }): SourceFile {
  const utf16 = UTF16_OF[decoded.encoding];
  return { path: file, text: decoded.text, hadBom: decoded.hadBom && !utf16, ...(utf16 ? { utf16 } : {}) };
}

const UTF16_OF: Partial<Record<string, SourceFile['utf16']>> = { 'utf-16le': 'le', 'utf-16be': 'be' };

/** A file read again as the given kind (a java.security override under another name). */
export function readDocumentsAs(file: string, handler: FormatHandler, kind: string): ParsedDocument[] {
  return readDocumentsClassified(file, () => ({ handler, kind }));
}

/**
 * A file read again, classified from its head with the template syntax set aside (`classify`; none: not read); `name`
 * is the name it renders to (a template's own name without its suffix, or where a task puts it), `xml` whether
 * its XML fill-ins are template values.
 */
export function readDocumentsClassified(
  file: string,
  classify: (head: string) => { handler: FormatHandler; kind: string } | undefined,
  name = innerTemplateName(file) ?? file,
  xml = false,
): ParsedDocument[] {
  // The main pass already said why a file it could not open, or found too large, is not checked.
  let opened: Opened;
  try {
    opened = openRegularFile(file);
  } catch {
    return [];
  }
  if (!('bytes' in opened)) return [];
  const decoded = decodeFile(opened.bytes);
  if (!decoded.ok) return [];
  return parseClassified(sourceOf(file, decoded), classify, name, xml);
}

/** A file the main pass decoded (`source`), classified and parsed as `readDocumentsClassified` reads it. */
export function parseClassified(
  source: SourceFile,
  classify: (head: string) => { handler: FormatHandler; kind: string } | undefined,
  name = innerTemplateName(source.path) ?? source.path,
  xml = false,
): ParsedDocument[] {
  const file = source.path;
  const template = scanTemplate(
    source.text,
    innerTemplateName(file) !== undefined,
    false,
    isTerraformTemplateName(file),
    rendersYaml(name),
    xml,
  );
  const classified = classify((template?.masked ?? source.text).slice(0, HEAD_CHARS));
  if (!classified) return [];
  return [
    template ? parseTemplate(classified, source, template, false) : classified.handler.parse(source, classified.kind),
  ];
}
