import type { Finding } from '../../src/core/types';
import { lintTree } from './lint-helper';

/**
 * Shaped like ibm-messaging/mq-docker@56659c4 (Apache-2.0): the Dockerfile copies the extensionless mq-dev-config into
 * /etc/mqm, and mq-dev-config.sh feeds it to runmqsc, then gives its channels TLS itself in configure_tls, called only
 * when MQ_TLS_KEYSTORE is set. Only the lines needed are copied (mq-dev-config lines 36-37, mq-dev-config.sh lines 42-89
 * and 100-145 shortened); kimptoc/ibmmq-with-ssl-test@95825d8 is the same script with `export MQ_TLS_KEYSTORE=…` above.
 */
const COPY = 'FROM ubuntu:16.04\nCOPY mq-dev-config /etc/mqm/mq-dev-config\nCOPY *.sh /usr/local/bin/\n';
const MQSC = [
  "DEFINE CHANNEL('DEV.ADMIN.SVRCONN') CHLTYPE(SVRCONN) REPLACE",
  "DEFINE CHANNEL('DEV.APP.SVRCONN') CHLTYPE(SVRCONN) MCAUSER('app') REPLACE",
  '',
].join('\n');
const ALTER = (channel: string) =>
  `su -l mqm -c "echo \\"ALTER CHANNEL('${channel}') CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12_OR_HIGHER) SSLCAUTH(OPTIONAL)\\" | runmqsc \${MQ_QMGR_NAME}"`;
const CONFIGURE_TLS = [
  'configure_tls()',
  '{',
  '  if [ "${MQ_DEV}" == "true" ]; then',
  `    ${ALTER('DEV.APP.SVRCONN')}`,
  `    ${ALTER('DEV.ADMIN.SVRCONN')}`,
  '  fi',
  '}',
];
const FEED = [
  'MQ_DEV=${MQ_DEV:-"true"}',
  'if [ "${MQ_DEV}" == "true" ]; then',
  '  runmqsc ${MQ_QMGR_NAME} < /etc/mqm/mq-dev-config',
  'fi',
];
const CALL = ['if [ ! -z ${MQ_TLS_KEYSTORE+x} ]; then', '  configure_tls', 'fi'];
const script = (...parts: string[][]) => ['#!/bin/bash', ...parts.flat(), ''].join('\n');
const tree = (sh: string, mqsc = MQSC) => ({ Dockerfile: COPY, 'mq-dev-config': mqsc, 'mq-dev-config.sh': sh });

const RULES = ['mq/channel-without-tls'];
const view = (findings: Finding[]) =>
  findings
    .filter((f) => RULES.includes(f.ruleId))
    .map((f) => {
      const when = /holds only when (.*?); the container's environment decides (\w+)/.exec(f.message);
      return `${f.location.file.replace(/^.*\//, '')}:${(f.location.range?.start.line ?? -1) + 1} ${/channel (\S+)/.exec(f.message)?.[1]} ${f.severity}${when ? `: only when ${when[1]}; ${when[2]}` : ''}`;
    })
    .sort();

describe('a file a script feeds runmqsc joins the MQSC the script runs itself, in the order it runs them', () => {
  it.each<[string, Record<string, string>, string[]]>([
    [
      "mq-docker: configure_tls runs only when MQ_TLS_KEYSTORE is set: the file's channels lack TLS only otherwise (was: the file unread)",
      tree(script(CONFIGURE_TLS, FEED, CALL)),
      [
        'mq-dev-config:1 DEV.ADMIN.SVRCONN info: only when the test `[ ! -z ${MQ_TLS_KEYSTORE+x} ]` (mq-dev-config.sh:13) does not hold; MQ_TLS_KEYSTORE',
        'mq-dev-config:2 DEV.APP.SVRCONN info: only when the test `[ ! -z ${MQ_TLS_KEYSTORE+x} ]` (mq-dev-config.sh:13) does not hold; MQ_TLS_KEYSTORE',
      ],
    ],
    [
      'kimptoc: the script exports MQ_TLS_KEYSTORE above the test, so configure_tls runs: the two channels have TLS, a third does not',
      tree(
        script(CONFIGURE_TLS, ['export MQ_TLS_KEYSTORE=/etc/mqcerts/keystore.p12'], FEED, CALL),
        `${MQSC}DEFINE CHANNEL('DEV.OTHER.SVRCONN') CHLTYPE(SVRCONN) MCAUSER('app') REPLACE\n`,
      ),
      ['mq-dev-config:3 DEV.OTHER.SVRCONN warning'],
    ],
    [
      'an `if [ -n "$MQ_TLS_KEYSTORE" ]` around the script\'s own echo | runmqsc, no function',
      tree(script(FEED, ['if [ -n "$MQ_TLS_KEYSTORE" ]; then', `  ${ALTER('DEV.APP.SVRCONN')}`, 'fi'])),
      [
        'mq-dev-config:1 DEV.ADMIN.SVRCONN warning',
        'mq-dev-config:2 DEV.APP.SVRCONN info: only when the test `[ -n "$MQ_TLS_KEYSTORE" ]` (mq-dev-config.sh:6) does not hold; MQ_TLS_KEYSTORE',
      ],
    ],
    [
      'a condition the script settles with its default (MQ_DEV=${MQ_DEV:-"true"}) is none: the ALTER applies',
      tree(script(FEED, ['if [ "${MQ_DEV}" == "true" ]; then', `  ${ALTER('DEV.APP.SVRCONN')}`, 'fi'])),
      ['mq-dev-config:1 DEV.ADMIN.SVRCONN warning'],
    ],
    [
      'the ALTER before the feed: the DEFINE … REPLACE of the file runs after it and leaves no SSLCIPH',
      tree(script([ALTER('DEV.APP.SVRCONN')], FEED)),
      ['mq-dev-config:1 DEV.ADMIN.SVRCONN warning', 'mq-dev-config:2 DEV.APP.SVRCONN warning'],
    ],
  ])('%s', (_name, files, expected) => {
    expect(view(lintTree(files, { builtIn: RULES }).findings)).toEqual(expected);
  });
});
