import { YAML_STEPS_KIND, yamlFilePlacements } from '../../src/parse/yaml-file-placements';
import { FILE_PLACEMENTS_KIND } from '../../src/parse/script-file-placements';
import { readOneFile } from '../helpers/read-one-file';

const placementsOf = (path: string, text: string) =>
  yamlFilePlacements({ path, text, hadBom: false })?.data.placements.map((p) => [
    p.verb,
    p.sources,
    p.destination,
    p.range.start.line,
  ]);

const SITE = '/etc/nginx/sites-available/site';

describe('what a YAML file’s commands and tasks link, copy or render where', () => {
  it.each([
    [
      'a Compose command in the exec form: the -c script',
      'compose.yaml',
      `services:\n  web:\n    command: ["sh", "-c", "ln -s ${SITE} /etc/nginx/sites-enabled/ && nginx"]\n`,
      [['ln', [SITE], '/etc/nginx/sites-enabled/', 2]],
    ],
    [
      'a Compose entrypoint as one string running sh -c',
      'docker-compose.yml',
      `services:\n  web:\n    entrypoint: sh -c "cp ${SITE} /etc/nginx/conf.d/site.conf; nginx"\n`,
      [['cp', [SITE], '/etc/nginx/conf.d/site.conf', 2]],
    ],
    [
      'a Compose command as a list of words, no -c: one command',
      'compose.yml',
      `services:\n  init:\n    command:\n      - ln\n      - -s\n      - ${SITE}\n      - /etc/nginx/sites-enabled/site\n`,
      [['ln', [SITE], '/etc/nginx/sites-enabled/site', 3]],
    ],
    [
      'a Kubernetes container: -c in command, the script in args',
      'deploy.yaml',
      `kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: nginx\n          command: ["/bin/sh", "-c"]\n          args:\n            - envsubst < ${SITE} > /etc/nginx/conf.d/site.conf && exec nginx\n`,
      [['envsubst', [SITE], '/etc/nginx/conf.d/site.conf', 8]],
    ],
    [
      'an Ansible file task with state link',
      'tasks/main.yml',
      `- name: enable\n  ansible.builtin.file:\n    src: ${SITE}\n    dest: /etc/nginx/sites-enabled/site\n    state: link\n`,
      [['ln', [SITE], '/etc/nginx/sites-enabled/site', 2]],
    ],
    [
      'an Ansible file task as key=value, path for dest',
      'site.yml',
      `- hosts: web\n  tasks:\n    - file: src=${SITE} path=/etc/nginx/sites-enabled/site state=link\n`,
      [['ln', [SITE], '/etc/nginx/sites-enabled/site', 2]],
    ],
    [
      'Ansible template and copy tasks',
      'tasks/main.yml',
      '- template: src=site.j2 dest=/etc/nginx/conf.d/site.conf\n- copy:\n    src: sites-available/\n    dest: /etc/nginx/sites-available/\n',
      [
        ['template', ['site.j2'], '/etc/nginx/conf.d/site.conf', 0],
        ['cp', ['sites-available/'], '/etc/nginx/sites-available/', 2],
      ],
    ],
    [
      'an Ansible shell task',
      'tasks/main.yml',
      `- shell: ln -sf ${SITE} /etc/nginx/sites-enabled/\n  args:\n    creates: /etc/nginx/sites-enabled/site\n`,
      [['ln', [SITE], '/etc/nginx/sites-enabled/', 0]],
    ],
  ])('%s', (_name, path, text, expected) => {
    expect(placementsOf(path, text)).toEqual(expected);
  });

  it.each([
    [
      'an Ansible file task that makes a directory',
      'tasks/main.yml',
      '- file:\n    path: /etc/nginx/sites-available\n    state: directory\n',
    ],
    [
      'Kubernetes args that are nginx options',
      'deploy.yaml',
      'kind: Pod\nspec:\n  containers:\n    - name: nginx\n      args: ["-g", "daemon off;"]\n',
    ],
    [
      'an Ansible copy into httpd’s conf.d: no nginx directory named, not read',
      'tasks/main.yml',
      '- copy:\n    src: ssl.conf\n    dest: /etc/httpd/conf.d/ssl.conf\n',
    ],
    ['no YAML file', 'start.sh', `ln -s ${SITE} /etc/nginx/sites-enabled/\n`],
    ['a YAML file that does not parse', 'compose.yaml', 'services: [nginx\n  command: "ln -s a b"\n'],
  ])('%s: nothing', (_name, path, text) => {
    expect(placementsOf(path, text)).toBeUndefined();
  });

  // The read stage parses no YAML for its steps: it records the files that may place one (src/model/script-placements.ts
  // reads them when the nginx enablers ask).
  it.each([
    [
      'a Compose command that links a site',
      'compose.yaml',
      `services:\n  web:\n    command: ln -s ${SITE} /etc/nginx/sites-enabled/\n`,
      [YAML_STEPS_KIND],
    ],
    [
      'a Helm ConfigMap reading chart files',
      'chart/templates/cm.yaml',
      'kind: ConfigMap\nmetadata:\n  name: conf\ndata:\n  site.conf: {{ .Files.Get "files/site.conf" | quote }}\n',
      [YAML_STEPS_KIND],
    ],
    ['a YAML file no step of which runs a command', 'values.yaml', 'nginx:\n  image: nginx:1.25\n', []],
  ])('read stage: %s', (_name, path, text, expected) => {
    const kinds = readOneFile(path, text).map((d) => d.kind);
    expect(kinds.filter((k) => k === YAML_STEPS_KIND || k === FILE_PLACEMENTS_KIND)).toEqual(expected);
  });
});
