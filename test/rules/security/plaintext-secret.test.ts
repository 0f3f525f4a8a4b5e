import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/security/plaintext-secret';
import { ruleTester } from '../../helpers/rule-tester';

const elytronTls = (keyStores: string, managers: string): string =>
  `<?xml version="1.0"?>\n<server xmlns="urn:jboss:domain:20.0">\n  <profile>\n    <subsystem xmlns="urn:wildfly:elytron:18.0">\n      <tls>\n        <key-stores>\n${keyStores}        </key-stores>\n${managers}      </tls>\n    </subsystem>\n  </profile>\n</server>\n`;
const elytronStore = (name: string, password: string, file: string): string =>
  `          <key-store name="${name}">\n            <credential-reference clear-text="${password}"/>\n            <implementation type="JKS"/>\n            <file path="${file}" relative-to="jboss.server.config.dir"/>\n          </key-store>\n`;

/** A HAProxy userlist and stats page (byjg/docker-easy-haproxy@8bd9f06 src/templates/haproxy.cfg.j2, MIT, for the stats line). */
const haproxyAuth = (user: string, stats: string): string =>
  `global\n  daemon\nuserlist admins\n  user admin ${user}\nlisten stats\n  mode http\n  bind :1936\n  stats enable\n  stats auth ${stats}\n`;

/** WildFly's stock ExampleDS as every standalone*.xml and domain.xml ships it (user and password `sa`), with `url`. */
const exampleDatasource = (url: string, security = '<security user-name="sa" password="sa"/>') =>
  `<server xmlns="urn:jboss:domain:20.0">\n  <profile>\n    <subsystem xmlns="urn:jboss:domain:datasources:7.1">\n      <datasources>\n        <datasource jndi-name="java:jboss/datasources/ExampleDS" pool-name="ExampleDS">\n          <connection-url>${url}</connection-url>\n          <driver>h2</driver>\n          ${security}\n        </datasource>\n      </datasources>\n    </subsystem>\n  </profile>\n</server>\n`;

