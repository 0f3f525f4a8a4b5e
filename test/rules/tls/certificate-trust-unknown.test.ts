import rule from '../../../src/rules/tls/certificate-trust-unknown';
import { ruleTester } from '../../helpers/rule-tester';
import { APT_JDK_17, javaClient, pem, replacingCacerts, replacingDebianStore, tomcatServer } from './trust-trees';
import { nginxGateway } from './trees';
import { ccdt, svrconn } from '../mq/trees';
import { PLUGIN_CFG, httpsTransport, keyring, pluginCfg } from '../../helpers/plugin-cfg';
import { leaf } from '../../helpers/pki';
import { cmsKeyDatabase } from '../../helpers/cms-kdb';

const pemDer = (pem: string): Buffer => Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');

/** A WebSphere plug-in's https transport to was1:9443 with these properties, and httpd serving was1:9443 with a certificate of the tree. */
const pluginToHttpd = (...properties: string[]) => ({
  [PLUGIN_CFG]: pluginCfg([httpsTransport(...properties)]),
  'was1/conf/httpd.conf':
    'ServerRoot "/etc/httpd"\nListen 9443\n<VirtualHost *:9443>\n  ServerName was1\n  SSLEngine on\n  SSLCertificateFile /etc/httpd/certs/web.crt\n  SSLCertificateKeyFile /etc/httpd/certs/web.key\n</VirtualHost>\n',
  'was1/certs/web.crt': leaf('was1').pem,
});
/** An MQ C client (CCDT) whose start script names its key repository in MQSSLKEYR, against a channel that requires a client certificate. */
const mqClient = (script?: string, extra: Record<string, string> = {}) => ({
  'mq/QM1/QM1.mqsc': svrconn('APP.SVRCONN', "SSLCIPH(ANY_TLS12_OR_HIGHER) MCAUSER('app')"),
  'app/ccdt.json': ccdt('APP.SVRCONN', 'QM1', { cipherSpecification: 'ANY_TLS12_OR_HIGHER' }),
  ...(script ? { 'app/run.sh': script } : {}),
  ...extra,
});
/** The client's image imports `file` (copied from client/certs/) into its JDK's cacerts. */
const importing = (file: string) =>
  [
    'FROM eclipse-temurin:17.0.9_9-jre',
    `COPY certs/${file} $JAVA_HOME/lib/security/`,
    'RUN keytool -importcert -noprompt -cacerts -storepass changeit -alias corp \\',
    `      -file $JAVA_HOME/lib/security/${file}`,
    'ENTRYPOINT ["java", "-jar", "/app.jar"]',
    '',
  ].join('\n');
