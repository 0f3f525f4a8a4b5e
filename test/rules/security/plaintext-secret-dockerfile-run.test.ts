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
          // elastic/logstash@5e53565 (Apache-2.0 part) docker/templates/Dockerfile.erb: the JDK's cacerts as BCFKS.
          'RUN keytool -importkeystore -srckeystore /usr/share/logstash/jdk/lib/security/cacerts \\',
          '    -destkeystore /usr/share/logstash/config/security/cacerts.bcfks -srcstoretype jks -deststoretype bcfks \\',
          '    -deststorepass changeit -srcstorepass changeit -noprompt',
          'RUN echo "password=not-written-anywhere"',
          // Only the errors go to the file (bash(1) REDIRECTION: `2>` is descriptor 2).
          'RUN echo "password=not-written-either" 2>/tmp/echo.err',
          '',
        ].join('\n'),
      },
    },
    {
      // mysql's `-p` alone prompts (the next word is the database); curl's `-u user` alone prompts; a hash chpasswd -e
      // takes is no password; values given at build time, placeholders and masked values say nothing.
      name: 'prompts, build-time values, placeholders: mysql -p, curl -u, chpasswd, htpasswd, here-documents',
      files: {
        Dockerfile: [
          'FROM eclipse-temurin:17-jre',
          'ARG ROOT_PWD',
          'RUN mysql -u root -p appdb < /tmp/schema.sql && mysql -u root -p"$DB_PASSWORD" appdb',
          'RUN curl -u deploy -o /opt/a.jar https://repo.example.com/a.jar && curl --user "$REPO_USER:$REPO_PASSWORD" -O https://repo.example.com/b.jar',
          'RUN echo "root:$ROOT_PWD" | chpasswd && echo \'app:$6$salt$hash\' | chpasswd -e',
          "RUN htpasswd -bc /etc/nginx/.htpasswd admin ${HTTP_PASSWORD:-x} && htpasswd -nbB user '<password>'",
          'RUN htpasswd -bc /usr/local/nagios/etc/htpasswd.users nagiosadmin XXXXXXXX',
          'RUN cat > /app/application.properties <<EOF',
          'spring.datasource.password=${DB_PASSWORD}',
          'EOF',
          '',
        ].join('\n'),
      },
    },
    {
      // `-p` is a login's password only: a template parameter to oc new-app, a published port to docker run.
      name: 'oc and docker options that are no login password, tokens given at build time, a placeholder',
      files: {
        Dockerfile: [
          'FROM registry.access.redhat.com/ubi8/ubi',
          'RUN oc new-app -p APP_NAME=orders my-template && docker run -p 8080:80 nginx',
          'RUN oc login --token="$OC_TOKEN" https://api.example.com:6443 && kubectl --token $(cat /run/secrets/kube) get pods',
          'RUN docker login -u me -p <password> registry.example.com',
          '',
        ].join('\n'),
      },
    },
  ],
  invalid: [
    {
      // santhoshramanathan/mqobjectbackup@b4afe75 Dockerfile:1 (no licence): `oc login --server=… --token=<a service
      // account's JWT>` written before FROM, a line docker build refuses: the token is in the repository all the same.
      // oc login -u/-p and --token (https://docs.openshift.com/container-platform/3.11/dev_guide/authentication.html),
      // docker login -p (https://docs.docker.com/reference/cli/docker/login/), kubectl --token
      // (https://kubernetes.io/docs/reference/kubectl/kubectl/).
      name: 'a bearer token on a line that is no instruction, oc login -p, docker login -p, kubectl --token',
      files: {
        Dockerfile: [
          'oc login --server=https://api.example.com:6443 --token=sha256~Oc-Token-Plain-1',
          'FROM registry.access.redhat.com/ubi8/ubi',
          'RUN oc login -u developer -p Oc-Plain-2 https://api.example.com:6443',
          'RUN docker login -u me -p Docker-Plain-3 registry.example.com',
          'RUN kubectl --token Kube-Token-Plain-4 get pods',
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'Dockerfile',
          line: 1,
          column: 56,
          messageIncludes: ['oc --token', 'Pass it from outside the repository'],
          messageExcludes: ['Oc-Token-Plain-1', 'RUN --mount'],
        },
        { messageId: 'plaintext', file: 'Dockerfile', line: 3, column: 30, messageIncludes: ['oc -p', 'RUN --mount'] },
        { messageId: 'plaintext', file: 'Dockerfile', line: 4, column: 27, messageIncludes: ['docker -p'] },
        { messageId: 'plaintext', file: 'Dockerfile', line: 5, column: 21, messageIncludes: ['kubectl --token'] },
      ],
    },
    {
      // The echoed file is read as tomcat-users.xml too (src/parse/shell-file-pieces.ts): its secret is said once.
      name: 'a tomcat-users.xml a RUN echo writes whole: one finding, at the RUN line',
      files: {
        Dockerfile: [
          'FROM tomcat:9.0',
          'RUN echo "<tomcat-users><user username=\\"t\\" password=\\"Users-Plain-9\\"/></tomcat-users>" > /usr/local/tomcat/conf/tomcat-users.xml',
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'Dockerfile',
          line: 2,
          column: 57,
          messageIncludes: ['RUN --mount=type=secret'],
        },
      ],
    },
    {
      name: 'a subscription-manager password, an echoed tomcat-users.xml user, keytool -genkey passwords',
      files: {
        Dockerfile: [
          'FROM registry.redhat.io/rhel7/rhel:7.6-362',
          "RUN subscription-manager register --username someone --password 'Rhsm-Plain-1!' --auto-attach",
          'RUN echo $"<?xml version=\\"1.0\\"?><tomcat-users><user username=\\"tomcat\\" password=\\"Users-Plain-2!\\" roles=\\"manager-gui\\"/></tomcat-users>" > /opt/tomcat/conf/tomcat-users.xml',
          'RUN keytool -genkey -keyalg RSA -dname "CN=app" -keypass Key-Plain-3$ -storepass Key-Plain-3$ -keystore /opt/certs/tomcat.keystore',
          // A store that is not the JDK's cacerts copied: its private keys with it.
          'RUN keytool -importkeystore -srckeystore /tmp/server.p12 -srcstorepass Src-Plain-4 -destkeystore /opt/certs/cacerts.jks -deststorepass Dst-Plain-5',
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
        { messageId: 'plaintext', file: 'Dockerfile', line: 5, column: 72, messageIncludes: ['keytool -srcstorepass'] },
        {
          messageId: 'plaintext',
          file: 'Dockerfile',
          line: 5,
          column: 136,
          messageIncludes: ['keytool -deststorepass'],
        },
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
    {
      // The shapes Sonar S6437 reads (SonarSource/sonar-iac@9452385 SecretsGenerationCheck: mysql -p, curl -u with a
      // colon, htpasswd -b) and gitleaks' curl-auth-user (gitleaks/gitleaks@b58d3f1 config/gitleaks.toml); chpasswd's
      // input besides. The here-document to application.properties is read once, as that file (src/parse/embedded.ts).
      name: 'mysql -pX, curl -u user:pass, chpasswd, htpasswd -b, a here-document written to a file, a BuildKit RUN <<EOF',
      files: {
        Dockerfile: [
          'FROM eclipse-temurin:17-jre',
          'RUN mysql -uroot -pMy-Plain-8 -e "CREATE DATABASE app" && mysqldump --password=Dump-Plain-9 app > /tmp/app.sql',
          'RUN curl -fsSL -u deploy:Curl-Plain-10 -o /opt/app.jar https://repo.example.com/app.jar',
          "RUN useradd -m app && echo 'app:Chpasswd-Plain-11' | chpasswd",
          'RUN htpasswd -bc /etc/nginx/.htpasswd admin Htpasswd-Plain-12',
          'RUN cat > /app/application.properties <<EOF',
          'spring.datasource.url=jdbc:postgresql://db/app',
          'spring.datasource.password=Heredoc-Plain-13',
          'EOF',
          'RUN <<EOF',
          "echo 'server.ssl.key-store-password=Buildkit-Plain-14' >> /app/ssl.properties",
          'EOF',
          "RUN chpasswd <<< 'svc:Herestring-Plain-15' && echo 'db.password=Tee-Plain-16' | tee /app/db.properties",
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'Dockerfile',
          line: 2,
          column: 20,
          messageIncludes: ['mysql -p'],
          messageExcludes: ['My-Plain-8'],
        },
        { messageId: 'plaintext', file: 'Dockerfile', line: 2, column: 80, messageIncludes: ['mysqldump --password'] },
        {
          messageId: 'plaintext',
          file: 'Dockerfile',
          line: 3,
          column: 26,
          messageIncludes: ['curl -u'],
          messageExcludes: ['Curl-Plain-10'],
        },
        { messageId: 'plaintext', file: 'Dockerfile', line: 4, column: 33, messageIncludes: ['chpasswd app'] },
        { messageId: 'plaintext', file: 'Dockerfile', line: 5, column: 45, messageIncludes: ['htpasswd -b'] },
        {
          messageId: 'plaintext',
          file: 'Dockerfile',
          line: 8,
          column: 28,
          messageIncludes: ['spring.datasource.password'],
        },
        {
          messageId: 'plaintext',
          file: 'Dockerfile',
          line: 11,
          column: 37,
          messageIncludes: ['server.ssl.key-store-password'],
        },
        { messageId: 'plaintext', file: 'Dockerfile', line: 13, column: 23, messageIncludes: ['chpasswd svc'] },
        { messageId: 'plaintext', file: 'Dockerfile', line: 13, column: 65, messageIncludes: ['db.password'] },
      ],
    },
  ],
});
