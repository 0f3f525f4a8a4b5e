/**
 * What Chef recipes, Puppet manifests and Salt states put where, read as ./script-file-placements.ts reads a shell
 * script and as a document of the same kind, for the question whether something enables an nginx file of a
 * `*-available` directory (src/model/nginx-enablers.ts). Only the resources whose documented syntax says they link,
 * copy or render a file at a path:
 * - Chef (`recipes/*.rb`): `link 'PATH' do to 'SOURCE'` (https://docs.chef.io/resources/link/), `template`,
 *   `cookbook_file` and `remote_file 'PATH' do source 'SOURCE'` (`path`/`target_file` name the place when written),
 *   the nginx cookbook's `nginx_site 'NAME'` (it links sites-available/NAME into sites-enabled), and the commands of
 *   `execute`/`bash` (`command '…'`, a `code` string);
 * - Puppet (`*.pp`): `file { 'PATH': ensure => link, target => 'SOURCE' }` and `file { 'PATH': source => 'puppet:///…' }`
 *   or `content => template('…')` (`path =>` names the place when written;
 *   https://www.puppet.com/docs/puppet/8/types/file.html), and the `command` of an `exec`;
 * - Salt (`*.sls`): an ID's `file.symlink` (`- target:`), `file.managed`, `file.copy` and `file.recurse` (`- source:`),
 *   the ID or `- name:` naming the place, and `cmd.run`'s `- name:` command
 *   (https://docs.saltproject.io/en/latest/ref/states/all/salt.states.file.html).
 * Nothing expands: `#{node['nginx']['dir']}/x`, `${nginx::dir}/x` and `{{ dir }}/x` stay as written, read as unknown.
 */
import {
  placementsDocument,
  placementsIn,
  type FilePlacement,
  type FilePlacementsData,
} from './script-file-placements';
import { LineIndex } from './text';
import type { ParsedDocument, SourceFile } from './types';

/** What makes such a file worth reading: it names an `*-available` or `*-enabled` directory, or nginx. */
const MAY_PLACE = /-available|-enabled|nginx/;

/** What a Chef recipe, Puppet manifest or Salt state places where, or undefined when it places nothing. */
export function provisioningPlacements(source: SourceFile): ParsedDocument<FilePlacementsData> | undefined {
  const reader = /\.rb$/.test(source.path)
    ? chefPlacements
    : /\.pp$/.test(source.path)
      ? puppetPlacements
      : /\.sls$/.test(source.path)
        ? saltPlacements
        : undefined;
  if (!reader || !MAY_PLACE.test(source.text)) return undefined;
  const index = new LineIndex(source.text);
  const placements = reader(source.text).map(({ start, end, ...p }) => ({ ...p, range: index.rangeAt(start, end) }));
  return placements.length > 0 ? placementsDocument(source, placements) : undefined;
}

type Found = Omit<FilePlacement, 'range'> & { start: number; end: number };

/** A Ruby or Puppet string literal's text (no interpolation expanded). */
const STRING = `(?:'([^']*)'|"([^"]*)")`;
const stringOf = (m: RegExpExecArray | RegExpMatchArray | null, at = 1) => (m ? (m[at] ?? m[at + 1]) : undefined);

/** The commands of a string, each placement at the string's place. */
function commandsIn(text: string, start: number, end: number): Found[] {
  return placementsIn(text).map(({ start: _s, end: _e, ...p }) => ({ ...p, start, end }));
}

/** Each resource a pattern finds (its type, its quoted name, its body), placed at its type and name. */
function* resourcesOf(text: string, pattern: RegExp) {
  for (const m of text.matchAll(pattern)) {
    const [, resource = '', single, double, body = ''] = m;
    const name = (single ?? double)!;
    const start = m.index;
    yield { resource, name, body, start, end: start + m[0].indexOf(name) + name.length + 1 };
  }
}

const CHEF_RESOURCE = new RegExp(
  `^[ \\t]*(link|template|cookbook_file|remote_file|execute|bash|nginx_site)[ \\t(]+${STRING}[ \\t)]*(?:do\\b([\\s\\S]*?)^[ \\t]*end\\b)?`,
  'gm',
);

