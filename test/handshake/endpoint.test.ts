import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { endpointFor, mqClientOffer } from '../../src/handshake/endpoint';
import { predictHandshake } from '../../src/handshake/predict';
import type { MqChannelComponent } from '../../src/model/types';
import { linkOutcome } from '../../src/derive/outcome';
import { REFERENCE_JDK, jdkProfile, parseJavaVersion } from '../../src/knowledge';
import mqData from '../../src/knowledge/data/mq.json';
import { tomcatDeployment as deploymentOf } from '../helpers/tomcat-connector';

const here = { kind: 'file' as const, location: { file: '/x/ccdt.json' } };

function mqClient(sslciph: string): MqChannelComponent {
  return {
    id: 'mq.ccdt-channel:ccdt.json#CH',
    type: 'mq.ccdt-channel',
    name: 'CLNTCONN channel CH',
    role: 'client',
    location: { file: '/x/ccdt.json' },
    host: '',
    documents: [],
    attributes: { channelName: 'CH', chltype: 'CLNTCONN', nameLocation: { file: '/x/ccdt.json' } },
    tls: {
      enabled: { value: true, from: here },
      cipherSuites: { value: [sslciph], from: here },
      implementation: 'gskit',
    },
  };
}

function mqServer(sslciph: string): MqChannelComponent {
  return {
    ...mqClient(sslciph),
    id: 'mq.svrconn:QM1.mqsc#CH',
    type: 'mq.svrconn',
    role: 'server',
    tls: { ...mqClient(sslciph).tls!, clientAuth: { value: 'none', from: here }, certificate: { keyType: 'RSA' } },
  };
}

