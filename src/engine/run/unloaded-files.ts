/**
 * A syntax error fails only what loads the file. nginx, httpd, Liberty and Tomcat read their files by name or place
 * (nginx.conf, conf.d/*.conf, a `*-enabled` directory, server.xml, Liberty's configDropins): any other such file is read
 * only where something names it (an include, a COPY, a Compose or Kubernetes mount, a script's `cp`). When no file of
 * the deployment names it, nor a directory holding it, and the program would not read it by itself, the tree shows
 * nothing that deploys it: a warning that says so, never silence (the error is real where something outside the tree
 * loads it). aksharagyana/special-train@e0f5bb1 keeps ngnix/sever-default.conf (an `http {` never closed) beside the
 * conf.d its Compose file mounts; OktaySavdi/Liberty@44188e5 keeps Example/sessions_server.xml (a `--` inside a
 * comment, which Liberty's XML parser refuses: CWWKG0014E) among examples nothing copies. Other linters read every file
 * they are given as loaded (ESLint, yamllint: a parse error is fatal); lint-deploy reads a whole tree and predicts what
 * fails at run time, so the tree's own evidence decides the severity (docs/rules/parse.md).
 */
import * as path from 'node:path';
import type { Finding } from '../../core/types';
import { relativePosix } from '../../core/posix-path';
import type { ParsedDocument } from '../../parse/types';
import { loadedAt } from '../../model/nginx-places';
import { pieceName } from './numbered-pieces';
import { namedByAnotherDocument } from './named-by-text';

/** Where each program reads a file of the kind without another file naming it, in words for the message. */
const READ_BY_ITSELF: Record<string, { product: string; reads: (relative: string) => boolean; where: string }> = {
  'nginx.conf': {
    product: 'nginx',
    reads: loadedAt,
    where: 'nginx.conf, and the files of conf.d or a `*-enabled` directory',
  },
  'httpd.conf': {
    product: 'Apache httpd',
    reads: (relative) =>
      /^(?:httpd|apache2)\.conf$/.test(path.posix.basename(relative)) ||
      /(?:^|\/)(?:conf\.d|conf\.modules\.d|[\w.]+-enabled)\//.test(relative),
    where: 'httpd.conf or apache2.conf, and the files of conf.d or a `*-enabled` directory',
  },
  'liberty.server-xml': {
    product: 'Liberty',
    reads: (relative) =>
      path.posix.basename(relative) === 'server.xml' ||
      /(?:^|\/)configDropins\/(?:defaults|overrides)\//.test(relative),
    where: 'server.xml and the files of configDropins/defaults and configDropins/overrides',
  },
  'tomcat.server-xml': {
    product: 'Tomcat',
    reads: (relative) => path.posix.basename(relative) === 'server.xml',
    where: 'conf/server.xml',
  },
};

/** Parse findings of certificates and key stores are judged by what names them (./unused-pem-files.ts). */
const JUDGED_ELSEWHERE = /^parse\/(?:pem-|keystore-)/;

export function unloadedFileErrorsAsWarnings(
  findings: Finding[],
  documents: readonly ParsedDocument[],
  root: string,
): Finding[] {
  const judged = (f: Finding) =>
    f.ruleId.startsWith('parse/') && f.severity === 'error' && !JUDGED_ELSEWHERE.test(f.ruleId);
  if (!findings.some(judged)) return findings;
  return findings.map((finding) => {
    if (!judged(finding)) return finding;
    const file = finding.location.file;
    const ofFile = documents.filter((d) => d.file.path === file);
    // A template is rendered, and a ConfigMap key mounted, where the tree's deploy step puts it (Helm renders every
    // file of templates/, a Chef or Ansible role its templates): no conventional place to judge by.
    if (ofFile.some((d) => d.template !== undefined || d.embedded !== undefined)) return finding;
    const convention = ofFile.map((d) => READ_BY_ITSELF[d.kind]).find((c) => c !== undefined);
    const relative = relativePosix(root, file);
    // A file at the top of the tree: the tree may be the directory the program reads (junseon1234/conf.d is a
    // repository of httpd's conf.d, its vhost.conf at the top), placed by what the tree cannot show.
    if (!relative.includes('/')) return finding;
    if (!convention || readsAsPiece(convention.reads, relative) || namedInTree(file, root, documents)) return finding;
    return {
      ...finding,
      severity: 'warning',
      message:
        `${finding.message.replace(/\.$/, '')}. No file of this deployment names ${path.basename(file)} or a directory holding it ` +
        `(no include, COPY, mount or script), and ${convention.product} reads by itself only ${convention.where}: ` +
        'nothing in the tree deploys it. Whatever loads it from outside the tree fails there; fix it, or remove it ' +
        'if nothing does',
    };
  });
}

/** Read by name, or a numbered piece (`10_server.xml`) of a file read by name, which a script assembles from parts. */
function readsAsPiece(reads: (relative: string) => boolean, relative: string): boolean {
  const piece = pieceName(relative);
  return (
    reads(relative) ||
    (piece !== undefined && reads(path.posix.join(path.posix.dirname(relative), piece.stem + piece.extension)))
  );
}

/**
 * Whether another document of the deployment names the file, by its name or by a directory holding it (relative to
 * that document's directory or one above it, up to the deployment root: a build context, a chart's root; `COPY . /etc/nginx/conf.d/`, `- ./nginx:/etc/nginx/conf.d`,
 * `{{ (.Files.Glob "conf/*.conf").AsConfig }}`). Read as text, so a mention that is no load also keeps the error.
 */
function namedInTree(file: string, root: string, documents: readonly ParsedDocument[]): boolean {
  if (namedByAnotherDocument(file, documents)) return true;
  const directories = ancestors(path.dirname(file), root);
  return documents.some((d) => {
    if (d.file.path === file) return false;
    const text = d.file.text;
    // `.` is the document's own directory (a Dockerfile's context, a script's working directory), not one above it.
    const [own, ...above] = ancestors(path.dirname(d.file.path), root);
    return directories.some(
      (dir) =>
        namesDirectory(text, relativePosix(own!, dir) || '.') ||
        above.some((base) => dir !== base && namesDirectory(text, relativePosix(base, dir))),
    );
  });
}

/** A directory and those above it, up to the deployment root. */
function ancestors(dir: string, root: string): string[] {
  const found = [dir];
  for (let at = dir; at !== root && at.startsWith(root) && path.dirname(at) !== at; ) {
    at = path.dirname(at);
    found.push(at);
  }
  return found;
}

/** A path word of the text that is the directory itself (`./conf`, `conf/`, `..`) or a glob in it (`conf/*.conf`). */
function namesDirectory(text: string, written: string): boolean {
  const escaped = written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const glob = String.raw`(?:\/[^\s"',\]):]*[*?][^\s"',\]):]*)?`;
  return new RegExp(String.raw`(?:^|[\s"'=:,\[(])(?:\.\/)?${escaped}${glob}\/?(?=$|[\s"':,\])])`, 'm').test(text);
}
