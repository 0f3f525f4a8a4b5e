/**
 * Shared by the fast fuzz tier (test/reliability/fuzz.test.ts) and the long run
 * (`npm run fuzz`, scripts/fuzz.ts): seed files for every format handler,
 * input generators, and the properties every parse result must keep.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Finding, Range } from '../../src/core/types';
import { FORMAT_HANDLERS, classifyFile } from '../../src/parse/registry';
import { decodeFile, splitLines } from '../../src/parse/text';
import type { FormatHandler, ParsedDocument } from '../../src/parse/types';

export const REPO_ROOT = path.resolve(__dirname, '../..');
/** Real public files (origin, commit and licence of each in its MANIFEST.tsv), copied from the team's shared corpus. */
export const CORPUS_DIR = path.resolve(REPO_ROOT, 'test/fixtures/corpus');

/** A real or hand-written file a handler claims: the starting point of near-valid mutations. */
export interface Seed {
  /** Path used for classification (a real file name). */
  path: string;
  kind: string;
  text: string;
}

/** Small hand-written files, so that every handler has a seed even when no example or corpus file is of its kind. */
const BUILT_IN_SEEDS: Record<string, string> = {
  // An Ingress and its Service (src/parse/kubernetes-routing.ts, kind kubernetes.routing): v1 and v1beta1 backends,
  // an annotation, a named target port.
  '/seed/k8s/ingress.yaml':
    'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    nginx.ingress.kubernetes.io/backend-protocol: "HTTPS"\nspec:\n  ingressClassName: nginx\n  defaultBackend:\n    service: {name: web, port: {name: https}}\n  rules:\n    - host: web.example.org\n      http:\n        paths:\n          - path: /\n            backend:\n              serviceName: web\n              servicePort: 443\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - {name: https, port: 443, targetPort: tls}\n',
  // elasticsearch-certutil's instances file (src/parse/certutil-instances.ts): dns and ip lists, a filename, a placeholder.
  '/seed/tls/instances.yml':
    "instances:\n  - name: es01\n    dns: [es01, localhost]\n    ip:\n      - 127.0.0.1\n  - name: 'CN=kibana,OU=x'\n    filename: kibana\n    dns:\n      - ${KIBANA_HOST}\n",
  // Elasticsearch's node file (src/parse/search-node.ts): flat and nested keys, a list, a placeholder.
  '/seed/es/config/elasticsearch.yml':
    'cluster.name: docker-cluster\nxpack.security.http.ssl.enabled: true\nxpack:\n  security:\n    transport:\n      ssl:\n        enabled: true\n        certificate_authorities: [certs/ca.crt]\n        key: ${KEY_PATH}\n        supported_protocols: "TLSv1.2,TLSv1.3"\n',
  '/seed/os/config/opensearch.yml':
    'network.host: 0.0.0.0\nplugins.security.ssl.transport.pemcert_filepath: node.pem\nplugins.security.ssl.http.enabled: true\nplugins.security.ssl.http.enabled_protocols:\n  - TLSv1.2\n',
  // mod_jk's workers file (src/parse/modjk-workers.ts): a list written twice, a macro, a comment after a value, an lb.
  '/seed/httpd/conf/workers.properties':
    'ps=/\nworker.list=lb\nworker.list=jkstatus\nworker.t1.type=ajp13\nworker.t1.host=tomcat # the service\nworker.t1.port=8009\nworker.t1.secret=$(AJP_SECRET)\nworker.t2.reference=worker.t1\nworker.lb.type=lb\nworker.lb.balance_workers=t1,t2\n=x\nworker.jkstatus.type=status\n',
  // mod_jk's mount file (src/parse/modjk-urimap.ts): alternatives, an exclusion, a disabled mount, a key twice, a macro.
  '/seed/httpd/conf/uriworkermap.properties':
    '/app|/*=lb;use_server_errors=500\n!/app/*.png=lb\n-/old/*=lb\n/x=a\n/x=b # later\nw=jk\n/s=$(w)status\nnoslash=lb\n',
  // ActiveMQ Artemis's PropertiesLoginModule users file (src/parse/artemis-users.ts): one masked, one plain password.
  '/seed/broker/etc/artemis-users.properties': '# user = password\nadmin = ENC(1024:3A4E…)\napp = app-pass\n',
  // ActiveMQ Classic's conf/ users files (src/parse/activemq-users.ts): the web console's realm, the broker credentials.
  '/seed/activemq/conf/jetty-realm.properties':
    '# username: password [,rolename ...]\nadmin: OBF:1u2a, admin\nuser: u,\nx:\n',
  '/seed/activemq/conf/credentials.properties':
    'activemq.username=system\nactivemq.password=ENC(mYRk==)\nguest.password=pw\n',
  '/seed/roles/tomcat/defaults/main.yml':
    '---\ntomcat_version: "7.0.75"\ntomcat_download_url: "https://archive.apache.org/dist/tomcat/tomcat-7/v{{ tomcat_version }}/bin/apache-tomcat-{{ tomcat_version }}.tar.gz"\ntomcat_opts: >-\n  -Xmx512m\n  -Dfile.encoding=UTF-8\n',
  '/seed/roles/tomcat/tasks/main.yml':
    '---\n- name: Download\n  get_url: url={{ tomcat_download_url }} dest=/tmp\n- block:\n    - template: >\n        src=server.xml.j2\n        dest={{ tomcat_home }}/conf/server.xml\n    - ansible.builtin.copy:\n        src: server.xml\n        dest: "/opt/tomcat/conf/server.xml"\n    - set_fact:\n        tomcat_version: "{{ found.stdout }}"\n',
  // A playbook with tasks of its own (src/parse/ansible.ts readPlaybook).
  '/seed/playbook/tomcat.yml':
    '- hosts: app\n  vars:\n    tomcat_base: /opt/tomcat\n  tasks:\n  - get_url: url=https://archive.apache.org/dist/tomcat/tomcat-9/v9.0.12/bin/apache-tomcat-9.0.12.tar.gz dest=/tmp\n  - template: src=templates/server.xml.j2 dest={{tomcat_base}}/conf/server.xml\n',
  '/seed/app/prod.env':
    '# production\nSPRING_PROFILES_ACTIVE=prod\nexport SERVER_SSL_KEY_STORE="/certs/k.p12"\nSERVER_PORT=8443 # https\nSERVER_SSL_ENABLED_PROTOCOLS=\'TLSv1.2,TLSv1.3\'\n',
  '/seed/app/compose.yaml':
    'services:\n  orders:\n    build:\n      context: ./orders\n    environment:\n      - SERVER_SSL_KEY_STORE=/certs/k.p12\n      - "SPRING_PROFILES_ACTIVE=prod"\n  api:\n    build: .\n    environment:\n      server.ssl.enabled-protocols: \'TLSv1.2\'\n    secrets:\n      - api_password\n',
  '/seed/app/k8s/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n    spec:\n      containers:\n      - name: orders\n        image: ghcr.io/acme/orders:1.0\n        env:\n          - name: SPRING_PROFILES_ACTIVE\n            value: "ssl"\n          - name: SERVER_SSL_KEY_STORE_PASSWORD\n            valueFrom:\n              secretKeyRef: {name: tls, key: password}\n        envFrom:\n          - configMapRef:\n              name: orders-env\n        args: ["--server.port=8443"]\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: orders-env\ndata:\n  SERVER_SSL_CLIENT_AUTH: need\n',
  '/seed/app/cli-config.yml':
    'version : 0.0.3\ncontainer-name-run : "trader"\ndockerfile-run : "Dockerfile"\ndockerfile-tools : "Dockerfile-tools"\n',
  '/seed/app/skaffold.yaml':
    'apiVersion: skaffold/v4beta5\nkind: Config\nbuild:\n  artifacts:\n    - image: ghcr.io/acme/orders\n      context: orders\n',
  '/seed/app/orders/build.gradle':
    "version = '1.0'\ntasks.named('bootBuildImage') {\n  imageName = \"ghcr.io/acme/${project.name}:${project.version}\"\n}\n",
  '/seed/app/pom.xml':
    '<project>\n  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n    <version>${boot}</version>\n  </parent>\n  <properties>\n    <boot>3.2.4</boot>\n  </properties>\n  <!-- <version>9</version> -->\n</project>\n',
  '/seed/app/build.gradle.kts':
    'plugins {\n  id("org.springframework.boot") version "3.3.0" apply false\n}\nval springBootVersion = "2.7.18"\n',
  '/seed/kafka/kafka_server_jaas.conf':
    '// accounts\nKafkaServer {\n  org.apache.kafka.common.security.plain.PlainLoginModule required\n  username="admin" password="a b" user_admin=\'x\';\n};\n/* zk */ Client { x.DigestLoginModule required password="${ZK_PW}"; };\n',
  '/seed/artemis/etc/broker.xml':
    '<configuration xmlns="urn:activemq">\n<core xmlns="urn:activemq:core"><acceptors>\n<acceptor name="ssl">tcp://0.0.0.0:61617?sslEnabled=true;keyStorePath=b.ks&amp;enabledProtocols=TLSv1.2,${P:TLSv1.3};needClientAuth=true</acceptor>\n<acceptor>(tcp://a,tcp://b:x)?</acceptor>\n</acceptors></core></configuration>\n',
  '/seed/jms-client/src/main/resources/jndi.properties':
    'java.naming.factory.initial = org.apache.activemq.artemis.jndi.ActiveMQInitialContextFactory\nconnectionFactory.cf=(tcp://a:61617,tcp://b:)?sslEnabled=true;trustStorePath=${T}&enabledProtocols=TLSv1.2,\\\n TLSv1.3\njava.naming.provider.url=tcp://[::1]:61616?\nqueue.q=q\n',
  '/seed/classic-client/jndi.properties':
    'java.naming.factory.initial:org.apache.activemq.jndi.ActiveMQInitialContextFactory\njava.naming.provider.url=failover:(ssl://a:61617?socket.enabledProtocols=TLSv1.2,tcp://b:61616)\nconnectionFactoryNames = cf, xa\nconnection.cf.brokerURL=nio+ssl://c:61618\nconnection.xa.java.naming.provider.url=\n',
  '/seed/activemq/conf/activemq.xml':
    '<beans xmlns="http://www.springframework.org/schema/beans">\n<broker xmlns="http://activemq.apache.org/schema/core"><sslContext><sslContext keyStore="file:${activemq.conf}/b.ks" trustStore="t.ts"/></sslContext>\n<transportConnectors><transportConnector name="s" uri="stomp+nio+ssl://0.0.0.0:61614?transport.enabledProtocols=TLSv1.2&amp;needClientAuth=true&amp;=x&amp;"/><transportConnector uri="ssl://[::]:"/></transportConnectors></broker></beans>\n',
  '/seed/jndi/.bindings':
    '#This file is used by the JNDI FSContext.\n#Mon Dec 07 08:00:00 UTC 2026\nQCF/RefAddr/0/Encoding=String\nQCF/ClassName=com.ibm.mq.jms.MQQueueConnectionFactory\nQCF/RefAddr/0/Type=TRAN\nQCF/RefAddr/0/Content=1\nQCF/RefAddr/1/Type=CHAN\nQCF/RefAddr/1/Content=APP.SVRCONN\nQCF/RefAddr/2/Type=SCPHS\nQCF/RefAddr/2/Content=TLS_AES_128_GCM_SHA256\nQCF/RefAddr/3/Type=HOST\nQCF/RefAddr/3/Content=mq.example.com\nQCF/RefAddr/4/Type=QMGR\nQCF/RefAddr/4/Content=QM1\nQCF/RefAddr/5/Type\\=X=\\u00e9\\\n  continued\nQ/ClassName=com.ibm.mq.jms.MQQueue\n',
  '/seed/haproxy/crt-list.txt':
    '# site certificates\n/etc/ssl/site.pem [alpn h2 ssl-min-ver TLSv1.2] www.example.com *.example.org\ncerts/api.pem !old.example.com\n',
  '/seed/mq/client/getMessage.sh':
    '#!/bin/bash\nDIR="$( cd "$( dirname "${BASH_SOURCE[0]}" )" &> /dev/null && pwd )"\nexport MQCCDTURL="${DIR}/ccdt.json"\nexport MQSSLKEYR="${DIR}/../keys/application"\n',
  '/seed/authz/aserver.conf':
    'cleartrust.net.ssl.use=anon\ncleartrust.aserver.ssl.keystore_passphrase=x\\\n  y\n! comment\n',
  '/seed/agent/webagent.conf':
    '<Global>\n\tcleartrust.agent.server_pool=__default__\n</Global>\n<Pool id=__default__>\n\tcleartrust.agent.ssl.use = Clear\n</Pool>\n',
  '/seed/wlp/usr/servers/app/bootstrap.properties':
    'default.https.port=9443\nwebsphere.java.security=true\n# comment\n',
  '/seed/wlp/usr/servers/app/variables/sslCipherSuite': 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n',
  '/seed/config/variables/tls.properties': 'sslProtocol=TLSv1.2\n# comment\nkeystore_password=x\n',
  '/seed/app/src/main/resources/META-INF/microprofile-config.properties':
    'org.acme.Api/mp-rest/url=https://${api.host:api}:8443/\norg.acme.Api/mp-rest/trustStorePassword=x\n%dev.a=b\n',
  '/seed/jdk/release': 'JAVA_VERSION="1.8.0_202"\nIMPLEMENTOR="Oracle Corporation"\n',
  '/seed/jdk/java.security': '# java.security\njdk.tls.disabledAlgorithms=SSLv3, RC4, \\\n    DH keySize < 1024\n',
  '/seed/mq/QM1.mqsc':
    "DEFINE CHANNEL('APP.SVRCONN') CHLTYPE(SVRCONN) +\n  SSLCIPH(ANY_TLS12) SSLCAUTH(REQUIRED) REPLACE\nALTER QMGR SSLKEYR('/var/mqm/key') * comment\n",
  '/seed/mq/ccdt.json':
    '{"channel":[{"name":"APP","type":"clientConnection","clientConnection":{"connection":[{"host":"mq","port":1414}],"queueManager":"QM1"},"transmissionSecurity":{"cipherSpecification":"ANY_TLS12"}}]}\n',
  '/seed/mq/qm.ini':
    'SSL:\n   SSLKeyRepositoryPassword=secret\n   OutboundSNI=HOSTNAME\nChannels:\n   MaxChannels=100\n',
  '/seed/mq/mqclient.ini': 'SSL:\n   SSLKeyRepository=/var/mqm/key\n   SSLKeyRepositoryPassword=pw\n',
  '/seed/was/security.xml':
    '<?xml version="1.0"?>\n<security:Security xmlns:security="http://www.ibm.com/websphere/appserver/schemas/5.0/security.xmi">\n<repertoire alias="x"><setting sslProtocol="TLSv1.2" enabledCiphers="SSL_ECDHE_RSA_WITH_AES_128_GCM_SHA256"/></repertoire>\n<keyStores password="{xor}LDo8LTor"/>\n</security:Security>\n',
  '/seed/was/resources.xml':
    '<?xml version="1.0"?>\n<xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:resources.jms.mqseries="x">\n<resources.jms.mqseries:MQQueueConnectionFactory name="cf" host="mq" port="1414" channel="APP" sslType="SPECIFIC" sslCipherSuite="TLS_RSA_WITH_AES_128_CBC_SHA256"/>\n</xmi:XMI>\n',
  '/seed/was/ssl.client.props': 'com.ibm.ssl.protocol=TLSv1.2\ncom.ibm.ssl.keyStorePassword={xor}CDo9Hgw=\n',
  '/seed/liberty/server.xml':
    '<server>\n  <keyStore id="defaultKeyStore" password="pw"/>\n  <ssl id="s" sslProtocol="TLSv1.2" keyStoreRef="defaultKeyStore"/>\n</server>\n',
  '/seed/wildfly/standalone.xml':
    '<?xml version="1.0"?>\n<server xmlns="urn:jboss:domain:20.0">\n <management><security-realms><security-realm name="R"><server-identities><ssl><keystore path="k.jks" keystore-password="pw"/></ssl></server-identities></security-realm></security-realms></management>\n</server>\n',
  '/seed/tomcat/server.xml':
    '<Server port="8005">\n <Service name="Catalina">\n  <Connector port="8443" SSLEnabled="true" keystorePass="pw" sslEnabledProtocols="TLSv1.2"/>\n </Service>\n</Server>\n',
  '/seed/tomcat/conf/tomcat-users.xml':
    '<?xml version="1.0"?>\n<tomcat-users>\n <!-- <user username="x" password="<must-be-changed>"/> -->\n <role rolename="manager-gui"/>\n <user username="admin" password="pw" roles="manager-gui"/>\n <user username="ops" password="a1$1000$0d6a" roles="manager-script"/>\n</tomcat-users>\n',
  '/seed/tomcat/conf/catalina.properties':
    'package.access=sun.,org.apache.catalina.\nKEY_ALIAS=tomcat\norg.apache.tomcat.util.digester.PROPERTY_SOURCE=org.apache.tomcat.util.digester.EnvironmentPropertySource\n',
  '/seed/spring/application.properties':
    'server.ssl.enabled=true\nserver.ssl.key-store-password=pw\nserver.ssl.enabled-protocols=TLSv1.2\n',
  '/seed/spring/application.yml':
    'server:\n  ssl:\n    key-store-password: pw\n    enabled-protocols: [TLSv1.2]\n---\nspring:\n  config:\n    activate:\n      on-profile: prod\n',
  // A Spring Cloud Config repository's files (spring-cloud-samples/config-repo@9223983's shapes).
  '/seed/config-repo/orders-service-dev.yml':
    "spring:\n  datasource:\n    url: jdbc:postgresql://db:5432/orders\n    password: '{cipher}AQB3'\nserver:\n  port: 8081\n---\nspring.config.activate.on-profile: prod\n",
  '/seed/config-repo/gateway.properties':
    'spring.application.name=gateway\nserver.ssl.key-store=file:/etc/ssl/gw.p12\n',
  '/seed/wsadmin/updateSSLConfigs.py':
    "# wsadmin\nfor c in AdminTask.listSSLConfigs('[-all true]').splitlines():\n\tAdminTask.modifySSLConfig('[-alias ' + a + ' -sslProtocol TLSv1.2]')\nAdminTask.createSSLConfig('[-alias ADSSL -keyStoreName K -trustStoreName T -sslProtocol TLSv1 -enabledCiphers \"A B\"]')\nAdminTask.modifySSLConfig(['-alias', 'ADSSL', '-securityLevel', 'HIGH'])\nAdminConfig.save()\n",
  '/seed/wildfly/configure.cli':
    'embed-server --std-out=echo\nbatch\n# store\n/subsystem=elytron/key-store=ks:add(path="k.p12", credential-reference={clear-text="pw"}, \\\n  type=PKCS12)\n/subsystem=elytron/key-manager=km:add(key-store=ks, generate-self-signed-certificate-host=localhost, credential-reference={clear-text=${env.KP:x}})\n/subsystem=datasources/data-source=DS:write-attribute(name=password, value=pw)\ndata-source add --name=DS --password="p w"\nrun-batch\n',
  '/seed/kafka/config/client-ssl.properties':
    'bootstrap.servers=kafka:9093\nsecurity.protocol=SSL\nssl.keystore.location=../stores/key.jks\nssl.keystore.password=pw\nssl.endpoint.identification.algorithm=\n',
  '/seed/kafka/connectors/orders-sink.json':
    '{"name": "orders-sink", "config": {"connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector", "tasks.max": 1,\n  "consumer.override.security.protocol": "SSL", "consumer.override.ssl.truststore.location": "/etc/kafka/secrets/t.jks",\n  "consumer.override.ssl.endpoint.identification.algorithm": "", "connection.password": "pw"}}\n',
  '/seed/kafka/connectors/file-source.properties':
    'name=file-source\nconnector.class=FileStreamSource\nproducer.override.security.protocol=SSL\nproducer.override.ssl.keystore.location=key.jks\n',
  '/seed/kafka/kcat/ssl.conf':
    'security.protocol=ssl\nenable.ssl.certificate.verification=false\nssl.ca.location=/app/cer/ca-cert\nssl.key.password=pw\n',
  '/seed/wlp/jvm.options': '-Djavax.net.ssl.keyStorePassword=pw\n-Dhttps.protocols=TLSv1.2\n# comment\n',
  '/seed/systemd/app.service':
    '[Service]\nEnvironment="JAVA_OPTS=-Djdk.tls.client.protocols=TLSv1.2"\nExecStart=/usr/bin/java -Djavax.net.ssl.trustStorePassword=pw -jar app.jar\n',
  // A Git LFS pointer in place of Tomcat's jar: read from its bytes, it names no release.
  '/seed/apache-tomcat-9.0.85/lib/catalina.jar':
    'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a2146\nsize 1269773\n',
  '/seed/docker/.dockerignore': '# keys stay out\n**/*.jks\n!certs/trust.jks\n/target/\n[a-\n!\n',
  '/seed/docker/Dockerfile':
    'FROM eclipse-temurin:17\nENV JAVA_OPTS="-Dhttps.protocols=TLSv1.2" \\\n    X=1\nCMD ["java", "-jar", "app.jar"]\n',
  // BuildKit here-documents: files COPY creates in the image, read as their destination's kind (src/parse/dockerfile-heredocs.ts).
  '/seed/docker-heredoc/Dockerfile':
    "# syntax=docker/dockerfile:1\nFROM nginx:1.27.0\nCOPY <<EOF /etc/nginx/conf.d/ssl.conf\nserver {\n    listen 443 ssl;\n    ssl_protocols ${PROTOCOLS:-TLSv1.2};\n}\nEOF\nCOPY --chmod=644 <<-'qm.ini' <<mqclient.ini /etc/mqm/\n\tSSL:\n\t  AllowTLSV1=Y\n\tqm.ini\nSSL:\nmqclient.ini\nRUN <<EOF\nnginx -t\nEOF\n",
  '/seed/nginx/nginx.conf':
    'http {\n  server {\n    listen 443 ssl;\n    ssl_protocols TLSv1.2 TLSv1.3;\n    ssl_password_file /etc/nginx/pw;\n    location / { proxy_pass https://app:8443; }\n  }\n}\n',
  '/seed/plugins/config/webserver1/plugin-cfg.xml':
    '<?xml version="1.0"?>\n<Config FIPSEnable="false">\n  <Property Name="PluginInstallRoot" Value="/opt/IBM/WebSphere/Plugins"/>\n  <ServerCluster Name="c1">\n    <Server Name="s1">\n      <Transport Hostname="was1" Port="9080" Protocol="http"/>\n      <Transport Hostname="was1" Port="9443" Protocol="https">\n        <Property Name="keyring" Value="/opt/IBM/WebSphere/Plugins/config/webserver1/plugin-key.kdb"/>\n        <Property Name="stashfile" Value="/opt/IBM/WebSphere/Plugins/config/webserver1/plugin-key.sth"/>\n      </Transport>\n    </Server>\n    <PrimaryServers><Server Name="s1"/></PrimaryServers>\n  </ServerCluster>\n</Config>\n',
  '/seed/httpd/conf/httpd.conf':
    'ServerRoot "/etc/httpd"\nListen 443 https\nInclude conf.d/*.conf\n# comment\n<IfModule ssl_module>\n  SSLProtocol all -SSLv3 \\\n    -TLSv1\n  SSLCipherSuite "HIGH:!aNULL"\n</IfModule>\n<VirtualHost *:443 [::]:8443>\n  ServerName app.example.com\n  SSLEngine on\n  SSLCertificateFile "/etc/pki/tls/certs/app.crt"\n  SSLProxyEngine On\n  SSLProxyVerify require\n  ProxyPass /api https://tomcat:8443/api retry=0\n  <Proxy balancer://c>\n    BalancerMember https://a:8443\n  </Proxy>\n</VirtualHost>\n',
  // A Logstash pipeline (src/parse/logstash-pipeline.ts): branches, a regexp condition, a hash, a codec plugin, a placeholder.
  '/seed/logstash/pipeline/logstash.conf':
    'input {\n  beats { port => 5044 ssl_enabled => true ssl_certificate => "/c/ls.crt" ssl_key => \'/c/ls.key\' }\n}\nfilter {\n  if [m] =~ /x{2}/ { mutate { add_field => { "a" => "b" } } } else if [n] in ["p", 1] { drop {} } else { noop {} } # c\n}\noutput {\n  elasticsearch {\n    hosts => ["https://es01:9200"]\n    cacert => "certs/ca.crt"\n    password => "${ES_PW:changeme}"\n    ssl_certificate_verification => false\n    codec => json { charset => "UTF-8" }\n  }\n}\n',
  '/seed/haproxy/haproxy.cfg':
    'global\n  ssl-default-bind-options ssl-min-ver TLSv1.2 no-tls-tickets\n  ssl-default-bind-ciphers "ECDHE+AESGCM:!aNULL" # policy\n  ssl-server-verify none\ndefaults\n  default-server ssl\nfrontend web\n  bind *:443,:8443 ssl crt /etc/ssl/site.pem ca-file ca.pem verify optional alpn h2\\,http/1.1\n  default_backend app\nbackend app\n  server app1 tomcat:8443 check verify required ca-file \'/etc/ssl/ca.pem\' sni str(app)\n  server app2 ${HOST}:443 no-ssl\nuserlist u\n  user admin insecure-password pw\n',
  '/seed/tomcat/bin/setenv.sh':
    'JAVA_OPTS="$JAVA_OPTS -Djavax.net.ssl.keyStorePassword=pw \\\n  -Djdk.tls.client.protocols=TLSv1.2"\nexport JAVA_OPTS\n',
  // Key stores are binary (their own fuzz target: keystore-fuzz-support.ts); as text, a store's name with text content.
  '/seed/dropwizard/config.yml':
    'server:\n  applicationConnectors:\n    - type: https\n      port: 8443\n      keyStorePath: ${KEYSTORE:-key.p12}\n      keyStorePassword: changeit\n      supportedProtocols: [TLSv1.2]\n      excludedCipherSuites: []\n      supportedCipherSuites:\n        - "TLS_ECDHE_.*"\n  adminConnectors:\n    - type: http\n      port: 8081\n',
  '/seed/jetty/start.d/ssl.ini':
    '--module=ssl,https\njetty.ssl.port=8443\njetty.sslContext.keyStorePath=${jetty.base}/etc/key.p12\njetty.sslContext.keyStorePassword=OBF:1vny1zlo\njetty.sslContext.needClientAuth?=true\n-Dfoo=bar\netc/tweak-ssl.xml\n',
  '/seed/jetty/modules/backchannel.mod':
    '[name]\nbackchannel\n[depend]\nserver\n?alpn\n[xml]\netc/tweak-ssl.xml\n[ini-template]\n# x=1\n',
  '/seed/jetty/etc/tweak-ssl.xml':
    '<?xml version="1.0"?>\n<!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "https://jetty.org/configure_10_0.dtd">\n<Configure id="sslContextFactory" class="org.eclipse.jetty.util.ssl.SslContextFactory$Server">\n  <Set name="IncludeProtocols"><Array type="String"><Item>TLSv1.2</Item><Item><Property name="p" default="TLSv1.3"/></Item></Array></Set>\n  <Call name="addExcludeCipherSuites"><Arg><Array type="String"><Item>.*_CBC_.*</Item></Array></Arg></Call>\n  <Set name="KeyStorePath"><Call name="resolvePath" class="org.eclipse.jetty.xml.XmlConfiguration"><Arg><Property name="jetty.base"/></Arg><Arg><Property name="jetty.sslContext.keyStorePath"/></Arg></Call></Set>\n</Configure>\n',
  '/seed/stores/key.jks': '',
  '/seed/certs/ca.pem': '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ==\n-----END CERTIFICATE-----\n',
  '/seed/keycloak/conf/keycloak.conf':
    '# Keycloak\nhostname=auth.example.com\nhttps-port=8443\nhttps-key-store-file=${kc.home.dir}/conf/server.p12\nhttps-key-store-password = ${KS_PASSWORD:changeit}\nhttps-protocols=TLSv1.3,TLSv1.2\nhttps-client-auth=request\ndb-password=secret\n',
  // Logstash's logstash.yml (src/parse/logstash-settings.ts): flat and nested keys, a flow list, a ${VAR}, ssl settings.
  '/seed/logstash/config/logstash.yml':
    '---\nhttp.host: 0.0.0.0\nxpack.monitoring.enabled: true\nxpack.monitoring.elasticsearch.hosts: [ "https://es01:9200", es02 ]\nxpack.monitoring.elasticsearch.ssl:\n  verification_mode: none\n  certificate_authority: config/ca.crt\nxpack.management:\n  enabled: true\n  elasticsearch.hosts: ${ES_HOSTS}\n',
  // Kibana's and a Beat's YAML (src/parse/kibana-beats.ts): flat and nested keys, a flow list, a ${VAR}, ssl settings.
  '/seed/kibana/config/kibana.yml':
    '---\nserver.name: kibana\nelasticsearch.hosts: [ "https://es01:9200", "${ES_HOST}" ]\nelasticsearch.ssl:\n  verificationMode: none\n  certificateAuthorities: [config/ca.crt]\nserver.ssl.enabled: true\nserver.ssl.certificate: /usr/share/kibana/config/kibana.crt\nelasticsearch.password: ${KIBANA_PASSWORD}\n',
  '/seed/filebeat/filebeat.yml':
    'filebeat.inputs:\n  - type: filestream\n    paths: [/logs/*.log]\noutput.logstash:\n  hosts: ["logstash:5044"]\n  ssl.enabled: ${BEATS_SSL:false}\n  ssl:\n    certificate_authorities: ["/usr/share/filebeat/ca.crt"]\n    verification_mode: none\noutput.elasticsearch:\n  hosts: [es:9200]\n  protocol: https\n',
  '/seed/rabbitmq/rabbitmq.conf':
    '# RabbitMQ\nlisteners.tcp = none\nlisteners.ssl.default = 5671\nssl_options.cacertfile = /etc/rabbitmq/ca.pem\nssl_options.certfile = /etc/rabbitmq/server.pem\nssl_options.keyfile = /etc/rabbitmq/server.key\nssl_options.verify = verify_peer\nssl_options.fail_if_no_peer_cert = true\nssl_options.versions.1 = tlsv1.2\ndefault_pass = secret\n',
  '/seed/rabbitmq/rabbitmq.config':
    '[\n  {rabbit, [\n     {ssl_listeners, [5671]},\n     {ssl_options, [{cacertfile, "/etc/rabbitmq/ca.pem"},\n                    {certfile, "/etc/rabbitmq/server.pem"},\n                    {verify, verify_peer},\n                    {fail_if_no_peer_cert, true}]}\n   ]}\n].\n',
};

