/**
 * The Ansible tasks of a YAML file that install Debian's mod_jk package (data/tomcat.json
 * ajpFronts.modJk.debianPackage.ansibleInstall): `apt: name=libapache2-mod-jk`, `package: {name: [apache2,
 * libapache2-mod-jk]}`, or `apt: pkg="{{ item }}"` over a `with_items`/`loop` list that holds it
 * (el1638en/apache_tomcat_load_balancer@aa1097b roles/apache2/tasks/install.yml), as an `apt-get install` in a
 * Dockerfile RUN is (../model/modjk-package.ts). A task that removes it, or names it through a variable, is none.
 */
import type { Node, YAMLMap } from 'yaml';
import type { Range } from '../core/types';
import { TOMCAT_AJP_FRONTS } from '../knowledge/tomcat';
import { LineIndex } from './text';
import type { SourceFile } from './types';
import { yaml } from './yaml-flatten';

const PACKAGE = TOMCAT_AJP_FRONTS.modJk.debianPackage;
const INSTALL = PACKAGE.ansibleInstall;
const MODULES = new Set(INSTALL.modules);
/** The loop variable, alone (`{{ item }}`). */
const ITEM = /^\{\{\s*item\s*\}\}$/;

type YamlNode = Node | null | undefined;

/** Whether a YAML file may hold such a task, without parsing it (the read stage records only those). */
export function mayInstallDebianModJk(text: string): boolean {
  return (
    text.includes(PACKAGE.package) &&
    /^[ \t]*(?:- )?[ \t]*(?:ansible\.(?:builtin|legacy)\.)?(?:apt|package)[ \t]*:/m.test(text)
  );
}

/** The ranges of the tasks (their module and its arguments) that install the package. */
export function debianModJkInstalls(source: SourceFile): Range[] {
  if (!mayInstallDebianModJk(source.text)) return [];
  const lib = yaml();
  let documents: ReturnType<typeof lib.parseAllDocuments>;
  try {
    documents = lib.parseAllDocuments(source.text, { uniqueKeys: false });
  } catch {
    return [];
  }
  const index = new LineIndex(source.text);
  const found: Range[] = [];
  const visit = (node: YamlNode): void => {
    if (lib.isSeq(node)) for (const item of node.items) visit(item as YamlNode);
    if (!lib.isMap(node)) return;
    for (const pair of node.items) {
      const value = pair.value as YamlNode;
      if (lib.isScalar(pair.key) && MODULES.has(String(pair.key.value)) && installs(value, node)) {
        // From the module's name to the end of its arguments: the task as it installs.
        found.push(index.rangeAt(pair.key.range?.[0] ?? 0, value?.range?.[1] ?? 0));
      } else visit(value);
    }
  };
  for (const document of Array.isArray(documents) ? documents : [documents]) visit(document.contents);
  return found;
}

/** Whether a package module's arguments (a mapping or one `key=value` string) install the package. */
function installs(args: YamlNode, task: YAMLMap): boolean {
  const lib = yaml();
  const named: string[] = [];
  let state: string | undefined;
  if (lib.isMap(args)) {
    for (const pair of args.items) {
      const key = lib.isScalar(pair.key) ? String(pair.key.value) : '';
      if (INSTALL.nameArguments.includes(key)) named.push(...packageNames(pair.value as YamlNode));
      if (key === 'state' && lib.isScalar(pair.value)) state = String(pair.value.value);
    }
  } else if (lib.isScalar(args)) {
    for (const m of String(args.value).matchAll(/(?:^|\s)(\w+)=("[^"]*"|'[^']*'|\S+)/g)) {
      const value = m[2]!.replace(/^(["'])(.*)\1$/, '$2');
      if (INSTALL.nameArguments.includes(m[1]!)) named.push(...namesIn(value));
      if (m[1] === 'state') state = value;
    }
  }
  if (state !== undefined && !INSTALL.installStates.includes(state)) return false;
  if (named.includes(PACKAGE.package)) return true;
  const loop = task.items.find((p) => lib.isScalar(p.key) && INSTALL.loops.includes(String(p.key.value)));
  return named.some((name) => ITEM.test(name)) && packageNames(loop?.value as YamlNode).includes(PACKAGE.package);
}

/** The names a value gives: a list's items, or a string's names. */
function packageNames(node: YamlNode): string[] {
  const lib = yaml();
  if (lib.isSeq(node)) return node.items.flatMap((item) => (lib.isScalar(item) ? [String(item.value).trim()] : []));
  return lib.isScalar(node) ? namesIn(String(node.value)) : [];
}

/** A string's comma-separated names (apt reads `name: a,b` as two); `{{ item }}` stays one. */
const namesIn = (text: string): string[] =>
  ITEM.test(text.trim()) ? [text.trim()] : text.split(',').map((name) => name.trim());
