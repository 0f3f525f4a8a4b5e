/**
 * The Tomcat release an Ansible role installs, for the server.xml its own tasks write (src/model/tomcat-role-release.ts):
 * a variable of a full release or a distribution archive its variables name, read only when nothing else in the tree
 * may set it otherwise. viniciusfs/ansible-role-tomcat@dce442c (no licence), KAMI911/ansible-role-tomcat@ee95446 (MIT)
 * and korteke/shibboleth-vagrant (a playbook's vars_files) are the shapes.
 */
import type { Tree } from '../helpers/rule-tester';
import { tomcatConnector } from '../helpers/tomcat-connector';

const SERVER_XML =
  '<Server port="8005"><Service name="C"><Connector port="8443" SSLEnabled="true"><SSLHostConfig><Certificate certificateKeystoreFile="conf/ks.p12"/></SSLHostConfig></Connector></Service></Server>\n';

/** viniciusfs/ansible-role-tomcat@dce442c tasks/main.yml: the folded `key=value` form. */
const INLINE_TASK =
  '---\n- name: Deploy server.xml\n  template: >\n    src=server.xml.j2\n    dest={{ tomcat_home }}/conf/server.xml\n';
const MAPPING_TASK =
  '---\n- name: Deploy server.xml\n  ansible.builtin.template:\n    src: server.xml.j2\n    dest: "{{ tomcat_home }}/conf/server.xml"\n';

const role = (defaults: string, tasks = INLINE_TASK, prefix = ''): Tree => ({
  [`${prefix}defaults/main.yml`]: defaults,
  [`${prefix}tasks/main.yml`]: tasks,
  [`${prefix}templates/server.xml.j2`]: SERVER_XML,
});

const ASSUMED = { release: '11.0.18', assumed: true };