function listFiles(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : [],
  );
}

/** The corpus file name of an upstream file, by MANIFEST.tsv: corpus path → upstream path (for classification by real name). */
export function corpusUpstreamNames(): Map<string, string> {
  const names = new Map<string, string>();
  let manifest: string;
  try {
    manifest = fs.readFileSync(path.join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8');
  } catch {
    return names;
  }
  for (const line of manifest.split('\n').slice(1)) {
    const [, repo, upstreamPath, commit, , file] = line.split('\t');
    if (file) names.set(path.join(CORPUS_DIR, file), `/${repo}@${commit}/${upstreamPath}`);
  }
  return names;
}

let cachedSeeds: Seed[] | undefined;
/** Every seed: built-ins, examples/, and shared/corpus (each corpus file under its corpus name and its upstream name). */
export function allSeeds(): Seed[] {
  if (cachedSeeds) return cachedSeeds;
  const seeds: Seed[] = [];
  const add = (filePath: string, bytes: Buffer) => {
    const decoded = decodeFile(bytes);
    if (!decoded.ok) return;
    const classified = classifyFile(filePath, decoded.text.slice(0, 65536));
    if (classified) seeds.push({ path: filePath, kind: classified.kind, text: decoded.text });
  };
  for (const [file, text] of Object.entries(BUILT_IN_SEEDS)) add(file, Buffer.from(text));
  for (const file of listFiles(path.join(REPO_ROOT, 'examples'))) add(file, fs.readFileSync(file));
  const upstream = corpusUpstreamNames();
  for (const file of listFiles(CORPUS_DIR)) {
    const bytes = fs.readFileSync(file);
    add(file, bytes);
    const real = upstream.get(file);
    if (real) add(real, bytes);
  }
  cachedSeeds = seeds;
  return seeds;
}

/** Seeds per handler id, in registry order (a new handler without a seed gets an empty list: the test says so). */
export function seedsByHandler(): Map<FormatHandler, Seed[]> {
  const byHandler = new Map<FormatHandler, Seed[]>(FORMAT_HANDLERS.map((h) => [h, []]));
  for (const seed of allSeeds()) {
    const classified = classifyFile(seed.path, seed.text.slice(0, 65536));
    if (classified) byHandler.get(classified.handler)?.push(seed);
  }
  return byHandler;
}

// ---------------------------------------------------------------- generators

/** Fragments that matter to the formats: delimiters, escapes, continuations, odd characters. */
const TOKENS = [
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  '=',
  ':',
  '#',
  '!',
  ';',
  '\\',
  '\\\n',
  '+\n',
  '-\n',
  '"',
  "'",
  '`',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '<',
  '>',
  '/>',
  '</',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '&amp;',
  '&#x0;',
  '&#1114112;',
  '&bogus;',
  '<?xml version="1.0"?>',
  '<!DOCTYPE x [<!ENTITY e "y">]>',
  '\\u00e9',
  '\\uZZZZ',
  '\\u',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '\uD800',
  '\uDC00',
  '😀',
  'é',
  '${',
  '${X:-y}',
  '%',
  '{xor}',
  '{aes}',
  '---\n',
  '- ',
  '|\n',
  '>-\n',
  '&anchor ',
  '*anchor',
  '!!binary ',
  '-----BEGIN CERTIFICATE-----\n',
  '-----END CERTIFICATE-----\n',
  'MIIB',
  '====',
  '-D',
  '-Djavax.net.ssl.keyStorePassword=',
  'DEFINE CHANNEL(',
  'SSLCIPH(',
  'CHLTYPE(SVRCONN)',
  'server {',
  'location / {',
  'ssl_protocols ',
  'include ',
  '[Service]',
  'Environment=',
  'ENV ',
  'RUN ',
  'set ',
  'export ',
  '%JAVA_OPTS%',
  'SSL:',
  'Channels:',
  '<server>',
  '<Server>',
  '<Connector ',
  'keystorePass="',
  'password="',
  'sslProtocol=',
  'TLSv1.2',
  'TLS_RSA_WITH_AES_128_CBC_SHA',
  'ANY_TLS12',
  'cleartrust.net.ssl.use=',
  '<Pool id=x>',
  '</Pool>',
  'JAVA_VERSION="',
  '"channel":[',
  '{"',
  '":',
  ',',
  'null',
  'true',
  '1e999',
  '-0',
  '99999999999999999999',
];

const token = fc.constantFrom(...TOKENS);
const textish = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 4, arbitrary: token },
);