ruleTester(rule, {
  valid: [
    {
      // sempernow/strimzi-kafka@50a53e6 (no licence) kafka-clients.yaml.tpl: a container's `sh -c` writes the client
      // properties through an unquoted heredoc; the shell puts the password file's content in when it runs.
      name: 'a command substitution written through a heredoc is the command output, not the text',
      files: {
        'start.sh':
          '#!/bin/sh\ncat <<EOH > /tmp/clients.properties\nsecurity.protocol=SSL\nssl.keystore.location=/etc/kafka/user.p12\nssl.keystore.password=$(cat /etc/kafka/secrets/user.password)\nssl.key.password=`cat /etc/kafka/secrets/key.password`\nEOH\n',
      },
    },
    {
      // Settings whose words after the last secret word name a kind of thing (an encoder, a policy, a reference), not
      // a secret: Apereo CAS 5.3 (daix23/cas-overlay-template-5.3@33340bf application.properties), Flowable IDM, Kafka's
      // password encoder settings, a Kubernetes Secret's key and name. Reported before as plaintext secrets.
      name: 'password encoder, policy and reference settings',
      files: {
        'cas/application.properties':
          'cas.authn.jdbc.query[0].passwordEncoder.type=com.example.CustomPasswordEncoder\n' +
          'cas.authn.jdbc.query[0].passwordEncoder.characterEncoding=UTF-8\n' +
          'cas.authn.jdbc.query[0].passwordEncoder.encodingAlgorithm=MD5\n' +
          'cas.authn.ldap[0].password-policy.warning-days=30\n' +
          'cas.authn.pm.core.password-policy-pattern=^(?=.*\\d)(?=.*[a-z]).{8,10}$\n' +
          'flowable.idm.password-encoder=spring_delegating\n',
        'app/src/main/resources/application.yml':
          'security:\n  password-encoder: bcrypt\n  passwordPolicy: length(8)\njwt:\n  secret-expiration: PT1H\n',
        'kafka/server.properties':
          'password.encoder.keygen.algorithm=PBKDF2WithHmacSHA512\npassword.encoder.iterations=4096\n',
      },
    },
    {
      // onap/oom@4f72676 (Apache-2.0): aai-babel's deployment and cds's application.properties, two warnings before.
      name: 'a value saying the setting is not used (unused, NotUsed) is no password',
      files: {
        'cds/application.properties': 'blueprintprocessor.k8s.plugin.password=unused\n',
        'babel/deployment.yaml':
          'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: babel\n          env:\n            - name: KEY_STORE_PASSWORD\n              value: NotUsed\n            - name: TRUST_STORE_PASSWORD\n              value: not_used\n',
      },
    },
    {
      // Internet2/inc-train-jetty-base@103f1b2 jetty-base/start.d/ssl.ini: the published example left the secret out.
      name: 'a redaction mark (XXXXXXXX) is no password',
      files: { 'start.d/ssl.ini': '--module=ssl\njetty.sslContext.keyStorePassword=XXXXXXXX\n' },
    },
    {
      // minhducnguyen189/com.springboot.cloud@b8e7d33 (no licence; the shape only) openfeign-client-credentials-
      // interceptor application.yml: a logger named by a package with a secret word, set to DEBUG.
      name: "a logger's level keyed by a package name that has a secret word",
      files: {
        'src/main/resources/application.yml':
          'logging:\n  level:\n    com.example.client.credentials.interceptor.api: DEBUG\n',
      },
    },
    {
      // quarkusio/quarkus-super-heroes@91d6974 (Apache-2.0) event-statistics/src/main/resources/application.properties,
      // shortened: the Secret the generated Deployment loads its environment from, by name.
      name: 'the names of the Kubernetes Secrets a Quarkus app loads its environment from',
      files: {
        'event-statistics/src/main/resources/application.properties':
          'quarkus.application.name=event-statistics\nquarkus.kubernetes.env.configmaps=${quarkus.application.name}-config\nquarkus.kubernetes.env.secrets=${quarkus.application.name}-config-creds\n',
      },
    },
    {
      // Haufe-Lexware/demo-spring-boot-tls-material-from-vault@b6416c3 (Apache-2.0) demo-service-backend
      // src/main/resources/bootstrap-token-sample.yml: a Vault token's UUID shape, all x, for the developer to fill in.
      name: 'a redaction mark in the shape of a token (xxxxxxxx-xxxx-…) is no secret',
      files: {
        'src/main/resources/bootstrap-token-sample.yml':
          'spring:\n  cloud:\n    vault:\n      authentication: token\n      token: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\n',
      },
    },
    {
      // HAProxy's `password` takes a crypt(3) hash (this one: openssl passwd -6 -salt abcdefgh s3cret); the stats password
      // is a template value. The user names beside them are no secret.
      name: 'a HAProxy userlist password that is a SHA-512 crypt hash, and a templated stats auth password',
      files: {
        'haproxy/haproxy.cfg.j2': haproxyAuth(
          'password $6$abcdefgh$Z7KfoKnKTSZrzo5VZ0YubGLQOj9ov6sHo9TmE3zIU/LHKhpE30zCnZ0mcIXYf9r9rQ4DYaXoxAFSPFlcWdxjB.',
          '{{ data_stats["username"] | default("admin") }}:{{ data_stats["password"] }}',
        ),
      },
    },
    {
      name: 'a connection string whose password is a placeholder, names a file, or is no password at all',
      files: {
        'src/main/resources/application.properties':
          'spring.datasource.url=jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}&ssl=true\n' +
          'spring.artemis.broker-url=tcp://mq:61617?sslEnabled=true;keyStorePath=/certs/k.p12;keyStorePasswordFile=/run/secrets/ks\n' +
          'app.upstream=http://backend:8080/p@th?x=1\n' +
          'spring.rabbitmq.addresses=amqps://app@rabbit:5671\n',
      },
    },
    {
      // eugenp/tutorials@2430217 jhipster-8-modules car-app src/main/docker/app.yml: Compose passes `$${…}` as the text
      // `${…}`, a placeholder Spring resolves; spring-cloud-azure application.yaml: the key vault's endpoint is its URL.
      name: "a URL's password written as Compose's escaped placeholder; a vault's endpoint, the property a password goes to, a query's password column; a comment taken for a value",
      files: {
        'docker-compose.yml':
          'services:\n  app:\n    image: app:1\n    environment:\n      - SPRING_CLOUD_CONFIG_URI=http://admin:$${jhipster.registry.password}@registry:8761/config\n',
        'src/main/resources/application.yaml':
          'spring:\n  cloud:\n    azure:\n      keyvault:\n        secret:\n          endpoint: https://demo.vault.azure.net/\n    vault:\n      database:\n        password-property: spring.datasource.password\n',
        // persistence-modules/spring-jdbc application.properties: parse/comment-in-value says what is wrong.
        'src/main/resources/application.properties':
          'spring.datasource.password=  # Leave this empty\n' +
          'quarkus.security.jdbc.principal-query.bcrypt-password-mapper.password-index=1\n' +
          'quarkus.security.jdbc.principal-query.bcrypt-password-mapper.iteration-count-index=-1\n',
      },
    },
    {
      // hkhuang07/EInvoiceHub-SpringBoot-Angular-GitOps-Kubernetes@68da82a config.yaml (no licence: shape only) and
      // team-project-final/synapse-gitops@8694d71 docker-compose.yml (no licence: shape only): a URL's user and password
      // are placeholders with defaults, whose own colons were taken for the end of the user (the "password" read was
      // `admin}:${MONGODB_PASSWORD:password}`). A placeholder is a reference, as `password: ${DB_PASSWORD:x}` is.
      name: "a URL's user and password written as placeholders with defaults (Spring ${X:d}, Compose ${X:-d})",
      files: {
        'src/main/resources/application.yml':
          'spring:\n  data:\n    mongodb:\n      uri: mongodb://${MONGODB_USERNAME:admin}:${MONGODB_PASSWORD:password}@${MONGODB_HOST:localhost}:${MONGODB_PORT:27017}/app?authSource=admin\n',
        'docker-compose.yml':
          'services:\n  worker:\n    image: worker:1\n    environment:\n      DATABASE_URL: postgresql://${POSTGRES_USER:-synapse}:${POSTGRES_PASSWORD:-synapse_local}@postgres:5432/${POSTGRES_DB:-synapse}\n',
      },
    },
    {
      // A Compose list item `NAME=value` is that variable's own setting, judged once under its own name.
      name: 'a Compose environment list item is no connection string',
      files: {
        'docker-compose.yml':
          'services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\n      - POSTGRES_DB=app\n',
      },
    },
    {
      name: 'Basic with a placeholder, a realm, a Bearer token, or a word that is no user:password',
      files: {
        'config/application.yml':
          'headers:\n  a: Basic ${BASIC_CREDENTIALS}\n  b: Bearer dXNlcjpzM2NyZXQtOQ==\n  c: Basic Authentication\n  d: Basic dXNlcm5hbWVvbmx5\n',
        'nginx/nginx.conf': 'server {\n  listen 80;\n  add_header WWW-Authenticate \'Basic realm="api"\';\n}\n',
      },
    },
    {
      // Only a cas.properties that holds CAS or Spring settings is CAS's configuration.
      name: 'a cas.properties of some other program is not read as Spring configuration',
      files: { 'conf/cas.properties': 'ldap.bind.password=S3cr3t-value\n' },
    },
    {
      // WASdev/ci.docker@71fe986: docker-server.sh fills the snippet's password="REPLACE" when the container starts.
      name: 'a value a script of the tree replaces with sed is a placeholder',
      files: {
        'helpers/build/configuration_snippets/keystore.xml':
          '<server>\n  <keyStore id="defaultKeyStore" location="key.p12" type="PKCS12" password="REPLACE" />\n</server>\n',
        'helpers/runtime/docker-server.sh':
          '#!/bin/bash\nPASSWORD=$(openssl rand -base64 32)\nsed "s|REPLACE|$PASSWORD|g" $SNIPPETS_SOURCE/keystore.xml > $TARGET/keystore.xml\n',
      },
    },
    {
      // AndriyKalashnykov/activemq-ldap-authorization@3f230fd (MIT) 6.2.6: init.sh fills activemq.xml's marked fields with
      // `sed -i "s|##### LDAP_CONN_USER_PWD #####|${LDAP_CONN_USER_PWD}|"` when the container starts.
      name: 'a marker of hashes and spaces a script of the tree replaces with sed is a placeholder',
      files: {
        'conf/activemq.xml':
          '<beans>\n  <broker xmlns="http://activemq.apache.org/schema/core" brokerName="b">\n    <plugins>\n      <cachedLDAPAuthorizationMap connectionUsername="##### LDAP_CONN_USER #####" connectionPassword="##### LDAP_CONN_USER_PWD #####"/>\n    </plugins>\n  </broker>\n</beans>\n',
        'init.sh':
          '#!/bin/bash\nACTIVEMQ_CONF_FILE=/opt/activemq/conf/activemq.xml\nsed -i "s|##### LDAP_CONN_USER_PWD #####|${LDAP_CONN_USER_PWD}|" $ACTIVEMQ_CONF_FILE\n',
      },
    },
    {
      name: 'placeholders and encrypted values',
      files: {
        'application.properties':
          'server.ssl.key-store-password=${KEYSTORE_PASSWORD}\nserver.ssl.trust-store-password=\n',
        'wlp/server.xml':
          '<server>\n  <keyStore id="k" password="{aes}AEmVKa+jOeA3"/>\n  <keyStore id="t" password="${env.TRUST_PW}"/>\n</server>\n',
      },
    },
    {
      // SpringBoot-javatechie/spring-data-jasypt@cf0b655 application.yml: `password: ENC(…)`, which jasypt-spring-boot
      // decrypts at start (ulisesbocchio/jasypt-spring-boot@2243cb8 DefaultPropertyDetector: prefix ENC( suffix ),
      // changed by jasypt.encryptor.property.prefix/suffix).
      name: "Jasypt's ENC(…) values, and a prefix/suffix the application sets, are encrypted",
      files: {
        'src/main/resources/application.yml':
          'spring:\n  datasource:\n    password: ENC(iGCvN4fW7Tgj149WMJES8bwp0gFXYK39)\nserver:\n  ssl:\n    key-store-password: "ENC@[nWkX1c0mYq3T9pA2]"\njasypt:\n  encryptor:\n    property:\n      prefix: "ENC@["\n      suffix: "]"\n',
      },
    },
    {
      // PacktPublishing/Microservices-with-Spring-Boot-and-Spring-Cloud-Third-Edition@816693d (MIT) Chapter12/config-repo:
      // a Spring Cloud Config server decrypts `{cipher}` values before it serves them
      // (https://docs.spring.io/spring-cloud-config/reference/server/encryption-and-decryption.html).
      name: 'a Spring Cloud Config {cipher} value is encrypted',
      files: {
        'config-repo/application.yml':
          "app:\n  eureka-password: '{cipher}bf298f6d5f878b342f9e44bec08cb9ac00b4ce57e98316f030194a225fac89fb'\n",
      },
    },
    {
      // dcavanau/mq-examples (Liberty server.xml): the name attribute is the secret's name, not the secret.
      name: 'a Liberty variable named like a password whose value is a placeholder: its name is not reported',
      files: { 'wlp/server.xml': '<server>\n  <variable name="KEYSTORE_PASSWORD" value="${env.KS_PW}"/>\n</server>\n' },
    },
    {
      // edwint88/docker-keycloak-https@06f886c (MIT) standalone.xml: a JBoss login module's password-stacking option
      // says how modules share the login (useFirstPass), it holds no password
      // (https://docs.jboss.org/jbossas/docs/Server_Configuration_Guide/4/html/Using_JBoss_Login_Modules-Password_Stacking.html).
      name: "a JBoss login module's password-stacking option is a policy, not a password",
      files: {
        'standalone/configuration/standalone.xml':
          '<server xmlns="urn:jboss:domain:1.7">\n  <profile>\n    <subsystem xmlns="urn:jboss:domain:security:1.2">\n      <security-domains>\n        <security-domain name="other" cache-type="default">\n          <authentication>\n            <login-module code="RealmDirect" flag="required">\n              <module-option name="password-stacking" value="useFirstPass"/>\n            </login-module>\n          </authentication>\n        </security-domain>\n      </security-domains>\n    </subsystem>\n  </profile>\n</server>\n',
      },
    },
    {
      // zanata/zanata-wildfly@4061d4f (no licence file) standalone.xml: SPNEGOLoginModule's usernamePasswordDomain names
      // the security domain a username/password login falls back to (`krb5`), not a password.
      name: 'a login module option naming the security domain that checks passwords is no password',
      files: {
        'standalone/configuration/standalone.xml':
          '<server xmlns="urn:jboss:domain:1.7">\n  <profile>\n    <subsystem xmlns="urn:jboss:domain:security:1.2">\n      <security-domains>\n        <security-domain name="web.kerberos">\n          <authentication>\n            <login-module code="SPNEGO" flag="sufficient">\n              <module-option name="serverSecurityDomain" value="host"/>\n              <module-option name="usernamePasswordDomain" value="krb5"/>\n            </login-module>\n          </authentication>\n        </security-domain>\n      </security-domains>\n    </subsystem>\n  </profile>\n</server>\n',
      },
    },
    {
      // Bitnami's Kafka chart 29.3.9 (jays-codes/ud-microservices-springboot-helm@24a0767 helm/kafka/templates/
      // scripts-configmap.yaml): the start script writes these and fills them with replace_placeholder from the
      // environment; a value naming itself a placeholder, as a word, is none of the secrets.
      name: 'a value that says it is a placeholder',
      files: {
        'kafka_jaas.conf':
          'Client {\n  org.apache.kafka.common.security.plain.PlainLoginModule required\n  username="zk"\n  password="zookeeper-password-placeholder";\n};\nKafkaClient {\n  org.apache.kafka.common.security.plain.PlainLoginModule required\n  username="user1"\n  password="password-placeholder-0";\n};\n',
      },
    },
    {
      // m-stojanovic/kafka-zk-cluster-docker-ssl@452e791 (no licence file) secrets/host.consumer.ssl.config: a `.properties` file keeps
      // quotes as part of the value, so the file holds the quoted reference, not the password.
      name: 'a placeholder written in quotes in a properties file',
      files: {
        'secrets/host.consumer.ssl.config':
          'security.protocol=SSL\nssl.keystore.location=/etc/kafka/secrets/kafka.consumer.keystore.jks\nssl.keystore.password="${KAFKA_SSL_PASSWORD}"\nssl.key.password=\'${KAFKA_SSL_PASSWORD}\'\n',
      },
    },
    {
      // sweep46's probe: `""` in a `.properties` file is the two quote characters to Java (OpenJDK 17.0.15
      // java.util.Properties), no secret kept: a store with an empty password refuses them, one whose password is `""`
      // opens with them (keytool -list -storepass '""'). What the quotes hold is nothing.
      name: 'empty quotes as a password in a properties file hold no secret',
      files: {
        'secrets/client.properties':
          'security.protocol=SSL\nssl.keystore.location=/etc/kafka/secrets/kafka.client.keystore.jks\nssl.keystore.password=""\nssl.key.password=\'\'\n',
      },
    },
    {
      // confluentinc/demo-scene@dc2b351 (Apache-2.0) python-microservices/cheese-reporter/config.properties
      name: 'a fill-in written as words in braces',
      files: {
        'config.properties':
          '[kafka_client]\nbootstrap.servers={Confluent Cloud endpoint or Kafka Broker URL}\nsecurity.protocol=SASL_SSL\nsasl.mechanisms=PLAIN\nsasl.username={API Key or Username}\nsasl.password={API Secret or Password}\n',
      },
    },
    {
      // wyona/katie-backend@88aeb9b (Apache-2.0) src/main/resources/application.properties: OAuth endpoints.
      name: "a token key holding an OAuth token endpoint's URL is not a token",
      files: {
        'src/main/resources/application.properties':
          'iam.oauth.auth=https://accounts.google.com/o/oauth2/v2/auth\niam.oauth.token=https://oauth2.googleapis.com/token\ngithub.token=https://github.com/login/oauth/access_token\n',
      },
    },
    {
      // wyona/katie-backend@88aeb9b (Apache-2.0) env/docker/run/docker-compose.yml: to-do markers as the whole value.
      name: 'a to-do marker (TODO, TBD, FIXME) as the whole value is not a secret',
      files: {
        'docker-compose.yml':
          'services:\n  katie:\n    image: wyona/katie:1\n    environment:\n      - APP_MAIL_PASSWORD=TODO\n      - DISCORD_BOT_TOKEN=todo\n      - MS_CLIENT_SECRET=TBD\n      - SBERT_BASIC_AUTH_PASSWORD=FIXME\n',
      },
    },
    {
      // OpenLiberty/open-liberty-operator@ec1ea07 (EPL-2.0) internal/controller/assets: the operator's utils.go replaces
      // these names with strings.Replace before it mounts the files.
      name: 'an upper-case placeholder name that another program replaces is not a secret',
      files: {
        'assets/ltpa.xml':
          '<server>\n  <ltpa keysFileName="LTPA_KEYS_FILE_NAME" keysPassword="LTPA_KEYS_PASSWORD" />\n</server>\n',
        'assets/encryption-key-password.xml':
          '<server>\n  <variable name="wlp.password.encryption.key" value="WLP_PASSWORD_ENCRYPTION_KEY" />\n</server>\n',
      },
    },
    {
      name: 'a key naming a file, not a secret',
      files: {
        'nginx.conf': 'http {\n  server {\n    listen 443 ssl;\n    ssl_password_file /etc/nginx/pass.txt;\n  }\n}\n',
      },
    },
    {
      // Engineering-Research-and-Development/true-connector@776404e (AGPL-3.0) ecc_resources_consumer/
      // application-docker.properties: the connector's password policy, not a password.
      name: 'the bounds of a password policy (minUpperCase, maxLength, minimum_digits) are counts',
      files: {
        'application.properties':
          'application.password.validator.minLength=8\napplication.password.validator.maxLength=16\napplication.password.validator.minUpperCase=1\napplication.password.validator.minDigit=1\napplication.password.validator.minSpecial=1\nidp.password.minimum_digits=2\n',
      },
    },
    {
      // SuperSon7/doktori-cloud@8e031b9 .env.example: the documentation of .env's variables, which nothing runs with
      // (src/parse/env-file.ts), read before as a template of .env (10 warnings on its sample values).
      name: "an .env.example's sample values: the file documents .env and is not read",
      files: {
        'docker-compose.yml': 'services:\n  api:\n    image: app:1\n    env_file: .env\n',
        '.env.example':
          'SPRING_PROFILES_ACTIVE=prod\nJWT_SECRET=change_me_to_a_long_random_secret\nMONGO_PASSWORD=doktori1234\n',
        'deploy/prod.env.sample': 'SERVER_SSL_KEY_STORE_PASSWORD=Sample-Pw-1\n',
      },
    },
    {
      // Kamegatze/file-manager@4302c82 authorization-microservice application.yml: the minutes its JwtServiceImp reads
      // into Integer timeAccess and timeRefresh, not tokens.
      name: "a token's lifetime in minutes is no token",
      files: {
        'src/main/resources/application.yml': 'app:\n  access-token: 30\n  refresh-token: 1440\n',
        '.env': 'SESSION_TOKEN_TTL=3600\nREFRESH_TOKEN=43200\n',
      },
    },
    {
      // Engineering-Research-and-Development/true-connector@776404e (AGPL-3.0) kubernetes/ecc-consumer-configmap-v.2.yaml
      // (bcrypt); the SHA-512 crypt hash is `openssl passwd -6 -salt saltsalt pw`.
      name: 'one-way hashes: bcrypt (bare and {bcrypt}), SHA-crypt, Argon2',
      files: {
        'application.properties':
          'application.user.api.password=$2a$10$MQ5grDaIqDpBjMlG78PFduv.AMRe9cs0CNm/V4cgUubrqdGTFCH3m\nadmin.password={bcrypt}$2a$10$MQ5grDaIqDpBjMlG78PFduv.AMRe9cs0CNm/V4cgUubrqdGTFCH3m\nroot.password=$6$saltsalt$pauPrmdmG4BTE9h2HPmywiw152IFch6BJCEsaY6D.PLTfpV8sqvXwWdyfsgVgozkYH9B80bAip/08R2BPH2xk/\nweb.password=$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$K0zbMqGqCZfgeRXrvZgJWw\n',
      },
    },
    {
      name: 'template placeholders',
      files: { 'tls.xml.tpl': '<server>\n  <keyStore id="k" password="{{ .password }}"/>\n</server>\n' },
    },
    {
      // github.com/jitsi/docker-jitsi-meet jigasi/Dockerfile: the variable names the key file, it does not hold the key.
      name: 'a credentials variable whose value is a file path (jitsi jigasi Dockerfile)',
      files: {
        'jigasi/Dockerfile':
          'FROM ${JITSI_REPO}/base-java:${BASE_TAG}\nENV GOOGLE_APPLICATION_CREDENTIALS /config/key.json\nENV JAVA_OPTS="-Djavax.net.ssl.keyStorePassword=${KS_PW}"\n',
      },
    },
    {
      // maliksalman/spring-ssl-bundles-demo@992de57 client/src/main/resources/application-mutual.yml: a PEM bundle's
      // private key is a location (Spring's relaxed binding reads privateKey as private-key), here under a placeholder
      // with a dotted name; `classpath:` is Spring's resource prefix.
      name: "a Spring PEM bundle's privateKey naming the key file by a path or a classpath resource",
      files: {
        'client/application-mutual.yml':
          'spring:\n  ssl:\n    bundle:\n      pem:\n        client:\n          keystore:\n            certificate: ${certs.basedir}/client/client.crt\n            privateKey: ${certs.basedir}/client/client.key\n        server:\n          keystore:\n            certificate: classpath:server.crt\n            privateKey: classpath:server.key\ncerts:\n  basedir: ../certs\n',
      },
    },
    {
      // lydtechconsulting/kafka-mutual-tls@fc016e6 docker-compose.yml: Kafka images read the password from the file
      // /etc/kafka/secrets/<value> (confluentinc/kafka-images@2b0127d kafka/include/etc/confluent/docker/configure).
      name: "a Kafka image's *_CREDENTIALS variables name the file under /etc/kafka/secrets that holds the password",
      files: {
        'docker-compose.yml':
          'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.0\n    environment:\n      KAFKA_SSL_KEYSTORE_FILENAME: kafka.server.keystore.jks\n      KAFKA_SSL_KEYSTORE_CREDENTIALS: creds\n      KAFKA_SSL_KEY_CREDENTIALS: creds\n      KAFKA_SSL_TRUSTSTORE_CREDENTIALS: truststore_creds\n',
      },
    },
    {
      // confluentinc/cp-demo@10846ae docker-compose.yml: settings named under a secret's namespace, not secrets.
      name: 'a credentials source and the settings of a secret config provider (Confluent images)',
      files: {
        'docker-compose.yml':
          'services:\n  connect:\n    image: confluentinc/cp-server-connect:7.6.0\n    environment:\n      CONNECT_CONFIG_PROVIDERS_SECRET_PARAM_KAFKASTORE_BOOTSTRAP_SERVERS: kafka1:10091,kafka2:10092\n      CONNECT_CONFIG_PROVIDERS_SECRET_PARAM_KAFKASTORE_TOPIC_REPLICATION_FACTOR: 2\n      CONNECT_CONFIG_PROVIDERS_SECRET_PARAM_KAFKASTORE_SECURITY_PROTOCOL: SASL_SSL\n      CONNECT_CONFIG_PROVIDERS_SECRET_PARAM_KAFKASTORE_SASL_MECHANISM: OAUTHBEARER\n      KAFKA_CONFLUENT_BASIC_AUTH_CREDENTIALS_SOURCE: USER_INFO\n',
      },
    },
    {
      name: 'paths in other spellings',
      files: {
        'application.properties':
          'app.credentials=./secrets/sa.json\nother.credentials=${HOME}/.gcp/sa\nthird.credentials=file:/run/secrets/db\nfourth.credentials=C:\\\\keys\\\\sa.p12\n',
      },
    },
    {
      // xipki/xipki@10c3450 (Apache-2.0) assemblies/xipki-setup/.../xipki-ca/tomcat/conf/server.xml: prepare.sh fills
      // $[name] from setup/conf.json (org.xipki.util.extra.misc.BatchReplace).
      name: "xipki's $[name] placeholders in a Tomcat SSLHostConfig",
      files: {
        'tomcat/conf/server.xml':
          '<Server><Service name="C"><Connector port="$[ca.https.port]" SSLEnabled="true">\n<SSLHostConfig truststoreFile="${XIPKI_BASE}/keycerts/ca-client-certstore.p12" truststorePassword="$[ca.https.certstorePassword]">\n<Certificate certificateKeystoreFile="${XIPKI_BASE}/keycerts/ca-server.p12" certificateKeystorePassword="$[ca.https.keyPassword]"/>\n</SSLHostConfig></Connector></Service></Server>\n',
      },
    },
    {
      // A `-D` password in a container's option variable or java command that expands something is not written in the
      // file: `${PW}` (Compose), `$(PW)` (Kubernetes), a `valueFrom:` Secret, a Helm tag, a shell command substitution.
      name: 'JVM option passwords from placeholders in Compose and Kubernetes starts',
      files: {
        'docker-compose.yml':
          'services:\n  app:\n    image: app\n    environment:\n      JAVA_TOOL_OPTIONS: "-Djavax.net.ssl.keyStorePassword=${KS_PW}"\n      JAVA_OPTS: -Djavax.net.ssl.trustStorePassword=$$(cat /run/secrets/tp)\n    command: java -Djavax.net.ssl.keyStorePassword=${KS_PW:-} -jar app.jar\n',
        'k8s/deployment.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app\n          env:\n            - name: KS_PW\n              valueFrom:\n                secretKeyRef: {name: tls, key: pw}\n            - name: JAVA_TOOL_OPTIONS\n              value: "-Djavax.net.ssl.keyStorePassword=$(KS_PW)"\n            - name: JDK_JAVA_OPTIONS\n              valueFrom:\n                configMapKeyRef: {name: jvm, key: opts}\n          args: ["java", "-Djavax.net.ssl.trustStorePassword=$(TS_PW)", "-jar", "app.jar"]\n',
        'chart/templates/deployment.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app\n          env:\n            - name: JAVA_OPTS\n              value: "-Djavax.net.ssl.keyStorePassword={{ .Values.keyStorePassword }}"\n',
      },
    },
    { name: 'no secret keys at all', files: { 'aserver.conf': 'cleartrust.net.ssl.use=anon\n' } },
    {
      // onuroner/kafka-with-kerberos@251cac7 kafka_server_jaas.conf (no licence file; shortened): Kerberos options only.
      name: 'a JAAS file of Krb5LoginModule entries (a keytab path, flags, a principal): no secret',
      files: {
        'kafka_server_jaas.conf':
          'KafkaServer {\n    com.sun.security.auth.module.Krb5LoginModule required\n    serviceName="kafka"\n    useKeyTab=true\n    storeKey=true\n    keyTab="/etc/kafka/keytabs/kafka-broker.keytab"\n    principal="kafka/broker@KAFKA.SECURE";\n};\n',
      },
    },
    {
      name: 'sasl.jaas.config whose password is a placeholder (Compose ${VAR}, a Kafka config provider)',
      files: {
        'docker-compose.yml':
          'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.5.0\n    environment:\n      KAFKA_SASL_JAAS_CONFIG: \'org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";\'\n',
        'config/client.properties':
          'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="app" password="${file:/etc/kafka/secrets.properties:app.password}";\n',
      },
    },
  ],
  invalid: [
    {
      // felipewind/quarkus-mutual-tls-demo@ca89a36 (no licence file) server/src/main/resources/application.properties:
      // the advice named Spring Cloud Config's {cipher} and Jasypt, which mean nothing to Quarkus.
      name: "a Quarkus app's password (the file sets quarkus.*): Quarkus's own advice, the property's variable named",
      files: {
        'server/src/main/resources/application.properties':
          'quarkus.http.ssl-port=8445\nquarkus.http.ssl.certificate.key-store-file=./server-keystore.jks\nquarkus.http.ssl.certificate.key-store-password=Srv-planted-Kq7\napp.db.password=Db-planted-Kq8\n%prod.quarkus.datasource.password=Db-planted-Kq9\n',
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'server/src/main/resources/application.properties',
          line: 3,
          messageIncludes: [
            'QUARKUS_HTTP_SSL_CERTIFICATE_KEY_STORE_PASSWORD for quarkus.http.ssl.certificate.key-store-password',
            '${aes-gcm-nopadding::…}',
          ],
          messageExcludes: ['{cipher}', 'Jasypt'],
        },
        {
          messageId: 'plaintext',
          file: 'server/src/main/resources/application.properties',
          line: 4,
          messageIncludes: ['APP_DB_PASSWORD for app.db.password'],
          messageExcludes: ['{cipher}'],
        },
        {
          // A profile's key: Quarkus's profiles guide names the variable of `%dev.quarkus.http.port` `_DEV_QUARKUS_HTTP_PORT`.
          messageId: 'plaintext',
          file: 'server/src/main/resources/application.properties',
          line: 5,
          messageIncludes: ['_PROD_QUARKUS_DATASOURCE_PASSWORD for %prod.quarkus.datasource.password'],
          messageExcludes: ['QUARKUS_DATASOURCE_PASSWORD for quarkus.datasource.password'],
        },
      ],
    },
    {
      name: "a Spring app's password keeps Spring's advice",
      files: {
        'src/main/resources/application.properties': 'server.port=8443\nspring.datasource.password=Db-planted-Kq8\n',
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'src/main/resources/application.properties',
          line: 2,
          messageIncludes: ['Spring Cloud Config {cipher}'],
        },
      ],
    },
    {
      // saurabhsharmaj/kafka-ssl@bd9bb9d (no licence; the shape only) shell-scripts/config/*.properties: `xxx` for every
      // store and SCRAM password (ten warnings before), and a JAAS file with a literal one. Three x are a redaction mark
      // (keytool refuses a store password under six characters); two are not, nor is a word that holds three.
      name: 'xxx stands for a Kafka password left out; a literal password beside it is still one',
      files: {
        'config/server.properties':
          'listeners=SASL_SSL://:9093\nssl.keystore.location=/opt/kafka/ssl/keystore.jks\nssl.keystore.password=xxx\nssl.key.password=XXX\nssl.truststore.password=xxx\n' +
          'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="xxx";\n',
        'config/client.properties':
          'security.protocol=SASL_SSL\nssl.keystore.password=xx\nssl.key.password=xxxsecret\n',
        'jaas.conf':
          'KafkaClient {\norg.apache.kafka.common.security.scram.ScramLoginModule required\nusername="kafka-admin-user"\npassword="kafka-admin-password";\n};\n',
      },
      errors: [
        { messageId: 'plaintext', file: 'config/client.properties', line: 2 },
        { messageId: 'plaintext', file: 'config/client.properties', line: 3 },
        { messageId: 'plaintext', file: 'jaas.conf', line: 4 },
      ],
    },
    {
      // Quotes are part of a `.properties` value: a quoted password is still the password (with its quotes).
      name: 'a literal password written in quotes in a properties file',
      files: { 'client-ssl.properties': 'security.protocol=SSL\nssl.keystore.password="Quoted-Plain-1"\n' },
      errors: [{ messageId: 'plaintext', file: 'client-ssl.properties', line: 2, column: 23 }],
    },
    {
      // A token of the keys a lifetime may take is still a token: a long string, or a number of more than five digits.
      name: "a token under a key that may hold a token's lifetime",
      files: {
        'src/main/resources/application.yml': 'app:\n  access-token: 8f2c0a7e51d94b3c\n  refresh-token: 738201946\n',
      },
      errors: [
        { messageId: 'plaintext', file: 'src/main/resources/application.yml', line: 2, column: 17 },
        { messageId: 'plaintext', file: 'src/main/resources/application.yml', line: 3, column: 18 },
      ],
    },
    {
      // Only x groups are a redaction mark: a token with other characters among them is one.
      name: 'a token that only starts like a redaction mark',
      files: {
        'src/main/resources/application.yml': 'spring:\n  cloud:\n    vault:\n      token: xxxxxxxx-4f2a-xxxx\n',
      },
      errors: [{ messageId: 'plaintext', file: 'src/main/resources/application.yml', line: 4, column: 14 }],
    },
    {
      // A Compose extension field merged into a service (`<<: *app-env`) and a Spring YAML alias: the secret is
      // reported once, where it is written, not again for each place that reads it through the alias.
      name: 'a secret read through YAML aliases and merge keys, reported once at its anchor',
      files: {
        'docker-compose.yml':
          'x-app-env: &app-env\n  SERVER_SSL_KEY_STORE_PASSWORD: Merge-Plain-1\nservices:\n  a:\n    image: app:1\n    environment:\n      <<: *app-env\n  b:\n    image: app:1\n    environment: *app-env\n',
        'src/main/resources/application.yml':
          'secrets:\n  store: &store Alias-Plain-2\nserver:\n  ssl:\n    key-store-password: *store\n',
      },
      errors: [
        { messageId: 'plaintext', file: 'docker-compose.yml', line: 2, column: 34 },
        { messageId: 'plaintext', file: 'src/main/resources/application.yml', line: 2, column: 17 },
      ],
    },
    {
      name: 'a HAProxy insecure-password and a stats auth password in plaintext, each at its own place',
      files: { 'haproxy/haproxy.cfg': haproxyAuth('insecure-password s3cret groups ops', 'admin:s3cret') },
      errors: [
        // Said by the words users know (JamesPoon/docker@2df235fe haproxy.cfg `stats auth admin:admin` was "stats"), with
        // HAProxy's own way to reference it.
        {
          messageId: 'plaintext',
          file: 'haproxy/haproxy.cfg',
          line: 4,
          column: 32,
          messageIncludes: ['user admin insecure-password in haproxy.cfg', 'HAProxy expands environment variables'],
        },
        {
          messageId: 'plaintext',
          file: 'haproxy/haproxy.cfg',
          line: 9,
          column: 20,
          messageIncludes: ['stats auth in haproxy.cfg'],
        },
      ],
    },
    {
      // paneq/kafka_docker_sasl_plain@1b368cd kafka_server_jaas.conf (Apache-2.0), shortened: PlainLoginModule's password
      // and user_<name> options (each user's password, https://kafka.apache.org/documentation/#security_sasl_plain_brokerconfig).
      name: "a JAAS file's password and user_<name> options",
      files: {
        'kafka_server_jaas.conf':
          '// brokers\nKafkaServer {\n    org.apache.kafka.common.security.plain.PlainLoginModule required\n    serviceName="kafka"\n    username="admin"\n    password="admin"\n    user_alice="alice";\n};\n\nKafkaClient {\n  org.apache.kafka.common.security.plain.PlainLoginModule required\n  username="alice"\n  password="alice";\n};\n',
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'kafka_server_jaas.conf',
          line: 6,
          messageIncludes: ['KafkaServer.password', 'java.security.auth.login.config'],
        },
        {
          messageId: 'plaintext',
          file: 'kafka_server_jaas.conf',
          line: 7,
          messageIncludes: ['KafkaServer.user_alice'],
        },
        { messageId: 'plaintext', file: 'kafka_server_jaas.conf', line: 13, messageIncludes: ['KafkaClient.password'] },
      ],
    },
    {
      name: 'a login module entry inside a value: Kafka sasl.jaas.config, a Compose variable, Spring pass-through (never the value)',
      files: {
        'kafka/server.properties':
          'listeners=SASL_SSL://:9093\nlistener.name.sasl_ssl.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="broker-Pw-77" user_admin="broker-Pw-77";\n',
        'docker-compose.yml':
          'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.5.0\n    environment:\n      KAFKA_SASL_JAAS_CONFIG: org.apache.kafka.common.security.scram.ScramLoginModule required username="client" password="client-Secret-9";\n',
        'app/src/main/resources/application.yml':
          'spring:\n  kafka:\n    properties:\n      sasl.jaas.config: org.apache.kafka.common.security.scram.ScramLoginModule required username="app" password="app-Secret-31";\n',
      },
      errors: [
        {
          messageId: 'jaasPassword',
          file: 'app/src/main/resources/application.yml',
          line: 4,
          messageIncludes: ['the option password'],
          messageExcludes: ['app-Secret-31'],
        },
        {
          messageId: 'jaasPassword',
          file: 'docker-compose.yml',
          line: 5,
          messageIncludes: ['the option password', 'Docker or Kubernetes secret'],
          messageExcludes: ['client-Secret-9'],
        },
        {
          messageId: 'jaasPassword',
          file: 'kafka/server.properties',
          line: 2,
          messageIncludes: ["the option password and one user's password (user_<name>)", 'config provider'],
          messageExcludes: ['broker-Pw-77'],
        },
      ],
    },
    {
      // fkshom/kafka-train@dede206: KAFKA_MANAGER_PASSWORD is the word `password`, which the tree's other messages mask.
      name: "a login module entry's option names are not masked when another secret of the tree is the word password",
      files: {
        'kafka/server.properties':
          'listeners=SASL_SSL://:9093\nlistener.name.sasl_ssl.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="broker-Pw-77" user_admin="broker-Pw-77";\n',
        'docker-compose.yml':
          'services:\n  cmak:\n    image: hlebalbau/kafka-manager\n    environment:\n      KAFKA_MANAGER_PASSWORD: password\n',
      },
      errors: [
        { messageId: 'plaintext', file: 'docker-compose.yml', line: 5 },
        {
          messageId: 'jaasPassword',
          file: 'kafka/server.properties',
          line: 2,
          messageIncludes: ["the option password and one user's password (user_<name>)"],
          messageExcludes: ['***', 'broker-Pw-77'],
        },
      ],
    },
    {
      // tobymoreno/mtls-proxy@31edeba config/application.yml: a gateway's header injection with Basic credentials.
      name: 'Authorization: Basic <base64 of user:password> in a Spring YAML list and in an nginx proxy_set_header',
      files: {
        'config/application.yml':
          'proxy-settings:\n  header-injections:\n    - Authorization: Basic dXNlcjpzM2NyZXQtOQ==\n',
        'nginx/nginx.conf':
          'server {\n  listen 80;\n  location / {\n    proxy_set_header Authorization "Basic YXBwOlMzY3JldC1QYXNz";\n    proxy_pass http://backend:8080;\n  }\n}\n',
      },
      errors: [
        { messageId: 'basicCredentials', file: 'config/application.yml', line: 3 },
        { messageId: 'basicCredentials', file: 'nginx/nginx.conf', line: 4 },
      ],
    },
    {
      // alizard0/liberty-mutual-tls-amq-broker@a8d66ac4203 src/main/liberty/config/server.xml (no licence file; judged
      // only, reduced): an Artemis connection factory's transport parameters in a Liberty jndiEntry the app reads.
      name: "a password inside a connection string: Liberty jndiEntry, Spring JDBC URL, Artemis broker URL, a URL's user:password@",
      files: {
        'wlp/server.xml':
          '<server>\n  <jndiEntry jndiName="secureConnectionFactory"\n    value="host=broker.example.com;port=443;sslEnabled=true;keyStorePath=${server.output.dir}/client.ks;keyStorePassword=Ks-Pa55-7;trustStorePath=${server.output.dir}/client.ts;trustStorePassword=Ts-Pa55-7"/>\n</server>\n',
        'app/src/main/resources/application.properties':
          'spring.datasource.url=jdbc:postgresql://db:5432/app?user=app&password=Db-Pa55-7&ssl=true\n' +
          'spring.artemis.broker-url=tcp://mq:61617?sslEnabled=true;trustStorePath=/certs/t.p12;trustStorePassword=Ts-Pa55-7\n' +
          'spring.rabbitmq.addresses=amqps://app:Mq-Pa55-7@rabbit:5671\n',
      },
      errors: [
        {
          messageId: 'connectionString',
          file: 'app/src/main/resources/application.properties',
          line: 1,
          messageIncludes: ['spring.datasource.url', 'the connection-string parameter password', '${NAME} placeholder'],
          messageExcludes: ['Db-Pa55-7'],
        },
        {
          messageId: 'connectionStringTrust',
          severity: 'info',
          file: 'app/src/main/resources/application.properties',
          line: 2,
          messageIncludes: ['the connection-string parameter trustStorePassword'],
        },
        {
          messageId: 'connectionString',
          file: 'app/src/main/resources/application.properties',
          line: 3,
          messageIncludes: ["a URL's password (scheme://user:password@host)"],
          messageExcludes: ['Mq-Pa55-7'],
        },
        {
          messageId: 'connectionString',
          file: 'wlp/server.xml',
          line: 3,
          messageIncludes: [
            'jndiEntry@value',
            'the connection-string parameters keyStorePassword, trustStorePassword',
            '${env.NAME}',
          ],
          messageExcludes: ['Ks-Pa55-7'],
        },
      ],
    },
    {
      // The user a placeholder with a default, the password written out: still the password of the URL.
      name: "a URL's literal password after a placeholder user with a default",
      files: {
        'src/main/resources/application.yml':
          'spring:\n  data:\n    mongodb:\n      uri: mongodb://${MONGODB_USERNAME:admin}:Mg-Pa55-7@mongo:27017/app\n',
      },
      errors: [
        {
          messageId: 'connectionString',
          file: 'src/main/resources/application.yml',
          line: 4,
          messageIncludes: ["a URL's password (scheme://user:password@host)"],
          messageExcludes: ['Mg-Pa55-7'],
        },
      ],
    },
    {
      // win-llc/pki-ra-acme-server@2570d91 application.yml: the password of the URL is the word `password`, which
      // masked our own words: "holds a URL's *** (scheme://user:***@host)".
      name: "a URL whose password is the word password: the message's own words stay, the value is never shown",
      files: {
        'src/main/resources/application.yml':
          'spring:\n  data:\n    mongodb:\n      uri: mongodb://appuser:password@mongo:27017/app\n',
        'src/main/resources/application.properties':
          'spring.datasource.url=jdbc:db2://db:50000/app:user=app;password=password;sslTrustStorePassword=password;\n',
      },
      errors: [
        {
          messageId: 'connectionString',
          file: 'src/main/resources/application.properties',
          line: 1,
          messageIncludes: ['the connection-string parameters password, sslTrustStorePassword'],
          messageExcludes: ['***'],
        },
        {
          messageId: 'connectionString',
          file: 'src/main/resources/application.yml',
          line: 4,
          messageIncludes: ["a URL's password (scheme://user:password@host)"],
          messageExcludes: ['***', 'appuser:password'],
        },
      ],
    },
    {
      name: 'a token key holding a URL that carries the token (a webhook) is still a token',
      files: {
        'src/main/resources/application.properties':
          'slack.token=https://hooks.slack.com/services/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\n',
      },
      errors: [{ messageId: 'plaintext', file: 'src/main/resources/application.properties', line: 1 }],
    },
    {
      name: 'one upper-case word is a password, not a placeholder name',
      files: { 'wlp/server.xml': '<server>\n  <ltpa keysPassword="WEBSPHERE" />\n</server>\n' },
      errors: [{ messageId: 'plaintext', file: 'wlp/server.xml', line: 2 }],
    },
    {
      // More fill-in marks: plaintext-secret-fill-in.test.ts.
      name: 'CHANGEME is a fill-in mark, said at info: it tells no one a password, but the server starts with it',
      files: { 'wlp/server.xml': '<server>\n  <ltpa keysPassword="CHANGEME" />\n</server>\n' },
      errors: [{ messageId: 'fillIn', severity: 'info', file: 'wlp/server.xml', line: 2 }],
    },
    {
      // apereo/cas-overlay-template@fc3b70a helm/cas-server/values.yaml: CAS's own cas.properties (Spring property
      // sources read from /etc/cas/config) written in the chart's values, rendered into a ConfigMap with `tpl`.
      name: "a CAS cas.properties kept in a Helm chart's values.yaml, read at its lines there",
      files: {
        'helm/cas-server/values.yaml':
          'casServerContainer:\n  casConfig:\n    cas.properties: |-\n      cas.server.name=https://{{ .Values.casServerName }}\n      server.ssl.key-store=file:/etc/cas/thekeystore\n      server.ssl.key-store-password=changeit\n    cas.yaml: |-\n      spring:\n        security:\n          user:\n            password: "{{ .Values.casAdminPassword }}"\n            name: casuser\n',
      },
      errors: [{ messageId: 'plaintext', file: 'helm/cas-server/values.yaml', line: 6, column: 37 }],
    },
    {
      // apereo/cas-overlay-template helm/cas-server/values.yaml line 137: `cas.http-client.truststore.psw` is the
      // password of CAS's HTTP client trust store (apereo/cas HttpClientTrustStoreProperties `psw`, default changeit).
      name: "CAS's `psw` keys are passwords; the HTTP client trust store's is a trust store's",
      files: {
        'etc/cas/config/cas.properties':
          'cas.server.name=https://cas.example.org\ncas.http-client.truststore.psw=Ts-Plain-9\ncas.http-client.truststore.file=file:/etc/cas/truststore.jks\nmy.keystore.psw=Ks-Plain-9\n',
      },
      errors: [
        { messageId: 'trustStore', severity: 'info', file: 'etc/cas/config/cas.properties', line: 2, column: 32 },
        { messageId: 'plaintext', file: 'etc/cas/config/cas.properties', line: 4, column: 17 },
      ],
    },
    {
      // desertSniper87/spring-boot-mtls@6dcec9e src/main/resources/application.yml (values replaced).
      name: 'Spring server.ssl.trust-store naming the key store file: a warning, the key store setting related',
      files: {
        'src/main/resources/application.yml':
          'server:\n  ssl:\n    key-store: "classpath:server.p12"\n    key-store-password: ${KS_PW}\n    trust-store: "classpath:server.p12"\n    trust-store-password: Ts-Plain-3\n',
      },
      errors: [
        {
          messageId: 'trustStoreIsKeyStore',
          file: 'src/main/resources/application.yml',
          line: 6,
          messageIncludes: ['server.ssl.key-store names the same file'],
          related: [{ file: 'src/main/resources/application.yml', line: 3 }],
        },
      ],
    },
    {
      // MASS-VETS/MASS@052f5fa Code/MicroserviceMonitor/src/main/resources/application.yaml: the monitor's trustStore
      // object (the JDK's cacerts) has the same keys as its keyStore object.
      name: "a password under a trustStore object is a trust store's, under a keyStore object a key store's",
      files: {
        'src/main/resources/application.yaml':
          'monitor:\n  keyStore:\n    keyStore: /etc/app/app.jks\n    keyStorePassword: Ks-Plain-7\n  trustStore:\n    keyStore: /etc/app/cacerts\n    keyStorePassword: Ts-Plain-7\n',
      },
      errors: [
        { messageId: 'plaintext', file: 'src/main/resources/application.yaml', line: 4 },
        { messageId: 'trustStore', severity: 'info', file: 'src/main/resources/application.yaml', line: 7 },
      ],
    },
    {
      // Only a bound (min…/max… with a count) is a policy: a password of digits is still a password.
      name: 'a password of digits beside the bounds of its policy, {noop} (Spring: plaintext) and a value that only starts like a hash',
      files: {
        'application.properties':
          'application.password.validator.minDigit=1\nspring.datasource.password=12345678\napp.maxPassword=Hunter-2\nweb.password={noop}plain-pw\nother.password=$2a$not-a-bcrypt-hash\n',
      },
      errors: [
        { messageId: 'plaintext', file: 'application.properties', line: 2 },
        { messageId: 'plaintext', file: 'application.properties', line: 3 },
        { messageId: 'plaintext', file: 'application.properties', line: 4 },
        { messageId: 'plaintext', file: 'application.properties', line: 5 },
      ],
    },
    {
      // girirajsharma/wildfly-ssl-examples configuration/wildfly/ssl/standalone.xml: WildFly, not Liberty ({aes} and
      // securityUtility are Liberty's; WildFly has ${env.NAME} and Elytron credential stores).
      name: "a WildFly standalone.xml keystore password: WildFly's advice, not Liberty's",
      files: {
        'configuration/standalone.xml':
          '<?xml version="1.0"?>\n<server xmlns="urn:jboss:domain:3.0">\n  <management>\n    <security-realms>\n      <security-realm name="ManagementRealm">\n        <server-identities>\n          <ssl>\n            <keystore path="RootCA.keystore" keystore-password="keypassword"/>\n          </ssl>\n        </server-identities>\n        <authentication>\n          <truststore path="trust.keystore" keystore-password="trustpassword"/>\n        </authentication>\n      </security-realm>\n    </security-realms>\n  </management>\n</server>\n',
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'configuration/standalone.xml',
          line: 8,
          messageIncludes: ['Elytron credential store'],
          messageExcludes: ['securityUtility'],
        },
        // A security realm's <truststore keystore-password=…>: a trust store's password, as in any other product.
        { messageId: 'trustStore', severity: 'info', file: 'configuration/standalone.xml', line: 12 },
      ],
    },
    {
      // gastaldi/quarkus-ibm-mq's .github/workflows/build.yml shape (more in plaintext-secret-ci-services.test.ts): the
      // developer image as a GitHub Actions service, its admin password written in env:.
      name: "a CI job's service container's secret is a fixture's (info); the same in a Compose service warns",
      files: {
        '.github/workflows/build.yml':
          'jobs:\n  build:\n    services:\n      mq:\n        image: icr.io/ibm-messaging/mq:latest\n        env:\n          MQ_ADMIN_PASSWORD: Service-Plain-1\n',
        'compose.yaml':
          'services:\n  mq:\n    image: icr.io/ibm-messaging/mq:latest\n    environment:\n      MQ_ADMIN_PASSWORD: Service-Plain-2\n',
      },
      errors: [
        {
          messageId: 'ciService',
          severity: 'info',
          file: '.github/workflows/build.yml',
          line: 7,
          messageIncludes: ['(jobs.build.services.mq)'],
        },
        { messageId: 'plaintext', file: 'compose.yaml', line: 5 },
      ],
    },
    {
      // camunda/camunda-platform-helm@b5c494d (Apache-2.0) charts/camunda-platform-8.10/templates/identity/configmap.yaml:
      // nested Spring placeholders (`${CAMUNDA_CONNECTORS_SECRET:${VALUES_KEYCLOAK_INIT_CONNECTORS_SECRET:}}`, whose last
      // default is empty) were read as plaintext: 47 warnings in that repository.
      name: 'a nested Spring placeholder is a reference, not plaintext; its literal neighbour still is',
      files: {
        'identity/src/main/resources/application.yml':
          'identity:\n  applications:\n    - id: connectors\n      secret: ${CAMUNDA_CONNECTORS_SECRET:${VALUES_KEYCLOAK_INIT_CONNECTORS_SECRET:}}\n    - id: identity\n      secret: ${CAMUNDA_IDENTITY_CLIENT_SECRET:${IDENTITY_CLIENT_SECRET}}\n    - id: optimize\n      secret: Opt1m1ze-S3cret\n',
      },
      errors: [{ messageId: 'plaintext', file: 'identity/src/main/resources/application.yml', line: 8 }],
    },
    {
      // alphagov/verify-hub@a245c54 (MIT) configuration/config.yml: Dropwizard objects named for a trust store
      // (uk.gov.ida.truststore.ClientTrustStoreConfiguration: path, password) gave 12 warnings for trust store passwords.
      name: "the password of a Dropwizard object named for a trust store: a trust store's password",
      files: {
        'configuration/config.yml':
          'server:\n  applicationConnectors:\n    - type: http\n      port: 8080\nclientTrustStoreConfiguration:\n  path: /tmp/truststores/${DEPLOYMENT}/ca_certs.ts\n  password: puppet\nrpTrustStoreConfiguration:\n  path: /tmp/truststores/${DEPLOYMENT}/rp_ca_certs.ts\n  password: puppet\nsigningKeyStoreConfiguration:\n  path: /data/pki/signing.ks\n  password: Hub-Sign-1\nkeyAndTrustStoreConfiguration:\n  path: /data/pki/both.ks\n  password: Hub-Both-1\n',
      },
      errors: [
        { messageId: 'trustStore', severity: 'info', file: 'configuration/config.yml', line: 7 },
        { messageId: 'trustStore', severity: 'info', file: 'configuration/config.yml', line: 10 },
        { messageId: 'plaintext', file: 'configuration/config.yml', line: 13 },
        { messageId: 'plaintext', file: 'configuration/config.yml', line: 16 },
      ],
    },
    {
      // gregclinker/kafka-mtls-example@8464e3e ssl.properties (a --command-config of Kafka's tools): Kafka reads the file
      // as it is, so an environment placeholder would be taken literally; its fix is a config provider reference. The
      // trust store's password is the key store's too: that line writes the key store's secret as well.
      name: "a Kafka client's properties file: Kafka's config provider advice; a provider reference is no secret",
      files: {
        'ssl.properties':
          'security.protocol=SSL\nssl.truststore.location=secrets/kafka.client.truststore.jks\nssl.truststore.password=changeit\nssl.keystore.location=secrets/kafka.client2.keystore.jks\nssl.keystore.password=changeit\nssl.key.password=${file:/etc/kafka/secrets.properties:key.password}\n',
      },
      errors: [
        {
          messageId: 'trustStoreSharesKeyStorePassword',
          file: 'ssl.properties',
          line: 3,
          messageIncludes: ['ssl.keystore.password (ssl.properties) gives a key store the same password'],
          related: [{ file: 'ssl.properties', line: 5 }],
        },
        {
          messageId: 'plaintext',
          file: 'ssl.properties',
          line: 5,
          messageIncludes: ['config.providers=file'],
          messageExcludes: ['${KEYSTORE_PASSWORD}'],
        },
      ],
    },
    {
      // ermineaweb/kafka-tls1.3@d81137c kcat/ssl.conf: librdkafka has no config providers (Java Kafka's), so the fix is
      // to give the value at run time.
      name: "a librdkafka client's file (kcat -F): librdkafka's advice, not Java Kafka's config providers",
      files: {
        'kcat/ssl.conf':
          'security.protocol=ssl\nssl.ca.location=/app/cer/ca-cert\nssl.key.location=/app/cer/cert-key\nssl.key.password=secret\n',
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'kcat/ssl.conf',
          line: 4,
          messageIncludes: ['librdkafka expands nothing in it', 'kcat -X'],
          messageExcludes: ['config.providers=file'],
        },
      ],
    },
    {
      // allanian/docker@791ed1f logging/graylog/install/docker-compose.yml: Graylog compares the SHA-256 of the password
      // typed with GRAYLOG_ROOT_PASSWORD_SHA2 (graylog.conf: `echo -n yourpassword | shasum -a 256`); 8c69…a918 is
      // sha256("admin"). A digest by name and shape is said as a hash (info); a random hex secret named as no hash, a
      // hash name holding no digest, and a digest of the wrong length are still plaintext.
      name: 'a SHA-256 digest of the password, named as a hash, is no plaintext; hex under other names still is',
      files: {
        'graylog/docker-compose.yml':
          'services:\n  graylog:\n    image: graylog/graylog:5.1\n    environment:\n      - GRAYLOG_ROOT_PASSWORD_SHA2=8c6976e5b5410415bde908bd4dee15dfb167a9c873fc4bb8a81f6f2ab448a918\n      - GRAYLOG_PASSWORD_SECRET=8c6976e5b5410415bde908bd4dee15dfb167a9c873fc4bb8a81f6f2ab448a918\n      - ADMIN_PASSWORD_HASH=admin\n      - ROOT_PASSWORD_SHA256=8c6976e5b5410415bde908bd4dee15dfb167a9c873fc4bb8a81f6f\n',
        'app/application.properties': 'app.admin.password-digest=0DPiKuNIrrVmD8IUCuw1hQxNqZc=\n',
      },
      errors: [
        { messageId: 'hashed', severity: 'info', file: 'app/application.properties', line: 1 },
        { messageId: 'hashed', severity: 'info', file: 'graylog/docker-compose.yml', line: 5 },
        { messageId: 'plaintext', file: 'graylog/docker-compose.yml', line: 6 },
        { messageId: 'plaintext', file: 'graylog/docker-compose.yml', line: 7 },
        { messageId: 'plaintext', file: 'graylog/docker-compose.yml', line: 8 },
      ],
    },
    {
      // hivemq/hivemq4-docker-images@c051d4c (Apache-2.0) hivemq4/dns-image/Dockerfile: the image's config.xml takes
      // HIVEMQ_CONTROL_CENTER_PASSWORD as the Control Center user's SHA-256 hash (README.md), a68f…caf8 is
      // sha256("adminhivemq"). A value of another shape under that name is still plaintext.
      name: "HiveMQ's Control Center password variable holds a SHA-256 digest, not the password",
      files: {
        'hivemq/Dockerfile':
          'FROM hivemq/hivemq4:4.28.0\nENV HIVEMQ_CONTROL_CENTER_USER=admin\nENV HIVEMQ_CONTROL_CENTER_PASSWORD=a68fc32fc49fc4d04c63724a1f6d0c90442209c46dba6975774cde5e5149caf8\n',
        'edge/docker-compose.yml':
          'services:\n  hivemq:\n    image: hivemq/hivemq4:4.28.0\n    environment:\n      HIVEMQ_CONTROL_CENTER_PASSWORD: s3cretpw\n',
      },
      errors: [
        { messageId: 'plaintext', file: 'edge/docker-compose.yml', line: 5 },
        { messageId: 'hashed', severity: 'info', file: 'hivemq/Dockerfile', line: 3 },
      ],
    },
    {
      // The same value with no script that replaces it (a commented-out sed does not count).
      name: 'a value only a commented-out sed would replace is still plaintext',
      files: {
        'wlp/keystore.xml':
          '<server>\n  <keyStore id="defaultKeyStore" location="key.p12" type="PKCS12" password="REPLACE" />\n</server>\n',
        'wlp/setup.sh': '#!/bin/bash\n# sed "s|REPLACE|$PASSWORD|g" keystore.xml\n',
      },
      errors: [{ messageId: 'plaintext', file: 'wlp/keystore.xml', line: 2 }],
    },
    {
      name: 'a Spring key-store password given as a --server.ssl argument in the Dockerfile ENTRYPOINT',
      files: {
        'app/src/main/resources/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:ks.p12\n',
        'app/Dockerfile':
          'FROM eclipse-temurin:17-jre\nENTRYPOINT ["java", "-jar", "/app.jar", "--server.ssl.key-store-password=Arg-Plain-7"]\n',
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'app/Dockerfile',
          line: 2,
          column: 74,
          messageIncludes: ['server.ssl.key-store-password'],
        },
      ],
    },
    {
      // Aracki/ibm_mq-spring-boot-JMS@1e9a410 (no licence file): the MQ client's store passwords are ARG defaults
      // (ARG TRUST_STORE_PWD=…, ARG KEY_STORE_PWD=…) that ENV copies and the ENTRYPOINT passes as
      // -Djavax.net.ssl.trustStorePassword=$TRUST_STORE_PWD / keyStorePassword=$KEY_STORE_PWD. Only ENV literals were
      // read: the ARG defaults went unsaid. Docker's build check SecretsUsedInArgOrEnv names both.
      name: 'secrets given as ARG defaults (global and in a stage); an ARG without default, or set from another, is not',
      files: {
        'mq-app/Dockerfile': [
          'ARG DEPLOY_PASSWORD=Glob4l-Plain-3',
          'FROM ibmcom/ibmjava:8-sdk',
          'ARG TRUST_STORE_PWD=tru5t-Plain-8',
          'ARG USER_PWD=Us3r-Plain-9',
          'ARG DB_PASSWORD',
          'ARG API_PASSWORD=${CI_API_PASSWORD}',
          'ENV TRUST_STORE_PWD=$TRUST_STORE_PWD USER_PWD=$USER_PWD',
          'ENTRYPOINT java -Djavax.net.ssl.trustStorePassword=$TRUST_STORE_PWD -jar app.jar --ibm.mq.password=$USER_PWD',
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'mq-app/Dockerfile',
          line: 1,
          column: 21,
          messageIncludes: ['DEPLOY_PASSWORD'],
        },
        { messageId: 'trustStore', file: 'mq-app/Dockerfile', line: 3, severity: 'info' },
        { messageId: 'plaintext', file: 'mq-app/Dockerfile', line: 4, column: 14, messageIncludes: ['USER_PWD'] },
      ],
    },
    {
      name: 'Spring key-store-password',
      files: { 'application.properties': 'server.ssl.enabled=true\nserver.ssl.key-store-password=Spring-Plain-1\n' },
      errors: [
        {
          messageId: 'plaintext',
          file: 'application.properties',
          line: 2,
          column: 31,
          severity: 'warning',
          messageIncludes: ['server.ssl.key-store-password'],
        },
      ],
    },
    {
      name: 'Tomcat keystorePass',
      files: {
        'conf/server.xml':
          '<Server port="8005">\n  <Service name="C">\n    <Connector port="8443" SSLEnabled="true" keystorePass="Tomcat-Plain-2"/>\n  </Service>\n</Server>\n',
      },
      errors: [{ messageId: 'plaintext', file: 'conf/server.xml', line: 3 }],
    },
    {
      name: 'Liberty variables holding passwords: the value is reported, not the name (value written before name too)',
      files: {
        'wlp/server.xml':
          '<server>\n  <variable name="KEYSTORE_PASSWORD" defaultValue="Liberty-Plain-4"/>\n  <variable value="Liberty-Plain-5" name="truststore.password"/>\n</server>\n',
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'wlp/server.xml',
          line: 2,
          column: 52,
          messageIncludes: ['variable@defaultValue (KEYSTORE_PASSWORD) in server.xml'],
        },
        {
          messageId: 'trustStore',
          severity: 'info',
          file: 'wlp/server.xml',
          line: 3,
          column: 20,
          messageIncludes: ["variable@value (truststore.password) in server.xml is a trust store's password"],
        },
      ],
    },
    {
      name: 'MQ SSLKeyRepositoryPassword',
      files: { 'qm.ini': 'SSL:\n   SSLKeyRepositoryPassword=Mq-Plain-3\n' },
      errors: [{ messageId: 'plaintext', file: 'qm.ini', line: 2 }],
    },
    {
      name: 'WAS {xor} is only obfuscation (info)',
      files: { 'ssl.client.props': 'com.ibm.ssl.keyStorePassword={xor}CDo9Hgw=\n' },
      errors: [{ messageId: 'obfuscated', file: 'ssl.client.props', line: 1, severity: 'info' }],
    },
    {
      // javiRPE/JettyStandalone@e52eafb start.d/ssl.ini: the store passwords are Jetty OBF: values.
      name: 'Jetty OBF: is only obfuscation (info)',
      files: {
        'start.d/ssl.ini':
          '--module=ssl\njetty.sslContext.keyStorePath=etc/keystore.p12\njetty.sslContext.keyStorePassword=OBF:1ktv1iur1zzu1z0f20041irv1kqz\n',
      },
      errors: [{ messageId: 'jettyObfuscated', file: 'start.d/ssl.ini', line: 3, severity: 'info' }],
    },
    {
      name: 'a one-word password is still a secret (no path separator, no key-file extension)',
      files: { 'application.properties': 'spring.datasource.password=hunter2.0\n' },
      errors: [{ messageId: 'plaintext', file: 'application.properties', line: 1 }],
    },
    {
      // DIGI-UW/OpenELIS-Global-2@568f324 (MPL-2.0) dev.docker-compose.yml: JAVA_OPTS of service fhir.openelis.org
      // spans lines and gives -Djavax.net.ssl.trustStorePassword=tspass and -Djavax.net.ssl.keyStorePassword=kspass.
      name: 'a literal -D password in a Compose option variable (map and list, multi-line) and a java command',
      files: {
        'docker-compose.yml':
          'services:\n  fhir.openelis.org:\n    image: fhir\n    environment:\n      JAVA_OPTS: "-Djavax.net.ssl.trustStore=/etc/ts\n                  -Djavax.net.ssl.trustStorePassword=Ts-Plain-8\n                  -Djavax.net.ssl.keyStorePassword=Ks-Plain-8"\n  app:\n    image: app\n    environment:\n      - JAVA_TOOL_OPTIONS=-Djavax.net.ssl.keyStorePassword=Tool-Plain-8\n    command: ["java", "-Djavax.net.ssl.trustStorePassword=Cmd-Plain-8", "-jar", "app.jar"]\n',
      },
      errors: [
        {
          messageId: 'trustStore',
          severity: 'info',
          file: 'docker-compose.yml',
          line: 6,
          column: 54,
          messageIncludes: ['javax.net.ssl.trustStorePassword in docker-compose.yml'],
        },
        { messageId: 'plaintext', file: 'docker-compose.yml', line: 7, column: 52 },
        { messageId: 'plaintext', file: 'docker-compose.yml', line: 11, column: 60 },
        { messageId: 'trustStore', severity: 'info', file: 'docker-compose.yml', line: 12, column: 59 },
      ],
    },
    {
      name: 'a literal -D password in a Kubernetes env value, args and a ConfigMap option variable',
      files: {
        'k8s/deployment.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app\n          env:\n            - name: JAVA_TOOL_OPTIONS\n              value: "-Djavax.net.ssl.keyStorePassword=K8s-Plain-8"\n          args: ["java", "-Djavax.net.ssl.trustStorePassword=Args-Plain-8", "-jar", "app.jar"]\n',
        'k8s/configmap.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: jvm\ndata:\n  JAVA_TOOL_OPTIONS: -Djavax.net.ssl.keyStorePassword=Cm-Plain-8\n',
      },
      errors: [
        { messageId: 'plaintext', file: 'k8s/configmap.yaml', line: 6, column: 55 },
        { messageId: 'plaintext', file: 'k8s/deployment.yaml', line: 13, column: 56 },
        { messageId: 'trustStore', severity: 'info', file: 'k8s/deployment.yaml', line: 14, column: 62 },
      ],
    },
    {
      // awasthan/MQ@9bdb581 QM_Deployment.yaml (no licence file; shortened): the MQ image's admin password as a
      // literal `value:`, reported as Compose's `environment:` is; a `$(VAR)` reference, a `valueFrom:` and the name of
      // the Secret that holds a password (`…_SECRET_NAME`) are not.
      name: 'a Kubernetes env item named like a secret with a literal value',
      files: {
        'QM_Deployment.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: qm2\nspec:\n  template:\n    spec:\n      containers:\n      - image: mymqimage:1.7\n        name: mq\n        env:\n        - name: MQ_ADMIN_PASSWORD\n          value: passw0rd\n        - name: MQ_APP_PASSWORD\n          value: $(MQ_ADMIN_PASSWORD)\n        - name: MQ_METRICS_PASSWORD\n          valueFrom:\n            secretKeyRef: {name: mq, key: pw}\n        - name: LICENSE\n          value: accept\n        - name: SERVER_SSL_KEY_STORE_PASSWORD\n          value: Spring-Bound-1\n        - name: MQ_PASSWORD_SECRET_NAME\n          value: mq-creds\n',
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'QM_Deployment.yaml',
          line: 13,
          column: 18,
          messageIncludes: ['containers[0].env.MQ_ADMIN_PASSWORD in QM_Deployment.yaml', 'Kubernetes secret'],
        },
        // A variable Spring binds is reported once, as the setting it binds (not a second time as an env item).
        {
          messageId: 'plaintext',
          file: 'QM_Deployment.yaml',
          line: 22,
          messageIncludes: ['SERVER_SSL_KEY_STORE_PASSWORD in'],
        },
      ],
    },
    {
      // Alfresco/alfresco-docker-installer, confluentinc/cp-demo, DIGI-UW/OpenELIS-Global-2: 124, 30 and 10 trust
      // store passwords were warnings; the key store passwords beside them stay warnings.
      name: "a trust store's password guards no secret (info) in every spelling; the key store's beside it is the secret",
      files: {
        'config/application.properties':
          'server.ssl.key-store-password=Spring-Key-1\nserver.ssl.trust-store-password=Spring-Trust-1\nspring.ssl.bundle.jks.web.truststore.password=Bundle-Trust-1\n',
        'conf/server.xml':
          '<Server>\n  <Connector port="8443" SSLEnabled="true" keystoreFile="conf/ks.jks" keystorePass="Tomcat-Key-1" truststoreFile="conf/ts.jks" truststorePass="Tomcat-Trust-1"/>\n</Server>\n',
        'kafka/docker-compose.yml':
          'services:\n  kafka:\n    image: apache/kafka:3.7.0\n    environment:\n      KAFKA_SSL_TRUSTSTORE_PASSWORD: Kafka-Trust-1\n',
        'was/ssl.client.props': 'com.ibm.ssl.trustStorePassword=Was-Trust-1\n',
      },
      errors: [
        { messageId: 'plaintext', file: 'conf/server.xml', line: 2, messageIncludes: ['keystorePass'] },
        { messageId: 'trustStore', severity: 'info', file: 'conf/server.xml', line: 2 },
        { messageId: 'plaintext', file: 'config/application.properties', line: 1 },
        { messageId: 'trustStore', severity: 'info', file: 'config/application.properties', line: 2 },
        { messageId: 'trustStore', severity: 'info', file: 'config/application.properties', line: 3 },
        { messageId: 'trustStore', severity: 'info', file: 'kafka/docker-compose.yml', line: 5 },
        { messageId: 'trustStore', severity: 'info', file: 'was/ssl.client.props', line: 1 },
      ],
    },
    {
      // sbespalov/ibm-mq-ssl-example@3187e4d docker-compose.dev.yml: Compose's list form `- NAME=value` (compose-go
      // types/mapping.go: the item up to its first `=` is the name) sets the variable as the map form does.
      name: 'a password in the list form of Compose environment:, beside a ${VAR} and a bare name',
      files: {
        'docker-compose.yml':
          'services:\n  mq:\n    build: mq\n    environment:\n      - MQ_QMGR_NAME=QM1\n      - MQ_SSL_PASS=passw0rd\n      - "MQ_APP_PASSWORD=${APP_PW}"\n      - MQ_ADMIN_PASSWORD\n',
      },
      errors: [{ messageId: 'plaintext', file: 'docker-compose.yml', line: 6, column: 21 }],
    },
    {
      // JamesPoon/docker@2df235fe (no licence) mysql/repl/docker-compose.yml: MYSQL_ALLOW_EMPTY_PASSWORD: 1 is the MySQL
      // image's switch ("made true by setting them with any strings of non-zero lengths", dev.mysql.com
      // docker-mysql-more-topics), as are MYSQL_RANDOM_ROOT_PASSWORD, MYSQL_ONETIME_PASSWORD and MariaDB's
      // MARIADB_ALLOW_EMPTY_ROOT_PASSWORD; MYSQL_PASSWORD beside them holds the password.
      name: "the MySQL and MariaDB images' password switches are no password; MYSQL_PASSWORD is",
      files: {
        'docker-compose.yml':
          'services:\n  db:\n    image: mysql:5.7\n    environment:\n      MYSQL_ALLOW_EMPTY_PASSWORD: 1\n      MYSQL_RANDOM_ROOT_PASSWORD: "1"\n      MYSQL_ONETIME_PASSWORD: 1\n      MYSQL_PASSWORD: Sql-Plain-7\n  maria:\n    image: mariadb:11\n    environment:\n      - MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1\n      - MARIADB_RANDOM_ROOT_PASSWORD=1\n',
      },
      errors: [{ messageId: 'plaintext', file: 'docker-compose.yml', line: 8 }],
    },
    {
      // Only the Kafka images' *_CREDENTIALS file names are exempt: the *_PASSWORD variables hold the password itself.
      name: "a Kafka image's KAFKA_SSL_KEYSTORE_PASSWORD is the password",
      files: {
        'docker-compose.yml':
          'services:\n  kafka:\n    image: apache/kafka:3.7.0\n    environment:\n      KAFKA_SSL_KEYSTORE_CREDENTIALS: creds\n      KAFKA_SSL_KEYSTORE_PASSWORD: Kafka-Plain-9\n',
      },
      errors: [{ messageId: 'plaintext', file: 'docker-compose.yml', line: 6 }],
    },
    {
      // Engineering-Research-and-Development/true-connector@776404e (AGPL-3.0): docker-compose.yml passes
      // KEY_PASSWORD=${KEY_PASSWORD} and KEYSTORE_PASSWORD=${KEYSTORE_PASSWORD} to six services; the .env beside it
      // holds changeit. The secret is written once, in the .env: judged there, not at each reference. A value
      // referring to the shell's variable (AES_SECRET_KEY=${AES_SECRET_KEY}) or empty is no plaintext.
      name: 'passwords a Compose file takes from the .env beside it are reported once, at the .env line',
      files: {
        'docker-compose.yml':
          'services:\n  ecc:\n    image: ecc\n    environment:\n      - KEY_PASSWORD=${KEY_PASSWORD}\n      - KEYSTORE_PASSWORD=${KEYSTORE_PASSWORD}\n      - AES256-SECRET-KEY=${AES_SECRET_KEY}\n      - DAPS_KEYSTORE_PASSWORD=${DAPS_KEYSTORE_PASSWORD}\n  uc:\n    image: uc\n    environment:\n      KEYSTORE_PASSWORD: ${KEYSTORE_PASSWORD}\n',
        '.env':
          'AES_SECRET_KEY=${AES_SECRET_KEY}\n#TLS settings\nKEYSTORE_NAME=ssl-server.jks\nKEY_PASSWORD=Env-Plain-1\nKEYSTORE_PASSWORD="Env-Plain-2"\nDAPS_KEYSTORE_PASSWORD=\n',
      },
      errors: [
        {
          messageId: 'plaintext',
          file: '.env',
          line: 4,
          column: 14,
          messageIncludes: ['KEY_PASSWORD in .env'],
          related: [{ file: 'docker-compose.yml', line: 5 }],
        },
        {
          messageId: 'plaintext',
          file: '.env',
          line: 5,
          column: 20,
          messageIncludes: ['KEYSTORE_PASSWORD in .env'],
          related: [{ file: 'docker-compose.yml', line: 6 }],
        },
      ],
    },
    {
      // The .env variable is not named like a secret, the option it fills is: reported where it is used, naming the
      // .env line the value comes from.
      name: 'a -D password a Compose file takes from a .env variable not named like a secret',
      files: {
        'docker-compose.yml':
          'services:\n  app:\n    image: app\n    environment:\n      JAVA_TOOL_OPTIONS: -Djavax.net.ssl.keyStorePassword=${KS} -Dother=${UNSET}\n',
        '.env': 'KS=Env-Plain-3\n',
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'docker-compose.yml',
          line: 5,
          column: 59,
          messageIncludes: ['(with KS from .env)'],
          related: [{ file: '.env', line: 1 }],
        },
      ],
    },
    {
      // DLMousey/Spring-Boot-Mysql@dd70481 (no licence file) src/main/resources/application.properties.sample:
      // `spring.datasource.password=yourdbpassword`, the file a user copies to application.properties and fills in.
      name: 'a password in an example of a configuration file (.sample, .example, .dist) is a sample value (info)',
      files: {
        'src/main/resources/application.properties.sample':
          'spring.datasource.username=yourdbusername\nspring.datasource.password=yourdbpassword\n',
        'conf/application.yml.example': 'spring:\n  datasource:\n    password: Example-Pw-9\n',
        'conf/application.yml.dist': 'server:\n  ssl:\n    key-store-password: Dist-Pw-10\n',
        'src/main/resources/application.properties': 'spring.datasource.password=Real-Pw-11\n',
      },
      errors: [
        {
          messageId: 'example',
          severity: 'info',
          file: 'conf/application.yml.dist',
          line: 3,
          messageIncludes: ['in an example of application.yml'],
        },
        { messageId: 'example', severity: 'info', file: 'conf/application.yml.example', line: 3 },
        { messageId: 'plaintext', file: 'src/main/resources/application.properties', line: 1 },
        {
          messageId: 'example',
          severity: 'info',
          file: 'src/main/resources/application.properties.sample',
          line: 2,
          messageIncludes: ['(the product reads application.properties)'],
        },
      ],
    },
    {
      // Fornitx/demo-mtls@6d960f7 (no licence file): every Spring file with a password is under src/test/resources,
      // the test classpath, which Maven never packages (https://maven.apache.org/guides/introduction/
      // introduction-to-the-standard-directory-layout.html: "src/test/resources  Test resources"): fixtures' passwords.
      name: "a password in a test source set's resources is a fixture's (info); the same in src/main/resources warns",
      files: {
        'src/test/resources/application-bundle.yaml':
          'spring:\n  ssl:\n    bundle:\n      jks:\n        server1:\n          keystore:\n            location: classpath:server1.p12\n            password: Test-Plain-5\n          truststore:\n            location: classpath:trust.p12\n            password: Test-Plain-6\n',
        'src/integrationTest/resources/application.properties': 'spring.datasource.password=It-Plain-7\n',
        'src/main/resources/application.properties': 'server.ssl.key-store-password=Main-Plain-8\n',
      },
      errors: [
        {
          messageId: 'testResource',
          severity: 'info',
          file: 'src/integrationTest/resources/application.properties',
          line: 1,
          messageIncludes: ['src/integrationTest/resources'],
        },
        { messageId: 'plaintext', file: 'src/main/resources/application.properties', line: 1 },
        { messageId: 'testResource', severity: 'info', file: 'src/test/resources/application-bundle.yaml', line: 8 },
        { messageId: 'trustStore', severity: 'info', file: 'src/test/resources/application-bundle.yaml', line: 11 },
      ],
    },
    {
      // apache/tomee@9b8607a (Apache-2.0): examples/simple-remote-tomcatusers/src/test/conf/tomcat-users.xml configures
      // the TomEE its Arquillian tests start; apache/activemq-artemis keeps test brokers' XML in src/test/java.
      name: "a password elsewhere in a test source set (src/test/conf, src/it/…) is a fixture's (info); src/main/conf warns",
      files: {
        'src/test/conf/tomcat-users.xml':
          '<tomcat-users>\n  <user username="tomee" password="Tomee-Plain-1" roles="tomee-admin"/>\n</tomcat-users>\n',
        'src/it/brokers/application.properties': 'spring.rabbitmq.password=It-Plain-2\n',
        'src/main/conf/tomcat-users.xml':
          '<tomcat-users>\n  <user username="tomee" password="Main-Plain-3" roles="tomee-admin"/>\n</tomcat-users>\n',
      },
      errors: [
        {
          messageId: 'testSources',
          severity: 'info',
          file: 'src/it/brokers/application.properties',
          line: 1,
          messageIncludes: ['(src/it)'],
        },
        { messageId: 'plaintext', file: 'src/main/conf/tomcat-users.xml', line: 2 },
        { messageId: 'testSources', severity: 'info', file: 'src/test/conf/tomcat-users.xml', line: 2 },
      ],
    },
    {
      // saltstack-formulas/tomcat-formula@2a94e4a (Apache-2.0): test/integration/default/files/server_xml/*.xml are the
      // renderings Test Kitchen's InSpec controls compare against, with the kitchen pillar's keystorePass.
      // wenjiuzhanruzhu/ansible-docker-nginx-tomcat-from-scratch@09f4b04 (no licence; its shape only): a vendored
      // collection's ansible-test target.
      name: "a password in a Test Kitchen, Molecule or ansible-test fixture directory is a fixture's (info); the same beside them warns",
      files: {
        'collections/ansible_collections/community/general/tests/integration/targets/keycloak_info/docker-compose.yml':
          'services:\n  keycloak:\n    image: quay.io/keycloak/keycloak:26.0\n    environment:\n      KC_BOOTSTRAP_ADMIN_PASSWORD: Target-Plain-5\n',
        'collections/ansible_collections/community/general/tests/integration/docker-compose.yml':
          'services:\n  keycloak:\n    image: quay.io/keycloak/keycloak:26.0\n    environment:\n      KC_BOOTSTRAP_ADMIN_PASSWORD: Beside-Plain-6\n',
        'test/integration/default/files/server_xml/debian-10.xml':
          '<Server port="8005">\n  <Service name="Catalina">\n    <Connector port="8443" keystorePass="Kitchen-Plain-1" />\n  </Service>\n</Server>\n',
        'molecule/default/files/application.properties': 'server.ssl.key-store-password=Molecule-Plain-2\n',
        'files/application.properties': 'server.ssl.key-store-password=Role-Plain-3\n',
        'test/application.properties': 'server.ssl.key-store-password=Test-Plain-4\n',
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'collections/ansible_collections/community/general/tests/integration/docker-compose.yml',
          line: 5,
        },
        {
          messageId: 'testFixture',
          severity: 'info',
          file: 'collections/ansible_collections/community/general/tests/integration/targets/keycloak_info/docker-compose.yml',
          line: 5,
          messageIncludes: ['/targets/keycloak_info, of Test Kitchen, Molecule, ansible-test or Helm chart-testing)'],
        },
        { messageId: 'plaintext', file: 'files/application.properties', line: 1 },
        {
          messageId: 'testFixture',
          severity: 'info',
          file: 'molecule/default/files/application.properties',
          line: 1,
          messageIncludes: ['(molecule/default, of Test Kitchen, Molecule, ansible-test or Helm chart-testing)'],
        },
        { messageId: 'plaintext', file: 'test/application.properties', line: 1 },
        {
          messageId: 'testFixture',
          severity: 'info',
          file: 'test/integration/default/files/server_xml/debian-10.xml',
          line: 3,
          messageIncludes: ['(test/integration, of Test Kitchen, Molecule, ansible-test or Helm chart-testing)'],
        },
      ],
    },
    {
      // camunda/camunda-platform-helm@b5c494d (Apache-2.0) charts/camunda-platform-8.x/test/unit/<component>/golden: the
      // renderings goldenfiles_test.go compares the chart's output against (42 warnings, the charts' default passwords).
      name: "a password in a test's golden files is a fixture's (info); the same in a golden/ outside tests warns",
      files: {
        'charts/app/test/unit/identity/golden/deployment.golden.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: identity\nspec:\n  template:\n    spec:\n      containers:\n        - name: identity\n          image: camunda/identity\n          env:\n            - name: KEYCLOAK_USERS_0_PASSWORD\n              value: "Golden-Plain-1"\n',
        'charts/app/golden/application.properties': 'server.ssl.key-store-password=Golden-Plain-2\n',
      },
      errors: [
        { messageId: 'plaintext', file: 'charts/app/golden/application.properties', line: 1 },
        {
          messageId: 'testGolden',
          severity: 'info',
          file: 'charts/app/test/unit/identity/golden/deployment.golden.yaml',
          line: 13,
          messageIncludes: ['(charts/app/test/unit/identity/golden)'],
        },
      ],
    },
    {
      name: "Jasypt's own password in plaintext decrypts every ENC(…) value; ENC( without its suffix is plaintext",
      files: {
        'src/main/resources/application.properties':
          'jasypt.encryptor.password=Master-Plain-1\nspring.datasource.password=ENC(unterminated\n',
      },
      errors: [
        {
          messageId: 'jasyptPassword',
          file: 'src/main/resources/application.properties',
          line: 1,
          messageIncludes: ['JASYPT_ENCRYPTOR_PASSWORD'],
        },
        { messageId: 'plaintext', file: 'src/main/resources/application.properties', line: 2 },
      ],
    },
    {
      // The fix is said in the words of what reads the file: {aes} means nothing to Spring or Docker Compose.
      name: 'the fix names what the product reading the file offers',
      files: {
        'src/main/resources/application.properties': 'server.ssl.key-store-password=Spring-Plain-1\n',
        'wlp/server.xml': '<server>\n  <keyStore id="k" location="k.p12" password="Liberty-Plain-2"/>\n</server>\n',
        'compose.yaml':
          'services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: Compose-Plain-3\n',
      },
      errors: [
        { messageId: 'plaintext', file: 'compose.yaml', line: 5, messageIncludes: ['Docker or Kubernetes secret'] },
        {
          messageId: 'plaintext',
          file: 'src/main/resources/application.properties',
          line: 1,
          messageIncludes: ['Jasypt ENC(…)', '${NAME}'],
        },
        { messageId: 'plaintext', file: 'wlp/server.xml', line: 2, messageIncludes: ['securityUtility encode'] },
      ],
    },
    {
      name: 'JVM option in jvm.options',
      files: { 'jvm.options': '-Djavax.net.ssl.keyStorePassword=Jvm-Plain-4\n' },
      errors: [{ messageId: 'plaintext', file: 'jvm.options', line: 1 }],
    },
    {
      // taherb22/wildfly-app-sec-lab@de412c855d1d (no licence) standalone.xml: the key store and key manager of the
      // https-listener's server-ssl-context write their passwords as <credential-reference clear-text=…>, which was
      // neither judged nor masked (the attribute's name says nothing of a secret).
      name: 'an Elytron key store and key manager with clear-text credential references',
      files: {
        'standalone.xml': elytronTls(
          elytronStore('appSecKeyStore', 'Elytron-Plain-7', 'your-domain.me.jks'),
          '        <key-managers>\n          <key-manager name="appSecKeyManager" key-store="appSecKeyStore">\n            <credential-reference clear-text="Elytron-Plain-7"/>\n          </key-manager>\n        </key-managers>\n',
        ),
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'standalone.xml',
          line: 8,
          messageIncludes: ['credential-reference@clear-text (key-store appSecKeyStore)', 'Elytron credential store'],
        },
        {
          messageId: 'plaintext',
          file: 'standalone.xml',
          line: 15,
          messageIncludes: ['(key-manager appSecKeyManager)'],
        },
      ],
    },
    {
      // A legacy security realm's stock key store (WildFly 10-24 and JBoss EAP 7 ApplicationRealm, written as it is in
      // idealista/wildfly_role@282077f, idealista/keycloak_role@b5b74f4 and pezhore/ansible-role-hakeycloak@b56aa69
      // standalone.xml.j2): WildFly generates it on first use with a self-signed certificate for localhost. Its two
      // passwords were plaintext-secret warnings; a realm key store it does not generate stays one.
      name: "a legacy security realm's generated development store: infos; a real one: a warning",
      files: {
        'standalone.xml':
          '<server xmlns="urn:jboss:domain:10.0">\n  <management>\n    <security-realms>\n      <security-realm name="ApplicationRealm">\n        <server-identities>\n          <ssl>\n            <keystore path="application.keystore" relative-to="jboss.server.config.dir" keystore-password="password" alias="server" key-password="password" generate-self-signed-certificate-host="localhost"/>\n          </ssl>\n        </server-identities>\n      </security-realm>\n      <security-realm name="SslRealm">\n        <server-identities>\n          <ssl>\n            <keystore path="server.jks" relative-to="jboss.server.config.dir" keystore-password="Realm-Plain-9"/>\n          </ssl>\n        </server-identities>\n      </security-realm>\n    </security-realms>\n  </management>\n</server>\n',
      },
      errors: [
        {
          messageId: 'generatedStore',
          severity: 'info',
          file: 'standalone.xml',
          line: 7,
          messageIncludes: [
            'keystore@keystore-password (security-realm ApplicationRealm)',
            'application.keystore',
            'for localhost',
          ],
        },
        { messageId: 'generatedStore', severity: 'info', file: 'standalone.xml', line: 7 },
        { messageId: 'plaintext', file: 'standalone.xml', line: 14 },
      ],
    },
    {
      // WildFly's stock standalone.xml: applicationKS, whose key-manager generates a self-signed certificate for
      // localhost on first use (the same in taherb22/wildfly-app-sec-lab@de412c855d1d); a trust-manager's store holds CA
      // certificates only; an expression is no plaintext.
      name: "Elytron's generated development store and a trust manager's store: infos; an expression: nothing",
      files: {
        'standalone.xml': elytronTls(
          elytronStore('applicationKS', 'password', 'application.keystore') +
            elytronStore('clientTS', 'Trust-Plain-3', 'client.truststore') +
            elytronStore('envKS', '${env.KS_PASSWORD}', 'env.keystore'),
          '        <key-managers>\n          <key-manager name="applicationKM" key-store="applicationKS" generate-self-signed-certificate-host="localhost">\n            <credential-reference clear-text="password"/>\n          </key-manager>\n        </key-managers>\n        <trust-managers>\n          <trust-manager name="clientTM" key-store="clientTS"/>\n        </trust-managers>\n',
        ),
      },
      errors: [
        {
          messageId: 'generatedStore',
          severity: 'info',
          file: 'standalone.xml',
          line: 8,
          messageIncludes: ['key store applicationKS', 'for localhost'],
        },
        { messageId: 'trustStore', severity: 'info', file: 'standalone.xml', line: 13 },
        { messageId: 'generatedStore', severity: 'info', file: 'standalone.xml', line: 25 },
      ],
    },
    {
      // jboss-cli scripts as images commit them: a key store's clear-text password (the shape of citsmart's WildFly
      // setup script), a data source command's --password (the shape of goldmann/wildfly-docker-configuration@8f034e8
      // cli/customization/commands.cli, no licence), and WildFly's own bin/migrate-standalone.cli, whose stock
      // ApplicationRealm store WildFly generates (infos, as in standalone.xml). An expression and a credential store
      // alias: nothing.
      name: 'jboss-cli scripts: written passwords warned, a generated store an info, expressions nothing',
      files: {
        'docker/configure.cli':
          'embed-server --std-out=echo\nbatch\n# the app key store\n' +
          '/subsystem=elytron/key-store=appKS:add(path="app.keystore",relative-to=jboss.server.config.dir,credential-reference={clear-text="Cli-Plain-7"},type=JKS)\n' +
          '/subsystem=elytron/key-manager=appKM:add(key-store=appKS, \\\n    credential-reference={clear-text=${env.KEY_PASSWORD}})\n' +
          '/subsystem=elytron/key-store=vaultKS:add(path=v.p12,credential-reference={store=cs, alias=ks-password},type=PKCS12)\n' +
          // A realm's credential store and the alias of its key name resources (elytron-examples@9d6e80a).
          '/subsystem=elytron/filesystem-realm=fsRealm:add(path=fs-realm, credential-store=credstore, secret-key=key)\n' +
          'data-source add --name=UnifiedPushDS --driver-name=mysql --user-name=user --password=Ds-Plain-2 --enabled=true\n' +
          'run-batch\n',
        'bin/migrate-standalone.cli':
          '/core-service=management/security-realm=ApplicationRealm/server-identity=ssl:add(keystore-path=application.keystore,keystore-relative-to=jboss.server.config.dir,keystore-password=password,alias=server,key-password=password,generate-self-signed-certificate-host=localhost)\n',
      },
      errors: [
        {
          messageId: 'generatedStore',
          severity: 'info',
          file: 'bin/migrate-standalone.cli',
          line: 1,
          messageIncludes: ['server-identity=ssl.keystore-password', 'application.keystore', 'for localhost'],
        },
        { messageId: 'generatedStore', severity: 'info', file: 'bin/migrate-standalone.cli', line: 1 },
        {
          messageId: 'plaintext',
          file: 'docker/configure.cli',
          line: 4,
          column: 130,
          messageIncludes: ['key-store=appKS.credential-reference.clear-text', 'Elytron credential store'],
          // The key names the key store already: not again in brackets.
          messageExcludes: ['(key-store appKS)'],
        },
        {
          messageId: 'plaintext',
          file: 'docker/configure.cli',
          line: 9,
          messageIncludes: ['data-source.add.password'],
        },
      ],
    },
    {
      // WildFly Core 14's migrate scripts (WFCORE-5095), as ravi-pmp/rhsso@ef94214 (Apache-2.0) bin/migrate-standalone.cli
      // ships them: applicationKS and applicationKM are added, then the key-manager's generating host is written by
      // :write-attribute. Both clear-text passwords were warnings; the store is the one WildFly generates.
      name: "jboss-cli: a key-manager's generating host written after its :add: its store is generated (infos)",
      files: {
        'bin/migrate-standalone.cli':
          'if (outcome == failed) of /subsystem=elytron/key-store=applicationKS:read-resource\n' +
          '    /subsystem=elytron/key-store=applicationKS:add(credential-reference={clear-text=password},type=JKS)\n' +
          '    /subsystem=elytron/key-store=applicationKS:write-attribute(name=path,value=application.keystore)\n' +
          'end-if\n' +
          'if (outcome == failed) of /subsystem=elytron/key-manager=applicationKM:read-resource\n' +
          '    /subsystem=elytron/key-manager=applicationKM:add(key-store=applicationKS, credential-reference={clear-text=password})\n' +
          '    /subsystem=elytron/key-manager=applicationKM:write-attribute(name=generate-self-signed-certificate-host,value=localhost)\n' +
          'end-if\n',
      },
      errors: [
        { messageId: 'generatedStore', severity: 'info', file: 'bin/migrate-standalone.cli', line: 2 },
        { messageId: 'generatedStore', severity: 'info', file: 'bin/migrate-standalone.cli', line: 6 },
      ],
    },
    {
      // Keycloak 9-11's standalone.xml (WildFly 18-21), as ansible-middleware/keycloak@74ca1e0 (Apache-2.0)
      // roles/keycloak/templates/9.0.2/standalone-infinispan.xml.j2 has it: Elytron's applicationKS opens
      // application.keystore with no generating key-manager, the very file ApplicationRealm generates. Its two
      // passwords were warnings; a key-store on another file stays one.
      name: 'an Elytron key-store on the file a legacy realm generates: infos; one on another file: a warning',
      files: {
        'standalone.xml':
          '<server xmlns="urn:jboss:domain:10.0">\n  <management>\n    <security-realms>\n      <security-realm name="ApplicationRealm">\n        <server-identities>\n          <ssl>\n            <keystore path="application.keystore" relative-to="jboss.server.config.dir" keystore-password="password" alias="server" key-password="password" generate-self-signed-certificate-host="localhost"/>\n          </ssl>\n        </server-identities>\n      </security-realm>\n    </security-realms>\n  </management>\n  <profile>\n    <subsystem xmlns="urn:wildfly:elytron:8.0">\n      <tls>\n        <key-stores>\n' +
          elytronStore('applicationKS', 'password', 'application.keystore') +
          elytronStore('otherKS', 'Other-Plain-5', 'other.keystore') +
          '        </key-stores>\n        <key-managers>\n          <key-manager name="applicationKM" key-store="applicationKS">\n            <credential-reference clear-text="password"/>\n          </key-manager>\n        </key-managers>\n      </tls>\n    </subsystem>\n  </profile>\n</server>\n',
      },
      errors: [
        { messageId: 'generatedStore', severity: 'info', file: 'standalone.xml', line: 7 },
        { messageId: 'generatedStore', severity: 'info', file: 'standalone.xml', line: 7 },
        {
          messageId: 'generatedStore',
          severity: 'info',
          file: 'standalone.xml',
          line: 18,
          messageIncludes: ['key-store applicationKS', 'for localhost'],
        },
        { messageId: 'plaintext', file: 'standalone.xml', line: 23 },
        { messageId: 'generatedStore', severity: 'info', file: 'standalone.xml', line: 30 },
      ],
    },
    // rodrigolacan/wildfly-template@b26b17b (Apache-2.0): 28 warnings of the ExampleDS password of every WildFly file.
    {
      name: "WildFly's ExampleDS (jdbc:h2:mem:): an info that names the database, never its URL's parameters",
      files: {
        'standalone/configuration/standalone.xml': exampleDatasource(
          'jdbc:h2:mem:test;DB_CLOSE_DELAY=-1;PASSWORD=Xy-9',
        ),
      },
      errors: [
        {
          messageId: 'inMemoryDatabase',
          severity: 'info',
          file: 'standalone/configuration/standalone.xml',
          line: 8,
          messageIncludes: ['security@password in standalone.xml', '(jdbc:h2:mem:test)'],
          messageExcludes: ['Xy-9', 'DB_CLOSE_DELAY'],
        },
      ],
    },
    {
      name: 'a datasource of an H2 server (tcp://…/mem:) is reached over the network: still a plaintext secret',
      files: {
        'standalone.xml': exampleDatasource(
          'jdbc:h2:tcp://db:9092/mem:shared',
          '<security user-name="app" password="Db-Pw-4"/>',
        ),
      },
      errors: [{ messageId: 'plaintext', severity: 'warning', file: 'standalone.xml', line: 8 }],
    },
    {
      name: 'a PostgreSQL datasource: still a plaintext secret',
      files: {
        'standalone.xml': exampleDatasource(
          'jdbc:postgresql://db:5432/app',
          '<security user-name="app" password="Db-Pw-5"/>',
        ),
      },
      errors: [{ messageId: 'plaintext', severity: 'warning', file: 'standalone.xml', line: 8 }],
    },
    {
      name: 'Spring Boot: spring.datasource.password beside an HSQLDB or Derby in-memory URL',
      files: {
        'src/main/resources/application.properties':
          'spring.datasource.url=jdbc:hsqldb:mem:app\nspring.datasource.username=sa\nspring.datasource.password=Hs-Pw-1\n',
        'other/src/main/resources/application.yml':
          'spring:\n  datasource:\n    url: jdbc:derby:memory:app;create=true\n    password: Dy-Pw-2\n',
      },
      errors: [
        { messageId: 'inMemoryDatabase', severity: 'info', file: 'other/src/main/resources/application.yml', line: 4 },
        { messageId: 'inMemoryDatabase', severity: 'info', file: 'src/main/resources/application.properties', line: 3 },
      ],
    },
    {
      name: 'Spring Boot: the same password with a MySQL URL is a plaintext secret',
      files: {
        'src/main/resources/application.properties':
          'spring.datasource.url=jdbc:mysql://db:3306/app\nspring.datasource.password=My-Pw-3\n',
      },
      errors: [
        { messageId: 'plaintext', severity: 'warning', file: 'src/main/resources/application.properties', line: 2 },
      ],
    },
    {
      // key.p12 (test/helpers/keystores.ts buildStores, password Pk12-planted-Zq9) holds the key entry `server`.
      name: 'a PKCS#12 trust store that holds a key entry: its password opens the key, a warning naming the store',
      files: {
        [`app/src/main/resources/key.p12`]: fs.readFileSync(
          path.resolve(__dirname, '../../fixtures/keystores/generated/key.p12'),
        ),
        [`app/src/main/resources/application.properties`]: [
          'server.port=8443',
          'server.ssl.key-store=classpath:server.p12',
          'server.ssl.key-store-password=${KS_PASS}',
          'server.ssl.client-auth=need',
          'server.ssl.trust-store=classpath:key.p12',
          'server.ssl.trust-store-password=Pk12-planted-Zq9',
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'trustStoreHoldsKey',
          severity: 'warning',
          file: `app/src/main/resources/application.properties`,
          line: 6,
          messageIncludes: ['server.ssl.trust-store-password', 'classpath:key.p12, holds a private key (entry server)'],
          messageExcludes: ['Pk12-planted-Zq9'],
          related: [{ file: `app/src/main/resources/key.p12`, line: 1 }],
        },
      ],
    },
  ],
});

