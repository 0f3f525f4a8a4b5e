import rule from '../../../src/rules/mq/developer-image-channels';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * ibm-messaging/mq-container@def9638590f490fe2d814a947aac7d8fab776349 incubating/mqadvanced-server-dev/10-dev.mqsc.tpl:
 * the developer image's own channels, CHLAUTH back-stop and CONNAUTH, applied with the tree's /etc/mqm/*.mqsc.
 */
const compose = (image: string, environment: string[], volumes: string[]) =>
  `services:\n  qm:\n    image: ${image}\n` +
  (environment.length ? `    environment:\n${environment.map((e) => `      - ${e}\n`).join('')}` : '') +
  `    volumes:\n${volumes.map((v) => `      - ${v}\n`).join('')}`;
const QUEUE = "DEFINE QLOCAL('ORDERS') REPLACE\n";
const MOUNT = './mq-config.mqsc:/etc/mqm/20-config.mqsc';
const DEV_IMAGE = 'icr.io/ibm-messaging/mq:9.4.0.0-r1';
/** controllan/xk6-ibmmq@745914c mq-config.mqsc (MIT), mounted as /etc/mqm/20-dev.mqsc. */
const OPENED =
  "ALTER QMGR CHLAUTH(DISABLED)\nALTER AUTHINFO('DEV.AUTHINFO') AUTHTYPE(IDPWOS) CHCKCLNT(OPTIONAL) CHCKLOCL(OPTIONAL) ADOPTCTX(YES)\n";

