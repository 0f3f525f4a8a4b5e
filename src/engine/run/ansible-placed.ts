/**
 * A role's template or file that its name does not classify (`haproxy.j2`, `alfresco.site.j2`, `dspace.j2`,
 * `ssl.conf.24`) is what the Ansible task that puts it somewhere makes it: classified by the task's `dest` as the
 * server reads that place (`/etc/haproxy/haproxy.cfg`, `…/sites-available/{{ inventory_hostname }}`), by the same
 * handlers that classify a file by its own name and head. A `dest` that is a directory (`/etc/nginx/conf.d/`) takes
 * the source's name, as Ansible's template and copy actions do (ansible/ansible@8a2b8e5
 * lib/ansible/plugins/action/template.py and copy.py, GPL-3.0). A relative `src` is looked up as Ansible's `_find_needle`
 * does for a role's task: the role's `templates/` (`files/` for copy), the role itself, the task file's directory;
 * for a playbook its own directory's `templates/` (`files/`) and itself. A template value in the `dest` leaves that
 * part of the name unknown (`{{ nginx_dir }}/sites-available/{{ site }}` is some file of a sites-available directory),
 * and the values in the file itself stay unknown as in any template (an info, never an error). A `dest` named as a
 * `spring.config.additional-location` of a start command of the task's own role (its systemd unit, its start script)
 * is that Spring app's configuration, whatever its name (Alfresco/alfresco-ansible-deployment@250a87e roles/trouter:
 * `mtls.properties.j2` to `{{ ats_home }}/atr-mtls.properties`, its unit's
 * `--spring.config.additional-location=optional:atr-mtls.properties`).
 */
import * as path from 'node:path';
import { classifyFile } from '../../parse/registry';
import { ansibleDestinationPath, ansibleFileTasks, ansibleSourceCandidates } from '../../parse/yaml-file-placements';
import { ANSIBLE_YAML_KIND, type AnsibleYamlData } from '../../parse/ansible-yaml';
import type { TreeLink } from '../../core/types';
import type { ParsedDocument, SourceFile } from '../../parse/types';
import { parseClassified } from './read-followed';
import { springFormat } from '../../parse/spring';
import { springAdditionalLocationNames, springKindOfName } from '../../parse/spring-additional-locations';

/** The directory of the role a file is in (`…/roles/trouter`). */
const ROLE_DIR = /^(.*[\\/]roles[\\/][^\\/]+)[\\/]/;

/** A line's `src` argument and what follows it (`src: haproxy.j2`, `src=templates/dspace.j2 dest=…`). */
const SRC_LINE = /\bsrc\s*[:=][^\n]*/g;

/** The place a task writes its source to, template values read as unknown names (`_`). */
function placedName(destination: string, src: string): string {
  const dest = destination.trim().replace(/\{\{[^}]*\}\}|\{%[^%]*%\}/g, '_');
  return debianSite(ansibleDestinationPath(dest, src));
}

/** Debian's `sites-available`/`sites-enabled` (nginx, apache2) and apache2's `conf-*`: their directories' files. */
const SITE_DIRECTORY = /(?:^|[\\/])(?:sites|conf)-(?:available|enabled)$/;

/**
 * A site of a Debian `sites-*` directory named without an extension (`sites-available/default`, `…/dspace`) is read as
 * the `.conf` name the handlers classify by content: Debian's nginx includes `sites-enabled/*`, and its apache2 2.2
 * `Include sites-enabled/` (a2ensite of that release enables any name: alanorth/ansible-dspace `a2dissite default`,
 * `a2ensite dspace`).
 */
export function debianSite(placed: string): string {
  return SITE_DIRECTORY.test(path.dirname(placed)) && !path.basename(placed).includes('.') ? `${placed}.conf` : placed;
}

/**
 * Unclassified sites of a `sites-enabled` directory, and of a `sites-available` directory that its `sites-enabled`
 * beside it enables (a link or a file of the same name in the tree): read as Debian's server reads them (debianSite).
 */
function enabledSites(waiting: ReadonlySet<string>, enabled: ReadonlySet<string>): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of waiting) {
    const dir = path.dirname(file);
    const site = path.basename(dir);
    if (!/^sites-(?:available|enabled)$/.test(site) || path.basename(file).includes('.')) continue;
    if (site === 'sites-enabled' || enabled.has(path.join(path.dirname(dir), 'sites-enabled', path.basename(file))))
      found.set(file, debianSite(file));
  }
  return found;
}