// WildFly/JBoss distributions committed whole (sweep59): history copies and shipped samples.
/** A WildFly configuration file with one system property (Naviad3/JBossDM@227c439, GPL-2.0: org.kie.server.pwd). */
const wildflyServer = (name: string, value: string, root = 'server') =>
  `<?xml version="1.0"?>\n<${root} xmlns="urn:jboss:domain:20.0">\n  <system-properties>\n    <property name="${name}" value="${value}"/>\n  </system-properties>\n</${root}>\n`;

/** A ldap-store bind credential as WildFly's docs/examples/configs/standalone-picketlink.xml ships it (shape only). */
const picketlinkSample =
  '<?xml version="1.0"?>\n<server xmlns="urn:jboss:domain:20.0">\n  <profile>\n    <subsystem xmlns="urn:jboss:domain:picketlink-identity-management:1.0">\n      <ldap-store url="ldap://localhost:10389" bind-dn="uid=admin,ou=system" bind-credential="Demo-Bind-1"/>\n    </subsystem>\n  </profile>\n</server>\n';

const wildflyHistory = 'standalone/configuration/standalone_xml_history';

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      // Naviad3/JBossDM@227c439: 4 warnings of org.kie.server.pwd, one in standalone-full.xml and three in WildFly's
      // copies of it. One secret to rotate: one finding, the copies its related places.
      name: "WildFly's history copies of the live file's secret are places of the live file's finding",
      files: {
        'standalone/configuration/standalone.xml': wildflyServer('org.kie.server.pwd', 'Kie-Pw-1'),
        [`${wildflyHistory}/standalone.initial.xml`]: wildflyServer('org.kie.server.pwd', 'Kie-Pw-1'),
        [`${wildflyHistory}/standalone.boot.xml`]: wildflyServer('org.kie.server.pwd', 'Kie-Pw-1'),
        [`${wildflyHistory}/standalone.last.xml`]: wildflyServer('org.kie.server.pwd', 'Kie-Pw-1'),
        [`${wildflyHistory}/current/standalone.v1.xml`]: wildflyServer('org.kie.server.pwd', 'Kie-Pw-1'),
        [`${wildflyHistory}/snapshot/20240101-120000000standalone.xml`]: wildflyServer(
          'org.kie.server.pwd',
          'Kie-Pw-1',
        ),
      },
      errors: [
        {
          messageId: 'plaintext',
          severity: 'warning',
          file: 'standalone/configuration/standalone.xml',
          line: 4,
          related: [
            { file: `${wildflyHistory}/current/standalone.v1.xml`, line: 4 },
            { file: `${wildflyHistory}/snapshot/20240101-120000000standalone.xml`, line: 4 },
            { file: `${wildflyHistory}/standalone.boot.xml`, line: 4 },
            { file: `${wildflyHistory}/standalone.initial.xml`, line: 4 },
            { file: `${wildflyHistory}/standalone.last.xml`, line: 4 },
          ],
        },
      ],
    },
    {
      name: "a copy of another value than the live file's, or of a file not in the tree, stays: at info, an old snapshot",
      files: {
        'standalone/configuration/standalone.xml': wildflyServer('org.kie.server.pwd', 'Kie-Pw-2'),
        [`${wildflyHistory}/standalone.initial.xml`]: wildflyServer('org.kie.server.pwd', 'Kie-Pw-1'),
        [`${wildflyHistory}/standalone-full.boot.xml`]: wildflyServer('org.kie.server.pwd', 'Kie-Pw-1'),
      },
      errors: [
        { messageId: 'plaintext', severity: 'warning', file: 'standalone/configuration/standalone.xml', line: 4 },
        {
          messageId: 'historySnapshot',
          severity: 'info',
          file: `${wildflyHistory}/standalone-full.boot.xml`,
          line: 4,
          messageIncludes: ['standalone-full.xml is not in the tree', 'rotate it'],
        },
        {
          messageId: 'historySnapshot',
          severity: 'info',
          file: `${wildflyHistory}/standalone.initial.xml`,
          line: 4,
          messageIncludes: ['standalone.xml holds another value now'],
        },
      ],
    },
    {
      name: 'a managed domain: domain_xml_history copies of domain.xml alike',
      files: {
        'domain/configuration/domain.xml': wildflyServer('app.db.password', 'Db-Pw-1', 'domain'),
        'domain/configuration/domain_xml_history/domain.last.xml': wildflyServer(
          'app.db.password',
          'Db-Pw-1',
          'domain',
        ),
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'domain/configuration/domain.xml',
          line: 4,
          related: [{ file: 'domain/configuration/domain_xml_history/domain.last.xml', line: 4 }],
        },
      ],
    },
    {
      // 7uv/jboss-eap@39efe55 (GPL-2.0): 8 warnings per distribution, all of docs/examples/configs/standalone-picketlink.xml.
      name: "a WildFly/JBoss distribution's docs/examples/configs samples are info; the same path elsewhere is not",
      files: {
        'jboss-eap/jboss-modules.jar': '',
        'jboss-eap/standalone/configuration/logging.properties': 'loggers=\n',
        'jboss-eap/docs/examples/configs/standalone-picketlink.xml': picketlinkSample,
        'wildfly/bin/standalone.sh': '#!/bin/sh\n',
        'wildfly/standalone/configuration/logging.properties': 'loggers=\n',
        'wildfly/docs/examples/configs/standalone-picketlink.xml': picketlinkSample,
        'myapp/docs/examples/configs/standalone-picketlink.xml': picketlinkSample,
      },
      errors: [
        {
          messageId: 'distributionSample',
          severity: 'info',
          file: 'jboss-eap/docs/examples/configs/standalone-picketlink.xml',
          line: 5,
          messageIncludes: ['(jboss-eap/docs/examples/configs)'],
        },
        {
          messageId: 'plaintext',
          severity: 'warning',
          file: 'myapp/docs/examples/configs/standalone-picketlink.xml',
          line: 5,
        },
        {
          messageId: 'distributionSample',
          severity: 'info',
          file: 'wildfly/docs/examples/configs/standalone-picketlink.xml',
          line: 5,
        },
      ],
    },
  ],
});

