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
): string[] {
  const { findings } = lintTree(
    { 'conf/server.xml': SERVER_XML, ...site, 'workers.properties': WORKERS, ...files },
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
