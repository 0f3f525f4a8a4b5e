/**
 * What a Chef cookbook's Ruby says about the Tomcat it installs (src/model/tomcat-cookbook-release.ts): node attribute
 * assignments with literal values (`default['tomcat']['version'] = '8.0.33'`, `node.default[:tomcat][:version] = …`,
 * `override_attributes('tomcat' => { 'version' => … })` in a role), the `template`/`cookbook_file` resources that render
 * a file at a path (https://docs.chef.io/resources/template/: the name is the path unless `path` is set; `source`
 * names the file of the cookbook's templates/ or files/), and the Tomcat cookbook's `tomcat_install` resources with their
 * `version`, `install_path` (https://github.com/sous-chefs/tomcat resources/install.rb).
 * Ruby is not evaluated: a value with interpolation (`"#{v}"`) or an expression is kept as written and names nothing.
 */
import type { Range } from '../core/types';
import { LineIndex } from './text';
import type { ParsedDocument, SourceFile } from './types';

export const CHEF_COOKBOOK_KIND = 'chef.cookbook';

/** A node attribute set to a literal (`default['tomcat']['version'] = '8.0.33'`). */
export interface ChefAttribute {
  /** The keys, symbols as their names: `['tomcat', 'version']`. */
  keys: string[];
  /** The literal's value: a string without interpolation, or a number as written. */
  value: string;
  range: Range;
}

/** A resource that renders or copies a cookbook file at a path. */
export interface ChefFileResource {
  resource: 'template' | 'cookbook_file';
  /** The path as written (interpolation kept: `#{tomcat['home']}/conf/server.xml`). */
  path: string;
  source: string;
  range: Range;
}

/** A `tomcat_install 'name' do … end` of the Tomcat cookbook. */
export interface ChefTomcatInstall {
  name: string;
  version?: { value: string; range: Range };
  installPath?: string;
  range: Range;
}

export interface ChefCookbookData {
  attributes: ChefAttribute[];
  files: ChefFileResource[];
  installs: ChefTomcatInstall[];
  /** A line that sets Tomcat's version by a form not read here (a role's nested hash, an expression): its range. */
  unreadVersions: Range[];
}

/** The directories of a cookbook or a chef-repo whose `.rb` files set attributes or declare resources. */
const CHEF_DIR = /(?:^|\/)(attributes|recipes|roles|environments)\/[^/]+\.rb$/;
const STRING = `(?:'((?:[^'\\\\]|\\\\.)*)'|"((?:[^"\\\\#]|\\\\.|#(?!\\{))*)")`;
const KEY = `\\[\\s*(?:${STRING}|:(\\w+))\\s*\\]`;
const ATTRIBUTE = new RegExp(
  `^[ \\t]*(?:node\\.)?(?:default|normal|override|force_default|force_override|set|default_unless|set_unless)((?:${KEY})+)[ \\t]*\\|?\\|?=[ \\t]*(?:${STRING}|(-?\\d+(?:\\.\\d+)*))[ \\t]*(?:#.*)?$`,
  'gm',
);
const RESOURCE = new RegExp(
  `^[ \\t]*(template|cookbook_file|tomcat_install)[ \\t(]+(?:'([^']*)'|"([^"]*)")[ \\t)]*do\\b([\\s\\S]*?)^[ \\t]*end\\b`,
  'gmd',
);

/** A line that assigns a node attribute, whatever its value. */
const SETS_ATTRIBUTE =
  /^[ \t]*(?:node\.)?(?:default|normal|override|force_default|force_override|set|default_unless|set_unless)\s*\[[^=]*\]\s*\|?\|?=(?!=)/;

const stringOf = (m: RegExpExecArray | null, at: number) => (m ? (m[at] ?? m[at + 1]) : undefined);

/** The keys of a `['a'][:b]` chain. */
function keysOf(chain: string): string[] {
  return [...chain.matchAll(new RegExp(KEY, 'g'))].map((k) => (k[1] ?? k[2] ?? k[3])!);
}

/** A property of a resource body: `version '9.0.117'`, `source "server.xml.erb"`. */
function property(body: string, name: string): { value: string; at: number } | undefined {
  const m = new RegExp(`^[ \\t]*${name}[ \\t(]+${STRING}`, 'm').exec(body);
  const value = stringOf(m, 1);
  return m && value !== undefined ? { value, at: m.index + m[0].length - value.length - 1 } : undefined;
}

/** The Chef attributes and resources of a cookbook's `.rb` file, or undefined when it says nothing about Tomcat. */
export function chefCookbook(source: SourceFile): ParsedDocument<ChefCookbookData> | undefined {
  if (!CHEF_DIR.test(source.path.replace(/\\/g, '/')) || !/tomcat/i.test(source.text)) return undefined;
  const text = source.text;
  const index = new LineIndex(text);
  const attributes: ChefAttribute[] = [];
  for (const m of text.matchAll(ATTRIBUTE)) {
    const value = m[5] ?? m[6] ?? m[7];
    if (value === undefined) continue;
    const start = m.index + m[0].search(/\S/);
    attributes.push({ keys: keysOf(m[1]!), value, range: index.rangeAt(start, m.index + m[0].trimEnd().length) });
  }
  const files: ChefFileResource[] = [];
  const installs: ChefTomcatInstall[] = [];
  for (const m of text.matchAll(RESOURCE)) {
    const [, resource, single, double, body = ''] = m;
    const name = (single ?? double)!;
    const bodyStart = m.indices?.[4]?.[0] ?? m.index;
    const head = index.rangeAt(m.index + m[0].search(/\S/), m.index + m[0].indexOf(name) + name.length + 1);
    if (resource === 'tomcat_install') {
      const version = property(body, 'version');
      const installPath = property(body, 'install_path')?.value;
      const versionAt = version && bodyStart + version.at;
      installs.push({
        name,
        ...(version && versionAt !== undefined
          ? { version: { value: version.value, range: index.rangeAt(versionAt, versionAt + version.value.length) } }
          : {}),
        ...(installPath !== undefined ? { installPath } : {}),
        range: head,
      });
      continue;
    }
    const from = property(body, 'source')?.value;
    if (from === undefined) continue;
    files.push({
      resource: resource as ChefFileResource['resource'],
      path: property(body, 'path')?.value ?? name,
      source: from,
      range: head,
    });
  }
  // Tomcat's version set some other way (a role's `'tomcat' => { 'version' => '9' }`, an attribute set to an expression):
  // not read, but it may override what is read, so its place is kept. A recipe that only reads it sets nothing.
  const read = new Set(attributes.map((a) => a.range.start.line));
  const role = /(?:^|\/)(roles|environments)\//.test(source.path.replace(/\\/g, '/'));
  const unreadVersions = [...text.matchAll(/^.*\btomcat\b.*\bversion\b.*$/gim)]
    .map((m) => ({ line: m[0], range: index.rangeAt(m.index, m.index + m[0].length) }))
    .filter(
      ({ line, range }) =>
        !read.has(range.start.line) &&
        !/^\s*#/.test(line) &&
        (role ? /=>|\w:\s/.test(line) : SETS_ATTRIBUTE.test(line)),
    )
    .map(({ range }) => range);
  if (attributes.length + files.length + installs.length + unreadVersions.length === 0) return undefined;
  return {
    file: source,
    kind: CHEF_COOKBOOK_KIND,
    entries: [],
    comments: [],
    problems: [],
    data: { attributes, files, installs, unreadVersions },
  };
}
