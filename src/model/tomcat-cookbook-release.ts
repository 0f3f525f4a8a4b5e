/**
 * The Tomcat release a Chef cookbook installs, for the server.xml its own recipe renders from its `templates/` (or copies
 * from its `files/`) into a `…/server.xml` (docs/deployments.md § Which Tomcat release), read as the Ansible role's
 * (./tomcat-role-release.ts):
 * - the Tomcat cookbook's `tomcat_install 'NAME' do version '9.0.117'` in the same recipe, when the template's path is
 *   under that installation (its `install_path`, else `/opt/tomcat_NAME`, the link the resource makes:
 *   sous-chefs/tomcat@3725d2b libraries/install_helpers.rb default_tomcat_symlink_path (Apache-2.0));
 * - else the cookbook's own `default['tomcat']['version']` (its attributes/), a full release, that its recipes read and
 *   that nothing else in the tree sets to another value (TAMULib/chef-tomcat-simple@aaae938: attributes/default.rb
 *   `default['tomcat']['version'] = '8.0.33'`; recipes/default.rb downloads `'apache-tomcat-' + tomcat['version']` and
 *   renders `template "#{tomcat['home']}/conf/server.xml" do source "server.xml.erb"`).
 * A major alone (`default['tomcat']['base_version'] = 6`, a platform package's name) names no release, nor does a version
 * a role, an environment or an expression sets in a way not read here.
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import { CHEF_COOKBOOK_KIND, type ChefCookbookData, type ChefFileResource } from '../parse/chef-cookbook';
import type { ParsedDocument } from '../parse/types';
import type { ModelContext } from './contributor';
import { shortPath } from './runtime-named';

type ChefDocument = ParsedDocument<ChefCookbookData>;

const FULL_RELEASE = /^\d+\.\d+\.\d+$/;

/** The release read, in the shape ./tomcat-release.ts reads every release (TomcatReleaseRead). */
interface CookbookRelease {
  release: string;
  text: string;
  at: Location;
  via: (Location & { writesTo: string })[];
  majorOnly: false;
}

/** The cookbook a `templates/` or `files/` file belongs to, and its name there as a `source` names it. */
function cookbookOf(file: string): { root: string; dir: 'templates' | 'files'; names: string[] } | undefined {
  const parts = file.split(path.sep);
  for (let i = parts.length - 2; i >= 1; i--) {
    const dir = parts[i];
    if (dir !== 'templates' && dir !== 'files') continue;
    const rest = parts.slice(i + 1);
    // Chef looks a source up in the cookbook's templates/ itself or in a host-, platform- or `default/` subdirectory.
    const names = [rest.join('/'), ...(rest.length > 1 ? [rest.slice(1).join('/')] : [])];
    return { root: parts.slice(0, i).join(path.sep), dir, names };
  }
  return undefined;
}

const under = (doc: ChefDocument, root: string, dir: string) =>
  doc.file.path.startsWith(path.join(root, dir) + path.sep);

/** The recipe resource of the cookbook that renders (copies) this file into a `…/server.xml`. */
function writingResource(recipes: readonly ChefDocument[], dir: 'templates' | 'files', names: readonly string[]) {
  const resource: ChefFileResource['resource'] = dir === 'templates' ? 'template' : 'cookbook_file';
  for (const doc of recipes)
    for (const file of doc.data.files)
      if (file.resource === resource && names.includes(file.source) && /(?:^|[/}])server\.xml$/.test(file.path))
        return { doc, file };
  return undefined;
}

/** Tomcat's version attribute (`['tomcat']['version']`), as its keys. */
const isTomcatVersion = (keys: readonly string[]) => keys.length === 2 && keys[0] === 'tomcat' && keys[1] === 'version';

/**
 * The release of the cookbook whose `templates/` or `files/` hold `serverXml`, when its own recipe writes that file into a
 * server.xml and the recipe's `tomcat_install` or the cookbook's version attribute names one full release.
 */
export function tomcatCookbookRelease(ctx: ModelContext, serverXml: string): CookbookRelease | undefined {
  const cookbook = cookbookOf(serverXml);
  if (!cookbook) return undefined;
  const docs = ctx.documentsOf(CHEF_COOKBOOK_KIND) as ChefDocument[];
  const recipes = docs.filter((d) => under(d, cookbook.root, 'recipes'));
  const writing = writingResource(recipes, cookbook.dir, cookbook.names);
  if (!writing) return undefined;
  const root = ctx.deployment.root;
  const written = `${shortPath(writing.doc.file.path, root)}:${writing.file.range.start.line + 1}`;
  const via = [{ file: writing.doc.file.path, range: writing.file.range, writesTo: writing.file.path }];
  const whose = `the cookbook whose recipe at ${written} writes this file`;
  // A tomcat_install of the same recipe whose installation the file is written into.
  const installs = writing.doc.data.installs.filter((i) =>
    writing.file.path.startsWith((i.installPath ?? `/opt/tomcat_${i.name}`).replace(/\/?$/, '/')),
  );
  const [install] = installs;
  if (installs.length === 1 && install?.version && FULL_RELEASE.test(install.version.value))
    return {
      release: install.version.value,
      text: `${shortPath(writing.doc.file.path, root)}:${install.version.range.start.line + 1} tomcat_install '${install.name}' version '${install.version.value}', the installation ${whose} into`,
      at: { file: writing.doc.file.path, range: install.version.range },
      via,
      majorOnly: false,
    };
  if (installs.length > 0) return undefined;
  // Else the cookbook's default of ['tomcat']['version'], read by its recipes, set to no other value in the tree.
  if (docs.some((d) => d.data.unreadVersions.length > 0)) return undefined;
  const set = docs.flatMap((d) => d.data.attributes.filter((a) => isTomcatVersion(a.keys)).map((a) => ({ d, a })));
  const own = set.find(({ d }) => under(d, cookbook.root, 'attributes'));
  const read = recipes.some((d) => /\[\s*(?:'version'|"version"|:version)\s*\]/.test(d.file.text));
  if (!own || !read || set.some(({ a }) => a.value !== own.a.value) || !FULL_RELEASE.test(own.a.value))
    return undefined;
  return {
    release: own.a.value,
    text: `${shortPath(own.d.file.path, root)}:${own.a.range.start.line + 1} ${own.d.file.text.split('\n')[own.a.range.start.line]?.trim()}, the default of ${whose}`,
    at: { file: own.d.file.path, range: own.a.range },
    via,
    majorOnly: false,
  };
}
