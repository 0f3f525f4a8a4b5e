/**
 * The interop run's table by OUTCOME (issue 15's Done-when: agreement per protocol negotiated, and per failure
 * and its alert): every compared pair of the run — seeded OpenSSL/JSSE pairs, recorded hellos replayed to
 * `openssl s_server` and to Tomcat — is counted under what really happened, whatever the configuration kind.
 */
import type { PairResult } from './generate';
import type { RealSideOutcome } from './stacks';
import type { ServerAnswer } from './replay';

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

/** A replayed hello: the server's ServerHello version, or its alert. */
export function outcomeOfAnswer(real: ServerAnswer): string {
  if (real.kind === 'hello') return negotiated(real.protocol);
  if (real.kind === 'alert') return `fails: ${real.alert}`;
  return 'fails: connection closed without an alert';
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
  if (r.diffs.length === 0 && !r.prediction.ok) return `fails: ${r.prediction.alert}`;
  const sides: RealSideOutcome[] = [client, server];
  const alert = sides.map((s) => (s.ok ? undefined : alertInText(s.error))).find((a) => a !== undefined);
  return `fails: ${alert ?? '(alert not read)'}`;
}

/**
 * The markdown table by outcome; outcomes with fewer than `minimum` pairs are merged into one row that names them
 * (each with its count), so every printed slice has at least `minimum` pairs or says what it merges.
 */
export function outcomeTable(rows: OutcomeRow[], minimum: number): string[] {
  const slices = new Map<string, { agree: number; total: number }>();
  for (const row of rows) {
    const slice = slices.get(row.outcome) ?? { agree: 0, total: 0 };
    slice.total++;
    if (row.agree) slice.agree++;
    slices.set(row.outcome, slice);
  }
  const big = [...slices].filter(([, s]) => s.total >= minimum).sort(([a], [b]) => a.localeCompare(b));
  const small = [...slices].filter(([, s]) => s.total < minimum).sort(([, a], [, b]) => b.total - a.total);
  const line = (name: string, s: { agree: number; total: number }) =>
    `| ${name} | ${s.total} | ${s.agree} | ${((100 * s.agree) / Math.max(1, s.total)).toFixed(2)} |`;
  const lines = ['| outcome (real) | pairs | agree | % |', '| --- | ---: | ---: | ---: |'];
  for (const [name, s] of big) lines.push(line(name, s));
  if (small.length > 0) {
    const merged = small.reduce((m, [, s]) => ({ agree: m.agree + s.agree, total: m.total + s.total }), {
      agree: 0,
      total: 0,
    });
    const names = small.map(([name, s]) => `${name.replace(/^fails: /, '')} ${s.total}`).join(', ');
    lines.push(line(`other outcomes, merged (${names})`, merged));
  }
  const agree = rows.filter((r) => r.agree).length;
  lines.push(
    `| **all** | **${rows.length}** | **${agree}** | **${((100 * agree) / Math.max(1, rows.length)).toFixed(2)}** |`,
  );
  return lines;
}