ruleTester(rule, {
  valid: [
    {
      name: 'MQ_DEV=false: the image applies none of its developer configuration',
      files: { 'mq-config.mqsc': QUEUE, 'docker-compose.yml': compose(DEV_IMAGE, ['MQ_DEV=false'], [MOUNT]) },
    },
    {
      name: 'not the developer image',
      files: {
        'mq-config.mqsc': QUEUE,
        'docker-compose.yml': compose('cp.icr.io/cp/ibm-mqadvanced-server:9.4.0.0-r1', [], [MOUNT]),
      },
    },
    {
      name: 'MQ_DEV filled in from the shell: what the image applies is unknown',
      files: { 'mq-config.mqsc': QUEUE, 'docker-compose.yml': compose(DEV_IMAGE, ['MQ_DEV=${MQ_DEV}'], [MOUNT]) },
    },
    { name: 'an MQSC file no container runs', files: { 'mq-config.mqsc': QUEUE } },
  ],
  invalid: [
    {
      // mizziie/Money-Transfer-Service: the tree's file defines one queue.
      name: 'the image channels as the image writes them, no key mounted: no TLS, admin as mqm, the back-stop',
      files: { 'mq-config.mqsc': QUEUE, 'docker-compose.yml': compose(DEV_IMAGE, [], [MOUNT]) },
      errors: [
        {
          messageId: 'developerConfiguration',
          file: 'docker-compose.yml',
          line: 5,
          severity: 'info',
          messageIncludes: [
            "DEV.ADMIN.SVRCONN (no TLS; runs as mqm, administrator (mqm) possible (asserting the client user id 'admin')",
            'DEV.APP.SVRCONN (no TLS; runs as app, password checked)',
            "its back-stop SET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS) refuses every other channel",
            'set MQ_DEV=false',
          ],
          messageExcludes: ["The tree's MQSC changes"],
        },
      ],
    },
    {
      // fvelasar/RTVS-MQ: ENV MQSNOAUT=true on ibmcom/mq. The image's channels are described as the image configures
      // them (with the object authority manager), and MQSNOAUT said once beside them: it, not the image, lets clients
      // in without a password (mq/oam-disabled). Was: 'runs as app, password not checked', and DEV.ADMIN.SVRCONN
      // listed as changed by the tree (MQSNOAUT's place counted among what decides its access).
      name: 'MQSNOAUT: the image channels as the image configures them, MQSNOAUT named',
      files: { 'mq-config.mqsc': QUEUE, 'docker-compose.yml': compose(DEV_IMAGE, ['MQSNOAUT=yes'], [MOUNT]) },
      errors: [
        {
          messageId: 'developerConfiguration',
          file: 'docker-compose.yml',
          line: 7,
          messageIncludes: [
            'DEV.APP.SVRCONN (no TLS; runs as app, password checked)',
            'MQSNOAUT: created without the object authority manager, this queue manager checks no password and no authority',
          ],
          messageExcludes: ["The tree's MQSC changes"],
        },
      ],
    },
    {
      // alfredocoj/spring-boot-websphere-mqibm-docker@ed1046f: DockerfileMQ at the top of the checkout was named
      // "<checkout directory>/DockerfileMQ", a name that changes with where the tree is checked out.
      name: 'an image built from a Dockerfile at the top directory is named by its path from there',
      files: {
        'mq-config.mqsc': QUEUE,
        Dockerfile: `FROM ${DEV_IMAGE}\nCOPY mq-config.mqsc /etc/mqm/20-config.mqsc\n`,
      },
      errors: [
        {
          messageId: 'developerConfiguration',
          file: 'Dockerfile',
          line: 2,
          severity: 'info',
          messageIncludes: [
            'applied in the image Dockerfile builds, which copies this file to /etc/mqm/20-config.mqsc',
          ],
        },
      ],
    },
    {
      // alfredocoj/spring-boot-websphere-mqibm-docker@ed1046f: DockerfileMQ is read only because the Compose service
      // names it (build.dockerfile), so the note names that line too: without it the file is no Dockerfile.
      name: 'a Dockerfile only Compose names (DockerfileMQ): the note names the Compose line that builds from it',
      files: {
        'mq-config.mqsc': QUEUE,
        DockerfileMQ: `FROM ${DEV_IMAGE}\nCOPY mq-config.mqsc /etc/mqm/20-config.mqsc\n`,
        'docker-compose.yml': 'services:\n  mq:\n    build:\n      context: .\n      dockerfile: DockerfileMQ\n',
      },
      errors: [
        {
          messageId: 'developerConfiguration',
          file: 'DockerfileMQ',
          line: 2,
          related: [
            { file: 'mq-config.mqsc', line: 1 },
            { file: 'DockerfileMQ', line: 2 },
            { file: 'docker-compose.yml', line: 5 },
          ],
        },
      ],
    },
    {
      name: 'a key mounted in /etc/mqm/pki/keys: 20-dev-tls.mqsc gives both channels TLS',
      files: {
        'mq-config.mqsc': QUEUE,
        'docker-compose.yml': compose(DEV_IMAGE, [], [MOUNT, './keys:/etc/mqm/pki/keys']),
      },
      errors: [
        {
          messageId: 'developerConfiguration',
          file: 'docker-compose.yml',
          line: 5,
          messageIncludes: [
            'DEV.ADMIN.SVRCONN (TLS with SSLCIPH(ANY_TLS12_OR_HIGHER)',
            'DEV.APP.SVRCONN (TLS with SSLCIPH(ANY_TLS12_OR_HIGHER)',
          ],
        },
      ],
    },
    {
      // yashgt/dockerpoc: nothing in the tree runs the image, so whether a key is mounted is unknown.
      name: 'a Dockerfile FROM ibmcom/mq copies the file: the note sits at the COPY, TLS unknown',
      files: { 'mq/config.mqsc': QUEUE, 'mq/Dockerfile': 'FROM ibmcom/mq:9.3.0.0-r1\nCOPY config.mqsc /etc/mqm/\n' },
      errors: [
        {
          messageId: 'developerConfiguration',
          file: 'mq/Dockerfile',
          line: 2,
          messageIncludes: ['DEV.APP.SVRCONN (TLS only when a key is mounted in /etc/mqm/pki/keys'],
        },
      ],
    },
    {
      name: "the tree's MQSC disables CHLAUTH and CONNAUTH's password check: those channels are judged as written",
      files: {
        'mq-config.mqsc': OPENED,
        'docker-compose.yml': compose('icr.io/ibm-messaging/mq:latest', [], ['./mq-config.mqsc:/etc/mqm/20-dev.mqsc']),
      },
      errors: [
        {
          messageId: 'developerConfiguration',
          file: 'docker-compose.yml',
          line: 5,
          messageIncludes: [
            "its DEV.* queues, channels and CONNAUTH. That is meant for a developer's machine",
            "The tree's MQSC changes DEV.ADMIN.SVRCONN, DEV.APP.SVRCONN or what decides their access",
          ],
          messageExcludes: ['back-stop'],
        },
      ],
    },
    {
      name: "the tree's MQSC alters DEV.APP.SVRCONN: only DEV.ADMIN.SVRCONN is described",
      files: {
        'mq-config.mqsc': "ALTER CHANNEL('DEV.APP.SVRCONN') CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS13_OR_HIGHER)\n",
        'docker-compose.yml': compose(DEV_IMAGE, [], [MOUNT]),
      },
      errors: [
        {
          messageId: 'developerConfiguration',
          file: 'docker-compose.yml',
          line: 5,
          messageIncludes: ['DEV.ADMIN.SVRCONN (no TLS', "The tree's MQSC changes DEV.APP.SVRCONN or"],
          messageExcludes: ['DEV.APP.SVRCONN (no TLS'],
        },
      ],
    },
  ],
});