/**
 * What the read stage's main pass saw that this pass needs: the files no name or head classified (as decoded: they are
 * parsed from that text, never read again). The YAML files whose Ansible tasks may put them where a format reads them
 * are the main pass's documents of kind `ansible.yaml` (src/parse/ansible-yaml.ts).
 */
export class PlacedFiles {
  private readonly unclassified = new Map<string, SourceFile>();
  /** By role directory: the names of the files its start commands add to a Spring app's configuration. */
  private readonly springLocations = new Map<string, Set<string>>();

  see(source: SourceFile, classified: boolean): void {
    if (!classified) this.unclassified.set(source.path, source);
    const role = ROLE_DIR.exec(source.path)?.[1];
    if (role === undefined) return;
    for (const name of springAdditionalLocationNames(source.text)) {
      const names = this.springLocations.get(role) ?? new Set();
      this.springLocations.set(role, names.add(name));
    }
  }

  /** The files no name or head classified that nothing else read (yet), as the main pass decoded them. */
  unread(read: readonly ParsedDocument[]): SourceFile[] {
    return [...this.waiting(read).values()];
  }

  private waiting(read: readonly ParsedDocument[]): Map<string, SourceFile> {
    // A record of a file for the Ansible questions is no read of it (a role's `files/site.yml` may be placed).
    const readPaths = new Set(read.filter((d) => d.kind !== ANSIBLE_YAML_KIND).map((d) => d.file.path));
    return new Map([...this.unclassified].filter(([file]) => !readPaths.has(file)));
  }

  /** The documents of the unclassified files nothing else read that a task or a Debian `sites-enabled` places. */
  documents(read: readonly ParsedDocument[], files: readonly string[], links: readonly TreeLink[]): ParsedDocument[] {
    const waiting = this.waiting(read);
    if (waiting.size === 0) return [];
    const tasks = read.flatMap((d) =>
      d.kind === ANSIBLE_YAML_KIND && (d.data as AnsibleYamlData).mayPlaceFiles
        ? [(d.data as AnsibleYamlData).source]
        : [],
    );
    return ansiblePlacedDocuments(
      waiting,
      tasks,
      new Set([...files, ...links.map((l) => l.link)]),
      this.springLocations,
    );
  }
}

/**
 * The documents of the files the main pass could not classify (`waiting`, by path) that an Ansible `template:`/`copy:`
 * task of the tree puts at a place a format reads (`tasks`: the YAML files that may hold such tasks).
 */
function ansiblePlacedDocuments(
  waiting: ReadonlyMap<string, SourceFile>,
  tasks: readonly SourceFile[],
  enabled: ReadonlySet<string>,
  springLocations: ReadonlyMap<string, ReadonlySet<string>>,
): ParsedDocument[] {
  const placedAt = enabledSites(new Set(waiting.keys()), enabled);
  // A file a role's task puts where the role's start command adds it to a Spring app's configuration: Spring's.
  const spring = new Set<string>();
  // Only a file that names a waiting file's name as a `src` is parsed (a 1 MB hardening playbook mostly names none).
  const names = new Set([...waiting.keys()].map((f) => path.basename(f)));
  const namesWaiting = (text: string) =>
    [...text.matchAll(SRC_LINE)].some((m) =>
      m[0].split(/[\s"'=]+/).some((word) => names.has(path.posix.basename(word))),
    );
  for (const source of tasks.filter((t) => namesWaiting(t.text)))
    for (const task of ansibleFileTasks(source)) {
      const [src] = task.sources;
      if (src === undefined || task.destination === undefined) continue;
      const file = ansibleSourceCandidates(source.path, task.verb, src).find((candidate) => waiting.has(candidate));
      if (file === undefined || placedAt.has(file)) continue;
      const placed = placedName(task.destination, src);
      placedAt.set(file, placed);
      const role = ROLE_DIR.exec(source.path)?.[1];
      if (role !== undefined && springLocations.get(role)?.has(path.basename(placed))) spring.add(file);
    }
  return [...placedAt].flatMap(([file, placed]) => readPlaced(waiting.get(file)!, placed, spring.has(file)));
}

/** The file read as the format of the place it is put (`spring`: a start command adds it to a Spring app's). */
function readPlaced(source: SourceFile, placed: string, spring: boolean): ParsedDocument[] {
  const classify = (head: string) =>
    spring ? { handler: springFormat, kind: springKindOfName(placed) } : classifyFile(placed, head);
  return parseClassified(source, classify, placed, /\.xml$/i.test(placed));
}
