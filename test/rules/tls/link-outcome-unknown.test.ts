import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/tls/link-outcome-unknown';
import { ruleTester } from '../../helpers/rule-tester';
import {
  jlinkClient,
  CLIENT_YML,
  NGINX_TLS13_BESIDE_CERTBOT,
  OPENJDK8_191,
  TEMURIN17,
  javaClient,
  imageClient,
  nginx,
  tomcat,
  springServer,
  composedSpring,
  ORDERS_API,
} from './trees';
import { ccdt, svrconn } from '../mq/trees';

const JDK28 = 'JAVA_VERSION="28.0.1"\nIMPLEMENTOR="Eclipse Adoptium"\n';
const ECDSA_ONLY = [
  '-Djdk.tls.client.protocols=TLSv1.2',
  '-Djdk.tls.client.cipherSuites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
];
const CLEARTRUST_AUTH = {
  'authz/aserver.conf': 'cleartrust.net.ssl.use=auth\n',
  'es/eserver.conf': 'cleartrust.net.ssl.use=auth\n',
};

/** An HAProxy server line verifying a Spring Boot backend whose JDK the tree does not name, `ca` ending the line. */
const haproxyToSpring = (ca: string) => ({
  'gw/haproxy.cfg': `global\n  log stdout format raw local0\ndefaults\n  mode http\nfrontend api\n  bind :8080\n  default_backend app\nbackend app\n  server app1 backend.example.internal:8443 ssl verify required${ca}\n`,
  'backend/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:k.p12\n',
});

/** QM1's MQSC and a CCDT of QM1 both naming DEV.APP.SVRCONN, beside `rival`: a container of the developer image. */
const qm1WithImageRival = (rival: Record<string, string>) => ({
  'qm/QM1/QM1.mqsc': svrconn('DEV.APP.SVRCONN', 'SSLCIPH(ANY_TLS12)'),
  'client/ccdt.json': ccdt('DEV.APP.SVRCONN', 'QM1', {}),
  ...rival,
});
const unconfirmedAtCcdt = (messageIncludes: string[]) => [
  { messageId: 'unconfirmed', file: 'client/ccdt.json', line: 4, severity: 'info' as const, messageIncludes },
];

