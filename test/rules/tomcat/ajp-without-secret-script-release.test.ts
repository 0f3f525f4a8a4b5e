import rule from '../../../src/rules/tomcat/ajp-without-secret';
import { ruleTester } from '../../helpers/rule-tester';

/** A server.xml with an HTTP connector (line 3) and a secret-less AJP connector (line 4). */
const serverXml = [
  '<Server port="8005">',
  '  <Service name="Catalina">',
  '    <Connector port="8080" protocol="HTTP/1.1" />',
  '    <Connector port="8009" protocol="AJP/1.3" redirectPort="8443" />',
  '    <Engine name="Catalina" defaultHost="localhost"><Host name="localhost"/></Engine>',
  '  </Service>',
  '</Server>',
  '',
].join('\n');
const atConnector = { file: 'apps/tomcat/conf/server.xml', line: 4 };

/** An install script that fetches Tomcat `release` (as PkayJava/tomcat-docker's script/installation.sh does). */
const installScript = (release: string) =>
  [
    '#!/bin/bash',
    'if [ -e /apps/tomcat.tar.gz ]; then cp /apps/tomcat.tar.gz /tmp; fi',
    `cd /tmp && wget https://archive.apache.org/dist/tomcat/tomcat-9/v${release}/bin/apache-tomcat-${release}.tar.gz`,
    `tar -zxf apache-tomcat-${release}.tar.gz -C /opt`,
    '',
  ].join('\n');

/**
 * The Tomcat release a script names when a RUN of the image runs it (PkayJava/tomcat-docker@8845022, Apache-2.0:
 * `COPY script /script`, `RUN /script/installation.sh`, which wgets apache-tomcat-9.0.46; the AJP finding said "the
 * tree names no Tomcat release"). A script the image does not hold at the path the RUN gives is not read.
 */
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: 'a RUN runs a copied script that downloads Tomcat 9.0.24: read as that release (Ghostcat)',
      files: {
        'apps/tomcat/conf/server.xml': serverXml,
        'script/installation.sh': installScript('9.0.24'),
        Dockerfile: 'FROM ubuntu:18.04\nCOPY script /script\nCOPY apps /apps\nRUN /script/installation.sh\n',
      },
      errors: [
        {
          messageId: 'exposed',
          severity: 'warning',
          ...atConnector,
          messageIncludes: [
            'Dockerfile:4 RUN, which runs script/installation.sh, whose line 3 names apache-tomcat-9.0.24',
            'CVE-2020-1938',
          ],
        },
      ],
    },
    {
      name: 'a RUN runs a copied script that downloads Tomcat 9.0.46: the connector does not start',
      files: {
        'apps/tomcat/conf/server.xml': serverXml,
        'script/installation.sh': installScript('9.0.46'),
        Dockerfile: 'FROM ubuntu:18.04\nCOPY script /script\nCOPY apps /apps\nRUN bash /script/installation.sh\n',
      },
      errors: [
        {
          messageId: 'refused',
          severity: 'error',
          ...atConnector,
          messageIncludes: ['Tomcat 9.0.46 (Dockerfile:4 RUN, which runs script/installation.sh'],
        },
      ],
    },
    {
      name: 'the script keeps the release in a variable it assigns once (TOMCAT_VERSION=9.0.24): read there',
      files: {
        'apps/tomcat/conf/server.xml': serverXml,
        'script/installation.sh':
          '#!/bin/bash\nexport TOMCAT_VERSION=9.0.24\ncd /tmp && wget https://archive.apache.org/dist/tomcat/tomcat-9/v${TOMCAT_VERSION}/bin/apache-tomcat-${TOMCAT_VERSION}.tar.gz\n',
        Dockerfile: 'FROM ubuntu:18.04\nCOPY script /script\nCOPY apps /apps\nRUN /script/installation.sh\n',
      },
      errors: [
        {
          messageId: 'exposed',
          severity: 'warning',
          ...atConnector,
          messageIncludes: [
            'whose line 2 names apache-tomcat-${TOMCAT_VERSION} with TOMCAT_VERSION=9.0.24',
            'CVE-2020-1938',
          ],
        },
      ],
    },
    {
      name: 'a RUN names a path where the image holds no tree script: the release stays unknown',
      files: {
        'apps/tomcat/conf/server.xml': serverXml,
        'script/installation.sh': installScript('9.0.24'),
        Dockerfile: 'FROM ubuntu:18.04\nCOPY apps /apps\nRUN /opt/installation.sh\n',
      },
      errors: [{ messageId: 'releaseUnknown', severity: 'warning', ...atConnector }],
    },
  ],
});
