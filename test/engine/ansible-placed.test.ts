import * as path from 'node:path';
import { readTree } from '../helpers/read-tree';
import { PlacedFiles } from '../../src/engine/run/ansible-placed';
import { ansibleYamlDocument } from '../../src/parse/ansible-yaml';

/**
 * A role's template whose name does not classify it is read as what its Ansible task's dest makes it
 * (src/engine/run/ansible-placed.ts). Shapes of SharedHealth/FreeSHR-Playbooks (`templates/haproxy.j2` to
 * /etc/haproxy/haproxy.cfg) and larmar/ansible-alfresco (`alfresco.site.j2` to `{{ nginx_dir }}/sites-available/…`).
 */
const haproxy =
  'global\n  log 127.0.0.1 local0\n\nfrontend web\n  bind *:{{ port }}\n  default_backend app\n\nbackend app\n  server a 10.0.0.1:8080\n';
const site =
  'server {\n    listen   80;\n    server_name  {{ inventory_hostname }};\n    location / { proxy_pass http://127.0.0.1:8080; }\n}\n';

const vhost = '<VirtualHost *:80>\n  ServerName {{ host }}\n  ProxyPass / http://localhost:8081/\n</VirtualHost>\n';

const kinds = (files: Record<string, string>) =>
  readTree(files, (read, dir) =>
    read.documents
      .filter((d) => !/\.ya?ml$/.test(d.file.path))
      .map((d) => `${path.relative(dir, d.file.path)} ${d.kind}${d.template ? ' (template)' : ''}`),
  );

describe("a role's template read as what its task's dest makes it", () => {
  const cases: Array<[string, Record<string, string>, string[]]> = [
    [
      'haproxy.j2 templated to /etc/haproxy/haproxy.cfg: HAProxy configuration',
      {
        'roles/haproxy/tasks/main.yml': '- name: conf\n  template: src=haproxy.j2 dest=/etc/haproxy/haproxy.cfg\n',
        'roles/haproxy/templates/haproxy.j2': haproxy,
      },
      ['roles/haproxy/templates/haproxy.j2 haproxy.config (template)'],
    ],
    [
      'a site templated into a sites-available directory whose names are template values: nginx',
      {
        'tasks/configure.yml':
          '- template:\n    src: alfresco.site.j2\n    dest: "{{ nginx_dir }}/sites-available/{{ inventory_hostname }}"\n',
        'templates/alfresco.site.j2': site,
      },
      ['templates/alfresco.site.j2 nginx.conf (template)'],
    ],
    [
      "a copy into a directory takes the source's name: /etc/httpd/conf.d/ssl.conf.24 is no .conf, read by nothing",
      {
        'roles/apache/tasks/main.yml': '- copy: src=ssl.conf.24 dest=/etc/httpd/conf.d/\n',
        'roles/apache/files/ssl.conf.24': '<VirtualHost *:443>\n  SSLEngine on\n</VirtualHost>\n',
      },
      [],
    ],
    [
      'the same copied to a file name: httpd configuration',
      {
        'roles/apache/tasks/main.yml': '- copy: src=ssl.conf.24 dest=/etc/httpd/conf.d/ssl.conf\n',
        'roles/apache/files/ssl.conf.24': '<VirtualHost *:443>\n  SSLEngine on\n</VirtualHost>\n',
      },
      ['roles/apache/files/ssl.conf.24 httpd.conf'],
    ],
    [
      "a src written from the role's path ({{ role_path }}): HAProxy configuration",
      {
        'roles/haproxy/tasks/main.yml':
          '- template:\n    src: "{{ role_path }}/templates/haproxy.j2"\n    dest: /etc/haproxy/haproxy.cfg\n',
        'roles/haproxy/templates/haproxy.j2': haproxy,
      },
      ['roles/haproxy/templates/haproxy.j2 haproxy.config (template)'],
    ],
    [
      'a template of another role of that name is not this one',
      {
        'roles/lb/tasks/main.yml': '- template: src=haproxy.j2 dest=/etc/haproxy/haproxy.cfg\n',
        'roles/haproxy/templates/haproxy.j2': haproxy,
      },
      [],
    ],
    [
      'a templated src: unknown which file, none read',
      {
        'roles/haproxy/tasks/main.yml': '- template:\n    src: "{{ cfg }}"\n    dest: /etc/haproxy/haproxy.cfg\n',
        'roles/haproxy/templates/haproxy.j2': haproxy,
      },
      [],
    ],
    [
      'content the destination does not read (rsyslog rules to an haproxy.cfg name): not read',
      {
        'roles/haproxy/tasks/main.yml': '- template: src=haproxy.rsyslog.j2 dest=/etc/haproxy/haproxy.cfg\n',
        'roles/haproxy/templates/haproxy.rsyslog.j2': 'local0.* /var/log/haproxy.log\n',
      },
      [],
    ],
    [
      'a vhost templated to a Debian sites-available name without an extension (a2ensite dspace): httpd',
      {
        'dspace.yml':
          '- hosts: all\n  tasks:\n    - template: src=templates/dspace.j2 dest=/etc/apache2/sites-available/dspace\n    - command: a2ensite dspace\n',
        'templates/dspace.j2': vhost,
      },
      ['templates/dspace.j2 httpd.conf (template)'],
    ],
    [
      'a Debian apache2 sites-available/default that sites-enabled enables: httpd',
      { 'etc/apache2/sites-available/default': vhost, 'etc/apache2/sites-enabled/default': vhost },
      [
        'etc/apache2/sites-available/default httpd.conf (template)',
        'etc/apache2/sites-enabled/default httpd.conf (template)',
      ],
    ],
    [
      'the same site that nothing enables: not read',
      { 'etc/apache2/sites-available/default': vhost, 'etc/apache2/sites-enabled/.gitignore': '' },
      [],
    ],
  ];
  it.each(cases)('%s', (_name, files, expected) => {
    expect(kinds(files)).toEqual(expected);
  });

  it("parses a placed file from the main pass's text: it is not read from disk again", () => {
    // Paths of a tree that is not on disk: the main pass's sources and the task's record are all there is.
    const root = path.join(path.sep, 'nowhere', 'tree');
    const source = (name: string, text: string) => ({ path: path.join(root, name), text, hadBom: false });
    const template = source('roles/haproxy/templates/haproxy.j2', haproxy);
    const tasks = source('roles/haproxy/tasks/main.yml', '- template: src=haproxy.j2 dest=/etc/haproxy/haproxy.cfg\n');
    const placed = new PlacedFiles();
    placed.see(template, false);
    placed.see(tasks, false);
    const record = ansibleYamlDocument(tasks, root, tasks.text.length, true)!;
    const documents = placed.documents([record], [template.path, tasks.path], []);
    expect(documents.map((d) => `${path.relative(root, d.file.path)} ${d.kind}`)).toEqual([
      'roles/haproxy/templates/haproxy.j2 haproxy.config',
    ]);
  });
});
