import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { isJmsConnectionFactory } from '../../src/model/types';
import { writeTree, type Tree } from '../helpers/rule-tester';
import { jmsBindings } from '../rules/mq/trees';

const SVRCONN = "DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCIPH(ANY_TLS12) MCAUSER('app')\n";

/** The JMS connection factories the tree's `.bindings` make: name, channel, queue manager, host, suite, peer, links. */
function factories(files: Tree): string[] {
  const root = writeTree(files);
  const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
  const deployment = result.deployments[0]!;
  return deployment.components.filter(isJmsConnectionFactory).map((c) => {
    const a = c.attributes;
    const linked = deployment.links.filter((l) => l.client === c.id).map((l) => l.server.split(':')[0]);
    return [
      a.factoryName,
      a.channelName,
      a.queueManager?.value,
      a.host?.value,
      a.sslCipherSuite?.value,
      a.sslPeerName?.value,
    ]
      .map((v) => v ?? '-')
      .concat(linked.length ? ['->', ...linked] : [])
      .join(' ');
  });
}

const client: [string, string | null][] = [
  ['VER', '2'],
  ['TRAN', '1'],
  ['QMGR', 'QM1'],
  ['HOST', 'mq.example.com'],
  ['PORT', '1414'],
  ['CHAN', 'APP.SVRCONN'],
  ['SCPHS', 'SSL_ECDHE_RSA_WITH_AES_256_GCM_SHA384'],
  ['SPEER', 'CN=QM1'],
];

describe('a JNDI .bindings connection factory in client mode is an MQ client', () => {
  it.each<[string, Tree, string[]]>([
    [
      'JMSAdmin short names (TRAN 1: client mode), linked to the SVRCONN of the queue manager it names',
      { 'jndi/.bindings': jmsBindings('QCF', client), 'QM1/qm1.mqsc': SVRCONN },
      ['QCF APP.SVRCONN QM1 mq.example.com SSL_ECDHE_RSA_WITH_AES_256_GCM_SHA384 CN=QM1 -> mq.svrconn'],
    ],
    [
      'XMSC names only (a null SSLCIPHERSUITE: no TLS)',
      {
        'jndi/.bindings': jmsBindings(
          'cf',
          [
            ['XMSC_WMQ_CONNECTION_MODE', '1'],
            ['XMSC_WMQ_CHANNEL', 'APP.SVRCONN'],
            ['XMSC_WMQ_QUEUE_MANAGER', ''],
            ['XMSC_WMQ_HOST_NAME', 'localhost'],
            ['XMSC_WMQ_SSL_CIPHER_SUITE', null],
          ],
          'com.ibm.mq.jms.MQConnectionFactory',
        ),
      },
      ['cf APP.SVRCONN - localhost - -'],
    ],
    [
      // cicsdev/cics-java-osgi-mq-jms@e07f29e .bindings: TRAN 0, as JMSAdmin writes a factory by default.
      'bindings mode (TRAN 0): a local JNI connection, no channel, no TLS',
      { 'jndi/.bindings': jmsBindings('cf', [['TRAN', '0'], ...client.slice(2)]) },
      [],
    ],
    ['no TRAN stored: the connection mode is unknown', { 'jndi/.bindings': jmsBindings('cf', client.slice(2)) }, []],
    [
      "a CCDT URL: the CCDT's channels are the client",
      { 'jndi/.bindings': jmsBindings('cf', [...client, ['CCDT', 'file:///var/mqm/ccdt.json']]) },
      [],
    ],
    [
      'a queue, and an object of another product',
      {
        'jndi/.bindings':
          jmsBindings(
            'q1',
            [
              ['QMGR', 'QM1'],
              ['QU', 'APP.Q'],
            ],
            'com.ibm.mq.jms.MQQueue',
          ) + jmsBindings('width', [['w', '1280.0']], 'com.example.jndi.Resources'),
      },
      [],
    ],
  ])('%s', (_name, files, expected) => {
    expect(factories(files)).toEqual(expected);
  });
});