/** A Java client whose image puts `file` in the system CA store and refreshes it (`lines` after), and the server. */
const systemStore = (from: string, file: string, ...lines: string[]) => ({
  ...javaClient({}),
  'client/Dockerfile': [
    `FROM ${from}`,
    `COPY certs/${file} /usr/local/share/ca-certificates/`,
    'RUN update-ca-certificates',
    ...lines,
    '',
  ].join('\n'),
  [`client/certs/${file}`]: pem('root-ca.pem'),
  ...tomcatServer('server-chain.p12'),
});
/** A Java client whose image (FROM `from`, then `lines`) imports the server chain's root into /etc/ssl/certs/java/cacerts. */
const importingIntoSystemStore = (from: string, ...lines: string[]) => ({
  ...javaClient({}),
  'client/Dockerfile': [
    `FROM ${from}`,
    ...lines,
    'COPY certs/root-ca.pem /tmp/',
    'RUN keytool -importcert -noprompt -keystore /etc/ssl/certs/java/cacerts -storepass changeit -alias corp -file /tmp/root-ca.pem',
    'ENTRYPOINT ["java", "-jar", "/app.jar"]',
    '',
  ].join('\n'),
  'client/certs/root-ca.pem': pem('root-ca.pem'),
  ...tomcatServer('server-chain.p12'),
});
/** A Java client whose image installs a distribution JDK (`install`), copies `file` into `anchors` and runs `refresh`. */
const packagedJdk = (from: string, install: string, file: string, anchors: string, refresh: string) => ({
  ...javaClient({}),
  'client/Dockerfile': [
    `FROM ${from}`,
    `RUN ${install}`,
    `COPY certs/${file} ${anchors}`,
    `RUN ${refresh}`,
    'ENTRYPOINT ["java", "-jar", "/app.jar"]',
    '',
  ].join('\n'),
  [`client/certs/${file}`]: pem('root-ca.pem'),
  ...tomcatServer('server-chain.p12'),
});
const APT_JDK = 'apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless';
/** The client trusts its JDK's cacerts, which the tree does not hold. */
/** An nginx and an httpd proxy verifying api.example.internal:8443 (an nginx server of the tree), with these CA lines. */
const proxiesVerifying = (nginxCa: string, httpdCa: string) => ({
  'gw/nginx.conf': `events {}\nhttp {\n  server {\n    listen 80;\n    location / {\n      proxy_pass https://api.example.internal:8443;\n      proxy_ssl_verify on;\n${nginxCa}    }\n  }\n}\n`,
  'gw/Dockerfile': 'FROM nginx:1.25\n',
  'web/conf/httpd.conf': `ServerRoot "/etc/httpd"\nListen 80\n<VirtualHost *:80>\n  SSLProxyEngine on\n  SSLProxyVerify require\n${httpdCa}  ProxyPass / https://api.example.internal:8443/\n</VirtualHost>\n`,
  'api/nginx.conf':
    'http {\n  server {\n    listen 8443 ssl;\n    server_name api.example.internal;\n    ssl_certificate api.crt;\n    ssl_certificate_key api.key;\n  }\n}\n',
  'api/api.crt': leaf('api.example.internal').pem,
});

/**
 * HAProxy serving api.example.internal:8443 to the Java client (which presents client-chain.p12 and trusts the fixture
 * root), asking for its client certificate (bind line 6), and verifying backend.example.internal:8443 (an nginx server
 * of the tree) on its server line 9; `bindCa` and `serverCa` end those lines.
 */
const haproxyVerifying = (bindCa: string, serverCa: string) => ({
  ...javaClient({ trustStore: 'trust-root.jks', keyStore: 'client-chain.p12' }),
  'api/haproxy.cfg': [
    'global',
    '  log stdout format raw local0',
    'defaults',
    '  mode http',
    'frontend api',
    `  bind api.example.internal:8443 ssl crt /usr/local/etc/haproxy/api.pem verify required${bindCa}`,
    '  default_backend app',
    'backend app',
    `  server app1 backend.example.internal:8443 ssl verify required${serverCa}`,
    '',
  ].join('\n'),
  'api/api.pem': pem('server-fullchain.pem'),
  'backend/nginx.conf':
    'http {\n  server {\n    listen 8443 ssl;\n    server_name backend.example.internal;\n    ssl_certificate backend.crt;\n    ssl_certificate_key backend.key;\n  }\n}\n',
  'backend/backend.crt': leaf('backend.example.internal').pem,
});

const CACERTS_UNKNOWN = [
  {
    messageId: 'serverUnknown',
    file: 'client/application.yml',
    line: 1,
    severity: 'info' as const,
    messageIncludes: ["it trusts its JDK's cacerts, which the tree does not hold"],
  },
];
const SCRIPT_DIR = 'DIR="$( cd "$( dirname "${BASH_SOURCE[0]}" )" &> /dev/null && pwd )"\n';

