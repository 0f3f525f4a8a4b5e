import rule from '../../../src/rules/tomcat/ajp-secret-mismatch';
import { ruleTester } from '../../helpers/rule-tester';

/** A server.xml whose AJP connector (line 4) has a secret. */
const serverXml = [
  '<Server port="8005">',
  '  <Service name="Catalina">',
  '    <Connector port="8080" protocol="HTTP/1.1" />',
  '    <Connector port="8009" protocol="AJP/1.3" secret="s3cret" />',
  '    <Engine name="Catalina" defaultHost="localhost"><Host name="localhost"/></Engine>',
  '  </Service>',
  '</Server>',
  '',
].join('\n');

/**
 * The shape of tykoh/docker-jdk7-tomcat7-ssl's Dockerfile: Ubuntu's apache2 and libapache2-mod-jk installed, a site
 * with a JkMount and the tree's workers.properties ADDed where the package's jk.conf names it; no JkWorkersFile line.
 */
const dockerfile = (install: string, extra = '') =>
  [
    'FROM ubuntu:22.04',
    `RUN apt-get update && apt-get -y install ${install}`,
    'COPY conf/server.xml /opt/tomcat/conf/server.xml',
    'ADD apache/000-default.conf /etc/apache2/sites-available/000-default.conf',
    'RUN a2enmod jk',
    'ADD workers.properties /etc/libapache2-mod-jk/workers.properties',
    extra,
  ].join('\n');

const site = '<VirtualHost *:80>\n  DocumentRoot /var/www/html\n  JkMount /* worker1\n</VirtualHost>\n';
const workers =
  'worker.list=worker1\nworker.worker1.type=ajp13\nworker.worker1.host=localhost\nworker.worker1.port=8009\n';
const files = (docker: string, more: Record<string, string> = {}) => ({
  Dockerfile: docker,
  'conf/server.xml': serverXml,
  'apache/000-default.conf': site,
  'workers.properties': workers,
  ...more,
});

const readByPackage = {
  messageId: 'notSent',
  file: 'workers.properties',
  line: 2,
  messageIncludes: ['mod_jk worker worker1 (workers.properties) sends no secret'],
  related: [
    { file: 'conf/server.xml', line: 4 },
    { file: 'conf/server.xml', line: 4 },
    { file: 'workers.properties', line: 3 },
    { file: 'workers.properties', line: 4 },
    { file: 'Dockerfile', line: 1 },
    { file: 'apache/000-default.conf', line: 1 },
    { file: 'Dockerfile', line: 2 },
    { file: 'Dockerfile', line: 6 },
  ],
};

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "Debian's package installed: its jk.conf has httpd read the workers file copied to its path",
      files: files(dockerfile('apache2 libapache2-mod-jk')),
      errors: [readByPackage],
    },
    {
      // The install form of el1638en/apache_tomcat_load_balancer@aa1097b (apt over with_items); the role keeps its
      // Tomcat's server.xml beside the site, as footprns/apachetomcat@6d38a2f does.
      name: 'the same package installed by an Ansible apt task, the site and the workers file put by its templates',
      files: {
        'roles/web/tasks/main.yml': [
          '- apt:',
          '    pkg: "{{ item }}"',
          '  with_items:',
          '    - apache2',
          '    - libapache2-mod-jk',
          '- template: src=000-default.conf dest=/etc/apache2/sites-available/000-default.conf',
          '- template:',
          '    src: workers.properties',
          '    dest: /etc/libapache2-mod-jk/workers.properties',
          '',
        ].join('\n'),
        'roles/web/templates/000-default.conf': site,
        'roles/web/templates/workers.properties': workers,
        'roles/web/templates/server.xml': serverXml,
      },
      errors: [
        {
          ...readByPackage,
          file: 'roles/web/templates/workers.properties',
          messageIncludes: ['mod_jk worker worker1 (roles/web/templates/workers.properties) sends no secret'],
          related: [
            { file: 'roles/web/templates/server.xml', line: 4 },
            { file: 'roles/web/templates/server.xml', line: 4 },
            { file: 'roles/web/templates/workers.properties', line: 3 },
            { file: 'roles/web/templates/workers.properties', line: 4 },
            { file: 'roles/web/templates/000-default.conf', line: 1 },
            { file: 'roles/web/tasks/main.yml', line: 1 },
            { file: 'roles/web/tasks/main.yml', line: 8 },
          ],
        },
      ],
    },
  ],
});