/**
 * ActiveMQ Classic's distribution copied into a repository (NikitaElmanov/test-repo's JMSProject/libs/apache-activemq-5.4.3,
 * AndriyKalashnykov/activemq): conf/ beside bin/activemq, left with the credentials apache/activemq's
 * assembly/src/release/conf ships (knowledge activemq.json). More ActiveMQ Classic cases: ./plaintext-secret-activemq-users.test.ts.
 */
const ACTIVEMQ_XML = '<beans><broker xmlns="http://activemq.apache.org/schema/core" brokerName="b1"/></beans>\n';
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      // apache/activemq's assembly/src/release/conf defaults (knowledge activemq.json), in a distribution's copy: an
      // info, as a WildFly distribution's shipped samples are; a changed password there is still a warning.
      name: "a distribution's copy: the shipped defaults are infos, a changed password a warning",
      files: {
        'apache-activemq-5.18.3/bin/activemq': '#!/bin/sh\n',
        'apache-activemq-5.18.3/conf/activemq.xml': ACTIVEMQ_XML,
        'apache-activemq-5.18.3/conf/users.properties': 'admin=admin\n',
        'apache-activemq-5.18.3/conf/credentials.properties':
          'activemq.username=system\nactivemq.password=manager\nguest.password=Guest-Changed-3\n',
        'apache-activemq-5.18.3/conf/jetty-realm.properties': 'admin: admin, admin\nuser: user, user\n',
      },
      errors: [
        {
          messageId: 'distributionDefault',
          severity: 'info',
          file: 'apache-activemq-5.18.3/conf/credentials.properties',
          line: 2,
          messageIncludes: ['activemq.password in credentials.properties', 'apache-activemq-5.18.3/conf'],
        },
        { messageId: 'plaintext', file: 'apache-activemq-5.18.3/conf/credentials.properties', line: 3 },
        { messageId: 'distributionDefault', file: 'apache-activemq-5.18.3/conf/jetty-realm.properties', line: 1 },
        { messageId: 'distributionDefault', file: 'apache-activemq-5.18.3/conf/jetty-realm.properties', line: 2 },
        { messageId: 'distributionDefault', file: 'apache-activemq-5.18.3/conf/users.properties', line: 1 },
      ],
    },
  ],
});