ruleTester(rule, {
  valid: [
    {
      // StrangeGodfather/studyproject's plugin-cfg.xml:27 (an https transport with a stashfile and no keyring), here with
      // its server in the tree: was-plugin/https-transport-without-keyring says it once, as a warning.
      name: 'a WebSphere plug-in transport with no keyring: the unknown trust has that cause, said by the keyring rule',
      files: pluginToHttpd(
        '<Property Name="stashfile" Value="/opt/IBM/WebSphere/Plugins/config/webserver1/plugin-key.sth"/>',
      ),
    },
    {
      // An nginx proxy_ssl_verify on / httpd SSLProxyVerify require with no CA file: nginx does not start and httpd fails
      // every proxied request, errors of their own rules; this info said 'unknown: no trust store configured' beside them.
      name: 'an nginx or httpd proxy verifying with no CA file: the product rules say it fails',
      files: proxiesVerifying('', ''),
    },
    {
      // HAProxy 2.6.12 `haproxy -c`: a server line that verifies and a bind with verify required, neither with ca-file,
      // are fatal ("verify is enabled by default but no CA file specified", "verify is enabled but no CA file specified
      // for bind"): haproxy/verify-without-ca-file's errors. 'Unknown: no trust store configured' was said beside both.
      name: 'an HAProxy server line and bind that verify with no ca-file: HAProxy does not start, its rule says so',
      files: haproxyVerifying('', ''),
    },
    {
      name: 'the trust store is in the tree',
      files: { ...javaClient({ trustStore: 'trust-root.jks' }), ...tomcatServer('server-chain.p12') },
    },
    {
      name: 'the trust store is in the tree and does not trust the server: decided (an error elsewhere)',
      files: { ...javaClient({ trustStore: 'trust-other.p12' }), ...tomcatServer('server-chain.p12') },
    },
    {
      // JDK 17 keytool -importcert -cacerts: the root is a trustedCertEntry of the image's cacerts.
      name: "the client's image imports the server chain's root into its JDK's cacerts: trusted",
      files: {
        ...javaClient({}),
        'client/Dockerfile': importing('root-ca.pem'),
        'client/certs/root-ca.pem': pem('root-ca.pem'),
        ...tomcatServer('server-chain.p12'),
      },
    },
    {
      // Debian's openjdk-17-jre-headless: lib/security/cacerts -> /etc/ssl/certs/java/cacerts (measured, Debian 12).
      name: 'a Debian-packaged JDK: keytool imports the root into /etc/ssl/certs/java/cacerts, its cacerts: trusted',
      files: importingIntoSystemStore(
        'debian:bookworm-slim',
        'RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless',
      ),
    },
    {
      // Debian 12 here: openjdk-17-jre-headless's cacerts is /etc/ssl/certs/java/cacerts, and ca-certificates-java's
      // update-ca-certificates hook added a test CA to it (keytool -list -cacerts listed it).
      name: 'a Debian-packaged JDK: the root put in /usr/local/share/ca-certificates and update-ca-certificates run: trusted',
      files: packagedJdk(
        'ubuntu:22.04',
        APT_JDK,
        'root-ca.crt',
        '/usr/local/share/ca-certificates/',
        'update-ca-certificates',
      ),
    },
    {
      // Red Hat's java-17-openjdk links lib/security/cacerts to /etc/pki/java/cacerts, update-ca-trust's output.
      name: 'a Red Hat-packaged JDK: the root put in the ca-trust anchors and update-ca-trust run: trusted',
      files: packagedJdk(
        'registry.access.redhat.com/ubi9/ubi-minimal',
        'microdnf install -y java-17-openjdk-headless',
        'root-ca.pem',
        '/etc/pki/ca-trust/source/anchors/',
        'update-ca-trust',
      ),
    },
    {
      // alpinelinux/aports: openjdk17-jre-headless's cacerts links to /etc/ssl/certs/java/cacerts, which java-cacerts'
      // update-ca-certificates hook extracts from the bundle holding /usr/local/share/ca-certificates/*.
      name: 'an Alpine-packaged JDK: the root put in /usr/local/share/ca-certificates and update-ca-certificates run: trusted',
      files: packagedJdk(
        'alpine:3.19',
        'apk add --no-cache openjdk17-jre-headless',
        'root-ca.crt',
        '/usr/local/share/ca-certificates/',
        'update-ca-certificates',
      ),
    },
    {
      // docker-library/openjdk: an update-ca-certificates hook rewrites the JDK's cacerts from the system store.
      name: "an openjdk image adds the server chain's root to the system CA store its JDK's cacerts follows: trusted",
      files: systemStore('openjdk:17-jdk-slim', 'root-ca.crt', 'ENTRYPOINT ["java", "-jar", "/app.jar"]'),
    },
    {
      // adoptium/containers entrypoint.sh: with USE_SYSTEM_CA_CERTS it imports the system store at each start.
      name: 'an eclipse-temurin image that opts in with USE_SYSTEM_CA_CERTS and keeps its entrypoint: trusted',
      files: systemStore(
        'eclipse-temurin:17-jre',
        'root-ca.crt',
        'ENV USE_SYSTEM_CA_CERTS=1',
        'CMD ["java", "-jar", "/app.jar"]',
      ),
    },
    {
      // JDK 17.0.15 here: a JKS cacerts holding the fixture root, a JSSE client to the fixture server connects.
      name: "the client's image copies a JKS store holding the server chain's root over its JDK's cacerts: trusted",
      files: replacingCacerts('eclipse-temurin:17.0.9_9-jre', '$JAVA_HOME/lib/security/cacerts', 'trust-root.jks'),
    },
    {
      // Debian 12 here: openjdk-17-jre-headless's lib/security/cacerts links to /etc/ssl/certs/java/cacerts.
      name: 'a Debian-packaged JDK: a store holding the root copied onto /etc/ssl/certs/java/cacerts: trusted',
      files: replacingDebianStore('trust-root.jks', [APT_JDK_17]),
    },
    {
      // Debian 12 here: the JDK's first install kept the copied store's own entries and added the system CAs.
      name: 'a Debian-packaged JDK installed after the store holding the root is copied there: still trusted',
      files: replacingDebianStore('trust-root.jks', [], APT_JDK_17),
    },
    {
      // JDK 17.0.15 here: with -Djavax.net.ssl.trustStorePassword the JDK opens a PKCS#12 cacerts' certificates.
      name: 'a password-protected PKCS#12 copied over cacerts, and the JVM options give the trust store password',
      files: {
        ...replacingCacerts(
          'eclipse-temurin:17.0.9_9-jre',
          '$JAVA_HOME/lib/security/cacerts',
          'trust-root-and-partner.p12',
        ),
        'client/jvm.options': '-Djavax.net.ssl.trustStorePassword=changeit\n',
      },
    },
    {
      // JDK 17.0.15 here: "Unexpected error: java.security.InvalidAlgorithmParameterException: the trustAnchors
      // parameter must be non-empty" — the JDK opens cacerts without a password and reads no encrypted certificate.
      // java/cacerts-unreadable's error says so: no info beside it (one verdict per fact).
      name: 'a password-protected PKCS#12 copied over cacerts, no password anywhere: the error elsewhere says it',
      files: replacingCacerts(
        'eclipse-temurin:17.0.9_9-jre',
        '$JAVA_HOME/lib/security/cacerts',
        'trust-root-and-partner.p12',
      ),
    },
  ],
  invalid: [
    {
      // A CA file the tree does not settle: the product rules say nothing, the trust stays unknown and is said.
      name: 'an nginx or httpd proxy whose CA file is a placeholder: unknown, said here',
      files: proxiesVerifying(
        '      proxy_ssl_trusted_certificate ${CA_FILE};\n',
        '  SSLProxyCACertificateFile ${CA_FILE}\n',
      ),
      errors: [
        { messageId: 'serverUnknown', file: 'gw/nginx.conf', line: 6, severity: 'info' },
        { messageId: 'serverUnknown', file: 'web/conf/httpd.conf', line: 7, severity: 'info' },
      ],
    },
    {
      // A ca-file HAProxy takes from the environment: haproxy/verify-without-ca-file says nothing, the trust is unknown.
      name: 'an HAProxy server line and bind whose ca-file is an environment variable: unknown, said here',
      files: haproxyVerifying(' ca-file "${CLIENT_CA}"', ' ca-file "${BACKEND_CA}"'),
      errors: [
        { messageId: 'serverUnknown', file: 'api/haproxy.cfg', line: 9, severity: 'info' },
        { messageId: 'clientUnknown', file: 'client/jvm.options', line: 3, severity: 'info' },
      ],
    },
    {
      name: 'a WebSphere plug-in transport whose keyring is outside the tree: unknown, said here',
      files: pluginToHttpd(keyring()),
      errors: [{ messageId: 'serverUnknown', file: PLUGIN_CFG, line: 6, messageIncludes: ['plugin-key.kdb'] }],
    },
    {
      // maxlambrecht/spiffe-nginx-tomcat@73c50e5 front-end/nginx/nginx-frontend.conf: SPIFFE's nginx fork presents the
      // SVID the Workload API gives it at run time (spiffe/spiffe-nginx@560633d ngx_http_proxy_set_ssl). Said as what
      // it is; was "…'s key store the X.509-SVID of the SPIFFE Workload API (proxy_ssl_spiffe on) is not in the tree".
      name: 'an nginx proxy with proxy_ssl_spiffe on against a server that requires a client certificate: unknown, said as fetched',
      files: {
        ...nginxGateway(['ssl_spiffe_sock /tmp/agent.sock;', 'proxy_ssl_verify on;', 'proxy_ssl_spiffe on;']),
        ...tomcatServer('server-chain.p12', { mode: 'required', trustStore: 'trust-root.jks' }),
      },
      errors: [
        {
          messageId: 'clientUnknown',
          file: 'gw/nginx.conf',
          line: 7,
          severity: 'info',
          messageIncludes: [
            "'s key store is the X.509-SVID of the SPIFFE Workload API (proxy_ssl_spiffe on), fetched when it runs: not a file of the tree",
          ],
        },
        {
          messageId: 'serverUnknown',
          file: 'gw/nginx.conf',
          line: 7,
          severity: 'info',
          messageIncludes: [
            "'s trust store is the trust bundle of the SPIFFE Workload API (proxy_ssl_spiffe on), fetched when it runs: not a file of the tree",
          ],
        },
      ],
    },
    {
      // JDK 17.0.15 here: with the password given at run time (the Compose variable) the JDK reads the store; without,
      // "the trustAnchors parameter must be non-empty". Unknown, and said why (java/cacerts-unreadable stays silent).
      name: 'a password-protected PKCS#12 copied over cacerts, JAVA_TOOL_OPTIONS from the environment: unknown',
      files: {
        ...replacingCacerts(
          'eclipse-temurin:17.0.9_9-jre',
          '$JAVA_HOME/lib/security/cacerts',
          'trust-root-and-partner.p12',
        ),
        'compose.yaml':
          'services:\n  client:\n    build: ./client\n    environment:\n      JAVA_TOOL_OPTIONS: ${CLIENT_JAVA_OPTS}\n',
      },
      errors: [
        {
          messageId: 'serverUnknown',
          file: 'compose.yaml',
          line: 5,
          severity: 'info',
          messageIncludes: ['JAVA_TOOL_OPTIONS'],
        },
      ],
    },
    {
      // A later keytool run with -J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE may rewrite the store unencrypted:
      // java/cacerts-unreadable stays silent, and the info says what the JDK reads without the password.
      name: 'a password-protected PKCS#12 copied over cacerts, then a keytool run that may rewrite it: unknown',
      files: replacingCacerts(
        'eclipse-temurin:17.0.9_9-jre',
        '$JAVA_HOME/lib/security/cacerts',
        'trust-root-and-partner.p12',
        'RUN keytool -J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE -importcert -noprompt -cacerts -storepass changeit -file /tmp/ca.pem',
      ),
      errors: [
        {
          messageId: 'serverUnknown',
          file: 'client/Dockerfile',
          line: 2,
          severity: 'info',
          messageIncludes: ['the trustAnchors parameter must be non-empty', 'certs/cacerts, a PKCS#12 store'],
        },
      ],
    },
    {
      // adoptium/containers 21/jre/ubuntu/noble/Dockerfile: the JDK is Adoptium's archive under /opt/java/openjdk with
      // its own cacerts; /etc/ssl/certs/java/cacerts (Debian's ca-certificates-java store) is read by no JDK there.
      name: 'an eclipse-temurin image imports the root into /etc/ssl/certs/java/cacerts: a store its JDK never reads',
      files: importingIntoSystemStore('eclipse-temurin:21-jre'),
      errors: CACERTS_UNKNOWN,
    },
    {
      // ca-certificates 20230311+deb12u1 here: update-ca-certificates leaves a .pem of /usr/local/share/ca-certificates out.
      name: 'a Debian-packaged JDK: a .pem in /usr/local/share/ca-certificates is not taken',
      files: packagedJdk(
        'ubuntu:22.04',
        APT_JDK,
        'root-ca.pem',
        '/usr/local/share/ca-certificates/',
        'update-ca-certificates',
      ),
      errors: CACERTS_UNKNOWN,
    },
    {
      name: 'an eclipse-temurin image without USE_SYSTEM_CA_CERTS: its JDK keeps its own cacerts',
      files: systemStore('eclipse-temurin:17-jre', 'root-ca.crt', 'CMD ["java", "-jar", "/app.jar"]'),
      errors: CACERTS_UNKNOWN,
    },
    {
      name: 'an eclipse-temurin image with USE_SYSTEM_CA_CERTS and an ENTRYPOINT of its own: the import never runs',
      files: systemStore(
        'eclipse-temurin:17-jre',
        'root-ca.crt',
        'ENV USE_SYSTEM_CA_CERTS=1',
        'ENTRYPOINT ["java", "-jar", "/app.jar"]',
      ),
      errors: CACERTS_UNKNOWN,
    },
    {
      // ca-certificates 20230311+deb12u1: update-ca-certificates leaves a .pem of /usr/local/share/ca-certificates out.
      name: 'an openjdk image puts a .pem in /usr/local/share/ca-certificates: update-ca-certificates does not take it',
      files: systemStore('openjdk:17-jdk-slim', 'root-ca.pem', 'ENTRYPOINT ["java", "-jar", "/app.jar"]'),
      errors: CACERTS_UNKNOWN,
    },
    {
      name: "the client's image imports another CA into its JDK's cacerts: the rest of cacerts decides",
      files: {
        ...javaClient({}),
        'client/Dockerfile': importing('partner-ca.pem'),
        'client/certs/partner-ca.pem': pem('partner-ca.pem'),
        ...tomcatServer('server-chain.p12'),
      },
      errors: [
        {
          messageId: 'serverUnknown',
          file: 'client/Dockerfile',
          line: 3,
          severity: 'info',
          messageIncludes: ['the certificates its image adds to them (partner-ca.pem) do not issue this chain'],
        },
      ],
    },
    {
      name: "the client's image imports a certificate the tree does not hold: cacerts unknown",
      files: {
        ...javaClient({}),
        'client/Dockerfile': importing('corp-root.pem'),
        ...tomcatServer('server-chain.p12'),
      },
      errors: [
        {
          messageId: 'serverUnknown',
          file: 'client/application.yml',
          line: 1,
          severity: 'info',
          messageIncludes: ["it trusts its JDK's cacerts, which the tree does not hold"],
        },
      ],
    },
    {
      name: 'MQSSLKEYR names a key repository outside the tree (mq-helm samples/AzureAKS/test/getMessage.sh)',
      files: mqClient(`#!/bin/bash\n${SCRIPT_DIR}export MQSSLKEYR="\${DIR}/../keys/application"\n`),
      errors: [
        {
          messageId: 'clientUnknown',
          file: 'app/run.sh',
          line: 3,
          severity: 'info',
          messageIncludes: ['key repository ${DIR}/../keys/application.kdb (MQSSLKEYR) is not in the tree'],
        },
      ],
    },
    {
      name: 'MQSSLKEYR names a CMS key database in the tree: named, and why it cannot be read',
      files: mqClient(`#!/bin/bash\n${SCRIPT_DIR}export MQSSLKEYR="\${DIR}/../keys/application"\n`, {
        'keys/application.kdb': 'not a readable store',
      }),
      errors: [
        {
          messageId: 'clientUnknown',
          file: 'app/run.sh',
          line: 3,
          severity: 'info',
          messageIncludes: ['(MQSSLKEYR) is an IBM CMS key database (.kdb) of a layout lint-deploy does not read'],
        },
      ],
    },
    {
      name: 'MQSSLKEYR built from a variable the script does not set: named, its file unknown',
      files: mqClient('export MQSSLKEYR=$KEYDIR/application\n', { 'keys/application.kdb': 'not a readable store' }),
      errors: [
        {
          messageId: 'clientUnknown',
          file: 'app/run.sh',
          line: 1,
          severity: 'info',
          messageIncludes: ['$KEYDIR/application.kdb (MQSSLKEYR) is not in the tree'],
        },
      ],
    },
    {
      // dominikcebula/java-spring-boot-ibm-mq@853d2a6f (MIT): the IBM MQ starter's SSL bundle names its stores by
      // ${KEYSTORE_PATH}/${TRUSTSTORE_PATH}, which Compose sets where the app runs. Named as written, not "names none".
      name: "the IBM MQ starter's SSL bundle names its key store by a placeholder the tree does not resolve: said so",
      files: {
        'mq/QM1/QM1.mqsc': svrconn('APP.SVRCONN', "SSLCIPH(ANY_TLS12_OR_HIGHER) MCAUSER('app')"),
        'app/src/main/resources/application.yaml': [
          'ibm:',
          '  mq:',
          '    queueManager: QM1',
          '    channel: APP.SVRCONN',
          '    connName: mq(1414)',
          '    ssl-cipher-spec: TLS_AES_256_GCM_SHA384',
          '    ssl-bundle: mq',
          'spring:',
          '  ssl:',
          '    bundle:',
          '      jks:',
          '        mq:',
          '          keystore:',
          '            location: ${KEYSTORE_PATH}',
          '            password: ${KEYSTORE_PASSWORD}',
          '          truststore:',
          '            location: ${TRUSTSTORE_PATH}',
          '            password: ${TRUSTSTORE_PASSWORD}',
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'clientUnknown',
          file: 'app/src/main/resources/application.yaml',
          line: 14,
          severity: 'info',
          messageIncludes: [
            'key store ${KEYSTORE_PATH} (spring.ssl.bundle.jks.mq.keystore.location) is a placeholder the tree does not resolve',
          ],
        },
      ],
    },
    {
      name: 'no MQSSLKEYR and no mqclient.ini: the tree names none',
      files: mqClient(),
      errors: [
        {
          messageId: 'clientUnknown',
          file: 'app/ccdt.json',
          line: 4,
          severity: 'info',
          messageIncludes: ['the tree names none'],
        },
      ],
    },
    {
      // ibm-messaging/mq-helm@d218ef6 (Apache-2.0) samples/AWSEKS: the MQSC sits in a ConfigMap the chart's
      // queueManager.mqscConfigMaps applies and the queue manager's trust is the chart's pki.trust Secret (app.crt), which
      // IBM MQ's container adds to the key repository it builds. "has no trust store configured" was said of it.
      name: "a queue manager that sets no SSLKEYR: its default key repository or the container's trust directory, not 'none'",
      files: {
        'deploy/mtlsqm.yaml_template': [
          'kind: ConfigMap',
          'apiVersion: v1',
          'metadata:',
          '  name: helmsecure',
          'data:',
          '  mq.mqsc: |-',
          "    DEFINE CHANNEL(MTLSQMCHL) CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCAUTH(REQUIRED) SSLCIPH('ANY_TLS12_OR_HIGHER')",
          '',
        ].join('\n'),
        'deploy/secureapp_nativeha.yaml': [
          'queueManager:',
          '  mqscConfigMaps:',
          '    - name: helmsecure',
          '      items:',
          '        - mq.mqsc',
          'pki:',
          '  trust:',
          '    - name: default',
          '      secret:',
          '        secretName: helmsecure',
          '        items:',
          '          - app.crt',
          '',
        ].join('\n'),
        'deploy/install.sh':
          '#!/bin/bash\nhelm install secureapphelm ../../../charts/ibm-mq -f secureapp_nativeha.yaml\n',
        'test/ccdt.json': ccdt('MTLSQMCHL', 'secureapphelm', {
          cipherSpecification: 'ANY_TLS12_OR_HIGHER',
          certificateLabel: 'aceclient',
        }),
        'test/sendMessage.sh': `#!/bin/bash\n${SCRIPT_DIR}export MQSSLKEYR="\${DIR}/../createcerts/application"\n`,
        'createcerts/application.kdb': cmsKeyDatabase([
          { label: 'aceclient', kind: 'personal', certificate: pemDer(leaf('application1').pem) },
        ]),
      },
      errors: [
        {
          messageId: 'clientUnknown',
          file: 'test/sendMessage.sh',
          line: 3,
          severity: 'info',
          messageIncludes: [
            "SVRCONN channel MTLSQMCHL's queue manager sets no SSLKEYR, so it trusts what its default key repository (/var/mqm/qmgrs/<queue manager>/ssl/key.kdb) holds, or in IBM MQ's container image the certificates mounted in /etc/mqm/pki/trust (a Helm chart's pki.trust, a QueueManager's spec.pki.trust), which the tree does not settle",
          ],
          messageExcludes: ['has no trust store configured'],
        },
      ],
    },
    {
      name: "no trust store: the JDK's cacerts, and the server's root is a private CA",
      files: { ...javaClient({}), ...tomcatServer('server-chain.p12'), 'ca/root-ca.pem': pem('root-ca.pem') },
      errors: [
        {
          messageId: 'serverUnknown',
          file: 'client/application.yml',
          line: 1,
          severity: 'info',
          messageIncludes: ['cacerts', 'Fixture Root CA is a private CA'],
        },
      ],
    },
    {
      name: 'the trust store named is not in the tree',
      files: {
        ...javaClient({}),
        'client/jvm.options': '-Djavax.net.ssl.trustStore=/opt/shared/truststore.jks\n',
        ...tomcatServer('server-chain.p12'),
      },
      errors: [
        {
          messageId: 'serverUnknown',
          file: 'client/jvm.options',
          line: 1,
          severity: 'info',
          messageIncludes: ['/opt/shared/truststore.jks is not in the tree'],
        },
      ],
    },
    {
      name: 'the trust store is in the tree but its password is not in the configuration: unknown, never untrusted',
      files: { ...javaClient({ trustStore: 'trust-locked.p12' }), ...tomcatServer('server-chain.p12') },
      errors: [
        {
          messageId: 'serverUnknown',
          file: 'client/jvm.options',
          line: 1,
          severity: 'info',
          messageIncludes: ['could not be read'],
        },
      ],
    },
    {
      name: "Tomcat requires a client certificate; the client's key store is outside the tree",
      files: {
        ...javaClient({ trustStore: 'trust-root.jks' }),
        'client/jvm.options':
          '-Djavax.net.ssl.trustStore=/opt/client/security/trust-root.jks\n-Djavax.net.ssl.keyStore=/vault/orders.p12\n',
        ...tomcatServer('server-chain.p12', { mode: 'required', trustStore: 'trust-root.jks' }),
      },
      errors: [
        {
          messageId: 'clientUnknown',
          file: 'client/jvm.options',
          line: 2,
          severity: 'info',
          messageIncludes: ['/vault/orders.p12'],
        },
      ],
    },
  ],
});
