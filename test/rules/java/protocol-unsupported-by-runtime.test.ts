import rule from '../../../src/rules/java/protocol-unsupported-by-runtime';
import { ruleTester } from '../../helpers/rule-tester';
import { OPENJDK8_191, TEMURIN17, TOMCAT_TLS12 } from './fixtures';

const tomcat = (protocols: string) => TOMCAT_TLS12.replace('protocols="TLSv1.2"', `protocols="${protocols}"`);
const spring = (protocols: string) =>
  `server:\n  port: 8443\n  ssl:\n    key-store: classpath:ks.p12\n    enabled-protocols: ${protocols}\n`;

ruleTester(rule, {
  valid: [
    { name: 'TLSv1.3 on JDK 17', files: { 'tc/jdk/release': TEMURIN17, 'tc/conf/server.xml': tomcat('TLSv1.3') } },
    {
      name: 'TLSv1.2 on 8u191',
      files: { 'tc/jdk/release': OPENJDK8_191, 'tc/conf/server.xml': tomcat('TLSv1.2') },
    },
    { name: 'unknown JDK: what it implements is unknown', files: { 'tc/conf/server.xml': tomcat('TLSv1.3') } },
    {
      name: 'a Spring Boot server on JDK 17',
      files: {
        'app/src/main/resources/application.yml': spring('TLSv1.3'),
        'app/Dockerfile': 'FROM eclipse-temurin:17-jre\nCMD ["java","-jar","/app.jar"]\n',
      },
    },
    {
      name: 'Tomcat protocols="TLSv1.2, TLSv1.3": a comma and a space are one separator',
      files: { 'tc/jdk/release': TEMURIN17, 'tc/conf/server.xml': tomcat('TLSv1.2, TLSv1.3') },
    },
  ],
  invalid: [
    {
      // Measured with Tomcat 9.0.70 and 10.1.60 on JDK 17: SSLHostConfig.setProtocols keeps "TLSv1.2 TLSv1.3" as one
      // name, and JSSEUtil throws "None of the [protocols] specified are supported by the SSL engine".
      name: 'Tomcat protocols="TLSv1.2 TLSv1.3" (a space): one name no JDK has, the connector does not start',
      files: { 'tc/jdk/release': TEMURIN17, 'tc/conf/server.xml': tomcat('TLSv1.2 TLSv1.3') },
      errors: [
        {
          messageId: 'notAProtocol',
          file: 'tc/conf/server.xml',
          line: 5,
          severity: 'error',
          messageIncludes: [
            "TLSv1.2 TLSv1.3 in Tomcat connector 8443 (tc/conf/server.xml)'s protocols is no protocol name",
            "'None of the [protocols] specified are supported by the SSL engine'",
          ],
        },
      ],
    },
    {
      name: 'the same with the JDK unknown: no JDK has that name',
      files: { 'tc/conf/server.xml': tomcat('TLSv1.2 TLSv1.3') },
      errors: [{ messageId: 'notAProtocol', file: 'tc/conf/server.xml', line: 5, severity: 'error' }],
    },
    {
      // 9.0.70 and 10.1.60: "tlsv1.3" is kept as written and skipped; TLSv1.2 is enabled.
      name: 'Tomcat protocols="TLSv1.2,tlsv1.3": the lower-case name is skipped, an info',
      files: { 'tc/jdk/release': TEMURIN17, 'tc/conf/server.xml': tomcat('TLSv1.2,tlsv1.3') },
      errors: [
        {
          messageId: 'notAProtocol',
          file: 'tc/conf/server.xml',
          line: 5,
          severity: 'info',
          messageIncludes: ['Tomcat skips it with a warning and enables only TLSv1.2'],
        },
      ],
    },
    {
      name: 'TLSv1.3 only on 8u191: the connector does not start',
      files: { 'tc/jdk/release': OPENJDK8_191, 'tc/conf/server.xml': tomcat('TLSv1.3') },
      errors: [
        {
          messageId: 'noneSupported',
          file: 'tc/conf/server.xml',
          line: 5,
          messageIncludes: [
            'enables only TLSv1.3',
            "'None of the [protocols] specified are supported by the SSL engine'",
          ],
        },
      ],
    },
    {
      name: 'TLSv1.2+TLSv1.3 on 8u191: TLSv1.3 is skipped (an info)',
      files: { 'tc/jdk/release': OPENJDK8_191, 'tc/conf/server.xml': tomcat('TLSv1.2+TLSv1.3') },
      errors: [
        {
          messageId: 'someUnsupported',
          file: 'tc/conf/server.xml',
          line: 5,
          severity: 'info',
          messageIncludes: ['TLSv1.3 in', 'enables only TLSv1.2'],
        },
      ],
    },
    {
      name: 'a Spring Boot server with enabled-protocols TLSv1.3 on an openjdk:8u181 image',
      files: {
        'app/src/main/resources/application.yml': spring('TLSv1.3'),
        'app/Dockerfile': 'FROM openjdk:8u181-jre\nCOPY target/app.jar /app.jar\nCMD ["java","-jar","/app.jar"]\n',
      },
      errors: [
        {
          messageId: 'noneSupported',
          file: 'app/src/main/resources/application.yml',
          line: 5,
          messageIncludes: ['OpenJDK 8u181', 'embedded Tomcat'],
        },
      ],
    },
  ],
});
