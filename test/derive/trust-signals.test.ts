import { trustSignals } from '../../src/derive/trust-signals';
import type { TrustCheck } from '../../src/derive/trust';
import type { Component } from '../../src/model/types';

/** A component whose only part the signals read is its TLS implementation. */
const end = (implementation: 'gskit' | 'jsse'): Component =>
  ({
    id: implementation,
    type: implementation === 'gskit' ? 'mq.svrconn' : 'java.app',
    tls: { implementation },
  }) as unknown as Component;

const check = (peer: 'gskit' | 'jsse'): TrustCheck =>
  ({
    direction: 'client',
    verifier: end('gskit'),
    peer: end(peer),
    presented: [],
    anchors: [],
  }) as unknown as TrustCheck;

describe('trustSignals: a queue manager (GSKit) that requires a client certificate and gets none', () => {
  it('logs AMQ9637E; an MQ peer (sender channel, MQ C client) logs AMQ9642E (APAR IT15978)', () => {
    const s = trustSignals(check('gskit'), 'no-certificate', 'TLSv1.2');
    expect(s.verifierLog).toBe('AMQ9637E: Channel is lacking a certificate');
    expect(s.peerLog).toBe('AMQ9642E: No SSL or TLS certificate for channel');
  });
  it('a Java peer sees an MQ reason code, not an AMQ message of its own', () => {
    expect(trustSignals(check('jsse'), 'no-certificate', 'TLSv1.2').peerLog).toMatch(/^MQRC 2393/);
  });
});
