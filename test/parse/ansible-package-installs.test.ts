import { debianModJkInstalls } from '../../src/parse/ansible-package-installs';

/**
 * The Ansible tasks that install Debian's mod_jk package (src/parse/ansible-package-installs.ts). The loop form is
 * https://github.com/el1638en/apache_tomcat_load_balancer/blob/aa1097b00b6e18e2b45bc132f7504b7f9d65ecc4/roles/apache2/tasks/install.yml
 * (`apt: pkg: "{{ item }}"` with `with_items: ["libapache2-mod-jk", …]`).
 */
/** The zero-based lines the install tasks start at (their module's name). */
const lines = (text: string) =>
  debianModJkInstalls({ path: '/t/tasks/main.yml', text, hadBom: false }).map((r) => r.start.line);

describe('Ansible tasks installing libapache2-mod-jk', () => {
  it.each<[string, string, number[]]>([
    ['apt, one key=value string', '- name: jk\n  apt: name=libapache2-mod-jk state=present\n', [1]],
    [
      'ansible.builtin.apt with a list of names',
      '- ansible.builtin.apt:\n    name:\n      - apache2\n      - libapache2-mod-jk\n',
      [0],
    ],
    ['package, comma-separated names', '- package:\n    name: apache2,libapache2-mod-jk\n', [0]],
    [
      'pkg over a with_items loop',
      '- name: mods\n  apt:\n    pkg: "{{ item }}"\n    state: present\n  with_items:\n    - "libapache2-mod-jk"\n    - "libapache2-mod-security2"\n',
      [1],
    ],
    ['name over a loop that does not hold it', '- apt:\n    name: "{{ item }}"\n  loop:\n    - apache2\n', []],
    [
      'a playbook task, state latest',
      '- hosts: web\n  tasks:\n    - apt: {name: libapache2-mod-jk, state: latest}\n',
      [2],
    ],
    ['state absent removes it', '- apt: name=libapache2-mod-jk state=absent\n', []],
    [
      'build-dep installs only its build dependencies',
      '- apt:\n    name: libapache2-mod-jk\n    state: build-dep\n',
      [],
    ],
    ['a variable names the package: unknown', '- apt:\n    name: "{{ jk_package }}"\n', []],
    ['yum is no evidence (RHEL ships no mod_jk package)', '- yum: name=libapache2-mod-jk\n', []],
    ['another package whose name holds it', '- apt: name=libapache2-mod-jk-doc\n', []],
  ])('%s', (_name, text, expected) => {
    expect(lines(text)).toEqual(expected);
  });
});
