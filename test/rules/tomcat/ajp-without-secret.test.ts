import rule from '../../../src/rules/tomcat/ajp-without-secret';
import { ruleTester } from '../../helpers/rule-tester';
import { zipOf } from '../../helpers/zip';

/**
 * A server.xml with an HTTP connector (line 3) and `ajp` as the AJP connector's attributes (line 4). Measured with
 * Debian's Tomcat 10.1.60 (Catalina on such a server.xml): without a secret it logs 'Failed to start component
 * [Connector["ajp-nio-127.0.0.1-18009"]]' with the failure below, binds 127.0.0.1:18009 and answers no AJP CPing; the
 * HTTP connector and the rest of Tomcat start.
 */
const serverXml = (ajp: string) =>
  [
    '<Server port="8005">',
    '  <Service name="Catalina">',
    '    <Connector port="8080" protocol="HTTP/1.1" />',
    `    <Connector port="8009" ${ajp} />`,
    '    <Engine name="Catalina" defaultHost="localhost"><Host name="localhost"/></Engine>',
    '  </Service>',
    '</Server>',
    '',
  ].join('\n');

/** Where every finding is: the AJP connector's start tag. */
const atConnector = { file: 'conf/server.xml', line: 4 };

/** A Tomcat installation's lib/catalina.jar whose ServerInfo.properties says `info` and `number`. */
const catalinaJar = (info: string, number: string) =>
  zipOf({
    'META-INF/MANIFEST.MF': 'Manifest-Version: 1.0\n',
    'org/apache/catalina/util/ServerInfo.properties': `server.info=${info}\nserver.number=${number}\nserver.built=Oct 13 2016 10:06:51 UTC\n`,
  });

/** DreamInSun/orange.img.Tomcat@886b2d2c Dockerfile_tomcat6_jre8: the whole unpacked installation ADDed to a JRE image. */
const addedInstallation = 'FROM java:8-jre\nENV CATALINA_HOME /tomcat\nADD apache-tomcat-6.0.47 $CATALINA_HOME\n';

