import * as path from 'node:path';
import { lintTree } from './lint-helper';
import type { Finding } from '../../src/core/types';
import { ansibleYamlDocument } from '../../src/parse/ansible-yaml';
import { ansibleRoleTree } from '../../src/model/ansible-role-files';
import { emptyDerived } from '../../src/derive/derive';
import { undeployedRoleFindingsAsInfo } from '../../src/engine/run/undeployed-role-files';

/**
 * A finding in a role's template or file that no task of the tree deploys is info, saying why
 * (src/engine/run/undeployed-role-files.ts). The shape of Methodo-Stats-Tutor/installer: a copy of the tomcat role's
 * server.xml (an AJP connector without a secret) in a frontend role whose tasks template another file only.
 */
const serverXml =
  '<Server port="8005" shutdown="SHUTDOWN">\n  <Service name="Catalina">\n' +
  '    <Connector port="8009" protocol="AJP/1.3" redirectPort="8443" />\n' +
  '    <Engine name="Catalina" defaultHost="localhost"><Host name="localhost" appBase="webapps"/></Engine>\n' +
  '  </Service>\n</Server>\n';
const site = '- hosts: all\n  roles:\n    - frontend\n    - tomcat\n';
const tomcatTasks = '- name: conf\n  template: src=server.xml dest=/usr/share/tomcat/conf/\n';
const frontendTasks = (task: string) => `- name: site\n  ${task}\n`;

const shown = (files: Record<string, string>) => {
  const { findings, root } = lintTree(files, { builtIn: ['tomcat/ajp-without-secret', 'security/plaintext-secret'] });
  return findings.map((f) => `${f.ruleId} ${f.severity} ${path.relative(root, f.location.file)}`);
};

