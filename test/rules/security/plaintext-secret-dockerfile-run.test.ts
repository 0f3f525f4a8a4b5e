import rule from '../../../src/rules/security/plaintext-secret';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * Secrets a Dockerfile RUN line writes (src/parse/dockerfile-run-secrets.ts). The trees are shaped like
 * appddictionstudio/docker-tomcat-ssl@09c8e17 (no licence file): `subscription-manager register --password '…'`, a
 * tomcat-users.xml written by `echo`, `keytool -genkey -keypass … -storepass …`.
 */
ruleTester(rule, {
  valid: [
    {
      name: 'placeholders, build secrets and files on RUN lines: values given at build time',
      files: {
        Dockerfile: [
          'FROM registry.access.redhat.com/ubi8/ubi:8.9',
          'ARG RHSM_PASSWORD',
          'RUN subscription-manager register --username me --password "$RHSM_PASSWORD" --auto-attach',
          'RUN subscription-manager register --username me --password=${RHSM_PASSWORD}',
          'RUN --mount=type=secret,id=rhsm subscription-manager register --username me --password "$(cat /run/secrets/rhsm)"',
          'RUN wget --user me --password <password> https://example.com/a.tar.gz',
          'RUN echo "<user username=\\"tomcat\\" password=\\"${TOMCAT_PASSWORD}\\" roles=\\"manager-gui\\"/>" > /opt/tomcat/conf/tomcat-users.xml',
          'RUN keytool -genkeypair -alias app -keystore /opt/app.p12 -storepass:env STORE_PASSWORD -dname CN=app',
          'RUN openssl pkcs12 -export -in a.crt -inkey a.key -out a.p12 -passout env:P12_PASSWORD',
          'RUN echo "$DOCKER_TOKEN" | docker login --username me --password-stdin registry.example.com',
          'RUN wget --password-file=/run/secrets/wget https://example.com/b.tar.gz',
          '',
        ].join('\n'),
      },
    },
    {
      // mysql's --password without `=` prompts: the next word is the database (https://dev.mysql.com/doc/refman/8.0/en/mysql-command-options.html).
      // Importing a CA into the JDK's cacerts with its well-known `changeit` opens a trust store: no private key.
      name: 'an option whose next word is an operand, a trust store import, a password echoed to the terminal',
      files: {
        Dockerfile: [
          'FROM eclipse-temurin:17-jdk',
          'RUN mysql --password appdb < /tmp/schema.sql',
          'RUN keytool -importcert -noprompt -cacerts -storepass changeit -alias corp -file /tmp/corp-ca.crt',
          'RUN echo "password=not-written-anywhere"',
          // Only the errors go to the file (bash(1) REDIRECTION: `2>` is descriptor 2).
          'RUN echo "password=not-written-either" 2>/tmp/echo.err',
          '',
        ].join('\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'a subscription-manager password, an echoed tomcat-users.xml user, keytool -genkey passwords',
      files: {
        Dockerfile: [
          'FROM registry.redhat.io/rhel7/rhel:7.6-362',
          "RUN subscription-manager register --username someone --password 'Rhsm-Plain-1!' --auto-attach",
          'RUN echo $"<?xml version=\\"1.0\\"?><tomcat-users><user username=\\"tomcat\\" password=\\"Users-Plain-2!\\" roles=\\"manager-gui\\"/></tomcat-users>" > /opt/tomcat/conf/tomcat-users.xml',
          'RUN keytool -genkey -keyalg RSA -dname "CN=app" -keypass Key-Plain-3$ -storepass Key-Plain-3$ -keystore /opt/certs/tomcat.keystore',
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'Dockerfile',
          line: 2,
          column: 66,
          messageIncludes: ['subscription-manager --password', 'RUN --mount=type=secret'],
          messageExcludes: ['Rhsm-Plain-1'],
        },
        {
          messageId: 'plaintext',
          file: 'Dockerfile',
          line: 3,
          column: 86,
          messageIncludes: ['user@password'],
          messageExcludes: ['Users-Plain-2'],
        },
        { messageId: 'plaintext', file: 'Dockerfile', line: 4, column: 58, messageIncludes: ['keytool -keypass'] },
        { messageId: 'plaintext', file: 'Dockerfile', line: 4, column: 82, messageIncludes: ['keytool -storepass'] },
      ],
    },
    {
      name: 'an option=value of any command, wget and openssl pass phrases, a properties line appended by echo',
      files: {
        Dockerfile: [
          'FROM eclipse-temurin:17-jre',
          'RUN wget --user=deploy --password=Wget-Plain-4 https://repo.example.com/app.jar',
          'RUN openssl pkcs12 -export -in a.crt -inkey a.key -out a.p12 -passout pass:P12-Plain-5',
          "RUN echo 'spring.datasource.password=Db-Plain-6' >> /app/config/application.properties",
          '',
        ].join('\n'),
      },
      errors: [
        { messageId: 'plaintext', file: 'Dockerfile', line: 2, column: 35, messageIncludes: ['wget --password'] },
        { messageId: 'plaintext', file: 'Dockerfile', line: 3, column: 76, messageIncludes: ['openssl -passout'] },
        {
          messageId: 'plaintext',
          file: 'Dockerfile',
          line: 4,
          column: 38,
          messageIncludes: ['spring.datasource.password'],
        },
      ],
    },
    {
      // The command line `su -c` runs is read as commands (src/parse/shell-commands.ts), offsets inside the quotes.
      name: 'a keytool that su runs with -c',
      files: {
        Dockerfile: [
          'FROM eclipse-temurin:17-jre',
          'RUN su app -s /bin/sh -c "keytool -genkeypair -alias a -keystore /k.p12 -storepass \'Su-Plain-7\' -dname CN=a"',
          '',
        ].join('\n'),
      },
      errors: [
        { messageId: 'plaintext', file: 'Dockerfile', line: 2, column: 85, messageIncludes: ['keytool -storepass'] },
      ],
    },
  ],
});
