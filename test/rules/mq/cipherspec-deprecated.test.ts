import rule from '../../../src/rules/mq/cipherspec-deprecated';
import { ruleTester, type ExpectedFinding } from '../../helpers/rule-tester';
import { ccdt, composeRunningMqsc, svrconn } from './trees';

/**
 * The shape of kimptoc/ibmmq-with-ssl-test@95825d8 mq-with-ssl/mq-dev-config.sh (the DEV.APP.SVRCONN channel moved to
 * TLS_RSA_WITH_AES_128_CBC_SHA), reduced to an MQSC, with the Dockerfile beside it naming the release.
 */
const tls10Channel = svrconn('DEV.APP.SVRCONN', 'SSLCIPH(TLS_RSA_WITH_AES_128_CBC_SHA) SSLCAUTH(OPTIONAL)');
const dockerfile = (image: string) => `FROM ${image}\nCOPY QM1.mqsc /etc/mqm/\n`;
/** The finding on the SSLCIPH line (2) of QM1/QM1.mqsc. */
const onSslciph = (
  messageId: string,
  severity: 'error' | 'warning',
  messageIncludes: string[] = [],
  related?: ExpectedFinding['related'],
): ExpectedFinding => ({ file: 'QM1/QM1.mqsc', line: 2, messageId, severity, messageIncludes, related });
const dockerfileLine = [{ file: 'QM1/Dockerfile', line: 1 }];
const qmIniLine = [{ file: 'QM1/qm.ini', line: 2 }];

