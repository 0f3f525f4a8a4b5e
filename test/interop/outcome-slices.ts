/**
 * The interop run's table by OUTCOME (issue 15's Done-when: agreement per protocol negotiated, and per failure
 * and its alert): every compared pair of the run — seeded OpenSSL/JSSE pairs, recorded hellos replayed to
 * `openssl s_server` and to Tomcat — is counted under what really happened, whatever the configuration kind.
 */
import type { PairResult } from './generate';
import type { RealSideOutcome } from './stacks';
import type { ServerAnswer } from './replay';

/** A failure with no alert on the wire: a JSSE end that builds no hello or accepts nothing, a server that closes. */
export const NO_ALERT = 'fails: no alert (an end closes the connection)';

export interface OutcomeRow {
  /** `negotiates TLSv1.3`, `fails: handshake_failure`, … */
  outcome: string;
  agree: boolean;
}

/** TLS 1.1 and 1.0 are one slice: only legacy servers reach them, and they differ in nothing the predictor decides. */
function negotiated(protocol: string | undefined): string {
  if (protocol === 'TLSv1.3' || protocol === 'TLSv1.2') return `negotiates ${protocol}`;
  if (protocol === 'TLSv1.1' || protocol === 'TLSv1' || protocol === 'TLSv1.0') return 'negotiates TLSv1.1 or TLSv1';
  return `negotiates ${protocol ?? '(protocol not read)'}`;
}

/**
 * A trust-slice case (test/interop/trust-cases.ts): the protocol when it succeeded, else the alert the failing side
 * sent; when none was seen, what the failure looked like (nginx answers HTTP 400 after a completed handshake).
 */
export function outcomeOfTrust(
  protocol: string,
  server: 'jsse' | 'openssl',
  real: { verdict: string; alert: string },
): string {
  if (real.verdict === 'ok') return negotiated(protocol);
  if (/^[a-z_]+$/.test(real.alert) && real.alert !== 'none') return `fails: ${real.alert}`;
  if (real.alert === 'none' && server === 'openssl') return `fails: ${real.verdict}, no alert (nginx answers HTTP 400)`;
  return `fails: ${real.verdict}, alert not seen (${real.alert.startsWith('?') ? 'unclassified' : 'the peer closed first'})`;
}

/** A replayed hello: the server's ServerHello version, or its alert. */
export function outcomeOfAnswer(real: ServerAnswer): string {
  if (real.kind === 'hello') return negotiated(real.protocol);
  if (real.kind === 'alert') return `fails: ${real.alert}`;
  return NO_ALERT;
}

/** The alert an error text names: JSSE `Received fatal alert: handshake_failure`, OpenSSL `tlsv1 alert protocol version`. */
export function alertInText(text: string | undefined): string | undefined {
  const jsse = /fatal alert: ([a-z_]+)/.exec(text ?? '');
  if (jsse) return jsse[1];
  const openssl = /(?:sslv3|tlsv1|ssl\/tls) alert ([a-z ]+?)(?::|$|\n| \()/m.exec(text ?? '');
  return openssl ? openssl[1].trim().replace(/ /g, '_') : undefined;
}

/**
 * A seeded pair: the protocol when both sides finished; on a failure the alert the prediction names when the real
 * error texts matched it (`compare` checked each side's text), else the alert read from the real texts.
 */
export function outcomeOfPair(r: PairResult): string {
  const { client, server } = r.real;
  if (client.ok && server.ok) return negotiated(client.protocol ?? server.protocol);
  if (r.diffs.length === 0 && !r.prediction.ok)
    return r.prediction.alert === 'none' ? NO_ALERT : `fails: ${r.prediction.alert}`;
  const sides: RealSideOutcome[] = [client, server];
  const alert = sides.map((s) => (s.ok ? undefined : alertInText(s.error))).find((a) => a !== undefined);
  return `fails: ${alert ?? '(alert not read)'}`;
}

/**
 * The markdown table by outcome: every outcome on its own row (none merged), sorted by name; a row with fewer than
 * `minimum` pairs says so in its name, so a slice under the bar is visible, never hidden.
 */
export function outcomeTable(rows: OutcomeRow[], minimum: number): string[] {
  const slices = new Map<string, { agree: number; total: number }>();
  for (const row of rows) {
    const slice = slices.get(row.outcome) ?? { agree: 0, total: 0 };
    slice.total++;
    if (row.agree) slice.agree++;
    slices.set(row.outcome, slice);
  }
  const lines = ['| outcome (real) | pairs | agree | % |', '| --- | ---: | ---: | ---: |'];
  for (const [name, s] of [...slices].sort(([a], [b]) => a.localeCompare(b))) {
    const label = s.total < minimum ? `${name} (under ${minimum.toLocaleString('en-US')} pairs)` : name;
    lines.push(`| ${label} | ${s.total} | ${s.agree} | ${((100 * s.agree) / Math.max(1, s.total)).toFixed(2)} |`);
  }
  const agree = rows.filter((r) => r.agree).length;
  lines.push(
    `| **all** | **${rows.length}** | **${agree}** | **${((100 * agree) / Math.max(1, rows.length)).toFixed(2)}** |`,
  );
  return lines;
}
