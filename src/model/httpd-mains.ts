/**
 * The main configurations httpd starts from, and the files a stock-layout main leaves out (./httpd.ts skips them).
 */
import type { ListedFiles } from './listed-files';
import * as path from 'node:path';
import type { ParsedDocument } from '../parse/types';
import type { HttpdData } from '../parse/httpd';
import type { DockerfileData } from '../parse/dockerfile';
import type { HttpdPlaced } from './httpd-tls';

export const INCLUDE = new Set(['include', 'includeoptional']);
const MAIN_NAMES = new Set(['httpd.conf', 'apache2.conf', 'apache.conf']);

/** The file httpd starts from: named so, or one that sets the ServerRoot. */
export function isMain(doc: ParsedDocument<HttpdData>): boolean {
  return (
    MAIN_NAMES.has(path.basename(doc.file.path).toLowerCase()) ||
    doc.data.directives.some((d) => d.key === 'serverroot')
  );
}

/**
 * Whether a main configuration's directives, its includes read, leave nothing to the start: every Include found its
 * files among the configurations read, or names a file the tree holds beside them that lint-deploy reads as no httpd
 * configuration (Ermax81's `Include conf/extra/proxy-html.conf`, mod_proxy_html's link table), and no `<IfDefine>` body
 * waits for a `-D` flag.
 */
export function leavesNothingOpen(placed: HttpdPlaced[], held: (target: string) => boolean): boolean {
  return placed.every(
    (p) =>
      !(INCLUDE.has(p.directive.key) && !held(p.directive.args[0]?.value ?? '')) &&
      !(p.directive.key === 'ifdefine' && !p.block) &&
      leavesNothingOpen(p.block ?? [], held),
  );
}

/** Whether a main's Include target is one file the tree holds under its ServerRoot (written relative, or under ServerRoot). */
export function heldUnder(doc: ParsedDocument<HttpdData>, listed: ListedFiles): (target: string) => boolean {
  const root = serverRootOf(doc);
  const written = doc.data.directives.find((d) => d.key === 'serverroot')?.args[0]?.value.replace(/\/+$/, '');
  return (target) => {
    if (!target || /[*?[]/.test(target)) return false;
    const relative = path.isAbsolute(target)
      ? written && target.startsWith(written + '/')
        ? target.slice(written.length + 1)
        : undefined
      : target;
    return relative !== undefined && listed.has(path.join(root, relative));
  };
}

/**
 * Files in the `conf` directory of a stock-layout main configuration (`<ServerRoot>/conf/httpd.conf`) that it, leaving
 * nothing open, does not include: httpd never reads them (`conf/extra/httpd-ssl.conf` behind the stock commented
 * `#Include`, the pristine copies in `conf/original/`). Ermax81/docker-apache-tomcat@cbf48bd0 mounts apache/conf over
 * the httpd image's conf: its httpd.conf loads no mod_ssl and includes no httpd-ssl.conf, so no TLS end listens. A
 * Dockerfile that copies the file alone, or a RUN naming it or the main (`sed -i … httpd.conf`, `a2ensite`), may put it
 * where it is read: then it still is.
 */
export function leftOutFiles(
  expanded: { doc: ParsedDocument<HttpdData>; top: HttpdPlaced[] }[],
  included: Set<string>,
  dockerfiles: ParsedDocument<DockerfileData>[],
  listed: ListedFiles,
): Set<string> {
  const runs = dockerfiles.flatMap((d) => d.data.commands.filter((c) => c.instruction === 'RUN').map((c) => c.text));
  const copied = new Set(
    dockerfiles.flatMap((d) =>
      d.data.copies.flatMap((c) => c.sources.map((s) => path.join(path.dirname(d.file.path), s))),
    ),
  );
  const named = (word: string) => runs.some((run) => run.includes(word));
  const confDirs = expanded
    .filter(({ doc }) => isMain(doc) && !doc.template && !included.has(doc.file.path))
    .filter(({ doc, top }) => leavesNothingOpen(top, heldUnder(doc, listed)))
    .filter(({ doc }) => path.basename(path.dirname(doc.file.path)) === 'conf' && !named(path.basename(doc.file.path)))
    .map(({ doc }) => path.dirname(doc.file.path) + path.sep);
  const leftOut = new Set<string>();
  for (const { doc } of expanded) {
    const file = doc.file.path;
    if (isMain(doc) || included.has(file) || copied.has(file)) continue;
    if (named(path.basename(file).replace(/\.[^.]*$/, ''))) continue;
    if (confDirs.some((dir) => file.startsWith(dir))) leftOut.add(file);
  }
  return leftOut;
}

/** The ServerRoot a main file's place implies: its directory, or the one above a `conf` directory (`conf/httpd.conf`). */
export function serverRootOf(doc: ParsedDocument<HttpdData>): string {
  const dir = path.dirname(doc.file.path);
  return path.basename(dir) === 'conf' ? path.dirname(dir) : dir;
}
