/** The interop run's table by real outcome (test/interop/outcome-slices.ts): how a pair is sliced, and the merging. */
import { alertInText, NO_ALERT, outcomeOfAnswer, outcomeOfTrust, outcomeTable } from '../interop/outcome-slices';

describe('outcome of a replayed hello (the server answer)', () => {
  it.each([
    [{ kind: 'hello', protocol: 'TLSv1.3', suite: '0x13,0x01' }, 'negotiates TLSv1.3'],
    [{ kind: 'hello', protocol: 'TLSv1.2', suite: '0xC0,0x2F' }, 'negotiates TLSv1.2'],
    [{ kind: 'hello', protocol: 'TLSv1.1', suite: '0x00,0x2F' }, 'negotiates TLSv1.1 or TLSv1'],
    [{ kind: 'hello', protocol: 'TLSv1', suite: '0x00,0x2F' }, 'negotiates TLSv1.1 or TLSv1'],
    [{ kind: 'alert', alert: 'internal_error' }, 'fails: internal_error'],
    [{ kind: 'closed' }, NO_ALERT],
  ] as const)('%j → %s', (answer, outcome) => {
    expect(outcomeOfAnswer(answer)).toBe(outcome);
  });
});

describe('alert named in a real error text', () => {
  it.each([
    ['javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure', 'handshake_failure'],
    [
      '40F7:error:0A00042E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version:../ssl/record/rec_layer_s3.c',
      'protocol_version',
    ],
    ['error:0A000410:SSL routines::sslv3 alert handshake failure', 'handshake_failure'],
    ['javax.net.ssl.SSLHandshakeException: No appropriate protocol', undefined],
  ])('%s → %s', (text, alert) => {
    expect(alertInText(text)).toBe(alert);
  });
});

describe('outcomeTable', () => {
  const rows = [
    ...Array.from({ length: 5 }, () => ({ outcome: 'negotiates TLSv1.2', agree: true })),
    ...Array.from({ length: 3 }, (_, i) => ({ outcome: 'fails: handshake_failure', agree: i > 0 })),
    { outcome: 'fails: bad_certificate', agree: true },
    { outcome: NO_ALERT, agree: true },
  ];

  it('prints every outcome on its own row (none merged), marks those under `minimum`, and a total', () => {
    expect(outcomeTable(rows, 3)).toEqual([
      '| outcome (real) | pairs | agree | % |',
      '| --- | ---: | ---: | ---: |',
      '| fails: bad_certificate (under 3 pairs) | 1 | 1 | 100.00 |',
      '| fails: handshake_failure | 3 | 2 | 66.67 |',
      `| ${NO_ALERT} (under 3 pairs) | 1 | 1 | 100.00 |`,
      '| negotiates TLSv1.2 | 5 | 5 | 100.00 |',
      '| **all** | **10** | **9** | **90.00** |',
    ]);
  });

  it('marks nothing when every outcome is large enough', () => {
    expect(outcomeTable(rows, 1).some((line) => line.includes('under'))).toBe(false);
  });
});

describe('outcome of a trust-slice case', () => {
  it.each([
    ['TLSv1.3', 'jsse', { verdict: 'ok', alert: '' }, 'negotiates TLSv1.3'],
    ['TLSv1.2', 'jsse', { verdict: 'server-rejected', alert: 'certificate_unknown' }, 'fails: certificate_unknown'],
    ['TLSv1.2', 'openssl', { verdict: 'server-rejected', alert: 'certificate_expired' }, 'fails: certificate_expired'],
    [
      'TLSv1.2',
      'openssl',
      { verdict: 'no-client-certificate', alert: 'none' },
      'fails: no-client-certificate, no alert (nginx answers HTTP 400)',
    ],
    [
      'TLSv1.3',
      'jsse',
      { verdict: 'client-rejected', alert: 'none' },
      'fails: client-rejected, alert not seen (the peer closed first)',
    ],
    [
      'TLSv1.3',
      'jsse',
      { verdict: 'server-rejected', alert: '? a / b' },
      'fails: server-rejected, alert not seen (unclassified)',
    ],
  ] as const)('%s %s %j → %s', (protocol, server, real, outcome) => {
    expect(outcomeOfTrust(protocol, server, real)).toBe(outcome);
  });
});