ruleTester(rule, {
  valid: [
    {
      // HAProxy 2.6.12 `haproxy -c` (fix47): verify required with no ca-file is fatal; haproxy/verify-without-ca-file
      // says so, and 'handshake outcome unknown: the tree does not say the JDK' was said beside it.
      name: 'an HAProxy server line that verifies with no ca-file: HAProxy does not start, no outcome is unknown',
      files: haproxyToSpring(''),
    },
    {
      name: 'FROM eclipse-temurin:17 (no update named) against Tomcat TLSv1.2+TLSv1.3: negotiates on every 17 update',
      files: {
        ...imageClient('eclipse-temurin:17'),
        'api/jdk/release': TEMURIN17,
        'api/conf/server.xml': tomcat('protocols="TLSv1.2,TLSv1.3"'),
      },
    },
    {
      // Every combination of the two ends' 11 updates (from 11.0.12, the name's first) negotiates TLSv1.3; the suite
      // is TLS_AES_128_GCM_SHA256 for a 11.0.12 client and a server before 11.0.21 (which picks by its own order,
      // JDK-8168261), else TLS_AES_256_GCM_SHA384: success is certain, only the suite depends on the updates.
      name: 'FROM eclipse-temurin:11 client and Spring server (no update named): negotiates on every update, the suite varies',
      files: {
        ...imageClient('eclipse-temurin:11'),
        'api/Dockerfile': 'FROM eclipse-temurin:11\nCOPY app.jar /app.jar\n',
        'api/application.yml': springServer(),
      },
    },
    {
      name: 'FROM eclipse-temurin:17-jre (no update named) against a TLSv1-only nginx: fails on every 17 update, not unknown',
      files: { ...imageClient('eclipse-temurin:17-jre'), 'api/nginx.conf': nginx('ssl_protocols TLSv1;') },
    },
    {
      // ibm-messaging/mq-uniform-clusters@6dbe162 (Apache-2.0): CCDTs naming QMGR1..QMGR3 and the group ANY_QM, one
      // UniCluster.mqsc, no TLS anywhere: 37 infos that no pairing could turn into a TLS verdict.
      name: 'an MQ client paired by the channel name only, no TLS at either end: nothing to say',
      files: {
        'qm/UniCluster.mqsc': svrconn('SVRCONN.CHANNEL', "DESCR('plain')"),
        'client/ccdt.json': ccdt('SVRCONN.CHANNEL', 'ANY_QM', {}),
      },
    },
    {
      name: 'a profiled JDK against nginx defaults',
      files: { ...javaClient(['-Xmx1g']), 'api/nginx.conf': nginx('ssl_protocols TLSv1.2 TLSv1.3;') },
    },
    { name: 'ClearTrust auth on a known JDK', files: { 'jdk/release': TEMURIN17, ...CLEARTRUST_AUTH } },
    {
      name: 'nginx includes files the tree does not hold: MIME types (no TLS setting), and a snippet after setting them all',
      files: {
        ...javaClient(['-Xmx1g']),
        'api/nginx.conf': nginx(
          'include /etc/nginx/mime.types;',
          'ssl_protocols TLSv1.2 TLSv1.3;',
          'ssl_ciphers HIGH:!aNULL;',
          'ssl_prefer_server_ciphers on;',
          'ssl_dhparam /etc/nginx/dhparam.pem;',
          'include /etc/nginx/snippets/headers.conf;',
        ),
      },
    },
    {
      name: 'certificate outside the tree, but RSA or ECDSA gives the same verdict (both ECDSA and RSA suites offered)',
      files: {
        ...javaClient([
          '-Djdk.tls.client.protocols=TLSv1.2',
          '-Djdk.tls.client.cipherSuites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
        ]),
        'api/nginx.conf': nginx('ssl_protocols TLSv1.2;', 'ssl_certificate /etc/nginx/ssl/api.crt;'),
      },
    },
    {
      name: 'MQ channels need no JDK',
      files: {
        'qm/QM1.mqsc':
          "DEFINE CHANNEL('APP.SVRCONN') CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12)\nDEFINE CHANNEL('APP.SVRCONN') CHLTYPE(CLNTCONN) CONNAME('qm1(1414)') QMNAME(QM1) SSLCIPH(ANY_TLS12)\n",
      },
    },
  ],
  invalid: [
    {
      name: "the same server line with a ca-file: HAProxy starts, the backend's JDK is unknown",
      files: haproxyToSpring(' ca-file /etc/ssl/ca.pem'),
      errors: [{ messageId: 'unknown', file: 'gw/haproxy.cfg', line: 9, messageIncludes: ['the JDK that runs'] }],
    },
    {
      name: 'nginx proxy to a Spring Boot Compose service of an image whose JDK is unknown: the JDK decides, named',
      files: composedSpring(
        'registry.example.com/orders-api:1.4',
        [...ORDERS_API, 'SERVER_SSL_ENABLED_PROTOCOLS: TLSv1.2,TLSv1.3'],
        'TLSv1.2',
      ),
      errors: [
        {
          messageId: 'unknown',
          file: 'nginx.conf',
          line: 6,
          messageIncludes: [
            'Spring Boot HTTPS server (Compose service api, port 8443)',
            'its image registry.example.com/orders-api:1.4 names none lint-deploy knows: declare it with --java-version',
          ],
          messageExcludes: ['a JDK release file in the tree'],
        },
      ],
    },
    {
      // A runtime jlink builds without jdk.crypto.ec offers ffdhe groups only in TLS 1.3: OpenSSL 3 takes them by
      // default, 1.1.1 does not (knowledge tls13FiniteFieldGroups); the tree names no nginx image.
      name: 'jlink runtime without jdk.crypto.ec against TLS 1.3 nginx of no named OpenSSL: the release decides, named',
      files: {
        ...jlinkClient('java.base'),
        'api/nginx.conf': nginx('ssl_protocols TLSv1.3;', 'ssl_certificate api.pem;'),
        'api/api.pem': fs.readFileSync(path.join(__dirname, '../../fixtures/certs/api-san.crt'), 'utf8'),
      },
      errors: [
        {
          messageId: 'unknown',
          file: 'client/application.yml',
          line: 3,
          messageIncludes: ['the OpenSSL release nginx runs', 'finite-field groups', 'before OpenSSL 3 have none'],
        },
      ],
    },
    {
      // TLS 1.3 is in the client's defaults from 8u352 on (JDK-8245263): the update the image pulls decides.
      name: 'FROM eclipse-temurin:8-jre (no update named) against a TLSv1.3-only nginx: the update decides, named',
      files: { ...imageClient('eclipse-temurin:8-jre'), 'api/nginx.conf': nginx('ssl_protocols TLSv1.3;') },
      errors: [
        {
          messageId: 'unknown',
          file: 'client/application.yml',
          line: 3,
          messageIncludes: [
            'the Eclipse Temurin 8 update that runs Java application (client)',
            // adoptium/containers@733485c4: eclipse-temurin:8 started at 8u302.
            'its images starting at 8u302',
            '8u302 to 8u351: fails: no common protocol',
            '8u352 and later (they offer TLSv1.3, TLSv1.2 by default',
            ': negotiates TLSv1.3',
            'declare the update',
          ],
          messageExcludes: ['the version of the JDK'],
          related: [
            { file: 'api/nginx.conf', line: 2 },
            { file: 'client/Dockerfile', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'FROM openjdk:17 (early-access builds possible under the name) against a TLSv1-only nginx: the version stays unknown',
      files: { ...imageClient('openjdk:17'), 'api/nginx.conf': nginx('ssl_protocols TLSv1;') },
      errors: [
        {
          messageId: 'unknown',
          file: 'client/application.yml',
          line: 3,
          messageIncludes: ['the version of the JDK that runs Java application (client)'],
          messageExcludes: ['update that runs'],
        },
      ],
    },
    {
      // Kubernetes fills $(TLS_PROTOCOLS) in from the container's environment at run time: never the JDK's default.
      name: 'a Java client whose Compose JAVA_TOOL_OPTIONS takes its protocols from the shell',
      files: {
        ...javaClient(['-Xmx1g']),
        'compose.yaml':
          'services:\n  client:\n    build: ./client\n    environment:\n      - JAVA_TOOL_OPTIONS=-Djdk.tls.client.protocols=${TLS_PROTOCOLS}\n',
        'api/nginx.conf': nginx('ssl_protocols TLSv1.2;'),
      },
      errors: [
        {
          messageId: 'unknown',
          file: 'client/application.yml',
          line: 3,
          severity: 'info',
          messageIncludes: ['-Djdk.tls.client.protocols (its value is given at run time)'],
        },
      ],
    },
    {
      // nginx hands ssl_conf_command to OpenSSL (SSL_CONF_cmd): Ciphersuites sets the TLS 1.3 suites, which lint-deploy
      // does not apply. Here the real handshake fails (no TLS 1.3 suite in common); it was predicted to succeed.
      name: "nginx with ssl_conf_command (Ciphersuites): the server's lists are unknown",
      files: {
        ...javaClient(['-Djdk.tls.client.cipherSuites=TLS_AES_128_GCM_SHA256']),
        'api/nginx.conf': nginx('ssl_protocols TLSv1.3;', 'ssl_conf_command Ciphersuites TLS_AES_256_GCM_SHA384;'),
      },
      errors: [
        {
          messageId: 'unknown',
          file: 'client/application.yml',
          line: 3,
          severity: 'info',
          messageIncludes: ['ssl_conf_command Ciphersuites TLS_AES_256_GCM_SHA384'],
        },
      ],
    },
    {
      // certbot's options-ssl-nginx.conf beside the server's own ssl_protocols: nginx adds both up.
      name: 'nginx ssl_protocols TLSv1.3 beside an include the tree does not hold, TLSv1.2 client: the include may add TLSv1.2',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1.2']),
        'api/nginx.conf': NGINX_TLS13_BESIDE_CERTBOT,
      },
      errors: [
        {
          messageId: 'unknown',
          file: 'client/application.yml',
          line: 3,
          severity: 'info',
          messageIncludes: ['include /etc/letsencrypt/options-ssl-nginx.conf may add to ssl_protocols'],
        },
      ],
    },
    {
      // linuxserver/docker-swag@bc02502 root/defaults/nginx/site-confs/default.conf.sample: the image's ssl.conf.
      name: "nginx leaves its TLS settings to an include the tree does not hold (the image's /config/nginx/ssl.conf)",
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1'], OPENJDK8_191),
        'api/nginx.conf': nginx('include /config/nginx/ssl.conf;'),
      },
      errors: [
        {
          messageId: 'unknown',
          file: 'client/application.yml',
          line: 3,
          severity: 'info',
          messageIncludes: ['ssl_protocols, ssl_ciphers', 'include /config/nginx/ssl.conf', 'the tree does not hold'],
        },
      ],
    },
    {
      name: 'an http-level include the tree does not hold may set what the server block leaves to http (certbot options)',
      files: {
        ...javaClient(['-Xmx1g']),
        'api/nginx.conf':
          'http {\n  include /etc/letsencrypt/options-ssl-nginx.conf;\n  ssl_protocols TLSv1.2;\n  server {\n    listen 8443 ssl;\n    server_name api.example.internal;\n  }\n}\n',
      },
      errors: [
        {
          messageId: 'unknown',
          file: 'client/application.yml',
          line: 3,
          messageIncludes: ['the value of ssl_ciphers, ssl_prefer_server_ciphers, ssl_dhparam, which'],
          related: [
            { file: 'api/nginx.conf', line: 4 },
            { file: 'client/jdk/release', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'no JDK in the tree: the Java client lists are unknown',
      files: { 'client/application.yml': CLIENT_YML, 'api/nginx.conf': nginx('ssl_protocols TLSv1.2;') },
      errors: [
        {
          messageId: 'unknown',
          file: 'client/application.yml',
          line: 3,
          severity: 'info',
          messageIncludes: ['the JDK that runs', '--java-version'],
          related: [{ file: 'api/nginx.conf', line: 2 }],
        },
      ],
    },
    {
      // Eureka's `defaultZone: https://user:password@host:port/eureka/` (Spring Cloud Netflix's basic-auth form): the
      // link is to host:port; the user-info is neither the host nor the port, and never repeated.
      name: 'a URL with user-info links to its host and port',
      files: {
        'client/application.yml':
          'eureka:\n  client:\n    serviceUrl:\n      defaultZone: https://eureka:20481@api.example.internal:8443/eureka/\n',
        'api/nginx.conf': nginx('ssl_protocols TLSv1.2;'),
      },
      errors: [
        {
          messageId: 'unknown',
          file: 'client/application.yml',
          line: 4,
          severity: 'info',
          messageIncludes: ['the JDK that runs'],
          messageExcludes: ['20481'],
          related: [{ file: 'api/nginx.conf', line: 2 }],
        },
      ],
    },
    {
      name: 'a JDK version without a profile (28)',
      files: { ...javaClient(['-Xmx1g'], JDK28), 'api/nginx.conf': nginx('ssl_protocols TLSv1.2;') },
      errors: [{ messageId: 'unknown', file: 'client/application.yml', line: 3, messageIncludes: ['no profile for'] }],
    },
    {
      name: 'ClearTrust auth with no JDK: one info per link, never an error',
      files: CLEARTRUST_AUTH,
      errors: [
        {
          messageId: 'unknown',
          file: 'authz/aserver.conf',
          line: 1,
          messageIncludes: [
            'Authorization Server (authz) → Entitlements Server (es)',
            'the JDK that runs Authorization Server (authz)',
            'nor the JDK that runs Entitlements Server (es)',
          ],
        },
      ],
    },
    {
      name: 'certificate outside the tree and the client offers only ECDSA suites: the key type decides',
      files: {
        ...javaClient(ECDSA_ONLY),
        'api/nginx.conf': nginx(
          'ssl_protocols TLSv1.2;',
          'ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256;',
          'ssl_certificate /etc/nginx/ssl/api.crt;',
        ),
      },
      errors: [
        {
          messageId: 'unknown',
          file: 'client/application.yml',
          line: 3,
          messageIncludes: ['key type of the certificate', '/etc/nginx/ssl/api.crt is not in the tree'],
        },
      ],
    },
    {
      name: 'a Spring Boot profile sets server.ssl.* and the tree does not say which profile is active',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1.2']),
        'api/jdk/release': TEMURIN17,
        'api/application.yml': springServer('enabled-protocols: TLSv1.2,TLSv1.3'),
        'api/application-prod.yml': 'server:\n  ssl:\n    enabled-protocols: TLSv1.3\n',
      },
      errors: [
        {
          messageId: 'unknown',
          file: 'client/application.yml',
          line: 3,
          messageIncludes: ['the active Spring profile: prod (application-prod.yml) sets server.ssl.*'],
        },
      ],
    },
    {
      name: 'server.ssl.bundle names a bundle the tree does not define: its options (protocols, suites) are unknown',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1.2']),
        'api/jdk/release': TEMURIN17,
        'api/application.yml': 'server:\n  port: 8443\n  ssl:\n    bundle: edge\n',
      },
      errors: [
        {
          messageId: 'unknown',
          file: 'client/application.yml',
          line: 3,
          messageIncludes: ["the SSL bundle 'edge' that server.ssl.bundle names: the tree does not define it"],
        },
      ],
    },
    {
      name: 'a -Dserver.ssl.enabled-protocols whose value the shell supplies at run time: the server’s protocols are unknown',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1.2']),
        'api/jdk/release': TEMURIN17,
        'api/application.yml': springServer('enabled-protocols: TLSv1.2'),
        'api/jvm.options': '-Dserver.ssl.enabled-protocols=${TLS_PROTOCOLS}\n',
      },
      errors: [
        {
          messageId: 'unknown',
          file: 'client/application.yml',
          line: 3,
          messageIncludes: ['-Dserver.ssl.enabled-protocols=${TLS_PROTOCOLS}, which is set at run time'],
        },
      ],
    },
    {
      name: 'a ClearTrust web agent in auth mode (native TLS library): one info for the agent, naming every server it calls',
      files: {
        'jdk/release': TEMURIN17,
        ...CLEARTRUST_AUTH,
        'dispatch/dispatcher.conf': 'cleartrust.net.ssl.use=auth\n',
        'agents/webagent.conf': '<Pool id=__default__>\ncleartrust.agent.ssl.use=Auth\n</Pool>\n',
      },
      errors: [
        {
          messageId: 'unknown',
          file: 'agents/webagent.conf',
          line: 1,
          messageIncludes: ['Web Agent (agents) → ', ' and ', 'native TLS library offers in auth mode'],
          related: [
            { file: 'dispatch/dispatcher.conf', line: 1 },
            { file: 'authz/aserver.conf', line: 1 },
            { file: 'jdk/release', line: 1 },
          ],
        },
      ],
    },
    {
      // The 640 environments of a generated fleet named as ONE deployment: each web agent reaches 640 dispatchers of the
      // same name, and each of its findings listed all of them (24,000 characters, 1,085 related places).
      name: 'a web agent calling thirteen servers: the message names ten and how many more, the related places those ten',
      files: {
        'jdk/release': TEMURIN17,
        ...CLEARTRUST_AUTH,
        ...Object.fromEntries(
          Array.from({ length: 12 }, (_, i) => [`dispatch${i + 10}/dispatcher.conf`, 'cleartrust.net.ssl.use=auth\n']),
        ),
        'agents/webagent.conf': '<Pool id=__default__>\ncleartrust.agent.ssl.use=Auth\n</Pool>\n',
      },
      errors: [
        {
          messageId: 'unknown',
          file: 'agents/webagent.conf',
          line: 1,
          messageIncludes: ['Web Agent (agents) → Dispatcher (dispatch10), ', ' and 3 more: handshake outcome unknown'],
          related: [
            ...Array.from({ length: 10 }, (_, i) => ({ file: `dispatch${i + 10}/dispatcher.conf`, line: 1 })),
            { file: 'jdk/release', line: 1 },
          ],
        },
      ],
    },
    {
      // Joshua-Beha/mq-dev-patterns@db4750c container/queuemanager/compose/docker-compose.yaml (Apache-2.0): the developer
      // image, no MQSC of the tree, beside a tree MQSC defining the same channel.
      name: "a channel the developer image of a Compose service without the tree's MQSC defines too: which queue manager is unknown",
      files: qm1WithImageRival({
        'compose/docker-compose.yaml':
          'services:\n  mq:\n    image: "icr.io/ibm-messaging/mq:latest"\n    environment:\n      - MQ_QMGR_NAME=QM1\n',
      }),
      errors: unconfirmedAtCcdt([
        'which queue manager QM1 is: qm/QM1/QM1.mqsc defines DEV.APP.SVRCONN',
        "the developer image's own /etc/mqm/10-dev.mqsc in Compose service mq (icr.io/ibm-messaging/mq:latest, compose/docker-compose.yaml:3), which runs no MQSC of the tree",
        'lint-deploy.config.json `links`',
      ]),
    },
    {
      name: "a GitLab pipeline's own service of the developer image, whose MQ_DEV may be set elsewhere: the message says so",
      files: qm1WithImageRival({
        '.gitlab-ci.yml':
          'services:\n  - name: icr.io/ibm-messaging/mq:9.4.0.0-r1\n    alias: mq\ntest:\n  script:\n    - mvn verify\n',
      }),
      errors: unconfirmedAtCcdt([
        'in the CI service services[0] at .gitlab-ci.yml:2 (icr.io/ibm-messaging/mq:9.4.0.0-r1)',
        'whether it does is known only when it starts (an environment the tree does not show may set its MQ_DEV)',
      ]).map((e) => ({
        ...e,
        related: [
          { file: 'qm/QM1/QM1.mqsc', line: 1 },
          { file: '.gitlab-ci.yml', line: 2 },
        ],
      })),
    },
    {
      name: 'an MQ client paired by the channel name only, with two candidate queue managers: one info for the client',
      files: {
        'a/dev-tls.mqsc': svrconn('APP.SVRCONN', 'SSLCIPH(ANY_TLS12)'),
        'b/dev-tls.mqsc': svrconn('APP.SVRCONN', "DESCR('plain')"),
        'client/ccdt.json': ccdt('APP.SVRCONN', 'QMGroupA', {}),
      },
      errors: [
        {
          messageId: 'unconfirmed',
          file: 'client/ccdt.json',
          line: 4,
          severity: 'info',
          messageIncludes: [
            '(2 definitions)',
            'which queue manager QMGroupA is',
            'a/dev-tls.mqsc, b/dev-tls.mqsc',
            'lint-deploy.config.json `links`',
          ],
          related: [
            { file: 'a/dev-tls.mqsc', line: 1 },
            { file: 'b/dev-tls.mqsc', line: 1 },
          ],
        },
      ],
    },
  ],
});
