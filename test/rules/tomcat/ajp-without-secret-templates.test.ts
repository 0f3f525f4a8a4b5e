import rule from '../../../src/rules/tomcat/ajp-without-secret';
import { ruleTester } from '../../helpers/rule-tester';

/** An Ansible role's server.xml template whose AJP connector (line 4, to line 5) has the attributes `ajp`. */
const template = (ajp: string) =>
  [
    '<Server port="8005">',
    '  <Service name="Catalina">',
    '    <Connector port="8080" protocol="HTTP/1.1" />',
    '    <Connector protocol="AJP/1.3" redirectPort="8443"',
    `      ${ajp} />`,
    '    <Engine name="Catalina" defaultHost="localhost"><Host name="localhost"/></Engine>',
    '  </Service>',
    '</Server>',
    '',
  ].join('\n');

/** The role's task that writes the template into Tomcat's conf/. */
const tasks = "- template:\n    src: server.xml.j2\n    dest: '{{ tomcat_home }}/conf/server.xml'\n";

/** A playbook that downloads Tomcat 9.0.12 (saved as `saved`) and writes templates/server.xml.j2 into its conf/. */
const playbook = (saved: string) =>
  [
    '- hosts: localhost',
    '  vars:',
    '    tomcat_base: /opt/tomcat',
    '  tasks:',
    '  - name: Download',
    '    get_url:',
    `      url=https://archive.apache.org/dist/tomcat/tomcat-9/v9.0.12/bin/apache-tomcat-9.0.12.tar.gz dest=/tmp/${saved}`,
    '  - template: src=templates/server.xml.j2 dest={{tomcat_base}}/conf/server.xml',
    '',
  ].join('\n');

/**
 * Which template values decide the finding. jeduoliveira/ansible-role-tomcat@(real-trees) templates/server.xml.j2: an
 * AJP connector with secretRequired="false" on address="0.0.0.0", port 8009, and maxThreads="{{ tomcat_maxThreads_ajp }}".
 * The finding was an info "depends on template value {{ tomcat_maxThreads_ajp }}", which no value could make false.
 */
ruleTester(rule, {
  valid: [
    {
      // A connector whose attributes a template writes itself is not modelled: one it writes may be the secret.
      name: 'a template that writes attributes itself may write the secret: nothing said',
      files: {
        'tasks/main.yml': tasks,
        'templates/server.xml.j2': template(
          'port="8009" address="0.0.0.0" secretRequired="false" {{ ajp_extra_attributes }}',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'a template value in an attribute that decides nothing (maxThreads): the finding keeps its severity',
      files: {
        'tasks/main.yml': tasks,
        'templates/server.xml.j2': template(
          'port="8009" maxThreads="{{ tomcat_maxThreads_ajp }}" address="0.0.0.0" secretRequired="false"',
        ),
      },
      errors: [
        {
          messageId: 'optedOut',
          severity: 'warning',
          file: 'templates/server.xml.j2',
          line: 4,
          messageIncludes: ['turns secretRequired off', 'listens on 0.0.0.0'],
          messageExcludes: ['depends on template value'],
        },
      ],
    },
    {
      name: 'a template value in the port decides it: an info naming that value',
      files: {
        'tasks/main.yml': tasks,
        'templates/server.xml.j2': template('port="{{ tomcat_ajp_port }}" address="0.0.0.0" secretRequired="false"'),
      },
      errors: [
        {
          messageId: 'optedOut',
          severity: 'info',
          file: 'templates/server.xml.j2',
          line: 4,
          messageIncludes: ['depends on template value {{ tomcat_ajp_port }}'],
        },
      ],
    },
    {
      // KhaleelMak/tomcat9@25931af (none stated; its shape only): a playbook beside templates/ downloads the archive
      // and writes the template into that Tomcat's conf/.
      name: "a playbook beside templates/ that downloads the release: that release's verdict",
      files: {
        'tomcat.yml': playbook('apache-tomcat-9.0.12.tar.gz'),
        'templates/server.xml.j2': template('port="8009"'),
      },
      errors: [
        {
          messageId: 'exposed',
          file: 'templates/server.xml.j2',
          line: 4,
          messageIncludes: [
            'Tomcat 9.0.12 (tomcat.yml:7, which names apache-tomcat-9.0.12, in the playbook whose task at tomcat.yml:8',
          ],
        },
      ],
    },
    {
      // KhaleelMak/tomcat9 itself: the URL names 9.0.12, the file it is saved as 9.0.11.
      name: 'a playbook that names two archives: both named, the release unknown',
      files: {
        'tomcat.yml': playbook('apache-tomcat-9.0.11.tar.gz'),
        'templates/server.xml.j2': template('port="8009"'),
      },
      errors: [
        {
          messageId: 'releaseUnknown',
          file: 'templates/server.xml.j2',
          line: 4,
          messageIncludes: [
            'the tree names different Tomcat releases for it (tomcat.yml:7, which names apache-tomcat-9.0.12',
          ],
        },
      ],
    },
    {
      name: 'a playbook in another directory than the templates: no release',
      files: {
        'plays/tomcat.yml': playbook('apache-tomcat-9.0.12.tar.gz'),
        'templates/server.xml.j2': template('port="8009"'),
      },
      errors: [
        {
          messageId: 'releaseUnknown',
          file: 'templates/server.xml.j2',
          line: 4,
          messageIncludes: ['the tree names no Tomcat release'],
        },
      ],
    },
  ],
});