ruleTester(rule, {
  valid: [
    {
      name: 'current TLS 1.2 spec',
      files: { 'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(TLS_RSA_WITH_AES_128_CBC_SHA256)') },
    },
    { name: 'alias', files: { 'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(ANY_TLS12_OR_HIGHER)') } },
    {
      name: 'a variable the heredoc expands that the script never sets (SSLCIPH($CIPHER)): unknown, nothing built on the text',
      files: {
        'mq/setup.sh':
          '#!/bin/bash\nrunmqsc QM1 <<EOF\nDEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH($CIPHER)\nEOF\n',
      },
    },
    {
      name: "a quoted delimiter (<<'EOF'): nothing expands, the default is no value",
      files: {
        'mq/setup.sh':
          "#!/bin/bash\nrunmqsc QM1 <<'EOF'\nDEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH(${CIPHER:-TLS_RSA_WITH_AES_128_CBC_SHA})\nEOF\n",
      },
    },
    {
      name: "the script's default of a variable the image sets (ENV CIPHER=…): the script runs with the image's value, unknown here",
      files: {
        'mq/Dockerfile':
          'FROM icr.io/ibm-messaging/mq:9.4.0.5-r1\nENV CIPHER=TLS_AES_256_GCM_SHA384\nCOPY setup.sh /setup.sh\n',
        'mq/setup.sh':
          '#!/bin/bash\nCIPHER="${CIPHER:-TLS_RSA_WITH_AES_128_CBC_SHA}"\nrunmqsc QM1 <<EOF\nDEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH($CIPHER)\nEOF\n',
      },
    },
    {
      name: "the script's default of a variable a Compose service's env file sets: the script runs with that value, unknown here",
      files: {
        'mq/Dockerfile': 'FROM icr.io/ibm-messaging/mq:9.4.0.5-r1\nCOPY setup.sh /setup.sh\n',
        'compose.yaml': 'services:\n  qm1:\n    build: mq\n    env_file: qm1.env\n',
        'qm1.env': 'CIPHER=TLS_AES_256_GCM_SHA384\n',
        'mq/setup.sh':
          '#!/bin/bash\nCIPHER="${CIPHER:-TLS_RSA_WITH_AES_128_CBC_SHA}"\nrunmqsc QM1 <<EOF\nDEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH($CIPHER)\nEOF\n',
      },
    },
    {
      name: 'a default of a variable the script also assigns elsewhere: unknown',
      files: {
        'mq/setup.sh':
          '#!/bin/bash\n[ -n "$1" ] && CIPHER="$1"\nrunmqsc QM1 <<EOF\nDEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH(${CIPHER:-TLS_RSA_WITH_AES_128_CBC_SHA})\nEOF\n',
      },
    },
  ],
  invalid: [
    {
      name: 'TLS 1.0 spec, release not named: a warning saying which releases refuse it and how to declare the release',
      files: { 'QM1/QM1.mqsc': tls10Channel },
      errors: [
        onSslciph('releaseUnknown', 'warning', [
          '9.0.5 and every later release',
          'AllowTLSV1=Y',
          'spec.version',
          'FROM',
        ]),
      ],
    },
    {
      name: 'TLS 1.0 spec on a 9.0 CD release before 9.0.5: still accepted, a warning about upgrading',
      files: { 'QM1/QM1.mqsc': tls10Channel, 'QM1/Dockerfile': dockerfile('ibmcom/mq:9.0.4.0') },
      errors: [
        onSslciph(
          'acceptedByRelease',
          'warning',
          ['9.0.4.0 (FROM ibmcom/mq:9.0.4.0) still accepts it', '9.0.5'],
          dockerfileLine,
        ),
      ],
    },
    {
      name: 'TLS 1.0 spec on a 9.0.0 LTS fix pack: still accepted (the 9.0.0 fix packs only let a queue manager opt out of TLS 1.0)',
      files: { 'QM1/QM1.mqsc': tls10Channel, 'QM1/Dockerfile': dockerfile('ibmcom/mq:9.0.0.8') },
      errors: [onSslciph('acceptedByRelease', 'warning')],
    },
    {
      // tdotrob/IBMMQ-passwd-auth@00e204c: runmqsc scripts, the release (MQ 8.0.0.5) only in the README.
      name: 'TLS 1.0 spec, release declared by the configuration (components[].mqRelease): accepted on 8.0.0.5',
      files: { 'QM1/QM1.mqsc': tls10Channel },
      config: { components: [{ files: 'QM1/**', mqRelease: '8.0.0.5' }] },
      errors: [onSslciph('acceptedByRelease', 'warning', ['8.0.0.5 (lint-deploy configuration: components "QM1/**"'])],
    },
    {
      name: 'TLS 1.0 spec on 9.4: refused, an error naming the release and where the tree says it',
      files: { 'QM1/QM1.mqsc': tls10Channel, 'QM1/Dockerfile': dockerfile('icr.io/ibm-messaging/mq:9.4.0.5-r1') },
      errors: [
        onSslciph(
          'disabled',
          'error',
          ['IBM MQ 9.4.0.5 (FROM icr.io/ibm-messaging/mq:9.4.0.5-r1) refuses by default', 'from 9.0.5'],
          dockerfileLine,
        ),
      ],
    },
    {
      name: 'one MQSC on a 9.0.4 and a 9.4 queue manager (two Compose services): accepted on the first, refused on the second, each named',
      files: {
        'QM1/QM1.mqsc': tls10Channel,
        'docker-compose.yml': composeRunningMqsc(['ibmcom/mq:9.0.4.0', 'icr.io/ibm-messaging/mq:9.4.0.5-r1']),
      },
      errors: [
        onSslciph(
          'disabled',
          'error',
          ['IBM MQ 9.4.0.5 (Docker Compose service qm2 image icr.io/ibm-messaging/mq:9.4.0.5-r1) refuses by default'],
          [{ file: 'docker-compose.yml', line: 7 }],
        ),
        onSslciph(
          'acceptedByRelease',
          'warning',
          ['9.0.4.0 (Docker Compose service qm1 image ibmcom/mq:9.0.4.0) still accepts it'],
          [{ file: 'docker-compose.yml', line: 3 }],
        ),
      ],
    },
    {
      name: 'one MQSC on a 9.1.0 and a 9.4 queue manager: refused on both, one error per release',
      files: {
        'QM1/QM1.mqsc': tls10Channel,
        'docker-compose.yml': composeRunningMqsc(['ibmcom/mq:9.1.0.0', 'icr.io/ibm-messaging/mq:9.4.0.5-r1']),
      },
      errors: [
        onSslciph('disabled', 'error', ['IBM MQ 9.1.0.0 (Docker Compose service qm1']),
        onSslciph('disabled', 'error', ['IBM MQ 9.4.0.5 (Docker Compose service qm2']),
      ],
    },
    {
      name: 'one MQSC on two queue managers of different releases, an 8.0 fix pack the tables do not settle: that one unknown, said as such',
      files: {
        'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(TLS_RSA_WITH_DES_CBC_SHA)'),
        'docker-compose.yml': composeRunningMqsc(['ibmcom/mq:8.0.0.4', 'icr.io/ibm-messaging/mq:9.4.0.5-r1']),
      },
      errors: [
        onSslciph('disabled', 'error', ['IBM MQ 9.4.0.5 (Docker Compose service qm2']),
        onSslciph('releaseUnknown', 'warning', ['runs 8.0.0.4 (Docker Compose service qm1']),
      ],
    },
    {
      name: 'one MQSC on two queue managers of different releases that share the qm.ini re-enabling it: one warning',
      files: {
        'QM1/QM1.mqsc': tls10Channel,
        'QM1/qm.ini': 'SSL:\n  AllowTLSV1=Y\n',
        'docker-compose.yml': composeRunningMqsc(['ibmcom/mq:9.1.0.0', 'icr.io/ibm-messaging/mq:9.4.0.5-r1']),
      },
      errors: [onSslciph('reenabled', 'warning', ['AllowTLSV1'], qmIniLine)],
    },
    {
      name: 'a default in an unquoted heredoc (SSLCIPH(${CIPHER:-…}), CIPHER never assigned): the default is read, at the expansion',
      files: {
        'mq/setup.sh':
          '#!/bin/bash\nrunmqsc QM1 <<EOF\nDEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH(${CIPHER:-TLS_RSA_WITH_AES_128_CBC_SHA})\nEOF\n',
      },
      errors: [
        {
          file: 'mq/setup.sh',
          line: 3,
          column: 54,
          messageId: 'releaseUnknown',
          severity: 'warning',
          messageIncludes: ['TLS_RSA_WITH_AES_128_CBC_SHA'],
        },
      ],
    },
    {
      name: 'the script\'s own default (CIPHER="${CIPHER:-…}") of a variable the heredoc expands, on a 9.4 image: refused',
      files: {
        'mq/Dockerfile': 'FROM icr.io/ibm-messaging/mq:9.4.0.5-r1\nCOPY setup.sh /setup.sh\n',
        'mq/setup.sh':
          '#!/bin/bash\nCIPHER="${CIPHER:-TLS_RSA_WITH_AES_128_CBC_SHA}"\nrunmqsc QM1 <<EOF\nDEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) SSLCIPH($CIPHER)\nEOF\n',
      },
      errors: [{ file: 'mq/setup.sh', line: 4, column: 54, messageId: 'disabled', severity: 'error' }],
    },
    {
      name: 'one MQSC on two 9.4 queue managers, only the first re-enabling the weak spec in its environment: the second refuses it',
      files: {
        'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)'),
        'docker-compose.yml': composeRunningMqsc(
          ['icr.io/ibm-messaging/mq:9.4.0.5-r1', 'icr.io/ibm-messaging/mq:9.4.0.5-r1'],
          './QM1/QM1.mqsc',
          [{ AMQ_SSL_WEAK_CIPHER_ENABLE: 'ALL' }, {}],
        ),
      },
      errors: [
        onSslciph(
          'disabled',
          'error',
          ['IBM MQ 9.4.0.5 (Docker Compose service qm2'],
          [{ file: 'docker-compose.yml', line: 9 }],
        ),
        onSslciph(
          'reenabled',
          'warning',
          ['AMQ_SSL_WEAK_CIPHER_ENABLE'],
          [
            { file: 'docker-compose.yml', line: 5 },
            { file: 'docker-compose.yml', line: 3 },
          ],
        ),
      ],
    },
    {
      name: 'one MQSC on two 9.4 queue managers that both re-enable it in their environment: one warning, as for one',
      files: {
        'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)'),
        'docker-compose.yml': composeRunningMqsc(
          ['icr.io/ibm-messaging/mq:9.4.0.5-r1', 'icr.io/ibm-messaging/mq:9.4.0.5-r1'],
          './QM1/QM1.mqsc',
          [{ AMQ_SSL_WEAK_CIPHER_ENABLE: 'ALL' }, { AMQ_SSL_WEAK_CIPHER_ENABLE: 'ALL' }],
        ),
      },
      errors: [
        onSslciph('reenabled', 'warning', ['AMQ_SSL_WEAK_CIPHER_ENABLE'], [{ file: 'docker-compose.yml', line: 5 }]),
      ],
    },
    {
      name: 'TLS 1.0 spec on 9.4 re-enabled by AllowTLSV1',
      files: {
        'QM1/QM1.mqsc': tls10Channel,
        'QM1/Dockerfile': dockerfile('icr.io/ibm-messaging/mq:9.4.0.5-r1'),
        'QM1/qm.ini': 'SSL:\n  AllowTLSV1=Y\n',
      },
      errors: [onSslciph('reenabled', 'warning', ['AllowTLSV1'], qmIniLine)],
    },
    {
      name: 'TLS 1.0 spec with only AllowWeakCipherSpec set: IBM names AllowTLSV1 for it, so no verdict either way',
      files: {
        'QM1/QM1.mqsc':
          "DEFINE CHANNEL(TO.FR2) CHLTYPE(CLUSSDR) TRPTYPE(TCP) CONNAME('fr2(1414)') CLUSTER(C1) +\n  SSLCIPH(TLS_RSA_WITH_AES_128_CBC_SHA)\n",
        'QM1/qm.ini': 'SSL:\n  AllowWeakCipherSpec=Yes\n',
      },
      errors: [onSslciph('otherKey', 'warning', ['AllowWeakCipherSpec', 'AllowTLSV1=Y'], qmIniLine)],
    },
    {
      // Shape of MbqIIB/isgFirstPro@3ccaf3e iFrend/Linux-Batch MQ scripts/*/…Qmgr.in: sender channels with an SSL 3.0 spec.
      name: 'sender channel (SDR) with an SSL 3.0 spec, release not named',
      files: {
        'QM1/QM1.mqsc':
          "define qlocal(APP_Q) usage(xmitq)\ndefine channel(QM1_TO_QM2) chltype(sdr) conname('10.10.10.15(1444)') xmitq(APP_Q) trptype(tcp) SSLCIPH(RC4_MD5_US)\n",
      },
      errors: [onSslciph('releaseUnknown', 'warning', ['QM1_TO_QM2', 'RC4_MD5_US', '8.0.0.2', 'AllowSSLV3=Y'])],
    },
    {
      name: 'SSL 3.0 spec on a 9.1 queue manager: refused',
      files: {
        'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(RC4_SHA_US)'),
        'QM1/Dockerfile': dockerfile('ibmcom/mq:9.1.0.0'),
      },
      errors: [onSslciph('disabled', 'error', ['from 8.0.0.2'])],
    },
    {
      name: 'server channel (SVR) with TLS_RSA_WITH_DES_CBC_SHA on 9.2: refused since 9.0.0.0',
      files: {
        'QM1/QM1.mqsc':
          'DEFINE CHANNEL(TO.QM2) CHLTYPE(SVR) TRPTYPE(TCP) XMITQ(QM2) SSLCIPH(TLS_RSA_WITH_DES_CBC_SHA)\n',
        'QM1/Dockerfile': dockerfile('icr.io/ibm-messaging/mq:9.2.0.0-r1'),
      },
      errors: [{ messageId: 'disabled', file: 'QM1/QM1.mqsc', line: 1, severity: 'error' }],
    },
    {
      name: 'TLS_RSA_WITH_DES_CBC_SHA on an 8.0 fix pack the tables do not settle: unknown, said as such',
      files: {
        'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(TLS_RSA_WITH_DES_CBC_SHA)'),
        'QM1/Dockerfile': dockerfile('ibmcom/mq:8.0.0.4'),
      },
      errors: [onSslciph('releaseUnknown', 'warning', ['runs 8.0.0.4'])],
    },
    {
      name: 'weak 3DES spec re-enabled by AllowWeakCipherSpec',
      files: {
        'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)'),
        'QM1/qm.ini': 'SSL:\n  AllowWeakCipherSpec=Yes\n',
      },
      errors: [onSslciph('reenabled', 'warning', ['AllowWeakCipherSpec'], qmIniLine)],
    },
    {
      name: 'client end (CLNTCONN): its server channel and queue manager decide; IBM documents no client-side switch',
      files: {
        'QM1/QM1.mqsc':
          "DEFINE CHANNEL('APP.SVRCONN') CHLTYPE(CLNTCONN) TRPTYPE(TCP) CONNAME('mq(1414)') QMNAME(QM1) +\n  SSLCIPH(TLS_RSA_WITH_AES_256_CBC_SHA)\n",
      },
      errors: [onSslciph('clientEnd', 'warning', ['client end', 'must name the same CipherSpec', 'from 9.0.5'])],
    },
    {
      // A CLNTCONN defined by the queue manager image's MQSC (runmqsc builds the CCDT there): its DEFINE is checked there.
      name: 'CLNTCONN in the MQSC of a 9.4 queue manager image: the DEFINE is refused there',
      files: {
        'QM1/QM1.mqsc':
          "DEFINE CHANNEL('APP.SVRCONN') CHLTYPE(CLNTCONN) TRPTYPE(TCP) CONNAME('mq(1414)') QMNAME(QM1) +\n  SSLCIPH(TLS_RSA_WITH_AES_256_CBC_SHA)\n",
        'QM1/Dockerfile': dockerfile('icr.io/ibm-messaging/mq:9.4.0.5-r1'),
      },
      errors: [onSslciph('disabled', 'error', ['IBM MQ 9.4.0.5', 'AMQ8242'], dockerfileLine)],
    },
    {
      name: 'CLNTCONN in the MQSC of a 9.0.4 queue manager image: still accepted there',
      files: {
        'QM1/QM1.mqsc':
          "DEFINE CHANNEL('APP.SVRCONN') CHLTYPE(CLNTCONN) TRPTYPE(TCP) CONNAME('mq(1414)') QMNAME(QM1) +\n  SSLCIPH(TLS_RSA_WITH_AES_256_CBC_SHA)\n",
        'QM1/Dockerfile': dockerfile('ibmcom/mq:9.0.4.0'),
      },
      errors: [onSslciph('acceptedByRelease', 'warning', ['9.0.4.0'], dockerfileLine)],
    },
    {
      name: 'client end (JSON CCDT) whose mqclient.ini sets AllowTLSV1: a queue manager switch, not a client one',
      files: {
        'app/ccdt.json': ccdt('APP.SVRCONN', 'QM1', { cipherSpecification: 'TLS_RSA_WITH_AES_128_CBC_SHA' }),
        'app/mqclient.ini': 'CHANNELS:\n  ChannelDefinitionFile=ccdt.json\nSSL:\n  AllowTLSV1=Y\n',
      },
      errors: [
        {
          file: 'app/ccdt.json',
          line: 15,
          messageId: 'clientIniKey',
          severity: 'warning',
          messageIncludes: ['AllowTLSV1=Y', 'not for the client configuration file'],
          related: [{ file: 'app/mqclient.ini', line: 4 }],
        },
      ],
    },
    {
      // The queue manager image sets the variable IBM names for re-enabling weak CipherSpecs at run time.
      name: 'weak 3DES spec on 9.4, re-enabled by ENV AMQ_SSL_WEAK_CIPHER_ENABLE in the queue manager image',
      files: {
        'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)'),
        'QM1/Dockerfile':
          'FROM icr.io/ibm-messaging/mq:9.4.0.5-r1\nENV AMQ_SSL_WEAK_CIPHER_ENABLE=TLS_RSA_WITH_3DES_EDE_CBC_SHA\nCOPY QM1.mqsc /etc/mqm/\n',
      },
      errors: [
        onSslciph('reenabled', 'warning', ['AMQ_SSL_WEAK_CIPHER_ENABLE'], [{ file: 'QM1/Dockerfile', line: 2 }]),
      ],
    },
    {
      name: 'SSL 3.0 spec on 9.1 with ENV AMQ_SSL_V3_ENABLE=1 in an untagged MQ image',
      files: {
        'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(RC4_SHA_US)'),
        'QM1/Dockerfile': 'FROM ibmcom/mq\nENV AMQ_SSL_V3_ENABLE=1\nCOPY QM1.mqsc /etc/mqm/\n',
      },
      config: { components: [{ files: 'QM1/**', mqRelease: '9.1.0.0' }] },
      errors: [onSslciph('reenabled', 'warning', ['AMQ_SSL_V3_ENABLE'], [{ file: 'QM1/Dockerfile', line: 2 }])],
    },
    {
      // The shape of aztekmq/ibmMQArchitectureLab@8a4b3d6 docker-compose.yml (IBM MQ's image, its variables in list
      // form) with an MQSC mounted into /etc/mqm, as dominikcebula/java-spring-boot-ibm-mq's compose.yaml mounts one:
      // the container's environment is the queue manager's, and the service's image names the release.
      name: 'weak 3DES spec, re-enabled by AMQ_SSL_WEAK_CIPHER_ENABLE in the list-form environment of the Compose service that mounts the MQSC',
      files: {
        'compose.yaml':
          'services:\n  qm1:\n    image: icr.io/ibm-messaging/mq:9.4.0.5-r1\n    environment:\n      - LICENSE=accept\n      - MQ_QMGR_NAME=QM1\n      - AMQ_SSL_WEAK_CIPHER_ENABLE=TLS_RSA_WITH_3DES_EDE_CBC_SHA\n    volumes:\n      - ./QM1/QM1.mqsc:/etc/mqm/QM1.mqsc\n',
        'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)'),
      },
      errors: [onSslciph('reenabled', 'warning', ['AMQ_SSL_WEAK_CIPHER_ENABLE'], [{ file: 'compose.yaml', line: 7 }])],
    },
    {
      name: 'weak 3DES spec, re-enabled by AMQ_SSL_WEAK_CIPHER_ENABLE in the env file of the Compose service that mounts the MQSC',
      files: {
        'compose.yaml':
          'services:\n  qm1:\n    image: icr.io/ibm-messaging/mq:9.4.0.5-r1\n    env_file:\n      - qm1.env\n    volumes:\n      - ./QM1/QM1.mqsc:/etc/mqm/QM1.mqsc\n',
        'qm1.env': 'LICENSE=accept\nAMQ_SSL_WEAK_CIPHER_ENABLE=TLS_RSA_WITH_3DES_EDE_CBC_SHA\n',
        'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)'),
      },
      errors: [
        onSslciph(
          'reenabled',
          'warning',
          ['AMQ_SSL_WEAK_CIPHER_ENABLE'],
          [
            { file: 'qm1.env', line: 2 },
            { file: 'compose.yaml', line: 5 },
          ],
        ),
      ],
    },
    {
      name: "the service's environment: wins over its env file: an off value there leaves the spec refused",
      files: {
        'compose.yaml':
          'services:\n  qm1:\n    image: icr.io/ibm-messaging/mq:9.4.0.5-r1\n    env_file: qm1.env\n    environment:\n      AMQ_SSL_WEAK_CIPHER_ENABLE: "0"\n    volumes:\n      - ./QM1/QM1.mqsc:/etc/mqm/QM1.mqsc\n',
        'qm1.env': 'AMQ_SSL_WEAK_CIPHER_ENABLE=ALL\n',
        'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)'),
      },
      errors: [
        onSslciph(
          'disabled',
          'error',
          ['9.4.0.5'],
          [
            { file: 'compose.yaml', line: 3 },
            { file: 'compose.yaml', line: 6 },
          ],
        ),
      ],
    },
    {
      name: 'map-form environment of the Compose service that builds the MQ image copying the MQSC re-enables it',
      files: {
        'docker-compose.yml':
          'services:\n  ibmmq:\n    build:\n      context: QM1/\n    environment:\n      LICENSE: accept\n      AMQ_SSL_WEAK_CIPHER_ENABLE: ALL\n',
        'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)'),
        'QM1/Dockerfile': dockerfile('icr.io/ibm-messaging/mq:9.4.0.5-r1'),
      },
      errors: [
        onSslciph(
          'reenabled',
          'warning',
          ['AMQ_SSL_WEAK_CIPHER_ENABLE'],
          [{ file: 'docker-compose.yml', line: 7 }, ...dockerfileLine],
        ),
      ],
    },
    {
      name: "the Compose service's environment wins over the image's ENV: an off value leaves the spec refused",
      files: {
        'docker-compose.yml':
          'services:\n  ibmmq:\n    build: QM1\n    environment:\n      AMQ_SSL_WEAK_CIPHER_ENABLE: "0"\n',
        'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)'),
        'QM1/Dockerfile':
          'FROM icr.io/ibm-messaging/mq:9.4.0.5-r1\nENV AMQ_SSL_WEAK_CIPHER_ENABLE=ALL\nCOPY QM1.mqsc /etc/mqm/\n',
      },
      errors: [onSslciph('disabled', 'error', [], [...dockerfileLine, { file: 'docker-compose.yml', line: 5 }])],
    },
    {
      name: 'the image of the Compose service that mounts the MQSC into /etc/mqm names the release that refuses the spec',
      files: {
        'compose.yaml':
          'services:\n  qm1:\n    image: icr.io/ibm-messaging/mq:9.4.0.5-r1\n    volumes:\n      - ./QM1:/etc/mqm\n',
        'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)'),
      },
      errors: [onSslciph('disabled', 'error', ['9.4.0.5', 'Compose service qm1'], [{ file: 'compose.yaml', line: 3 }])],
    },
    {
      // aztekmq/ibmMQArchitectureLab@8a4b3d6: Compose services named by container_name (qm1, qm2), and scripts that
      // run MQSC in them with `docker exec <container> … runmqsc`. The container's environment is the queue manager's.
      name: "docker exec <container_name> runmqsc in a script: that Compose service's environment re-enables the spec",
      files: {
        'docker-compose.yml':
          'services:\n  qm1:\n    image: icr.io/ibm-messaging/mq:9.4.0.5-r1\n    container_name: qm1\n    environment:\n      - LICENSE=accept\n      - AMQ_SSL_WEAK_CIPHER_ENABLE=TLS_RSA_WITH_3DES_EDE_CBC_SHA\n  qm2:\n    image: icr.io/ibm-messaging/mq:9.4.0.5-r1\n    container_name: qm2\n',
        'setup.sh':
          "#!/bin/bash\ndocker compose up -d\ndocker exec -i qm1 runmqsc QM1 <<'EOF'\nDEFINE CHANNEL(A) CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)\nEOF\n",
      },
      errors: [
        {
          file: 'setup.sh',
          line: 4,
          messageId: 'reenabled',
          severity: 'warning',
          messageIncludes: ['AMQ_SSL_WEAK_CIPHER_ENABLE'],
          related: [
            { file: 'docker-compose.yml', line: 7 },
            { file: 'setup.sh', line: 3 },
          ],
        },
      ],
    },
    {
      name: 'docker exec into the other container: its service (qm2) has no AMQ_* variable, and its image names the release that refuses the spec',
      files: {
        'docker-compose.yml':
          'services:\n  qm1:\n    image: icr.io/ibm-messaging/mq:9.4.0.5-r1\n    container_name: qm1\n    environment:\n      - AMQ_SSL_WEAK_CIPHER_ENABLE=ALL\n  qm2:\n    image: icr.io/ibm-messaging/mq:9.4.0.5-r1\n    container_name: qm2\n',
        'setup.sh':
          '#!/bin/bash\nQM_CONTAINER=qm2\ndocker exec "$QM_CONTAINER" bash -lc "cat <<\'MQSC\' | runmqsc QM2\nDEFINE CHANNEL(A) CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)\nMQSC"\n',
      },
      errors: [
        {
          file: 'setup.sh',
          line: 4,
          messageId: 'disabled',
          severity: 'error',
          messageIncludes: ['9.4.0.5', 'Compose service qm2'],
          related: [{ file: 'docker-compose.yml', line: 8 }],
        },
      ],
    },
    {
      name: 'docker compose -f … exec <service> runmqsc: the service by its name',
      files: {
        'config/docker-compose.yml':
          'services:\n  qm1:\n    image: icr.io/ibm-messaging/mq:9.4.0.5-r1\n    environment:\n      AMQ_SSL_WEAK_CIPHER_ENABLE: TLS_RSA_WITH_3DES_EDE_CBC_SHA\n',
        'scripts/seed.sh':
          '#!/bin/sh\ndocker compose -f config/docker-compose.yml exec -T qm1 runmqsc QM1 <<EOF\nDEFINE CHANNEL(A) CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)\nEOF\n',
      },
      errors: [
        {
          file: 'scripts/seed.sh',
          line: 3,
          messageId: 'reenabled',
          severity: 'warning',
          related: [
            { file: 'config/docker-compose.yml', line: 5 },
            { file: 'scripts/seed.sh', line: 2 },
          ],
        },
      ],
    },
    {
      // The MQSC kept in its own file and fed to runmqsc in the container: `docker exec -i qm1 runmqsc QM1 < file.mqsc`.
      name: 'docker exec -i <container_name> runmqsc < an MQSC file of the tree: that service re-enables the spec',
      files: {
        'docker-compose.yml':
          'services:\n  qm1:\n    image: icr.io/ibm-messaging/mq:9.4.0.5-r1\n    container_name: qm1\n    environment:\n      - LICENSE=accept\n      - AMQ_SSL_WEAK_CIPHER_ENABLE=TLS_RSA_WITH_3DES_EDE_CBC_SHA\n  qm2:\n    image: icr.io/ibm-messaging/mq:9.4.0.5-r1\n    container_name: qm2\n',
        'mqsc/dev.mqsc': 'DEFINE CHANNEL(A) CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)\n',
        'scripts/setup.sh': '#!/bin/bash\ndocker compose up -d\ndocker exec -i qm1 runmqsc QM1 < ../mqsc/dev.mqsc\n',
      },
      errors: [
        {
          file: 'mqsc/dev.mqsc',
          line: 1,
          messageId: 'reenabled',
          severity: 'warning',
          messageIncludes: ['AMQ_SSL_WEAK_CIPHER_ENABLE'],
          related: [
            { file: 'docker-compose.yml', line: 7 },
            { file: 'scripts/setup.sh', line: 3 },
          ],
        },
      ],
    },
    {
      name: 'a path from the deployment root, through cat, into the other container (qm2): its image names the release that refuses the spec',
      files: {
        'docker-compose.yml':
          'services:\n  qm1:\n    image: icr.io/ibm-messaging/mq:9.4.0.5-r1\n    container_name: qm1\n    environment:\n      - AMQ_SSL_WEAK_CIPHER_ENABLE=ALL\n  qm2:\n    image: icr.io/ibm-messaging/mq:9.4.0.5-r1\n    container_name: qm2\n',
        'mqsc/dev.mqsc': 'DEFINE CHANNEL(A) CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)\n',
        'scripts/setup.sh': '#!/bin/bash\nQM=qm2\ncat mqsc/dev.mqsc | docker exec -i "$QM" runmqsc QM2\n',
      },
      errors: [
        {
          file: 'mqsc/dev.mqsc',
          line: 1,
          messageId: 'disabled',
          severity: 'error',
          messageIncludes: ['9.4.0.5', 'Compose service qm2'],
          related: [
            { file: 'docker-compose.yml', line: 8 },
            { file: 'scripts/setup.sh', line: 3 },
          ],
        },
      ],
    },
    {
      name: 'an MQSC file the script builds the path of from its arguments ties nothing',
      files: {
        'docker-compose.yml':
          'services:\n  qm1:\n    image: icr.io/ibm-messaging/mq:9.4.0.5-r1\n    container_name: qm1\n    environment:\n      - AMQ_SSL_WEAK_CIPHER_ENABLE=ALL\n',
        'mqsc/dev.mqsc': 'DEFINE CHANNEL(A) CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)\n',
        'setup.sh': '#!/bin/bash\ndocker exec -i qm1 runmqsc QM1 < "mqsc/$1.mqsc"\n',
      },
      errors: [{ file: 'mqsc/dev.mqsc', line: 1, messageId: 'releaseUnknown', severity: 'warning' }],
    },
    {
      // aztekmq's define_dev_objects: `docker exec "$cname"` with cname the function's first argument; the call
      // `define qm1` gives it, so the MQSC runs in container qm1, whose environment re-enables the spec.
      name: 'a container the shell function is given at its call: that service runs it, its environment applies',
      files: {
        'docker-compose.yml':
          'services:\n  qm1:\n    image: icr.io/ibm-messaging/mq:9.4.0.5-r1\n    container_name: qm1\n    environment:\n      - AMQ_SSL_WEAK_CIPHER_ENABLE=ALL\n',
        'setup.sh':
          '#!/bin/bash\ndefine() {\n  local cname="$1"\n  docker exec "$cname" bash -lc "cat <<\'MQSC\' | runmqsc QM1\nDEFINE CHANNEL(A) CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)\nMQSC"\n}\ndefine qm1\n',
      },
      errors: [{ file: 'setup.sh', line: 5, messageId: 'reenabled' }],
    },
    {
      name: 'docker exec -i "$1" runmqsc "$2" < an MQSC file, in a function called for qm2 only: that service (9.1.0) decides, named at the call',
      files: {
        'docker-compose.yml':
          'services:\n  qm1:\n    image: icr.io/ibm-messaging/mq:9.4.0.5-r1\n    container_name: qm1\n    environment:\n      - AMQ_SSL_WEAK_CIPHER_ENABLE=ALL\n  qm2:\n    image: ibmcom/mq:9.1.0.0\n    container_name: qm2\n',
        'mqsc/dev.mqsc': 'DEFINE CHANNEL(A) CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)\n',
        'scripts/setup.sh':
          '#!/bin/bash\napply() {\n  docker exec -i "$1" runmqsc "$2" < ../mqsc/dev.mqsc\n}\napply qm2 QM2\n',
      },
      errors: [
        {
          file: 'mqsc/dev.mqsc',
          line: 1,
          messageId: 'disabled',
          severity: 'error',
          messageIncludes: ['IBM MQ 9.1.0.0 (Docker Compose service qm2 image ibmcom/mq:9.1.0.0)'],
          related: [
            { file: 'docker-compose.yml', line: 8 },
            { file: 'scripts/setup.sh', line: 5 },
          ],
        },
      ],
    },
    {
      name: 'a container name the script takes from its own arguments at the call ties nothing',
      files: {
        'docker-compose.yml':
          'services:\n  qm1:\n    image: icr.io/ibm-messaging/mq:9.4.0.5-r1\n    container_name: qm1\n    environment:\n      - AMQ_SSL_WEAK_CIPHER_ENABLE=ALL\n',
        'setup.sh':
          '#!/bin/bash\ndefine() {\n  local cname="$1"\n  docker exec "$cname" bash -lc "cat <<\'MQSC\' | runmqsc QM1\nDEFINE CHANNEL(A) CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)\nMQSC"\n}\ndefine "$1"\n',
      },
      errors: [{ file: 'setup.sh', line: 5, messageId: 'releaseUnknown', severity: 'warning' }],
    },
    {
      name: 'a Compose service that mounts nothing of the queue manager says nothing about its environment',
      files: {
        'compose.yaml':
          'services:\n  other:\n    image: icr.io/ibm-messaging/mq:9.4.0.5-r1\n    environment:\n      - AMQ_SSL_WEAK_CIPHER_ENABLE=ALL\n',
        'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)'),
        'QM1/Dockerfile': dockerfile('icr.io/ibm-messaging/mq:9.4.0.5-r1'),
      },
      errors: [onSslciph('disabled', 'error')],
    },
    {
      // The env of the qmgr container, as ibm-cloudintegration/mqoncp4i-2025@f45ab42 writes MQSNOAUT in its QueueManager.
      name: "AMQ_SSL_WEAK_CIPHER_ENABLE in the qmgr container's env of the QueueManager that applies the MQSC's ConfigMap",
      files: {
        'mq/qm.yaml':
          'apiVersion: mq.ibm.com/v1beta1\nkind: QueueManager\nmetadata:\n  name: qm1\nspec:\n  version: 9.4.0.5-r1\n  queueManager:\n    name: QM1\n    mqsc:\n      - configMap:\n          name: qm1-mqsc\n          items:\n            - qm1.mqsc\n  template:\n    pod:\n      containers:\n        - env:\n            - name: AMQ_SSL_WEAK_CIPHER_ENABLE\n              value: TLS_RSA_WITH_3DES_EDE_CBC_SHA\n          name: qmgr\n',
        'mq/cm.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: qm1-mqsc\ndata:\n  qm1.mqsc: |\n    DEFINE CHANNEL(A) CHLTYPE(SVRCONN) SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)\n',
      },
      errors: [
        {
          file: 'mq/cm.yaml',
          line: 7,
          messageId: 'reenabled',
          severity: 'warning',
          messageIncludes: ['AMQ_SSL_WEAK_CIPHER_ENABLE'],
          related: [{ file: 'mq/qm.yaml', line: 19 }],
        },
      ],
    },
    {
      name: 'ENV AMQ_SSL_WEAK_CIPHER_ENABLE naming another spec does not re-enable this one',
      files: {
        'QM1/QM1.mqsc': svrconn('A', 'SSLCIPH(TLS_RSA_WITH_3DES_EDE_CBC_SHA)'),
        'QM1/Dockerfile':
          'FROM icr.io/ibm-messaging/mq:9.4.0.5-r1\nENV AMQ_SSL_WEAK_CIPHER_ENABLE=ECDHE_RSA_RC4_128_SHA256\nCOPY QM1.mqsc /etc/mqm/\n',
      },
      errors: [onSslciph('disabled', 'error')],
    },
  ],
});