/** Arbitrary text: ASCII, any Unicode (lone surrogates too), and format tokens. */
export const arbitraryText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(textish, { maxLength: 60 }).map((parts) => parts.join('')),
);

/** Arbitrary bytes, decoded the way the reader decodes them (files that decode to nothing are skipped by the reader). */
export const arbitraryDecodedBytes: fc.Arbitrary<string> = fc.uint8Array({ maxLength: 400 }).map((bytes) => {
  const decoded = decodeFile(Buffer.from(bytes));
  return decoded.ok ? decoded.text : '';
});

/** One edit of a seed text. */
type Edit = {
  op: 'insert' | 'delete' | 'replace' | 'duplicate' | 'truncate' | 'swapLines';
  at: number;
  length: number;
  text: string;
};
const edit: fc.Arbitrary<Edit> = fc.record({
  op: fc.constantFrom('insert', 'delete', 'replace', 'duplicate', 'truncate', 'swapLines'),
  at: fc.nat(),
  length: fc.nat({ max: 64 }),
  text: textish,
});

export function applyEdit(text: string, e: Edit): string {
  const at = text.length ? e.at % (text.length + 1) : 0;
  switch (e.op) {
    case 'insert':
      return text.slice(0, at) + e.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.length);
    case 'replace':
      return text.slice(0, at) + e.text + text.slice(at + e.text.length);
    case 'duplicate':
      return text.slice(0, at + e.length) + text.slice(at, at + e.length) + text.slice(at + e.length);
    case 'truncate':
      return text.slice(0, at);
    case 'swapLines': {
      const lines = text.split('\n');
      if (lines.length < 2) return text;
      const i = e.at % lines.length;
      const j = (e.at + e.length + 1) % lines.length;
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
  }
}

