import { lintTree } from '../engine/lint-helper';

/**
 * Whether httpd reads a workers file through Debian's libapache2-mod-jk default (its jk.conf's JkWorkersFile
 * /etc/libapache2-mod-jk/workers.properties): the shape of tykoh/docker-jdk7-tomcat7-ssl's Dockerfile, a site with a
 * JkMount and the tree's workers.properties ADDed where the package's jk.conf names it.
 */
const SERVER_XML =
  '<Server port="8005"><Service name="Catalina">\n' +
  '<Connector port="8009" protocol="AJP/1.3" secret="s3cret" />\n' +
  '<Engine name="Catalina" defaultHost="localhost"><Host name="localhost"/></Engine></Service></Server>\n';
const SITE = '<VirtualHost *:80>\n  JkMount /* worker1\n</VirtualHost>\n';
const WORKERS = 'worker.list=worker1\nworker.worker1.type=ajp13\nworker.worker1.host=localhost\n';

const dockerfile = (install: string, ...more: string[]) =>
  [
    'FROM ubuntu:22.04',
    `RUN apt-get update && apt-get -y install ${install}`,
    'COPY conf/server.xml /opt/tomcat/conf/server.xml',
    'ADD apache/000-default.conf /etc/apache2/sites-available/000-default.conf',
    ...more,
    '',
  ].join('\n');
const AT_PACKAGE_PATH = 'ADD workers.properties /etc/libapache2-mod-jk/workers.properties';

/** How the worker's front is read: by the package's default, or by no httpd of the tree ('unread'). */
function frontRead(
  files: Record<string, string>,
  site: Record<string, string> = { 'apache/000-default.conf': SITE },
  serverXml = 'conf/server.xml',
): string[] {
  const { findings } = lintTree(
    { [serverXml]: SERVER_XML, ...site, 'workers.properties': WORKERS, ...files },
    { builtIn: ['tomcat/ajp-secret-mismatch'] },
  );
  return findings
    .filter((f) => f.message.includes('mod_jk worker worker1'))
    .map((f) =>
      f.message.includes('no httpd configuration of the tree names') ? 'unread' : f.severity === 'info' ? '?' : 'read',
    );
}

describe("Debian's mod_jk package default workers file", () => {
  it.each<[string, Record<string, string>, string[]]>([
    [
      'apt-get installs the package, the file is put at its path',
      { Dockerfile: dockerfile('apache2 libapache2-mod-jk', AT_PACKAGE_PATH) },
      ['read'],
    ],
    ['the package is not installed', { Dockerfile: dockerfile('apache2', AT_PACKAGE_PATH) }, ['unread']],
    [
      'the package mentioned but not installed (apt-get remove)',
      { Dockerfile: dockerfile('apache2', 'RUN apt-get -y remove libapache2-mod-jk', AT_PACKAGE_PATH) },
      ['unread'],
    ],
    [
      'the file is put elsewhere',
      { Dockerfile: dockerfile('apache2 libapache2-mod-jk', 'ADD workers.properties /etc/apache2/workers.properties') },
      ['unread'],
    ],
    [
      "the tree's jk.conf over the package's: it decides",
      {
        Dockerfile: dockerfile(
          'apache2 libapache2-mod-jk',
          'COPY apache/jk.conf /etc/apache2/mods-available/jk.conf',
          AT_PACKAGE_PATH,
        ),
        'apache/jk.conf': '<IfModule jk_module>\n  JkLogLevel info\n</IfModule>\n',
      },
      ['unread'],
    ],
    [
      "the tree's file over the package's httpd-jk.conf, which its jk.conf links to",
      {
        Dockerfile: dockerfile(
          'apache2 libapache2-mod-jk',
          'COPY apache/httpd-jk.conf /etc/libapache2-mod-jk/httpd-jk.conf',
          AT_PACKAGE_PATH,
        ),
        'apache/httpd-jk.conf': '<IfModule jk_module>\n  JkLogLevel info\n</IfModule>\n',
      },
      ['unread'],
    ],
    [
      'a JkWorkersFile the tree writes: that line decides',
      {
        Dockerfile: dockerfile('apache2 libapache2-mod-jk', AT_PACKAGE_PATH),
        'apache/other.conf': 'JkWorkersFile /etc/apache2/workers.properties\n',
      },
      ['unread'],
    ],
  ])('%s', (_name, files, expected) => {
    expect(frontRead(files)).toEqual(expected);
  });

  // tykoh/docker-jdk7-tomcat7-ssl@0d8ad3f: the site is a file named apache_default, which only its ADD makes httpd's.
  it.each<[string, string, string[]]>([
    [
      'the site ADDed under a name httpd reads',
      'ADD apache_default /etc/apache2/sites-available/000-default.conf',
      ['read'],
    ],
    ['the same file never copied into the image: no httpd of the tree reads the worker', '', ['unread']],
  ])('%s', (_name, add, expected) => {
    const Dockerfile = dockerfile('apache2 libapache2-mod-jk', AT_PACKAGE_PATH).replace(
      'ADD apache/000-default.conf /etc/apache2/sites-available/000-default.conf',
      add,
    );
    expect(frontRead({ Dockerfile }, { apache_default: SITE })).toEqual(expected);
  });
});