describe('findings in role files no task deploys', () => {
  const cases: Array<[string, Record<string, string>, string[]]> = [
    [
      "a server.xml in a role whose tasks template another file: info; the tomcat role's own stays a warning",
      {
        'site.yml': site,
        'roles/tomcat/tasks/main.yml': tomcatTasks,
        'roles/tomcat/templates/server.xml': serverXml,
        'roles/frontend/tasks/main.yml': frontendTasks('template: src=mstrConstant.js dest=/var/www/html/c.js'),
        'roles/frontend/templates/server.xml': serverXml,
      },
      [
        'tomcat/ajp-without-secret info roles/frontend/templates/server.xml',
        'tomcat/ajp-without-secret warning roles/tomcat/templates/server.xml',
      ],
    ],
    [
      "the role's task templates it: a warning",
      {
        'roles/frontend/tasks/main.yml': frontendTasks('template: src=server.xml dest=/opt/tomcat/conf/server.xml'),
        'roles/frontend/templates/server.xml': serverXml,
      },
      ['tomcat/ajp-without-secret warning roles/frontend/templates/server.xml'],
    ],
    [
      'a templated src (which files is decided at run time): a warning',
      {
        'roles/frontend/tasks/main.yml': frontendTasks('template:\n    src: "{{ item }}"\n    dest: /opt/conf/'),
        'roles/frontend/templates/server.xml': serverXml,
      },
      ['tomcat/ajp-without-secret warning roles/frontend/templates/server.xml'],
    ],
    [
      'a copy of the directory that holds it: a warning',
      {
        'roles/frontend/tasks/main.yml': frontendTasks('copy: src=conf/ dest=/opt/tomcat/conf/'),
        'roles/frontend/files/conf/server.xml': serverXml,
      },
      ['tomcat/ajp-without-secret warning roles/frontend/files/conf/server.xml'],
    ],
    [
      "a copy of the role's whole files directory written as ../files/: a warning",
      {
        'roles/frontend/tasks/main.yml': frontendTasks('copy:\n    src: ../files/\n    dest: /opt/tomcat/conf/'),
        'roles/frontend/files/server.xml': serverXml,
      },
      ['tomcat/ajp-without-secret warning roles/frontend/files/server.xml'],
    ],
    [
      'a playbook that templates it by the role path: a warning',
      {
        'deploy.yml':
          '- hosts: all\n  tasks:\n    - template: src=roles/frontend/templates/server.xml dest=/opt/conf/\n',
        'roles/frontend/tasks/main.yml': frontendTasks('template: src=c.js dest=/var/www/c.js'),
        'roles/frontend/templates/server.xml': serverXml,
      },
      ['tomcat/ajp-without-secret warning roles/frontend/templates/server.xml'],
    ],
    [
      'the tree holds no task of the role (a role used from elsewhere): a warning',
      { 'roles/frontend/templates/server.xml': serverXml },
      ['tomcat/ajp-without-secret warning roles/frontend/templates/server.xml'],
    ],
    [
      'a role no play applies while the plays apply others: info, though its task templates the file',
      {
        'site.yml': '- hosts: all\n  roles:\n    - tomcat\n',
        'roles/tomcat/tasks/main.yml': tomcatTasks,
        'roles/tomcat/templates/server.xml': serverXml,
        'roles/legacy/tasks/main.yml': tomcatTasks,
        'roles/legacy/templates/server.xml': serverXml,
      },
      [
        'tomcat/ajp-without-secret info roles/legacy/templates/server.xml',
        'tomcat/ajp-without-secret warning roles/tomcat/templates/server.xml',
      ],
    ],
    [
      'a plaintext secret in an undeployed file is still a warning (the repository exposes it)',
      {
        'roles/tomcat/tasks/main.yml': '- template: src=a.xml dest=/opt/a.xml\n',
        'roles/tomcat/templates/tomcat-users.xml':
          '<tomcat-users>\n  <user username="admin" password="s3cr3tPa55" roles="manager-gui"/>\n</tomcat-users>\n',
      },
      ['security/plaintext-secret warning roles/tomcat/templates/tomcat-users.xml'],
    ],
  ];
  it.each(cases)('%s', (_name, files, expected) => {
    expect(
      shown(files).filter((l) => !l.includes('security/') || expected.some((e) => e.includes('security/'))),
    ).toEqual(expected);
  });

  it('says why in the message', () => {
    const { findings } = lintTree(
      {
        'roles/frontend/tasks/main.yml': frontendTasks('template: src=c.js dest=/var/www/c.js'),
        'roles/frontend/templates/server.xml': serverXml,
      },
      { builtIn: ['tomcat/ajp-without-secret'] },
    );
    expect(findings[0]?.message).toContain(
      'server.xml is deployed by no run of this tree: no task of the role frontend templates or copies it',
    );
  });

  it("answers from the run's documents: the tree's YAML is not read again after the rules", () => {
    // The pass read every YAML file of the tree from disk again; the derive stage's record holds what it needs.
    const files = {
      'site.yml': site,
      'roles/frontend/tasks/main.yml': frontendTasks('template: src=c.js dest=/var/www/c.js'),
      'roles/frontend/templates/server.xml': serverXml,
    };
    // A tree that is not on disk: only the documents can answer.
    const root = path.join(path.sep, 'nowhere', 'tree');
    const warning: Finding = {
      ruleId: 'tomcat/ajp-without-secret',
      severity: 'warning',
      message: 'An AJP connector.',
      location: { file: path.join(root, 'roles/frontend/templates/server.xml') },
      fingerprint: 'x',
    };
    const documents = Object.entries(files).map(([name, text]) => {
      const source = { path: path.join(root, name), text, hadBom: false };
      return ansibleYamlDocument(source, root, text.length, true);
    });
    const deployment = {
      root,
      documents: [],
      components: [],
      links: [],
      derived: { ...emptyDerived(), ansibleRoles: ansibleRoleTree(documents.flatMap((d) => (d ? [d] : []))) },
    };
    expect(undeployedRoleFindingsAsInfo([warning], deployment)).toEqual([
      {
        ...warning,
        severity: 'info',
        message:
          'An AJP connector. But server.xml is deployed by no run of this tree: no task of the role frontend ' +
          'templates or copies it, and nothing else names it (an Ansible role deploys its templates and files only through its tasks)',
      },
    ]);
  });
});