function chefPlacements(text: string): Found[] {
  const found: Found[] = [];
  for (const { resource, name, body, start, end } of resourcesOf(text, CHEF_RESOURCE)) {
    const property = (key: string) => stringOf(new RegExp(`^[ \\t]*${key}[ \\t(]+${STRING}`, 'm').exec(body));
    const place = property('target_file') ?? property('path') ?? name;
    if (resource === 'nginx_site') found.push({ verb: 'nginx_site', sources: [name], start, end });
    else if (resource === 'link') {
      const to = property('to');
      if (to !== undefined) found.push({ verb: 'ln', sources: [to], destination: place, start, end });
    } else if (resource === 'execute' || resource === 'bash') {
      const code = /^[ \t]*code[ \t]+<<[-~]?(\w+)\n([\s\S]*?)^[ \t]*\1\b/m.exec(body)?.[2];
      found.push(
        ...commandsIn(
          property('command') ?? property('code') ?? code ?? (resource === 'execute' ? name : ''),
          start,
          end,
        ),
      );
    } else {
      const from = property('source');
      if (from !== undefined)
        found.push({
          verb: resource === 'template' ? 'template' : 'cp',
          sources: [from],
          destination: place,
          start,
          end,
        });
    }
  }
  return found;
}

const PUPPET_RESOURCE = new RegExp(`\\b(file|exec)[ \\t]*\\{[ \\t\\n]*${STRING}[ \\t]*:([^}]*)\\}`, 'g');

function puppetPlacements(text: string): Found[] {
  const found: Found[] = [];
  for (const { resource, name: title, body, start, end } of resourcesOf(text, PUPPET_RESOURCE)) {
    const attribute = (key: string) => new RegExp(`\\b${key}[ \\t]*=>[ \\t]*(?:${STRING}|(\\w+))`).exec(body);
    const value = (key: string) => {
      const a = attribute(key);
      return a ? (a[1] ?? a[2] ?? a[3]) : undefined;
    };
    if (resource === 'exec') {
      found.push(...commandsIn(value('command') ?? title, start, end));
      continue;
    }
    const place = value('path') ?? title;
    const target = value('target');
    const source = value('source');
    const template = stringOf(new RegExp(`\\bcontent[ \\t]*=>[ \\t]*(?:template|epp)\\(${STRING}`).exec(body));
    if (value('ensure') === 'link' && target !== undefined)
      found.push({ verb: 'ln', sources: [target], destination: place, start, end });
    else if (source !== undefined) found.push({ verb: 'cp', sources: [source], destination: place, start, end });
    else if (template !== undefined)
      found.push({ verb: 'template', sources: [template], destination: place, start, end });
  }
  return found;
}

const SALT_FUNCTION = /^([ \t]+)(file\.(symlink|managed|copy|recurse)|cmd\.run)[ \t]*:[ \t]*$/;
const SALT_ARGUMENT = /^[ \t]+-[ \t]+(name|target|source)[ \t]*:[ \t]*(.*?)[ \t]*$/;

function saltPlacements(text: string): Found[] {
  const found: Found[] = [];
  let id: string | undefined;
  let state: { fn: string; start: number; end: number; args: Record<string, string> } | undefined;
  const close = () => {
    if (!state || id === undefined) return;
    const { fn, start, end, args } = state;
    const place = args.name ?? id;
    if (fn === 'cmd.run') found.push(...commandsIn(place, start, end));
    else if (fn === 'file.symlink' && args.target !== undefined)
      found.push({ verb: 'ln', sources: [args.target], destination: place, start, end });
    else if (fn !== 'file.symlink' && args.source !== undefined)
      found.push({ verb: 'cp', sources: [args.source], destination: place, start, end });
    state = undefined;
  };
  let offset = 0;
  for (const line of text.split('\n')) {
    const head = /^([^\s#-][^:]*):[ \t]*$/.exec(line);
    const fn = SALT_FUNCTION.exec(line);
    const argument = SALT_ARGUMENT.exec(line);
    if (head) {
      close();
      id = head[1]!.replace(/^(["'])(.*)\1$/, '$2');
    } else if (fn) {
      close();
      state = { fn: fn[2]!, start: offset + fn[1]!.length, end: offset + line.length, args: {} };
    } else if (argument && state) state.args[argument[1]!] = argument[2]!.replace(/^(["'])(.*)\1$/, '$2');
    offset += line.length + 1;
  }
  close();
  return found;
}
