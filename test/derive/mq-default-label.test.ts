/**
 * Which certificate an MQ queue manager takes from its CMS key repository (derive/mq-default-label.ts): CERTLABL,
 * else the label ibmwebspheremq<queue manager name> (MQ 9.2, Setting up a key repository on AIX, Linux, and Windows),
 * and unknown where the tree does not settle it, never "the database's only personal certificate".
 */
import * as fs from 'node:fs';
import { defaultConfig } from '../../src/core/config';
import { renderPhrase } from '../../src/core/phrase';
import { lint } from '../../src/engine/lint';
import { writeTree, type Tree } from '../helpers/rule-tester';
import { cmsKeyDatabase } from '../helpers/cms-kdb';
import { ca, leaf } from '../helpers/pki';

const root = ca('Test Root');
const qm1 = leaf('qm1.example', root);
const other = leaf('other.example', root);
const repository = cmsKeyDatabase([
  { label: 'Test Root', kind: 'signer', certificate: root.der },
  { label: 'ibmwebspheremqqm1', kind: 'personal', certificate: qm1.der },
  { label: 'other', kind: 'personal', certificate: other.der },
]);
const onlyOther = cmsKeyDatabase([
  { label: 'Test Root', kind: 'signer', certificate: root.der },
  { label: 'other', kind: 'personal', certificate: other.der },
]);
const CHANNEL =
  "DEFINE CHANNEL('APP.SVRCONN') CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCIPH(ANY_TLS12_OR_HIGHER) SSLCAUTH(OPTIONAL) MCAUSER('app')\n";
const CLIENT = {
  'app/ccdt.json': JSON.stringify({
    channel: [
      {
        name: 'APP.SVRCONN',
        type: 'clientConnection',
        clientConnection: { connection: [{ host: 'mq', port: 1414 }], queueManager: 'QM1' },
        transmissionSecurity: { cipherSpecification: 'ANY_TLS12_OR_HIGHER' },
      },
    ],
  }),
  'app/mqclient.ini': 'SSL:\n  SSLKeyRepository=/opt/app/trust\n',
  'app/trust.kdb': cmsKeyDatabase([{ label: 'Test Root', kind: 'signer', certificate: root.der }]),
};

/** The one trust check of the tree (the client → queue manager link). */
function trustCheck(files: Tree) {
  const dir = writeTree(files);
  try {
    return lint({ paths: [dir], cwd: dir, config: defaultConfig(dir) }).deployments[0]!.derived.trust[0];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The queue manager's certificate the client checks: the subjects sent, or why they are unknown. */
function sent(files: Tree): string[] | string {
  const server = trustCheck({ ...CLIENT, ...files })?.serverCertificate;
  if (!server) return '(no trust check)';
  if (server.presented.length > 0) return server.presented.map((c) => c.cert.subjectText);
  return server.verdict.kind === 'unknown' ? renderPhrase(server.verdict.missing, String) : server.verdict.kind;
}

describe("an MQ queue manager's certificate in its CMS key repository", () => {
  it.each<[string, Tree, string[] | RegExp]>([
    [
      'CERTLABL names it',
      {
        'qm/ssl/key.kdb': repository,
        'qm/QM1.mqsc': `ALTER QMGR SSLKEYR('/var/mqm/qmgrs/QM1/ssl/key') CERTLABL('other')\n${CHANNEL}`,
      },
      ['CN=other.example', 'CN=Test Root'],
    ],
    [
      'no CERTLABL, the queue manager named QM1 by the script that runs runmqsc: the default label',
      {
        'qm/ssl/key.kdb': repository,
        'qm/qm.mqsc': `ALTER QMGR SSLKEYR('/var/mqm/qmgrs/QM1/ssl/key')\n${CHANNEL}`,
        'qm/setup.sh': '#!/bin/sh\nrunmqsc QM1 < qm.mqsc\n',
      },
      ['CN=qm1.example', 'CN=Test Root'],
    ],
    [
      // The file's name links the client to it (a hint), but is no proof of the queue manager's name.
      'no CERTLABL and no name a script gives: unknown, although the database has personal certificates',
      { 'qm/ssl/key.kdb': repository, 'qm/QM1.mqsc': `ALTER QMGR SSLKEYR('/var/mqm/qmgrs/QM1/ssl/key')\n${CHANNEL}` },
      /sets no CERTLABL: MQ takes the certificate labelled ibmwebspheremq<queue manager name>/,
    ],
    [
      'no CERTLABL, named QM1, no certificate of that label: unknown (the name is a script\'s), not "none sent"',
      {
        'qm/ssl/key.kdb': onlyOther,
        'qm/qm.mqsc': `ALTER QMGR SSLKEYR('/var/mqm/qmgrs/QM1/ssl/key')\n${CHANNEL}`,
        'qm/setup.sh': '#!/bin/sh\nrunmqsc QM1 < qm.mqsc\n',
      },
      /holds no certificate labelled ibmwebspheremqqm1/,
    ],
  ])('%s', (_name, files, want) => {
    const got = sent(files);
    if (want instanceof RegExp) expect(got).toMatch(want);
    else expect(got).toEqual(want);
  });
});

describe("an MQ client's certificate in its CMS key repository", () => {
  const clientRepository = cmsKeyDatabase([
    { label: 'Test Root', kind: 'signer', certificate: root.der },
    { label: 'app', kind: 'personal', certificate: other.der },
  ]);
  const qmgr = {
    'qm/ssl/key.kdb': repository,
    'qm/QM1.mqsc': `ALTER QMGR SSLKEYR('/var/mqm/qmgrs/QM1/ssl/key') CERTLABL('ibmwebspheremqqm1')\n${CHANNEL.replace('OPTIONAL', 'REQUIRED')}`,
  };

  /** The client certificate the queue manager checks: the verdict, or why it is unknown. */
  function clientVerdict(files: Tree): string {
    const verdict = trustCheck({ ...CLIENT, ...qmgr, 'app/trust.kdb': clientRepository, ...files })?.clientCertificate
      ?.verdict;
    return verdict?.kind === 'unknown' ? renderPhrase(verdict.missing, String) : (verdict?.kind ?? '(no check)');
  }

  it('no certificate label: unknown (MQ takes ibmwebspheremq<user id>), not "sends none" nor its only key', () => {
    expect(clientVerdict({})).toMatch(/sets no CERTLABL: MQ takes the certificate labelled ibmwebspheremq<user id>/);
  });
});

it("mqclient.ini's SSL CertificateLabel names the client's certificate when the channel names none", () => {
  const client = trustCheck({
    ...CLIENT,
    'app/mqclient.ini': 'SSL:\n  SSLKeyRepository=/opt/app/trust\n  CertificateLabel=app\n',
    'app/trust.kdb': cmsKeyDatabase([
      { label: 'Test Root', kind: 'signer', certificate: root.der },
      { label: 'app', kind: 'personal', certificate: other.der },
    ]),
    'qm/ssl/key.kdb': repository,
    'qm/QM1.mqsc': `ALTER QMGR SSLKEYR('/var/mqm/qmgrs/QM1/ssl/key') CERTLABL('ibmwebspheremqqm1')\n${CHANNEL.replace('OPTIONAL', 'REQUIRED')}`,
  })?.clientCertificate;
  expect(client?.presented.map((c) => c.cert.subjectText)).toEqual(['CN=other.example', 'CN=Test Root']);
});
