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
  ],
});