/** A near-valid file: a seed with a few edits. */
export function arbitraryMutation(seeds: Seed[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 6 }))
    .map(([seed, edits]) => edits.reduce(applyEdit, seed.text));
}

/** Deep nesting in every bracket style the formats know, and huge lines. */
export const arbitraryStress: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        ['<a>', '</a>'],
        ['{', '}'],
        ['[', ']'],
        ['(', ')'],
        ['server {\n', '}\n'],
        ['<Pool id=x>\n', '</Pool>\n'],
        ['- ', ''],
        ['  a:\n', ''],
        ['"', '"'],
        ['<!--', '-->'],
        ['\\\n', ''],
      ),
      fc.integer({ min: 100, max: 3000 }),
      fc.boolean(),
    )
    .map(([[open, close], depth, closed]) => open.repeat(depth) + (closed ? close.repeat(depth) : '')),
  fc
    .tuple(
      fc.constantFrom('a', 'x=', '=', ' ', '\\', '(', '<', '"', 'k=v;', 'é', '😀'),
      fc.integer({ min: 1000, max: 20000 }),
    )
    .map(([unit, n]) => unit.repeat(n)),
);

// ---------------------------------------------------------------- properties

/** Why a range is not inside the text, or undefined when it is. */
export function rangeProblem(range: Range | undefined, lines: string[]): string | undefined {
  if (!range) return undefined;
  for (const [name, p] of [
    ['start', range.start],
    ['end', range.end],
  ] as const) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0)
      return `${name} ${JSON.stringify(p)} is not a position`;
    if (p.line >= lines.length) return `${name} line ${p.line} ≥ line count ${lines.length}`;
    if (p.character > lines[p.line].length)
      return `${name} ${p.line}:${p.character} is past the end of the line (${lines[p.line].length})`;
  }
  if (
    range.start.line > range.end.line ||
    (range.start.line === range.end.line && range.start.character > range.end.character)
  )
    return `start ${JSON.stringify(range.start)} after end ${JSON.stringify(range.end)}`;
  return undefined;
}