describe('MQ client endpoints: the CipherSpec fixes the protocol', () => {
  it.each([
    ['ECDHE_RSA_AES_256_GCM_SHA384', ['TLSv1.2'], ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384']],
    ['TLS_RSA_WITH_AES_256_CBC_SHA256', ['TLSv1.2'], ['TLS_RSA_WITH_AES_256_CBC_SHA256']],
    ['TLS_AES_128_GCM_SHA256', ['TLSv1.3'], ['TLS_AES_128_GCM_SHA256']],
  ])('specific CipherSpec %s', (spec, protocols, suites) => {
    expect(mqClientOffer([spec], [])).toEqual({ protocols, suites });
  });

  it.each([
    ['ANY_TLS12', ['TLSv1.2']],
    ['ANY_TLS12_OR_HIGHER', ['TLSv1.2', 'TLSv1.3']],
    ['ANY_TLS13', ['TLSv1.3']],
    ['ANY', ['TLSv1.2', 'TLSv1.3']],
  ])('alias %s gives a protocol range and the enabled CipherSpecs in it', (alias, protocols) => {
    const unknown: string[] = [];
    const offer = mqClientOffer([alias], unknown);
    expect(offer.protocols).toEqual(protocols);
    expect(offer.suites.length).toBeGreaterThan(1);
    expect(unknown).toEqual([]);
  });

  it('an unknown name is reported, not offered', () => {
    const unknown: string[] = [];
    expect(mqClientOffer(['NOT_A_SPEC'], unknown)).toEqual({ protocols: [], suites: [] });
    expect(unknown).toEqual(['NOT_A_SPEC']);
  });

  it('a CCDT client with a TLS 1.2 CipherSpec negotiates it with the queue manager (mq-mutual-tls-fixed)', () => {
    const client = endpointFor(mqClient('ECDHE_RSA_AES_256_GCM_SHA384'), 'client')!;
    const server = endpointFor(mqServer('ECDHE_RSA_AES_256_GCM_SHA384'), 'server')!;
    expect(client.side.protocols).toEqual(['TLSv1.2']);
    expect(client.protocolsFrom).toMatchObject({ kind: 'file', note: 'the CipherSpec fixes the protocol' });
    expect(predictHandshake(client.side, server.side)).toMatchObject({
      ok: true,
      protocol: 'TLSv1.2',
      cipherSuite: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    });
  });

  it('explicit protocols on the component win over the CipherSpec', () => {
    const c = mqClient('ANY_TLS12_OR_HIGHER');
    c.tls!.protocols = { value: ['TLSv1.3'], from: here };
    expect(endpointFor(c, 'client')!.side.protocols).toEqual(['TLSv1.3']);
  });
});

describe('fallback lists come from the knowledge base (issue 15 follow-up, item 4)', () => {
  it('a queue manager that configures no protocol enables those of its enabled CipherSpecs (mq.json)', () => {
    const fromData = new Set(mqData.cipherSpecs.filter((s) => s.enabledByDefault && !s.alias).map((s) => s.protocol));
    const server = endpointFor(mqServer('ANY_TLS12_OR_HIGHER'), 'server')!;
    expect(new Set(server.side.protocols)).toEqual(fromData);
  });

  // [client SSLCIPH, server SSLCIPH, outcome]: the queue manager's MQ release is unknown, and one before
  // channelDefaults.tls13.since speaks no TLS 1.3; it decides only a client that speaks TLS 1.3 alone, and not when
  // the channel itself needs TLS 1.3 (its queue manager has it).
  it.each([
    ['ANY_TLS12_OR_HIGHER', 'ANY_TLS12_OR_HIGHER', 'negotiates'],
    ['ANY_TLS13', 'ANY_TLS12_OR_HIGHER', 'unknown'],
    ['ANY_TLS13', 'ANY_TLS13_OR_HIGHER', 'negotiates'],
    ['TLS_AES_128_GCM_SHA256', 'TLS_AES_128_GCM_SHA256', 'negotiates'],
    ['ECDHE_RSA_AES_256_GCM_SHA384', 'ANY_TLS12', 'negotiates'],
  ])('client %s → queue manager channel %s: %s', (clientSpec, serverSpec, kind) => {
    const client = endpointFor(mqClient(clientSpec), 'client')!;
    const server = endpointFor(mqServer(serverSpec), 'server')!;
    const outcome = linkOutcome(client, server, predictHandshake(client.side, server.side));
    expect(outcome.kind).toBe(kind);
    if (outcome.kind === 'unknown') expect(outcome.missing.join()).toContain('the IBM MQ release');
  });

  it("a Java end without a JDK is drawn with the reference JDK's defaults, and its link is unknown", () => {
    const java: MqChannelComponent = { ...mqClient('x'), type: 'mq.ccdt-channel' };
    java.tls = { enabled: { value: true, from: here }, implementation: 'jsse' };
    const client = endpointFor(java, 'client')!;
    const reference = jdkProfile(REFERENCE_JDK.vendor, parseJavaVersion(REFERENCE_JDK.version)!)!;
    expect(client.side.protocols).toEqual(reference.defaultClientProtocols.value);
    expect(client.missing.join()).toContain('the JDK that runs');
    const server = endpointFor(mqServer('ANY_TLS12_OR_HIGHER'), 'server')!;
    expect(linkOutcome(client, server, predictHandshake(client.side, server.side)).kind).toBe('unknown');
  });
});

/**
 * The server end of DEV.APP.SVRCONN (SSLCAUTH(OPTIONAL), `sslciph`) in an MQSC under a Dockerfile whose FROM names the
 * queue manager's image (its release), with any other files of the queue manager's directory.
 */
function svrconnOn(image: string, sslciph: string, more: Record<string, string> = {}) {
  const deployment = deploymentOf({
    'QM1/Dockerfile': `FROM ${image}\nCOPY QM1.mqsc /etc/mqm/\n`,
    'QM1/QM1.mqsc': `DEFINE CHANNEL('DEV.APP.SVRCONN') CHLTYPE(SVRCONN) SSLCIPH(${sslciph}) SSLCAUTH(OPTIONAL) REPLACE\n`,
    ...more,
  });
  // The developer image defines DEV.ADMIN.SVRCONN too (its own 10-dev.mqsc): the channel of the tree's file is asked for.
  const svrconn = deployment?.components.find((c) => c.type === 'mq.svrconn' && c.id.endsWith('#DEV.APP.SVRCONN'));
  return svrconn && endpointFor(svrconn, 'server', deployment);
}

describe('a queue manager whose release still accepts the deprecated CipherSpec its channel names', () => {
  // kimptoc/ibmmq-with-ssl-test@95825d8 (mq-with-ssl): DEV.APP.SVRCONN with TLS_RSA_WITH_AES_128_CBC_SHA, here with
  // the release named by the Dockerfile beside the MQSC.
  const serverOn = (image: string) => svrconnOn(image, 'TLS_RSA_WITH_AES_128_CBC_SHA');
  const client = () => endpointFor(mqClient('TLS_RSA_WITH_AES_128_CBC_SHA'), 'client')!;

  it('a 9.0 CD release before the deprecation (9.0.4): the queue manager accepts it at TLS 1.0', () => {
    const server = serverOn('ibmcom/mq:9.0.4.0')!;
    expect(server.side.protocols).toContain('TLSv1');
    expect(server.side.cipherSuites).toContain('TLS_RSA_WITH_AES_128_CBC_SHA');
    expect(predictHandshake(client().side, server.side)).toMatchObject({
      ok: true,
      protocol: 'TLSv1',
      cipherSuite: 'TLS_RSA_WITH_AES_128_CBC_SHA',
    });
  });

  it('a release that refuses it (9.4): the current defaults only', () => {
    const server = serverOn('icr.io/ibm-messaging/mq:9.4.0.5-r1')!;
    expect(server.side.protocols).not.toContain('TLSv1');
    expect(server.side.cipherSuites).not.toContain('TLS_RSA_WITH_AES_128_CBC_SHA');
    expect(predictHandshake(client().side, server.side).ok).toBe(false);
  });
});

describe('examples', () => {
  const EXAMPLES = path.resolve(__dirname, '../../examples');
  const names = fs.readdirSync(EXAMPLES).filter((n) => /-(fixed|broken)$/.test(n));
  it.each(names.filter((n) => n.endsWith('-fixed')))('%s: no error findings', (name) => {
    const root = path.join(EXAMPLES, name);
    const { findings } = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  });
});

describe('a queue manager whose release the tree names settles TLS 1.3 (channelDefaults.tls13.since)', () => {
  // ibm-messaging/mq-container's developer TLS channel (ANY_TLS12_OR_HIGHER), under a Dockerfile naming the release.
  const serverOn = (image: string) => svrconnOn(image, 'ANY_TLS12_OR_HIGHER');
  const outcomeWith = (clientSpec: string, image: string) => {
    const client = endpointFor(mqClient(clientSpec), 'client')!;
    const server = serverOn(image)!;
    return linkOutcome(client, server, predictHandshake(client.side, server.side));
  };

  it.each([
    ['ANY_TLS13', 'icr.io/ibm-messaging/mq:9.4.0.5-r1', 'negotiates'],
    ['ANY_TLS13', 'ibmcom/mq:9.1.5.0-r2', 'fails'],
    ['ANY_TLS12_OR_HIGHER', 'ibmcom/mq:9.1.5.0-r2', 'negotiates'],
  ])('client %s → ANY_TLS12_OR_HIGHER channel on %s: %s', (clientSpec, image, kind) => {
    expect(outcomeWith(clientSpec, image).kind).toBe(kind);
  });

  it('a 9.1 queue manager whose qm.ini sets AllowTLSV13=Y: whether it speaks TLS 1.3 is left open', () => {
    const server = svrconnOn('ibmcom/mq:9.1.5.0-r2', 'ANY_TLS12_OR_HIGHER', {
      'QM1/qm.ini': 'SSL:\n  AllowTLSV13=Y\n',
    })!;
    const client = endpointFor(mqClient('ANY_TLS13'), 'client')!;
    const outcome = linkOutcome(client, server, predictHandshake(client.side, server.side));
    expect(outcome.kind).toBe('unknown');
    if (outcome.kind === 'unknown') expect(outcome.missing.join()).toContain('AllowTLSV13');
  });

  it('a 9.1 queue manager offers no TLS 1.3 protocol or suite', () => {
    const server = serverOn('ibmcom/mq:9.1.5.0-r2')!;
    expect(server.side.protocols).not.toContain('TLSv1.3');
    expect(server.alternative).toBeUndefined();
  });
});
