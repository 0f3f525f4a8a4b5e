import * as path from 'node:path';
import { mqClientEnvFormat } from '../../src/parse/mq-env';
import { lintTree } from '../engine/lint-helper';

/**
 * A CLNTCONN a queue manager's MQSC defines and a JSON CCDT that defines the same channel: the client whose
 * environment names the CCDT (MQCCDTURL, MQCHLLIB/MQCHLTAB) connects with the CCDT's definition, so the channel is one
 * client, the CCDT's (the shape of ewiger/ibm-mq-mtls@6dee649: test-simple-put.sh, client_ccdt.json, scripts/client.mqsc).
 */
const CLIENT_MQSC = `DEFINE CHANNEL(CERT.SVRCONN) CHLTYPE(CLNTCONN) QMNAME(QM1) CONNAME('mq(1414)') +
  SSLCIPH('TLS_RSA_WITH_AES_256_CBC_SHA256') REPLACE
`;
const CCDT = JSON.stringify({
  channel: [
    {
      name: 'CERT.SVRCONN',
      type: 'clientConnection',
      clientConnection: { queueManagerName: 'QM1', connection: [{ host: 'localhost', port: 1414 }] },
      transmissionSecurity: { cipherSpecification: 'TLS_RSA_WITH_AES_256_CBC_SHA256' },
    },
  ],
});

/** The files of the findings on the client channel (its static-RSA CipherSpec), one per modelled client. */
const clientsOf = (files: Record<string, string>) => {
  const { findings, root } = lintTree(
    { 'mq/client.mqsc': CLIENT_MQSC, 'client_ccdt.json': CCDT, ...files },
    { builtIn: ['tls/weak-cipher-enabled'] },
  );
  return findings
    .filter((f) => f.message.startsWith('CLNTCONN channel CERT.SVRCONN'))
    .map((f) => path.relative(root, f.location.file))
    .sort();
};

describe("the client's channel definition table", () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['no client names a table: both definitions stay', {}, ['client_ccdt.json', 'mq/client.mqsc']],
    [
      "MQCCDTURL whose directory is the working directory: the tree's one table of that name",
      {
        'put.sh': '#!/bin/bash\nWORKDIR="$(pwd)"\nexport MQCCDTURL="file://${WORKDIR}/client_ccdt.json"\namqsputc Q1\n',
      },
      ['client_ccdt.json'],
    ],
    [
      'MQCCDTURL written from the script directory',
      { 'bin/put.sh': 'export MQCCDTURL=file://../client_ccdt.json\n' },
      ['client_ccdt.json'],
    ],
    [
      'MQCHLLIB and MQCHLTAB',
      { 'put.sh': 'export MQCHLLIB=.\nexport MQCHLTAB=client_ccdt.json\n' },
      ['client_ccdt.json'],
    ],
    [
      'MQCCDTURL naming a file the tree does not hold',
      { 'put.sh': 'export MQCCDTURL=file:///opt/ccdt/other.json\n' },
      ['client_ccdt.json', 'mq/client.mqsc'],
    ],
    [
      'MQCCDTURL over http: no tree file',
      { 'put.sh': 'export MQCCDTURL=http://host/client_ccdt.json\n' },
      ['client_ccdt.json', 'mq/client.mqsc'],
    ],
    [
      'two tables of that name and an unknown directory: which one is unknown',
      { 'put.sh': 'export MQCCDTURL="file://$DIR/client_ccdt.json"\n', 'b/client_ccdt.json': CCDT },
      ['b/client_ccdt.json', 'client_ccdt.json', 'mq/client.mqsc'],
    ],
  ])('%s', (_name, files, expected) => {
    expect(clientsOf(files)).toEqual(expected);
  });

  it("reads a value's last path segment when the script writes it, whatever comes before", () => {
    const doc = mqClientEnvFormat.parse(
      {
        path: '/t/put.sh',
        text: 'W="$(pwd)"\nC="${W}/client_ccdt.json"\nexport MQCCDTURL="file://${C}"\nexport MQCHLTAB=$T\n',
        hadBom: false,
      },
      'mq.client-env',
    );
    expect(doc.data.assignments.map(({ name, resolved, lastSegment }) => [name, resolved, lastSegment])).toEqual([
      ['MQCCDTURL', undefined, 'client_ccdt.json'],
      ['MQCHLTAB', undefined, undefined],
    ]);
  });
});