/** Every position a parse result gives lies inside its text; problems are well formed. Returns the violations. */
export function documentViolations(doc: ParsedDocument, text: string): string[] {
  const lines = splitLines(text);
  const out: string[] = [];
  const check = (what: string, r: Range | undefined) => {
    const problem = rangeProblem(r, lines);
    if (problem) out.push(`${what}: ${problem}`);
  };
  doc.problems.forEach((p, i) => {
    check(`problems[${i}] ${p.code}`, p.range);
    if (typeof p.message !== 'string' || !p.message) out.push(`problems[${i}] has no message`);
    if (!/^[a-z0-9-]+$/.test(p.code)) out.push(`problems[${i}] code '${p.code}' is not kebab-case`);
  });
  doc.entries.forEach((e, i) => {
    check(`entries[${i}] ${e.key} key`, e.keyRange);
    check(`entries[${i}] ${e.key} value`, e.valueRange);
    if (typeof e.key !== 'string' || typeof e.value !== 'string') out.push(`entries[${i}] key/value not strings`);
  });
  doc.comments.forEach((c, i) => check(`comments[${i}]`, c.range));
  return out;
}

/** Parses text as `kind` with `handler`: never throws, positions inside, same result twice. */
export function checkParse(handler: FormatHandler, seed: Pick<Seed, 'path' | 'kind'>, text: string): void {
  const file = { path: seed.path, text, hadBom: false };
  let first: ParsedDocument;
  try {
    first = handler.parse(file, seed.kind);
  } catch (error) {
    throw new Error(
      `${handler.id} parser threw on ${JSON.stringify(text.slice(0, 200))}${text.length > 200 ? '…' : ''}: ${(error as Error).stack}`,
    );
  }
  const violations = documentViolations(first, text);
  if (violations.length)
    throw new Error(
      `${handler.id} (${seed.kind}) positions outside the text ${JSON.stringify(text.slice(0, 200))}:\n  ${violations.slice(0, 5).join('\n  ')}`,
    );
  const again = handler.parse({ ...file }, seed.kind);
  const strip = (d: ParsedDocument) =>
    JSON.stringify({ entries: d.entries, comments: d.comments, problems: d.problems });
  if (strip(first) !== strip(again)) {
    const [a, b] = [strip(first), strip(again)];
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    throw new Error(
      `${handler.id} parser is not deterministic on ${JSON.stringify(text.slice(0, 200))} (${text.length} chars): first difference ${JSON.stringify(a.slice(Math.max(0, at - 80), at + 120))} vs ${JSON.stringify(b.slice(Math.max(0, at - 80), at + 120))}`,
    );
  }
}

/** Findings' locations (and related locations) lie inside the files they name. */
export function findingViolations(findings: Finding[], readText: (file: string) => string | undefined): string[] {
  const out: string[] = [];
  for (const f of findings) {
    for (const loc of [f.location, ...(f.related ?? [])]) {
      if (!loc.range) continue;
      const text = readText(loc.file);
      // A binary file (a key store) is named as a whole: an empty range at its start.
      const { start, end } = loc.range;
      if (text === undefined && start.line === 0 && start.character === 0 && end.line === 0 && end.character === 0)
        continue;
      if (text === undefined) {
        out.push(`${f.ruleId}: a range in ${loc.file}, which is not a readable file`);
        continue;
      }
      const problem = rangeProblem(loc.range, splitLines(text));
      if (problem) out.push(`${f.ruleId} ${path.basename(loc.file)}: ${problem}`);
    }
  }
  return out;
}