/**
 * The same default on a host an Ansible project installs the package on: `apt` installs it, a task puts the tree's
 * workers file at the package's path and another the site (the install form of el1638en/apache_tomcat_load_balancer@aa1097b,
 * whose own jk.conf, templated over the package's, decides instead: the last case). The Tomcat is the role's own
 * server.xml, as footprns/apachetomcat@6d38a2f keeps it: a worker on localhost reaches the Tomcat of its host.
 */
describe("Debian's mod_jk package default on a host Ansible installs it on", () => {
  const role = (tasks: string, more: Record<string, string> = {}) => ({
    'roles/apache/tasks/main.yml': tasks,
    'roles/apache/templates/site.conf': SITE,
    'roles/apache/templates/workers.properties': WORKERS,
    ...more,
  });
  const INSTALL = '- apt:\n    pkg: "{{ item }}"\n  with_items:\n    - apache2\n    - libapache2-mod-jk\n';
  const SITE_TASK = '- template: src=site.conf dest=/etc/apache2/sites-available/site.conf\n';
  const WORKERS_TASK =
    '- template:\n    src: workers.properties\n    dest: /etc/libapache2-mod-jk/workers.properties\n';
  it.each<[string, Record<string, string>, string[]]>([
    ['apt installs it, tasks put the site and the workers file', role(INSTALL + SITE_TASK + WORKERS_TASK), ['read']],
    ['the package is not installed', role(SITE_TASK + WORKERS_TASK), ['unread']],
    [
      'the package removed',
      role('- apt: name=libapache2-mod-jk state=absent\n' + SITE_TASK + WORKERS_TASK),
      ['unread'],
    ],
    [
      'yum installs a mod_jk: RHEL ships no such package, no default',
      role('- yum: name=mod_jk\n' + SITE_TASK + WORKERS_TASK),
      ['unread'],
    ],
    ['no task puts the site on the host', role(INSTALL + WORKERS_TASK), ['unread']],
    [
      'the workers file put elsewhere',
      role(INSTALL + SITE_TASK + WORKERS_TASK.replace('/etc/libapache2-mod-jk/', '/etc/apache2/')),
      ['unread'],
    ],
    [
      "the role's jk.conf templated where the package's may be (a variable's directory): it decides",
      role(INSTALL + SITE_TASK + WORKERS_TASK + '- template: src=jk.conf.j2 dest="{{ mods_dir }}/jk.conf"\n', {
        'roles/apache/templates/jk.conf.j2': '<IfModule jk_module>\n  JkLogLevel info\n</IfModule>\n',
      }),
      ['unread'],
    ],
  ])('%s', (_name, files, expected) => {
    expect(frontRead(files, {}, 'roles/apache/templates/server.xml')).toEqual(expected);
  });
});