describe('the Tomcat release of an Ansible role', () => {
  const cases: { name: string; files: Tree; expected: object; named?: string }[] = [
    {
      name: "the role's default tomcat_version, a template task in key=value form",
      files: role('---\ntomcat_version: "9.0.40"\ntomcat_home: /opt/tomcat\n'),
      expected: { release: '9.0.40', assumed: false },
      named: 'defaults/main.yml:2 tomcat_version: 9.0.40, the default of the role whose task at tasks/main.yml:4',
    },
    {
      // KAMI911/ansible-role-tomcat@ee95446: the release in three variables, named whole only by the archive.
      name: 'the archive a download URL names, its variables filled in (a mapping task)',
      files: role(
        '---\ntomcat_majorversion: 8\ntomcat_minorversion: 5\ntomcat_patchversion: 72\ntomcat_download_url: "https://archive.apache.org/dist/tomcat/tomcat-{{ tomcat_majorversion }}/v{{ tomcat_majorversion }}.{{ tomcat_minorversion }}.{{ tomcat_patchversion }}/bin/apache-tomcat-{{ tomcat_majorversion }}.{{ tomcat_minorversion }}.{{ tomcat_patchversion }}.tar.gz"\n',
        MAPPING_TASK,
      ),
      expected: { release: '8.5.72', assumed: false },
      named: 'defaults/main.yml:5 tomcat_download_url, which names apache-tomcat-8.5.72',
    },
    {
      // korteke/shibboleth-vagrant: the playbook's vars_files set tomcat_version, the role's tasks download it.
      name: "a playbook's variables file that the role's download uses",
      files: {
        'vars/default.yml': '---\ntomcat_version: 9.0.85\n',
        'roles/tomcat/tasks/main.yml': `- name: Download\n  get_url: url=https://archive.apache.org/dist/tomcat/tomcat-9/v{{ tomcat_version }}/bin/apache-tomcat-{{ tomcat_version }}.tar.gz dest=/tmp\n${INLINE_TASK.slice(4)}`,
        'roles/tomcat/templates/server.xml.j2': SERVER_XML,
      },
      expected: { release: '9.0.85', assumed: false },
      named: 'vars/default.yml:2 tomcat_version: 9.0.85, read by the role whose task at roles/tomcat/tasks/main.yml:5',
    },
    {
      // gromande/ansible-tomcat-cluster@14b7cca (no licence; its shape only): the archive named in a get_url, the
      // template written into a directory (`dest=…/conf/`), where Ansible writes it under the src's name.
      name: "a download task's archive, the template written into a directory under its own name",
      files: {
        'roles/tomcat/tasks/main.yml':
          '---\n- name: Download Tomcat\n  get_url: url=https://archive.apache.org/dist/tomcat/tomcat-7/v7.0.61/bin/apache-tomcat-7.0.61.tar.gz dest=/opt/apache-tomcat-7.0.61.tar.gz\n- name: Configure Tomcat server\n  template: src=server.xml dest=/usr/share/tomcat/conf/\n',
        'roles/tomcat/templates/server.xml': SERVER_XML,
      },
      // 7.0.61 has no TLS profile: the connector's defaults are assumed, the release it was read as is kept.
      expected: { unprofiled: '7.0.61' },
      named:
        'roles/tomcat/tasks/main.yml:3, which names apache-tomcat-7.0.61, in the role whose task at roles/tomcat/tasks/main.yml:5',
    },
    {
      // seawolf82/tomcat9-standalone_ansible@26287d77 (none), its shape only: the release in an inventory's group_vars file
      // named for its group alone (no extension), the template written into Tomcat's conf directory (no trailing `/`).
      name: 'a group_vars file with no extension, the template written into …/conf under its own name',
      files: {
        'group_vars/tomcat-servers':
          'tomcat_dir: /usr/share/tomcat\ntomcat_version: 9.0.68\ntomcat_package: apache-tomcat-9.0.68.tar.gz\n',
        'roles/tomcat/tasks/main.yaml':
          '---\n- name: Download Tomcat\n  get_url: url=https://dlcdn.apache.org/tomcat/tomcat-9/v{{ tomcat_version }}/bin/{{ tomcat_package }} dest=/opt/{{ tomcat_package }}\n- name: Configure Tomcat server\n  template: src=server.xml dest={{ tomcat_dir }}/conf\n',
        'roles/tomcat/templates/server.xml': SERVER_XML,
      },
      expected: { release: '9.0.68', assumed: false },
      named:
        'group_vars/tomcat-servers:2 tomcat_version: 9.0.68, read by the role whose task at roles/tomcat/tasks/main.yaml:5',
    },
    {
      // cofin/ansible-role-tomcat@f04201a (none stated; its shape only): the archive the role unpacks from its files/, the template
      // named under `{{ role_path }}`, the role's own directory.
      name: 'an archive the role unarchives, the template named under {{ role_path }}',
      files: {
        'defaults/main.yaml': '---\ntomcat_install_files: apache-tomcat-9.0.19.tar.gz\ntomcat_base_dir: /opt/tomcat/\n',
        'tasks/main.yaml':
          '---\n- name: Upload\n  unarchive:\n    src="files/{{ tomcat_install_files }}"\n    dest=/tmp/install\n- name: Move server.xml\n  template:\n    src: "{{ role_path }}/templates/server.xml.j2"\n    dest: "{{ tomcat_base_dir }}/conf/server.xml"\n',
        'templates/server.xml.j2': SERVER_XML,
      },
      expected: { release: '9.0.19', assumed: false },
      named:
        'defaults/main.yaml:2 tomcat_install_files, which names apache-tomcat-9.0.19, the default of the role whose task at tasks/main.yaml:8',
    },
    {
      // R3dy/capsulecorp-pentest@7bf5e47 (none stated; its shape only): Chocolatey installs the release on Windows, the
      // template is written to a backslash path.
      name: 'a win_chocolatey task that pins tomcat, the template written to a Windows path',
      files: {
        'roles/tomcat/tasks/main.yml':
          '---\n- name: Ensure Tomcat is installed.\n  win_chocolatey:\n     name: tomcat\n     version: 9.0.30\n     state: present\n- name: Set the server.xml\n  template:\n    src: server.xml\n    dest: "C:\\\\ProgramData\\\\Tomcat9\\\\conf\\\\server.xml"\n',
        'roles/tomcat/templates/server.xml': SERVER_XML,
      },
      expected: { release: '9.0.30', assumed: false },
      named:
        'roles/tomcat/tasks/main.yml:5 win_chocolatey tomcat 9.0.30, in the role whose task at roles/tomcat/tasks/main.yml:9',
    },
    {
      name: 'a win_chocolatey task of another package: unknown',
      files: {
        'roles/tomcat/tasks/main.yml':
          '---\n- win_chocolatey:\n    name: jre8\n    version: 8.0.231\n- template:\n    src: server.xml\n    dest: "C:\\\\Tomcat9\\\\conf\\\\server.xml"\n',
        'roles/tomcat/templates/server.xml': SERVER_XML,
      },
      expected: ASSUMED,
    },
    {
      name: 'a template named under another variable than {{ role_path }}: unknown',
      files: role(
        'tomcat_version: 9.0.40\n',
        '- template:\n    src: "{{ playbook_dir }}/templates/server.xml.j2"\n    dest: /opt/tomcat/conf/server.xml\n',
      ),
      expected: ASSUMED,
    },
    {
      name: 'a template written to a file other than conf (…/config): unknown',
      files: {
        'group_vars/tomcat-servers': 'tomcat_version: 9.0.68\n',
        'roles/tomcat/tasks/main.yaml': '- template: src=server.xml dest=/opt/tomcat/config\n',
        'roles/tomcat/templates/server.xml': SERVER_XML,
      },
      expected: ASSUMED,
    },
    {
      name: 'a template written into a directory under another name (server.xml.j2): unknown',
      files: role('tomcat_version: 9.0.40\n', '- template: src=server.xml.j2 dest=/opt/tomcat/conf/\n'),
      expected: ASSUMED,
    },
    {
      name: "another role's default is not this role's",
      files: {
        ...role('tomcat_version: 9.0.40\n', INLINE_TASK, 'roles/tomcat/'),
        'roles/legacy/defaults/main.yml': 'tomcat_version: 7.0.76\n',
      },
      expected: { release: '9.0.40', assumed: false },
    },
    {
      name: "an inventory's group_vars that sets another release: unknown",
      files: { ...role('tomcat_version: 9.0.40\n'), 'group_vars/all.yml': 'tomcat_version: 10.1.20\n' },
      expected: ASSUMED,
    },
    {
      // sachavuk/apirest_cl@70f92ce: roles/tomcat8 defaults to 8.5.24, tomtier/meta/main.yml depends on it with 8.5.31.
      name: "a role dependency's parameter that sets another release: unknown",
      files: {
        ...role('tomcat_version: 8.5.24\n', INLINE_TASK, 'roles/tomcat8/'),
        'tomtier/meta/main.yml': '---\ndependencies:\n  - { role : \'tomcat8\', tomcat_version: "8.5.31" }\n',
      },
      expected: ASSUMED,
    },
    {
      name: "a play's vars as a list of one-key mappings that sets another release: unknown",
      files: {
        ...role('tomcat_version: 9.0.40\n', INLINE_TASK, 'roles/tomcat/'),
        'site.yml': '- hosts: app\n  vars:\n    - tomcat_version: 9.0.70\n  roles:\n    - tomcat\n',
      },
      expected: ASSUMED,
    },
    {
      // rciam/rciam-deploy roles/tomcat/tasks/main.yml: set_fact from a per-platform variable.
      name: 'a set_fact that sets the variable: unknown',
      files: role(
        'tomcat_version: 9.0.40\n',
        `${MAPPING_TASK}- set_fact:\n    tomcat_version: "{{ tomcat_default_version }}"\n`,
      ),
      expected: ASSUMED,
    },
    {
      // bdellegrazie/ansible-role-tomcat@77db58d: `src: "{{ tomcat_server_xml_template }}"`, a template per branch.
      name: 'a task that names its template by a variable: unknown',
      files: {
        ...role(
          'tomcat_version: 9.0.41\n',
          '- template:\n    src: "{{ tomcat_version_major }}/server.xml.j2"\n    dest: /opt/tomcat/conf/server.xml\n',
        ),
      },
      expected: ASSUMED,
    },
    {
      name: 'no task of the role writes the template into a server.xml: unknown',
      files: role('tomcat_version: 9.0.40\n', '- template:\n    src: server.xml.j2\n    dest: /tmp/example.xml\n'),
      expected: ASSUMED,
    },
    {
      name: 'a version only the run knows, or a major alone: unknown',
      files: role("tomcat_version: \"{{ lookup('env', 'TOMCAT_VERSION') }}\"\ntomcat_major: 9\n"),
      expected: ASSUMED,
    },
    {
      name: 'archives of two releases: unknown',
      files: role(
        'tomcat_version: 9.0.40\ntomcat_legacy_url: https://archive.apache.org/dist/tomcat/tomcat-7/v7.0.106/bin/apache-tomcat-7.0.106.tar.gz\n',
      ),
      expected: ASSUMED,
    },
  ];

  it.each(cases)('$name', ({ files, expected, named }) => {
    const c = tomcatConnector(files);
    const tomcat = c.type === 'tomcat.connector' ? c.attributes.tomcat : undefined;
    expect(tomcat).toMatchObject(expected);
    if (named) expect(tomcat?.named).toContain(named);
  });
});