const copiedInto = (image: string) => `FROM ${image}\nCOPY conf/server.xml /usr/local/tomcat/conf/server.xml\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'a secret on the AJP connector',
      files: {
        'conf/server.xml': serverXml('protocol="AJP/1.3" secret="${ajp.secret}"'),
        Dockerfile: copiedInto('tomcat:9.0.85'),
      },
    },
    {
      name: 'requiredSecret, the older name, sets it too (first letter case-free)',
      files: {
        'conf/server.xml': serverXml('protocol="AJP/1.3" RequiredSecret="s3cret-ajp"'),
        Dockerfile: copiedInto('tomcat:8.5.100'),
      },
    },
    {
      name: 'requiredSecret alone on 10.1 (deprecated there, still read): the connector has a secret',
      files: {
        'conf/server.xml': serverXml('protocol="AJP/1.3" requiredSecret="s3cret-ajp"'),
        Dockerfile: copiedInto('tomcat:10.1.30-jdk17'),
      },
    },
    {
      name: 'Tomcat 11 with both names: secret is read, the requiredSecret beside it is left alone',
      files: {
        'conf/server.xml': serverXml('protocol="AJP/1.3" requiredSecret="old" secret="s3cret-ajp"'),
        Dockerfile: copiedInto('tomcat:11.0.6'),
      },
    },
    {
      // kimonides/tomcat_mod_cluster@fe0f6dd files/server.xml: address="::1" secretRequired="false" on tomcat:9.0.
      name: 'secretRequired="false" (any value but true turns it off)',
      files: {
        'conf/server.xml': serverXml('protocol="AJP/1.3" address="::1" secretRequired="no"'),
        Dockerfile: copiedInto('tomcat:9.0'),
      },
    },
    {
      // codejsha/infrastructure-examples@(real-trees) tomcat/instance/server.xml: address="${TOMCAT_ADDRESS}", unsettled.
      name: 'secretRequired="false" on an address the tree does not settle: not said',
      files: {
        'conf/server.xml': serverXml('protocol="AJP/1.3" address="${TOMCAT_ADDRESS}" secretRequired="false"'),
        Dockerfile: copiedInto('tomcat:9.0.85'),
      },
    },
    {
      name: 'an old release with the connector on loopback: no exposure, and no secret needed',
      files: {
        'conf/server.xml': serverXml('protocol="AJP/1.3" address="127.0.0.1"'),
        Dockerfile: copiedInto('tomcat:8.5.50'),
      },
    },
    {
      name: 'an HTTP connector is no AJP connector; ajp/1.3 in another case is no AJP protocol either',
      files: { 'conf/server.xml': serverXml('protocol="ajp/1.3"'), Dockerfile: copiedInto('tomcat:9.0.85') },
    },
  ],
  invalid: [
    {
      // A mod_jk front on the Compose network (bee-infraverse/tomcat-cluster-lab@(real-trees) examples/httpd2tomcat, with
      // the connector's secret left out): the worker sends a secret the connector does not have, and is named.
      name: 'no secret on 9.0.85, and the mod_jk worker that reaches it is related, with the secret it sends',
      files: {
        'docker-compose.yml':
          'services:\n  httpd:\n    build: ./httpd\n  tomcat:\n    image: tomcat:9.0.85\n    volumes:\n      - ./conf:/usr/local/tomcat/conf\n',
        'httpd/Dockerfile': 'FROM httpd:2.4.62\nCOPY workers.properties /usr/local/apache2/conf/\n',
        'httpd/workers.properties':
          'worker.list=tomcat\nworker.tomcat.type=ajp13\nworker.tomcat.host=tomcat\nworker.tomcat.secret=s3cret\n',
        'conf/server.xml': serverXml('protocol="AJP/1.3" address="0.0.0.0"'),
      },
      errors: [
        {
          messageId: 'refused',
          severity: 'error',
          ...atConnector,
          messageExcludes: ['s3cret'],
          related: [
            { file: 'docker-compose.yml', line: 5 },
            { file: 'conf/server.xml', line: 4 },
            { file: 'conf/server.xml', line: 4 },
            { file: 'httpd/workers.properties', line: 2 },
          ],
        },
      ],
    },
    {
      // Ermax81/docker-apache-tomcat@cbf48bd (MIT): address="0.0.0.0" secretRequired="false", mounted into tomcat:jre11
      // by a Compose service that publishes 8009: it starts and serves anyone; it said nothing.
      name: 'secretRequired="false" on 0.0.0.0: a warning whatever the release, the opt-out and the address related',
      files: {
        'conf/server.xml': serverXml('protocol="AJP/1.3" address="0.0.0.0" secretRequired="false"'),
        'docker-compose.yml':
          'services:\n  tomcat:\n    image: tomcat:jre11\n    ports:\n      - "8009:8009"\n    volumes:\n      - ./conf:/usr/local/tomcat/conf\n',
      },
      errors: [
        {
          messageId: 'optedOut',
          severity: 'warning',
          ...atConnector,
          messageIncludes: [
            'turns secretRequired off and has no secret, and listens on 0.0.0.0 (address=)',
            'serves any client that reaches port 8009',
          ],
          // secretRequired, address, then port: each decides it, and a template value there would make it an info.
          related: [
            { file: 'conf/server.xml', line: 4 },
            { file: 'conf/server.xml', line: 4 },
            { file: 'conf/server.xml', line: 4 },
          ],
        },
      ],
    },
    {
      // Paritosh-Anand/Docker-Httpd-Tomcat@4398547 (no licence stated; its shape only:
      // github.com/Paritosh-Anand/Docker-Httpd-Tomcat/blob/43985472bd4c85194439a7479317b2eac4fa5760/tomcat/server.xml): tomcat/server.xml address="0.0.0.0" secretRequired="false", built into the Compose service tomcat,
      // which `expose:`s 8009 and publishes nothing; httpd, the other service, reaches it by mod_jk. It was a warning
      // whose advice (a network only the two share, no published port) the tree already follows.
      name: 'secretRequired="false" on 0.0.0.0 in a Compose service that publishes no port: an info naming it',
      files: {
        'tomcat/server.xml': serverXml('protocol="AJP/1.3" address="0.0.0.0" secretRequired="false"'),
        'tomcat/Dockerfile': 'FROM tomcat:9.0\nCOPY server.xml /usr/local/tomcat/conf/\nEXPOSE 8009\n',
        'docker-compose.yml':
          'version: \'2\'\nservices:\n  tomcat:\n    expose:\n      - "8009"\n    build: tomcat/.\n  httpd:\n    ports:\n      - 80\n    build: httpd/.\n',
      },
      errors: [
        {
          messageId: 'optedOutUnpublished',
          severity: 'info',
          file: 'tomcat/server.xml',
          line: 4,
          messageIncludes: [
            'listens on 0.0.0.0 (address=) in Compose service tomcat, which publishes no port on the host',
            'only containers on its Compose networks reach port 8009',
          ],
          related: [
            { file: 'tomcat/server.xml', line: 4 },
            { file: 'tomcat/server.xml', line: 4 },
            { file: 'tomcat/server.xml', line: 4 },
            { file: 'docker-compose.yml', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'no secret on 9.0.85: the connector does not start (error); the class name is AJP too',
      files: {
        'conf/server.xml': serverXml('protocol="org.apache.coyote.ajp.AjpNioProtocol" redirectPort="8443"'),
        Dockerfile: copiedInto('tomcat:9.0.85-jdk17'),
      },
      errors: [
        {
          messageId: 'refused',
          severity: 'error',
          ...atConnector,
          messageIncludes: [
            'Tomcat 9.0.85 (Dockerfile:1 FROM tomcat:9.0.85-jdk17)',
            'secretRequired="true" but the secret attribute is either null',
          ],
          related: [
            { file: 'Dockerfile', line: 1 },
            { file: 'conf/server.xml', line: 4 },
          ],
        },
      ],
    },
    {
      name: 'requiredSecret alone on Tomcat 11, which has no such setter: no secret, the connector does not start (error)',
      files: {
        'conf/server.xml': serverXml('protocol="AJP/1.3" requiredSecret="s3cret-ajp"'),
        Dockerfile: copiedInto('tomcat:11.0.6-jdk21'),
      },
      errors: [
        {
          messageId: 'requiredSecretUnread',
          severity: 'error',
          ...atConnector,
          messageIncludes: [
            'Tomcat 11.0.6 (Dockerfile:1 FROM tomcat:11.0.6-jdk21)',
            'failed to set property [requiredSecret]',
            'Rename requiredSecret to secret',
          ],
          messageExcludes: ['s3cret-ajp'],
          // requiredSecret="…", the release, the port.
          related: [
            { file: 'conf/server.xml', line: 4 },
            { file: 'Dockerfile', line: 1 },
            { file: 'conf/server.xml', line: 4 },
          ],
        },
      ],
    },
    {
      name: 'loopback does not help on a release that requires the secret; an empty secret is none; a branch tag is its newest release',
      files: {
        'conf/server.xml': serverXml('protocol="AJP/1.3" address="127.0.0.1" secret=""'),
        Dockerfile: copiedInto('tomcat:10.1'),
      },
      errors: [
        {
          messageId: 'refused',
          severity: 'error',
          ...atConnector,
          messageIncludes: [
            'the tag names the branch',
            'address="127.0.0.1" keeps it on this host, but the secret is still required',
          ],
        },
      ],
    },
    {
      // viniciusfs/ansible-role-tomcat@dce442c templates/server.xml.tpl: the stock 7.0 connector, on 7.0.75 by its defaults.
      name: 'no secret on 7.0.75 (a download of the Apache distribution): every address, Ghostcat (warning)',
      files: {
        'conf/server.xml': serverXml('protocol="AJP/1.3" redirectPort="8443"'),
        Dockerfile:
          'FROM eclipse-temurin:8-jre\nRUN wget https://archive.apache.org/dist/tomcat/tomcat-7/v7.0.75/bin/apache-tomcat-7.0.75.tar.gz\nCOPY conf/server.xml /opt/tomcat/conf/server.xml\n',
      },
      errors: [
        {
          messageId: 'exposed',
          severity: 'warning',
          ...atConnector,
          messageIncludes: ['every address', 'CVE-2020-1938'],
        },
      ],
    },
    {
      // viniciusfs/ansible-role-tomcat@dce442c (no licence): defaults/main.yml names 7.0.75 and the download URL,
      // tasks/main.yml templates server.xml.tpl to {{ tomcat_home }}/conf/server.xml. It was 'the tree names no
      // Tomcat release … Name the release' (sweep57 §6).
      name: "an Ansible role's default release (7.0.75), for the template its task writes into server.xml: Ghostcat (warning)",
      files: {
        'defaults/main.yml':
          '---\ntomcat_version_major: "7"\ntomcat_version: "7.0.75"\ntomcat_mirror: "https://archive.apache.org/dist/tomcat"\ntomcat_download_url: "{{ tomcat_mirror }}/tomcat-{{ tomcat_version_major }}/v{{ tomcat_version }}/bin/apache-tomcat-{{ tomcat_version }}.tar.gz"\ntomcat_home: "/opt/tomcat"\n',
        'tasks/main.yml':
          '---\n- name: Download Tomcat\n  get_url:\n    url: "{{ tomcat_download_url }}"\n    dest: "/tmp/apache-tomcat-{{ tomcat_version }}.tar.gz"\n- name: Deploy tomcat server.xml configuration file\n  template: >\n    src=server.xml.tpl\n    dest={{ tomcat_home }}/conf/server.xml\n',
        'templates/server.xml.tpl': serverXml('protocol="AJP/1.3" redirectPort="8443"'),
      },
      errors: [
        {
          messageId: 'exposed',
          severity: 'warning',
          file: 'templates/server.xml.tpl',
          line: 4,
          messageIncludes: [
            'Tomcat 7.0.75 (defaults/main.yml:3 tomcat_version: 7.0.75, the default of the role whose task at tasks/main.yml:8 writes this file)',
            'every address',
          ],
          related: [
            { file: 'defaults/main.yml', line: 3 },
            { file: 'tasks/main.yml', line: 8 },
            { file: 'templates/server.xml.tpl', line: 4 },
          ],
        },
      ],
    },
    {
      // KAMI911/ansible-role-tomcat@ee95446 (MIT): the release only in a download URL built from three variables. The
      // URL's template values are filled from the role's variables: the finding rests on none of them.
      name: "an Ansible role's download URL built from its variables (7.0.75): a warning, not deferred to the template values",
      files: {
        'defaults/main.yml':
          'tomcat_majorversion: 7\ntomcat_minorversion: 0\ntomcat_patchversion: 75\ntomcat_download_url: "https://archive.apache.org/dist/tomcat/apache-tomcat-{{ tomcat_majorversion }}.{{ tomcat_minorversion }}.{{ tomcat_patchversion }}.tar.gz"\n',
        'tasks/main.yml':
          "- template:\n    src: 'server.xml.j2'\n    dest: '{{ tomcat_catalina_base }}/conf/server.xml'\n",
        'templates/server.xml.j2': serverXml('protocol="AJP/1.3" redirectPort="8443"'),
      },
      errors: [
        {
          messageId: 'exposed',
          severity: 'warning',
          file: 'templates/server.xml.j2',
          line: 4,
          messageIncludes: ['Tomcat 7.0.75 (defaults/main.yml:4 tomcat_download_url, which names apache-tomcat-7.0.75'],
          related: [
            { file: 'defaults/main.yml', line: 4 },
            { file: 'tasks/main.yml', line: 2 },
            { file: 'templates/server.xml.j2', line: 4 },
          ],
        },
      ],
    },
    {
      // maxlambrecht/spiffe-nginx-tomcat@73c50e5: spire/Dockerfile downloads apache-tomcat-${TOMCAT_VERSION}.tar.gz through
      // an ARG whose default names another ARG; docker-compose.yml builds it as `image: spire`; back-end/Dockerfile is
      // `FROM spire` and copies its server.xml in. It was 'the tree names no Tomcat release … do not start it'.
      name: 'FROM an image the tree builds, which downloads Tomcat 8.5.32 (ARG defaults): every address, Ghostcat (warning)',
      files: {
        'back-end/conf/server.xml': serverXml('protocol="AJP/1.3" redirectPort="8443"'),
        'back-end/Dockerfile': 'FROM spire\nCOPY conf/server.xml /opt/tomcat/conf/server.xml\n',
        'spire/Dockerfile':
          'FROM ubuntu:xenial\nARG TOMCAT_VERSION=8.5.32\nARG TOMCAT_RELEASE="http://archive.apache.org/dist/tomcat/tomcat-8/v${TOMCAT_VERSION}/bin/apache-tomcat-${TOMCAT_VERSION}.tar.gz"\nRUN curl --silent --location ${TOMCAT_RELEASE} | tar -xzf -\n',
        'docker-compose.yml':
          'services:\n  spire-server:\n    build: ./spire\n    image: spire\n  backend:\n    build: ./back-end\n',
      },
      errors: [
        {
          messageId: 'exposed',
          severity: 'warning',
          file: 'back-end/conf/server.xml',
          line: 4,
          messageIncludes: [
            'Tomcat 8.5.32 (back-end/Dockerfile:1 FROM spire, which docker-compose.yml:4 builds from spire/Dockerfile: spire/Dockerfile:4 RUN, which downloads apache-tomcat-8.5.32)',
            'CVE-2020-1938',
          ],
          related: [
            { file: 'spire/Dockerfile', line: 4 },
            { file: 'back-end/Dockerfile', line: 1 },
            { file: 'docker-compose.yml', line: 4 },
            { file: 'back-end/conf/server.xml', line: 4 },
          ],
        },
      ],
    },
    {
      name: 'FROM an image the tree builds, which downloads Tomcat 9.0.80 (ENV, $NAME): the connector does not start',
      files: {
        'app/conf/server.xml': serverXml('protocol="AJP/1.3" redirectPort="8443"'),
        'app/Dockerfile': 'FROM base:latest\nCOPY conf/server.xml /opt/tomcat/conf/server.xml\n',
        'base/Dockerfile':
          'FROM eclipse-temurin:17-jre\nENV TOMCAT_VERSION=9.0.80\nRUN wget -q https://archive.apache.org/dist/tomcat/tomcat-9/v$TOMCAT_VERSION/bin/apache-tomcat-$TOMCAT_VERSION.tar.gz\n',
        'docker-compose.yml': 'services:\n  base:\n    build: ./base\n    image: base\n  app:\n    build: ./app\n',
      },
      errors: [
        {
          messageId: 'refused',
          severity: 'error',
          file: 'app/conf/server.xml',
          line: 4,
          messageIncludes: [
            'Tomcat 9.0.80 (app/Dockerfile:1 FROM base:latest, which docker-compose.yml:4 builds from base/Dockerfile',
          ],
        },
      ],
    },
    {
      name: 'a download whose version is a build argument without a default: the release stays unknown',
      files: {
        'conf/server.xml': serverXml('protocol="AJP/1.3" redirectPort="8443"'),
        Dockerfile:
          'FROM ubuntu:xenial\nARG TOMCAT_VERSION\nRUN curl -sL https://archive.apache.org/dist/tomcat/tomcat-8/v${TOMCAT_VERSION}/bin/apache-tomcat-${TOMCAT_VERSION}.tar.gz | tar -xzf -\nCOPY conf/server.xml /opt/tomcat/conf/server.xml\n',
      },
      errors: [{ messageId: 'releaseUnknown', severity: 'warning', ...atConnector }],
    },
    {
      // APTPlatforms/tomcat-keycloak@99b85cd tomcat/build/Dockerfile: FROM tomcat:8.5-alpine, whose last image (the
      // official image's alpine tags stopped in May 2019, docker-library/tomcat@7eae995) has Tomcat 8.5.41.
      name: 'tomcat:8.5-alpine is no longer built: its last image, 8.5.41, starts the connector (Ghostcat, warning)',
      files: {
        'conf/server.xml': serverXml('protocol="AJP/1.3" redirectPort="8443"'),
        Dockerfile: copiedInto('tomcat:8.5-alpine'),
      },
      errors: [
        {
          messageId: 'exposed',
          severity: 'warning',
          ...atConnector,
          messageIncludes: [
            'Tomcat 8.5.41 (Dockerfile:1 FROM tomcat:8.5-alpine: a tag the official image no longer builds, whose last image has Tomcat 8.5.41)',
            'CVE-2020-1938',
          ],
          messageExcludes: ['the tag names the branch'],
        },
      ],
    },
    {
      // jlquiroscass/tomcat-ssl@fb01940: FROM tomcat, the stock 8.5-era connector.
      name: 'FROM tomcat (no release in the tag): both outcomes, a warning',
      files: { 'conf/server.xml': serverXml('protocol="AJP/1.3"'), Dockerfile: copiedInto('tomcat') },
      errors: [
        {
          messageId: 'floating',
          severity: 'warning',
          ...atConnector,
          messageIncludes: ['names no Tomcat release'],
        },
      ],
    },
    {
      // DreamInSun/orange.img.Tomcat@886b2d2c: the tree holds the installation (its lib/catalina.jar names 6.0.47).
      name: 'a Tomcat installation of the tree: its lib/catalina.jar names the release (6.0.47: Ghostcat, warning)',
      files: {
        'apache-tomcat-6.0.47/conf/server.xml': serverXml('protocol="AJP/1.3" redirectPort="8443"'),
        'apache-tomcat-6.0.47/lib/catalina.jar': catalinaJar('Apache Tomcat/6.0.47', '6.0.47.0'),
        Dockerfile: addedInstallation,
      },
      errors: [
        {
          messageId: 'exposed',
          severity: 'warning',
          file: 'apache-tomcat-6.0.47/conf/server.xml',
          line: 4,
          messageIncludes: [
            'Tomcat 6.0.47 (apache-tomcat-6.0.47/lib/catalina.jar: Apache Tomcat/6.0.47, the installation this conf/ belongs to)',
            'every address',
          ],
          related: [
            { file: 'apache-tomcat-6.0.47/lib/catalina.jar', line: 1 },
            { file: 'apache-tomcat-6.0.47/conf/server.xml', line: 4 },
          ],
        },
      ],
    },
    {
      name: "a catalina.jar whose server.info hides the version, or another installation's jar, names no release",
      files: {
        'apache-tomcat-6.0.47/conf/server.xml': serverXml('protocol="AJP/1.3" redirectPort="8443"'),
        'apache-tomcat-6.0.47/lib/catalina.jar': catalinaJar('Apache Tomcat', '0.0.0.0'),
        'other/lib/catalina.jar': catalinaJar('Apache Tomcat/9.0.85', '9.0.85.0'),
        Dockerfile: addedInstallation,
      },
      errors: [
        {
          messageId: 'releaseUnknown',
          severity: 'warning',
          file: 'apache-tomcat-6.0.47/conf/server.xml',
          line: 4,
          messageIncludes: ['the tree names no Tomcat release'],
        },
      ],
    },
    {
      // DreamInSun/orange.img.Tomcat@886b2d2c (Apache-2.0) Dockerfile_tomcat6_jre7: `From cloudesire/tomcat:6-jre7`.
      name: "a Tomcat image lint-deploy does not know: named as such, not 'the tree names no Tomcat release'",
      files: { 'conf/server.xml': serverXml('protocol="AJP/1.3"'), Dockerfile: copiedInto('cloudesire/tomcat:6-jre7') },
      errors: [
        {
          messageId: 'releaseUnknown',
          severity: 'warning',
          ...atConnector,
          messageIncludes: [
            'Dockerfile:1 FROM cloudesire/tomcat:6-jre7 is an image whose Tomcat release lint-deploy does not know',
          ],
          messageExcludes: ['the tree names no Tomcat release'],
        },
      ],
    },
    {
      name: 'no image runs it: the release and the vendor are unknown, a warning naming SUSE',
      files: { 'conf/server.xml': serverXml('protocol="AJP/1.3" address="0.0.0.0"') },
      errors: [
        {
          messageId: 'releaseUnknown',
          severity: 'warning',
          ...atConnector,
          messageIncludes: [
            'the tree names no Tomcat release',
            'openSUSE and SUSE packages patch',
            '0.0.0.0 (address=)',
          ],
        },
      ],
    },
  ],
});
